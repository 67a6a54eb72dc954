"""The watcher: pure filter and debounce (fake clock), real saves replayed under the real watchdog observer, a soak."""

import datetime as dt
import os
import random
import shutil
import threading
import time
from pathlib import Path

import pytest
from watchdog.events import (
    DirModifiedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)

from automation.run import build as builder
from automation.run.commands import WatchSession
from automation.run.report import UPDATED, Report
from automation.run.watch import Debouncer, Watched, Watcher, changes, is_trigger
from tests.docx_text import docx_text
from tests.helpers import AWAITING, FAST, TODAY, FakeClock, settled

ROOT = Path("/school")
WATCHED = Watched(ROOT / "workbook", ROOT / "workbook" / "Книга.xlsx", ROOT / "doc_templates", ROOT / "output")
FOLDER = Watched(ROOT / "workbook", None, ROOT / "doc_templates", ROOT / "output")


@pytest.mark.parametrize("path, expected", [
    ("/school/workbook/Книга.xlsx", True),
    ("/school/workbook/~$Книга.xlsx", False),
    ("/school/workbook/.~lock.Книга.xlsx#", False),
    ("/school/workbook/ABCD1234.tmp", False),
    ("/school/workbook/Другая.xlsx", False),
    ("/school/doc_templates/Приказ о закреплении наставнических пар.docx", True),
    ("/school/doc_templates/~$иказ о закреплении наставнических пар.docx", False),
    ("/school/doc_templates/заметки.txt", False),
    ("/school/output/Приказы/Приказ.docx", False),
    ("/school/output/.nastavnik-manifest.json", False),
    ("/elsewhere/Книга.xlsx", False),
])
def test_what_triggers_a_build(path, expected):
    assert is_trigger(path, WATCHED) is expected


def test_a_workbook_folder_watches_every_workbook_in_it():
    assert is_trigger("/school/workbook/Другая.xlsx", FOLDER)
    assert not is_trigger("/school/workbook/~$Другая.xlsx", FOLDER)
    assert not is_trigger("/school/workbook/заметки.docx", FOLDER)


def test_output_inside_the_workbook_folder_is_ignored():
    inside = Watched(ROOT, None, ROOT / "doc_templates", ROOT / "output")
    assert is_trigger("/school/Книга.xlsx", inside)
    assert not is_trigger("/school/output/Книга.xlsx", inside)


def test_events_map_to_paths_and_whether_writing_goes_on():
    assert changes(FileMovedEvent("/w/A.tmp", "/w/Книга.xlsx")) == [("/w/Книга.xlsx", False)]
    assert changes(FileModifiedEvent("/w/Книга.xlsx")) == [("/w/Книга.xlsx", True)]
    assert changes(FileCreatedEvent("/w/Книга.xlsx")) == [("/w/Книга.xlsx", False)]
    assert changes(FileClosedEvent("/w/Книга.xlsx")) == [("/w/Книга.xlsx", False)]
    assert changes(FileDeletedEvent("/w/Книга.xlsx")) == []
    assert changes(DirModifiedEvent("/w")) == []


def test_debounce_waits_for_quiet():
    debounce = Debouncer(quiet=0.3, quiet_while_writing=1.0)
    assert not debounce.due(0.0)
    debounce.event(10.0, writing=False)
    debounce.event(10.2, writing=False)
    assert not debounce.due(10.4)
    assert debounce.due(10.5)
    debounce.take()
    assert not debounce.due(99.0)


def test_debounce_waits_longer_while_a_write_is_not_closed():
    debounce = Debouncer(quiet=0.3, quiet_while_writing=1.0)
    debounce.event(0.0, writing=True)
    assert not debounce.due(0.5)
    assert debounce.due(1.0)
    debounce.event(2.0, writing=True)
    debounce.event(2.1, writing=False)  # closed: finished now
    assert not debounce.due(2.3)
    assert debounce.due(2.5)


