"""Reports: indicators against numbers counted by hand, the conclusion, reminders, pairing suggestions, the site page."""

import datetime as dt
import re

import openpyxl
import pytest

from automation.book.reader import read_workbook
from automation.book.validate import validate
from automation.documents.period import Period, PeriodError
from automation.documents.reports import conclusion, indicators, lemmas, notes, reminders, suggestions
from automation.run import build as builder
from tests.docx_text import docx_text
from tests.helpers import AWAITING, TODAY
from tests.sample_data import all_signed

YEAR = Period(dt.date(2026, 9, 1), dt.date(2027, 8, 31))


def data_of(path):
    return validate(read_workbook(path)).data


@pytest.mark.parametrize("text, start, end", [
    ("2025/2026", dt.date(2025, 9, 1), dt.date(2026, 8, 31)),
    ("01.09.2025-31.12.2025", dt.date(2025, 9, 1), dt.date(2025, 12, 31)),
    ("1.9.2025 – 31.12.2025", dt.date(2025, 9, 1), dt.date(2025, 12, 31)),
])
def test_period_forms(text, start, end):
    assert Period.parse(text) == Period(start, end)


@pytest.mark.parametrize("text", ["2025/2027", "31.12.2025-01.09.2025", "31.02.2025-01.03.2025", "весь год"])
def test_period_errors_are_russian(text):
    with pytest.raises(PeriodError) as err:
        Period.parse(text)
    assert str(err.value) == (f"период «{text}» не распознан. Укажите учебный год (2025/2026) "
                              "или две даты через дефис (01.09.2025-31.08.2026).")


def test_school_year_of_a_date():
    assert Period.school_year(dt.date(2026, 11, 27)) == YEAR
    assert Period.school_year(dt.date(2027, 8, 31)) == YEAR
    assert YEAR.label == "2026/2027 учебный год"


def test_indicators_of_the_current_school_year(write, rows):
    # Counted by hand from tests/sample_data.py, every order signed: pairs 1 and 3 and group 2 run in 2026/27, pair 4
    # ended in June 2026; pair 3's mentor is П-4 since the replacement; due by 27.11.2026: 3 activities, 2 marked
    # done, one of them (18.09 for 20.09) in time, the other (20.10 for 15.10) late.
    ind = indicators(data_of(write(all_signed(rows))), YEAR, TODAY)
    assert (ind.pairs, ind.groups, ind.mentors, ind.mentees, ind.awaiting) == (2, 1, 2, 4, 0)
    assert ind.by_form["педагог – педагог"] == 2 and ind.by_form["наставничество в группе"] == 1
    assert sum(ind.by_form.values()) == 3 and ind.by_interaction["один-на-один"] == 2
    assert ind.by_interaction["ситуационное"] == 1
    assert (ind.young, ind.young_mentored, ind.new, ind.new_mentored) == (2, 2, 0, 0)
    assert (ind.started, ind.finished_on_time, ind.finished_early, ind.extended, ind.overdue) == (3, 0, {}, 1, 0)
    assert (ind.plan_due, ind.plan_done, ind.plan_on_time, ind.plan_undated) == (3, 2, 1, 0)
    assert ind.replacements == {
        "длительное отсутствие наставника (болезнь, уход за ребёнком, отпуск, командировка, обучение)": 1}
    assert ind.incentives == {"объявление благодарности": 1, "премирование": 1, "почётная грамота": 1,
                              "благодарственное письмо": 1}


def test_indicators_count_only_what_signed_orders_put_in_force(write, rows):
    """As the test book stands: group 2 and pair 3 have no order, the replacement (50-ОД), the extension and the
    incentives await theirs, the completion (40-ОД) is unsigned: none of it is counted, and the note says so."""
    ind = indicators(data_of(write(rows)), YEAR, TODAY)
    assert (ind.pairs, ind.groups, ind.mentors, ind.mentees, ind.awaiting) == (1, 0, 1, 1, 2)  # pair 4 ended in June
    assert (ind.started, ind.finished_on_time, ind.finished_early, ind.extended, ind.overdue) == (1, 0, {}, 0, 0)
    assert (ind.plan_due, ind.plan_done, ind.plan_on_time) == (1, 1, 1)
    assert ind.replacements == {} and ind.incentives == {}
    assert notes(ind, TODAY)["сводка"] == (
        "Учтены пары и группы, закреплённые приказом, подписанным не позже 27.11.2026, если их программа "
        "приходится на период; наставник — тот, кто назначен на 27.11.2026 с учётом подписанных приказов о замене. "
        "Пары и группы, ещё не закреплённые подписанным приказом, не учтены (2).")


