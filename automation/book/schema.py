"""Every sheet, header and closed list of the workbook, declared once (the lists whose values carry an order's
words — the grounds and the measures — are declared in `choices` and named here too)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from automation.book.choices import (  # noqa: F401 — declared there, part of the book's declarations
    COMPLETE_ON_BOTH,
    COMPLETE_ON_CURATOR,
    COMPLETE_ON_MENTEE,
    COMPLETE_ON_MENTOR,
    COMPLETE_ON_PLAN,
    COMPLETION_GROUNDS,
    EARLY_COMPLETION_GROUNDS,
    INCENTIVE_MEASURES,
    LEGACY_COMPLETION_GROUNDS,
    LEGACY_REPLACEMENT_GROUNDS,
    MAX_QUESTIONS,
    MEASURE_BONUS,
    MEASURE_STATE_AWARD,
    MEASURE_THANKS,
    MEASURES,
    MINISTRY_AWARDS,
    QUESTIONNAIRES,
    REPLACE_ON_ABSENCE,
    REPLACE_ON_DISCIPLINE,
    REPLACE_ON_INCOMPATIBILITY,
    REPLACE_ON_MENTEE_APPLICATION,
    REPLACE_ON_MENTEE_DISMISSAL,
    REPLACE_ON_MENTEE_TRANSFER,
    REPLACE_ON_MENTOR_APPLICATION,
    REPLACE_ON_MENTOR_DISMISSAL,
    REPLACE_ON_MENTOR_TRANSFER,
    REPLACEMENT_GROUNDS,
    SCALES,
    STAGES,
    Choice,
    ground,
    measure,
)


class Kind(Enum):
    TEXT = "text"
    DATE = "date"
    NUMBER = "number"
    YES_NO = "yes_no"
    CHOICE = "choice"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    width: int = 18
    hint: str = ""
    legacy: tuple[str, ...] = ()
    """Values books made by earlier versions hold: still read (each is a located warning), no longer offered."""


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    columns: tuple[Column, ...]
    row_is: str
    hint: str = ""
    when_missing: str = ""
    """For a sheet a book made before it was added may lack: the warning its absence is (not an error)."""

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def header(self, key: str) -> str:
        return self.column(key).header


# Regulation II.3: forms of mentoring (reverse mentoring is a kind of «педагог – педагог»).
FORM_PEER = "педагог – педагог"
FORM_REVERSE = "педагог – педагог (реверсивное)"
FORM_HEAD = "руководитель образовательной организации – педагог"
FORM_GROUP = "наставничество в группе"
FORM_SCHOOL = "школа – школа"
FORM_PARTNER = "социальный партнёр – педагог"
MENTORING_FORMS = (FORM_PEER, FORM_REVERSE, FORM_HEAD, FORM_GROUP, FORM_SCHOOL, FORM_PARTNER)

# Regulation II.4: forms of interaction.
INTERACTION_ONE_ON_ONE = "один-на-один"
INTERACTION_VIRTUAL = "виртуальное (дистанционное)"
INTERACTION_SHORT_TERM = "краткосрочное (целеполагающее)"
INTERACTION_SITUATIONAL = "ситуационное"
INTERACTION_SPEED = "скоростное"
INTERACTION_FORMS = (
    INTERACTION_ONE_ON_ONE, INTERACTION_VIRTUAL, INTERACTION_SHORT_TERM, INTERACTION_SITUATIONAL, INTERACTION_SPEED,
)

PROGRAMME_CONTINUES = "продолжить"
PROGRAMME_REVISED = "скорректировать"
PROGRAMME_FATES = (PROGRAMME_CONTINUES, PROGRAMME_REVISED)

PROGRAMME_ACTIVE = "реализуется"
PROGRAMME_FINISHED = "завершена"
PROGRAMME_EXTENDED = "продлена"
PROGRAMME_STATUSES = (PROGRAMME_ACTIVE, PROGRAMME_EXTENDED, PROGRAMME_FINISHED)

LEVEL_SCHOOL = "школьный"
LEVEL_MUNICIPAL = "муниципальный"
LEVEL_REGIONAL = "региональный"
LEVEL_FEDERAL = "федеральный"
LEVELS = (LEVEL_SCHOOL, LEVEL_MUNICIPAL, LEVEL_REGIONAL, LEVEL_FEDERAL)
ADDRESSEE_SETTINGS = {LEVEL_MUNICIPAL: "addressee_municipal", LEVEL_REGIONAL: "addressee_regional",
                      LEVEL_FEDERAL: "addressee_federal"}
"""Each level above the school's → the «Организация» setting naming to whom its nominations go."""

