"""Writing one document into the output folder: only when its data or template changed, a signed order never
rewritten (made again from its snapshot when deleted, compared with today's data), every failure a located message."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from automation import grammar
from automation.book.problems import ERROR, WARNING, Problem
from automation.documents import catalogue
from automation.documents.catalogue import DocumentKind
from automation.documents.document import Document
from automation.documents.signed import (
    describe_changes,
    describe_paper_changes,
    signed_changed_message,
    signed_paper_message,
)
from automation.files import Batch, WriteFailed, write_atomic
from automation.office.render import Renderer, TemplateProblem, plain_values, with_notice
from automation.run.manifest import (
    Entry,
    Manifest,
    as_json,
    as_snapshot,
    fingerprint,
    keep_signed,
    keep_template,
    kept_template,
    signed_entry,
)
from automation.run.report import CREATED, RESTORED, UNCHANGED, UPDATED, Report, Written


@dataclass
class Job:
    """A document to render and write: what was decided before its rendering."""

    document: Document
    written: Written
    exists: bool
    frozen: bool
    notice: str | None
    print_: str
    text: str | None
    """An order's or a signed paper's data as JSON (see manifest.as_json), made for its fingerprint and kept for its
    snapshot; None for other documents (every document's text kept until all are rendered cost a 300,000-row book
    a third more memory)."""
    plain: bool
    digest: str

    def task(self) -> tuple:
        """What rendering needs, and no more: what a worker process is sent."""
        return self.document.kind, self.document.context, self.plain, self.notice


def _render(renderer: Renderer, kind: DocumentKind, context: dict[str, Any], plain: bool,
            notice: str | None) -> bytes | TemplateProblem:
    """A document's bytes, or its template's problem (given back, so that a worker process can hand it over)."""
    try:
        data = renderer.produce(kind, context, plain=plain)
    except TemplateProblem as problem:
        return problem
    return with_notice(data, notice) if notice is not None else data


WORKERS = min(2, os.cpu_count() or 1)
"""Processes that render at once (the district's schools too): two cores are what a school's computer has."""
FORKED = (multiprocessing.get_start_method(allow_none=True) or multiprocessing.get_all_start_methods()[0]) == "fork"
"""Whether a worker process is a fork of this one (Linux), its modules already loaded, or a new Python that loads
them first (Windows, macOS: some 0.3 s)."""
PARALLEL_FROM = 50
"""Documents to render from which a build renders them in WORKERS forked processes: fewer are made sooner in this
one (a worker must start, and prepare its templates, first). A forked worker is ready in some 40 ms: the sample's 69
documents in a fresh process take 0.47 s in two workers against 0.55 s here (farm-bench, 10 runs in turns; 0.89×
with no prepared template on the disk yet); a watcher's rebuild of a few documents stays here."""
PARALLEL_FROM_ANEW = 200
"""The same where a worker is a new Python (not FORKED)."""
CHUNK = 8
"""Documents sent to a worker at once (one message each would cost more than rendering some)."""
PARALLEL_ROWS = 100_000
"""Rows of a book up to which its documents may be rendered by worker processes: a larger book's build needs the
memory itself (a book of 300,000 plan rows: 847 MB rendered here, over 1 GB with two workers, measured)."""


def rendered(renderer: Renderer, jobs: list[Job], report: Report,
             workers: int = 1) -> Iterator[bytes | TemplateProblem]:
    """Each job's document, in the jobs' order, as it is ready: rendered here, or by `workers` processes when there
    are many (the templates' bytes are sent to them, so that they render from what this build checked and hashed).
    Should the processes fail to start or a worker die, the rest are rendered here. The time waited is the build's
    «render»."""
    done = 0
    if workers > 1 and len(jobs) >= (PARALLEL_FROM if FORKED else PARALLEL_FROM_ANEW):
        sources = {}
        for name in {job.document.kind.template for job in jobs if job.document.kind.template}:
            try:
                sources[name] = renderer.source(name)
            except TemplateProblem:
                continue  # a worker reads it, and gives back what is wrong, as this process would
        pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(renderer.folder, sources))
        try:
            # All sent at once: the workers never wait for this process, which writes each file to the disk.
            results = pool.map(_render_in_worker, [job.task() for job in jobs], chunksize=CHUNK)
            for _ in jobs:
                started = time.perf_counter()
                result = next(results)
                report.timed("render", started)
                done += 1
                yield result
            return
        except (BrokenProcessPool, OSError):
            pass  # the rest in this process
        finally:
            pool.shutdown(cancel_futures=True)
    for job in jobs[done:]:
        started = time.perf_counter()
        result = _render(renderer, *job.task())
        report.timed("render", started)
        yield result


_WORKER: Renderer | None = None


def _start_worker(folder: Path, sources: dict[str, bytes]) -> None:
    global _WORKER
    _WORKER = Renderer.of(folder, sources)


def _render_in_worker(task: tuple) -> bytes | TemplateProblem:
    return _render(_WORKER, *task)


def make(renderer: Renderer, document: Document, output: Path, report: Report, manifest: Manifest,
         today: dt.date | None = None) -> None:
    """One document: decided, rendered and written."""
    job = decide(renderer, document, output, report, manifest, today)
    if job is not None:
        finish(job, next(rendered(renderer, [job], report)), renderer, output, report, manifest)


