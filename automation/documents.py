"""Every document the accepted data allow, gathered from the modules that build their data."""

from __future__ import annotations

import datetime as dt

from automation import context, orders, reports
from automation.context import Document
from automation.period import Period
from automation.models import Data


def all_documents(data: Data, today: dt.date, period: Period | None = None) -> list[Document]:
    """All documents except the check report, which is made last, with every problem of the build."""
    if data.organization is None:
        return []
    common = {"орг": context.organization(data.organization)}
    return [
        *orders.all_orders(data, common, today),
        *context.programmes(data, common, today),
        *context.pair_lists(data, common, today),
        *reports.site_pages(data, common, today),
        *context.nominations(data, common, today),
        *reports.analytic_reports(data, common, period or Period.school_year(today), today),
        reports.suggestions_document(data),
    ]
