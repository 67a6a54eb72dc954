"""A marked-up copy of the curator's workbook: every problem cell filled and commented, a first sheet listing them.

Made from the bytes the build read; the source file is never opened for writing. openpyxl keeps the curator's
formatting, dropdowns (data validation) and comments; ours are added beside them.
"""

from __future__ import annotations

import io
import warnings
from collections import defaultdict
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from automation.book.matching import normalize
from automation.book.problems import ERROR, WARNING, Problem
from automation.book.reader import HEADER_SEARCH_ROWS, find_header, printable
from automation.book.schema import SHEETS, Sheet

LIST_TITLE = "Проверка"
AUTHOR = "Наставник"
FILLS = {ERROR: PatternFill("solid", fgColor="FFC7CE"), WARNING: PatternFill("solid", fgColor="FFEB9C")}
_HEADERS = ("№", "Вид", "Лист", "Строка", "Столбец", "Что не так и как исправить", "Перейти")
_WIDTHS = (5, 15, 16, 8, 28, 100, 12)
_LINK_FONT = Font(color="0563C1", underline="single")


def marked_name(workbook: Path) -> str:
    return f"Проверка — {workbook.stem}.xlsx"


def marked_copy(source: bytes, problems: list[Problem]) -> bytes:
    """The workbook `source` with each located problem's cell filled (red: error, yellow: warning) and commented."""
    problems = sorted(problems, key=lambda p: p.severity != ERROR)  # errors first, each kind in workbook order
    with warnings.catch_warnings():  # «date outside the limits» and the like: the check report says it in Russian
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(source))
    sheets = {normalize(ws.title): ws for ws in book.worksheets}
    declared = {normalize(sheet.title): sheet for sheet in SHEETS}
    by_cell: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    layouts: dict[str, tuple[int, dict[str, int]]] = {}
    links: list[str | None] = []
    for problem in problems:
        ws = sheets.get(normalize(problem.sheet or ""))
        if ws is None:  # a template's problem, or a sheet missing from the book: listed, nothing to mark
            links.append(None)
            continue
        if ws.title not in layouts:
            layouts[ws.title] = _layout(ws, declared.get(normalize(ws.title)))
        cell = _cell(*layouts[ws.title], problem)
        by_cell[(ws.title, cell)].append(problem)
        links.append(f"{quote_sheetname(ws.title)}!{cell}")
    for (title, cell), found in by_cell.items():
        _mark(_first_of_merged(book[title], cell), found)
    _listing(book, problems, links)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def problem_list(problems: list[Problem]) -> bytes:
    """A workbook of the «Проверка» sheet alone: every problem with its sheet, row and column, no cell marked."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    problems = sorted(problems, key=lambda p: p.severity != ERROR)
    _listing(book, problems, [None] * len(problems))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _layout(ws: Worksheet, sheet: Sheet | None) -> tuple[int, dict[str, int]]:
    """A sheet's header row (0-based, as the reader found it) and each header's column, read once per sheet."""
    if sheet is None:
        return 0, {}
    top = [list(row) for row in ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, values_only=True)]
    header_row, positions = find_header(sheet, top)
    return header_row, {normalize(c.header): positions[c.key] for c in sheet.columns if c.key in positions}


def _cell(header_row: int, columns: dict[str, int], problem: Problem) -> str:
    """The problem's cell: its row and column; the row's first cell when no column; the header when no row."""
    column = columns.get(normalize(problem.column or ""), 0)
    row = problem.row if problem.row is not None else header_row + 1
    return f"{get_column_letter(column + 1)}{row}"


def _first_of_merged(ws: Worksheet, coordinate: str):
    """The cell itself, or the first cell of the merged range covering it (only that one holds a value and a note)."""
    for merged in ws.merged_cells.ranges:
        if coordinate in merged:
            return ws.cell(merged.min_row, merged.min_col)
    return ws[coordinate]


def _mark(cell, problems: list[Problem]) -> None:
    severity = ERROR if any(p.severity == ERROR for p in problems) else WARNING
    cell.fill = FILLS[severity]
    text = "\n".join(("Ошибка: " if p.severity == ERROR else "Предупреждение: ") + printable(p.message)
                     for p in problems)
    if cell.comment is not None:
        text = cell.comment.text.rstrip() + "\n\n" + text
    comment = Comment(text, AUTHOR)
    comment.width, comment.height = 360, min(60 + 45 * len(problems) + len(text) // 2, 600)
    cell.comment = comment


def _listing(book, problems: list[Problem], links: list[str | None]) -> None:
    """The first sheet: every problem in order, each with a link to its cell."""
    title, number = LIST_TITLE, 1
    while title in book.sheetnames:
        number += 1
        title = f"{LIST_TITLE} ({number})"
    ws = book.create_sheet(title, 0)
    ws.append(list(_HEADERS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for index, (problem, link) in enumerate(zip(problems, links, strict=True), start=1):
        ws.append([index, "ошибка" if problem.severity == ERROR else "предупреждение", problem.sheet or "—",
                   problem.row if problem.row is not None else "—", problem.column or "—", printable(problem.message),
                   "перейти" if link else ""])
        line = index + 1
        ws.cell(line, 2).fill = FILLS[problem.severity]
        ws.cell(line, 6).alignment = Alignment(wrap_text=True, vertical="top")
        if link:
            target = ws.cell(line, 7)
            target.hyperlink = Hyperlink(ref=target.coordinate, location=link, display="перейти")
            target.font = _LINK_FONT
    for column, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = "A2"
    for sheet in book.worksheets:
        sheet.sheet_view.tabSelected = sheet is ws
    book.active = 0
