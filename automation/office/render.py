"""docxtpl with StrictUndefined and autoescape: templates prepared once, documents made as bytes."""

from __future__ import annotations

import contextlib
import hashlib
import io
import posixpath
import re
import struct
import zipfile
from collections.abc import Callable
from html import escape as html_escape
from pathlib import Path
from typing import Any

import jinja2
from docx.oxml.ns import qn
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage, Listing, RichText, RichTextParagraph
from lxml import etree
from markupsafe import Markup

from automation.documents.catalogue import DocumentKind
from automation.documents.charts import Chart
from automation.office import columns, pagination, prepared_cache, tables, zipped

_UNDEFINED = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


class TemplateProblem(Exception):
    """A template is missing, damaged or names an unknown field; the message is for the curator."""


_PARAGRAPH = re.compile(r"<w:p([ >])")
_PREPARED: dict[str, "PreparedTemplate"] = {}
PREPARED_LIMIT = 64
"""Prepared templates kept in memory (the oldest goes first): every kind's template and a few older versions; as
many compiled text templates (_TEXTS)."""
VERSION = 4
"""What rendering adds to every document by itself (the columns' widths, no-break spaces, hyphenation and the Russian
language, where its tables may break across pages): raised when that changes,
so that an updated program makes again every document that is not a signed order."""

_LISTING_CHARS = re.compile("[\t\n\a\f]")
_PARAGRAPH_XML = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # docxtpl's resolve_listing finds them so
_FULL_PATH_PARTS = ("docProps/core.xml", "word/footnotes.xml")
# Russian typesetting: what must not end or begin a line is tied to its neighbour by a no-break space — «№» to its
# number, a dash to the word before it, «г.» and «гг.» to the year. Applied to a rendered part's XML: these
# characters stand in text only. Initials are left free of their surname: tied to «Петрова-Водкина», LibreOffice
# no longer breaks after the hyphen and splits «М.П.» itself in a narrow column (looked at).
# Each is a plain space become a no-break one: one pass, a constant replacement (no Python call per match).
_NO_BREAK = re.compile(r" (?:(?<=№ )(?=\w)|(?=— )|(?<=\d )(?=гг?\.|%))")
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_HEADER_TYPES = ("/header", "/footer")
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_PICTURE_NAME = "nastavnik_picture"
_PICTURE_RID = "rIdNastavnikPicture"
_EMU_PER_MM = 36000
# An inline picture, as docxtpl's InlineImage writes it: the run is closed, the drawing placed, a run reopened.
_DRAWING = (
    '</w:t></w:r><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
    '<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{index}" name="Рисунок {index}"/><wp:cNvGraphicFramePr>'
    '<a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/>'
    '</wp:cNvGraphicFramePr><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
    '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr>'
    '<pic:cNvPr id="{index}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
    '<a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="{rid}"/>'
    '<a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
    '<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
    '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r><w:t xml:space="preserve">'
)


class _DocxtplPath(Exception):
    """The document goes docxtpl's own way: a docxtpl object in its context (a RichText link, an InlineImage), or a
    picture in a header or footer, whose relationships only docxtpl's package puts in the right part."""


_DOCXTPL_OBJECTS = (RichText, RichTextParagraph, InlineImage, Listing)


def _prepared(value: Any, pictures: list[tuple[str, bytes]]) -> Any:
    """The context as the fast path renders it: every chart, in a list or record too, a drawing; a docxtpl object
    anywhere sends the document to docxtpl's own path. Containers without a chart are given back as they are."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Chart):
        return _drawing(value, pictures)
    if isinstance(value, dict):
        prepared = {name: _prepared(item, pictures) for name, item in value.items()}
        return value if all(prepared[name] is item for name, item in value.items()) else prepared
    if isinstance(value, (list, tuple)):
        items = [_prepared(item, pictures) for item in value]
        return value if all(new is old for new, old in zip(items, value, strict=True)) else items
    if isinstance(value, _DOCXTPL_OBJECTS):
        raise _DocxtplPath
    return value


def plain_values(objects: list[Any]) -> bool:
    """Whether a context whose values other than plain JSON data are `objects` (met writing it as JSON) renders as
    it is: no chart to draw, no docxtpl object."""
    return not any(isinstance(value, (Chart, *_DOCXTPL_OBJECTS)) for value in objects)


def _inline_images(value: Any, document: DocxTemplate) -> Any:
    """For docxtpl's own path: every chart, at any depth, an InlineImage of the document being rendered."""
    if isinstance(value, Chart):
        return InlineImage(document, io.BytesIO(value.png()), width=Mm(value.width_mm))
    if isinstance(value, dict):
        return {name: _inline_images(item, document) for name, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_inline_images(item, document) for item in value]
    return value


