"""What ст. 351.8 ТК РФ asks of the book for each mentor's papers: the pay (a pair's own or the school's default),
the employment contract an additional agreement amends. Each gap is one located warning: the paper still comes, with
a line to write in by hand. A school whose job descriptions hold mentoring («в должностных обязанностях») is asked
for none of it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from automation import grammar
from automation.book import schema, working_days
from automation.book.choices import Choice
from automation.book.models import Data, Person, key
from automation.book.pay import EXAMPLES, Pay, PayProblem, Requisites, parse
from automation.book.problems import Collector
from automation.book.schema import Sheet


def default_pay(data: Data) -> Pay | None:
    """The school's default pay, when «Организация» gives one that reads."""
    org = data.organization
    try:
        return parse(org.default_pay) if org is not None and org.default_pay else None
    except PayProblem:
        return None


def pay_of(data: Data, number: str) -> Pay | None:
    """A pair's or group's pay: its first row's own, else the school's default; None when neither reads."""
    rows = data.pairs_of(number) or [pair for pair in data.awaiting_consent if key(pair.number) == key(number)]
    own = rows[0].pay if rows else None
    if own:
        try:
            return parse(own)
        except PayProblem:
            return None
    return default_pay(data)


def engaged(data: Data, person: Person) -> bool:
    """Whether this mentor's papers are the school's to make: it engages its mentors by additional agreement, and the
    mentor is on its staff (a partner from another organisation has no contract with the school) and is not its head
    (whose agreement the founder signs: `rules` asks for it)."""
    org = data.organization
    if org is None:
        return person.workplace is None
    return org.by_agreement and person.workplace is None and not org.is_head(person)


def check_labour(data: Data, out: Collector, setting_row: int | None) -> None:
    org = data.organization
    if org is not None and org.default_pay:
        try:
            parse(org.default_pay)
        except PayProblem as err:
            out.warning(schema.ORGANIZATION, setting_row, "value", f"«Доплата наставнику по умолчанию»: {err}")
    if org is not None and not org.by_agreement:
        return
    _check_notices(data, out)
    default = default_pay(data)
    seen: set[str] = set()
    mentors: dict[str, Person] = {}
    for pair in data.pairs:
        mentor = data.person(pair.mentor)
        if not engaged(data, mentor):
            continue
        mentors[key(mentor.code)] = mentor
        if key(pair.number) in seen:
            continue
        seen.add(key(pair.number))
        if pair.pay:
            try:
                parse(pair.pay)
            except PayProblem as err:
                out.warning(schema.PAIRS, pair.row, "pay", f"{err} В соглашении — строка для записи от руки.")
        elif default is None:
            out.warning(schema.PAIRS, pair.row, "pay",
                        f"доплата за наставничество не указана ни здесь, ни на листе «Организация» («Доплата "
                        f"наставнику по умолчанию»): в согласии и соглашении — строка для записи от руки. Впишите "
                        f"её: {EXAMPLES}.")
    for item in data.replacements:
        mentor = data.person(item.new)
        if engaged(data, mentor):
            mentors[key(mentor.code)] = mentor
    for mentor in mentors.values():
        if not mentor.contract:
            out.warning(schema.PEOPLE, mentor.row, "contract",
                        "нет номера и даты трудового договора наставника: в дополнительном соглашении — строка для "
                        "записи от руки. Впишите их, например «№ 15 от 01.09.2020».")
            continue
        read = Requisites.read(mentor.contract)
        missing = [what for what, value in (("номера", read.number), ("даты", read.date)) if value is None]
        if missing:
            out.warning(schema.PEOPLE, mentor.row, "contract",
                        f"в «{mentor.contract}» нет {' и '.join(missing)} трудового договора: в дополнительном "
                        "соглашении — строка для записи от руки. Впишите так: «№ 15 от 01.09.2020».")


