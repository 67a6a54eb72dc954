"""Russian grammar for documents: cases of names and positions, initials, dates in words, number agreement."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

from pytrovich.enums import Case as PetrovichCase
from pytrovich.enums import Gender, NamePart
from pytrovich.maker import PetrovichDeclinationMaker

from automation import memo

if TYPE_CHECKING:
    import pymorphy3


class Case(Enum):
    """Grammatical cases the documents use; the value is the short Russian name templates see."""

    NOMN = "им"
    GENT = "рп"
    DATV = "дп"
    ACCS = "вп"
    ABLT = "тп"


_PETROVICH = {
    Case.GENT: PetrovichCase.GENITIVE,
    Case.DATV: PetrovichCase.DATIVE,
    Case.ACCS: PetrovichCase.ACCUSATIVE,
    Case.ABLT: PetrovichCase.INSTRUMENTAL,
}
_PYMORPHY = {Case.NOMN: "nomn", Case.GENT: "gent", Case.DATV: "datv", Case.ACCS: "accs", Case.ABLT: "ablt"}

MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)


@lru_cache(maxsize=1)
def _maker() -> PetrovichDeclinationMaker:
    return PetrovichDeclinationMaker()


@lru_cache(maxsize=1)
def morph() -> pymorphy3.MorphAnalyzer:
    """The dictionary of Russian, opened at the first word asked of it (0.1 s): the answers of the functions that ask
    it are kept between runs (`ANSWERS`), so a build of a book it has seen does not open it."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


ANSWERS = memo.Store("grammar", ("pymorphy3", "pymorphy3_dicts_ru", "pytrovich"), limit=50_000)
"""What the dictionary answered, kept between runs: positions' cases, first names' certainty, proper nouns, the
words' normal forms."""


def is_female(middle_name: str | None) -> bool | None:
    """Whether the patronymic (incl. -оглы / -кызы) is a woman's, by pytrovich's own detector; None when it does not
    tell."""
    if not middle_name or not middle_name.strip():
        return None
    gender = _detector().detect(middlename=" ".join(middle_name.split()))
    return {Gender.FEMALE: True, Gender.MALE: False}.get(gender)


@lru_cache(maxsize=1)
def _detector():
    from pytrovich.detector import PetrovichGenderDetector

    return PetrovichGenderDetector()


@lru_cache(maxsize=4096)
def decline_name(last: str, first: str, middle: str | None, female: bool, case: Case) -> str:
    """«Иванову Марию Петровну» from «Иванова Мария Петровна» in the accusative; each part keeps the letters it was
    typed in («ИВАНОВУ»)."""
    parts = [last, first] + ([middle] if middle else [])
    if case is Case.NOMN:
        return " ".join(parts)
    declined = [_decline_part(NamePart.LASTNAME, last, female, case),
                _decline_part(NamePart.FIRSTNAME, first, female, case)]
    if middle:
        declined.append(_decline_part(NamePart.MIDDLENAME, middle, female, case))
    return " ".join(declined)


_VOWELS = "аеёиоуыэюя"
_HUSHING = "жшчщ"
_NOT_BEFORE_Y = "жшчщгкх"  # «ы» is never written after these: Ольги, Снежи
_THIRD = {Case.GENT: "и", Case.DATV: "и", Case.ABLT: "ью"}  # Гузели, Гузели, Гузелью (the accusative: Гузель)
_IA = {Case.GENT: "и", Case.DATV: "и", Case.ACCS: "ю", Case.ABLT: "ей"}  # Зульфии, Зульфии, Зульфию, Зульфией
_CONSONANT_STEM = {Case.GENT: "а", Case.DATV: "у", Case.ACCS: "а", Case.ABLT: "ом"}  # Марека, Мареку, Мареком


def _decline_part(kind: NamePart, word: str, female: bool, case: Case) -> str:
    """One part of a name: petrovich's rules, with the classes they get wrong put right, on the word in its usual
    letters; the result takes the letters of the word as typed."""
    if not word.strip():
        return word
    plain = "-".join(piece[:1].upper() + piece[1:].lower() for piece in word.split("-"))
    if kind is NamePart.FIRSTNAME:
        declined = _first_name(plain, female, case)
    else:
        declined = _maker().make(kind, Gender.FEMALE if female else Gender.MALE, _PETROVICH[case], plain)
    return _letters_of(word, declined)


