"""The closed lists of the regulation whose values carry an order's words: the grounds to replace a mentor and to
complete a programme (one fact each; the joint values of earlier versions kept as legacy), and the measures of
incentive with their verb phrases; and the lists of the monitoring's questionnaires. The sheets that use them are
declared in `schema`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    """A closed-list value: the text in the dropdown and the phrase an order uses (for a measure, the case the person
    takes after it: a Case value, «дп», «вп», «рп»)."""

    text: str
    phrase: str = ""
    case: str = ""
    award: bool = False
    """A measure that is an award (a nomination is «к награждению» it), not an incentive («к поощрению»)."""
    split_into: tuple[str, ...] = ()
    """A value earlier versions offered that joined several facts: the values that now say which one happened."""
    ends_by: str = ""
    """For a ground that ends a mentor's work early (ч. 3 ст. 351.8 ТК РФ): who gives the written notice — MENTOR (the
    mentor refuses) or EMPLOYER (the employer cancels the assignment); empty where the work ends otherwise."""

    def fact(self, who: str = "", document: str | None = None) -> str:
        """A ground as a fact about the person: «в связи с увольнением или переводом на другую работу Мороза
        П.И. (приказ от 10.11.2026 № 88-к)»; `who` fills the phrase's «{who}» (the person, in the genitive)."""
        text = self.phrase.replace("{who}", f" {who}" if who else "")
        return f"{text} ({document})" if document else text



MENTOR, EMPLOYER = "mentor", "employer"

# Regulation III.9: grounds to appoint or replace a mentor, with the wording an order uses.
REPLACE_ON_MENTOR_APPLICATION = Choice("личное заявление наставника", "на основании личного заявления наставника{who}",
                                       ends_by=MENTOR)
REPLACE_ON_MENTEE_APPLICATION = Choice("личное заявление наставляемого", "на основании личного заявления наставляемого",
                                       ends_by=EMPLOYER)
REPLACE_ON_ABSENCE = Choice(
    "длительное отсутствие наставника (болезнь, уход за ребёнком, отпуск, командировка, обучение)",
    "в связи с длительным отсутствием наставника{who}",
)
REPLACE_ON_MENTOR_DISMISSAL = Choice("увольнение наставника", "в связи с увольнением наставника{who}")
REPLACE_ON_MENTOR_TRANSFER = Choice("перевод наставника на другую работу",
                                    "в связи с переводом наставника{who} на другую работу")
REPLACE_ON_MENTEE_DISMISSAL = Choice("увольнение наставляемого", "в связи с увольнением наставляемого")
REPLACE_ON_MENTEE_TRANSFER = Choice("перевод наставляемого на другую работу",
                                    "в связи с переводом наставляемого на другую работу")
REPLACE_ON_DISCIPLINE = Choice(
    "привлечение наставника к дисциплинарной ответственности",
    "в связи с привлечением наставника{who} к дисциплинарной ответственности", ends_by=EMPLOYER,
)
REPLACE_ON_INCOMPATIBILITY = Choice(
    "психологическая несовместимость наставника и наставляемого",
    "в связи с психологической несовместимостью наставника и наставляемого", ends_by=EMPLOYER,
)
REPLACEMENT_GROUNDS = (
    REPLACE_ON_MENTOR_APPLICATION, REPLACE_ON_MENTEE_APPLICATION, REPLACE_ON_ABSENCE, REPLACE_ON_MENTOR_DISMISSAL,
    REPLACE_ON_MENTOR_TRANSFER, REPLACE_ON_MENTEE_DISMISSAL, REPLACE_ON_MENTEE_TRANSFER, REPLACE_ON_DISCIPLINE,
    REPLACE_ON_INCOMPATIBILITY,
)
"""Each names one fact (п. 9 раздела III joins several in one item: the curator says which happened)."""
LEGACY_REPLACEMENT_GROUNDS = (
    Choice("личное заявление наставляемого и (или) наставника", "на основании личного заявления",
           split_into=(REPLACE_ON_MENTOR_APPLICATION.text, REPLACE_ON_MENTEE_APPLICATION.text)),
    Choice("увольнение или перевод на другую работу наставника или наставляемого",
           "в связи с увольнением или переводом на другую работу{who}",
           split_into=(REPLACE_ON_MENTOR_DISMISSAL.text, REPLACE_ON_MENTOR_TRANSFER.text,
                       REPLACE_ON_MENTEE_DISMISSAL.text, REPLACE_ON_MENTEE_TRANSFER.text)),
)

# Regulation VII.1: grounds to complete a programme.
COMPLETE_ON_PLAN = Choice("выполнение плана мероприятий в полном объёме",
                          "в связи с выполнением плана мероприятий в полном объёме")
COMPLETE_ON_MENTOR = Choice("инициатива наставника", "по инициативе наставника", ends_by=MENTOR)
COMPLETE_ON_MENTEE = Choice("инициатива наставляемого", "по инициативе наставляемого", ends_by=EMPLOYER)
COMPLETE_ON_BOTH = Choice("обоюдное решение наставника и наставляемого",
                          "по обоюдному решению наставника и наставляемого")
