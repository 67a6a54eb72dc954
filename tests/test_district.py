"""A district in one run: each school into its own folder, a summary with totals, a bad workbook never stops the rest."""

import threading

import openpyxl
import pytest

from automation.run.district import build_any
from automation.run.watch import Debouncer, Watched, Watcher
from tests import sample_data
from tests.docx_text import output_text
from tests.helpers import FAST, TODAY, settled, write_book

KARSUN = {**sample_data.SETTINGS, "Краткое наименование": "МКОУ Карсунская СШ № 2"}


def one_pair(rows: dict) -> dict:
    """A small school: pair 1 only, with its programme, plan, incentive and order."""
    return {**rows, "Пары": rows["Пары"][:1], "Программы": rows["Программы"][:1], "План": rows["План"][:2],
            "Замены": [], "Поощрения": rows["Поощрения"][:1], "Приказы": rows["Приказы"][:1]}


@pytest.fixture
def district(tmp_path, rows):
    folder = tmp_path / "район"
    folder.mkdir()
    write_book(folder / "karsun.xlsx", one_pair(rows), KARSUN)
    write_book(folder / "tenki.xlsx", sample_data.all_signed(rows), sample_data.SETTINGS)
    (folder / "broken.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    (folder / "~$tenki.xlsx").write_bytes(b"lock")
    return folder


@pytest.mark.parametrize("workers", [1, 2])
def test_each_school_into_its_folder_and_a_summary(district, templates, tmp_path, workers):
    output = tmp_path / "out"
    report = build_any(district, templates, output, today=TODAY, workers=workers, district=True)
    assert report.exit_code == 1
    assert [str(p) for p in report.errors] == [
        "Книга «broken.xlsx». Файл «broken.xlsx» — не книга Excel .xlsx или сохранён не до конца. "
        "Откройте его в Excel и сохраните как .xlsx."]
    assert report.as_json()["errors"][0]["workbook"] == "broken.xlsx"
    assert sorted(p.name for p in output.iterdir() if not p.name.startswith(".")) == [
        "МКОУ Карсунская СШ № 2", "МКОУ Теньковская СШ", "Сводка по району 2026-2027.docx",
        "Сводка по району 2026-2027.xlsx", "Справки школ о наставничестве 2026-2027.xlsx"]
    assert (output / "МКОУ Теньковская СШ" / "Приказы" /
            "Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx").is_file()
    summary = output_text(output / "Сводка по району 2026-2027.docx")
    # Теньки: the test workbook's counts (see test_reports); Карсун: only pair 1 (mentee П-5), so 1 of its 2 young
    # specialists has a mentor; one programme started; its one due activity (20.09.2026) done.
    assert ("МКОУ Карсунская СШ № 2 | 1 | 0 | 1 | 1 | 1 из 2 (50 %) | 1 | 0 | 0 | 0 | 1 из 1 (100 %)\n"
            "МКОУ Теньковская СШ | 2 | 1 | 2 | 4 | 2 из 2 (100 %) | 3 | 0 | 1 | 0 | 2 из 3 (67 %)\n"
            "Итого | 3 | 1 | 3 | 5 | 3 из 4 (75 %) | 4 | 0 | 1 | 0 | 3 из 4 (75 %)\n"
            "Мониторинг качества и эффекта: итоги анкет\n"
            "Школа | Заполнено анкет из ожидавшихся | Самооценка затруднений: входная → итоговая | Итоговая анкета "
            "наставляемого | Итоговая анкета наставника\n"
            "МКОУ Карсунская СШ № 2 | — | — | — | —\n"
            "МКОУ Теньковская СШ | — | — | — | —\n"
            "Итого | — | — | — | —\n"
            "Приказ об организации наставничества на учебный год подписан: в 1 из 2 (нет: МКОУ Карсунская СШ № 2).\n"
            "Не удалось прочитать книги: broken.xlsx.") in summary
    table = openpyxl.load_workbook(output / "Сводка по району 2026-2027.xlsx").active
    assert [c.value for c in table[5]] == ["Итого", 3, 1, 3, 5, "3 из 4 (75 %)", 4, 0, 1, 0, "3 из 4 (75 %)"]


def test_documents_are_reported_with_their_school_folder(district, templates, tmp_path):
    report = build_any(district, templates, tmp_path / "out", today=TODAY, workers=1, district=True)
    paths = {str(d.path) for d in report.documents}
    assert "МКОУ Карсунская СШ № 2/Отчёт о проверке.docx" in paths
    assert "Сводка по району 2026-2027.docx" in paths
    assert all(line.startswith(("МКОУ Теньковская СШ: ", "МКОУ Карсунская СШ № 2: ")) for line in report.reminders)


def test_a_folder_with_one_workbook_is_a_single_school(tmp_path, rows, templates):
    folder = tmp_path / "workbook"
    folder.mkdir()
    write_book(folder / "Наставничество.xlsx", rows, sample_data.SETTINGS)
    build_any(folder, templates, tmp_path / "out", today=TODAY)
    assert (tmp_path / "out" / "Отчёт о проверке.docx").is_file()
    assert not (tmp_path / "out" / "МКОУ Теньковская СШ").exists()


def test_the_watcher_rebuilds_a_district_folder(district, templates, tmp_path, rows):
    output = tmp_path / "out"
    build_any(district, templates, output, today=TODAY, workers=1, district=True)
    builds = []
    stop = threading.Event()

    def rebuild():
        builds.append(build_any(district, templates, output, today=TODAY, workers=1, district=True))

    watcher = Watcher(Watched.of(district, templates, output), rebuild, Debouncer(**FAST))
    ready = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(stop,), kwargs={"ready": ready}, daemon=True)
    thread.start()
    assert ready.wait(10)
    rows["Программы"][0]["Цель"] = "цель, изменённая в Карсуне"
    write_book(tmp_path / "staged.xlsx", one_pair(rows), KARSUN).replace(district / "karsun.xlsx")
    settled(lambda: len(builds), 1, watcher)
    stop.set()
    thread.join(5)
    assert len(builds) == 1
    changed = sorted(str(d.path) for d in builds[0].documents if d.status != "без изменений")
    assert changed == ["МКОУ Карсунская СШ № 2/Программы/Программа наставничества № 1 Мороз И.И.docx"]


