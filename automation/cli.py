"""The command line: parses options, calls the library, turns the report into Russian text and an exit code."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import threading
from pathlib import Path
from typing import Callable

import click

from automation import build as builder
from automation.district import build_any
from automation.reports import Period, PeriodError
from automation.default_templates import TEMPLATE_NAMES, write_templates

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
    return click.option("--workbook", "workbook", type=PATH, metavar="ПУТЬ", default=None,
                        help="Книга .xlsx или папка с ней (по умолчанию workbook/).")(function)


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


def _json_option(function):
    return click.option("--json", "as_json", is_flag=True,
                        help="Вывести результат одним объектом JSON (errors, warnings, documents).")(function)


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]")
@click.argument("directory", type=PATH, metavar="[ПАПКА]", default=".", required=False)
@_help_option
def init(directory: Path) -> None:
    """Создать рабочую папку: пустую книгу с выпадающими списками и инструкцией, шаблоны и папку output/.

    Уже существующие книги и шаблоны не перезаписываются.
    """
    from automation.scaffold import WORKBOOK_NAME, blank_settings, write_launcher, write_workbook

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
    launcher = write_launcher(directory)
    if launcher is not None:
        click.echo(f"Ярлык для запуска слежения (Windows, двойной щелчок): {launcher}")
    click.echo("Заполните лист «Организация», затем «Педагоги», «Пары», «Программы» и «План»; "
               "документы соберёт «nastavnik build» или — после каждого сохранения — «nastavnik watch».")


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]")
@_paths
@_json_option
@_help_option
def check(workbook: Path | None, as_json: bool) -> None:
    """Только проверить книгу. Код выхода 0 — ошибок нет (предупреждения допустимы), 1 — есть ошибки."""
    report = builder.check(workbook or Path(WORKBOOK_DIR))
    _finish(report, as_json, built=False)


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]")
@_paths
@_output_paths
@_period_option
@_json_option
@_help_option
def build(workbook: Path | None, templates: Path | None, output: Path | None, period: Period | None,
          as_json: bool) -> None:
    """Проверить книгу и сформировать документы.

    Код выхода: 0 — всё в порядке; 1 — в некоторых строках ошибки (остальные документы созданы);
    2 — запустить не удалось (нет книги, книга повреждена, нет шаблонов).
    """
    report = build_any(workbook or Path(WORKBOOK_DIR), templates or Path(TEMPLATES_DIR),
                       output or Path(OUTPUT_DIR), period=period)
    _finish(report, as_json, built=True, output=output or Path(OUTPUT_DIR))


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]")
@_output_paths
@_json_option
@_help_option
def templates(templates: Path | None, output: Path | None, as_json: bool) -> None:
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
    findings = [f for check in checks for f in check.findings]
    errors = [f for f in findings if f.severity == "error" and not f.repaired]
    errors += [_missing_template(name) for name in missing]
    warnings = [f for f in findings if f.severity == "warning"]
    if as_json:
        click.echo(json.dumps({"errors": [str(e) for e in errors], "warnings": [str(w) for w in warnings],
                               "repaired": [{"template": r.template, "backup": str(r.backup) if r.backup else None,
                                             "locked": r.locked} for r in repaired],
                               "guide": str(guide)}, ensure_ascii=False, indent=2))
        sys.exit(builder.EXIT_PROBLEMS if errors else builder.EXIT_OK)
    lines = [f"Шаблоны: {templates}"]
    for title, items in (("Ошибки", errors), ("Предупреждения и исправления", warnings)):
        if items:
            lines.append(f"{title} ({len(items)}):")
            lines += [f"  • {_capital(str(item))}" for item in items]
    for done in repaired:
        if done.locked:
            lines.append(f"Шаблон «{done.template}» открыт в другой программе и не исправлен: закройте его и "
                         "запустите проверку снова.")
        else:
            lines.append(f"Шаблон «{done.template}» исправлен; прежний файл: {output / done.backup}")
    lines.append(f"Справочник полей: {guide}")
    lines.append(f"Итог: проверено шаблонов: {len(checks)}; ошибок: {len(errors)}, предупреждений: {len(warnings)}, "
                 f"исправлено шаблонов: {sum(1 for d in repaired if not d.locked)}.")
    click.echo("\n".join(lines))
    sys.exit(builder.EXIT_PROBLEMS if errors else builder.EXIT_OK)


def _missing_template(name: str) -> str:
    return f"нет шаблона «{name}»: верните его из резервной копии или создайте заново командой «nastavnik init»."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]")
@_paths
@_output_paths
@_period_option
@_help_option
def watch(workbook: Path | None, templates: Path | None, output: Path | None, period: Period | None) -> None:
    """Собрать документы и пересобирать их после каждого сохранения книги или шаблона.

    Книга не изменяется. Остановить: Ctrl+C.
    """
    workbook, templates, output = workbook or Path(WORKBOOK_DIR), templates or Path(TEMPLATES_DIR), \
        output or Path(OUTPUT_DIR)
    click.echo(f"Слежу за книгой «{workbook}» и шаблонами «{templates}»; документы — в «{output}». "
               "Остановить: Ctrl+C.")
    from automation.watch import Watched, Watcher  # watchdog is loaded only by the command that watches

    session = WatchSession(lambda: build_any(workbook, templates, output, period=period))
    _guide_if_missing(output)
    try:
        session.rebuild()
        Watcher(Watched.of(workbook, templates, output), session.rebuild).run(threading.Event())
    except KeyboardInterrupt:
        click.echo("Слежение остановлено. До свидания!")


def _guide_if_missing(output: Path) -> None:
    """The field guide for a curator who never runs «nastavnik templates»: written once, when it is not there."""
    from automation.field_guide import write_guide
    from automation.template_check import GUIDE_NAME

    if not (output / GUIDE_NAME).exists():
        write_guide(output)


class WatchSession:
    """Runs a build and prints one line about it; a book that cannot be read is reported once, not on every event."""

    def __init__(self, run: Callable[[], builder.Report], echo: Callable[[str], None] = click.echo,
                 clock: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.run, self.echo, self.clock = run, echo, clock
        self.last_fatal: str | None = None

    def rebuild(self) -> None:
        report = self.run()
        stamp = self.clock().strftime("%H:%M:%S")
        if report.fatal is not None:
            if report.fatal != self.last_fatal:
                self.echo(f"{stamp} Книгу прочитать не удалось: {report.fatal} Документы остались прежними; "
                          "соберу заново после следующего сохранения.")
            self.last_fatal = report.fatal
            return
        self.last_fatal = None
        self.echo(f"{stamp} Документы: {counts(report)}; ошибок: {len(report.errors)}, "
                  f"предупреждений: {len(report.warnings)}.")
        for problem in report.problems:
            self.echo(f"  • {problem}")
        for path in report.archived:
            self.echo(f"  в архив: {path}")
        for line in report.reminders:
            self.echo(f"  ! {line}")


def _finish(report: builder.Report, as_json: bool, built: bool, output: Path | None = None) -> None:
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(summary(report, built, output))
    sys.exit(report.exit_code)


def summary(report: builder.Report, built: bool, output: Path | None = None) -> str:
    """The Russian text a curator reads after a run."""
    if report.fatal is not None:
        return f"Не удалось выполнить: {report.fatal}"
    lines = [f"Книга: {report.workbook}"]
    for title, problems in (("Ошибки", report.errors), ("Предупреждения", report.warnings)):
        if problems:
            lines.append(f"{title} ({len(problems)}):")
            lines += [f"  • {p}" for p in problems]
    if built:
        lines.append(f"Документы в папке {output}:")
        marks = {(True, False): "[проект] ", (False, True): "[подписан] "}
        lines += [f"  {marks.get((d.draft, d.frozen), '')}{d.path}"
                  + ("" if d.status == builder.UNCHANGED else f" — {d.status}") for d in report.documents]
        lines += [f"  в архив: {path}" for path in report.archived]
    if report.reminders:
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