def decide(renderer: Renderer, document: Document, output: Path, report: Report, manifest: Manifest,
           today: dt.date | None = None) -> Job | None:
    """Whether the document must be rendered (a Job); otherwise it is done here: unchanged, a signed one kept (or
    restored from its snapshot), or failed. Its line is in the report either way, in the order of the documents."""
    path, kind = document.path, document.kind
    written = Written(kind.title, path, document.draft, document.frozen, UNCHANGED)
    exists = (output / path).is_file()
    entry = manifest.entry(path)
    notice = None
    paper = document.frozen and kind not in catalogue.ORDERS
    # A signed paper is made final from a book without errors (its rows all in); one made before it was signed is
    # made once more, now final.
    frozen = document.frozen and not (paper and (entry is None or not entry.signed) and report.in_rows)
    settling = paper and frozen and exists and entry is not None and not entry.signed
    try:
        if frozen and not settling:
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
                    if not report.in_rows:
                        _compare_signed(document, entry, report)
                written.status = UNCHANGED if exists else RESTORED
                report.documents.append(written)
                return None
            if manifest.lost:
                notice = _restored_notice(document, report, today or dt.date.today())
        objects: list = []
        text = as_json(document.context, objects)
        print_, digest = fingerprint(renderer.made_by(kind), document.context, text), renderer.digest(kind)
    except TemplateProblem as err:
        _failed(document, report, f"«{document.file_name}» не создан: {err}")
        return None
    except WriteFailed as err:
        _failed(document, report, located(path, err))
        return None
    report.documents.append(written)
    if notice is None and not settling and manifest.unchanged(output, path, print_):
        return None
    kept = text if kind in catalogue.ORDERS or frozen else None
    return Job(document, written, exists, frozen, notice, print_, kept, plain_values(objects), digest)


def finish(job: Job, result: bytes | TemplateProblem, renderer: Renderer, output: Path, report: Report,
           manifest: Manifest, batch: Batch | None = None) -> None:
    """The rendered document written (now, or with the `batch`), and remembered once it is in place; a failure said
    with the document's place."""
    document, written = job.document, job.written
    if isinstance(result, TemplateProblem):
        report.documents.remove(written)
        _failed(document, report, f"«{document.file_name}» не создан: {result}")
        return
    started = time.perf_counter()
    manifest.forget(output, document.path)

    def then(err: WriteFailed | None) -> None:
        _written(job, err, renderer, output, report, manifest)

    try:
        if batch is not None:
            batch.write(output / document.path, result, then)
            return
        try:
            write_atomic(output / document.path, result)
        except WriteFailed as err:
            then(err)
        else:
            then(None)
    finally:
        report.timed("write", started)


def _written(job: Job, err: WriteFailed | None, renderer: Renderer, output: Path, report: Report,
             manifest: Manifest) -> None:
    """A document's file in place, remembered (a signed one's data and template kept); or its failure said."""
    document, written = job.document, job.written
    path, kind = document.path, document.kind
    if err is not None:
        report.documents.remove(written)
        _failed(document, report, located(path, err))
        return
    new_entry = Entry(hash=job.print_, signed=job.frozen)
    if kind in catalogue.ORDERS or job.frozen:
        new_entry.snapshot, new_entry.template = as_snapshot(document.context, job.text), job.digest
        try:
            keep_template(output, job.digest, renderer.source(kind.template))
            if job.frozen and job.notice is None:
                keep_signed(output, path, new_entry, renderer.source(kind.template))
        except WriteFailed as err:
            report.problems.append(Problem(WARNING, None, None, None, f"копия данных приказа не сохранена: {err}"))
    manifest.remember(output, path, new_entry)
    written.status = UPDATED if job.exists else CREATED


def _failed(document: Document, report: Report, message: str) -> None:
    report.problems.append(Problem(ERROR, None, None, None, message))
    report.failed.append(document.path)


def _restored_notice(document: Document, report: Report, today: dt.date) -> str:
    """A signed order with neither its file nor its snapshot: made from today's book, and saying so on the page."""
    day = grammar.date_digits(today)
    report.problems.append(Problem(
        WARNING, None, None, None,
        f"подписанного {'приказа' if document.kind in catalogue.ORDERS else 'документа'} "
        f"«{document.path.as_posix()}» нет ни в папке, ни в памяти программы: копия сделана по "
        f"сегодняшним данным книги и помечена на странице. Сверьте её с подписанным экземпляром."))
    return (f"Копия восстановлена по данным книги {day}. Сверьте её с подписанным экземпляром: данные могли "
            "измениться после подписания.")


def located(path: Path, err: WriteFailed) -> str:
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
    if document.kind not in catalogue.ORDERS:
        changes = describe_paper_changes(entry.snapshot, as_snapshot(document.context))
        if changes:
            report.problems.append(Problem(WARNING, None, None, None, signed_paper_message(document.path, changes)))
        return
    changes, recorded = describe_changes(entry.snapshot, as_snapshot(document.context))
    if changes:
        message = signed_changed_message(entry.snapshot["приказ"], changes, recorded)
        report.problems.append(Problem(WARNING, None, None, None, message))