CATEGORIES = (
    "без категории",
    "соответствие занимаемой должности",
    "первая",
    "высшая",
    "педагог-методист",
    "педагог-наставник",
)

ORDER_ASSIGNMENT = "О закреплении наставнических пар (групп)"
ORDER_REPLACEMENT = "О замене наставника"
ORDER_COMPLETION = "О завершении персонализированных программ наставничества"
ORDER_EXTENSION = "О продлении срока реализации программы"
ORDER_INCENTIVE = "О поощрении наставников"
ORDER_ORGANIZING = "Об организации наставничества педагогических работников"


@dataclass(frozen=True)
class RegisterKind:
    """A kind of order the register «Приказы» holds (its «Вид»), and the book's columns that carry such an order's
    number (sheet key, column key); an order no row cites (the organising order) is found in the register by kind."""

    text: str
    cited_in: tuple[tuple[str, str], ...] = ()


REGISTER_KINDS = (
    RegisterKind(ORDER_ASSIGNMENT, (("pairs", "order"),)),
    RegisterKind(ORDER_REPLACEMENT, (("replacements", "order"),)),
    RegisterKind(ORDER_COMPLETION, (("programmes", "completion_order"),)),
    RegisterKind(ORDER_EXTENSION, (("programmes", "extension_order"),)),
    RegisterKind(ORDER_INCENTIVE, (("incentives", "order"),)),
    RegisterKind(ORDER_ORGANIZING),
)
ORDER_KINDS = tuple(kind.text for kind in REGISTER_KINDS)


def register_kind(text: str) -> RegisterKind:
    """The declared kind of a value the model accepted (the column's choices are these texts)."""
    return next(kind for kind in REGISTER_KINDS if kind.text == text)


ORDER_DRAFT = "проект"
ORDER_SIGNED = "подписан"
ORDER_STATUSES = (ORDER_DRAFT, ORDER_SIGNED)

MALE, FEMALE = "м", "ж"
SEXES = (MALE, FEMALE)
YES, NO = "да", "нет"
YES_NO = (YES, NO)
BY_AGREEMENT = "доп. соглашением (ст. 351.8 ТК РФ)"
IN_DUTIES = "в должностных обязанностях"
MENTORING_BASES = (BY_AGREEMENT, IN_DUTIES)
"""How a school engages its mentors: extra work under ст. 351.8 ТК РФ (consent, an additional agreement, the pay), or
work its job descriptions already hold, paid within the salary (Роструд, письмо от 02.10.2025 № ТЗ/7300-6-1)."""

DEFAULT_LEGAL_BASIS = (
    "Трудовым кодексом Российской Федерации (статья 351.8), "
    "распоряжением Правительства Российской Федерации от 31.12.2019 № 3273-р "
    "«Об утверждении основных принципов национальной системы профессионального роста педагогических работников "
    "Российской Федерации, включая национальную систему учительского роста», "
    "методическими рекомендациями по разработке и внедрению системы (целевой модели) наставничества "
    "педагогических работников в образовательных организациях (письмо Минпросвещения России "
    "и Общероссийского Профсоюза образования от 21.12.2021 № АЗ-1128/08/657)"
)


def _choices(values: tuple) -> tuple[str, ...]:
    return tuple(v.text if isinstance(v, Choice) else v for v in values)


