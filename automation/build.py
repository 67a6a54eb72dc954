"""Check and build: workbook → validation → documents in the output folder, summed up in a report object."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from automation import context, reports
from automation import documents as kinds
from automation.context import Document
from automation.manifest import Manifest, archive, fingerprint, remove_leftovers
from automation.reports import Period
from automation.render import DocumentLocked, Renderer, TemplateProblem, write_atomic
from automation.validate import ERROR, Problem, Problems, Validation, validate
from automation.workbook import WorkbookUnreadable, read_workbook

EXIT_OK, EXIT_PROBLEMS, EXIT_FATAL = 0, 1, 2
_NOT_WORKBOOKS = ("~$", ".~lock", ".")


class CannotRun(Exception):
    """The run cannot start at all (no workbook, unreadable file, no templates); the message is for the curator."""


CREATED, UPDATED, UNCHANGED = "создан", "обновлён", "без изменений"


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
    fatal: str | None = None

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


def find_workbook(path: Path) -> Path:
    """The workbook itself, or the only .xlsx in a folder (lock and temporary files are not workbooks)."""
    if not path.exists():
        raise CannotRun(f"Не найдено: «{path}». Укажите книгу параметром --workbook или создайте её: nastavnik init.")
    if path.is_file():
        return path
    books = sorted(p for p in path.glob("*.xlsx") if not p.name.startswith(_NOT_WORKBOOKS))
    if not books:
        raise CannotRun(f"В папке «{path}» нет книги .xlsx. Создайте её командой «nastavnik init» или укажите --workbook.")
    if len(books) > 1:
        names = ", ".join(f"«{b.name}»" for b in books)
        raise CannotRun(f"В папке «{path}» несколько книг ({names}). Укажите нужную: --workbook ПУТЬ.")
    return books[0]


def _validated(workbook: Path, report: Report) -> Validation | None:
    try:
        report.workbook = find_workbook(workbook)
        raw = read_workbook(report.workbook)
    except (CannotRun, WorkbookUnreadable) as err:
        report.fatal = str(err)
        return None
    result = validate(raw)
    report.problems.extend(result.problems)
    return result


def check(workbook: Path, today: dt.date | None = None) -> Report:
    report = Report()
    result = _validated(workbook, report)
    if result is not None:
        report.reminders = reports.reminders(result.data, today or dt.date.today())
    return report


def build(workbook: Path, templates: Path, output: Path, today: dt.date | None = None,
          now: dt.datetime | None = None, period: Period | None = None) -> Report:
    """Validate, then make every document the valid rows allow, rewriting only those whose inputs changed.

    One bad row or template never stops the others; a document no longer made goes to the archive, never away.
    """
    now = now or dt.datetime.now()
    today = today or now.date()
    report = Report()
    result = _validated(workbook, report)
    if result is None:
        return report
    if not templates.is_dir():
        report.fatal = (f"Нет папки шаблонов «{templates}». Укажите её параметром --templates "
                        "или создайте шаблоны командой «nastavnik init».")
        return report
    remove_leftovers(output)
    manifest = Manifest.load(output)
    renderer = Renderer(templates)
    report.reminders = reports.reminders(result.data, today)
    documents = kinds.all_documents(result.data, today, period)
    for document in documents:
        _make(renderer, document, output, report, manifest)
    common = {"орг": context.organization(result.data.organization)}
    check_report = context.check_report(list(report.problems), common, report.workbook.name, today,
                                        report.reminders)
    _make(renderer, check_report, output, report, manifest)
    if not report.errors:
        # Only a clean build may archive: a document missing because its row has an error will come back.
        made = {d.path.as_posix() for d in [*documents, check_report]}
        for gone in sorted(set(manifest.documents) - made):
            moved = archive(output, Path(gone), now)
            if moved is not None:
                report.archived.append(moved)
            del manifest.documents[gone]
    manifest.save(output)
    return report


def _make(renderer: Renderer, document: Document, output: Path, report: Report, manifest: Manifest) -> None:
    path = document.path
    written = Written(document.kind.title, path, document.draft, document.frozen, UNCHANGED)
    try:
        print_ = fingerprint(renderer.digest(document.kind), document.context)
        exists = (output / path).is_file()
        if (document.frozen and exists) or manifest.unchanged(output, path, print_):
            report.documents.append(written)  # a signed order's file is final: never rewritten
            return
        write_atomic(output / path, renderer.produce(document.kind, document.context))
    except TemplateProblem as err:
        report.problems.append(Problem(ERROR, None, None, None, f"«{document.file_name}» не создан: {err}"))
        report.failed.append(path)
        return
    except DocumentLocked:
        report.problems.append(Problem(
            ERROR, None, None, None,
            f"«{path}» открыт в другой программе (Word?) и не обновлён. Закройте его — "
            "он будет записан при следующей сборке.",
        ))
        report.failed.append(path)
        return
    manifest.documents[path.as_posix()] = print_
    written.status = UPDATED if exists else CREATED
    report.documents.append(written)
