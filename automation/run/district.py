"""A district in one run: every workbook of a folder into its own output folder, and a summary across schools."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from automation import crash, grammar, memo
from automation.book import matching, schema
from automation.book.models import Data
from automation.book.problems import ERROR, WARNING, Problem
from automation.book.reader import WorkbookUnreadable, read_settings
from automation.book.validate import Validation
from automation.documents import catalogue, certificate, monitoring
from automation.documents.document import BLANK, Document
from automation.documents.people import signature_name
from automation.documents.period import Period, book_year
from automation.documents.reports import Indicators, indicators
from automation.files import OutputBusy, output_lock
from automation.grammar import percent
from automation.office.render import Renderer
from automation.run import build as builder
from automation.run import writing
from automation.run.books import quoted_names, sort_out_copies, workbooks
from automation.run.manifest import Manifest
from automation.run.report import Progress, Report
from automation.run.writing import make


@dataclass
class School:
    workbook: Path
    name: str | None
    report: Report
    indicators: Indicators | None
    certificate: list[tuple[str, str]] = dataclasses.field(default_factory=list)
    """The items of the school's «Справка о реализации системы наставничества», with its pair orders last."""


def build_any(workbook: Path, templates: Path, output: Path, today: dt.date | None = None,
              now: dt.datetime | None = None, period: Period | None = None, workers: int | None = None,
              progress: Progress | None = None, district: bool = False) -> Report:
    """One workbook (a file, or a folder holding one) as usual; with `district`, a folder of schools' books. One run
    at a time writes the output folder (`files.output_lock`)."""
    try:
        with output_lock(output):
            if district:
                report = build_district(workbook, templates, output, today, now, period, workers, progress)
            else:
                report = builder.build(workbook, templates, output, today, now, period, progress)
    except OutputBusy as busy:
        return Report(fatal=grammar.capital(str(busy)))
    memo.save_all()  # what the dictionary answered, for the next run (once a run, not once a school)
    return report


def check_any(workbook: Path, today: dt.date | None = None, district: bool = False) -> Report:
    """The check alone: of one workbook, or of every school's book of a district folder (each problem named by
    its book)."""
    if not district:
        report = builder.check(workbook, today)
    else:
        report = Report(workbook=workbook)
        for book in _district_books(workbook, report):
            _merge(report, School(book, None, builder.check(book, today), None))
    memo.save_all()
    return report


def _district_books(folder: Path, report: Report, period: Period | None = None) -> list[Path]:
    """The schools' books of a district folder (copies left aside with a warning); none is a fatal message. For a
    closed school year, a school's book of that year («tenki 2026-2027.xlsx», kept by `new-year`) stands for it."""
    if not folder.is_dir():
        report.fatal = (f"«{folder}» — не папка. Для района укажите папку с книгами школ: --workbook ПАПКА "
                        "--district.")
        return []
    books, copies = sort_out_copies([book for book in workbooks(folder)
                                             if book.name.casefold() != schema.DISTRICT_BOOK.casefold()])
    if copies:
        report.problems.append(Problem(WARNING, None, None, None,
                                       f"копии книг не читаются: {quoted_names(copies)}."))
    if not books:
        report.fatal = f"В папке «{folder}» нет книг .xlsx или .ods."
    if period is not None and period.label.endswith("учебный год"):
        books = [next((b for b in [book.with_name(f"{book.stem} {period.slug}{book.suffix}")] if b.is_file()), book)
                 for book in books]
    return books


