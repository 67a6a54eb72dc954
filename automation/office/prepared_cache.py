"""What a Word template costs to prepare — its XML patched and compiled by Jinja — kept between runs in the user's
cache folder, by the template's digest and every version that shapes it: the next run (the launcher's first build,
each worker process) reads it instead of compiling again. So is the fact that a template passed the template check
with nothing to say. Never needed: a cache that cannot be read or written is passed by, and the template prepared
(or checked) as if there were none."""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import docxtpl
import jinja2

from automation.files import WriteFailed, write_atomic

ENV = "NASTAVNIK_CACHE"
"""A folder to keep the cache in instead of the user's (the tests give each a folder of their own)."""
FORMAT = 1
"""What a cached preparation holds: raised when PreparedTemplate keeps something else."""


def folder() -> Path:
    """%LOCALAPPDATA%\\Наставник\\cache on Windows, $XDG_CACHE_HOME/nastavnik (~/.cache/nastavnik) elsewhere."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "Наставник" / "cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "nastavnik"


def _path(digest: str, version: int) -> Path:
    versions = f"{jinja2.__version__}-{docxtpl.__version__}-{sys.implementation.cache_tag}"
    tag = f"{FORMAT}-{version}-{_package_stamp()}-{versions}"
    return folder() / "templates" / f"{digest}-{tag}.marshal"


@lru_cache(maxsize=1)
def _package_stamp() -> str:
    """When and how large every module of the installed program is: a template prepared or checked by another
    install of the program, or by edited code, is not read back (what a check says depends on most of them: the
    fields of each document, the wording of the findings)."""
    package = Path(__file__).resolve().parent.parent
    try:
        stamps = sorted((str(path.relative_to(package)), path.stat().st_mtime_ns, path.stat().st_size)
                        for path in package.rglob("*.py"))
    except OSError:
        return "0"
    return hashlib.sha256(repr(stamps).encode("utf-8")).hexdigest()[:12]


def _clean_mark(digest: str, name: str) -> Path:
    named = hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
    tag = f"{_package_stamp()}-{jinja2.__version__}-{sys.implementation.cache_tag}"
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
