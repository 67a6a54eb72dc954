"""Check and build: workbook → validation → documents in the output folder, summed up in a report object."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from automation import context
from automation.context import Document
from automation.render import DocumentLocked, Renderer, TemplateProblem, write_atomic
from automation.validate import ERROR, Problem, Problems, Validation, validate
from automation.workbook import WorkbookUnreadable, read_workbook

EXIT_OK, EXIT_PROBLEMS, EXIT_FATAL = 0, 1, 2
_NOT_WORKBOOKS = ("~$", ".~lock", ".")


class CannotRun(Exception):
    """The run cannot start at all (no workbook, unreadable file, no templates); the message is for the curator."""


@dataclass
class Written:
    title: str
    path: Path
    draft: bool
    frozen: bool = False

    def as_dict(self) -> dict:
        return {"title": self.title, "file": str(self.path), "draft": self.draft, "signed": self.frozen}


@dataclass
class Report(Problems):
    workbook: Path | None = None
    problems: list[Problem] = field(default_factory=list)
    documents: list[Written] = field(default_factory=list)
    fatal: str | None = None

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


def check(workbook: Path) -> Report:
    report = Report()
    _validated(workbook, report)
    return report


def build(workbook: Path, templates: Path, output: Path, today: dt.date | None = None) -> Report:
    """Validate, then make every document the valid rows allow; one bad row or template never stops the others."""
    today = today or dt.date.today()
    report = Report()
    result = _validated(workbook, report)
    if result is None:
        return report
    if not templates.is_dir():
        report.fatal = (f"Нет папки шаблонов «{templates}». Укажите её параметром --templates "
                        "или создайте шаблоны командой «nastavnik init».")
        return report
    renderer = Renderer(templates)
    for document in context.documents(result.data, today):
        _make(renderer, document, output, report)
    common = {"орг": context.organization(result.data.organization)}
    report_doc = context.check_report(list(report.problems), common, report.workbook.name, today)
    _make(renderer, report_doc, output, report)
    return report


def _make(renderer: Renderer, document: Document, output: Path, report: Report) -> None:
    written = Written(document.kind.title, document.path, document.draft, document.frozen)
    if document.frozen and (output / document.path).exists():
        report.documents.append(written)  # a signed order's file is final: never rewritten
        return
    try:
        data = renderer.render(document.kind.template, document.context)
        write_atomic(output / document.path, data)
    except TemplateProblem as err:
        report.problems.append(Problem(ERROR, None, None, None, f"«{document.file_name}» не создан: {err}"))
        return
    except DocumentLocked:
        report.problems.append(Problem(
            ERROR, None, None, None,
            f"«{document.path}» открыт в другой программе (Word?) и не обновлён. Закройте его — "
            "он будет записан при следующей сборке.",
        ))
        return
    report.documents.append(written)