def build_district(folder: Path, templates: Path, output: Path, today: dt.date | None = None,
                   now: dt.datetime | None = None, period: Period | None = None, workers: int | None = None,
                   progress: Progress | None = None) -> Report:
    """Each school into `output/<Краткое наименование>/`, then the district summary; one unreadable or invalid
    workbook is reported and never stops the others. `workers`: processes that build the schools (writing.WORKERS
    unless given)."""
    options = builder.BuildOptions.of(templates, output, today, now, period)
    # Each school is built in one process (of `workers`): its documents are rendered there, by no pool of its own.
    options = dataclasses.replace(options, period=period or Period.school_year(options.today), workers=1)
    report = Report(workbook=folder)
    books = _district_books(folder, report, period)
    if not books:
        return report
    if not templates.is_dir():
        report.fatal = (f"Нет папки шаблонов «{templates}». Укажите её параметром --templates "
                        "или создайте шаблоны командой «nastavnik init».")
        return report
    # The templates are checked once for the district, not once per school.
    options = dataclasses.replace(options, checks=builder.check_templates(Renderer(templates), report))
    workers = writing.WORKERS if workers is None else workers
    with _pool(workers if len(books) > 1 else 1) as pool:
        read = list(pool.map(_read, books))
        names = folder_names([(book, result.data.organization.short_name if result and result.data.organization
                               else None) for book, _, result in read])
        jobs = [(book, school_report, result, names[book], options) for book, school_report, result in read]
        schools = []
        for school in pool.map(_school, *zip(*jobs, strict=True)):
            schools.append(school)
            if progress is not None:
                progress(len(schools), len(jobs))
    for school in schools:
        _merge(report, school)
    _summary(schools, district_settings(folder, report), templates, output, options.period, options.today, report)
    return report


def write_district_book(path: Path) -> Path:
    from automation.office.blank_book import write_district_book as write

    return write(path)


def district_settings(folder: Path, report: Report) -> dict[str, str]:
    """The district book's settings by key. A folder without one gets a blank «Район.xlsx» (nothing is ever
    overwritten); each setting left empty is a located warning, and the summary has a line to write it in by hand."""
    path = folder / schema.DISTRICT_BOOK
    book = schema.DISTRICT_BOOK

    def warn(message: str, row: int | None = None) -> None:
        report.problems.append(Problem(WARNING, schema.DISTRICT.title if row else None, row,
                                       "Значение" if row else None, message, workbook=book))

    if not path.exists():
        try:
            write_district_book(path)  # openpyxl is loaded only here: a school's build never needs it
        except OSError:
            warn(f"нет книги района «{book}» в папке «{folder}», и создать её не удалось (нет прав на запись?). "
                 "Шапка и подпись сводки — пустыми строками для записи от руки.")
            return {}
        warn(f"создана книга района «{book}» в папке «{folder}»: впишите в неё орган управления образованием и "
             "составителя сводки — они попадут в шапку и подпись сводки. Пока на их месте пустые строки.")
        return {}
    try:
        found = read_settings(path, schema.DISTRICT)
    except WorkbookUnreadable as err:
        warn(f"{err} Шапка и подпись сводки — пустыми строками для записи от руки.")
        return {}
    values: dict[str, str] = {}
    for setting in schema.DISTRICT_SETTINGS:
        row, value = found.get(matching.normalize(setting.header), (None, None))
        if value not in (None, ""):
            values[setting.key] = str(value)
        elif setting.required:
            warn(f"не заполнено «{setting.header}» ({setting.hint}). В сводке на его месте пустая строка для "
                 "записи от руки." if row else
                 f"нет строки «{setting.header}» на листе «{schema.DISTRICT.title}»: добавьте её "
                 f"({setting.hint}). В сводке на её месте пустая строка для записи от руки.", row)
    return values


class _Serial:
    """The pool's interface, in this process: for one workbook, or one core."""

    def __enter__(self) -> "_Serial":
        return self

    def __exit__(self, *exc) -> None:
        return None

    @staticmethod
    def map(function, *iterables):
        return map(function, *iterables)


def _pool(workers: int):
    return ProcessPoolExecutor(max_workers=workers) if workers > 1 else _Serial()


def _read(book: Path) -> tuple[Path, Report, Validation | None]:
    report = Report()
    return book, report, builder.validated(book, report)


