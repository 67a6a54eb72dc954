"""Reads the .xlsx into plain rows with their Excel coordinates; never writes the source."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from python_calamine import CalamineError, CalamineWorkbook, PasswordError

from automation.schema import SHEETS, Column, Sheet, normalize

HEADER_SEARCH_ROWS = 5
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class WorkbookUnreadable(Exception):
    """The file cannot be read as a workbook; the message is for the curator."""


@dataclass
class Row:
    number: int
    values: dict[str, Any]
    columns: dict[str, str]

    def header(self, key: str) -> str:
        return self.columns[key]


@dataclass
class Table:
    sheet: Sheet
    header_row: int
    rows: list[Row]
    missing: list[Column] = field(default_factory=list)


@dataclass
class RawBook:
    path: Path
    tables: dict[str, Table]
    missing_sheets: list[Sheet]
    source: bytes = field(default=b"", repr=False)
    """The bytes the rows were read from (the marked-up copy is made from these, not from a later save)."""


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a Russian reason why they cannot be had."""
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
    if data.startswith(_OLE_MAGIC):
        raise WorkbookUnreadable(
            f"Книга «{path.name}» защищена паролем или сохранена в старом формате .xls. "
            "Сохраните её как «Книга Excel (.xlsx)» без пароля."
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise WorkbookUnreadable(
            f"Файл «{path.name}» — не книга Excel .xlsx или сохранён не до конца. Откройте его в Excel и сохраните как .xlsx."
        )
    return data


def read_workbook(path: Path) -> RawBook:
    """Every known sheet as rows keyed by column key; unknown sheets and columns are ignored.

    The bytes are read once and parsed in memory (python-calamine), so the file is never held open or locked."""
    data = read_bytes(path)
    damaged = (f"Книга «{path.name}» повреждена или сохранена не до конца; "
               "откройте её в Excel и сохраните ещё раз.")
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
            grid = book.get_sheet_by_name(title).to_python(skip_empty_area=False)
            tables[sheet.key] = _read_table(sheet, grid)
    except PasswordError as err:
        raise WorkbookUnreadable(f"Книга «{path.name}» защищена паролем. Сохраните её как .xlsx без пароля.") from err
    except (CalamineError, ValueError) as err:
        raise WorkbookUnreadable(damaged) from err
    return RawBook(path=path, tables=tables, missing_sheets=missing, source=data)


def book_from_rows(path: Path, rows: Mapping[str, Iterable[Mapping[str, Any]]],
                   settings: Mapping[str, Any]) -> RawBook:
    """Rows given by sheet title and header (the sample data), as `read_workbook` would give them from a file."""
    tables = {}
    for sheet in SHEETS:
        given = ([{"Параметр": name, "Значение": value} for name, value in settings.items()]
                 if sheet.key == "organization" else rows.get(sheet.title, []))
        keys = {normalize(c.header): c.key for c in sheet.columns}
        columns = {c.key: c.header for c in sheet.columns}
        table_rows = [Row(number=index, values={keys[normalize(h)]: _clean(v) for h, v in row.items()}, columns=columns)
                      for index, row in enumerate(given, start=2)]
        tables[sheet.key] = Table(sheet=sheet, header_row=1, rows=table_rows)
    return RawBook(path=path, tables=tables, missing_sheets=[])


def _read_table(sheet: Sheet, grid: list[list[Any]]) -> Table:
    header_index, positions = find_header(sheet, grid[:HEADER_SEARCH_ROWS])
    columns = {c.key: c.header for c in sheet.columns}
    present = set(positions)
    missing = [c for c in sheet.columns if c.required and c.key not in present]
    rows: list[Row] = []
    for index in range(header_index + 1, len(grid)):
        line = grid[index]
        values = {key: _clean(line[pos] if pos < len(line) else None) for key, pos in positions.items()}
        if all(v is None for v in values.values()):
            continue
        rows.append(Row(number=index + 1, values=values, columns=columns))
    return Table(sheet=sheet, header_row=header_index + 1, rows=rows, missing=missing)


def find_header(sheet: Sheet, top: list[list[Any]]) -> tuple[int, dict[str, int]]:
    """The row among the first five that names most of the sheet's columns, and where each column is."""
    wanted = {normalize(c.header): c.key for c in sheet.columns}
    best_index, best = 0, {}
    for index, line in enumerate(top):
        found: dict[str, int] = {}
        for pos, value in enumerate(line):
            if isinstance(value, str):
                key = wanted.get(normalize(value))
                if key is not None and key not in found:
                    found[key] = pos
        if len(found) > len(best):
            best_index, best = index, found
    return best_index, best


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value