def _drawing(chart: Chart, pictures: list[tuple[str, bytes]]) -> Markup:
    """The chart drawn, kept for the zip, and the XML that places it where its field stood."""
    png = chart.png()
    width, height = struct.unpack(">II", png[16:24])  # the PNG header's IHDR chunk
    index = len(pictures) + 1
    rid = f"{_PICTURE_RID}{index}"
    pictures.append((rid, png))
    cx = chart.width_mm * _EMU_PER_MM
    return Markup(_DRAWING.format(cx=cx, cy=round(cx * height / width), index=index, rid=rid,
                                  name=f"{_PICTURE_NAME}{index}.png"))


def _headers_and_footers(parts: dict[str, bytes]) -> list[str]:
    """The zip names of the main document's header and footer parts, from its relationships."""
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    return [posixpath.normpath(posixpath.join("word", rel.get("Target"))) for rel in rels
            if rel.get("Type", "").endswith(_HEADER_TYPES) and rel.get("TargetMode") != "External"]


_TEXTS: dict[str, jinja2.Template] = {}  # text templates compiled once per process, not per build (5 % of a rebuild)


def _kept(cache: dict[str, Any], key: str, make: Callable[[], Any]) -> Any:
    """`cache[key]`, made on first use; the oldest entry goes when PREPARED_LIMIT are kept (a watcher that runs for
    months sees many template edits)."""
    if key not in cache:
        while len(cache) >= PREPARED_LIMIT:
            cache.pop(next(iter(cache)))
        cache[key] = make()
    return cache[key]


def _env() -> jinja2.Environment:
    return jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


def no_break(text: str) -> str:
    """The text with «№», a dash, «г.» and «%» tied to their neighbours (see _NO_BREAK)."""
    return _NO_BREAK.sub("\u00a0", text)


_AFTER_SUPPRESS_HYPHENS = {qn(f"w:{name}") for name in (
    "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")}
"""What follows w:suppressAutoHyphens in a paragraph's properties (Word reads them in the schema's order only)."""


_HYPHENATION = "<w:autoHyphenation/><w:doNotHyphenateCaps/>"
_TAB_STOP = re.compile(r"<w:defaultTabStop\b[^>]*/>")
_ENGLISH_LANG = re.compile(r'(<w:lang\b[^>]*?w:val=")en-US(")')


def _russian_and_hyphenated(parts: dict[str, bytes]) -> dict[str, bytes]:
    """The settings and styles every document is made with, whatever the template (one made before December 2026
    or by a school): hyphenation on (not for words in capitals), and Russian as the text's language where the
    template left Word's English default. The parts that change, by name."""
    changed = {}
    settings = parts.get("word/settings.xml", b"").decode("utf-8")
    if settings and "autoHyphenation" not in settings and _TAB_STOP.search(settings):
        changed["word/settings.xml"] = _TAB_STOP.sub(lambda m: m.group(0) + _HYPHENATION, settings, 1).encode("utf-8")
    styles = parts.get("word/styles.xml", b"").decode("utf-8")
    # Only the default's language, found in its own element (a search over the whole part took 3 ms a template,
    # and could reach past it into a style a school set in English on purpose).
    start = styles.find("<w:rPrDefault>")
    end = styles.find("</w:rPrDefault>", start)
    if 0 <= start < end:
        default = _ENGLISH_LANG.sub(r"\1ru-RU\2", styles[start:end], 1)
        if default != styles[start:end]:
            changed["word/styles.xml"] = (styles[:start] + default + styles[end:]).encode("utf-8")
    return changed


