"""Validation: every problem located by sheet, row and column, with the fix in Russian; one bad row hides nothing."""

import datetime as dt

import pytest

from automation.book.reader import read_workbook
from automation.book.validate import validate
from tests.helpers import errors, warnings


def check(path):
    return validate(read_workbook(path))




def test_the_test_workbook_is_clean(write, rows):
    assert check(write(rows)).problems == []


def test_blank_required_cell(write, rows):
    rows["Педагоги"][2]["Должность"] = "   "
    assert errors(write(rows)) == ["Лист «Педагоги», строка 4, столбец «Должность»: ячейка пуста. Заполните её."]


def test_unknown_person_code(write, rows):
    rows["Пары"][0]["Наставник (код)"] = "П-17"
    assert errors(write(rows)) == [
        "Лист «Пары», строка 2, столбец «Наставник (код)»: нет педагога с кодом «П-17» на листе «Педагоги». "
        "Впишите код из столбца «Код»."]


def test_a_row_reports_all_its_problems_at_once(write, rows):
    """A bad date does not hide the unknown number beside it: the curator fixes both after one build."""
    rows["План"][0]["№ программы"] = "9"
    rows["План"][0]["Срок"] = "в сентябре"
    rows["Пары"][0]["Согласие наставника (дата)"] = "в августе"
    rows["Пары"][0]["Наставник (код)"] = "П-17"
    rows["Замены"][0]["Дата"] = "скоро"
    rows["Замены"][0]["№ пары/группы"] = "8"
    rows["Замены"][0]["Новый наставник (код)"] = "П-40"
    rows["Поощрения"][0]["Дата"] = "31.02.2026"
    rows["Поощрения"][0]["Наставник (код)"] = "П-41"
    rows["Программы"][1]["Дата начала"] = "1 октября"
    rows["Программы"][1]["№"] = "12"
    found = errors(write(rows))
    assert [e for e in found if e.startswith("Лист «Пары», строка 2")] == [
        "Лист «Пары», строка 2, столбец «Согласие наставника (дата)»: «в августе» — не дата. Введите дату в виде "
        "ДД.ММ.ГГГГ, например 01.09.2026.",
        "Лист «Пары», строка 2, столбец «Наставник (код)»: нет педагога с кодом «П-17» на листе «Педагоги». "
        "Впишите код из столбца «Код».",
    ]
    assert [e for e in found if e.startswith("Лист «Программы»")] == [
        "Лист «Программы», строка 3, столбец «Дата начала»: «1 октября» — не дата. Введите дату в виде ДД.ММ.ГГГГ, "
        "например 01.09.2026.",
        "Лист «Программы», строка 3, столбец «№»: нет пары или группы № 12 на листе «Пары». Проверьте номер.",
    ]
    assert [e for e in found if e.startswith("Лист «План», строка 2")] == [
        "Лист «План», строка 2, столбец «Срок»: «в сентябре» — не дата. Введите дату в виде ДД.ММ.ГГГГ, например "
        "01.09.2026.",
        "Лист «План», строка 2, столбец «№ программы»: нет программы № 9 на листе «Программы». Проверьте номер.",
    ]
    assert [e for e in found if e.startswith("Лист «Замены»")] == [
        "Лист «Замены», строка 2, столбец «Дата»: «скоро» — не дата. Введите дату в виде ДД.ММ.ГГГГ, например "
        "01.09.2026.",
        "Лист «Замены», строка 2, столбец «№ пары/группы»: нет пары или группы № 8 на листе «Пары». Проверьте номер.",
        "Лист «Замены», строка 2, столбец «Новый наставник (код)»: нет педагога с кодом «П-40» на листе «Педагоги». "
        "Впишите код из столбца «Код».",
    ]
    assert [e for e in found if e.startswith("Лист «Поощрения»")] == [
        "Лист «Поощрения», строка 2, столбец «Дата»: даты «31.02.2026» не бывает. Проверьте день и месяц и введите "
        "дату в виде ДД.ММ.ГГГГ.",
        "Лист «Поощрения», строка 2, столбец «Наставник (код)»: нет педагога с кодом «П-41» на листе «Педагоги». "
        "Впишите код из столбца «Код».",
    ]


