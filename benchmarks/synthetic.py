"""Synthetic school workbooks for the benchmarks: valid, varied, reproducible (a seed), any size."""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from automation.book import choices, schema  # noqa: E402
from automation.book.questionnaires import default_questions  # noqa: E402
from automation.office.blank_book import write_workbook  # noqa: E402

MEN = [("Иванов", "Иван", "Петрович"), ("Смирнов", "Алексей", "Игоревич"), ("Кузнецов", "Олег", "Викторович"),
       ("Мороз", "Илья", "Ильич"), ("Черных", "Павел", "Андреевич"), ("Павлюк", "Никита", "Сергеевич")]
WOMEN = [("Иванова", "Мария", "Петровна"), ("Смирнова", "Алёна", "Игоревна"), ("Кузнецова", "Ольга", "Викторовна"),
         ("Мороз", "Анна", "Сергеевна"), ("Белых", "Любовь", "Николаевна"), ("Шевченко", "Нелли", "Андреевна")]
POSITIONS = ["учитель математики", "учитель русского языка и литературы", "учитель начальных классов",
             "педагог-психолог", "социальный педагог", "учитель физики", "старшая вожатая",
             "заместитель директора по учебно-воспитательной работе"]
D = dt.date


def rows(people: int, pairs: int, plan_rows: int, seed: int = 1) -> tuple[dict, dict]:
    """(rows by sheet, settings) for a school with this many people, pairs (every tenth a group of 3), plan rows."""
    rnd = random.Random(seed)
    staff = []
    for index in range(people):
        last, first, middle = rnd.choice(WOMEN if index % 2 else MEN)
        staff.append({"Код": f"П-{index + 1:04d}", "Фамилия": last, "Имя": first, "Отчество": middle,
                      "Должность": rnd.choice(POSITIONS), "Педагогический стаж, лет": rnd.randint(0, 35),
                      "Категория": rnd.choice(schema.CATEGORIES), "Молодой специалист": rnd.choice(["да", "нет"]),
                      "Компетенции": "подготовка к ОГЭ; работа с родителями", "Согласие на публикацию": "да",
                      "Согласие быть наставником": "да",
                      "Трудовой договор (№, дата)": f"№ {index + 1} от 01.09.2015"})
    pair_rows, programmes, plan = [], [], []
    mentee = pairs  # mentors are the first `pairs` people, mentees come after them
    for number in range(1, pairs + 1):
        size = 3 if number % 10 == 0 else 1
        form = schema.FORM_GROUP if size > 1 else rnd.choice([schema.FORM_PEER, schema.FORM_REVERSE, schema.FORM_HEAD])
        # As a school keeping the regulation's rules would: no group met one-to-one, no single meeting with a plan.
        interaction = rnd.choice([f for f in schema.INTERACTION_FORMS if f not in ("один-на-один", "скоростное")]
                                 if size > 1 else [f for f in schema.INTERACTION_FORMS if f != "скоростное"])
        for _ in range(size):
            pair_rows.append({"№ пары/группы": str(number), "Наставник (код)": staff[number - 1]["Код"],
                              "Наставляемый (код)": staff[mentee % people]["Код"], "Форма наставничества": form,
                              "Форма взаимодействия": interaction,
                              "Направление": "методика урока", "Согласие наставника (дата)": D(2026, 8, 25),
                              "Доп. соглашение (№, дата)": f"№ {number} от 26.08.2026",
                              "Приказ о закреплении (№)": "45-ОД" if number % 2 else None})
            mentee += 1
        programmes.append({"№": str(number), "Цель": "освоение методики урока", "Задачи": "изучить; провести",
                           "Ожидаемые результаты": "открытый урок", "Дата начала": D(2026, 9, 1),
                           "Дата окончания": D(2027, 5, 31)})
    for index in range(plan_rows):
        plan.append({"№ программы": str(index % pairs + 1), "Мероприятие": f"Мероприятие {index + 1}",
                     "Срок": D(2026, 9, 15) + dt.timedelta(days=index % 250), "Ответственный": "наставник",
                     "Отметка о выполнении": "да" if index % 3 else None})
    orders = [{"№ приказа": "45-ОД", "Дата": D(2026, 9, 1), "Вид": schema.ORDER_ASSIGNMENT, "Статус": "подписан"},
              {"№ приказа": "44-ОД", "Дата": D(2026, 9, 1), "Вид": schema.ORDER_ORGANIZING, "Статус": "подписан"}]
    roadmap = [{"№ п/п": str(n), "Мероприятие": event, "Срок": due, "Ответственный": "куратор",
                "Форма отчётности (результат)": result}
               for n, (event, due, result) in enumerate((
                   ("Формирование наставнических пар и групп", "сентябрь 2026", "приказ о закреплении"),
                   ("Промежуточный мониторинг", "25.12.2026", "справка"),
                   ("Итоговый мониторинг и аналитический отчёт", "май 2027", "аналитический отчёт")), start=1)]
    settings = {"Полное наименование": f"Муниципальное общеобразовательное учреждение школа № {seed}",
                "Краткое наименование": f"МОУ СШ № {seed}", "Населённый пункт": "с. Теньки",
                "Должность руководителя": "Директор", "Руководитель (ФИО)": "Сазонова Татьяна Алексеевна",
                "Куратор (код)": staff[-1]["Код"],
                "Положение о наставничестве (реквизиты приказа)": "от 21.11.2022 № 156",
                "Доплата наставнику по умолчанию": "3 000"}
    return ({"Педагоги": staff, "Пары": pair_rows, "Программы": programmes, "План": plan, "Приказы": orders,
             "Дорожная карта": roadmap, "Вопросы анкет": default_questions(),
             "Ответы анкет": answers(pair_rows, rnd)}, settings)


