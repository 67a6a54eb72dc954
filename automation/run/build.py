"""Check and build: workbook → validation → documents in the output folder, summed up in a report object."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from automation import grammar
from automation.book.problems import ERROR, WARNING, Problem, Problems
from automation.book.reader import BOOK_SUFFIXES, WorkbookUnreadable, read_workbook
from automation.book.validate import Validation, validate
from automation.documents import catalogue, reports
from automation.documents import gather as kinds
from automation.documents.document import Document, School
from automation.documents.orders import describe_changes, signed_changed_message
from automation.documents.period import Period
from automation.files import WriteFailed, archive, remove_leftovers, write_atomic
from automation.office.render import Renderer, TemplateProblem, with_notice
from automation.office.template_check import TemplateCheck, check_folder
from automation.run.manifest import (
    Entry,
    Manifest,
    as_snapshot,
    fingerprint,
    keep_signed,
    keep_template,
    kept_template,
    signed_entry,
)

EXIT_OK, EXIT_PROBLEMS, EXIT_FATAL = 0, 1, 2
_NOT_WORKBOOKS = ("~$", ".~lock", ".")


class CannotRun(Exception):
    """The run cannot start at all (no workbook, unreadable file, no templates); the message is for the curator."""


CREATED, UPDATED, UNCHANGED, RESTORED = "создан", "обновлён", "без изменений", "восстановлен из снимка"


@dataclass
class Written:
    title: str
    path: Path
    draft: bool
    frozen: bool = False
    status: str = CREATED

    def as_dict(self) -> dict:
        return {"title": self.title, "file": str(self.path), "draft": self.draft, "signed": self.frozen,
                "status": self.status}


@dataclass
class Report(Problems):
    workbook: Path | None = None
    problems: list[Problem] = field(default_factory=list)
    documents: list[Written] = field(default_factory=list)
    failed: list[Path] = field(default_factory=list)
    archived: list[Path] = field(default_factory=list)
    reminders: list[str] = field(default_factory=list)
    marked: Path | None = None
    """The marked-up copy of the workbook, when its problems made one."""
    rows: int = 0
    """Data rows read from the workbook."""
    to_sign: list[tuple[str, Path]] = field(default_factory=list)
    """Draft orders in register order, then programmes awaiting approval: (title, path in the output)."""
    fatal: str | None = None
    source: bytes = field(default=b"", repr=False)
    """The workbook's bytes as read (for the marked-up copy)."""
    phases: dict[str, float] = field(default_factory=dict)
    """Seconds spent reading, validating, rendering and writing (for the benchmark)."""

    @property
    def cells_marked(self) -> bool:
        """Whether the marked-up copy marks the book's cells, or is only the list of problems: for an .ods (openpyxl
        cannot write it) and a book over MARKUP_ROW_LIMIT rows."""
        return (self.workbook is None or self.workbook.suffix.lower() != ".ods") and self.rows <= MARKUP_ROW_LIMIT

    def timed(self, phase: str, started: float) -> None:
        self.phases[phase] = self.phases.get(phase, 0.0) + time.perf_counter() - started

    def count(self, status: str) -> int:
        return sum(1 for d in self.documents if d.status == status)

    @property
    def exit_code(self) -> int:
        if self.fatal is not None:
            return EXIT_FATAL
        return EXIT_PROBLEMS if self.errors else EXIT_OK

    def as_json(self) -> dict:
        errors = [p.as_dict() for p in self.errors]
        if self.fatal is not None:
            errors.insert(0, {"sheet": None, "row": None, "column": None, "message": self.fatal})
        return {
            "errors": errors,
            "warnings": [p.as_dict() for p in self.warnings],
            "documents": [d.as_dict() for d in self.documents],
            "archived": [str(p) for p in self.archived],
            "reminders": self.reminders,
        }


_COPY = re.compile(r"копия|\bcopy\b|\(\d+\)\s*$|резерв|backup|\bbak\b|старая|\bold\b|~$", re.IGNORECASE)


