"""Shared fixtures: each test writes its own workbook into a temporary folder, by header name."""

from __future__ import annotations

import copy
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from automation import files
from automation.office.default_templates import write_templates
from automation.run import writing
from tests import sample_data
from tests.helpers import TODAY, once_per_run, write_book  # noqa: F401 — fixtures below use TODAY

# A command a test starts (`python -m automation …`) runs this checkout's code, not a copy installed earlier into the
# environment (`pip install .` copies the package: without this, a change not yet reinstalled would go untested).
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent.parent),
                                                         os.environ.get("PYTHONPATH")]))
# Bytecode is written and read back even where PYTHONDONTWRITEBYTECODE is set (as in our CI image): the suite starts
# some sixty commands, and each would compile the package again (0.25 s a command), each worker the tests.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def _temporary_files_in_memory(least: int = 2 * 2**30) -> Path | None:
    """The run's temporary files (every tmp_path, the commands' and LibreOffice's) in a folder of their own in memory,
    /dev/shm, where it has room: the suite creates some 27,000 files (750 MB), and a file is made there in some 20 µs
    against 40-600 µs on this disk. Chosen once by the process that starts the run; its workers inherit it (TMPDIR).
    A folder left by a run that was killed or failed is removed first. Returns the folder this process made, or None
    (a worker, or no such room: the usual temporary folder)."""
    inherited = os.environ.get("NASTAVNIK_TEST_TEMP")
    if inherited and Path(inherited).is_dir():
        tempfile.tempdir = inherited
        return None
    try:
        for earlier in Path("/dev/shm").glob("nastavnik-tests-*-*"):
            if not _running(earlier.name.split("-")[2]):  # a run killed, or one that failed, before this one
                shutil.rmtree(earlier, ignore_errors=True)
        if shutil.disk_usage("/dev/shm").free < least:
            return None
        folder = Path(tempfile.mkdtemp(prefix=f"nastavnik-tests-{os.getpid()}-", dir="/dev/shm"))
    except OSError:
        return None
    os.environ["TMPDIR"] = os.environ["NASTAVNIK_TEST_TEMP"] = tempfile.tempdir = str(folder)
    return folder


def _running(pid: str) -> bool:
    """Whether the process of that number (one that started a run) is still running."""
    if not pid.isdigit() or int(pid) < 2:
        return False
    try:
        os.kill(int(pid), 0)  # signal 0: only asks whether it exists
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's: not ours to judge
    return True


_TEMPORARY = _temporary_files_in_memory()
# The prepared templates' cache (office/prepared_cache) of the test run, never the user's: a folder of its own, gone
# with the run (the commands the tests start use it too).
_CACHE = tempfile.TemporaryDirectory(prefix="nastavnik-cache-")
os.environ["NASTAVNIK_CACHE"] = _CACHE.name
# Nothing the tests write in this process outlives the run: the disk is not waited for (a tenth of each build; the
# commands the tests start as processes still wait for it, and tests/test_faults.py checks the wait with the real one).
files.flush_to_disk = lambda descriptor: None
files.flush_all = lambda temps: set()
# A build a test makes in this process renders its documents here, and a district builds its schools here: the
# suite's two workers already keep both cores busy, and two forked processes of its own would only add their start.
# The tests of those processes (tests/test_build.py, tests/test_district.py) ask for two, and the commands the tests
# start as processes keep the default.
writing.WORKERS = 1


def pytest_collection_modifyitems(items):
    """Long tests first: the workers then share the short ones and end together (the order is otherwise kept;
    no test depends on another's order)."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_unconfigure(config):
    """The run's folder in memory is removed by the process that made it, unless a test failed: then it is kept
    for a look until the next run, and its place said."""
    if _TEMPORARY is None:
        return
    if getattr(config, "_nastavnik_failed", False):
        print(f"\nВременные файлы прогона с ошибками оставлены в памяти до следующего прогона: {_TEMPORARY}")
        return
    shutil.rmtree(_TEMPORARY, ignore_errors=True)


def pytest_sessionfinish(session, exitstatus):
    session.config._nastavnik_failed = exitstatus not in (0, 5)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/*.txt from the current rendering")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture
def rows() -> dict:
    """A fresh, mutable copy of the test workbook's rows (sheet title → list of header → value)."""
    return copy.deepcopy(sample_data.ROWS)


@pytest.fixture
def settings() -> dict:
    return dict(sample_data.SETTINGS)


@pytest.fixture
def write(tmp_path):
    """write(rows, settings, name) → path of a workbook in the test's folder (a new name each call unless given)."""
    counter = iter(range(1000))

    def _write(rows: dict, settings: dict | None = None, name: str | None = None) -> Path:
        return write_book(tmp_path / (name or f"book{next(counter)}.xlsx"), rows,
                          sample_data.SETTINGS if settings is None else settings)

    return _write


@pytest.fixture(scope="session")
def templates(tmp_path_factory) -> Path:
    """The default templates, written once for the test run (0.7 s)."""
    return once_per_run(tmp_path_factory, "templates", write_templates)


@pytest.fixture
def own_templates(tmp_path, templates) -> Path:
    """A copy of the default templates the test may edit: the session's, copied (writing them takes 0.7 s)."""
    import shutil

    return Path(shutil.copytree(templates, tmp_path / "templates"))


@pytest.fixture(scope="session")
def initialized(tmp_path_factory) -> Path:
    """A workspace made once for the test run by the real `nastavnik init`; `tests.helpers.workspace` copies it."""
    import subprocess
    import sys

    def init(folder: Path) -> None:
        result = subprocess.run([sys.executable, "-m", "automation", "init", str(folder / "школа")],
                                capture_output=True, text=True, encoding="utf-8", timeout=120,
                                cwd=Path(__file__).resolve().parent.parent)
        assert result.returncode == 0, result.stderr

    return once_per_run(tmp_path_factory, "initialized", init) / "школа"