def test_two_workbooks_of_one_short_name_never_share_a_folder(tmp_path, rows, templates):
    folder = tmp_path / "район"
    folder.mkdir()
    for name in ("a", "b"):
        write_book(folder / f"{name}.xlsx", rows, sample_data.SETTINGS)
    output = tmp_path / "out"
    report = build_any(folder, templates, output, today=TODAY, workers=2, district=True)
    assert report.exit_code == 0
    assert sorted(p.name for p in output.iterdir() if p.is_dir() and not p.name.startswith(".")) == [
        "МКОУ Теньковская СШ (a)", "МКОУ Теньковская СШ (b)"]


def test_a_fault_in_one_school_never_stops_the_others(district, templates, tmp_path, monkeypatch):
    from automation.run import build as builder

    real = builder.build_validated

    def failing(result, report, options):
        if options.output.name == "МКОУ Карсунская СШ № 2":
            raise RuntimeError("сбой в одной школе")
        return real(result, report, options)

    monkeypatch.setattr(builder, "build_validated", failing)
    output = tmp_path / "out"
    report = build_any(district, templates, output, today=TODAY, workers=1, district=True)
    karsun = [str(p) for p in report.errors if p.workbook == "karsun.xlsx"]
    assert len(karsun) == 1
    assert karsun[0].startswith("Книга «karsun.xlsx». Не удалось собрать документы школы «МКОУ Карсунская СШ № 2»: "
                                "внутренняя ошибка программы (RuntimeError). Подробности записаны в файл")
    crash = list((output / "МКОУ Карсунская СШ № 2" / ".nastavnik").glob("сбой *.txt"))
    assert len(crash) == 1 and "сбой в одной школе" in crash[0].read_text(encoding="utf-8")
    assert (output / "МКОУ Теньковская СШ" / "Отчёт о проверке.docx").is_file()
    assert (output / "Сводка по району 2026-2027.docx").is_file()


def _district_book(folder, values: dict) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Район"
    sheet.append(["Параметр", "Значение"])
    for name, value in values.items():
        sheet.append([name, value])
    book.save(folder / "Район.xlsx")


