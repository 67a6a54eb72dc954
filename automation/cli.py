"""The command line: parses options, calls the library, turns the report into Russian text and an exit code."""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import click

from automation import build as builder
from automation import crash
from automation.default_templates import TEMPLATE_NAMES, write_templates
from automation.district import build_any, check_any
from automation.files import append_journal
from automation.period import Period, PeriodError
from automation.problems import WARNING

if TYPE_CHECKING:
    from automation.printing import Bundle  # printing (and pypdf) load only when a bundle is asked for

WORKBOOK_DIR, TEMPLATES_DIR, OUTPUT_DIR = "workbook", "doc_templates", "output"
_HEADINGS = {"Options": "Параметры", "Commands": "Команды", "Arguments": "Аргументы"}


class RussianFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix="Использование: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(_HEADINGS.get(heading, heading))


click.Context.formatter_class = RussianFormatter
HELP = {"help_option_names": ["-h", "--help"]}
PATH = click.Path(path_type=Path)
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


def _guarded(what: str):
    """Any fault the program did not foresee: one Russian sentence naming what it was doing, the details in a file
    under output/.nastavnik/, exit code 3; with --json, the same as valid JSON."""

    def decorate(function):
        @functools.wraps(function)
        def run(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
                raise
            except Exception as err:  # noqa: BLE001 — the last guard: nothing reaches the curator as a traceback
                output = kwargs.get("output") or (kwargs["directory"] / OUTPUT_DIR if kwargs.get("directory")
                                                  else Path(OUTPUT_DIR))
                _crashed(what, err, output, bool(kwargs.get("as_json")))
        return run

    return decorate


def _crashed(what: str, err: BaseException, output: Path, as_json: bool) -> None:
    details = crash.record(output, what, err)
    message = crash.sentence(what, err, details)
    if as_json:
        data = builder.Report(fatal=message).as_json()
        data["crash"] = str(details) if details else None
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(message, err=True)
    sys.exit(crash.EXIT_CRASH)


def _help_option(function):
    return click.help_option("-h", "--help", help="Показать эту справку и выйти.")(function)


@click.group(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]", subcommand_metavar="КОМАНДА [ПАРАМЕТРЫ]...")
@_help_option
def cli() -> None:
    """Наставник: документы системы наставничества педагогов из одной книги Excel.

    Запуск без параметров в папке проекта берёт книгу из workbook/, шаблоны из doc_templates/
    и складывает документы в output/.
    """


def _paths(function):
    function = click.option("--district", "district", is_flag=True,
                            help="Папка --workbook — книги школ района: каждая школа в свою папку и сводка "
                                 "по району.")(function)
    return click.option("--workbook", "workbook", type=PATH, metavar="ПУТЬ", default=None,
                        help="Книга .xlsx или .ods или папка с ней (по умолчанию workbook/). Копии рядом с книгой "
                             "(«… — копия», «… (1)») не читаются.")(function)


def _output_paths(function):
    function = click.option("--templates", "templates", type=PATH, metavar="ПУТЬ", default=None,
                            help="Папка шаблонов .docx (по умолчанию doc_templates/).")(function)
    function = click.option("--output", "output", type=PATH, metavar="ПУТЬ", default=None,
                            help="Папка для документов (по умолчанию output/).")(function)
    return function


def _period_option(function):
    return click.option("--period", "period", metavar="ПЕРИОД", default=None, callback=_parse_period,
                        help="Период аналитического отчёта: учебный год (2025/2026) или две даты через дефис "
                             "(01.09.2025-31.08.2026); по умолчанию — текущий учебный год.")(function)


def _parse_period(ctx: click.Context, param: click.Parameter, value: str | None) -> Period | None:
    if value is None:
        return None
    try:
        return Period.parse(value)
    except PeriodError as err:
        raise click.BadParameter(str(err)) from err


def _quiet_option(function):
    return click.option("--quiet", "-q", "quiet", is_flag=True,
                        help="Выводить только ошибки и итоговую строку.")(function)


def _json_option(function):
    return click.option("--json", "as_json", is_flag=True,
                        help="Вывести результат одним объектом JSON (errors, warnings, documents).")(function)


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]")
@click.argument("directory", type=PATH, metavar="[ПАПКА]", default=".", required=False)
@_help_option
@_guarded("создать рабочую папку")
def init(directory: Path) -> None:
    """Создать рабочую папку: пустую книгу с выпадающими списками и инструкцией, шаблоны и папку output/.

    Уже существующие книги и шаблоны не перезаписываются.
    """
    from automation.scaffold import LAUNCHER_NAME, WORKBOOK_NAME, blank_settings, write_launchers, write_workbook

    book = directory / WORKBOOK_DIR / WORKBOOK_NAME
    if book.exists():
        click.echo(f"Книга уже есть, не трогаю: {book}")
    else:
        write_workbook(book, settings=blank_settings())
        click.echo(f"Создана книга: {book}")
    written = write_templates(directory / TEMPLATES_DIR)
    click.echo(f"Шаблоны: {len(written)} создано в {directory / TEMPLATES_DIR}"
               + (" (имеющиеся сохранены)" if len(written) < len(TEMPLATE_NAMES) else ""))
    from automation.field_guide import write_guide

    guide = write_guide(directory / OUTPUT_DIR)
    click.echo(f"Папка для документов: {directory / OUTPUT_DIR}; справочник полей шаблонов: {guide}")
    for launcher in write_launchers(directory):
        what = "слежения за книгой" if launcher.name == LAUNCHER_NAME else "сборки файла «На подпись»"
        click.echo(f"Ярлык для {what} (Windows, двойной щелчок): {launcher}")
    click.echo("Заполните лист «Организация», затем «Педагоги», «Пары», «Программы» и «План»; "
               "документы соберёт «nastavnik build» или — после каждого сохранения — «nastavnik watch».")


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]")
@_paths
@_json_option
@_quiet_option
@_help_option
@_guarded("проверить книгу")
def check(workbook: Path | None, district: bool, as_json: bool, quiet: bool) -> None:
    """Только проверить книгу. Код выхода 0 — ошибок нет (предупреждения допустимы), 1 — есть ошибки."""
    report = check_any(workbook or Path(WORKBOOK_DIR), district=district)
    _finish(report, as_json, quiet, built=False)


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]")
@_paths
@_output_paths
@_period_option
@click.option("--print", "to_print", is_flag=True,
              help="Также собрать документы, ожидающие подписи, в один PDF «На подпись» (нужен LibreOffice).")
