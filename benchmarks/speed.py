"""Benchmark (not a test): the speed targets of the build, measured on this machine; prints a table.

Run from the repository root: python benchmarks/speed.py [--region N] [--quick]
(N school workbooks, 500 by default; --quick leaves out watch_latency.py and big_books.py, which it otherwise runs
after its own table). Each target is printed with its ratio, measured in the same run: the cold start against the
version of 2026-12-01 (cca157d, taken from git), the big school against the peer (benchmarks/peer.py) with their
documents' text compared, a document and the region against the zip-copy bound.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from automation.run import build as builder  # noqa: E402
from automation.run.district import build_any  # noqa: E402
from automation.run.report import UNCHANGED, Report
from benchmarks import peer, synthetic  # noqa: E402

BASELINE = "cca157d"
"""The version of 2026-12-01, the cold start's yardstick."""
ORDER_TEMPLATE = ROOT / "doc_templates" / "Приказ о закреплении наставнических пар.docx"


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def zip_copy_bound(folder: Path, copies: int = 200) -> float:
    """Seconds per document for the least a renderer must do: copy the template's zip with its main XML part
    string-substituted, and write it to disk."""
    source = ORDER_TEMPLATE.read_bytes()
    started = time.perf_counter()
    for index in range(copies):
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "word/document.xml":
                    data = data.replace(b"{{", f"копия {index} ".encode()).replace(b"}}", b"")
                zout.writestr(item, data)
        (folder / f"bound{index % 10}.docx").write_bytes(out.getvalue())
    return (time.perf_counter() - started) / copies


def phases(report: Report) -> str:
    return ", ".join(f"{name} {report.phases.get(name, 0):.2f}"
                     for name in ("read", "validate", "render", "write"))