COMPLETE_ON_CURATOR = Choice("инициатива куратора", "по инициативе куратора{who}", ends_by=EMPLOYER)
LEGACY_COMPLETION_GROUNDS = (
    Choice("инициатива наставника или наставляемого и (или) обоюдное решение",
           "по инициативе наставника или наставляемого и (или) по обоюдному решению",
           split_into=(COMPLETE_ON_MENTOR.text, COMPLETE_ON_MENTEE.text, COMPLETE_ON_BOTH.text)),
)
EARLY_COMPLETION_GROUNDS = (COMPLETE_ON_MENTOR, COMPLETE_ON_MENTEE, COMPLETE_ON_BOTH, COMPLETE_ON_CURATOR,
                            *LEGACY_COMPLETION_GROUNDS)
"""The grounds that end a programme before its plan is done (a legacy value too, as a book may still hold it)."""
COMPLETION_GROUNDS = (COMPLETE_ON_PLAN, COMPLETE_ON_MENTOR, COMPLETE_ON_MENTEE, COMPLETE_ON_BOTH, COMPLETE_ON_CURATOR)


def ground(text: str) -> Choice:
    """The declared ground (current or legacy) of a value the model accepted."""
    return next(g for g in (*REPLACEMENT_GROUNDS, *LEGACY_REPLACEMENT_GROUNDS, *COMPLETION_GROUNDS,
                            *LEGACY_COMPLETION_GROUNDS) if g.text == text)


# Regulation IX, with the named awards split out, plus «благодарность» and «премирование» used by school orders. A
# measure an order of the school gives has its verb phrase and the case of the person after it; one without a phrase
# is an award the school only petitions for (a level above the school's).
MEASURE_THANKS = "объявление благодарности"
MEASURE_BONUS = "премирование"
MEASURE_STATE_AWARD = "знак отличия «За наставничество»"
MINISTRY_AWARDS = ("нагрудный знак «Почётный наставник»", "значок «Молодость и профессионализм»")
MEASURES = (
    Choice(MEASURE_THANKS, "Объявить благодарность", "дп"),
    Choice(MEASURE_BONUS, "Премировать", "вп"),
    Choice("почётная грамота", "Наградить почётной грамотой", "вп", award=True),
    Choice("благодарственное письмо", "Наградить благодарственным письмом", "вп", award=True),
    Choice("размещение фотографии на Доске почёта", "Занести на Доску почёта", "вп"),
    Choice(MEASURE_STATE_AWARD, award=True),
    *(Choice(award, award=True) for award in MINISTRY_AWARDS),
    Choice("включение в резерв управленческих кадров", "Включить в резерв управленческих кадров", "вп"),
    Choice("участие в фестивалях, форумах, конференциях наставников",
           "Направить для участия в фестивалях, форумах, конференциях наставников", "вп"),
    Choice("участие в конкурсах профессионального мастерства",
           "Рекомендовать для участия в конкурсах профессионального мастерства", "вп"),
    Choice("информирование общественности о лучших практиках",
           "Разместить на официальном сайте школы материалы о наставнической практике", "рп"),
    Choice("организация сообществ наставников", "Поручить организацию сообщества наставников", "дп"),
    Choice("образовательное стимулирование", "Направить на обучение (семинары, тренинги)", "вп"),
    Choice("популяризация лучших практик и авторских методик",
           "Представить на педагогическом совете опыт и авторские методики", "рп"),
    Choice("участие в грантовых программах", "Рекомендовать для участия в грантовых программах", "вп"),
)
INCENTIVE_MEASURES = tuple(m.text for m in MEASURES)


def measure(text: str) -> Choice:
    """The declared measure of a value the model accepted (the column's choices are these texts)."""
    return next(m for m in MEASURES if m.text == text)


# Monitoring of quality and effect (regulation III.12.9–12.11; the recommendations of letter № АЗ-1128/08/657):
# questionnaires of mentors and mentees and the mentees' self-assessment of professional difficulties.
QUESTIONNAIRE_MENTOR = "анкета наставника"
QUESTIONNAIRE_MENTEE = "анкета наставляемого"
QUESTIONNAIRE_SELF = "самооценка затруднений"
QUESTIONNAIRES = (QUESTIONNAIRE_MENTOR, QUESTIONNAIRE_MENTEE, QUESTIONNAIRE_SELF)
SCALE_10 = "1–10"
SCALE_5 = "1–5"
SCALE_YES_NO = "да/нет"
SCALE_TEXT = "текст"
SCALES = (SCALE_10, SCALE_5, SCALE_YES_NO, SCALE_TEXT)
STAGE_ENTRY = "входная"
STAGE_MIDDLE = "промежуточная"
STAGE_FINAL = "итоговая"
STAGES = (STAGE_ENTRY, STAGE_MIDDLE, STAGE_FINAL)
MAX_QUESTIONS = 30
"""Questions of one questionnaire: «Ответы анкет» has a column for each number up to this."""