@_json_option
@_quiet_option
@_help_option
@_guarded("собрать документы")
def build(workbook: Path | None, district: bool, templates: Path | None, output: Path | None,
          period: Period | None, to_print: bool, as_json: bool, quiet: bool) -> None:
    """Проверить книгу и сформировать документы.

    Код выхода: 0 — всё в порядке; 1 — в некоторых строках ошибки (остальные документы созданы);
    2 — запустить не удалось (нет книги, книга повреждена, нет шаблонов, нет LibreOffice для --print);
    3 — внутренняя ошибка программы (подробности — в файле в output/.nastavnik/).
    """
    _build_and_print(workbook, templates, output, period, to_print, as_json, quiet, district)


@cli.command(name="print", context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]")
@_paths
@_output_paths
@_period_option
@_json_option
@_quiet_option
@_help_option
@_guarded("собрать файл «На подпись»")
def print_command(workbook: Path | None, district: bool, templates: Path | None, output: Path | None,
                  period: Period | None, as_json: bool, quiet: bool) -> None:
    """Собрать документы и сложить ожидающие подписи (проекты приказов и программы к ним) в один PDF
    «На подпись ДД.ММ.ГГГГ.pdf» в порядке реестра приказов. Нужен LibreOffice.

    Код выхода: как у build; 2 — ещё и когда PDF собрать не удалось (например, нет LibreOffice).
    """
    _build_and_print(workbook, templates, output, period, True, as_json, quiet, district)