def folder_names(schools: list[tuple[Path, str | None]]) -> dict[Path, str | None]:
    """Each school's output folder: its short name made safe for a folder name; when two workbooks carry the same
    short name, each gets its workbook's name in brackets, so no two schools ever share a folder."""
    safe = {book: catalogue.safe_name(name).rstrip(". ") or book.stem for book, name in schools if name}
    counts = Counter(name.casefold() for name in safe.values())
    names: dict[Path, str | None] = {book: None for book, _ in schools}
    for book, name in safe.items():
        names[book] = name if counts[name.casefold()] == 1 else f"{name} ({book.stem})"
    return names


def _school(book: Path, report: Report, result: Validation | None, name: str | None,
            options: builder.BuildOptions) -> School:
    if result is None or name is None:
        return School(book, None, report, None)
    try:
        builder.build_validated(result, report, options.into(name))
        return School(book, name, report, indicators(result.data, options.period, options.today),
                      _certificate(result.data, options.today))
    except Exception as err:  # noqa: BLE001 — one school's fault never stops the district
        report.fatal = crash.sentence(f"собрать документы школы «{name}»", err,
                                      crash.record(options.output / name, "собрать документы", err, options.now))
        return School(book, None, report, None)


def _certificate(data: Data, today: dt.date) -> list[tuple[str, str]]:
    orders = certificate.assignment_orders(data, book_year(data, today), today)
    listed = "; ".join(f"{o['приказ']} (пар — {o['пар']}, групп — {o['групп']})" for o in orders)
    return [*certificate.items(data, today), ("Приказы о закреплении пар и групп", listed or schema.NO)]


def _merge(district: Report, school: School) -> None:
    label = school.name or school.workbook.name
    if school.report.fatal is not None:
        district.problems.append(Problem(ERROR, None, None, None, school.report.fatal, workbook=school.workbook.name))
        return
    district.problems += [dataclasses.replace(p, workbook=school.workbook.name) for p in school.report.problems]
    folder = Path(school.name or "")
    district.documents += [dataclasses.replace(d, path=folder / d.path) for d in school.report.documents]
    district.failed += [folder / p for p in school.report.failed]
    district.archived += [folder / p for p in school.report.archived]
    district.reminders += [f"{label}: {line}" for line in school.report.reminders]
    for phase, seconds in school.report.phases.items():
        district.phases[phase] = district.phases.get(phase, 0.0) + seconds


NUMBERS = ("pairs", "groups", "mentors", "mentees", "young", "young_mentored", "started", "finished", "extended",
           "overdue", "plan_due", "plan_done")


def _numbers(ind: Indicators) -> dict[str, int]:
    values = {name: getattr(ind, name) for name in NUMBERS if name != "finished"}
    values["finished"] = ind.finished_on_time + sum(ind.finished_early.values())
    return values


def summary_context(schools: list[School], period: Period, today: dt.date,
                    district: dict[str, str] | None = None) -> dict[str, Any]:
    """One row per school that could be read, and the totals (shares recomputed from the sums); the issuing body
    and the compiler from the district's book, a blank to write in where it is empty."""
    district = district or {}
    counted = [(s.name or s.workbook.stem, _numbers(s.indicators)) for s in schools if s.indicators is not None]
    total = {name: sum(values[name] for _, values in counted) for name in NUMBERS}
    return {
        "период": period.label,
        "дата": grammar.date_digits(today),
        "школы": [_row(name, values) for name, values in counted],
        "итого": _row("Итого", total),
        "анкеты": [_quality(s.name or s.workbook.stem, [s.indicators.quality]) for s in schools
                   if s.indicators is not None],
        "анкеты_итого": _quality("Итого", [s.indicators.quality for s in schools if s.indicators is not None]),
        "не_прочитаны": [s.workbook.name for s in schools if s.indicators is None],
        "без_приказа": [s.name or s.workbook.stem for s in schools if s.indicators is not None
                        and not s.indicators.organized],
        "район": {"орган": district.get("body") or BLANK, "должность": district.get("compiler_position") or BLANK,
                  "подпись": signature_name(district["compiler"]) if district.get("compiler") else BLANK,
                  "телефон": district.get("phone", "")},
    }


