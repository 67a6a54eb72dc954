"""Reports over the whole workbook: analytic indicators for a period, reminders, pairing suggestions, the site page."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from automation import grammar, memo
from automation.book import choices, schema
from automation.book.models import Data, Person, key
from automation.book.problems import ERROR, Problem
from automation.documents import catalogue, monitoring, year
from automation.documents.catalogue import Request
from automation.documents.charts import Chart
from automation.documents.document import Document, School, clause, unit_context
from automation.documents.in_force import Unit, UnitInForce, in_force, latest_replacement, signed_by, units
from automation.documents.people import named, person
from automation.documents.period import Period
from automation.grammar import Case, percent

DEFAULT_MAX_MENTEES = 3
ENDING_SOON_DAYS = 30
SUGGESTIONS = 3


@dataclass
class Indicators:
    """The numbers of section III.12.10–12 of the regulation for one period."""

    period: Period
    pairs: int = 0
    groups: int = 0
    by_form: dict[str, int] = field(default_factory=dict)
    by_interaction: dict[str, int] = field(default_factory=dict)
    mentors: int = 0
    mentees: int = 0
    young: int = 0
    young_mentored: int = 0
    new: int = 0
    new_mentored: int = 0
    started: int = 0
    finished_on_time: int = 0
    finished_early: dict[str, int] = field(default_factory=dict)
    extended: int = 0
    overdue: int = 0
    plan_due: int = 0
    plan_done: int = 0
    plan_on_time: int = 0
    plan_undated: int = 0
    awaiting: int = 0
    """Pairs and groups of the book that no signed order had appointed by the report's day: not counted."""
    replacements: dict[str, int] = field(default_factory=dict)
    incentives: dict[str, int] = field(default_factory=dict)
    roadmap: dict[str, int] = field(default_factory=dict)
    """The roadmap's execution (empty without a roadmap)."""
    organized: bool = False
    """The year's organising order is signed by the report's day."""
    quality: monitoring.Monitoring = field(default_factory=monitoring.Monitoring)
    """The questionnaires: who answered, the marks, the change of the self-assessment, the low marks."""


def _in_period(now: UnitInForce, period: Period) -> bool:
    programme = now.unit.programme
    return programme is None or now.last_day is None or period.overlaps(programme.start, now.last_day)


def _staff(data: Data) -> list[Person]:
    return [p for p in data.people.values() if p.workplace is None]


NOTES = {
    "сводка": "Учтены пары и группы, закреплённые приказом, подписанным не позже {day}, если их программа приходится "
              "на период; наставник — тот, кто назначен на {day} с учётом подписанных приказов о замене.{awaiting}",
    "охват": "Молодые специалисты и новые работники — педагоги школы; мероприятия — пункты планов программ, "
             "утверждённых подписанным приказом, со сроком в периоде не позже {day}; «в срок» — выполненные не позже "
             "своего срока.{undated}",
    "формы": "Пары и группы раздела 1 по их форме наставничества.",
    "взаимодействие": "Пары и группы раздела 1 по их форме взаимодействия.",
    "программы": "Программы пар и групп, закреплённых подписанным приказом; завершённые и продлённые — по подписанным "
                 "приказам о завершении и продлении; просроченные — не завершённые, срок которых (с учётом продления) "
                 "истёк до {day}.",
    "замены": "Замены наставников с датой в периоде, оформленные подписанным приказом.",
    "поощрения": "Меры поощрения с датой в периоде, оформленные подписанным приказом.",
    "дорожная_карта": "Мероприятия дорожной карты со сроком в периоде не позже {day}: срок — дата или последний день "
                      "месяца («сентябрь 2026»), «в течение года» — конец учебного года; «в срок» — выполненные не "
                      "позже своего срока.",
}
"""What each section of the report is counted from: printed under its table and in the indicators table."""


