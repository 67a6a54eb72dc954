"""Makes the bundle a curator installs without a programmer and without the internet.

    python scripts/make_bundle.py --platform linux --output DIR [--python 3.11 3.12 3.13]

Linux (Astra Linux, ALT, РЕД ОС, Debian, Ubuntu): «Наставник-<версия>-linux-x86_64.tar.gz» holds the project's wheel
and a wheel of every dependency for each CPython given (the machine's own Python 3.11 or newer is used), «install.sh
[ПАПКА]» that installs them with no package index into a virtual environment (default ~/.local/share/nastavnik) and
puts a «nastavnik» command in ~/.local/bin, and a short «ПРОЧТИТЕ.txt».

Making the bundle needs the package index (the wheels are downloaded here, once); installing it does not.
The Windows bundle is not made yet (issue 15): it needs uv.exe and wheels resolved for Windows.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHONS = ("3.11", "3.12", "3.13")
LINUX_PLATFORMS = ("manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64", "linux_x86_64")

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
if ! "$PYTHON" -m venv "$PREFIX/venv" >/dev/null 2>&1; then
    echo "Не удалось создать окружение Python в «$PREFIX». Установите пакет python3-venv и повторите."
    exit 2
fi
if ! "$PREFIX/venv/bin/python" -m pip install --quiet --no-index --find-links "$HERE/wheels" nastavnik; then
    echo "Не удалось установить «Наставник» из папки wheels: для Python $("$PYTHON" -V 2>&1) в комплекте нет"
    echo "подходящих файлов. Возьмите комплект для своей версии Python."
    exit 2
fi
mkdir -p "$BIN"
ln -sf "$PREFIX/venv/bin/nastavnik" "$BIN/nastavnik"
echo "Наставник установлен в «$PREFIX»; команда: $BIN/nastavnik"
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


def linux_bundle(output: Path, pythons: list[str]) -> Path:
    name = f"Наставник-{version()}-linux-x86_64"
    with tempfile.TemporaryDirectory(prefix="nastavnik-bundle-") as temp:
        folder = Path(temp) / name
        wheels = folder / "wheels"
        wheels.mkdir(parents=True)
        # The project and every dependency for this Python: a dependency published only as source becomes a wheel
        # here, and the other Pythons' downloads find it in the same folder.
        run([sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(wheels), str(ROOT)])
        for python in pythons:
            platforms = [argument for platform in LINUX_PLATFORMS for argument in ("--platform", platform)]
            run([sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", "--dest", str(wheels),
                 "--find-links", str(wheels),
                 "--python-version", python, "--implementation", "cp", *platforms, *requirements()])
        install = folder / "install.sh"
        install.write_text(INSTALL_SH, encoding="utf-8", newline="\n")
        install.chmod(0o755)
        (folder / "ПРОЧТИТЕ.txt").write_text(README.format(version=version()), encoding="utf-8")
        output.mkdir(parents=True, exist_ok=True)
        target = output / f"{name}.tar.gz"
        with tarfile.open(target, "w:gz") as archive:
            archive.add(folder, arcname=name)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description="Комплект «Наставник» для установки без программиста и без интернета.")
    parser.add_argument("--platform", choices=("linux", "windows"), required=True)
    parser.add_argument("--output", type=Path, required=True, help="папка, куда положить комплект")
    parser.add_argument("--python", nargs="+", default=list(PYTHONS),
                        help="версии CPython, для которых положить колёса (по умолчанию 3.11 3.12 3.13)")
    args = parser.parse_args()
    if args.platform == "windows":
        sys.exit("Комплект для Windows пока не собирается (задача 15): нужны uv.exe и колёса, разрешённые для Windows.")
    print(linux_bundle(args.output, args.python))


if __name__ == "__main__":
    main()
