"""Makes the bundle a curator installs without a programmer and without the internet.

    python scripts/make_bundle.py --platform linux --output DIR [--python 3.11 3.12 3.13]

Linux (Astra Linux, ALT, РЕД ОС, Debian, Ubuntu): «Наставник-<версия>-linux-x86_64.tar.gz» holds the project's wheel
and a wheel of every dependency for each CPython given (the machine's own Python 3.11 or newer is used), «install.sh
[ПАПКА]» that installs them with no package index into a virtual environment (default ~/.local/share/nastavnik) and
puts a «nastavnik» command in ~/.local/bin, a short «ПРОЧТИТЕ.txt» and «Руководство куратора.pdf» (made by
scripts/make_guide.py; LibreOffice is needed to make a bundle).

Windows: «Наставник-<версия>-windows-x64.zip» holds uv.exe (from the official uv wheel for win_amd64: it finds an
installed Python 3.11–3.13 or fetches one once, and installs offline), a wheel of every requirement resolved for
Windows by `uv pip compile --python-platform x86_64-pc-windows-msvc` for each CPython (markers included: a dependency
only Windows needs is there; a `pip download --platform` run here would evaluate them for Linux and leave it out),
«Установить.cmd» and «Удалить.cmd» (CRLF, UTF-8 console, every path quoted), the sample book and «ПРОЧТИТЕ.txt».
The installer makes the environment in %LOCALAPPDATA%\Наставник (the launchers made by `init` look there), the
workspace «Документы\Наставничество» with `nastavnik init` (the sample on request) and a desktop shortcut to it; the
uninstaller removes the environment and the shortcut, never the workspace.

Making a bundle needs the package index (the wheels are downloaded here, once, by the addresses and checksums of a
pylock.toml that uv resolves); installing it does not.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import tomllib
import urllib.parse
import urllib.request
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from make_guide import make_pdf  # scripts/ is the script's own folder, first on sys.path

ROOT = Path(__file__).resolve().parent.parent
PYTHONS = ("3.11", "3.12", "3.13")
LINUX_PLATFORMS = ("manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64", "linux_x86_64")
LINUX_TARGET = "x86_64-manylinux_2_28"  # uv's name for the newest of LINUX_PLATFORMS
WINDOWS_TARGET = "x86_64-pc-windows-msvc"
# One talk with the package index at a time, by 8 threads that keep their connections: a bundle's 30 wheels took
# 0.7 s so; opened anew for each wheel, one name lookup in thirty waited the resolver's 5 s.
INDEX = threading.Lock()
DOWNLOADERS = ThreadPoolExecutor(max_workers=8, thread_name_prefix="download")
_KEPT = threading.local()  # each downloader's open connections, by host

INSTALL_SH = r'''#!/bin/sh
# Наставник: установка без интернета. Запуск: sh install.sh [ПАПКА]
set -eu
PREFIX="${1:-$HOME/.local/share/nastavnik}"
BIN="${NASTAVNIK_BIN:-$HOME/.local/bin}"
HERE="$(cd "$(dirname "$0")" && pwd)"
# A Python 3.11 or newer for which the bundle holds wheels (NASTAVNIK_PYTHON chooses one by hand).
PYTHON=""
FOUND=""
for candidate in ${NASTAVNIK_PYTHON:-} python3 python3.13 python3.12 python3.11; do
    command -v "$candidate" >/dev/null 2>&1 || continue
    TAG="$("$candidate" -c 'import sys; print("%d%d" % sys.version_info[:2]) if sys.version_info >= (3, 11) else None' \
        2>/dev/null || true)"
    [ -n "$TAG" ] && [ "$TAG" != "None" ] || continue
    FOUND="$candidate"
    if ls "$HERE"/wheels/*-cp"$TAG"-*.whl >/dev/null 2>&1; then
        PYTHON="$candidate"
        break
    fi
done
if [ -z "$PYTHON" ]; then
    if [ -n "$FOUND" ]; then
        echo "В комплекте нет файлов для $("$FOUND" -V 2>&1): возьмите комплект для этой версии Python."
    else
        echo "Нужен Python 3.11 или новее. Установите пакет python3 (в Astra Linux, ALT, РЕД ОС — из репозитория"
        echo "дистрибутива) и запустите установку ещё раз."
    fi
    exit 2
fi
# The environment is made once, without pip (Debian-family systems keep ensurepip in a package of its own,
# python3-venv): the bundle's own pip installs the program and itself into it. One of another Python is made anew.
PIP="$(ls "$HERE"/wheels/pip-*.whl | head -n 1)"
MADE=""
if [ "$("$PREFIX/venv/bin/python" -c 'import sys; print("%d%d" % sys.version_info[:2])' 2>/dev/null || true)" \
        != "$TAG" ]; then
    if ! "$PYTHON" -m venv --clear --without-pip "$PREFIX/venv" >/dev/null 2>&1; then
        echo "Не удалось создать окружение Python в «$PREFIX». Проверьте, что в эту папку можно писать, и повторите."
        exit 2
    fi
    MADE="yes"
fi
install_wheels() {  # the environment's pip once it has one (compiled: a second faster), else the bundle's
    if "$PREFIX/venv/bin/python" -c "import pip" >/dev/null 2>&1; then
        "$PREFIX/venv/bin/python" -m pip install --quiet --no-index --find-links "$HERE/wheels" "$@"
    else
        "$PREFIX/venv/bin/python" "$PIP/pip" install --quiet --no-index --find-links "$HERE/wheels" "$@"
    fi
}
# A new bundle replaces what an earlier one installed: the dependencies it brings newer, and the program itself even
# under the same version number (reinstalled alone: the dependencies it has are not installed again).
if ! install_wheels --upgrade --upgrade-strategy eager nastavnik pip \
    || { [ -z "$MADE" ] && ! install_wheels --force-reinstall --no-deps nastavnik; }; then
    echo "Не удалось установить «Наставник» из папки wheels: для Python $("$PYTHON" -V 2>&1) в комплекте нет"
    echo "подходящих файлов. Возьмите комплект для своей версии Python."
    exit 2
fi
mkdir -p "$BIN"
ln -sf "$PREFIX/venv/bin/nastavnik" "$BIN/nastavnik"
echo "Наставник установлен в «$PREFIX»; команда: $BIN/nastavnik"
case ":$PATH:" in
    *":$BIN:"*) ;;
    *) echo "Папки «$BIN» пока нет в PATH: запускайте «$BIN/nastavnik» или войдите в систему заново." ;;
esac
echo "Рабочая папка с образцом книги: nastavnik init ~/Наставничество"
echo "Для файла «На подпись» нужен LibreOffice и шрифты Liberation (пакет fonts-liberation или liberation-fonts)."
'''

README = """Наставник {version} для Linux (Astra Linux, ALT, РЕД ОС, Debian, Ubuntu)

