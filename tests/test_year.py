"""The school year's own documents: the organising order with its roadmap, and who needs a mentor (issue 18)."""

from __future__ import annotations

import datetime as dt

import openpyxl

from automation.run import build as builder
from automation.run.build import check
from tests.docx_text import docx_text
from tests.helpers import TODAY

ORDER = "Приказы/Приказ № 30-ОД от 01.09.2026 Об организации наставничества педагогических работников.docx"
DRAFT = "Приказы/ПРОЕКТ Приказ Об организации наставничества педагогических работников.docx"
NEEDS = "Списки/Список педагогов для включения в наставничество в качестве наставляемых.docx"


def test_a_book_without_a_roadmap_still_builds_with_one_warning_and_no_organising_order(write, rows, templates,
                                                                                         tmp_path):
    path = write(rows)
    book = openpyxl.load_workbook(path)
    del book["Дорожная карта"]
    book.save(path)
    report = builder.build(path, templates, tmp_path / "out", today=TODAY)
    assert [str(p) for p in report.warnings] == [
        "Лист «Дорожная карта»: в книге нет листа «Дорожная карта»: приказ об организации наставничества с дорожной "
        "картой (п. 10.3 Положения) не сделан. Добавьте лист (образец — в пустой книге, которую создаёт «nastavnik "
        "init») и впишите мероприятия года."]
    assert report.errors == []
    assert not (tmp_path / "out" / ORDER).exists()
    assert (tmp_path / "out" / "Приказы" / "Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx"
            ).is_file()


def test_an_empty_roadmap_is_one_warning(write, rows):
    rows["Дорожная карта"] = []
    assert [str(p) for p in check(write(rows)).warnings] == [
        "Лист «Дорожная карта»: мероприятий нет, поэтому приказ об организации наставничества с дорожной картой "
        "(п. 10.3 Положения) не сделан. Впишите мероприятия учебного года."]


def test_the_order_creates_the_association_of_mentors_in_force_and_names_who_keeps_the_site(write, rows, settings,
                                                                                            templates, tmp_path):
    """With «ШМО наставников» «да»: the mentors in force on the order's date (pair 1's mentor, appointed by 45-ОД of
    the same day; group 2 and pair 3 are not appointed yet) and its head; the site's keeper in the right gender."""
    settings.update({"ШМО наставников": "да", "Руководитель ШМО (код)": "П-3",
                     "Ответственный за раздел сайта (код)": "П-8"})
    builder.build(write(rows, settings), templates, tmp_path / "out", today=TODAY)
    text = docx_text(tmp_path / "out" / ORDER)
    assert ("3. Создать школьное методическое объединение наставников (подпункт 2 пункта 12 раздела III Положения) "
            "в составе: Мороз О.В. (учитель математики), Сазонова Т.А. (директор). Руководителем школьного "
            "методического объединения наставников назначить Мороз Ольгу Викторовну, учителя математики.\n") in text
    assert ("4. Назначить ответственной за размещение информации о реализации системы наставничества на официальном "
            "сайте МКОУ Теньковская СШ (раздел VIII Положения) Белых Любовь Николаевну, социального педагога.\n"
            ) in text
    assert "6. Контроль за исполнением настоящего приказа оставляю за собой.\nДиректор\tТ.А. Сазонова\n" in text
    acquainted = text.split("Фамилия, инициалы | Подпись | Дата\n")[1].split("\n\n")[0].splitlines()
    assert [line.split(" |")[0] for line in acquainted] == ["Кузнецова И.В.", "Мороз О.В.", "Сазонова Т.А.",
                                                             "Белых Л.Н."]


def test_an_unregistered_organising_order_is_a_draft_signed_first_in_the_bundle(write, rows, templates, tmp_path):
    rows["Приказы"] = [row for row in rows["Приказы"] if row["№ приказа"] != "30-ОД"]
    report = builder.build(write(rows), templates, tmp_path / "out", today=TODAY)
    assert (tmp_path / "out" / DRAFT).is_file() and not (tmp_path / "out" / ORDER).exists()
    text = docx_text(tmp_path / "out" / DRAFT)
    assert text.splitlines()[1:3] == ["ПРОЕКТ", "ПРИКАЗ"]
    assert "Об организации наставничества педагогических работников в 2026/2027 учебном году" in text
    assert [str(path) for _, path in report.to_sign][:5] == [
        "Приказы/ПРОЕКТ Приказ № 50-ОД О замене наставника.docx",
        "Приказы/ПРОЕКТ Приказ О закреплении наставнических пар (групп).docx",
        "Приказы/ПРОЕКТ Приказ О продлении срока реализации программы.docx",
        "Приказы/ПРОЕКТ Приказ О поощрении наставников.docx", DRAFT]


