"""A document to make, and the pieces of data every family of documents shares: the organisation, an order's
requisites, a pair's or group's clauses, who is responsible. Field names are the Russian ones the templates use."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from automation import grammar
from automation.book import schema
from automation.book.labour import engaged, pay_of
from automation.book.models import Data, Order, Organization, Person, Programme, key
from automation.documents.catalogue import DocumentKind, Topic
from automation.documents.in_force import InForce, Unit
from automation.documents.people import named, person, signature_name, told_apart
from automation.documents.period import Period, PeriodError
from automation.grammar import Case

DRAFT_DATE = "«___» __________ 20__ г."
BLANK = "____________"
"""Where a nomination lacks a detail: a line to fill in by hand, never «не указано» (the check warns on the row)."""
DRAFT_NUMBER = "______"


@dataclass
class Document:
    kind: DocumentKind
    file_name: str
    context: dict[str, Any]
    draft: bool = False
    frozen: bool = False
    order: str | None = None
    """An order's number as typed in the book (None for an order without one, and for other documents)."""

    @property
    def path(self) -> Path:
        return Path(self.kind.folder) / self.file_name


def clause(text: str | None, empty: str = "—") -> str:
    """Cell text for use inside a sentence: without its final full stop, a dash when blank."""
    return text.strip().rstrip(" .;") if text and text.strip() else empty


@dataclass(frozen=True)
class School:
    """The organisation as documents name it (placeholders where the book has no «Организация»). Python reads its
    attributes; `context()` gives the templates' «орг» and is never read back."""

    org: Organization | None

    @property
    def short(self) -> str:
        return self.org.short_name if self.org is not None else ""

    @property
    def legal_basis(self) -> str:
        return clause(self.org.legal_basis, schema.DEFAULT_LEGAL_BASIS) if self.org else schema.DEFAULT_LEGAL_BASIS

    @property
    def regulation(self) -> str:
        return self.org.regulation if self.org is not None else ""

    @property
    def head_position(self) -> str:
        """It starts a line wherever it stands (the signature, «УТВЕРЖДАЮ»): a capital, however the book holds it."""
        if self.org is None:
            return "Руководитель"
        return grammar.capital(self.org.head_position)

    @property
    def head_signature(self) -> str:
        return signature_name(self.org.head_name) if self.org is not None else ""

    def context(self) -> dict[str, Any]:
        """The fields every template may use, under «орг» (`fields.COMMON`)."""
        org = self.org
        head = {"должность": self.head_position, "подпись": self.head_signature, "фио": org.head_name if org else ""}
        return {"орг": {
            "полное": org.full_name if org else "Организация не указана (лист «Организация»)",
            "краткое": self.short,
            "место": org.place if org else "",
            "положение": self.regulation,
            "правовые_основания": self.legal_basis,
            "руководитель": head,
            "по_соглашению": org.by_agreement if org else True,
        }}


def requisites(order: Order | None, number: str | None) -> dict[str, Any]:
    """Date and number of an order; an order not yet dated in the register is a draft with blanks."""
    final = order is not None and order.date is not None
    date = grammar.date_digits(order.date) if final else DRAFT_DATE
    shown = order.number if final else (number or DRAFT_NUMBER)
    return {
        "проект": not final,
        "дата": date,
        "номер": shown,
        "реквизиты": f"от {date} № {shown}",
        "подписан": bool(final and order.signed),
    }


def term(programme: Programme | None, with_extension: bool = True) -> tuple[str, str]:
    if programme is None:
        return "", "—"
    words = f"с {grammar.date_words(programme.start)} по {grammar.date_words(programme.end)}"
    table = f"{grammar.date_digits(programme.start)} – {grammar.date_digits(programme.end)}"
    if programme.extend_to and with_extension:
        words += f" (продлён до {grammar.date_words(programme.extend_to)})"
        table += f" (продлён до {grammar.date_digits(programme.extend_to)})"
    return words, table


