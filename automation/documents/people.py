"""A person as the documents name them: full name and position in every case, short forms, the template's fields."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from automation import grammar
from automation.book.models import Person
from automation.grammar import Case


@dataclass(frozen=True)
class Named:
    """A person as the documents name them: the name and the position in every case, the short forms. Modules
    work with this; `fields` turns it into the template's Russian-keyed fields at the edge."""

    person: Person
    names: dict[Case, str]
    positions: dict[Case, str]

    def name(self, case: Case) -> str:
        return self.names[case]

    def who(self, case: Case) -> str:
        """«Мороз Ольгу Викторовну, учителя математики»."""
        return f"{self.names[case]}, {self.positions[case]}"

    @property
    def initials(self) -> str:
        return grammar.initials(self.person.first_name, self.person.middle_name)

    @property
    def short(self) -> str:
        """«Мороз О.В.»."""
        return f"{self.person.last_name} {self.initials}"

    def short_in(self, case: Case) -> str:
        """«Кузнецовой И.В.»: the surname in `case`, then the initials."""
        return f"{self._surname(case)} {self.initials}"

    def _surname(self, case: Case) -> str:
        return self.person.last_name if case is Case.NOMN else self.names[case].split(" ")[0]

    def signature(self, case: Case = Case.NOMN) -> str:
        """«О.В. Мороз»; in another case the surname declined: «О.В. Мороз», «И.П. Черных»."""
        return f"{self.initials} {self._surname(case)}"

    def fields(self) -> dict[str, Any]:
        p = self.person
        return {
            "код": p.code,
            "фио": {case.value: name for case, name in self.names.items()},
            "должность": {case.value: position for case, position in self.positions.items()},
            "фио_кратко": self.short,
            "подпись": self.signature(),
            "подпись_вп": self.signature(Case.ACCS),
            "стаж": grammar.years(p.experience) if p.experience is not None else "—",
            "категория": p.category or "—",
            "женщина": p.female,
            "молодой_специалист": bool(p.young),
        }


_NAMED: dict[int, Named] = {}
_NAMED_LIMIT = 4096
"""People whose names are declined already, by the identity of their row (a build asks for each many times: in every
document that names them). Each entry keeps its row alive, so an identity is never another row's while cached."""


def named(p: Person) -> Named:
    """The person with their name and position in every case (declined once per row)."""
    found = _NAMED.get(id(p))
    if found is not None and found.person is p:
        return found
    if len(_NAMED) >= _NAMED_LIMIT:
        _NAMED.clear()  # a watcher reads a new book each save: the old rows go
    found = _NAMED[id(p)] = _declined(p)
    return found


def _declined(p: Person) -> Named:
    overrides = {Case.GENT: p.name_gent, Case.DATV: p.name_datv, Case.ACCS: p.name_accs, Case.ABLT: p.name_ablt}
    names = {
        case: overrides.get(case) or grammar.decline_name(p.last_name, p.first_name, p.middle_name, p.female, case)
        for case in Case
    }
    place = f" ({p.workplace})" if p.workplace else ""
    positions = {case: grammar.decline_position(p.position, case) + place for case in Case}
    return Named(p, names, positions)


def person(p: Person) -> dict[str, Any]:
    """The template's fields of a person."""
    return named(p).fields()


def namesakes(people: list[Named]) -> frozenset[str]:
    """Codes of different people who share a surname and initials («Мороз И.И.» twice): a list that names both
    gives their full names instead."""
    seen: dict[str, set[str]] = {}
    for p in people:
        seen.setdefault(p.short, set()).add(p.person.code)
    return frozenset(code for codes in seen.values() if len(codes) > 1 for code in codes)


def told_apart(fields: dict[str, Any], named_: Named, twins: frozenset[str]) -> dict[str, Any]:
    """A person's template fields with the full name as the short one when they have a namesake in the list."""
    return {**fields, "фио_кратко": named_.names[Case.NOMN]} if named_.person.code in twins else fields


def signature_name(full_name: str) -> str:
    """«Сазонова Татьяна Алексеевна» → «Т.А. Сазонова»; anything else is kept as typed."""
    parts = full_name.split()
    if len(parts) in (2, 3) and all(part[:1].isupper() and "." not in part for part in parts):
        return f"{grammar.initials(parts[1], parts[2] if len(parts) == 3 else None)} {parts[0]}"
    return full_name
