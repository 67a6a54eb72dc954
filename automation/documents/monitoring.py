"""Monitoring of quality and effect (regulation III.12.9–12.11): who is due to fill which questionnaire, what was
answered, the means per question and the change between the entry and the final self-assessment, low marks.

Answers are personal data (152-ФЗ): what leaves the school (the site, the district) holds only aggregates, and an
anonymous answer is counted in them and never linked to anyone."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from automation import grammar
from automation.book import choices
from automation.book.models import Data, Person, Question, Response, key
from automation.book.survey import stages_of
from automation.documents.in_force import Unit, UnitInForce, in_force, units
from automation.documents.people import named
from automation.documents.period import Period, book_year

DEFAULT_ENTRY_DAYS = 30
DEFAULT_FINAL_DAYS = 30
ROLE_OF = {choices.QUESTIONNAIRE_MENTOR: "наставник", choices.QUESTIONNAIRE_MENTEE: "наставляемый",
           choices.QUESTIONNAIRE_SELF: "наставляемый"}
"""Who fills each questionnaire: the mentor (one per pair or group) or each mentee."""


@dataclass(frozen=True)
class Due:
    """One questionnaire a participant of a pair in force is to fill at one stage, and its window."""

    person: Person
    unit: Unit
    questionnaire: str
    stage: str
    opens: dt.date
    closes: dt.date


def _days(value: float | None, default: int) -> int:
    return int(value) if value is not None else default


def asked(data: Data, stage: str) -> list[str]:
    """The questionnaires that have questions at a stage, in the declared order."""
    present = {q.questionnaire for q in data.questions if stage in stages_of(q)}
    return [name for name in choices.QUESTIONNAIRES if name in present]


def windows(data: Data, now: UnitInForce) -> list[tuple[str, dt.date, dt.date]]:
    """When a pair's entry and final questionnaires are due: from the day its order was signed until the days the
    settings give, and from that many days before the programme's last day (or its completion) until that day."""
    organization = data.organization
    entry = _days(organization.entry_survey_days if organization else None, DEFAULT_ENTRY_DAYS)
    final = _days(organization.final_survey_days if organization else None, DEFAULT_FINAL_DAYS)
    result = [(choices.STAGE_ENTRY, now.appointed.date, now.appointed.date + dt.timedelta(days=entry))]
    programme = now.unit.programme
    if programme is not None and now.last_day is not None:
        last = programme.finished_on if now.finished and programme.finished_on else now.last_day
        result.append((choices.STAGE_FINAL, last - dt.timedelta(days=final), last))
    return result


def due(data: Data, day: dt.date) -> list[Due]:
    """The questionnaires of every pair and group in force on `day` whose window (`windows`) has opened by then."""
    at = {stage: asked(data, stage) for stage in (choices.STAGE_ENTRY, choices.STAGE_FINAL)}
    result = []
    for now in in_force(data, day).units:
        for stage, opens, closes in windows(data, now):
            if opens > day:
                continue
            result += due_of(now, at[stage], stage, opens, closes)
    return result


def due_of(now: UnitInForce, questionnaires: list[str], stage: str, opens: dt.date, closes: dt.date) -> list[Due]:
    """Each of a pair's participants who fills one of these questionnaires at the stage: its mentor in force, or each
    mentee (`ROLE_OF`)."""
    return [Due(person, now.unit, questionnaire, stage, opens, closes) for questionnaire in questionnaires
            for person in ([now.mentor] if ROLE_OF[questionnaire] == "наставник" else now.unit.mentees)]


def answered(data: Data, item: Due) -> bool:
    """Whether the participant's own (not anonymous) answer to this questionnaire and stage is in the book; a mentor
    of several pairs answers for each (an answer with no № counts for all)."""
    if "answered" not in data.derived:  # indexed once: a big school has thousands of answers and of those due
        named = [r for r in data.responses if r.respondent is not None]
        data.derived["answered"] = ({(r.respondent, r.questionnaire, r.stage) for r in named},
                                    {(r.respondent, r.questionnaire, r.stage, key(r.number) if r.number else None)
                                     for r in named})
    anyhow, by_pair = data.derived["answered"]
    place = (key(item.person.code), item.questionnaire, item.stage)
    if ROLE_OF[item.questionnaire] != "наставник":
        return place in anyhow
    return (*place, None) in by_pair or (*place, key(item.unit.number)) in by_pair


def unanswered(data: Data, day: dt.date) -> list[Due]:
    return [item for item in due(data, day) if not answered(data, item)]


@dataclass(frozen=True)
class Low:
    """A mark at or below the question's «Низкая оценка — до»."""

    response: Response
    question: Question
    mark: float


