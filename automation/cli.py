"""The command line: parses options, calls the library, turns the report into Russian text and an exit code."""

from __future__ import annotations

import datetime as dt
import functools
import json
import sys
import threading
import time
from pathlib import Path

import click

from automation import crash
from automation.book.choices import STAGES
from automation.documents.period import Period
from automation.run.answers import import_answers_file
from automation.run.commands import (
    BuildRun,
    WatchSession,
    bundle_for,
    guide_if_missing,
    init_workspace,
    journal,
    summary,
    templates_report,
)
from automation.run.district import build_any, check_any
from automation.run.new_year import new_year as new_year_of
from automation.run.report import EXIT_FATAL, Report
from automation.terminal import (
    PATH,
    Bar,
    ask,
    echo,
    help_option,
    interactive,
    json_option,
    output_options,
    paths_options,
    period_option,
    quiet_option,
    russian,
    version,
)

WORKBOOK_DIR, TEMPLATES_DIR, OUTPUT_DIR = "workbook", "doc_templates", "output"
HELP = {"help_option_names": ["-h", "--help"]}

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
        data = Report(fatal=message).as_json()
        data["crash"] = str(details) if details else None
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(message, err=True)
    sys.exit(crash.EXIT_CRASH)


@click.group(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]", subcommand_metavar="[КОМАНДА [ПАРАМЕТРЫ]...]",
             invoke_without_command=True)
@click.version_option(version(), "--version", message="Наставник %(version)s", help="Показать версию и выйти.")
@help_option
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Наставник: документы системы наставничества педагогов из одной книги Excel.

    Запуск без команды в папке проекта — то же, что «nastavnik build»: книга из workbook/, шаблоны из
    doc_templates/, документы в output/.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(build)


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]",
             short_help="Создать рабочую папку: пустая книга, шаблоны, ярлыки.")
@click.argument("directory", type=PATH, metavar="[ПАПКА]", default=".", required=False)
@help_option
@_guarded("создать рабочую папку")
def init(directory: Path) -> None:
    """Создать рабочую папку: пустую книгу с выпадающими списками и инструкцией, шаблоны и папку output/.

    Уже существующие книги и шаблоны не перезаписываются.
    """
    for line in init_workspace(directory, WORKBOOK_DIR, TEMPLATES_DIR, OUTPUT_DIR):
        click.echo(line)


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]")
@paths_options
@json_option
@quiet_option
@help_option
@_guarded("проверить книгу")
def check(workbook: Path | None, district: bool, as_json: bool, quiet: bool) -> None:
    """Только проверить книгу. Код выхода 0 — ошибок нет (предупреждения допустимы), 1 — есть ошибки."""
    report = check_any(workbook or Path(WORKBOOK_DIR), district=district)
    _finish(report, as_json, quiet, built=False)


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]")
@paths_options
@output_options
@period_option
@click.option("--print", "to_print", is_flag=True,
              help="Также собрать документы, ожидающие подписи, в один PDF «На подпись» (нужен LibreOffice).")
@json_option
@quiet_option
@help_option
@_guarded("собрать документы")
def build(workbook: Path | None, district: bool, templates: Path | None, output: Path | None,
          period: Period | None, to_print: bool, as_json: bool, quiet: bool) -> None:
    """Проверить книгу и сформировать документы.

    Код выхода: 0 — всё в порядке; 1 — в некоторых строках ошибки (остальные документы созданы);
    2 — запустить не удалось (нет книги, книга повреждена, нет шаблонов, нет LibreOffice для --print);
    3 — внутренняя ошибка программы (подробности — в файле в output/.nastavnik/).
    """
    _build_and_print(workbook, templates, output, period, to_print, as_json, quiet, district)


@cli.command(name="print", context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]",
             short_help="Собрать документы и один PDF «На подпись».")
@paths_options
@output_options
@period_option
@json_option
@quiet_option
@help_option
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
    output = output or Path(OUTPUT_DIR)
    started = time.perf_counter()
    with Bar("Сборка документов", enabled=interactive(quiet, as_json)) as bar:
        report = build_any(workbook or Path(WORKBOOK_DIR), templates or Path(TEMPLATES_DIR), output, period=period,
                           progress=bar, district=district)
    run = BuildRun(report, output, to_print)
    if to_print and report.fatal is None:
        announce = functools.partial(click.echo, err=True) if interactive(quiet, as_json) else None
        run.bundle, run.print_problem = bundle_for(report, output, district, announce)
    _journal(output, "сборка", report, time.perf_counter() - started, run.bundle or run.print_problem)
    if as_json:
        click.echo(json.dumps(run.as_json(), ensure_ascii=False, indent=2))
    else:
        echo(run.text(quiet))
    sys.exit(run.exit_code)


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]",
             short_help="Проверить и исправить шаблоны, написать справочник полей.")
@output_options
@json_option
@quiet_option
@help_option
@_guarded("проверить шаблоны")
def templates(templates: Path | None, output: Path | None, as_json: bool, quiet: bool) -> None:
    """Проверить и исправить шаблоны, написать справочник полей «Поля шаблонов.docx».

    Проверяются неизвестные поля, ошибки в командах, поля, разбитые форматированием Word, и знаки препинания
    в тексте шаблона. Разбитые поля и типографские кавычки в командах исправляются в самом шаблоне, если
    текст от этого не меняется; прежний файл сохраняется в output/_архив/.
    Код выхода: 0 — ошибок нет, 1 — есть ошибки, 2 — нет папки шаблонов.
    """
    report = templates_report(templates or Path(TEMPLATES_DIR), output or Path(OUTPUT_DIR))
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    elif report.fatal is not None:
        click.echo(report.text(quiet), err=True)
    else:
        echo(report.text(quiet))
    sys.exit(report.exit_code)