def test_a_completion_counts_once_its_order_is_signed(write, rows):
    ind = indicators(data_of(write(rows)), Period.parse("2025/2026"), TODAY)
    assert ind.finished_early == {}
    rows["Приказы"][2]["Статус"] = "подписан"
    ind = indicators(data_of(write(rows)), Period.parse("2025/2026"), TODAY)
    assert ind.finished_early == {"инициатива наставляемого": 1}


def test_indicators_of_the_previous_school_year(write, rows):
    # Only pair 4 (12.01.2026–30.06.2026) ran then; it ended early on 26.06.2026 on the mentor's or mentee's
    # initiative; its one activity (10.03.2026) was done, with no date of completion.
    ind = indicators(data_of(write(all_signed(rows))), Period.parse("2025/2026"), TODAY)
    assert (ind.pairs, ind.groups, ind.mentors, ind.mentees) == (1, 0, 1, 1)
    assert ind.by_form["руководитель образовательной организации – педагог"] == 1
    assert (ind.started, ind.finished_on_time, ind.extended, ind.overdue) == (1, 0, 0, 0)
    assert ind.finished_early == {"инициатива наставляемого": 1}
    assert (ind.plan_due, ind.plan_done, ind.plan_on_time, ind.plan_undated) == (1, 1, 0, 1)
    assert ind.replacements == {} and ind.incentives == {}
    assert notes(ind, TODAY)["охват"].endswith(
        "Мероприятия, отмеченные выполненными без даты выполнения (1), в счёт «в срок» не вошли.")


def test_overdue_programmes_and_new_staff(write, rows):
    rows["Педагоги"][6]["Стаж в организации, лет"] = 0.5   # П-7, a mentee of pair 3
    rows["Педагоги"][0]["Стаж в организации, лет"] = 0     # П-1, a mentor, has no mentor
    ind = indicators(data_of(write(all_signed(rows))), YEAR, dt.date(2027, 4, 10))
    assert (ind.new, ind.new_mentored) == (2, 1)
    assert ind.overdue == 1  # programme 2 ended 31.03.2027 and is not finished
    assert (ind.plan_due, ind.plan_done) == (3, 2)


def test_conclusion_in_russian(write, rows):
    ind = indicators(data_of(write(all_signed(rows))), YEAR, TODAY)
    assert conclusion(ind) == [
        "В 2026/2027 учебном году действовало наставнических пар: 2, групп: 1; наставников — 2, наставляемых — 4.",
        "Наставника имеют 2 из 2 молодых специалистов (100 %).",
        "Выполнено 2 из 3 мероприятий планов, срок которых наступил (67 %), из них в срок — 1.",
    ]


def test_reminders(write, rows):
    assert reminders(data_of(write(rows)), dt.date(2027, 5, 10))[:4] == [
        "Программа № 1: мероприятие «Открытая консультация» со сроком 15.04.2027 не отмечено как выполненное.",
        "Программа № 1 заканчивается 31.05.2027 (через 21 день): подготовьте итоги и приказ о завершении или продлении.",
        "Программа № 2: мероприятие «Совместное планирование акции» со сроком 20.10.2026 не отмечено как выполненное.",
        "Программа № 2: срок истёк 31.03.2027, а программа не завершена — оформите завершение или продление.",
    ]


def test_reminder_for_a_missing_agreement(write, rows):
    rows["Пары"][0]["Доп. соглашение (№, дата)"] = None
    assert "Пара № 1: нет дополнительного соглашения к трудовому договору наставника (ст. 351.8 ТК РФ)." in reminders(
        data_of(write(rows)), TODAY)




