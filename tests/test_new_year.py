"""`nastavnik new-year`: the book carried into 2027/2028, last year's book and documents kept as they were."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import openpyxl
import pytest

from automation.run.new_year import new_year
from tests.docx_text import docx_text
from tests.helpers import build, errors, killed_after
from tests.sample_data import all_signed

YEAR_END = dt.date(2027, 8, 25)
NEXT = dt.date(2027, 9, 10)
ORDER_45 = "Приказы/Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx"


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".nastavnik" not in p.parts}


def _school(tmp_path: Path, write, rows, templates) -> tuple[Path, Path]:
    """The test book at the year's end, every order signed, its documents built into output/."""
    folder = tmp_path / "школа"
    (folder / "workbook").mkdir(parents=True)
    book = write(all_signed(rows), name="Наставничество.xlsx")
    shutil.move(book, folder / "workbook" / "Наставничество.xlsx")
    output = folder / "output"
    build(folder / "workbook", templates, output, today=YEAR_END)
    return folder / "workbook" / "Наставничество.xlsx", output


def test_the_sample_rolls_into_2027_2028_keeping_last_years_record(tmp_path, write, rows, templates):
    mentoring = "Стаж наставничества, лет"
    for person, years in zip(rows["Педагоги"][:3], (5, 7, 8)):  # П-1 mentored pair 4, which ended in June 2026
        person[mentoring] = years
    book, output = _school(tmp_path, write, rows, templates)
    before = book.read_bytes()
    documents = _digests(output)
    (book.parent / ".~killed.tmp").write_bytes(b"half a book")  # what a run killed mid-write leaves beside the book
    lines, code = new_year(book.parent, output, YEAR_END, confirm=lambda question: False)
    assert code == 0, lines
    assert not (book.parent / ".~killed.tmp").exists()
    assert lines[0] == ("Начат 2027/2028 учебный год. Книга прошлого года сохранена как «Наставничество "
                        "2026-2027.xlsx» и больше не меняется; «Наставничество.xlsx» — книга нового года.")
    # Programme 3 runs to 30.06.2027 (extended by 55-ОД): nothing but programmes ending after 31.08.2027 continue.
    archived = book.with_name("Наставничество 2026-2027.xlsx")
    assert archived.read_bytes() == before
    assert _digests(output / "2026-2027") == documents
    new = openpyxl.load_workbook(book)
    settings = {row[0].value: row[1].value for row in new["Организация"].iter_rows(min_row=2)}
    assert settings["Учебный год"] == "2027/2028"
    assert settings["Книга прошлого года"] == "Наставничество 2026-2027.xlsx"
    assert new["Дорожная карта 2026-2027"].sheet_state == "hidden"
    assert [c.value for c in new["Дорожная карта"][2]] == [None] * 7
    # Mentoring counted on for who mentored this year: П-2 until the replacement of 16.11.2026, П-3, and П-4.
    people = list(new["Педагоги"].iter_rows(values_only=True))
    column = people[0].index(mentoring)
    assert [(row[0], row[column]) for row in people[1:4]] == [("П-1", 5), ("П-2", 8), ("П-3", 9)]
    assert "«Стаж наставничества» прибавлен на год у 3 наставников этого года (где он записан числом)." in lines
    # Built on the day of the turn, still in August: the new book's documents are of its year, not of the calendar's.
    report = build(book.parent, templates, output, today=YEAR_END)
    assert report.fatal is None and errors(report) == []
    assert sorted(p.name for p in (output / "Отчёты").iterdir()) == [
        "Аналитический отчёт о реализации системы наставничества 2027-2028.docx",
        "Показатели наставничества 2027-2028.xlsx", "Справка о реализации системы наставничества 2027-2028.docx"]


