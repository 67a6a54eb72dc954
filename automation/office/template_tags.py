"""The tags of a template checked in order as Jinja: blocks opened and closed, names bound by loops and «set», every
field looked up in what the document kind offers (a close name suggested), Jinja's own errors said in Russian."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterator

import jinja2
from jinja2 import nodes
from lxml import etree

from automation.book.problems import ERROR
from automation.documents import catalogue
from automation.documents.fields import Field

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_P, W_T = f"{{{W}}}p", f"{{{W}}}t"
_DOCXTPL_PREFIX = re.compile(r"^\{([{%#])(?:p|tr|tc|r) ")
# Quotes Word's autocorrect types: docxtpl itself reads the first four as straight ones; the others break a tag.
CURLY = {"“": '"', "”": '"', "‘": "'", "’": "'"}
GUILLEMETS = {"«": '"', "»": '"', "„": '"'}
BLOCKS = {"if", "for", "with", "filter", "macro", "call", "autoescape"}
_UNSUPPORTED = {"include", "import", "from", "extends", "block"}
_DOCXTPL_COMMANDS = {"vm", "hm"}
_DOCXTPL_VALUED = {"colspan", "cellbg"}
_KEYWORDS = sorted(BLOCKS | {"elif", "else", "set", "endset"} | {f"end{b}" for b in BLOCKS})
_LOOP_TARGETS = re.compile(r"^for\s+(.+?)\s+in\b")
_GLOBALS = {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "true", "false", "none", "True", "False",
            "None"}


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
class Paragraph:
    """One paragraph's text and the w:t elements it is made of (for HTML: one line, no elements)."""

    place: str
    segments: list[tuple[etree._Element, int]] = field(default_factory=list)
    text: str = ""
    element: etree._Element | None = None

    def resegment(self) -> None:
        """Where each w:t now starts, after a join moved characters between them (the text itself is the same)."""
        self.segments, offset = [], 0
        for t in self.element.iter(W_T):
            if next(t.iterancestors(W_P)) is self.element:
                self.segments.append((t, offset))
                offset += len(t.text or "")


@dataclass
class Tag:
    text: str
    start: int
    paragraph: Paragraph


@dataclass
class TemplateCheck:
    """What the check found in one template, and its bytes after any repair."""

    template: str
    findings: list[Finding] = field(default_factory=list)
    repaired: bytes | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]


def as_docxtpl_reads(text: str) -> str:
    """The tag as Jinja gets it from docxtpl: no paragraph/row/cell/run prefix, curly quotes made straight."""
    return "".join(CURLY.get(ch, ch) for ch in _DOCXTPL_PREFIX.sub(r"{\1 ", text))


class Checker:
    """Walks the tags of one template in order, keeping the blocks open and the names they bind."""

    def __init__(self, template: str, kind_fields: dict[str, Field] | None) -> None:
        self.template = template
        self.fields = kind_fields
        self.env = jinja2.Environment(autoescape=True)
        self.findings: list[Finding] = []
        self.blocks: list[tuple[str, Tag]] = []
        self.scopes: list[dict[str, Shape]] = [{}]

    def add(self, severity: str, tag: Tag | None, message: str, repaired: bool = False) -> None:
        self.findings.append(Finding(severity, self.template, tag.paragraph.place if tag else None, message,
                                     repaired))

    def tag(self, tag: Tag) -> None:
        code = as_docxtpl_reads(tag.text)
        kind, body = code[1], code[2:-2].strip().strip("-+").strip()
        if kind == "#":
            return
        if kind == "{":
            self._expression(tag, code)
            return
        word = body.split(None, 1)[0] if body else ""
        if word in BLOCKS:
            self._opening(tag, word, body)
        elif word in ("elif", "else"):
            self._middle(tag, word, body)
        elif word.startswith("end") and word[3:] in (*BLOCKS, "set"):
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

    def _parse(self, tag: Tag, source: str) -> nodes.Template | None:
        try:
            return self.env.parse(source)
        except jinja2.TemplateSyntaxError as err:
            self.add(ERROR, tag, f"ошибка в записи {tag.text}: {_russian(err.message or '')}")
            return None

    def _expression(self, tag: Tag, code: str) -> None:
        tree = self._parse(tag, code)
        if tree is not None:
            for node in tree.body:
                for child in node.iter_child_nodes():
                    self._shape(child, tag)

    def _opening(self, tag: Tag, word: str, body: str) -> None:
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

    def _middle(self, tag: Tag, word: str, body: str) -> None:
        opened = self.blocks[-1][0] if self.blocks else None
        if opened != "if" and not (word == "else" and opened == "for"):
            self.add(ERROR, tag, f"{tag.text} стоит вне блока {{% if … %}}: уберите его или добавьте {{% if … %}} "
                                 "перед ним.")
            return
        if word == "elif":
            tree = self._parse(tag, "{% if true %}{% " + body + " %}{% endif %}")
            if tree is not None:
                self._shape(tree.body[0].elif_[0].test, tag)

    def _closing(self, tag: Tag, word: str) -> None:
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

    def _set(self, tag: Tag, body: str) -> None:
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

    def _shape(self, node: nodes.Node, tag: Tag) -> Shape:
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

    def _member(self, base: Shape, name: str, node: nodes.Node, tag: Tag) -> Shape:
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

    def _unknown(self, tag: Tag, written: str, base: Field | None, name: str) -> None:
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


def kind_fields(name: str) -> dict[str, Field] | None:
    kind = catalogue.BY_TEMPLATE.get(name)
    return kind.fields if kind else None
