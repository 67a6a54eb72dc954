"""Russian typesetting in every document: «№» never ends a line apart from its number, a dash never begins one, «г.»
never leaves its year — each is tied by a no-break space, in the template's own text and in the book's values."""

from __future__ import annotations

import re

from automation.run import build as builder
from tests import sample_data
from tests.docx_text import paragraph_texts
from tests.helpers import TODAY, write_book

# A plain space where a no-break one belongs.
LOOSE = re.compile(r"№ (?=\w)| —(?= )|\d (?=гг?\.)")


def test_no_document_leaves_a_number_sign_a_dash_or_a_year_loose(tmp_path, templates):
    book = write_book(tmp_path / "book.xlsx", sample_data.ROWS, sample_data.SETTINGS)
    builder.build(book, templates, tmp_path / "out", today=TODAY)
    documents = sorted(p for p in (tmp_path / "out").rglob("*.docx")
                       if not any(part.startswith(".") for part in p.relative_to(tmp_path).parts))
    assert len(documents) == 30
    loose = [f"{path.name}: {text}" for path in documents for text in paragraph_texts(path) if LOOSE.search(text)]
    assert loose == []
    orders = [text for path in documents if path.parent.name == "Приказы" for text in paragraph_texts(path)]
    assert any("№\u00a0" in text for text in orders) and any("2026\u00a0г." in text for text in orders)


def test_a_value_from_the_book_is_tied_the_same_way(tmp_path):
    from automation.office.render import no_break

    assert no_break("ожидает: завершение — с 25.11.2026 (проект приказа № 162-ОД)") == (
        "ожидает: завершение\u00a0— с 25.11.2026 (проект приказа №\u00a0162-ОД)")
    assert no_break("с 1 сентября 2026 г. по 31 мая 2027 г.; 2025–2026 гг.") == (
        "с 1 сентября 2026\u00a0г. по 31 мая 2027\u00a0г.; 2025–2026\u00a0гг.")
    assert no_break("педагог – педагог; 01.09.2026 – 31.05.2027; №") == "педагог – педагог; 01.09.2026 – 31.05.2027; №"
    assert no_break("Петрова-Водкина М.П.") == "Петрова-Водкина М.П."  # see render._NO_BREAK
