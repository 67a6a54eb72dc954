"""Each mentor's own papers under ст. 351.8 ТК РФ, per appointment (a pair or group's first mentor, a replacement's
new one): the written consent to the extra work, and the additional agreement to the employment contract that fixes
its content, term, form and pay, with the right of either side to end it early on three working days' notice.
None is made where the school's job descriptions hold mentoring («в должностных обязанностях»), nor for a mentor
from another organisation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from automation import grammar
from automation.book import working_days
from automation.book.choices import MENTOR, REPLACE_ON_MENTEE_APPLICATION
from automation.book.labour import EarlyEnd, early_ends, engaged, mentor_on, pay_of
from automation.book.models import Data, Organization, Person, Replacement, key
from automation.book.pay import Requisites
from automation.documents import catalogue
from automation.documents.catalogue import Request
from automation.documents.document import DRAFT_DATE, DRAFT_NUMBER, Document, clause, items, signed_last_year
from automation.documents.in_force import Unit, units
from automation.documents.people import named, person, signature_name
from automation.grammar import Case

PAY_BLANK = "______________ в месяц"
"""Where the book gives no pay that reads: a line to write it in by hand (the check warns on the row)."""


@dataclass(frozen=True)
class Appointment:
    """One mentor appointed to one pair or group: by the order of appointment, or by a replacement."""
    unit: Unit
    mentor: Person
    start: dt.date
    end: dt.date
    consent: dt.date | None
    agreement: str | None
    replacement: Replacement | None = None

    @property
    def label(self) -> str:
        """«пара № 1», «пара № 6, с 16.11.2026» (a replacement): which appointment a paper's name speaks of."""
        text = self.unit.label
        if self.replacement is not None:
            text += f", с {grammar.date_digits(self.start)}"
        return text


def appointments(data: Data) -> list[Appointment]:
    """Every appointment of a mentor on the school's staff that ст. 351.8 governs, pair by pair, in date order; a
    pair still waiting for its mentor's consent is one too (its consent is what the mentor signs next)."""
    found = []
    for unit in [*units(data), *_awaiting_consent(data)]:
        programme = unit.programme
        if programme is None:
            continue  # no term, no content: the check asks for the programme
        first = unit.rows[0]
        # The term as agreed on appointment: the programme's own end; an extension is agreed on by an agreement of
        # its own («о продлении»), unless the mentor comes in after the first end.
        if engaged(data, unit.first_mentor):
            found.append(Appointment(unit, unit.first_mentor, programme.start, programme.end, first.consent,
                                     first.agreement))
        for item in data.replacements_of(unit.number):
            mentor = data.person(item.new)
            end = programme.end if item.date <= programme.end else programme.last_day
            if engaged(data, mentor):
                found.append(Appointment(unit, mentor, item.date, end, item.consent, item.agreement, item))
    return found


def _awaiting_consent(data: Data) -> list[Unit]:
    """The pairs and groups whose rows wait only for the mentor's consent, gathered as units."""
    rows_of: dict[str, list] = {}
    for pair in data.awaiting_consent:
        rows_of.setdefault(key(pair.number), []).append(pair)
    found = []
    for number, rows in rows_of.items():
        if any(key(unit.number) == number for unit in units(data)):
            continue  # a group whose other rows were accepted: its consent is made with them
        mentor = data.person(rows[0].mentor)
        found.append(Unit(rows[0].number, rows, mentor, [data.person(r.mentee) for r in rows],
                          data.programmes.get(number), mentor))
    return found


@catalogue.makes(catalogue.CONSENT, catalogue.AGREEMENT)
def mentor_papers(req: Request) -> list[Document]:
    data = req.data
    head = _head(data.organization)
    documents = []
    for appointment in appointments(data):
        if signed_last_year(data, appointment.consent):
            continue  # consented and agreed last year: the papers stay in that year's folder
        context = {**req.common, **head, **_context(data, appointment)}
        short = named(appointment.mentor).short
        consent = catalogue.CONSENT
        documents.append(Document(consent, consent.name(person=short, unit=appointment.label), context,
                                  draft=appointment.consent is None))
        if appointment.consent is not None:  # the agreement rests on the consent: it comes once that is given
            documents.append(_agreement(catalogue.AGREEMENT, short, appointment.label, context))
    return documents


