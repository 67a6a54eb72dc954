"""Monitoring of quality and effect: the questionnaires' answers read from the book, the report's section «Мониторинг
качества и эффекта» with numbers counted again here from the answers as typed, reminders, low marks, bad input."""

from __future__ import annotations

import datetime as dt
import statistics

from automation.book import schema
from tests.docx_text import docx_text
from tests.helpers import build, errors, needs_times, warnings
from tests.sample_data import all_signed

D = dt.date
YEAR_END = D(2027, 6, 20)
REPORT = "Отчёты/Аналитический отчёт о реализации системы наставничества 2026-2027.docx"
MENTOR, MENTEE, SELF = "анкета наставника", "анкета наставляемого", "самооценка затруднений"
ENTRY, FINAL = "входная", "итоговая"
SKILLS = ["Планирование уроков", "Дисциплина на уроке", "Работа с родителями"]
QUESTIONS = [
    *({"Анкета": SELF, "№ вопроса": n, "Вопрос": text, "Шкала": "1–5", "Этап": "входная, итоговая"}
      for n, text in enumerate(SKILLS, start=1)),
    {"Анкета": MENTEE, "№ вопроса": 1, "Вопрос": "Насколько вы удовлетворены поддержкой наставника?", "Шкала": "1–10",
     "Этап": FINAL, "Низкая оценка — до": 4},
    {"Анкета": MENTEE, "№ вопроса": 2, "Вопрос": "Планируете ли вы работать в профессии?", "Шкала": "да/нет",
     "Этап": FINAL},
    {"Анкета": MENTEE, "№ вопроса": 3, "Вопрос": "Что было самым полезным?", "Шкала": "текст", "Этап": FINAL},
    {"Анкета": MENTOR, "№ вопроса": 1, "Вопрос": "Насколько комфортно вам работать с наставляемым?",
     "Шкала": "1–10", "Этап": FINAL, "Низкая оценка — до": 3},
]
# questionnaire, stage, respondent (None: anonymous), pair, answers from question 1
ANSWERS = [
    (SELF, ENTRY, "П-5", "1", [2, 3, 1]),
    (SELF, ENTRY, "П-6", "2", [3, 3, 2]),
    (SELF, ENTRY, "П-8", "2", [2, 2, 2]),
    (SELF, ENTRY, None, None, [1, 2, 2]),
    (SELF, FINAL, "П-5", "1", [4, 4, 3]),
    (SELF, FINAL, "П-6", "2", [4, 5, 3]),
    (SELF, FINAL, "П-7", "3", [3, 3, 3]),
    (MENTEE, FINAL, "П-5", "1", [9, "да", "разбор уроков"]),
    (MENTEE, FINAL, "П-6", "2", [3, "да"]),
    (MENTEE, FINAL, "П-8", "2", [8, "нет"]),
    (MENTEE, FINAL, None, None, [10, "да"]),
    (MENTOR, FINAL, "П-3", "1", [9]),
    (MENTOR, FINAL, "П-4", "2", [2]),
]


def _answer_rows(answers=ANSWERS) -> list[dict]:
    rows = []
    for questionnaire, stage, who, pair, marks in answers:
        day = D(2026, 9, 15) if stage == ENTRY else D(2027, 5, 20)
        row = {"Анкета": questionnaire, "Этап": stage, "Дата": day, "Респондент (код)": who, "№ пары/группы": pair}
        rows.append({**row, **{str(n): mark for n, mark in enumerate(marks, start=1)}})
    return rows


def _book(rows, questions=QUESTIONS, answers=None) -> dict:
    rows = all_signed(rows)
    rows["Вопросы анкет"] = list(questions)
    rows["Ответы анкет"] = _answer_rows() if answers is None else answers
    return rows


