"""Rows → models and a list of located problems; every problem is collected, a bad row never hides the next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, TypeVar

from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from automation import grammar
from automation.book import schema
from automation.book.cells import as_text, convert
from automation.book.labour import check_labour, engaged
from automation.book.models import (
    Data,
    Incentive,
    Order,
    Organization,
    Pair,
    Person,
    PlanItem,
    Programme,
    Question,
    Replacement,
    RoadmapItem,
    SheetModel,
    key,
)
from automation.book.problems import ERROR, WARNING, Collector, Problem, Problems
from automation.book.reader import RawBook, Table
from automation.book.references import REFERENCES, order_references, people_known, references_of_failed_rows, unknown
from automation.book.rules import check_rules
from automation.book.schema import Sheet
from automation.book.survey import check_questions, read_responses

M = TypeVar("M", bound=SheetModel)


@dataclass
class Validation(Problems):
    data: Data
    problems: list[Problem]


def validate(book: RawBook) -> Validation:
    out = Collector()
    for sheet in book.missing_sheets:
        if sheet.when_missing:
            out.problems.append(Problem(WARNING, sheet.title, None, None, sheet.when_missing))
            continue
        out.problems.append(
            Problem(ERROR, sheet.title, None, None,
                    f"в книге нет листа «{sheet.title}». Добавьте лист с таким названием "
                    "(образец — в пустой книге, которую создаёт «nastavnik init»).")
        )
    data = Data()
    data.organization = _organization(book.tables.get(schema.ORGANIZATION.key), out)
    people = _models(book.tables.get(schema.PEOPLE.key), Person, out)
    data.people = _people(people, out)
    orders = _models(book.tables.get(schema.ORDERS.key), Order, out)
    data.orders = _orders(orders, out)
    programmes = _models(book.tables.get(schema.PROGRAMMES.key), Programme, out)
    pairs = _models(book.tables.get(schema.PAIRS.key), Pair, out)
    data.programmes = _programmes(programmes, pairs, out)
    _mark_rejected(schema.PROGRAMMES, programmes, data.programmes.values(), out)
    data.pairs = _pairs(pairs, data, out)
    data.plan = _plan(_models(book.tables.get(schema.PLAN.key), PlanItem, out), data, out)
    data.replacements = _replacements(_models(book.tables.get(schema.REPLACEMENTS.key), Replacement, out), data, out)
    data.incentives = _incentives(_models(book.tables.get(schema.INCENTIVES.key), Incentive, out), data, out)
    if schema.ROADMAP.key in book.tables:
        data.roadmap = _models(book.tables[schema.ROADMAP.key], RoadmapItem, out)
        if not book.tables[schema.ROADMAP.key].rows:
            out.warning(schema.ROADMAP, None, None, "мероприятий нет, поэтому приказ об организации наставничества "
                        "с дорожной картой (п. 10.3 Положения) не сделан. Впишите мероприятия учебного года.")
    data.questions = check_questions(_models(book.tables.get(schema.QUESTIONS.key), Question, out), out)
    answers = book.tables.get(schema.ANSWERS.key)
    if answers is not None and not _missing_columns(answers, out):
        _notes(answers, out)
        data.responses = read_responses(answers, data, out)
    _joined_grounds(data, out)
    order_references(data, book, out)
    check_rules(data, out)
    check_labour(data, out, _setting_row(book, "default_pay"))
    references_of_failed_rows(data, out)
    ahead = data.year_typed_ahead()
    if ahead is not None:
        out.problems.append(Problem(WARNING, schema.ORGANIZATION.title, _setting_row(book, "school_year"), "Значение",
                                    f"«Учебный год» — {data.organization.school_year}, а книга ведётся с прошлого "
                                    f"года (приказ об организации наставничества № {ahead.number} от "
                                    f"{ahead.date:%d.%m.%Y}). Новый учебный год начинают командой «nastavnik "
                                    "new-year» (ярлык «Новый учебный год»): она сохранит книгу и документы прошлого "
                                    "года как были и перенесёт в новую книгу то, что продолжается. Верните прежний "
                                    f"учебный год и запустите её; приказ № {ahead.number} заново не делается."))
    for setting, who, severity in (("curator", "куратора", ERROR), ("association_head", "руководителя ШМО", WARNING),
                                   ("site_responsible", "ответственного за раздел сайта", WARNING)):
        code = getattr(data.organization, setting) if data.organization else None
        if code is not None and key(code) not in data.people and not out.is_broken(schema.PEOPLE, code):
            out.problems.append(
                Problem(severity, schema.ORGANIZATION.title, _setting_row(book, setting), "Значение",
                        f"нет педагога с кодом «{code}» на листе «Педагоги». Впишите код {who} из столбца «Код».")
            )
    if data.organization is not None and data.organization.association and not data.organization.association_head:
        out.problems.append(Problem(WARNING, schema.ORGANIZATION.title, _setting_row(book, "association_head"),
                                    "Значение", "«ШМО наставников» — «да», но руководитель ШМО не указан: в приказе об "
                                    "организации наставничества на его месте пустая строка. Впишите код педагога."))
    order = {sheet.title: index for index, sheet in enumerate(schema.SHEETS)}
    problems = sorted(out.problems, key=lambda p: (order.get(p.sheet, -1), p.row or 0))
    return Validation(data=data, problems=problems)


def _missing_columns(table: Table, out: Collector) -> bool:
    if not table.missing:
        return False
    names = ", ".join(f"«{c.header}»" for c in table.missing)
    word = "столбца" if len(table.missing) == 1 else "столбцов"
    out.error(table.sheet, table.header_row, None,
              f"нет {word} {names}. Добавьте {'его' if len(table.missing) == 1 else 'их'} в строку заголовков; "
              "строки этого листа не обработаны.")
    return True


_KEY_COLUMNS = {"people": "code", "pairs": "number", "programmes": "number"}


def _notes(table: Table, out: Collector) -> None:
    """What the reader did to the sheet's cells (merged ranges spread, control characters removed): warnings."""
    for note in [*table.notes, *(n for row in table.rows for n in row.notes)]:
        out.problems.append(Problem(WARNING, table.sheet.title, note.row, note.column, note.message))