ORGANIZATION = Sheet(
    key="organization",
    title="Организация",
    row_is="одна настройка (Параметр / Значение)",
    hint="Значения подставляются в шапку и подписи всех документов.",
    columns=(
        Column("parameter", "Параметр", required=True, width=44),
        Column("value", "Значение", required=True, width=90),
    ),
)

# The «Организация» sheet is a key/value table: these are its parameters.
SETTINGS = (
    Column("full_name", "Полное наименование", required=True,
           hint="как в уставе: «Муниципальное казённое общеобразовательное учреждение …»"),
    Column("short_name", "Краткое наименование", required=True, hint="например, «МКОУ Теньковская СШ»"),
    Column("place", "Населённый пункт", required=True, hint="место издания приказов, например «с. Теньки»"),
    Column("head_position", "Должность руководителя", required=True, hint="например, «Директор»"),
    Column("head_name", "Руководитель (ФИО)", required=True, hint="полностью: Фамилия Имя Отчество"),
    Column("curator", "Куратор (код)", required=True, hint="код педагога с листа «Педагоги»"),
    Column("regulation", "Положение о наставничестве (реквизиты приказа)", required=True,
           hint="например, «от 21.11.2022 № 156»"),
    Column("legal_basis", "Правовые основания", hint="акты для преамбулы приказов в творительном падеже («В соответствии с …»); пусто — стандартный перечень"),
    Column("max_mentees", "Максимум наставляемых у наставника", Kind.NUMBER, hint="для подбора пар; пусто — 3"),
    Column("addressee_municipal", "Кому представления муниципального уровня",
           hint="в дательном падеже, как в шапке: «Начальнику управления образования администрации МО … И.И. Иванову»"),
    Column("addressee_regional", "Кому представления регионального уровня",
           hint="например, «Министру просвещения и воспитания Ульяновской области …»"),
    Column("addressee_federal", "Кому представления федерального уровня",
           hint="например, «В Министерство просвещения Российской Федерации» (через орган управления образованием)"),
    Column("union_chair", "Председатель профкома (ФИО)",
           hint="подписывает представления регионального и федерального уровня: «Иванова Анна Петровна»"),
    Column("pay_regulation", "Положение об оплате труда (дата, №)",
           hint="локальный акт о стимулирующих выплатах, например «от 30.08.2024 № 88-ОД»: на него ссылается "
                "приказ о премировании"),
    Column("staff", "Численность работников", Kind.NUMBER,
           hint="для проверки лимита ведомственных наград (до 100 работников — одна в год)"),
    Column("school_year", "Учебный год", hint="например, «2026/2027»; пусто — по дате сборки"),
    Column("association", "ШМО наставников", Kind.YES_NO, choices=YES_NO,
           hint="«да» — приказ об организации наставничества создаёт школьное методическое объединение наставников "
                "(п. 12.2 Положения)"),
    Column("association_head", "Руководитель ШМО (код)", hint="код педагога с листа «Педагоги»"),
    Column("site_responsible", "Ответственный за раздел сайта (код)",
           hint="код педагога: размещает сведения о наставничестве на сайте (раздел VIII Положения)"),
    Column("site_url", "Раздел сайта о наставничестве (адрес)",
           hint="адрес страницы «Наставничество» на сайте школы: для справки в мониторинг региона"),
    Column("mentoring_basis", "Наставничество оформляется", Kind.CHOICE, choices=MENTORING_BASES,
           hint=f"«{BY_AGREEMENT}» — для каждого наставника согласие и дополнительное соглашение с доплатой; "
                f"«{IN_DUTIES}» — наставничество входит в работу по должности, этих бумаг нет; пусто — "
                "доп. соглашением"),
    Column("default_pay", "Доплата наставнику по умолчанию",
           hint="в месяц: «3 000» (рублей) или «10 %» (оклада); на листе «Пары» у пары может быть своя"),
    Column("charter", "Устав (дата утверждения)",
           hint="для дополнительных соглашений: «действующего на основании Устава, утверждённого …», например "
                "«15.01.2024»"),
    Column("entry_survey_days", "Входная анкета: дней после приказа", Kind.NUMBER,
           hint="сколько дней после приказа о закреплении пары даётся на входную анкету; пусто — 30"),
    Column("final_survey_days", "Итоговая анкета: дней до конца программы", Kind.NUMBER,
           hint="за сколько дней до окончания программы начинается итоговое анкетирование; пусто — 30"),
    Column("previous_book", "Книга прошлого года", hint="вписывает «nastavnik new-year»; не меняйте"),
)

