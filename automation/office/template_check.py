"""Checks the curator's templates before they are used: unknown fields, broken commands, tags split by Word.

Every finding names the template and the paragraph; a tag Word split into several runs, or wrote with typographic
quotes, is mended in the file when the mend cannot change any text (`repair=True`), and the finding says so.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import jinja2
from lxml import etree

from automation.book.problems import ERROR, WARNING
from automation.documents import catalogue
from automation.files import DocumentLocked, archive_copy, write_atomic
from automation.grammar import plural
from automation.office import prepared_cache
from automation.office.render import Renderer
from automation.office.template_tags import (
    BLOCKS,
    CURLY,
    GUILLEMETS,
    W_P,
    W_T,
    Checker,
    Finding,
    Paragraph,
    Tag,
    TemplateCheck,
    W,
    as_docxtpl_reads,
    kind_fields,
)
from automation.office.typography import findings as typography

_R, _RPR = f"{{{W}}}r", f"{{{W}}}rPr"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# What may sit between the runs of one tag without being text: spelling marks, bookmarks, Word's page-break hint.
_HARMLESS_SIBLINGS = {f"{{{W}}}{name}" for name in ("proofErr", "bookmarkStart", "bookmarkEnd", "permStart",
                                                    "permEnd")}
_HARMLESS_IN_RUN = {_RPR, W_T, f"{{{W}}}lastRenderedPageBreak"}
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_OPENING = re.compile(r"\{[{%#]")
_QUOTES = {**CURLY, **GUILLEMETS}
_PLACE_LENGTH = 70
TEMPLATES_ARCHIVE = "Шаблоны до исправления"


def _place(text: str, where: str = "абзац") -> str:
    shown = " ".join(text.split())
    if len(shown) > _PLACE_LENGTH:
        shown = shown[:_PLACE_LENGTH - 1] + "…"
    return f"{where} «{shown}»"


# ---------------------------------------------------------------- reading paragraphs out of a .docx


def _paragraphs(root: etree._Element, where: str) -> list[Paragraph]:
    """The paragraphs of a part in document order; a text box's paragraphs are their own, not their anchor's."""
    found: dict[etree._Element, Paragraph] = {}
    for t in root.iter(W_T):
        owner = next(t.iterancestors(W_P), None)
        if owner is None:
            continue
        paragraph = found.setdefault(owner, Paragraph(where, element=owner))
        paragraph.segments.append((t, len(paragraph.text)))
        paragraph.text += t.text or ""
    for paragraph in found.values():
        paragraph.place = _place(paragraph.text, where)
    return list(found.values())


def _tags(paragraph: Paragraph, template: str, findings: list[Finding]) -> list[Tag]:
    tags = [Tag(m.group(0), m.start(), paragraph) for m in _TAG.finditer(paragraph.text)]
    rest = _TAG.sub(lambda m: " " * len(m.group(0)), paragraph.text)
    opening = _OPENING.search(rest)
    if opening:
        findings.append(Finding(ERROR, template, paragraph.place,
                                f"«{rest[opening.start():].strip()[:40]}» не закрыто в этом абзаце: допишите "
                                "закрывающие скобки (}} или %}) в том же абзаце."))
    return tags


def _spanned(tag: Tag) -> list[tuple[etree._Element, int]]:
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


def _join(tag: Tag, spanned: list[tuple[etree._Element, int]]) -> None:
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
        if not t.text and all(child.tag in (_RPR, W_T) and not (child.tag == W_T and child.text) for child in run):
            run.getparent().remove(run)


def _replace_in_tag(tag: Tag, table: dict[str, str]) -> None:
    """Swap characters inside a tag held by one w:t (after `_join`)."""
    (t, offset), = _spanned(tag)
    text = t.text or ""
    start, end = tag.start - offset, tag.start - offset + len(tag.text)
    t.text = text[:start] + "".join(table.get(ch, ch) for ch in text[start:end]) + text[end:]


# ---------------------------------------------------------------- the check


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
    checker = Checker(name, kind_fields(name))
    changed = False
    # The main text first, then headers, footers and notes: blocks never cross parts.
    for _part, where, root in roots:
        for paragraph in _paragraphs(root, where):
            for tag in _tags(paragraph, name, checker.findings):
                changed |= _mend(tag, checker, repair)
                checker.tag(tag)
            # The template's own words, each field standing for a value: «с {{ дата }}.» reads «с 1.».
            for said in typography(_TAG.sub("1", paragraph.text)):
                checker.findings.append(Finding(WARNING, name, paragraph.place, said))
        result.findings = checker.finish()
    if changed:
        result.repaired = _rewrite(archive, {part: root for part, _, root in roots})
    return result


def _mend(tag: Tag, checker: Checker, repair: bool) -> bool:
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
    breaking = any(ch in GUILLEMETS for ch in quotes) and not _parses(tag.text) and _parses(straight)
    if repair and len(_spanned(tag)) == 1 and (breaking or not any(ch in GUILLEMETS for ch in quotes)):
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


def _parses(text: str) -> bool:
    """Whether a lone tag is readable by Jinja (a block opener is given its end)."""
    code = as_docxtpl_reads(text)
    word = code[2:-2].strip().strip("-+").split(None, 1)[0:1]
    closing = "{% end" + word[0] + " %}" if code.startswith("{%") and word and word[0] in BLOCKS else ""
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
    checker = Checker(name, kind_fields(name))
    for number, line in enumerate(text.splitlines(), start=1):
        paragraph = Paragraph(f"строка {number}", text=line)
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
    template's result is kept per content digest, so a watcher checks each version once, and a clean one is
    remembered between runs (prepared_cache): the launcher's first build does not check it again."""
    results = []
    for name in used_templates():
        if not (renderer.folder / name).is_file():
            continue  # a missing template is reported by the documents that need it
        digest = renderer.template_digest(name)
        key = digest + name
        if key not in _CACHE:
            if prepared_cache.checked_clean(digest, name):
                _CACHE[key] = TemplateCheck(name)
            else:
                _CACHE[key] = check_template(name, renderer.source(name))
                if not _CACHE[key].findings:
                    prepared_cache.mark_clean(digest, name)
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
