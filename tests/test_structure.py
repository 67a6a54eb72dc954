"""The house's rules: models match the schema, the reading side loads no Word or XML machinery."""

import ast
import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from automation.book import schema
from automation.book.models import SheetModel, _config


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


def test_reading_checking_and_remembering_load_no_word_or_xml_machinery():
    """Each module of the book and the manifest imported in turn into one fresh interpreter: what none of them loads
    together, none loads alone (one interpreter, not one per module: 0.4 s instead of 5 s)."""
    modules = [*(f"automation.book.{path.stem}" for path in sorted(
        (Path(__file__).resolve().parent.parent / "automation" / "book").glob("[a-z]*.py"))), "automation.run.manifest"]
    heavy = ("docxtpl", "docx", "lxml", "openpyxl", "jinja2", "PIL")
    code = (f"import importlib, sys\nfor module in {modules!r}:\n    importlib.import_module(module)\n"
            f"    print(module, sorted(m for m in {heavy!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.splitlines() == [f"{module} []" for module in modules]


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
    """A kind declared in the catalogue has all its pieces: a function that makes its documents, a default template
    (when made from one) in the same format, its fields for the template check and the guide, data of the sample
    school that reach it; an order, its kind in the register and a row of that kind in the sample's register."""
    from automation.book import sample
    from automation.documents import catalogue, gather  # noqa: F401 — gather imports every maker
    from automation.documents.catalogue import FIELDS
    from automation.office.default_templates import TEMPLATE_NAMES, TEMPLATES, TEXT_TEMPLATES
    from automation.office.field_guide import sample_contexts

    made = set(sample_contexts()) | {catalogue.DISTRICT_SUMMARY.key}  # the district's: tests/test_district.py
    missing = []
    for kind in (*catalogue.KINDS, catalogue.DISTRICT_SUMMARY, catalogue.DISTRICT_TABLE):
        assert kind.folder is not None and "{" not in kind.title, kind.key
        in_school = kind in catalogue.KINDS and kind not in catalogue.MADE_BY_THE_BUILD
        if in_school and catalogue.maker(kind) is None:
            missing.append(f"{kind.key}: no @catalogue.makes")
        if kind.template:
            if kind.template not in {*TEMPLATES, *TEXT_TEMPLATES}:
                missing.append(f"{kind.key}: no @default_template")
            assert kind.template.endswith("." + kind.format), kind.key
            if kind.key not in FIELDS:
                missing.append(f"{kind.key}: no fields")
            if kind.key not in made:
                missing.append(f"{kind.key}: the sample makes none")
        else:
            assert kind.format == "xlsx", kind.key  # made by code: the tables
    registered = {row["Вид"] for row in sample.rows()[schema.ORDERS.title]}
    for kind in catalogue.ORDERS:
        assert kind.title == f"Приказ «{kind.register}»", kind.key
        if kind.register not in registered:
            missing.append(f"{kind.key}: no row of the sample's register")
    assert missing == []
    assert set(FIELDS) == {kind.key for kind in catalogue.TEMPLATED}
    assert [kind.order for kind in catalogue.ORDERS] == list(schema.REGISTER_KINDS)
    assert not any(kind.order for kind in catalogue.KINDS if kind not in catalogue.ORDERS)
    assert set(TEMPLATE_NAMES) == {*TEMPLATES, *TEXT_TEMPLATES}


def test_every_order_that_cites_a_column_is_a_column_of_the_book():
    for kind in schema.REGISTER_KINDS:
        for sheet_key, column_key in kind.cited_in:
            sheet = next(s for s in schema.SHEETS if s.key == sheet_key)
            assert "Приказ" in sheet.header(column_key), (kind.text, column_key)


PACKAGE = Path(__file__).resolve().parent.parent / "automation"
LAYERS = ("book", "documents", "office", "run")
"""The packages from the bottom up: a module imports from its own package, the packages below it and the basics."""
BASICS = {"grammar", "files", "crash", "memo"}
"""Shared by every layer; they import nothing of the package's."""
COMMANDS = {"terminal", "cli", "__main__", "__init__"}
"""The command line, on top of everything."""


def _imports() -> dict[str, set[str]]:
    """Each module (dotted, under automation) → the package modules it imports, at its top or inside a function (not
    those imported for annotations only, under `if TYPE_CHECKING`)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        targets = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for block in [n for n in ast.walk(tree) if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING"]:
            block.body = []  # names for annotations only: no import at run time
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("automation"):
                base = node.module.removeprefix("automation").lstrip(".")
                for alias in node.names:
                    dotted = f"{base}.{alias.name}" if base else alias.name
                    targets.add(dotted if (PACKAGE / (dotted.replace(".", "/") + ".py")).exists() else base)
        found[name] = targets - {""}
    return found


def test_the_folders_are_the_layers():
    """`ls automation` shows the layers: every module is in a layer's package, a basic or the command line."""
    loose = {path.stem for path in PACKAGE.glob("*.py")}
    assert loose == BASICS | COMMANDS
    assert {path.name for path in PACKAGE.iterdir() if path.is_dir() and (path / "__init__.py").exists()} == set(LAYERS)


def test_imports_run_one_way_through_the_layers():
    rank = {layer: index for index, layer in enumerate(LAYERS)}
    upward = []
    for module, targets in _imports().items():
        if module in COMMANDS:
            continue
        mine = rank.get(module.split(".")[0], -1)  # a basic stands below every layer
        for target in targets:
            theirs = rank.get(target.split(".")[0], -1 if target in BASICS else len(LAYERS))
            if theirs > mine:
                upward.append(f"{module} → {target}")
    assert sorted(upward) == []


def test_no_module_imports_itself_back_through_others():
    """No cycles, within a layer too (a lazy import inside a function counts)."""
    graph = _imports()
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        for target in sorted(graph.get(module, ())):
            if target == path[0]:
                cycles.append(" → ".join([*path, target]))
            elif target not in path and target > path[0]:  # each cycle once, from its smallest module
                visit(target, [*path, target])

    for start in sorted(graph):
        visit(start, [start])
    assert cycles == []


def test_the_wheel_ships_every_package():
    import tomllib

    declared = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    packages = declared["tool"]["setuptools"]["packages"]
    assert sorted(packages) == sorted(["automation", *(f"automation.{layer}" for layer in LAYERS)])


def test_no_module_is_a_house_of_its_own():
    """Rooms stay small enough to read: no module over 500 lines, the command line at most 300."""
    lengths = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in PACKAGE.rglob("*.py")}
    assert {name: n for name, n in lengths.items() if n > 500} == {}
    assert lengths["cli.py"] <= 300


