"""The marked-up copy «Проверка — <книга>.xlsx»: problem cells filled and commented, a first sheet of links."""

from __future__ import annotations

import datetime as dt
import hashlib

import openpyxl
from openpyxl.comments import Comment

from automation.run import build as builder

TODAY = dt.date(2026, 11, 27)
RED, YELLOW = "00FFC7CE", "00FFEB9C"


def broken(rows):
    rows["Пары"][2]["Форма взаимодействия"] = "по телефону"  # an error in row 4
    rows["Пары"][0]["Доп. соглашение (№, дата)"] = None  # a warning in row 2
    return rows


def test_problem_cells_are_filled_and_commented_and_the_source_is_untouched(write, rows, templates, tmp_path):
    path = write(broken(rows))
    before = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    builder.build(path, templates, tmp_path / "output", today=TODAY)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before

    copy = openpyxl.load_workbook(tmp_path / "output" / "Проверка — book0.xlsx")
    assert copy.sheetnames[0] == "Проверка" and copy.active.title == "Проверка"
    pairs = copy["Пары"]
    error, warning = pairs["E4"], pairs["H2"]
    assert pairs["E1"].value == "Форма взаимодействия" and pairs["H1"].value == "Доп. соглашение (№, дата)"
    assert (error.fill.fgColor.rgb, warning.fill.fgColor.rgb) == (RED, YELLOW)
    assert error.comment.text == ("Ошибка: «по телефону» нет в списке. Выберите одно из значений: «один-на-один»; "
                                  "«виртуальное (дистанционное)»; «краткосрочное (целеполагающее)»; «ситуационное»; "
                                  "«скоростное».")
    assert warning.comment.text == ("Предупреждение: не указано дополнительное соглашение к трудовому договору "
                                    "(ст. 351.8 ТК РФ): впишите его номер и дату, например «№ 12 от 26.08.2026».")
    assert pairs["E3"].fill.fgColor.rgb != RED and pairs["E3"].comment is None

    listing = [[c.value for c in row] for row in copy["Проверка"].iter_rows()]
    assert listing[0] == ["№", "Вид", "Лист", "Строка", "Столбец", "Что не так и как исправить", "Перейти"]
    assert [row[:5] for row in listing[1:]] == [[1, "ошибка", "Пары", 4, "Форма взаимодействия"],
                                                [2, "предупреждение", "Пары", 2, "Доп. соглашение (№, дата)"]]
    links = [copy["Проверка"].cell(line, 7).hyperlink.location for line in (2, 3)]
    assert links == ["'Пары'!E4", "'Пары'!H2"]


def test_the_copy_keeps_the_curators_dropdowns_formatting_and_comments(write, rows, templates, tmp_path):
    path = write(broken(rows))
    source = openpyxl.load_workbook(path)
    source["Пары"]["E4"].comment = Comment("спросить у Ивановой", "Куратор")
    source.save(path)
    builder.build(path, templates, tmp_path / "output", today=TODAY)
    copy = openpyxl.load_workbook(tmp_path / "output" / "Проверка — book0.xlsx")
    original = openpyxl.load_workbook(path)
    for title in original.sheetnames:
        assert [v.sqref for v in copy[title].data_validations.dataValidation] == \
               [v.sqref for v in original[title].data_validations.dataValidation], title
    assert copy["Пары"]["A1"].fill.fgColor.rgb == original["Пары"]["A1"].fill.fgColor.rgb
    assert copy["Списки"].sheet_state == "hidden"
    assert copy["Пары"]["E4"].comment.text.startswith("спросить у Ивановой\n\nОшибка: «по телефону» нет в списке.")


def test_the_copy_is_rewritten_only_when_the_book_changes_and_archived_once_all_is_fixed(write, rows, templates,
                                                                                        tmp_path):
    output = tmp_path / "output"
    rows["Пары"][2]["Форма взаимодействия"] = "по телефону"
    path = write(rows, name="Наставничество.xlsx")
    builder.build(path, templates, output, today=TODAY)
    marked = output / "Проверка — Наставничество.xlsx"
    stamp = marked.stat().st_mtime_ns
    builder.build(path, templates, output, today=TODAY)
    assert marked.stat().st_mtime_ns == stamp

    rows["Пары"][2]["Форма взаимодействия"] = "один-на-один"
    write(rows, name="Наставничество.xlsx")
    report = builder.build(path, templates, output, today=TODAY, now=dt.datetime(2026, 11, 27, 10, 5))
    assert report.problems == []
    assert not marked.exists()
    assert [str(p) for p in report.archived] == ["_архив/Проверка — Наставничество (в архиве 27.11.2026 10-05).xlsx"]


def test_no_copy_when_the_book_has_no_problems(write, rows, templates, tmp_path):
    builder.build(write(rows), templates, tmp_path / "output", today=TODAY)
    assert not list((tmp_path / "output").glob("Проверка*"))