def indicators(data: Data, period: Period, today: dt.date) -> Indicators:
    """Counts for the period, from what was in force by its last day (or today, if earlier): pairs appointed by a
    signed order whose programme's term touches the period (or that have no programme yet), their mentors in force,
    programmes completed and extended by signed orders; «young» and «new» (under a year in the organisation) count
    the school's own staff."""
    result = Indicators(period=period)
    cutoff = min(today, period.end)
    state = in_force(data, cutoff)
    active = [now for now in state.units if _in_period(now, period)]
    result.awaiting = state.awaiting_appointment
    result.groups = sum(1 for now in active if now.unit.group)
    result.pairs = len(active) - result.groups
    forms = Counter(now.unit.rows[0].form for now in active)
    result.by_form = {form: forms[form] for form in schema.MENTORING_FORMS}
    interactions = Counter(now.unit.rows[0].interaction for now in active)
    result.by_interaction = {form: interactions[form] for form in schema.INTERACTION_FORMS}
    result.mentors = len({key(now.mentor.code) for now in active})
    mentored = {key(m.code) for now in active for m in now.unit.mentees}
    result.mentees = len(mentored)
    staff = _staff(data)
    young = [p for p in staff if p.young]
    new = [p for p in staff if p.local_experience is not None and p.local_experience < 1]
    result.young, result.young_mentored = len(young), sum(1 for p in young if key(p.code) in mentored)
    result.new, result.new_mentored = len(new), sum(1 for p in new if key(p.code) in mentored)
    early: Counter[str] = Counter()
    plan_ground = schema.COMPLETE_ON_PLAN.text
    for now in state.units:
        programme = now.unit.programme
        if programme is None or now.last_day is None:
            continue
        if programme.start in period:
            result.started += 1
        if now.finished and programme.finished_on and programme.finished_on in period:
            if programme.completion_ground == plan_ground:
                result.finished_on_time += 1
            else:
                early[programme.completion_ground or "основание не указано"] += 1
        if state.extended(now.unit) and period.overlaps(programme.start, now.last_day):
            result.extended += 1
        if not now.finished and now.last_day < cutoff and now.last_day >= period.start:
            result.overdue += 1
        for item in data.plan.get(key(programme.number), []):
            if period.start <= item.due <= cutoff:
                result.plan_due += 1
                result.plan_done += item.completed
                result.plan_on_time += item.on_time
                result.plan_undated += item.completed and item.done_on is None
    result.finished_early = {g.text: early[g.text] for g in schema.EARLY_COMPLETION_GROUNDS if early[g.text]}
    grounds = Counter(replacement.ground for now in state.units for replacement, _ in now.replacements
                      if replacement.date in period)
    result.replacements = {g.text: grounds[g.text] for g in (*schema.REPLACEMENT_GROUNDS,
                                                             *schema.LEGACY_REPLACEMENT_GROUNDS) if grounds[g.text]}
    measures = Counter(i.measure for i in data.incentives
                       if i.date and i.date in period and signed_by(data, i.order, cutoff) is not None)
    result.incentives = {m: measures[m] for m in schema.INCENTIVE_MEASURES if measures[m]}
    if data.roadmap:
        result.roadmap = year.roadmap_status(data, period, today)
    organizing = data.organizing_order()
    result.organized = organizing is not None and signed_by(data, organizing.number, cutoff) is not None
    result.quality = monitoring.monitoring(data, period, today)
    return result


def notes(ind: Indicators, today: dt.date) -> dict[str, str]:
    """The note under each section: what it is counted from, with the day and what was left out."""
    day = grammar.date_digits(min(today, ind.period.end))
    awaiting = (f" Пары и группы, ещё не закреплённые подписанным приказом, не учтены ({ind.awaiting})."
                if ind.awaiting else "")
    undated = (f" Мероприятия, отмеченные выполненными без даты выполнения ({ind.plan_undated}), в счёт «в срок» не "
               "вошли." if ind.plan_undated else "")
    return {section: text.format(day=day, awaiting=awaiting, undated=undated) for section, text in NOTES.items()}


