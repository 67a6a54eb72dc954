"""Each mentor's papers under ст. 351.8 ТК РФ: the consent and the additional agreement, made per appointment from
the book; the pay as curators type it; the school whose job descriptions hold mentoring gets none of them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn

from automation.book import working_days
from automation.book.pay import Pay, PayProblem, Requisites, parse
from automation.office.blank_book import write_workbook
from tests.docx_text import paragraph_texts
from tests.helpers import build, errors, made, warnings

AGREEMENT = "Соглашения/Доп. соглашение № 9 Черных И.П. (пара № 3, с 16.11.2026).docx"
CONSENT = "Соглашения/Согласие Мороз О.В. (пара № 1).docx"


def _text(path) -> str:
    return "\n".join(paragraph_texts(path)).replace("\u00a0", " ")


def test_every_agreement_holds_what_article_351_8_requires(write, rows, templates, tmp_path):
    """Content, term, form, pay, the three-day early refusal, the written form in two copies, both sides' signatures:
    in every additional agreement the test book makes (three appointments and one replacement)."""
    output = tmp_path / "out"
    build(write(rows), templates, output)
    agreements = sorted(path for path in (output / "Соглашения").glob("Доп. соглашение *.docx")
                        if "о продлении" not in path.name)
    assert [p.name for p in agreements] == [
        "Доп. соглашение № 7 Кузнецова И.В. (пара № 3).docx", "Доп. соглашение № 7 Мороз О.В. (пара № 1).docx",
        "Доп. соглашение № 7 Черных И.П. (группа № 2).docx",
        "Доп. соглашение № 9 Черных И.П. (пара № 3, с 16.11.2026).docx"]
    for path in agreements:
        text = " ".join(_text(path).split())
        assert "работу по наставничеству (статья 351.8 Трудового кодекса Российской Федерации)" in text, path.name
        assert "3. Содержание работы по наставничеству — выполнение плана мероприятий программы" in text
        assert "4. Срок выполнения работы по наставничеству — с " in text
        assert "Форма наставничества — «" in text and "форма взаимодействия — «" in text
        assert "доплата в размере 3 000 рублей в месяц" in text
        assert ("предупредив об этом другую сторону в письменной форме не позднее чем за три рабочих дня (часть 3 "
                "статьи 351.8 Трудового кодекса Российской Федерации)") in text
        assert "в письменной форме в двух экземплярах" in text
        assert "__________ Т.А. Сазонова" in text
        mentor = " ".join(path.stem.split(" (")[0].split()[-2:])
        last, initials = mentor.split(" ")
        assert f"__________ {initials} {last}" in text


def test_a_replacements_new_mentor_gets_an_agreement_from_the_day_of_the_replacement(write, rows, templates,
                                                                                       tmp_path):
    output = tmp_path / "out"
    build(write(rows), templates, output)
    lines = _text(output / AGREEMENT).splitlines()
    assert lines[:4] == ["Дополнительное соглашение № 9", "к трудовому договору от 28.08.2011 № 33",
                         "о выполнении работы по наставничеству", "с. Теньки\t15.11.2026"]
    assert ("1. С письменного согласия Работника от 14.11.2026 Работодатель поручает Работнику, а Работник выполняет "
            "без освобождения от основной работы, наряду с работой, определённой трудовым договором, работу по "
            "наставничеству (статья 351.8 Трудового кодекса Российской Федерации) по персонализированной программе "
            "наставничества № 3: помощь в овладении навыками работы наставляемому Павлюку Никите Сергеевичу, "
            "учителю информатики (пара № 3, вместо Кузнецовой И.В.).") in lines
    # The programme's first end: the extension to 30 June is agreed on by the agreement «о продлении» (№ 31).
    assert "4. Срок выполнения работы по наставничеству — с 16 ноября 2026 г. по 31 мая 2027 г." in lines


def test_a_pairs_own_pay_a_missing_contract_and_a_charter_reach_the_papers(write, rows, settings, templates,
                                                                           tmp_path):
    rows["Пары"][0]["Доплата"] = "10 % от оклада"
    rows["Педагоги"][2]["Трудовой договор (№, дата)"] = None  # П-3, the mentor of pair 1
    settings["Устав (дата утверждения)"] = "15.01.2024"
    output = tmp_path / "out"
    report = build(write(rows, settings), templates, output)
    assert warnings(report) == [
        "Лист «Педагоги», строка 4, столбец «Трудовой договор (№, дата)»: нет номера и даты трудового договора "
        "наставника: в дополнительном соглашении — строка для записи от руки. Впишите их, например «№ 15 от "
        "01.09.2020»."]
    text = _text(output / "Соглашения/Доп. соглашение № 7 Мороз О.В. (пара № 1).docx")
    assert "к трудовому договору от «___» __________ 20__ г. № ______" in text
    assert "действующей на основании Устава, утверждённого 15.01.2024, с одной стороны" in text
    assert "доплата в размере 10 % должностного оклада в месяц с 1 сентября 2026 г. по 31 мая 2027 г.;" in text
    consent = _text(output / CONSENT)
    assert "Прошу установить мне за эту работу доплату в размере 10 % должностного оклада в месяц" in consent
    assert consent.splitlines()[-1] == "25.08.2026\t__________ О.В. Мороз"


def test_no_pay_anywhere_leaves_a_line_to_write_in_and_one_warning_per_pair(write, rows, settings, templates,
                                                                            tmp_path):
    del settings["Доплата наставнику по умолчанию"]
    output = tmp_path / "out"
    report = build(write(rows, settings), templates, output)
    message = ("доплата за наставничество не указана ни здесь, ни на листе «Организация» («Доплата наставнику по "
               "умолчанию»): в согласии и соглашении — строка для записи от руки. Впишите её: «3 000» (рублей в "
               "месяц) или «10 %» (оклада).")
    assert warnings(report) == [f"Лист «Пары», строка {row}, столбец «Доплата»: {message}" for row in (2, 3, 5)]
    assert "доплата в размере ______________ в месяц с 1 сентября 2026 г." in _text(
        output / "Соглашения/Доп. соглашение № 7 Мороз О.В. (пара № 1).docx")


def test_mentoring_in_the_job_description_makes_no_consent_no_agreement_and_asks_for_none(write, rows, settings,
                                                                                         templates, tmp_path):
    """«в должностных обязанностях»: no papers, no warning about pay, contract or agreement, and a pair without a
    consent's date is no error (ст. 351.8 does not apply)."""
    settings["Наставничество оформляется"] = "в должностных обязанностях"
    del settings["Доплата наставнику по умолчанию"]
    rows["Пары"][0]["Согласие наставника (дата)"] = None
    rows["Пары"][0]["Доп. соглашение (№, дата)"] = None
    for person in rows["Педагоги"]:
        person.pop("Трудовой договор (№, дата)", None)
    output = tmp_path / "out"
    report = build(write(rows, settings), templates, output)
    assert errors(report) == [] and warnings(report) == []
    assert not any(name.startswith("Соглашения") or "доплат" in name for name in made(output))
    order = " ".join(_text(output / "Приказы/Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар "
                                     "(групп).docx").split())
    assert "на основании трудовых договоров и должностных инструкций наставников" in order
    assert "Основание: трудовой договор и должностная инструкция наставника." in order
    assert ("5. Оплату наставнической деятельности производить в составе заработной платы по должности, в которую "
            "входят обязанности наставника.") in order
    assert "соглашени" not in order and "согласи" not in order