def _unhyphenated_cells(body: etree._Element) -> None:
    """Every paragraph of a table's cell is never hyphenated, whatever the template (one a school edited too): the
    column fit gives each column its longest word, and a hyphen there would break a word the fit kept whole."""
    for paragraph in body.iterfind(f".//{qn('w:tc')}//{qn('w:p')}"):
        properties = paragraph.find(qn("w:pPr"))
        if properties is None:
            properties = etree.Element(qn("w:pPr"))
            paragraph.insert(0, properties)
        if properties.find(qn("w:suppressAutoHyphens")) is not None:
            continue
        mark = etree.Element(qn("w:suppressAutoHyphens"))
        after = next((child for child in properties if child.tag in _AFTER_SUPPRESS_HYPHENS), None)
        if after is None:
            properties.append(mark)
        else:
            after.addprevious(mark)


class PreparedTemplate:
    """A Word template read, patched and compiled once; each document is then rendered as XML text and written as a
    new zip of the template's parts, without re-parsing the template (docxtpl's own patching, table fixes and
    listing rules are kept; only documents with pictures take docxtpl's full path)."""

    def __init__(self, source: bytes, env: jinja2.Environment, digest: str | None = None) -> None:
        # docxtpl's text-level methods (patching, listings, table fixes) need no parsed package: none is loaded.
        self.docx = DocxTemplate(io.BytesIO(source))
        with zipfile.ZipFile(io.BytesIO(source)) as archive:
            self.entries = [(info, archive.read(info.filename)) for info in archive.infolist()]
            # The parts a document never changes keep their compressed bytes: copied, not deflated again.
            self.packed = {info.filename: zipped.packed(source, info) for info in archive.infolist()}
        parts = {info.filename: data for info, data in self.entries}
        for name, data in _russian_and_hyphenated(parts).items():
            self.packed[name] = zipped.pack(name, data)
        # Fields in the document's properties or footnotes are rendered by docxtpl's full path only.
        self.simple = not any(b"{{" in parts.get(name, b"") or b"{%" in parts.get(name, b"")
                              for name in _FULL_PATH_PARTS)
        digest = digest or hashlib.sha256(source).hexdigest()
        prepared = prepared_cache.load(digest, VERSION)
        if prepared is None:
            prepared = self._prepare(env, parts)
            prepared_cache.save(digest, VERSION, prepared)
        self.prefix, self.suffix = prepared["prefix"], prepared["suffix"]
        globals_ = env.make_globals(None)
        self.body = env.template_class.from_code(env, prepared["body"], globals_, None)
        self.parts = [(name, env.template_class.from_code(env, code, globals_, None))
                      for name, code in prepared["parts"]]

    def _prepare(self, env: jinja2.Environment, parts: dict[str, bytes]) -> dict[str, Any]:
        """What the template's XML becomes before any document (kept in prepared_cache): the main part's text
        around its body, and the body, headers and footers patched and compiled by Jinja into Python code."""
        main = parts["word/document.xml"].decode("utf-8")
        start, end = main.index("<w:body"), main.rindex("</w:body>") + len("</w:body>")
        body = etree.fromstring(parts["word/document.xml"]).find(qn("w:body"))
        _unhyphenated_cells(body)
        pagination.prepare(body)
        return {"prefix": main[:start], "suffix": main[end:],
                "body": self._compile(env, etree.tostring(body, encoding="unicode")),
                "parts": [(name, self._compile(env, etree.tostring(etree.fromstring(parts[name]), encoding="unicode")))
                          for name in _headers_and_footers(parts)]}

    def _compile(self, env: jinja2.Environment, xml: str) -> Any:
        return env.compile(_PARAGRAPH.sub(r"\n<w:p\1", self.docx.patch_xml(xml)))

    def _finish(self, xml: str) -> str:
        """What docxtpl does to a part after Jinja (paragraphs back on their lines, escaped braces, listings), and
        the no-break spaces."""
        xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")  # what _compile put before each
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        xml = no_break(xml)
        # Listings turn tabs, line and page breaks inside values into Word's own tags: docxtpl's resolve_listing,
        # given only the paragraphs that hold one (it walks every run of every paragraph in Python: 10 s in a
        # document of 30,000 plan rows when one value had a line break).
        if not _LISTING_CHARS.search(xml):
            return xml
        if "txbxContent" in xml:  # a text box's paragraphs stand inside another's: found as docxtpl finds them
            return _PARAGRAPH_XML.sub(lambda m: self.docx.resolve_listing(m.group(0))
                                      if _LISTING_CHARS.search(m.group(0)) else m.group(0), xml)
        return _resolved_listings(xml, self.docx.resolve_listing)

    def render(self, context: dict[str, Any], plain: bool = False) -> bytes:
        """The document by the fast path; _DocxtplPath where it must go docxtpl's own way. `plain`: the caller
        knows the context holds no chart and no docxtpl object (see plain_values), so it is not walked for them."""
        pictures: list[tuple[str, bytes]] = []
        if not plain:
            context = _prepared(context, pictures)
        tree = _fix_tables(self.docx, self._finish(self.body.render(context)))
        pagination.keep(tree, columns.fit(tree))
        self.docx.docx_ids_index = 1000
        self.docx.fix_docpr_ids(tree)
        body = etree.tostring(tree, encoding="unicode")
        replaced = {"word/document.xml": (self.prefix + body + self.suffix).encode("utf-8")}
        for name, compiled in self.parts:
            part = self._finish(compiled.render(context))
            if _PICTURE_RID in part:
                raise _DocxtplPath  # a chart in a header or footer: its relationship belongs to that part
            replaced[name] = (_DECLARATION + part).encode("utf-8")
        if pictures:
            self._add_pictures(pictures, replaced)
        members = [zipped.pack(info.filename, replaced[info.filename]) if info.filename in replaced
                   else self.packed[info.filename] for info, _ in self.entries]
        members += [zipped.pack(f"word/media/{_PICTURE_NAME}{index}.png", png)
                    for index, (_, png) in enumerate(pictures, start=1)]
        return zipped.archive(members)

    def _add_pictures(self, pictures: list[tuple[str, bytes]], replaced: dict[str, bytes]) -> None:
        """Each picture's relationship, and the PNG content type, as Word expects them."""
        parts = {info.filename: data for info, data in self.entries}
        rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
        links = "".join(f'<Relationship Id="{rid}" Type="{_IMAGE_REL}" Target="media/{_PICTURE_NAME}{index}.png"/>'
                        for index, (rid, _) in enumerate(pictures, start=1))
        replaced["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", links + "</Relationships>").encode()
        types = parts["[Content_Types].xml"].decode("utf-8")
        if 'Extension="png"' not in types:
            types = types.replace("<Default ", '<Default Extension="png" ContentType="image/png"/><Default ', 1)
        replaced["[Content_Types].xml"] = types.encode("utf-8")