DISTRICT_BOOK = "Район.xlsx"
"""The district's own book, beside the schools' books in a district folder: who issues and compiles the summary."""
DISTRICT = Sheet(
    key="district",
    title="Район",
    row_is="одна настройка (Параметр / Значение)",
    hint="Шапка и подпись сводки по району.",
    columns=(
        Column("parameter", "Параметр", required=True, width=36),
        Column("value", "Значение", required=True, width=70),
        Column("hint", "Как заполнять", width=70),
    ),
)
DISTRICT_SETTINGS = (
    Column("body", "Орган управления образованием", required=True,
           hint="полностью, как в бланке: «Управление образования администрации МО «Мелекесский район»»"),
    Column("compiler_position", "Должность составителя", required=True,
           hint="например, «методист МКУ «Центр сопровождения образования»»"),
    Column("compiler", "Составитель (ФИО)", required=True, hint="полностью: Фамилия Имя Отчество"),
    Column("phone", "Телефон составителя", hint="необязательно, например «8 (84235) 2-11-11»"),
)

PEOPLE = Sheet(
    key="people",
    title="Педагоги",
    row_is="один человек (работник школы или социальный партнёр)",
    hint="Каждый участник — одна строка с уникальным кодом. На код ссылаются остальные листы.",
    columns=(
        Column("code", "Код", required=True, width=9, hint="уникальный, например П-01"),
        Column("last_name", "Фамилия", required=True, width=16),
        Column("first_name", "Имя", required=True, width=14),
        Column("middle_name", "Отчество", width=16),
        Column("sex", "Пол", Kind.CHOICE, choices=SEXES, width=6, hint="м или ж; пусто — по отчеству"),
        Column("position", "Должность", required=True, width=30, hint="в именительном падеже: «учитель математики»"),
        Column("workplace", "Место работы", width=26, hint="пусто — наша школа"),
        Column("experience", "Педагогический стаж, лет", Kind.NUMBER, width=12),
        Column("category", "Категория", Kind.CHOICE, choices=CATEGORIES, width=18),
        Column("young", "Молодой специалист", Kind.YES_NO, choices=YES_NO, width=12),
        Column("competences", "Компетенции", width=30),
        Column("difficulties", "Профессиональные затруднения", width=30),
        Column("publish", "Согласие на публикацию", Kind.YES_NO, choices=YES_NO, width=13),
        Column("birth_date", "Дата рождения", Kind.DATE, width=12),
        Column("education", "Образование", width=30),
        Column("awards", "Награды", width=30, hint="с датами; пусто — не награждался(ась)"),
        Column("total_experience", "Стаж общий, лет", Kind.NUMBER, width=10),
        Column("local_experience", "Стаж в организации, лет", Kind.NUMBER, width=10,
               hint="меньше 1 — новый работник (для аналитического отчёта)"),
        Column("mentoring_experience", "Стаж наставничества, лет", Kind.NUMBER, width=12,
               hint="для знака отличия «За наставничество» нужно не меньше 5 лет"),
        Column("contract", "Трудовой договор (№, дата)", width=18,
               hint="для дополнительного соглашения наставника, например «№ 15 от 01.09.2020»"),
        Column("mentor_consent", "Согласие быть наставником", Kind.YES_NO, choices=YES_NO, width=12,
               hint="«да» — программа предложит этого педагога в наставники"),
        Column("name_gent", "ФИО в родительном падеже", width=24, hint="только если программа склоняет неверно"),
        Column("name_datv", "ФИО в дательном падеже", width=24, hint="только если программа склоняет неверно"),
        Column("name_accs", "ФИО в винительном падеже", width=24, hint="только если программа склоняет неверно"),
        Column("name_ablt", "ФИО в творительном падеже", width=24, hint="только если программа склоняет неверно"),
    ),
)

