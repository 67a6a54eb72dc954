"""File effects: the one atomic writer every file of ours goes through (a build's documents in batches of it) and
what a failed write means in Russian; the archive (nothing is ever deleted), the journal, and the lock that lets one
run at a time write an output folder."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_PREFIX, TEMP_SUFFIX = ".~", ".tmp"
TEMP_PATTERN = f"{TEMP_PREFIX}*{TEMP_SUFFIX}"
ARCHIVE_DIR = "_архив"
STATE_DIR = ".nastavnik"
"""The output folder's own memory (the build's manifest, template snapshots, crash files): never a document."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()
"""The mode a plainly created file gets (0644 under umask 022); mkstemp's own 0600 would hide documents from the
other users of a shared school computer."""


class WriteFailed(Exception):
    """A file could not be written; the message says why in Russian, for the curator (what to do included)."""


class DocumentLocked(WriteFailed):
    """The target file is open in another program (Word) and cannot be replaced now."""


flush_to_disk = os.fsync
"""What makes a written file survive the computer's switching off before the rename that shows it (the test run
replaces it: nothing there outlives the run, and waiting for the disk was a tenth of each build)."""


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, flush it to the disk, then rename it into place: never a
    half-written document, whatever stops the program. Any failure is a WriteFailed with the reason in Russian;
    the temporary file is removed and the old file is left as it was."""
    temp = _temporary(path, data, flush=True)
    _replace(temp, path)


def _temporary(path: Path, data: bytes, flush: bool) -> str:
    """`data` in a temporary file beside `path` (flushed to the disk if `flush`); a WriteFailed, and no temporary
    file left, if it cannot be."""
    temp: str | None = None
    step = "folder"
    try:
        _make_folder(path.parent)
        step = "create"
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
        step = "write"
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            if flush:
                stream.flush()
                flush_to_disk(stream.fileno())
        os.chmod(temp, _MODE)
        return temp
    except OSError as err:
        if temp is not None:
            _remove(Path(temp))
        raise _failure(path, err, step) from err


def _replace(temp: str, path: Path) -> None:
    try:
        os.replace(temp, path)
    except OSError as err:
        _remove(Path(temp))
        raise _failure(path, err, "replace") from err


class Batch:
    """Files written together (a build's documents), each as write_atomic writes one, with the disk waited for once:
    every file to its temporary copy first, then all of them flushed by one call (`flush_all`), then each renamed
    into place, in order; `size` files at a time, so that rendering goes on while they are put in place. The big
    school's 1,516 documents waited 1 s for their flushes one by one; the one call for all takes 0.05 s. A file that
    cannot be written fails at once; one that cannot be renamed (open in Word) when its batch is done; `then` hears
    either (None: the file is in place). syncfs also writes out what other programs left waiting for the same disk:
    a single file (write_atomic) is still flushed alone."""

    def __init__(self, size: int = 100) -> None:
        self._pending: list[tuple[str, Path, Callable[[WriteFailed | None], None]]] = []
        self._size = size  # files put in place together (the rest of the work goes on between)

    def write(self, path: Path, data: bytes, then: Callable[[WriteFailed | None], None]) -> None:
        try:
            self._pending.append((_temporary(path, data, flush=False), path, then))
        except WriteFailed as err:
            then(err)
        if len(self._pending) >= self._size:
            self.done()

    def done(self) -> None:
        pending, self._pending = self._pending, []
        if not pending:
            return
        unflushed = flush_all([temp for temp, _, _ in pending])
        for temp, path, then in pending:
            try:
                if temp in unflushed:  # on a system without syncfs, or one it failed on: flushed alone
                    _flush_file(temp, path)
                _replace(temp, path)
            except WriteFailed as err:
                then(err)
            else:
                then(None)


def _flush_file(temp: str, path: Path) -> None:
    try:
        with open(temp, "rb+") as stream:
            flush_to_disk(stream.fileno())
    except OSError as err:
        _remove(Path(temp))
        raise _failure(path, err, "write") from err


def _syncfs(temps: list[str]) -> set[str]:
    """The files of `temps` flushed by one syncfs of each file system they are on (Linux); those it could not flush
    (another system, an error) are returned, to be flushed one by one."""
    try:
        import ctypes

        syncfs = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return set(temps)
    devices: dict[int, list[str]] = {}
    for temp in temps:
        try:
            devices.setdefault(os.stat(temp).st_dev, []).append(temp)
        except OSError:
            devices.setdefault(-1, []).append(temp)
    left = set(devices.pop(-1, []))
    for group in devices.values():
        try:
            descriptor = os.open(group[0], os.O_RDONLY)
        except OSError:
            left.update(group)
            continue
        try:
            if syncfs(descriptor) != 0:
                left.update(group)
        finally:
            os.close(descriptor)
    return left


flush_all = _syncfs
"""What makes a batch's files survive the computer's switching off before their renames (replaced in the test run,
as flush_to_disk is)."""


def hide(folder: Path) -> None:
    """On Windows, give a folder of the program's own memory the hidden attribute (a dot hides it only on Linux and
    macOS): the director who opens `output/` sees the documents, not `.nastavnik` or `.подписанные`. Nothing is said
    when it cannot be done."""
    if sys.platform != "win32":
        return
    import ctypes

    try:
        ctypes.windll.kernel32.SetFileAttributesW(str(folder), _FILE_ATTRIBUTE_HIDDEN)
    except (AttributeError, OSError):
        pass


_FILE_ATTRIBUTE_HIDDEN = 0x2


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as err:  # a file stands where the folder should be
        raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(folder)) from err


def _failure(path: Path, err: OSError, step: str) -> WriteFailed:
    """The reason a curator can act on, by what the system said and at which step."""
    code = err.errno
    if code == errno.ENOSPC:
        return WriteFailed(f"«{path.name}» не записан: на диске нет места. Освободите место и сохраните книгу ещё раз.")
    if code == errno.EFBIG:
        return WriteFailed(f"«{path.name}» не записан: файл слишком велик для этого диска (например, флешки FAT32).")
    if code == errno.EDQUOT:
        return WriteFailed(f"«{path.name}» не записан: исчерпана квота на диске.")
    if code == errno.ENAMETOOLONG:
        return WriteFailed(f"«{path.name}» не записан: слишком длинное имя файла или путь к папке. "
                           "Перенесите рабочую папку ближе к корню диска.")
    if code == errno.EROFS:
        return WriteFailed(f"«{path.name}» не записан: диск только для чтения.")
    if code in (errno.ENOTDIR, errno.EEXIST) or (step == "folder" and isinstance(err, FileExistsError)):
        return WriteFailed(f"«{path.name}» не записан: на месте папки «{path.parent.name}» лежит файл с таким же "
                           "именем. Переименуйте или перенесите этот файл.")
    if code == errno.EISDIR or (step == "replace" and path.is_dir()):
        return WriteFailed(f"«{path.name}» не записан: на его месте папка с тем же именем. Переименуйте её.")
    if isinstance(err, PermissionError):
        if step == "replace":
            return DocumentLocked(f"«{path.name}» открыт в другой программе (Word?) и не обновлён. Закройте его — "
                                  "он будет записан при следующей сборке.")
        return WriteFailed(f"«{path.name}» не записан: нет прав на запись в папку «{path.parent}». "
                           "Проверьте права или выберите другую папку параметром --output.")
    if code == errno.EINVAL:
        return WriteFailed(f"«{path.name}» не записан: имя файла недопустимо на этом диске.")
    reason = err.strerror or type(err).__name__
    return WriteFailed(f"«{path.name}» не записан: {reason} (код {code}).")


def title(path: Path) -> str:
    """A document's name without its extension, as people read it: «… Мороз И.И.docx» → «… Мороз И.И.» (the
    initials' full stop serves the extension in the file's name)."""
    return path.stem + "." if _INITIALS_END.search(path.stem) else path.stem


_INITIALS_END = re.compile(r"\s[А-ЯЁA-Z](?:\.[А-ЯЁA-Z])?$")  # «Мороз И.И», «Смит Д»


def archive_name(path: Path, now: dt.datetime) -> Path:
    """«_архив/Приказы/ПРОЕКТ Приказ … (в архиве 27.11.2026 05-46).docx»: the date in the name, nothing overwritten."""
    stamp = now.strftime("%d.%m.%Y %H-%M")
    return Path(ARCHIVE_DIR) / path.parent / f"{title(path)} (в архиве {stamp}){path.suffix}"


def archive(output: Path, path: Path, now: dt.datetime) -> Path | None:
    """Move a document that is no longer made into the archive; never delete it. Returns its new place."""
    source = output / path
    if not source.is_file():
        return None
    target = _free(output / archive_name(path, now))
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    return target.relative_to(output)


def archive_copy(output: Path, path: Path, data: bytes, now: dt.datetime) -> Path:
    """Keep a copy of a file of the curator's (a template) in the archive before it is changed in place."""
    target = _free(output / archive_name(path, now))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return target.relative_to(output)