def test_a_burst_of_events_gives_one_due_rebuild():
    clock = FakeClock()
    watcher = Watcher(WATCHED, rebuild=lambda: None, clock=clock)
    for offset, event in enumerate([
        FileCreatedEvent("/school/workbook/~$Книга.xlsx"),
        FileModifiedEvent("/school/workbook/ABCD1234.tmp"),
        FileMovedEvent("/school/workbook/Книга.xlsx", "/school/workbook/E5F6A7B8.tmp"),
        FileMovedEvent("/school/workbook/ABCD1234.tmp", "/school/workbook/Книга.xlsx"),
        FileDeletedEvent("/school/workbook/E5F6A7B8.tmp"),
    ]):
        clock.now = offset * 0.01
        watcher.notice(event)
    clock.now = 0.2
    assert not watcher.take_due()
    clock.now = 0.5
    assert watcher.take_due()
    assert not watcher.take_due()


def test_the_session_prints_one_line_per_build_and_an_unreadable_book_once(write, rows, templates, tmp_path):
    lines: list[str] = []
    book = write(rows, name="Книга.xlsx")
    session = WatchSession(lambda: builder.build(book, templates, tmp_path / "out", today=TODAY),
                           echo=lines.append, clock=lambda: dt.datetime(2026, 11, 27, 9, 5, 1))
    session.rebuild()
    good = book.read_bytes()
    book.write_bytes(good[:100])
    session.rebuild()
    session.rebuild()
    book.write_bytes(good)
    session.rebuild()
    reminders = ["  ! Программа № 2: мероприятие «Совместное планирование акции» со сроком 20.10.2026 не отмечено "
                 "как выполненное.", *(f"  ! {line}" for line in AWAITING)]
    assert lines == [
        "09:05:01 Документы: создано 33, обновлено 0, без изменений 0; ошибок: 0, предупреждений: 0.",
        *reminders,
        "09:05:01 Книгу прочитать не удалось. Файл «Книга.xlsx» — не книга Excel .xlsx или сохранён не до конца. "
        "Откройте его в Excel и сохраните как .xlsx. Документы остались прежними; соберу заново после следующего "
        "сохранения.",
        "09:05:01 Документы: создано 0, обновлено 0, без изменений 33; ошибок: 0, предупреждений: 0.",
        *reminders,
    ]


# --- the real observer -------------------------------------------------------------------------------------------

PROGRAMME = "Программы/Программа наставничества № 1 Мороз И.И.docx"


class Running:
    """A real watcher in a thread over a real workspace, counting its builds."""

    def __init__(self, folder: Path, templates: Path) -> None:
        self.book = folder / "workbook" / "Книга.xlsx"
        self.output = folder / "output"
        self.builds: list[Report] = []
        self.stop, self.ready = threading.Event(), threading.Event()
        watched = Watched.of(self.book.parent, templates, self.output)
        self.watcher = Watcher(watched, self._rebuild, Debouncer(**FAST))
        self.thread = threading.Thread(target=self.watcher.run, args=(self.stop,), kwargs={"ready": self.ready},
                                       daemon=True)

    def _rebuild(self) -> None:
        self.builds.append(builder.build(self.book.parent, self.watcher.watched.templates, self.output, today=TODAY))

    def __enter__(self) -> "Running":
        self.thread.start()
        assert self.ready.wait(10), "the watcher did not start"
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(timeout=5)

    def settle(self, expected: int, timeout: float = 10.0) -> None:
        """Wait for `expected` builds, then until nothing is pending for longer than a save could take to be due
        (a spurious extra build would have started by then)."""
        settled(lambda: len(self.builds), expected, self.watcher, timeout)


def _workbook_bytes(path: Path, rows, goal: str) -> bytes:
    from automation.office.blank_book import write_workbook
    from tests import sample_data
    rows["Программы"][0]["Цель"] = goal
    write_workbook(path, rows, sample_data.SETTINGS)
    return path.read_bytes()


