"""Table columns as wide as their longest word: once a document is rendered, a column whose longest word or number
(«Константинопольская», «наставничества,», «12», «1/0») would not fit takes the width it needs from columns that have
room, then from the page's margins of text; only when the page cannot hold them all is the table's text made smaller
(down to 9 points). No word is ever broken inside a cell, by Word or by LibreOffice.

Words are measured with the advance widths of Liberation Serif, the metric twin of Times New Roman."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from lxml import etree

from automation.office import font_metrics

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TBL, _TR, _TC, _P, _R, _T = (f"{_W}{name}" for name in ("tbl", "tr", "tc", "p", "r", "t"))
_BR, _TAB = f"{_W}br", f"{_W}tab"
_VAL, _WIDTH, _TYPE = f"{_W}val", f"{_W}w", f"{_W}type"
_NS = {"w": _W[1:-1]}
_SIZES = etree.XPath("w:tr[position() <= 20]//w:sz/@w:val", namespaces=_NS)  # later rows repeat them
_UNSIZED = etree.XPath("boolean(.//w:r[w:t][not(w:rPr/w:sz)])", namespaces=_NS)
_BOLD_CELLS = etree.XPath("w:tr/w:tc[.//w:rPr/w:b[not(@w:val='0' or @w:val='false')]]", namespaces=_NS)
_SPANS = etree.XPath("boolean(.//w:gridSpan)", namespaces=_NS)
_CELL_WITHOUT_WIDTH = etree.XPath("boolean(w:tr/w:tc[not(w:tcPr/w:tcW)])", namespaces=_NS)
_GAP = re.compile(r"[ \t\n\r]+")  # a no-break space joins what it stands between
_AFTER_HYPHEN = re.compile(r"(?<=\w-)(?=\w)")  # a line may break after a hyphen between letters
_REGULAR = dict(zip(font_metrics.CHARS, font_metrics.REGULAR, strict=True))
_BOLD = dict(zip(font_metrics.CHARS, font_metrics.BOLD, strict=True))
_UNKNOWN = max(font_metrics.BOLD)  # a character not in the table is taken as wide as the widest
DEFAULT_SIZE = 28
"""Half-points of text with no size of its own (the documents' 14-point body text)."""
SMALLEST = 18
"""Half-points: a table's text is never made smaller than 9 points."""
MARGINS = 2 * 108
"""Twips of a cell's left and right margins (0.19 cm each, Word's and LibreOffice's default)."""
_AFTER_SIZE = {"szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
               "eastAsianLayout", "specVanish", "oMath"}
"""What follows w:sz in a run's properties (ECMA-376 CT_RPr)."""
_SPACE = 250
"""Thousandths of the font size a space takes."""
ROOM = 60
"""Twips added to every measured word: borders, and rounding between Word's and LibreOffice's layouts."""


@lru_cache(maxsize=65536)
def _thousandths(word: str, bold: bool) -> int:
    """The word's advance width in thousandths of the font size: its widest piece where a hyphen may break it."""
    widths = _BOLD if bold else _REGULAR
    return max((sum(widths.get(char, _UNKNOWN) for char in piece) for piece in _AFTER_HYPHEN.split(word)),
               default=0)


def text_twips(text: str, half_points: int) -> int:
    """Twips a line of regular text takes at this size, its words and the spaces between them."""
    words = text.split()
    return _twips(sum(_thousandths(word, False) for word in words) + _SPACE * max(0, len(words) - 1), half_points)


def largest_size(table: etree._Element) -> int:
    """The largest text size of a table, in half-points."""
    return max(_largest(table), DEFAULT_SIZE if _UNSIZED(table) else 0)


def _twips(thousandths: int, half_points: int) -> int:
    """Twips that many thousandths take printed at this size."""
    return math.ceil(thousandths * half_points * 10 / 1000)


def fit(body: etree._Element) -> dict[etree._Element, int]:
    """Widens, in place, every column of every table of the body whose longest word would be broken. Returns the
    largest text size of each table whose sizes it left as they were (see largest_size), for the pagination."""
    page = _text_width(body)
    sizes: dict[etree._Element, int] = {}
    for table in body.iter(_TBL):
        largest = _fit_table(table, page)
        if largest is not None:
            sizes[table] = largest
    return sizes


def _text_width(body: etree._Element) -> int | None:
    section = body.find(f"{_W}sectPr")
    if section is None:
        return None
    size, margins = section.find(f"{_W}pgSz"), section.find(f"{_W}pgMar")
    try:
        return int(size.get(_WIDTH)) - int(margins.get(f"{_W}left")) - int(margins.get(f"{_W}right"))
    except (AttributeError, TypeError, ValueError):
        return None


def _fit_table(table: etree._Element, page: int | None) -> int | None:
    """The table fitted; its largest text size if its text was not made smaller."""
    grid = table.find(f"{_W}tblGrid")
    columns = [] if grid is None else grid.findall(f"{_W}gridCol")
    try:
        widths = [int(column.get(_WIDTH)) for column in columns]
    except (TypeError, ValueError):
        return None
    if not widths:
        return None
    largest = largest_size(table)
    widest = _widest(table, len(widths))
    shrink = 0
    while True:
        needs = [_twips(thousandths, max(SMALLEST, largest - shrink)) + MARGINS + ROOM if thousandths else 0
                 for thousandths in widest]
        if all(need <= width for need, width in zip(needs, widths, strict=True)):
            if shrink:  # smaller text alone makes every word fit the template's widths
                _make_smaller(table, shrink)
                return None
            return largest
        room = max(sum(widths), page or 0)
        if sum(needs) <= room or largest - shrink <= SMALLEST:
            break
        shrink += 1
    if shrink:
        _make_smaller(table, shrink)
    new = _share(widths, needs, room)
    for column, width in zip(columns, new, strict=True):
        column.set(_WIDTH, str(width))
    _cell_widths(table, new, widths)
    return None if shrink else largest


def _columns(table: etree._Element, count: int):
    """row → (column, cell) for each cell that is one column wide (cells spanning columns are left to the columns
    they span)."""
    if _SPANS(table):
        def cells(row):
            column = 0
            for cell in row.iterchildren(_TC):
                span = _span(cell)
                if span == 1 and column < count:
                    yield column, cell
                column += span
        return cells
    return lambda row: zip(range(count), row.iterchildren(_TC))


def _widest(table: etree._Element, count: int) -> list[int]:
    """Each column's widest word in thousandths of the font size, all its text taken at the table's largest size
    (an upper bound); a line break, a tab or a new paragraph separates words; a cell is bold if any of its runs is.
    Each distinct word is measured once, whatever the number of rows, and every size is then a multiplication."""
    words: list[tuple[set[str], set[str]]] = [(set(), set()) for _ in range(count)]
    column_of = _columns(table, count)
    bold_cells = set(_BOLD_CELLS(table))  # one query for the table, not one for each of its cells
    for row in table.iterchildren(_TR):
        for column, cell in column_of(row):
            text = "".join([element.text or "" if element.tag == _T else " "
                            for element in cell.iter(_T, _BR, _TAB, _P)])
            words[column][cell in bold_cells].update(_GAP.split(text))
    return [max([_thousandths(word, False) for word in regular if word]
                + [_thousandths(word, True) for word in bold if word], default=0)
            for regular, bold in words]


def _span(cell: etree._Element) -> int:
    properties = cell.find(f"{_W}tcPr")
    span = None if properties is None else properties.find(f"{_W}gridSpan")
    try:
        return 1 if span is None else max(1, int(span.get(_VAL)))
    except (TypeError, ValueError):
        return 1


def _half_points(size: etree._Element | None) -> int:
    try:
        return DEFAULT_SIZE if size is None else int(size.get(_VAL))
    except (TypeError, ValueError):
        return DEFAULT_SIZE


def _largest(table: etree._Element) -> int:
    sizes = [int(value) for value in set(_SIZES(table)) if value.isdigit()]  # rows past the first repeat them
    return max(sizes, default=DEFAULT_SIZE)


_RUNS_WITHOUT_SIZE = etree.XPath(".//w:r[not(w:rPr/w:sz)]", namespaces=_NS)


def _make_smaller(table: etree._Element, shrink: int) -> None:
    """Every run's size (and complex-script size, where it has one) smaller by `shrink` half-points, not below
    SMALLEST; a run without a size gets one, counted from DEFAULT_SIZE. Sizes already written are changed in one
    pass over them (a plan of 30,000 rows has 200,000 runs)."""
    for size in table.iter(f"{_W}sz", f"{_W}szCs"):
        if size.getparent().getparent().tag == _R:  # a run's, not a paragraph mark's
            size.set(_VAL, str(max(SMALLEST, _half_points(size if size.get(_VAL) else None) - shrink)))
    for run in _RUNS_WITHOUT_SIZE(table):
        properties = run.find(f"{_W}rPr")
        if properties is None:
            properties = etree.Element(f"{_W}rPr")
            run.insert(0, properties)
        size = etree.Element(f"{_W}sz", {_VAL: str(max(SMALLEST, DEFAULT_SIZE - shrink))})
        follower = next((c for c in properties if etree.QName(c).localname in _AFTER_SIZE), None)
        if follower is None:
            properties.append(size)
        else:
            follower.addprevious(size)


def _share(widths: list[int], needs: list[int], room: int) -> list[int]:
    """Columns short of their need get it; the width they take comes from the others' spare width, in proportion,
    and from the page where the table was narrower than the text; a table the page cannot hold keeps its needs'
    proportions."""
    new = [max(width, need) for width, need in zip(widths, needs, strict=True)]
    excess = sum(new) - room
    if excess <= 0:
        return new
    spare = [max(0, width - need) for width, need in zip(new, needs, strict=True)]
    if sum(spare) < excess:
        return [math.floor(need * room / sum(needs)) for need in needs]
    total = sum(spare)
    cuts = [math.ceil(excess * s / total) for s in spare]
    return [width - min(cut, s) for width, cut, s in zip(new, cuts, spare, strict=True)]


def _cell_widths(table: etree._Element, widths: list[int], before: list[int]) -> None:
    """Word lays out by the cells' own widths: each cell gets its columns' width."""
    if not _SPANS(table) and not _CELL_WITHOUT_WIDTH(table):  # the usual table: every cell has its width already
        for index, (width, was) in enumerate(zip(widths, before, strict=True), start=1):
            if width == was:
                continue
            value = str(width)
            for element in etree.XPath(f"w:tr/w:tc[{index}]/w:tcPr/w:tcW", namespaces=_NS)(table):
                element.set(_WIDTH, value)
                element.set(_TYPE, "dxa")
        return
    for row in table.iterchildren(_TR):
        column = 0
        for cell in row.iterchildren(_TC):
            span = _span(cell)
            properties = cell.find(f"{_W}tcPr")
            if properties is None:
                properties = etree.Element(f"{_W}tcPr")
                cell.insert(0, properties)
            width = properties.find(f"{_W}tcW")
            if width is None:
                width = etree.Element(f"{_W}tcW")
                properties.insert(0, width)
            width.set(_WIDTH, str(sum(widths[column:column + span])))
            width.set(_TYPE, "dxa")
            column += span