1. Распакуйте архив и откройте терминал в его папке.
2. Выполните: sh install.sh
   Интернет не нужен: всё нужное — в папке wheels. Нужен Python 3.11 или новее (есть в дистрибутиве).
3. Создайте рабочую папку: ~/.local/bin/nastavnik init ~/Наставничество
4. Заполните книгу workbook/Наставничество.xlsx и запустите в рабочей папке: nastavnik watch
   Документы появляются в папке output.

Удаление: rm -r ~/.local/share/nastavnik ~/.local/bin/nastavnik (рабочая папка с книгой остаётся).
"""


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def requirements() -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]


def run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"Не удалось: {' '.join(command[:6])} …\n{result.stderr.strip()[-2000:]}")


def here_uv(work: Path) -> Path:
    """uv for this machine, which builds the project's wheel and resolves the requirements: the one installed beside
    this Python (the test extras bring it), else taken out of its wheel (no environment to install it into)."""
    installed = Path(sys.executable).with_name("uv")
    if installed.is_file():
        return installed
    run([sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "--no-deps", "--dest",
         str(work / "uv-here"), "uv"])
    uv = _uv_program(work / "uv-here", "/scripts/uv", work / "uv-here" / "uv")
    uv.chmod(0o755)
    return uv


def _uv_program(folder: Path, member: str, target: Path) -> Path:
    """uv's program (the one whose name in the wheel ends with `member`) taken out of the uv wheel in `folder`."""
    with zipfile.ZipFile(next(folder.glob("uv-*.whl"))) as archive:
        target.write_bytes(archive.read(next(n for n in archive.namelist() if n.endswith(member))))
    return target