def _row(name: str, n: dict[str, int]) -> dict[str, Any]:
    return {
        "школа": name, "пар": n["pairs"], "групп": n["groups"], "наставников": n["mentors"],
        "наставляемых": n["mentees"],
        "молодые": f"{n['young_mentored']} из {n['young']} ({percent(n['young_mentored'], n['young'])})",
        "начато": n["started"], "завершено": n["finished"], "продлено": n["extended"], "просрочено": n["overdue"],
        "мероприятия": f"{n['plan_done']} из {n['plan_due']} ({percent(n['plan_done'], n['plan_due'])})",
    }


def _quality(name: str, parts: list[monitoring.Monitoring]) -> dict[str, Any]:
    """A school's (or all schools') questionnaires in aggregate only: how many were filled of those due, the mean
    self-assessment before and after, the mean final marks; the means of several schools weighted by their answers."""
    due, named = sum(m.due for m in parts), sum(m.named for m in parts)
    paired = sum(m.paired for m in parts)

    def weighted(pairs: list[tuple[float, int]]) -> float | None:
        count = sum(n for _, n in pairs)
        return sum(mean * n for mean, n in pairs) / count if count else None

    assessed = [m for m in parts if m.entry_mean is not None and m.final_mean is not None]
    before = weighted([(m.entry_mean, m.paired) for m in assessed])
    after = weighted([(m.final_mean, m.paired) for m in assessed])
    tops = {m.self_top for m in assessed}
    row = {"школа": name, "заполнено": f"{named} из {due} ({percent(named, due)})" if due else "—",
           "самооценка": (f"{monitoring.decimal(before)} → {monitoring.decimal(after)} из {tops.pop()} ({paired} чел.)"
                          if before is not None and after is not None and len(tops) == 1 else "—")}
    for role, field in (("наставляемый", "наставляемые"), ("наставник", "наставники")):
        found = [m.satisfaction[role] for m in parts if role in m.satisfaction]
        tops = {top for _, top, _ in found}
        mean = weighted([(value, count) for value, _, count in found])
        row[field] = f"{monitoring.decimal(mean)} из {tops.pop()}" if mean is not None and len(tops) == 1 else "—"
    return row


COLUMNS = (("школа", "Школа"), ("пар", "Пар"), ("групп", "Групп"), ("наставников", "Наставников"),
           ("наставляемых", "Наставляемых"), ("молодые", "Молодые специалисты с наставником"),
           ("начато", "Программ начато"), ("завершено", "Завершено"), ("продлено", "Продлено"),
           ("просрочено", "Просрочено"), ("мероприятия", "Мероприятия планов выполнены"))


def _summary(schools: list[School], district: dict[str, str], templates: Path, output: Path, period: Period,
             today: dt.date, report: Report) -> None:
    context = summary_context(schools, period, today, district)
    table = {"заголовок": f"Сводка по наставничеству: {period.label}",
             "столбцы": [title for _, title in COLUMNS],
             "строки": [[row[name] for name, _ in COLUMNS] for row in [*context["школы"], context["итого"]]]}
    read = [school for school in schools if school.certificate]
    items = {"заголовок": f"Справки школ о реализации системы наставничества: {period.label}",
             "столбцы": ["Школа", *(what for what, _ in read[0].certificate)] if read else ["Школа"],
             "строки": [[school.name, *(text for _, text in school.certificate)] for school in read]}
    documents = [
        Document(catalogue.DISTRICT_SUMMARY, catalogue.DISTRICT_SUMMARY.name(period=period.slug), context),
        Document(catalogue.DISTRICT_TABLE, catalogue.DISTRICT_TABLE.name(period=period.slug), table),
        Document(catalogue.DISTRICT_CERTIFICATES, catalogue.DISTRICT_CERTIFICATES.name(period=period.slug), items),
    ]
    renderer, manifest = Renderer(templates), Manifest.load(output)
    for document in documents:
        make(renderer, document, output, report, manifest)
    builder.save_manifest(manifest, output, report)