def _resolved_listings(xml: str, resolve: Callable[[str], str]) -> str:
    """`resolve` given each paragraph that holds a tab, a line or page break (paragraphs side by side, none inside
    another): found from the characters, not by matching every paragraph of the part (a programme's signatures,
    written on lines of one value, cost a third of its finishing so)."""
    pieces, done = [], 0
    for found in _LISTING_CHARS.finditer(xml):
        at = found.start()  # in a paragraph already resolved, none is found before it
        start = max(xml.rfind("<w:p>", done, at), xml.rfind("<w:p ", done, at))
        end = xml.find("</w:p>", at)
        if start < 0 or end < 0:
            continue  # before the first paragraph or after the last: docxtpl leaves it too
        end += len("</w:p>")  # whole paragraphs, each resolved as docxtpl would (one between them is left)
        pieces += [xml[done:start], resolve(xml[start:end])]
        done = end
    pieces.append(xml[done:])
    return "".join(pieces)


_W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_TOO_MANY_CELLS = etree.XPath("boolean(.//w:tr[count(w:tc) > $n])", namespaces=_W)
_A_FULL_ROW = etree.XPath("boolean(.//w:tr[count(w:tc) = $n][not(w:tc/w:tcPr/w:gridSpan)])", namespaces=_W)


def _fix_tables(docx: DocxTemplate, xml: str) -> etree._Element:
    """docxtpl's fix_tables, which walks every cell of every row in Python (20 s for a programme of 300,000 plan
    rows), run only where it would change a table: some row has more cells than the table's grid, or none fills the
    grid with plain cells. Otherwise the parsed tree is the same as fix_tables would return."""
    tree = etree.fromstring(xml, parser=etree.XMLParser(recover=True))
    for table in tree.iter(qn("w:tbl")):
        grid = table.find(qn("w:tblGrid"))
        count = 0 if grid is None else len(grid.findall(qn("w:gridCol")))
        if not count or _TOO_MANY_CELLS(table, n=count) or not _A_FULL_ROW(table, n=count):
            return docx.fix_tables(xml)
    return tree


