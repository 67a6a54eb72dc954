"""The school year's own documents: the order that organises mentoring for the year, with the roadmap as its
appendix (п. 10.3, 11, 12.2, 12.3 and section VIII of the regulation), and the list of teachers who must be included
as mentees (п. 12.1)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from automation import grammar
from automation.book import schema
from automation.book.models import Data, Person, RoadmapItem, key
from automation.documents import catalogue
from automation.documents.catalogue import Request
from automation.documents.document import BLANK, Document, School, responsible
from automation.documents.in_force import in_force, units
from automation.documents.orders import order_documents, preamble
from automation.documents.people import Named, named
from automation.documents.period import Period, book_year
from automation.grammar import Case


@catalogue.makes(catalogue.ORGANIZING_ORDER)
def organizing_orders(req: Request) -> list[Document]:
    """«Об организации наставничества педагогических работников в 2026/2027 учебном году» with its roadmap; none
    without a roadmap (the check says the sheet is missing or empty)."""
    data, common, today = req.data, req.common, req.today
    if not data.roadmap or data.organization is None or data.year_typed_ahead() is not None:
        return []  # (a year typed ahead by hand: the check says how to start a new one; last year's order stays)
    org = data.organization
    year = book_year(data, today)
    order = data.organizing_order()
    day = order.date if order is not None and order.date is not None else today
    in_year = year.label.replace("учебный год", "учебном году")

    def body(_: list[Any]) -> tuple[dict[str, Any], list[Named]]:
        people: list[Named] = []
        points: list[str] = []
        curator = data.curator()
        if curator is not None:
            c = named(curator)
            points.append(f"Назначить куратором реализации персонализированных программ наставничества "
                          f"педагогических работников {c.who(Case.ACCS)} (пункт 11 раздела III Положения).")
            people.append(c)
        points.append(f"Утвердить дорожную карту (план мероприятий) по реализации системы наставничества "
                      f"педагогических работников в {School(org).short} на {year.label} (приложение).")
        if org.association:
            mentors = _mentors_in_force(data, day)
            members = ", ".join(f"{m.short} ({m.positions[Case.NOMN]})" for m in mentors) or BLANK
            head = data.people.get(key(org.association_head)) if org.association_head else None
            chair = named(head).who(Case.ACCS) if head is not None else BLANK
            points.append(f"Создать школьное методическое объединение наставников (подпункт 2 пункта 12 раздела III "
                          f"Положения) в составе: "
                          f"{members}. Руководителем школьного методического объединения наставников назначить "
                          f"{chair}.")
            people += mentors + ([named(head)] if head is not None else [])
        keeper = data.people.get(key(org.site_responsible)) if org.site_responsible else None
        if keeper is not None:
            r = named(keeper)
            role = "ответственной" if keeper.female else "ответственным"
            points.append(f"Назначить {role} за размещение информации о реализации системы наставничества на "
                          f"официальном сайте {School(org).short} (раздел VIII Положения) {r.who(Case.ACCS)}.")
            people.append(r)
        points.append("Куратору обеспечить выполнение мероприятий дорожной карты в установленные сроки, не реже "
                      "одного раза в год обновлять список педагогов, которых необходимо включить в наставническую "
                      "деятельность в качестве наставляемых (подпункт 1 пункта 12 раздела III Положения).")
        points.append("Контроль за исполнением настоящего приказа оставляю за собой.")
        numbered = [f"{index}. {point}" for index, point in enumerate(points, start=1)]
        fields = {"преамбула": preamble(School(org), "пункты 10–12 раздела III"), "пункты": numbered, "год": year.label,
                  "дорожная_карта": [_roadmap_row(data, item, index)
                                     for index, item in enumerate(data.roadmap, start=1)]}
        return fields, people

    documents = order_documents(catalogue.ORGANIZING_ORDER, [(order.number if order else None, [])], data,
                                common, body)
    for document in documents:
        document.context["приказ"]["заголовок"] = f"{schema.ORDER_ORGANIZING} в {in_year}"
    return documents


def _mentors_in_force(data: Data, day: dt.date) -> list[Named]:
    """The mentors of the pairs and groups in force on the day (a signed order appointed them, none finished)."""
    seen: dict[str, Named] = {}
    for unit in in_force(data, day).units:
        if not unit.finished:
            seen.setdefault(key(unit.mentor.code), named(unit.mentor))
    return sorted(seen.values(), key=lambda m: m.short)


def _roadmap_row(data: Data, item: RoadmapItem, index: int) -> dict[str, str]:
    return {"номер": item.number or str(index), "мероприятие": item.event, "срок": item.due,
            "ответственный": responsible(data, item.responsible), "результат": item.report_form or "—"}


_MONTH_STEMS = ("январ", "феврал", "март", "апрел", "ма[йя]", "июн", "июл", "август", "сентябр", "октябр", "ноябр",
                "декабр")
_MONTH_YEAR = re.compile(rf"({'|'.join(_MONTH_STEMS)})\w*\s+(\d{{4}})", re.IGNORECASE)
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def due_date(text: str, year: Period) -> dt.date | None:
    """When a roadmap item is due: a date (the last one typed), the last day of a month («сентябрь 2026», «ноябрь
    2026 – март 2027»), the year's end for «в течение года»; None for anything else."""
    dates = _DATE.findall(text)
    if dates:
        day, month, year_typed = (int(part) for part in dates[-1])
        try:
            return dt.date(year_typed, month, day)
        except ValueError:
            return None
    months = _MONTH_YEAR.findall(text)
    if months:
        stem, year_typed = months[-1]
        month = next(index for index, pattern in enumerate(_MONTH_STEMS, start=1)
                     if re.fullmatch(pattern, stem.lower()))
        following = dt.date(int(year_typed) + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    if "в течение" in text.lower():
        return year.end
    return None


def overdue_roadmap(data: Data, today: dt.date) -> list[tuple[RoadmapItem, dt.date]]:
    """Roadmap items whose term has passed without a mark of completion, with their term."""
    year = book_year(data, today)
    overdue = []
    for item in data.roadmap or []:
        due = due_date(item.due, year)
        if due is not None and due < today and not item.done and item.done_on is None:
            overdue.append((item, due))
    return overdue


def roadmap_status(data: Data, period: Period, today: dt.date) -> dict[str, int]:
    """The roadmap's execution over the period, as the analytic report counts it: items due in the period by the
    report's day, done on time or late by «Дата выполнения», not done."""
    cutoff = min(today, period.end)
    year = book_year(data, today)
    counts = {"мероприятий, срок которых наступил": 0, "выполнено в срок": 0, "выполнено с опозданием": 0,
              "выполнено, дата не указана": 0, "не выполнено": 0}
    for item in data.roadmap or []:
        due = due_date(item.due, year)
        if due is None or not period.start <= due <= cutoff:
            continue
        counts["мероприятий, срок которых наступил"] += 1
        if item.done_on is not None:
            counts["выполнено в срок" if item.done_on <= due else "выполнено с опозданием"] += 1
        elif item.done:
            counts["выполнено, дата не указана"] += 1
        else:
            counts["не выполнено"] += 1
    return counts


def needs_a_mentor(data: Data) -> list[tuple[Person, list[str]]]:
    """Who must be included as a mentee (п. 12.1): young specialists (but one who mentors others already), teachers
    new to the school (less than a year in it), those with professional difficulties typed on «Педагоги»; each with
    the reasons. The pairing suggestions are made for the same people."""
    mentoring = {key(u.first_mentor.code) for u in units(data) if not u.programme_finished}
    found = []
    for person in sorted(data.people.values(), key=lambda p: p.row):
        if person.workplace is not None:  # a social partner's employee is not the school's to include
            continue
        reasons = []
        if person.young and key(person.code) not in mentoring:
            reasons.append("молодой специалист")
        if person.local_experience is not None and person.local_experience < 1:
            reasons.append("новый педагог в организации")
        if person.difficulties:
            reasons.append(f"профессиональные затруднения: {grammar.continuing(person.difficulties)}")
        if reasons:
            found.append((person, reasons))
    return found


@catalogue.makes(catalogue.NEEDS_LIST)
def needs_lists(req: Request) -> list[Document]:
    """The list of teachers to include as mentees, each with the pair or group in force for them, if any."""
    data, common, today = req.data, req.common, req.today
    rows = []
    now = in_force(data, today)
    in_force_of = {key(m.code): u for u in now.units if not u.finished for m in u.unit.mentees}
    awaiting_of = {key(m.code): u for u in units(data)
                   if now.unit(u.number) is None and not u.programme_finished for m in u.mentees}
    for person, reasons in needs_a_mentor(data):
        p = named(person)
        current, awaiting = in_force_of.get(key(person.code)), awaiting_of.get(key(person.code))
        if current is not None:
            pair = f"{current.unit.label}, наставник {named(current.mentor).short}"
        elif awaiting is not None:
            pair = (f"{awaiting.label}, наставник {named(awaiting.first_mentor).short} — "
                    "ожидает приказа о закреплении")
        else:
            pair = NO_PAIR
        rows.append({"фио": p.name(Case.NOMN), "должность": p.positions[Case.NOMN], "основание": "; ".join(reasons),
                     "пара": pair})
    if not rows:
        return []
    curator = data.curator()
    context = {**common, "год": book_year(data, today).label, "дата": grammar.date_digits(today),
               "педагоги": rows, "без_пары": sum(1 for row in rows if row["пара"] == NO_PAIR),
               "куратор": named(curator).fields() if curator is not None else None}
    return [Document(catalogue.NEEDS_LIST, catalogue.NEEDS_LIST.name(), context)]


NO_PAIR = "нет — подобрать наставника"
