"""The Russian production calendar of the years the `holidays` library knows the decree for, as it knows them
(holidays 0.109): a build with an early end need not load the library and its 250 countries (0.1 s of a
cold start). Made by scripts/make_calendar.py; do not edit by hand."""

import datetime as dt

YEARS = range(2025, 2028)
"""The years below hold; any other is asked of the library."""
OFF = frozenset({
    dt.date(2025, 1, 1),
    dt.date(2025, 1, 2),
    dt.date(2025, 1, 3),
    dt.date(2025, 1, 6),
    dt.date(2025, 1, 7),
    dt.date(2025, 1, 8),
    dt.date(2025, 5, 1),
    dt.date(2025, 5, 2),
    dt.date(2025, 5, 8),
    dt.date(2025, 5, 9),
    dt.date(2025, 6, 12),
    dt.date(2025, 6, 13),
    dt.date(2025, 11, 3),
    dt.date(2025, 11, 4),
    dt.date(2025, 12, 31),
    dt.date(2026, 1, 1),
    dt.date(2026, 1, 2),
    dt.date(2026, 1, 5),
    dt.date(2026, 1, 6),
    dt.date(2026, 1, 7),
    dt.date(2026, 1, 8),
    dt.date(2026, 1, 9),
    dt.date(2026, 2, 23),
    dt.date(2026, 3, 9),
    dt.date(2026, 5, 1),
    dt.date(2026, 5, 11),
    dt.date(2026, 6, 12),
    dt.date(2026, 11, 4),
    dt.date(2026, 12, 31),
    dt.date(2027, 1, 1),
    dt.date(2027, 1, 4),
    dt.date(2027, 1, 5),
    dt.date(2027, 1, 6),
    dt.date(2027, 1, 7),
    dt.date(2027, 1, 8),
    dt.date(2027, 2, 22),
    dt.date(2027, 2, 23),
    dt.date(2027, 3, 8),
    dt.date(2027, 5, 3),
    dt.date(2027, 5, 10),
    dt.date(2027, 6, 14),
    dt.date(2027, 11, 4),
    dt.date(2027, 11, 5),
    dt.date(2027, 12, 31),
})
"""Weekdays that are days off: public holidays and the days off moved to them."""
WORKING = frozenset({
    dt.date(2025, 11, 1),
    dt.date(2027, 2, 20),
})
"""Saturdays and Sundays made working days."""
