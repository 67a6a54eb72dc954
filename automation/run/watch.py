"""Watches the workbook and the templates with watchdog; after each finished save calls the rebuild it is given."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from automation.book.reader import BOOK_SUFFIXES

QUIET = 0.3
"""Seconds without events after which a save counts as finished."""
QUIET_WHILE_WRITING = 1.0
"""Longer quiet after a write that was not closed yet (LibreOffice writes in chunks, then closes the file)."""

_LOCK_PREFIXES = ("~$", ".~")  # Excel's ~$Книга.xlsx, LibreOffice's .~lock.Книга.xlsx#, our .~….tmp
_TEMP_SUFFIXES = (".tmp", ".temp", "~", "#", ".crdownload", ".part")


@dataclass(frozen=True)
class Watched:
    """What to watch: one workbook file, or every workbook of a folder; the templates; the output to ignore."""

    workbook_dir: Path
    workbook_file: Path | None
    templates: Path
    output: Path

    @classmethod
    def of(cls, workbook: Path, templates: Path, output: Path) -> "Watched":
        workbook = workbook.resolve()
        if workbook.is_dir():
            return cls(workbook, None, templates.resolve(), output.resolve())
        return cls(workbook.parent, workbook, templates.resolve(), output.resolve())

    def folders(self) -> list[Path]:
        return list(dict.fromkeys(f for f in (self.workbook_dir, self.templates) if f.is_dir()))


def is_trigger(path: str, watched: Watched) -> bool:
    """Whether a change of this file calls for a rebuild: the workbook or a template, never locks, temporary files
    or our own output."""
    file = Path(path)
    name = file.name
    if name.startswith(_LOCK_PREFIXES) or name.lower().endswith(_TEMP_SUFFIXES):
        return False
    if file == watched.output or watched.output in file.parents:
        return False
    if file.parent == watched.templates and file.suffix.lower() == ".docx":
        return True
    if watched.workbook_file is not None:
        return file == watched.workbook_file
    return file.parent == watched.workbook_dir and file.suffix.lower() in BOOK_SUFFIXES


def changes(event: FileSystemEvent) -> list[tuple[str, bool]]:
    """The paths an event touches, each with whether the file may still be being written."""
    if event.is_directory:
        return []
    if isinstance(event, FileMovedEvent):
        return [(str(event.dest_path), False)]  # Excel, Р7 and sync folders: the new content arrives by a rename
    if isinstance(event, (FileClosedEvent, FileCreatedEvent)):
        # Closing after writing is LibreOffice's «finished» signal; a rename from an unwatched folder arrives as
        # «created» with its content complete (a file still being written goes on with «modified» events).
        return [(str(event.src_path), False)]
    if isinstance(event, FileModifiedEvent):
        return [(str(event.src_path), True)]
    return []


class Debouncer:
    """Turns a burst of events into one rebuild: due once no event came for the quiet period."""

    def __init__(self, quiet: float = QUIET, quiet_while_writing: float = QUIET_WHILE_WRITING) -> None:
        self.quiet = quiet
        self.quiet_while_writing = quiet_while_writing
        self.last: float | None = None
        self.writing = False

    def event(self, now: float, writing: bool) -> None:
        self.last = now
        self.writing = writing

    def due(self, now: float) -> bool:
        if self.last is None:
            return False
        return now - self.last >= (self.quiet_while_writing if self.writing else self.quiet)

    def take(self) -> None:
        self.last = None
        self.writing = False


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: "Watcher") -> None:
        self.watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.watcher.notice(event)


class Watcher:
    """Calls `rebuild` after each finished save; the rebuild knows nothing of files events, this knows nothing of Word."""

    def __init__(self, watched: Watched, rebuild: Callable[[], None], debouncer: Debouncer | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.watched = watched
        self.rebuild = rebuild
        self.debouncer = debouncer or Debouncer()
        self.clock = clock
        self._lock = threading.Lock()

    def notice(self, event: FileSystemEvent) -> None:
        for path, writing in changes(event):
            if is_trigger(path, self.watched):
                with self._lock:
                    self.debouncer.event(self.clock(), writing)

    def take_due(self) -> bool:
        with self._lock:
            if self.debouncer.due(self.clock()):
                self.debouncer.take()
                return True
            return False

    def pending(self) -> bool:
        """Whether a save has been seen and its rebuild is not yet due or not yet taken."""
        with self._lock:
            return self.debouncer.last is not None

    def run(self, stop: threading.Event, poll: float = 0.05, first: Callable[[], None] | None = None,
            ready: threading.Event | None = None) -> None:
        """Watch until `stop` is set (or Ctrl+C); each due save calls `rebuild` once, in this thread.

        `first` (the build at start) runs once the folders are watched: a save made while it runs is built next.
        `ready` is set once they are watched (the observer's start adds the watches before it returns)."""
        observer = Observer()
        handler = _Handler(self)
        for folder in self.watched.folders():
            observer.schedule(handler, str(folder), recursive=False)
        observer.start()
        if ready is not None:
            ready.set()
        try:
            if first is not None:
                first()
            while not stop.is_set():
                if self.take_due():
                    self.rebuild()
                stop.wait(poll)
        finally:
            # watchdog's stop waits for its inotify reader without a bound: a stop that does not return must not keep
            # Ctrl+C from ending the watch, so it is asked on a thread of its own, and it and the observer are
            # waited for STOP_WAIT at most in all. Their threads are daemons: the program ends either way.
            deadline = time.monotonic() + STOP_WAIT
            stopping = threading.Thread(target=observer.stop, daemon=True)
            stopping.start()
            stopping.join(timeout=STOP_WAIT)
            observer.join(timeout=max(0.0, deadline - time.monotonic()))


STOP_WAIT = 2.0
"""Seconds Ctrl+C waits at most for the file watching to stop."""


def ctrl_c_stops() -> None:
    """Ctrl+C ends the watch even when whoever started it left the signal ignored or blocked (a process inherits
    both; Python then never turns it into KeyboardInterrupt — seen in CI, where the watcher never said goodbye)."""
    import signal

    signal.signal(signal.SIGINT, signal.default_int_handler)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
