"""Bad input and faults of the machine: each a located Russian message, the rest still made, never a traceback."""

import datetime as dt
import errno
import json
import os
import shutil
import stat
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from automation import cli, files
from automation.book import schema
from automation.documents import catalogue
from automation.run import build as builder
from automation.run import commands
from automation.run.report import Report
from tests import sample_data
from tests.docx_text import docx_text
from tests.helpers import build, errors, warnings, write_book
from tests.ods import write_ods


def edit(book: Path, change) -> Path:
    """Change the saved workbook with openpyxl, as a curator's program would, then save it in place."""
    wb = openpyxl.load_workbook(book)
    change(wb)
    wb.save(book)
    return book


def column(ws, header: str) -> int:
    return next(c.column for c in ws[1] if c.value == header)


def set_cell(sheet: str, row: int, header: str, value, error: bool = False):
    def change(wb):
        ws = wb[sheet]
        cell = ws.cell(row, column(ws, header))
        cell.value = value
        if error:
            cell.data_type = "e"
    return change


@pytest.mark.parametrize("value, message", [
    (89271234567, "«89271234567» — число, а не дата. Введите дату в виде ДД.ММ.ГГГГ, например 01.09.2026."),
    (10000000, "«10000000» — число, а не дата. Введите дату в виде ДД.ММ.ГГГГ, например 01.09.2026."),
    ("01.01.0001", "«01.01.0001» — год 1 не похож на дату документа. Проверьте дату (ДД.ММ.ГГГГ)."),
])
def test_a_number_in_a_date_cell_is_a_located_error(write, rows, templates, tmp_path, value, message):
    book = edit(write(rows), set_cell("Пары", 2, "Согласие наставника (дата)", value))
    report = build(book, templates, tmp_path / "out")
    assert f"Лист «Пары», строка 2, столбец «Согласие наставника (дата)»: {message}" in errors(report)
    assert report.exit_code == 1
    assert (tmp_path / "out" / "Списки" / "Список наставнических пар (групп).docx").is_file()


def test_serial_zero_and_infinity_in_date_cells_are_errors(write, rows, templates, tmp_path):
    def change(wb):
        ws = wb["Программы"]
        start, end = ws.cell(2, column(ws, "Дата начала")), ws.cell(3, column(ws, "Дата окончания"))
        start.value, start.number_format = 0, "DD.MM.YYYY"
        end.value = "1e400"
    report = build(edit(write(rows), change), templates, tmp_path / "out")
    found = errors(report)
    assert ("Лист «Программы», строка 2, столбец «Дата начала»: «00:00» — время или число 0, а не дата. "
            "Введите дату в виде ДД.ММ.ГГГГ.") in found
    assert ("Лист «Программы», строка 3, столбец «Дата окончания»: «1e400» — не дата. Введите дату в виде "
            "ДД.ММ.ГГГГ, например 01.09.2026.") in found


@pytest.mark.parametrize("value, message", [
    ("nan", "«nan» — не число. Введите число, например 12."),
    ("inf", "«inf» — не число. Введите число, например 12."),
    (-5000, "«-5000» — число меньше нуля. Введите число не меньше 0."),
])
def test_an_amount_that_is_no_amount_is_a_located_error(write, rows, templates, tmp_path, value, message):
    book = edit(write(rows), set_cell("Поощрения", 5, "Сумма, руб.", value))
    report = build(book, templates, tmp_path / "out")
    assert f"Лист «Поощрения», строка 5, столбец «Сумма, руб.»: {message}" in errors(report)


def test_a_formula_error_is_reported_as_such_not_as_a_blank(write, rows, templates, tmp_path):
    book = edit(write(rows), set_cell("Программы", 3, "Цель", "#REF!", error=True))
    report = build(book, templates, tmp_path / "out")
    assert errors(report) == ["Лист «Программы», строка 3, столбец «Цель»: в ячейке ошибка формулы «#REF!». "
                                "Исправьте формулу или впишите значение."]


