"""The orders: one document per order number (rows without a number make one draft), wording by the regulation."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Iterable, TypeVar

from automation import grammar
from automation.book import schema
from automation.book.labour import engaged, pay_of
from automation.book.models import Data, Incentive, Order, Person, Programme, Replacement, key
from automation.documents import catalogue
from automation.documents.catalogue import DocumentKind, Request
from automation.documents.document import (
    Document,
    School,
    appointment_basis,
    clause,
    requisites,
    signed_last_year,
    unit_context,
)
from automation.documents.in_force import Unit, in_force, units
from automation.documents.people import Named, named, namesakes, person, told_apart
from automation.grammar import Case

T = TypeVar("T")

PREAMBLE = ("В соответствии с {basis}, Положением о системе наставничества педагогических работников в {short}"
            "{section}, утверждённым приказом {regulation}")



def group_by_order(items: Iterable[T], number: Callable[[T], str | None]) -> list[tuple[str | None, list[T]]]:
    """Rows by the order number typed for them (as first typed), in the order of first appearance; None collects
    the rows with no number yet."""
    groups: dict[str | None, tuple[str | None, list[T]]] = {}
    for item in items:
        value = number(item)
        groups.setdefault(key(value) if value else None, (value, []))[1].append(item)
    return list(groups.values())


def order_documents(kind: DocumentKind, groups: list[tuple[str | None, list[T]]], data: Data,
                    common: dict[str, Any], body: Callable[[list[T]], tuple[dict[str, Any], list[dict]]]
                    ) -> list[Document]:
    """One order per number: requisites from the register (a draft while it has no date), the kind's own body,
    the curator and everyone named in «С приказом ознакомлены»."""
    curator = data.curator()
    documents = []
    for typed, items in groups:
        order = data.order(typed)
        if last_years_paper(data, order):
            continue
        req = {**requisites(order, typed), "заголовок": kind.register}
        fields, people = body(items)
        acquainted: dict[str, Named] = {}
        for who in ([named(curator)] if curator else []) + people:
            acquainted.setdefault(key(who.person.code), who)
        twins = namesakes(list(acquainted.values()))
        context = {**common, **fields, "приказ": req,
                   "ознакомлены": [told_apart(who.fields(), who, twins) for who in acquainted.values()],
                   "куратор": person(curator) if curator else None}
        if req["проект"]:
            name = kind.name(prefix="ПРОЕКТ ", number=f" № {typed}" if typed else "")
        else:
            name = kind.name(prefix="", number=f" № {req['номер']} от {req['дата']}")
        documents.append(Document(kind, name, context, draft=req["проект"], frozen=req["подписан"], order=typed))
    return documents


def last_years_paper(data: Data, order: Order | None) -> bool:
    """A signed order of the year before, in a book `nastavnik new-year` carried into a new year (see
    `signed_last_year`)."""
    return order is not None and order.signed and signed_last_year(data, order.date)


def preamble(school: School, section: str = "") -> str:
    """«В соответствии с …, Положением … (пункт 9 раздела III), утверждённым приказом …»."""
    text = PREAMBLE.format(basis=school.legal_basis, short=school.short, regulation=school.regulation,
                           section=f" ({section})" if section else "")
    return text.replace("№ ", "№\u00a0")  # a number never left alone at the end of a line


def _control(number: int, curator: Person | None) -> str:
    if curator is None:
        return f"{number}. Контроль за исполнением настоящего приказа оставляю за собой."
    c = named(curator)
    return (f"{number}. Контроль за исполнением настоящего приказа возложить на {c.positions[Case.ACCS]} "
            f"{c.signature(Case.ACCS)}.")


def _approve_phrase(order_units: list[Unit]) -> str:
    """What point 2 of the order approves, agreeing in number: one programme of a pair, or several."""
    if len(order_units) == 1:
        unit = order_units[0]
        owner = "наставнической группы" if unit.group else "наставнической пары"
        return f"персонализированную программу наставничества {owner} № {unit.number}"
    return "персонализированные программы наставничества наставнических пар (групп) № " + ", ".join(
        unit.number for unit in order_units)


@catalogue.makes(catalogue.ASSIGNMENT_ORDER)
def assignment_orders(req: Request) -> list[Document]:
    """«О закреплении наставнических пар (групп)»: one per number typed on «Пары»; pairs with none in one draft."""
    data, common = req.data, req.common
    def body(order_units: list[Unit]) -> tuple[dict[str, Any], list[Named]]:
        twins = namesakes([named(p) for u in order_units for p in (u.first_mentor, *u.mentees)])
        pairs = [unit_context(u, data, as_ordered=True, twins=twins) for u in order_units]
        people = [named(p) for u in order_units for p in [u.first_mentor, *u.mentees]]  # as the order names them
        return {"пары": pairs, "утвердить": _approve_phrase(order_units)}, people

    groups = group_by_order(units(data), lambda u: u.rows[0].order)
    return order_documents(catalogue.ASSIGNMENT_ORDER, groups, data, common, body)


def _unit_of(data: Data, number: str) -> Unit | None:
    return next((u for u in units(data) if key(u.number) == key(number)), None)


def _owner_genitive(unit: Unit) -> str:
    return "группы" if unit.group else "пары"


def _appointed_by(data: Data, unit: Unit, mentor: Person) -> str:
    order = data.order(unit.rows[0].order)
    word = "назначенную" if mentor.female else "назначенного"
    if order is None or order.date is None:
        return f"{word} приказом о закреплении наставнических пар (групп)"
    return f"{word} приказом от {grammar.date_digits(order.date)} № {order.number}"


@catalogue.makes(catalogue.REPLACEMENT_ORDER)
def replacement_orders(req: Request) -> list[Document]:
    """«О замене наставника» (III.9): release from a date, appoint from the same date, the ground, the programme's fate."""
    data, common = req.data, req.common
    def body(items: list[Replacement]) -> tuple[dict[str, Any], list[Named]]:
        points, people = [], []
        for index, item in enumerate(items, start=1):
            unit = _unit_of(data, item.number)
            if unit is None:
                continue
            former, new = data.person(item.former), data.person(item.new)
            f, n = named(former), named(new)
            mentees = [named(m) for m in unit.mentees]
            ground = schema.ground(item.ground).fact(
                f.short_in(Case.GENT), item.document)
            # A date an event happens on is written in words in running text; documents' requisites keep digits.
            owner, date = _owner_genitive(unit), grammar.date_words(item.date)
            word = "наставляемых:" if unit.group else ("наставляемую" if unit.mentees[0].female else "наставляемого")
            basis = appointment_basis(data, item.consent, item.agreement)
            points += [
                f"{index}. Заменить наставника {owner} № {unit.number} с {date}:",
                grammar.ended(f"{index}.1. Освободить {f.who(Case.ACCS)}, {_appointed_by(data, unit, former)}, "
                              f"от обязанностей наставника {owner} № {unit.number} с {date} {ground}"),
                f"{index}.2. Назначить наставником {owner} № {unit.number} с {date} {n.who(Case.ACCS)}, "
                f"и закрепить за {'ней' if new.female else 'ним'} {word} "
                + "; ".join(m.who(Case.ACCS) for m in mentees)
                + ". " + grammar.ended(f"Основание: {basis}"),
                f"{index}.3. " + (
                    f"Персонализированную программу наставничества {owner} № {unit.number} скорректировать с учётом "
                    "замены наставника и представить на утверждение."
                    if item.programme == schema.PROGRAMME_REVISED else
                    f"Реализацию персонализированной программы наставничества {owner} № {unit.number} продолжить."),
            ]
            if data.organization is None or data.organization.by_agreement:
                pay = pay_of(data, unit.number) if engaged(data, new) else None
                points.append(grammar.ended(
                    f"{index}.4. Выплату за наставническую деятельность {f.name(Case.DATV)} прекратить с {date}; "
                    f"{n.name(Case.DATV)} производить с {date}"
                    + (f" в размере {pay.words()}" if pay is not None else "")
                    + (f" в соответствии с дополнительным соглашением {item.agreement}" if item.agreement else "")))
            people += [f, n, *mentees]
        last = len(items) + 1
        points += [f"{last}. {_amend_appendix(data, items)}", _control(last + 1, data.curator())]
        return {"преамбула": preamble(School(data.organization), "пункт 9 раздела III"), "пункты": points}, people

    groups = group_by_order(data.replacements, lambda r: r.order)
    return order_documents(catalogue.REPLACEMENT_ORDER, groups, data, common, body)