def test_who_needs_a_mentor_young_new_or_in_difficulty_with_the_pair_in_force_or_awaited(write, rows, templates,
                                                                                         tmp_path):
    from tests.sample_data import person

    rows["Педагоги"] += [
        person("П-9", "Гарипова", "Ляйсан", "Ильдаровна", "учитель музыки", 7,
               **{"Стаж в организации, лет": 0.5, "ФИО в родительном падеже": "Гариповой Ляйсан Ильдаровны",
                  "ФИО в дательном падеже": "Гариповой Ляйсан Ильдаровне",
                  "ФИО в винительном падеже": "Гарипову Ляйсан Ильдаровну",
                  "ФИО в творительном падеже": "Гариповой Ляйсан Ильдаровной"}),
        person("П-10", "Орлов", "Павел", "Ильич", "учитель истории", 12,
               **{"Профессиональные затруднения": "Проектная деятельность"}),
        person("П-11", "Тарасов", "Андрей", "Викторович", "доцент", 20,
               **{"Молодой специалист": "да", "Место работы": "УлГПУ"}),
    ]
    builder.build(write(rows), templates, tmp_path / "out", today=TODAY)
    lines = docx_text(tmp_path / "out" / NEEDS).splitlines()
    assert lines[3:] == [
        "№ | Фамилия, имя, отчество | Должность | Основание | Наставническая пара (группа)",
        "1 | Мороз Илья Ильич | педагог-психолог | молодой специалист | пара № 1, наставник Мороз О.В.",
        "2 | Шевченко Нелли Андреевна | старшая вожатая | молодой специалист | группа № 2, наставник Черных И.П. — "
        "ожидает приказа о закреплении",
        "3 | Гарипова Ляйсан Ильдаровна | учитель музыки | новый педагог в организации | нет — подобрать наставника",
        "4 | Орлов Павел Ильич | учитель истории | профессиональные затруднения: проектная деятельность | нет — "
        "подобрать наставника",
        "Всего: 4; из них ещё без наставника: 2.",
        "Куратор\t__________ И.В. Кузнецова"]


def test_the_roadmaps_execution_is_counted_in_the_report_and_its_overdue_items_are_reminders(write, rows, templates,
                                                                                             tmp_path):
    item = {"Ответственный": "П-2", "Форма отчётности (результат)": "справка"}
    rows["Дорожная карта"] = [
        {**item, "№ п/п": "1", "Мероприятие": "Утверждение программ", "Срок": "15.09.2026",
         "Дата выполнения": dt.date(2026, 9, 14)},
        {**item, "№ п/п": "2", "Мероприятие": "Заседание ШМО", "Срок": "сентябрь 2026",
         "Дата выполнения": dt.date(2026, 10, 5)},
        {**item, "№ п/п": "3", "Мероприятие": "Семинар для наставников", "Срок": "октябрь 2026"},
        {**item, "№ п/п": "4", "Мероприятие": "Сайт", "Срок": "в течение года"},
        {**item, "№ п/п": "5", "Мероприятие": "Консультации", "Срок": "ежемесячно"},
    ]
    report = builder.build(write(rows), templates, tmp_path / "out", today=TODAY)
    assert ("Дорожная карта, мероприятие № 3 «Семинар для наставников» со сроком «октябрь 2026» (до 31.10.2026) не "
            "отмечено как выполненное.") in report.reminders
    text = docx_text(tmp_path / "out" / "Отчёты" / "Аналитический отчёт о реализации системы наставничества "
                                                   "2026-2027.docx")
    section = text.split("8. Выполнение дорожной карты (подпункт 3 пункта 10 раздела III)\n")[1].split("\nКак считали.")[0]
    assert section.splitlines() == [
        "Показатель | Значение", "мероприятий, срок которых наступил | 3", "выполнено в срок | 1",
        "выполнено с опозданием | 1", "выполнено, дата не указана | 0", "не выполнено | 1"]
    assert ("Дорожная карта: выполнено 2 из 3 мероприятий, срок которых наступил, из них в срок — 1.") in text