def project_wheel(work: Path, uv: Future[Path]) -> Path:
    """The folder with the project's wheel, made once for every bundle (as is the guide's PDF): by `uv build` (1.3 s;
    `pip wheel` took 4.3 s, most of it installing setuptools into its own environment), or by pip where uv cannot
    reach the package index."""
    built = work / "built"
    command = [str(uv.result()), "build", "--wheel", "--quiet", "--python", sys.executable, "--out-dir", str(built),
               str(ROOT)]
    with INDEX:
        made = subprocess.run(command, capture_output=True, text=True)
    if made.returncode != 0 or not list(built.glob("*.whl")):
        run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(built), str(ROOT)])
    return built


class Unresolved(Exception):
    """uv could not resolve the requirements (no package index it can reach); its words are the message."""


def _glibc(wheel: dict) -> int:
    """The glibc a wheel asks for (manylinux2014 = 2.17); 0 for a wheel that asks for none."""
    name = wheel["url"].rsplit("/", 1)[1]
    found = [int(m) for m in re.findall(r"manylinux_2_(\d+)", name)]
    found += [legacy for tag, legacy in (("manylinux2014", 17), ("manylinux2010", 12), ("manylinux1", 5))
              if tag in name]
    return min(found, default=0)


def download(url: str) -> bytes:
    """The bytes at `url`: over the thread's kept connection to an https host (one name lookup and handshake per
    thread, not per wheel), by urllib through a proxy or for any other scheme."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "https" or urllib.request.getproxies().get("https"):
        with urllib.request.urlopen(url, timeout=300) as response:
            return response.read()
    kept = vars(_KEPT).setdefault("connections", {})
    for last in (False, True):  # a kept connection the server has closed meanwhile is opened once more
        connection = kept.get(parts.netloc) or kept.setdefault(
            parts.netloc, http.client.HTTPSConnection(parts.netloc, timeout=300))
        try:
            connection.request("GET", urllib.parse.urlunsplit(("", "", parts.path, parts.query, "")))
            response = connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as error:
            kept.pop(parts.netloc).close()
            if last:
                raise OSError(str(error) or type(error).__name__) from error
            continue
        if response.status != 200:
            raise OSError(f"{response.status} {response.reason}")
        return data
    raise AssertionError("unreachable")


def fetch(wheel: dict, wheels: Path) -> None:
    """One wheel of a pylock.toml into `wheels`, checked against the lock's size and sha256 (kept if already there)."""
    target = wheels / urllib.parse.unquote(wheel["url"].rsplit("/", 1)[1])
    expected = wheel["hashes"]["sha256"]
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == expected:
        return
    try:
        data = download(wheel["url"])
    except OSError as error:
        sys.exit(f"Не удалось скачать {target.name}: {error}")
    if len(data) != wheel.get("size", len(data)) or hashlib.sha256(data).hexdigest() != expected:
        sys.exit(f"Скачанное колесо {target.name} не совпало с контрольной суммой из pylock.toml: не положено")
    target.write_bytes(data)