def _models(table: Table | None, model: type[M], out: Collector) -> list[M]:
    if table is None or _missing_columns(table, out):
        return []
    _notes(table, out)
    rows: list[M] = []
    key_column = _KEY_COLUMNS.get(table.sheet.key)
    field_sets: dict[frozenset[str], set[str]] = {}
    for row in table.rows:
        values = {row.header(k): v for k, v in row.values.items()}
        try:
            item = model.model_validate({**values, "row": row.number})
        except ValidationError as err:
            for problem in err.errors():
                out.problems.append(
                    Problem(ERROR, table.sheet.title, row.number, str(problem["loc"][0]), problem["msg"])
                )
            if key_column and row.values.get(key_column) is not None:
                out.mark_broken(table.sheet, as_text(row.values[key_column]))
            references = {}
            for column in REFERENCES.get(table.sheet.key, {}):
                try:
                    references[column] = convert(model.column(column), row.values.get(column))
                except PydanticCustomError:
                    continue
            out.failed.append((table.sheet, row.number, references))
            continue
        # pydantic gives each model its own set of the fields typed (700 bytes, two thirds of a plan row's model);
        # rows typed alike share one. A frozen model never changes it; model_copy copies it before an update.
        fields = item.__pydantic_fields_set__
        object.__setattr__(item, "__pydantic_fields_set__", field_sets.setdefault(frozenset(fields), fields))
        rows.append(item)
    return rows




def _by_agreement(data: Data) -> bool:
    return data.organization is None or data.organization.by_agreement


def _setting_row(book: RawBook, setting: str) -> int | None:
    table = book.tables.get(schema.ORGANIZATION.key)
    wanted = key(next(c.header for c in schema.SETTINGS if c.key == setting))
    for row in table.rows if table else []:
        if row.values.get("parameter") and key(str(row.values["parameter"])) == wanted:
            return row.number
    return None


def _joined_grounds(data: Data, out: Collector) -> None:
    """A ground an earlier version offered that joins several facts: still read, and the curator asked which one
    happened (the order names them all until then)."""
    rows = [(schema.REPLACEMENTS, r.row, "ground", r.ground) for r in data.replacements]
    rows += [(schema.PROGRAMMES, p.row, "completion_ground", p.completion_ground) for p in data.programmes.values()
             if p.completion_ground]
    for sheet, row, column, value in rows:
        if value in sheet.column(column).legacy:
            facts = "; ".join(f"«{fact}»" for fact in schema.ground(value).split_into)
            out.warning(sheet, row, column,
                        f"«{value}» объединяет несколько случаев, а приказ должен назвать один. Выберите тот, что "
                        f"произошёл: {facts}; пока приказ называет их все.")


