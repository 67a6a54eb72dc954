"""The build's memory: a kill at any moment, a damaged or deleted `.nastavnik/`, never a signed order made again
from changed data without a mark."""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from automation.run.report import UNCHANGED, UPDATED
from tests.docx_text import docx_text
from tests.helpers import TODAY, build, killed_after, warnings

SIGNED = Path("Приказы") / "Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx"




def files(output: Path) -> dict[str, bytes]:
    """Every document and table made (the memory, the journal, the archive and crash notes left aside)."""
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*")
            if p.is_file() and not any(part.startswith((".", "_")) for part in p.relative_to(output).parts)
            and p.name != "журнал.txt"}


def test_a_signed_order_survives_the_loss_of_the_memory(write, rows, templates, tmp_path):
    output = tmp_path / "out"
    build(write(rows, name="book.xlsx"), templates, output)
    signed = (output / SIGNED).read_bytes()
    rows["Программы"][0]["Дата окончания"] = dt.date(2027, 4, 30)  # pair 1's term changed after signing
    shutil.rmtree(output / ".nastavnik")
    (output / SIGNED).unlink()
    report = build(write(rows, name="book.xlsx"), templates, output)
    assert (output / SIGNED).read_bytes() == signed
    assert any("Приказ № 45-ОД" in w and "изменилось" in w for w in warnings(report)), warnings(report)


def test_a_signed_order_with_neither_file_nor_snapshot_is_marked_on_the_page(write, rows, templates, tmp_path):
    output = tmp_path / "out"
    build(write(rows, name="book.xlsx"), templates, output)
    shutil.rmtree(output / ".nastavnik")
    shutil.rmtree(output / "Приказы" / ".подписанные")
    (output / SIGNED).unlink()
    report = build(write(rows, name="book.xlsx"), templates, output)
    assert (f"Подписанного приказа «{SIGNED.as_posix()}» нет ни в папке, ни в памяти программы: копия сделана по "
            "сегодняшним данным книги и помечена на странице. Сверьте её с подписанным экземпляром."
            ) in warnings(report)
    text = docx_text(output / SIGNED)
    assert text.startswith(f"Копия восстановлена по данным книги {TODAY:%d.%m.%Y}. Сверьте её с подписанным "
                           "экземпляром: данные могли измениться после подписания.\n")


def test_a_damaged_memory_is_a_warning_and_a_full_rebuild(write, rows, templates, tmp_path):
    output = tmp_path / "out"
    book = write(rows, name="book.xlsx")
    build(book, templates, output)
    signed = (output / SIGNED).read_bytes()
    (output / ".nastavnik" / "manifest.json").write_text("{не json", encoding="utf-8")
    report = build(book, templates, output)
    assert ("Память программы (output/.nastavnik/manifest.json) повреждена: все документы сделаны заново; "
            "подписанные приказы не тронуты.") in warnings(report)
    assert (output / SIGNED).read_bytes() == signed
    assert report.count(UPDATED) > 0
    again = build(book, templates, output)
    # Only the check report changes: the warning about the damaged memory is gone from it.
    assert [str(d.path) for d in again.documents if d.status != UNCHANGED] == ["Отчёт о проверке.docx"]


@pytest.mark.slow
def test_a_build_killed_at_any_moment_is_followed_by_one_equal_to_a_fresh_build(write, rows, settings, templates,
                                                                                 tmp_path):
    """Book A built; book B's build killed at some moment; book A back: the next build equals a fresh one of A."""
    book_a = write(rows, name="a.xlsx")
    # Not the head's name: under another head, the agreement of the head's own pair would be the school's to sign,
    # and a signed paper, like a signed order, stays when the book goes back.
    changed = dict(settings, **{"Населённый пункт": "с. Новые Теньки"})
    rows["Программы"][0]["Цель"] = "другая цель"
    book_b = write(rows, changed, name="b.xlsx")
    fresh = tmp_path / "fresh"
    (fresh / "book").mkdir(parents=True)
    shutil.copy(book_a, fresh / "book" / "Наставничество.xlsx")  # the same name: the check report names the book
    build(fresh / "book" / "Наставничество.xlsx", templates, fresh / "out")
    expected = files(fresh / "out")
    output, book = tmp_path / "out", tmp_path / "book" / "Наставничество.xlsx"
    book.parent.mkdir()
    shutil.copy(book_a, book)
    build(book, templates, output)
    command = ["build", "--workbook", str(book), "--templates", str(templates), "--output", str(output), "--quiet"]
    for delay in (0.2, 0.4, 0.6, 0.8, 1.0, 1.3, 1.7):
        shutil.copy(book_b, book)
        killed_after(delay, *command, cwd=Path(__file__).parent.parent)
        shutil.copy(book_a, book)
        build(book, templates, output)
        got = files(output)
        assert sorted(got) == sorted(expected), delay
        different = [name for name in expected if got[name] != expected[name]]
        assert different == [], (delay, different)
        assert not list(output.rglob(".~*.tmp"))