@dataclass(frozen=True)
class EarlyEnd:
    """A mentor's work ended before its term at one side's initiative (ч. 3 ст. 351.8 ТК РФ): by a replacement or
    by a completion of the programme."""
    number: str
    mentor: Person
    ends: dt.date
    """The day the mentor is released from («освободить с …», «прекратить с …»)."""
    notice: dt.date | None
    ground: Choice
    sheet: Sheet
    row: int
    column: str


ENDS_WITH_THE_JOB = frozenset({schema.REPLACE_ON_MENTOR_DISMISSAL.text, *(
    g.text for g in schema.LEGACY_REPLACEMENT_GROUNDS if schema.REPLACE_ON_MENTOR_DISMISSAL.text in g.split_into)})
"""Grounds on which the mentor's extra work ends with their employment: no paper of its own."""


def early_ends(data: Data) -> list[EarlyEnd]:
    """Every end of a mentor's extra work before its term that the book records (the mentor on the school's staff,
    under an additional agreement): by a replacement, or by a completion before the programme's last day. One side's
    initiative asks for a written notice (`Choice.ends_by`); the rest is ended by the parties' agreement."""
    found = []
    for item in data.replacements:
        ground = schema.ground(item.ground)
        former = data.person(item.former)
        if item.ground not in ENDS_WITH_THE_JOB and engaged(data, former):
            found.append(EarlyEnd(item.number, former, item.date, item.notice, ground, schema.REPLACEMENTS,
                                  item.row, "notice"))
    for programme in data.programmes.values():
        if not programme.finished or not programme.completion_ground or programme.finished_on is None:
            continue
        ground = schema.ground(programme.completion_ground)
        if not ground.ends_by and programme.finished_on >= programme.last_day:
            continue  # the work ends with its term
        mentor = mentor_on(data, programme.number, programme.finished_on)
        if mentor is not None and engaged(data, mentor):
            found.append(EarlyEnd(programme.number, mentor, programme.finished_on, programme.completion_notice,
                                  ground, schema.PROGRAMMES, programme.row, "completion_notice"))
    return found


def mentor_on(data: Data, number: str, day: dt.date) -> Person | None:
    """The mentor of a pair or group on `day`: its first, or the last one a replacement dated by then brought in."""
    rows = data.pairs_of(number)
    if not rows:
        return None
    code = rows[0].mentor
    for item in data.replacements_of(number):
        if item.date <= day:
            code = item.new
    return data.person(code)


def _check_notices(data: Data, out: Collector) -> None:
    """The notice is given no later than three working days before the work ends, on the production calendar."""
    for end in early_ends(data):
        if not end.ground.ends_by:
            continue  # ended by agreement: no notice
        if not working_days.known(end.ends.year):
            out.warning(end.sheet, end.row, end.column,
                        f"производственный календарь на {end.ends.year} год программе ещё не известен: три рабочих "
                        "дня посчитаны без переносов выходных. Обновите программу, когда выйдет постановление "
                        "Правительства о переносе выходных дней.")
        if end.notice is None:
            continue
        day, ends = grammar.date_digits(end.notice), grammar.date_digits(end.ends)
        if end.notice >= end.ends:
            latest = grammar.date_digits(working_days.latest_notice(end.ends))
            out.warning(end.sheet, end.row, end.column,
                        f"уведомление от {day} дано не раньше дня, с которого наставник освобождается ({ends}). "
                        f"Предупредить нужно письменно не позднее {latest} (за три рабочих дня, ст. 351.8 ТК РФ).")
            continue
        lawful = working_days.first_lawful(end.notice)
        if lawful > end.ends:
            out.warning(end.sheet, end.row, end.column,
                        f"уведомление от {day} дано меньше чем за три рабочих дня до {ends} (ст. 351.8 ТК РФ): "
                        f"освободить наставника по нему можно не раньше {grammar.date_digits(lawful)}. Исправьте дату "
                        "уведомления или дату, с которой наставник освобождается.")
