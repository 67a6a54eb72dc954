"""The monitoring's questionnaires: their questions checked, and each filled questionnaire of «Ответы анкет» read by
its questions' scales. A bad cell is one located message and is not counted; the rest of the answers are."""

from __future__ import annotations

from typing import Any

from pydantic_core import PydanticCustomError

from automation.book import choices, schema
from automation.book.cells import as_text, convert, parse_number, parse_yes_no
from automation.book.matching import find_choice
from automation.book.models import Data, Question, Response, key
from automation.book.problems import Collector
from automation.book.reader import Table
from automation.book.references import unknown

_FIXED = ("questionnaire", "stage", "date", "respondent", "number")


def stages_of(question: Question) -> tuple[str, ...]:
    """The stages a question is asked at, as «Этап» lists them (all when blank); unknown words are left out."""
    if not question.stages:
        return schema.STAGES
    found = {find_choice(part, schema.STAGES) for part in _typed_stages(question)}
    return tuple(stage for stage in schema.STAGES if stage in found)


def _typed_stages(question: Question) -> list[str]:
    """The words of «Этап» as typed, split at commas or semicolons."""
    return [part.strip() for part in (question.stages or "").replace(";", ",").split(",") if part.strip()]


def check_questions(questions: list[Question], out: Collector) -> list[Question]:
    """The questions that can be asked: a whole number from 1 to the limit, one per number in each questionnaire."""
    sheet = schema.QUESTIONS
    kept: dict[tuple[str, int], Question] = {}
    for question in questions:
        number = question.number
        if not number.is_integer() or not 1 <= number <= schema.MAX_QUESTIONS:
            out.error(sheet, question.row, "number", f"«{as_text(number)}» — номер вопроса должен быть целым числом "
                                                     f"от 1 до {schema.MAX_QUESTIONS}.")
            continue
        place = (question.questionnaire, int(number))
        if place in kept:
            out.error(sheet, question.row, "number",
                      f"вопрос № {int(number)} анкеты «{question.questionnaire}» уже есть в строке {kept[place].row}. "
                      "Дайте вопросу другой номер.")
            continue
        for part in _typed_stages(question):
            if find_choice(part, schema.STAGES) is None:
                out.warning(sheet, question.row, "stages",
                            f"«{part}» — не этап; этапы: {_listed(schema.STAGES)}. Пока вопрос задаётся на этапах: "
                            f"{', '.join(stages_of(question)) or 'ни на одном'}.")
        if question.low is not None and not question.numeric:
            out.warning(sheet, question.row, "low",
                        f"у шкалы «{question.scale}» нет оценок, низкая оценка не отмечается. Очистите ячейку.")
        kept[place] = question
    return list(kept.values())


def _listed(values: tuple[str, ...]) -> str:
    return ", ".join(f"«{value}»" for value in values)


def read_responses(table: Table | None, data: Data, out: Collector) -> list[Response]:
    """Every filled questionnaire that can be counted. A row is left out (an error) when its questionnaire, stage,
    date or respondent cannot be read or is unknown, or when it repeats one person's answer at one stage; a single
    answer outside its scale or to a question that does not exist is a warning and is not counted."""
    if table is None:
        return []
    sheet = schema.ANSWERS
    questions = {(q.questionnaire, int(q.number)): q for q in data.questions}
    asked = {q.questionnaire for q in data.questions}
    seen: dict[tuple[str, str, str], int] = {}
    responses: list[Response] = []
    for row in table.rows:
        fixed: dict[str, Any] = {}
        for column in _FIXED:
            try:
                fixed[column] = convert(sheet.column(column), row.values.get(column))
            except PydanticCustomError as err:
                out.error(sheet, row.number, column, str(err))
        if len(fixed) < len(_FIXED):
            continue
        questionnaire, stage, respondent = fixed["questionnaire"], fixed["stage"], fixed["respondent"]
        if questionnaire not in asked:
            out.error(sheet, row.number, "questionnaire",
                      f"в анкете «{questionnaire}» нет вопросов на листе «Вопросы анкет». Впишите её вопросы.")
            continue
        if respondent is not None and key(respondent) not in data.people:
            if not out.is_broken(schema.PEOPLE, respondent):
                out.error(sheet, row.number, "respondent", unknown(schema.PEOPLE, respondent).removesuffix(".")
                          + " или оставьте ячейку пустой (анонимный ответ).")
            continue
        if respondent is not None:
            place = (key(respondent), questionnaire, stage)
            if place in seen:
                out.error(sheet, row.number, "respondent",
                          f"анкета «{questionnaire}» этапа «{stage}» от {respondent} уже записана в строке "
                          f"{seen[place]}. Оставьте одну: этот ответ не учтён.")
                continue
            seen[place] = row.number
        number = fixed["number"]
        if number is not None and not data.pairs_of(number):
            out.warning(sheet, row.number, "number",
                        f"нет пары или группы № {number} на листе «Пары»: ответ учтён без пары.")
            number = None
        answers = {}
        for index in range(1, schema.MAX_QUESTIONS + 1):
            value = row.values.get(f"q{index}")
            if value is None:
                continue
            question = questions.get((questionnaire, index))
            if question is None:
                out.warning(sheet, row.number, f"q{index}",
                            f"в анкете «{questionnaire}» нет вопроса № {index}: ответ «{as_text(value)}» не учтён.")
                continue
            answer = _answer(question, value)
            if isinstance(answer, str) and question.scale != choices.SCALE_TEXT:
                out.warning(sheet, row.number, f"q{index}", answer)
                continue
            answers[index] = answer
        responses.append(Response(row=row.number, questionnaire=questionnaire, stage=stage, date=fixed["date"],
                                  respondent=key(respondent) if respondent is not None else None, number=number,
                                  answers=answers))
    return responses


def _answer(question: Question, value: Any) -> float | bool | str:
    """The answer as its scale reads it; for a value the scale cannot hold, the message saying so."""
    if question.scale == choices.SCALE_TEXT:
        return as_text(value)
    if question.scale == choices.SCALE_YES_NO:
        try:
            return parse_yes_no(value)
        except PydanticCustomError:
            return f"«{as_text(value)}» — ответ не учтён: на вопрос отвечают «да» или «нет»."
    try:
        mark = parse_number(value)
    except PydanticCustomError:
        mark = -1.0
    if not mark.is_integer() or not 1 <= mark <= question.top:
        return (f"«{as_text(value)}» — вне шкалы {question.scale}: ответ не учтён. Впишите целое число от 1 до "
                f"{question.top}.")
    return mark