def unit_context(unit: Unit, data: Data, as_ordered: bool = False, state: InForce | None = None,
                 twins: frozenset[str] = frozenset()) -> dict[str, Any]:
    """A pair's data; `as_ordered` gives it as the order of appointment stated it: the first mentor, the first term;
    `state` as it stands in force, with what awaits an order listed as pending; `twins`, the codes of people with a
    namesake in the same list, named in full."""
    first = unit.rows[0]
    if as_ordered:
        mentor_person = unit.first_mentor
    else:
        mentor_person = state.mentor_of(unit) if state is not None else unit.mentor
    forms = [named(m) for m in unit.mentees]
    if unit.group:
        mentee_word = "наставляемых:"
    else:
        mentee_word = "наставляемую" if unit.mentees[0].female else "наставляемого"
    extended = not as_ordered and (state is None or state.extended(unit))
    words, table = term(unit.programme, with_extension=extended)
    pending = state.pending_of(unit.number) if state is not None else []
    basis = appointment_basis(data, first.consent, first.agreement)
    order = data.order(first.order)
    order_text = f"№ {order.number} от {grammar.date_digits(order.date)}" if order and order.date else schema.ORDER_DRAFT
    return {
        "номер": unit.number,
        "вид": unit.kind,
        "наставник": told_apart(person(mentor_person), named(mentor_person), twins),
        "наставляемые": [told_apart(m.fields(), m, twins) for m in forms],
        "за_ним": "ней" if mentor_person.female else "ним",
        "наставляемые_слово": mentee_word,
        "наставляемые_вп": "; ".join(m.who(Case.ACCS) for m in forms),
        "наставляемые_им": "; ".join(f"{m.names[Case.NOMN] if m.person.code in twins else m.short}, "
                                     f"{m.positions[Case.NOMN]}" for m in forms),
        "наставляемые_полностью": "; ".join(m.who(Case.NOMN) for m in forms),
        "форма": first.form,
        "взаимодействие": first.interaction,
        "направление": clause(first.direction),
        "срок": f"; срок реализации программы {words}" if words else "",
        "срок_таблица": table,
        "основание": basis,
        "доплата": _pay_point(data, unit, mentor_person) if as_ordered else "",
        "приказ": order_text,
        "ожидает": [p.line() for p in pending],
        "ожидает_наставник": [p.mentor_line() for p in pending if p.topic is Topic.MENTOR],
        "ожидает_срок": [p.line() for p in pending if p.topic in (Topic.EXTENSION, Topic.COMPLETION)],
    }


def _pay_point(data: Data, unit: Unit, mentor: Person) -> str:
    """An appointment order's sentence on the mentor's pay: the sum and the term («Установить Мороз Ольге Викторовне
    доплату за наставничество в размере 3 000 рублей в месяц с 1 сентября 2026 г. по 31 мая 2027 г.»); empty where
    the law's extra pay does not apply (job description, a partner, the head)."""
    if not engaged(data, mentor) or unit.programme is None:
        return ""
    pay = pay_of(data, unit.number)
    size = (f"в размере {pay.words()}" if pay is not None
            else "в размере, установленном дополнительным соглашением к трудовому договору")
    return (f"Установить {named(mentor).name(Case.DATV)} доплату за наставничество {size} "
            f"с {grammar.date_words(unit.programme.start)} по {grammar.date_words(unit.programme.end)}")


def appointment_basis(data: Data, consent, agreement: str | None) -> str:
    """What an appointment rests on: the mentor's written consent and additional agreement (ст. 351.8 ТК РФ), or,
    where the school's job descriptions hold mentoring, those."""
    if data.organization is not None and not data.organization.by_agreement:
        return "трудовой договор и должностная инструкция наставника"
    basis = "письменное согласие наставника" + (f" от {grammar.date_digits(consent)}" if consent else "")
    if agreement:
        basis += f", дополнительное соглашение к трудовому договору {agreement}"
    return basis


def responsible(data: Data, text: str | None) -> str:
    """Who is responsible, as a document names them: a person's code typed in the cell (one or several, split by
    «,» or «;») becomes the surname and initials; a role («наставник») stays as typed."""
    if not text or not text.strip():
        return "—"
    parts = [part.strip() for part in re.split(r"[,;]", text)]
    if all(key(part) in data.people for part in parts if part):
        return ", ".join(named(data.person(part)).short for part in parts if part)
    return text.strip()


def items(text: str | None) -> list[str]:
    """A cell holding a list, one item per line or separated by «;»."""
    return [clause(t) for t in (text or "").replace(";", "\n").splitlines() if clause(t, "")]


def signed_last_year(data: Data, day: dt.date | str | None) -> bool:
    """In a book `nastavnik new-year` carried into a new year («Книга прошлого года» named): whether a signed paper
    dated `day` (a date, or «ДД.ММ.ГГГГ» as the book gives it) belongs to the year before. It stays as it was signed in
    that year's folder of output/ and is never made again from the rows carried."""
    org = data.organization
    if org is None or not org.previous_book or not org.school_year or day is None:
        return False
    if isinstance(day, str):
        try:
            day = dt.datetime.strptime(day, "%d.%m.%Y").date()
        except ValueError:
            return False
    try:
        return day < Period.parse(org.school_year).start
    except PeriodError:
        return False
