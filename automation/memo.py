"""What the program keeps between runs in the user's cache folder: answers that cost a library's start to find.
A template's preparation (office.prepared_cache), the grammar's answers (the dictionary of Russian takes 0.1 s to
open), a chart's picture. Each is kept by every version that shapes it, and never needed: a cache that cannot be
read or written is passed by, and the answer found as if there were none."""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import sys
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, TypeVar

from automation.files import WriteFailed, write_atomic

ENV = "NASTAVNIK_CACHE"
"""A folder to keep the cache in instead of the user's (the tests give their run a folder of its own)."""


def folder() -> Path:
    """%LOCALAPPDATA%\\Наставник\\cache on Windows, $XDG_CACHE_HOME/nastavnik (~/.cache/nastavnik) elsewhere."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "Наставник" / "cache"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "nastavnik"


@lru_cache(maxsize=1)
def package_stamp() -> str:
    """When and how large every module of the installed program is: what another install of the program, or edited
    code, found is not read back (a template's check depends on most of them: the fields of each document, the
    wording of the findings)."""
    package = Path(__file__).resolve().parent
    try:
        stamps = sorted((str(path.relative_to(package)), path.stat().st_mtime_ns, path.stat().st_size)
                        for path in package.rglob("*.py"))
    except OSError:
        return "0"
    return hashlib.sha256(repr(stamps).encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=8)
def _libraries_stamp(names: tuple[str, ...]) -> str:
    """The installed libraries' mark, found without importing them (their first file's time and size: an upgrade
    writes it anew)."""
    import importlib.util

    stamps = []
    for name in names:
        try:
            spec = importlib.util.find_spec(name)
            origin = os.stat(spec.origin) if spec is not None and spec.origin else None
        except (OSError, ImportError, ValueError):
            origin = None
        stamps.append((name, origin.st_mtime_ns, origin.st_size) if origin else (name,))
    return hashlib.sha256(repr(stamps).encode("utf-8")).hexdigest()[:12]


class Store:
    """Answers kept in one file of the cache folder, read at the first question; `save_all` writes each store that
    learned something. At most `limit` answers are kept, the oldest let go first."""

    def __init__(self, name: str, libraries: tuple[str, ...], limit: int) -> None:
        self.name, self.libraries, self.limit = name, libraries, limit
        self._answers: dict[Any, Any] | None = None
        self._learned = False
        _STORES.append(self)

    def _path(self) -> Path:
        tag = f"{package_stamp()}-{_libraries_stamp(self.libraries)}-{sys.implementation.cache_tag}"
        return folder() / "memo" / f"{self.name}-{tag}.marshal"

    def answer(self, key: Any, find: Callable[[], Any]) -> Any:
        answers = self._answers
        if answers is None:
            answers = self._answers = self._read()
        try:
            return answers[key]
        except KeyError:
            pass
        value = find()
        if len(answers) >= self.limit:
            del answers[next(iter(answers))]
        answers[key] = value
        self._learned = True
        return value

    def _read(self) -> dict[Any, Any]:
        try:
            value = marshal.loads(self._path().read_bytes())
        except (OSError, ValueError, EOFError, TypeError, RuntimeError):
            return {}
        return value if isinstance(value, dict) else {}

    def save(self) -> None:
        if not self._learned or self._answers is None:
            return
        self._learned = False
        path = self._path()
        try:
            write_atomic(path, marshal.dumps(self._answers))
            for stale in path.parent.glob(f"{self.name}-*.marshal"):  # kept by an earlier install or version
                if stale != path:
                    stale.unlink()
        except (WriteFailed, ValueError, OSError):
            pass


_STORES: list[Store] = []

Function = TypeVar("Function", bound=Callable[..., Any])


def remembered(store: Store) -> Callable[[Function], Function]:
    """The function's answers kept in `store`, by its name and arguments (an Enum by its value): the arguments and
    the answer are plain values (str, int, bool, tuples and frozensets of them)."""

    def decorate(function: Function) -> Function:
        name = function.__name__

        @functools.wraps(function)
        def remembering(*args: Any) -> Any:
            key = (name, *(arg.value if isinstance(arg, Enum) else arg for arg in args))
            return store.answer(key, lambda: function(*args))

        return remembering  # type: ignore[return-value]

    return decorate


def save_all() -> None:
    """Every store that learned something since it was read, written for the next run (nothing said if it cannot)."""
    for store in _STORES:
        store.save()