def _one(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _section(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("9. Мониторинг"))
    end = next(i for i, line in enumerate(lines) if line.startswith("10. Выводы"))
    return lines[start:end]


def test_the_reports_numbers_are_the_answers_counted_again(write, rows, templates, tmp_path):
    """At the year's end: who was due (entry 30 days from order 45-ОД; the finals 30 days before each programme's
    end, the extended one's too), who answered, each question's mean and spread over every answer (anonymous too),
    the self-assessment's change of the two mentees who filled both, the low marks by pair. Each number is
    recounted here from ANSWERS as typed."""
    output = tmp_path / "out"
    build(write(_book(rows)), templates, output, today=YEAR_END)
    section = _section(docx_text(output / REPORT))

    def given(questionnaire, stage):
        return [a for a in ANSWERS if a[:2] == (questionnaire, stage)]

    # Due: the mentees П-5, П-6, П-8, П-7 at either stage; the mentors of pair 1, group 2 and pair 3 at the end.
    due = {(SELF, ENTRY): {"П-5", "П-6", "П-8", "П-7"}, (SELF, FINAL): {"П-5", "П-6", "П-8", "П-7"},
           (MENTEE, FINAL): {"П-5", "П-6", "П-8", "П-7"}, (MENTOR, FINAL): {("П-3", "1"), ("П-4", "2"), ("П-4", "3")}}
    expected_rows = []
    for (questionnaire, stage), people in due.items():
        answers = given(questionnaire, stage)
        done = sum(1 for a in answers if (a[2], a[3]) in people or a[2] in people)
        anonymous = sum(1 for a in answers if a[2] is None)
        expected_rows.append(f"{questionnaire} | {stage} | {len(people)} | {done} ({round(100 * done / len(people))} %)"
                             f" | {len(answers)} | {anonymous}")
    assert [line for line in section if line.split(" | ")[1:2] in ([ENTRY], [FINAL])] == [
        expected_rows[3], expected_rows[2], expected_rows[0], expected_rows[1]]

    for questionnaire, number, stage, top in [(SELF, 1, ENTRY, 5), (SELF, 3, FINAL, 5), (MENTEE, 1, FINAL, 10),
                                              (MENTOR, 1, FINAL, 10)]:
        answers = given(questionnaire, stage)
        marks = [a[4][number - 1] for a in answers]
        text = next(q["Вопрос"] for q in QUESTIONS if (q["Анкета"], q["№ вопроса"]) == (questionnaire, number))
        caption = section.index(f"{questionnaire.capitalize()}, {stage} (анкет: {len(answers)})")
        rows = section[caption + 2:]
        spread = ("—" if len(marks) == 1 else f"все — {marks[0]}" if min(marks) == max(marks)
                  else f"от {min(marks)} до {max(marks)}")
        assert f"{number} | {text} | {len(marks)} | {_one(statistics.fmean(marks))} из {top} | {spread}" \
            in rows[:rows.index(next(r for r in rows if " | " not in r))]
    yes = [a[4][1] for a in given(MENTEE, FINAL)]
    assert (f"2 | Планируете ли вы работать в профессии? | {len(yes)} | да: {round(100 * yes.count('да') / len(yes))} "
            f"% | да {yes.count('да')}, нет {yes.count('нет')}") in section
    assert not any("Что было самым полезным?" in line for line in section)  # a text answer has no mean

    entries = {a[2]: a[4] for a in given(SELF, ENTRY) if a[2]}
    finals = {a[2]: a[4] for a in given(SELF, FINAL) if a[2]}
    paired = sorted(set(entries) & set(finals))
    assert paired == ["П-5", "П-6"]
    for index, skill in enumerate(SKILLS):
        before = statistics.fmean(entries[p][index] for p in paired)
        after = statistics.fmean(finals[p][index] for p in paired)
        assert f"{skill} | {_one(before)} | {_one(after)} | +{_one(after - before)}" in section
    before = statistics.fmean(m for p in paired for m in entries[p])
    after = statistics.fmean(m for p in paired for m in finals[p])
    assert f"В целом: в среднем с {_one(before)} до {_one(after)} из 5 (+{_one(after - before)}) у 2 наставляемых." \
        in section
    names = {"П-5": ("Мороз И.И.", "пара № 1"), "П-6": ("Шевченко Н.А.", "группа № 2")}
    for code in paired:
        start, end = statistics.fmean(entries[code]), statistics.fmean(finals[code])
        assert f"{names[code][0]} | {names[code][1]} | {_one(start)} | {_one(end)} | +{_one(end - start)}" in section
    low = section[section.index("9.5. Низкие оценки") + 1:]
    assert low[:2] == [
        "Группа № 2, наставляемый (анкета наставляемого, итоговая): «Насколько вы удовлетворены поддержкой "
        "наставника?» — 3 из 10.",
        "Группа № 2, наставник (анкета наставника, итоговая): «Насколько комфортно вам работать с наставляемым?» — "
        "2 из 10."]


def test_reminders_name_who_has_not_answered_and_each_low_mark(write, rows, templates, tmp_path):
    output = tmp_path / "out"
    report = build(write(_book(rows)), templates, output, today=YEAR_END)
    assert ("Анкеты: самооценка затруднений (входная) не заполнена — Павлюк Н.С. (пара № 3, срок прошёл 01.10.2026)."
            in report.reminders)
    assert ("Анкеты: анкета наставника (итоговая) не заполнена — Черных И.П. (пара № 3, до 30.06.2027)."
            in report.reminders)
    assert ("Низкая оценка в анкете «анкета наставляемого» (итоговая; лист «Ответы анкет», строка 10): Шевченко Н.А., "
            "группа № 2 — «Насколько вы удовлетворены поддержкой наставника?» — 3 из 10. Поговорите с участниками "
            "пары.") in report.reminders
    assert not any("Мороз И.И." in line and "Анкеты" in line for line in report.reminders)


def test_anonymous_answers_count_in_the_means_and_are_never_named(write, rows, templates, tmp_path):
    answers = [(MENTEE, FINAL, None, "1", [2, "да"])]
    output = tmp_path / "out"
    report = build(write(_book(rows, answers=_answer_rows(answers))), templates, output, today=YEAR_END)
    section = _section(docx_text(output / REPORT))
    assert "анкета наставляемого | итоговая | 4 | 0 (0 %) | 1 | 1" in section
    assert section[section.index("9.5. Низкие оценки") + 1] == "В анонимных анкетах: 1."
    assert "Низких оценок в анонимных анкетах: 1." in report.reminders
    assert not any("Мороз" in line for line in section)


def test_each_bad_answer_is_a_located_message_and_the_rest_counts(write, rows, templates, tmp_path):
    answers = _answer_rows([
        (SELF, ENTRY, "П-5", "1", [7, 3, 1]),          # 7 is outside 1–5
        (SELF, ENTRY, "П-99", "1", [2, 2, 2]),         # no such person
        (SELF, ENTRY, "П-5", "1", [2, 2, 2]),          # П-5 answered the entry self-assessment already
        (MENTEE, FINAL, "П-6", "2", [8, "может быть"]),  # not «да» or «нет»
    ])
    answers[0]["9"] = 5  # no question № 9 in the self-assessment
    output = tmp_path / "out"
    book = write(_book(rows, answers=answers))
    report = build(book, templates, output, today=YEAR_END)
    assert errors(report) == [
        "Лист «Ответы анкет», строка 3, столбец «Респондент (код)»: нет педагога с кодом «П-99» на листе «Педагоги». "
        "Впишите код из столбца «Код» или оставьте ячейку пустой (анонимный ответ).",
        "Лист «Ответы анкет», строка 4, столбец «Респондент (код)»: анкета «самооценка затруднений» этапа «входная» "
        "от П-5 уже записана в строке 2. Оставьте одну: этот ответ не учтён.",
    ]
    assert [w for w in warnings(report) if "Ответы анкет" in w] == [
        "Лист «Ответы анкет», строка 2, столбец «1»: «7» — вне шкалы 1–5: ответ не учтён. Впишите целое число от 1 "
        "до 5.",
        "Лист «Ответы анкет», строка 2, столбец «9»: в анкете «самооценка затруднений» нет вопроса № 9: ответ «5» не "
        "учтён.",
        "Лист «Ответы анкет», строка 5, столбец «2»: «может быть» — ответ не учтён: на вопрос отвечают «да» или «нет».",
    ]
    section = _section(docx_text(output / REPORT))
    # П-5's first row counts without its bad mark: questions 2 and 3 only.
    rows = section[section.index("Самооценка затруднений, входная (анкет: 1)") + 2:]
    assert rows[:2] == ["2 | Дисциплина на уроке | 1 | 3,0 из 5 | —", "3 | Работа с родителями | 1 | 1,0 из 5 | —"]


def test_bad_questions_are_located_and_an_unasked_questionnaire_is_an_error(write, rows, templates, tmp_path):
    questions = [
        {"Анкета": SELF, "№ вопроса": 1, "Вопрос": "Планирование", "Шкала": "1–5", "Этап": "входная, осенняя"},
        {"Анкета": SELF, "№ вопроса": 1, "Вопрос": "Дисциплина", "Шкала": "1–5"},
        {"Анкета": SELF, "№ вопроса": 31, "Вопрос": "Лишний", "Шкала": "1–5"},
        {"Анкета": SELF, "№ вопроса": 2, "Вопрос": "Что мешает?", "Шкала": "текст", "Низкая оценка — до": 2},
    ]
    answers = _answer_rows([(MENTOR, FINAL, "П-3", "1", [9])])
    report = build(write(_book(rows, questions=questions, answers=answers)), templates, tmp_path / "out",
                   today=YEAR_END)
    assert [e for e in errors(report) if "анкет" in e.lower()] == [
        "Лист «Вопросы анкет», строка 3, столбец «№ вопроса»: вопрос № 1 анкеты «самооценка затруднений» уже есть в "
        "строке 2. Дайте вопросу другой номер.",
        "Лист «Вопросы анкет», строка 4, столбец «№ вопроса»: «31» — номер вопроса должен быть целым числом от 1 до "
        "30.",
        "Лист «Ответы анкет», строка 2, столбец «Анкета»: в анкете «анкета наставника» нет вопросов на листе «Вопросы "
        "анкет». Впишите её вопросы.",
    ]
    assert [w for w in warnings(report) if "Вопросы анкет" in w] == [
        "Лист «Вопросы анкет», строка 2, столбец «Этап»: «осенняя» — не этап; этапы: «входная», «промежуточная», "
        "«итоговая». Пока вопрос задаётся на этапах: входная.",
        "Лист «Вопросы анкет», строка 5, столбец «Низкая оценка — до»: у шкалы «текст» нет оценок, низкая оценка не "
        "отмечается. Очистите ячейку.",
    ]


def test_a_book_without_the_monitoring_sheets_says_so_once_and_builds(write, rows, templates, tmp_path):
    import openpyxl

    book = write(rows)
    workbook = openpyxl.load_workbook(book)
    del workbook["Вопросы анкет"], workbook["Ответы анкет"]
    workbook.save(book)
    report = build(book, templates, tmp_path / "out")
    assert [w for w in warnings(report) if "анкет" in w] == [
        f"Лист «Вопросы анкет»: {schema.QUESTIONS.when_missing}", f"Лист «Ответы анкет»: {schema.ANSWERS.when_missing}"]
    assert "Анкет нет: вопросы анкет не заданы." in docx_text(tmp_path / "out" / REPORT)


def test_the_section_at_the_years_end_matches_its_golden_text(write, rows, templates, tmp_path, update_golden):
    """The whole section as the director reads it (tests/golden/Мониторинг на конец года.txt), and the report's
    conclusions on the questionnaires."""
    from pathlib import Path

    output = tmp_path / "out"
    build(write(_book(rows)), templates, output, today=YEAR_END)
    text = docx_text(output / REPORT)
    lines = text.splitlines()
    conclusions = lines[lines.index("10. Выводы") + 1:]
    section = "\n".join(_section(text) + ["10. Выводы"] + conclusions[:conclusions.index("Куратор") if "Куратор" in
                                                                       conclusions else None]) + "\n"
    golden = Path(__file__).parent / "golden" / "Мониторинг на конец года.txt"
    if update_golden:
        golden.write_text(section, encoding="utf-8")
    assert section == golden.read_text(encoding="utf-8")


FORMS = "Анкеты/Анкеты — {} этап.docx"
ENTRIES = [answer for answer in ANSWERS if answer[1] == ENTRY]


def test_the_questionnaires_to_print_are_filled_in_for_who_has_yet_to_answer(write, rows, templates, tmp_path):
    """On the test day the entry self-assessments of П-5, П-6 and П-8 are in the book: only П-7's is printed, with
    their name, pair, mentor in force, programme and due day, and a box for each mark."""
    output = tmp_path / "out"
    build(write(_book(rows, answers=_answer_rows(ENTRIES))), templates, output)
    lines = docx_text(output / FORMS.format("входной")).splitlines()
    assert lines[1:9] == [
        "Самооценка профессиональных затруднений", "Входная анкета",
        "Участник: Павлюк Никита Сергеевич, учитель информатики", "Пара № 3; наставник: Черных И.П.",
        "Программа: освоение электронного журнала", "Заполнить до 01.10.2026.",
        "Оцените каждое умение, отметив одну оценку: 1 — испытываю серьёзные затруднения, 5 — затруднений нет.",
        "1. Планирование уроков"]
    assert lines[9] == "\u2003".join(f"□ {mark}" for mark in range(1, 6))
    final = docx_text(output / FORMS.format("итоговый"))
    assert final.count("Итоговая анкета") == 11  # 4 mentees × 2 questionnaires, the mentors of 1, 2 and 3
    assert "Группа № 2; наставляемые: Шевченко Н.А., Белых Л.Н." in final and "□ да\u2003\u2003□ нет" in final


@needs_times
def test_each_printed_questionnaire_takes_one_page(write, rows, templates, tmp_path):
    from pypdf import PdfReader

    from automation.run import printing

    output = tmp_path / "out"
    build(write(_book(rows, answers=_answer_rows(ENTRIES))), templates, output)
    work = tmp_path / "pdf"
    work.mkdir()
    printing.convert(printing.find_soffice(), work, [output / FORMS.format("итоговый")])
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(work / "Анкеты — итоговый этап.pdf").pages]
    assert len(pages) == 11
    assert all(page.count("Итоговая анкета") == 1 and "Подпись" in page for page in pages)


