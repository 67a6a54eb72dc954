"""Problems found in a workbook or a template: where, how serious, what to do; and the collector that gathers them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from automation.book.models import key
from automation.book.schema import Sheet
from automation.grammar import capital


class Severity(StrEnum):
    ERROR = "error"
    """The row is left out of the documents (exit code 1)."""
    WARNING = "warning"
    """Said, and the documents are made as the row stands."""


ERROR, WARNING = Severity.ERROR, Severity.WARNING


@dataclass(frozen=True)
class Problem:
    severity: Severity
    sheet: str | None
    row: int | None
    column: str | None
    message: str
    workbook: str | None = None

    def __str__(self) -> str:
        book = f"Книга «{self.workbook}». " if self.workbook else ""
        if self.sheet is None:
            return book + capital(self.message)
        place = book + f"Лист «{self.sheet}»"
        if self.row is not None:
            place += f", строка {self.row}"
        if self.column is not None:
            place += f", столбец «{self.column}»"
        return f"{place}: {self.message}"

    def as_dict(self) -> dict:
        data = {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}
        if self.workbook is not None:
            data["workbook"] = self.workbook
        return data


class Problems:
    """Errors and warnings of anything that holds a `problems` list."""

    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def in_rows(self) -> bool:
        """Whether some row of the book has an error (a row with one is left out of the data)."""
        return any(p.sheet is not None for p in self.errors)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == WARNING]


class Collector:
    """Problems of the workbook as they are found, and the rows that had errors (by their key)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # Keys (codes, numbers) of rows that exist but had errors: references to them are not «unknown».
        self.broken: dict[str, set[str]] = {}
        # Rows that failed their own checks, with the references that could be read: checked at the end, so a row
        # with a bad date and an unknown code reports both in one build.
        self.failed: list[tuple[Sheet, int, dict[str, str]]] = []

    def is_broken(self, sheet: Sheet, value: str) -> bool:
        return key(value) in self.broken.get(sheet.key, set())

    def mark_broken(self, sheet: Sheet, value: str) -> None:
        self.broken.setdefault(sheet.key, set()).add(key(value))

    def add(self, severity: Severity, sheet: Sheet, row: int | None, column_key: str | None, message: str) -> None:
        column = sheet.header(column_key) if column_key else None
        self.problems.append(Problem(severity, sheet.title, row, column, message))

    def error(self, sheet: Sheet, row: int | None, column_key: str | None, message: str) -> None:
        self.add(ERROR, sheet, row, column_key, message)

    def warning(self, sheet: Sheet, row: int | None, column_key: str | None, message: str) -> None:
        self.add(WARNING, sheet, row, column_key, message)
