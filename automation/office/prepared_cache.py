"""What a Word template costs to prepare — its XML patched and compiled by Jinja — kept between runs in the user's
cache folder, by the template's digest and every version that shapes it: the next run (the launcher's first build,
each worker process) reads it instead of compiling again. Never needed: a cache that cannot be read or written is
passed by, and the template prepared as if there were none."""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
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


def _code_stamp() -> str:
    """When and how large the code that prepares a template was installed (this folder's render.py, pagination.py
    and this module): a template prepared by another install of the program, or by edited code, is not read back."""
    code = [Path(__file__).with_name(name) for name in ("render.py", "pagination.py", "prepared_cache.py")]
    try:
        stamps = [(path.stat().st_mtime_ns, path.stat().st_size) for path in code]
    except OSError:
        return "0"
    return hashlib.sha256(repr(stamps).encode("ascii")).hexdigest()[:12]


_STAMP = _code_stamp()


def _path(digest: str, version: int) -> Path:
    tag = f"{FORMAT}-{version}-{_STAMP}-{jinja2.__version__}-{docxtpl.__version__}-{sys.implementation.cache_tag}"
    return folder() / "templates" / f"{digest}-{tag}.marshal"


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