def workbooks(folder: Path) -> list[Path]:
    """The workbooks of a folder, without Excel's and LibreOffice's lock files or temporary files."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in BOOK_SUFFIXES and p.is_file()
                  and not p.name.startswith(_NOT_WORKBOOKS))


def is_copy(book: Path) -> bool:
    """«Наставничество — копия.xlsx», «… - Copy», «… (1)», «… резерв», «… backup»: a copy beside the book."""
    return bool(_COPY.search(book.stem))


def sort_out_copies(books: list[Path]) -> tuple[list[Path], list[Path]]:
    """(the books, the copies beside them)."""
    return [b for b in books if not is_copy(b)], [b for b in books if is_copy(b)]


def quoted_names(paths: list[Path]) -> str:
    """«a.xlsx», «b.xlsx»"""
    return ", ".join(f"«{p.name}»" for p in paths)


def find_workbook(path: Path) -> tuple[Path, list[Path]]:
    """The workbook itself, or the only one in a folder, and the copies beside it that were left aside.

    A folder is never a district by accident: several books that are not copies are a question for the curator."""
    if not path.exists():
        raise CannotRun(f"Не найдено: «{path}». Укажите книгу параметром --workbook или создайте её: nastavnik init.")
    if path.is_file():
        return path, []
    books = workbooks(path)
    if not books:
        raise CannotRun(f"В папке «{path}» нет книги .xlsx или .ods. Создайте её командой «nastavnik init» "
                        "или укажите --workbook.")
    originals, copies = sort_out_copies(books)
    if not originals:  # nothing but copies: then they are the books
        originals, copies = books, []
    if len(originals) > 1:
        raise CannotRun(f"В папке «{path}» несколько книг ({quoted_names(originals)}). Укажите нужную: --workbook "
                        "ПУТЬ_К_КНИГЕ; если это книги разных школ района — добавьте --district.")
    return originals[0], copies


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


Progress = Callable[[int, int], None]
"""Told (done, total) as documents are made: the command line draws its bar from it."""


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

    @classmethod
    def of(cls, templates: Path, output: Path, today: dt.date | None = None, now: dt.datetime | None = None,
           period: Period | None = None, progress: Progress | None = None) -> BuildOptions:
        """Today and now default to the clock's."""
        now = now or dt.datetime.now()
        return cls(templates, output, today or now.date(), now, period, progress=progress)

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
    documents = unique_paths(kinds.all_documents(result.data, today, options.period))
    skipped: dict[str, int] = {}
    for done, document in enumerate(documents, start=1):
        if progress is not None:
            progress(done, len(documents))
        if document.kind.template in broken:
            skipped[document.kind.template] = skipped.get(document.kind.template, 0) + 1
            report.failed.append(document.path)
            continue
        make(renderer, document, output, report, manifest, today)
    for template, count in skipped.items():
        report.problems.append(Problem(ERROR, None, None, None, f"по шаблону «{template}» не создано документов: "
                                       f"{count}; прежние файлы оставлены. Исправьте ошибки шаблона, описанные выше."))
    _markup_note(report)
    common = School(result.data.organization).context()
    check_report = reports.check_report(list(report.problems), common, report.workbook.name, today,
                                        report.reminders)
    make(renderer, check_report, output, report, manifest)
    marked = report.marked = _marked_copy(report, output, manifest)
    report.to_sign = kinds.awaiting_signature(documents, result.data, report.failed)
    if not report.errors:
        # Only a clean build may archive: a document missing because its row has an error will come back.
        made = {d.path.as_posix() for d in [*documents, check_report]} | ({marked.as_posix()} if marked else set())
        for gone in sorted(set(manifest.documents) - made):
            if manifest.documents[gone].signed:
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


def make(renderer: Renderer, document: Document, output: Path, report: Report, manifest: Manifest,
         today: dt.date | None = None) -> None:
    path, kind = document.path, document.kind
    written = Written(kind.title, path, document.draft, document.frozen, UNCHANGED)
    exists = (output / path).is_file()
    entry = manifest.entry(path)
    notice = None
    try:
        if document.frozen:
            kept = None
            if entry is None or entry.snapshot is None:
                # The build's memory lost it (`.nastavnik/` deleted, damaged): the store beside the orders has it.
                stored = signed_entry(output, path)
                if stored is not None:
                    entry, kept = stored
                    manifest.documents[path.as_posix()] = entry
            if exists or _restore(renderer, document, entry, output, kept):
                # A signed order's file is final: never rewritten; today's data are only compared with its snapshot.
                if entry is not None:
                    entry.signed = True
                    # A row with an error is left out of the data: comparing then would report it as «removed».
                    if not any(p.sheet is not None for p in report.errors):
                        _compare_signed(document, entry, report)
                written.status = UNCHANGED if exists else RESTORED
                report.documents.append(written)
                return
            if manifest.lost:
                notice = _restored_notice(document, report, today or dt.date.today())
        digest = renderer.digest(kind)
        print_ = fingerprint(renderer.made_by(kind), document.context)
        if notice is None and manifest.unchanged(output, path, print_):
            report.documents.append(written)
            return
        started = time.perf_counter()
        data = renderer.produce(kind, document.context)
        if notice is not None:
            data = with_notice(data, notice)
        report.timed("render", started)
        started = time.perf_counter()
        manifest.forget(output, path)
        write_atomic(output / path, data)
        report.timed("write", started)
    except TemplateProblem as err:
        report.problems.append(Problem(ERROR, None, None, None, f"«{document.file_name}» не создан: {err}"))
        report.failed.append(path)
        return
    except WriteFailed as err:
        report.problems.append(Problem(ERROR, None, None, None, _located(path, err)))
        report.failed.append(path)
        return
    new_entry = Entry(hash=print_, signed=document.frozen)
    if kind in catalogue.ORDERS:
        new_entry.snapshot, new_entry.template = as_snapshot(document.context), digest
        try:
            keep_template(output, digest, renderer.source(kind.template))
            if document.frozen and notice is None:
                keep_signed(output, path, new_entry, renderer.source(kind.template))
        except WriteFailed as err:
            report.problems.append(Problem(WARNING, None, None, None, f"копия данных приказа не сохранена: {err}"))
    manifest.remember(output, path, new_entry)
    written.status = UPDATED if exists else CREATED
    report.documents.append(written)