def _amend_appendix(data: Data, items: list[Replacement]) -> str:
    """«Внести соответствующие изменения в приложение № 1 к приказу от 01.09.2026 № 45-ОД «О закреплении …»»: the
    list of pairs the appointing order approved changes with the replacement."""
    orders = []
    for item in items:
        unit = _unit_of(data, item.number)
        order = data.order(unit.rows[0].order) if unit is not None else None
        orders.append(f"от {grammar.date_digits(order.date)} № {order.number}" if order and order.date else None)
    dated = list(dict.fromkeys(o for o in orders if o))
    title = f"«{schema.ORDER_ASSIGNMENT}»"
    if not dated:
        return f"Внести соответствующие изменения в приложение № 1 к приказу {title}."
    if len(dated) == 1:
        return f"Внести соответствующие изменения в приложение № 1 к приказу {dated[0]} {title}."
    return (f"Внести соответствующие изменения в приложения № 1 к приказам {', '.join(dated[:-1])} и {dated[-1]} "
            f"{title}.")


def _participants(unit: Unit, mentor: Person) -> str:
    mentees = ", ".join(named(m).short for m in unit.mentees)
    if unit.group:
        word = "наставляемые"
    else:
        word = "наставляемая" if unit.mentees[0].female else "наставляемый"
    return f"наставник {named(mentor).short}, {word} {mentees}"


