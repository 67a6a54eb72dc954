"""Checks the curator's templates before they are used: unknown fields, broken commands, tags split by Word.

Every finding names the template and the paragraph; a tag Word split into several runs, or wrote with typographic
quotes, is mended in the file when the mend cannot change any text (`repair=True`), and the finding says so.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import jinja2
from jinja2 import nodes
from lxml import etree

from automation import catalogue
from automation.fields import BY_TEMPLATE, FIELDS, Field
from automation.grammar import plural
from automation.files import archive_copy
from automation.files import DocumentLocked, write_atomic
from automation.render import Renderer
from automation.problems import ERROR, WARNING

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_P, _R, _T, _RPR = f"{{{W}}}p", f"{{{W}}}r", f"{{{W}}}t", f"{{{W}}}rPr"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# What may sit between the runs of one tag without being text: spelling marks, bookmarks, Word's page-break hint.
_HARMLESS_SIBLINGS = {f"{{{W}}}{name}" for name in ("proofErr", "bookmarkStart", "bookmarkEnd", "permStart",
                                                    "permEnd")}
_HARMLESS_IN_RUN = {_RPR, _T, f"{{{W}}}lastRenderedPageBreak"}
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_OPENING = re.compile(r"\{[{%#]")
_DOCXTPL_PREFIX = re.compile(r"^\{([{%#])(?:p|tr|tc|r) ")
# Quotes Word's autocorrect types: docxtpl itself reads the first four as straight ones; the others break a tag.
_CURLY = {"“": '"', "”": '"', "‘": "'", "’": "'"}
_GUILLEMETS = {"«": '"', "»": '"', "„": '"'}
_QUOTES = {**_CURLY, **_GUILLEMETS}
_BLOCKS = {"if", "for", "with", "filter", "macro", "call", "autoescape"}
_UNSUPPORTED = {"include", "import", "from", "extends", "block"}
_DOCXTPL_COMMANDS = {"vm", "hm"}
_DOCXTPL_VALUED = {"colspan", "cellbg"}
_KEYWORDS = sorted(_BLOCKS | {"elif", "else", "set", "endset"} | {f"end{b}" for b in _BLOCKS})
_LOOP_TARGETS = re.compile(r"^for\s+(.+?)\s+in\b")
_GLOBALS = {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "true", "false", "none", "True", "False",
            "None"}
_PLACE_LENGTH = 70
TEMPLATES_ARCHIVE = "Шаблоны до исправления"


class _Any:
    """A value whose fields cannot be known (a filter's result, a macro argument): not checked further."""


ANY = _Any()
Shape = Field | _Any


@dataclass(frozen=True)
class Finding:
    severity: str
    template: str
    place: str | None
    message: str
    repaired: bool = False

    def __str__(self) -> str:
        where = f"шаблон «{self.template}»" + (f", {self.place}" if self.place else "")
        return f"{where}: {self.message}"


@dataclass
class _Paragraph:
    """One paragraph's text and the w:t elements it is made of (for HTML: one line, no elements)."""

    place: str
    segments: list[tuple[etree._Element, int]] = field(default_factory=list)
    text: str = ""
    element: etree._Element | None = None

    def resegment(self) -> None:
        """Where each w:t now starts, after a join moved characters between them (the text itself is the same)."""
        self.segments, offset = [], 0
        for t in self.element.iter(_T):
            if next(t.iterancestors(_P)) is self.element:
                self.segments.append((t, offset))
                offset += len(t.text or "")


@dataclass
class _Tag:
    text: str
    start: int
    paragraph: _Paragraph


@dataclass
class TemplateCheck:
    """What the check found in one template, and its bytes after any repair."""

    template: str
    findings: list[Finding] = field(default_factory=list)
    repaired: bytes | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]


def _place(text: str, where: str = "абзац") -> str:
    shown = " ".join(text.split())
    if len(shown) > _PLACE_LENGTH:
        shown = shown[:_PLACE_LENGTH - 1] + "…"
    return f"{where} «{shown}»"


# ---------------------------------------------------------------- reading paragraphs out of a .docx


def _paragraphs(root: etree._Element, where: str) -> list[_Paragraph]:
    """The paragraphs of a part in document order; a text box's paragraphs are their own, not their anchor's."""
    found: dict[etree._Element, _Paragraph] = {}
    for t in root.iter(_T):
        owner = next(t.iterancestors(_P), None)
        if owner is None:
            continue
        paragraph = found.setdefault(owner, _Paragraph(where, element=owner))
        paragraph.segments.append((t, len(paragraph.text)))
        paragraph.text += t.text or ""
    for paragraph in found.values():
        paragraph.place = _place(paragraph.text, where)
    return list(found.values())