def locked_wheels(uv: Path, work: Path, wanted: list[str], target: str, python: str, wheels: Path) -> list[str]:
    """The `wanted` requirements resolved by uv for the `target` platform and `python` as a pylock.toml (each wheel's
    address, size and sha256; 0.7 s), and one wheel of each fetched into `wheels` side by side: «pip download» did the
    same in 7–9 s of its own CPU, most of it reading every release of every dependency. Where the lock offers several
    wheels of a package (manylinux2014 and manylinux_2_28), the one the oldest system can install is taken. Returns
    the pins as «name==version»."""
    request = hashlib.sha256(f"{wanted} {target} {python}".encode()).hexdigest()[:12]  # one lock per request
    lock = work / f"pylock.{request}.toml"
    asked = lock.with_suffix(".in")
    asked.write_text("".join(f"{requirement}\n" for requirement in wanted), encoding="utf-8")
    # The Python versions are targets: no interpreter of them is looked for or downloaded (7 s of refusals offline).
    with INDEX:
        made = subprocess.run([str(uv), "pip", "compile", "--quiet", "--no-python-downloads", "--only-binary",
                               ":all:", "--python-platform", target, "--python-version", python, "--output-file",
                               str(lock), str(asked)], capture_output=True, text=True)
        if made.returncode != 0:
            raise Unresolved(made.stderr.strip()[-2000:])
        packages = tomllib.loads(lock.read_text(encoding="utf-8"))["packages"]
        list(DOWNLOADERS.map(lambda package: fetch(min(package["wheels"], key=_glibc), wheels), packages))
    return [f"{package['name']}=={package['version']}" for package in packages]


def linux_wheels(uv: Path, work: Path, pythons: list[str], wheels: Path) -> None:
    """Every requirement and pip, for each Python, by uv; by «pip download» where uv cannot reach the index."""
    for python in pythons:
        try:
            locked_wheels(uv, work, [*requirements(), "pip"], LINUX_TARGET, python, wheels)
        except Unresolved:
            platforms = [argument for platform in LINUX_PLATFORMS for argument in ("--platform", platform)]
            run([sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "--dest", str(wheels),
                 "--python-version", python, "--implementation", "cp", *platforms, *requirements(), "pip"])


def shared_parts(built: Future[Path], guide: Future[Path], wheels: Path, folder: Path) -> None:
    """The project's wheel into `wheels` and the guide into `folder`, once both are made."""
    for wheel in built.result().glob("*.whl"):
        shutil.copy(wheel, wheels)
    shutil.copy(guide.result(), folder)


def linux_bundle(output: Path, pythons: list[str], built: Future[Path], guide: Future[Path],
                 here: Future[Path]) -> Path:
    name = f"Наставник-{version()}-linux-x86_64"
    with tempfile.TemporaryDirectory(prefix="nastavnik-bundle-") as temp:
        folder = Path(temp) / name
        wheels = folder / "wheels"
        wheels.mkdir(parents=True)
        linux_wheels(here.result(), Path(temp), pythons, wheels)
        shared_parts(built, guide, wheels, folder)
        install = folder / "install.sh"
        install.write_text(INSTALL_SH, encoding="utf-8", newline="\n")
        install.chmod(0o755)
        (folder / "ПРОЧТИТЕ.txt").write_text(README.format(version=version()), encoding="utf-8")
        output.mkdir(parents=True, exist_ok=True)
        target = output / f"{name}.tar.gz"
        with tarfile.open(target, "w:gz") as archive:
            archive.add(folder, arcname=name)
    return target


