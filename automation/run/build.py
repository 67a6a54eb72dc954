"""Check and build: workbook → validation → documents in the output folder, summed up in a report; a clean build
archives what is no longer made."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from automation.book.models import key
from automation.book.problems import ERROR, WARNING, Problem
from automation.book.reader import WorkbookUnreadable, read_workbook
from automation.book.validate import Validation, validate
from automation.documents import gather, reports
from automation.documents.document import Document, School
from automation.documents.period import Period
from automation.files import Batch, WriteFailed, archive, remove_leftovers
from automation.office.render import Renderer
from automation.office.template_check import TemplateCheck, check_folder
from automation.run import writing
from automation.run.books import find_workbook, quoted_names
from automation.run.manifest import Manifest
from automation.run.marked import marked_copy_of, markup_note
from automation.run.report import CannotRun, Progress, Report
from automation.run.writing import PARALLEL_ROWS, Job, decide, finish, make, rendered


def validated(workbook: Path, report: Report) -> Validation | None:
    started = time.perf_counter()
    try:
        report.workbook, copies = find_workbook(workbook)
        if copies:
            report.problems.append(Problem(WARNING, None, None, None,
                                           f"рядом с книгой лежат копии, они не читаются: {quoted_names(copies)}. "
                                           f"Документы делаются из «{report.workbook.name}»."))
        raw = read_workbook(report.workbook)
        report.source = raw.source
        report.rows = sum(len(table.rows) for table in raw.tables.values())
    except (CannotRun, WorkbookUnreadable) as err:
        report.fatal = str(err)
        return None
    finally:
        report.timed("read", started)
    started = time.perf_counter()
    result = validate(raw)
    report.problems.extend(result.problems)
    report.timed("validate", started)
    return result


def check(workbook: Path, today: dt.date | None = None) -> Report:
    report = Report()
    result = validated(workbook, report)
    if result is not None:
        report.reminders = reports.reminders(result.data, today or dt.date.today())
    return report


@dataclass(frozen=True)
class BuildOptions:
    """What a build needs besides the workbook: where the templates are and the documents go, the day it is made
    for, the reporting period; the template checks when already made (a district checks once); progress."""

    templates: Path
    output: Path
    today: dt.date
    now: dt.datetime
    period: Period | None = None
    checks: list[TemplateCheck] | None = None
    progress: Progress | None = None
    workers: int = 1
    """Processes that render the documents, when there are many (a district's schools are built one per process)."""

    @classmethod
    def of(cls, templates: Path, output: Path, today: dt.date | None = None, now: dt.datetime | None = None,
           period: Period | None = None, progress: Progress | None = None) -> BuildOptions:
        """Today and now default to the clock's."""
        now = now or dt.datetime.now()
        return cls(templates, output, today or now.date(), now, period, progress=progress, workers=writing.WORKERS)

    def into(self, folder: str) -> BuildOptions:
        """The same build into a sub-folder of the output (a school of a district)."""
        return dataclasses.replace(self, output=self.output / folder)


def build(workbook: Path, templates: Path, output: Path, today: dt.date | None = None,
          now: dt.datetime | None = None, period: Period | None = None, progress: Progress | None = None) -> Report:
    """Validate, then make every document the valid rows allow, rewriting only those whose inputs changed.

    One bad row or template never stops the others; a document no longer made goes to the archive, never away.
    """
    options = BuildOptions.of(templates, output, today, now, period, progress)
    report = Report()
    result = validated(workbook, report)
    if result is None:
        return report
    return build_validated(result, report, options)


def build_validated(result: Validation, report: Report, options: BuildOptions) -> Report:
    """The documents of a workbook already read and validated into `result` (its problems are in `report`).

    The templates are checked first (unless `options.checks` says the caller has checked and reported them): the
    documents of a template with errors are not made, and the template's problems are said once, not per document."""
    templates, output, today, now = options.templates, options.output, options.today, options.now
    checks, progress = options.checks, options.progress
    if not templates.is_dir():
        report.fatal = (f"Нет папки шаблонов «{templates}». Укажите её параметром --templates "
                        "или создайте шаблоны командой «nastavnik init».")
        return report
    if output.exists() and not output.is_dir():
        report.fatal = (f"«{output}» — это файл, а не папка для документов. Переименуйте его или укажите другую "
                        "папку параметром --output.")
        return report
    renderer = Renderer(templates)
    if checks is None:
        checks = check_templates(renderer, report)
    broken = {check.template for check in checks if check.errors}
    remove_leftovers(output)
    manifest = Manifest.load(output)
    if manifest.damaged:
        report.problems.append(Problem(WARNING, None, None, None,
                                       "память программы (output/.nastavnik/manifest.json) повреждена: все документы "
                                       "сделаны заново; подписанные приказы не тронуты."))
    report.reminders = reports.reminders(result.data, today)
    documents = unique_paths(gather.all_documents(result.data, today, options.period))
    skipped: dict[str, int] = {}
    jobs: list[Job] = []
    done = 0

    def advanced() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, len(documents))

    for document in documents:
        if document.kind.template in broken:
            skipped[document.kind.template] = skipped.get(document.kind.template, 0) + 1
            report.failed.append(document.path)
            advanced()
            continue
        job = decide(renderer, document, output, report, manifest, today)
        if job is None:
            advanced()
        else:
            jobs.append(job)
    workers = options.workers if report.rows <= PARALLEL_ROWS else 1
    batch = Batch()  # the disk waited for once for all of them, not once a document
    try:
        for job, data in zip(jobs, rendered(renderer, jobs, report, workers), strict=True):
            finish(job, data, renderer, output, report, manifest, batch)
            advanced()
    finally:  # what was made before a fault is kept
        started = time.perf_counter()
        batch.done()
        report.timed("write", started)
    for template, count in skipped.items():
        report.problems.append(Problem(ERROR, None, None, None, f"по шаблону «{template}» не создано документов: "
                                       f"{count}; прежние файлы оставлены. Исправьте ошибки шаблона, описанные выше."))
    markup_note(report)
    common = School(result.data.organization).context()
    check_report = reports.check_report(list(report.problems), common, report.workbook.name, today,
                                        report.reminders)
    make(renderer, check_report, output, report, manifest)
    marked = report.marked = marked_copy_of(report, output, manifest)
    report.to_sign = gather.awaiting_signature(documents, result.data, report.failed)
    if not report.errors:
        # Only a clean build may archive: a document missing because its row has an error will come back.
        made = {d.path.as_posix() for d in [*documents, check_report]} | ({marked.as_posix()} if marked else set())
        ahead = result.data.year_typed_ahead()
        archive_gone(manifest, made, output, now, report, {key(ahead.number)} if ahead is not None else set())
    save_manifest(manifest, output, report)
    return report


