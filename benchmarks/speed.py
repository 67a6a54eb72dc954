"""Benchmark (not a test): the speed targets of the build, measured on this machine; prints a table.

Run from the repository root: python benchmarks/speed.py [--region N]   (N school workbooks, 500 by default)
"""

from __future__ import annotations

import argparse
import io
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from automation.run import build as builder  # noqa: E402
from automation.run.district import build_any  # noqa: E402
from automation.run.report import UNCHANGED, Report
from benchmarks import synthetic  # noqa: E402

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
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        space = Path(folder)
        templates = ROOT / "doc_templates"

        # School, cold: a fresh process on a copy of the sample workspace.
        shutil.copytree(ROOT / "workbook", space / "school" / "workbook")
        shutil.copytree(templates, space / "school" / "doc_templates")
        walls = []
        for _ in range(3):
            shutil.rmtree(space / "school" / "output", ignore_errors=True)
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "automation", "build"], cwd=space / "school", check=False,
                           capture_output=True)
            walls.append(time.perf_counter() - started)
        rows.append(("school, cold `nastavnik build` (3 runs, median)",
                     f"{statistics.median(walls):.2f} s; peak RSS {peak_rss_mb():.0f} MB", "≤ 1.0 s"))

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

        # Big school.
        big = synthetic.write(space / "big" / "big.xlsx", 2000, 500, 3000, seed=7)
        started = time.perf_counter()
        report = builder.build(big, templates, space / "big" / "output")
        seconds = time.perf_counter() - started
        documents = len(report.documents)
        rows.append(("big school: 2,000 people, 500 pairs/groups, 3,000 plan rows",
                     f"{seconds:.2f} s ({phases(report)}); {documents} documents, {documents / seconds:.0f}/s; "
                     f"peak RSS {peak_rss_mb():.0f} MB", "≤ 10 s"))
        render_write = (report.phases["render"] + report.phases["write"]) / max(made(report), 1)
        bound = zip_copy_bound(space)
        rows.append(("per document, render + write vs zip-copy bound",
                     f"{render_write * 1000:.1f} ms vs {bound * 1000:.1f} ms = {render_write / bound:.2f}×", "≤ 1.5×"))

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
                     f"{documents / seconds:.0f}/s; peak RSS {peak_rss_mb():.0f} MB (workbooks generated in "
                     f"{generated:.0f} s, not counted)",
                     "≤ 60 s, ≤ 1.5 GB"))
    synthetic.print_table(rows)


if __name__ == "__main__":
    main()
