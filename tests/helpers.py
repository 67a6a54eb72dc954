"""What several test modules share: the test day, building and checking a book on it, the problems said, the
command line in a workspace, a command killed mid-run, a fake clock, and what the test book is expected to make. No
test module imports another: what two share is here (fixtures are in conftest.py)."""

from __future__ import annotations

import datetime as dt
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

import pytest

from automation.book.problems import ERROR, WARNING, Severity
from automation.office.blank_book import write_workbook
from automation.run import build as builder
from automation.run.printing import find_soffice
from automation.run.report import Report
from automation.run.watch import Watcher

TODAY = dt.date(2026, 11, 27)
"""The day every test builds for (the test book's drafts, reminders and terms are of this day)."""
NOW = dt.datetime(2026, 11, 27, 9, 30)
"""The moment of a test's build (archived files are named by it)."""


def build(book: Path, templates: Path, output: Path, **options) -> Report:
    """`nastavnik build` of the book on the test day (`period`, `progress` … as the build takes them)."""
    return builder.build(book, templates, output, **{"today": TODAY, "now": NOW, **options})


_BOOKS: dict[bytes, bytes] = {}


def write_book(path: Path, rows: dict, settings: dict | None) -> Path:
    """`write_workbook` of these rows and settings, its bytes kept for the next test of the worker that asks for the
    same ones (half the books the tests write are the test book unchanged or changed alike; each save took 0.1 s)."""
    key = pickle.dumps((rows, settings))
    if key not in _BOOKS:
        write_workbook(path, rows, settings)
        _BOOKS[key] = path.read_bytes()
    else:
        path.write_bytes(_BOOKS[key])
    return path


def said(report_or_book: Report | Path, severity: Severity = WARNING) -> list[str]:
    """The problems of one severity, as the curator reads them; of a book, those its check finds."""
    report = builder.check(report_or_book) if isinstance(report_or_book, Path) else report_or_book
    return [str(p) for p in report.problems if p.severity == severity]


def warnings(report_or_book: Report | Path) -> list[str]:
    return said(report_or_book, WARNING)


def errors(report_or_book: Report | Path) -> list[str]:
    return said(report_or_book, ERROR)


def made(output: Path) -> list[str]:
    return sorted(str(p.relative_to(output)) for p in output.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(output).parts))


DOCUMENTS = sorted([
    "Отчёт о проверке.docx",
    "Представления/Представление Черных И.П. благодарственное письмо.docx",
    "Отчёты/Аналитический отчёт о реализации системы наставничества 2026-2027.docx",
    "Отчёты/Показатели наставничества 2026-2027.xlsx",
    "Предложения по парам.xlsx",
    "Списки/Страница для сайта.html",
    "Приказы/ПРОЕКТ Приказ № 50-ОД О замене наставника.docx",
    "Приказы/ПРОЕКТ Приказ О закреплении наставнических пар (групп).docx",
    "Приказы/ПРОЕКТ Приказ О поощрении наставников.docx",
    "Приказы/ПРОЕКТ Приказ О продлении срока реализации программы.docx",
    "Приказы/Приказ № 12-ОД от 29.12.2025 О закреплении наставнических пар (групп).docx",
    "Приказы/Приказ № 40-ОД от 29.06.2026 О завершении персонализированных программ наставничества.docx",
    "Приказы/Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx",
    "Приказы/Приказ № 30-ОД от 01.09.2026 Об организации наставничества педагогических работников.docx",
    "Списки/Список педагогов для включения в наставничество в качестве наставляемых.docx",
    "Программы/Программа наставничества № 1 Мороз И.И.docx",
    "Программы/Программа наставничества № 2 Черных И.П. (группа).docx",
    "Программы/Программа наставничества № 3 Павлюк Н.С.docx",
    "Программы/Программа наставничества № 4 Белых Л.Н.docx",
    "Списки/Список наставников и наставляемых для сайта.docx",
    "Списки/Список наставнических пар (групп).docx",
    *(f"Соглашения/Согласие {who}.docx" for who in ("Мороз О.В. (пара № 1)", "Черных И.П. (группа № 2)",
                                                    "Кузнецова И.В. (пара № 3)", "Черных И.П. (пара № 3, с 16.11.2026)")),
    *(f"Соглашения/Доп. соглашение {who}.docx" for who in (
        "№ 7 Мороз О.В. (пара № 1)", "№ 7 Черных И.П. (группа № 2)", "№ 7 Кузнецова И.В. (пара № 3)",
        "№ 9 Черных И.П. (пара № 3, с 16.11.2026)", "№ 31 о продлении Черных И.П. (пара № 3)")),
    "Списки/Список доплат за наставничество.docx",
    "Соглашения/Соглашение о прекращении Кузнецова И.В. (пара № 3).docx",
    "Отчёты/Справка о реализации системы наставничества 2026-2027.docx",
])