def conclusion(ind: Indicators) -> list[str]:
    """A short conclusion in Russian, each sentence built from the numbers."""
    total = ind.pairs + ind.groups
    text = [f"В {ind.period.label.replace('учебный год', 'учебном году')} действовало наставнических пар: "
            f"{ind.pairs}, групп: {ind.groups}; наставников — {ind.mentors}, наставляемых — {ind.mentees}."
            if total else f"В {ind.period.label.replace('учебный год', 'учебном году')} наставнических пар не было."]
    if ind.young:
        text.append(f"Наставника имеют {ind.young_mentored} из {ind.young} молодых специалистов "
                    f"({percent(ind.young_mentored, ind.young)}).")
        if ind.young_mentored < ind.young:
            text.append("Молодым специалистам без наставника рекомендуется подобрать наставника "
                        "(см. «Предложения по парам»).")
    if ind.plan_due:
        text.append(f"Выполнено {ind.plan_done} из {ind.plan_due} мероприятий планов, срок которых наступил "
                    f"({percent(ind.plan_done, ind.plan_due)}), из них в срок — {ind.plan_on_time}.")
    if ind.overdue:
        text.append(f"Просрочено программ: {ind.overdue}; куратору следует оформить их завершение или продление.")
    if ind.roadmap.get("мероприятий, срок которых наступил"):
        done = ind.roadmap["выполнено в срок"] + ind.roadmap["выполнено с опозданием"] + ind.roadmap[
            "выполнено, дата не указана"]
        text.append(f"Дорожная карта: выполнено {done} из {ind.roadmap['мероприятий, срок которых наступил']} "
                    f"мероприятий, срок которых наступил, из них в срок — {ind.roadmap['выполнено в срок']}.")
    finished = ind.finished_on_time + sum(ind.finished_early.values())
    if finished:
        text.append(f"Завершено программ: {finished}, из них с выполнением плана в полном объёме — "
                    f"{ind.finished_on_time}.")
    return text + monitoring.conclusions(ind.quality)


def _rows(values: dict[str, int]) -> list[dict[str, Any]]:
    return [{"название": name, "число": count} for name, count in values.items()]


def analytic_context(ind: Indicators, today: dt.date, data: Data) -> dict[str, Any]:
    programmes = {"начато": ind.started, "завершено с выполнением плана": ind.finished_on_time,
                  **{f"завершено досрочно: {g}": n for g, n in ind.finished_early.items()},
                  "продлено": ind.extended, "просрочено": ind.overdue}
    return {
        "период": ind.period.label,
        "сводка": _rows({"наставнических пар": ind.pairs, "наставнических групп": ind.groups,
                          "наставников": ind.mentors, "наставляемых": ind.mentees}),
        "охват": [
            {"название": "молодые специалисты с наставником",
             "число": f"{ind.young_mentored} из {ind.young} ({percent(ind.young_mentored, ind.young)})"},
            {"название": "новые работники (стаж в организации менее года) с наставником",
             "число": f"{ind.new_mentored} из {ind.new} ({percent(ind.new_mentored, ind.new)})"},
            {"название": "мероприятия планов выполнены (срок наступил)",
             "число": f"{ind.plan_done} из {ind.plan_due} ({percent(ind.plan_done, ind.plan_due)})"},
            {"название": "из них выполнены в срок",
             "число": f"{ind.plan_on_time} из {ind.plan_due} ({percent(ind.plan_on_time, ind.plan_due)})"},
        ],
        "формы": _rows(ind.by_form),
        "взаимодействие": _rows(ind.by_interaction),
        "программы": _rows(programmes),
        "замены": _rows(ind.replacements),
        "поощрения": _rows(ind.incentives),
        "дорожная_карта": _rows(ind.roadmap),
        "мониторинг": monitoring.report_fields(data, ind.quality),
        "выводы": conclusion(ind),
        "примечания": {**notes(ind, today), "мониторинг": monitoring.note(data, today, ind.period)},
        "график_форм": Chart("Пары и группы по формам наставничества", tuple(ind.by_form), tuple(ind.by_form.values())),
        "график_программ": Chart("Программы наставничества", tuple(programmes), tuple(programmes.values())),
    }


