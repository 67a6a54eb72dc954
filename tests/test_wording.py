"""The director's read: the wording rules of issue 14 that are in place, each on the documents it touches."""

from pathlib import Path

from automation.run import build as builder
from tests.docx_text import docx_text
from tests.helpers import TODAY

REPLACEMENT = "Приказы/ПРОЕКТ Приказ № 50-ОД О замене наставника.docx"
COMPLETION = "Приказы/Приказ № 40-ОД от 29.06.2026 О завершении персонализированных программ наставничества.docx"
PROGRAMME_1 = "Программы/Программа наставничества № 1 Мороз И.И.docx"


class Texts(dict):
    """The documents made, by path in the output: each read back as text when first asked for (reading every one of
    the thirty took a second a test, most tests ask for one)."""

    def __init__(self, output: Path) -> None:
        super().__init__({str(p.relative_to(output)): p for p in output.rglob("*.docx") if "_архив" not in p.parts})

    def __getitem__(self, name: str) -> str:
        value = super().__getitem__(name)
        if isinstance(value, Path):
            value = docx_text(value)
            self[name] = value
        return value

    def values(self):
        return [self[name] for name in self]

    def items(self):
        return [(name, self[name]) for name in self]


def made(write, rows, templates, tmp_path, settings=None) -> Texts:
    builder.build(write(rows, settings), templates, tmp_path, today=TODAY)
    return Texts(tmp_path)


def test_the_heads_position_starts_its_line_with_a_capital(write, rows, settings, templates, tmp_path):
    settings["Должность руководителя"] = "директор"
    texts = made(write, rows, templates, tmp_path, settings)
    assert "Директор\tТ.А. Сазонова" in texts[COMPLETION]
    assert texts[PROGRAMME_1].startswith("УТВЕРЖДАЮ\nДиректор МКОУ Теньковская СШ\n")
    assert "директор\t" not in "".join(texts.values())


def test_a_code_typed_as_responsible_is_the_persons_name(write, rows, templates, tmp_path):
    rows["План"][0]["Ответственный"] = "П-3"
    rows["План"][1]["Ответственный"] = "П-3; П-5"
    text = made(write, rows, templates, tmp_path)[PROGRAMME_1]
    assert "| Мороз О.В. |" in text and "| Мороз О.В., Мороз И.И. |" in text
    assert "П-3" not in text and "П-5" not in text


def test_a_replacement_amends_the_appendix_of_the_appointing_order(rows, write, templates, tmp_path):
    rows["Замены"][0].update({"№ пары/группы": "1", "Прежний наставник (код)": "П-3", "Программа": None})
    text = made(write, rows, templates, tmp_path)[REPLACEMENT]
    assert ("2. Внести соответствующие изменения в приложение № 1 к приказу от 01.09.2026 № 45-ОД «О закреплении "
            "наставнических пар (групп)».") in text
    assert "Куратору внести изменения" not in text


def test_a_woman_mentee_is_named_наставляемая(write, rows, templates, tmp_path):
    text = made(write, rows, templates, tmp_path)[COMPLETION]
    assert "(наставник Сазонова Т.А., наставляемая Белых Л.Н.)" in text


def test_the_points_of_an_order_write_dates_in_words_except_in_requisites(write, rows, templates, tmp_path):
    """One style per document: an event's date in words («с 16 ноября 2026 г.»); digits only in a document's
    requisites («приказом от 01.09.2026 № 45-ОД», «соглашение № 9 от 15.11.2026») and in tables."""
    import re

    from tests.sample_data import all_signed
    texts = made(write, all_signed(rows), templates, tmp_path)
    mixed = []
    for name, text in texts.items():
        if not name.startswith("Приказы/"):
            continue
        for line in text.splitlines():
            if re.match(r"\d+(\.\d+)*\. ", line):
                mixed += [f"{name}: {line}" for m in re.finditer(r"\d\d\.\d\d\.\d{4}", line)
                          if not line[:m.start()].endswith("от ")]
    assert mixed == []


def test_a_reason_joins_the_sentence_whether_typed_with_за_or_as_a_noun_phrase(write, rows, templates, tmp_path):
    rows["Поощрения"][0]["Обоснование"] = "Успешная адаптация молодого педагога"
    rows["Поощрения"][2]["Обоснование"] = "За помощь молодым педагогам."
    rows["Программы"][3]["Итоги"] = "Освоены приёмы работы с семьями"
    texts = made(write, rows, templates, tmp_path)
    incentives = texts["Приказы/ПРОЕКТ Приказ О поощрении наставников.docx"]
    assert ("1. Наградить почётной грамотой Мороз Ольгу Викторовну, учителя математики (основание: успешная "
            "адаптация молодого педагога; наставник пары № 1: Мороз И.И.).") in incentives
    assert "2. Объявить благодарность Черных Ивану Петровичу, учителю физики, за помощь молодым педагогам." in incentives
    assert "Итоги: освоены приёмы работы с семьями." in texts[COMPLETION]


