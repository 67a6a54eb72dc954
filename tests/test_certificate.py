"""«Справка о реализации системы наставничества» for the region's monitoring: each item with its requisites, or «нет»
where the book has none; only what signed orders put in force counts."""

from __future__ import annotations

from tests.docx_text import docx_text
from tests.helpers import build

CERTIFICATE = "Отчёты/Справка о реализации системы наставничества 2026-2027.docx"


def _items(path) -> dict[str, str]:
    lines = docx_text(path).splitlines()
    start = lines.index("№ | Что проверяется | Есть ли и реквизиты") + 1
    return {what: value for _, what, value in (line.split(" | ") for line in lines[start:start + 7])}


def test_every_item_gives_its_requisites_from_the_book(write, rows, settings, templates, tmp_path):
    settings["Раздел сайта о наставничестве (адрес)"] = "https://tenki-school.ru/nastavnichestvo"
    output = tmp_path / "out"
    build(write(rows, settings), templates, output)
    items = _items(output / CERTIFICATE)
    assert items["Раздел «Наставничество» на официальном сайте"] == "https://tenki-school.ru/nastavnichestvo"
    assert items["Приказ о назначении куратора"] == "приказ от 01.09.2026 № 30-ОД (куратор — Кузнецова И.В.)"
    assert items["Локальный акт об оплате наставничества"] == "Положение об оплате труда от 30.08.2024 № 88-ОД"


def test_without_a_signed_organising_order_its_items_say_no(write, rows, settings, templates, tmp_path):
    """The organising order only drafted, no pay act, no site: «нет» where the region would look for requisites;
    the orders of pairs whose programmes ended before the year are not listed."""
    for order in rows["Приказы"]:
        if order["№ приказа"] == "30-ОД":
            order["Статус"] = "проект"
    del settings["Положение об оплате труда (дата, №)"]
    output = tmp_path / "out"
    build(write(rows, settings), templates, output)
    items = _items(output / CERTIFICATE)
    assert [items[what] for what in ("Раздел «Наставничество» на официальном сайте",
                                     "Приказ об организации наставничества на учебный год",
                                     "Дорожная карта на учебный год", "Приказ о назначении куратора",
                                     "Локальный акт об оплате наставничества")] == ["нет"] * 5
    text = docx_text(output / CERTIFICATE)
    assert "приказ от 01.09.2026 № 45-ОД | 1 | 0" in text and "12-ОД" not in text