@pytest.fixture
def space(tmp_path, rows, templates):
    folder = tmp_path / "школа"
    (folder / "workbook").mkdir(parents=True)
    _workbook_bytes(folder / "workbook" / "Книга.xlsx", rows, "первая цель")
    builder.build(folder / "workbook", templates, folder / "output", today=TODAY)
    return folder


def test_a_watchdog_that_hangs_on_stopping_does_not_keep_the_watcher_from_ending(space, templates, monkeypatch):
    """Ctrl+C always ends the watch: an observer whose stop does not return is waited for `STOP_WAIT` (2 s; here
    0.3 s), not for good."""
    from automation.run import watch

    monkeypatch.setattr(watch, "STOP_WAIT", 0.3)

    released = threading.Event()
    real_stop = watch.Observer.stop

    def hanging(observer) -> None:
        released.wait(60)  # as watchdog's inotify reader once did
        real_stop(observer)

    monkeypatch.setattr(watch.Observer, "stop", hanging)
    stop = threading.Event()
    stop.set()
    watcher = Watcher(Watched.of(space / "workbook", templates, space / "output"), lambda: None, Debouncer(**FAST))
    started = time.monotonic()
    try:
        watcher.run(stop)
        assert 0.3 <= time.monotonic() - started < 1.3
    finally:
        released.set()  # the observer then stops for real


def _goal(space: Path) -> str:
    return next(line for line in docx_text(space / "output" / PROGRAMME).splitlines() if "Цель программы" in line)


@pytest.mark.slow
def test_excel_style_save_gives_one_rebuild(space, rows, templates, tmp_path):
    new = _workbook_bytes(tmp_path / "new.xlsx", rows, "цель из Excel")
    folder = space / "workbook"
    with Running(space, templates) as running:
        (folder / "~$Книга.xlsx").write_bytes(b"owner")
        (folder / "ABCD1234.tmp").write_bytes(new)
        os.replace(folder / "Книга.xlsx", folder / "E5F6A7B8.tmp")
        os.replace(folder / "ABCD1234.tmp", folder / "Книга.xlsx")
        (folder / "E5F6A7B8.tmp").unlink()
        running.settle(1)
        (folder / "~$Книга.xlsx").unlink()
        running.settle(1)
        assert len(running.builds) == 1
    assert _goal(space) == "7. Цель программы: цель из Excel."
    assert [str(d.path) for d in running.builds[0].documents if d.status == UPDATED] == [PROGRAMME]


@pytest.mark.slow
def test_libreoffice_style_save_in_place_gives_one_rebuild(space, rows, templates, tmp_path):
    new = _workbook_bytes(tmp_path / "new.xlsx", rows, "цель из LibreOffice")
    folder = space / "workbook"
    with Running(space, templates) as running:
        (folder / ".~lock.Книга.xlsx#").write_text("owner", encoding="utf-8")
        with open(folder / "Книга.xlsx", "r+b") as stream:
            stream.truncate(0)
            for start in range(0, len(new), 4096):
                stream.write(new[start:start + 4096])
                stream.flush()
                time.sleep(0.02)
        running.settle(1)
        (folder / ".~lock.Книга.xlsx#").unlink()
        running.settle(1)
        assert len(running.builds) == 1
    assert running.builds[0].fatal is None
    assert _goal(space) == "7. Цель программы: цель из LibreOffice."


def test_atomic_rename_from_elsewhere_gives_one_rebuild(space, rows, templates, tmp_path):
    new = tmp_path / "sync" / "Книга.xlsx"
    new.parent.mkdir()
    _workbook_bytes(new, rows, "цель с Яндекс.Диска")
    with Running(space, templates) as running:
        os.replace(new, space / "workbook" / "Книга.xlsx")
        running.settle(1)
        assert len(running.builds) == 1
    assert _goal(space) == "7. Цель программы: цель с Яндекс.Диска."