def _tags(paragraph: _Paragraph, template: str, findings: list[Finding]) -> list[_Tag]:
    tags = [_Tag(m.group(0), m.start(), paragraph) for m in _TAG.finditer(paragraph.text)]
    rest = _TAG.sub(lambda m: " " * len(m.group(0)), paragraph.text)
    opening = _OPENING.search(rest)
    if opening:
        findings.append(Finding(ERROR, template, paragraph.place,
                                f"«{rest[opening.start():].strip()[:40]}» не закрыто в этом абзаце: допишите "
                                "закрывающие скобки (}} или %}) в том же абзаце."))
    return tags


def _spanned(tag: _Tag) -> list[tuple[etree._Element, int]]:
    """The w:t elements holding some of the tag's characters."""
    end = tag.start + len(tag.text)
    return [(t, offset) for t, offset in tag.paragraph.segments
            if offset < end and offset + len(t.text or "") > tag.start]


def _mendable(spanned: list[tuple[etree._Element, int]]) -> bool:
    """Whether joining the tag's runs can only move the tag's own characters: plain runs side by side."""
    runs = [t.getparent() for t, _ in spanned]
    if any(r.tag != _R for r in runs) or len({id(r.getparent()) for r in runs}) != 1:
        return False
    parent = runs[0].getparent()
    siblings = list(parent)
    for node in siblings[siblings.index(runs[0]):siblings.index(runs[-1]) + 1]:
        if node.tag == _R:
            if any(child.tag not in _HARMLESS_IN_RUN for child in node):
                return False
        elif node.tag not in _HARMLESS_SIBLINGS:
            return False
    return True


def _join(tag: _Tag, spanned: list[tuple[etree._Element, int]]) -> None:
    """The whole tag into the first run (its formatting is what the value gets); what follows stays where it was."""
    end = tag.start + len(tag.text)
    (first, first_offset), (last, last_offset) = spanned[0], spanned[-1]
    tail = (last.text or "")[end - last_offset:]
    first.text = (first.text or "")[:tag.start - first_offset] + tag.text
    first.set(_SPACE, "preserve")
    for t, _ in spanned[1:-1]:
        t.text = ""
    last.text = tail
    last.set(_SPACE, "preserve")
    for t, _ in spanned[1:]:
        run = t.getparent()
        if not t.text and all(child.tag in (_RPR, _T) and not (child.tag == _T and child.text) for child in run):
            run.getparent().remove(run)


def _replace_in_tag(tag: _Tag, table: dict[str, str]) -> None:
    """Swap characters inside a tag held by one w:t (after `_join`)."""
    (t, offset), = _spanned(tag)
    text = t.text or ""
    start, end = tag.start - offset, tag.start - offset + len(tag.text)
    t.text = text[:start] + "".join(table.get(ch, ch) for ch in text[start:end]) + text[end:]


# ---------------------------------------------------------------- the check


