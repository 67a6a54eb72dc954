"""Reading the workbook: headers found by text anywhere in rows 1–5, columns in any order, unreadable files."""

import hashlib
import io
import zipfile

import openpyxl
import pytest

from automation.book.reader import WorkbookUnreadable, read_workbook


def _people_rows(path):
    return read_workbook(path).tables["people"].rows


def test_header_below_a_title_and_columns_in_any_order(tmp_path, write, rows):
    path = write(rows)
    book = openpyxl.load_workbook(path)
    ws = book["Педагоги"]
    ws.insert_rows(1, amount=2)
    ws["A1"] = "Список педагогов школы на 2026/27 учебный год"
    ws.move_range("B3:B20", cols=30)  # «Фамилия» moves far to the right
    ws["Z3"] = "Мой столбец"
    ws["Z4"] = "что-то своё"
    book.save(path)
    people = _people_rows(path)
    assert people[0].number == 4
    assert people[0].values["last_name"] == "Сазонова"
    assert "Мой столбец" not in people[0].values.values()


def test_blank_rows_are_skipped_and_row_numbers_kept(write, rows):
    path = write(rows)
    book = openpyxl.load_workbook(path)
    book["Педагоги"].insert_rows(4, amount=2)
    book.save(path)
    numbers = [row.number for row in _people_rows(path)]
    assert numbers == [2, 3, 6, 7, 8, 9, 10, 11]


def test_sheet_names_match_ignoring_case_and_spaces(write, rows):
    path = write(rows)
    book = openpyxl.load_workbook(path)
    book["Пары"].title = " пары "
    book.save(path)
    assert len(read_workbook(path).tables["pairs"].rows) == len(rows["Пары"])


def test_reading_never_changes_the_file(write, rows):
    path = write(rows)
    before = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    read_workbook(path)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


@pytest.mark.parametrize("content, message", [
    (b"", "Книга «book.xlsx» пуста (0 байт): возможно, она ещё сохраняется."),
    (b"Name;Code\nIvanov;1\n",
     "Файл «book.xlsx» — не книга Excel .xlsx или сохранён не до конца. Откройте его в Excel и сохраните как .xlsx."),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
     "Книга «book.xlsx» защищена паролем или сохранена в старом формате .xls. "
     "Сохраните её как «Книга Excel (.xlsx)» без пароля."),
])
def test_unreadable_files_give_one_russian_sentence(tmp_path, content, message):
    path = tmp_path / "book.xlsx"
    path.write_bytes(content)
    with pytest.raises(WorkbookUnreadable) as err:
        read_workbook(path)
    assert str(err.value) == message


def test_truncated_workbook(tmp_path, write, rows):
    data = write(rows).read_bytes()
    path = tmp_path / "book.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(WorkbookUnreadable) as err:
        read_workbook(path)
    assert "«book.xlsx»" in str(err.value) and "сохран" in str(err.value)


def test_zip_that_is_not_a_workbook(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    path = tmp_path / "book.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(WorkbookUnreadable) as err:
        read_workbook(path)
    assert str(err.value) == ("Книга «book.xlsx» повреждена или сохранена не до конца; "
                              "откройте её в Excel и сохраните ещё раз.")


def test_missing_file(tmp_path):
    with pytest.raises(WorkbookUnreadable) as err:
        read_workbook(tmp_path / "нет.xlsx")
    assert str(err.value) == f"Книга «{tmp_path / 'нет.xlsx'}» не найдена."


def test_a_sheet_that_starts_away_from_a1_keeps_its_row_numbers_and_columns(write, rows):
    """The reader streams rows; a sheet whose first filled cell is C4 still gives Excel's own row numbers."""
    path = write(rows)
    book = openpyxl.load_workbook(path)
    ws = book["Педагоги"]
    ws.insert_rows(1, amount=3)
    ws.insert_cols(1, amount=2)
    position = next(c.column for c in ws[4] if c.value == "Должность")
    ws.merge_cells(start_row=6, end_row=7, start_column=position, end_column=position)
    book.save(path)
    people = _people_rows(path)
    assert [row.number for row in people][:3] == [5, 6, 7]
    assert people[0].values["last_name"] == "Сазонова"
    assert people[0].values["code"] == "П-1"
    assert people[2].values["position"] == people[1].values["position"] == rows["Педагоги"][1]["Должность"]


def test_several_merged_ranges_spread_in_one_pass(write, rows):
    path = write(rows)
    book = openpyxl.load_workbook(path)
    ws = book["Педагоги"]
    position = next(c.column for c in ws[1] if c.value == "Должность")
    ws.cell(row=2, column=position, value="учитель")
    ws.cell(row=5, column=position, value="педагог")
    ws.merge_cells(start_row=2, end_row=3, start_column=position, end_column=position)
    ws.merge_cells(start_row=5, end_row=7, start_column=position, end_column=position)
    book.save(path)
    table = read_workbook(path).tables["people"]
    assert [row.values["position"] for row in table.rows][:7] == [
        "учитель", "учитель", rows["Педагоги"][2]["Должность"], "педагог", "педагог", "педагог",
        rows["Педагоги"][6]["Должность"]]
    assert [note.row for note in table.notes] == [2, 5]


def test_a_formula_error_is_found_across_the_pieces_the_sheet_is_read_in():
    from automation.book.raw_xml import _error_matches

    cells = b"".join(b'<c r="A%d" t="s"><v>%d</v></c>' % (n, n) for n in range(1, 400))
    xml = b"<sheetData><row>" + cells + b'<c r="B77" t="e"><f>1/0</f><v>#DIV/0!</v></c>' + cells + b"</row>"
    for piece in (7, 50, 1000, 1 << 22):
        assert list(_error_matches(io.BytesIO(xml), piece)) == [(b"B", b"77", b"#DIV/0!")], piece