def test_a_district_without_its_book_gets_a_blank_one_and_lines_to_write_by_hand(district, templates, tmp_path):
    """The summary is headed by the issuing body and signed by its compiler; a first run makes «Район.xlsx» for them
    (never read as a school) and says so, and the summary has lines where they go."""
    report = build_any(district, templates, tmp_path / "out", today=TODAY, workers=1, district=True)
    assert [str(p) for p in report.warnings if p.workbook == "Район.xlsx"] == [
        f"Книга «Район.xlsx». Создана книга района «Район.xlsx» в папке «{district}»: впишите в неё орган управления "
        "образованием и составителя сводки — они попадут в шапку и подпись сводки. Пока на их месте пустые строки."]
    made = openpyxl.load_workbook(district / "Район.xlsx")["Район"]
    assert [[c.value for c in row][:2] for row in made.iter_rows()] == [
        ["Параметр", "Значение"], ["Орган управления образованием", None], ["Должность составителя", None],
        ["Составитель (ФИО)", None], ["Телефон составителя", None]]
    summary = output_text(tmp_path / "out" / "Сводка по району 2026-2027.docx")
    assert summary.startswith("____________\nСводка по реализации системы наставничества педагогических работников\n"
                              "2026/2027 учебный год; по состоянию на 27.11.2026\n")
    assert summary.endswith("Составил: ____________\t____________ ____________\nДата составления: 27.11.2026\n")
    again = build_any(district, templates, tmp_path / "out", today=TODAY, workers=1, district=True)
    assert [str(p) for p in again.warnings if p.workbook == "Район.xlsx"] == [
        "Книга «Район.xlsx». Лист «Район», строка 2, столбец «Значение»: не заполнено «Орган управления "
        "образованием» (полностью, как в бланке: «Управление образования администрации МО «Мелекесский район»»). "
        "В сводке на его месте пустая строка для записи от руки.",
        "Книга «Район.xlsx». Лист «Район», строка 3, столбец «Значение»: не заполнено «Должность составителя» "
        "(например, «методист МКУ «Центр сопровождения образования»»). В сводке на его месте пустая строка для "
        "записи от руки.",
        "Книга «Район.xlsx». Лист «Район», строка 4, столбец «Значение»: не заполнено «Составитель (ФИО)» "
        "(полностью: Фамилия Имя Отчество). В сводке на его месте пустая строка для записи от руки."]
    assert not (tmp_path / "out" / "Район").exists()


def test_the_summary_names_its_issuing_body_and_is_signed_by_its_compiler(district, templates, tmp_path):
    _district_book(district, {"Орган управления образованием": "Управление образования администрации МО "
                                                                "«Мелекесский район»",
                              "Должность составителя": "методист МКУ «ЦСО»", "Составитель (ФИО)": "Лаптева Анна Игоревна",
                              "Телефон составителя": "8 (84235) 2-11-11"})
    report = build_any(district, templates, tmp_path / "out", today=TODAY, workers=1, district=True)
    assert [p for p in report.warnings if p.workbook == "Район.xlsx"] == []
    summary = output_text(tmp_path / "out" / "Сводка по району 2026-2027.docx")
    assert summary.startswith("Управление образования администрации МО «Мелекесский район»\nСводка по реализации")
    assert summary.endswith("Не удалось прочитать книги: broken.xlsx.\n"
                            "Составил: методист МКУ «ЦСО»\t____________ А.И. Лаптева\nТел. 8 (84235) 2-11-11\n"
                            "Дата составления: 27.11.2026\n")


def test_an_unreadable_district_book_is_one_warning_and_never_a_school(district, templates, tmp_path):
    (district / "Район.xlsx").write_bytes(b"PK\x03\x04 damaged")
    report = build_any(district, templates, tmp_path / "out", today=TODAY, workers=1, district=True)
    assert [str(p) for p in report.warnings if p.workbook == "Район.xlsx"] == [
        "Книга «Район.xlsx». Файл «Район.xlsx» — не книга Excel .xlsx или сохранён не до конца. Откройте его в Excel "
        "и сохраните как .xlsx. Шапка и подпись сводки — пустыми строками для записи от руки."]
    assert [p.workbook for p in report.errors] == ["broken.xlsx"]
    assert (district / "Район.xlsx").read_bytes() == b"PK\x03\x04 damaged"


def test_a_district_folder_it_cannot_write_to_still_gets_its_summary(district, templates, tmp_path, monkeypatch):
    import errno

    from automation.run import district as district_module

    def refused(path):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(district_module, "write_district_book", refused)
    report = build_any(district, templates, tmp_path / "out", today=TODAY, workers=1, district=True)
    assert [str(p) for p in report.warnings if p.workbook == "Район.xlsx"] == [
        f"Книга «Район.xlsx». Нет книги района «Район.xlsx» в папке «{district}», и создать её не удалось (нет прав "
        "на запись?). Шапка и подпись сводки — пустыми строками для записи от руки."]
    assert output_text(tmp_path / "out" / "Сводка по району 2026-2027.docx").startswith("____________\nСводка")


