"""The personalised programmes (each as it stands in force on the day) and the internal list of pairs and groups."""

from __future__ import annotations

from automation import grammar
from automation.book.models import Data, Order, PlanItem, Replacement, key
from automation.documents import catalogue
from automation.documents.catalogue import Request
from automation.documents.document import (
    DRAFT_DATE,
    Document,
    clause,
    items,
    requisites,
    responsible,
    term,
    unit_context,
)
from automation.documents.in_force import in_force, units
from automation.documents.people import named, namesakes, person
from automation.grammar import Case


@catalogue.makes(catalogue.PROGRAMME)
def programmes(req: Request) -> list[Document]:
    """Each programme as it stands in force on the day: the mentor in force, the replacements with their orders,
    and what awaits an order marked as pending."""
    data, common, today = req.data, req.common, req.today
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
        words, _ = term(programme, with_extension=state.extended(unit))
        mentees = unit.mentees
        context = {
            **common,
            "номер": programme.number,
            "вид": unit.kind,
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
                dict.fromkeys(item for m in mentees for item in items(m.difficulties))))),
            "сильные_стороны": grammar.continuing(clause(programme.strengths)),
            "цель": grammar.continuing(clause(programme.goal)),
            "задачи": [grammar.continuing(task) for task in items(programme.tasks)],
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


@catalogue.makes(catalogue.PAIR_LIST)
def pair_lists(req: Request) -> list[Document]:
    """Every pair and group of the book as it stands in force on the day, what awaits an order marked as pending."""
    data, common, today = req.data, req.common, req.today
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