def _programmes_with(data: Data, keep: Callable[[Programme], bool]) -> list[tuple[Programme, Unit]]:
    found = []
    for unit in units(data):
        if unit.programme is not None and keep(unit.programme):
            found.append((unit.programme, unit))
    return found


@catalogue.makes(catalogue.COMPLETION_ORDER)
def completion_orders(req: Request) -> list[Document]:
    """«О завершении персонализированных программ наставничества» (VII.1): date, ground, results, payment stops.
    A completion dated before the order is stated as a fact («Считать … завершённой с …»), never «Завершить» in
    the past."""
    data, common, today = req.data, req.common, req.today
    def body(items: list[tuple[Programme, Unit]]) -> tuple[dict[str, Any], list[Named]]:
        points, people = [], []
        day = order_day(data, items[0][0].completion_order, today)
        curator = data.curator()
        for index, (programme, unit) in enumerate(items, start=1):
            ground = schema.ground(programme.completion_ground).fact(
                named(curator).short_in(Case.GENT) if curator else "", programme.completion_document)
            # The mentor in force on the day the programme ends: the one whose payment stops.
            in_charge = in_force(data, programme.finished_on).mentor_of(unit)
            mentor = named(in_charge)
            which = (f"персонализированной программы наставничества {_owner_genitive(unit)} № {unit.number} "
                     f"({_participants(unit, in_charge)})")
            if programme.finished_on < day:
                text = grammar.ended(f"{index}. Считать реализацию {which} завершённой с "
                                     f"{grammar.date_words(programme.finished_on)} {ground}")
            else:
                text = grammar.ended(
                    f"{index}. Завершить {grammar.date_words(programme.finished_on)} реализацию {which} {ground}")
            if programme.results:
                text += f" Итоги: {grammar.continuing(clause(programme.results))}."
            stop = grammar.date_words(programme.finished_on + dt.timedelta(days=1))
            text += " " + grammar.ended(
                f"Выплату за наставническую деятельность {mentor.name(Case.DATV)} прекратить с {stop}")
            points.append(text)
            people += [mentor, *(named(m) for m in unit.mentees)]
        last = len(items) + 1
        points += [f"{last}. Куратору разместить итоги завершённых программ на официальном сайте школы с согласия "
                   "участников (раздел VIII Положения).", _control(last + 1, data.curator())]
        return {"преамбула": preamble(School(data.organization), "пункт 1 раздела VII"), "пункты": points}, people

    finished = _programmes_with(data, lambda p: p.finished and p.finished_on is not None
                                and p.completion_ground is not None)
    groups = group_by_order(finished, lambda item: item[0].completion_order)
    return order_documents(catalogue.COMPLETION_ORDER, groups, data, common, body)


@catalogue.makes(catalogue.EXTENSION_ORDER)
def extension_orders(req: Request) -> list[Document]:
    """«О продлении срока реализации программы» (VII.2): only by mutual consent, the new end date; the mentor in
    force on the order's day."""
    data, common, today = req.data, req.common, req.today
    def body(items: list[tuple[Programme, Unit]]) -> tuple[dict[str, Any], list[Named]]:
        points, people = [], []
        day = order_day(data, items[0][0].extension_order, today)
        for index, (programme, unit) in enumerate(items, start=1):
            in_charge = in_force(data, day).mentor_of(unit)
            mentor = named(in_charge)
            points.append(
                f"{index}. По обоюдному согласию наставника и наставляемого продлить срок реализации персонализированной "
                f"программы наставничества {_owner_genitive(unit)} № {unit.number} ({_participants(unit, in_charge)}) "
                f"с {grammar.date_words(programme.end)} до {grammar.date_words(programme.extend_to)} "
                f"Выплату за наставническую деятельность {mentor.name(Case.DATV)} производить до "
                f"{grammar.date_words(programme.extend_to)}"
                + (" Основание: дополнительное соглашение к трудовому договору наставника "
                   + grammar.ended(programme.extension_agreement) if programme.extension_agreement else ""))
            people += [mentor, *(named(m) for m in unit.mentees)]
        last = len(items) + 1
        points += [f"{last}. Наставникам внести изменения в планы мероприятий программ на продлённый срок.",
                   _control(last + 1, data.curator())]
        return {"преамбула": preamble(School(data.organization), "пункт 2 раздела VII"), "пункты": points}, people

    extended = _programmes_with(data, lambda p: p.extend_to is not None and not p.finished)
    groups = group_by_order(extended, lambda item: item[0].extension_order)
    return order_documents(catalogue.EXTENSION_ORDER, groups, data, common, body)