def test_a_formula_error_in_an_optional_column_is_not_taken_for_text(write, rows, templates, tmp_path):
    book = edit(write(rows), set_cell("Программы", 2, "Сильные стороны", "#DIV/0!", error=True))
    report = build(book, templates, tmp_path / "out")
    assert ("Лист «Программы», строка 2, столбец «Сильные стороны»: в ячейке ошибка формулы «#DIV/0!». "
            "Исправьте формулу или впишите значение.") in errors(report)


def test_control_characters_leave_every_output_valid(write, rows, templates, tmp_path):
    rows["Программы"][0]["Цель"] = "освоение_x000B_методики_x000C_ консультирования"
    rows["Педагоги"][2]["Должность"] = "учитель_x0000_ математики"
    book = write(rows)
    report = build(book, templates, tmp_path / "out")
    assert ("Лист «Программы», строка 2, столбец «Цель»: в ячейке были непечатаемые символы (скопированы из другой "
            "программы); в документах они убраны. Проверьте текст ячейки.") in warnings(report)
    programme = tmp_path / "out" / "Программы" / "Программа наставничества № 1 Мороз И.И.docx"
    assert "освоение\nметодики консультирования" in docx_text(programme)
    for made in (tmp_path / "out").rglob("*"):
        if made.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(made) as archive:
                for name in archive.namelist():
                    if name.endswith(".xml"):
                        text = archive.read(name).decode("utf-8")
                        assert "\x0b" not in text and "\x0c" not in text and "\x00" not in text, (made, name)
    page = (tmp_path / "out" / "Списки" / "Страница для сайта.html").read_text(encoding="utf-8")
    assert "\x0c" not in page


def test_merged_cells_count_for_every_row_they_cover(write, rows, templates, tmp_path):
    rows["План"][1]["№ программы"] = None  # the curator merged «№ программы» over programme 1's two rows

    def change(wb):
        ws = wb["План"]
        ws.merge_cells(start_row=2, end_row=3, start_column=1, end_column=1)
    book = edit(write(rows), change)
    report = build(book, templates, tmp_path / "out")
    assert errors(report) == []
    assert ("Лист «План», строка 2, столбец «№ программы»: ячейки A2:A3 объединены: значение «1» учтено для строк "
            "2–3. Лучше разъединить ячейки и вписать значение в каждую строку.") in warnings(report)
    programme = docx_text(tmp_path / "out" / "Программы" / "Программа наставничества № 1 Мороз И.И.docx")
    assert "Открытая консультация" in programme
    marked = openpyxl.load_workbook(tmp_path / "out" / report.marked)
    first = marked["План"]["A2"]
    assert "объединены" in first.comment.text


def test_forbidden_and_overlong_names_are_made_safe():
    assert catalogue.safe_name("CON") == "_CON"
    assert catalogue.safe_name("a<b>c:d\"e/f\\g|h?i*j") == "a‹b›c꞉d'e∕f∖gǀhi∗j"
    assert catalogue.safe_name("x\x00y\x0cz") == "xy z"
    long = catalogue.PROGRAMME.name(number="1" * 300, person="Мороз И.И.")
    assert len(long) <= catalogue.NAME_LIMIT + len(".docx") and long.endswith(".docx")
    assert len(long.encode("utf-8")) < 255


def test_an_overlong_order_number_still_makes_its_order(write, rows, templates, tmp_path):
    rows["Замены"][0]["Приказ (№)"] = "50-ОД" + "x" * 900
    rows["Приказы"][3]["№ приказа"] = "50-ОД" + "x" * 900
    report = build(write(rows), templates, tmp_path / "out")
    orders = sorted(p.name for p in (tmp_path / "out" / "Приказы").iterdir())
    assert any(name.startswith("ПРОЕКТ Приказ № 50-ОДxxx") and "…" in name for name in orders)
    assert report.exit_code == 0