def _build_and_print(workbook: Path | None, templates: Path | None, output: Path | None, period: Period | None,
                     to_print: bool, as_json: bool, quiet: bool, district: bool = False) -> None:
    workbook, output = workbook or Path(WORKBOOK_DIR), output or Path(OUTPUT_DIR)
    started = time.perf_counter()
    with Bar("Сборка документов", enabled=_interactive(quiet, as_json)) as bar:
        report = build_any(workbook, templates or Path(TEMPLATES_DIR), output, period=period, progress=bar,
                           district=district)
    printed, print_problem = None, None
    if to_print and report.fatal is None:
        printed, print_problem = _print(report, output, district, _interactive(quiet, as_json))
    nothing_to_sign = to_print and report.fatal is None and printed is None and print_problem is None
    journal(output, "сборка", report, time.perf_counter() - started, printed or print_problem)
    if as_json:
        data = report.as_json()
        if to_print:
            data["print"] = {"file": str(printed.path) if printed else None, "documents": printed.documents
                             if printed else 0, "pages": printed.pages if printed else 0, "problem": print_problem}
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        _echo(summary(report, True, output, quiet))
        if printed is not None:
            _echo(f"На подпись: {printed}")
        elif print_problem is not None:
            _echo(f"Не удалось собрать файл «На подпись» — {print_problem}")
        elif nothing_to_sign and not quiet:
            _echo("Документов, ожидающих подписи, нет: все приказы из книги подписаны, файл «На подпись» не нужен.")
    sys.exit(builder.EXIT_FATAL if print_problem and report.exit_code == builder.EXIT_OK else report.exit_code)


def _print(report: builder.Report, output: Path, district: bool,
           interactive: bool) -> tuple[Bundle | None, str | None]:
    """The bundle for one school: (what was made, why it could not be); both None when nothing awaits signing."""
    from automation.printing import PrintProblem, archive_old_bundles, print_bundle

    if district:
        return None, ("для папки с несколькими книгами файл «На подпись» не собирается: укажите одну книгу "
                      "параметром --workbook.")
    if not report.to_sign:
        archive_old_bundles(output, None, dt.datetime.now())
        return None, None
    if interactive:
        click.echo(f"Перевожу в PDF документов: {len(report.to_sign)} (LibreOffice, около "
                   f"{2 + len(report.to_sign) // 4} с)…", err=True)
    try:
        bundle = print_bundle(output, report.to_sign, dt.date.today())
    except PrintProblem as err:
        return None, str(err)
    archive_old_bundles(output, bundle.path, dt.datetime.now())
    return bundle, None


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]")
@_output_paths
@_json_option
@_quiet_option
@_help_option
@_guarded("проверить шаблоны")
def templates(templates: Path | None, output: Path | None, as_json: bool, quiet: bool) -> None:
    """Проверить шаблоны: неизвестные поля, ошибки в командах, поля, разбитые форматированием Word.

    Разбитые поля и типографские кавычки в командах исправляются в самом шаблоне, если текст от этого не меняется;
    прежний файл сохраняется в output/_архив/. Заодно пишется справочник «Поля шаблонов.docx».
    Код выхода: 0 — ошибок нет, 1 — есть ошибки, 2 — нет папки шаблонов.
    """
    from automation.field_guide import write_guide
    from automation.template_check import repair_folder

    templates, output = templates or Path(TEMPLATES_DIR), output or Path(OUTPUT_DIR)
    if not templates.is_dir():
        click.echo(f"Не удалось выполнить: нет папки шаблонов «{templates}». Укажите её параметром --templates "
                   "или создайте шаблоны командой «nastavnik init».", err=True)
        sys.exit(builder.EXIT_FATAL)
    checks, missing, repaired = repair_folder(templates, output, dt.datetime.now())
    guide = write_guide(output)
    errors = [f for check in checks for f in check.errors] + [_missing_template(name) for name in missing]
    warnings = [f for check in checks for f in check.findings if f.severity == WARNING]
    if as_json:
        click.echo(json.dumps({"errors": [str(e) for e in errors], "warnings": [str(w) for w in warnings],
                               "repaired": [{"template": r.template, "backup": str(r.backup) if r.backup else None,
                                             "locked": r.locked} for r in repaired],
                               "guide": str(guide)}, ensure_ascii=False, indent=2))
        sys.exit(builder.EXIT_PROBLEMS if errors else builder.EXIT_OK)
    lines = [] if quiet else [f"Шаблоны: {templates}"]
    for title, items in (("Ошибки", errors), ("Предупреждения и исправления", [] if quiet else warnings)):
        if items:
            lines.append(f"{title} ({len(items)}):")
            lines += [f"  • {_capital(str(item))}" for item in items]
    for done in [] if quiet else repaired:
        if done.locked:
            lines.append(f"Шаблон «{done.template}» открыт в другой программе и не исправлен: закройте его и "
                         "запустите проверку снова.")
        else:
            lines.append(f"Шаблон «{done.template}» исправлен; прежний файл: {output / done.backup}")
    if not quiet:
        lines.append(f"Справочник полей: {guide}")
    lines.append(f"Итог: проверено шаблонов: {len(checks)}; ошибок: {len(errors)}, предупреждений: {len(warnings)}, "
                 f"исправлено шаблонов: {sum(1 for d in repaired if not d.locked)}.")
    _echo("\n".join(lines))
    sys.exit(builder.EXIT_PROBLEMS if errors else builder.EXIT_OK)


