"""Benchmark (not a test): a build of a very big workbook, time and peak memory, each in a fresh process.

Two cases, both written to a temporary folder and deleted:
  * a valid book of 300,000 plan rows (about 44 MB): the build's peak memory must stay under 1 GB;
  * a bigger book (about 96 MB) with one error: the marked-up copy must cost no more than the build itself.

Run from the repository root: python benchmarks/big_books.py [--plan-rows N] [--error-rows N]
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

from automation import schema  # noqa: E402
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
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(json.dumps({"seconds": time.perf_counter() - started, "code": done.returncode,
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
                  "tail": done.stdout.strip().splitlines()[-2:]}))
"""
"""Runs a command and reports its wall time and its own peak RSS (RUSAGE_CHILDREN of a fresh parent)."""


def write_big(path: Path, plan_rows: int, error_at: int | None = None, seed: int = 11) -> Path:
    """A school of 2,000 people and 500 pairs whose programmes have `plan_rows` plan rows in all, streamed to disk
    (openpyxl's write-only mode); with `error_at`, that plan row's date is text that is no date."""
    data, settings = synthetic.rows(2000, 500, 0, seed)
    words = random.Random(seed)
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
                row = {"№ программы": str(index % 500 + 1), "Мероприятие": f"{index + 1}. {_phrase(words, 18)}",
                       "Срок": "в сентябре" if index == error_at else due, "Форма": "практическое занятие",
                       "Ответственный": "наставник", "Результат": _phrase(words, 16),
                       "Отметка о выполнении": "да" if index % 3 else None}
                ws.append([row.get(c.header) for c in sheet.columns])
        else:
            for row in data.get(sheet.title, ()):
                ws.append([row.get(c.header) for c in sheet.columns])
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def measure(book: Path, output: Path) -> dict:
    command = [sys.executable, "-m", "automation", "build", "--workbook", str(book), "--output", str(output),
               "--templates", str(ROOT / "doc_templates"), "--quiet"]
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plan-rows", type=int, default=300_000, help="plan rows of the valid book")
    parser.add_argument("--error-rows", type=int, default=650_000, help="plan rows of the book with one error")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        space = Path(folder)
        for title, plan_rows, error_at, target in (
            (f"valid book, {args.plan_rows:,} plan rows", args.plan_rows, None, "peak < 1 GB"),
            (f"book of {args.error_rows:,} plan rows, one error", args.error_rows, args.error_rows // 2,
             "marked-up copy ≤ the build"),
        ):
            started = time.perf_counter()
            book = write_big(space / f"{plan_rows}" / "book.xlsx", plan_rows, error_at)
            written = time.perf_counter() - started
            result = measure(book, space / f"{plan_rows}" / "output")
            copies = sorted(p.name for p in (space / f"{plan_rows}" / "output").glob("Проверка*.xlsx"))
            rows.append((f"{title} ({book.stat().st_size / 2**20:.0f} MB, written in {written:.0f} s)",
                         f"{result['seconds']:.1f} s, peak RSS {result['peak_mb']:.0f} MB, exit {result['code']}; "
                         f"{' / '.join(result['tail'])}; check files: {', '.join(copies) or 'none'}", target))
            book.unlink()
    width = max(len(r[0]) for r in rows)
    print(f"{'what'.ljust(width)} | measured | target")
    for what, measured, target in rows:
        print(f"{what.ljust(width)} | {measured} | {target}")


if __name__ == "__main__":
    main()