@pytest.mark.parametrize("code, message", [
    (errno.ENOSPC, "на диске нет места. Освободите место и сохраните книгу ещё раз."),
    (errno.EFBIG, "файл слишком велик для этого диска (например, флешки FAT32)."),
    (errno.ENAMETOOLONG, "слишком длинное имя файла или путь к папке. Перенесите рабочую папку ближе к корню диска."),
])
def test_a_write_fault_fails_one_document_and_the_rest_are_made(write, rows, templates, tmp_path, monkeypatch,
                                                                 code, message):
    replace = os.replace

    def failing(source, target):
        if str(target).endswith("Список наставнических пар (групп).docx"):
            raise OSError(code, os.strerror(code))
        return replace(source, target)

    monkeypatch.setattr(os, "replace", failing)
    output = tmp_path / "out"
    report = build(write(rows), templates, output)
    assert errors(report) == [f"«Списки/Список наставнических пар (групп).docx» не записан: {message}"]
    assert report.exit_code == 1
    assert (output / "Списки" / "Список наставников и наставляемых для сайта.docx").is_file()
    assert not (output / "Списки" / "Список наставнических пар (групп).docx").exists()
    assert not list(output.rglob(".~*.tmp"))


def test_a_read_only_output_folder_is_one_message_per_document(write, rows, templates, tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    output, book = tmp_path / "out", write(rows)
    monkeypatch.setattr(files.tempfile, "mkstemp", denied)
    report = build(book, templates, output)
    assert report.exit_code == 1
    assert report.fatal is None
    assert (f"«Отчёт о проверке.docx» не записан: нет прав на запись в папку «{output}». Проверьте права или "
            "выберите другую папку параметром --output.") in errors(report)
    assert report.documents == []
    assert len(report.failed) == 33
    assert not output.exists() or not [p for p in output.rglob("*") if p.is_file()]


def test_a_folder_blocked_by_a_file_and_a_name_taken_by_a_folder(write, rows, templates, tmp_path):
    output = tmp_path / "out"
    output.mkdir()
    (output / "Программы").write_text("not a folder")
    (output / "Списки" / "Список наставнических пар (групп).docx").mkdir(parents=True)
    report = build(write(rows), templates, output)
    found = errors(report)
    assert ("«Программы/Программа наставничества № 1 Мороз И.И.docx» не записан: на месте папки «Программы» лежит "
            "файл с таким же именем. Переименуйте или перенесите этот файл.") in found
    assert ("«Списки/Список наставнических пар (групп).docx» не записан: на его месте папка с тем же именем. "
            "Переименуйте её.") in found
    assert (output / "Приказы" / "ПРОЕКТ Приказ № 50-ОД О замене наставника.docx").is_file()
    assert report.exit_code == 1


def test_written_files_get_the_mode_the_umask_gives(tmp_path):
    old = os.umask(0o022)
    try:
        files._MODE = 0o666 & ~0o022
        files.write_atomic(tmp_path / "a.docx", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.docx").stat().st_mode) == 0o644


def _record_renames(monkeypatch, steps: list[str]) -> None:
    """Each rename of the writer, said in `steps` as it is made."""
    real_replace = os.replace

    def renamed(source, target) -> None:
        steps.append(f"переименован в {Path(target).name}")
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", renamed)


def test_a_file_is_on_the_disk_before_it_takes_its_name(tmp_path, monkeypatch):
    """The written bytes are flushed to the disk (the real fsync) before the rename shows the file: switched off in
    between, the computer keeps the old document, never an empty new one. (The test run itself does not wait for the
    disk: conftest.py.)"""
    steps: list[str] = []

    def flushed(descriptor: int) -> None:
        os.fsync(descriptor)
        steps.append(f"на диске: {os.fstat(descriptor).st_size} байт")

    monkeypatch.setattr(files, "flush_to_disk", flushed)
    _record_renames(monkeypatch, steps)
    files.write_atomic(tmp_path / "a.docx", b"12345")
    assert steps == ["на диске: 5 байт", "переименован в a.docx"]
    assert (tmp_path / "a.docx").read_bytes() == b"12345"


def test_a_batch_is_on_the_disk_before_any_of_its_files_takes_its_name(tmp_path, monkeypatch):
    """A build's documents are written as a batch: every one to its temporary file, all flushed by one call, then
    each renamed into place; none is seen before all are on the disk."""
    steps: list[str] = []
    told: list[object] = []

    def flushed(temps: list[str]) -> set[str]:
        steps.append(f"на диске: {sorted(Path(temp).stat().st_size for temp in temps)} байт")
        return set()

    monkeypatch.setattr(files, "flush_all", flushed)
    _record_renames(monkeypatch, steps)
    batch = files.Batch()
    batch.write(tmp_path / "Приказы" / "a.docx", b"12345", told.append)
    batch.write(tmp_path / "b.docx", b"123", told.append)
    assert not (tmp_path / "Приказы" / "a.docx").exists() and not (tmp_path / "b.docx").exists() and told == []
    batch.done()
    assert steps == ["на диске: [3, 5] байт", "переименован в a.docx", "переименован в b.docx"]
    assert told == [None, None]
    assert (tmp_path / "Приказы" / "a.docx").read_bytes() == b"12345" and (tmp_path / "b.docx").read_bytes() == b"123"


def test_a_batch_flushes_each_file_where_the_file_system_cannot_be_flushed_at_once(tmp_path, monkeypatch):
    steps: list[str] = []

    def flushed(descriptor: int) -> None:
        steps.append(f"на диске: {os.fstat(descriptor).st_size} байт")

    monkeypatch.setattr(files, "flush_all", set)  # «none of them could be»: each is flushed alone
    monkeypatch.setattr(files, "flush_to_disk", flushed)
    _record_renames(monkeypatch, steps)
    batch = files.Batch()
    batch.write(tmp_path / "a.docx", b"12345", lambda err: None)
    batch.write(tmp_path / "b.docx", b"123", lambda err: None)
    batch.done()
    assert steps == ["на диске: 5 байт", "переименован в a.docx", "на диске: 3 байт", "переименован в b.docx"]


def test_the_real_flush_of_a_batch_is_one_call_for_its_file_system(tmp_path):
    temps = [tmp_path / "a.tmp", tmp_path / "b.tmp"]
    for temp in temps:
        temp.write_bytes(b"x")
    left = files._syncfs([str(temp) for temp in temps])
    assert left == (set() if sys.platform.startswith("linux") else {str(temp) for temp in temps})


def test_a_file_of_a_batch_open_in_word_is_told_and_the_others_are_in_place(tmp_path, monkeypatch):
    real_replace = os.replace

    def refused(source, target) -> None:
        if Path(target).name == "b.docx":
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", refused)
    (tmp_path / "b.docx").write_bytes(b"old")
    told: dict[str, object] = {}
    batch = files.Batch(size=2)
    for name in ("a.docx", "b.docx", "c.docx"):
        batch.write(tmp_path / name, name.encode(), lambda err, name=name: told.__setitem__(name, err))
    assert list(told) == ["a.docx", "b.docx"]  # a batch of two is put in place as soon as it is full
    batch.done()
    assert told["a.docx"] is None and told["c.docx"] is None
    assert isinstance(told["b.docx"], files.DocumentLocked)
    assert str(told["b.docx"]) == ("«b.docx» открыт в другой программе (Word?) и не обновлён. Закройте его — он будет "
                                   "записан при следующей сборке.")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.docx", "c.docx"]  # no temporary file left
    assert (tmp_path / "b.docx").read_bytes() == b"old" and (tmp_path / "c.docx").read_bytes() == b"c.docx"


def test_an_unforeseen_fault_is_one_sentence_a_file_and_exit_3(write, rows, templates, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("мера")

    monkeypatch.setattr(builder, "build_validated", broken)
    output = tmp_path / "out"
    args = ["build", "--workbook", str(write(rows)), "--templates", str(templates), "--output", str(output)]
    result = CliRunner().invoke(cli.cli, args)
    assert result.exit_code == 3
    crashes = list((output / ".nastavnik").glob("сбой *.txt"))
    assert len(crashes) == 1
    assert "KeyError: 'мера'" in crashes[0].read_text(encoding="utf-8")
    assert result.output.strip() == (
        f"Не удалось собрать документы: внутренняя ошибка программы (KeyError). Подробности записаны в файл "
        f"«{crashes[0]}»: пришлите его разработчикам. Книга не изменена; уже готовые документы остались на месте.")
    as_json = CliRunner().invoke(cli.cli, [*args, "--json"])
    assert as_json.exit_code == 3
    data = json.loads(as_json.output)
    assert data["errors"][0]["message"].startswith("Не удалось собрать документы: внутренняя ошибка программы")
    assert Path(data["crash"]).is_file()


def test_the_watcher_reports_a_fault_and_builds_the_next_save(tmp_path):
    said: list[str] = []
    runs = iter([RuntimeError("boom"), Report(workbook=Path("книга.xlsx"))])

    def run():
        result = next(runs)
        if isinstance(result, Exception):
            raise result
        return result

    watching = commands.WatchSession(run, echo=said.append, clock=lambda: dt.datetime(2026, 11, 27, 10, 0),
                                    output=tmp_path)
    watching.rebuild()
    assert said[0].startswith("10:00:00 Не удалось собрать документы: внутренняя ошибка программы (RuntimeError).")
    assert said[0].endswith("Слежение продолжается: соберу заново после следующего сохранения.")
    watching.rebuild()
    assert said[1].startswith("10:00:00 Документы: создано 0")


def test_a_backup_copy_beside_the_book_changes_nothing_but_a_warning(rows, templates, tmp_path):
    folder = tmp_path / "workbook"
    folder.mkdir()
    book = write_book(folder / "Наставничество.xlsx", rows, sample_data.SETTINGS)
    for copy in ("Наставничество — копия.xlsx", "Наставничество (1).xlsx", "Наставничество - Copy.xlsx"):
        shutil.copy(book, folder / copy)
    output = tmp_path / "out"
    report = build(folder, templates, output)
    assert report.exit_code == 0
    assert warnings(report)[0] == (
        "Рядом с книгой лежат копии, они не читаются: «Наставничество (1).xlsx», «Наставничество - Copy.xlsx», "
        "«Наставничество — копия.xlsx». Документы делаются из «Наставничество.xlsx».")
    assert (output / "Отчёт о проверке.docx").is_file()
    assert not [p for p in output.iterdir() if p.is_dir() and p.name.startswith("МКОУ")]


def test_two_books_without_district_is_exit_2_saying_how_to_choose(rows, templates, tmp_path):
    folder = tmp_path / "workbook"
    folder.mkdir()
    for name in ("Теньки.xlsx", "Карсун.xlsx"):
        write_book(folder / name, rows, sample_data.SETTINGS)
    output = tmp_path / "out"
    args = ["build", "--workbook", str(folder), "--templates", str(templates), "--output", str(output)]
    result = CliRunner().invoke(cli.cli, args)
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"Не удалось выполнить команду. В папке «{folder}» несколько книг («Карсун.xlsx», «Теньки.xlsx»). Укажите нужную: "
        "--workbook ПУТЬ_К_КНИГЕ; если это книги разных школ района — добавьте --district.")
    assert not output.exists() or not list(output.rglob("*.docx"))
    district = CliRunner().invoke(cli.cli, [*args, "--district", "--quiet"])
    assert district.exit_code == 0, district.output
    assert (output / "МКОУ Теньковская СШ (Карсун)" / "Отчёт о проверке.docx").is_file()
    checked = CliRunner().invoke(cli.cli, ["check", "--workbook", str(folder), "--district", "--json"])
    assert checked.exit_code == 0
    assert json.loads(checked.output)["errors"] == []


def test_a_libreoffice_book_is_read_checked_and_built(rows, templates, tmp_path):
    rows["Пары"][0]["Согласие наставника (дата)"] = "не помню"
    folder = tmp_path / "workbook"
    folder.mkdir()
    write_ods(folder / "Наставничество.ods", rows, sample_data.SETTINGS)
    output = tmp_path / "out"
    report = build(folder, templates, output)
    assert errors(report) == ["Лист «Пары», строка 2, столбец «Согласие наставника (дата)»: «не помню» — не дата. "
                                "Введите дату в виде ДД.ММ.ГГГГ, например 01.09.2026."]
    assert ("Ячейки отмечаются цветом только в книгах .xlsx; для этой книги .ods список замечаний — в «Проверка — "
            "Наставничество.xlsx» и в «Отчёте о проверке».") in warnings(report)
    listing = openpyxl.load_workbook(output / report.marked)
    assert listing.sheetnames == ["Проверка"]
    assert [c.value for c in listing["Проверка"][2]][:6] == [
        1, "ошибка", "Пары", 2, "Согласие наставника (дата)",
        "«не помню» — не дата. Введите дату в виде ДД.ММ.ГГГГ, например 01.09.2026."]
    programme = docx_text(output / "Программы" / "Программа наставничества № 2 Черных И.П. (группа).docx")
    assert "организация воспитательных мероприятий" in programme


def test_a_latin_letter_in_a_code_is_matched_with_a_warning(write, rows, templates, tmp_path):
    for sheet in rows.values():  # П-3 becomes М-3 (Cyrillic М) everywhere
        for row in sheet:
            row.update({header: "М-3" for header, value in row.items() if value == "П-3"})
    rows["Пары"][0]["Наставник (код)"] = "M-3"  # Latin M, English layout
    report = build(write(rows), templates, tmp_path / "out")
    assert errors(report) == []
    assert ("Лист «Пары», строка 2, столбец «Наставник (код)»: в коде «M-3» латинская буква «M», а на листе "
            "«Педагоги» код «М-3» набран кириллицей; строка учтена как «М-3». Наберите код русскими буквами."
            ) in warnings(report)
    assert "Мороз Ольга Викторовна" in docx_text(
        tmp_path / "out" / "Программы" / "Программа наставничества № 1 Мороз И.И.docx")


def test_a_replacement_by_the_pairs_own_mentee_is_an_error(write, rows, templates, tmp_path):
    rows["Замены"][0]["Новый наставник (код)"] = "П-7"  # the mentee of pair 3
    report = build(write(rows), templates, tmp_path / "out")
    assert ("Лист «Замены», строка 2, столбец «Новый наставник (код)»: новый наставник «П-7» — наставляемый этой "
            "же пары (группы) № 3. Укажите другого наставника.") in errors(report)


def test_two_nominations_of_one_person_for_one_measure_get_two_files(write, rows, templates, tmp_path):
    rows["Поощрения"].append(dict(rows["Поощрения"][1], **{"Обоснование": "за вторую группу молодых педагогов",
                                                           "Дата": dt.date(2026, 11, 25)}))
    report = build(write(rows), templates, tmp_path / "out")
    folder = tmp_path / "out" / "Представления"
    assert sorted(p.name for p in folder.iterdir()) == [
        "Представление Черных И.П. (20.11.2026) благодарственное письмо.docx",
        "Представление Черных И.П. (25.11.2026) благодарственное письмо.docx"]
    texts = [docx_text(p) for p in sorted(folder.iterdir())]
    assert "20.11.2026" in texts[0] and "25.11.2026" in texts[1]
    assert report.exit_code == 0


def test_namesakes_with_the_same_initials_get_their_full_names(write, rows, templates, tmp_path):
    rows["Педагоги"].append(dict(rows["Педагоги"][3], **{"Код": "П-9", "Отчество": "Павлович"}))
    rows["Поощрения"].append(dict(rows["Поощрения"][1], **{"Наставник (код)": "П-9"}))
    report = build(write(rows), templates, tmp_path / "out")
    folder = tmp_path / "out" / "Представления"
    assert sorted(p.name for p in folder.iterdir()) == [
        "Представление Черных Иван Павлович благодарственное письмо.docx",
        "Представление Черных Иван Петрович благодарственное письмо.docx"]
    assert "Черных Иван Павлович" in docx_text(folder / "Представление Черных Иван Павлович благодарственное "
                                                        "письмо.docx")
    assert report.exit_code == 0


def test_a_libreoffice_formula_error_kept_as_text_is_a_formula_error(rows, templates, tmp_path):
    rows["Программы"][1]["Цель"] = "Err:502"  # how Calc keeps a failed formula's value in an .ods
    folder = tmp_path / "workbook"
    folder.mkdir()
    write_ods(folder / "Наставничество.ods", rows, sample_data.SETTINGS)
    report = build(folder, templates, tmp_path / "out")
    assert ("Лист «Программы», строка 3, столбец «Цель»: в ячейке ошибка формулы «Err:502». Исправьте формулу или "
            "впишите значение.") in errors(report)


def test_a_huge_book_gets_the_list_of_its_problems_not_a_marked_copy(write, rows, templates, tmp_path, monkeypatch):
    """Over the row limit openpyxl would cost more than the build: the cells are not marked, the list is made."""
    monkeypatch.setattr("automation.run.report.MARKUP_ROW_LIMIT", 20)
    rows["План"][0]["Срок"] = "в сентябре"
    output = tmp_path / "out"
    report = build(write(rows, name="Наставничество.xlsx"), templates, output)
    rows_read = sum(len(sheet) for sheet in rows.values()) + len(schema.SETTINGS)
    assert report.rows == rows_read == 61
    note = ("В книге 61 строка (больше 20): ячейки не отмечены цветом в копии книги — это заняло бы больше "
            "памяти и времени, чем вся сборка. Список замечаний с номерами строк — в «Проверка — "
            "Наставничество.xlsx» и в «Отчёте о проверке».")
    assert note in warnings(report)
    assert note[1:] in docx_text(output / "Отчёт о проверке.docx")
    listing = openpyxl.load_workbook(output / report.marked)
    assert listing.sheetnames == ["Проверка"]
    assert [c.value for c in listing["Проверка"][2]][:5] == [1, "ошибка", "План", 2, "Срок"]
    assert not report.cells_marked


def test_a_word_document_named_as_the_book_is_said_to_be_one(tmp_path, templates):
    from docx import Document as NewDocument

    book = tmp_path / "Наставничество.xlsx"
    NewDocument().save(str(book))
    report = build(book, templates, tmp_path / "out")
    assert report.fatal == ("Файл «Наставничество.xlsx» — документ Word, а не книга Excel, хотя назван как книга. "
                            "Положите сюда книгу куратора (.xlsx или .ods), а этот файл переименуйте обратно.")


def test_a_folder_of_many_books_names_a_few_and_counts_the_rest(tmp_path):
    from automation.run.books import find_workbook
    from automation.run.report import CannotRun

    for number in range(1, 501):
        (tmp_path / f"школа {number:03d}.xlsx").write_bytes(b"PK")
    with pytest.raises(CannotRun) as raised:
        find_workbook(tmp_path)
    assert str(raised.value) == (
        f"В папке «{tmp_path}» несколько книг («школа 001.xlsx», «школа 002.xlsx», «школа 003.xlsx», «школа 004.xlsx», "
        "«школа 005.xlsx» и ещё 495). Укажите нужную: --workbook ПУТЬ_К_КНИГЕ; если это книги разных школ района — "
        "добавьте --district.")


def test_on_windows_the_programs_own_folders_are_hidden(tmp_path, templates, write, rows, monkeypatch):
    """A dot hides `.nastavnik` and `Приказы/.подписанные` on Linux only: on Windows they get the hidden attribute."""
    import ctypes
    from types import SimpleNamespace

    hidden = []
    kernel32 = SimpleNamespace(SetFileAttributesW=lambda path, attributes: hidden.append((path, attributes)) or 1)
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=kernel32), raising=False)
    output = tmp_path / "out"
    build(write(rows), templates, output)
    assert sorted(set(hidden)) == sorted({(str(output / ".nastavnik"), 2),
                                          (str(output / "Приказы" / ".подписанные"), 2),
                                          (str(output / "Соглашения" / ".подписанные"), 2)})