def test_a_pair_running_into_the_new_year_stays_in_force_its_signed_order_not_made_again(tmp_path, write, rows,
                                                                                       templates):
    rows["Программы"][0]["Дата окончания"] = dt.date(2028, 5, 31)  # pair 1's programme runs two years
    book, output = _school(tmp_path, write, rows, templates)
    papers = [ORDER_45, "Соглашения/Доп. соглашение № 7 Мороз О.В. (пара № 1).docx",
              "Соглашения/Согласие Мороз О.В. (пара № 1).docx"]
    signed = [(output / paper).read_bytes() for paper in papers]
    lines, code = new_year(book.parent, output, YEAR_END, confirm=lambda question: False)
    assert code == 0, lines
    assert "Перенесено: пара № 1 — программа до 31.05.2028." in lines
    report = build(book.parent, templates, output, today=NEXT)
    assert errors(report) == []
    # The order, the consent and the agreement signed last year stay in its folder, as they were, and only there.
    assert [(output / "2026-2027" / paper).read_bytes() for paper in papers] == signed
    assert not any((output / paper).exists() for paper in papers)
    assert not any("Приказ" in str(d.path) and "45-ОД" in str(d.path) for d in report.documents)
    text = docx_text(output / "Списки" / "Список наставнических пар (групп).docx")
    assert "Мороз И.И." in text and "Шевченко" not in text
    # The programme states its plan for the whole term: last year's done activity with its mark, the open one.
    programme = docx_text(output / "Программы" / "Программа наставничества № 1 Мороз И.И.docx")
    assert "Посещение консультаций наставника" in programme and "выполнено 18.09.2026" in programme
    assert "Открытая консультация" in programme
    assert (output / "Отчёты" / "Аналитический отчёт о реализации системы наставничества 2027-2028.docx").exists()
    # Last year's report is made again from the old book.
    old = build(book.with_name("Наставничество 2026-2027.xlsx"), templates, tmp_path / "прошлый", today=NEXT,
                period=__import__("automation.documents.period", fromlist=["Period"]).Period.parse("2026/2027"))
    assert (tmp_path / "прошлый" / "Отчёты" / "Аналитический отчёт о реализации системы наставничества "
            "2026-2027.docx").exists() and old.fatal is None


def test_new_year_refuses_a_book_with_errors_and_asks_before_the_years_end(tmp_path, write, rows, templates):
    book, output = _school(tmp_path, write, rows, templates)
    before = book.read_bytes()
    asked = []
    lines, code = new_year(book.parent, output, dt.date(2027, 3, 1), confirm=lambda q: asked.append(q) or False)
    assert code == 1 and asked == ["До конца 2026/2027 учебного года ещё 183 дня. Начать 2027/2028 учебный год "
                                   "сейчас?"]
    assert lines == ["Новый учебный год не начат: книга и документы не изменены."]
    assert book.read_bytes() == before and not book.with_name("Наставничество 2026-2027.xlsx").exists()
    workbook = openpyxl.load_workbook(book)
    workbook["Пары"]["B2"] = "П-99"
    workbook.save(book)
    lines, code = new_year(book.parent, output, YEAR_END, confirm=lambda q: True)
    assert code == 1 and lines[0].startswith("Новый учебный год не начат: в книге 1 ошибка.")


def test_a_second_run_says_what_the_first_did_and_an_existing_book_is_never_overwritten(tmp_path, write, rows,
                                                                                        templates):
    book, output = _school(tmp_path, write, rows, templates)
    new_year(book.parent, output, YEAR_END, confirm=lambda q: False)
    after = book.read_bytes()
    lines, code = new_year(book.parent, output, NEXT, confirm=lambda q: False)
    assert code == 0 and lines == ["Новый учебный год уже начат: книга «Наставничество.xlsx» — на 2027/2028 учебный "
                                   "год, книга прошлого года — «Наставничество 2026-2027.xlsx». Ничего не изменено."]
    assert book.read_bytes() == after


def test_a_run_stopped_before_the_book_is_replaced_is_completed_by_the_next(tmp_path, write, rows, templates,
                                                                             monkeypatch):
    """Stopped after last year's book is copied and the documents moved, before the new book takes the old one's
    place: the old book is whole; the next run completes the rest."""
    from automation.run import new_year as module

    book, output = _school(tmp_path, write, rows, templates)
    before = book.read_bytes()

    class Stopped(Exception):
        pass

    def stopped(*args):
        raise Stopped

    monkeypatch.setattr(module, "_flip", stopped)
    try:
        new_year(book.parent, output, YEAR_END, confirm=lambda q: False)
    except Stopped:
        pass
    assert book.read_bytes() == before
    assert sorted(p.name for p in output.iterdir()) == ["2026-2027"]
    monkeypatch.undo()
    lines, code = new_year(book.parent, output, YEAR_END, confirm=lambda q: False)
    assert code == 0, lines
    assert book.with_name("Наставничество 2026-2027.xlsx").read_bytes() == before
    assert sorted(p.name for p in output.iterdir()) == ["2026-2027"]
    assert openpyxl.load_workbook(book)["Организация"]