def _restored_notice(document: Document, report: Report, today: dt.date) -> str:
    """A signed order with neither its file nor its snapshot: made from today's book, and saying so on the page."""
    day = grammar.date_digits(today)
    report.problems.append(Problem(
        WARNING, None, None, None,
        f"подписанного приказа «{document.path.as_posix()}» нет ни в папке, ни в памяти программы: копия сделана по "
        f"сегодняшним данным книги и помечена на странице. Сверьте её с подписанным экземпляром."))
    return (f"Копия восстановлена по данным книги {day}. Сверьте её с подписанным экземпляром: данные могли "
            "измениться после подписания.")


MARKUP_ROW_LIMIT = 50_000
"""Above this many rows the workbook's cells are not marked: openpyxl holds about 7 KB per row (2 GB for a book
of 300,000 rows) and takes longer than the whole build; the list of problems is made instead."""


def _has_marked_copy(report: Report) -> bool:
    """Whether «Проверка — <книга>.xlsx» is made: the book was read and some problem has a place in it."""
    return bool(report.source) and any(p.sheet is not None for p in report.problems)


def _markup_note(report: Report) -> None:
    """Why the marked-up copy is only a list of problems, said before the check report is made."""
    if not _has_marked_copy(report) or report.cells_marked:
        return
    from automation.office.marked_copy import marked_name

    name = marked_name(report.workbook)
    if report.workbook.suffix.lower() == ".ods":
        report.problems.append(Problem(WARNING, None, None, None, "ячейки отмечаются цветом только в книгах .xlsx; "
                                       f"для этой книги .ods список замечаний — в «{name}» и в «Отчёте о проверке»."))
    else:
        report.problems.append(Problem(
            WARNING, None, None, None,
            f"в книге {grammar.thousands(report.rows)} "
            f"{grammar.plural(report.rows, 'строка', 'строки', 'строк')} "
            f"(больше {grammar.thousands(MARKUP_ROW_LIMIT)}): ячейки "
            "не отмечены цветом в копии книги — это заняло бы больше памяти и времени, чем вся сборка. Список "
            f"замечаний с номерами строк — в «{name}» и в «Отчёте о проверке»."))


def _marked_copy(report: Report, output: Path, manifest: Manifest) -> Path | None:
    """«Проверка — <книга>.xlsx» when the workbook has problems (rewritten only when they or the book changed):
    the book with its problem cells marked, or only the list of problems (see `_markup_note`). With no problems it
    is not made, and a clean build archives the old one like any document no longer made."""
    if not _has_marked_copy(report):
        return None
    from automation.office.marked_copy import marked_copy, marked_name, problem_list  # openpyxl: only when needed

    path = Path(marked_name(report.workbook))
    print_ = fingerprint(hashlib.sha256(report.source).hexdigest(),
                         {"problems": [p.as_dict() for p in report.problems], "cells": report.cells_marked})
    if not manifest.unchanged(output, path, print_):
        started = time.perf_counter()
        try:
            copy = (marked_copy(report.source, report.problems) if report.cells_marked
                    else problem_list(report.problems))
            manifest.forget(output, path)
            write_atomic(output / path, copy)
        except WriteFailed as err:
            report.problems.append(Problem(WARNING, None, None, None, _located(path, err)))
            return path
        report.timed("markup", started)
        manifest.remember(output, path, Entry(hash=print_))
    return path


def _located(path: Path, err: WriteFailed) -> str:
    """The writer's reason with the document's place in the output folder instead of its bare name."""
    return str(err).replace(f"«{path.name}»", f"«{path.as_posix()}»", 1)


def _restore(renderer: Renderer, document: Document, entry: Entry | None, output: Path,
             source: bytes | None = None) -> bool:
    """Make a deleted signed order again from its snapshot and the template it was made from: the same text."""
    if entry is None or entry.snapshot is None or entry.template is None:
        return False
    source = source or kept_template(output, entry.template)
    if source is None:
        return False
    write_atomic(output / document.path, renderer.render_source(document.kind.template, source, entry.snapshot))
    keep_signed(output, document.path, entry, source)
    return True


def _compare_signed(document: Document, entry: Entry, report: Report) -> None:
    if entry.snapshot is None:
        return
    changes, recorded = describe_changes(entry.snapshot, as_snapshot(document.context))
    if changes:
        message = signed_changed_message(entry.snapshot["приказ"], changes, recorded)
        report.problems.append(Problem(WARNING, None, None, None, message))
