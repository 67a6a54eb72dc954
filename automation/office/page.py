"""The house style of every default template: fonts, margins, page numbers, lines, tables and signatures as
python-docx builds them (`default_templates` writes the documents with it)."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from automation.files import write_atomic

FONT = "Times New Roman"
TEXT_SIZE = Pt(14)
TABLE_SIZE = Pt(12)
KEEP_LAST = True
"""An order's last point is kept with the head's signature that follows it (never a signature alone on a page)."""
NOTE_SIZE = Pt(11)  # what a section of a report is counted from, under its table
PLAN_SIZE = Pt(11)  # the plan's seven columns fit their longest words only a point smaller

LEFT, CENTER, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER,
                                WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)


class Page:
    """A document under construction with the house style: one place for fonts, margins and page numbers."""

    def __init__(self, landscape: bool = False) -> None:
        self.doc = Document()
        style = self.doc.styles["Normal"]
        style.font.name = FONT
        style.font.size = TEXT_SIZE
        fonts = style.element.rPr.get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.space_before = Pt(0)
        style.paragraph_format.line_spacing = 1.0
        section = self.doc.sections[0]
        section.page_height, section.page_width = (Mm(210), Mm(297)) if landscape else (Mm(297), Mm(210))
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
        self.right_edge = section.page_width - Mm(30)
        section.left_margin, section.right_margin = Mm(20), Mm(10)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.header_distance = Mm(10)
        section.different_first_page_header_footer = True
        self._page_number(section.header.paragraphs[0])
        self._russian_and_hyphenated()

    def _russian_and_hyphenated(self) -> None:
        """The text is Russian (Word checks its spelling as Russian, not English) and justified paragraphs are
        hyphenated by Word's and LibreOffice's Russian rules instead of stretched with wide gaps; words in capitals are
        not (nor tables' cells: see `render.PreparedTemplate`)."""
        defaults = self.doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        lang = defaults.find(qn("w:lang"))
        for attribute in ("w:val", "w:eastAsia"):
            lang.set(qn(attribute), "ru-RU")
        settings = self.doc.settings.element
        hyphenation, caps = OxmlElement("w:autoHyphenation"), OxmlElement("w:doNotHyphenateCaps")
        settings.find(qn("w:defaultTabStop")).addnext(hyphenation)  # the order CT_Settings requires
        hyphenation.addnext(caps)

    @staticmethod
    def _page_number(paragraph) -> None:
        paragraph.alignment = CENTER
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "2"
        run.append(text)
        field.append(run)
        paragraph._p.append(field)

    def line(self, text: str = "", align=JUSTIFY, bold: bool = False, indent: bool = False,
             size: Pt | None = None, before: int = 0, after: int = 0, keep: bool = False, caps: bool = False):
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Cm(1.25) if indent else None
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.keep_with_next = keep
        if text:
            run = paragraph.add_run(text)
            run.bold = bold
            run.font.all_caps = caps
            if size is not None:
                run.font.size = size
        return paragraph

    def text(self, text: str, **kwargs):
        """A paragraph of body text: justified, with the first-line indent."""
        return self.line(text, align=JUSTIFY, indent=True, **kwargs)

    def tag(self, tag: str):
        """A paragraph that holds only a docxtpl paragraph tag ({%p … %}); it disappears when rendered."""
        return self.line(tag, align=LEFT)

    def spread(self, left: str, right: str, before: int = 0, bold: bool = False, keep: bool = False):
        """Left text and right text on one line, the right one flush with the right margin."""
        paragraph = self.line(align=LEFT, before=before, keep=keep)
        paragraph.paragraph_format.tab_stops.add_tab_stop(self.right_edge, WD_TAB_ALIGNMENT.RIGHT)
        run = paragraph.add_run(f"{left}\t{right}")
        run.bold = bold
        return paragraph

    def block_right(self, lines: list[str], width_mm: int = 85, before: int = 0):
        """A block set at the right of the page (approval stamp, appendix mark, addressee): its lines are never
        hyphenated («литерату-/ры» in an addressee is marked by a director)."""
        for index, text in enumerate(lines):
            paragraph = self.line(text, align=LEFT, before=before if index == 0 else 0)
            paragraph.paragraph_format.left_indent = Mm(180 - width_mm)
            properties = paragraph._p.get_or_add_pPr()
            # CT_PPr: suppressAutoHyphens comes before the spacing and indentation python-docx has written.
            properties.insert_element_before(OxmlElement("w:suppressAutoHyphens"), "w:spacing", "w:ind", "w:jc")

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def table(self, headers: list[str], cells: list[str], loop: str | None, widths: list[int] | None = None,
              size: Pt = TABLE_SIZE):
        """A bordered table: a header row, then either one row per item of `loop` ({%tr for … %}) or fixed rows.

        Widths are chosen so that the longest word of each column fits (measured in Liberation Serif, the metric
        twin of Times New Roman): a word is never broken across lines."""
        rows = [headers] + ([[f"{{%tr for {loop} %}}"], cells, ["{%tr endfor %}"]] if loop else [])
        table = self.doc.add_table(rows=0, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for values in rows:
            row = table.add_row()
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            for index, value in enumerate(values):
                self._cell(row.cells[index], value, bold=values is headers, size=size)
        if widths:
            self._widths(table, widths)
        header = table.rows[0]._tr
        properties = header.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        properties.append(repeat)
        return table

    def pairs_table(self, rows: list[tuple[str, str]], widths: tuple[int, int] = (70, 110)):
        """A two-column table of label → value, for forms such as the nomination."""
        table = self.doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in rows:
            row = table.add_row()
            self._cell(row.cells[0], label)
            self._cell(row.cells[1], value)
        self._widths(table, list(widths))
        return table

    @staticmethod
    def _widths(table, widths: list[int]) -> None:
        """Word reads the cells' widths, LibreOffice the grid's: set both, and keep them fixed."""
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Mm(width)

    @staticmethod
    def _cell(cell, value: str, bold: bool = False, size: Pt = TABLE_SIZE) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.alignment = CENTER if bold else LEFT
        run = paragraph.add_run(value)
        run.bold = bold
        run.font.size = size

    def save(self, path: Path) -> None:
        out = io.BytesIO()
        self.doc.save(out)
        write_atomic(path, out.getvalue())
