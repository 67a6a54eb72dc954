"""The sample workspace in the repository: regenerable by its script, complete, and clean to build."""

import importlib.util
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl

from automation.book import schema
from automation.book.reader import read_workbook
from automation.book.validate import validate
from automation.documents import catalogue
from automation.office.default_templates import write_templates
from automation.run import build as builder
from tests.helpers import TODAY

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "workbook" / "Наставничество.xlsx"


def _script():
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "scripts" / "make_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _values(path: Path) -> dict:
    book = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book.worksheets}


def test_committed_sample_is_what_the_script_makes(tmp_path):
    from automation.office.blank_book import write_workbook
    script = _script()
    fresh = write_workbook(tmp_path / "sample.xlsx", script.rows(), script.SETTINGS)
    assert _values(fresh) == _values(SAMPLE)


def test_committed_templates_are_the_default_templates(tmp_path):
    write_templates(tmp_path)
    committed = sorted(p.name for p in (ROOT / "doc_templates").iterdir())
    assert committed == sorted(p.name for p in tmp_path.iterdir())
    for name in committed:
        if name.endswith(".docx"):  # every part, the settings and styles too (the dates of the file aside)
            with zipfile.ZipFile(ROOT / "doc_templates" / name) as kept, zipfile.ZipFile(tmp_path / name) as made:
                parts = sorted(set(kept.namelist()) | set(made.namelist()))
                assert [n for n in parts if n != "docProps/core.xml" and (n not in kept.namelist() or n not in
                        made.namelist() or kept.read(n) != made.read(n))] == [], name
        else:
            assert (ROOT / "doc_templates" / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_sample_has_what_the_issue_asks_for():
    data = validate(read_workbook(SAMPLE)).data
    assert len(data.people) >= 25
    assert any(p.young for p in data.people.values())
    assert any(p.workplace for p in data.people.values())
    numbers = Counter(p.number for p in data.pairs)
    assert len(numbers) >= 8 and any(count > 1 for count in numbers.values())
    assert {p.form for p in data.pairs} == set(schema.MENTORING_FORMS)
    assert all(len(data.plan.get(n, [])) >= 5 for n in data.programmes)
    assert data.replacements and any(p.finished for p in data.programmes.values())
    assert {i.above_school for i in data.incentives} == {True, False}
    assert any(o.signed for o in data.orders.values()) and any(o.date is None for o in data.orders.values())


def test_sample_builds_cleanly(tmp_path):
    report = builder.build(SAMPLE, ROOT / "doc_templates", tmp_path, today=TODAY)
    assert report.exit_code == 0 and report.problems == []
    assert {d.title for d in report.documents} == {kind.title for kind in catalogue.KINDS}
