"""An unexpected fault, said in one Russian sentence; its details kept in a file for whoever mends the program."""

from __future__ import annotations

import datetime as dt
import platform
import sys
import tempfile
import traceback
from pathlib import Path

from automation.files import STATE_DIR

EXIT_CRASH = 3
CRASH_PREFIX = "сбой"


def record(output: Path, what: str, error: BaseException, now: dt.datetime | None = None) -> Path | None:
    """The traceback and the setting in `output/.nastavnik/сбой ДД.ММ.ГГГГ ЧЧ-ММ-СС.txt` (the system's temporary
    folder when the output folder cannot be written); None when neither can."""
    now = now or dt.datetime.now()
    text = (f"Наставник: сбой при действии «{what}», {now:%d.%m.%Y %H:%M:%S}\n"
            f"Python {platform.python_version()} ({sys.platform}), {platform.platform()}\n"
            f"Команда: {' '.join(sys.argv)}\n\n"
            + "".join(traceback.format_exception(type(error), error, error.__traceback__)))
    stem = f"{CRASH_PREFIX} {now:%d.%m.%Y %H-%M-%S}"
    for folder in (output / STATE_DIR, Path(tempfile.gettempdir()) / "nastavnik"):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path, counter = folder / f"{stem}.txt", 1
            while path.exists():
                counter += 1
                path = folder / f"{stem} {counter}.txt"
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return None


def sentence(what: str, error: BaseException, details: Path | None) -> str:
    """«Не удалось собрать документы: внутренняя ошибка программы (KeyError). Подробности — в файле «…»; …»"""
    where = (f"Подробности записаны в файл «{details}»: пришлите его разработчикам."
             if details is not None else "Подробности записать не удалось (нет доступа к диску).")
    return (f"Не удалось {what}: внутренняя ошибка программы ({type(error).__name__}). {where} "
            "Книга не изменена; уже готовые документы остались на месте.")