def test_a_name_or_an_abbreviation_keeps_its_capital_inside_a_sentence():
    from automation.grammar import continuing
    assert [continuing(t) for t in ("Успешная адаптация", "ОГЭ сдан на 5", "Мороз И.И. освоил приёмы", "за помощь")] \
        == ["успешная адаптация", "ОГЭ сдан на 5", "Мороз И.И. освоил приёмы", "за помощь"]


def test_namesakes_are_told_apart_in_every_list_where_both_appear(write, rows, templates, tmp_path):
    """Мороз Илья Ильич (П-5) and a new Мороз Ирина Игоревна are both «Мороз И.И.»: the pair list, the order's
    appendix and «С приказом ознакомлены» give them in full; Мороз О.В. keeps her short form."""
    from tests.sample_data import pair, person
    rows["Педагоги"].append(person("П-9", "Мороз", "Ирина", "Игоревна", "учитель биологии", 2))
    rows["Пары"].append(pair("5", "П-3", "П-9", "педагог – педагог", order="45-ОД"))
    texts = made(write, rows, templates, tmp_path)
    order = texts["Приказы/Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx"]
    listing = texts["Списки/Список наставнических пар (групп).docx"]
    acquainted = order.split("С приказом ознакомлены:")[1].split("Приложение № 1")[0]
    assert "Мороз Илья Ильич |" in acquainted and "Мороз Ирина Игоревна |" in acquainted
    assert "Мороз И.И." not in acquainted and "Мороз О.В. |" in acquainted
    appendix = order.split("Приложение № 1")[1]
    assert "| Мороз Илья Ильич, педагог-психолог |" in appendix and "| Мороз Ирина Игоревна, учитель биологии |" in appendix
    assert "Мороз Илья Ильич, педагог-психолог" in listing and "Мороз Ирина Игоревна, учитель биологии" in listing
    assert "Мороз И.И." not in listing


def test_a_nomination_lacking_details_has_blanks_and_says_so_never_не_указано(write, rows, templates, tmp_path):
    rows["Педагоги"][3].update({"Дата рождения": None, "Образование": None})
    text = made(write, rows, templates, tmp_path)[
        "Представления/Представление Черных И.П. благодарственное письмо.docx"]
    assert text.split("\n")[2] == "НЕ ЗАПОЛНЕНО: дата рождения, образование — впишите на листе «Педагоги»"
    assert "4. Дата рождения | ____________" in text and "5. Образование | ____________" in text
    assert "не указан" not in text
    assert ("12. Согласие Черных Ивана Петровича на обработку персональных данных (Федеральный закон от 27.07.2006 "
            "№ 152-ФЗ) прилагается.") in text


def test_the_programmes_sentences_continue_in_small_letters(write, rows, templates, tmp_path):
    rows["Программы"][0].update({"Цель": "Освоение методики консультирования", "Задачи": "Изучить методики\nОГЭ: разбор",
                                 "Ожидаемые результаты": "Самостоятельные консультации"})
    text = made(write, rows, templates, tmp_path)[PROGRAMME_1]
    assert "7. Цель программы: освоение методики консультирования." in text
    assert "1) изучить методики;\n2) ОГЭ: разбор." in text
    assert "10. Ожидаемые результаты: самостоятельные консультации." in text


NOMINATION = "Представления/Представление Черных И.П. благодарственное письмо.docx"


def test_a_nomination_has_its_addressee_and_the_signatures_its_level_needs(write, rows, settings, templates,
                                                                         tmp_path):
    municipal = made(write, rows, templates, tmp_path / "m", settings)[NOMINATION]
    assert municipal.startswith("Начальнику управления образования администрации МО «Теньгушевский район» "
                                "Е.В. Волковой\n")
    assert "Председатель" not in municipal and "Директор\t__________ Т.А. Сазонова\nМ.П.\t20.11.2026" in municipal
    rows["Поощрения"][1]["Уровень"] = "региональный"
    settings.update({"Кому представления регионального уровня": "Министру просвещения Ульяновской области",
                     "Председатель профкома (ФИО)": "Белых Анна Сергеевна"})
    regional = made(write, rows, templates, tmp_path / "r", settings)[NOMINATION]
    assert regional.startswith("Министру просвещения Ульяновской области\n")
    assert ("Директор\t__________ Т.А. Сазонова\nПредседатель педагогического совета\t__________ Т.А. Сазонова\n"
            "Председатель профсоюзного комитета\t__________ А.С. Белых\nМ.П.\t20.11.2026") in regional


def test_a_nomination_without_its_addressee_or_the_union_chair_is_warned_on_its_row(write, rows, settings):
    from automation.run.build import check
    rows["Поощрения"][1]["Уровень"] = "региональный"
    assert [str(p) for p in check(write(rows, settings)).problems] == [
        "Лист «Поощрения», строка 3, столбец «Уровень»: не указано, кому направить представление (региональный "
        "уровень): впишите на листе «Организация» «Кому представления регионального уровня» — пока в шапке "
        "представления пустая строка.",
        "Лист «Поощрения», строка 3, столбец «Уровень»: представление (региональный уровень) подписывает и "
        "председатель профсоюзного комитета: впишите на листе «Организация» «Председатель профкома (ФИО)»."]