def _free(target: Path) -> Path:
    """The name itself, or with « 2», « 3» … when taken: nothing in the archive is ever overwritten."""
    counter, free = 1, target
    while free.exists():
        counter += 1
        free = target.with_name(f"{target.stem} {counter}{target.suffix}")
    return free


def remove_leftovers(output: Path, nested: bool = True) -> None:
    """Temporary files of a build that was killed mid-write (ours only: `.~…tmp`), in the folder's sub-folders too
    unless not `nested` (a workbook's folder: only what we wrote beside the book)."""
    if not output.is_dir():
        return
    try:
        for leftover in (output.rglob if nested else output.glob)(TEMP_PATTERN):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                continue  # a read-only folder: the writer will say so for the documents there
    except OSError:
        return


JOURNAL_NAME = "журнал.txt"
JOURNAL_LIMIT = 256 * 1024
"""Past this size the journal keeps its newer half: a year of saves stays readable, the folder stays small."""


def append_journal(output: Path, line: str, now: dt.datetime) -> None:
    """One line per run in `output/журнал.txt`, newest last."""
    path = output / JOURNAL_NAME
    output.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as stream:
        stream.write(f"{now:%d.%m.%Y %H:%M:%S} {line}\n")
    if path.stat().st_size > JOURNAL_LIMIT:
        text = path.read_text(encoding="utf-8")
        kept = text[len(text) // 2:]
        write_atomic(path, kept[kept.find("\n") + 1:].encode("utf-8"))


LOCK_WAIT = 600.0
"""Seconds a run waits for another one writing the same output folder (a district's build takes minutes)."""


class OutputBusy(Exception):
    """Another run has been writing the output folder for longer than a run waits."""


@contextmanager
def output_lock(output: Path, wait: float | None = None, poll: float = 0.05) -> Iterator[None]:
    """One run at a time writes `output` (and its books' year): a build started by the watcher while `new-year`
    moves the folder, or while «На подпись» builds, waits for it and then reads the book as it is by then. The lock
    is a hidden file beside the folder — inside it, an open file would stop the folder's rename on Windows — held
    by the system, so a killed run holds it no longer, and removed by the run that holds it (a waiter that then
    finds its file gone opens the new one). Where no lock file can be made, the run goes on without."""
    path = output.parent / f"{TEMP_PREFIX}{output.name}.lock"
    deadline = time.monotonic() + (LOCK_WAIT if wait is None else wait)
    while True:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(path, "a+b")
        except OSError:
            yield
            return
        hide(path)
        while not _lock(handle):
            if time.monotonic() >= deadline:
                handle.close()
                raise OutputBusy(f"папку «{output}» заполняет другой запуск программы, и он всё ещё не закончил. "
                                 "Дождитесь его конца (или закройте его окно) и запустите ещё раз.")
            time.sleep(poll)
        if _same_file(handle, path):
            break
        _lock(handle, release=True)
        handle.close()
    try:
        yield
    finally:
        _remove(path)  # while held: gone at once on Linux and macOS; Windows refuses to remove an open file
        _lock(handle, release=True)
        handle.close()
        if sys.platform == "win32":
            _remove(path)  # closed now (a waiter's open handle keeps it, and that waiter goes on with it)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _same_file(handle, path: Path) -> bool:
    """Whether the locked file is still the one at `path` (its holder may have removed it meanwhile)."""
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except OSError:
        return False


def _lock(handle, release: bool = False) -> bool:
    """Take (without waiting) or release the lock on the file's first byte; whether it was taken."""
    handle.seek(0)
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK if release else msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN if release else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True
