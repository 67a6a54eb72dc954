"""The output folder's memory: what each document was made from, so a rebuild rewrites only what changed."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from automation.documents.catalogue import ORDERS_FOLDER
from automation.files import STATE_DIR, hide, write_atomic

MANIFEST_NAME = f"{STATE_DIR}/manifest.json"
LOG_NAME = f"{STATE_DIR}/written.jsonl"
SIGNED_DIR = ".подписанные"
"""Snapshots of signed orders and agreements (data and template), in a hidden folder beside them
(`Приказы/.подписанные`, `Соглашения/.подписанные`): deleting `.nastavnik/` does not lose them."""
TEMPLATE_STORE = f"{STATE_DIR}/templates"
VERSION = 2


def as_json(context: dict[str, Any], objects: list[Any] | None = None) -> str:
    """A document's data as one text, its keys sorted: what its fingerprint hashes and its snapshot is read from.
    `objects`, when given, receives each value that is not plain JSON data (a date, a chart) as it is written."""

    def written(value: Any) -> str:
        objects.append(value)
        return str(value)

    return json.dumps(context, sort_keys=True, ensure_ascii=False, default=str if objects is None else written,
                      check_circular=False)


def fingerprint(template_digest: str, context: dict[str, Any], text: str | None = None) -> str:
    """A hash of everything a document is made from: its template (by the digest of its bytes) and its data (`text`,
    its `as_json` when already made)."""
    digest = hashlib.sha256(template_digest.encode("ascii"))
    digest.update((as_json(context) if text is None else text).encode("utf-8"))
    return digest.hexdigest()


@dataclass
class Entry:
    """What one document was last written from: the fingerprint of its inputs; for orders also the data itself
    and the template's digest, so a signed order can be compared with today's data and made again word for word."""

    hash: str
    snapshot: dict[str, Any] | None = None
    template: str | None = None
    signed: bool = False


@dataclass
class Manifest:
    """Per document (path relative to the output folder, as posix text): its entry.

    Kept in two files: `manifest.json`, written whole at the end of a build, and `written.jsonl`, one line per
    document as it is written during the build (a line forgetting the entry before the file is replaced, a line with
    the new entry after). A build killed at any moment thus leaves a memory that never claims a file holds what it
    does not: the next build rewrites exactly the documents whose content is not what the book says."""

    documents: dict[str, Entry] = field(default_factory=dict)
    damaged: bool = False
    """The memory was there but could not be read (the build says so once and makes everything again)."""
    lost: bool = False
    """The memory is damaged, or gone while documents were made into the folder before (`.nastavnik/` deleted):
    not a first build."""
    _log: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def load(cls, output: Path) -> "Manifest":
        manifest = cls()
        try:
            data = json.loads((output / MANIFEST_NAME).read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != VERSION:
                raise ValueError("unknown version")
            manifest.documents = {path: Entry(**entry) for path, entry in data.get("documents", {}).items()}
        except FileNotFoundError:
            manifest.lost = _made_before(output)
        except (OSError, ValueError, TypeError, AttributeError):
            manifest.damaged = manifest.lost = True
            manifest.documents = {}
        manifest._replay(output)
        return manifest

    def _replay(self, output: Path) -> None:
        """The lines of a build that did not finish: each later line wins; a half-written last line is ignored."""
        try:
            lines = (output / LOG_NAME).read_text(encoding="utf-8").splitlines()
        except (OSError, ValueError):
            return
        for line in lines:
            try:
                record = json.loads(line)
                path, entry = record["path"], record["entry"]
                if entry is None:
                    self.documents.pop(path, None)
                else:
                    self.documents[path] = Entry(**entry)
            except (ValueError, TypeError, KeyError):
                continue

    def forget(self, output: Path, path: Path) -> None:
        """Before a file is replaced: its old entry no longer holds, even if the build stops right now."""
        if self.documents.pop(path.as_posix(), None) is not None:  # no entry: nothing claims the file anyway
            self._append(output, path, None)

    def remember(self, output: Path, path: Path, entry: Entry) -> None:
        """After a file is written: what it was made from."""
        self.documents[path.as_posix()] = entry
        self._append(output, path, entry)

    def _append(self, output: Path, path: Path, entry: Entry | None) -> None:
        try:
            if self._log is None:
                (output / STATE_DIR).mkdir(parents=True, exist_ok=True)
                self._log = (output / LOG_NAME).open("a", encoding="utf-8")
            self._log.write(json.dumps({"path": path.as_posix(), "entry": vars(entry) if entry else None},
                                       ensure_ascii=False) + "\n")
            self._log.flush()
        except OSError:
            pass  # no memory on this disk: the next build makes everything again, which is safe

    def save(self, output: Path) -> None:
        documents = {path: vars(entry) for path, entry in self.documents.items()}
        # Without indentation: json's C encoder (an indented dump goes through its Python one, several times slower).
        text = json.dumps({"version": VERSION, "documents": documents}, ensure_ascii=False, sort_keys=True)
        write_atomic(output / MANIFEST_NAME, text.encode("utf-8"))
        hide(output / STATE_DIR)
        if self._log is not None:
            self._log.close()
            self._log = None
        try:
            (output / LOG_NAME).unlink(missing_ok=True)
        except OSError:
            pass

    def entry(self, path: Path) -> Entry | None:
        return self.documents.get(path.as_posix())

    def unchanged(self, output: Path, path: Path, print_: str) -> bool:
        """The file is there and was made from exactly these inputs."""
        entry = self.entry(path)
        return entry is not None and entry.hash == print_ and (output / path).is_file()


def _made_before(output: Path) -> bool:
    """Whether orders were made into this folder before (so a missing memory was lost, not never there)."""
    orders = output / ORDERS_FOLDER
    try:
        return orders.is_dir() and any(p.suffix == ".docx" for p in orders.iterdir())
    except OSError:
        return False


def as_snapshot(context: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    """The context as plain JSON data, exactly as it will be read back from the manifest (from `text`, its `as_json`
    when already made)."""
    return json.loads(as_json(context) if text is None else text)


def keep_template(output: Path, digest: str, source: bytes) -> None:
    """A copy of a template an order was made from, kept by its digest (once, however many orders use it)."""
    path = output / TEMPLATE_STORE / f"{digest}.docx"
    if not path.exists():
        write_atomic(path, source)


def kept_template(output: Path, digest: str) -> bytes | None:
    try:
        return (output / TEMPLATE_STORE / f"{digest}.docx").read_bytes()
    except FileNotFoundError:
        return None


def signed_store(output: Path, path: Path) -> Path:
    """The hidden store beside a signed document's folder: `Приказы/.подписанные`, `Соглашения/.подписанные`."""
    return output / path.parent / SIGNED_DIR


def keep_signed(output: Path, path: Path, entry: Entry, template: bytes) -> None:
    """A signed document's snapshot and its template's copy in the store beside its folder (once: a signed
    document's data never change)."""
    store = signed_store(output, path)
    target = store / f"{path.stem}.json"
    if not target.exists():
        data = {"file": path.as_posix(), "snapshot": entry.snapshot, "template": entry.template}
        write_atomic(target, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    copy = store / "шаблоны" / f"{entry.template}.docx"
    if not copy.exists():
        write_atomic(copy, template)
    hide(store)


def signed_entry(output: Path, path: Path) -> tuple[Entry, bytes] | None:
    """A signed document's snapshot and template from the store, when the build's memory has lost them."""
    store = signed_store(output, path)
    try:
        data = json.loads((store / f"{path.stem}.json").read_text(encoding="utf-8"))
        template = (store / "шаблоны" / f"{data['template']}.docx").read_bytes()
        return Entry(hash="", snapshot=data["snapshot"], template=data["template"], signed=True), template
    except (OSError, ValueError, KeyError, TypeError):
        return None