def test_the_due_days_are_the_schools_settings(write, rows, settings, templates, tmp_path):
    """«Входная анкета: дней после приказа» 10: П-7's entry self-assessment was due by 11.09.2026; «Итоговая анкета:
    дней до конца программы» 60: the final ones of group 2 (ending 31.03.2027) are due from 30.01.2027."""
    settings["Входная анкета: дней после приказа"] = 10
    settings["Итоговая анкета: дней до конца программы"] = 60
    report = build(write(_book(rows, answers=_answer_rows(ENTRIES)), settings), templates, tmp_path / "out",
                   today=D(2027, 1, 30))
    assert ("Анкеты: самооценка затруднений (входная) не заполнена — Павлюк Н.С. (пара № 3, срок прошёл 11.09.2026)."
            in report.reminders)
    assert ("Анкеты: самооценка затруднений (итоговая) не заполнена — Шевченко Н.А. (группа № 2, до 31.03.2027); "
            "Белых Л.Н. (группа № 2, до 31.03.2027).") in report.reminders


def test_answers_never_reach_the_public_documents(write, rows, templates, tmp_path):
    """Answers are personal data: the site page, the public list and the certificate hold none of them — not a
    text answer, not a mark, not that a person answered."""
    answers = _answer_rows([(MENTEE, FINAL, "П-5", "1", [3, "да", "конфиденциальный ответ"])])
    output = tmp_path / "out"
    build(write(_book(rows, answers=answers)), templates, output, today=YEAR_END)
    public = [output / "Списки" / "Страница для сайта.html", *output.glob("Списки/*.docx"),
              *output.glob("Отчёты/Справка*.docx")]
    assert len(public) >= 4
    for path in public:
        text = path.read_text(encoding="utf-8") if path.suffix == ".html" else docx_text(path)
        assert "конфиденциальный" not in text and "анкет" not in text.lower(), path.name