def merit(data: Data, mentor: Person, day: dt.date) -> str:
    """Whose mentor the person is on the order's day, for its statement of merit: «наставник пары № 1 (Фёдоров
    С.А.)» — only pairs and groups in force for them then (appointed, or taken over, by a signed order)."""
    parts = []
    for now in in_force(data, day).units:
        if key(now.mentor.code) == key(mentor.code):
            mentees = ", ".join(named(m).short for m in now.unit.mentees)
            parts.append(f"{_owner_genitive(now.unit)} № {now.unit.number}: {mentees}")
    return ("наставник " + "; ".join(parts)) if parts else ""


def order_day(data: Data, number: str | None, today: dt.date) -> dt.date:
    """The day an order speaks for: its date in the register, or the build's day while it has none."""
    order = data.order(number)
    return order.date if order is not None and order.date is not None else today


def rubles(amount: float) -> str:
    """«5 000» or «5 000,50»: groups of thousands split by a space, kopecks only when there are any."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return text.replace(",", " ").replace(".", ",")


def incentive_sentence(item: Incentive, p: Named, merit_text: str) -> str:
    """«Объявить благодарность Мороз Ольге Викторовне, учителю математики, за сопровождение … (наставник пары
    № 1: …)»; a reason typed as a noun phrase («Успешная адаптация») goes in brackets: «(основание: успешная
    адаптация; наставник пары № 1: …)»."""
    measure = schema.measure(item.measure)
    text = f"{measure.phrase} {p.who(Case(measure.case))}"
    reason = grammar.continuing(clause(item.reason, ""))
    notes = [merit_text] if merit_text else []
    if reason.lower().startswith("за "):
        text += f", {reason}"
    elif reason:
        notes.insert(0, f"основание: {reason}")
    if notes:
        text += f" ({'; '.join(notes)})"
    if item.measure == schema.MEASURE_BONUS and item.amount is not None:
        text += (f", в размере {rubles(item.amount)} руб. за счёт "
                 f"{grammar.decline_position(clause(item.source), Case.GENT)}")
    return text + "."


def _accountant(bonuses: list[int], data: Data, common: dict[str, Any]) -> str:
    """The point for the accountant: which bonuses to pay and under which pay regulation."""
    which = (f"премию, указанную в пункте {bonuses[0]}" if len(bonuses) == 1
             else "премии, указанные в пунктах " + ", ".join(map(str, bonuses)))
    org = data.organization
    basis = f"Положением об оплате труда работников {School(org).short}"
    if org is not None and org.pay_regulation:
        basis += f", утверждённым приказом {org.pay_regulation}"
    return grammar.ended(f"Бухгалтерии выплатить {which} настоящего приказа, в соответствии с {basis}")


def petition_sentence(item: Incentive, p: Named) -> str:
    who = f"{p.who(Case.GENT)},"
    if schema.measure(item.measure).award:
        return (f"Ходатайствовать о награждении {who} {grammar.decline_position(item.measure, Case.ABLT)} "
                f"({item.level} уровень; представление прилагается).")
    return f"Ходатайствовать о поощрении {who} мерой «{item.measure}» ({item.level} уровень; представление прилагается)."


@catalogue.makes(catalogue.INCENTIVE_ORDER)
def incentive_orders(req: Request) -> list[Document]:
    """«О поощрении наставников» (IX): each measure with its verb and case, the merit; nominations above school as
    their own point referring to the Представление."""
    data, common, today = req.data, req.common, req.today
    def body(items: list[Incentive]) -> tuple[dict[str, Any], list[Named]]:
        points, people = [], []
        number = 0
        bonuses = []
        for item in (i for i in items if not i.above_school):
            mentor = data.person(item.mentor)
            p = named(mentor)
            number += 1
            day = order_day(data, item.order, today)
            points.append(f"{number}. {incentive_sentence(item, p, merit(data, mentor, day))}")
            people.append(p)
            if item.measure == schema.MEASURE_BONUS:
                bonuses.append(number)
        higher = [i for i in items if i.above_school]
        if higher:
            number += 1
            points.append(f"{number}. Представить к поощрению вышестоящего уровня:")
            for index, item in enumerate(higher, start=1):
                p = named(data.person(item.mentor))
                points.append(f"{number}.{index}. {petition_sentence(item, p)}")
                people.append(p)
        if bonuses:
            number += 1
            points.append(f"{number}. {_accountant(bonuses, data, common)}")
        points.append(_control(number + 1, data.curator()))
        return {"преамбула": preamble(School(data.organization), "раздел IX"), "пункты": points}, people

    groups = group_by_order(data.incentives, lambda i: i.order)
    return order_documents(catalogue.INCENTIVE_ORDER, groups, data, common, body)
