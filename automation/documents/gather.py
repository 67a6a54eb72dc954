"""Every document the accepted data allow, gathered from the modules that build their data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from automation.book.models import Data
from automation.documents import catalogue, nominations, orders, programmes, reports, year
from automation.documents.document import Document, School
from automation.documents.period import Period


def all_documents(data: Data, today: dt.date, period: Period | None = None) -> list[Document]:
    """All documents except the check report, which is made last, with every problem of the build."""
    if data.organization is None:
        return []
    common = School(data.organization).context()
    return [
        *orders.all_orders(data, common, today),
        *year.organizing_orders(data, common, today),
        *programmes.programmes(data, common, today),
        *programmes.pair_lists(data, common, today),
        *year.needs_lists(data, common, today),
        *reports.site_pages(data, common, today),
        *nominations.nominations(data, common, today),
        *reports.analytic_reports(data, common, period or Period.school_year(today), today),
        reports.suggestions_document(data),
    ]


def awaiting_signature(documents: list[Document], data: Data, failed: list[Path]) -> list[tuple[str, Path]]:
    """What the director signs next: draft orders in the order of the register («Приказы»; unregistered drafts
    after them), then the programmes those orders approve, by number."""
    drafts = [d for d in documents if d.draft and d.path not in failed]
    orders = sorted((d for d in drafts if d.kind in catalogue.ORDERS), key=lambda d: data.register_position(d.order))
    programmes = [d for d in drafts if d.kind is catalogue.PROGRAMME]
    return [(d.path.stem, d.path) for d in [*orders, *programmes]]
