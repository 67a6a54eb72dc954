"""«Поля шаблонов.docx»: every field each document kind offers, its meaning and an example from the sample school."""

from __future__ import annotations

import copy
import datetime as dt
import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt

from automation.book import sample, schema
from automation.book.problems import WARNING, Problem
from automation.book.sample import book_from_rows
from automation.book.validate import validate
from automation.documents import catalogue, reports
from automation.documents.catalogue import FIELDS, GUIDE_NAME
from automation.documents.charts import Chart
from automation.documents.document import School
from automation.documents.fields import Field
from automation.documents.gather import all_documents
from automation.files import write_atomic

SAMPLE_DAY = dt.date(2026, 11, 27)
SAMPLE_PROBLEM = Problem(WARNING, "Пары", 9, "Доп. соглашение (№, дата)",
                         "нет дополнительного соглашения к трудовому договору (ст. 351.8 ТК РФ): укажите его № и дату.")
_EXAMPLE_LENGTH = 90
_KINDS = [kind for kind in catalogue.TEMPLATED if kind.key in FIELDS]


@lru_cache(maxsize=1)
def sample_contexts() -> dict[str, list[dict[str, Any]]]:
    """The data of every document made from the sample school, by document kind."""
    result = validate(book_from_rows(Path("Наставничество.xlsx"), sample.rows(), sample.SETTINGS))
    documents = all_documents(result.data, SAMPLE_DAY)
    common = School(result.data.organization).context()
    documents.append(reports.check_report([SAMPLE_PROBLEM], common, "Наставничество.xlsx", SAMPLE_DAY, reports.reminders(result.data, SAMPLE_DAY)))
    found: dict[str, list[dict[str, Any]]] = {}
    for document in documents:
        found.setdefault(document.kind.key, []).append(document.context)
    return found


def example(contexts: list[Any], path: list[str]) -> str:
    """The first value the sample gives a field (a list's items looked through in turn), as text."""
    values = contexts
    for name in path:
        values = [item for value in values for item in _items(value.get(name) if isinstance(value, dict) else None)]
    for value in values:
        if value in (None, "", [], {}):
            continue
        if isinstance(value, Chart):
            return "диаграмма (рисунок)"
        if isinstance(value, bool):
            return schema.YES if value else schema.NO
        if isinstance(value, (dict, list)):
            return ""
        text = " ".join(str(value).split())
        return text if len(text) <= _EXAMPLE_LENGTH else text[:_EXAMPLE_LENGTH - 1] + "…"
    return "—"


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def rows(fields: dict[str, Field], contexts: list[dict[str, Any]]) -> list[tuple[int, str, str, str]]:
    """(depth, how to write it, meaning, example) for every field, loops spelled out for lists."""
    found: list[tuple[int, str, str, str]] = []

    def walk(items: dict[str, Field], written: str, path: list[str], depth: int, taken: set[str]) -> None:
        for name, item in items.items():
            here = f"{written}.{name}" if written else name
            if item.many:
                var = _loop_variable(name, taken)
                found.append((depth, f"{{% for {var} in {here} %}} … {{% endfor %}}", item.meaning,
                              example(contexts, path + [name]) if not item.fields else ""))
                walk(item.fields, var, path + [name], depth + 1, taken | {var})
            elif item.fields:
                found.append((depth, here, item.meaning, ""))
                walk(item.fields, here, path + [name], depth + 1, taken)
            else:
                found.append((depth, f"{{{{ {here} }}}}", item.meaning, example(contexts, path + [name])))

    walk(fields, "", [], 0, set())
    return found


def _loop_variable(name: str, taken: set[str]) -> str:
    var, number = name[0], 2
    while var in taken:
        var, number = f"{name[0]}{number}", number + 1
    return var


WIDTHS = (Mm(95), Mm(80), Mm(92))


def _copied_row(pattern: Any, texts: tuple[str, str, str], indent: int) -> Any:
    """A copy of a row python-docx made, with other texts and indent: the same XML `add_row` and `cell.text` give
    (one run of plain text per cell), ten times faster — the guide has a thousand rows."""
    row = copy.deepcopy(pattern)
    for text, node in zip(texts, row.iter(qn("w:t"))):
        node.text = text
        if text != text.strip():
            node.set(qn("xml:space"), "preserve")
        else:
            node.attrib.pop(qn("xml:space"), None)
    row.find(f"{qn('w:tc')}/{qn('w:p')}/{qn('w:pPr')}/{qn('w:ind')}").set(qn("w:left"), str(Emu(indent).twips))
    return row


def guide() -> bytes:
    contexts = sample_contexts()
    document = WordDocument()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin, section.top_margin, section.bottom_margin = Mm(20), Mm(10), Mm(15), \
        Mm(15)
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(11)
    document.add_heading("Поля шаблонов документов", level=0)
    document.add_paragraph(
        "Поле вставляется в шаблон Word в двойных фигурных скобках: {{ орг.краткое }}. Списки перебираются "
        "командой {% for … %} … {% endfor %}; в шаблонах по умолчанию она стоит в отдельном абзаце как "
        "{%p for … %} или в строке таблицы как {%tr for … %}. Падежи: .им .рп .дп .вп .тп. Примеры взяты из "
        "образца книги (МКОУ Теньковская СШ). Проверить шаблоны: nastavnik templates.")
    for kind in _KINDS:
        document.add_heading(kind.title, level=1)
        document.add_paragraph(f"Шаблон: «{kind.template}»")
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, title in zip(table.rows[0].cells, ("Поле", "Что означает", "Пример из образца")):
            cell.paragraphs[0].add_run(title).bold = True
        for cell, width in zip(table.rows[0].cells, WIDTHS):
            cell.width = width
        pattern = None
        for depth, written, meaning, value in rows(FIELDS[kind.key], contexts.get(kind.key, [])):
            texts = (written, meaning, value)
            if pattern is None or any(c in text for text in texts for c in "\n\t\r") or "" in texts:
                cells = table.add_row().cells
                for cell, text, width in zip(cells, texts, WIDTHS):
                    cell.text, cell.width = text, width
                cells[0].paragraphs[0].paragraph_format.left_indent = Mm(4 * depth)
                pattern = pattern if pattern is not None or "" in texts else cells[0]._tc.getparent()
            else:
                table._tbl.append(_copied_row(pattern, texts, Mm(4 * depth)))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_guide(output: Path) -> Path:
    path = output / GUIDE_NAME
    write_atomic(path, guide())
    return path
