"""docxtpl with StrictUndefined and autoescape; atomic writes into the output folder."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import posixpath
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import jinja2
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from lxml import etree

from automation.catalogue import DocumentKind
from automation.charts import Chart

_UNDEFINED = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


class TemplateProblem(Exception):
    """A template is missing, damaged or names an unknown field; the message is for the curator."""


class DocumentLocked(Exception):
    """The target file is open in another program (Word) and cannot be replaced now."""


_PARAGRAPH = re.compile(r"<w:p([ >])")
_PARAGRAPH_BACK = re.compile(r"\n<w:p([ >])")
_PREPARED: dict[str, "PreparedTemplate"] = {}
_FULL_PATH_PARTS = ("docProps/core.xml", "word/footnotes.xml")
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_HEADER_TYPES = ("/header", "/footer")


def _headers_and_footers(parts: dict[str, bytes]) -> list[str]:
    """The zip names of the main document's header and footer parts, from its relationships."""
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    return [posixpath.normpath(posixpath.join("word", rel.get("Target"))) for rel in rels
            if rel.get("Type", "").endswith(_HEADER_TYPES) and rel.get("TargetMode") != "External"]


def _env() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


class PreparedTemplate:
    """A Word template read, patched and compiled once; each document is then rendered as XML text and written as a
    new zip of the template's parts, without re-parsing the template (docxtpl's own patching, table fixes and
    listing rules are kept; only documents with pictures take docxtpl's full path)."""

    def __init__(self, source: bytes, env: jinja2.Environment) -> None:
        # docxtpl's text-level methods (patching, listings, table fixes) need no parsed package: none is loaded.
        self.docx = DocxTemplate(io.BytesIO(source))
        with zipfile.ZipFile(io.BytesIO(source)) as archive:
            self.entries = [(info, archive.read(info.filename)) for info in archive.infolist()]
        parts = {info.filename: data for info, data in self.entries}
        # Fields in the document's properties or footnotes are rendered by docxtpl's full path only.
        self.simple = not any(b"{{" in parts.get(name, b"") or b"{%" in parts.get(name, b"")
                              for name in _FULL_PATH_PARTS)
        main = parts["word/document.xml"].decode("utf-8")
        start, end = main.index("<w:body"), main.rindex("</w:body>") + len("</w:body>")
        self.prefix, self.suffix = main[:start], main[end:]
        body = etree.fromstring(parts["word/document.xml"]).find(qn("w:body"))
        self.body = self._compile(env, etree.tostring(body, encoding="unicode"))
        self.parts = [(name, self._compile(env, etree.tostring(etree.fromstring(parts[name]), encoding="unicode")))
                      for name in _headers_and_footers(parts)]

    def _compile(self, env: jinja2.Environment, xml: str) -> jinja2.Template:
        return env.from_string(_PARAGRAPH.sub(r"\n<w:p\1", self.docx.patch_xml(xml)))

    def _finish(self, xml: str) -> str:
        """What docxtpl does to a part after Jinja: paragraphs back on their lines, escaped braces, listings."""
        xml = _PARAGRAPH_BACK.sub(r"<w:p\1", xml)
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        return self.docx.resolve_listing(xml)

    def render(self, context: dict[str, Any]) -> bytes:
        tree = self.docx.fix_tables(self._finish(self.body.render(context)))
        self.docx.docx_ids_index = 1000
        self.docx.fix_docpr_ids(tree)
        body = etree.tostring(tree, encoding="unicode")
        replaced = {"word/document.xml": (self.prefix + body + self.suffix).encode("utf-8")}
        for name, compiled in self.parts:
            replaced[name] = (_DECLARATION + self._finish(compiled.render(context))).encode("utf-8")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for info, data in self.entries:
                archive.writestr(info, replaced.get(info.filename, data))
        return out.getvalue()


class Renderer:
    """Renders documents from the templates of one folder; each template file is read once per build."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = _env()
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
        with self._problems(template):
            digest = hashlib.sha256(source).hexdigest()
            if digest not in _PREPARED:
                _PREPARED[digest] = PreparedTemplate(source, _env())
            prepared = _PREPARED[digest]
            if prepared.simple and not any(isinstance(value, Chart) for value in context.values()):
                return prepared.render(context)
            return self._render_fully(source, context)

    def _render_fully(self, source: bytes, context: dict[str, Any]) -> bytes:
        """docxtpl's own path: for pictures (charts) and fields in properties or footnotes."""
        document = DocxTemplate(io.BytesIO(source))
        context = {name: InlineImage(document, io.BytesIO(value.png()), width=Mm(value.width_mm))
                   if isinstance(value, Chart) else value for name, value in context.items()}
        document.render(context, jinja_env=self.env, autoescape=True)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    @contextlib.contextmanager
    def _problems(self, template: str):
        """Jinja's and the zip's errors as one Russian sentence naming the template."""
        try:
            yield
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
        except (zipfile.BadZipFile, KeyError, ValueError) as err:
            raise TemplateProblem(
                f"шаблон «{template}» повреждён или это не документ Word .docx. Сохраните его в Word как .docx."
            ) from err


def table_workbook(context: dict[str, Any]) -> bytes:
    """A one-sheet workbook: a title row, a header row, then the rows; frozen header, readable widths."""
    import openpyxl  # loaded only when a table is actually written: most rebuilds write none
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

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
