"""Russian punctuation as a director reads it: what a printed paragraph must not hold, found by one function for the
documents the build makes (the tests read every one) and for a template's own text (`nastavnik templates`)."""

from __future__ import annotations

import re

from automation.grammar import DOUBLE_STOP

_SPACE_BEFORE = re.compile(r"(?<=\S) +[,.;:)»]|\( +|« +")
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
_COMMA_STOP = re.compile(r",\.|(?<=[а-яё]{2})\.,")
_SENTENCE_END = re.compile(r"(?<![.…])([\w»)]+)([.!?]) +(?=[а-яё])")
_COLON_CAPITAL = re.compile(r"(\w+): +([А-ЯЁ][а-яё]+)\b(?!(?:-[А-ЯЁ][а-яё]+)*\s+[А-ЯЁ])")
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}|[а-я])\)(?=\s)")
ABBREVIATIONS = frozenset({
    "г", "гг", "с", "им", "п", "пп", "ст", "ч", "т", "д", "др", "пр", "руб", "коп", "тыс", "млн", "ул", "см", "стр",
    "рис", "табл", "прил", "обл", "пос", "дер", "корп", "каб", "кв", "мин", "сек", "час", "чел", "ед", "экз", "доп",
})
"""Words a full stop shortens: the small letter after them does not open a sentence («1 сентября 2026 г. по …»)."""
NAMED_AFTER_COLON = frozenset({"Положение", "Положением", "Порядок", "Приказ", "Программа", "Федеральный", "Закон"})
"""Words that begin a title or a name, and so may follow a colon with their capital."""


def findings(text: str) -> list[str]:
    """What is wrong in one printed paragraph, in Russian (a paragraph may continue a heading in small letters: «к
    приказу от …», «с. Теньки»; a sentence inside it may not)."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    found = []
    for match in DOUBLE_STOP.finditer(text):
        found.append(f"две точки подряд: «{_around(text, match)}»")
    for match in _SPACE_BEFORE.finditer(text):
        found.append(f"лишний пробел у знака: «{_around(text, match)}»")
    for match in _DOUBLE_SPACE.finditer(text):
        found.append(f"два пробела подряд: «{_around(text, match)}»")
    for match in _COMMA_STOP.finditer(text):
        found.append(f"запятая и точка рядом: «{_around(text, match)}»")
    if text.count("«") != text.count("»"):
        found.append(f"кавычки «» не парные: «{_short(text)}»")
    bracketed = _ENUMERATOR.sub("", text)  # «1) изучить …», «а) …»: a list item's number, not a bracket
    if bracketed.count("(") != bracketed.count(")"):
        found.append(f"скобки не парные: «{_short(text)}»")
    for match in _SENTENCE_END.finditer(text):
        word = match.group(1)
        if match.group(2) == "." and (word.lower() in ABBREVIATIONS or len(word) == 1 or word.isupper()):
            continue  # «г. по», «И.И. мороза» cannot be, «ОД. …» is a number's tail
        found.append(f"предложение начинается со строчной буквы: «{_around(text, match, 12)}»")
    for match in _COLON_CAPITAL.finditer(text):
        if match.group(2) not in NAMED_AFTER_COLON:
            found.append(f"заглавная буква после двоеточия: «{_around(text, match)}»")
    return found


def _around(text: str, match: re.Match, width: int = 20) -> str:
    start, end = max(match.start() - width, 0), min(match.end() + width, len(text))
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