def test_a_failed_row_naming_a_row_with_errors_adds_nothing(write, rows):
    """A plan row with a bad date that names a programme whose own row has errors: only its own error."""
    rows["Программы"][0]["Дата начала"] = "потом"
    rows["План"][0]["Срок"] = "потом"
    assert [e for e in errors(write(rows)) if e.startswith("Лист «План»")] == [
        "Лист «План», строка 2, столбец «Срок»: «потом» — не дата. Введите дату в виде ДД.ММ.ГГГГ, например "
        "01.09.2026."]


def test_duplicate_code(write, rows):
    rows["Педагоги"][7]["Код"] = "п-7"
    assert errors(write(rows))[0] == (
        "Лист «Педагоги», строка 9, столбец «Код»: код «п-7» уже занят строкой 8. Дайте каждому человеку свой код.")


def test_person_as_own_mentor(write, rows):
    rows["Пары"][0]["Наставляемый (код)"] = "П-3"
    assert errors(write(rows)) == [
        "Лист «Пары», строка 2, столбец «Наставляемый (код)»: наставник и наставляемый — один и тот же человек (П-3). "
        "Укажите другого наставляемого."]


def test_impossible_date(write, rows):
    rows["Программы"][0]["Дата начала"] = "31.02.2026"
    assert errors(write(rows))[0] == (
        "Лист «Программы», строка 2, столбец «Дата начала»: даты «31.02.2026» не бывает. "
        "Проверьте день и месяц и введите дату в виде ДД.ММ.ГГГГ.")


def test_text_that_is_no_date(write, rows):
    rows["Пары"][0]["Согласие наставника (дата)"] = "в августе"
    assert errors(write(rows)) == [
        "Лист «Пары», строка 2, столбец «Согласие наставника (дата)»: «в августе» — не дата. "
        "Введите дату в виде ДД.ММ.ГГГГ, например 01.09.2026."]


def test_dates_as_text_and_numbers_as_text_are_accepted(write, rows):
    rows["Программы"][0]["Дата начала"] = "01.09.2026"
    rows["Педагоги"][0]["Педагогический стаж, лет"] = " 28 "
    result = check(write(rows))
    assert result.problems == []
    assert result.data.programmes["1"].start == dt.date(2026, 9, 1)
    assert result.data.person("П-1").experience == 28


def test_end_before_start(write, rows):
    rows["Программы"][1]["Дата окончания"] = dt.date(2026, 9, 1)
    assert "Лист «Программы», строка 3, столбец «Дата окончания»: дата окончания 01.09.2026 раньше даты начала " \
           "01.10.2026. Исправьте одну из дат." in errors(write(rows))


def test_value_outside_its_closed_list_lists_the_allowed_values(write, rows):
    rows["Пары"][0]["Форма взаимодействия"] = "по телефону"
    assert errors(write(rows)) == [
        "Лист «Пары», строка 2, столбец «Форма взаимодействия»: «по телефону» нет в списке. Выберите одно из значений: "
        "«один-на-один»; «виртуальное (дистанционное)»; «краткосрочное (целеполагающее)»; «ситуационное»; "
        "«скоростное»."]


@pytest.mark.parametrize("typed", ["ПЕДАГОГ - ПЕДАГОГ", "педагог—педагог", "  педагог  –  педагог "])
def test_closed_lists_ignore_case_spaces_and_dashes(write, rows, typed):
    rows["Пары"][0]["Форма наставничества"] = typed
    result = check(write(rows))
    assert result.problems == []
    assert result.data.pairs[0].form == "педагог – педагог"


def test_closed_lists_ignore_yo(write, rows):
    rows["Пары"][0]["Форма наставничества"] = "социальный партнер – педагог"
    assert check(write(rows)).data.pairs[0].form == "социальный партнёр – педагог"


