"""Incremental builds: only documents whose inputs changed are rewritten; documents no longer made go to the archive."""

import datetime as dt
import os
from pathlib import Path

from docx import Document

from automation.files import archive_name
from automation.office.marked_copy import marked_name
from automation.run.manifest import MANIFEST_NAME, Manifest
from automation.run.report import CREATED, UNCHANGED, UPDATED
from tests.docx_text import docx_text
from tests.helpers import NOW, build

BOOK = "Наставничество.xlsx"
PROGRAMME_1 = "Программы/Программа наставничества № 1 Мороз И.И.docx"
DRAFT = "Приказы/ПРОЕКТ Приказ О закреплении наставнических пар (групп).docx"




def state(output: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(output)): (p.read_bytes(), p.stat().st_mtime_ns) for p in output.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(output).parts)}


def changed(before: dict, after: dict) -> list[str]:
    return sorted(k for k in after if before.get(k) != after[k])


def test_a_second_build_rewrites_nothing(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    path = write(rows, name=BOOK)
    build(path, templates, output)
    before = state(output)
    report = build(path, templates, output)
    assert changed(before, state(output)) == []
    assert report.count(UNCHANGED) == len(before) and report.count(CREATED) == 0


def test_editing_one_goal_rewrites_exactly_that_programme(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    build(write(rows, name=BOOK), templates, output)
    before = state(output)
    rows["Программы"][0]["Цель"] = "освоение методики групповых консультаций"
    report = build(write(rows, name=BOOK), templates, output)
    assert changed(before, state(output)) == [PROGRAMME_1]
    assert [(str(d.path), d.status) for d in report.documents if d.status != UNCHANGED] == [
        (PROGRAMME_1, UPDATED)]
    assert "7. Цель программы: освоение методики групповых консультаций." in docx_text(output / PROGRAMME_1)


def test_a_goal_quoted_by_a_nomination_rewrites_both(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    rows["Пары"][1]["Приказ о закреплении (№)"] = rows["Пары"][2]["Приказ о закреплении (№)"] = "45-ОД"  # group 2
    build(write(rows, name=BOOK), templates, output)
    before = state(output)
    rows["Программы"][1]["Цель"] = "организация акций"
    build(write(rows, name=BOOK), templates, output)
    assert changed(before, state(output)) == [
        "Представления/Представление Черных И.П. благодарственное письмо.docx",
        "Программы/Программа наставничества № 2 Черных И.П. (группа).docx"]


def test_editing_a_template_rewrites_its_documents_only(write, rows, own_templates, tmp_path):
    output = tmp_path / "output"
    path = write(rows, name=BOOK)
    build(path, own_templates, output)
    before = state(output)
    template = own_templates / "Список наставнических пар.docx"
    document = Document(str(template))
    document.add_paragraph("Список составлен куратором.")
    document.save(str(template))
    build(path, own_templates, output)
    assert changed(before, state(output)) == ["Списки/Список наставнических пар (групп).docx"]


def test_a_new_version_of_the_rendering_makes_every_document_again_but_signed_orders(write, rows, templates, tmp_path,
                                                                                     monkeypatch):
    """Column widths and no-break spaces are the renderer's own: when they change, the documents a curator already has
    are made again on the next build, though the book did not change; a signed order's bytes stay."""
    from automation.office import render

    output = tmp_path / "output"
    path = write(rows, name=BOOK)
    build(path, templates, output)
    before = state(output)
    monkeypatch.setattr(render, "VERSION", render.VERSION + 1)
    report = build(path, templates, output)
    signed = sorted(str(d.path) for d in report.documents if d.frozen)
    assert signed and all(before[name] == state(output)[name] for name in signed)
    remade = sorted(str(d.path) for d in report.documents if d.status == UPDATED)
    assert remade == sorted(str(d.path) for d in report.documents if not d.frozen and d.path.suffix == ".docx")
    assert report.count(UPDATED) == len(remade) > 10


def test_a_deleted_document_is_made_again(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    path = write(rows, name=BOOK)
    build(path, templates, output)
    (output / PROGRAMME_1).unlink()
    report = build(path, templates, output)
    assert (output / PROGRAMME_1).is_file()
    assert [str(d.path) for d in report.documents if d.status == CREATED] == [PROGRAMME_1]


def test_removed_rows_move_their_document_to_the_archive(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    build(write(rows, name=BOOK), templates, output)
    old_text = docx_text(output / PROGRAMME_1)
    del rows["Программы"][0]
    del rows["План"][0:2]
    report = build(write(rows, name=BOOK), templates, output)
    archived = output / archive_name(Path(PROGRAMME_1), NOW)
    assert archived == output / "_архив/Программы/Программа наставничества № 1 Мороз И.И. (в архиве 27.11.2026 09-30).docx"
    # Without a programme, no term to consent to: the consent goes; the signed agreement (№ 7) stays, as an order.
    consent = Path("_архив/Соглашения/Согласие Мороз О.В. (пара № 1) (в архиве 27.11.2026 09-30).docx")
    assert sorted(report.archived) == sorted([archived.relative_to(output), consent])
    assert (output / "Соглашения/Доп. соглашение № 7 Мороз О.В. (пара № 1).docx").is_file()
    assert not (output / PROGRAMME_1).exists()
    assert docx_text(archived) == old_text
    assert PROGRAMME_1 not in Manifest.load(output).documents


def test_nothing_is_archived_while_the_workbook_has_errors(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    build(write(rows, name=BOOK), templates, output)
    rows["Программы"][0]["Дата начала"] = "31.02.2026"
    report = build(write(rows, name=BOOK), templates, output)
    assert report.exit_code == 1 and report.archived == []
    assert (output / PROGRAMME_1).is_file()
    rows["Программы"][0]["Дата начала"] = dt.date(2026, 9, 1)
    report = build(write(rows, name=BOOK), templates, output)
    # Only the marked-up copy of the book, whose errors are gone, leaves; every document stays.
    assert report.archived == [archive_name(Path(marked_name(Path(BOOK))), NOW)]
    assert report.count(CREATED) == 0


def test_a_signed_draft_goes_to_the_archive_and_the_final_order_is_made(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    build(write(rows, name=BOOK), templates, output)
    for row in rows["Пары"][1:4]:
        row["Приказ о закреплении (№)"] = "46-ОД"
    rows["Приказы"].append({"№ приказа": "46-ОД", "Дата": dt.date(2026, 10, 1),
                            "Вид": "О закреплении наставнических пар (групп)"})
    report = build(write(rows, name=BOOK), templates, output)
    assert report.archived == [archive_name(Path(DRAFT), NOW)]
    final = output / "Приказы/Приказ № 46-ОД от 01.10.2026 О закреплении наставнических пар (групп).docx"
    assert "01.10.2026\t№ 46-ОД" in docx_text(final)


def test_leftover_temporary_files_are_removed(write, rows, templates, tmp_path):
    output = tmp_path / "output" / "Приказы"
    output.mkdir(parents=True)
    (output / ".~abc123.tmp").write_bytes(b"half")
    (output / ".~lock.Приказ.docx#").write_bytes(b"word's lock")
    build(write(rows, name=BOOK), templates, tmp_path / "output")
    assert not (output / ".~abc123.tmp").exists()
    assert (output / ".~lock.Приказ.docx#").exists()


def test_a_locked_document_is_written_on_the_next_build(write, rows, templates, tmp_path, monkeypatch):
    output = tmp_path / "output"
    build(write(rows, name=BOOK), templates, output)
    rows["Программы"][0]["Цель"] = "новая цель"
    path = write(rows, name=BOOK)
    real_replace = os.replace

    def locked(src, dst):
        if str(dst).endswith("Мороз И.И.docx"):
            raise PermissionError(13, "locked")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    assert build(path, templates, output).failed == [Path(PROGRAMME_1)]
    monkeypatch.setattr(os, "replace", real_replace)
    report = build(path, templates, output)
    assert report.failed == [] and "новая цель" in docx_text(output / PROGRAMME_1)


def test_a_damaged_manifest_means_a_full_rebuild(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    path = write(rows, name=BOOK)
    build(path, templates, output)
    (output / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    report = build(path, templates, output)
    signed = [d for d in report.documents if d.frozen]
    assert len(signed) == 8 and {d.status for d in signed} == {UNCHANGED}  # 3 orders, 5 agreements
    assert report.count(UPDATED) == len(report.documents) - 8 and report.exit_code == 0
