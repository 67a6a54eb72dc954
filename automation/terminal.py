"""What the terminal shows: click speaking Russian (the headings and usage line of every help page, click's own
error messages), coloured headings, the progress bar. Importing it is enough for the headings."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path
from typing import Callable

import click

from automation.book.schema import NO, YES
from automation.documents.period import Period, PeriodError

_HEADINGS = {"Options": "Параметры", "Commands": "Команды", "Arguments": "Аргументы"}


class RussianFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Использование: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HEADINGS.get(heading, heading))


click.Context.formatter_class = RussianFormatter
# click's own messages, as a curator would read them.
_CLICK_MESSAGES = (
    (re.compile(r"No such command '(.+)'\."), "нет такой команды «{0}»."),
    (re.compile(r"No such option:? '?([^'\s]+?)'?\.?(?:\s|$)"), "нет такого параметра {0}."),
    (re.compile(r"Option '(.+)' requires an argument\."), "после параметра {0} укажите значение."),
    (re.compile(r"Got unexpected extra arguments? \((.+)\)"), "лишние слова в команде: {0}."),
    (re.compile(r"Missing command\."), "не указана команда."),
    (re.compile(r"Invalid value for '([^']+)': (.+)", re.S), "неверное значение {0}: {1}"),
)


def russian(message: str) -> str:
    for pattern, text in _CLICK_MESSAGES:
        match = pattern.search(message)
        if match:
            return text.format(*match.groups())
    return message


def interactive(quiet: bool, as_json: bool = False) -> bool:
    """Whether to draw on the terminal: not when asked to be quiet, not into a file or a pipe."""
    return not quiet and not as_json and sys.stderr.isatty()


_COLOURS = (("Ошибки", {"fg": "red", "bold": True}), ("Не удалось", {"fg": "red", "bold": True}),
            ("Предупреждения", {"fg": "yellow", "bold": True}), ("Итог:", {"bold": True}))


_ENABLE_VIRTUAL_TERMINAL_PROCESSING = 0x0004
_STD_OUTPUT_HANDLE = -11
_windows_colours: bool | None = None


def windows_console_shows_colours(kernel32=None) -> bool:
    """Asks the Windows console to show colour codes as colours, and says whether it will. Windows 10's console
    host prints them as text («←[31m») to a program that has not asked, and click 8.5 no longer asks (it dropped
    colorama); a console that refuses, or no console, means no colours."""
    import ctypes

    try:
        kernel32 = kernel32 or ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.GetStdHandle(_STD_OUTPUT_HANDLE)
        mode = ctypes.c_uint32()
        if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
            return False
        return bool(mode.value & _ENABLE_VIRTUAL_TERMINAL_PROCESSING
                    or kernel32.SetConsoleMode(handle, mode.value | _ENABLE_VIRTUAL_TERMINAL_PROCESSING))
    except (AttributeError, OSError):
        return False


def colour() -> bool | None:
    """click's `color`: None lets it decide by the terminal, False turns colours off (NO_COLOR=1, or a Windows
    console that cannot show them)."""
    global _windows_colours
    if os.environ.get("NO_COLOR"):
        return False
    if sys.platform == "win32":
        if _windows_colours is None:
            _windows_colours = windows_console_shows_colours()
        return None if _windows_colours else False
    return None


def echo(text: str) -> None:
    """Headings coloured on a terminal; click drops colours by itself when the output is a file or a pipe, and
    NO_COLOR=1 turns them off everywhere."""
    lines = []
    for line in text.split("\n"):
        style = next((style for prefix, style in _COLOURS if line.startswith(prefix)), None)
        lines.append(click.style(line, **style) if style else line)
    click.echo("\n".join(lines), color=colour())


class Bar:
    """A progress bar on the terminal for a build that goes on longer than a second; nothing when not a terminal.

    It is the build's `progress` callback: the library only reports (done, total), rich draws."""

    DELAY = 1.0

    def __init__(self, label: str, enabled: bool, clock: Callable[[], float] = time.monotonic) -> None:
        self.label, self.enabled, self.clock = label, enabled, clock
        self.started = clock()
        self.progress = None
        self.task = None

    def __enter__(self) -> "Bar":
        return self

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.progress is None:
            if self.clock() - self.started < self.DELAY:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                     console=Console(stderr=True), transient=True)
            self.progress.start()
            self.task = self.progress.add_task(self.label, total=total)
        self.progress.update(self.task, completed=done, total=total)


def version() -> str:
    """The installed program's version (`nastavnik --version`)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("nastavnik")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "(версия не установлена)"


def help_option(function):
    return click.help_option("-h", "--help", help="Показать эту справку и выйти.")(function)


def quiet_option(function):
    return click.option("--quiet", "-q", "quiet", is_flag=True,
                        help="Выводить только ошибки и итоговую строку.")(function)


def json_option(function):
    return click.option("--json", "as_json", is_flag=True,
                        help="Вывести результат одним объектом JSON (errors, warnings, documents).")(function)


PATH = click.Path(path_type=Path)


def paths_options(function):
    function = click.option("--district", "district", is_flag=True,
                            help="Папка --workbook — книги школ района: каждая школа в свою папку и сводка "
                                 "по району.")(function)
    return click.option("--workbook", "workbook", type=PATH, metavar="ПУТЬ", default=None,
                        help="Книга .xlsx или .ods или папка с ней (по умолчанию workbook/). Копии рядом с книгой "
                             "(«… — копия», «… (1)») не читаются.")(function)


def output_options(function):
    function = click.option("--templates", "templates", type=PATH, metavar="ПУТЬ", default=None,
                            help="Папка шаблонов .docx (по умолчанию doc_templates/).")(function)
    function = click.option("--output", "output", type=PATH, metavar="ПУТЬ", default=None,
                            help="Папка для документов (по умолчанию output/).")(function)
    return function


def period_option(function):
    return click.option("--period", "period", metavar="ПЕРИОД", default=None, callback=_parse_period,
                        help="Период аналитического отчёта: учебный год (2025/2026) или две даты через дефис "
                             "(01.09.2025-31.08.2026); по умолчанию — «Учебный год» книги.")(function)


def _parse_period(ctx: click.Context, param: click.Parameter, value: str | None) -> Period | None:
    if value is None:
        return None
    try:
        return Period.parse(value)
    except PeriodError as err:
        raise click.BadParameter(str(err)) from err


def ask(question: str) -> bool:
    """«да» or «нет» from the curator at the terminal; anything but «да» (or no terminal to ask at) is «нет»."""
    if not sys.stdin.isatty():
        click.echo(f"{question} Ответить некому (не в окне терминала): запустите с --yes, если уверены.")
        return False
    answer = click.prompt(f"{question} [{YES}/{NO}]", default=NO, show_default=False).strip().lower()
    return answer in (YES, YES[0])
