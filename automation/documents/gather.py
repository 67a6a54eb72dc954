"""Every document the accepted data allow: each kind of the catalogue made by the function declared for it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

# Each module declares the kinds it makes (`@catalogue.makes`): imported here, they are all declared.
from automation.book.models import Data
from automation.documents import (  # noqa: F401
    agreements,
    catalogue,
    certificate,
    nominations,
    orders,
    pay_list,
    programmes,
    questionnaires,
    reports,
    year,
)
from automation.documents.document import Document, School
from automation.documents.period import Period, book_year
from automation.files import title


def all_documents(data: Data, today: dt.date, period: Period | None = None) -> list[Document]:
    """All documents except those the build makes itself (the check report, with every problem of the build), kind
    by kind in the catalogue's order."""
    if data.organization is None:
        return []
    request = catalogue.Request(data, School(data.organization).context(), today, period or book_year(data, today))
    makers = dict.fromkeys(catalogue.maker(kind) for kind in catalogue.KINDS if kind not in catalogue.MADE_BY_THE_BUILD)
    return [document for maker in makers if maker is not None for document in maker(request)]


def awaiting_signature(documents: list[Document], data: Data, failed: list[Path]) -> list[tuple[str, Path]]:
    """What the director signs next: draft orders in the order of the register («Приказы»; unregistered drafts
    after them), then the programmes those orders approve, by number, then the mentors' papers still to sign
    (consents, agreements, notices, applications), kind by kind."""
    drafts = [d for d in documents if d.draft and d.path not in failed]
    by_register = sorted((d for d in drafts if d.kind in catalogue.ORDERS),
                         key=lambda d: data.register_position(d.order))
    approved = [d for d in drafts if d.kind is catalogue.PROGRAMME]
    papers = [d for kind in catalogue.MENTOR_PAPERS for d in drafts if d.kind is kind]
    return [(title(d.path), d.path) for d in [*by_register, *approved, *papers]]
