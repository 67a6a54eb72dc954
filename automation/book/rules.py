"""The regulation's rules checked where the data is typed: each a located warning naming the regulation's point (or
the law's). They run on rows that passed their own checks, so every reference they follow is known."""

from __future__ import annotations

from automation import grammar
from automation.book import schema
from automation.book.models import Data, Pair, Person, Programme, key
from automation.book.problems import Collector

SPEED_PLAN_LIMIT = 2
"""Activities a «скоростное» pair may plan: the regulation (II.4, пп. 5) calls it a single meeting."""
CHAIRED_LEVELS = (schema.LEVEL_REGIONAL, schema.LEVEL_FEDERAL)
"""Levels whose nominations the chairs of the pedagogical council and of the trade union committee sign too."""
AWARD_DETAILS = (("birth_date", "дата рождения"), ("education", "образование"),
                 ("total_experience", "стаж общий"), ("experience", "педагогический стаж"))
"""What a nomination above the school's level needs of the nominee (column of «Педагоги», its name in a message)."""


def check_rules(data: Data, out: Collector) -> None:
    for programme in data.programmes.values():
        _extension(programme, out)
        if programme.finished and programme.completion_ground and not programme.completion_document:
            out.warning(schema.PROGRAMMES, programme.row, "completion_document",
                        "не указан документ, на котором основано завершение (раздел VII, п. 1 Положения): впишите "
                        "вид, № и дату — «отчёт наставника от 20.06.2026», «заявление наставляемой … от …»; приказ "
                        "о завершении сделан, но сошлётся на него, когда документ будет указан.")
    for replacement in data.replacements:
        if not replacement.document:
            out.warning(schema.REPLACEMENTS, replacement.row, "document",
                        "не указан документ-основание замены (раздел III, п. 9 Положения): впишите вид, № и дату — "
                        "«приказ от 10.11.2026 № 88-к», «заявление Ковальчук О.С. от 02.11.2026»; приказ о замене "
                        "сделан, но сошлётся на него, когда документ будет указан.")
    for person in data.people.values():
        _cases_of_name(person, out)
    units = data.pairs_by_number()
    _pairs(units, data, out)
    _forms(units, data, out)
    _incentives(data, out)


CASE_COLUMNS = ("name_gent", "name_datv", "name_accs", "name_ablt")


def _cases_of_name(person: Person, out: Collector) -> None:
    """A first name the grammar cannot be sure of is one warning, unless the curator typed the name's cases."""
    if all(getattr(person, column) for column in CASE_COLUMNS):
        return
    if grammar.uncertain_first_name(person.first_name, person.female):
        full = person.full_name
        columns = ", ".join(f"«{schema.PEOPLE.column(c).header}»" for c in CASE_COLUMNS)
        out.warning(schema.PEOPLE, person.row, "first_name",
                    f"имя «{person.first_name}» программа склоняет не наверняка: проверьте падежи ФИО «{full}» в "
                    f"документах или заполните столбцы {columns}.")


def _extension(programme: Programme, out: Collector) -> None:
    """An extension keeps the whole term within a year (I, п. 2, пп. 6) and amends the mentor's agreement."""
    if programme.extend_to is None:
        return
    longest = grammar.add_months(programme.start, 12)
    if programme.extend_to > longest:
        out.warning(schema.PROGRAMMES, programme.row, "extend_to",
                    f"с продлением до {grammar.date_digits(programme.extend_to)} программа длится больше года (с "
                    f"{grammar.date_digits(programme.start)}): персонализированная программа — от 3 месяцев до 1 года "
                    "(раздел I, п. 2 Положения). Продлите не дальше "
                    f"{grammar.date_digits(longest)} или составьте новую программу.")
    if programme.extension_agreement is None:
        out.warning(schema.PROGRAMMES, programme.row, "extension_agreement",
                    "продление меняет срок наставнической работы: нужно дополнительное соглашение к трудовому "
                    "договору наставника о продлении (ст. 351.8 ТК РФ). Впишите его № и дату, например "
                    "«№ 31 от 25.05.2027»: приказ о продлении на него сошлётся.")


def _pairs(units: dict[str, list[Pair]], data: Data, out: Collector) -> None:
    """The head as a mentor signs the agreement with the founder; the curator does not supervise their own pair."""
    org = data.organization
    curator = key(org.curator) if org else None
    for number, rows in units.items():
        first = rows[0]
        mentor = data.person(first.mentor)
        founder = "учредител" in (first.agreement or "").lower()
        if org is not None and org.is_head(mentor) and not founder:
            out.warning(schema.PAIRS, first.row, "mentor",
                        f"наставник пары (группы) № {first.number} — руководитель организации: дополнительное "
                        "соглашение к его трудовому договору о наставничестве заключает учредитель (ст. 351.8 ТК "
                        "РФ). Когда оно заключено, допишите в «Доп. соглашение (№, дата)» «(с учредителем)», "
                        "например «№ 2 от 10.01.2026 (с учредителем)».")
        replaced = data.replacements_of(number)
        latest = replaced[-1].new if replaced else first.mentor
        if curator is not None and key(latest) == curator:
            out.warning(schema.PAIRS, first.row, "mentor",
                        f"наставник пары (группы) № {first.number} — сам куратор (лист «Организация»): куратор "
                        "контролирует работу пар (раздел III, п. 11 Положения), а программу не подписывают дважды. "
                        "В программе этой пары подписи куратора не будет; поручите контроль другому работнику.")