INSTALL_CMD = r"""@echo off
chcp 65001 >nul
setlocal EnableExtensions
rem Наставник: установка двойным щелчком. Интернет нужен один раз, только если на компьютере нет Python 3.11-3.13.
set "HERE=%~dp0"
set "APP=%LOCALAPPDATA%\Наставник"
set "DOCS=%USERPROFILE%\Documents"
for /f "usebackq delims=" %%d in (`powershell -NoProfile -Command "[Environment]::GetFolderPath('MyDocuments')"`) do set "DOCS=%%d"
set "WORK=%DOCS%\Наставничество"
echo Устанавливаю «Наставник» в «%APP%»...
rem A Python 3.11-3.13 already on the computer; else Python 3.12, downloaded once by uv.
"%HERE%uv.exe" venv --quiet --allow-existing --no-python-downloads --python ">=3.11,<3.14" "%APP%\venv"
if not errorlevel 1 goto install
echo На компьютере нет Python 3.11-3.13: скачиваю Python 3.12 (нужен интернет, один раз)...
"%HERE%uv.exe" python install 3.12
if errorlevel 1 goto no_python
"%HERE%uv.exe" venv --quiet --allow-existing --python 3.12 "%APP%\venv"
if errorlevel 1 goto no_python
:install
"%HERE%uv.exe" pip install --quiet --python "%APP%\venv\Scripts\python.exe" --no-index --find-links "%HERE%wheels" --reinstall-package nastavnik nastavnik
if errorlevel 1 goto no_wheels
if exist "%WORK%\workbook" goto have_work
"%APP%\venv\Scripts\nastavnik.exe" init "%WORK%"
if errorlevel 1 goto no_init
set "ANSWER="
set /p "ANSWER=Положить в книгу образец вымышленной школы, чтобы посмотреть документы? (д/н): "
rem «l» и «y» — те же клавиши, что «д», в английской раскладке.
for %%a in (д Д l L y Y) do if "%ANSWER%"=="%%a" goto sample
goto shortcut
:sample
copy /y "%HERE%образец\Наставничество.xlsx" "%WORK%\workbook\Наставничество.xlsx" >nul
goto shortcut
:have_work
echo Рабочая папка «%WORK%» уже есть: книга и шаблоны в ней не тронуты.
:shortcut
powershell -NoProfile -Command "$s=(New-Object -ComObject WScript.Shell).CreateShortcut([Environment]::GetFolderPath('Desktop')+'\Наставничество.lnk'); $s.TargetPath=$env:WORK; $s.Save()" >nul 2>&1
echo.
echo Готово. Рабочая папка: «%WORK%» (ярлык «Наставничество» на рабочем столе).
echo В ней: книга workbook\Наставничество.xlsx, «Наставник.cmd» — следить за книгой и делать документы в output,
echo «На подпись.cmd» — собрать один PDF для директора (нужен LibreOffice: ru.libreoffice.org).
pause
exit /b 0
:no_python
echo Не удалось найти или скачать Python 3.11-3.13. Подключите интернет и запустите установку ещё раз
echo или установите Python 3.12 с python.org (галочка «Add python.exe to PATH»).
pause
exit /b 2
:no_wheels
echo Не удалось установить «Наставник» из папки wheels комплекта. Если открыто окно «Наставник» (слежение),
echo закройте его и запустите установку ещё раз; если не поможет — скачайте комплект заново.
pause
exit /b 2
:no_init
echo Не удалось создать рабочую папку «%WORK%»: проверьте, что в «Документах» можно создавать папки.
pause
exit /b 2
"""

UNINSTALL_CMD = r"""@echo off
chcp 65001 >nul
setlocal EnableExtensions
rem Наставник: удаление программы. Рабочая папка с книгой и документами не удаляется.
set "APP=%LOCALAPPDATA%\Наставник"
if exist "%APP%" rmdir /s /q "%APP%"
rem A running watcher keeps its files open: then the folder stays, and the curator is told why.
if exist "%APP%" goto busy
powershell -NoProfile -Command "Remove-Item -LiteralPath ([Environment]::GetFolderPath('Desktop')+'\Наставничество.lnk') -ErrorAction SilentlyContinue" >nul 2>&1
echo Программа удалена. Рабочая папка «Наставничество» в «Документах» осталась: книга и документы в ней целы.
pause
exit /b 0
:busy
echo Программа удалена не вся: её файлы заняты. Закройте окно «Наставник» (слежение) и запустите удаление ещё раз.
pause
exit /b 2
"""

WINDOWS_README = """Наставник {version} для Windows

1. Распакуйте архив (правый щелчок — «Извлечь всё»).
2. Дважды щёлкните «Установить.cmd». Если на компьютере нет Python 3.11 или новее, он скачается один раз
   (нужен интернет); всё остальное — в папке wheels комплекта.
3. Откройте ярлык «Наставничество» на рабочем столе: заполните книгу workbook\Наставничество.xlsx и дважды
   щёлкните «Наставник.cmd» — документы появляются в папке output после каждого сохранения книги.

Удаление: «Удалить.cmd» (рабочая папка с книгой и документами остаётся).
"""