def low_marks(data: Data, responses: list[Response] | None = None) -> list[Low]:
    questions = {(q.questionnaire, int(q.number)): q for q in data.questions}
    found = []
    for response in data.responses if responses is None else responses:
        for number, given in response.answers.items():
            question = questions[(response.questionnaire, number)]
            if question.low is not None and question.numeric and given <= question.low:
                found.append(Low(response, question, given))
    return found


def decimal(value: float) -> str:
    """«8,4»: one decimal, a comma."""
    return f"{value:.1f}".replace(".", ",")


def mark(value: float) -> str:
    """A mark as typed: «4», «7»."""
    return decimal(value).removesuffix(",0")


@dataclass
class Monitoring:
    """The numbers of the report's section «Мониторинг качества и эффекта» for one period."""

    answered: list[dict[str, str]] = field(default_factory=list)
    means: list[dict[str, str]] = field(default_factory=list)
    change: list[dict[str, str]] = field(default_factory=list)
    people: list[dict[str, str]] = field(default_factory=list)
    low: list[str] = field(default_factory=list)
    anonymous_low: int = 0
    due: int = 0
    named: int = 0
    anonymous: int = 0
    entry_mean: float | None = None
    final_mean: float | None = None
    self_top: int = 5
    paired: int = 0
    """Participants with both an entry and a final self-assessment: the change is theirs."""
    change_values: list[tuple[str, float, float]] = field(default_factory=list)
    """Each self-assessment question with its entry and final means, as numbers (for the indicators' chart)."""
    satisfaction: dict[str, tuple[float, int, int]] = field(default_factory=dict)
    """Each role's mean mark over its questionnaire's numeric questions at the final stage, the scale's top and how
    many marks it is the mean of."""


def _in(response: Response, period: Period, cutoff: dt.date) -> bool:
    return response.date is None or (response.date in period and response.date <= cutoff)


def monitoring(data: Data, period: Period, today: dt.date) -> Monitoring:
    """Counted from the answers dated in the period by the report's day (or undated), and from the questionnaires
    due by then of the pairs in force."""
    cutoff = min(today, period.end)
    result = Monitoring()
    responses = [r for r in data.responses if _in(r, period, cutoff)]
    items = [i for i in due(data, cutoff) if i.closes >= period.start]
    for questionnaire in choices.QUESTIONNAIRES:
        for stage in choices.STAGES:
            expected = [i for i in items if (i.questionnaire, i.stage) == (questionnaire, stage)]
            given = [r for r in responses if (r.questionnaire, r.stage) == (questionnaire, stage)]
            if expected or given:
                done = sum(1 for i in expected if answered(data, i))
                anonymous = sum(1 for r in given if r.respondent is None)
                result.due, result.named, result.anonymous = (result.due + len(expected), result.named + done,
                                                              result.anonymous + anonymous)
                result.answered.append({
                    "анкета": questionnaire, "этап": stage, "должны": str(len(expected)),
                    "ответили": f"{done} ({grammar.percent(done, len(expected))})" if expected else "—",
                    "всего": str(len(given)), "анонимно": str(anonymous)})
            rows = _question_rows(data, questionnaire, given)
            if rows:
                result.means.append({"анкета": questionnaire, "этап": stage, "анкет": str(len(given)),
                                     "вопросы": rows})
    _self_assessment(data, responses, result)
    for questionnaire in (choices.QUESTIONNAIRE_MENTOR, choices.QUESTIONNAIRE_MENTEE):
        numeric = [q for q in data.questions if q.questionnaire == questionnaire and q.numeric]
        tops = {q.top for q in numeric}
        marks = [r.answers[int(q.number)] for r in responses for q in numeric
                 if (r.questionnaire, r.stage) == (questionnaire, choices.STAGE_FINAL) and int(q.number) in r.answers]
        if marks and len(tops) == 1:
            result.satisfaction[ROLE_OF[questionnaire]] = (statistics.fmean(marks), tops.pop(), len(marks))
    for low in low_marks(data, responses):
        if low.response.respondent is None:
            result.anonymous_low += 1
            continue
        person = data.people[low.response.respondent]
        pair = grammar.capital(_unit_label(data, low.response, person))
        response = low.response
        result.low.append(f"{pair}, {ROLE_OF[response.questionnaire]} ({response.questionnaire}, {response.stage}): "
                          f"«{low.question.text}» — {mark(low.mark)} из {low.question.top}")
    return result


def _question_rows(data: Data, questionnaire: str, given: list[Response]) -> list[dict[str, str]]:
    """Each question of a questionnaire answered with a mark or «да»/«нет» in `given`: how many answered, the mean
    and the spread."""
    rows = []
    for question in sorted((q for q in data.questions if q.questionnaire == questionnaire
                            and q.scale != choices.SCALE_TEXT), key=lambda q: q.number):
        number = int(question.number)
        marks = [r.answers[number] for r in given if number in r.answers]
        if marks:
            rows.append({"номер": str(number), "вопрос": question.text, "ответов": str(len(marks)),
                         **_summary(question, marks)})
    return rows


