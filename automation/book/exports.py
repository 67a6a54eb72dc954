"""Answers exported by an online form service (Яндекс Формы, Google Формы: a .xlsx or .csv whose first row holds the
questions' texts) read into rows of «Ответы анкет»: columns matched to the book's questions by their text, respondents
to «Педагоги» by code or by name; what matched and what did not is said, nothing is guessed silently."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook, PasswordError

from automation.book import choices, schema
from automation.book.cells import as_text, parse_date
from automation.book.matching import find_choice, normalize
from automation.book.models import Data, Person, Question, key
from automation.book.reader import WorkbookUnreadable, file_bytes, read_bytes

SIMILAR = 0.9
"""How alike a column's title and a question's text must be to be matched as «похоже» (a typo, a changed word)."""
_NUMBERED = re.compile(r"^\s*\d{1,2}\s*[.)]\s*")
_CODE = {"код", "код участника", "код респондента", "респондент", "респондент (код)"}
_NAME = {"фио", "ф.и.о.", "фамилия, имя, отчество", "фамилия имя отчество", "ваше фио", "ваши фамилия, имя, отчество",
         "фамилия и имя", "фамилия, имя", "укажите ваше фио"}
_DATE = {"отметка времени", "timestamp", "время создания", "дата", "дата заполнения", "время"}
_PAIR = {"№ пары/группы", "№ пары", "пара", "номер пары", "№ группы"}
_STAGE = {"этап"}
_QUESTIONNAIRE = {"анкета"}


@dataclass
class Imported:
    """What an export gave: the rows for «Ответы анкет» (header → value) and the report of matches."""

    questionnaire: str = ""
    stage: str = ""
    rows: list[dict[str, Any]] = field(default_factory=list)
    matched: list[tuple[str, Question, bool]] = field(default_factory=list)
    """Column title, the question it answers, whether only alike (not the same text)."""
    unmatched: list[str] = field(default_factory=list)
    missing: list[Question] = field(default_factory=list)
    by_code: int = 0
    by_name: int = 0
    unknown: list[tuple[int, str]] = field(default_factory=list)
    """Rows of the export (as numbered there) whose respondent is not in «Педагоги», with what was typed."""


class ExportUnusable(Exception):
    """The export cannot be imported; the message is for the curator."""


def read_export(path: Path) -> list[list[Any]]:
    """The export's rows, its header first: the first sheet of a workbook, or a CSV in UTF-8 or Windows-1251 with
    «;», «,» or a tab between values."""
    if path.suffix.lower() == ".csv":
        data = file_bytes(path)
        for encoding in ("utf-8-sig", "cp1251"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
        except csv.Error:
            dialect = csv.excel
        return [row for row in csv.reader(io.StringIO(text), dialect) if any(cell.strip() for cell in row)]
    data = read_bytes(path)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return [row for row in book.get_sheet_by_index(0).to_python() if any(v not in ("", None) for v in row)]
    except (CalamineError, PasswordError, ValueError) as err:
        raise WorkbookUnreadable(f"Файл «{path.name}» не читается как таблица .xlsx или .csv. Выгрузите ответы из "
                                 "сервиса форм ещё раз (Excel или CSV).") from err


def _plain(text: str) -> str:
    return normalize(_NUMBERED.sub("", text)).rstrip("?.:!* ")


def match_question(title: str, questions: list[Question]) -> tuple[Question | None, bool]:
    """The question a column answers: its text (numbering, case, quotes and the final «?» aside), or one alike."""
    wanted = _plain(title)
    for question in questions:
        if _plain(question.text) == wanted:
            return question, False
    likeness, best = max(((difflib.SequenceMatcher(None, _plain(q.text), wanted).ratio(), q) for q in questions),
                         key=lambda scored: scored[0], default=(0.0, None))
    return (best, True) if likeness >= SIMILAR else (None, False)


def find_person(typed: str, people: dict[str, Person]) -> Person | None:
    """A respondent by code, by full name, by «Фамилия Имя» or by «Фамилия И.О.»."""
    if key(typed) in people:
        return people[key(typed)]
    wanted = normalize(typed).replace(".", ". ").split()
    for person in people.values():
        full = normalize(person.full_name).split()
        initials = [f"{part[0]}." for part in full[1:]]
        if wanted in (full, full[:2], [full[0], *initials]):
            return person
    return None


def import_answers(rows: list[list[Any]], data: Data, stage: str | None = None) -> Imported:
    """The export's answers as rows of «Ответы анкет». The questionnaire is the one whose questions most columns
    match (a column «Анкета» is left aside, never read as a question), the stage the export's column «Этап» or
    `stage`."""
    if not rows:
        raise ExportUnusable("в файле нет строк: выгрузите ответы ещё раз.")
    titles = [as_text(value) if value not in (None, "") else "" for value in rows[0]]
    roles = {}
    for index, title in enumerate(titles):
        plain = normalize(title).rstrip(":* ")
        for role, names in (("code", _CODE), ("name", _NAME), ("date", _DATE), ("pair", _PAIR), ("stage", _STAGE),
                            ("questionnaire", _QUESTIONNAIRE)):
            if plain in names and role not in roles:
                roles[role] = index
    result = Imported()
    best: tuple[int, str] = (0, "")
    for questionnaire in choices.QUESTIONNAIRES:
        questions = [q for q in data.questions if q.questionnaire == questionnaire]
        found = sum(1 for index, title in enumerate(titles)
                    if index not in roles.values() and title and match_question(title, questions)[0])
        best = max(best, (found, questionnaire))
    if best[0] == 0:
        shown = ", ".join(f"«{t}»" for t in titles if t)[:300]
        raise ExportUnusable(f"ни один столбец не совпал с вопросами анкет листа «Вопросы анкет» (столбцы: {shown}). "
                             "Проверьте, что выгружена нужная форма и что её вопросы — те же, что в книге.")
    result.questionnaire = best[1]
    questions = [q for q in data.questions if q.questionnaire == result.questionnaire]
    columns: dict[int, Question] = {}
    for index, title in enumerate(titles):
        if index in roles.values() or not title:
            continue
        question, alike = match_question(title, questions)
        if question is None or question in columns.values():
            result.unmatched.append(title)
            continue
        columns[index] = question
        result.matched.append((title, question, alike))
    result.missing = [q for q in sorted(questions, key=lambda q: q.number) if q not in columns.values()]
    if "stage" not in roles:
        if stage is None:
            raise ExportUnusable("в выгрузке нет столбца «Этап»: укажите этап анкеты — --stage входная, "
                                 "промежуточная или итоговая.")
        result.stage = stage
    header = schema.ANSWERS.header
    for number, line in enumerate(rows[1:], start=2):
        value = (lambda role: line[roles[role]] if role in roles and roles[role] < len(line) else None)
        typed_stage = as_text(value("stage") or "")
        row: dict[str, Any] = {header("questionnaire"): result.questionnaire,
                               header("stage"): (find_choice(typed_stage, choices.STAGES) or typed_stage
                                                 if "stage" in roles else result.stage),
                               header("date"): _day(value("date")), header("number"): value("pair")}
        typed = next((as_text(value(r)) for r in ("code", "name") if value(r) not in (None, "")), None)
        if typed is not None:
            person = find_person(typed, data.people)
            if person is None:
                result.unknown.append((number, typed))
            else:
                result.by_code += key(typed) == key(person.code)
                result.by_name += key(typed) != key(person.code)
                row[header("respondent")] = person.code
        for index, question in columns.items():
            if index < len(line) and line[index] not in (None, ""):
                row[str(int(question.number))] = line[index]
        result.rows.append(row)
    return result


def _day(value: Any) -> dt.date | None:
    """The day of a timestamp as a service exports it: a date, «2026/09/15 10:23:45», «15.09.2026 10:23»."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = as_text(value).split(" ")[0].replace("/", "-")
    try:
        return parse_date(text)
    except ValueError:
        return None