def _first_name(name: str, female: bool, case: Case) -> str:
    low = name.lower()
    if not female and "-" in name:  # Жан-Поль → Жан-Поля: only the last part of a man's double name declines
        head, _, tail = name.rpartition("-")
        return f"{head}-{_first_name(tail, female, case)}"
    if len(low) > 2 and low[-1] == "а" and low[-2] in _VOWELS:  # Андреа, Франсуа: never declined
        return name
    if low.endswith("ия") and len(low) > 3:  # Зульфия, Мария: «и» in the dative too (Зульфии, not «Зульфие»)
        return name[:-1] + _IA[case]
    if female and low.endswith("ь") and len(low) > 2:  # Гузель, Айгуль, Асель: the third declension
        return name if case is Case.ACCS else name[:-1] + _THIRD[case]
    if not female and low.endswith("ек") and len(low) > 3:  # Марек, Джек: the vowel stays
        return name + _CONSONANT_STEM[case]
    declined = _maker().make(NamePart.FIRSTNAME, Gender.FEMALE if female else Gender.MALE, _PETROVICH[case], name)
    return _spelling(name, declined)


def _spelling(name: str, declined: str) -> str:
    """The spelling rules on the ending petrovich added: «и», not «ы», after ж, ш, ч, щ, г, к, х (Снежи, not
    «Снежы»); an unstressed «ей», not «ой», after ж, ш, ч, щ (Снежей)."""
    stem = 0
    while stem < min(len(name), len(declined)) and name[stem].lower() == declined[stem].lower():
        stem += 1
    if stem == 0:
        return declined
    before, ending = declined[stem - 1].lower(), declined[stem:]
    if before in _NOT_BEFORE_Y and ending.startswith("ы"):
        ending = "и" + ending[1:]
    if before in _HUSHING and ending == "ой":
        ending = "ей"
    return declined[:stem] + ending


def _letters_of(typed: str, declined: str) -> str:
    """The declined word in the letters it was typed in: each letter as the typed letter in its place, the added ending
    as the typed word's last letter (ИВАНОВА → ИВАНОВОЙ, МакДональд → МакДональда); hyphenated parts one by one."""
    typed_parts, declined_parts = typed.split("-"), declined.split("-")
    if len(typed_parts) != len(declined_parts):
        typed_parts, declined_parts = [typed], [declined]
    return "-".join(_letters_of_part(t, d) for t, d in zip(typed_parts, declined_parts, strict=True))


def _letters_of_part(typed: str, declined: str) -> str:
    if not typed:
        return declined
    out = []
    for index, letter in enumerate(declined):
        model = typed[min(index, len(typed) - 1)]
        out.append(letter.upper() if model.isupper() else letter.lower() if model.islower() else letter)
    return "".join(out)


@memo.remembered(ANSWERS)
def uncertain_first_name(first: str, female: bool) -> bool:
    """A first name the grammar cannot be sure of: not in the dictionary as a name of this gender, and of no class
    whose cases are regular (a woman's in -а/-я after a consonant or in -ь, a man's in a hard consonant or -й)."""
    low = first.strip().lower().rsplit("-", 1)[-1]
    if len(low) < 2 or not low.isalpha():
        return False
    gender = "femn" if female else "masc"
    if any("Name" in p.tag.grammemes and p.tag.gender == gender and p.tag.case == "nomn" and p.normal_form == low
           for p in morph().parse(low)):
        return False
    if female:
        return not (low[-1] in "ая" and low[-2] not in _VOWELS or low[-1] == "ь")
    return low[-1] in _VOWELS or low[-1] == "ь"


def initials(first: str, middle: str | None) -> str:
    """«Т.А.» — initials without spaces, as ГОСТ Р 7.0.97 writes them before a surname."""
    return f"{first[0]}." + (f"{middle[0]}." if middle else "")


@memo.remembered(ANSWERS)
def decline_position(phrase: str, case: Case) -> str:
    """Inflect the head noun of a position and the adjectives before it; keep the dependent tail.

    «заместитель директора по учебно-воспитательной работе» → «заместителя директора по …» (genitive).
    """
    if case is Case.NOMN or not phrase.strip():
        return phrase
    words = phrase.split(" ")
    out: list[str] = []
    for index, word in enumerate(words):
        kinds = _nominative_kinds(word)
        following = _nominative_kinds(words[index + 1]) if index + 1 < len(words) else set()
        if "ADJF" in kinds and "NOUN" in following:
            out.append(_inflect_word(word, case, "ADJF"))
        elif "NOUN" in kinds or "ADJF" in kinds:
            # The head: a noun, or a participle or adjective used as one (заведующий библиотекой, дежурная).
            head = _inflect_word(word, case, "NOUN" if "NOUN" in kinds else "ADJF")
            tail = words[index + 1:]
            if tail and _synonym(tail[0]):  # ассистент (помощник) → ассистента (помощника)
                tail = [f"({_inflect_word(tail[0][1:-1], case, 'NOUN')})"] + tail[1:]
            return " ".join(out + [head] + tail)
        else:
            break
    return phrase


def _synonym(word: str) -> bool:
    """«(помощник)»: a one-word synonym of the head in brackets, declined with it."""
    return len(word) > 2 and word[0] == "(" and word[-1] == ")" and "NOUN" in _nominative_kinds(word[1:-1])


