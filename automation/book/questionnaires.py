"""The questionnaires `init` lays into a new book, after the methodological recommendations (письмо Минпросвещения
России и Профсоюза от 21.12.2021 № АЗ-1128/08/657): the mentor's and the mentee's satisfaction with the programme,
their meetings and the support, whether the mentee stays in the profession, and the mentee's self-assessment of
professional difficulties at the start and the end. A school edits them freely."""

from __future__ import annotations

from automation.book import choices, schema

_FINAL = f"{choices.STAGE_MIDDLE}, {choices.STAGE_FINAL}"
_BOTH = f"{choices.STAGE_ENTRY}, {choices.STAGE_FINAL}"
LOW = 4
"""A satisfaction mark at or below this, on the scale of ten, is flagged to the curator."""

# text, scale, low mark
_MENTOR = [
    ("Насколько вы удовлетворены взаимодействием с наставляемым?", choices.SCALE_10, LOW),
    ("Насколько успешно, по вашей оценке, выполняется персонализированная программа?", choices.SCALE_10, None),
    ("Насколько полезными были встречи с наставляемым?", choices.SCALE_10, None),
    ("Насколько вы удовлетворены поддержкой куратора и администрации школы?", choices.SCALE_10, LOW),
    ("Насколько наставляемый продвинулся в преодолении своих профессиональных затруднений?", choices.SCALE_10,
     None),
    ("Насколько комфортно вам работать с наставляемым?", choices.SCALE_10, LOW),
    ("Хватает ли вам времени на наставническую деятельность?", choices.SCALE_YES_NO, None),
    ("Готовы ли вы продолжить наставническую деятельность в следующем учебном году?", choices.SCALE_YES_NO, None),
    ("Нужно ли вам обучение для наставников (семинары, курсы)?", choices.SCALE_YES_NO, None),
    ("Что больше всего помогло в работе с наставляемым?", choices.SCALE_TEXT, None),
    ("Что следует изменить в организации наставничества в школе?", choices.SCALE_TEXT, None),
]
_MENTEE = [
    ("Насколько вы удовлетворены участием в программе наставничества?", choices.SCALE_10, LOW),
    ("Насколько комфортным было общение с наставником?", choices.SCALE_10, LOW),
    ("Насколько полезными были встречи с наставником?", choices.SCALE_10, None),
    ("Насколько вы удовлетворены поддержкой наставника?", choices.SCALE_10, LOW),
    ("Насколько программа помогла преодолеть ваши профессиональные затруднения?", choices.SCALE_10, None),
    ("Насколько выросла ваша уверенность в себе как в педагоге?", choices.SCALE_10, None),
    ("Насколько регулярными были встречи с наставником?", choices.SCALE_10, None),
    ("Хотели бы вы продолжить работу с наставником?", choices.SCALE_YES_NO, None),
    ("Планируете ли вы работать в профессии педагога ближайшие три года?", choices.SCALE_YES_NO, None),
    ("Планируете ли вы работать в нашей школе в следующем учебном году?", choices.SCALE_YES_NO, None),
    ("Что в работе с наставником было самым полезным?", choices.SCALE_TEXT, None),
    ("Чего вам не хватило?", choices.SCALE_TEXT, None),
]
_SELF = [
    "Планирование уроков и рабочей программы",
    "Применение современных методов и технологий обучения",
    "Организация деятельности обучающихся на уроке",
    "Поддержание дисциплины на уроке",
    "Оценивание образовательных результатов обучающихся",
    "Работа с обучающимися с особыми образовательными потребностями",
    "Использование цифровых образовательных ресурсов",
    "Взаимодействие с родителями (законными представителями)",
    "Ведение школьной документации",
    "Подготовка обучающихся к олимпиадам, конкурсам, итоговой аттестации",
    "Взаимодействие с коллегами и администрацией",
    "Уверенность в себе как в педагоге",
]
SELF_SCALE = "1 — испытываю серьёзные затруднения, 5 — затруднений нет"
"""How the self-assessment's marks read: the higher, the fewer difficulties (so growth is a positive change)."""


def default_questions() -> list[dict[str, object]]:
    """The rows of «Вопросы анкет» by header."""
    rows = []
    for questionnaire, questions, stages in ((choices.QUESTIONNAIRE_MENTOR, _MENTOR, _FINAL),
                                             (choices.QUESTIONNAIRE_MENTEE, _MENTEE, _FINAL)):
        rows += [{"questionnaire": questionnaire, "number": number, "text": text, "scale": scale, "stages": stages,
                  "low": low} for number, (text, scale, low) in enumerate(questions, start=1)]
    rows += [{"questionnaire": choices.QUESTIONNAIRE_SELF, "number": number, "text": text,
              "scale": choices.SCALE_5, "stages": _BOTH, "low": None} for number, text in enumerate(_SELF, start=1)]
    return [{schema.QUESTIONS.header(name): value for name, value in row.items()} for row in rows]