def test_the_summary_holds_each_schools_questionnaires_in_aggregate_and_the_certificates_table(tmp_path, rows,
                                                                                             templates):
    """Теньки's mentees filled the entry and final self-assessment and the final questionnaire, Карсун's one mentee
    the entry one only: the summary shows each school's shares and means, the district's weighted by answers, and no
    answer of anyone; the table of certificates has a row per school with each item the region asks."""
    questions = [{"Анкета": "самооценка затруднений", "№ вопроса": 1, "Вопрос": "Планирование уроков",
                  "Шкала": "1–5", "Этап": "входная, итоговая"},
                 {"Анкета": "анкета наставляемого", "№ вопроса": 1, "Вопрос": "Насколько вы довольны?",
                  "Шкала": "1–10", "Этап": "итоговая"}]

    def answer(questionnaire, stage, who, mark):
        return {"Анкета": questionnaire, "Этап": stage, "Респондент (код)": who, "1": mark}

    tenki = sample_data.all_signed(rows)
    tenki["Вопросы анкет"] = questions
    tenki["Ответы анкет"] = [answer("самооценка затруднений", "входная", "П-5", 2),
                             answer("самооценка затруднений", "итоговая", "П-5", 4),
                             answer("самооценка затруднений", "входная", "П-6", 3),
                             answer("анкета наставляемого", "итоговая", "П-5", 9)]
    karsun = one_pair(rows)
    karsun["Вопросы анкет"] = questions
    karsun["Ответы анкет"] = [answer("самооценка затруднений", "входная", "П-5", 1)]
    folder = tmp_path / "район"
    folder.mkdir()
    write_book(folder / "karsun.xlsx", karsun, KARSUN)
    write_book(folder / "tenki.xlsx", tenki, sample_data.SETTINGS)
    output = tmp_path / "out"
    build_any(folder, templates, output, today=TODAY, workers=1, district=True)
    summary = output_text(output / "Сводка по району 2026-2027.docx")
    # Due on 27.11.2026: the entry self-assessment of each mentee of a pair in force (Карсун: П-5; Теньки: П-5,
    # П-6, П-8, П-7); nothing final is due yet. П-5 of Теньки has both: 2 → 4.
    assert ("МКОУ Карсунская СШ № 2 | 1 из 1 (100 %) | — | — | —\n"
            "МКОУ Теньковская СШ | 2 из 4 (50 %) | 2,0 → 4,0 из 5 (1 чел.) | 9,0 из 10 | —\n"
            "Итого | 3 из 5 (60 %) | 2,0 → 4,0 из 5 (1 чел.) | 9,0 из 10 | —\n") in summary
    table = openpyxl.load_workbook(output / "Справки школ о наставничестве 2026-2027.xlsx").active
    lines = [[cell.value for cell in row] for row in table.iter_rows() if any(c.value for c in row)]
    header = next(line for line in lines if line[0] == "Школа")
    assert header[1:] == ["Раздел «Наставничество» на официальном сайте",
                          "Приказ об организации наставничества на учебный год", "Положение о системе наставничества",
                          "Дорожная карта на учебный год", "Приказ о назначении куратора",
                          "База наставников и наставляемых", "Локальный акт об оплате наставничества",
                          "Приказы о закреплении пар и групп"]
    tenki_row = next(line for line in lines if line[0] == "МКОУ Теньковская СШ")
    assert tenki_row[2] == "приказ от 01.09.2026 № 30-ОД"
    assert tenki_row[-1] == "приказ от 01.09.2026 № 45-ОД (пар — 2, групп — 1)"
    karsun_row = next(line for line in lines if line[0] == "МКОУ Карсунская СШ № 2")
    assert karsun_row[2] == "нет"


def test_a_closed_years_summary_reads_each_schools_book_of_that_year(tmp_path, rows, templates):
    """Теньки has started 2027/2028 (its book of 2026/2027 kept beside as «tenki 2026-2027.xlsx»), Карсун has not: the
    summary of 2026/2027 reads Теньки's closed book and Карсун's current one, and neither book is read twice."""
    from automation.documents.period import Period

    folder = tmp_path / "район"
    folder.mkdir()
    write_book(folder / "karsun.xlsx", one_pair(rows), KARSUN)
    write_book(folder / "tenki 2026-2027.xlsx", sample_data.all_signed(rows), sample_data.SETTINGS)
    write_book(folder / "tenki.xlsx", {**one_pair(rows), "Пары": []}, {**sample_data.SETTINGS,
                                                                          "Учебный год": "2027/2028"})
    output = tmp_path / "out"
    report = build_any(folder, templates, output, today=TODAY, workers=1, district=True,
                       period=Period.parse("2026/2027"))
    assert report.fatal is None
    summary = output_text(output / "Сводка по району 2026-2027.docx")
    counts = [line for line in summary.splitlines() if line.startswith("МКОУ Теньковская СШ | ")]
    assert counts[0].startswith("МКОУ Теньковская СШ | 2 | 1 | 2 | 4 |") and len(counts) == 2  # the two tables
