"""The generated tables (.xlsx): indicators, pairing suggestions, the district summary — one sheet each, set up
to print: the width of one page (landscape when wide), the header repeated on every page, frozen on screen."""

from __future__ import annotations

import datetime as dt
import io
import math
import textwrap
from typing import Any

SHEET_TITLE = "Таблица"
WIDTH_MIN, WIDTH_MAX = 8, 50
"""A column's width in characters: the longest value (or header word) fits, up to WIDTH_MAX; longer text wraps."""
LANDSCAPE_FROM = 100
"""Columns wider than this in all print across the page."""
PORTRAIT_WIDTH, LANDSCAPE_WIDTH = 90, 135
"""Characters of 11-point text an A4 page holds across, upright and landscape."""
WIDTH_SHRUNK = 14
"""The narrowest a long column is made to fit the page before the page itself is scaled down."""
VERSION = 3
"""Part of every table's fingerprint: a new layout rewrites the tables made by an older one."""
_MADE = dt.datetime(2026, 1, 1)
"""The creation date written into every table: equal data give equal bytes whenever the table is made."""


def table_workbook(context: dict[str, Any]) -> bytes:
    """A one-sheet workbook: the title (context «заголовок»), the header row («столбцы»), then the rows («строки»);
    numbers stay numbers, text is never read as a formula or a link."""
    columns = [str(c) for c in context["столбцы"]]
    rows = [list(row) for row in context["строки"]]
    import xlsxwriter  # only a build that makes a table loads it: a cold start stays short

    widths = _widths(columns, rows)
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                     "strings_to_urls": False})
    book.set_properties({"title": context["заголовок"], "author": "Наставник", "created": _MADE})
    sheet = book.add_worksheet(SHEET_TITLE)
    title = book.add_format({"bold": True, "font_size": 12, "text_wrap": True, "valign": "top"})
    header = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "border": 1, "bg_color": "#F2F2F2"})
    cell = book.add_format({"text_wrap": True, "valign": "top", "border": 1})
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    lines = math.ceil(len(context["заголовок"]) / max(sum(widths), 1))
    sheet.set_row(0, 16 * lines)
    if len(columns) > 1:
        sheet.merge_range(0, 0, 0, len(columns) - 1, context["заголовок"], title)
    else:
        sheet.write_string(0, 0, context["заголовок"], title)
    for index, name in enumerate(columns):
        sheet.write_string(1, index, name, header)
    sheet.set_row(1, _height(columns, widths))
    for number, row in enumerate(rows, start=2):
        sheet.set_row(number, _height(row, widths))
        for index, value in enumerate(row):
            if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
                sheet.write_number(number, index, value, cell)
            elif value is None or value == "":
                sheet.write_blank(number, index, None, cell)
            else:
                sheet.write_string(number, index, str(value), cell)
    sheet.freeze_panes(2, 0)
    sheet.repeat_rows(1)
    sheet.set_paper(9)  # A4
    if sum(widths) > LANDSCAPE_FROM:
        sheet.set_landscape()
    sheet.fit_to_pages(1, 0)  # one page wide, as many long as the rows need
    sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    sheet.set_footer("&CСтраница &P из &N")
    if context.get("диаграмма"):
        _chart(book, context["диаграмма"])
    book.close()
    return out.getvalue()


CHART_TITLE = "Диаграмма"


def _chart(book, chart: dict[str, Any]) -> None:
    """A sheet of its own with the chart's numbers and a bar chart of them: a category per row, a series per column
    («диаграмма»: «название», «категории», «серии» — a name and its values each)."""
    sheet = book.add_worksheet(CHART_TITLE)
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    sheet.set_column(0, 0, WIDTH_MAX)
    sheet.write_string(0, 0, chart["название"], bold)
    for index, (name, _) in enumerate(chart["серии"], start=1):
        sheet.set_column(index, index, max(len(name) + 2, WIDTH_MIN))
        sheet.write_string(1, index, name, bold)
    for number, category in enumerate(chart["категории"], start=2):
        sheet.write_string(number, 0, category)
        for index, (_, values) in enumerate(chart["серии"], start=1):
            sheet.write_number(number, index, values[number - 2])
    bars = book.add_chart({"type": "bar"})
    last = len(chart["категории"]) + 1
    for index, (name, _) in enumerate(chart["серии"], start=1):
        bars.add_series({"name": [CHART_TITLE, 1, index], "categories": [CHART_TITLE, 2, 0, last, 0],
                         "values": [CHART_TITLE, 2, index, last, index], "data_labels": {"value": True}})
    bars.set_title({"name": chart["название"], "name_font": {"size": 12}})
    bars.set_y_axis({"reverse": True})  # the first category on top, as in the table
    bars.set_x_axis({"min": 0})
    bars.set_legend({"position": "bottom"})
    bars.set_size({"width": 600, "height": 140 + 50 * len(chart["категории"])})
    sheet.insert_chart(last + 2, 0, bars)
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def _widths(columns: list[str], rows: list[list[Any]]) -> list[int]:
    """Each column as wide as its longest value; when the page cannot hold them all, the widest columns give way
    (their text wraps), down to their header's longest word, so the page is scaled down as little as possible."""
    widths, floors = [], []
    for index, name in enumerate(columns):
        longest = max([len(_shown(row[index])) for row in rows if index < len(row)], default=0)
        word = max((len(w) for w in name.split()), default=0) + 3  # the header is bold: a little wider
        value_word = max((len(w) for row in rows if index < len(row) for w in _shown(row[index]).split()),
                         default=0) + 2
        width = min(max(longest + 2, word, WIDTH_MIN), WIDTH_MAX)
        widths.append(width)
        floors.append(min(max(word, value_word, min(width, WIDTH_SHRUNK)), width))  # no word broken
    page = LANDSCAPE_WIDTH if sum(widths) > LANDSCAPE_FROM else PORTRAIT_WIDTH
    while sum(widths) > page:
        widest = max(range(len(widths)), key=lambda i: widths[i] - floors[i])
        if widths[widest] <= floors[widest]:
            break
        widths[widest] -= 1
    return widths


LINE_HEIGHT = 15
"""Points per line of 11-point text; rows are given their height, as neither Excel nor Calc fits wrapped rows of a
generated file on opening it."""


def _height(values: list[Any], widths: list[int]) -> float:
    """The height of a row whose text wraps at its columns' widths."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        wrapped = sum(max(1, len(textwrap.wrap(part, width - 1))) for part in _shown(value).split("\n"))
        lines = max(lines, wrapped)
    return LINE_HEIGHT * lines


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)
