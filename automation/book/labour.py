"""What ст. 351.8 ТК РФ asks of the book for each mentor's papers: the pay (a pair's own or the school's default),
the employment contract an additional agreement amends. Each gap is one located warning: the paper still comes, with
a line to write in by hand. A school whose job descriptions hold mentoring («в должностных обязанностях») is asked
for none of it."""

from __future__ import annotations

from automation.book import schema
from automation.book.models import Data, Person, key
from automation.book.pay import EXAMPLES, Pay, PayProblem, parse
from automation.book.problems import Collector


def default_pay(data: Data) -> Pay | None:
    """The school's default pay, when «Организация» gives one that reads."""
    org = data.organization
    try:
        return parse(org.default_pay) if org is not None and org.default_pay else None
    except PayProblem:
        return None


def pay_of(data: Data, number: str) -> Pay | None:
    """A pair's or group's pay: its first row's own, else the school's default; None when neither reads."""
    rows = [pair for pair in data.pairs if key(pair.number) == key(number)]
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
    full = " ".join(part for part in (person.last_name, person.first_name, person.middle_name) if part)
    return org.by_agreement and person.workplace is None and key(full) != key(org.head_name)


def check_labour(data: Data, out: Collector, setting_row: int | None) -> None:
    org = data.organization
    if org is not None and org.default_pay:
        try:
            parse(org.default_pay)
        except PayProblem as err:
            out.warning(schema.ORGANIZATION, setting_row, "value", f"«Доплата наставнику по умолчанию»: {err}")
    if org is not None and not org.by_agreement:
        return
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
        elif default_pay(data) is None:
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
