"""Reads the book (.xlsx, .xlsm or .ods, from its bytes in memory) into plain rows with their Excel coordinates, and
the key/value sheet of a small book of its own (the district's); never writes the source."""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from python_calamine import CalamineError, CalamineWorkbook, PasswordError

from automation.book.matching import find_choice, find_choice_latin, latin_letters, normalize
from automation.book.raw_xml import DAYS_1904, date1904, error_cells
from automation.book.schema import SHEETS, YES_NO, Column, Kind, Sheet

HEADER_SEARCH_ROWS = 5
BOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
"""Excel's books (with or without macros) and LibreOffice Calc's own format."""
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Characters no .docx, .xlsx or HTML may hold (XML 1.0): NUL, form feed and the rest of C0 but tab and new line.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SOFT_BREAK = re.compile("[\x0b\r]\n?")
"""Word's manual line break (pasted into a cell it becomes _x000B_) and a Windows line end: a line break."""
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
"""Any character either of the two above would change: most cells have none and are left as they are."""
_SHARED_LENGTH = 40
# Compared in upper case: LibreOffice's own «Err:502» is «ERR:502» here.
_FORMULA_ERRORS = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
                   "#SPILL!", "#CALC!", "ERR:", "#ЗНАЧ!", "#ДЕЛ/0!", "#ССЫЛКА!", "#ИМЯ?", "#ЧИСЛО!", "#Н/Д",
                   "#ПУСТО!")


class FormulaError(str):
    """A cell whose formula gave an error (#REF!, #DIV/0! …): its value is the error's text, never a blank."""


@dataclass(frozen=True)
class Note:
    """Something the reader did to a cell that the curator should know: located, said as a warning."""

    row: int
    column: str
    message: str


class WorkbookUnreadable(Exception):
    """The file cannot be read as a workbook; the message is for the curator."""


@dataclass(slots=True)
class Row:
    number: int
    values: dict[str, Any]
    columns: dict[str, str]
    notes: tuple[Note, ...] = ()

    def header(self, key: str) -> str:
        return self.columns[key]


@dataclass
class Table:
    sheet: Sheet
    header_row: int
    rows: list[Row]
    missing: list[Column] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    """Merged ranges and cleaned cells of the sheet: one warning each."""


@dataclass
class RawBook:
    path: Path
    tables: dict[str, Table]
    missing_sheets: list[Sheet]
    source: bytes = field(default=b"", repr=False)
    """The bytes the rows were read from (the marked-up copy is made from these, not from a later save)."""


