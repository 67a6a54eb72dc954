"""«Проверка — <книга>.xlsx»: the workbook with its problem cells marked, or only the list of its problems."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from automation import grammar
from automation.book.problems import WARNING, Problem
from automation.files import WriteFailed, write_atomic
from automation.run import report as run_report
from automation.run.manifest import Entry, Manifest, fingerprint
from automation.run.report import Report
from automation.run.writing import located


def hasmarked_copy_of(report: Report) -> bool:
    """Whether «Проверка — <книга>.xlsx» is made: the book was read and some problem has a place in it."""
    return bool(report.source) and any(p.sheet is not None for p in report.problems)


def markup_note(report: Report) -> None:
    """Why the marked-up copy is only a list of problems, said before the check report is made."""
    if not hasmarked_copy_of(report) or report.cells_marked:
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
            f"(больше {grammar.thousands(run_report.MARKUP_ROW_LIMIT)}): ячейки "
            "не отмечены цветом в копии книги — это заняло бы больше памяти и времени, чем вся сборка. Список "
            f"замечаний с номерами строк — в «{name}» и в «Отчёте о проверке»."))


def marked_copy_of(report: Report, output: Path, manifest: Manifest) -> Path | None:
    """«Проверка — <книга>.xlsx» when the workbook has problems (rewritten only when they or the book changed):
    the book with its problem cells marked, or only the list of problems (see `markup_note`). With no problems it
    is not made, and a clean build archives the old one like any document no longer made."""
    if not hasmarked_copy_of(report):
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
            report.problems.append(Problem(WARNING, None, None, None, located(path, err)))
            return path
        report.timed("markup", started)
        manifest.remember(output, path, Entry(hash=print_))
    return path