def test_yes_no_in_any_case(write, rows):
    rows["Педагоги"][0]["Согласие на публикацию"] = "ДА"
    rows["Педагоги"][1]["Согласие на публикацию"] = "может быть"
    result = check(write(rows))
    assert result.data.person("П-1").publish is True
    assert [str(p) for p in result.errors] == [
        "Лист «Педагоги», строка 3, столбец «Согласие на публикацию»: «может быть» — введите «да» или «нет»."]


def test_mentee_in_two_active_pairs(write, rows):
    rows["Пары"].append({**rows["Пары"][1], "№ пары/группы": "5", "Наставник (код)": "П-1",
                         "Наставляемый (код)": "П-5"})
    assert errors(write(rows)) == [
        "Лист «Пары», строка 7, столбец «Наставляемый (код)»: наставляемый «П-5» уже закреплён в действующей паре № 1 "
        "(строка 2). Завершите ту программу или удалите эту строку."]


def test_a_finished_pair_does_not_block_a_new_one(write, rows):
    rows["Программы"][0].update({"Статус": "завершена", "Дата завершения": dt.date(2027, 5, 30),
                                 "Основание завершения": "выполнение плана мероприятий в полном объёме"})
    rows["Пары"].append({**rows["Пары"][1], "№ пары/группы": "5", "Наставник (код)": "П-1",
                         "Наставляемый (код)": "П-5"})
    assert errors(write(rows)) == []


def test_mentor_without_consent_is_an_error_for_that_pair_only(write, rows):
    rows["Пары"][0]["Согласие наставника (дата)"] = None
    result = check(write(rows))
    assert [str(p) for p in result.errors] == [
        "Лист «Пары», строка 2, столбец «Согласие наставника (дата)»: нет даты письменного согласия наставника "
        "(ст. 351.8 ТК РФ); без согласия наставник не назначается, пара не войдёт в приказ. Бланк согласия — в "
        "папке «Соглашения»: когда наставник его подпишет, впишите дату согласия."]
    assert [p.number for p in result.data.pairs] == ["2", "2", "3", "4"]


def test_group_with_two_mentors(write, rows):
    rows["Пары"][2]["Наставник (код)"] = "П-1"
    assert errors(write(rows)) == [
        "Лист «Пары», строка 4, столбец «Наставник (код)»: у группы № 2 уже указан наставник «П-4» (строка 3). "
        "У группы один наставник: исправьте код наставника или № группы."]


def test_missing_required_column_is_one_error(write, rows):
    for row in rows["Пары"]:
        del row["Наставник (код)"]
    path = write(rows)
    import openpyxl
    book = openpyxl.load_workbook(path)
    book["Пары"].delete_cols(2)
    book.save(path)
    assert errors(path)[0] == (
        "Лист «Пары», строка 1: нет столбца «Наставник (код)». Добавьте его в строку заголовков; "
        "строки этого листа не обработаны.")


def test_missing_sheet(write, rows):
    path = write(rows)
    import openpyxl
    book = openpyxl.load_workbook(path)
    del book["Замены"]
    book.save(path)
    assert errors(path) == ["Лист «Замены»: в книге нет листа «Замены». Добавьте лист с таким названием "
                            "(образец — в пустой книге, которую создаёт «nastavnik init»)."]


def test_a_person_row_with_errors_does_not_make_its_pairs_unknown(write, rows):
    rows["Педагоги"][2]["Должность"] = None
    result = check(write(rows))
    assert [str(p) for p in result.problems] == [
        "Лист «Педагоги», строка 4, столбец «Должность»: ячейка пуста. Заполните её.",
        "Лист «Пары», строка 2, столбец «Наставник (код)»: строка не вошла в документы: в строке педагога «П-3» "
        "на листе «Педагоги» есть ошибки.",
        "Лист «Поощрения», строка 2, столбец «Наставник (код)»: строка не вошла в документы: в строке педагога «П-3» "
        "на листе «Педагоги» есть ошибки.",
    ]