def test_what_awaits_an_order_is_reminded_one_line_per_order(write, rows):
    """Only drafts and changes with no order: a signed order that takes effect later is not awaited."""
    assert reminders(data_of(write(rows)), TODAY)[1:] == AWAITING
    rows["Приказы"][3].update({"Дата": dt.date(2026, 12, 1), "Статус": "подписан"})  # 50-ОД signed, in force later
    assert reminders(data_of(write(rows)), TODAY)[1:] == [AWAITING[0], AWAITING[2]]


def test_reminders_reach_the_check_report_and_json(write, rows, templates, tmp_path):
    from tests.docx_text import docx_text
    report = builder.build(write(rows), templates, tmp_path, today=TODAY)
    line = "Программа № 2: мероприятие «Совместное планирование акции» со сроком 20.10.2026 не отмечено как выполненное."
    assert report.as_json()["reminders"] == [line, *AWAITING]
    assert docx_text(tmp_path / "Отчёт о проверке.docx").endswith(
        "Напоминания\n" + "".join(f"— {text}\n" for text in [line, *AWAITING]))


def test_words_are_compared_by_their_normal_form():
    assert lemmas("подготовки к ОГЭ; работа с родителями") == {"подготовка", "огэ", "работа", "родитель"}


def _suggestion_rows(rows):
    """A new teacher П-9 with no pair, and three possible mentors."""
    from tests.sample_data import person
    rows["Педагоги"] += [
        person("П-9", "Никитина", "Алла", "Игоревна", "учитель химии", 0, **{
            "Молодой специалист": "да", "Профессиональные затруднения": "подготовка к ОГЭ; работа с родителями"}),
    ]
    for index, competences, consent in ((0, "работа с родителями", "да"),          # П-1
                                        (1, "подготовки к ОГЭ и работа с родителями", "да"),  # П-2
                                        (2, "подготовка к ОГЭ", "нет"),              # П-3: no consent
                                        (4, "работа с родителями", "да")):           # П-5: a mentee himself
        rows["Педагоги"][index]["Компетенции"] = competences
        rows["Педагоги"][index]["Согласие быть наставником"] = consent
    return rows


def test_suggestions_rank_mentors_by_shared_words(write, rows):
    found = dict((p.code, options) for p, options in suggestions(data_of(write(_suggestion_rows(rows)))))
    assert list(found) == ["П-9"]
    assert [(o.mentor.code, o.shared, o.load) for o in found["П-9"]] == [
        ("П-2", ["огэ", "подготовка", "работа", "родитель"], 0),
        ("П-1", ["работа", "родитель"], 0),
    ]


def test_the_mentee_limit_comes_from_the_settings(write, rows, settings):
    rows = _suggestion_rows(rows)
    rows["Педагоги"][3]["Компетенции"] = "работа с родителями"   # П-4 has 3 mentees already
    rows["Педагоги"][3]["Согласие быть наставником"] = "да"
    by_default = dict((p.code, o) for p, o in suggestions(data_of(write(rows))))
    assert [o.mentor.code for o in by_default["П-9"]] == ["П-2", "П-1"]
    settings["Максимум наставляемых у наставника"] = 4
    raised = dict((p.code, o) for p, o in suggestions(data_of(write(rows, settings))))
    assert [(o.mentor.code, o.load) for o in raised["П-9"]] == [("П-2", 0), ("П-1", 0), ("П-4", 3)]


def test_suggestions_file_is_written_and_the_workbook_untouched(write, rows, templates, tmp_path):
    path = write(_suggestion_rows(rows))
    before = path.read_bytes()
    builder.build(path, templates, tmp_path / "out", today=TODAY)
    sheet = openpyxl.load_workbook(tmp_path / "out" / "Предложения по парам.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[1] == ["Код", "Наставляемый", "Должность", "Профессиональные затруднения", "Вариант",
                         "Код наставника", "Наставник", "Должность наставника", "Почему", "Наставляемых сейчас"]
    assert values[2] == ["П-9", "Никитина Алла Игоревна", "учитель химии", "подготовка к ОГЭ; работа с родителями", 1,
                         "П-2", "Кузнецова Ирина Владимировна", "заместитель директора по учебно-воспитательной работе",
                         "совпадают слова: «огэ», «подготовка», «работа», «родитель»", 0]
    assert path.read_bytes() == before


