"""What the book's rows refer to — people by code, pairs, programmes and orders by number: an unknown reference is
a located error, one typed with Latin look-alike letters is matched and said."""

from __future__ import annotations

from automation.book import schema
from automation.book.cells import as_text
from automation.book.matching import LOOKALIKES, latin_letters
from automation.book.models import Data, SheetModel, key
from automation.book.problems import Collector
from automation.book.reader import RawBook
from automation.book.schema import Sheet

REFERENCES: dict[str, dict[str, Sheet]] = {
    schema.PAIRS.key: {"mentor": schema.PEOPLE, "mentee": schema.PEOPLE},
    schema.PROGRAMMES.key: {"number": schema.PAIRS},
    schema.PLAN.key: {"programme": schema.PROGRAMMES},
    schema.REPLACEMENTS.key: {"number": schema.PAIRS, "former": schema.PEOPLE, "new": schema.PEOPLE},
    schema.INCENTIVES.key: {"mentor": schema.PEOPLE},
}
"""The columns that name a row of another sheet, and that sheet."""


def unknown(sheet: Sheet, value: str) -> str:
    """The error for a code or number that names no row of `sheet`."""
    if sheet is schema.PEOPLE:
        return f"нет педагога с кодом «{value}» на листе «Педагоги». Впишите код из столбца «Код»."
    if sheet is schema.PAIRS:
        return f"нет пары или группы № {value} на листе «Пары». Проверьте номер."
    return f"нет программы № {value} на листе «Программы». Проверьте номер."


def references_of_failed_rows(data: Data, out: Collector) -> None:
    """The references of rows that failed their own checks, checked as those of good rows are."""
    known = {
        schema.PEOPLE.key: set(data.people),
        schema.PAIRS.key: {key(p.number) for p in data.pairs},
        schema.PROGRAMMES.key: set(data.programmes),
    }
    for sheet, row, references in out.failed:
        for column, value in references.items():
            target = REFERENCES[sheet.key][column]
            broken = out.is_broken(target, value) or (
                target is schema.PROGRAMMES and out.is_broken(schema.PAIRS, value))
            if key(value) not in known[target.key] and not broken:
                out.error(sheet, row, column, unknown(target, value))


ORDER_COLUMNS = tuple((next(s for s in schema.SHEETS if s.key == sheet), column)
                      for kind in schema.REGISTER_KINDS for sheet, column in kind.cited_in)
"""The columns that name an order of the register «Приказы» (each order kind declares its own)."""


def order_references(data: Data, book: RawBook, out: Collector) -> None:
    """Order numbers as the rows type them: a register entry no row refers to (a typo, or rows deleted since), a
    number typed with Latin look-alike letters (matched, and said). Rows are read as typed, errors or not: the order
    of a row with an error is not gone, it waits for the fix."""
    used: set[str] = set()
    for sheet, column in ORDER_COLUMNS:
        table = book.tables.get(sheet.key)
        for row in table.rows if table else []:
            if row.values.get(column) is None:
                continue
            typed = as_text(row.values[column])
            used.add(key(typed))
            order = data.order(typed)
            letters = latin_letters(typed, order.number) if order is not None else ""
            if letters:
                out.warning(sheet, row.number, column,
                            f"в номере приказа «{typed}» латинская буква {letters}, а на листе «Приказы» номер "
                            f"«{order.number}» набран кириллицей; строка учтена как «{order.number}». Наберите "
                            "номер русскими буквами.")
    for order in data.orders.values():
        mixed = _latin_among_cyrillic(order.number)
        if mixed:
            out.warning(schema.ORDERS, order.row, "number",
                        f"в номере приказа «{order.number}» латинская буква {mixed} среди русских: в документах "
                        "номер напечатан так, как набран. Наберите его русскими буквами.")
        if (key(order.number) not in used and schema.register_kind(order.kind).cited_in
                and not out.is_broken(schema.ORDERS, order.number)):
            out.warning(schema.ORDERS, order.row, "number",
                        f"на приказ № {order.number} не ссылается ни одна строка книги: проверьте номер в столбцах "
                        "«Приказ …» или удалите строку реестра.")


def _latin_among_cyrillic(text: str) -> str:
    """Latin look-alike letters in text that also has Cyrillic ones («45-OД»): «O»."""
    if not any("а" <= c.lower() <= "я" or c in "ёЁ" for c in text):
        return ""
    return ", ".join(dict.fromkeys(f"«{c}»" for c in text if c.isascii() and c.isalpha()
                                   and c.lower().translate(LOOKALIKES) != c.lower()))


def people_known(item: SheetModel, columns: tuple[str, ...], sheet: Sheet, data: Data, out: Collector) -> bool:
    """Whether every person code of the row is on «Педагоги»; an unknown one is an error, one whose row has
    errors of its own is a warning (the row waits for that fix)."""
    known = True
    for column in columns:
        code = getattr(item, column)
        if key(code) in data.people:
            lookalike_warning(code, data.people[key(code)].code, item, column, sheet, out)
            continue
        known = False
        if out.is_broken(schema.PEOPLE, code):
            out.warning(sheet, item.row, column,
                        f"строка не вошла в документы: в строке педагога «{code}» на листе «Педагоги» есть ошибки.")
        else:
            out.error(sheet, item.row, column, unknown(schema.PEOPLE, code))
    return known


def lookalike_warning(typed: str, meant: str, item: SheetModel, column: str, sheet: Sheet, out: Collector) -> None:
    letters = latin_letters(typed, meant)
    if letters:
        out.warning(sheet, item.row, column,
                    f"в коде «{typed}» латинская буква {letters}, а на листе «Педагоги» код «{meant}» набран "
                    f"кириллицей; строка учтена как «{meant}». Наберите код русскими буквами.")