def test_the_head_as_a_mentor_and_a_partner_from_another_school_get_no_papers_of_the_school(write, rows, templates,
                                                                                            tmp_path):
    """The head's agreement is the founder's to sign; a partner has no contract with the school."""
    rows["Педагоги"][2]["Место работы"] = "МКОУ Карсунская СШ № 2"  # П-3, the mentor of pair 1
    output = tmp_path / "out"
    report = build(write(rows), templates, output)
    assert errors(report) == []
    papers = sorted(name.removeprefix("Соглашения/") for name in made(output)
                    if name.startswith(("Соглашения/Согласие", "Соглашения/Доп.")) and "о продлении" not in name)
    assert papers == sorted([*(f"Согласие {who}.docx" for who in (
        "Черных И.П. (группа № 2)", "Кузнецова И.В. (пара № 3)", "Черных И.П. (пара № 3, с 16.11.2026)")),
        *(f"Доп. соглашение {who}.docx" for who in (
            "№ 7 Черных И.П. (группа № 2)", "№ 7 Кузнецова И.В. (пара № 3)",
            "№ 9 Черных И.П. (пара № 3, с 16.11.2026)"))])


@pytest.mark.parametrize("typed, words", [
    ("3000", "3 000 рублей в месяц"), ("3 000", "3 000 рублей в месяц"), ("3 000,00 ₽", "3 000 рублей в месяц"),
    ("2 501 руб.", "2 501 рубль в месяц"), ("1 502,50 рубля", "1 502 рубля 50 коп. в месяц"),
    (4500.0, "4 500 рублей в месяц"), ("3 000 руб. в месяц", "3 000 рублей в месяц"),
    ("10%", "10 % должностного оклада в месяц"), ("12,5 % оклада", "12,5 % должностного оклада в месяц"),
    ("10 % от оклада", "10 % должностного оклада в месяц"),
])
def test_pay_is_read_as_curators_type_it(typed, words):
    assert parse(typed).words().replace("\u00a0", " ") == words