@cli.command(name="import-answers", context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]",
             short_help="Перенести ответы анкет из выгрузки онлайн-формы.")
@click.argument("export", type=PATH, metavar="ФАЙЛ")
@click.option("--workbook", "workbook", type=PATH, metavar="ПУТЬ", help="Книга или её папка (по умолчанию workbook/).")
@click.option("--stage", "stage", type=click.Choice(STAGES), help="Этап анкет, если в выгрузке нет столбца «Этап».")
@help_option
@_guarded("перенести ответы анкет")
def import_answers(export: Path, workbook: Path | None, stage: str | None) -> None:
    """Сопоставить выгрузку онлайн-формы (.xlsx, .csv) с вопросами и педагогами книги и записать анкеты в файл рядом
    с ней — для листа «Ответы анкет». Книга не изменяется. Код выхода: 0 — записано, 1 — выгрузка не подходит."""
    lines, code = import_answers_file(export, workbook or Path(WORKBOOK_DIR), stage)
    echo("\n".join(lines))
    sys.exit(code)


@cli.command(name="new-year", context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]",
             short_help="Перенести книгу в новый учебный год, сохранив прошлый.")
@click.option("--workbook", "workbook", type=PATH, metavar="ПУТЬ", help="Книга или её папка (по умолчанию workbook/).")
@click.option("--output", "output", type=PATH, metavar="ПУТЬ", help="Папка документов (по умолчанию output/).")
@click.option("--yes", "yes", is_flag=True, help="Не спрашивать, даже если до конца учебного года больше месяца.")
@help_option
@_guarded("начать новый учебный год")
def new_year(workbook: Path | None, output: Path | None, yes: bool) -> None:
    """Сохранить книгу и документы прошлого года («… 2026-2027.xlsx», output/2026-2027/) и сделать книгу нового года
    с тем, что продолжается. Код выхода: 0 — сделано (или уже было), 1 — отказ (ошибки в книге, не подтверждено)."""
    lines, code = new_year_of(workbook or Path(WORKBOOK_DIR), output or Path(OUTPUT_DIR), dt.date.today(),
                              lambda question: yes or ask(question))
    echo("\n".join(lines))
    sys.exit(code)


@cli.command(context_settings=HELP, options_metavar="[ПАРАМЕТРЫ]", short_help="Пересобирать после каждого сохранения.")
@paths_options
@output_options
@period_option
@quiet_option
@help_option
@_guarded("следить за книгой")
def watch(workbook: Path | None, district: bool, templates: Path | None, output: Path | None, period: Period | None,
          quiet: bool) -> None:
    """Пересобирать документы после каждого сохранения книги или шаблона (сначала — одна сборка).

    Книга не изменяется. Остановить: Ctrl+C.
    """
    workbook, templates, output = workbook or Path(WORKBOOK_DIR), templates or Path(TEMPLATES_DIR), \
        output or Path(OUTPUT_DIR)
    if not quiet:
        click.echo(f"Слежу за книгой «{workbook}» и шаблонами «{templates}»; документы — в «{output}». "
                   "Остановить: Ctrl+C.")
    from automation.run.watch import Watched, Watcher, ctrl_c_stops  # watchdog: loaded only when watching

    def run() -> Report:
        started = time.perf_counter()
        with Bar("Сборка документов", enabled=interactive(quiet)) as bar:
            report = build_any(workbook, templates, output, period=period, progress=bar, district=district)
        _journal(output, "слежение", report, time.perf_counter() - started)
        return report

    session = WatchSession(run, echo=click.echo, quiet=quiet, output=output)
    guide_if_missing(output)
    ctrl_c_stops()
    try:
        # Watching starts before the first build: a save made while it runs is built right after it.
        Watcher(Watched.of(workbook, templates, output), session.rebuild).run(threading.Event(), first=session.rebuild)
    except KeyboardInterrupt:
        click.echo("Слежение остановлено. До свидания!")


def _journal(output: Path, what: str, report: Report, seconds: float, extra: object = None) -> None:
    failed = journal(output, what, report, seconds, extra)
    if failed:
        click.echo(failed, err=True)


def _finish(report: Report, as_json: bool, quiet: bool, built: bool, output: Path | None = None) -> None:
    if as_json:
        click.echo(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        echo(summary(report, built, output, quiet))
    sys.exit(report.exit_code)


def main() -> None:
    try:
        cli.main(prog_name="nastavnik", standalone_mode=False)
    except click.UsageError as err:
        click.echo(f"Ошибка в команде: {russian(err.format_message())}\nСправка: nastavnik --help", err=True)
        sys.exit(EXIT_FATAL)
    except click.Abort:
        click.echo("Прервано.", err=True)
        sys.exit(EXIT_FATAL)
    except Exception as err:  # noqa: BLE001 — a fault outside any command (reading the options, say)
        _crashed("выполнить команду", err, Path(OUTPUT_DIR), "--json" in sys.argv)
