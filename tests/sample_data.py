"""The test workbook: a small school with hard names (Мороз for a woman and a man, Черных, Шевченко, Белых)."""

import copy
import datetime as dt

from automation.book import schema

D = dt.date

_SETTINGS = {
    "full_name": "Муниципальное казённое общеобразовательное учреждение Теньковская средняя школа",
    "short_name": "МКОУ Теньковская СШ",
    "place": "с. Теньки",
    "head_position": "Директор",
    "head_name": "Сазонова Татьяна Алексеевна",
    "curator": "П-2",
    "regulation": "от 21.11.2022 № 156",
    "pay_regulation": "от 30.08.2024 № 88-ОД",
    "addressee_municipal": "Начальнику управления образования администрации МО «Теньгушевский район» "
                           "Е.В. Волковой",
    "default_pay": "3 000",
}


def headed(sheet: schema.Sheet, row: dict) -> dict:
    """A row keyed by column key (a header given as it is stays) → by header, as the book names its columns."""
    headers = {column.key: column.header for column in sheet.columns}
    return {headers.get(name, name): value for name, value in row.items()}


def person(code, last, first, middle, position, stazh, publish="да", **extra):
    return headed(schema.PEOPLE, {"code": code, "last_name": last, "first_name": first, "middle_name": middle,
                                  "position": position, "experience": stazh, "category": "первая", "publish": publish,
                                  **extra})


def pair(number, mentor, mentee, form, order=None, interaction="один-на-один", agreement="№ 7 от 26.08.2026"):
    return headed(schema.PAIRS, {"number": number, "mentor": mentor, "mentee": mentee, "form": form,
                                 "interaction": interaction, "direction": "методика урока",
                                 "consent": D(2026, 8, 25), "agreement": agreement, "order": order})


def activity(number, text, due, done=None, done_on=None):
    return headed(schema.PLAN, {"programme": number, "activity": text, "due": due, "form": "практикум",
                                "responsible": "наставник", "result": "анализ уроков", "done": done,
                                "done_on": done_on})