@pytest.mark.parametrize("typed, message", [
    ("три тысячи", "«три тысячи» — не сумма и не процент. Впишите доплату в месяц: «3 000» (рублей в месяц) или "
                   "«10 %» (оклада)."),
    ("-500", "доплата «-500» должна быть больше нуля. Впишите её: «3 000» (рублей в месяц) или «10 %» (оклада)."),
    ("120 %", "доплата «120 %» больше всего оклада. Процент — от 1 до 100."),
    ("№ 12 от 26.08.2026", "«№ 12 от 26.08.2026» — не сумма и не процент. Впишите доплату в месяц: «3 000» "
                           "(рублей в месяц) или «10 %» (оклада)."),
])
def test_a_pay_that_cannot_be_read_says_why(typed, message):
    with pytest.raises(PayProblem) as caught:
        parse(typed)
    assert str(caught.value) == message


def test_a_bad_pay_is_a_located_warning_and_the_rest_still_builds(write, rows, templates, tmp_path):
    rows["Пары"][0]["Доплата"] = "120 %"
    output = tmp_path / "out"
    report = build(write(rows), templates, output)
    assert warnings(report) == ["Лист «Пары», строка 2, столбец «Доплата»: доплата «120 %» больше всего оклада. "
                                "Процент — от 1 до 100. В соглашении — строка для записи от руки."]
    assert "доплата в размере ______________ в месяц" in _text(
        output / "Соглашения/Доп. соглашение № 7 Мороз О.В. (пара № 1).docx")
    assert (output / "Приказы/Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx").is_file()


@pytest.mark.parametrize("typed, number, date", [
    ("№ 12 от 26.08.2026", "12", "26.08.2026"), ("от 26.08.2026 № 12", "12", "26.08.2026"),
    ("26.08.2026", None, "26.08.2026"), ("№ 12", "12", None), (None, None, None),
])
def test_a_papers_requisites_are_read_in_either_order(typed, number, date):
    assert Requisites.read(typed) == Requisites(number, date)


def test_pay_keeps_its_kind():
    assert parse("10 %") == Pay(Decimal("10"), True) and parse("3 000") == Pay(Decimal("3000"), False)