def test_code_names_closed_list_values_never_spells_or_indexes_them():
    """A value of a closed list the code branches on is named in `schema` or `choices` (FORM_GROUP,
    REPLACE_ON_DISCIPLINE …): outside them (and the sample's data) no string literal equals such a value, and no closed list is indexed by
    position. Dictionary keys, subscripts and pieces of f-strings are templates' field names and wording, not values."""
    values = {value for columns in (schema.SETTINGS, *(s.columns for s in schema.SHEETS)) for c in columns
              for value in c.choices}
    lists = ("GROUNDS", "MEASURES", "FORMS", "STATUSES", "LEVELS", "KINDS", "FATES", "SEXES", "YES_NO", "CATEGORIES")
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.name in ("schema.py", "choices.py", "sample.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names_only = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Dict):
                names_only.update(id(k) for k in node.keys if k is not None)
            elif isinstance(node, ast.Subscript):
                names_only.add(id(node.slice))
            elif isinstance(node, ast.JoinedStr):
                names_only.update(id(v) for v in node.values)
        for node in ast.walk(tree):
            where = f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 0)}"
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in values
                    and id(node) not in names_only):
                found.append(f"{where} «{node.value}»")
            if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute)
                    and node.value.attr.endswith(lists)):
                found.append(f"{where} {ast.unparse(node)}")
    assert found == []
