"""One cell's value in the type its column declares — dates (Excel serials, ДД.ММ.ГГГГ, ГГГГ-ММ-ДД), numbers and
sums as people type them, «да»/«нет», closed-list values — or a Russian problem pydantic reports at the cell."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from pydantic_core import PydanticCustomError

from automation.book import matching, schema
from automation.book.reader import is_formula_error
from automation.book.schema import Column, Kind

EXCEL_EPOCH = dt.date(1899, 12, 30)
FIRST_YEAR, LAST_YEAR = 1900, 2199
"""Dates a school's papers can hold; anything else in a date cell is a number typed there by mistake."""
_DATE_TEXT = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*г\.?)?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
"""A date as a program writes it in text: «2026-09-01»."""
_CURRENCY = re.compile(r"\s*(?:руб\.?|р\.|₽)$", re.IGNORECASE)
"""An amount's unit typed after it: «5000 руб.», «5 000 ₽»."""


def _problem(code: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(code, message)


def parse_date(value: Any) -> dt.date:
    """A real Excel date, an Excel serial number, or text ДД.ММ.ГГГГ (also Д.М.ГГГГ) or ГГГГ-ММ-ДД."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return _in_range(value, value)
    if isinstance(value, dt.time):
        raise _problem("date", f"«{value:%H:%M}» — время или число 0, а не дата. Введите дату в виде ДД.ММ.ГГГГ.")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A date cell formatted as a number: an Excel serial, if it is one at all (a phone number is not).
        if not math.isfinite(value) or not 1 <= value <= 2958465:
            raise _problem("date", f"«{as_text(value)}» — число, а не дата. Введите дату в виде ДД.ММ.ГГГГ, "
                                   "например 01.09.2026.")
        return _in_range(EXCEL_EPOCH + dt.timedelta(days=int(value)), value)
    match = _DATE_TEXT.match(str(value).strip())
    iso = None if match else _ISO_DATE.match(str(value).strip())
    if not match and not iso:
        raise _problem("date", f"«{value}» — не дата. Введите дату в виде ДД.ММ.ГГГГ, например 01.09.2026.")
    day, month, year = (int(part) for part in match.groups()) if match else reversed([int(p) for p in iso.groups()])
    try:
        day_typed = dt.date(year, month, day)
    except ValueError:
        raise _problem(
            "date", f"даты «{value}» не бывает. Проверьте день и месяц и введите дату в виде ДД.ММ.ГГГГ."
        ) from None
    return _in_range(day_typed, value)


def _in_range(day: dt.date, typed: Any) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        shown = day.strftime("%d.%m.") + str(day.year).zfill(4) if isinstance(typed, dt.date) else as_text(typed)
        raise _problem("date", f"«{shown}» — год {day.year} не похож на дату документа. Проверьте дату "
                               "(ДД.ММ.ГГГГ).")
    return day


def parse_number(value: Any) -> float:
    """A number a school's sheet may hold: finite and not negative (years, people, roubles)."""
    if isinstance(value, bool):
        raise _problem("number", f"«{value}» — не число. Введите число, например 12.")
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = _CURRENCY.sub("", str(value).strip()).replace(",", ".")
        text = "".join(text.split())  # thousands set apart by a space, a no-break or a thin space: «3 000»
        try:
            number = float(text)
        except ValueError:
            raise _problem("number", f"«{value}» — не число. Введите число, например 12.") from None
    if not math.isfinite(number):
        raise _problem("number", f"«{value}» — не число. Введите число, например 12.")
    if number < 0:
        raise _problem("number", f"«{as_text(value)}» — число меньше нуля. Введите число не меньше 0.")
    return number


def parse_yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = matching.normalize(str(value))
    if text in schema.YES_NO:
        return text == schema.YES
    raise _problem("yes_no", f"«{value}» — введите «да» или «нет».")


def as_text(value: Any) -> str:
    """Cell text as typed; a whole number stored as float loses its «.0»."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):  # a date typed in a text column («Срок» of the roadmap)
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def convert(column: Column, value: Any) -> Any:
    """One cell's value in the type its column declares, or a Russian problem."""
    if value is None:
        if column.required:
            raise _problem("blank", "ячейка пуста. Заполните её.")
        return None
    if is_formula_error(value):
        raise _problem("formula", f"в ячейке ошибка формулы «{value}». Исправьте формулу или впишите значение.")
    if column.kind is Kind.DATE:
        return parse_date(value)
    if column.kind is Kind.NUMBER:
        return parse_number(value)
    if column.kind is Kind.YES_NO:
        return parse_yes_no(value)
    text = as_text(value)
    if column.kind is Kind.CHOICE:
        choice = matching.find_choice(text, column.choices + column.legacy)
        if choice is None:
            allowed = "; ".join(f"«{c}»" for c in column.choices)
            raise _problem("choice", f"«{text}» нет в списке. Выберите одно из значений: {allowed}.")
        return choice
    return text