def _organization(table: Table | None, out: Collector) -> Organization | None:
    if table is None or _missing_columns(table, out):
        return None
    _notes(table, out)
    sheet = schema.ORGANIZATION
    by_name = {key(s.header): s for s in schema.SETTINGS}
    values: dict[str, object] = {}
    rows: dict[str, int] = {}
    for row in table.rows:
        setting = by_name.get(key(str(row.values.get("parameter") or "")))
        if setting is not None:
            values[setting.key], rows[setting.key] = row.values.get("value"), row.number
    ok = True
    for setting in schema.SETTINGS:
        if setting.key not in rows:
            if setting.required:
                out.error(sheet, None, "parameter",
                          f"нет строки «{setting.header}». Добавьте её: {setting.hint}.")
                ok = False
            continue
        try:
            values[setting.key] = convert(setting, values[setting.key])
        except PydanticCustomError as err:
            out.error(sheet, rows[setting.key], "value", f"«{setting.header}»: {err}")
            ok = False
    return Organization.model_validate(values) if ok else None


def _people(people: list[Person], out: Collector) -> dict[str, Person]:
    sheet = schema.PEOPLE
    result: dict[str, Person] = {}
    for person in people:
        code = key(person.code)
        if code in result:
            out.error(sheet, person.row, "code",
                      f"код «{person.code}» уже занят строкой {result[code].row}. Дайте каждому человеку свой код.")
            continue
        if person.sex is None:
            female = grammar.is_female(person.middle_name)
            if female is None:
                out.error(sheet, person.row, "sex",
                          "пол не указан и по отчеству его не определить. Впишите «м» или «ж».")
                out.mark_broken(sheet, code)
                continue
            person = person.model_copy(update={"sex": schema.FEMALE if female else schema.MALE})
        result[code] = person
    return result


def _orders(orders: list[Order], out: Collector) -> dict[str, Order]:
    sheet = schema.ORDERS
    result: dict[str, Order] = {}
    for order in orders:
        number = key(order.number)
        if number in result:
            out.error(sheet, order.row, "number",
                      f"приказ № {order.number} уже записан в строке {result[number].row}. "
                      "У каждого приказа свой номер.")
            continue
        if order.signed and order.date is None:
            out.error(sheet, order.row, "date",
                      f"приказ № {order.number} отмечен как подписанный, но дата не указана. Впишите дату подписания.")
            continue
        result[number] = order
    return result


def _programmes(programmes: list[Programme], pairs: list[Pair], out: Collector) -> dict[str, Programme]:
    sheet = schema.PROGRAMMES
    pair_numbers = {key(p.number) for p in pairs}
    result: dict[str, Programme] = {}
    for programme in programmes:
        number = key(programme.number)
        if number in result:
            out.error(sheet, programme.row, "number",
                      f"программа № {programme.number} уже есть в строке {result[number].row}. "
                      "У пары или группы одна программа.")
            continue
        if number not in pair_numbers:
            if out.is_broken(schema.PAIRS, programme.number):
                continue
            out.error(sheet, programme.row, "number", unknown(schema.PAIRS, programme.number))
            continue
        if programme.end < programme.start:
            out.error(sheet, programme.row, "end",
                      f"дата окончания {grammar.date_digits(programme.end)} раньше даты начала "
                      f"{grammar.date_digits(programme.start)}. Исправьте одну из дат.")
            continue
        if programme.extend_to is not None and programme.extend_to <= programme.end:
            out.error(sheet, programme.row, "extend_to",
                      f"«Продлить до» ({grammar.date_digits(programme.extend_to)}) должно быть позже даты окончания "
                      f"{grammar.date_digits(programme.end)}.")
            continue
        if programme.extend_to is not None and not programme.extension_consent:
            out.error(sheet, programme.row, "extension_consent",
                      "продлить программу можно только по обоюдному согласию наставника и наставляемого "
                      "(раздел VII.2 Положения): впишите «да», когда согласие получено.")
            continue
        _term_warning(programme, out)
        if programme.finished and (programme.finished_on is None or programme.completion_ground is None):
            out.warning(sheet, programme.row, "finished_on" if programme.finished_on is None else "completion_ground",
                        "программа отмечена завершённой: укажите дату завершения и основание (раздел VII Положения).")
        result[number] = programme
    return result