def read_bytes(path: Path) -> bytes:
    """The workbook's bytes, or a Russian reason why they cannot be had or are not a workbook's."""
    data = file_bytes(path)
    if data.startswith(_OLE_MAGIC):
        raise WorkbookUnreadable(
            f"Книга «{path.name}» защищена паролем или сохранена в старом формате .xls. "
            "Сохраните её как «Книга Excel (.xlsx)» без пароля."
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise WorkbookUnreadable(
            f"Файл «{path.name}» — не книга Excel .xlsx или сохранён не до конца. Откройте его в Excel и сохраните как .xlsx."
        )
    other = _other_office_file(data)
    if other:
        raise WorkbookUnreadable(f"Файл «{path.name}» — {other}, а не книга Excel, хотя назван как книга. Положите "
                                 "сюда книгу куратора (.xlsx или .ods), а этот файл переименуйте обратно.")
    return data


def file_bytes(path: Path) -> bytes:
    """A file's bytes, or a Russian reason why they cannot be had (missing, a folder, locked, empty)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise WorkbookUnreadable(f"Книга «{path}» не найдена.") from err
    except IsADirectoryError as err:
        raise WorkbookUnreadable(f"«{path}» — это папка, а не книга Excel.") from err
    except PermissionError as err:
        raise WorkbookUnreadable(
            f"Книга «{path.name}» занята другой программой или нет прав на чтение. Закройте её и сохраните ещё раз."
        ) from err
    if not data:
        raise WorkbookUnreadable(f"Книга «{path.name}» пуста (0 байт): возможно, она ещё сохраняется.")
    return data


def _other_office_file(data: bytes) -> str:
    """What an Office file that is not a workbook is («документ Word», «презентация PowerPoint»), or ""."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        kind = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    if "word/document.xml" in names or kind.endswith(".text"):
        return "документ Word" if "word/document.xml" in names else "документ OpenDocument (Writer)"
    if "ppt/presentation.xml" in names or kind.endswith(".presentation"):
        return "презентация"
    return ""


def read_workbook(path: Path, data: bytes | None = None) -> RawBook:
    """Every known sheet as rows keyed by column key; unknown sheets and columns are ignored.

    The bytes are read once and parsed in memory (python-calamine), so the file is never held open or locked; `data`:
    the book's bytes when they were read already."""
    data = read_bytes(path) if data is None else data
    damaged = (f"Книга «{path.name}» повреждена или сохранена не до конца; "
               "откройте её в Excel и сохраните ещё раз.")
    errors = error_cells(data)
    shift = DAYS_1904 if date1904(data) else 0
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        by_title = {normalize(title): title for title in book.sheet_names}
        tables: dict[str, Table] = {}
        missing: list[Sheet] = []
        for sheet in SHEETS:
            title = by_title.get(normalize(sheet.title))
            if title is None:
                missing.append(sheet)
                continue
            found = book.get_sheet_by_name(title)
            tables[sheet.key] = _read_table(sheet, _sheet_lines(found), found.merged_cell_ranges or [],
                                            errors.get(title, ()), shift)
    except PasswordError as err:
        raise WorkbookUnreadable(f"Книга «{path.name}» защищена паролем. Сохраните её как .xlsx без пароля.") from err
    except (CalamineError, ValueError) as err:
        raise WorkbookUnreadable(damaged) from err
    return RawBook(path=path, tables=tables, missing_sheets=missing, source=data)


def read_settings(path: Path, sheet: Sheet) -> dict[str, tuple[int, Any]]:
    """A key/value sheet of a small book of its own (the district's «Район»): the normalised parameter → (its row,
    its value), from the sheet's first two columns under the header."""
    data = read_bytes(path)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        title = next((t for t in book.sheet_names if normalize(t) == normalize(sheet.title)), None)
        if title is None:
            raise WorkbookUnreadable(f"В книге «{path.name}» нет листа «{sheet.title}».")
        lines = book.get_sheet_by_name(title).to_python(skip_empty_area=False)
    except (CalamineError, PasswordError, ValueError) as err:
        raise WorkbookUnreadable(f"Книга «{path.name}» повреждена или защищена паролем; "
                                 "откройте её в Excel и сохраните как .xlsx без пароля.") from err
    settings: dict[str, tuple[int, Any]] = {}
    for number, line in enumerate(lines[1:], start=2):
        if len(line) >= 2 and isinstance(line[0], str) and line[0].strip():
            settings[normalize(line[0])] = (number, clean(line[1]))
    return settings


_LATIN = re.compile("[A-Za-z]")


def _latin_choice(sheet: Sheet, key: str, value: str, number: int) -> tuple[str, Note | None]:
    """A closed-list value typed with Latin look-alike letters: the value meant, and a note naming the letters."""
    column = sheet.column(key)
    choices = column.choices if column.kind is Kind.CHOICE else YES_NO if column.kind is Kind.YES_NO else ()
    if not choices or not _LATIN.search(value) or find_choice(value, choices) is not None:
        return value, None
    meant = find_choice_latin(value, choices)
    if meant is None:
        return value, None
    return meant, Note(number, column.header, f"в значении «{value}» латинская буква {latin_letters(value, meant)}; "
                                              f"учтено как «{meant}». Наберите значение русскими буквами.")


def _read_table(sheet: Sheet, lines: Iterable[list[Any]], merged: list = (),
                errors: Iterable[tuple[int, int, str]] = (), shift: int = 0) -> Table:
    """The sheet's rows, read one at a time: a sheet of 300,000 rows is never held twice. `shift`: days added to a
    date cell holding a bare number (a book in the 1904 date system)."""
    lines = iter(lines)
    top = list(itertools.islice(lines, HEADER_SEARCH_ROWS))
    header_index, positions = find_header(sheet, top)
    columns = {c.key: c.header for c in sheet.columns}
    present = set(positions)
    missing = [c for c in sheet.columns if c.required and c.key not in present]
    by_row: dict[int, list[tuple[int, str]]] = {}
    for row, column, text in errors:
        by_row.setdefault(row, []).append((column, text))
    merges = _Merges(merged, header_index, positions, columns)
    dates = {c.key for c in sheet.columns if c.kind is Kind.DATE} if shift else set()
    closed = {c.key for c in sheet.columns if c.kind in (Kind.CHOICE, Kind.YES_NO)}
    rows: list[Row] = []
    # One string object per repeated short value («да», «наставник», a programme's number): a sheet of 300,000
    # rows holds a few hundred distinct ones, not a million copies.
    shared: dict[str, str] = {}
    for index, line in enumerate(itertools.chain(top, lines)):
        for column, text in by_row.get(index, ()):
            if column < len(line):
                line[column] = FormulaError(text or "#ЗНАЧ!")
        merges.spread(index, line)
        if index <= header_index:
            continue
        values: dict[str, Any] = {}
        cleaned: list[Note] = []
        for key, pos in positions.items():
            value = line[pos] if pos < len(line) else None
            if isinstance(value, str) and not isinstance(value, FormulaError):
                if _UNPRINTABLE.search(value):
                    value, removed = _printable(value)
                    if removed:
                        cleaned.append(Note(index + 1, columns[key],
                                            "в ячейке были непечатаемые символы (скопированы из другой программы); "
                                            "в документах они убраны. Проверьте текст ячейки."))
                value = clean(value)
                if value is not None and key in closed:
                    value, note = _latin_choice(sheet, key, value, index + 1)
                    cleaned += [note] if note else []
                if value is not None and len(value) <= _SHARED_LENGTH:
                    value = shared.setdefault(value, value)
                values[key] = value
            elif key in dates and isinstance(value, (int, float)) and not isinstance(value, bool):
                values[key] = value + shift
            else:
                values[key] = clean(value)
        if all(v is None for v in values.values()):
            continue
        rows.append(Row(number=index + 1, values=values, columns=columns, notes=tuple(cleaned)))
    return Table(sheet=sheet, header_row=header_index + 1, rows=rows, missing=missing, notes=merges.notes)


def printable(text: str) -> str:
    """Text any .docx, .xlsx or HTML may hold."""
    return _printable(text)[0]


def _printable(text: str) -> tuple[str, bool]:
    """The text with Word's line breaks as line breaks and every other control character removed; whether any was."""
    text = _SOFT_BREAK.sub("\n", text)
    cleaned = _CONTROL.sub("", text)
    return cleaned, len(cleaned) != len(text)


class _Merges:
    """Merged ranges, applied as the rows go by: a range's value given to every cell it covers (a curator merges
    «№ программы» over its plan rows), said once per range that reaches the data rows, at its first data row."""

    def __init__(self, merged: list, header_index: int, positions: dict[str, int], columns: dict[str, str]) -> None:
        by_position = {pos: key for key, pos in positions.items()}
        self.header_index = header_index
        self.notes: list[Note] = []
        self.pending = []  # ranges not reached yet, the topmost last
        self.active: list[list] = []
        for (top, left), (bottom, right) in merged:
            if bottom > header_index:
                named = [columns[by_position[c]] for c in range(left, right + 1) if c in by_position]
                self.pending.append([top, left, bottom, right, named, None])
        self.pending.sort(key=lambda r: r[0], reverse=True)

    def spread(self, index: int, line: list[Any]) -> None:
        while self.pending and self.pending[-1][0] <= index:
            self.active.append(self.pending.pop())
        if not self.active:
            return
        for merge in self.active:
            top, left, bottom, right, named, value = merge
            if index == top:
                value = merge[5] = line[left] if left < len(line) else None
            for column in range(left, min(right + 1, len(line))):
                if (index, column) != (top, left):
                    line[column] = value
            if index == max(top, self.header_index + 1) and named and value not in (None, ""):
                span = f"{column_letter(left + 1)}{top + 1}:{column_letter(right + 1)}{bottom + 1}"
                rows = f"строк {index + 1}–{bottom + 1}" if bottom > top else f"строки {top + 1}"
                self.notes.append(Note(index + 1, named[0],
                                       f"ячейки {span} объединены: значение «{printable(str(value))}» учтено для "
                                       f"{rows}. Лучше разъединить ячейки и вписать значение в каждую строку."))
        self.active = [merge for merge in self.active if merge[2] > index]


def _sheet_lines(sheet) -> Iterator[list[Any]]:
    """The sheet's rows from A1, one list at a time (calamine's to_python would hold them all at once)."""
    start = sheet.start
    if start is None:
        return
    top, left = start
    lines = sheet.iter_rows()
    first = next(lines, None)
    if first is None:
        return
    if top and any(value not in ("", None) for value in first):
        # Rows given from the data's first row rather than from A1: the empty ones above it are added.
        yield from ([] for _ in range(top))
    pad = [""] * left  # columns are given from the data's first column
    for line in itertools.chain([first], lines):
        yield pad + line if left else line


def column_letter(number: int) -> str:
    """Excel's letters of a column numbered from 1: 1 → A, 27 → AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def is_formula_error(value: Any) -> bool:
    """A formula error typed or kept as text (an .ods keeps them so): #REF!, #ДЕЛ/0!, Err:502 …"""
    return isinstance(value, FormulaError) or (
        isinstance(value, str) and value.strip().upper().startswith(_FORMULA_ERRORS) and len(value.strip()) < 16)


def find_header(sheet: Sheet, top: list[list[Any]]) -> tuple[int, dict[str, int]]:
    """The row among the first five that names most of the sheet's columns, and where each column is."""
    wanted = {normalize(c.header): c.key for c in sheet.columns}
    best_index, best = 0, {}
    for index, line in enumerate(top):
        found: dict[str, int] = {}
        for pos, value in enumerate(line):
            if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
                value = str(int(value))  # a question's number typed as a number: «Ответы анкет»
            if isinstance(value, str):
                key = wanted.get(normalize(value))
                if key is not None and key not in found:
                    found[key] = pos
        if len(found) > len(best):
            best_index, best = index, found
    return best_index, best


def clean(value: Any) -> Any:
    if isinstance(value, FormulaError):
        return value
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value
