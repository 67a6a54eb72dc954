"""Reads a rendered .docx back as plain text in body order (paragraphs, then table rows as « | »-joined cells).

No-break spaces read as spaces: the wording is compared here, the typesetting in test_typesetting."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def docx_text(path: Path | BinaryIO) -> str:
    document = Document(path if hasattr(path, "read") else str(path))
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                lines.append(" | ".join(cell.text for cell in row.cells))
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    text = "\n".join(lines).rstrip() + (f"\n[колонтитул] {header}" if header.strip() else "") + "\n"
    return text.replace("\u00a0", " ")


def paragraph_texts(path: Path) -> list[str]:
    """Every non-empty paragraph of the body, of its tables' cells and of its headers and footers, as typed (no-break
    spaces kept)."""
    document = Document(str(path))
    paragraphs = list(document.paragraphs)
    paragraphs += [p for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    for section in document.sections:
        paragraphs += list(section.header.paragraphs) + list(section.footer.paragraphs)
    return [p.text for p in paragraphs if p.text.strip()]


def output_text(path: Path) -> str:
    """Any output as text: a Word document as above, a page as its HTML, a workbook as « | »-joined rows."""
    if path.suffix == ".docx":
        return docx_text(path)
    if path.suffix == ".xlsx":
        import openpyxl
        sheet = openpyxl.load_workbook(path).active
        return "\n".join(" | ".join("" if c.value is None else str(c.value) for c in row)
                         for row in sheet.iter_rows()) + "\n"
    return path.read_text(encoding="utf-8")