class _Checker:
    """Walks the tags of one template in order, keeping the blocks open and the names they bind."""

    def __init__(self, template: str, kind_fields: dict[str, Field] | None) -> None:
        self.template = template
        self.fields = kind_fields
        self.env = jinja2.Environment(autoescape=True)
        self.findings: list[Finding] = []
        self.blocks: list[tuple[str, _Tag]] = []
        self.scopes: list[dict[str, Shape]] = [{}]

    def add(self, severity: str, tag: _Tag | None, message: str, repaired: bool = False) -> None:
        self.findings.append(Finding(severity, self.template, tag.paragraph.place if tag else None, message,
                                     repaired))

    def tag(self, tag: _Tag) -> None:
        code = _as_docxtpl_reads(tag.text)
        kind, body = code[1], code[2:-2].strip().strip("-+").strip()
        if kind == "#":
            return
        if kind == "{":
            self._expression(tag, code)
            return
        word = body.split(None, 1)[0] if body else ""
        if word in _BLOCKS:
            self._opening(tag, word, body)
        elif word in ("elif", "else"):
            self._middle(tag, word, body)
        elif word.startswith("end") and word[3:] in (*_BLOCKS, "set"):
            self._closing(tag, word[3:])
        elif word == "set":
            self._set(tag, body)
        elif word in _DOCXTPL_COMMANDS:
            return
        elif word in _DOCXTPL_VALUED:
            self._expression(tag, "{{ " + body[len(word):] + " }}")
        elif word in _UNSUPPORTED:
            self.add(ERROR, tag, f"команда «{word}» в шаблонах не поддерживается: уберите {tag.text}.")
        else:
            self.add(ERROR, tag, f"неизвестная команда «{word or '(пусто)'}» в {tag.text}"
                     + _maybe(word, _KEYWORDS) + ".")

    def finish(self) -> list[Finding]:
        """The end of a part: blocks still open are reported, and the next part starts with none."""
        for word, tag in self.blocks:
            self.add(ERROR, tag, f"{tag.text} не закрыт: добавьте {{% end{word} %}} после того, что он охватывает.")
        self.blocks, self.scopes = [], [{}]
        return self.findings

    def _parse(self, tag: _Tag, source: str) -> nodes.Template | None:
        try:
            return self.env.parse(source)
        except jinja2.TemplateSyntaxError as err:
            self.add(ERROR, tag, f"ошибка в записи {tag.text}: {_russian(err.message or '')}")
            return None

    def _expression(self, tag: _Tag, code: str) -> None:
        tree = self._parse(tag, code)
        if tree is not None:
            for node in tree.body:
                for child in node.iter_child_nodes():
                    self._shape(child, tag)

    def _opening(self, tag: _Tag, word: str, body: str) -> None:
        tree = self._parse(tag, "{% " + body + " %}{% end" + word + " %}")
        scope: dict[str, Shape] = {}
        if tree is None and word == "for":
            # A loop whose header is broken (reported above) still names its variables: no cascade of «unknown».
            targets = _LOOP_TARGETS.match(body)
            scope = {name.strip(): ANY for name in targets.group(1).split(",")} if targets else {}
            scope["loop"] = ANY
        if tree is not None:
            statement = tree.body[0]
            if isinstance(statement, nodes.For):
                item = self._shape(statement.iter, tag)
                element = Field(item.meaning, item.fields) if isinstance(item, Field) and item.many else ANY
                self._bind(statement.target, element, scope)
                scope["loop"] = ANY
                if statement.test is not None:
                    self.scopes.append(scope)
                    self._shape(statement.test, tag)
                    self.scopes.pop()
            elif isinstance(statement, nodes.If):
                self._shape(statement.test, tag)
            elif isinstance(statement, nodes.With):
                for target, value in zip(statement.targets, statement.values):
                    self._bind(target, self._shape(value, tag), scope)
            elif isinstance(statement, nodes.Macro):
                for argument in statement.args:
                    scope[argument.name] = ANY
                for default in statement.defaults:
                    self._shape(default, tag)
                scope.update(caller=ANY, varargs=ANY, kwargs=ANY)
            elif isinstance(statement, (nodes.CallBlock, nodes.FilterBlock)):
                for child in statement.iter_child_nodes(exclude=("body",)):
                    self._shape(child, tag)
                scope["caller"] = ANY
            elif isinstance(statement, nodes.AssignBlock):
                self._bind(statement.target, ANY, self.scopes[-1])
        self.blocks.append((word, tag))
        self.scopes.append(scope)

    def _middle(self, tag: _Tag, word: str, body: str) -> None:
        opened = self.blocks[-1][0] if self.blocks else None
        if opened != "if" and not (word == "else" and opened == "for"):
            self.add(ERROR, tag, f"{tag.text} стоит вне блока {{% if … %}}: уберите его или добавьте {{% if … %}} "
                                 "перед ним.")
            return
        if word == "elif":
            tree = self._parse(tag, "{% if true %}{% " + body + " %}{% endif %}")
            if tree is not None:
                self._shape(tree.body[0].elif_[0].test, tag)

    def _closing(self, tag: _Tag, word: str) -> None:
        if not self.blocks:
            self.add(ERROR, tag, f"лишний {tag.text}: перед ним нет открытого {{% {word} … %}}.")
            return
        opened, opener = self.blocks[-1]
        if opened != word:
            self.add(ERROR, tag, f"{tag.text} закрывает не тот блок: последним открыт {opener.text} "
                                 f"({opener.paragraph.place}); нужен {{% end{opened} %}}.")
            if word not in (w for w, _ in self.blocks):
                return
            while self.blocks and self.blocks[-1][0] != word:
                self.blocks.pop()
                self.scopes.pop()
        self.blocks.pop()
        self.scopes.pop()

    def _set(self, tag: _Tag, body: str) -> None:
        if "=" not in body:
            self._opening(tag, "set", body)
            return
        tree = self._parse(tag, "{% " + body + " %}")
        if tree is not None:
            statement = tree.body[0]
            self._bind(statement.target, self._shape(statement.node, tag), self.scopes[-1])

    def _bind(self, target: nodes.Node, shape: Shape, scope: dict[str, Shape]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = shape
        else:
            for name in target.find_all(nodes.Name):
                scope[name.name] = ANY

    # -- what an expression refers to

    def _lookup(self, name: str) -> Shape | None:
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        if self.fields is None or name in _GLOBALS:
            return ANY
        top = self.fields.get(name)
        return top

    def _shape(self, node: nodes.Node, tag: _Tag) -> Shape:
        if isinstance(node, nodes.Test) and node.name in ("defined", "undefined"):
            return ANY  # asking whether a field exists is not using it
        if isinstance(node, nodes.Name):
            found = self._lookup(node.name)
            if found is None:
                self._unknown(tag, node.name, None, node.name)
                return ANY
            return found
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            base = self._shape(node.node, tag)
            name = node.attr if isinstance(node, nodes.Getattr) else _constant(node.arg)
            if isinstance(node, nodes.Getitem) and name is None:
                self._shape(node.arg, tag)
                return Field(base.meaning, base.fields) if isinstance(base, Field) and base.many else ANY
            return self._member(base, str(name), node, tag)
        for child in node.iter_child_nodes():
            self._shape(child, tag)
        return ANY

    def _member(self, base: Shape, name: str, node: nodes.Node, tag: _Tag) -> Shape:
        if not isinstance(base, Field):
            return ANY
        if name in base.fields and not base.many:
            return base.fields[name]
        if not base.fields or base.many:
            # A plain value or a list: its own methods (upper, items …) are Python's, anything else is unknown.
            if hasattr(list if base.many else str, name):
                return ANY
        self._unknown(tag, _written(node), base, name)
        return ANY

    def _unknown(self, tag: _Tag, written: str, base: Field | None, name: str) -> None:
        if base is None:
            candidates = [n for scope in self.scopes for n in scope] + [p for p, _ in _flat(self.fields or {})]
            hint = _maybe(written, candidates)
            self.add(ERROR, tag, f"неизвестное поле «{written}»{hint}.")
            return
        prefix = written[:len(written) - len(name)]
        if base.many:
            self.add(ERROR, tag, f"«{prefix.rstrip('.')}» — это список: его поля берутся в цикле "
                                 f"{{% for x in {prefix.rstrip('.')} %}} … {{{{ x.{name} }}}} … {{% endfor %}}.")
            return
        hint = _maybe(written, [prefix + p for p, _ in _flat(base.fields)])
        self.add(ERROR, tag, f"неизвестное поле «{written}»{hint}.")


def _flat(fields: dict[str, Field], prefix: str = "") -> Iterator[tuple[str, Field]]:
    """Dotted names reachable without a loop."""
    for name, item in fields.items():
        yield prefix + name, item
        if not item.many:
            yield from _flat(item.fields, prefix + name + ".")


def _maybe(written: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(written, list(dict.fromkeys(candidates)), n=1, cutoff=0.6)
    if close:
        return f". Возможно, имелось в виду «{close[0]}»"
    return f". Поля документа — в файле «{catalogue.GUIDE_NAME}»"


def _constant(node: nodes.Node) -> str | None:
    return str(node.value) if isinstance(node, nodes.Const) and isinstance(node.value, (str, int)) else None


def _written(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_written(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        return f"{_written(node.node)}.{_constant(node.arg)}"
    return "…"


_TOKENS = {"name": "имя поля", "end of print statement": "}}", "end of statement block": "%}",
           "end of template": "конец шаблона"}
_END = r"'(?:end of print statement|end of statement block)'"
_JINJA_MESSAGES = (
    (re.compile(r"unexpected " + _END), lambda: "запись не дописана: перед закрывающими скобками не хватает значения"),
    (re.compile(r"expected token " + _END + r", got '='"), lambda: "для сравнения пишите «==», а не «=»"),
    (re.compile(r"expected token " + _END + r", got '(\w+)'"),
     lambda got: f"лишнее «{got}»: в поле одно имя, пробелы внутри имени не допускаются (пишите через _)"),
    (re.compile(r"expected token " + _END + r", got '(.+?)'"), lambda got: f"лишний знак «{got}»"),
    (re.compile(r"expected token '(.+?)', got '(.+?)'"),
     lambda wanted, got: f"ожидалось «{_TOKENS.get(wanted, wanted)}», а стоит «{_TOKENS.get(got, got)}»"),
    (re.compile(r"unexpected char ['\"](['\"])['\"]"), lambda quote: f"не закрыта кавычка {quote}"),
    (re.compile(r"unexpected char ['\"](.)['\"]"), lambda char: f"недопустимый знак «{char}»"),
    (re.compile(r"unexpected '(.+?)'"), lambda char: f"лишний знак «{char}»"),
    (re.compile(r"expected name or number"), lambda: "после точки должно стоять имя поля"),
    (re.compile(r"[Uu]nexpected end of template"), lambda: "команда оборвана"),
    (re.compile(r"Expected an expression, got '(.+?)'"), lambda got: "пустое поле или команда без значения"),
)


def _russian(message: str) -> str:
    for pattern, text in _JINJA_MESSAGES:
        match = pattern.search(message)
        if match:
            return text(*match.groups()) + "."
    return f"Jinja не может прочитать запись ({message})."


# ---------------------------------------------------------------- one template


def _kind_fields(name: str) -> dict[str, Field] | None:
    kind = BY_TEMPLATE.get(name)
    return FIELDS[kind] if kind else None


def _parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """The parts that hold text, with how a message names them."""
    names = archive.namelist()
    found = [("word/document.xml", "абзац")] if "word/document.xml" in names else []
    for name in sorted(names):
        if re.fullmatch(r"word/(header|footer)\d*\.xml", name):
            found.append((name, "колонтитул, абзац"))
        elif name in ("word/footnotes.xml", "word/endnotes.xml"):
            found.append((name, "сноска, абзац"))
    return found


def check_docx(name: str, source: bytes, repair: bool = False) -> TemplateCheck:
    result = TemplateCheck(name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(source))
        roots = [(part, where, etree.fromstring(archive.read(part))) for part, where in _parts(archive)]
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError):
        result.findings.append(Finding(ERROR, name, None, "файл повреждён или это не документ Word .docx: "
                                                          "сохраните его в Word как .docx."))
        return result
    if not roots:
        result.findings.append(Finding(ERROR, name, None, "в файле нет текста документа Word: сохраните его в Word "
                                                          "как .docx."))
        return result
    checker = _Checker(name, _kind_fields(name))
    changed = False
    # The main text first, then headers, footers and notes: blocks never cross parts.
    for _part, where, root in roots:
        for paragraph in _paragraphs(root, where):
            for tag in _tags(paragraph, name, checker.findings):
                changed |= _mend(tag, checker, repair)
                checker.tag(tag)
        result.findings = checker.finish()
    if changed:
        result.repaired = _rewrite(archive, {part: root for part, _, root in roots})
    return result


def _mend(tag: _Tag, checker: _Checker, repair: bool) -> bool:
    """Report (and, with `repair`, mend) a split tag and typographic quotes; True when the XML changed."""
    changed = False
    spanned = _spanned(tag)
    if len(spanned) > 1:
        parts = f"{len(spanned)} {plural(len(spanned), 'часть', 'части', 'частей')}"
        if not _mendable(spanned):
            checker.add(ERROR, tag, f"{tag.text} разорвано вставкой (табуляция, разрыв строки, поле, рисунок или "
                                    "исправление) и не может быть соединено автоматически: удалите его и наберите "
                                    "заново одним куском.")
        elif repair:
            _join(tag, spanned)
            tag.paragraph.resegment()
            checker.add(WARNING, tag, f"{tag.text} было разбито форматированием Word на {parts}; части соединены, "
                                      "текст не изменился.", repaired=True)
            changed = True
        else:
            checker.add(WARNING, tag, f"{tag.text} разбито форматированием Word на {parts}. Документы формируются "
                                      "верно; чтобы поправить сам шаблон, запустите «nastavnik templates».")
    quotes = "".join(dict.fromkeys(ch for ch in tag.text if ch in _QUOTES))
    if not quotes:
        return changed
    straight = "".join(_QUOTES.get(ch, ch) for ch in tag.text)
    breaking = any(ch in _GUILLEMETS for ch in quotes) and not _parses(tag.text) and _parses(straight)
    if repair and len(_spanned(tag)) == 1 and (breaking or not any(ch in _GUILLEMETS for ch in quotes)):
        # Curly quotes are read as straight ones by docxtpl anyway; guillemets only where they break the tag.
        _replace_in_tag(tag, _QUOTES)
        checker.add(WARNING, tag, f"в {tag.text} типографские кавычки {quotes} заменены прямыми: {straight}.",
                    repaired=True)
        tag.text, changed = straight, True
    elif breaking:
        checker.add(ERROR, tag, f"в {tag.text} кавычки {quotes}: внутри фигурных скобок нужны прямые кавычки — "
                                f"{straight}. Их заменит команда «nastavnik templates».")
        tag.text = straight
    return changed


def _as_docxtpl_reads(text: str) -> str:
    """The tag as Jinja gets it from docxtpl: no paragraph/row/cell/run prefix, curly quotes made straight."""
    return "".join(_CURLY.get(ch, ch) for ch in _DOCXTPL_PREFIX.sub(r"{\1 ", text))


def _parses(text: str) -> bool:
    """Whether a lone tag is readable by Jinja (a block opener is given its end)."""
    code = _as_docxtpl_reads(text)
    word = code[2:-2].strip().strip("-+").split(None, 1)[0:1]
    closing = "{% end" + word[0] + " %}" if code.startswith("{%") and word and word[0] in _BLOCKS else ""
    try:
        jinja2.Environment().parse(code + closing)
        return True
    except jinja2.TemplateSyntaxError:
        return False


def _rewrite(archive: zipfile.ZipFile, roots: dict[str, etree._Element]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in archive.infolist():
            data = archive.read(info.filename)
            if info.filename in roots:
                data = etree.tostring(roots[info.filename], xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def check_text(name: str, source: bytes) -> TemplateCheck:
    """A text template (the site page): the same checks, each line a place."""
    result = TemplateCheck(name)
    try:
        text = source.decode("utf-8")
    except UnicodeDecodeError:
        result.findings.append(Finding(ERROR, name, None, "файл не в кодировке UTF-8: сохраните его как UTF-8."))
        return result
    checker = _Checker(name, _kind_fields(name))
    for number, line in enumerate(text.splitlines(), start=1):
        paragraph = _Paragraph(f"строка {number}", text=line)
        for tag in _tags(paragraph, name, checker.findings):
            checker.tag(tag)
    result.findings = checker.finish()
    return result


def check_template(name: str, source: bytes, repair: bool = False) -> TemplateCheck:
    if name.lower().endswith(".docx"):
        return check_docx(name, source, repair)
    return check_text(name, source)


_CACHE: dict[str, TemplateCheck] = {}


def check_folder(renderer: Renderer) -> list[TemplateCheck]:
    """Check (never change) the templates the documents use, from the bytes the renderer reads once per build; a
    template's result is kept per content digest, so a watcher checks each version once."""
    results = []
    for name in used_templates():
        if not (renderer.folder / name).is_file():
            continue  # a missing template is reported by the documents that need it
        key = renderer.template_digest(name) + name
        if key not in _CACHE:
            _CACHE[key] = check_template(name, renderer.source(name))
        results.append(_CACHE[key])
    return results


@dataclass
class Repaired:
    template: str
    backup: Path | None = None
    locked: bool = False


def repair_folder(folder: Path, output: Path, now: dt.datetime) -> tuple[list[TemplateCheck], list[str],
                                                                        list[Repaired]]:
    """Check every template the documents use and mend what can be mended safely; the file as it was is kept in
    the output's archive first. Returns the checks, the missing templates and what was rewritten."""
    checks, missing, repaired = [], [], []
    for name in used_templates():
        path = folder / name
        if not path.is_file():
            missing.append(name)
            continue
        source = path.read_bytes()
        check = check_template(name, source, repair=True)
        checks.append(check)
        if check.repaired is None:
            continue
        done = Repaired(name, backup=archive_copy(output, Path(TEMPLATES_ARCHIVE) / name, source, now))
        try:
            write_atomic(path, check.repaired)
        except DocumentLocked:
            (output / done.backup).unlink()
            done.backup, done.locked = None, True
        repaired.append(done)
    return checks, missing, repaired


def used_templates() -> list[str]:
    return list(dict.fromkeys(kind.template for kind in catalogue.TEMPLATED))