def _agreement(kind: catalogue.DocumentKind, person_: str, label: str, context: dict[str, Any]) -> Document:
    """An agreement whose № and date the book gives is signed: named by its number («Доп. соглашение № 14 …») and
    frozen like a signed order; without them it is a draft to sign."""
    draft = context["соглашение"]["проект"]
    number = "" if draft else f"№ {context['соглашение']['номер']} "
    return Document(kind, kind.name(number=number, person=person_, unit=label), context, draft=draft,
                    frozen=not draft)


def _context(data: Data, appointment: Appointment) -> dict[str, Any]:
    unit, mentor = appointment.unit, appointment.mentor
    programme = unit.programme
    first = unit.rows[0]
    return {
        "наставник": person(mentor),
        "вид": unit.kind,
        "номер": unit.number,
        "наставляемые_рп": _mentees(unit, Case.GENT),
        "наставляемые_дп": _mentees(unit, Case.DATV),
        "форма": first.form,
        "взаимодействие": first.interaction,
        "направление": clause(first.direction),
        "задачи": items(programme.tasks if programme else None),
        "с": grammar.date_words(appointment.start),
        "по": grammar.date_words(appointment.end),
        "доплата": _pay(data, unit),
        "замена": (f"вместо {named(data.person(appointment.replacement.former)).short_in(Case.GENT)}"
                   if appointment.replacement is not None else ""),
        "согласие": {"дата": grammar.date_digits(appointment.consent) if appointment.consent else DRAFT_DATE,
                     "дано": appointment.consent is not None},
        "соглашение": _signed(appointment.agreement),
        "договор": _contract(mentor),
    }


_MENTEE_WORDS = {Case.GENT: ("наставляемых", "наставляемой", "наставляемого"),
                 Case.DATV: ("наставляемым", "наставляемой", "наставляемому")}
"""«наставляемых» for a group, then a woman's and a man's word, in the cases the papers use."""


def _mentees(unit: Unit, case: Case) -> str:
    """«наставляемого Мороза Ильи Ильича, педагога-психолога»: whom the mentor mentors, in `case`."""
    group, female, male = _MENTEE_WORDS[case]
    word = group if unit.group else (female if unit.mentees[0].female else male)
    return f"{word} " + "; ".join(named(m).who(case) for m in unit.mentees)


def _pay(data: Data, unit: Unit) -> str:
    pay = pay_of(data, unit.number)
    return pay.words() if pay is not None else PAY_BLANK


def _signed(agreement: str | None) -> dict[str, Any]:
    """An agreement's № and date as the book gives them, blanks where it does not: a draft until both are there."""
    signed = Requisites.read(agreement)
    return {"номер": signed.number or DRAFT_NUMBER, "дата": signed.date or DRAFT_DATE,
            "проект": signed.number is None or signed.date is None}


def _contract(mentor: Person) -> dict[str, str]:
    """The employment contract an agreement amends (blanks where «Педагоги» does not give it)."""
    contract = Requisites.read(mentor.contract)
    return {"номер": contract.number or DRAFT_NUMBER, "дата": contract.date or DRAFT_DATE}


def _agreement_of(data: Data, unit: Unit, mentor: Person, by: dt.date | None = None) -> str | None:
    """The agreement that gave this mentor the work on this pair or group (by `by`, when given): their replacement's,
    or the pair's own for its first mentor."""
    replaced = [item for item in data.replacements_of(unit.number)
                if key(item.new) == key(mentor.code) and (by is None or item.date <= by)]
    return replaced[-1].agreement if replaced else unit.rows[0].agreement


def _head(org: Organization | None) -> dict[str, Any]:
    """The head as an agreement's party and a consent's addressee: «в лице директора Сазоновой Татьяны Алексеевны,
    действующей на основании Устава», «Директору … Т.А. Сазоновой»."""
    if org is None:
        return {"руководитель": {}}
    parts = org.head_name.split()
    female = grammar.is_female(parts[2] if len(parts) == 3 else None)
    if len(parts) in (2, 3):
        middle = parts[2] if len(parts) == 3 else None
        gent = grammar.decline_name(parts[0], parts[1], middle, bool(female), Case.GENT)
        datv = grammar.decline_name(parts[0], parts[1], middle, bool(female), Case.DATV)
        datv_short = f"{grammar.initials(parts[1], middle)} {datv.split()[0]}"
    else:
        gent = datv = datv_short = org.head_name
    position = org.head_position.strip()
    charter = "Устава" + (f", утверждённого {org.charter.strip()}" if org.charter and org.charter.strip() else "")
    return {"руководитель": {
        "рп": gent,
        "дп_кратко": datv_short,
        "должность_рп": grammar.decline_position(position.lower(), Case.GENT),
        "должность_дп": grammar.decline_position(position, Case.DATV),
        "действующий": "действующей" if female else "действующего",
        "подпись": signature_name(org.head_name),
        "устав": charter,
    }}


