"""The command line as a curator runs it: init, check, build; exit codes, Russian output, --json."""

import json
import os
import subprocess
import sys

import openpyxl
import pytest

from automation.book import schema
from automation.office.blank_book import LISTS_SHEET
from automation.office.default_templates import TEMPLATE_NAMES
from tests.helpers import nastavnik, workspace


def test_init_creates_workbook_templates_and_output(tmp_path):
    folder = tmp_path / "школа"
    result = nastavnik("init", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (folder / "doc_templates").iterdir()) == sorted(TEMPLATE_NAMES)
    assert (folder / "output").is_dir()
    watching, printing = (folder / "Наставник.sh").read_text(encoding="utf-8"), (folder / "На подпись.sh").read_text(
        encoding="utf-8")  # this is Linux: shell launchers, no .cmd
    assert not list(folder.glob("*.cmd"))
    assert watching.startswith("#!/bin/sh\ncd \"$(dirname \"$0\")\" || exit 1\n") and '"$NASTAVNIK" watch' in watching
    assert '"$NASTAVNIK" print' in printing and 'xdg-open "$newest"' in printing
    assert (folder / "Наставник.sh").stat().st_mode & 0o111 and (folder / "На подпись.sh").stat().st_mode & 0o111
    assert f"Ярлык для слежения за книгой (двойной щелчок или «./Наставник.sh»): {folder / 'Наставник.sh'}" in (
        result.stdout.splitlines())
    year = folder / "Новый учебный год.sh"
    assert '"$NASTAVNIK" new-year' in year.read_text(encoding="utf-8") and year.stat().st_mode & 0o111
    assert (f"Ярлык для перехода в новый учебный год (двойной щелчок или «./Новый учебный год.sh»): {year}"
            in result.stdout.splitlines())
    book = openpyxl.load_workbook(folder / "workbook" / "Наставничество.xlsx")
    assert book.sheetnames == [schema.INSTRUCTIONS_TITLE] + [s.title for s in schema.SHEETS] + [LISTS_SHEET]
    assert book[LISTS_SHEET].sheet_state == "hidden"
    pairs = book["Пары"]
    assert [c.value for c in pairs[1]] == [c.header for c in schema.PAIRS.columns]
    assert pairs.freeze_panes == "A2"
    rules = {str(rule.sqref): rule.formula1 for rule in pairs.data_validations.dataValidation}
    assert set(rules) == {"D2:D500", "E2:E500"}
    lists = book[LISTS_SHEET]
    forms_column = rules["D2:D500"].split("!")[1].split(":")[0].replace("$", "")[0]
    values = [lists[f"{forms_column}{row}"].value for row in range(2, 2 + len(schema.MENTORING_FORMS))]
    assert values == list(schema.MENTORING_FORMS)


def test_init_never_overwrites_a_curators_workbook(tmp_path, initialized):
    folder = workspace(tmp_path, initialized)
    book = folder / "workbook" / "Наставничество.xlsx"
    book.write_bytes(book.read_bytes() + b"")
    before = book.read_bytes()
    result = nastavnik("init", str(folder), cwd=tmp_path)
    assert result.returncode == 0
    assert f"Книга уже есть, не трогаю: {book}" in result.stdout
    assert book.read_bytes() == before


def test_check_on_a_blank_workbook_asks_for_the_organisation(tmp_path, initialized):
    folder = workspace(tmp_path, initialized)
    result = nastavnik("check", cwd=folder)
    assert result.returncode == 1
    assert "Лист «Организация», строка 2, столбец «Значение»: «Полное наименование»: ячейка пуста. Заполните её." \
        in result.stdout