AWAITING = [  # the drafts in the register's order (40-ОД is above 50-ОД), then what has no number
    "Ждёт подписания приказ № 40-ОД «О завершении персонализированных программ наставничества»: программа № 4 — "
    "завершение с 26.06.2026.",
    "Ждёт подписания приказ № 50-ОД «О замене наставника»: пара № 3 — наставник Черных И.П. вместо Кузнецовой И.В. "
    "с 16.11.2026.",
    "Ждут приказа, которому ещё не дан номер (проект — в папке «Приказы»): группа № 2 — назначение наставника Черных "
    "И.П.; пара № 3 — назначение наставника Кузнецовой И.В.; программа № 3 — продление до 30.06.2027.",
]


def nastavnik(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`nastavnik ARGS` in `cwd`, run in this process as `python -m automation` runs it (`cli.main`, its exit code
    and what it writes to stdout and stderr; stdin empty, not a terminal): a new Python for each took 0.7 s. The
    commands are also started as real processes (the `initialized` fixture, tests/test_printing.py, the bundles)."""
    import contextlib
    import io
    import os

    from automation import cli

    out, err = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="") for _ in range(2))
    code: int | str | None = 0
    before = os.getcwd()
    with contextlib.ExitStack() as stack:
        stack.callback(os.chdir, before)
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        stack.enter_context(pytest.MonkeyPatch.context()).setattr(sys, "stdin", io.StringIO(""))
        stack.enter_context(pytest.MonkeyPatch.context()).setattr(sys, "argv", ["nastavnik", *args])
        os.chdir(cwd)
        try:
            cli.main()
        except SystemExit as done:
            code = done.code
    returncode = code if isinstance(code, int) else 0 if code is None else 1
    texts = []
    for stream in (out, err):
        stream.flush()
        texts.append(stream.buffer.getvalue().decode("utf-8"))
    return subprocess.CompletedProcess(["nastavnik", *args], returncode, *texts)


def once_per_run(tmp_path_factory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder `make` fills once for the whole test run, in whichever worker asks first (under a lock; the others
    wait for it and take it as it is): made once per worker, it cost each its time."""
    import fcntl
    import os

    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID")  # the same in every worker of one run
    root = tmp_path_factory.getbasetemp().parent if run_id else tmp_path_factory.getbasetemp()
    folder = root / f"{name}-{run_id or 'here'}"
    with open(f"{folder}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        made = Path(f"{folder}.made")
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            make(folder)
            made.touch()
    return folder


def killed_after(delay: float, *args: str, cwd: Path) -> None:
    """`python -m automation ARGS` started in a session of its own and, if still running after `delay` seconds,
    sent SIGKILL — to its own pid only, never a group or a name; waited for (at most a minute) either way."""
    import signal

    process = subprocess.Popen([sys.executable, "-m", "automation", *args], cwd=cwd, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=delay)  # one that ends sooner is not waited for to the end of `delay`
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)


def workspace(tmp_path: Path, initialized: Path, book: Path | None = None) -> Path:
    """A copy of the workspace `nastavnik init` made (the `initialized` fixture), with `book` as its workbook."""
    folder = tmp_path / "школа"
    shutil.copytree(initialized, folder)
    if book is not None:
        shutil.copy(book, folder / "workbook" / "Наставничество.xlsx")
    return folder


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


SOFFICE = find_soffice()
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) не установлен: .ci/run ставит пакет libreoffice-writer-nogui")


def _times_widths() -> bool:
    """Whether LibreOffice prints Times New Roman in a font of its widths (fontconfig's choice for it on Linux;
    Windows and macOS have Times New Roman itself)."""
    if not sys.platform.startswith("linux"):
        return True
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return False
    found = subprocess.run([fc_match, "-f", "%{family}", "Times New Roman"], capture_output=True, text=True,
                           timeout=30).stdout.lower().replace(" ", "")
    return any(name in found for name in ("timesnewroman", "liberationserif", "tinos"))


needs_times = pytest.mark.skipif(
    SOFFICE is None or not _times_widths(),
    reason="нет LibreOffice или шрифта ширины Times New Roman (Liberation Serif), страницы разбились бы иначе, чем в "
           "Word: .ci/run ставит пакеты libreoffice-writer-nogui и fonts-liberation")


FAST = dict(quiet=0.05, quiet_while_writing=0.2)
"""A debouncer twenty times quicker than the curator's: the same rules, so the tests wait less."""


def settled(count: Callable[[], int], expected: int, watcher: Watcher, timeout: float = 10.0) -> None:
    """`count()` reaches `expected`, then the watcher stays idle for its longest quiet period and two polls more."""
    deadline = time.monotonic() + timeout
    while count() < expected and time.monotonic() < deadline:
        time.sleep(0.01)
    grace = watcher.debouncer.quiet_while_writing + 0.1
    quiet_since = time.monotonic()
    while time.monotonic() - quiet_since < grace and time.monotonic() < deadline:
        if watcher.pending():
            quiet_since = time.monotonic()
        time.sleep(0.01)