def test_inits_blank_book_has_the_roadmap_its_settings_and_their_help(initialized):
    from automation.book import schema
    from automation.office.blank_book import LISTS_SHEET

    book = openpyxl.load_workbook(initialized / "workbook" / "Наставничество.xlsx")
    roadmap = book["Дорожная карта"]
    assert [c.value for c in roadmap[1]] == ["№ п/п", "Мероприятие", "Срок", "Ответственный",
                                             "Форма отчётности (результат)", "Отметка о выполнении", "Дата выполнения"]
    rules = {str(rule.sqref): rule.formula1 for rule in roadmap.data_validations.dataValidation}
    column = rules["F2:F500"].split("!")[1].split(":")[0].replace("$", "")[0]
    assert [book[LISTS_SHEET][f"{column}{row}"].value for row in (2, 3)] == ["да", "нет"]
    settings = [row[0].value for row in book["Организация"].iter_rows(min_row=2)]
    assert settings[-11:] == ["Учебный год", "ШМО наставников", "Руководитель ШМО (код)",
                              "Ответственный за раздел сайта (код)", "Раздел сайта о наставничестве (адрес)",
                              "Наставничество оформляется",
                              "Доплата наставнику по умолчанию", "Устав (дата утверждения)",
                              "Входная анкета: дней после приказа", "Итоговая анкета: дней до конца программы",
                              "Книга прошлого года"]
    help_lines = [row[0].value for row in book[schema.INSTRUCTIONS_TITLE].iter_rows()]
    assert "Лист «Дорожная карта»" in help_lines and "   Отметка о выполнении" in help_lines


def test_a_signed_organising_order_is_not_made_again_when_its_roadmap_changes(write, rows, templates, tmp_path):
    output = tmp_path / "out"
    builder.build(write(rows, name="Наставничество.xlsx"), templates, output, today=TODAY)
    before = (output / ORDER).read_bytes()
    rows["Дорожная карта"][1]["Срок"] = "январь 2027"
    rows["Дорожная карта"].append({"№ п/п": "4", "Мероприятие": "Открытые уроки", "Срок": "март 2027"})
    report = builder.build(write(rows, name="Наставничество.xlsx"), templates, output, today=TODAY)
    assert (output / ORDER).read_bytes() == before
    assert [str(p) for p in report.warnings] == [
        "Приказ № 30-ОД от 01.09.2026 подписан, но с тех пор изменилось: мероприятие дорожной карты «Промежуточный "
        "мониторинг реализации программ» изменено; мероприятия дорожной карты «Открытые уроки» в утверждённой карте "
        "нет. Подписанный приказ не меняется; при необходимости издайте новый."]


def test_a_term_typed_as_an_excel_date_reads_as_one_and_an_association_without_a_head_is_said(write, rows, settings,
                                                                                              templates, tmp_path):
    rows["Дорожная карта"][1]["Срок"] = dt.date(2026, 10, 20)  # a date cell in the text column «Срок»
    settings["ШМО наставников"] = "да"
    report = builder.build(write(rows, settings), templates, tmp_path / "out", today=TODAY)
    assert ("Дорожная карта, мероприятие № 2 «Промежуточный мониторинг реализации программ» со сроком «20.10.2026» "
            "(до 20.10.2026) не отмечено как выполненное.") in report.reminders
    assert [str(p) for p in report.warnings] == [
        "Лист «Организация», строка 19, столбец «Значение»: «ШМО наставников» — «да», но руководитель ШМО не указан: "
        "в приказе об организации наставничества на его месте пустая строка. Впишите код педагога."]
    text = docx_text(tmp_path / "out" / ORDER)
    assert "2 | Промежуточный мониторинг реализации программ | 20.10.2026 | куратор | справка" in text
    assert "Руководителем школьного методического объединения наставников назначить ____________." in text
