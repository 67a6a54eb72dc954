"""What the commands do besides building, as library functions: the Russian summary of a report, the journal,
the watch session, the print bundle of a build, the templates check with its guide, a new workspace. The command line
only parses options, calls these and prints what they return."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from automation import crash
from automation.book.problems import WARNING
from automation.files import append_journal
from automation.grammar import capital
from automation.run.report import CREATED, EXIT_FATAL, EXIT_OK, EXIT_PROBLEMS, UNCHANGED, UPDATED, Report

if TYPE_CHECKING:
    from automation.office.template_check import Repaired, TemplateCheck
    from automation.run.printing import Bundle  # printing (and pypdf) load only when a bundle is asked for


def summary(report: Report, built: bool, output: Path | None = None, quiet: bool = False) -> str:
    """The Russian text a curator reads after a run (with `quiet`: the errors and the last line only)."""
    if report.fatal is not None:
        return f"Не удалось выполнить команду. {report.fatal}"
    lines = [] if quiet else [f"Книга: {report.workbook}"]
    lines += _section("Ошибки", report.errors) + _section("Предупреждения", [] if quiet else report.warnings)
    if report.marked is not None and output is not None:
        lines.append(marked_line(report, output / report.marked))
    if built and not quiet:
        lines.append(f"Документы в папке {output}:")
        marks = {(True, False): "[проект] ", (False, True): "[подписан] "}
        lines += [f"  {marks.get((d.draft, d.frozen), '')}{d.path}"
                  + ("" if d.status == UNCHANGED else f" — {d.status}") for d in report.documents]
        lines += [f"  в архив: {path}" for path in report.archived]
    if report.reminders and not quiet:
        lines.append(f"Напоминания ({len(report.reminders)}):")
        lines += [f"  ! {line}" for line in report.reminders]
    made = f"документы: {counts(report)}; " if built else ""
    lines.append(f"Итог: {made}ошибок: {len(report.errors)}, предупреждений: {len(report.warnings)}.")
    return "\n".join(lines)


def _section(title: str, items: list) -> list[str]:
    """«Ошибки (2):» and a line for each; nothing when there are none."""
    return [f"{title} ({len(items)}):", *(f"  • {item}" for item in items)] if items else []


def counts(report: Report) -> str:
    """«создано 2, обновлено 1, без изменений 17» and, when some could not be made, «не создано 3»."""
    made = (f"создано {report.count(CREATED)}, обновлено {report.count(UPDATED)}, "
            f"без изменений {report.count(UNCHANGED)}")
    return made + (f", не создано {len(report.failed)}" if report.failed else "")


@dataclass
class BuildRun:
    """A build as the command line ran it: the report, and the print bundle when one was asked for."""

    report: Report
    output: Path
    to_print: bool = False
    bundle: Bundle | None = None
    print_problem: str | None = None

    @property
    def exit_code(self) -> int:
        if self.print_problem and self.report.exit_code == EXIT_OK:
            return EXIT_FATAL
        return self.report.exit_code

    def as_json(self) -> dict:
        data = self.report.as_json()
        if self.to_print:
            bundle = self.bundle
            data["print"] = {"file": str(bundle.path) if bundle else None, "documents": bundle.documents if bundle
                             else 0, "pages": bundle.pages if bundle else 0, "problem": self.print_problem,
                             "warning": bundle.font_warning if bundle else None}
        return data

    def text(self, quiet: bool = False) -> str:
        lines = [summary(self.report, True, self.output, quiet)]
        if self.bundle is not None:
            lines.append(f"На подпись: {self.bundle}")
            if self.bundle.font_warning:
                lines.append(f"Предупреждение: {self.bundle.font_warning}")
        elif self.print_problem is not None:
            lines.append(f"Не удалось собрать файл «На подпись» — {self.print_problem}")
        elif self.to_print and self.report.fatal is None and not quiet:
            lines.append("Документов, ожидающих подписи, нет: все приказы из книги подписаны, файл «На подпись» "
                         "не нужен.")
        return "\n".join(lines)


def marked_line(report: Report, path: Path) -> str:
    """Where the marked-up copy is, and what it is."""
    if report.cells_marked:
        return f"Ячейки с ошибками и предупреждениями отмечены в копии книги: {path}"
    return f"Список ошибок и предупреждений с номерами строк: {path}"


def journal(output: Path, what: str, report: Report, seconds: float, extra: object = None) -> str | None:
    """One line in output/журнал.txt: when, what, the counts, how long. When it cannot be written, the sentence to
    say (the journal is a courtesy: a read-only or full disk must not fail a build that went well). A run that
    failed before any book was found leaves nothing behind: no output folder appears where there is no workspace."""
    if report.fatal is not None and report.workbook is None and not output.is_dir():
        return None
    if report.fatal is not None:
        line = f"{what}: не удалось. {report.fatal}"
    else:
        line = (f"{what}: {report.workbook}; документы: {counts(report)}; ошибок: {len(report.errors)}, "
                f"предупреждений: {len(report.warnings)}; {seconds:.2f} с")
    if extra:
        line += f"; на подпись: {extra}"
    try:
        append_journal(output, line, dt.datetime.now())
    except OSError:
        return f"Не удалось дописать журнал в папке «{output}»: нет доступа или места на диске."
    return None


def bundle_for(report: Report, output: Path, district: bool,
               announce: Callable[[str], None] | None = None) -> tuple[Bundle | None, str | None]:
    """The bundle for one school: (what was made, why it could not be); both None when nothing awaits signing."""
    from automation.run.printing import PrintProblem, archive_old_bundles, print_bundle

    if district:
        return None, ("для папки с несколькими книгами файл «На подпись» не собирается: укажите одну книгу "
                      "параметром --workbook.")
    if not report.to_sign:
        archive_old_bundles(output, None, dt.datetime.now())
        return None, None
    if announce is not None:
        announce(f"Перевожу в PDF документов: {len(report.to_sign)} (LibreOffice, около "
                 f"{2 + len(report.to_sign) // 4} с)…")
    try:
        bundle = print_bundle(output, report.to_sign, dt.date.today())
    except PrintProblem as err:
        return None, str(err)
    archive_old_bundles(output, bundle.path, dt.datetime.now())
    return bundle, None


def guide_if_missing(output: Path) -> None:
    """The field guide for a curator who never runs «nastavnik templates»: written once, when it is not there."""
    from automation.documents.catalogue import GUIDE_NAME
    from automation.office.field_guide import write_guide

    if not (output / GUIDE_NAME).exists():
        write_guide(output)


class WatchSession:
    """Runs a build and prints one line about it; a book that cannot be read is reported once, not on every event."""

    def __init__(self, run: Callable[[], Report], echo: Callable[[str], None] = print,
                 clock: Callable[[], dt.datetime] = dt.datetime.now, quiet: bool = False,
                 output: Path = Path("output")) -> None:
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
                self.echo(f"{stamp} Книгу прочитать не удалось. {report.fatal} Документы остались прежними; "
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


@dataclass
class TemplatesReport:
    """The templates check of a folder, the repairs made in place and the field guide written beside the output."""

    folder: Path
    output: Path
    checks: list[TemplateCheck] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    repaired: list[Repaired] = field(default_factory=list)
    guide: Path | None = None
    fatal: str | None = None

    @property
    def exit_code(self) -> int:
        if self.fatal is not None:
            return EXIT_FATAL
        return EXIT_PROBLEMS if self.errors else EXIT_OK

    def as_json(self) -> dict:
        if self.fatal is not None:
            return {"errors": [self.fatal], "warnings": [], "repaired": [], "guide": None}
        return {"errors": self.errors, "warnings": self.warnings,
                "repaired": [{"template": r.template, "backup": str(r.backup) if r.backup else None,
                              "locked": r.locked} for r in self.repaired],
                "guide": str(self.guide)}

    def text(self, quiet: bool = False) -> str:
        if self.fatal is not None:
            return f"Не удалось выполнить команду. {self.fatal}"
        lines = [] if quiet else [f"Шаблоны: {self.folder}"]
        lines += _section("Ошибки", [capital(e) for e in self.errors])
        lines += _section("Предупреждения и исправления", [] if quiet else [capital(w) for w in self.warnings])
        for done in [] if quiet else self.repaired:
            if done.locked:
                lines.append(f"Шаблон «{done.template}» открыт в другой программе и не исправлен: закройте его и "
                             "запустите проверку снова.")
            else:
                lines.append(f"Шаблон «{done.template}» исправлен; прежний файл: {self.output / done.backup}")
        if not quiet:
            lines.append(f"Справочник полей: {self.guide}")
        lines.append(f"Итог: проверено шаблонов: {len(self.checks)}; ошибок: {len(self.errors)}, "
                     f"предупреждений: {len(self.warnings)}, "
                     f"исправлено шаблонов: {sum(1 for d in self.repaired if not d.locked)}.")
        return "\n".join(lines)


def templates_report(folder: Path, output: Path, now: dt.datetime | None = None) -> TemplatesReport:
    """Check every template of `folder`, repair in place what can be repaired without changing the text (the old
    file to the archive), write the field guide."""
    from automation.office.field_guide import write_guide
    from automation.office.template_check import repair_folder

    report = TemplatesReport(folder, output)
    if not folder.is_dir():
        report.fatal = (f"нет папки шаблонов «{folder}». Укажите её параметром --templates или создайте шаблоны "
                        "командой «nastavnik init».")
        return report
    report.checks, missing, report.repaired = repair_folder(folder, output, now or dt.datetime.now())
    report.guide = write_guide(output)
    report.errors = [str(f) for check in report.checks for f in check.errors] + [
        f"нет шаблона «{name}»: верните его из резервной копии или создайте заново командой «nastavnik init»."
        for name in missing]
    report.warnings = [str(f) for check in report.checks for f in check.findings if f.severity == WARNING]
    return report


def init_workspace(directory: Path, workbook_dir: str, templates_dir: str, output_dir: str) -> list[str]:
    """A new workspace: a blank workbook with its dropdowns and instructions, the default templates, the output
    folder with the field guide, the launchers. Nothing of the curator's is overwritten. The lines to say."""
    from automation.office.blank_book import (
        LAUNCHER_PURPOSES,
        WORKBOOK_NAME,
        blank_rows,
        blank_settings,
        write_launchers,
        write_workbook,
    )
    from automation.office.default_templates import TEMPLATE_NAMES, write_templates
    from automation.office.field_guide import write_guide

    lines = []
    book = directory / workbook_dir / WORKBOOK_NAME
    if book.exists():
        lines.append(f"Книга уже есть, не трогаю: {book}")
    else:
        write_workbook(book, blank_rows(), settings=blank_settings())
        lines.append(f"Создана книга: {book}")
    written = write_templates(directory / templates_dir)
    lines.append(f"Шаблоны: {len(written)} создано в {directory / templates_dir}"
                 + (" (имеющиеся сохранены)" if len(written) < len(TEMPLATE_NAMES) else ""))
    guide = write_guide(directory / output_dir)
    lines.append(f"Папка для документов: {directory / output_dir}; справочник полей шаблонов: {guide}")
    for launcher in write_launchers(directory):
        what = next(purpose for name, purpose in LAUNCHER_PURPOSES.items() if Path(name).stem == launcher.stem)
        how = "двойной щелчок" if launcher.suffix == ".cmd" else f"двойной щелчок или «./{launcher.name}»"
        lines.append(f"Ярлык для {what} ({how}): {launcher}")
    lines.append("Заполните лист «Организация», затем «Педагоги», «Пары», «Программы» и «План»; "
                 "документы соберёт «nastavnik build» или — после каждого сохранения — «nastavnik watch».")
    return lines
