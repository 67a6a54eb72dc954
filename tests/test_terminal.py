"""What the terminal shows: the progress bar, --quiet, colours only on a terminal, the journal."""

from __future__ import annotations

import datetime as dt
import shutil

from click.testing import CliRunner

from automation import files
from automation.cli import cli
from automation.files import JOURNAL_NAME, append_journal
from automation.terminal import Bar
from tests.helpers import FakeClock, nastavnik, workspace

NOW = dt.datetime(2026, 11, 27, 9, 30)


def test_the_bar_appears_only_once_a_build_has_taken_a_second():
    clock = FakeClock()
    with Bar("Сборка документов", enabled=True, clock=clock) as bar:
        bar(1, 40)
        clock.now += 0.9
        bar(2, 40)
        assert bar.progress is None
        clock.now += 0.2
        bar(3, 40)
        assert bar.progress is not None
        assert (bar.progress.tasks[0].completed, bar.progress.tasks[0].total) == (3, 40)
        bar(40, 40)
        assert bar.progress.tasks[0].completed == 40
    assert bar.progress.live.is_started is False


def test_no_bar_when_not_on_a_terminal_or_quiet():
    clock = FakeClock()
    with Bar("Сборка документов", enabled=False, clock=clock) as bar:
        clock.now += 5
        bar(1, 2)
        assert bar.progress is None


def _broken_workspace(tmp_path, initialized, write, rows):
    rows["Пары"][2]["Форма взаимодействия"] = "по телефону"
    return workspace(tmp_path, initialized, write(rows))


def test_quiet_build_says_only_the_errors_and_the_last_line(tmp_path, write, rows, initialized):
    folder = _broken_workspace(tmp_path, initialized, write, rows)
    result = nastavnik("build", "--quiet", cwd=folder)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "Ошибки (1):",
        "  • Лист «Пары», строка 4, столбец «Форма взаимодействия»: «по телефону» нет в списке. Выберите одно из "
        "значений: «один-на-один»; «виртуальное (дистанционное)»; «краткосрочное (целеполагающее)»; «ситуационное»; "
        "«скоростное».",
        "Ячейки с ошибками и предупреждениями отмечены в копии книги: output/Проверка — Наставничество.xlsx",
        "Итог: документы: создано 33, обновлено 0, без изменений 0; ошибок: 1, предупреждений: 0.",
    ]
    assert result.stderr == ""


def test_colours_only_on_a_terminal_and_never_with_no_color(tmp_path, write, rows, monkeypatch, initialized):
    folder = _broken_workspace(tmp_path, initialized, write, rows)
    piped = nastavnik("check", cwd=folder)
    assert "\x1b[" not in piped.stdout and piped.stdout.splitlines()[1] == "Ошибки (1):"
    monkeypatch.chdir(folder)
    coloured = CliRunner().invoke(cli, ["check"], color=True)
    assert "\x1b[31m\x1b[1mОшибки (1):\x1b[0m" in coloured.output
    plain = CliRunner().invoke(cli, ["check"], color=True, env={"NO_COLOR": "1"})
    assert "\x1b[" not in plain.output and "Ошибки (1):" in plain.output


class FakeKernel32:
    """A Windows console: its mode (None: the output is no console) and whether it accepts colour codes."""

    def __init__(self, mode: int | None, accepts: bool) -> None:
        self.mode, self.accepts, self.asked = mode, accepts, []

    def GetStdHandle(self, which):  # noqa: N802 (the Windows API's names)
        assert which == -11  # STD_OUTPUT_HANDLE
        return 7

    def GetConsoleMode(self, handle, mode):  # noqa: N802
        if self.mode is None:
            return 0
        mode._obj.value = self.mode
        return 1

    def SetConsoleMode(self, handle, mode):  # noqa: N802
        self.asked.append(mode)
        return int(self.accepts)


def test_a_windows_console_is_asked_for_colours_and_one_that_refuses_gets_none():
    from automation.terminal import windows_console_shows_colours

    accepting, refusing, already = FakeKernel32(3, True), FakeKernel32(3, False), FakeKernel32(7, False)
    assert windows_console_shows_colours(accepting) is True and accepting.asked == [3 | 4]
    assert windows_console_shows_colours(refusing) is False  # an older console host: codes would print as text
    assert windows_console_shows_colours(already) is True and already.asked == []
    assert windows_console_shows_colours(FakeKernel32(None, True)) is False  # not a console
    assert windows_console_shows_colours() is False  # no Windows API here


def test_on_windows_a_console_that_cannot_show_colours_gets_plain_headings(tmp_path, write, rows, monkeypatch,
                                                                           initialized):
    import ctypes
    from types import SimpleNamespace

    from automation import terminal

    folder = _broken_workspace(tmp_path, initialized, write, rows)
    monkeypatch.chdir(folder)
    monkeypatch.setattr("sys.platform", "win32")
    for console, shown in ((FakeKernel32(3, False), "Ошибки (1):"),
                           (FakeKernel32(3, True), "\x1b[31m\x1b[1mОшибки (1):\x1b[0m")):
        monkeypatch.setattr(terminal, "_windows_colours", None)  # asked once a run
        monkeypatch.setattr(ctypes, "windll", SimpleNamespace(kernel32=console), raising=False)
        result = CliRunner().invoke(cli, ["check"], color=True)
        assert result.output.splitlines()[1] == shown


def test_each_build_adds_one_line_to_the_journal(tmp_path, write, rows, initialized):
    folder = workspace(tmp_path, initialized, write(rows))
    nastavnik("build", cwd=folder)
    shutil.move(folder / "workbook", folder / "книга")
    nastavnik("build", cwd=folder)
    lines = (folder / "output" / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert lines[0][19:].startswith(" сборка: workbook/Наставничество.xlsx; документы: создано 33, обновлено 0, "
                                    "без изменений 0; ошибок: 0, предупреждений: 0; ")
    assert lines[1][19:] == (" сборка: не удалось. Не найдено: «workbook». Укажите книгу параметром --workbook "
                             "или создайте её: nastavnik init.")


def test_the_journal_keeps_its_newer_half_past_its_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "JOURNAL_LIMIT", 1000)
    for number in range(60):
        append_journal(tmp_path, f"сборка {number:02d}", NOW + dt.timedelta(seconds=number))
    lines = (tmp_path / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()
    assert (tmp_path / JOURNAL_NAME).stat().st_size <= 1000
    assert lines[-1] == "27.11.2026 09:30:59 сборка 59"
    assert all(line.startswith("27.11.2026 09:") for line in lines)
    numbers = [int(line.rsplit(" ", 1)[1]) for line in lines]
    assert numbers == list(range(numbers[0], 60)) and numbers[0] > 20
