"""The Linux bundle (issue 15): made by the script, installed with no package index into a folder of its own, and the
installed command builds the sample."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

from tests.helpers import needs_libreoffice, once_per_run

ROOT = Path(__file__).resolve().parent.parent
PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"


def _name(requirement: str) -> str:
    """«python-docx>=1.1,<2» → «python_docx», as a wheel's file name spells it."""
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower().replace("-", "_")


def _base_python() -> str:
    """The interpreter this test runs on, outside its virtual environment (as a curator's machine has it)."""
    return str(Path(sys.base_prefix) / "bin" / f"python{PYTHON}")


@pytest.fixture(scope="session")
def guide(tmp_path_factory) -> Path:
    """The curator's guide, made once for the run by scripts/make_guide.py (LibreOffice) for its test and the
    bundles."""

    def make(folder: Path) -> None:
        made = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_guide.py"), "--output", str(folder)],
                              capture_output=True, text=True, encoding="utf-8", timeout=300)
        assert made.returncode == 0, made.stderr

    return once_per_run(tmp_path_factory, "guide", make) / "Руководство куратора.pdf"


@pytest.fixture(scope="session")
def bundles(tmp_path_factory, guide) -> dict[str, Path]:
    """Both bundles, made by one run of the script (the shared parts once) for the whole test run; skipped only where
    the package index cannot be reached."""
    import json

    def make(folder: Path) -> None:
        made = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_bundle.py"), "--platform", "linux",
                               "windows", "--output", str(folder), "--python", PYTHON, "--guide", str(guide)],
                              capture_output=True, text=True, encoding="utf-8", timeout=900)
        offline = re.search(r"NewConnectionError|Could not fetch|Temporary failure|Network is unreachable",
                            made.stderr)
        assert made.returncode == 0 or offline, made.stderr
        paths = made.stdout.split()
        (folder / "made.json").write_text(json.dumps({"offline": bool(offline), "linux": paths[0] if paths else "",
                                                      "windows": paths[-1] if paths else ""}), encoding="utf-8")

    said = json.loads((once_per_run(tmp_path_factory, "bundles", make) / "made.json").read_text(encoding="utf-8"))
    if said["offline"]:
        pytest.skip("нет доступа к каталогу пакетов (PyPI): комплект собирается только с ним")
    return {"linux": Path(said["linux"]), "windows": Path(said["windows"])}