def test_site_page_shows_only_consent_and_finished_programmes(write, rows, templates, tmp_path):
    rows["Педагоги"][7]["Согласие на публикацию"] = "да"      # Белых, mentee of the finished pair 4
    rows["Программы"][3]["Итоги"] = "освоены приёмы <работы> & консультаций"
    rows["Педагоги"][5]["Согласие на публикацию"] = "нет"     # Шевченко, in group 2
    rows["Пары"][1]["Приказ о закреплении (№)"] = rows["Пары"][2]["Приказ о закреплении (№)"] = "45-ОД"
    rows["Приказы"][2]["Статус"] = "подписан"                 # 40-ОД: the completion of programme 4
    builder.build(write(rows), templates, tmp_path, today=TODAY)
    html = (tmp_path / "Списки" / "Страница для сайта.html").read_text(encoding="utf-8")
    assert "Шевченко" not in html
    assert "Белых Любовь Николаевна, социальный педагог" in html
    assert "<td>освоены приёмы &lt;работы&gt; &amp; консультаций</td><td>26.06.2026</td>" in html
    current = html.split("Завершённые программы")[0]
    assert "<td>4</td>" not in current  # a finished pair is not among the current ones
    assert html.startswith("<!DOCTYPE html>") and "{{" not in html


def test_the_site_shows_nothing_that_awaits_an_order(write, rows, templates, tmp_path):
    """Group 2 and pair 3 have no signed order of appointment; pair 3's new mentor awaits 50-ОД; programme 4's
    completion awaits 40-ОД: the public documents show the pairs in force only, as they stand."""
    for row in rows["Педагоги"]:
        row["Согласие на публикацию"] = "да"
    rows["Пары"][3]["Приказ о закреплении (№)"] = "45-ОД"  # pair 3 in force, its replacement still a draft
    builder.build(write(rows), templates, tmp_path, today=TODAY)
    html = (tmp_path / "Списки" / "Страница для сайта.html").read_text(encoding="utf-8")
    public = docx_text(tmp_path / "Списки" / "Список наставников и наставляемых для сайта.docx")
    for text in (html, public):
        assert "Шевченко" not in text and "Завершённые программы" not in text
        assert "Кузнецова Ирина Владимировна" in text and "Черных" not in text
        assert "проект" not in text and "ожидает" not in text
    assert [line.split(" | ")[0] for line in public.splitlines() if " | " in line][1:] == ["1", "3", "4"]


def test_many_overdue_activities_of_a_programme_are_counted_not_listed(write, rows):
    """A programme of hundreds of unmarked activities gives one reminder, not hundreds."""
    rows["План"] += [{"№ программы": "2", "Мероприятие": f"Мероприятие {n}", "Срок": dt.date(2026, 10, n),
                      "Ответственный": "наставник"} for n in range(1, 25)]
    found = [line for line in reminders(data_of(write(rows)), dt.date(2027, 5, 10)) if "Программа № 2:" in line]
    assert found == [
        "Программа № 2: 25 мероприятий со сроком до 24.10.2026 не отмечены как выполненные; первые: «Мероприятие 1» "
        "(01.10.2026), «Мероприятие 2» (02.10.2026), «Мероприятие 3» (03.10.2026).",
        "Программа № 2: срок истёк 31.03.2027, а программа не завершена — оформите завершение или продление.",
    ]


def test_the_report_speaks_of_pairs_orders_and_programmes_not_of_sheets_and_columns(write, rows, templates, tmp_path):
    """The analytic report goes to the director and the district: how it was counted is said in their words."""
    from automation.book import schema
    from tests.docx_text import docx_text, output_text
    from tests.helpers import build

    output = tmp_path / "out"
    build(write(all_signed(rows)), templates, output)
    texts = [docx_text(next((output / "Отчёты").glob("Аналитический отчёт*.docx"))),
             output_text(next((output / "Отчёты").glob("Показатели*.xlsx")))]
    for text in texts:
        lowered = text.lower()
        assert not re.findall(r"\bлист(?:а|е|ом|ы|ов)?\b|\bстолбц\w*", lowered)
        assert not [sheet.title for sheet in schema.SHEETS if f"«{sheet.title.lower()}»" in lowered]