def made(report: Report) -> int:
    return sum(1 for d in report.documents if d.status != UNCHANGED)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--region", type=int, default=500, help="school workbooks in the region run")
    parser.add_argument("--quick", action="store_true", help="leave out watch_latency.py and big_books.py")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        space = Path(folder)
        templates = ROOT / "doc_templates"

        # School, cold: a fresh process on a copy of the sample workspace, in turns with the baseline version on
        # its own sample; our prepared-template cache in a folder of the run's (its first run fills it).
        os.environ["NASTAVNIK_CACHE"] = str(space / "cache")  # this process's builds and their workers too
        cache = dict(os.environ)
        spaces = {"ours": (ROOT, space / "school")}
        shutil.copytree(ROOT / "workbook", space / "school" / "workbook")
        shutil.copytree(templates, space / "school" / "doc_templates")
        baseline = _baseline(space / "baseline")
        if baseline is not None:
            spaces["baseline"] = (baseline, space / "baseline-school")
            for part in ("workbook", "doc_templates"):
                shutil.copytree(baseline / part, space / "baseline-school" / part)
        walls: dict[str, list[float]] = {name: [] for name in spaces}
        first = _cold(*spaces["ours"], cache)
        for _ in range(5):
            for name, (code, school) in spaces.items():
                walls[name].append(_cold(code, school, cache))
        cold = statistics.median(walls["ours"])
        counts = {name: _documents(school / "output") for name, (_, school) in spaces.items()}
        versus = (f"; {BASELINE} {statistics.median(walls['baseline']):.2f} s for its {counts['baseline']} = "
                  f"{cold / statistics.median(walls['baseline']):.2f}×" if baseline is not None else
                  f"; {BASELINE} not at hand (no git history)")
        rows.append((f"school, cold `nastavnik build` ({counts['ours']} documents; 5 runs in turns, median)",
                     f"{cold:.2f} s (first run, empty template cache: {first:.2f} s){versus}",
                     f"≤ 1.0 s, ≤ 1.0× {BASELINE}"))

        # School, one edit: the rebuild the watcher runs after one cell of one programme changed.
        import openpyxl
        book = space / "school" / "workbook" / "Наставничество.xlsx"
        output = space / "school" / "output"
        builder.build(book, templates, output)
        workbook = openpyxl.load_workbook(book)
        sheet = workbook["Программы"]
        column = next(c.column for c in sheet[1] if c.value == "Цель")
        sheet.cell(row=3, column=column, value="цель после правки")
        workbook.save(book)
        started = time.perf_counter()
        report = builder.build(book, templates, output)
        edit = time.perf_counter() - started
        rewritten = [str(d.path) for d in report.documents if d.status != UNCHANGED]
        rows.append(("school, one edit, rebuild",
                     f"{edit:.3f} s ({phases(report)}), {len(rewritten)} rewritten: {'; '.join(rewritten)}",
                     "≤ 0.2 s"))

        # Big school, and the peer on the same book and day.
        big = synthetic.write(space / "big" / "big.xlsx", 2000, 500, 3000, seed=7)
        today = dt.date.today()
        started = time.perf_counter()
        report = builder.build(big, templates, space / "big" / "output", today=today)
        seconds = time.perf_counter() - started
        documents = len(report.documents)
        theirs, written = peer.peer_build(big, templates, space / "big" / "peer", today)
        differing = peer.differing(space / "big" / "output", space / "big" / "peer", written)
        rows.append(("big school: 2,000 people, 500 pairs/groups, 3,000 plan rows, 2,300 answers",
                     f"{seconds:.2f} s ({phases(report)}); {documents} documents, {documents / seconds:.0f}/s; "
                     f"peak RSS {peak_rss_mb():.0f} MB", "—"))
        rows.append(("big school against the peer (docxtpl render + save per document, our contexts)",
                     f"{theirs:.1f} s / {seconds:.2f} s = {theirs / seconds:.1f}×; text differs in "
                     f"{len(differing)} of {len(written)} Word documents", "≥ 10×"))
        render_write = (report.phases["render"] + report.phases["write"]) / max(made(report), 1)
        bound = zip_copy_bound(space)
        rows.append(("per document, render + write (time this process spent) vs zip-copy bound",
                     f"{render_write * 1000:.1f} ms vs {bound * 1000:.1f} ms = {render_write / bound:.2f}×", "≤ 0.5×"))

        # Region: many school workbooks in district mode.
        region = space / "region" / "workbooks"
        region.mkdir(parents=True)
        generated = time.perf_counter()
        for index in range(1, args.region + 1):
            synthetic.write(region / f"school{index:04d}.xlsx", 40, 11, 60, seed=index)
        generated = time.perf_counter() - generated
        started = time.perf_counter()
        report = build_any(region, templates, space / "region" / "output", district=True)
        seconds = time.perf_counter() - started
        documents = len(report.documents)
        rows.append((f"region: {args.region} school workbooks, district mode",
                     f"{seconds:.1f} s (CPU seconds over both processes: {phases(report)}); {documents} documents, "
                     f"{documents / seconds:.0f}/s; {seconds / (documents * bound):.2f}× the zip-copy bound × "
                     f"documents; peak RSS {peak_rss_mb():.0f} MB (workbooks generated in {generated:.0f} s, "
                     "not counted)", "≤ 0.6× bound, ≤ 1.5 GB"))
    synthetic.print_table(rows)
    if not args.quick:
        for script in ("watch_latency.py", "big_books.py"):
            print(f"\n# benchmarks/{script}", flush=True)
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / script)], cwd=ROOT, check=False)


def _baseline(folder: Path) -> Path | None:
    """The baseline version's files from git, or None where there is no history (an unpacked archive)."""
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", BASELINE], capture_output=True, check=True,
                                 timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def _cold(code: Path, school: Path, env: dict[str, str]) -> float:
    """Seconds of one `python -m automation build` of `code` in `school`, its output removed first; with the code's
    bytecode written by the first run and read by the next (an installed program has it: pip compiles it), even
    where PYTHONDONTWRITEBYTECODE is set."""
    shutil.rmtree(school / "output", ignore_errors=True)
    env = {name: value for name, value in env.items() if name != "PYTHONDONTWRITEBYTECODE"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "automation", "build"], cwd=school, check=False, capture_output=True,
                   env={**env, "PYTHONPATH": str(code)}, timeout=300)
    return time.perf_counter() - started


def _documents(output: Path) -> int:
    """The documents a build made (not its memory, its signed store, nor the marked copy of the book)."""
    return sum(1 for p in output.rglob("*") if p.is_file() and p.suffix in (".docx", ".xlsx", ".html")
               and not any(part.startswith(".") for part in p.relative_to(output).parts)
               and not p.name.startswith("Проверка"))


if __name__ == "__main__":
    main()
