"""A mentor's pay and a paper's requisites as curators type them: «3 000», «3000 руб.», «3 000,00 ₽» (roubles a
month), «10 %», «10 % от оклада» (a share of the salary); «№ 12 от 26.08.2026» or «от 26.08.2026 № 12»."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_PERCENT = re.compile(r"^(?P<number>[-−–]?\s*[\d\s\u00a0]+(?:[.,]\d+)?)\s*(?:%|проц\w*\.?)\s*(?:от\s+)?"
                      r"(?:(?:должностного\s+)?оклада|ставки)?\.?$", re.I)
_SUM = re.compile(r"^(?P<number>[-−–]?\s*[\d\s\u00a0]+(?:[.,]\d{1,2})?)\s*(?:₽|р\.|руб\.?|рублей|рубля|рубль)?"
                  r"(?:\s*(?:в|/)\s*мес\w*\.?)?$", re.I)
EXAMPLES = "«3 000» (рублей в месяц) или «10 %» (оклада)"


class PayProblem(ValueError):
    """A pay the book cannot be read as: the message, in Russian, for the cell."""


@dataclass(frozen=True)
class Pay:
    amount: Decimal
    percent: bool
    """A share of the salary (per cent) rather than roubles."""

    def size(self) -> str:
        """«3 000 рублей», «10 % должностного оклада»: the pay of one month."""
        if self.percent:
            return f"{_digits(self.amount)} % должностного оклада"
        roubles, kopecks = divmod(self.amount, 1)
        text = f"{_digits(roubles)} {_roubles(int(roubles))}"
        if kopecks:
            text += f" {int(kopecks * 100):02d} коп."
        return text

    def words(self) -> str:
        """As an agreement states it: «3 000 рублей в месяц», «10 % должностного оклада в месяц»."""
        return self.size() + " в месяц"


def parse(value: object) -> Pay:
    """The pay a cell holds; PayProblem when it is not one (a word, a negative sum, more than the whole salary)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(value)
    else:
        text = " ".join(str(value).replace("\u00a0", " ").split())
    percent = _PERCENT.match(text)
    found = percent or _SUM.match(text)
    if found is None:
        raise PayProblem(f"«{text}» — не сумма и не процент. Впишите доплату в месяц: {EXAMPLES}.")
    number = re.sub(r"[\s\u00a0]", "", found.group("number")).replace(",", ".").replace("−", "-").replace("–", "-")
    try:
        amount = Decimal(number)
    except InvalidOperation:
        raise PayProblem(f"«{text}» — не сумма и не процент. Впишите доплату в месяц: {EXAMPLES}.") from None
    if amount <= 0:
        raise PayProblem(f"доплата «{text}» должна быть больше нуля. Впишите её: {EXAMPLES}.")
    if percent and amount > 100:
        raise PayProblem(f"доплата «{text}» больше всего оклада. Процент — от 1 до 100.")
    return Pay(amount.normalize() if percent else amount, bool(percent))


def _digits(amount: Decimal) -> str:
    """«3 000», «12,5»: thousands parted by a no-break space, a decimal comma."""
    whole, _, fraction = f"{amount.normalize():f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u00a0")
    return grouped + ("," + fraction if fraction else "")


def _roubles(n: int) -> str:
    if n % 100 in range(11, 15):
        return "рублей"
    return {1: "рубль", 2: "рубля", 3: "рубля", 4: "рубля"}.get(n % 10, "рублей")


_REQUISITES = re.compile(r"№\s*(?P<number>[^\s,;]+)|от\s+(?P<date>\d{1,2}\.\d{1,2}\.\d{2,4})", re.I)


@dataclass(frozen=True)
class Requisites:
    """A paper's number and date as the book gives them (either may be missing)."""
    number: str | None
    date: str | None

    @classmethod
    def read(cls, text: str | None) -> Requisites:
        number = date = None
        for match in _REQUISITES.finditer(text or ""):
            number = number or match.group("number")
            date = date or match.group("date")
        if date is None and text and re.fullmatch(r"\s*\d{1,2}\.\d{1,2}\.\d{4}\s*", text):
            date = text.strip()
        return cls(number, date)
