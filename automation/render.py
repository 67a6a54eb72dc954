"""docxtpl with StrictUndefined and autoescape; atomic writes into the output folder."""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import jinja2
import openpyxl
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from automation.catalogue import DocumentKind
from automation.charts import Chart

_UNDEFINED = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


class TemplateProblem(Exception):
    """A template is missing, damaged or names an unknown field; the message is for the curator."""


class DocumentLocked(Exception):
    """The target file is open in another program (Word) and cannot be replaced now."""


class Renderer:
    """Renders documents from the templates of one folder; each template file is read once per build."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
        self._sources: dict[str, bytes] = {}
        self._digests: dict[str, str] = {}

    def digest(self, kind: DocumentKind) -> str:
        """A hash of the kind's template bytes (read once per build); a kind with no template is made by code."""
        if not kind.template:
            return kind.key
        if kind.template not in self._digests:
            self._digests[kind.template] = hashlib.sha256(self.source(kind.template)).hexdigest()
        return self._digests[kind.template]

    def produce(self, kind: DocumentKind, context: dict[str, Any]) -> bytes:
        if kind.format == "xlsx":
            return table_workbook(context)
        if kind.format == "html":
            return self.render_text(kind.template, context)
        return self.render(kind.template, context)

    def render_text(self, template: str, context: dict[str, Any]) -> bytes:
        """A text template (the site page) with the same autoescaping and strict fields as the Word ones."""
        try:
            text = self.source(template).decode("utf-8")
            return self.env.from_string(text).render(context).encode("utf-8")
        except UnicodeDecodeError as err:
            raise TemplateProblem(f"шаблон «{template}» не в кодировке UTF-8. Сохраните его как UTF-8.") from err
        except jinja2.TemplateSyntaxError as err:
            raise TemplateProblem(f"в шаблоне «{template}» ошибка в записи поля или команды: {err.message}.") from err
        except jinja2.UndefinedError as err:
            raise TemplateProblem(f"в шаблоне «{template}» неизвестное поле: {err}.") from err

    def source(self, name: str) -> bytes:
        if name not in self._sources:
            path = self.folder / name
            try:
                self._sources[name] = path.read_bytes()
            except FileNotFoundError as err:
                raise TemplateProblem(
                    f"нет шаблона «{name}» в папке «{self.folder}». Верните его из резервной копии "
                    "или создайте шаблоны заново командой «nastavnik init»."
                ) from err
        return self._sources[name]

    def render(self, template: str, context: dict[str, Any]) -> bytes:
        return self.render_source(template, self.source(template), context)

    def render_source(self, template: str, source: bytes, context: dict[str, Any]) -> bytes:
        """Render a Word template given as bytes (`template` names it in messages)."""
        try:
            document = DocxTemplate(io.BytesIO(source))
            context = {name: InlineImage(document, io.BytesIO(value.png()), width=Mm(value.width_mm))
                       if isinstance(value, Chart) else value for name, value in context.items()}
            document.render(context, jinja_env=self.env, autoescape=True)
        except jinja2.TemplateSyntaxError as err:
            raise TemplateProblem(
                f"в шаблоне «{template}» ошибка в записи поля или команды: {err.message}. "
                "Проверьте фигурные скобки {{ … }} и {% … %}."
            ) from err
        except jinja2.UndefinedError as err:
            match = _UNDEFINED.search(str(err))
            field = next((g for g in match.groups() if g), str(err)) if match else str(err)
            raise TemplateProblem(
                f"в шаблоне «{template}» неизвестное поле «{field}». Исправьте название поля "
                "(список полей — в шаблонах по умолчанию, «nastavnik init»)."
            ) from err
        except (zipfile.BadZipFile, KeyError) as err:
            raise TemplateProblem(
                f"шаблон «{template}» повреждён или это не документ Word .docx. Сохраните его в Word как .docx."
            ) from err
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


def table_workbook(context: dict[str, Any]) -> bytes:
    """A one-sheet workbook: a title row, a header row, then the rows; frozen header, readable widths."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Таблица"
    sheet.append([context["заголовок"]])
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append(context["столбцы"])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in context["строки"]:
        sheet.append(list(row))
    for index, header in enumerate(context["столбцы"], start=1):
        longest = max([len(str(header))] + [len(str(r[index - 1])) for r in context["строки"]])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(10, longest + 2), 60)
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename it into place: never a half-written document."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".~", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except PermissionError as err:
        raise DocumentLocked(str(path)) from err
    finally:
        if os.path.exists(temp):
            os.remove(temp)
