"""The state in force on a day: pairs appointed by signed orders, mentors after signed replacements, terms after
signed extensions, completions by signed orders; everything else pending, with how a document marks it."""

import datetime as dt

import pytest

from automation.book.reader import read_workbook
from automation.book.validate import validate
from automation.documents.in_force import in_force

D = dt.date


@pytest.fixture
def state(write, rows):
    def _state(day: dt.date, change=None):
        if change is not None:
            change(rows)
        return in_force(validate(read_workbook(write(rows))).data, day)
    return _state


def _sign_all(rows):
    """Pair 3 appointed by 45-ОД; the replacement's 50-ОД and the completion's 40-ОД signed; the extension ordered."""
    rows["Пары"][3]["Приказ о закреплении (№)"] = "45-ОД"
    rows["Приказы"][2]["Статус"] = "подписан"
    rows["Приказы"][3].update({"Дата": D(2026, 11, 14), "Статус": "подписан"})
    rows["Программы"][2]["Приказ о продлении (№)"] = "55-ОД"
    rows["Приказы"].append({"№ приказа": "55-ОД", "Дата": D(2027, 5, 20), "Вид": "О продлении срока реализации "
                            "программы", "Статус": "подписан"})


def test_the_test_book_has_two_pairs_in_force_and_the_rest_pending(state):
    now = state(D(2026, 11, 27))
    assert [u.unit.number for u in now.units] == ["1", "4"]
    assert [(p.what, p.note()) for p in now.pending] == [
        ("группа № 2: назначение наставника Черных И.П.", "(приказ не оформлен)"),
        ("пара № 3: назначение наставника Кузнецовой И.В.", "(приказ не оформлен)"),
        ("пара № 3: наставник Черных И.П. вместо Кузнецовой И.В.", "с 16.11.2026 (проект приказа № 50-ОД)"),
        ("программа № 3: продление до 30.06.2027", "с 01.06.2027 (приказ не оформлен)"),
        ("программа № 4: завершение", "с 26.06.2026 (проект приказа № 40-ОД)"),
    ]
    assert not now.unit("4").finished


def test_a_replacement_takes_effect_on_its_own_date_once_its_order_is_signed(state):
    before = state(D(2026, 11, 15), _sign_all)
    assert before.unit("3").mentor.code == "П-2"
    assert ("пара № 3: наставник Черных И.П. вместо Кузнецовой И.В.", "с 16.11.2026 (приказ № 50-ОД)") in [
        (p.what, p.note()) for p in before.pending]


def test_on_the_replacements_date_the_new_mentor_is_in_force_with_the_history(state):
    on = state(D(2026, 11, 16), _sign_all)
    unit = on.unit("3")
    assert unit.mentor.code == "П-4"
    assert [(r.former, order.number) for r, order in unit.replacements] == [("П-2", "50-ОД")]
    assert not [p for p in on.pending if p.what.startswith("пара № 3")]


def test_an_extension_counts_from_its_signed_orders_date(state):
    assert state(D(2027, 5, 19), _sign_all).unit("3").last_day == D(2027, 5, 31)
    assert state(D(2027, 5, 20), _sign_all).unit("3").last_day == D(2027, 6, 30)


def test_a_completion_is_in_force_once_signed(state):
    assert state(D(2026, 11, 27), _sign_all).unit("4").finished
    assert state(D(2026, 6, 25), _sign_all).unit("4").finished is False


def test_a_pair_whose_order_is_signed_later_is_not_yet_in_force(state):
    assert state(D(2025, 12, 28)).unit("4") is None
    assert state(D(2025, 12, 29)).unit("4").appointed.number == "12-ОД"
