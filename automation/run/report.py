"""What a run says: the report of a check or a build (its problems, the documents it wrote and how, what awaits
signature, its exit code and JSON), and the failure that stops a run before it starts."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from automation.book.problems import Problem, Problems

EXIT_OK, EXIT_PROBLEMS, EXIT_FATAL = 0, 1, 2


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
    """Draft orders in register order, then programmes awaiting approval: (file name without its extension, path
    in the output)."""
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


MARKUP_ROW_LIMIT = 50_000
"""Above this many rows the workbook's cells are not marked: openpyxl holds about 7 KB per row (2 GB for a book
of 300,000 rows) and takes longer than the whole build; the list of problems is made instead."""

Progress = Callable[[int, int], None]
"""Told (done, total) as documents are made: the command line draws its bar from it."""