@catalogue.makes(catalogue.ANALYTIC_REPORT, catalogue.INDICATORS)
def analytic_reports(req: Request) -> list[Document]:
    data, common, period, today = req.data, req.common, req.period, req.today
    ind = indicators(data, period, today)
    fields = analytic_context(ind, today, data)
    curator = data.curator()
    docx = {**common, **fields, "куратор": person(curator) if curator else {"подпись": ""},
            "дата": grammar.date_digits(today)}
    sections = (("Пары и группы", "сводка"), ("Охват", "охват"), ("Формы наставничества", "формы"),
                ("Формы взаимодействия", "взаимодействие"), ("Программы", "программы"),
                ("Замены наставников", "замены"), ("Поощрения", "поощрения"), ("Дорожная карта", "дорожная_карта"))
    rows = {**fields, "мониторинг": _quality_rows(ind.quality)}
    sections += (("Мониторинг качества и эффекта", "мониторинг"),)
    table = {"заголовок": f"Показатели системы наставничества: {School(data.organization).short}, {ind.period.label}",
             "строки": [[title, row["название"], row["число"], fields["примечания"][name] if index == 0 else ""]
                        for title, name in sections for index, row in enumerate(rows[name])],
             "столбцы": ["Раздел", "Показатель", "Значение", "Как считается"]}
    change = ind.quality.change_values
    if change:  # the self-assessment before and after reads better as bars than as a column of numbers
        table["диаграмма"] = {"название": "Самооценка затруднений в начале и в конце программы (средний балл)",
                              "категории": [text for text, _, _ in change],
                              "серии": [(choices.STAGE_ENTRY, [before for _, before, _ in change]),
                                        (choices.STAGE_FINAL, [after for _, _, after in change])]}
    report, sheet = catalogue.ANALYTIC_REPORT, catalogue.INDICATORS
    return [Document(report, report.name(period=ind.period.slug), docx),
            Document(sheet, sheet.name(period=ind.period.slug), table)]


def _quality_rows(quality: monitoring.Monitoring) -> list[dict[str, Any]]:
    """The monitoring's aggregates as indicator rows (no one's own answers: those stay in the report)."""
    rows = [{"название": f"ответили: {r['анкета']}, {r['этап']}",
             "число": f"должны {r['должны']}, ответили {r['ответили']}; всего анкет {r['всего']}, анонимных {r['анонимно']}"}
            for r in quality.answered]
    rows += [{"название": f"{group['анкета']}, {group['этап']}, вопрос № {r['номер']} «{r['вопрос']}»",
              "число": f"{r['среднее']}; {r['разброс']}; ответов {r['ответов']}"}
             for group in quality.means for r in group["вопросы"]]
    rows += [{"название": f"самооценка затруднений, «{r['вопрос']}»: входная → итоговая",
              "число": f"{r['входная']} → {r['итоговая']} ({r['изменение']})"} for r in quality.change]
    overall = monitoring.self_assessment_line(quality)
    if overall:
        rows.append({"название": "самооценка затруднений в целом", "число": overall})
    if quality.low or quality.anonymous_low:
        rows.append({"название": "низких оценок", "число": len(quality.low) + quality.anonymous_low})
    return rows


def _current_agreement(data: Data, unit: Unit) -> str | None:
    replacement = latest_replacement(data, unit.number)
    return replacement.agreement if replacement else unit.rows[0].agreement


def reminders(data: Data, today: dt.date) -> list[str]:
    """What the curator should see to: overdue activities, programmes ending within 30 days or past their end,
    mentors without an additional agreement."""
    lines: list[str] = []
    for unit in units(data):
        programme = unit.programme
        if programme is not None and not programme.finished:
            overdue = sorted((i for i in data.plan.get(key(programme.number), []) if i.due < today and not i.done),
                             key=lambda i: i.due)
            lines += _overdue(programme.number, overdue)
            days = (programme.last_day - today).days
            if days < 0:
                lines.append(f"Программа № {programme.number}: срок истёк {grammar.date_digits(programme.last_day)}, "
                             "а программа не завершена — оформите завершение или продление.")
            elif days <= ENDING_SOON_DAYS:
                word = grammar.plural(days, "день", "дня", "дней")
                lines.append(f"Программа № {programme.number} заканчивается {grammar.date_digits(programme.last_day)} "
                             f"(через {days} {word}): подготовьте итоги и приказ о завершении или продлении.")
        if unit.mentor.workplace is None and not _current_agreement(data, unit) and not (
                programme is not None and programme.finished):
            lines.append(f"{'Группа' if unit.group else 'Пара'} № {unit.number}: нет дополнительного соглашения к "
                         "трудовому договору наставника (ст. 351.8 ТК РФ).")
    for item, due in year.overdue_roadmap(data, today):
        lines.append(f"Дорожная карта, мероприятие № {item.number or '—'} «{item.event}» со сроком «{item.due}» "
                     f"(до {grammar.date_digits(due)}) не отмечено как выполненное.")
    return lines + monitoring.reminder_lines(data, today) + awaiting_orders(data, today)