def test_the_indicators_table_holds_the_numbers_and_a_chart_of_the_self_assessment(write, rows, templates,
                                                                                    tmp_path):
    import zipfile

    import openpyxl

    output = tmp_path / "out"
    build(write(_book(rows)), templates, output, today=YEAR_END)
    path = output / "Отчёты" / "Показатели наставничества 2026-2027.xlsx"
    book = openpyxl.load_workbook(path)
    lines = [[c.value for c in row] for row in book["Таблица"].iter_rows()]
    quality = [line[1:3] for line in lines if line[0] == "Мониторинг качества и эффекта"]
    assert quality[0] == ["ответили: анкета наставника, итоговая",
                          "должны 3, ответили 2 (67 %); всего анкет 2, анонимных 0"]
    assert quality[-2:] == [["самооценка затруднений в целом", "в среднем с 2,3 до 3,8 из 5 (+1,5) у 2 наставляемых"],
                            ["низких оценок", 2]]
    chart = [[c.value for c in row] for row in book["Диаграмма"].iter_rows()]
    assert chart[1:] == [[None, "входная", "итоговая"], ["Планирование уроков", 2.5, 4.0],
                         ["Дисциплина на уроке", 3.0, 4.5], ["Работа с родителями", 1.5, 3.0]]
    with zipfile.ZipFile(path) as archive:
        drawn = archive.read("xl/charts/chart1.xml").decode("utf-8")
    assert "<c:barChart>" in drawn and "Диаграмма!$B$3:$B$5" in drawn and "Диаграмма!$C$3:$C$5" in drawn