def test_editing_a_template_rebuilds(space, templates, tmp_path):
    own = tmp_path / "own_templates"
    shutil.copytree(templates, own)
    from docx import Document
    with Running(space, own) as running:
        path = own / "Персонализированная программа наставничества.docx"
        document = Document(str(path))
        document.add_paragraph("Программа согласована на заседании ШМО.")
        document.save(str(path))
        running.settle(1)
        assert len(running.builds) == 1
    assert docx_text(space / "output" / PROGRAMME).rstrip().endswith("Программа согласована на заседании ШМО.")


def test_our_own_output_never_triggers_a_build(space, templates):
    with Running(space, templates) as running:
        (space / "output" / "Приказы" / "лишний.docx").write_bytes(b"x")
        (space / "output" / ".~abc.tmp").write_bytes(b"x")
        running.settle(0)
        assert running.builds == []


SOAK_SAVES = int(os.environ.get("NASTAVNIK_SOAK_SAVES", "30"))
"""30 in CI (about 9 s); run it with 200 or more when the watcher changes."""


@pytest.mark.slow
def test_soak_many_saves(space, rows, templates, tmp_path):
    """Saves of both kinds (replace, rewrite in place) at random intervals: the watcher ends where a fresh build
    does."""
    generator = random.Random(20261127)
    folder = space / "workbook"
    book = folder / "Книга.xlsx"
    with Running(space, templates) as running:
        for index in range(SOAK_SAVES):
            rows["Программы"][generator.randrange(2)]["Цель"] = f"цель № {index}"
            rows["План"][generator.randrange(3)]["Результат"] = f"результат {generator.randrange(1000)}"
            from automation.office.blank_book import write_workbook
            from tests import sample_data
            staged = tmp_path / "staged.xlsx"
            write_workbook(staged, rows, sample_data.SETTINGS)
            if generator.random() < 0.5:
                os.replace(staged, book)
            else:
                with open(book, "r+b") as stream:
                    stream.truncate(0)
                    stream.write(staged.read_bytes())
            time.sleep(generator.uniform(0, 0.1))  # below and above the quiet period
        running.settle(len(running.builds) + 1)
        assert running.thread.is_alive()
    fresh = tmp_path / "fresh"
    builder.build(book, templates, fresh, today=TODAY)
    watched = {str(p.relative_to(space / "output")): docx_text(p) for p in (space / "output").rglob("*.docx")
               if "_архив" not in p.parts}
    assert watched == {str(p.relative_to(fresh)): docx_text(p) for p in fresh.rglob("*.docx")}
    assert not [p for p in (space / "output").rglob("*.tmp")]
    assert len(running.builds) >= 2


def test_a_save_made_during_the_first_build_is_built_next(space, rows, templates, tmp_path):
    """The curator starts «Наставник.cmd» and saves at once: the save lands while the first build still runs."""
    new = _workbook_bytes(tmp_path / "new.xlsx", rows, "цель, сохранённая во время первой сборки")
    book, output = space / "workbook" / "Книга.xlsx", space / "output"
    builds: list[Report] = []
    first_read, saved = threading.Event(), threading.Event()

    def rebuild() -> None:
        builds.append(builder.build(book, templates, output, today=TODAY))
        if len(builds) == 1:  # the first build has read the old book; it is still «rendering» when the save comes
            first_read.set()
            saved.wait(5)

    stop = threading.Event()
    watcher = Watcher(Watched.of(book, templates, output), rebuild, Debouncer(**FAST))
    thread = threading.Thread(target=watcher.run, args=(stop,), kwargs={"first": rebuild}, daemon=True)
    thread.start()
    assert first_read.wait(10)
    (space / "workbook" / "staged.tmp").write_bytes(new)
    os.replace(space / "workbook" / "staged.tmp", book)
    saved.set()
    settled(lambda: len(builds), 2, watcher)
    stop.set()
    thread.join(timeout=5)
    assert len(builds) == 2
    assert _goal(space) == "7. Цель программы: цель, сохранённая во время первой сборки."
