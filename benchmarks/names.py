"""How right the documents' cases of names are, measured on reference data nobody on the project wrote.

1. The OpenCorpora dictionary that pymorphy3-dicts-ru installs: every first name, surname and patronymic it holds as a
   lexeme of one gender, in the genitive, dative, accusative and instrumental.
2. Full names declined by an independent service (Yandex's inflect service, as NameCaseLib's tests saved them: MIT
   licence; github.com/seagullua/NameCaseLib, Tests/TestGenerator/Names/boy_full_result.txt and girl_full_result.txt,
   one name a line, «им#рп#дп#вп#тп#пп»). Give their folder with --reference; without it this part is skipped.

Forms are compared with «ё» read as «е» (the service writes «Аксена» for «Аксён»). The script prints the share of
forms on which the documents agree, and examples of the rest.

    python benchmarks/names.py [--reference FOLDER] [--examples 15]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from automation.grammar import Case, decline_name, morph  # noqa: E402

CASES = (Case.GENT, Case.DATV, Case.ACCS, Case.ABLT)
KINDS = {"Name": "имена", "Surn": "фамилии", "Patr": "отчества"}


def same(a: str, b: str) -> bool:
    return a.replace("ё", "е").replace("Ё", "Е") == b.replace("ё", "е").replace("Ё", "Е")


def declined_part(kind: str, word: str, female: bool, case: Case) -> str:
    """The part of a full name the documents print: the word in its place beside an ordinary name and patronymic."""
    if kind == "Name":
        return decline_name("Иванова" if female else "Иванов", word, None, female, case).split(" ")[1]
    if kind == "Surn":
        return decline_name(word, "Мария" if female else "Иван", None, female, case).split(" ")[0]
    return decline_name("Иванова" if female else "Иванов", "Мария" if female else "Иван", word, female,
                        case).split(" ")[2]


def dictionary_lexemes() -> list[tuple[str, str, bool, dict[Case, str]]]:
    """(kind, nominative, female, forms by case) for every one-gender name lexeme of the dictionary."""
    analyzer = morph()
    found: set[tuple[str, str, str]] = set()
    for word, tag, normal, _, index in analyzer.dictionary.iter_known_words(""):
        if index != 0 or tag.number != "sing" or tag.case != "nomn" or tag.gender not in ("masc", "femn"):
            continue
        for kind in KINDS:
            if kind in tag.grammemes:
                found.add((kind, word, tag.gender))
    lexemes = []
    for kind, word, gender in sorted(found):
        parse = next((p for p in analyzer.parse(word) if kind in p.tag.grammemes and p.tag.case == "nomn"
                      and p.tag.number == "sing" and p.tag.gender == gender and p.normal_form == word), None)
        if parse is None:
            continue
        forms = {}
        for case in CASES:
            inflected = parse.inflect({{Case.GENT: "gent", Case.DATV: "datv", Case.ACCS: "accs",
                                        Case.ABLT: "ablt"}[case], "sing"})
            if inflected is not None:
                forms[case] = inflected.word.capitalize()
        if len(forms) == len(CASES):
            lexemes.append((kind, word.capitalize(), gender == "femn", forms))
    return lexemes


def dictionary_part(examples: int) -> None:
    started = time.perf_counter()
    lexemes = dictionary_lexemes()
    totals, right, by_design = Counter(), Counter(), Counter()
    wrong: dict[str, list[str]] = defaultdict(list)
    for kind, word, female, forms in lexemes:
        for case in CASES:
            ours = declined_part(kind, word, female, case)
            totals[kind] += 1
            if same(ours, forms[case]):
                right[kind] += 1
            elif kind == "Name" and female and word.endswith("ь") and forms[case] == word:
                by_design[kind] += 1  # the dictionary keeps Гузель undeclined; the documents decline it (Гузели)
            elif len(wrong[kind]) < examples:
                wrong[kind].append(f"{word} ({'ж' if female else 'м'}, {case.value}): {ours} ≠ {forms[case]}")
    print(f"1. Словарь OpenCorpora (pymorphy3-dicts-ru), {time.perf_counter() - started:.0f} с")
    for kind, title in KINDS.items():
        share = 100 * right[kind] / totals[kind] if totals[kind] else 0.0
        print(f"   {title}: {right[kind]} из {totals[kind]} форм ({totals[kind] // len(CASES)} слов) — {share:.1f} %")
        if by_design[kind]:
            print(f"      из остальных {by_design[kind]} — женские имена на -ь, которые словарь не склоняет, а "
                  f"документы склоняют (Гузели, Гузелью); без них расходится "
                  f"{100 * (totals[kind] - right[kind] - by_design[kind]) / totals[kind]:.1f} %")
        for line in wrong[kind]:
            print(f"      {line}")


_RUSSIAN_SURNAME = ("ов", "ев", "ёв", "ин", "ын")


def service_error(surname: str, female: bool, case: Case, expected: str) -> bool:
    """A form in which the service, not the grammar, is wrong, by the rules of Russian surnames: a man's -ов/-ин
    surname in the instrumental is -ым (Державиным, not «Державином») and in the accusative is declined (Коврова,
    not «Ковров»); a woman's -ова/-ина surname declines as an adjective (Державиной, not «Державины», never left as
    it is); a woman's surname of a man's form or in a consonant does not decline (Бережной, Букирь)."""
    low, given = surname.lower().replace("ё", "е"), expected.split(" ")[0].lower().replace("ё", "е")
    if not female and low.endswith(_RUSSIAN_SURNAME):
        return (case is Case.ABLT and given == low + "ом") or (case is Case.ACCS and given == low)
    if female and low.endswith(tuple(ending + "а" for ending in _RUSSIAN_SURNAME)):
        return given != low[:-1] + {Case.GENT: "ой", Case.DATV: "ой", Case.ACCS: "у", Case.ABLT: "ой"}[case]
    if female and (low.endswith(("ой", "ый", "ий", "ь")) or low[-1] not in "аеёиоуыэюя"):
        return given != low
    if female and low.endswith("ая"):
        return given == low
    return False


def reference_part(folder: Path, examples: int) -> None:
    totals = right = theirs = 0
    wrong: list[str] = []
    for name, female in (("boy_full_result.txt", False), ("girl_full_result.txt", True)):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            forms = line.strip().split("#")
            if len(forms) < 5:
                continue
            parts = forms[0].split()
            if len(parts) != 3:
                continue
            for case, expected in zip(CASES, forms[1:5], strict=True):
                ours = decline_name(parts[0], parts[1], parts[2], female, case)
                totals += 1
                if same(ours, expected):
                    right += 1
                elif (same(ours.split(" ", 1)[1], expected.split(" ", 1)[1])
                      and service_error(parts[0], female, case, expected)):
                    theirs += 1
                elif len(wrong) < examples:
                    wrong.append(f"{forms[0]} ({case.value}): {ours} ≠ {expected}")
    print(f"2. Полные ФИО, просклонённые сервисом Яндекса (тесты NameCaseLib): {right} из {totals} форм "
          f"({totals // len(CASES)} ФИО) — {100 * right / max(totals, 1):.1f} %; ещё в {theirs} формах ошибается "
          f"сам сервис (Державином, Ковров в вин. п., Державины); без них — "
          f"{100 * right / max(totals - theirs, 1):.1f} %")
    for line in wrong:
        print(f"      {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, help="папка с boy_full_result.txt и girl_full_result.txt")
    parser.add_argument("--examples", type=int, default=15, help="сколько расхождений показать")
    args = parser.parse_args()
    if args.reference is not None:
        reference_part(args.reference, args.examples)
    else:
        print("2. Полные ФИО сервиса Яндекса: пропущено (укажите --reference ПАПКА, см. описание в начале файла)")
    dictionary_part(args.examples)


if __name__ == "__main__":
    main()