def test_build_in_a_workspace_with_no_options(tmp_path, write, rows, initialized):
    folder = workspace(tmp_path, initialized, write(rows))
    result = nastavnik("build", cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == ("Итог: документы: создано 33, обновлено 0, без изменений 0; ошибок: 0, "
                                              "предупреждений: 0.")
    assert "  [проект] Приказы/ПРОЕКТ Приказ О закреплении наставнических пар (групп).docx — создан" in result.stdout
    again = nastavnik("build", cwd=folder)
    assert again.stdout.splitlines()[-1] == ("Итог: документы: создано 0, обновлено 0, без изменений 33; ошибок: 0, "
                                             "предупреждений: 0.")
    assert (folder / "output" / "Отчёт о проверке.docx").exists()
    assert result.stderr == ""


def test_build_with_errors_exits_1_and_names_the_cell(tmp_path, write, rows, initialized):
    rows["Пары"][0]["Наставник (код)"] = "П-17"
    book = write(rows)
    templates = workspace(tmp_path, initialized) / "doc_templates"
    result = nastavnik("build", "--workbook", str(book), "--templates", str(templates),
                       "--output", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 1
    assert ("  • Лист «Пары», строка 2, столбец «Наставник (код)»: нет педагога с кодом «П-17» на листе «Педагоги». "
            "Впишите код из столбца «Код».") in result.stdout


def test_check_json(tmp_path, write, rows):
    rows["Программы"][0]["Дата начала"] = "31.02.2026"
    result = nastavnik("check", "--workbook", str(write(rows)), "--json", cwd=tmp_path)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["errors"] == [{"sheet": "Программы", "row": 2, "column": "Дата начала",
                               "message": "даты «31.02.2026» не бывает. Проверьте день и месяц и введите дату "
                                          "в виде ДД.ММ.ГГГГ."}]
    assert data["documents"] == []


def test_build_without_a_workbook_exits_2_with_one_sentence(tmp_path):
    result = nastavnik("build", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.strip() == ("Не удалось выполнить команду. Не найдено: «workbook». Укажите книгу параметром "
                                     "--workbook или создайте её: nastavnik init.")
    assert "Traceback" not in result.stderr


def test_corrupt_workbook_exits_2_without_traceback(tmp_path):
    book = tmp_path / "Книга.xlsx"
    book.write_bytes(b"PK\x03\x04 this is not really a zip")
    result = nastavnik("build", "--workbook", str(book), "--json", cwd=tmp_path)
    assert result.returncode == 2
    assert json.loads(result.stdout)["errors"][0]["message"] == (
        "Файл «Книга.xlsx» — не книга Excel .xlsx или сохранён не до конца. Откройте его в Excel и сохраните как .xlsx.")
    assert "Traceback" not in result.stderr


def test_help_is_russian(tmp_path):
    result = nastavnik("--help", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("Использование: nastavnik [ПАРАМЕТРЫ] [КОМАНДА [ПАРАМЕТРЫ]...]")
    assert "Команды:" in result.stdout and "Показать эту справку и выйти." in result.stdout


def test_unknown_command_is_explained_in_russian(tmp_path):
    result = nastavnik("buld", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "Ошибка в команде: нет такой команды «buld».\nСправка: nastavnik --help\n"


def _sigint_ignored_and_blocked() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


@pytest.mark.parametrize("inherited", [False, True], ids=["as a terminal starts it", "SIGINT ignored and blocked"])
def test_watch_builds_then_stops_on_ctrl_c_with_a_goodbye(tmp_path, write, rows, initialized, inherited):
    """Ctrl+C ends the watch also when it was started with SIGINT ignored and blocked (a process inherits both: a
    test worker did so in CI, and the watcher never said goodbye)."""
    import signal
    import threading
    folder = workspace(tmp_path, initialized, write(rows))
    process = subprocess.Popen([sys.executable, "-m", "automation", "watch"], cwd=folder, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8",
                               env={**os.environ, "PYTHONUNBUFFERED": "1"},
                               preexec_fn=_sigint_ignored_and_blocked if inherited else None)
    first: list[str] = []  # the greeting, then the first build's line: the watcher is then watching
    reader = threading.Thread(target=lambda: first.extend(process.stdout.readline() for _ in range(2)), daemon=True)
    reader.start()
    reader.join(60)
    try:
        assert len(first) == 2, f"the watcher said only {first}"
        process.send_signal(signal.SIGINT)
        try:
            out, err = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()  # this test's own process only
            out, err = process.communicate(timeout=30)
            pytest.fail(f"the watcher did not stop within 30 s of Ctrl+C; it said: {first + [out]!r}, {err!r}")
    finally:
        if process.poll() is None:
            process.kill()  # this test's own process only
            process.wait(timeout=30)
    assert process.returncode == 0
    lines = [line.rstrip("\n") for line in first] + out.splitlines()
    assert lines[0] == ("Слежу за книгой «workbook» и шаблонами «doc_templates»; документы — в «output». "
                        "Остановить: Ctrl+C.")
    assert lines[1].endswith("Документы: создано 33, обновлено 0, без изменений 0; ошибок: 0, "
                             "предупреждений: 0.")
    assert lines[-1] == "Слежение остановлено. До свидания!"
    assert err == ""


def test_bare_nastavnik_builds_the_workspace_as_its_help_says(tmp_path, write, rows, initialized):
    folder = workspace(tmp_path, initialized, write(rows))
    result = nastavnik(cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == ("Итог: документы: создано 33, обновлено 0, без изменений 0; ошибок: 0, "
                                              "предупреждений: 0.")
    assert "Запуск без команды в папке проекта — то же, что «nastavnik build»" in nastavnik("--help", cwd=folder).stdout


def test_the_command_list_is_whole_words_and_says_what_templates_does(tmp_path):
    listing = nastavnik("--help", cwd=tmp_path).stdout.split("Команды:")[1]
    assert listing.splitlines()[1:] == [
        "  build           Проверить книгу и сформировать документы.",
        "  check           Только проверить книгу.",
        "  import-answers  Перенести ответы анкет из выгрузки онлайн-формы.",
        "  init            Создать рабочую папку: пустая книга, шаблоны, ярлыки.",
        "  new-year        Перенести книгу в новый учебный год, сохранив прошлый.",
        "  print           Собрать документы и один PDF «На подпись».",
        "  templates       Проверить и исправить шаблоны, написать справочник полей.",
        "  watch           Пересобирать после каждого сохранения.",
    ]


def test_version_is_said_in_russian(tmp_path):
    from importlib.metadata import version

    result = nastavnik("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, f"Наставник {version('nastavnik')}\n")


def test_a_build_where_there_is_no_workbook_leaves_nothing_behind(tmp_path):
    result = nastavnik("build", cwd=tmp_path)
    assert result.returncode == 2
    assert list(tmp_path.iterdir()) == []


def test_windows_launchers_are_the_cmd_files_with_a_utf8_console(tmp_path):
    from automation.office.blank_book import write_launchers

    assert [p.name for p in write_launchers(tmp_path, windows=True)] == ["Наставник.cmd", "На подпись.cmd",
                                                                        "Новый учебный год.cmd"]
    launcher = (tmp_path / "Наставник.cmd").read_bytes().decode("utf-8")
    assert launcher.startswith("@echo off\r\nchcp 65001 >nul\r\n")
    assert '"%NASTAVNIK%" watch\r\n' in launcher and "  pause\r\n" in launcher
    printing = (tmp_path / "На подпись.cmd").read_bytes().decode("utf-8")
    assert printing.startswith("@echo off\r\nchcp 65001 >nul\r\n")
    assert '"%NASTAVNIK%" print\r\nif errorlevel 2 (\r\n' in printing
    assert 'dir /b /o-d "output\\На подпись *.pdf"' in printing and '  start "" "output\\%%f"\r\n' in printing