def unique_paths(documents: list[Document]) -> list[Document]:
    """No two documents share a file (two nominations of one person for one measure, namesakes): the second and
    later of one name get « (2)», « (3)» …; names compared as Windows does, ignoring case."""
    taken: set[str] = set()
    for document in documents:
        stem, suffix = document.file_name.rsplit(".", 1)
        counter = 1
        while document.path.as_posix().casefold() in taken:
            counter += 1
            document.file_name = f"{stem} ({counter}).{suffix}"
        taken.add(document.path.as_posix().casefold())
    assert len(taken) == len(documents), "two documents planned into one file"
    return documents


def save_manifest(manifest: Manifest, output: Path, report: Report) -> None:
    """The build's memory written; when it cannot be, the next build makes everything again (said once)."""
    try:
        manifest.save(output)
    except WriteFailed as err:
        report.problems.append(Problem(ERROR, None, None, None, f"{err} Следующая сборка сделает все документы "
                                       "заново."))


def check_templates(renderer: Renderer, report: Report) -> list[TemplateCheck]:
    """The template check, its findings added to the report (they are not the workbook's: no sheet, no row)."""
    started = time.perf_counter()
    checks = check_folder(renderer)
    report.problems += [Problem(f.severity, None, None, None, str(f)) for check in checks for f in check.findings]
    report.timed("templates", started)
    return checks


def archive_gone(manifest: Manifest, made: set[str], output: Path, now: dt.datetime, report: Report,
                 kept: set[str] = frozenset()) -> None:
    """Documents the build remembers but no longer makes go to the archive, never away; a signed order stays (said,
    unless its number is in `kept`: left out on purpose, with a message of its own)."""
    for gone in sorted(set(manifest.documents) - made):
        if manifest.documents[gone].signed:
            number = ((manifest.documents[gone].snapshot or {}).get("приказ") or {}).get("номер")
            if number and key(str(number)) in kept:
                continue
            report.problems.append(Problem(
                WARNING, None, None, None,
                f"подписанный приказ «{gone}» больше не следует из книги (его строки удалены или перенесены "
                "в другой приказ); файл оставлен как есть."))
            continue
        try:
            moved = archive(output, Path(gone), now)
        except OSError as err:
            report.problems.append(Problem(WARNING, None, None, None, f"«{gone}» больше не делается, но в архив "
                                           f"не перенесён ({err.strerror}); перенесу при следующей сборке."))
            continue
        if moved is not None:
            report.archived.append(moved)
        del manifest.documents[gone]
