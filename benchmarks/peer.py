"""The peer of the big-school benchmark: the script a Python user would write with docxtpl on our own contexts —
after reading and validating the book, `DocxTemplate(template).render(context, autoescape=True).save(path)` per Word
document (a chart handed over as docxtpl's InlineImage; the few workbooks and the site page made as we make them) —
and the comparison of its documents' text with ours."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from docx import Document as WordDocument
from docx.table import Table
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate

from automation.documents import gather
from automation.office.render import Renderer, _inline_images
from automation.run.build import unique_paths, validated
from automation.run.report import Report


def peer_build(book: Path, templates: Path, output: Path, today: dt.date) -> tuple[float, list[Path]]:
    """Seconds of the peer's whole run (read and validate included) and the Word documents it wrote."""
    started = time.perf_counter()
    result = validated(book, Report())
    documents = unique_paths(gather.all_documents(result.data, today))
    renderer = Renderer(templates)
    written = []
    for document in documents:
        target = output / document.path
        target.parent.mkdir(parents=True, exist_ok=True)
        kind = document.kind
        if kind.format != "docx":
            target.write_bytes(renderer.produce(kind, document.context))
            continue
        template = DocxTemplate(templates / kind.template)
        template.render(_inline_images(document.context, template), autoescape=True)
        template.save(target)
        written.append(document.path)
    return time.perf_counter() - started, written


def text(path: Path) -> str:
    """A document's paragraphs and table rows as text, no-break spaces read as spaces (ours tie «№» to its number)."""
    document = WordDocument(str(path))
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            lines += [" | ".join(cell.text for cell in row.cells) for row in Table(block, document).rows]
    return "\n".join(lines).replace("\u00a0", " ")


def differing(ours: Path, theirs: Path, paths: list[Path]) -> list[Path]:
    """The documents whose text differs between our output folder and the peer's."""
    return [path for path in paths if text(ours / path) != text(theirs / path)]