def _unit_label(data: Data, response: Response, person: Person) -> str:
    """The pair or group an answer is about: its № as typed, or the first the respondent belongs to."""
    if "unit_labels" not in data.derived:
        labels: dict[str, str] = {}
        for unit in units(data):
            labels.setdefault(key(unit.number), unit.label)
            for member in (unit.mentor, *unit.mentees):
                labels.setdefault(f"\0{key(member.code)}", unit.label)
        data.derived["unit_labels"] = labels
    wanted = key(response.number) if response.number is not None else f"\0{key(person.code)}"
    return data.derived["unit_labels"].get(wanted, "без пары")


def _summary(question: Question, marks: list) -> dict[str, str]:
    if question.scale == choices.SCALE_YES_NO:
        yes = sum(1 for given in marks if given)
        return {"среднее": f"да: {grammar.percent(yes, len(marks))}", "разброс": f"да {yes}, нет {len(marks) - yes}"}
    low, high = min(marks), max(marks)
    spread = "—" if len(marks) == 1 else f"все — {mark(low)}" if low == high else f"от {mark(low)} до {mark(high)}"
    return {"среднее": f"{decimal(statistics.fmean(marks))} из {question.top}", "разброс": spread}


def _self_assessment(data: Data, responses: list[Response], result: Monitoring) -> None:
    """The self-assessment's numeric questions asked at both the entry and the final stage, over the participants who
    filled both (an anonymous answer cannot be paired): each one's change, each question's means at either stage, and
    the overall means."""
    both = [q for q in data.questions if q.questionnaire == choices.QUESTIONNAIRE_SELF and q.numeric
            and {choices.STAGE_ENTRY, choices.STAGE_FINAL} <= set(stages_of(q))]
    if not both:
        return
    result.self_top = max(q.top for q in both)
    numbers = sorted(int(q.number) for q in both)
    own = {(r.stage, r.respondent): r for r in responses
           if r.questionnaire == choices.QUESTIONNAIRE_SELF and r.respondent is not None}
    pairs = []  # (person, entry answers, final answers) on the questions both answered
    for code in sorted({code for stage, code in own if stage == choices.STAGE_ENTRY},
                       key=lambda code: data.people[code].full_name):
        final = own.get((choices.STAGE_FINAL, code))
        if final is None:
            continue
        entry = own[(choices.STAGE_ENTRY, code)]
        common = [n for n in numbers if n in entry.answers and n in final.answers]
        if common:
            pairs.append((data.people[code], final, {n: entry.answers[n] for n in common},
                          {n: final.answers[n] for n in common}))
    for person, final, before, after in pairs:
        start, end = statistics.fmean(before.values()), statistics.fmean(after.values())
        result.people.append({"фио": named(person).short, "пара": _unit_label(data, final, person),
                              "входная": decimal(start), "итоговая": decimal(end), "изменение": _signed(end - start)})
    for question in sorted(both, key=lambda q: q.number):
        number = int(question.number)
        before = [entry[number] for _, _, entry, _ in pairs if number in entry]
        after = [final[number] for _, _, _, final in pairs if number in final]
        if before:
            start, end = statistics.fmean(before), statistics.fmean(after)
            result.change.append({"вопрос": question.text, "входная": decimal(start), "итоговая": decimal(end),
                                  "изменение": _signed(end - start)})
            result.change_values.append((question.text, round(start, 1), round(end, 1)))
    if pairs:
        result.entry_mean = statistics.fmean(v for _, _, entry, _ in pairs for v in entry.values())
        result.final_mean = statistics.fmean(v for _, _, _, final in pairs for v in final.values())
    result.paired = len(pairs)


def _signed(value: float) -> str:
    """«+1,4», «−0,5», «0,0»."""
    if round(value, 1) == 0:
        return "0,0"
    return ("+" if value > 0 else "−") + decimal(abs(value))