def _missing_template(name: str) -> str:
    return f"нет шаблона «{name}»: верните его из резервной копии или создайте заново командой «nastavnik init»."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]")
@_paths
@_output_paths
@_period_option
@_quiet_option
@_help_option
@_guarded("следить за книгой")
def watch(workbook: Path | None, district: bool, templates: Path | None, output: Path | None, period: Period | None,
          quiet: bool) -> None:
    """Собрать документы и пересобирать их после каждого сохранения книги или шаблона.

    Книга не изменяется. Остановить: Ctrl+C.
    """
    workbook, templates, output = workbook or Path(WORKBOOK_DIR), templates or Path(TEMPLATES_DIR), \
        output or Path(OUTPUT_DIR)
    if not quiet:
        click.echo(f"Слежу за книгой «{workbook}» и шаблонами «{templates}»; документы — в «{output}». "
                   "Остановить: Ctrl+C.")
    from automation.watch import Watched, Watcher  # watchdog is loaded only by the command that watches

    def run() -> builder.Report:
        started = time.perf_counter()
        with Bar("Сборка документов", enabled=_interactive(quiet)) as bar:
            report = build_any(workbook, templates, output, period=period, progress=bar, district=district)
        journal(output, "слежение", report, time.perf_counter() - started)
        return report

    session = WatchSession(run, quiet=quiet, output=output)
    _guide_if_missing(output)
    try:
        # Watching starts before the first build: a save made while it runs is built right after it.
        Watcher(Watched.of(workbook, templates, output), session.rebuild).run(threading.Event(), first=session.rebuild)
    except KeyboardInterrupt:
        click.echo("Слежение остановлено. До свидания!")


def _guide_if_missing(output: Path) -> None:
    """The field guide for a curator who never runs «nastavnik templates»: written once, when it is not there."""
    from automation.field_guide import write_guide
    from automation.catalogue import GUIDE_NAME

    if not (output / GUIDE_NAME).exists():
        write_guide(output)


class WatchSession:
    """Runs a build and prints one line about it; a book that cannot be read is reported once, not on every event."""

    def __init__(self, run: Callable[[], builder.Report], echo: Callable[[str], None] = click.echo,
                 clock: Callable[[], dt.datetime] = dt.datetime.now, quiet: bool = False,
                 output: Path = Path(OUTPUT_DIR)) -> None:
        self.run, self.echo, self.clock, self.quiet, self.output = run, echo, clock, quiet, output
        self.last_fatal: str | None = None

    def rebuild(self) -> None:
        try:
            report = self.run()
        except Exception as err:  # noqa: BLE001 — a fault in one build never ends the watch
            details = crash.record(self.output, "собрать документы", err)
            self.echo(f"{self.clock():%H:%M:%S} {crash.sentence('собрать документы', err, details)} "
                      "Слежение продолжается: соберу заново после следующего сохранения.")
            self.last_fatal = None
            return
        stamp = self.clock().strftime("%H:%M:%S")
        if report.fatal is not None:
            if report.fatal != self.last_fatal:
                self.echo(f"{stamp} Книгу прочитать не удалось: {report.fatal} Документы остались прежними; "
                          "соберу заново после следующего сохранения.")
            self.last_fatal = report.fatal
            return
        self.last_fatal = None
        if self.quiet and not report.errors:
            return
        self.echo(f"{stamp} Документы: {counts(report)}; ошибок: {len(report.errors)}, "
                  f"предупреждений: {len(report.warnings)}.")
        for problem in report.errors if self.quiet else report.problems:
            self.echo(f"  • {problem}")
        if self.quiet:
            return
        if report.marked is not None:
            line = marked_line(report, report.marked)
            self.echo(f"  {line[:1].lower()}{line[1:]}")
        for path in report.archived:
            self.echo(f"  в архив: {path}")
        for line in report.reminders:
            self.echo(f"  ! {line}")


def marked_line(report: builder.Report, path: Path) -> str:
    """Where the marked-up copy is, and what it is."""
    if report.cells_marked:
        return f"Ячейки с ошибками и предупреждениями отмечены в копии книги: {path}"
    return f"Список ошибок и предупреждений с номерами строк: {path}"


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