def _crlf(text: str) -> bytes:
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def windows_bundle(output: Path, pythons: list[str], built: Future[Path], guide: Future[Path],
                   here: Future[Path]) -> Path:
    """uv.exe, the wheels resolved for Windows (markers evaluated for Windows), the installer and uninstaller,
    the sample book; zipped as «Наставник-<версия>-windows-x64.zip»."""
    name = f"Наставник-{version()}-windows-x64"
    with tempfile.TemporaryDirectory(prefix="nastavnik-bundle-") as temp:
        work = Path(temp)
        uv = here.result()
        folder = work / name
        wheels = folder / "wheels"
        wheels.mkdir(parents=True)
        try:
            # uv.exe itself, from the official wheel for Windows.
            (work / "uv").mkdir()
            locked_wheels(uv, work, ["uv"], WINDOWS_TARGET, pythons[0], work / "uv")
            _uv_program(work / "uv", "/uv.exe", folder / "uv.exe")
            pinned = {python: locked_wheels(uv, work, requirements(), WINDOWS_TARGET, python, wheels)
                      for python in pythons}
        except Unresolved as error:
            sys.exit(f"Не удалось разрешить зависимости для Windows:\n{error}")
        for python, pins in pinned.items():
            (folder / f"требования-python{python}.txt").write_text("".join(f"{pin}\n" for pin in pins),
                                                                   encoding="utf-8")
        shared_parts(built, guide, wheels, folder)
        (folder / "Установить.cmd").write_bytes(_crlf(INSTALL_CMD))
        (folder / "Удалить.cmd").write_bytes(_crlf(UNINSTALL_CMD))
        (folder / "ПРОЧТИТЕ.txt").write_bytes(_crlf(WINDOWS_README.format(version=version())))
        (folder / "образец").mkdir()
        shutil.copy(ROOT / "workbook" / "Наставничество.xlsx", folder / "образец" / "Наставничество.xlsx")
        output.mkdir(parents=True, exist_ok=True)
        target = output / f"{name}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():  # a wheel is a zip already: stored as it is (0.8 s less, 0.3 MB more)
                    archive.write(path, f"{name}/{path.relative_to(folder).as_posix()}",
                                  zipfile.ZIP_STORED if path.suffix == ".whl" else zipfile.ZIP_DEFLATED)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description="Комплект «Наставник» для установки без программиста и без интернета.")
    parser.add_argument("--platform", choices=("linux", "windows"), nargs="+", required=True,
                        help="для какой системы (можно обе: общие части делаются один раз)")
    parser.add_argument("--output", type=Path, required=True, help="папка, куда положить комплект")
    parser.add_argument("--python", nargs="+", default=list(PYTHONS),
                        help="версии CPython, для которых положить колёса (по умолчанию 3.11 3.12 3.13)")
    parser.add_argument("--guide", type=Path,
                        help="готовый PDF руководства куратора (scripts/make_guide.py), чтобы не делать его заново")
    args = parser.parse_args()
    # Much of each part is waiting (on the package index, on LibreOffice): all are made side by side, each bundle
    # taking the shared parts when it needs them, and printed in order.
    with tempfile.TemporaryDirectory(prefix="nastavnik-shared-") as temp, ThreadPoolExecutor(max_workers=5) as pool:
        here = pool.submit(here_uv, Path(temp))
        built = pool.submit(project_wheel, Path(temp), here)
        guide = pool.submit(lambda: args.guide) if args.guide else pool.submit(make_pdf, Path(temp) / "guide")
        makers = {"linux": lambda: linux_bundle(args.output, args.python, built, guide, here),
                  "windows": lambda: windows_bundle(args.output, args.python, built, guide, here)}
        made = [pool.submit(makers[platform]) for platform in dict.fromkeys(args.platform)]
        for bundle in made:
            print(bundle.result())


if __name__ == "__main__":
    main()