@pytest.mark.parametrize("notice, first", [
    (dt.date(2026, 11, 9), dt.date(2026, 11, 13)),  # Mon: Tue, Wed, Thu — released from Friday
    (dt.date(2026, 11, 12), dt.date(2026, 11, 18)),  # Thu: Fri, Mon, Tue
    (dt.date(2026, 12, 28), dt.date(2027, 1, 12)),  # 29, 30 Dec, then 31 Dec and 1–8 Jan off: Monday 11 Jan
    (dt.date(2027, 2, 18), dt.date(2027, 2, 25)),  # Fri 19, Saturday 20 made a working day, Mon 22 off, 23 holiday
    (dt.date(2026, 11, 3), dt.date(2026, 11, 10)),  # 4 Nov is Unity Day: Thu 5, Fri 6, Mon 9
])
def test_three_working_days_follow_the_production_calendar(notice, first):
    """The term runs from the day after the notice and holds three working days; the work ends after the third."""
    assert working_days.first_lawful(notice) == first
    assert working_days.latest_notice(first) == notice


def test_a_year_without_its_decree_on_moved_days_off_is_said_to_be_counted_without_them():
    assert working_days.known(2027) and not working_days.known(2031)


def test_our_copy_of_the_calendar_is_the_librarys_and_holds_every_year_it_knows():
    """calendar_ru is the `holidays` library's production calendar, day for day; a library that learnt a new year's
    decree (an upgrade) fails this test until scripts/make_calendar.py is run again."""
    import holidays

    from automation.book import calendar_ru

    library = holidays.country_holidays("RU")
    first, last = dt.date(calendar_ru.YEARS[0], 1, 1), dt.date(calendar_ru.YEARS[-1], 12, 31)
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    assert [day for day in days if working_days.is_working(day) != library.is_working_day(day)] == []
    later = range(calendar_ru.YEARS[-1] + 1, calendar_ru.YEARS[-1] + 11)
    assert [year for year in later if working_days.decreed(library, year)] == [], (
        "запустите python scripts/make_calendar.py: библиотека знает постановления о новых годах")