def test_every_problem_is_collected(write, rows):
    rows["Пары"][0]["Наставник (код)"] = "П-17"
    rows["Пары"][1]["Форма взаимодействия"] = "по телефону"
    rows["Педагоги"][6]["Должность"] = None
    rows["Программы"][1]["Дата начала"] = "31.02.2026"
    assert [(p.sheet, p.row, p.column) for p in check(write(rows)).errors] == [
        ("Педагоги", 8, "Должность"),
        ("Пары", 2, "Наставник (код)"),
        ("Пары", 3, "Форма взаимодействия"),
        ("Программы", 3, "Дата начала"),
    ]


def test_warning_programme_term_outside_three_to_twelve_months(write, rows):
    rows["Программы"][1]["Дата окончания"] = dt.date(2026, 11, 30)
    assert warnings(write(rows)) == [
        "Лист «Программы», строка 3, столбец «Дата окончания»: срок программы с 01.10.2026 по 30.11.2026 выходит за "
        "пределы от 3 месяцев до 1 года (раздел I Положения)."]


def test_three_months_exactly_is_fine(write, rows):
    rows["Программы"][1]["Дата окончания"] = dt.date(2026, 12, 31)
    assert warnings(write(rows)) == []


def test_warning_pair_without_programme(write, rows):
    del rows["Программы"][1]
    del rows["План"][2]
    assert warnings(write(rows)) == [
        "Лист «Пары», строка 3, столбец «№ пары/группы»: для пары (группы) № 2 нет программы на листе «Программы»."]


def test_warning_activity_outside_programme_term(write, rows):
    rows["План"][2]["Срок"] = dt.date(2027, 4, 1)
    assert warnings(write(rows)) == [
        "Лист «План», строка 4, столбец «Срок»: срок 01.04.2027 вне срока программы № 2 (01.10.2026 – 31.03.2027)."]


def test_sex_inferred_from_patronymic_or_asked_for(write, rows):
    rows["Педагоги"][4]["Отчество"] = None
    result = check(write(rows))
    assert result.data.person("П-3").sex == "ж"
    assert [str(p) for p in result.errors][0] == (
        "Лист «Педагоги», строка 6, столбец «Пол»: пол не указан и по отчеству его не определить. "
        "Впишите «м» или «ж».")


def test_organization_setting_missing_and_curator_unknown(write, rows, settings):
    del settings["Населённый пункт"]
    settings["Куратор (код)"] = "П-99"
    assert errors(write(rows, settings)) == [
        "Лист «Организация», строка 4, столбец «Значение»: «Населённый пункт»: ячейка пуста. Заполните её."]
    settings["Населённый пункт"] = "с. Теньки"
    assert errors(write(rows, settings)) == [
        "Лист «Организация», строка 7, столбец «Значение»: нет педагога с кодом «П-99» на листе «Педагоги». "
        "Впишите код куратора из столбца «Код»."]


def test_register_number_used_twice_and_signed_without_date(write, rows):
    rows["Приказы"] += [{**rows["Приказы"][0]}, {"№ приказа": "46", "Вид": "О замене наставника",
                                                 "Статус": "подписан"}]
    assert errors(write(rows)) == [
        "Лист «Приказы», строка 7, столбец «№ приказа»: приказ № 45-ОД уже записан в строке 2. "
        "У каждого приказа свой номер.",
        "Лист «Приказы», строка 8, столбец «Дата»: приказ № 46 отмечен как подписанный, но дата не указана. "
        "Впишите дату подписания."]


def test_extension_needs_mutual_consent(write, rows):
    rows["Программы"][2]["Обоюдное согласие на продление"] = None
    assert errors(write(rows)) == [
        "Лист «Программы», строка 4, столбец «Обоюдное согласие на продление»: продлить программу можно только по "
        "обоюдному согласию наставника и наставляемого (раздел VII.2 Положения): впишите «да», когда согласие получено."]


