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
