"""Benchmark (not a test): save-to-document latency of the running watcher, and the cost of an incremental rebuild.

Run from the repository root: python benchmarks/watch_latency.py
It copies the sample workspace into a temporary folder, so the repository's files are never touched.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from automation.run import build as builder  # noqa: E402
from automation.run.report import UNCHANGED
from automation.run.watch import Watched, Watcher  # noqa: E402

SAVES = 20
PROGRAMME_ROW = 3  # programme № 2 of the sample («Волкова Д.О.»)


def edit_goal(book: Path, staged: Path, text: str) -> None:
    """An Excel-like save: the whole new file written elsewhere, then renamed over the book."""
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["Программы"]
    column = next(c.column for c in sheet[1] if c.value == "Цель")
    sheet.cell(row=PROGRAMME_ROW, column=column, value=text)
    workbook.save(staged)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        space = Path(folder)
        shutil.copytree(ROOT / "workbook", space / "workbook")
        shutil.copytree(ROOT / "doc_templates", space / "doc_templates")
        book, templates, output = space / "workbook" / "Наставничество.xlsx", space / "doc_templates", space / "output"
        builder.build(book, templates, output)
        [target] = (output / "Программы").glob("Программа наставничества № 2 *.docx")

        # 1. Incremental rebuild after a one-cell edit, timed in-process.
        edit_goal(book, space / "staged.xlsx", "цель после одной правки")
        os.replace(space / "staged.xlsx", book)
        start = time.perf_counter()
        report = builder.build(book, templates, output)
        incremental = time.perf_counter() - start
        rewritten = [str(d.path) for d in report.documents if d.status != UNCHANGED]

        # 2. Save-to-document latency with the real watcher, debounce included.
        stop = threading.Event()
        watcher = Watcher(Watched.of(book.parent, templates, output), lambda: builder.build(book, templates, output))
        thread = threading.Thread(target=watcher.run, args=(stop,), daemon=True)
        thread.start()
        time.sleep(0.5)
        latencies = []
        for index in range(SAVES):
            edit_goal(book, space / "staged.xlsx", f"цель № {index}")
            before = target.stat().st_mtime_ns
            saved = time.perf_counter()
            os.replace(space / "staged.xlsx", book)
            while target.stat().st_mtime_ns == before:
                time.sleep(0.005)
            latencies.append(time.perf_counter() - saved)
            time.sleep(0.5)
        stop.set()
        thread.join()

    print(f"Документов в образце: {len(report.documents)}")
    print(f"Пересборка после правки одной ячейки («Цель» программы № 2): {incremental * 1000:.0f} мс; "
          f"переписано документов: {len(rewritten)}")
    for path in rewritten:
        print(f"  {path}")
    print(f"Сохранение → документ готов, {SAVES} сохранений: медиана {statistics.median(latencies):.2f} с, "
          f"минимум {min(latencies):.2f} с, максимум {max(latencies):.2f} с (цель ≤ 1,5 с)")


if __name__ == "__main__":
    main()
