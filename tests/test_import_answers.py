"""`nastavnik import-answers`: exports of online form services (a Google Forms .xlsx, a Яндекс Формы .csv in
Windows-1251) matched to the book's questions and people, the report of matches, a file of its own beside the export
and the curator's book never written."""

from __future__ import annotations

import datetime as dt

import openpyxl

from tests.docx_text import docx_text
from tests.helpers import build, nastavnik
from tests.sample_data import all_signed

MENTEE = "анкета наставляемого"
QUESTIONS = [
    {"Анкета": MENTEE, "№ вопроса": 1, "Вопрос": "Насколько вы удовлетворены поддержкой наставника?", "Шкала": "1–10",
     "Этап": "итоговая"},
    {"Анкета": MENTEE, "№ вопроса": 2, "Вопрос": "Насколько полезными были встречи с наставником?", "Шкала": "1–10",
     "Этап": "итоговая"},
    {"Анкета": MENTEE, "№ вопроса": 3, "Вопрос": "Планируете ли вы работать в профессии педагога?", "Шкала": "да/нет",
     "Этап": "итоговая"},
    {"Анкета": MENTEE, "№ вопроса": 4, "Вопрос": "Чего вам не хватило?", "Шкала": "текст", "Этап": "итоговая"},
    {"Анкета": "самооценка затруднений", "№ вопроса": 1, "Вопрос": "Планирование уроков", "Шкала": "1–5"},
]
GOOGLE = [
    # Google Forms: a timestamp, the name question, the questions numbered by the form, one with a typo, an e-mail.
    ["Отметка времени", "ФИО", "1. Насколько вы удовлетворены поддержкой наставника?",
     "2. Насколько полезными были встречи с наставникамм?", "3. Планируете ли вы работать в профессии педагога?",
     "Адрес электронной почты"],
    [dt.datetime(2027, 5, 20, 10, 15), "Мороз Илья Ильич", 9, 8, "Да", "moroz@example.ru"],
    [dt.datetime(2027, 5, 21, 9, 2), "Шевченко Н.А.", 4, 6, "Нет", "sh@example.ru"],
    [dt.datetime(2027, 5, 21, 11, 40), "Белых Любовь", 7, 7, "Да", ""],
    [dt.datetime(2027, 5, 22, 8, 5), "Петров Пётр", 10, 9, "Да", ""],
]


def _book(write, rows):
    rows = all_signed(rows)
    rows["Вопросы анкет"] = QUESTIONS
    return write(rows, name="Наставничество.xlsx")


