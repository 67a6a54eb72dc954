"""How typed text is matched to the book's words: headers, sheet names and closed-list values compared in a normal
form (dashes, «ё», quotes, spaces, case), and Latin look-alike letters read as the Cyrillic ones they look like."""

from __future__ import annotations

from functools import lru_cache

_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-", "ё": "е", "Ё": "е"})
_QUOTES = str.maketrans("", "", "«»\"“”„'")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The form in which headers, sheet names and closed-list values are compared."""
    text = text.translate(_DASHES).translate(_QUOTES).lower()
    text = " ".join(text.split())
    return text.replace(" -", "-").replace("- ", "-")


def find_choice(value: str, choices: tuple[str, ...]) -> str | None:
    """The canonical closed-list value the curator meant, or None."""
    wanted = normalize(value)
    for choice in choices:
        if normalize(choice) == wanted:
            return choice
    return None


LOOKALIKES = str.maketrans("abcehkmoptxy", "авсенкмортху")
"""Latin letters a curator types on an English layout that look like Cyrillic ones («M-2» for «М-2»): compared in
lower case, so also А В Е К М Н О Р С Т Х."""


def without_latin(text: str) -> str:
    """The normalised text with Latin look-alike letters read as the Cyrillic ones they look like."""
    return normalize(text).translate(LOOKALIKES)


def find_choice_latin(value: str, choices: tuple[str, ...]) -> str | None:
    """The closed-list value meant by text typed with Latin look-alike letters («пeдагог», a Latin «e»), or None."""
    wanted = without_latin(value)
    return next((choice for choice in choices if without_latin(choice) == wanted), None)


def latin_letters(typed: str, meant: str) -> str:
    """The Latin look-alikes in `typed` where `meant` has Cyrillic letters: «M» of «M-2» against «М-2»."""
    return ", ".join(dict.fromkeys(f"«{a}»" for a, b in zip(typed, meant, strict=False)
                                   if a != b and a.isascii() and a.isalpha() and not b.isascii()))