def _term_warning(programme: Programme, out: Collector) -> None:
    shortest = grammar.add_months(programme.start, 3) - dt.timedelta(days=1)
    longest = grammar.add_months(programme.start, 12)
    if not shortest <= programme.end <= longest:
        out.warning(schema.PROGRAMMES, programme.row, "end",
                    f"срок программы с {grammar.date_digits(programme.start)} по {grammar.date_digits(programme.end)} "
                    "выходит за пределы от 3 месяцев до 1 года (раздел I Положения).")


def _pairs(pairs: list[Pair], data: Data, out: Collector) -> list[Pair]:
    accepted = _accepted_pairs(pairs, data, out)
    _mark_rejected(schema.PAIRS, pairs, accepted, out)
    return accepted


def _mark_rejected(sheet: Sheet, rows: list[SheetModel], accepted: Iterable[SheetModel], out: Collector) -> None:
    """Rows that passed their own checks but not the cross-checks: their numbers are «broken», not unknown."""
    taken = {id(row) for row in accepted}
    for row in rows:
        if id(row) not in taken:
            out.mark_broken(sheet, row.number)


def _accepted_pairs(pairs: list[Pair], data: Data, out: Collector) -> list[Pair]:
    sheet = schema.PAIRS
    accepted: list[Pair] = []
    mentor_of_group: dict[str, Pair] = {}
    active_mentee: dict[str, Pair] = {}
    warned_numbers: set[str] = set()
    for pair in pairs:
        number = key(pair.number)
        if not people_known(pair, ("mentor", "mentee"), sheet, data, out):
            continue
        if key(pair.mentor) == key(pair.mentee):
            out.error(sheet, pair.row, "mentee",
                      f"наставник и наставляемый — один и тот же человек ({pair.mentor}). Укажите другого наставляемого.")
            continue
        first = mentor_of_group.setdefault(number, pair)
        if key(first.mentor) != key(pair.mentor):
            out.error(sheet, pair.row, "mentor",
                      f"у группы № {pair.number} уже указан наставник «{first.mentor}» (строка {first.row}). "
                      "У группы один наставник: исправьте код наставника или № группы.")
            continue
        programme = data.programmes.get(number)
        if programme is None or not programme.finished:
            earlier = active_mentee.get(key(pair.mentee))
            if earlier is not None:
                out.error(sheet, pair.row, "mentee",
                          f"наставляемый «{pair.mentee}» уже закреплён в действующей паре № {earlier.number} "
                          f"(строка {earlier.row}). Завершите ту программу или удалите эту строку.")
                continue
            active_mentee[key(pair.mentee)] = pair
        if pair.consent is None and _by_agreement(data):
            out.error(sheet, pair.row, "consent",
                      "нет даты письменного согласия наставника (ст. 351.8 ТК РФ); без согласия наставник не "
                      "назначается, пара не войдёт в приказ. Бланк согласия — в папке «Соглашения»: когда наставник "
                      "его подпишет, впишите дату согласия.")
            data.awaiting_consent.append(pair)
            continue
        mentor = data.person(pair.mentor)
        if pair.agreement is None and engaged(data, mentor):
            out.warning(sheet, pair.row, "agreement",
                        "не указано дополнительное соглашение к трудовому договору (ст. 351.8 ТК РФ): "
                        "впишите его номер и дату, например «№ 12 от 26.08.2026».")
        if pair.order is not None and key(pair.order) not in data.orders:
            out.warning(sheet, pair.row, "order",
                        f"приказа № {pair.order} нет на листе «Приказы»: приказ будет подготовлен как проект.")
        if programme is None and number not in warned_numbers:
            warned_numbers.add(number)
            out.warning(sheet, pair.row, "number",
                        f"для пары (группы) № {pair.number} нет программы на листе «Программы».")
        accepted.append(pair)
    return accepted


def _plan(items: list[PlanItem], data: Data, out: Collector) -> dict[str, list[PlanItem]]:
    sheet = schema.PLAN
    plan: dict[str, list[PlanItem]] = {}
    for item in items:
        programme = data.programmes.get(key(item.programme))
        if programme is None:
            if out.is_broken(schema.PROGRAMMES, item.programme) or out.is_broken(schema.PAIRS, item.programme):
                continue
            out.error(sheet, item.row, "programme", unknown(schema.PROGRAMMES, item.programme))
            continue
        last = programme.last_day
        if not programme.start <= item.due <= last:
            out.warning(sheet, item.row, "due",
                        f"срок {grammar.date_digits(item.due)} вне срока программы № {programme.number} "
                        f"({grammar.date_digits(programme.start)} – {grammar.date_digits(last)}).")
        if item.done is False and item.done_on is not None:
            out.warning(sheet, item.row, "done_on",
                        f"указана дата выполнения {grammar.date_digits(item.done_on)}, а в «Отметка о выполнении» — "
                        "«нет»: исправьте одно из двух.")
        plan.setdefault(key(item.programme), []).append(item)
    return plan