@catalogue.makes(catalogue.REFUSAL, catalogue.CANCELLATION, catalogue.TERMINATION, catalogue.MENTEE_APPLICATION)
def early_end_papers(req: Request) -> list[Document]:
    """For each early end: the mentor's notice of refusal or the employer's notice of cancellation, by the ground;
    for a pair replaced on its mentee's application, that application, ready to sign."""
    data = req.data
    head = _head(data.organization)
    by_number = {key(unit.number): unit for unit in units(data)}
    documents = []
    for end in early_ends(data):
        unit = by_number.get(key(end.number))
        if unit is None or signed_last_year(data, end.ends):
            continue  # (an end of the year before, in a carried book: its papers are in that year's folder)
        context = {**req.common, **head, **_early_end_context(data, unit, end)}
        label = unit.label
        short = named(end.mentor).short
        if not end.ground.ends_by:
            kind = catalogue.TERMINATION
            documents.append(Document(kind, kind.name(person=short, unit=label), context, draft=True))
            continue
        kind = catalogue.REFUSAL if end.ground.ends_by == MENTOR else catalogue.CANCELLATION
        documents.append(Document(kind, kind.name(person=short, unit=label), context, draft=end.notice is None))
        if end.ground is REPLACE_ON_MENTEE_APPLICATION and len(unit.mentees) == 1:
            application = catalogue.MENTEE_APPLICATION
            documents.append(Document(application, application.name(person=named(unit.mentees[0]).short, unit=label),
                                      context, draft=True))
    return documents


def _early_end_context(data: Data, unit: Unit, end: EarlyEnd) -> dict[str, Any]:
    return {
        "наставник": person(end.mentor),
        "наставляемый": person(unit.mentees[0]),
        "кому": grammar.capital(named(end.mentor).positions[Case.DATV]),
        "вид": unit.kind,
        "номер": unit.number,
        "наставляемые_рп": _mentees(unit, Case.GENT),
        "с": grammar.date_words(end.ends),
        "уведомление": grammar.date_digits(end.notice) if end.notice else DRAFT_DATE,
        "не_позднее": grammar.date_words(working_days.latest_notice(end.ends)),
        "соглашение": clause(_agreement_of(data, unit, end.mentor), ""),
        "основание": end.ground.fact(),
        "по": grammar.date_words(end.ends - dt.timedelta(days=1)),
        "договор": _contract(end.mentor),
    }


@catalogue.makes(catalogue.EXTENSION_AGREEMENT)
def extension_agreements(req: Request) -> list[Document]:
    """An extension agreed by both sides (VII.2) changes the term and the pay of the mentor's agreement: an additional
    agreement «о продлении», made from «Доп. соглашение о продлении (№, дата)»."""
    data = req.data
    head = _head(data.organization)
    documents = []
    for unit in units(data):
        programme = unit.programme
        if programme is None or programme.extend_to is None or not programme.extension_consent \
                or signed_last_year(data, Requisites.read(programme.extension_agreement).date):
            continue
        mentor = mentor_on(data, unit.number, programme.end)
        if mentor is None or not engaged(data, mentor):
            continue
        context = {
            **req.common, **head,
            "наставник": person(mentor),
            "вид": unit.kind,
            "номер": unit.number,
            "прежнее": clause(_agreement_of(data, unit, mentor, by=programme.end),
                              "о выполнении работы по наставничеству"),
            "было": grammar.date_words(programme.end),
            "до": grammar.date_words(programme.extend_to),
            "доплата": _pay(data, unit),
            "соглашение": _signed(programme.extension_agreement),
            "договор": _contract(mentor),
        }
        documents.append(_agreement(catalogue.EXTENSION_AGREEMENT, named(mentor).short, unit.label, context))
    return documents
