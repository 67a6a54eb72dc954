"""«Список доплат за наставничество» for the accounts department: each mentor's pay as it stands in force on the day
by signed orders — the pair or group, the sum a month, from and to, the agreement and the order it rests on."""

from __future__ import annotations

from automation import grammar
from automation.book.labour import engaged, pay_of
from automation.documents import catalogue
from automation.documents.catalogue import Request
from automation.documents.document import Document, clause
from automation.documents.in_force import in_force
from automation.documents.people import named, person

NOT_SET = "не указана"
"""A pay the book does not give (the check warns on the pair's row)."""


@catalogue.makes(catalogue.PAY_LIST)
def pay_lists(req: Request) -> list[Document]:
    data, today = req.data, req.today
    org = data.organization
    if org is not None and not org.by_agreement:
        return []  # paid within the salary: nothing for the accounts department to add
    state = in_force(data, today)
    rows = []
    for now in state.units:
        unit, mentor = now.unit, now.mentor
        if now.finished or unit.programme is None or now.last_day is None or now.last_day < today:
            continue
        if not engaged(data, mentor):
            continue
        if now.replacements:
            replacement, order = now.replacements[-1]
            since, agreement = replacement.date, replacement.agreement
        else:
            since, agreement, order = unit.programme.start, unit.rows[0].agreement, now.appointed
        pay = pay_of(data, unit.number)
        rows.append({
            "наставник": f"{named(mentor).short}, {mentor.position}",
            "пара": unit.label,
            "доплата": pay.size() if pay is not None else NOT_SET,
            "с": grammar.date_digits(since),
            "по": grammar.date_digits(now.last_day),
            "соглашение": clause(agreement),
            "приказ": f"№ {order.number} от {grammar.date_digits(order.date)}" if order.date else order.number,
        })
    curator = data.curator()
    context = {
        **req.common,
        "дата": grammar.date_digits(today),
        "строки": rows,
        "куратор": person(curator) if curator else {"подпись": ""},
    }
    return [Document(catalogue.PAY_LIST, catalogue.PAY_LIST.name(), context)]
