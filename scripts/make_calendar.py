"""Writes automation/book/calendar_ru.py: the Russian production calendar of the years the `holidays` library
knows the Government's decree for, from 2025 (ст. 351.8 ТК РФ is in force from 1 March 2025) — the weekdays that are
days off and the Saturdays and Sundays made working days. Run after `holidays` is upgraded (a test says when):
    python scripts/make_calendar.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import holidays

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from automation.book.working_days import decreed  # noqa: E402

FIRST = 2025
TARGET = ROOT / "automation" / "book" / "calendar_ru.py"


def main() -> None:
    calendar = holidays.country_holidays("RU")
    years = []
    year = FIRST
    while decreed(calendar, year):
        years.append(year)
        year += 1
    days = [dt.date(years[0], 1, 1) + dt.timedelta(days=n)
            for n in range((dt.date(years[-1], 12, 31) - dt.date(years[0], 1, 1)).days + 1)]
    off = [day for day in days if day.weekday() < 5 and not calendar.is_working_day(day)]
    working = [day for day in days if day.weekday() >= 5 and calendar.is_working_day(day)]

    def dates(name: str, values: list[dt.date]) -> list[str]:
        return [f"{name} = frozenset({{"] + [f"    dt.date({d.year}, {d.month}, {d.day})," for d in values] + ["})"]

    lines = ['"""The Russian production calendar of the years the `holidays` library knows the decree for, as it '
             'knows them',
             f'(holidays {holidays.__version__}): a build with an early end need not load the library and its 250 '
             'countries (0.1 s of a',
             'cold start). Made by scripts/make_calendar.py; do not edit by hand."""', "",
             "import datetime as dt", "",
             f"YEARS = range({years[0]}, {years[-1] + 1})",
             '"""The years below hold; any other is asked of the library."""',
             *dates("OFF", off), '"""Weekdays that are days off: public holidays and the days off moved to them."""',
             *dates("WORKING", working), '"""Saturdays and Sundays made working days."""', ""]
    TARGET.write_text("\n".join(lines), encoding="utf-8")
    print(TARGET)


if __name__ == "__main__":
    main()
