"""Where a document's tables may break across pages: no row is ever split; a short table (up to half a page) is kept
whole (every row's paragraphs kept with the next row, as Word reads it and LibreOffice takes it: a table that must
not split); a longer one keeps its header with its first two rows (Word honours it; LibreOffice 7.4 splits such a
table where it must, but never leaves a repeated header alone, looked at). Applied to any template, a school's too."""

from __future__ import annotations

import math
from collections.abc import Mapping

from lxml import etree

from automation.office import columns

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TBL, _TR, _TC, _P, _T = (f"{_W}{name}" for name in ("tbl", "tr", "tc", "p", "t"))
_TR_PR, _P_PR, _CANT_SPLIT, _HEADER, _KEEP_NEXT, _TC_PR, _TC_W = (
    f"{_W}{name}" for name in ("trPr", "pPr", "cantSplit", "tblHeader", "keepNext", "tcPr", "tcW"))
_VAL, _WIDTH = f"{_W}val", f"{_W}w"
_TR_PR_LAST = {f"{_W}{name}" for name in ("ins", "del", "trPrChange")}
"""What must follow a row's properties' own elements (CT_TrPr)."""
LINE = 1.15
"""A line's height in font sizes (single spacing of Times New Roman and its twin)."""
SHORT = 0.5
"""A table is short, and kept whole, when its estimated height is at most this share of the page's text height:
moved whole, it leaves at most half a page empty above it (a longer one breaks where the page ends)."""
_ROW_ROOM = 40
"""Twips a row takes beyond its lines (borders)."""


def prepare(body: etree._Element) -> None:
    """Once a template: no row of any table may split across pages (a row longer than a page still does)."""
    for row in body.iter(_TR):
        properties = row.find(_TR_PR)
        if properties is None:
            properties = etree.Element(_TR_PR)
            row.insert(1 if row.find(f"{_W}tblPrEx") is not None else 0, properties)
        if properties.find(_CANT_SPLIT) is None:
            mark = etree.Element(_CANT_SPLIT)
            follower = next((c for c in properties if c.tag in _TR_PR_LAST), None)
            if follower is None:
                properties.append(mark)
            else:
                follower.addprevious(mark)


def keep(body: etree._Element, sizes: Mapping[etree._Element, int] | None = None) -> None:
    """Once a document: each of the body's tables whole where it is short, else its header with two rows. `sizes`:
    the tables' largest text sizes where the column fit has them (columns.fit), not looked for again."""
    sizes = sizes or {}
    height = _text_height(body)
    for table in body.iter(_TBL):
        if table.getparent().tag == _TC:
            continue  # a table inside a cell goes with its row
        rows = table.findall(_TR)
        if len(rows) < 2:
            continue
        if height and _fits(table, rows, height * SHORT, sizes.get(table)):
            kept = rows[:-1]
        else:
            headers = sum(1 for _ in _header_rows(rows))
            kept = rows[:headers + 1] if headers else []
        for row in kept:
            for paragraph in row.iter(_P):
                _keep_with_next(paragraph)


def _header_rows(rows: list[etree._Element]):
    for row in rows:
        properties = row.find(_TR_PR)
        if properties is None or properties.find(_HEADER) is None:
            return
        yield row


def _keep_with_next(paragraph: etree._Element) -> None:
    properties = paragraph.find(_P_PR)
    if properties is None:
        properties = etree.Element(_P_PR)
        paragraph.insert(0, properties)
    elif properties.find(_KEEP_NEXT) is not None:
        return
    # Only a paragraph's style comes before it (ECMA-376 CT_PPrBase).
    properties.insert(1 if properties.find(f"{_W}pStyle") is not None else 0, etree.Element(_KEEP_NEXT))


def _text_height(body: etree._Element) -> int | None:
    section = body.find(f"{_W}sectPr")
    try:
        size, margins = section.find(f"{_W}pgSz"), section.find(f"{_W}pgMar")
        return int(size.get(f"{_W}h")) - int(margins.get(f"{_W}top")) - int(margins.get(f"{_W}bottom"))
    except (AttributeError, TypeError, ValueError):
        return None


def _fits(table: etree._Element, rows: list[etree._Element], limit: float, size: int | None) -> bool:
    """Whether the table's rows, their text wrapped at their cells' widths, take at most `limit` twips; stops
    counting as soon as they do not (a plan of 30,000 rows is not measured to its end)."""
    size = size or columns.largest_size(table)
    line = size * 10 * LINE  # half-points → twips
    total = 0.0
    for row in rows:
        tallest = 1
        for cell in row.iterchildren(_TC):
            width = _cell_width(cell) - columns.MARGINS
            lines = 0
            for paragraph in cell.iterchildren(_P):
                text = "".join(t.text or "" for t in paragraph.iter(_T))
                needed = columns.text_twips(text, size)
                lines += max(1, math.ceil(needed / width)) if width > 0 else 1
            tallest = max(tallest, lines)
        total += tallest * line + _ROW_ROOM
        if total > limit:
            return False
    return True


def _cell_width(cell: etree._Element) -> int:
    properties = cell.find(_TC_PR)  # two finds of a tag: a path is parsed on each call
    width = None if properties is None else properties.find(_TC_W)
    try:
        return int(width.get(_WIDTH))
    except (AttributeError, TypeError, ValueError):
        return 0
