"""The house's rules: models match the schema, the reading side loads no Word or XML machinery."""

import datetime as dt
import subprocess
import sys

import pytest

from automation import schema
from automation.models import SheetModel, _config


def _model(fields: dict, columns=schema.ORDERS.columns):
    namespace = {"__annotations__": fields, "columns": columns, "model_config": _config(columns)}
    namespace.update({name: None for name, kind in fields.items() if "None" in str(kind)})
    return type("Drifted", (SheetModel,), namespace)


ORDER_FIELDS = {"number": str, "date": dt.date | None, "kind": str, "status": str | None}


def test_a_model_exactly_as_its_sheet_is_accepted():
    assert _model(dict(ORDER_FIELDS)).model_validate({"№ приказа": "1", "Вид": schema.ORDER_ASSIGNMENT}).number == "1"


@pytest.mark.parametrize("change, message", [
    ({"note": str | None}, "Drifted: fields without a column ['note'], columns without a field []"),
    ({"status": None}, "Drifted: fields without a column [], columns without a field ['status']"),
    ({"date": str | None}, "Drifted.date: str | None for a column of kind DATE"),
    ({"status": str}, "Drifted.status: the column may be blank, the field must accept None"),
])
def test_a_model_that_drifts_from_its_sheet_stops_the_import(change, message):
    fields = {name: kind for name, kind in {**ORDER_FIELDS, **change}.items() if kind is not None}
    with pytest.raises(TypeError) as raised:
        _model(fields)
    assert str(raised.value) == message


@pytest.mark.parametrize("module", ["automation.workbook", "automation.validate", "automation.manifest",
                                    "automation.models", "automation.schema"])
def test_reading_checking_and_remembering_load_no_word_or_xml_machinery(module):
    heavy = ("docxtpl", "docx", "lxml", "openpyxl", "jinja2", "PIL")
    code = f"import sys, {module}; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def test_every_measure_is_given_by_a_school_order_or_petitioned_for():
    """A measure is declared once: with its verb phrase and case (a school order gives it) or with neither (an award
    above the school, petitioned for); a measure with half of it would break the incentive order."""
    from automation.grammar import Case

    for measure in schema.MEASURES:
        assert (measure.phrase != "") == (measure.case != ""), measure.text
        assert measure.case in {"", *(case.value for case in Case)}, measure.text
    assert {m.text for m in schema.MEASURES if not m.phrase} == {schema.MEASURE_STATE_AWARD, *schema.MINISTRY_AWARDS}
    incentives = next(s for s in schema.SHEETS if s.key == "incentives")
    assert incentives.columns[1].choices == tuple(m.text for m in schema.MEASURES)


def test_every_ground_has_the_words_an_order_uses():
    for ground in (*schema.REPLACEMENT_GROUNDS, *schema.COMPLETION_GROUNDS):
        assert ground.phrase and not ground.case, ground.text


def test_every_document_kind_is_complete():
    """A kind declared in the catalogue has all its pieces: a default template (when made from one) in the same
    format, its fields for the template check and the guide, a builder the sample school's data reach, and (an order)
    its kind as the register «Приказы» names it."""
    from automation import catalogue
    from automation.default_templates import TEMPLATE_NAMES
    from automation.field_guide import sample_contexts
    from automation.catalogue import FIELDS

    made = set(sample_contexts()) | {catalogue.DISTRICT_SUMMARY.key}  # the district's: tests/test_district.py
    for kind in (*catalogue.KINDS, catalogue.DISTRICT_SUMMARY, catalogue.DISTRICT_TABLE):
        assert kind.folder is not None and "{" not in kind.title, kind.key
        if kind.template:
            assert kind.template in TEMPLATE_NAMES, kind.key
            assert kind.template.endswith("." + kind.format), kind.key
            assert kind.key in FIELDS, kind.key
            assert kind.key in made, kind.key
        else:
            assert kind.format == "xlsx", kind.key  # made by code: the tables
    assert set(FIELDS) == {kind.key for kind in catalogue.TEMPLATED}
    assert [kind.register for kind in catalogue.ORDERS] == list(schema.ORDER_KINDS)
    assert all(kind.title == f"Приказ «{kind.register}»" for kind in catalogue.ORDERS)
    assert not any(kind.register for kind in catalogue.KINDS if kind not in catalogue.ORDERS)
    assert set(TEMPLATE_NAMES) == {kind.template for kind in catalogue.TEMPLATED}


LAYERS = (
    ("schema", "grammar", "files", "crash"),
    ("workbook", "models", "problems", "references", "rules", "validate"),
    ("fields", "catalogue", "period", "people", "in_force", "context", "orders", "year", "reports", "documents", "charts", "sample"),
    ("tables", "font_metrics", "columns", "render", "page", "template_tags", "template_check", "site_template", "default_templates", "field_guide",
     "markup", "scaffold"),
    ("manifest", "build", "district", "printing", "watch", "session"),
    ("terminal", "cli", "__main__"),
)
"""The README's table «Как устроен код»: each module imports only from its own layer or those before it."""


def test_imports_run_one_way_through_the_layers():
    import ast
    from pathlib import Path

    layer = {module: index for index, modules in enumerate(LAYERS) for module in modules}
    package = Path(__file__).resolve().parent.parent / "automation"
    found = {path.stem for path in package.glob("*.py")} - {"__init__"}
    assert found == set(layer), "a module missing from the layers (and from the README's table)"
    upward = []
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("automation"):
                names = [a.name for a in node.names] if node.module == "automation" else [node.module.split(".")[1]]
                upward += [f"{path.stem} → {name}" for name in names
                           if name in layer and layer[name] > layer.get(path.stem, -1)]
    assert upward == []


def test_no_module_is_a_house_of_its_own():
    """Rooms stay small enough to read: no module over 500 lines, the command line at most 300."""
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "automation"
    lengths = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in package.glob("*.py")}
    assert {name: n for name, n in lengths.items() if n > 500} == {}
    assert lengths["cli.py"] <= 300