def test_a_notice_in_a_year_of_our_calendar_does_not_load_the_library():
    """The three working days of a notice in 2026 are counted without importing `holidays` (0.1 s of a cold start)."""
    import subprocess
    import sys

    code = ("import datetime, sys; from automation.book import working_days; "
            "print(working_days.first_lawful(datetime.date(2026, 11, 3)), working_days.known(2027), "
            "'holidays' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["2026-11-10", "True", "False"], result.stderr


def test_a_notice_given_too_late_is_a_located_warning_with_the_first_lawful_day(write, rows, templates, tmp_path):
    rows["Замены"][0]["Основание"] = "психологическая несовместимость наставника и наставляемого"
    rows["Замены"][0]["Дата уведомления"] = dt.date(2026, 11, 12)
    report = build(write(rows), templates, tmp_path / "out")
    assert warnings(report) == [
        "Лист «Замены», строка 2, столбец «Дата уведомления»: уведомление от 12.11.2026 дано меньше чем за три "
        "рабочих дня до 16.11.2026 (ст. 351.8 ТК РФ): освободить наставника по нему можно не раньше 18.11.2026. "
        "Исправьте дату уведомления или дату, с которой наставник освобождается."]
    rows["Замены"][0]["Дата уведомления"] = dt.date(2026, 11, 17)
    report = build(write(rows), templates, tmp_path / "out")
    assert warnings(report) == [
        "Лист «Замены», строка 2, столбец «Дата уведомления»: уведомление от 17.11.2026 дано не раньше дня, с "
        "которого наставник освобождается (16.11.2026). Предупредить нужно письменно не позднее 10.11.2026 (за три "
        "рабочих дня, ст. 351.8 ТК РФ)."]


def test_a_replacement_on_the_mentees_application_makes_the_application_and_the_cancellation(write, rows, templates,
                                                                                              tmp_path):
    rows["Замены"][0]["Основание"] = "личное заявление наставляемого"
    rows["Замены"][0]["Дата уведомления"] = dt.date(2026, 11, 10)
    output = tmp_path / "out"
    report = build(write(rows), templates, output)
    assert warnings(report) == []
    cancellation = _text(output / "Соглашения/Уведомление об отмене поручения Кузнецова И.В. (пара № 3).docx")
    assert cancellation.splitlines()[1:3] == ["Заместителю директора по учебно-воспитательной работе",
                                              "Кузнецовой Ирине Владимировне"]
    assert ("уведомляем Вас, что поручение о выполнении работы по наставничеству наставляемого Павлюка Никиты "
            "Сергеевича, учителя информатики (пара № 3, персонализированная программа наставничества № 3), данное "
            "дополнительным соглашением к трудовому договору № 7 от 26.08.2026, досрочно отменяется с 16 ноября "
            "2026 г. на основании личного заявления наставляемого.") in cancellation
    assert "Уведомление вручить не позднее 10 ноября 2026 г." in cancellation
    assert cancellation.splitlines()[-1] == "\t10.11.2026"
    application = _text(output / "Соглашения/Заявление о замене наставника Павлюк Н.С. (пара № 3).docx")
    assert ("Прошу заменить моего наставника Кузнецову Ирину Владимировну, заместителя директора по "
            "учебно-воспитательной работе (пара № 3, персонализированная программа наставничества № 3), в "
            "соответствии с пунктом 9 раздела III Положения о системе наставничества.") in application


def test_a_mentors_own_application_makes_the_notice_of_early_refusal(write, rows, templates, tmp_path):
    rows["Замены"][0]["Основание"] = "личное заявление наставника"
    output = tmp_path / "out"
    build(write(rows), templates, output)
    assert [name for name in made(output) if "Заявление" in name or "Уведомление" in name] == [
        "Соглашения/Уведомление об отказе Кузнецова И.В. (пара № 3).docx"]
    notice = _text(output / "Соглашения/Уведомление об отказе Кузнецова И.В. (пара № 3).docx")
    assert ("В соответствии с частью 3 статьи 351.8 Трудового кодекса Российской Федерации уведомляю о досрочном "
            "отказе от выполнения работы по наставничеству наставляемого Павлюка Никиты Сергеевича, учителя "
            "информатики (пара № 3, персонализированная программа наставничества № 3), порученной мне "
            "дополнительным соглашением к трудовому договору № 7 от 26.08.2026, с 16 ноября 2026 г.") in notice
    assert "«___» __________ 20__ г.\t__________ И.В. Кузнецова" in notice  # no date in the book yet


def test_the_pay_list_holds_the_mentors_paid_by_signed_orders_on_the_day(write, rows, templates, tmp_path):
    """Pair 1 is appointed by the signed 45-ОД; group 2 and pair 3 await their order; the head's pair is paid by the
    founder. The accounts department gets one row, with the pair's own pay."""
    rows["Пары"][0]["Доплата"] = "2 500 руб."
    output = tmp_path / "out"
    build(write(rows), templates, output)
    table = Document(str(output / "Списки/Список доплат за наставничество.docx")).tables[0]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["№", "Наставник", "Пара (группа)", "Доплата в месяц", "С", "По", "Доп. соглашение", "Приказ"],
        ["1", "Мороз О.В., учитель математики", "пара №\u00a01", "2\u00a0500 рублей", "01.09.2026", "31.05.2027",
         "№\u00a07 от 26.08.2026", "№\u00a045-ОД от 01.09.2026"]]


def test_an_extension_agreed_by_both_makes_the_agreement_on_the_new_term(write, rows, templates, tmp_path):
    output = tmp_path / "out"
    build(write(rows), templates, output)
    text = _text(output / "Соглашения/Доп. соглашение № 31 о продлении Черных И.П. (пара № 3).docx").splitlines()
    assert text[:3] == ["Дополнительное соглашение № 31", "к трудовому договору от 28.08.2011 № 33",
                        "о продлении срока выполнения работы по наставничеству"]
    assert ("1. Срок выполнения Работником работы по наставничеству по персонализированной программе наставничества "
            "№ 3 (пара № 3), установленный дополнительным соглашением № 9 от 15.11.2026, продлевается: вместо «по 31 "
            "мая 2027 г.» — «по 30 июня 2027 г.».") in text
    assert ("2. Доплата за выполнение работы по наставничеству в размере 3 000 рублей в месяц выплачивается по 30 "
            "июня 2027 г.") in text


