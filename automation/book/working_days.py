"""Working days on the Russian production calendar, for the three days' notice of ч. 3 ст. 351.8 ТК РФ: public
holidays, the days off moved by the Government's decree and the Saturdays made working days, as the `holidays`
library knows them — for the years it knew when this version was made, from our copy of its table (calendar_ru), so
that a build need not load it. For a year whose decree it does not know yet only the fixed holidays and weekends
count (the check says so)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from automation.book import calendar_ru

NOTICE_DAYS = 3
"""Working days between a written notice and the day the work ends (ч. 3 ст. 351.8 ТК РФ)."""


@lru_cache(maxsize=1)
def _calendar():
    """One calendar for every year asked of it (the library fills a year in on its first question)."""
    import holidays  # only a book with an early end in a year calendar_ru lacks loads it: 0.1 s of a cold start

    return holidays.country_holidays("RU")


def is_working(day: dt.date) -> bool:
    if day.year in calendar_ru.YEARS:
        return day not in calendar_ru.OFF and (day.weekday() < 5 or day in calendar_ru.WORKING)
    return _calendar().is_working_day(day)


def first_lawful(notice: dt.date) -> dt.date:
    """The first day the work may be ended («освободить с …») after a notice given on `notice`: the term runs from
    the next day (ст. 14 ТК РФ) and holds three working days; the work ends after the third."""
    day, counted = notice, 0
    while counted < NOTICE_DAYS:
        day += dt.timedelta(days=1)
        counted += is_working(day)
    return day + dt.timedelta(days=1)


def latest_notice(ending: dt.date) -> dt.date:
    """The last working day a notice may be given on for the work to end on `ending`."""
    day = ending - dt.timedelta(days=1)
    while first_lawful(day) > ending or not is_working(day):
        day -= dt.timedelta(days=1)
    return day


@lru_cache(maxsize=None)
def known(year: int) -> bool:
    """Whether the library has the year's decree on moved days off (a year it has none for may still get one)."""
    return year in calendar_ru.YEARS or decreed(_calendar(), year)


def decreed(calendar, year: int) -> bool:
    """Whether the `holidays` calendar given has the year's decree: a day off moved by it, or a weekend made a working
    day (scripts/make_calendar.py asks it of each year it copies)."""
    calendar.get(dt.date(year, 1, 1))  # fills the year in
    return any(day.year == year and "substituted" in name.lower() for day, name in calendar.items()) or any(
        day.year == year for day in calendar.weekend_workdays)