def test_a_year_moved_on_by_hand_gets_one_message_that_explains_new_year(tmp_path, write, rows, settings,
                                                                         templates):
    """The curator typed 2027/2028 into «Учебный год» of a book kept since 2026/2027: one warning telling how to
    start a year, and the signed organising order 30-ОД is neither made again nor reported as changed."""
    book = write(rows, settings)
    output = tmp_path / "out"
    build(book, templates, output)
    order = output / "Приказы" / "Приказ № 30-ОД от 01.09.2026 Об организации наставничества педагогических " \
                                  "работников.docx"
    signed = order.read_bytes()
    settings["Учебный год"] = "2027/2028"
    report = build(write(rows, settings, name=book.name), templates, output)
    said = [str(p) for p in report.problems]
    assert [line for line in said if "Учебный год" in line or "30-ОД" in line] == [
        "Лист «Организация», строка 17, столбец «Значение»: «Учебный год» — 2027/2028, а книга ведётся с прошлого "
        "года (приказ об организации наставничества № 30-ОД от 01.09.2026). Новый учебный год начинают командой "
        "«nastavnik new-year» (ярлык «Новый учебный год»): она сохранит книгу и документы прошлого года как были и "
        "перенесёт в новую книгу то, что продолжается. Верните прежний учебный год и запустите её; приказ № 30-ОД "
        "заново не делается."]
    assert order.read_bytes() == signed


def test_the_repositorys_sample_rolls_over_and_its_new_year_builds_without_errors(tmp_path, templates):
    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "workbook", tmp_path / "workbook")
    output = tmp_path / "output"
    build(tmp_path / "workbook", templates, output, today=YEAR_END)
    signed = _digests(output)
    lines, code = new_year(tmp_path / "workbook", output, YEAR_END, confirm=lambda q: False)
    assert code == 0, lines
    assert ("Осталось в книге прошлого года (строк): Пары: 14; Замены: 2; Программы: 12; План: 72; Приказы: 9; "
            "Поощрения: 6; Ответы анкет: 13.") in lines
    report = build(tmp_path / "workbook", templates, output, today=NEXT)
    assert errors(report) == [] and report.archived == []
    assert _digests(output / "2026-2027") == signed


def test_a_different_book_under_the_years_name_and_a_year_typed_ahead_are_refused(tmp_path, write, rows,
                                                                                  templates):
    book, output = _school(tmp_path, write, rows, templates)
    before = book.read_bytes()
    other = book.with_name("Наставничество 2026-2027.xlsx")
    other.write_bytes(b"another book")
    lines, code = new_year(book.parent, output, YEAR_END, confirm=lambda q: True)
    assert code == 1 and lines == ["Книга «Наставничество 2026-2027.xlsx» уже есть и отличается от "
                                   "«Наставничество.xlsx»: её не перезаписываю. Переименуйте или уберите её, если "
                                   "это не книга прошлого года, и запустите ещё раз."]
    assert other.read_bytes() == b"another book" and book.read_bytes() == before
    other.unlink()
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["Организация"]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "Учебный год")
    row[1].value = "2027/2028"
    workbook.save(book)
    lines, code = new_year(book.parent, output, YEAR_END, confirm=lambda q: True)
    assert code == 1 and lines == ["Новый учебный год не начат: «Учебный год» в книге — 2027/2028, а книга ведётся "
                                   "с прошлого года (приказ № 30-ОД от 01.09.2026). Верните в «Учебный год» прежний "
                                   "год и запустите ещё раз."]
    assert not other.exists()


@pytest.mark.slow
def test_a_killed_new_year_leaves_the_old_state_or_the_new_one_and_the_next_run_completes_it(tmp_path, write, rows,
                                                                                             settings, templates):
    """`nastavnik new-year --yes` killed at several moments (SIGKILL to its own pid): the book is always either the
    old one, byte for byte, or the new one whole; the next run then ends with the new year whole and last year's book
    and documents as they were."""
    settings["Учебный год"] = "2026/2027"  # whatever day the test runs on
    school = tmp_path / "школа"
    (school / "workbook").mkdir(parents=True)
    book = write(all_signed(rows), settings, name="Наставничество.xlsx")
    shutil.move(book, school / "workbook" / "Наставничество.xlsx")
    build(school / "workbook", templates, school / "output", today=YEAR_END)
    old = (school / "workbook" / "Наставничество.xlsx").read_bytes()
    documents = _digests(school / "output")
    for delay in (0.45, 0.6, 0.75, 0.9):  # the command takes about a second here: its middle
        trial = tmp_path / f"попытка {delay}"
        shutil.copytree(school, trial)
        book = trial / "workbook" / "Наставничество.xlsx"
        killed_after(delay, "new-year", "--yes", cwd=trial)
        year = {row[0].value: row[1].value for row in openpyxl.load_workbook(book)["Организация"].iter_rows(
            min_row=2)}["Учебный год"] if book.read_bytes() != old else "2026/2027"
        assert year in ("2026/2027", "2027/2028"), delay
        lines, code = new_year(book.parent, trial / "output", YEAR_END, confirm=lambda q: True)
        assert code == 0, (delay, lines)
        assert book.with_name("Наставничество 2026-2027.xlsx").read_bytes() == old, delay
        assert _digests(trial / "output" / "2026-2027") == documents, delay
        settings_now = {row[0].value: row[1].value for row in openpyxl.load_workbook(book)["Организация"].iter_rows(
            min_row=2)}
        assert settings_now["Учебный год"] == "2027/2028", delay
        assert not list(book.parent.glob(".*")), delay
        shutil.rmtree(trial)


