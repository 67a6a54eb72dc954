"""Building: every document kind from a valid workbook; errors, bad templates and locked files never stop the rest."""

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from tests.docx_text import docx_text, output_text
from tests.helpers import DOCUMENTS, build, made


def test_valid_workbook_makes_every_document_kind(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    report = build(write(rows), templates, output)
    assert report.exit_code == 0
    assert made(output) == DOCUMENTS
    assert sorted(str(d.path) for d in report.documents) == DOCUMENTS


def test_every_document_opens_and_holds_no_template_tags(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    build(write(rows), templates, output)
    for name in made(output):
        text = output_text(output / name)
        assert "{{" not in text and "{%" not in text and "}}" not in text, name


def test_the_workbook_bytes_are_unchanged_by_a_build(write, rows, templates, tmp_path):
    path = write(rows)
    before = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    build(path, templates, tmp_path / "output")
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


def test_errors_give_exit_1_and_the_unaffected_documents_are_still_made(write, rows, templates, tmp_path):
    rows["Пары"][2]["Форма взаимодействия"] = "по телефону"
    output = tmp_path / "output"
    report = build(write(rows), templates, output)
    assert report.exit_code == 1
    assert [(p.sheet, p.row, p.column) for p in report.errors] == [("Пары", 4, "Форма взаимодействия")]
    assert made(output) == sorted([*DOCUMENTS, "Проверка — book0.xlsx"])
    group = docx_text(output / "Программы/Программа наставничества № 2 Черных И.П. (группа).docx")
    assert "Шевченко Нелли Андреевна" in group and "Белых" not in group
    check = docx_text(output / "Отчёт о проверке.docx")
    assert ("1 | ошибка | Пары | 4 | Форма взаимодействия | «по телефону» нет в списке. Выберите одно из значений: "
            "«один-на-один»; «виртуальное (дистанционное)»; «краткосрочное (целеполагающее)»; «ситуационное»; "
            "«скоростное».") in check


def test_an_unreadable_workbook_is_exit_2_and_keeps_the_last_good_documents(write, rows, templates, tmp_path):
    path = write(rows)
    output = tmp_path / "output"
    build(path, templates, output)
    before = {p: p.read_bytes() for p in output.rglob("*.docx")}
    path.write_bytes(path.read_bytes()[:1000])
    report = build(path, templates, output)
    assert report.exit_code == 2
    assert report.fatal == (f"Файл «{path.name}» — не книга Excel .xlsx или сохранён не до конца. "
                            "Откройте его в Excel и сохраните как .xlsx.")
    assert {p: p.read_bytes() for p in output.rglob("*.docx")} == before


def test_no_templates_folder_is_exit_2(write, rows, tmp_path):
    report = build(write(rows), tmp_path / "нет", tmp_path / "output")
    assert report.exit_code == 2
    assert report.fatal.startswith(f"Нет папки шаблонов «{tmp_path / 'нет'}».")


def test_a_broken_template_stops_only_its_own_documents(write, rows, templates, tmp_path):
    own = tmp_path / "templates"
    shutil.copytree(templates, own)
    (own / "Представление к награждению.docx").write_bytes(b"broken")
    output = tmp_path / "output"
    report = build(write(rows), own, output)
    assert report.exit_code == 1
    assert [str(p) for p in report.errors] == [
        "Шаблон «Представление к награждению.docx»: файл повреждён или это не документ Word .docx: сохраните его "
        "в Word как .docx.",
        "По шаблону «Представление к награждению.docx» не создано документов: 1; прежние файлы оставлены. "
        "Исправьте ошибки шаблона, описанные выше."]
    assert report.failed == [Path("Представления") / "Представление Черных И.П. благодарственное письмо.docx"]
    assert made(output) == [p for p in DOCUMENTS if not p.startswith("Представления")]


def test_a_document_open_in_word_is_reported_and_the_rest_are_made(write, rows, templates, tmp_path, monkeypatch):
    output = tmp_path / "output"
    locked = output / "Списки" / "Список наставнических пар (групп).docx"
    real_replace = os.replace

    def replace(src, dst):
        if Path(dst) == locked:
            raise PermissionError(13, "locked")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    report = build(write(rows), templates, output)
    assert report.exit_code == 1
    assert [str(p) for p in report.errors] == [
        "«Списки/Список наставнических пар (групп).docx» открыт в другой программе (Word?) и не обновлён. "
        "Закройте его — он будет записан при следующей сборке."]
    assert made(output) == [p for p in DOCUMENTS if p != "Списки/Список наставнических пар (групп).docx"]
    assert not [p for p in output.rglob("*") if p.name.endswith(".tmp")]


def test_json_report_shape(write, rows, templates, tmp_path):
    rows["Пары"][0]["Наставник (код)"] = "П-17"
    report = build(write(rows), templates, tmp_path / "output")
    data = json.loads(json.dumps(report.as_json(), ensure_ascii=False))
    assert set(data) == {"errors", "warnings", "documents", "archived", "reminders"}
    assert data["errors"] == [{
        "sheet": "Пары", "row": 2, "column": "Наставник (код)",
        "message": "нет педагога с кодом «П-17» на листе «Педагоги». Впишите код из столбца «Код».",
    }]
    assert {"title": "Отчёт о проверке", "file": "Отчёт о проверке.docx", "draft": False,
            "signed": False, "status": "создан"} in data["documents"]


def test_a_folder_with_one_workbook_and_lock_files(write, rows, templates, tmp_path):
    folder = tmp_path / "workbook"
    folder.mkdir()
    write(rows).rename(folder / "Наставничество.xlsx")
    (folder / "~$Наставничество.xlsx").write_bytes(b"lock")
    (folder / ".~lock.Наставничество.xlsx#").write_bytes(b"lock")
    report = build(folder, templates, tmp_path / "output")
    assert report.exit_code == 0
    assert report.workbook == folder / "Наставничество.xlsx"


def test_a_folder_with_two_workbooks_asks_which(write, rows, templates, tmp_path):
    folder = tmp_path / "workbook"
    folder.mkdir()
    write(rows).rename(folder / "a.xlsx")
    write(rows).rename(folder / "b.xlsx")
    report = build(folder, templates, tmp_path / "output")
    assert report.exit_code == 2
    assert report.fatal == (f"В папке «{folder}» несколько книг («a.xlsx», «b.xlsx»). Укажите нужную: --workbook "
                            "ПУТЬ_К_КНИГЕ; если это книги разных школ района — добавьте --district.")


def test_draft_and_final_orders(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    build(write(rows), templates, output)
    final = docx_text(output / "Приказы/Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx")
    draft = docx_text(output / "Приказы/ПРОЕКТ Приказ О закреплении наставнических пар (групп).docx")
    assert "ПРОЕКТ" not in final
    assert "01.09.2026\t№ 45-ОД" in final
    assert "Приложение № 1\nк приказу от 01.09.2026 № 45-ОД" in final
    assert draft.splitlines()[1] == "ПРОЕКТ"
    assert "«___» __________ 20__ г.\t№ ______" in draft
    assert "Приложение № 1\nк приказу от «___» __________ 20__ г. № ______" in draft


def test_order_cases_and_gender_agreement(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    build(write(rows), templates, output)
    final = docx_text(output / "Приказы/Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx")
    draft = docx_text(output / "Приказы/ПРОЕКТ Приказ О закреплении наставнических пар (групп).docx")
    assert ("1.1. Назначить наставником Мороз Ольгу Викторовну, учителя математики, и закрепить за ней "
            "наставляемого Мороза Илью Ильича, педагога-психолога (пара № 1;") in final
    assert ("1.1. Назначить наставником Черных Ивана Петровича, учителя физики, и закрепить за ним наставляемых: "
            "Шевченко Нелли Андреевну, старшую вожатую; Белых Любовь Николаевну, социального педагога (группа № 2;"
            ) in draft
    assert ("6. Контроль за исполнением настоящего приказа возложить на заместителя директора по "
            "учебно-воспитательной работе И.В. Кузнецову.") in final


def test_name_override_typed_by_the_curator(write, rows, templates, tmp_path):
    rows["Педагоги"][4]["ФИО в винительном падеже"] = "Мороз Илью Ильича"
    output = tmp_path / "output"
    build(write(rows), templates, output)
    final = docx_text(output / "Приказы/Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx")
    assert "закрепить за ней наставляемого Мороз Илью Ильича, педагога-психолога" in final


def test_public_list_has_only_people_who_consented(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    rows["Пары"][1]["Приказ о закреплении (№)"] = rows["Пары"][2]["Приказ о закреплении (№)"] = "45-ОД"  # group 2
    build(write(rows), templates, output)
    public = docx_text(output / "Списки/Список наставников и наставляемых для сайта.docx")
    internal = docx_text(output / "Списки/Список наставнических пар (групп).docx")
    assert "Белых" in internal
    assert "Белых" not in public
    assert "Шевченко Нелли Андреевна, старшая вожатая" in public


@pytest.mark.parametrize("value", ['Школа "Ромашка" & <Co>', "A & B < C > D"])
def test_special_characters_from_the_workbook_render(write, rows, templates, tmp_path, value):
    rows["Пары"][0]["Направление"] = value
    output = tmp_path / "output"
    report = build(write(rows), templates, output)
    assert report.exit_code == 0
    text = docx_text(output / "Приказы/Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx")
    assert f"направление: {value};" in text
    assert "С приказом ознакомлены:" in text and "Приложение № 1" in text


def test_templates_in_the_workspace_are_used(write, rows, tmp_path, own_templates):
    own = own_templates
    from docx import Document
    path = own / "Отчёт о проверке.docx"
    document = Document(str(path))
    document.add_paragraph("Проверил: {{ орг.краткое }}")
    document.save(str(path))
    output = tmp_path / "output"
    build(write(rows), own, output)
    assert docx_text(output / "Отчёт о проверке.docx").endswith("Проверил: МКОУ Теньковская СШ\n")


def test_a_signed_order_file_is_never_rewritten(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    signed = output / "Приказы/Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx"
    build(write(rows), templates, output)
    before = signed.read_bytes(), signed.stat().st_mtime_ns
    rows["Педагоги"][2]["Должность"] = "учитель алгебры"
    report = build(write(rows), templates, output)
    assert (signed.read_bytes(), signed.stat().st_mtime_ns) == before
    assert "учителя математики" in docx_text(signed)
    entry = next(d for d in report.as_json()["documents"] if d["file"] == str(signed.relative_to(output)))
    assert entry["signed"] is True


def test_an_unsigned_final_order_follows_the_data(write, rows, templates, tmp_path):
    rows["Приказы"][0]["Статус"] = "проект"
    output = tmp_path / "output"
    order = output / "Приказы/Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx"
    build(write(rows), templates, output)
    rows["Педагоги"][2]["Должность"] = "учитель алгебры"
    build(write(rows), templates, output)
    assert "учителя алгебры" in docx_text(order)


def test_one_programme_is_approved_in_the_singular(write, rows, templates, tmp_path):
    del rows["Пары"][3], rows["Программы"][2], rows["План"][3]
    rows["Замены"].clear()
    output = tmp_path / "output"
    build(write(rows), templates, output)
    final = docx_text(output / "Приказы/Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx")
    draft = docx_text(output / "Приказы/ПРОЕКТ Приказ О закреплении наставнических пар (групп).docx")
    assert "2. Утвердить персонализированную программу наставничества наставнической пары № 1." in final
    assert "2. Утвердить персонализированную программу наставничества наставнической группы № 2." in draft


def _built_with(workers: int, book: Path, templates: Path, output: Path) -> tuple:
    """A build with that many rendering processes: its report's documents and problems, and its files' digests."""
    import dataclasses
    import datetime as dt

    from automation.run import build as builder
    from automation.run.report import Report

    options = dataclasses.replace(builder.BuildOptions.of(templates, output, dt.date(2026, 12, 3)), workers=workers)
    report = Report()
    builder.build_validated(builder.validated(book, report), report, options)
    return ([(str(d.path), d.status) for d in report.documents], [str(p) for p in report.problems],
            {str(p.relative_to(output)): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(output.rglob("*")) if p.is_file() and p.name != "журнал.txt"})


def test_many_documents_are_rendered_by_two_processes_into_the_same_bytes(write, rows, templates, tmp_path,
                                                                          monkeypatch):
    """From PARALLEL_FROM documents to render, two worker processes render them: the same files, byte for byte, the
    same memory and the same report, in the documents' order."""
    from automation.run import writing

    pools = []

    class Pool(writing.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(writing, "PARALLEL_FROM", 2)
    monkeypatch.setattr(writing, "ProcessPoolExecutor", Pool)
    book = write(rows)
    serial = _built_with(1, book, templates, tmp_path / "output1")
    assert _built_with(2, book, templates, tmp_path / "output2") == serial and len(serial[0]) == 33
    assert len(pools) == 1 and pools[0][0] == 2
    # A book of more rows than PARALLEL_ROWS is rendered by the build itself: the memory is its own to use.
    from automation.run import build as builder

    monkeypatch.setattr(builder, "PARALLEL_ROWS", 10)
    assert _built_with(2, book, templates, tmp_path / "output3") == serial and len(pools) == 1


def test_a_schools_build_is_rendered_by_forked_workers_and_by_itself_where_a_worker_starts_anew(templates,
                                                                                                  tmp_path, monkeypatch):
    """A forked worker is ready at once: the 120 documents of a school of 30 pairs go to two of them. Where a worker
    is a new Python (Windows, macOS), a build renders fewer than 200 documents itself; the same files either way."""
    from automation.run import writing
    from tests import large_book, sample_data
    from tests.helpers import write_book

    pools = []

    class Pool(writing.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(args[0])
            super().__init__(*args, **kwargs)

    assert writing.FORKED  # Linux, Python 3.11-3.13: fork is the default
    monkeypatch.setattr(writing, "ProcessPoolExecutor", Pool)
    book = write_book(tmp_path / "школа.xlsx", large_book.rows(), sample_data.SETTINGS)
    def built(folder: str) -> tuple:  # the copy of the book with its warnings marked is dated when it is made
        documents, problems, files = _built_with(2, book, templates, tmp_path / folder)
        return documents, problems, {name: digest for name, digest in files.items() if not name.startswith("Проверка")}

    forked = built("forked")
    assert len(forked[0]) == 120 and pools == [2]
    monkeypatch.setattr(writing, "FORKED", False)
    assert built("anew") == forked and pools == [2]


def _dies(task):
    """A worker process that dies at its first document (as one killed or out of memory would)."""
    os._exit(3)


def test_a_worker_process_that_dies_leaves_the_rest_to_the_build_itself(write, rows, templates, tmp_path,
                                                                         monkeypatch):
    from automation.run import writing

    monkeypatch.setattr(writing, "PARALLEL_FROM", 2)
    monkeypatch.setattr(writing, "_render_in_worker", _dies)
    book = write(rows)
    serial = _built_with(1, book, templates, tmp_path / "output1")
    assert _built_with(2, book, templates, tmp_path / "output2") == serial and len(serial[0]) == 33