def reminder_lines(data: Data, today: dt.date) -> list[str]:
    """For the curator: who has not filled a questionnaire whose window is open or past this school year, per
    questionnaire and stage; each low mark of this year's named answers (an anonymous one is only counted)."""
    lines = []
    waiting: dict[tuple[str, str], list[Due]] = defaultdict(list)
    year = book_year(data, today)
    for item in unanswered(data, today):
        if item.closes < year.start:
            continue  # last year's: the curator cannot ask for them now
        waiting[(item.questionnaire, item.stage)].append(item)
    for (questionnaire, stage), items in waiting.items():
        people = "; ".join(f"{named(i.person).short} ({i.unit.label}, "
                           f"{'срок прошёл' if i.closes < today else 'до'} {grammar.date_digits(i.closes)})"
                           for i in items)
        lines.append(f"Анкеты: {questionnaire} ({stage}) не заполнена — {people}.")
    anonymous = 0
    for low in low_marks(data, [r for r in data.responses if r.date is None or r.date >= year.start]):
        response = low.response
        if response.respondent is None:
            anonymous += 1
            continue
        person = data.people[response.respondent]
        lines.append(f"Низкая оценка в анкете «{response.questionnaire}» ({response.stage}; лист «Ответы анкет», "
                     f"строка {response.row}): {named(person).short}, {_unit_label(data, response, person)} — "
                     f"«{low.question.text}» — {mark(low.mark)} из {low.question.top}. "
                     "Поговорите с участниками пары.")
    if anonymous:
        lines.append(f"Низких оценок в анонимных анкетах: {anonymous}.")
    return lines


NOTE = ("Должны ответить — участники пар и групп, закреплённых подписанным приказом, у которых срок анкеты наступил "
        "не позже {day}: входная — в течение {entry} после приказа о закреплении, итоговая — за {final} до окончания "
        "программы (с учётом продления) или с её завершения; из них ответили — чья анкета с их кодом есть. Всего "
        "анкет и оценки — все анкеты с датой в периоде (и без даты), анонимные тоже. Изменение самооценки — по "
        "вопросам, которые задают и на входной, и на итоговой анкете, у наставляемых, заполнивших обе со своим кодом: "
        "среднее итоговых ответов минус среднее входных. Низкие оценки — не выше порога низкой оценки, заданного для "
        "вопроса; анонимные только посчитаны.")


def note(data: Data, today: dt.date, period: Period) -> str:
    organization = data.organization
    entry = _days(organization.entry_survey_days if organization else None, DEFAULT_ENTRY_DAYS)
    final = _days(organization.final_survey_days if organization else None, DEFAULT_FINAL_DAYS)
    return NOTE.format(day=grammar.date_digits(min(today, period.end)),
                       entry=f"{entry} {grammar.plural(entry, 'дня', 'дней', 'дней')}",
                       final=f"{final} {grammar.plural(final, 'день', 'дня', 'дней')}")


def self_assessment_line(m: Monitoring) -> str:
    """«в среднем с 2,6 до 4,1 из 5 (+1,5)», or "" without both stages."""
    if m.entry_mean is None or m.final_mean is None:
        return ""
    people = grammar.plural(m.paired, "наставляемого", "наставляемых", "наставляемых")
    return (f"в среднем с {decimal(m.entry_mean)} до {decimal(m.final_mean)} из {m.self_top} "
            f"({_signed(m.final_mean - m.entry_mean)}) у {m.paired} {people}")


def conclusions(m: Monitoring) -> list[str]:
    """The report's sentences on quality and effect, each built from the numbers."""
    text = []
    if m.due:
        text.append(f"Анкетирование: по срокам ждали {m.due} {grammar.plural(m.due, 'анкету', 'анкеты', 'анкет')}, "
                    f"участники заполнили {m.named} "
                    f"({grammar.percent(m.named, m.due)})" + (f"; анонимных анкет — {m.anonymous}." if m.anonymous else "."))
    if m.entry_mean is not None and m.final_mean is not None:
        moved = m.final_mean - m.entry_mean
        verb = "выросла" if round(moved, 1) > 0 else "снизилась" if round(moved, 1) < 0 else "не изменилась"
        text.append(f"Самооценка наставляемыми профессиональных затруднений (чем выше балл, тем меньше затруднений) "
                    f"{verb}: {self_assessment_line(m)}.")
    scores = [f"{whose} — {decimal(m.satisfaction[role][0])} из {m.satisfaction[role][1]}"
              for role, whose in (("наставляемый", "наставляемых"), ("наставник", "наставников"))
              if role in m.satisfaction]
    if scores:
        text.append("Средняя оценка в итоговых анкетах: " + ", ".join(scores) + ".")
    low = len(m.low) + m.anonymous_low
    if low:
        text.append(f"Низких оценок: {low}; куратору следует обсудить их с участниками пар (подраздел «Низкие "
                    "оценки»).")
    return text


def report_fields(data: Data, m: Monitoring) -> dict:
    """The section's fields of the analytic report (an internal document: the low marks name the pair)."""
    if not data.questions:
        reason = "Анкет нет: вопросы анкет не заданы."
    elif not (m.answered or m.means):
        reason = "Анкет, срок которых наступил, и ответов за период нет."
    else:
        reason = ""
    low = m.low + ([f"В анонимных анкетах: {m.anonymous_low}"] if m.anonymous_low else [])
    return {"нет": reason, "ответы": m.answered, "оценки": m.means, "самооценка": m.change,
            "самооценка_итог": self_assessment_line(m), "участники": m.people, "низкие": low}
