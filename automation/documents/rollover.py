"""Next school year's book from this one (`nastavnik new-year`): what continues is carried, what ended stays in last
year's book. Carried: the settings (the year advanced), every person (years of experience counted on by one, years of
mentoring for those who mentored in the year), the pairs and groups whose programme runs past the year's end with
their programme, its whole plan (the programme states its plan for the whole term, marks of what is done included),
their replacements and the register rows of the orders they cite, and the questionnaires' questions. Not carried:
finished programmes and their plans, incentives, answers, the organising order; last year's roadmap is offered as a
hidden sheet to start from, never as this year's plan. Rows are carried as the curator typed them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from automation import grammar
from automation.book import schema
from automation.book.models import Data, key
from automation.book.reader import RawBook
from automation.book.references import ORDER_COLUMNS
from automation.documents.in_force import in_force, units
from automation.documents.period import Period

YEARS_COUNTED = ("experience", "total_experience", "local_experience")
"""Columns of «Педагоги» counted in years: a year on."""


@dataclass
class NextYear:
    year: Period
    """The new school year."""
    settings: dict[str, Any]
    rows: dict[str, list[dict[str, Any]]]
    """By sheet title, each row header → value, as a book is written."""
    roadmap: list[dict[str, Any]] = field(default_factory=list)
    """Last year's roadmap, for the hidden sheet the new one may start from."""
    carried: list[str] = field(default_factory=list)
    """«пара № 3 — программа до 30.06.2027»: what continues, said to the curator."""
    left: dict[str, int] = field(default_factory=dict)
    """What stays in last year's book, counted: «завершённых программ» → 4 …"""
    review: list[str] = field(default_factory=list)
    """What the curator should look at in the new book (young specialists …)."""


def next_school_year(year: Period) -> Period:
    return Period.school_year(dt.date(year.end.year, 9, 1))


def roll_over(book: RawBook, data: Data, year: Period, previous_book: str) -> NextYear:
    """The new year's book: `year` is the one that ends, `previous_book` the name its book is kept under."""
    new = next_school_year(year)
    continuing = {}
    state = in_force(data, year.end)
    for unit in units(data):
        programme = unit.programme
        if programme is None or programme.finished:
            continue
        now = state.unit(unit.number)
        last = now.last_day if now is not None and now.last_day is not None else programme.last_day
        if last > year.end:
            continuing[key(unit.number)] = (unit, last)
    result = NextYear(new, _settings(book, new, previous_book), {})
    result.carried = [f"{unit.label} — программа до {grammar.date_digits(last)}" for unit, last in continuing.values()]

    def rows(sheet: schema.Sheet, keep=lambda values: True, change=dict) -> list[dict[str, Any]]:
        """The sheet's rows that `keep` keeps, as `change` makes them, by header; the others counted as left."""
        table = book.tables.get(sheet.key)
        kept = [change(row.values) for row in table.rows if keep(row.values)] if table else []
        result.left[sheet.title] = (len(table.rows) if table else 0) - len(kept)
        return [{sheet.header(k): v for k, v in values.items()} for values in kept]

    def of_unit(column: str):
        return lambda values: values.get(column) is not None and key(str(values[column])) in continuing

    # The orders the carried rows cite, in every column the register's kinds declare (references.ORDER_COLUMNS).
    cited = {key(str(values[column])) for sheet, column in ORDER_COLUMNS for values in _rows(book, sheet)
             if of_unit("number")(values) and values.get(column) is not None}
    carried = {sheet: rows(sheet, keep) for sheet, keep in (  # in this order the message counts what is left
        (schema.PAIRS, of_unit("number")), (schema.REPLACEMENTS, of_unit("number")),
        (schema.PROGRAMMES, of_unit("number")),
        (schema.PLAN, of_unit("programme")),
        (schema.ORDERS, lambda v: v.get("number") is not None and key(str(v["number"])) in cited),
        (schema.QUESTIONS, lambda v: True))}
    mentors = _mentors_of(data, year)
    result.rows = {schema.PEOPLE.title: rows(schema.PEOPLE, change=lambda values: _a_year_on(values, mentors)),
                   **{sheet.title: kept for sheet, kept in carried.items()}}
    for sheet in (schema.INCENTIVES, schema.ANSWERS):
        rows(sheet, lambda values: False)
    result.roadmap = rows(schema.ROADMAP)
    if mentors:
        result.review.append(f"«Стаж наставничества» прибавлен на год у {len(mentors)} "
                             f"{grammar.plural(len(mentors), 'наставника', 'наставников', 'наставников')} этого года "
                             "(где он записан числом).")
    young = [p for p in data.people.values() if p.young]
    if young:
        result.review.append(f"«Молодой специалист» оставлен как был у {len(young)} "
                             f"{grammar.plural(len(young), 'педагога', 'педагогов', 'педагогов')}: проверьте, кто "
                             "перестал им быть (обычно — через три года после начала работы).")
    return result


def _rows(book: RawBook, sheet: schema.Sheet) -> list[dict[str, Any]]:
    table = book.tables.get(sheet.key)
    return [row.values for row in table.rows] if table else []


def _mentors_of(data: Data, year: Period) -> set[str]:
    """The codes of those who mentored a pair or group on some day of `year`: the mentor of its order, then each
    replacing one, each from their day until the next one's."""
    codes = set()
    for unit in units(data):
        programme = unit.programme
        start = programme.start if programme is not None else year.start
        end = programme.last_day if programme is not None else year.end
        turns = [(start, unit.first_mentor.code)] + [(r.date, r.new) for r in data.replacements_of(unit.number)]
        for (since, code), (until, _) in zip(turns, turns[1:] + [(end, None)]):
            if since <= year.end and until >= year.start and since <= end:
                codes.add(key(code))
    return codes


def _a_year_on(values: dict[str, Any], mentors: set[str]) -> dict[str, Any]:
    """A person's row with the years of experience counted on, and of mentoring for `mentors` (a number typed as a
    number only)."""
    moved = dict(values)
    counted = YEARS_COUNTED + (("mentoring_experience",) if key(str(values.get("code"))) in mentors else ())
    for column in counted:
        value = moved.get(column)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            moved[column] = value + 1
    return moved


def _settings(book: RawBook, new: Period, previous_book: str) -> dict[str, Any]:
    """«Организация» as typed (by each setting's header), «Учебный год» the new one, and last year's book named."""
    table = book.tables.get(schema.ORGANIZATION.key)
    headers = {key(column.header): column.header for column in schema.SETTINGS}
    settings = {}
    for row in table.rows if table else []:
        header = headers.get(key(str(row.values.get("parameter") or "")))
        if header is not None:
            settings[header] = row.values.get("value")
    for column, value in (("school_year", f"{new.start.year}/{new.end.year}"), ("previous_book", previous_book)):
        settings[next(c.header for c in schema.SETTINGS if c.key == column)] = value
    return settings