def _interactive(quiet: bool, as_json: bool = False) -> bool:
    """Whether to draw on the terminal: not when asked to be quiet, not into a file or a pipe."""
    return not quiet and not as_json and sys.stderr.isatty()


_COLOURS = (("Ошибки", {"fg": "red", "bold": True}), ("Не удалось", {"fg": "red", "bold": True}),
            ("Предупреждения", {"fg": "yellow", "bold": True}), ("Итог:", {"bold": True}))


def _echo(text: str) -> None:
    """Headings coloured on a terminal; click drops colours by itself when the output is a file or a pipe, and
    NO_COLOR=1 turns them off everywhere."""
    lines = []
    for line in text.split("\n"):
        style = next((style for prefix, style in _COLOURS if line.startswith(prefix)), None)
        lines.append(click.style(line, **style) if style else line)
    click.echo("\n".join(lines), color=False if os.environ.get("NO_COLOR") else None)


def journal(output: Path, what: str, report: builder.Report, seconds: float, extra: object = None) -> None:
    """One line in output/журнал.txt: when, what, the counts, how long."""
    if report.fatal is not None:
        line = f"{what}: не удалось: {report.fatal}"
    else:
        line = (f"{what}: {report.workbook}; документы: {counts(report)}; ошибок: {len(report.errors)}, "
                f"предупреждений: {len(report.warnings)}; {seconds:.2f} с")
    if extra:
        line += f"; на подпись: {extra}"
    try:
        append_journal(output, line, dt.datetime.now())
    except OSError:
        # The journal is a courtesy: a read-only or full disk must not fail a build that went well.
        click.echo(f"Не удалось дописать журнал в папке «{output}»: нет доступа или места на диске.", err=True)


def _finish(report: builder.Report, as_json: bool, quiet: bool, built: bool, output: Path | None = None) -> None:
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        _echo(summary(report, built, output, quiet))
    sys.exit(report.exit_code)


def summary(report: builder.Report, built: bool, output: Path | None = None, quiet: bool = False) -> str:
    """The Russian text a curator reads after a run (with `quiet`: the errors and the last line only)."""
    if report.fatal is not None:
        return f"Не удалось выполнить: {report.fatal}"
    lines = [] if quiet else [f"Книга: {report.workbook}"]
    for title, problems in (("Ошибки", report.errors), ("Предупреждения", [] if quiet else report.warnings)):
        if problems:
            lines.append(f"{title} ({len(problems)}):")
            lines += [f"  • {p}" for p in problems]
    if report.marked is not None and output is not None:
        lines.append(marked_line(report, output / report.marked))
    if built and not quiet:
        lines.append(f"Документы в папке {output}:")
        marks = {(True, False): "[проект] ", (False, True): "[подписан] "}
        lines += [f"  {marks.get((d.draft, d.frozen), '')}{d.path}"
                  + ("" if d.status == builder.UNCHANGED else f" — {d.status}") for d in report.documents]
        lines += [f"  в архив: {path}" for path in report.archived]
    if report.reminders and not quiet:
        lines.append(f"Напоминания ({len(report.reminders)}):")
        lines += [f"  ! {line}" for line in report.reminders]
    made = f"документы: {counts(report)}; " if built else ""
    lines.append(f"Итог: {made}ошибок: {len(report.errors)}, предупреждений: {len(report.warnings)}.")
    return "\n".join(lines)


def counts(report: builder.Report) -> str:
    """«создано 2, обновлено 1, без изменений 17, не создано 0»."""
    return (f"создано {report.count(builder.CREATED)}, обновлено {report.count(builder.UPDATED)}, "
            f"без изменений {report.count(builder.UNCHANGED)}, не создано {len(report.failed)}")


def main() -> None:
    try:
        cli.main(prog_name="nastavnik", standalone_mode=False)
    except click.UsageError as err:
        click.echo(f"Ошибка в команде: {russian(err.format_message())}\nСправка: nastavnik --help", err=True)
        sys.exit(builder.EXIT_FATAL)
    except click.Abort:
        click.echo("Прервано.", err=True)
        sys.exit(builder.EXIT_FATAL)
    except Exception as err:  # noqa: BLE001 — a fault outside any command (reading the options, say)
        _crashed("выполнить команду", err, Path(OUTPUT_DIR), "--json" in sys.argv)
