"""`nastavnik new-year`: the book carried into the next school year, last year's record kept as it was.

The steps, each safe to repeat, the last one flipping the book: (1) the book's bytes are copied to «<книга>
2026-2027.xlsx», never written again; (2) the new book is written beside it under a hidden temporary name; (3)
`output/` moves whole into `output/2026-2027/` (a rename of the folder, then a rename into the new one); (4) the
new book replaces the old one. A kill before (4) leaves the old book in place and the next run completes what is
left; after it, the new year is whole. A second run says what the first did."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Callable

from automation import grammar
from automation.book.reader import read_workbook
from automation.documents.period import Period, book_year
from automation.documents.rollover import next_school_year, roll_over
from automation.files import OutputBusy, output_lock, remove_leftovers, write_atomic
from automation.run.build import validated
from automation.run.report import EXIT_FATAL, EXIT_OK, EXIT_PROBLEMS, Report

YEAR_FOLDER = re.compile(r"\d{4}-\d{4}")
"""A school year's folder of output/: «2026-2027»."""
EARLY_DAYS = 31
"""Rolling over more than this many days before the year's end is asked about first."""
ERRORS_LISTED = 20


def archive_name(book: Path, year: Period) -> Path:
    """«Наставничество 2026-2027.xlsx» beside «Наставничество.xlsx»."""
    return book.with_name(f"{book.stem} {year.slug}{book.suffix}")


def _temporary(book: Path) -> Path:
    return book.with_name(f".{book.stem} (новый год){book.suffix}")


def new_year(workbook: Path, output: Path, today: dt.date, confirm: Callable[[str], bool]) -> tuple[list[str], int]:
    """The lines to say and the exit code: 0 — done (or done before), 1 — refused (errors, or not confirmed),
    2 — the book cannot be read."""
    report = Report()
    result = validated(workbook, report)
    if result is None:
        return [report.fatal or "Книгу прочитать не удалось."], EXIT_FATAL
    book, data = report.workbook, result.data
    year = book_year(data, today)
    new = next_school_year(year)
    done_before = _done_before(book, data, year, today)
    if done_before:
        return done_before, EXIT_OK
    ahead = data.year_typed_ahead()
    if ahead is not None:
        return [f"Новый учебный год не начат: «Учебный год» в книге — {data.organization.school_year}, а книга "
                f"ведётся с прошлого года (приказ № {ahead.number} от {ahead.date:%d.%m.%Y}). Верните в «Учебный "
                "год» прежний год и запустите ещё раз."], EXIT_PROBLEMS
    errors = [str(p) for p in report.errors]
    if errors:
        shown = errors[:ERRORS_LISTED] + ([f"… и ещё {len(errors) - ERRORS_LISTED}"] if len(errors) > ERRORS_LISTED
                                          else [])
        return [f"Новый учебный год не начат: в книге {len(errors)} "
                f"{grammar.plural(len(errors), 'ошибка', 'ошибки', 'ошибок')}. Исправьте их и запустите ещё раз:",
                *(f"  • {line}" for line in shown)], EXIT_PROBLEMS
    archive = archive_name(book, year)
    if archive.exists() and archive.read_bytes() != report.source:
        return [f"Книга «{archive.name}» уже есть и отличается от «{book.name}»: её не перезаписываю. Переименуйте "
                "или уберите её, если это не книга прошлого года, и запустите ещё раз."], EXIT_PROBLEMS
    days = (year.end - today).days
    if days > EARLY_DAYS and not archive.exists() and not confirm(
            f"До конца {year.label.replace('учебный год', 'учебного года')} ещё {days} "
            f"{grammar.plural(days, 'день', 'дня', 'дней')}. Начать {new.label} сейчас?"):
        return ["Новый учебный год не начат: книга и документы не изменены."], EXIT_PROBLEMS
    carried = roll_over(read_workbook(book, report.source), data, year, archive.name)
    from automation.office.blank_book import write_workbook  # openpyxl: only for the command that writes a book

    try:
        with output_lock(output):  # a build (the watcher's) waits, then reads the new book into the new output/
            if book.read_bytes() != report.source:
                return ["Новый учебный год не начат: книгу сохранили, пока программа её читала. Запустите ещё "
                        "раз."], EXIT_PROBLEMS
            remove_leftovers(book.parent, nested=False)  # a run killed while writing beside the book
            if not archive.exists():
                write_atomic(archive, report.source)  # (1)
            temporary = _temporary(book)
            write_workbook(temporary, carried.rows, carried.settings,
                           hidden={f"Дорожная карта {year.slug}": carried.roadmap})  # (2)
            moved = _move_output(output, year.slug)  # (3)
            _flip(temporary, book)  # (4)
    except OutputBusy as busy:
        return [f"Новый учебный год не начат: {busy}"], EXIT_PROBLEMS
    lines = [f"Начат {new.label}. Книга прошлого года сохранена как «{archive.name}» и больше не меняется; "
             f"«{book.name}» — книга нового года."]
    if moved:
        lines.append(f"Документы прошлого года перенесены в «{output / year.slug}» (подписанные — как были).")
    lines.append("Перенесено: " + ("; ".join(carried.carried) if carried.carried else "пар и групп, чья программа "
                                   "продолжается, нет") + ".")
    left = [f"{title}: {count}" for title, count in carried.left.items() if count]
    if left:
        lines.append("Осталось в книге прошлого года (строк): " + "; ".join(left) + ".")
    lines += carried.review
    lines.append(f"Дорожную карту {new.label.replace('учебный год', 'учебного года')} впишите заново: прошлогодняя "
                 f"— на скрытом листе «Дорожная карта {year.slug}» (показать: правой кнопкой по ярлыку листа).")
    return lines, EXIT_OK


def _flip(temporary: Path, book: Path) -> None:
    """The new book in the old one's place: one rename, so the book is always one or the other whole."""
    os.replace(temporary, book)


def _done_before(book: Path, data, year: Period, today: dt.date) -> list[str]:
    """What the first run did, when this book is already the one it made (and its year has not ended)."""
    previous = data.organization.previous_book if data.organization else None
    if not previous or not (book.parent / previous).exists() or (year.end - today).days <= EARLY_DAYS:
        return []
    return [f"Новый учебный год уже начат: книга «{book.name}» — на {year.label}, книга прошлого года — "
            f"«{previous}». Ничего не изменено."]


def _move_output(output: Path, slug: str) -> bool:
    """`output/` whole into `output/<slug>/` — renamed beside itself, then into a new `output/` — and the folders of
    earlier years back beside it. Each step is a rename and is skipped when done: a run killed between them completes
    them. Whether there is a year's folder now."""
    target = output / slug
    aside = output.with_name(f"{output.name} {slug}")
    if not target.exists():
        if output.exists() and not aside.exists() and any(not YEAR_FOLDER.fullmatch(e.name) for e in output.iterdir()):
            output.rename(aside)
        if aside.exists():
            output.mkdir(parents=True, exist_ok=True)
            aside.rename(target)
    if target.exists():
        for entry in list(target.iterdir()):
            if YEAR_FOLDER.fullmatch(entry.name) and not (output / entry.name).exists():
                entry.rename(output / entry.name)
    return target.exists()