PAIRS = Sheet(
    key="pairs",
    title="Пары",
    row_is="одна связь «наставник – наставляемый»",
    hint="Строки с одинаковым № образуют группу с одним наставником.",
    columns=(
        Column("number", "№ пары/группы", required=True, width=9),
        Column("mentor", "Наставник (код)", required=True, width=11),
        Column("mentee", "Наставляемый (код)", required=True, width=13),
        Column("form", "Форма наставничества", Kind.CHOICE, required=True, choices=MENTORING_FORMS, width=30),
        Column("interaction", "Форма взаимодействия", Kind.CHOICE, required=True, choices=INTERACTION_FORMS, width=24),
        Column("direction", "Направление", required=True, width=30),
        Column("consent", "Согласие наставника (дата)", Kind.DATE, width=14,
               hint="дата письменного согласия наставника (ст. 351.8 ТК РФ)"),
        Column("agreement", "Доп. соглашение (№, дата)", width=20, hint="например, «№ 12 от 26.08.2026»"),
        Column("pay", "Доплата", width=12,
               hint="в месяц: «3 000» (рублей) или «10 %» (оклада); пусто — по умолчанию с листа «Организация»"),
        Column("order", "Приказ о закреплении (№)", width=14, hint="пусто — приказ ещё не издан (будет проект)"),
    ),
)

PROGRAMMES = Sheet(
    key="programmes",
    title="Программы",
    row_is="одна персонализированная программа пары или группы",
    hint="№ программы совпадает с № пары/группы.",
    columns=(
        Column("number", "№", required=True, width=6),
        Column("goal", "Цель", required=True, width=40),
        Column("tasks", "Задачи", required=True, width=40, hint="каждая задача с новой строки или через «;»"),
        Column("difficulties", "Выявленные затруднения", width=34),
        Column("strengths", "Сильные стороны", width=30),
        Column("expected", "Ожидаемые результаты", width=34),
        Column("start", "Дата начала", Kind.DATE, required=True, width=12),
        Column("end", "Дата окончания", Kind.DATE, required=True, width=12),
        Column("status", "Статус", Kind.CHOICE, choices=PROGRAMME_STATUSES, width=12, hint="пусто — реализуется"),
        Column("finished_on", "Дата завершения", Kind.DATE, width=12),
        Column("completion_ground", "Основание завершения", Kind.CHOICE, choices=_choices(COMPLETION_GROUNDS),
               legacy=_choices(LEGACY_COMPLETION_GROUNDS), width=30),
        Column("completion_document", "Документ-основание (вид, №, дата)", width=30,
               hint="отчёт, протокол или заявление, на которых основано завершение: «отчёт наставника от 20.06.2026», "
                    "«заявление наставляемой Белых Л.Н. от 19.06.2026»"),
        Column("completion_notice", "Дата уведомления", Kind.DATE, width=12,
               hint="при досрочном завершении по инициативе наставника, наставляемого или куратора: когда наставник "
                    "отказался от наставничества или получил уведомление — не позднее чем за три рабочих дня"),
        Column("extend_to", "Продлить до", Kind.DATE, width=12),
        Column("extension_consent", "Обоюдное согласие на продление", Kind.YES_NO, choices=YES_NO, width=12,
               hint="продление — только по обоюдному согласию (раздел VII.2 Положения)"),
        Column("extension_agreement", "Доп. соглашение о продлении (№, дата)", width=16,
               hint="к трудовому договору наставника (ст. 351.8 ТК РФ), например «№ 31 от 25.05.2027»"),
        Column("extension_order", "Приказ о продлении (№)", width=12),
        Column("results", "Итоги", width=34),
        Column("completion_order", "Приказ о завершении (№)", width=12),
    ),
)