def _google(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ответы на форму (1)"
    for line in GOOGLE:
        sheet.append(line)
    book.save(path)
    return path


def test_a_google_forms_export_is_matched_reported_and_written_beside_it(write, rows, templates, tmp_path):
    book = _book(write, rows)
    before = book.read_bytes()
    export = _google(tmp_path / "Анкета наставляемого (Ответы).xlsx")
    result = nastavnik("import-answers", str(export), "--workbook", str(book), "--stage", "итоговая", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    target = tmp_path / "Анкета наставляемого (Ответы) — для книги.xlsx"
    assert result.stdout.splitlines() == [
        "Файл «Анкета наставляемого (Ответы).xlsx»: анкета «анкета наставляемого», этап «итоговая»; анкет: 4.",
        "Столбцы сопоставлены с вопросами: 3 (из них по сходству: 1).",
        "  «1. Насколько вы удовлетворены поддержкой наставника?» → вопрос № 1",
        "  «2. Насколько полезными были встречи с наставникамм?» → похож на вопрос № 2 «Насколько полезными были "
        "встречи с наставником?»",
        "  «3. Планируете ли вы работать в профессии педагога?» → вопрос № 3",
        "Не сопоставлены (не перенесены): «Адрес электронной почты».",
        "Вопросы анкеты без столбца в выгрузке: № 4 «Чего вам не хватило?».",
        "Респонденты найдены на листе «Педагоги»: 3 (по коду 0, по ФИО 3).",
        "  Строка 5 выгрузки: «Петров Пётр» — нет на листе «Педагоги»; анкета перенесена без кода (как анонимная). "
        "Впишите код, если это участник.",
        f"Записано 4 анкеты: «{target}». Книга не изменена: откройте этот файл, скопируйте строки листа «Ответы "
        "анкет» в лист «Ответы анкет» книги и сохраните её — документы пересоберутся.",
    ]
    assert book.read_bytes() == before
    written = openpyxl.load_workbook(target)
    assert [c.value for c in written["Ответы анкет"][1]][:8] == ["Анкета", "Этап", "Дата", "Респондент (код)",
                                                                  "№ пары/группы", "1", "2", "3"]
    lines = [[c.value for c in row][:8] for row in written["Ответы анкет"].iter_rows(min_row=2)]
    assert lines == [
        [MENTEE, "итоговая", dt.datetime(2027, 5, 20), "П-5", None, 9, 8, "Да"],
        [MENTEE, "итоговая", dt.datetime(2027, 5, 21), "П-6", None, 4, 6, "Нет"],
        [MENTEE, "итоговая", dt.datetime(2027, 5, 21), "П-8", None, 7, 7, "Да"],
        [MENTEE, "итоговая", dt.datetime(2027, 5, 22), None, None, 10, 9, "Да"],
    ]
    assert [row[0].value for row in written["Сопоставление"].iter_rows()][1] == \
        "Столбцы сопоставлены с вопросами: 3 (из них по сходству: 1)."

    # The curator copies the rows into the book: the next build counts them.
    workbook = openpyxl.load_workbook(book)
    for line in lines:
        workbook["Ответы анкет"].append(line)
    workbook.save(book)
    output = tmp_path / "out"
    build(book, templates, output, today=dt.date(2027, 6, 20))
    text = docx_text(output / "Отчёты/Аналитический отчёт о реализации системы наставничества 2026-2027.docx")
    assert "анкета наставляемого | итоговая | 4 | 3 (75 %) | 4 | 1" in text
    assert "Анкета наставляемого, итоговая (анкет: 4)\n№ | Вопрос | Ответов | Среднее | Разброс\n1 | Насколько вы " \
           "удовлетворены поддержкой наставника? | 4 | 7,5 из 10 | от 4 до 10" in text


def test_a_yandex_forms_csv_in_windows_1251_takes_its_stage_and_codes_from_its_columns(write, rows, tmp_path):
    book = _book(write, rows)
    export = tmp_path / "yandex.csv"
    export.write_bytes(("ID;Время создания;Код;Этап;Насколько вы удовлетворены поддержкой наставника;Чего вам не "
                        "хватило?\n101;15.05.2027 10:23;П-5;Итоговая;8;больше практики\n"
                        "102;16.05.2027 12:00;п-7;итоговая;6;\n").encode("cp1251"))
    result = nastavnik("import-answers", str(export), "--workbook", str(book), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "Файл «yandex.csv»: анкета «анкета наставляемого», этапы из столбца «Этап»; анкет: 2.",
        "Столбцы сопоставлены с вопросами: 2."]
    assert "Респонденты найдены на листе «Педагоги»: 2 (по коду 2, по ФИО 0)." in result.stdout
    written = openpyxl.load_workbook(tmp_path / "yandex — для книги.xlsx")["Ответы анкет"]
    assert [[c.value for c in row][:9] for row in written.iter_rows(min_row=2)] == [
        [MENTEE, "итоговая", dt.datetime(2027, 5, 15), "П-5", None, "8", None, None, "больше практики"],
        [MENTEE, "итоговая", dt.datetime(2027, 5, 16), "П-7", None, "6", None, None, None],
    ]


def test_an_export_that_matches_nothing_or_lacks_its_stage_is_refused_and_nothing_is_written(write, rows, tmp_path):
    book = _book(write, rows)
    export = tmp_path / "other.csv"
    export.write_text("Отметка времени,Ваш любимый цвет\n2027/05/20 10:00:00,синий\n", encoding="utf-8")
    result = nastavnik("import-answers", str(export), "--workbook", str(book), "--stage", "итоговая", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.strip() == (
        "Импорт «other.csv» не выполнен: ни один столбец не совпал с вопросами анкет листа «Вопросы анкет» (столбцы: "
        "«Отметка времени», «Ваш любимый цвет»). Проверьте, что выгружена нужная форма и что её вопросы — те же, что "
        "в книге.")
    google = _google(tmp_path / "google.xlsx")
    result = nastavnik("import-answers", str(google), "--workbook", str(book), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.strip() == ("Импорт «google.xlsx» не выполнен: в выгрузке нет столбца «Этап»: укажите этап "
                                     "анкеты — --stage входная, промежуточная или итоговая.")
    assert sorted(p.name for p in tmp_path.glob("*для книги*")) == []


def test_a_second_import_of_one_export_never_overwrites_the_first(write, rows, tmp_path):
    book = _book(write, rows)
    export = _google(tmp_path / "export.xlsx")
    for _ in range(2):
        result = nastavnik("import-answers", str(export), "--workbook", str(book), "--stage", "итоговая", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("export — *")) == ["export — для книги (2).xlsx",
                                                                   "export — для книги.xlsx"]