def test_a_signed_agreement_is_never_made_again_and_a_change_is_one_warning(write, rows, templates, tmp_path):
    """№ and date in the book: the agreement is signed. A new pay leaves its bytes as they were and names the change;
    the consent, which has no number, follows the book."""
    output = tmp_path / "out"
    build(write(rows, name="Наставничество.xlsx"), templates, output)
    signed = output / "Соглашения/Доп. соглашение № 7 Мороз О.В. (пара № 1).docx"
    before = signed.read_bytes()
    rows["Пары"][0]["Доплата"] = "4 000"
    report = build(write(rows, name="Наставничество.xlsx"), templates, output)
    assert signed.read_bytes() == before
    assert warnings(report) == [
        "«Соглашения/Доп. соглашение № 7 Мороз О.В. (пара № 1).docx» подписано, но с тех пор изменилось: доплата "
        "«3\u00a0000 рублей в месяц» → «4\u00a0000 рублей в месяц». Подписанный документ не меняется; если "
        "изменились условия, оформите новое дополнительное соглашение."]
    assert "доплату в размере 4 000 рублей в месяц" in _text(output / CONSENT)


def test_an_agreement_signed_while_a_row_of_its_group_has_an_error_is_made_final_once_the_row_is_fixed(
        write, rows, templates, tmp_path):
    """The group's second row is left out while it has an error: the agreement is not final then, and the first
    build without errors makes it with both mentees — and from then on never again."""
    output = tmp_path / "out"
    rows["Пары"][2]["Форма взаимодействия"] = "по телефону"
    build(write(rows, name="Наставничество.xlsx"), templates, output)
    paper = output / "Соглашения/Доп. соглашение № 7 Черных И.П. (группа № 2).docx"
    assert "Белых" not in _text(paper)
    rows["Пары"][2]["Форма взаимодействия"] = "ситуационное"
    report = build(write(rows, name="Наставничество.xlsx"), templates, output)
    assert warnings(report) == [] and "Белых Любови Николаевне" in _text(paper)
    made_once = paper.read_bytes()
    rows["Пары"][1]["Направление"] = "воспитательная работа"
    report = build(write(rows, name="Наставничество.xlsx"), templates, output)
    assert paper.read_bytes() == made_once
    assert any("направление «методика урока» → «воспитательная работа»" in w for w in warnings(report))


def test_papers_still_to_sign_follow_the_orders_and_programmes_in_the_bundle(write, rows, templates, tmp_path):
    """An agreement without its №, a notice without its date, an application are drafts: «На подпись» takes them
    after the orders and the programmes, kind by kind."""
    rows["Пары"][0]["Доп. соглашение (№, дата)"] = None
    rows["Замены"][0]["Основание"] = "личное заявление наставляемого"
    report = build(write(rows), templates, tmp_path / "out")
    titles = [title for title, _ in report.to_sign]
    assert titles[-4:] == ["Программа наставничества № 3 Павлюк Н.С.", "Доп. соглашение Мороз О.В. (пара № 1)",
                           "Уведомление об отмене поручения Кузнецова И.В. (пара № 3)",
                           "Заявление о замене наставника Павлюк Н.С. (пара № 3)"]


def test_a_pair_waiting_for_its_mentors_consent_gets_the_consent_to_sign(write, rows, templates, tmp_path):
    """Without the consent's date the pair stays out of the order (an error), and its consent is made with a blank
    for the date, its own pay in it; the agreement comes once the consent is given."""
    rows["Пары"][0]["Согласие наставника (дата)"] = None
    rows["Пары"][0]["Доплата"] = "10 %"
    output = tmp_path / "out"
    report = build(write(rows), templates, output)
    assert errors(report) == [
        "Лист «Пары», строка 2, столбец «Согласие наставника (дата)»: нет даты письменного согласия наставника (ст. "
        "351.8 ТК РФ); без согласия наставник не назначается, пара не войдёт в приказ. Бланк согласия — в папке "
        "«Соглашения»: когда наставник его подпишет, впишите дату согласия."]
    consent = _text(output / CONSENT).splitlines()
    assert consent[-1] == "«___» __________ 20__ г.\t__________ О.В. Мороз"
    assert any("доплату в размере 10 % должностного оклада в месяц" in line for line in consent)
    assert not any("Мороз О.В. (пара № 1)" in name for name in made(output) if "Доп. соглашение" in name)
    assert "Согласие Мороз О.В. (пара № 1)" in [title for title, _ in report.to_sign]


