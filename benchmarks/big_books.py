"""Benchmark (not a test): a build of a very big workbook, time and peak memory, each in a fresh process.

Two cases, both written to a temporary folder and deleted:
  * a valid book of 300,000 plan rows (about 44 MB): the build's peak memory must stay under 1 GB;
  * a book of as many rows with longer texts (about 96 MB) and one error: the marked-up copy must cost no more
    than the build itself.

Run from the repository root: python benchmarks/big_books.py [--plan-rows N]   (300,000 by default)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from automation.book import schema  # noqa: E402
from benchmarks import synthetic  # noqa: E402

VOCABULARY = ("посещение урока наставника разбор занятия подготовка технологической карты самоанализ итогов запись "
              "выводов дневник молодого педагога консультация родителей классный час открытый урок методическое "
              "объединение проверка тетрадей электронный журнал рабочая программа диагностика учащихся портфолио "
              "проектная деятельность олимпиада внеурочная работа воспитательное мероприятие педагогический совет "
              "обсуждение трудностей план развития отзыв наставника корректировка приёмов обратная связь "
              "взаимопосещение семинар вебинар курсы повышения квалификации аттестация").split()


def _phrase(words: random.Random, length: int) -> str:
    """Text as varied as a curator's: it packs in a zip as real text does, not as one sentence repeated."""
    return " ".join(words.choice(VOCABULARY) for _ in range(length))


_MEASURE = """
import json, resource, sys, time
from pathlib import Path
from automation.run import build
started = time.perf_counter()
report = build.build(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
print(json.dumps({"seconds": time.perf_counter() - started, "phases": report.phases, "errors": len(report.errors),
                  "documents": len(report.documents), "cells_marked": report.cells_marked,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
"""One build in a fresh process: its wall time, phases, and its own peak RSS."""


def write_big(path: Path, plan_rows: int, error_at: int | None = None, seed: int = 11, words: int = 18) -> Path:
    """A school of 2,000 people and 500 pairs whose programmes have `plan_rows` plan rows in all, streamed to disk
    (openpyxl's write-only mode); with `error_at`, that plan row's date is text that is no date. `words`: the
    length of an activity's text (its result is two words shorter)."""
    data, settings = synthetic.rows(2000, 500, 0, seed)
    rnd = random.Random(seed)
    book = Workbook(write_only=True)
    for sheet in schema.SHEETS:
        ws = book.create_sheet(sheet.title)
        ws.append([c.header for c in sheet.columns])
        if sheet is schema.ORGANIZATION:
            for setting in schema.SETTINGS:
                ws.append([setting.header, settings.get(setting.header)])
        elif sheet is schema.PLAN:
            for index in range(plan_rows):
                due = dt.date(2026, 9, 15) + dt.timedelta(days=index % 250)
                row = {"№ программы": str(index % 500 + 1), "Мероприятие": f"{index + 1}. {_phrase(rnd, words)}",
                       "Срок": "в сентябре" if index == error_at else due, "Форма": "практическое занятие",
                       "Ответственный": "наставник", "Результат": _phrase(rnd, words - 2),
                       "Отметка о выполнении": "да" if index % 3 else None}
                ws.append([row.get(c.header) for c in sheet.columns])
        else:
            for row in data.get(sheet.title, ()):
                ws.append([row.get(c.header) for c in sheet.columns])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def measure(book: Path, output: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(book), str(ROOT / "doc_templates"), str(output)],
                          capture_output=True, text=True, cwd=ROOT, check=True, timeout=1800)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plan-rows", type=int, default=300_000, help="plan rows of both books")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        space = Path(folder)
        for name, title, error_at, words, target in (
            ("valid", "valid book", None, 18, "peak RSS < 1 GB"),
            ("error", "longer texts, one error", args.plan_rows // 2, 44, "marked-up copy ≤ the build"),
        ):
            started = time.perf_counter()
            book = write_big(space / name / "book.xlsx", args.plan_rows, error_at, words=words)
            written = time.perf_counter() - started
            result = measure(book, space / name / "output")
            phases = ", ".join(f"{phase} {seconds:.1f}" for phase, seconds in result["phases"].items())
            copy = ("" if not result["errors"] else
                    "; marked-up copy: " + ("cells marked" if result["cells_marked"] else "list of problems only"))
            rows.append((f"{title}, {args.plan_rows:,} plan rows ({book.stat().st_size / 2**20:.0f} MB, "
                         f"written in {written:.0f} s)",
                         f"{result['seconds']:.1f} s ({phases}), peak RSS {result['peak_mb']:.0f} MB; "
                         f"{result['documents']} documents, {result['errors']} errors{copy}", target))
            book.unlink()
    synthetic.print_table(rows)


if __name__ == "__main__":
    main()