def awaiting_orders(data: Data, today: dt.date) -> list[str]:
    """What the book holds but no signed order has put in force yet: one line per draft, in the register's order
    («Ждёт подписания приказ № 160-ОД «О замене наставника»: пара № 3 — наставник … вместо … с 16.11.2026.»),
    then the changes with no order typed, in one line."""
    by_order: dict[str, list] = {}
    unordered = []
    for item in in_force(data, today).pending:
        if item.draft:
            by_order.setdefault(item.order, []).append(item)
        elif item.order is None:
            unordered.append(item)
    lines = []
    for number, items in sorted(by_order.items(), key=lambda entry: data.register_position(entry[0])):
        changes = "; ".join(f"{p.owner} — {p.change}" + (f" с {grammar.date_digits(p.since)}" if p.since else "")
                            for p in items)
        lines.append(grammar.sentence(f"Ждёт подписания приказ № {number} «{items[0].register}»: {changes}"))
    if unordered:
        changes = "; ".join(f"{p.owner} — {p.change}" for p in unordered)
        lines.append(grammar.sentence(f"Ждут приказа, которому ещё не дан номер (проект — в папке «Приказы»): "
                                      f"{changes}"))
    return lines


OVERDUE_LISTED = 3
"""Overdue activities of one programme named one by one; more are counted, the first of them named."""


def _overdue(number: str, items: list) -> list[str]:
    if len(items) <= OVERDUE_LISTED:
        return [f"Программа № {number}: мероприятие «{item.activity}» со сроком {grammar.date_digits(item.due)} "
                "не отмечено как выполненное." for item in items]
    first = ", ".join(f"«{item.activity}» ({grammar.date_digits(item.due)})" for item in items[:OVERDUE_LISTED])
    count = len(items)
    return [f"Программа № {number}: {count} {grammar.plural(count, 'мероприятие', 'мероприятия', 'мероприятий')} "
            f"со сроком до {grammar.date_digits(items[-1].due)} не отмечены как выполненные; первые: {first}."]


_SKIPPED_POS = {"PREP", "CONJ", "PRCL", "INTJ", "NPRO"}
_WORD = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")


@memo.remembered(grammar.ANSWERS)
def lemmas(text: str | None) -> frozenset[str]:
    """The normal forms of a text's meaningful words: «подготовки к ОГЭ» → {«подготовка», «огэ»}."""
    morph = grammar.morph()
    found = set()
    for word in _WORD.findall((text or "").replace("ё", "е").replace("Ё", "Е")):
        parse = morph.parse(word.lower())[0]
        if parse.tag.POS in _SKIPPED_POS or (len(word) < 3 and not word.isupper()):
            continue
        found.add(parse.normal_form.replace("ё", "е"))
    return frozenset(found)


@dataclass
class Suggestion:
    mentor: Person
    shared: list[str]
    load: int


def suggestions(data: Data) -> list[tuple[Person, list[Suggestion]]]:
    """For every teacher of the school who needs a mentor (the list of п. 12.1: young, new, in difficulty) and has
    no active pair: up to three consenting mentors whose competences share words with the difficulties, who are not
    mentees themselves and have fewer mentees than the limit."""
    limit = data.organization.max_mentees if data.organization and data.organization.max_mentees else DEFAULT_MAX_MENTEES
    active = [u for u in units(data) if not u.programme_finished]
    busy = {key(m.code) for u in active for m in u.mentees}
    load = Counter(key(u.mentor.code) for u in active for _ in u.mentees)
    mentors = [(m, key(m.code), lemmas(m.competences)) for m in data.people.values()
               if m.mentor_consent and key(m.code) not in busy and load[key(m.code)] < limit]
    offering: dict[str, list[int]] = {}  # a word → the mentors whose competences have it (not every pair tried)
    for index, (_, _, offers) in enumerate(mentors):
        for word in offers:
            offering.setdefault(word, []).append(index)
    result = []
    for mentee, _ in year.needs_a_mentor(data):  # the list of п. 12.1: young, new, in difficulty
        code = key(mentee.code)
        if code in busy:
            continue
        needs = lemmas(mentee.difficulties)
        options = []
        for index in sorted({index for word in needs for index in offering.get(word, ())}):
            mentor, mentor_code, offers = mentors[index]
            if mentor_code != code:
                options.append(Suggestion(mentor, sorted(needs & offers), load[mentor_code]))
        options.sort(key=lambda s: (-len(s.shared), s.load, s.mentor.row))
        result.append((mentee, options[:SUGGESTIONS]))
    return result


