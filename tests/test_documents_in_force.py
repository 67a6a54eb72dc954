"""Every document made from the state in force on its date: the test book with its changes pending (no order, or a
draft), then with every order signed — a new pair, a replacement, an extension and a completion each way."""

import copy

import pytest

from automation.run import build as builder
from automation.run.report import UNCHANGED
from tests import sample_data
from tests.docx_text import docx_text
from tests.helpers import TODAY, write_book
from tests.sample_data import all_signed

PAIR_LIST = "Списки/Список наставнических пар (групп).docx"
PROGRAMME_3 = "Программы/Программа наставничества № 3 Павлюк Н.С.docx"
PUBLIC = "Списки/Список наставников и наставляемых для сайта.docx"


@pytest.fixture(scope="module")
def texts(tmp_path_factory, templates) -> dict[bool, dict[str, str]]:
    """The three documents' texts, built once for the module: {signed: {name: text}}."""
    made = {}
    for signed in (False, True):
        folder = tmp_path_factory.mktemp("signed" if signed else "pending")
        rows = copy.deepcopy(sample_data.ROWS)
        book = write_book(folder / "book.xlsx", all_signed(rows) if signed else rows, sample_data.SETTINGS)
        builder.build(book, templates, folder / "out", today=TODAY)
        made[signed] = {name: docx_text(folder / "out" / name) for name in (PAIR_LIST, PROGRAMME_3, PUBLIC)}
    return made


@pytest.fixture
def made(texts):
    return lambda signed: texts[signed]


def _row(text: str, number: str) -> str:
    """A row of the pair list's table (its cells joined by « | »; a cell's own line breaks kept)."""
    rows = text.split("\n" + number + " | ", 1)[1]
    return number + " | " + rows.split("\n" + str(int(number) + 1) + " | ")[0].split("\nВсего пар")[0]


def test_pending_changes_are_marked_in_the_internal_list(made):
    text = made(signed=False)[PAIR_LIST]
    assert _row(text, "3") == (
        "3 | Кузнецова И.В., заместитель директора по учебно-воспитательной работе\n"
        "ожидает: Черных И.П. — с 16.11.2026 (проект приказа № 50-ОД) | Павлюк Н.С., учитель информатики | "
        "педагог – педагог | один-на-один | методика урока | 01.10.2026 – 31.05.2027\n"
        "ожидает: продление до 30.06.2027 — с 01.06.2027 (приказ не оформлен) | проект")
    assert _row(text, "4").endswith("12.01.2026 – 30.06.2026\nожидает: завершение — с 26.06.2026 (проект приказа № "
                                    "40-ОД) | № 12-ОД от 29.12.2025")
    assert "Всего пар (групп): 4 (из них ещё не закреплены подписанным приказом: 2);" in text


def test_signed_changes_are_in_force_in_the_internal_list(made):
    text = made(signed=True)[PAIR_LIST]
    assert _row(text, "3") == (
        "3 | Черных И.П., учитель физики | Павлюк Н.С., учитель информатики | педагог – педагог | один-на-один | "
        "методика урока | 01.10.2026 – 31.05.2027 (продлён до 30.06.2027) | № 45-ОД от 01.09.2026")
    assert "ожидает" not in text and "не закреплены" not in text


def test_the_programme_names_the_mentor_in_force_and_what_awaits(made):
    pending, signed = made(signed=False)[PROGRAMME_3], made(signed=True)[PROGRAMME_3]
    assert "Наставник | Кузнецова Ирина Владимировна |" in pending
    assert ("Ожидает приказа: наставник Черных И.П. вместо Кузнецовой И.В. — с 16.11.2026 (проект приказа № 50-ОД)."
            in pending)
    assert "4. Срок реализации: с 1 октября 2026 г. по 31 мая 2027 г.\n" in pending
    assert "Наставник | Черных Иван Петрович |" in signed
    assert "С 16.11.2026 наставник — Черных И.П. вместо Кузнецовой И.В. (приказ от 10.11.2026 № 50-ОД)." in signed
    assert "4. Срок реализации: с 1 октября 2026 г. по 31 мая 2027 г. (продлён до 30 июня 2027 г.)." in signed
    assert "Ожидает приказа" not in signed


def test_the_public_list_shows_only_what_is_in_force(made):
    pending, signed = made(signed=False)[PUBLIC], made(signed=True)[PUBLIC]
    numbers = [[line.split(" | ")[0] for line in text.splitlines() if " | " in line][1:] for text in (pending, signed)]
    assert numbers == [["1"], ["1", "2", "3"]]  # pair 4 finished by the signed 40-ОД
    assert "Черных Иван Петрович, учитель физики" in signed and "Кузнецова" not in signed
    assert "Белых" not in signed  # group 2's second mentee gave no consent


def test_an_unchanged_programme_is_not_made_again_the_next_day(write, rows, templates, tmp_path):
    """Only a programme with replacements or pending changes states its day; the others stay byte for byte."""
    import datetime as dt
    book = write(rows)
    builder.build(book, templates, tmp_path, today=TODAY)
    report = builder.build(book, templates, tmp_path, today=TODAY + dt.timedelta(days=1))
    rewritten = sorted(str(d.path) for d in report.documents if d.status != UNCHANGED and
                       str(d.path).startswith("Программы"))
    assert rewritten == ["Программы/Программа наставничества № 2 Черных И.П. (группа).docx", PROGRAMME_3,
                         "Программы/Программа наставничества № 4 Белых Л.Н.docx"]
