"""A large test book for layout: 30 pairs and a group, long surnames, double first names, the longest positions of
the nomenclature — what pushes every table's columns to their limits."""

from __future__ import annotations

import copy
import datetime as dt

from tests.sample_data import ROWS, activity, pair, person

D = dt.date
LONG_NAMES = [
    ("Преображенская", "Александра", "Вячеславовна"), ("Кузьмин-Караваев", "Константин", "Святославович"),
    ("Хабибуллина", "Гузель", "Рашидовна"), ("Долгоруковская", "Анна-Мария", "Владиславовна"),
    ("Верхнеднепровский", "Вячеслав", "Александрович"), ("Мухаметзянова", "Эльвира", "Ильдаровна"),
    ("Шереметьев-Голицын", "Ростислав", "Станиславович"), ("Ивановская", "Христина", "Всеволодовна"),
]
LONG_POSITIONS = [
    "преподаватель-организатор основ безопасности и защиты Родины",
    "заместитель директора по учебно-воспитательной работе",
    "педагог дополнительного образования",
    "учитель изобразительного искусства",
    "советник директора по воспитанию и взаимодействию с детскими общественными объединениями",
    "учитель-дефектолог",
]
PAIRS = 30


def rows() -> dict:
    """The test book with 60 more people and 30 more pairs (the last three a group), each with a programme, a plan
    row and a signed or draft order; a long-named mentor gets every kind of change."""
    rows = copy.deepcopy(ROWS)
    people = rows["Педагоги"]
    for index in range(2 * PAIRS):
        last, first, middle = LONG_NAMES[index % len(LONG_NAMES)]
        position = LONG_POSITIONS[index % len(LONG_POSITIONS)]
        people.append(person(f"Д-{index + 1:02d}", last, first, middle, position, 5 + index % 20,
                             **({"Молодой специалист": "да"} if index >= PAIRS else {})))
    for number in range(1, PAIRS + 1):
        mentor, mentee = f"Д-{number:02d}", f"Д-{PAIRS + number:02d}"
        group = number > PAIRS - 3
        form = "наставничество в группе" if group else "педагог – педагог"
        rows["Пары"].append(pair(str(10 + (PAIRS - 2 if group else number)), mentor if not group else "Д-28",
                                 mentee, form, order="45-ОД" if number % 2 else None,
                                 interaction="ситуационное" if group else "один-на-один"))
    for number in sorted({p["№ пары/группы"] for p in rows["Пары"]} - {"1", "2", "3", "4"}, key=int):
        rows["Программы"].append({
            "№": number, "Цель": "освоение современных образовательных технологий и цифровых ресурсов",
            "Задачи": "изучить нормативные документы; провести открытые уроки; подготовить самоанализ",
            "Ожидаемые результаты": "самостоятельное проектирование уроков с использованием цифровых ресурсов",
            "Дата начала": D(2026, 9, 1), "Дата окончания": D(2027, 5, 31)})
        rows["План"].append(activity(number, "Взаимопосещение уроков с последующим самоанализом и обсуждением",
                                     D(2026, 12, 15)))
    rows["Замены"].append({
        "№ пары/группы": "12", "Прежний наставник (код)": "Д-02", "Новый наставник (код)": "Д-04",
        "Дата": D(2026, 11, 16), "Основание": rows["Замены"][0]["Основание"],
        "Документ-основание (вид, №, дата)": "листок нетрудоспособности № 910123456790 от 13.11.2026",
        "Согласие нового наставника (дата)": D(2026, 11, 14),
        "Доп. соглашение нового наставника (№, дата)": "№ 19 от 15.11.2026", "Программа": "скорректировать",
        "Приказ (№)": "50-ОД"})
    rows["Поощрения"] += [
        {"Наставник (код)": f"Д-{number:02d}", "Мера поощрения": "почётная грамота", "Уровень": "школьный",
         "Обоснование": "за высокие результаты сопровождения молодых специалистов", "Дата": D(2026, 11, 20)}
        for number in range(1, 9)]
    return rows