def _replacements(items: list[Replacement], data: Data, out: Collector) -> list[Replacement]:
    sheet = schema.REPLACEMENTS
    mentors = {key(p.number): key(p.mentor) for p in data.pairs}
    mentees: dict[str, set[str]] = {}
    for pair in data.pairs:
        mentees.setdefault(key(pair.number), set()).add(key(pair.mentee))
    accepted: list[Replacement] = []
    for item in sorted(items, key=lambda r: r.date):
        number = key(item.number)
        if number not in mentors:
            if out.is_broken(schema.PAIRS, item.number):
                out.warning(sheet, item.row, "number",
                            f"строка не вошла в документы: в строках пары (группы) № {item.number} на листе «Пары» "
                            "есть ошибки.")
            else:
                out.error(sheet, item.row, "number", unknown(schema.PAIRS, item.number))
            continue
        if not people_known(item, ("former", "new"), sheet, data, out):
            continue
        if key(item.former) == key(item.new):
            out.error(sheet, item.row, "new", "новый наставник совпадает с прежним. Укажите другого наставника.")
            continue
        if key(item.new) in mentees.get(number, set()):
            out.error(sheet, item.row, "new",
                      f"новый наставник «{item.new}» — наставляемый этой же пары (группы) № {item.number}. "
                      "Укажите другого наставника.")
            continue
        if item.consent is None and _by_agreement(data):
            out.error(sheet, item.row, "consent",
                      "нет даты письменного согласия нового наставника (ст. 351.8 ТК РФ); без согласия замена "
                      "не оформляется. Впишите дату согласия.")
            continue
        if mentors[number] != key(item.former):
            out.warning(sheet, item.row, "former",
                        f"на {grammar.date_digits(item.date)} наставник пары № {item.number} — "
                        f"«{data.person(mentors[number]).code}», а не «{item.former}».")
        mentors[number] = key(item.new)
        accepted.append(item)
    return accepted


def _incentives(items: Iterable[Incentive], data: Data, out: Collector) -> list[Incentive]:
    sheet = schema.INCENTIVES
    accepted: list[Incentive] = []
    for item in items:
        if not people_known(item, ("mentor",), sheet, data, out):
            continue
        if not schema.measure(item.measure).phrase and not item.above_school:
            out.error(sheet, item.row, "level",
                      f"«{item.measure}» — награда не школьного уровня. Выберите уровень «федеральный».")
            continue
        if item.measure == schema.MEASURE_BONUS and (item.amount is None or item.source is None):
            out.error(sheet, item.row, "amount" if item.amount is None else "source",
                      "для премирования укажите сумму и источник выплаты.")
            continue
        if item.above_school and item.protocol is None:
            out.warning(sheet, item.row, "protocol",
                        "для представления к награде укажите решение педсовета или коллектива "
                        "(протокол №, дата).")
        if item.measure == schema.MEASURE_STATE_AWARD:
            years = data.person(item.mentor).mentoring_experience
            if years is None or years < 5:
                out.warning(sheet, item.row, "measure",
                            "для знака отличия «За наставничество» нужно не менее 5 лет наставнической деятельности "
                            "(Указ Президента РФ от 02.03.2018 № 94): укажите «Стаж наставничества, лет» на листе "
                            "«Педагоги».")
        accepted.append(item)
    _ministry_limit(accepted, data, out)
    return accepted


def _ministry_limit(items: list[Incentive], data: Data, out: Collector) -> None:
    """An organisation of under 100 staff may nominate one person a year for the awards of Минпросвещения."""
    staff = data.organization.staff if data.organization else None
    if staff is not None and staff >= 100:
        return
    first: dict[int, Incentive] = {}
    for item in items:
        if item.measure not in schema.MINISTRY_AWARDS or item.date is None:
            continue
        earlier = first.setdefault(item.date.year, item)
        if earlier is not item:
            out.warning(schema.INCENTIVES, item.row, "measure",
                        f"в {item.date.year} году уже есть представление к ведомственной награде Минпросвещения "
                        f"(строка {earlier.row}); организация с численностью до 100 работников может представить "
                        "одного человека в год.")