@catalogue.makes(catalogue.SUGGESTIONS)
def suggestions_document(req: Request) -> list[Document]:
    data = req.data
    rows = []
    for mentee, options in suggestions(data):
        head = [mentee.code, named(mentee).name(Case.NOMN), mentee.position, mentee.difficulties or "не указаны"]
        if not options:
            why = ("укажите «Профессиональные затруднения», чтобы подобрать наставника" if not mentee.difficulties
                   else "подходящих наставников не найдено")
            rows.append(head + ["—", "", why, "", "", ""])
        for index, option in enumerate(options, start=1):
            rows.append(head + [index, option.mentor.code, named(option.mentor).name(Case.NOMN), option.mentor.position,
                                "совпадают слова: " + ", ".join(f"«{w}»" for w in option.shared), option.load])
    kind = catalogue.SUGGESTIONS
    context = {"заголовок": "Предложения по наставническим парам (раздел VI Положения); книга не изменяется",
               "столбцы": ["Код", "Наставляемый", "Должность", "Профессиональные затруднения", "Вариант",
                           "Код наставника", "Наставник", "Должность наставника", "Почему", "Наставляемых сейчас"],
               "строки": rows}
    return [Document(kind, kind.name(), context)]


@catalogue.makes(catalogue.PUBLIC_LIST, catalogue.SITE_PAGE)
def site_pages(req: Request) -> list[Document]:
    """Regulation VIII, as in force on the day: the current pairs appointed by a signed order, with the mentor in
    force, and the programmes completed by a signed order with their results; only people who consented to
    publication; nothing that still awaits an order."""
    data, common, today = req.data, req.common, req.today
    state = in_force(data, today)
    public, finished = [], []
    for now in state.units:
        unit = now.unit
        consenting = [m for m in unit.mentees if m.publish]
        if not now.mentor.publish or not consenting:
            continue
        shown = unit_context(replace(unit, mentees=consenting), data, state=state)
        shown.update({"ожидает": [], "ожидает_наставник": [], "ожидает_срок": []})  # never published
        programme = unit.programme
        if not now.finished:
            public.append(shown)
        elif programme is not None and len(consenting) == len(unit.mentees):
            finished.append({**shown, "цель": clause(programme.goal), "итоги": clause(programme.results),
                             "завершена": grammar.date_digits(programme.finished_on) if programme.finished_on else "—"})
    context = {**common, "дата": grammar.date_digits(today), "пары": public, "завершённые": finished}
    return [Document(catalogue.PUBLIC_LIST, catalogue.PUBLIC_LIST.name(), context),
            Document(catalogue.SITE_PAGE, catalogue.SITE_PAGE.name(), context)]


def check_report(problems: list[Problem], common: dict[str, Any], workbook: str, today: dt.date,
                 reminders: list[str]) -> Document:
    errors = sum(1 for p in problems if p.severity == ERROR)
    context = {
        **common,
        "книга": workbook,
        "дата": grammar.date_digits(today),
        "ошибок": errors,
        "предупреждений": len(problems) - errors,
        "итог": ("Строки с ошибками не вошли в документы: исправьте их и сохраните книгу." if errors
                 else "Все документы сформированы."),
        "напоминания": reminders,
        "проблемы": [
            {"вид": "ошибка" if p.severity == ERROR else "предупреждение", "лист": p.sheet or "—",
             "строка": p.row if p.row is not None else "—", "столбец": p.column or "—", "сообщение": p.message}
            for p in problems
        ],
    }
    kind = catalogue.CHECK_REPORT
    return Document(kind, kind.name(), context)
