"""The pairs and groups of the book, and what of them is in force on a day. A change (a new pair, a replacement, an
extension, a completion) exists from the date its signed order names — an entry of «Приказы» with the status
«подписан» and a date; until then it is pending: in the book, awaiting its order. Every document is made from the
state in force on its date (lists and programmes: the build's day; reports: the period's end; orders: their own)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby

from automation import grammar
from automation.book import schema
from automation.book.models import Data, Order, Pair, Person, Programme, Replacement, key
from automation.documents.catalogue import Topic
from automation.documents.people import named
from automation.grammar import Case


@dataclass
class Unit:
    """A pair, or a group of rows sharing a № with one mentor."""

    number: str
    rows: list[Pair]
    mentor: Person
    mentees: list[Person]
    programme: Programme | None
    first_mentor: Person
    """The mentor the order of appointment names (`mentor` is the last one the book records)."""

    @property
    def group(self) -> bool:
        """A group has several mentees, or a group form (so it stays a group while one of its rows has errors)."""
        return len(self.mentees) > 1 or self.rows[0].form in (schema.FORM_GROUP, schema.FORM_SCHOOL)

    @property
    def kind(self) -> str:
        """«группа» or «пара»."""
        return "группа" if self.group else "пара"

    @property
    def label(self) -> str:
        """«пара № 1», «группа № 5»."""
        return f"{self.kind} № {self.number}"

    @property
    def programme_finished(self) -> bool:
        """The book marks its programme «завершена» (whether or not a signed order has finished it yet)."""
        return self.programme is not None and self.programme.finished


def units(data: Data) -> list[Unit]:
    """The pairs gathered by №, with their current mentor and programme (computed once per data)."""
    if "units" not in data.derived:
        data.derived["units"] = _units(data)
    return data.derived["units"]


def _units(data: Data) -> list[Unit]:
    result = []
    ordered = sorted(data.pairs, key=lambda p: _number_order(p.number))
    for number, rows in groupby(ordered, key=lambda p: key(p.number)):
        rows = list(rows)
        result.append(Unit(
            number=rows[0].number,
            rows=rows,
            mentor=data.person(current_mentor(data, rows[0])),
            mentees=[data.person(r.mentee) for r in rows],
            programme=data.programmes.get(number),
            first_mentor=data.person(rows[0].mentor),
        ))
    return result


def latest_replacement(data: Data, number: str) -> Replacement | None:
    """The last replacement of a pair's mentor (replacements are kept in date order), if any."""
    found = data.replacements_of(number)
    return found[-1] if found else None


def current_mentor(data: Data, pair: Pair) -> str:
    """The mentor's code after the replacements recorded so far (the order of appointment keeps the first one)."""
    replacement = latest_replacement(data, pair.number)
    return replacement.new if replacement else pair.mentor


def _number_order(number: str) -> tuple:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 10**9, number)


@dataclass(frozen=True)
class Pending:
    """A change in the book that no signed order has put in force by the day."""

    number: str
    """The № of the pair or group it changes."""
    owner: str
    """«пара № 3», «группа № 2», «программа № 3»."""
    change: str
    """«наставник Черных И.П. вместо Кузнецовой И.В.», «назначение наставника …», «продление до …», «завершение»."""
    since: dt.date | None
    order: str | None
    """The order's number as typed (None: none typed yet)."""
    registered: bool
    """Whether that number is in the register «Приказы»."""
    signed: bool
    """Whether that order is signed already (its date, or the change's own date, is later than the day)."""
    register: str = ""
    """The order's kind as the register names it («О замене наставника»), when registered."""
    topic: Topic = Topic.APPOINTMENT
    """What it changes."""
    new_mentor: str = ""
    """For a replacement: the new mentor's surname and initials."""

    @property
    def what(self) -> str:
        return f"{self.owner}: {self.change}"

    @property
    def draft(self) -> bool:
        """Registered and awaiting the director's signature."""
        return self.registered and not self.signed

    def note(self) -> str:
        """«с 16.11.2026 (проект приказа № 160-ОД)»: how an internal document marks it."""
        when = f"с {grammar.date_digits(self.since)} " if self.since else ""
        if self.order is None:
            return f"{when}(приказ не оформлен)"
        if not self.registered:
            return f"{when}(приказ № {self.order} не внесён в реестр «Приказы»)"
        return f"{when}({'приказ' if self.signed else 'проект приказа'} № {self.order})"

    def line(self) -> str:
        """«наставник Черных И.П. вместо Кузнецовой И.В. — с 16.11.2026 (проект приказа № 160-ОД)»."""
        return _joined(self.change, self.note(), self.since)

    def mentor_line(self) -> str:
        """«Черных И.П. — с 16.11.2026 (проект приказа № 160-ОД)»: the new mentor as a list of pairs shows them."""
        return _joined(self.new_mentor, self.note(), self.since)


