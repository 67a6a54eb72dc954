"""Which file is the workbook: the book itself, or the only one of a folder, never a copy lying beside it."""

from __future__ import annotations

import re
from pathlib import Path

from automation.book.reader import BOOK_SUFFIXES
from automation.run.report import CannotRun

_NOT_WORKBOOKS = ("~$", ".~lock", ".")
_COPY = re.compile(r"копия|\bcopy\b|\(\d+\)\s*$|резерв|backup|\bbak\b|старая|\bold\b|~$", re.IGNORECASE)


_YEAR_BOOK = re.compile(r" \d{4}-\d{4}$")
"""«Наставничество 2026-2027.xlsx»: a closed year's book `nastavnik new-year` keeps beside the current one."""


def workbooks(folder: Path) -> list[Path]:
    """The workbooks of a folder, without Excel's and LibreOffice's lock files or temporary files, and without the
    books of closed years."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in BOOK_SUFFIXES and p.is_file()
                  and not p.name.startswith(_NOT_WORKBOOKS) and not _YEAR_BOOK.search(p.stem))


def is_copy(book: Path) -> bool:
    """«Наставничество — копия.xlsx», «… - Copy», «… (1)», «… резерв», «… backup»: a copy beside the book."""
    return bool(_COPY.search(book.stem))


def sort_out_copies(books: list[Path]) -> tuple[list[Path], list[Path]]:
    """(the books, the copies beside them)."""
    return [b for b in books if not is_copy(b)], [b for b in books if is_copy(b)]


def quoted_names(paths: list[Path], shown: int = 5) -> str:
    """«a.xlsx», «b.xlsx»; of a long list, the first few and how many more («… и ещё 495»)."""
    names = ", ".join(f"«{p.name}»" for p in paths[:shown])
    return names + (f" и ещё {len(paths) - shown}" if len(paths) > shown else "")


def find_workbook(path: Path) -> tuple[Path, list[Path]]:
    """The workbook itself, or the only one in a folder, and the copies beside it that were left aside.

    A folder is never a district by accident: several books that are not copies are a question for the curator."""
    if not path.exists():
        raise CannotRun(f"Не найдено: «{path}». Укажите книгу параметром --workbook или создайте её: nastavnik init.")
    if path.is_file():
        return path, []
    books = workbooks(path)
    if not books:
        raise CannotRun(f"В папке «{path}» нет книги .xlsx или .ods. Создайте её командой «nastavnik init» "
                        "или укажите --workbook.")
    originals, copies = sort_out_copies(books)
    if not originals:  # nothing but copies: then they are the books
        originals, copies = books, []
    if len(originals) > 1:
        raise CannotRun(f"В папке «{path}» несколько книг ({quoted_names(originals)}). Укажите нужную: --workbook "
                        "ПУТЬ_К_КНИГЕ; если это книги разных школ района — добавьте --district.")
    return originals[0], copies
