"""The output folder's memory: what each document was made from, so a rebuild rewrites only what changed."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from automation.render import write_atomic

MANIFEST_NAME = ".nastavnik-manifest.json"
ARCHIVE_DIR = "_архив"
TEMP_PATTERN = ".~*.tmp"
VERSION = 1


def fingerprint(template_digest: str, context: dict[str, Any]) -> str:
    """A hash of everything a document is made from: its template (by the digest of its bytes) and its data."""
    digest = hashlib.sha256(template_digest.encode("ascii"))
    digest.update(json.dumps(context, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
    return digest.hexdigest()


@dataclass
class Manifest:
    """Per document (path relative to the output folder): the fingerprint of the inputs it was last written from."""

    documents: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, output: Path) -> "Manifest":
        try:
            data = json.loads((output / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return cls()
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return cls()
        return cls(documents=dict(data.get("documents", {})))

    def save(self, output: Path) -> None:
        text = json.dumps({"version": VERSION, "documents": self.documents}, ensure_ascii=False, indent=1,
                          sort_keys=True)
        write_atomic(output / MANIFEST_NAME, text.encode("utf-8"))

    def unchanged(self, output: Path, path: Path, print_: str) -> bool:
        """The file is there and was made from exactly these inputs."""
        return self.documents.get(path.as_posix()) == print_ and (output / path).is_file()


def archive_name(path: Path, now: dt.datetime) -> Path:
    """«_архив/Приказы/ПРОЕКТ Приказ … (в архиве 27.11.2026 05-46).docx»: the date in the name, nothing overwritten."""
    stamp = now.strftime("%d.%m.%Y %H-%M")
    return Path(ARCHIVE_DIR) / path.parent / f"{path.stem} (в архиве {stamp}){path.suffix}"


def archive(output: Path, path: Path, now: dt.datetime) -> Path | None:
    """Move a document that is no longer made into the archive; never delete it. Returns its new place."""
    source = output / path
    if not source.is_file():
        return None
    target = output / archive_name(path, now)
    counter = 1
    while target.exists():
        counter += 1
        target = target.with_name(f"{target.stem} {counter}{target.suffix}")
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    return target.relative_to(output)


def remove_leftovers(output: Path) -> None:
    """Temporary files of a build that was killed mid-write (ours only: `.~…tmp`)."""
    if output.is_dir():
        for leftover in output.rglob(TEMP_PATTERN):
            leftover.unlink(missing_ok=True)