@dataclass(frozen=True)
class UnitInForce:
    """A pair or group appointed by a signed order, as it stands on the day."""

    unit: Unit
    appointed: Order
    mentor: Person
    replacements: tuple[tuple[Replacement, Order], ...]
    """The signed replacements in force, in date order, each with its order: the mentor's history."""
    last_day: dt.date | None
    """The programme's last day after the signed extensions (None without a programme)."""
    finished: bool
    """Completed by a signed order dated by the day."""


@dataclass
class InForce:
    day: dt.date
    units: list[UnitInForce] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)

    _by_number: dict[str, UnitInForce] = field(default_factory=dict, repr=False)
    _pending_by: dict[str, list[Pending]] = field(default_factory=dict, repr=False)

    def index(self) -> InForce:
        """Look-ups by number in constant time (a district builds thousands of pairs)."""
        self._by_number = {key(u.unit.number): u for u in self.units}
        self._pending_by = {}
        for item in self.pending:
            self._pending_by.setdefault(key(item.number), []).append(item)
        return self

    def unit(self, number: str) -> UnitInForce | None:
        return self._by_number.get(key(number))

    @property
    def awaiting_appointment(self) -> int:
        """Pairs and groups of the book that no signed order has appointed by the day."""
        return sum(1 for p in self.pending if p.topic is Topic.APPOINTMENT)

    def pending_of(self, number: str, *topics: Topic) -> list[Pending]:
        """The pending changes of one pair or group (of the topics given, or all)."""
        return [p for p in self._pending_by.get(key(number), []) if not topics or p.topic in topics]

    def mentor_of(self, unit: Unit) -> Person:
        """The mentor in force; for a pair not yet appointed, the one its order of appointment will name."""
        now = self.unit(unit.number)
        return now.mentor if now is not None else unit.first_mentor

    def extended(self, unit: Unit) -> bool:
        """Whether the programme's extension is in force."""
        now = self.unit(unit.number)
        return (now is not None and unit.programme is not None and unit.programme.extend_to is not None
                and now.last_day == unit.programme.extend_to)


def signed_by(data: Data, number: str | None, day: dt.date) -> Order | None:
    """The register's entry of an order signed with a date no later than `day`; None otherwise."""
    order = data.order(number)
    if order is None or not order.signed or order.date is None or order.date > day:
        return None
    return order


def in_force(data: Data, day: dt.date) -> InForce:
    """Everything in force on `day`, and everything the book holds that is still pending on it (computed once per
    data and day)."""
    cache = data.derived.setdefault("in_force", {})
    if day not in cache:
        cache[day] = _in_force(data, day)
    return cache[day]


def _in_force(data: Data, day: dt.date) -> InForce:
    state = InForce(day)
    for unit in units(data):
        owner = unit.label

        def pending(change: str, since: dt.date | None, order: str | None, whose: str = owner,
                    topic: Topic = Topic.APPOINTMENT, new_mentor: str = "") -> None:
            entry = data.order(order)
            state.pending.append(Pending(unit.number, whose, change, since, order, entry is not None,
                                         entry is not None and entry.signed, entry.kind if entry else "", topic,
                                         new_mentor))

        first = unit.rows[0]
        appointed = signed_by(data, first.order, day)
        if appointed is None:
            order = data.order(first.order)
            who = _short(data.person(first.mentor), Case.GENT)
            pending(f"назначение наставника {who}", order.date if order else None, first.order)
        mentor, history = data.person(first.mentor), []
        for replacement in data.replacements_of(unit.number):
            order = signed_by(data, replacement.order, day)
            if order is not None and replacement.date <= day:
                mentor = data.person(replacement.new)
                history.append((replacement, order))
            else:
                new = _short(data.person(replacement.new))
                pending(f"наставник {new} вместо {_short(data.person(replacement.former), Case.GENT)}",
                        replacement.date, replacement.order, topic=Topic.MENTOR, new_mentor=new)
        programme, last_day, finished = unit.programme, None, False
        if programme is not None:
            whose = f"программа № {programme.number}"
            last_day = programme.end
            if programme.extend_to is not None:
                if signed_by(data, programme.extension_order, day) is not None:
                    last_day = programme.extend_to
                else:
                    pending(f"продление до {grammar.date_digits(programme.extend_to)}",
                            programme.end + dt.timedelta(days=1), programme.extension_order, whose, Topic.EXTENSION)
            if programme.finished and programme.finished_on is not None:
                if signed_by(data, programme.completion_order, day) is not None and programme.finished_on <= day:
                    finished = True
                else:
                    pending("завершение", programme.finished_on, programme.completion_order, whose, Topic.COMPLETION)
        if appointed is not None:
            state.units.append(UnitInForce(unit, appointed, mentor, tuple(history), last_day, finished))
    return state.index()


def _short(person: Person, case: Case = Case.NOMN) -> str:
    return named(person).short_in(case)


def _joined(what: str, note: str, since: dt.date | None) -> str:
    """«… — с 16.11.2026 (проект приказа № 160-ОД)»; without a date, «… (приказ не оформлен)»."""
    return f"{what} — {note}" if since else f"{what} {note}"