class Renderer:
    """Renders documents from the templates of one folder; each template file is read once per build."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = _env()
        self._sources: dict[str, bytes] = {}
        self._digests: dict[str, str] = {}

    @classmethod
    def of(cls, folder: Path, sources: dict[str, bytes]) -> Renderer:
        """A renderer of templates already read (a worker process renders from the bytes its build checked)."""
        renderer = cls(folder)
        renderer._sources.update(sources)
        return renderer

    def digest(self, kind: DocumentKind) -> str:
        """A hash of the kind's template bytes (read once per build); a kind with no template is made by code."""
        return self.template_digest(kind.template) if kind.template else f"{kind.key}:{tables.VERSION}"

    def made_by(self, kind: DocumentKind) -> str:
        """What a document is made from besides its data: the template's digest, and for a Word document the
        renderer's version (a table's version is in its digest; the site page is not Word)."""
        return f"{self.digest(kind)}:{VERSION}" if kind.format == "docx" else self.digest(kind)

    def template_digest(self, name: str) -> str:
        if name not in self._digests:
            self._digests[name] = hashlib.sha256(self.source(name)).hexdigest()
        return self._digests[name]

    def produce(self, kind: DocumentKind, context: dict[str, Any], plain: bool = False) -> bytes:
        """A document of the kind; `plain` as PreparedTemplate.render has it."""
        if kind.format == "xlsx":
            return tables.table_workbook(context)
        if kind.format == "html":
            return self.render_text(kind.template, context)
        return self.render(kind.template, context, plain)

    def render_text(self, template: str, context: dict[str, Any]) -> bytes:
        """A text template (the site page) with the same autoescaping and strict fields as the Word ones."""
        try:
            text = self.source(template).decode("utf-8")
            return _kept(_TEXTS, text, lambda: _env().from_string(text)).render(context).encode()
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

    def render(self, template: str, context: dict[str, Any], plain: bool = False) -> bytes:
        return self.render_source(template, self.source(template), context, plain, self.template_digest(template))

    def render_source(self, template: str, source: bytes, context: dict[str, Any], plain: bool = False,
                      digest: str | None = None) -> bytes:
        """Render a Word template given as bytes (`template` names it in messages; `digest`, the hash of `source`,
        when known: hashing the template for each of its documents cost more than rendering some)."""
        with self._problems(template):
            digest = digest or hashlib.sha256(source).hexdigest()
            prepared = _kept(_PREPARED, digest, lambda: PreparedTemplate(source, _env(), digest))
            if prepared.simple:
                try:
                    return prepared.render(context, plain)
                except _DocxtplPath:
                    pass
            return self._render_fully(source, context)

    def _render_fully(self, source: bytes, context: dict[str, Any]) -> bytes:
        """docxtpl's own path, for templates with fields in their properties or footnotes."""
        document = DocxTemplate(io.BytesIO(source))
        context = _inline_images(context, document)
        document.render(context, jinja_env=self.env, autoescape=True)
        for text in document.docx.element.body.iter(qn("w:t")):
            if text.text:
                text.text = no_break(text.text)
        body = document.docx.element.body
        columns.fit(body)
        _unhyphenated_cells(body)
        pagination.prepare(body)
        pagination.keep(body)
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


def with_notice(document: bytes, text: str) -> bytes:
    """The .docx with a first paragraph in bold red: a mark on the page itself (a copy made again, say)."""
    paragraph = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:color w:val="C00000"/></w:rPr>'
                 f'<w:t xml:space="preserve">{html_escape(text, quote=False)}</w:t></w:r></w:p>')
    source = zipfile.ZipFile(io.BytesIO(document))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                text_xml = data.decode("utf-8")
                body = re.search(r"<w:body[^>]*>", text_xml)
                if body is not None:
                    text_xml = text_xml[:body.end()] + paragraph + text_xml[body.end():]
                data = text_xml.encode("utf-8")
            target.writestr(info, data)
    return out.getvalue()
