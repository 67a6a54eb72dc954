"""The fast path against docxtpl's own render and save: every shipped template, every part, the same text."""

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from automation.documents import catalogue, reports
from automation.documents.period import Period
from automation.office.field_guide import SAMPLE_DAY, sample_contexts
from automation.office.render import PreparedTemplate, Renderer, _env
from automation.run.build import Report
from automation.run.district import School, summary_context

TEMPLATES = Path(__file__).resolve().parent.parent / "doc_templates"
_W_TEXT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"


def _contexts(kind: catalogue.DocumentKind) -> list[dict]:
    if kind is not catalogue.DISTRICT_SUMMARY:
        return sample_contexts()[kind.key]
    from automation.book import sample
    from automation.book.sample import book_from_rows
    from automation.book.validate import validate

    data = validate(book_from_rows(Path("Наставничество.xlsx"), sample.rows(), sample.SETTINGS)).data
    period = Period.school_year(SAMPLE_DAY)
    school = School(Path("Наставничество.xlsx"), "МКОУ Теньковская СШ", Report(),
                    reports.indicators(data, period, SAMPLE_DAY))
    return [summary_context([school, School(Path("Вторая.xlsx"), None, Report(), None)], period, SAMPLE_DAY)]


_PART_TEXTS: dict[tuple[int, int], str] = {}
"""Each distinct part's text, by its CRC and size (reading a part checks its CRC): the styles, theme and numbering
that both paths copy from the template are the same bytes in every document, and read once."""


def _texts(docx: bytes) -> dict[str, str]:
    """The text of every XML part of a .docx, by part name (relationship and content-type parts left out: the two
    paths name pictures differently); the number of pictures under one key."""
    texts = {}
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        infos = archive.infolist()
        for info in infos:
            if info.filename.endswith(".xml") and info.filename != "[Content_Types].xml":
                key = (info.CRC, info.file_size)
                if key not in _PART_TEXTS:
                    root = etree.fromstring(archive.read(info))
                    runs = root.iter(_W_TEXT)  # Word's text runs; elsewhere (properties) the element texts
                    _PART_TEXTS[key] = "".join(t.text or "" for t in runs) or "".join(
                        text for text in root.itertext() if text.strip())
                texts[info.filename] = _PART_TEXTS[key]
    texts["pictures"] = str(sum(1 for info in infos if info.filename.startswith("word/media/")))
    return texts


KINDS = [kind for kind in catalogue.TEMPLATED if kind.format == "docx"]


@pytest.mark.parametrize("kind", KINDS, ids=[kind.key for kind in KINDS])
def test_the_fast_path_gives_the_text_docxtpl_gives(kind):
    source = (TEMPLATES / kind.template).read_bytes()
    renderer = Renderer(TEMPLATES)
    contexts = _contexts(kind)
    assert contexts, kind.key
    for context in contexts:
        fast = PreparedTemplate(source, _env()).render(context)
        full = renderer._render_fully(source, context)
        texts = _texts(fast)
        assert texts["word/document.xml"].strip(), "the document's body came out empty"
        assert texts == _texts(full)