@pytest.mark.bundle
@needs_libreoffice  # the curator's guide in the bundle is a PDF LibreOffice makes
@pytest.mark.slow
def test_the_linux_bundle_installs_with_no_index_and_builds_the_sample(tmp_path, bundles):
    archive_path = bundles["linux"]
    assert archive_path.name == "Наставник-0.1.0-linux-x86_64.tar.gz"
    with tarfile.open(archive_path) as archive:
        members = {member.name: member for member in archive.getmembers()}
        archive.extractall(tmp_path / "unpacked", filter="data")
    top = "Наставник-0.1.0-linux-x86_64"
    assert members[f"{top}/install.sh"].mode & 0o111  # executable
    assert f"{top}/ПРОЧТИТЕ.txt" in members and f"{top}/Руководство куратора.pdf" in members
    wheels = {Path(name).name.split("-")[0].lower() for name in members if name.endswith(".whl")}
    requirements = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert {"nastavnik", *(_name(r) for r in requirements)} <= wheels

    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "PIP_NO_INDEX": "1", "PIP_CONFIG_FILE": os.devnull,
           "NASTAVNIK_PYTHON": _base_python()}
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONPATH", None)  # the installed bundle is under test, not this checkout
    installed = subprocess.run(["sh", str(tmp_path / "unpacked" / top / "install.sh"), str(tmp_path / "prefix")],
                               capture_output=True, text=True, encoding="utf-8", env=env, timeout=600)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    command = home / ".local" / "bin" / "nastavnik"
    assert installed.stdout.splitlines()[0] == (
        f"Наставник установлен в «{tmp_path / 'prefix'}»; команда: {home}/.local/bin/nastavnik")
    assert command.resolve() == tmp_path / "prefix" / "venv" / "bin" / "nastavnik"
    # The environment's pip is the bundle's (made without ensurepip, which Debian keeps in python3-venv).
    pip = next(Path(name).name.split("-")[1] for name in members if Path(name).name.startswith("pip-"))
    assert list((tmp_path / "prefix" / "venv" / "lib").glob(f"python3*/site-packages/pip-{pip}.dist-info"))

    workspace = tmp_path / "Наставничество"
    init = subprocess.run([str(command), "init", str(workspace)], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=300)
    assert init.returncode == 0, init.stderr
    shutil.copy(ROOT / "workbook" / "Наставничество.xlsx", workspace / "workbook" / "Наставничество.xlsx")
    build = subprocess.run([str(command), "build", "-q"], cwd=workspace, capture_output=True, text=True,
                           encoding="utf-8", env=env, timeout=300)
    assert build.returncode == 0, build.stdout + build.stderr
    assert build.stdout.splitlines()[-1] == ("Итог: документы: создано 69, обновлено 0, без изменений 0; "
                                             "ошибок: 0, предупреждений: 0.")
    assert (workspace / "output" / "Приказы" / "Приказ № 144-ОД от 01.09.2026 Об организации наставничества "
            "педагогических работников.docx").is_file()

    # A new version installs over the old one (the same version number included), and the workspace stays as it was.
    cli = next((tmp_path / "prefix" / "venv" / "lib").glob("python3*/site-packages/automation/cli.py"))
    cli.write_text("raise SystemExit('старая версия')\n", encoding="utf-8")
    book = (workspace / "workbook" / "Наставничество.xlsx").read_bytes()
    again = subprocess.run(["sh", str(tmp_path / "unpacked" / top / "install.sh"), str(tmp_path / "prefix")],
                           capture_output=True, text=True, encoding="utf-8", env=env, timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    check = subprocess.run([str(command), "check", "-q"], cwd=workspace, capture_output=True, text=True,
                           encoding="utf-8", env=env, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
    assert (workspace / "workbook" / "Наставничество.xlsx").read_bytes() == book


def _outside_quotes(line: str) -> str:
    """The parts of a .cmd line not between double quotes."""
    return "".join(part for index, part in enumerate(line.split('"')) if index % 2 == 0)


@pytest.mark.bundle
@needs_libreoffice  # not «slow»: it runs after the Linux one, which makes both bundles, and only reads its own
def test_the_windows_zip_holds_uv_the_windows_wheels_and_installers_in_crlf_with_quoted_paths(bundles):
    import zipfile

    path = bundles["windows"]
    assert path.name == "Наставник-0.1.0-windows-x64.zip"
    top = "Наставник-0.1.0-windows-x64/"
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        assert archive.read(top + "uv.exe")[:2] == b"MZ"  # a Windows program
        pinned = archive.read(top + f"требования-python{PYTHON}.txt").decode("utf-8").split()
        scripts = {name: archive.read(top + name) for name in ("Установить.cmd", "Удалить.cmd")}
    assert top + "образец/Наставничество.xlsx" in names and top + "ПРОЧТИТЕ.txt" in names
    assert top + "Руководство куратора.pdf" in names
    wheels = [Path(name).name for name in names if name.startswith(top + "wheels/") and name.endswith(".whl")]
    for requirement in pinned:  # every requirement the Windows resolution lists has a wheel Windows can install
        project, version = requirement.split("==")
        found = [w for w in wheels if w.lower().startswith(f"{project.lower().replace('-', '_')}-{version}-")]
        assert found and all(w.endswith(("-none-any.whl", "-win_amd64.whl")) for w in found), requirement
    assert any(w.startswith("nastavnik-0.1.0-py3-none-any") for w in wheels)
    for name, data in scripts.items():
        text = data.decode("utf-8")
        assert text.startswith("@echo off\r\nchcp 65001 >nul\r\n"), name
        assert "\n" not in text.replace("\r\n", ""), name  # CRLF only
        for line in text.split("\r\n"):
            if line.lstrip().lower().startswith(("echo", "rem", "set ")):
                continue
            assert not re.search(r"%(HERE|APP|WORK|DOCS)%", _outside_quotes(line)), (name, line)
    install = scripts["Установить.cmd"].decode("utf-8")
    assert '--no-index --find-links "%HERE%wheels"' in install
    # A Python already installed is taken without the internet; only when there is none is Python 3.12 downloaded.
    lines = install.split("\r\n")
    found = lines.index('"%HERE%uv.exe" venv --quiet --allow-existing --no-python-downloads --python ">=3.11,<3.14" '
                        '"%APP%\\venv"')
    assert lines[found + 1] == "if not errorlevel 1 goto install"
    assert lines[found + 3:found + 5] == ['"%HERE%uv.exe" python install 3.12', "if errorlevel 1 goto no_python"]
    assert 'set "APP=%LOCALAPPDATA%\\Наставник"' in install
    uninstall = scripts["Удалить.cmd"].decode("utf-8").split("\r\n")
    removed = uninstall.index('if exist "%APP%" rmdir /s /q "%APP%"')
    assert 'if exist "%APP%" goto busy' in uninstall[removed + 1:removed + 3]  # a running watcher's files stay
    assert "Наставничество" not in _outside_quotes(
        next(line for line in scripts["Удалить.cmd"].decode("utf-8").split("\r\n") if "rmdir" in line))


def test_a_launcher_made_by_init_finds_the_environment_the_windows_installer_made():
    from automation.office.blank_book import LAUNCHER

    lines = LAUNCHER.split("\r\n")
    assert lines[3:6] == [
        'set "NASTAVNIK=nastavnik"',
        'if exist "%LOCALAPPDATA%\\Наставник\\venv\\Scripts\\nastavnik.exe" '
        'set "NASTAVNIK=%LOCALAPPDATA%\\Наставник\\venv\\Scripts\\nastavnik.exe"',
        'if exist ".venv\\Scripts\\nastavnik.exe" set "NASTAVNIK=.venv\\Scripts\\nastavnik.exe"']


def test_the_launchers_in_the_repository_are_those_init_makes():
    """The repository's root is a workspace too: its launchers must not lag behind (they once lacked the installer's
    environment)."""
    from automation.office.blank_book import LAUNCHERS

    for name, text in LAUNCHERS.items():
        assert (ROOT / name).read_bytes() == text.encode("utf-8"), name


@needs_libreoffice
def test_the_curators_guide_is_made_as_a_pdf_with_its_sections(guide):
    from pypdf import PdfReader

    pdf = PdfReader(guide)
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    for heading in ("Руководство куратора", "1. Установка", "2. Рабочая папка", "3. Книга: лист за листом",
                    "4. Учебный год", "5. Что значат сообщения", "6. Печать и подпись",
                    "7. Новая версия и резервные копии"):
        assert heading in text, heading
    assert any(page.images for page in pdf.pages)  # the picture of an order


def _uv_without_index(folder: Path, package: str) -> Path:
    """A uv that fails as the real one does where it cannot reach the package index."""
    failing = folder / "uv"
    failing.write_text(f"#!/bin/sh\necho 'error: Failed to fetch: https://pypi.org/simple/{package}/' >&2\nexit 2\n",
                       encoding="utf-8")
    failing.chmod(0o755)
    return failing


def test_the_projects_wheel_is_built_by_pip_where_uv_cannot_build_it(tmp_path, monkeypatch):
    """uv builds the project's wheel; where it cannot (no package index it can reach for setuptools), pip does."""
    from concurrent.futures import Future

    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    import make_bundle

    failing = _uv_without_index(tmp_path, "setuptools")
    uv: Future[Path] = Future()
    uv.set_result(failing)
    asked: list[list[str]] = []
    monkeypatch.setattr(make_bundle, "run", asked.append)
    assert make_bundle.project_wheel(tmp_path, uv) == tmp_path / "built"
    assert asked == [[sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir",
                      str(tmp_path / "built"), str(ROOT)]]


def test_the_linux_wheels_are_downloaded_by_pip_where_uv_cannot_resolve_them(tmp_path, monkeypatch):
    """uv resolves the wheels and they are fetched by their locked addresses; where uv cannot reach the index, pip
    downloads them as before."""
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    import make_bundle

    failing = _uv_without_index(tmp_path, "openpyxl")
    asked: list[list[str]] = []
    monkeypatch.setattr(make_bundle, "run", asked.append)
    make_bundle.linux_wheels(failing, tmp_path, ["3.12"], tmp_path / "wheels")
    platforms = [argument for platform in make_bundle.LINUX_PLATFORMS for argument in ("--platform", platform)]
    assert asked == [[sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "--dest",
                      str(tmp_path / "wheels"), "--python-version", "3.12", "--implementation", "cp", *platforms,
                      *make_bundle.requirements(), "pip"]]


def test_a_downloaded_wheel_unlike_its_lock_is_refused_and_not_kept(tmp_path, monkeypatch):
    import hashlib

    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    import make_bundle

    served = tmp_path / "served" / "six-1.17.0-py2.py3-none-any.whl"
    served.parent.mkdir()
    served.write_bytes(b"not the wheel that was locked")
    (tmp_path / "wheels").mkdir()
    wheel = {"url": served.as_uri(), "size": served.stat().st_size, "hashes": {"sha256": "0" * 64}}
    with pytest.raises(SystemExit) as refused:
        make_bundle.fetch(wheel, tmp_path / "wheels")
    assert str(refused.value) == ("Скачанное колесо six-1.17.0-py2.py3-none-any.whl не совпало с контрольной суммой "
                                  "из pylock.toml: не положено")
    assert not list((tmp_path / "wheels").iterdir())
    wheel["hashes"]["sha256"] = hashlib.sha256(served.read_bytes()).hexdigest()
    make_bundle.fetch(wheel, tmp_path / "wheels")
    assert (tmp_path / "wheels" / served.name).read_bytes() == served.read_bytes()


def test_the_wheel_for_the_oldest_linux_is_taken_where_the_lock_offers_several(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    import make_bundle

    offered = [{"url": f"https://files.example/lxml-6.2.0-cp311-cp311-{tag}.whl"}
               for tag in ("manylinux_2_26_x86_64.manylinux_2_28_x86_64", "manylinux2014_x86_64.manylinux_2_17_x86_64",
                           "manylinux_2_31_x86_64")]
    assert min(offered, key=make_bundle._glibc) is offered[1]
