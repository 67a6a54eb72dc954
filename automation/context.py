"""Accepted models → the data of each document; the field names are the Russian ones the templates use."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from automation import catalogue, grammar, schema
from automation.catalogue import DocumentKind
from automation.grammar import Case
from automation.models import Incentive, Order, Organization, Person, PlanItem, Programme, Replacement
from automation.models import Data, key
from automation.in_force import InForce, Unit, UnitInForce, in_force, units
from automation.people import Named, named, namesakes, person, signature_name, told_apart
from automation.problems import ERROR, Problem
from automation.rules import CHAIRED_LEVELS, missing_details

DRAFT_DATE = "«___» __________ 20__ г."
BLANK = "____________"
"""Where a nomination lacks a detail: a line to fill in by hand, never «не указано» (the check warns on the row)."""
DRAFT_NUMBER = "______"
AWARDS = (
    "почётная грамота",
    "благодарственное письмо",
    "знак отличия «За наставничество»",
    "нагрудный знак «Почётный наставник»",
    "значок «Молодость и профессионализм»",
)


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


def organization(org: Organization | None) -> dict[str, Any]:
    if org is None:
        return {"полное": "Организация не указана (лист «Организация»)", "краткое": "", "место": "",
                "положение": "", "правовые_основания": schema.DEFAULT_LEGAL_BASIS,
                "руководитель": {"должность": "Руководитель", "подпись": "", "фио": ""}}
    return {
        "полное": org.full_name,
        "краткое": org.short_name,
        "место": org.place,
        "положение": org.regulation,
        "правовые_основания": clause(org.legal_basis, schema.DEFAULT_LEGAL_BASIS),
        # It starts a line wherever it stands (the signature, «УТВЕРЖДАЮ»): a capital, however the book holds it.
        "руководитель": {"должность": org.head_position[:1].upper() + org.head_position[1:],
                         "подпись": signature_name(org.head_name),
                         "фио": org.head_name},
    }


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


def _term(programme: Programme | None, with_extension: bool = True) -> tuple[str, str]:
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
    words, table = _term(unit.programme, with_extension=extended)
    pending = state.pending_of(unit.number) if state is not None else []
    basis = f"письменное согласие наставника от {grammar.date_digits(first.consent)}"
    if first.agreement:
        basis += f", дополнительное соглашение к трудовому договору {first.agreement}"
    order = data.order(first.order)
    order_text = f"№ {order.number} от {grammar.date_digits(order.date)}" if order and order.date else "проект"
    return {
        "номер": unit.number,
        "вид": "группа" if unit.group else "пара",
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
        "приказ": order_text,
        "ожидает": [p.line() for p in pending],
        "ожидает_наставник": [p.mentor_line() for p in pending if p.topic == "mentor"],
        "ожидает_срок": [p.line() for p in pending if p.topic in ("extension", "completion")],
    }


def programmes(data: Data, common: dict[str, Any], today: dt.date) -> list[Document]:
    """Each programme as it stands in force on the day: the mentor in force, the replacements with their orders,
    and what awaits an order marked as pending."""
    kind = catalogue.PROGRAMME
    curator = data.curator()
    state = in_force(data, today)
    documents = []
    for unit in units(data):
        programme = unit.programme
        if programme is None:
            continue
        pair = unit_context(unit, data, state=state)
        now = state.unit(unit.number)
        first = unit.rows[0]
        order = data.order(first.order)
        req = requisites(order, first.order)
        approval = f"приказ {req['реквизиты']}" if not req["проект"] else DRAFT_DATE
        participants = [{"роль": "Наставник", "человек": pair["наставник"]}] + [
            {"роль": "Наставляемая" if m.female else "Наставляемый", "человек": fields}
            for m, fields in zip(unit.mentees, pair["наставляемые"], strict=True)
        ]
        plan = sorted(data.plan.get(key(programme.number), []), key=lambda item: item.due)
        words, _ = _term(programme, with_extension=state.extended(unit))
        mentees = unit.mentees
        context = {
            **common,
            "номер": programme.number,
            "вид": "группа" if unit.group else "пара",
            "утверждение": approval,
            "наставник": pair["наставник"],
            "наставляемые_кратко": ", ".join(named(m).short for m in unit.mentees),
            "участники": participants,
            "форма": pair["форма"],
            "взаимодействие": pair["взаимодействие"],
            "направление": pair["направление"],
            "срок": words if words.endswith(".") else words + ".",
            # Each continues a numbered sentence («7. Цель программы: …»): a small letter unless a name or an
            # abbreviation begins it.
            "затруднения": grammar.continuing(clause(programme.difficulties or "; ".join(
                dict.fromkeys(item for m in mentees for item in _items(m.difficulties))))),
            "сильные_стороны": grammar.continuing(clause(programme.strengths)),
            "цель": grammar.continuing(clause(programme.goal)),
            "задачи": [grammar.continuing(task) for task in _items(programme.tasks)],
            "план": [
                {"номер": index, "мероприятие": item.activity, "срок": grammar.date_digits(item.due),
                 "форма": item.form or "—", "ответственный": responsible(data, item.responsible),
                 "результат": item.result or "—", "отметка": _completion_mark(item)}
                for index, item in enumerate(plan, start=1)
            ],
            "ожидаемые_результаты": grammar.continuing(clause(programme.expected)),
            "итоги": grammar.continuing(clause(programme.results, "")),
            "замены": [_replacement_line(data, replacement, order) for replacement, order in now.replacements]
            if now is not None else [],
            "ожидает": pair["ожидает"],
            # Only where it matters, so an unchanged programme is not made again every day.
            "дата": grammar.date_digits(today) if pair["ожидает"] or (now is not None and now.replacements) else "",
            "куратор": person(curator) if curator else {"подпись": ""},
            "куратор_подписывает": curator is None or key(curator.code) not in {
                key(p["человек"]["код"]) for p in participants},
        }
        subject = state.mentor_of(unit) if unit.group else mentees[0]
        label = named(subject).short + (" (группа)" if unit.group else "")
        documents.append(Document(kind, kind.name(number=programme.number, person=label), context, draft=req["проект"]))
    return documents


def responsible(data: Data, text: str | None) -> str:
    """Who is responsible, as a document names them: a person's code typed in the cell (one or several, split by
    «,» or «;») becomes the surname and initials; a role («наставник») stays as typed."""
    if not text or not text.strip():
        return "—"
    parts = [part.strip() for part in re.split(r"[,;]", text)]
    if all(key(part) in data.people for part in parts if part):
        return ", ".join(named(data.person(part)).short for part in parts if part)
    return text.strip()


def _completion_mark(item: PlanItem) -> str:
    """«выполнено 12.10.2026», «выполнено» without a date, or nothing."""
    if not item.completed:
        return ""
    return f"выполнено {grammar.date_digits(item.done_on)}" if item.done_on else "выполнено"


def _replacement_line(data: Data, replacement: Replacement, order: Order) -> str:
    """«С 16.11.2026 наставник — Черных И.П. вместо Кузнецовой И.В. (приказ от 10.11.2026 № 160-ОД)»."""
    new, former = named(data.person(replacement.new)), named(data.person(replacement.former))
    return (f"С {grammar.date_digits(replacement.date)} наставник — {new.short} вместо {former.short_in(Case.GENT)} "
            f"(приказ от {grammar.date_digits(order.date)} № {order.number})")


def pair_lists(data: Data, common: dict[str, Any], today: dt.date) -> list[Document]:
    """Every pair and group of the book as it stands in force on the day, what awaits an order marked as pending."""
    state = in_force(data, today)
    twins = namesakes([named(p) for u in units(data) for p in (state.mentor_of(u), *u.mentees)])
    pairs = [unit_context(u, data, state=state, twins=twins) for u in units(data)]
    curator = data.curator()
    internal = {
        **common,
        "дата": grammar.date_digits(today),
        "пары": pairs,
        "ждут_приказа": state.awaiting_appointment,
        "наставников": len({p["наставник"]["код"] for p in pairs}),
        "наставляемых": len({m["код"] for p in pairs for m in p["наставляемые"]}),
        "куратор": person(curator) if curator else {"подпись": ""},
    }
    return [Document(catalogue.PAIR_LIST, catalogue.PAIR_LIST.name(), internal)]


def nominations(data: Data, common: dict[str, Any], today: dt.date) -> list[Document]:
    kind = catalogue.NOMINATION
    org = data.organization
    documents: list[Document] = []
    made: list[tuple[Incentive, Named]] = []  # the incentive and the nominee of each document
    for item in data.incentives:
        if not item.above_school:
            continue
        nominee = data.person(item.mentor)
        forms = named(nominee)
        state = in_force(data, item.date or today)
        mentoring = [_mentoring_line(now) for now in state.units if key(now.mentor.code) == key(nominee.code)]
        context = {
            **common,
            "н": forms.fields(),
            "заголовок": _nomination_title(item),
            "место_работы": nominee.workplace or (org.full_name if org else ""),
            "пол": "женский" if nominee.female else "мужской",
            "дата_рождения": grammar.date_digits(nominee.birth_date) if nominee.birth_date else BLANK,
            "образование": nominee.education or BLANK,
            "неполное": ", ".join(missing_details(nominee)),
            "награды": nominee.awards or ("не награждалась" if nominee.female else "не награждался"),
            "стаж": _experience(nominee),
            "уровень": item.level,
            "обоснование": _sentence(item.reason),
            "наставничество": mentoring,
            "протокол": clause(item.protocol, "решение педагогического совета (протокол № ___ от __________)"),
            "дата": grammar.date_digits(item.date or today),
            "адресат": (org.addressee(item.level) if org else None) or BLANK,
            "подписи": _nomination_signatures(org, item.level),
        }
        name = kind.name(person=forms.short, measure=item.measure)
        documents.append(Document(kind, name, context, draft=True))
        made.append((item, forms))
    return _distinct_nominations(documents, made)


def _nomination_signatures(org: Organization | None, level: str) -> list[dict[str, str]]:
    """The head signs every nomination; above the municipal level the chairs of the pedagogical council (the head,
    by the school's charter) and of the trade union committee sign too."""
    head = organization(org)["руководитель"]
    lines = [{"кто": head["должность"], "подпись": f"__________ {head['подпись']}"}]
    if level in CHAIRED_LEVELS:
        chair = signature_name(org.union_chair) if org is not None and org.union_chair else ""
        lines += [{"кто": "Председатель педагогического совета", "подпись": f"__________ {head['подпись']}"},
                  {"кто": "Председатель профсоюзного комитета", "подпись": f"__________ {chair}".rstrip()}]
    return lines


def _distinct_nominations(documents: list[Document], made: list[tuple[Incentive, Named]]) -> list[Document]:
    """Nominations whose names would be the same tell themselves apart: namesakes with the same initials by their
    full names, one person nominated twice for one measure by the dates («Мороз И.И. (20.11.2026)»)."""
    kind = catalogue.NOMINATION
    by_name: dict[str, list[int]] = {}
    for index, document in enumerate(documents):
        by_name.setdefault(document.file_name.casefold(), []).append(index)
    for indexes in by_name.values():
        if len(indexes) < 2:
            continue
        nominees = [key(made[i][1].person.code) for i in indexes]
        for i, code in zip(indexes, nominees, strict=True):
            item, forms = made[i]
            shown = forms.short
            if len(set(nominees)) > 1:
                shown = forms.name(Case.NOMN)
            if nominees.count(code) > 1 and item.date is not None:
                shown += f" ({grammar.date_digits(item.date)})"
            documents[i].file_name = kind.name(person=shown, measure=item.measure)
    return documents


def _items(text: str | None) -> list[str]:
    """A cell holding a list, one item per line or separated by «;»."""
    return [clause(t) for t in (text or "").replace(";", "\n").splitlines() if clause(t, "")]


def _sentence(text: str) -> str:
    text = clause(text)
    return text[:1].upper() + text[1:] + "."


def _nomination_title(item: Incentive) -> str:
    if item.measure in AWARDS:
        return f"к награждению {grammar.decline_position(item.measure, Case.ABLT)} ({item.level} уровень)"
    return f"к поощрению: {item.measure} ({item.level} уровень)"


def _experience(p: Person) -> str:
    def value(years: float | None) -> str:
        return grammar.years(years) if years is not None else BLANK

    return (f"общий — {value(p.total_experience)}, педагогический — {value(p.experience)}, "
            f"в данной организации — {value(p.local_experience)}")


def _mentoring_line(now: UnitInForce) -> str:
    """A pair or group in force for the nominee on the nomination's day, with its programme as it stands then."""
    unit = now.unit
    mentees = ", ".join(f"{named(m).short} ({m.position})" for m in unit.mentees)
    line = f"{'группа' if unit.group else 'пара'} № {unit.number}: {mentees}"
    programme = unit.programme
    if programme is not None and now.last_day is not None:
        line += (f"; программа с {grammar.date_digits(programme.start)} по {grammar.date_digits(now.last_day)}, "
                 f"цель: {clause(programme.goal)}")
        if now.finished:
            line += "; программа завершена"
        if programme.results:
            line += f"; итоги: {clause(programme.results)}"
    return line


def check_report(problems: list[Problem], common: dict[str, Any], workbook: str, today: dt.date,
                 reminders: list[str]) -> Document:
    errors = sum(1 for p in problems if p.severity == ERROR)
    context = {
        **common,
        "книга": workbook,
        "дата": grammar.date_digits(today),
        "ошибок": errors,
        "предупреждений": len(problems) - errors,
        "итог": ("Строки с ошибками не вошли в документы: исправьте их и сохраните книгу." if errors
                 else "Все документы сформированы."),
        "напоминания": reminders,
        "проблемы": [
            {"вид": "ошибка" if p.severity == ERROR else "предупреждение", "лист": p.sheet or "—",
             "строка": p.row if p.row is not None else "—", "столбец": p.column or "—", "сообщение": p.message}
            for p in problems
        ],
    }
    kind = catalogue.CHECK_REPORT
    return Document(kind, kind.name(), context)