def test_replacement_needs_the_new_mentors_consent(write, rows):
    rows["Замены"][0]["Согласие нового наставника (дата)"] = None
    assert errors(write(rows)) == [
        "Лист «Замены», строка 2, столбец «Согласие нового наставника (дата)»: нет даты письменного согласия нового "
        "наставника (ст. 351.8 ТК РФ); без согласия замена не оформляется. Впишите дату согласия."]


def test_a_bonus_needs_amount_and_source(write, rows):
    rows["Поощрения"][3]["Источник выплаты"] = None
    assert errors(write(rows)) == [
        "Лист «Поощрения», строка 5, столбец «Источник выплаты»: для премирования укажите сумму и источник выплаты."]


def test_a_state_award_is_not_school_level(write, rows):
    rows["Поощрения"][0]["Мера поощрения"] = "знак отличия «За наставничество»"
    assert errors(write(rows)) == [
        "Лист «Поощрения», строка 2, столбец «Уровень»: «знак отличия «За наставничество»» — награда не школьного "
        "уровня. Выберите уровень «федеральный»."]


FEDERAL = {"Кому представления федерального уровня": "В Министерство просвещения Российской Федерации",
           "Председатель профкома (ФИО)": "Белых Анна Сергеевна"}


def test_state_award_needs_five_years_of_mentoring(write, rows, settings):
    settings.update(FEDERAL)
    rows["Поощрения"][1].update({"Мера поощрения": "знак отличия «За наставничество»", "Уровень": "федеральный"})
    assert warnings(write(rows, settings)) == [
        "Лист «Поощрения», строка 3, столбец «Мера поощрения»: для знака отличия «За наставничество» нужно не менее "
        "5 лет наставнической деятельности (Указ Президента РФ от 02.03.2018 № 94): укажите «Стаж наставничества, "
        "лет» на листе «Педагоги»."]
    rows["Педагоги"][3]["Стаж наставничества, лет"] = 6
    assert warnings(write(rows, settings)) == []


def test_one_ministry_award_a_year_for_a_small_school(write, rows, settings):
    settings.update(FEDERAL)
    rows["Педагоги"][2].update({"Дата рождения": dt.date(1975, 1, 9), "Образование": "высшее",
                                "Стаж общий, лет": 30})  # Мороз О.В., nominated too: the award's details given
    for index in (0, 1):
        rows["Поощрения"][index].update({"Мера поощрения": "нагрудный знак «Почётный наставник»",
                                         "Уровень": "федеральный", "Решение педсовета (протокол №, дата)": "№ 3"})
    assert warnings(write(rows, settings)) == [
        "Лист «Поощрения», строка 3, столбец «Мера поощрения»: в 2026 году уже есть представление к ведомственной "
        "награде Минпросвещения (строка 2); организация с численностью до 100 работников может представить одного "
        "человека в год."]
    settings["Численность работников"] = 120
    assert warnings(write(rows, settings)) == []


def test_a_date_of_completion_on_an_activity_marked_not_done_is_a_warning_on_its_cell(write, rows):
    rows["План"][2].update({"Отметка о выполнении": "нет", "Дата выполнения": dt.date(2026, 10, 21)})
    assert warnings(write(rows)) == [
        "Лист «План», строка 4, столбец «Дата выполнения»: указана дата выполнения 21.10.2026, а в «Отметка о "
        "выполнении» — «нет»: исправьте одно из двух."]


def test_a_date_of_completion_alone_marks_an_activity_done(write, rows):
    from automation.book.reader import read_workbook
    from automation.book.validate import validate
    from automation.documents.programmes import _completion_mark
    rows["План"][2]["Дата выполнения"] = dt.date(2026, 10, 19)
    item = validate(read_workbook(write(rows))).data.plan["2"][0]
    assert (item.completed, item.on_time, _completion_mark(item)) == (True, True, "выполнено 19.10.2026")
