"""«Справка о реализации системы наставничества» for the region's monitoring: each item the region asks of a school
with its requisites as the book holds them, or a plain «нет» — the website's section, the organising order, the
regulation, the roadmap, the curator's appointment, the base of mentors and mentees, the act on pay, and the orders
appointing pairs and groups with how many of each. Only what signed orders have put in force counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from automation import grammar
from automation.book import schema
from automation.book.models import Data, Order, key
from automation.documents import catalogue
from automation.documents.catalogue import Request
from automation.documents.document import Document
from automation.documents.in_force import in_force, signed_by, units
from automation.documents.people import named
from automation.documents.period import Period, book_year


def _requisites(order: Order) -> str:
    return f"приказ от {grammar.date_digits(order.date)} № {order.number}"


@catalogue.makes(catalogue.MONITORING_CERTIFICATE)
def certificates(req: Request) -> list[Document]:
    data, today = req.data, req.today
    period = book_year(data, today)
    context = {
        **req.common,
        "период": period.label,
        "дата": grammar.date_digits(today),
        "пункты": [{"номер": str(index), "что": what, "есть": text} for index, (what, text) in
                   enumerate(items(data, today), start=1)],
        "приказы": assignment_orders(data, period, today),
    }
    kind = catalogue.MONITORING_CERTIFICATE
    return [Document(kind, kind.name(period=period.slug), context)]


def items(data: Data, today: dt.date) -> list[tuple[str, str]]:
    """Each item the region asks, with its requisites or «нет» (the district's table holds them for every school)."""
    org = data.organization
    organizing = data.organizing_order()
    organized = signed_by(data, organizing.number, today) if organizing is not None else None
    curator = data.curator()
    state = in_force(data, today)
    mentors = {key(now.mentor.code) for now in state.units if not now.finished}
    mentees = {key(m.code) for now in state.units if not now.finished for m in now.unit.mentees}
    return [
        ("Раздел «Наставничество» на официальном сайте", org.site_url if org and org.site_url else schema.NO),
        ("Приказ об организации наставничества на учебный год", _requisites(organized) if organized else schema.NO),
        ("Положение о системе наставничества", f"утверждено приказом {org.regulation}" if org else schema.NO),
        ("Дорожная карта на учебный год",
         f"утверждена: {_requisites(organized)}" if organized and data.roadmap else schema.NO),
        ("Приказ о назначении куратора",
         f"{_requisites(organized)} (куратор — {named(curator).short})" if organized and curator else schema.NO),
        ("База наставников и наставляемых",
         f"список наставников и наставляемых: наставников — {len(mentors)}, наставляемых — {len(mentees)}"
         if mentors else schema.NO),
        ("Локальный акт об оплате наставничества",
         f"Положение об оплате труда {org.pay_regulation}" if org and org.pay_regulation else schema.NO),
    ]


def assignment_orders(data: Data, period: Period, today: dt.date) -> list[dict[str, Any]]:
    """Each signed order appointing pairs and groups that work in the year, with how many of each."""
    rows = []
    for order in data.orders.values():
        if order.kind != schema.ORDER_ASSIGNMENT or signed_by(data, order.number, today) is None:
            continue
        appointed = [unit for unit in units(data) if key(unit.rows[0].order or "") == key(order.number)
                     and unit.programme is not None and period.overlaps(unit.programme.start, unit.programme.last_day)
                     and not (unit.programme.finished_on and unit.programme.finished_on < period.start)]
        if not appointed:
            continue  # its pairs worked in an earlier year
        rows.append({"приказ": _requisites(order), "пар": sum(not u.group for u in appointed),
                     "групп": sum(u.group for u in appointed)})
    return rows
