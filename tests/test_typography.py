"""Punctuation as a director reads it (issue 27): every document of the sample, the test book and the large test book
passes the typography check; each rule of the check is itself tested; a template's own text is checked too."""

from __future__ import annotations

from pathlib import Path

import pytest

from automation.documents.signed import describe_changes
from automation.grammar import ended
from automation.office.template_check import check_docx
from automation.office.typography import findings
from tests import large_book, sample_data
from tests.docx_text import paragraph_texts
from tests.helpers import build, write_book

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_every_document_of_the_three_books_passes_the_typography_check(tmp_path, templates):
    books = {
        "образец": ROOT / "workbook" / "Наставничество.xlsx",
        "тестовая": write_book(tmp_path / "test.xlsx", sample_data.ROWS, sample_data.SETTINGS),
        "большая": write_book(tmp_path / "large.xlsx", large_book.rows(), sample_data.SETTINGS),
    }
    found, documents = [], 0
    for name, book in books.items():
        output = tmp_path / name
        build(book, templates, output)
        for path in sorted(output.rglob("*.docx")):
            if any(part.startswith((".", "_")) for part in path.relative_to(output).parts):
                continue
            documents += 1
            found += [f"{name}: {path.name}: {f}" for text in paragraph_texts(path) for f in findings(text)]
            assert ".." not in path.name, path.name
    assert documents > 80
    assert found == []


@pytest.mark.parametrize("text, said", [
    ("прекратить с 30 мая 2026 г..", ["две точки подряд: «…тить с 30 мая 2026 г..»"]),
    ("и так далее...", []),
    ("наставник , учитель", ["лишний пробел у знака: «наставник , учитель»"]),
    ("( пара № 1)", ["лишний пробел у знака: «( пара № 1)»"]),
    ("Утвердить  программы", ["два пробела подряд: «Утвердить  программы»"]),
    ("итоги,. план", ["запятая и точка рядом: «итоги,. план»"]),
    ("план выполнен., итоги", ["запятая и точка рядом: «план выполнен., итоги»"]),
    ("Кузнецова И.В., заместитель директора", []),
    ("форма «школа – школа", ["кавычки «» не парные: «форма «школа – школа»"]),
    ("(пара № 1", ["скобки не парные: «(пара № 1»"]),
    ("1) изучить методики;", []),
    ("План выполнен. итоги подведены.", ["предложение начинается со строчной буквы: «План выполнен. итоги подвед…»"]),
    ("с 1 сентября 2026 г. по 31 мая 2027 г.", []),
    ("Не учтены: Пары, ещё не закреплённые", ["заглавная буква после двоеточия: «Не учтены: Пары, ещё не закреплённы…»"]),
    ("наставник пары № 1: Мороз И.И.", []),
    ("закрепить наставляемых: Шевченко Нелли Андреевну", []),
    ("пара: Кузьмин-Караваев К.С. — Ивановская Х.В.", []),
])
def test_each_rule_of_the_check_names_what_it_found(text, said):
    assert findings(text) == said


def test_a_sentence_ending_in_an_abbreviation_takes_no_second_stop():
    assert ended("прекратить с 27 июня 2026 г.") == "прекратить с 27 июня 2026 г."
    assert ended("в связи с длительным отсутствием наставника Мороза П.И.") == (
        "в связи с длительным отсутствием наставника Мороза П.И.")
    assert ended("производить с 16 ноября 2026 г. в соответствии с соглашением № 27") == (
        "производить с 16 ноября 2026 г. в соответствии с соглашением № 27.")
    assert ended("Итоги подведены…") == "Итоги подведены…"


def test_a_signed_order_made_with_a_doubled_stop_is_not_reported_as_changed():
    """Versions before December 2026 printed «2026 г..»: the mended wording is the same order, not a change."""
    old = {"пункты": ["1. Выплату прекратить с 27 июня 2026 г.."]}
    new = {"пункты": ["1. Выплату прекратить с 27 июня 2026 г."]}
    assert describe_changes(old, new) == ([], [])
    assert describe_changes(old, {"пункты": ["1. Выплату прекратить с 28 июня 2026 г."]})[0] == [
        "пункт «1. Выплату прекратить с 27 июня 2026 г.» теперь читался бы иначе",
        "нового пункта «1. Выплату прекратить с 28 июня 2026 г.» в подписанном приказе нет"]