PLAN = Sheet(
    key="plan",
    title="План",
    row_is="одно мероприятие программы",
    columns=(
        Column("programme", "№ программы", required=True, width=8),
        Column("activity", "Мероприятие", required=True, width=44),
        Column("due", "Срок", Kind.DATE, required=True, width=12),
        Column("form", "Форма", width=18),
        Column("responsible", "Ответственный", width=18),
        Column("result", "Результат", width=30),
        Column("done", "Отметка о выполнении", Kind.YES_NO, choices=YES_NO, width=12),
        Column("done_on", "Дата выполнения", Kind.DATE, width=12),
    ),
)

REPLACEMENTS = Sheet(
    key="replacements",
    title="Замены",
    row_is="одна замена наставника",
    columns=(
        Column("number", "№ пары/группы", required=True, width=9),
        Column("former", "Прежний наставник (код)", required=True, width=12),
        Column("new", "Новый наставник (код)", required=True, width=12),
        Column("date", "Дата", Kind.DATE, required=True, width=12),
        Column("ground", "Основание", Kind.CHOICE, required=True, choices=_choices(REPLACEMENT_GROUNDS),
               legacy=_choices(LEGACY_REPLACEMENT_GROUNDS), width=40),
        Column("document", "Документ-основание (вид, №, дата)", width=30,
               hint="вид, № и дата документа: «приказ от 10.11.2026 № 88-к», «заявление Ковальчук О.С. от "
                    "02.11.2026», «служебная записка куратора от 05.11.2026»"),
        Column("consent", "Согласие нового наставника (дата)", Kind.DATE, width=14,
               hint="дата письменного согласия (ст. 351.8 ТК РФ)"),
        Column("agreement", "Доп. соглашение нового наставника (№, дата)", width=20),
        Column("notice", "Дата уведомления", Kind.DATE, width=12,
               hint="когда прежний наставник письменно отказался от наставничества или получил уведомление об "
                    "отмене поручения: не позднее чем за три рабочих дня до замены (ст. 351.8 ТК РФ)"),
        Column("programme", "Программа", Kind.CHOICE, choices=PROGRAMME_FATES, width=14,
               hint="продолжить или скорректировать; пусто — продолжить"),
        Column("order", "Приказ (№)", width=12),
    ),
)

INCENTIVES = Sheet(
    key="incentives",
    title="Поощрения",
    row_is="одна мера поощрения или представление к награде",
    columns=(
        Column("mentor", "Наставник (код)", required=True, width=11),
        Column("measure", "Мера поощрения", Kind.CHOICE, required=True, choices=INCENTIVE_MEASURES, width=36),
        Column("level", "Уровень", Kind.CHOICE, required=True, choices=LEVELS, width=14),
        Column("reason", "Обоснование", required=True, width=44),
        Column("date", "Дата", Kind.DATE, width=12),
        Column("amount", "Сумма, руб.", Kind.NUMBER, width=10, hint="для премирования"),
        Column("source", "Источник выплаты", width=24, hint="для премирования, например «фонд стимулирующих выплат»"),
        Column("order", "Приказ (№)", width=12),
        Column("protocol", "Решение педсовета (протокол №, дата)", width=24,
               hint="для представлений к наградам выше школьного уровня"),
    ),
)

ORDERS = Sheet(
    key="orders",
    title="Приказы",
    row_is="один приказ в реестре школы",
    hint="Номер и дата вписываются после подписания директором.",
    columns=(
        Column("number", "№ приказа", required=True, width=12, hint="как в журнале: 45, 26/1, 78-ОД"),
        Column("date", "Дата", Kind.DATE, width=12),
        Column("kind", "Вид", Kind.CHOICE, required=True, choices=ORDER_KINDS, width=50),
        Column("status", "Статус", Kind.CHOICE, choices=ORDER_STATUSES, width=12, hint="пусто — проект"),
    ),
)

