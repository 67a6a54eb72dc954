"""Reads a rendered .docx back as plain text in body order (paragraphs, then table rows as « | »-joined cells).

No-break spaces read as spaces: the wording is compared here, the typesetting in test_typesetting."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import BinaryIO

from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.table import Table
from docx.text.paragraph import Paragraph


def docx_text(path: Path | BinaryIO) -> str:
    """The text of the body and of the first section's header. Only those two parts are parsed (python-docx's
    `Document` parses styles, numbering, settings … too: twice the time, for some 850 reads a run); their paragraphs
    and tables are read by python-docx's own classes."""
    with zipfile.ZipFile(path) as archive:
        body = parse_xml(archive.read("word/document.xml")).body
        header = ""
        section = next(iter(body.iter(qn("w:sectPr"))), None)
        reference = None if section is None else next(
            (r for r in section.iterchildren(qn("w:headerReference")) if r.get(qn("w:type")) == "default"), None)
        if reference is not None:
            target = _target(archive, "word/_rels/document.xml.rels", reference.get(qn("r:id")))
            header = " ".join(Paragraph(p, None).text for p in parse_xml(archive.read(target)).iterchildren(qn("w:p")))
    lines: list[str] = []
    for block in body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, None).text)
        elif tag == "tbl":
            for row in Table(block, None).rows:
                lines.append(" | ".join(cell.text for cell in row.cells))
    text = "\n".join(lines).rstrip() + (f"\n[колонтитул] {header}" if header.strip() else "") + "\n"
    return text.replace("\u00a0", " ")


def _target(archive: zipfile.ZipFile, rels: str, rid: str) -> str:
    relationships = parse_xml(archive.read(rels))
    target = next(r.get("Target") for r in relationships if r.get("Id") == rid)
    return target.lstrip("/") if target.startswith("/") else f"word/{target}"


def paragraph_texts(path: Path) -> list[str]:
    """Every non-empty paragraph of the body, of its tables' cells and of its headers and footers, as typed (no-break
    spaces kept): as python-docx's `Document` gives them (the body's paragraphs, the cells' row by row, each section's
    header and footer, linked to the previous section's where it has none), from those parts alone."""
    with zipfile.ZipFile(path) as archive:
        body = parse_xml(archive.read("word/document.xml")).body
        paragraphs = [Paragraph(p, None) for p in body.iterchildren(qn("w:p"))]
        paragraphs += [p for table in body.iterchildren(qn("w:tbl")) for row in Table(table, None).rows
                       for cell in row.cells for p in cell.paragraphs]
        parts: dict[str, object] = {}
        for section in body.xpath("./w:p/w:pPr/w:sectPr | ./w:sectPr"):
            for kind in ("header", "footer"):
                reference = next((r for r in section.iterchildren(qn(f"w:{kind}Reference"))
                                  if r.get(qn("w:type")) == "default"), None)
                if reference is not None:
                    target = _target(archive, "word/_rels/document.xml.rels", reference.get(qn("r:id")))
                    parts[kind] = parse_xml(archive.read(target))
                if kind in parts:
                    paragraphs += [Paragraph(p, None) for p in parts[kind].iterchildren(qn("w:p"))]
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