def _nominative_kinds(word: str) -> set[str]:
    """What a word can be in the nominative singular: {"NOUN"}, {"ADJF"} or both; a hyphenated word is a noun
    when one of its parts is (педагог-психолог), and nothing when a part is not nominative."""
    parts = [{"ADJF" if p.tag.POS == "PRTF" else p.tag.POS for p in _nominative_parses(part)}
             for part in word.split("-")]
    if not all(parts):
        return set()
    if len(parts) == 1:
        return parts[0]
    return {"NOUN"} if any("NOUN" in kinds for kinds in parts) else {"ADJF"}


def _nominative_parses(word: str) -> list:
    if not word or not word.isalpha():
        return []
    return [p for p in morph().parse(word.lower())
            if p.tag.case == "nomn" and p.tag.number == "sing" and p.tag.POS in ("NOUN", "ADJF", "PRTF")]


def _inflect_word(word: str, case: Case, pos: str) -> str:
    return "-".join(_inflect_part(part, case, pos) for part in word.split("-"))


def _inflect_part(part: str, case: Case, pos: str) -> str:
    parses = _nominative_parses(part)
    parse = next((p for p in parses if (p.tag.POS == "NOUN") == (pos == "NOUN")), parses[0])
    grammemes = {_PYMORPHY[case]}
    if case is Case.ACCS and parse.tag.gender == "masc":
        # A position names a person: a man's accusative is his genitive (тьютора), whatever the dictionary's animacy.
        if parse.tag.POS == "NOUN" and part[-1:].lower() not in ("а", "я"):
            grammemes = {"gent"}
        elif parse.tag.POS != "NOUN":
            grammemes.add("anim")
    inflected = parse.inflect(grammemes)
    if inflected is None:
        return part
    word = inflected.word
    if "ё" in word and "ё" not in part.lower():
        word = word.replace("ё", "е")
    return _same_capitals(part, word)


def percent(part: int, whole: int) -> str:
    """«67 %» of a whole, rounded; «—» of nothing."""
    return f"{round(100 * part / whole)} %" if whole else "—"


def capital(text: str) -> str:
    """The text with its first letter a capital, the rest as it is («учителю физики» → «Учителю физики»)."""
    return text[:1].upper() + text[1:]


def _same_capitals(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return capital(word)
    return word


def date_words(day: dt.date) -> str:
    """«1 сентября 2026 г.» for the text of a document."""
    return f"{day.day} {MONTHS_GENITIVE[day.month - 1]} {day.year} г."


def date_digits(day: dt.date) -> str:
    """«01.09.2026» for requisites and tables."""
    return day.strftime("%d.%m.%Y")


def thousands(number: int) -> str:
    """A number with its thousands set apart by a non-breaking space, as Russian text writes it: 300 000."""
    return f"{number:,}".replace(",", "\u00a0")


def plural(number: int, one: str, few: str, many: str) -> str:
    """The noun form that agrees with a number: 1 год, 2 года, 5 лет, 11 лет, 21 год."""
    tail, tens = number % 10, number % 100
    if tail == 1 and tens != 11:
        return one
    if 2 <= tail <= 4 and not 12 <= tens <= 14:
        return few
    return many


def years(value: float) -> str:
    """«5 лет», «22 года», «1,5 года» (a fraction takes the genitive singular)."""
    if float(value).is_integer():
        whole = int(value)
        return f"{whole} {plural(whole, 'год', 'года', 'лет')}"
    return f"{value:g}".replace(".", ",") + " года"


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last_day))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def sentence(text: str) -> str:
    """A sentence ends with one full stop, also after initials («… Павлюк Н.С.»), never «..»."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Abbr", "Trad"}


DOUBLE_STOP = re.compile(r"(?<![.…])\.\.(?!\.)")
"""Two full stops where one belongs («2026 г..»): not an ellipsis «...» or «…»."""


def ended(text: str) -> str:
    """A sentence's text with its full stop: none added after one that is there already — an abbreviation's («2026
    г.», «Мороза П.И.») ends the sentence too — nor after «…», «!» or «?»."""
    stripped = text.rstrip()
    return stripped if stripped.endswith((".", "…", "!", "?")) else stripped + "."


def continuing(text: str) -> str:
    """Text the curator typed, made to continue a sentence: «Успешная адаптация» → «успешная адаптация»; a name, a
    place, an abbreviation («ОГЭ», «Мороз И.И. освоил …», «Москва») or a word in capitals keeps its letter."""
    stripped = text.strip()
    word = stripped.split(" ", 1)[0] if stripped else ""
    if len(word) < 2 or not word[0].isupper() or not word[1:].replace("-", "").islower():
        return stripped
    return stripped if _proper(word) else stripped[0].lower() + stripped[1:]


@memo.remembered(ANSWERS)
def _proper(word: str) -> bool:
    """A name, a place, an abbreviation: a word whose capital letter stays inside a sentence."""
    return any(bool(parse.tag.grammemes & _PROPER) for parse in morph().parse(word))
