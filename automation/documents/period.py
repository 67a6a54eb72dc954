"""A reporting period: a school year (1 September – 31 August) or two dates typed on the command line."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from automation import grammar

if TYPE_CHECKING:
    from automation.book.models import Data


class PeriodError(ValueError):
    """The period typed on the command line is not understood; the message is for the curator."""


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @classmethod
    def school_year(cls, today: dt.date) -> "Period":
        """1 September – 31 August of the school year that `today` falls in."""
        year = today.year if today.month >= 9 else today.year - 1
        return cls(dt.date(year, 9, 1), dt.date(year + 1, 8, 31))

    @classmethod
    def parse(cls, text: str) -> "Period":
        """«2025/2026» (a school year) or «01.09.2025-31.08.2026»."""
        text = text.strip().replace("–", "-").replace("—", "-")
        year = re.fullmatch(r"(\d{4})\s*/\s*(\d{4})", text)
        if year and int(year.group(2)) == int(year.group(1)) + 1:
            return cls.school_year(dt.date(int(year.group(1)), 9, 1))
        dates = re.fullmatch(r"(\d{1,2}\.\d{1,2}\.\d{4})\s*-\s*(\d{1,2}\.\d{1,2}\.\d{4})", text)
        if dates:
            try:
                start, end = (dt.datetime.strptime(d, "%d.%m.%Y").date() for d in dates.groups())
            except ValueError:
                pass
            else:
                if start <= end:
                    return cls(start, end)
        raise PeriodError(f"период «{text}» не распознан. Укажите учебный год (2025/2026) "
                          "или две даты через дефис (01.09.2025-31.08.2026).")

    @property
    def label(self) -> str:
        if self.start.day == 1 and self.start.month == 9 and self.end == dt.date(self.start.year + 1, 8, 31):
            return f"{self.start.year}/{self.end.year} учебный год"
        return f"период с {grammar.date_digits(self.start)} по {grammar.date_digits(self.end)}"

    @property
    def slug(self) -> str:
        if self.label.endswith("учебный год"):
            return f"{self.start.year}-{self.end.year}"
        return f"{grammar.date_digits(self.start)}-{grammar.date_digits(self.end)}"

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return start <= self.end and end >= self.start

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def book_year(data: Data, today: dt.date) -> Period:
    """The school year the book is kept for: «Учебный год» of «Организация», else the year `today` falls in. Its
    documents — the organising order, the report, the questionnaires — are of this year."""
    typed = data.organization.school_year if data.organization else None
    if typed:
        try:
            return Period.parse(typed)
        except PeriodError:
            pass
    return Period.school_year(today)