@pytest.mark.parametrize("ground, papers", [
    ("длительное отсутствие наставника (болезнь, уход за ребёнком, отпуск, командировка, обучение)",
     ["Соглашение о прекращении Кузнецова И.В. (пара № 3).docx"]),
    ("увольнение наставника", []),
    ("психологическая несовместимость наставника и наставляемого",
     ["Уведомление об отмене поручения Кузнецова И.В. (пара № 3).docx"]),
])
def test_the_former_mentors_extra_work_ends_by_the_paper_its_ground_asks_for(ground, papers, write, rows, templates,
                                                                            tmp_path):
    """Absence: an agreement of the parties; the mentor's dismissal ends it with the job; an initiative of the
    school's: its notice of cancellation."""
    rows["Замены"][0]["Основание"] = ground
    output = tmp_path / "out"
    build(write(rows), templates, output)
    assert [name.removeprefix("Соглашения/") for name in made(output)
            if name.startswith(("Соглашения/Соглашение", "Соглашения/Уведомление"))] == papers


def test_an_addressee_block_is_never_hyphenated(write, rows, templates, tmp_path):
    """«от учителя русского языка и литерату-/ры» is marked by a director: the block at the right keeps its words."""
    output = tmp_path / "out"
    build(write(rows), templates, output)
    paragraphs = Document(str(output / CONSENT)).paragraphs
    assert [p.text for p in paragraphs[:4]] == ["Директору МКОУ Теньковская СШ", "Т.А. Сазоновой",
                                                "от учителя математики", "Мороз Ольги Викторовны"]
    assert all(p._p.pPr.find(qn("w:suppressAutoHyphens")) is not None for p in paragraphs[:4])
    assert paragraphs[6]._p.pPr.find(qn("w:suppressAutoHyphens")) is None  # the text itself is hyphenated


def test_the_blank_book_offers_how_mentoring_is_engaged_in_a_dropdown(tmp_path):
    book = openpyxl.load_workbook(write_workbook(tmp_path / "книга.xlsx"))
    sheet = book["Организация"]
    row = next(cell.row for cell in sheet["A"] if cell.value == "Наставничество оформляется")
    rules = {str(rule.sqref): rule.formula1 for rule in sheet.data_validations.dataValidation}
    assert rules[f"B{row}"] == '"доп. соглашением (ст. 351.8 ТК РФ),в должностных обязанностях"'
    help_lines = [(a.value, b.value) for a, b in book["Как заполнять"].iter_rows(max_col=2)]
    assert ("   Доплата", "необязательно: в месяц: «3 000» (рублей) или «10 %» (оклада); пусто — по умолчанию с листа "
            "«Организация»") in help_lines


def test_a_contract_or_a_consent_typed_in_the_wrong_shape_is_a_located_message(write, rows, templates, tmp_path):
    rows["Пары"][0]["Согласие наставника (дата)"] = "№ 12 от 26.08.2026"  # an agreement typed into the date column
    rows["Педагоги"][3]["Трудовой договор (№, дата)"] = "01.09.2011"  # П-4: the date alone
    report = build(write(rows), templates, tmp_path / "out")
    assert errors(report) == ["Лист «Пары», строка 2, столбец «Согласие наставника (дата)»: «№ 12 от 26.08.2026» — "
                              "не дата. Введите дату в виде ДД.ММ.ГГГГ, например 01.09.2026."]
    assert warnings(report) == [
        "Лист «Педагоги», строка 5, столбец «Трудовой договор (№, дата)»: в «01.09.2011» нет номера трудового "
        "договора: в дополнительном соглашении — строка для записи от руки. Впишите так: «№ 15 от 01.09.2020»."]
