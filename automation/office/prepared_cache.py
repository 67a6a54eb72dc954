"""What a Word template costs to prepare — its XML patched and compiled by Jinja — kept between runs in the user's
cache folder, by the template's digest and every version that shapes it: the next run (the launcher's first build,
each worker process) reads it instead of compiling again. So is the fact that a template passed the template check
with nothing to say. Never needed: a cache that cannot be read or written is passed by, and the template prepared
(or checked) as if there were none."""

from __future__ import annotations

import hashlib
import marshal
import sys
from pathlib import Path
from typing import Any

import docxtpl
import jinja2

from automation.files import WriteFailed, write_atomic
from automation.memo import folder, package_stamp

FORMAT = 1
"""What a cached preparation holds: raised when PreparedTemplate keeps something else."""


def _path(digest: str, version: int) -> Path:
    versions = f"{jinja2.__version__}-{docxtpl.__version__}-{sys.implementation.cache_tag}"
    tag = f"{FORMAT}-{version}-{package_stamp()}-{versions}"
    return folder() / "templates" / f"{digest}-{tag}.marshal"


def _clean_mark(digest: str, name: str) -> Path:
    named = hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
    tag = f"{package_stamp()}-{jinja2.__version__}-{sys.implementation.cache_tag}"
    return folder() / "checked" / f"{digest}-{named}-{tag}"


def checked_clean(digest: str, name: str) -> bool:
    """Whether a template of this digest, under this name, passed this program's check with nothing found."""
    try:
        return _clean_mark(digest, name).is_file()
    except OSError:
        return False


def mark_clean(digest: str, name: str) -> None:
    """Kept for the next run: the template passed the check with nothing found (nothing said when it cannot be)."""
    try:
        write_atomic(_clean_mark(digest, name), b"")
    except WriteFailed:
        pass


def load(digest: str, version: int) -> dict[str, Any] | None:
    """The preparation kept for a template of this digest by this program's versions, if any and whole."""
    try:
        value = marshal.loads(_path(digest, version).read_bytes())
    except (OSError, ValueError, EOFError, TypeError, RuntimeError):
        return None
    return value if isinstance(value, dict) else None


def save(digest: str, version: int, value: dict[str, Any]) -> None:
    """Kept for the next run; nothing is said when it cannot be (no room, no rights: the next run prepares again)."""
    try:
        write_atomic(_path(digest, version), marshal.dumps(value))
    except (WriteFailed, ValueError):
        pass