def test_a_templates_own_punctuation_is_a_warning_of_the_template_check(templates):
    from docx import Document as NewDocument

    document = NewDocument(str(templates / "Приказ о замене наставника.docx"))
    document.add_paragraph("Приказ вступает в силу с {{ приказ.дата }} г..")
    document.add_paragraph("Ознакомить  работников , указанных в приказе.")
    import io
    stream = io.BytesIO()
    document.save(stream)
    check = check_docx("Приказ о замене наставника.docx", stream.getvalue())
    assert [str(f) for f in check.findings] == [
        "шаблон «Приказ о замене наставника.docx», абзац «Приказ вступает в силу с {{ приказ.дата }} г..»: две точки "
        "подряд: «…ступает в силу с 1 г..»",
        "шаблон «Приказ о замене наставника.docx», абзац «Ознакомить работников , указанных в приказе.»: лишний "
        "пробел у знака: «…накомить  работников , указанных в приказе…»",
        "шаблон «Приказ о замене наставника.docx», абзац «Ознакомить работников , указанных в приказе.»: два "
        "пробела подряд: «Ознакомить  работников , указанн…»",
    ]
    assert check.errors == []


def test_no_file_name_doubles_the_stop_of_initials(tmp_path, templates, write, rows):
    output = tmp_path / "out"
    build(write(rows), templates, output)
    names = [p.name for p in output.rglob("*") if p.is_file()]
    assert "Программа наставничества № 1 Мороз И.И.docx" in names
    assert [name for name in names if ".." in name] == []


def test_every_document_is_russian_and_hyphenated_but_in_its_tables(templates, tmp_path, write, rows):
    """Justified text is hyphenated by the Russian rules, not stretched (looked at: the preamble of an order had
    gaps of four spaces); words in capitals and tables' cells (of any template, a school's too) are not."""
    import re
    import zipfile

    for path in sorted(templates.glob("*.docx")):
        with zipfile.ZipFile(path) as archive:
            settings = archive.read("word/settings.xml").decode("utf-8")
            styles = archive.read("word/styles.xml").decode("utf-8")
        assert "<w:autoHyphenation/><w:doNotHyphenateCaps/>" in settings, path.name
        defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S).group(0)
        assert 'w:val="ru-RU"' in defaults, path.name
    output = tmp_path / "out"
    build(write(rows), templates, output)
    documents = [p for p in output.rglob("*.docx") if not any(part.startswith(".") for part in p.parts)]
    assert len(documents) == 30
    for path in sorted(documents):
        with zipfile.ZipFile(path) as archive:
            body = archive.read("word/document.xml").decode("utf-8")
        cells = [p for cell in re.findall(r"<w:tc>.*?</w:tc>", body, re.S) for p in re.findall(r"<w:p[ >].*?</w:p>",
                                                                                                  cell, re.S)]
        assert all("<w:suppressAutoHyphens/>" in p for p in cells), path.name


def test_a_template_made_before_hyphenation_still_gives_hyphenated_russian_documents(tmp_path):
    """A school's templates were written by an earlier version (or edited in an English Word): the documents made
    from them are Russian and hyphenated all the same, their table cells not."""
    import io
    import re
    import zipfile

    from docx import Document as NewDocument

    from automation.documents import catalogue
    from automation.office.render import Renderer

    document = NewDocument()  # python-docx's own template: English, no hyphenation
    document.add_paragraph("Утвердить {{ орг.краткое }}.")
    document.add_table(rows=1, cols=1).rows[0].cells[0].text = "{{ орг.полное }}"
    document.save(str(tmp_path / catalogue.CHECK_REPORT.template))
    made = Renderer(tmp_path).produce(catalogue.CHECK_REPORT, {"орг": {"краткое": "школа", "полное": "Школа"}})
    with zipfile.ZipFile(io.BytesIO(made)) as archive:
        settings = archive.read("word/settings.xml").decode("utf-8")
        styles = archive.read("word/styles.xml").decode("utf-8")
        body = archive.read("word/document.xml").decode("utf-8")
    assert "<w:autoHyphenation/><w:doNotHyphenateCaps/>" in settings
    assert re.search(r'<w:rPrDefault>.*?<w:lang w:val="ru-RU"', styles, re.S)
    assert re.search(r"<w:tc>.*<w:suppressAutoHyphens/>.*</w:tc>", body, re.S)


@pytest.mark.parametrize("name, title", [
    ("Программа наставничества № 1 Мороз И.И.docx", "Программа наставничества № 1 Мороз И.И."),
    ("Программа наставничества № 7 Смит Д.docx", "Программа наставничества № 7 Смит Д."),
    ("Программа наставничества № 2 Черных И.П. (группа).docx", "Программа наставничества № 2 Черных И.П. (группа)"),
    ("Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx",
     "Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп)"),
])
def test_a_documents_title_gives_the_initials_their_stop_back(name, title):
    from automation.files import title as title_of

    assert title_of(Path(name)) == title