def answers(pair_rows: list[dict], rnd: random.Random) -> list[dict]:
    """One entry and one final questionnaire per participant: each mentee's self-assessment at both stages and
    mentee questionnaire at the end, each mentor's questionnaire at the end (the default questions' scales)."""
    questions = default_questions()

    def filled(questionnaire: str, stage: str, who: str, pair: str, day: dt.date) -> dict:
        row = {"Анкета": questionnaire, "Этап": stage, "Дата": day, "Респондент (код)": who, "№ пары/группы": pair}
        for question in questions:
            if question["Анкета"] == questionnaire:
                scale = question["Шкала"]
                row[str(question["№ вопроса"])] = (rnd.randint(1, 10) if scale == choices.SCALE_10 else
                                                   rnd.randint(1, 5) if scale == choices.SCALE_5 else
                                                   rnd.choice(schema.YES_NO) if scale == choices.SCALE_YES_NO
                                                   else "всё было полезно")
        return row

    result, mentors = [], set()
    for pair in pair_rows:
        number, mentee = pair["№ пары/группы"], pair["Наставляемый (код)"]
        result.append(filled(choices.QUESTIONNAIRE_SELF, choices.STAGE_ENTRY, mentee, number, D(2026, 9, 20)))
        result.append(filled(choices.QUESTIONNAIRE_SELF, choices.STAGE_FINAL, mentee, number, D(2027, 5, 20)))
        result.append(filled(choices.QUESTIONNAIRE_MENTEE, choices.STAGE_FINAL, mentee, number, D(2027, 5, 20)))
        if number not in mentors:
            mentors.add(number)
            result.append(filled(choices.QUESTIONNAIRE_MENTOR, choices.STAGE_FINAL, pair["Наставник (код)"], number,
                                 D(2027, 5, 21)))
    return result


def write(path: Path, people: int, pairs: int, plan_rows: int, seed: int = 1) -> Path:
    data, settings = rows(people, pairs, plan_rows, seed)
    return write_workbook(path, data, settings)


def print_table(rows: list[tuple[str, str, str]]) -> None:
    """The benchmark's findings: what, measured, target — one line each."""
    width = max(len(r[0]) for r in rows)
    print(f"{'what'.ljust(width)} | measured | target")
    for what, measured, target in rows:
        print(f"{what.ljust(width)} | {measured} | {target}")