def test_the_papers_of_last_years_replacement_stay_in_its_folder(tmp_path, write, rows, templates):
    """Pair 3 (its programme extended to 2028) had its mentor replaced on 16.11.2026 by the signed order 50-ОД: in the
    new year the order and the new mentor's consent and agreement, and the former mentor's papers of the early end,
    are last year's — none is made again."""
    rows["Программы"][2]["Продлить до"] = dt.date(2028, 6, 30)
    book, output = _school(tmp_path, write, rows, templates)
    last_year = {str(p.relative_to(output)) for p in output.rglob("*.docx")}
    replaced = {path for path in last_year if "50-ОД" in path or "(пара № 3" in path}
    assert len(replaced) >= 3, replaced
    lines, code = new_year(book.parent, output, YEAR_END, confirm=lambda q: False)
    assert code == 0 and "Перенесено: пара № 3 — программа до 30.06.2028." in lines, lines
    report = build(book.parent, templates, output, today=NEXT)
    assert errors(report) == []
    made = {str(p.relative_to(output)) for p in output.rglob("*.docx") if "2026-2027" not in p.parts}
    assert made & replaced == set()


def test_a_build_started_while_the_year_turns_waits_and_builds_the_new_years_book(tmp_path, write, rows, templates,
                                                                                  monkeypatch):
    """The watcher left running: a save seen while new-year moves output/ starts a build; it waits for the turn to
    end, then reads the new book into the new output/ — last year's folder stays as it was."""
    import threading

    from automation.run import district
    from automation.run import new_year as module

    rows["Программы"][0]["Дата окончания"] = dt.date(2028, 5, 31)
    book, output = _school(tmp_path, write, rows, templates)
    documents = _digests(output)
    entered, built = threading.Event(), []
    original_build, original_move = district.builder.build, module._move_output

    def build(*args, **kwargs):
        entered.set()
        return original_build(*args, **kwargs)

    def move(*args):
        moved = original_move(*args)
        worker = threading.Thread(target=lambda: built.append(district.build_any(book.parent, templates, output,
                                                                                 today=NEXT)))
        worker.start()
        built.append(worker)
        assert not entered.wait(1.0), "the build read the book while the year was turning"
        return moved

    monkeypatch.setattr(district.builder, "build", build)
    monkeypatch.setattr(module, "_move_output", move)
    lines, code = new_year(book.parent, output, YEAR_END, confirm=lambda q: False)
    assert code == 0, lines
    built[0].join(timeout=120)
    report = built[1]
    assert report.fatal is None and errors(report) == []
    assert _digests(output / "2026-2027") == documents
    assert (output / "Отчёты" / "Аналитический отчёт о реализации системы наставничества 2027-2028.docx").exists()
    assert not (output / "Отчёты" / "Аналитический отчёт о реализации системы наставничества 2026-2027.docx").exists()


def test_a_build_that_waits_too_long_for_another_run_says_so(tmp_path, write, rows, templates, monkeypatch):
    from automation import files
    from automation.run.district import build_any

    book = write(rows)
    output = tmp_path / "output"
    monkeypatch.setattr(files, "LOCK_WAIT", 0.3)
    with files.output_lock(output):
        report = build_any(book, templates, output, today=NEXT)
    assert report.fatal == (f"Папку «{output}» заполняет другой запуск программы, и он всё ещё не закончил. "
                            "Дождитесь его конца (или закройте его окно) и запустите ещё раз.")
    assert not output.exists()
    assert build_any(book, templates, output, today=NEXT).fatal is None
