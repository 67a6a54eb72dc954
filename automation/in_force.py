"""What is in force on a day. A change (a new pair, a replacement, an extension, a completion) exists from the date its
signed order names — an entry of «Приказы» with the status «подписан» and a date; until then it is pending: in the
book, awaiting its order. Documents are to be made from this (issue 13); so far it is computed and tested here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from automation import grammar
from automation.context import Unit, named, units
from automation.models import Data, Order, Person, Replacement, key


@dataclass(frozen=True)
class Pending:
    """A change in the book that no signed order has put in force by the day."""

    what: str
    since: dt.date | None
    order: str | None
    """The order's number as typed (None: none typed yet)."""
    registered: bool
    """Whether that number is in the register «Приказы»."""
    signed: bool
    """Whether that order is signed already (its date, or the change's own date, is later than the day)."""

    def note(self) -> str:
        """«с 16.11.2026 (проект приказа № 160-ОД)»: how an internal document marks it."""
        when = f"с {grammar.date_digits(self.since)} " if self.since else ""
        if self.order is None:
            return f"{when}(приказ не оформлен)"
        if not self.registered:
            return f"{when}(приказ № {self.order} не внесён в реестр «Приказы»)"
        return f"{when}({'приказ' if self.signed else 'проект приказа'} № {self.order})"


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

    def unit(self, number: str) -> UnitInForce | None:
        return next((u for u in self.units if key(u.unit.number) == key(number)), None)


def signed_by(data: Data, number: str | None, day: dt.date) -> Order | None:
    """The register's entry of an order signed with a date no later than `day`; None otherwise."""
    order = data.order(number)
    if order is None or not order.signed or order.date is None or order.date > day:
        return None
    return order


def in_force(data: Data, day: dt.date) -> InForce:
    """Everything in force on `day`, and everything the book holds that is still pending on it."""
    state = InForce(day)
    for unit in units(data):
        owner = f"{'группа' if unit.group else 'пара'} № {unit.number}"
        first = unit.rows[0]
        appointed = signed_by(data, first.order, day)
        if appointed is None:
            order = data.order(first.order)
            state.pending.append(_pending(data, f"{owner}: назначение наставника {_short(data.person(first.mentor))}",
                                          order.date if order else None, first.order))
        mentor, history = data.person(first.mentor), []
        for replacement in (r for r in data.replacements if key(r.number) == key(unit.number)):
            order = signed_by(data, replacement.order, day)
            if order is not None and replacement.date <= day:
                mentor = data.person(replacement.new)
                history.append((replacement, order))
            else:
                state.pending.append(_pending(
                    data, f"{owner}: наставник {_short(data.person(replacement.new))} вместо "
                          f"{_short(data.person(replacement.former))}", replacement.date, replacement.order))
        programme, last_day, finished = unit.programme, None, False
        if programme is not None:
            last_day = programme.end
            if programme.extend_to is not None:
                if signed_by(data, programme.extension_order, day) is not None:
                    last_day = programme.extend_to
                else:
                    state.pending.append(_pending(
                        data, f"программа № {programme.number}: продление до "
                              f"{grammar.date_digits(programme.extend_to)}",
                        programme.end + dt.timedelta(days=1), programme.extension_order))
            if programme.finished and programme.finished_on is not None:
                if signed_by(data, programme.completion_order, day) is not None and programme.finished_on <= day:
                    finished = True
                else:
                    state.pending.append(_pending(data, f"программа № {programme.number}: завершение",
                                                  programme.finished_on, programme.completion_order))
        if appointed is not None:
            state.units.append(UnitInForce(unit, appointed, mentor, tuple(history), last_day, finished))
    return state


def _pending(data: Data, what: str, since: dt.date | None, order: str | None) -> Pending:
    entry = data.order(order)
    return Pending(what, since, order, entry is not None, entry is not None and entry.signed)


def _short(person: Person) -> str:
    return named(person).short