_ROWS = {
    "people": [
        person("П-1", "Сазонова", "Татьяна", "Алексеевна", "директор", 28),
        person("П-2", "Кузнецова", "Ирина", "Владимировна", "заместитель директора по учебно-воспитательной работе", 24,
               contract="№ 21 от 30.08.2002"),
        person("П-3", "Мороз", "Ольга", "Викторовна", "учитель математики", 26, contract="№ 15 от 01.09.2000"),
        person("П-4", "Черных", "Иван", "Петрович", "учитель физики", 19, **{
            "birth_date": D(1980, 5, 6), "education": "высшее", "total_experience": 21,
            "local_experience": 15, "contract": "№ 33 от 28.08.2011"}),
        person("П-5", "Мороз", "Илья", "Ильич", "педагог-психолог", 1, **{"young": "да"}),
        person("П-6", "Шевченко", "Нелли", "Андреевна", "старшая вожатая", 2, **{"young": "Да"}),
        person("П-7", "Павлюк", "Никита", "Сергеевич", "учитель информатики", 1),
        person("П-8", "Белых", "Любовь", "Николаевна", "социальный педагог", 3, publish="нет"),
    ],
    "pairs": [
        pair("1", "П-3", "П-5", "педагог – педагог", order="45-ОД"),
        pair("2", "П-4", "П-6", "наставничество в группе", interaction="ситуационное"),
        pair("2", "П-4", "П-8", "наставничество в группе", interaction="ситуационное"),
        pair("3", "П-2", "П-7", "педагог – педагог"),
        pair("4", "П-1", "П-8", "руководитель образовательной организации – педагог", order="12-ОД",
             agreement="№ 2 от 10.01.2026 (с учредителем)"),
    ],
    "programmes": [
        {"number": "1", "goal": "освоение методики консультирования", "tasks": "изучить методики; провести 3 консультации",
         "difficulties": "консультирование родителей", "strengths": "эмпатия",
         "expected": "самостоятельные консультации", "start": D(2026, 9, 1),
         "end": D(2027, 5, 31), "status": "реализуется"},
        {"number": "2", "goal": "организация воспитательных мероприятий", "tasks": "освоить планирование\nпровести акцию",
         "strengths": "инициативность", "expected": "проведены 2 акции",
         "start": D(2026, 10, 1), "end": D(2027, 3, 31)},
        {"number": "3", "goal": "освоение электронного журнала", "tasks": "освоить журнал; провести цифровой урок",
         "expected": "журнал ведётся в срок", "start": D(2026, 10, 1),
         "end": D(2027, 5, 31), "extend_to": D(2027, 6, 30), "extension_consent": "да",
         "extension_agreement": "№ 31 от 25.05.2027"},
        {"number": "4", "goal": "адаптация к работе с семьями", "tasks": "изучить порядок работы с семьями",
         "expected": "самостоятельная работа с семьями", "start": D(2026, 1, 12),
         "end": D(2026, 6, 30), "status": "завершена", "finished_on": D(2026, 6, 26),
         "completion_ground": "инициатива наставляемого",
         "results": "освоены приёмы работы с семьями группы риска", "completion_order": "40-ОД",
         "completion_document": "заявление наставляемой Белых Л.Н. от 22.06.2026"},
    ],
    "plan": [
        activity("1", "Посещение консультаций наставника", D(2026, 9, 20), "да", D(2026, 9, 18)),
        activity("1", "Открытая консультация", D(2027, 4, 15)),
        activity("2", "Совместное планирование акции", D(2026, 10, 20)),
        activity("3", "Ведение журнала под наблюдением", D(2026, 10, 15), "да", D(2026, 10, 20)),
        activity("4", "Посещение семей с наставником", D(2026, 3, 10), "да"),
    ],
    "replacements": [
        {"number": "3", "former": "П-2", "new": "П-4",
         "date": D(2026, 11, 16),
         "ground": "длительное отсутствие наставника (болезнь, уход за ребёнком, отпуск, командировка, обучение)",
         "document": "листок нетрудоспособности № 910123456789 от 13.11.2026",
         "consent": D(2026, 11, 14), "agreement":
             "№ 9 от 15.11.2026", "programme": "скорректировать", "order": "50-ОД"},
    ],
    "incentives": [
        {"mentor": "П-3", "measure": "почётная грамота", "level": "школьный",
         "reason": "за сопровождение И.И. Мороза", "date": D(2026, 11, 20)},
        {"mentor": "П-4", "measure": "благодарственное письмо", "level": "муниципальный",
         "reason": "за руководство группой молодых педагогов", "date": D(2026, 11, 20),
         "protocol": "протокол № 3 от 10.11.2026"},
        {"mentor": "П-4", "measure": "объявление благодарности", "level": "школьный",
         "reason": "за помощь молодым педагогам", "date": D(2026, 11, 20)},
        {"mentor": "П-2", "measure": "премирование", "level": "школьный",
         "reason": "за подготовку наставников", "date": D(2026, 11, 20), "amount": 5000,
         "source": "фонд стимулирующих выплат"},
    ],
    "roadmap": [
        {"number": "1", "event": "Формирование наставнических пар и групп", "due": "август 2026",
         "responsible": "П-2", "report_form": "приказ о закреплении",
         "done": "да", "done_on": D(2026, 8, 28)},
        {"number": "2", "event": "Промежуточный мониторинг реализации программ", "due": "25.12.2026",
         "responsible": "куратор", "report_form": "справка"},
        {"number": "3", "event": "Итоговый мониторинг и аналитический отчёт", "due": "май 2027",
         "responsible": "П-2", "report_form": "аналитический отчёт"},
    ],
    "orders": [
        {"number": "45-ОД", "date": D(2026, 9, 1), "kind": "О закреплении наставнических пар (групп)",
         "status": "подписан"},
        {"number": "12-ОД", "date": D(2025, 12, 29), "kind": "О закреплении наставнических пар (групп)",
         "status": "подписан"},
        {"number": "40-ОД", "date": D(2026, 6, 29),
         "kind": "О завершении персонализированных программ наставничества"},
        {"number": "50-ОД", "kind": "О замене наставника", "status": "проект"},
        {"number": "30-ОД", "date": D(2026, 9, 1), "kind": "Об организации наставничества педагогических работников",
         "status": "подписан"},
    ],
}


SETTINGS = {column.header: _SETTINGS[column.key] for column in schema.SETTINGS if column.key in _SETTINGS}
ROWS = {sheet.title: [headed(sheet, row) for row in _ROWS[sheet.key]] for sheet in schema.SHEETS if sheet.key in _ROWS}
"""The test book as a workbook names it: sheet title → rows of header → value."""


def all_signed(rows: dict) -> dict:
    """The test book with every change put in force by a signed order: group 2 and pair 3 appointed by 45-ОД, pair
    3's replacement (50-ОД), programme 3's extension (55-ОД), programme 4's completion (40-ОД) and the incentives
    (60-ОД) signed; a copy, the rows given stay as they are."""
    rows = copy.deepcopy(rows)
    orders = rows[schema.ORDERS.title]
    for row in rows[schema.PAIRS.title][1:4]:
        row[schema.PAIRS.header("order")] = "45-ОД"
    orders[2][schema.ORDERS.header("status")] = schema.ORDER_SIGNED
    orders[3].update(headed(schema.ORDERS, {"date": D(2026, 11, 10), "status": schema.ORDER_SIGNED}))
    rows[schema.PROGRAMMES.title][2][schema.PROGRAMMES.header("extension_order")] = "55-ОД"
    for row in rows[schema.INCENTIVES.title]:
        row[schema.INCENTIVES.header("order")] = "60-ОД"
    orders += [
        headed(schema.ORDERS, {"number": "55-ОД", "date": D(2026, 11, 20), "kind": schema.ORDER_EXTENSION,
                               "status": schema.ORDER_SIGNED}),
        headed(schema.ORDERS, {"number": "60-ОД", "date": D(2026, 11, 25), "kind": schema.ORDER_INCENTIVE,
                               "status": schema.ORDER_SIGNED})]
    return rows