ROADMAP = Sheet(
    key="roadmap",
    title="Дорожная карта",
    row_is="одно мероприятие дорожной карты на учебный год (п. 10.3, 12.3 Положения)",
    hint="Приложение к приказу об организации наставничества; утверждается директором.",
    when_missing="в книге нет листа «Дорожная карта»: приказ об организации наставничества с дорожной картой "
                 "(п. 10.3 Положения) не сделан. Добавьте лист (образец — в пустой книге, которую создаёт "
                 "«nastavnik init») и впишите мероприятия года.",
    columns=(
        Column("number", "№ п/п", width=6),
        Column("event", "Мероприятие", required=True, width=50),
        Column("due", "Срок", required=True, width=16, hint="дата или месяц: «сентябрь 2026», «в течение года»"),
        Column("responsible", "Ответственный", width=24, hint="код педагога или текст: «куратор, наставники»"),
        Column("report_form", "Форма отчётности (результат)", width=30),
        Column("done", "Отметка о выполнении", Kind.YES_NO, choices=YES_NO, width=12),
        Column("done_on", "Дата выполнения", Kind.DATE, width=12),
    ),
)

QUESTIONS = Sheet(
    key="questions",
    title="Вопросы анкет",
    row_is="один вопрос анкеты мониторинга качества и эффекта; школа меняет вопросы как хочет",
    when_missing="в книге нет листа «Вопросы анкет»: анкет мониторинга и раздела о них в аналитическом отчёте нет. "
                 "Добавьте лист (образец с вопросами — в пустой книге, которую создаёт «nastavnik init»).",
    columns=(
        Column("questionnaire", "Анкета", Kind.CHOICE, required=True, choices=QUESTIONNAIRES, width=26),
        Column("number", "№ вопроса", Kind.NUMBER, required=True, width=9,
               hint=f"от 1 до {MAX_QUESTIONS}; ответ — в столбце с этим номером листа «Ответы анкет»"),
        Column("text", "Вопрос", required=True, width=70),
        Column("scale", "Шкала", Kind.CHOICE, required=True, choices=SCALES, width=10),
        Column("stages", "Этап", width=24, hint="через запятую: входная, промежуточная, итоговая; пусто — все"),
        Column("low", "Низкая оценка — до", Kind.NUMBER, width=10,
               hint="оценку не выше этой куратор увидит в напоминаниях и в отчёте; пусто — не отмечать"),
    ),
)

ANSWERS = Sheet(
    key="answers",
    title="Ответы анкет",
    row_is="одна заполненная анкета",
    hint="Ответ на вопрос № N — в столбце «N». Ответы — персональные данные: публикуются только итоги.",
    when_missing="в книге нет листа «Ответы анкет»: ответы не учтены. Добавьте лист (образец — в пустой книге).",
    columns=(
        Column("questionnaire", "Анкета", Kind.CHOICE, required=True, choices=QUESTIONNAIRES, width=26),
        Column("stage", "Этап", Kind.CHOICE, required=True, choices=STAGES, width=14),
        Column("date", "Дата", Kind.DATE, width=12),
        Column("respondent", "Респондент (код)", width=12, hint="код с листа «Педагоги»; пусто — анонимно"),
        Column("number", "№ пары/группы", width=9),
        *(Column(f"q{number}", str(number), width=5) for number in range(1, MAX_QUESTIONS + 1)),
    ),
)

SHEETS = (ORGANIZATION, PEOPLE, PAIRS, PROGRAMMES, PLAN, REPLACEMENTS, INCENTIVES, ORDERS, ROADMAP, QUESTIONS, ANSWERS)
INSTRUCTIONS_TITLE = "Как заполнять"
