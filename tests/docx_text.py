"""Reads a rendered .docx back as plain text in body order (paragraphs, then table rows as « | »-joined cells)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def docx_text(path: Path) -> str:
    document = Document(str(path))
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                lines.append(" | ".join(cell.text for cell in row.cells))
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    return "\n".join(lines).rstrip() + (f"\n[колонтитул] {header}" if header.strip() else "") + "\n"
