"""Golden texts: every document of the test workbook, compared word for word with tests/golden/.

After an intended change of a template or of the wording, regenerate them and read the diff:
    python -m pytest tests/test_golden.py --update-golden
"""

from pathlib import Path

import pytest

from automation.run import build as builder
from tests.docx_text import output_text
from tests.helpers import DOCUMENTS, TODAY, write_book

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, templates):
    from tests import sample_data

    folder = tmp_path_factory.mktemp("golden")
    path = write_book(folder / "book.xlsx", sample_data.ROWS, sample_data.SETTINGS)
    builder.build(path, templates, folder / "output", today=TODAY)
    return folder / "output"


@pytest.mark.parametrize("document", DOCUMENTS)
def test_document_text_matches_golden(rendered, document, update_golden):
    text = output_text(rendered / document)
    golden = GOLDEN / (document + ".txt")
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"нет эталона {golden}: запустите pytest tests/test_golden.py --update-golden"
    assert text == golden.read_text(encoding="utf-8")
