"""Property: whatever a curator (or an attacker) does to the workbook's cells, rows and merges, the build ends with a
report, never an exception; the workbook's bytes stay; every file made is a valid zip of well-formed XML."""

import datetime as dt
import hashlib
import io
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from automation.book import schema
from automation.office import zipped
from automation.run import build as builder
from tests.helpers import TODAY

VALUES = st.one_of(
    st.none(), st.just(""), st.just(" "), st.integers(-10, 10), st.sampled_from([89271234567, 10000000, 2**62, 0]),
    st.floats(allow_nan=False, allow_infinity=False, width=32), st.booleans(),
    st.sampled_from(["nan", "inf", "-5", "1e400", "31.02.2026", "01.01.0001", "да", "нет", "ж", "м", "П-1", "П-3",
                     "M-2", "45-ОД", "#REF!", "=1/0", "{{ x }}", "{% if %}", "<b>&amp;", "CON", "a:b?c*", "  .",
                     "_x000B_", "a_x000C_b", "_x0000_", "x" * 3000, "1 000,50", "подписан", "проект", "завершена"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
)
SHEETS = [sheet.title for sheet in schema.SHEETS]
ROOT = Path(__file__).resolve().parent.parent
OPERATION = st.tuples(st.sampled_from(["cell", "cell", "cell", "error", "delete_row", "insert_row", "delete_column",
                                       "merge", "rename"]),
                      st.sampled_from(SHEETS), st.integers(1, 8), st.integers(1, 12), VALUES)


def _apply(wb: openpyxl.Workbook, operation) -> None:
    kind, title, row, column, value = operation
    ws = wb[title]
    if kind == "cell":
        cell = ws.cell(row, column)
        if isinstance(value, str) and not value.startswith("="):
            value = "".join(c for c in value if c >= " " or c in "\t\n")  # openpyxl refuses raw control characters
        if isinstance(cell, openpyxl.cell.cell.MergedCell):
            return
        cell.value = value
    elif kind == "error":
        cell = ws.cell(row, column)
        if not isinstance(cell, openpyxl.cell.cell.MergedCell):
            cell.value, cell.data_type = "#DIV/0!", "e"
    elif kind == "delete_row":
        ws.delete_rows(row)
    elif kind == "insert_row":
        ws.insert_rows(row)
    elif kind == "delete_column":
        ws.delete_cols(column)
    elif kind == "merge":
        ws.merge_cells(start_row=row, start_column=column, end_row=row + 2, end_column=column + (row % 2))
    elif kind == "rename" and isinstance(value, str) and value.strip() and not set(value) & set("[]:*?/\\"):
        ws.title = value.strip()[:31]


@pytest.fixture(scope="module")
def base() -> tuple[bytes, Path]:
    """The sample workbook and the templates the project ships: what a curator starts from."""
    return (ROOT / "workbook" / "Наставничество.xlsx").read_bytes(), ROOT / "doc_templates"


_CHECKED: set[tuple[str, int, bytes]] = set()
"""Members already read whole (CRC checked) and, if XML, parsed: by name, CRC and a digest of their compressed bytes.
A document copies most parts of its template compressed as they are (styles, theme, numbering: 800 KB a document),
so each distinct part is inflated and parsed once, not once per document."""


def _assert_valid_zip_of_xml(path: Path) -> None:
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            key = (info.filename, info.CRC, hashlib.blake2b(zipped.packed(data, info).packed).digest())
            if key in _CHECKED:
                continue
            member = archive.read(info)  # reading checks the CRC, as testzip() does
            if info.filename.endswith((".xml", ".rels")):
                ElementTree.fromstring(member)
            _CHECKED.add(key)


EXAMPLES = int(os.environ.get("NASTAVNIK_PROPERTY_EXAMPLES", "20"))
"""20 in CI (about 8 s on the shipped sample); to hunt, set more with derandomize off:
NASTAVNIK_PROPERTY_EXAMPLES=1000 NASTAVNIK_PROPERTY_RANDOM=1."""


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, derandomize=os.environ.get("NASTAVNIK_PROPERTY_RANDOM") is None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(operations=st.lists(OPERATION, min_size=1, max_size=6))
def test_no_damage_to_the_workbook_ends_in_an_exception(base, operations):
    source, templates = base
    wb = openpyxl.load_workbook(io.BytesIO(source))
    for operation in operations:
        try:
            _apply(wb, operation)
        except (ValueError, KeyError, TypeError):
            continue  # openpyxl refused the change itself: nothing a saved book could hold
    folder = Path(tempfile.mkdtemp(prefix="nastavnik-property-"))
    try:
        book = folder / "book.xlsx"
        try:
            wb.save(book)
        except (ValueError, TypeError):
            return  # openpyxl cannot save it either: no workbook to build
        before = book.read_bytes()
        report = builder.build(book, templates, folder / "out", today=TODAY,
                               now=dt.datetime.combine(TODAY, dt.time(10)))
        assert report.exit_code in (0, 1, 2)
        assert book.read_bytes() == before
        made = [p for p in (folder / "out").rglob("*") if p.is_file()] if (folder / "out").exists() else []
        assert not [p for p in made if p.name.startswith(".~")]
        for path in made:
            if path.suffix in (".docx", ".xlsx"):
                _assert_valid_zip_of_xml(path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
