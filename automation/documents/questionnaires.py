"""The questionnaires to print, one file per stage for the whole school: a page for each participant who has yet to
fill one, pre-filled with the name, the pair, the mentor (or the mentees), the programme and the day it is due, the
scales drawn as boxes to tick."""

from __future__ import annotations

import datetime as dt

from automation import grammar
from automation.book import choices
from automation.book.models import Data, Question
from automation.book.questionnaires import SELF_SCALE
from automation.book.survey import stages_of
from automation.documents import catalogue
from automation.documents.catalogue import Request
from automation.documents.document import Document, clause
from automation.documents.in_force import in_force
from automation.documents.monitoring import ROLE_OF, Due, answered, asked, due_of, windows
from automation.documents.people import named
from automation.documents.period import Period, book_year

BOX = "□"
GAP = "\u2003"
"""An em space between the boxes (a box and its mark are held together by a no-break space)."""
STAGE_ADJECTIVE = {choices.STAGE_ENTRY: "входной", choices.STAGE_MIDDLE: "промежуточный",
                   choices.STAGE_FINAL: "итоговый"}
"""The stage as the file names it: «Анкеты — входной этап»."""
TEXT_LINES = 2
TEXT_LINE = 66
"""Underscores of a line to write on: 12-point Times, after the paragraph's indent, within the 170 mm of text."""
HOW = {choices.SCALE_10: "1 — совсем нет, 10 — полностью", choices.SCALE_5: "1 — совсем нет, 5 — полностью"}


def _answer(question: Question) -> list[str]:
    """The lines a respondent marks or writes on."""
    if question.scale == choices.SCALE_TEXT:
        return ["_" * TEXT_LINE] * TEXT_LINES
    if question.scale == choices.SCALE_YES_NO:
        return [f"{BOX}\u00a0да{GAP * 2}{BOX}\u00a0нет"]
    return [GAP.join(f"{BOX}\u00a0{mark}" for mark in range(1, question.top + 1))]


def _how(questions: list[Question], questionnaire: str) -> str:
    """How to mark: one mark per question, and what the scale's ends mean."""
    scales = {q.scale for q in questions if q.numeric}
    if not scales:
        return "Отметьте ответ на каждый вопрос."
    if questionnaire == choices.QUESTIONNAIRE_SELF:
        return f"Оцените каждое умение, отметив одну оценку: {SELF_SCALE}."
    return "Отметьте одну оценку в каждом вопросе: " + "; ".join(HOW[s] for s in choices.SCALES if s in scales) + "."


@catalogue.makes(catalogue.QUESTIONNAIRE_FORMS)
def questionnaire_forms(req: Request) -> list[Document]:
    data, today = req.data, req.today
    year = book_year(data, today)
    documents = []
    for stage in choices.STAGES:
        if not asked(data, stage):
            continue
        forms = [_form(data, item, today) for item in _to_fill(data, stage, today, year)]
        context = {**req.common, "этап": stage, "дата": grammar.date_digits(today), "анкеты": forms}
        kind = catalogue.QUESTIONNAIRE_FORMS
        documents.append(Document(kind, kind.name(stage=STAGE_ADJECTIVE[stage]), context))
    return documents


def _to_fill(data: Data, stage: str, today: dt.date, year: Period) -> list[Due]:
    """Who has yet to fill each questionnaire of the stage: the participants of the pairs in force, not finished, whose
    window for it closes this school year or later (an intermediate questionnaire: any time until the programme's
    end), and who have not answered."""
    questionnaires = asked(data, stage)
    result = []
    for now in in_force(data, today).units:
        if now.finished:
            continue
        spans = {s: (opens, closes) for s, opens, closes in windows(data, now)}
        if stage == choices.STAGE_MIDDLE:
            spans[stage] = (now.appointed.date, now.last_day or year.end)
        if stage not in spans or spans[stage][1] < year.start:
            continue
        opens, closes = spans[stage]
        result += [item for item in due_of(now, questionnaires, stage, opens, closes) if not answered(data, item)]
    return result


def _form(data: Data, item: Due, today: dt.date) -> dict:
    questions = sorted((q for q in data.questions if q.questionnaire == item.questionnaire
                        and item.stage in stages_of(q)), key=lambda q: q.number)
    unit = item.unit
    if ROLE_OF[item.questionnaire] == "наставник":
        other = "наставляемые" if len(unit.mentees) > 1 else "наставляемый"
        others = ", ".join(named(m).short for m in unit.mentees)
    else:
        other, others = "наставник", named(in_force(data, today).mentor_of(unit)).short
    programme = unit.programme
    title = "Самооценка профессиональных затруднений" if item.questionnaire == choices.QUESTIONNAIRE_SELF \
        else grammar.capital(item.questionnaire)
    return {
        "название": title,
        "этап": f"{grammar.capital(item.stage)} анкета",
        "фио": item.person.full_name,
        "должность": item.person.position,
        "пара": grammar.capital(unit.label),
        "кто": other,
        "другие": others,
        "программа": clause(programme.goal) if programme else "—",
        "срок": grammar.date_digits(item.closes),
        "как": _how(questions, item.questionnaire),
        "вопросы": [{"номер": str(int(q.number)), "текст": q.text, "ответ": _answer(q)} for q in questions],
    }