def _forms(units: dict[str, list[Pair]], data: Data, out: Collector) -> None:
    """Forms that contradict each other (II.3 and II.4 of the regulation)."""
    for number, rows in units.items():
        first = rows[0]
        if first.form == schema.FORM_GROUP and first.interaction == schema.INTERACTION_ONE_ON_ONE:
            out.warning(schema.PAIRS, first.row, "interaction",
                        f"группа № {first.number}: «наставничество в группе» — один наставник с группой одновременно "
                        "(раздел II, п. 3 Положения), а форма взаимодействия «один-на-один». Выберите другую форму "
                        "взаимодействия или форму наставничества.")
        if first.form == schema.FORM_GROUP and len(rows) < 2 and not out.is_broken(schema.PAIRS, first.number):
            out.warning(schema.PAIRS, first.row, "form",
                        f"группа № {first.number}: в «наставничестве в группе» не меньше двух наставляемых (раздел "
                        "II, п. 3 Положения), а указан один. Добавьте строки наставляемых с тем же № или выберите "
                        "форму «педагог – педагог».")
        if first.interaction == schema.INTERACTION_SPEED:
            activities = len(data.plan.get(number, []))
            if activities > SPEED_PLAN_LIMIT:
                out.warning(schema.PAIRS, first.row, "interaction",
                            f"пара (группа) № {first.number}: «скоростное» наставничество — однократная встреча "
                            f"(раздел II, п. 4 Положения), а в плане {activities} "
                            f"{grammar.plural(activities, 'мероприятие', 'мероприятия', 'мероприятий')}. Выберите "
                            "другую форму взаимодействия или сократите план.")


def _incentives(data: Data, out: Collector) -> None:
    """A nomination needs the nominee's details and never follows a disciplinary release (IX; III, п. 9)."""
    disciplinary = schema.REPLACE_ON_DISCIPLINE.text
    org = data.organization
    for item in data.incentives:
        released = [r for r in data.replacements if r.ground == disciplinary and key(r.former) == key(item.mentor)
                    and (item.date is None or r.date <= item.date)]
        if released:
            female = data.person(item.mentor).female
            out.warning(schema.INCENTIVES, item.row, "mentor",
                        f"наставник «{item.mentor}» {'освобождена' if female else 'освобождён'} от наставничества "
                        f"{grammar.date_digits(released[-1].date)} в связи с привлечением к дисциплинарной "
                        f"ответственности (лист «Замены»): поощрять {'её' if female else 'его'} за наставническую "
                        "деятельность нельзя, пока взыскание не снято. Проверьте строку.")
        if item.above_school and org is not None:
            if not org.addressee(item.level):
                setting = org.column(schema.ADDRESSEE_SETTINGS[item.level])
                out.warning(schema.INCENTIVES, item.row, "level",
                            f"не указано, кому направить представление ({item.level} уровень): впишите на листе "
                            f"«Организация» «{setting.header}» — пока в шапке представления пустая строка.")
            if item.level in CHAIRED_LEVELS and not org.union_chair:
                out.warning(schema.INCENTIVES, item.row, "level",
                            f"представление ({item.level} уровень) подписывает и председатель профсоюзного комитета: "
                            "впишите на листе «Организация» «Председатель профкома (ФИО)».")
        if item.above_school:
            missing = missing_details(data.person(item.mentor))
            if missing:
                out.warning(schema.INCENTIVES, item.row, "mentor",
                            f"в представлении к награде ({item.level} уровень) не хватает сведений о наставнике: "
                            f"{', '.join(missing)}. Заполните их на листе «Педагоги»: пока в представлении вместо них "
                            "пустые строки, а сверху — «НЕ ЗАПОЛНЕНО».")
        if item.measure == schema.MEASURE_BONUS and org is not None and org.pay_regulation is None:
            out.warning(schema.INCENTIVES, item.row, "measure",
                        "премия выплачивается по положению об оплате труда (стимулирующих выплатах) школы (раздел IX "
                        "Положения): впишите его реквизиты в «Положение об оплате труда (дата, №)» на листе "
                        "«Организация» — приказ о поощрении на него сошлётся.")


def missing_details(person: Person) -> list[str]:
    """What a nomination above the school's level lacks of the nominee, by name («дата рождения», …)."""
    return [name for column, name in AWARD_DETAILS if getattr(person, column) in (None, "")]



