"""Nominations for awards above the school (Представление к награждению): the nominee, their mentoring in force on
the nomination's day, the signatures its level needs."""

from __future__ import annotations

from automation import grammar
from automation.book import schema
from automation.book.models import Incentive, Organization, Person, key
from automation.book.rules import CHAIRED_LEVELS, missing_details
from automation.documents import catalogue
from automation.documents.catalogue import Request
from automation.documents.document import BLANK, Document, School, clause
from automation.documents.in_force import UnitInForce, in_force
from automation.documents.people import Named, named, signature_name
from automation.grammar import Case


@catalogue.makes(catalogue.NOMINATION)
def nominations(req: Request) -> list[Document]:
    data, common, today = req.data, req.common, req.today
    kind = catalogue.NOMINATION
    org = data.organization
    documents: list[Document] = []
    made: list[tuple[Incentive, Named]] = []  # the incentive and the nominee of each document
    for item in data.incentives:
        if not item.above_school:
            continue
        nominee = data.person(item.mentor)
        forms = named(nominee)
        state = in_force(data, item.date or today)
        mentoring = [_mentoring_line(now) for now in state.units if key(now.mentor.code) == key(nominee.code)]
        context = {
            **common,
            "н": forms.fields(),
            "заголовок": _nomination_title(item),
            "место_работы": nominee.workplace or (org.full_name if org else ""),
            "пол": "женский" if nominee.female else "мужской",
            "дата_рождения": grammar.date_digits(nominee.birth_date) if nominee.birth_date else BLANK,
            "образование": nominee.education or BLANK,
            "неполное": ", ".join(missing_details(nominee)),
            "награды": nominee.awards or ("не награждалась" if nominee.female else "не награждался"),
            "стаж": _experience(nominee),
            "уровень": item.level,
            "обоснование": _sentence(item.reason),
            "наставничество": mentoring,
            "протокол": clause(item.protocol, "решение педагогического совета (протокол № ___ от __________)"),
            "дата": grammar.date_digits(item.date or today),
            "адресат": (org.addressee(item.level) if org else None) or BLANK,
            "подписи": _nomination_signatures(org, item.level),
        }
        name = kind.name(person=forms.short, measure=item.measure)
        documents.append(Document(kind, name, context, draft=True))
        made.append((item, forms))
    return _distinct_nominations(documents, made)


def _nomination_signatures(org: Organization | None, level: str) -> list[dict[str, str]]:
    """The head signs every nomination; above the municipal level the chairs of the pedagogical council (the head,
    by the school's charter) and of the trade union committee sign too."""
    school = School(org)
    lines = [{"кто": school.head_position, "подпись": f"__________ {school.head_signature}"}]
    if level in CHAIRED_LEVELS:
        chair = signature_name(org.union_chair) if org is not None and org.union_chair else ""
        lines += [{"кто": "Председатель педагогического совета", "подпись": f"__________ {school.head_signature}"},
                  {"кто": "Председатель профсоюзного комитета", "подпись": f"__________ {chair}".rstrip()}]
    return lines


def _distinct_nominations(documents: list[Document], made: list[tuple[Incentive, Named]]) -> list[Document]:
    """Nominations whose names would be the same tell themselves apart: namesakes with the same initials by their
    full names, one person nominated twice for one measure by the dates («Мороз И.И. (20.11.2026)»)."""
    kind = catalogue.NOMINATION
    by_name: dict[str, list[int]] = {}
    for index, document in enumerate(documents):
        by_name.setdefault(document.file_name.casefold(), []).append(index)
    for indexes in by_name.values():
        if len(indexes) < 2:
            continue
        nominees = [key(made[i][1].person.code) for i in indexes]
        for i, code in zip(indexes, nominees, strict=True):
            item, forms = made[i]
            shown = forms.short
            if len(set(nominees)) > 1:
                shown = forms.name(Case.NOMN)
            if nominees.count(code) > 1 and item.date is not None:
                shown += f" ({grammar.date_digits(item.date)})"
            documents[i].file_name = kind.name(person=shown, measure=item.measure)
    return documents


def _sentence(text: str) -> str:
    text = clause(text)
    return grammar.capital(text) + "."


def _nomination_title(item: Incentive) -> str:
    if schema.measure(item.measure).award:
        return f"к награждению {grammar.decline_position(item.measure, Case.ABLT)} ({item.level} уровень)"
    return f"к поощрению: {item.measure} ({item.level} уровень)"


def _experience(p: Person) -> str:
    def value(years: float | None) -> str:
        return grammar.years(years) if years is not None else BLANK

    return (f"общий — {value(p.total_experience)}, педагогический — {value(p.experience)}, "
            f"в данной организации — {value(p.local_experience)}")


def _mentoring_line(now: UnitInForce) -> str:
    """A pair or group in force for the nominee on the nomination's day, with its programme as it stands then."""
    unit = now.unit
    mentees = ", ".join(f"{named(m).short} ({m.position})" for m in unit.mentees)
    line = f"{unit.label}: {mentees}"
    programme = unit.programme
    if programme is not None and now.last_day is not None:
        line += (f"; программа с {grammar.date_digits(programme.start)} по {grammar.date_digits(now.last_day)}, "
                 f"цель: {clause(programme.goal)}")
        if now.finished:
            line += "; программа завершена"
        if programme.results:
            line += f"; итоги: {clause(programme.results)}"
    return line
