"""Writes new workbooks from the schema (blank for `init`, or with rows given by header) and new workspaces."""

from __future__ import annotations

import io
import sys
from copy import copy
from pathlib import Path
from typing import Any, Iterable, Mapping

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from automation.book import schema
from automation.book.questionnaires import default_questions
from automation.book.schema import Kind, Sheet
from automation.files import write_atomic

LISTS_SHEET = "Списки"
VALIDATED_ROWS = 500
WORKBOOK_NAME = "Наставничество.xlsx"
LAUNCHER_NAME = "Наставник.cmd"
PRINT_LAUNCHER_NAME = "На подпись.cmd"
YEAR_LAUNCHER_NAME = "Новый учебный год.cmd"
# Windows launchers: UTF-8 console; the workspace's own virtual environment if there is one, else the one the
# Windows bundle's installer made (%LOCALAPPDATA%\Наставник), else «nastavnik» on the PATH; the window kept open when
# something went wrong so the curator can read why.
_LAUNCHER_HEAD = [
    "@echo off",
    "chcp 65001 >nul",
    'cd /d "%~dp0"',
    'set "NASTAVNIK=nastavnik"',
    'if exist "%LOCALAPPDATA%\\Наставник\\venv\\Scripts\\nastavnik.exe" '
    'set "NASTAVNIK=%LOCALAPPDATA%\\Наставник\\venv\\Scripts\\nastavnik.exe"',
    'if exist ".venv\\Scripts\\nastavnik.exe" set "NASTAVNIK=.venv\\Scripts\\nastavnik.exe"',
]
LAUNCHER = "\r\n".join([
    *_LAUNCHER_HEAD,
    '"%NASTAVNIK%" watch',
    "if errorlevel 1 (",
    "  echo.",
    "  echo Наставник остановился с ошибкой. Если команда nastavnik не найдена, установите программу: дважды "
    "щёлкните «Установить.cmd» из комплекта.",
    "  pause",
    ")",
    "",
])
# The director's one click: build, join what awaits signature into one PDF and open it.
PRINT_LAUNCHER = "\r\n".join([
    *_LAUNCHER_HEAD,
    '"%NASTAVNIK%" print',
    "if errorlevel 2 (",
    "  echo.",
    "  echo Файл «На подпись» не собран: причина написана выше.",
    "  pause",
    "  exit /b",
    ")",
    'for /f "delims=" %%f in (\'dir /b /o-d "output\\На подпись *.pdf" 2^>nul\') do (',
    '  start "" "output\\%%f"',
    "  exit /b",
    ")",
    "pause",
    "",
])
# Once a year, in late August: the book carried into the next school year (it asks before doing anything early).
YEAR_LAUNCHER = "\r\n".join([
    *_LAUNCHER_HEAD,
    '"%NASTAVNIK%" new-year',
    "echo.",
    "pause",
    "",
])
LAUNCHERS = {LAUNCHER_NAME: LAUNCHER, PRINT_LAUNCHER_NAME: PRINT_LAUNCHER, YEAR_LAUNCHER_NAME: YEAR_LAUNCHER}
LAUNCHER_PURPOSES = {LAUNCHER_NAME: "слежения за книгой", PRINT_LAUNCHER_NAME: "сборки файла «На подпись»",
                     YEAR_LAUNCHER_NAME: "перехода в новый учебный год"}
"""What each launcher is for, as `init` names it (a shell twin has the same stem)."""
# Linux (Astra, ALT, РЕД ОС): the same two as shell scripts — the program the Linux bundle installed
# (~/.local/bin), the workspace's own environment, or «nastavnik» on the PATH.
_SHELL_HEAD = """#!/bin/sh
cd "$(dirname "$0")" || exit 1
NASTAVNIK=nastavnik
[ -x "$HOME/.local/bin/nastavnik" ] && NASTAVNIK="$HOME/.local/bin/nastavnik"
[ -x .venv/bin/nastavnik ] && NASTAVNIK=.venv/bin/nastavnik
"""
SHELL_LAUNCHERS = {
    "Наставник.sh": _SHELL_HEAD + """"$NASTAVNIK" watch || {
    echo "Наставник остановился с ошибкой. Если команда nastavnik не найдена, установите программу: sh install.sh из комплекта."
    read -r _
}
""",
    "На подпись.sh": _SHELL_HEAD + """"$NASTAVNIK" print || { echo "Файл «На подпись» не собран: причина написана выше."; read -r _; exit 1; }
newest=$(ls -t output/"На подпись "*.pdf 2>/dev/null | head -n 1)
[ -n "$newest" ] && xdg-open "$newest" >/dev/null 2>&1 &
""",
    "Новый учебный год.sh": _SHELL_HEAD + """"$NASTAVNIK" new-year
echo "Нажмите Enter, чтобы закрыть окно."
read -r _
""",
}

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FONT = Font(bold=True)
_PLAIN_FONT = Font()
_WRAPPED = Alignment(wrap_text=True)
_HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center")


def _styled(cell, kept: dict, key, **styles) -> None:
    """`styles` set on the first cell of their `key` (in one sheet), then given to the others as that cell's style:
    openpyxl hashes a style object each time one is set, a fifth of writing a small book."""
    if key in kept:
        cell._style = copy(kept[key])
        return
    for name, value in styles.items():
        setattr(cell, name, value)
    kept[key] = cell._style


def write_workbook(
    path: Path,
    rows: Mapping[str, Iterable[Mapping[str, Any]]] | None = None,
    settings: Mapping[str, Any] | None = None,
    hidden: Mapping[str, Iterable[Mapping[str, Any]]] | None = None,
) -> Path:
    """A workbook of every sheet: `rows` by sheet title, each row a mapping header → value; `settings` for «Организация»;
    `hidden` — last year's roadmap by a title of its own, a hidden sheet the book does not read."""
    rows = rows or {}
    book = Workbook()
    book.remove(book.active)
    formulas = _write_lists(book)
    for sheet in schema.SHEETS:
        if sheet is not schema.ORGANIZATION:
            _data_sheet(book, sheet.title, sheet, rows.get(sheet.title, ()), formulas)
            continue
        ws = book.create_sheet(sheet.title)
        _header(ws, sheet)
        values = settings or {}
        for setting in schema.SETTINGS:
            ws.append([setting.header, values.get(setting.header)])
            if setting.choices:  # a closed list: its value is chosen in a dropdown, as in the other sheets
                rule = DataValidation(type="list", formula1='"' + ",".join(setting.choices) + '"', allow_blank=True)
                rule.add(f"B{ws.max_row}")
                ws.add_data_validation(rule)
        _formats(ws, sheet)
    for title, kept in (hidden or {}).items():
        _data_sheet(book, title, schema.ROADMAP, kept).sheet_state = "hidden"
    _instructions(book)
    _save(book, path)
    return path


def _data_sheet(book: Workbook, title: str, sheet: Sheet, rows: Iterable[Mapping[str, Any]],
                formulas: dict[tuple[str, str], str] | None = None):
    """A sheet laid out as `sheet` declares (under `title`): its header, the rows by header, dates formatted, and
    the dropdowns of its closed lists when `formulas` are given."""
    ws = book.create_sheet(title)
    _header(ws, sheet)
    for row in rows:
        ws.append([row.get(c.header) for c in sheet.columns])
    if formulas is not None:
        _validations(ws, sheet, formulas)
    _formats(ws, sheet)
    return ws


def write_district_book(path: Path) -> Path:
    """The district's book «Район.xlsx»: its settings with empty values and a hint for each."""
    book = Workbook()
    ws = book.active
    ws.title = schema.DISTRICT.title
    _header(ws, schema.DISTRICT)
    for setting in schema.DISTRICT_SETTINGS:
        ws.append([setting.header, None, setting.hint])
    _save(book, path)
    return path


def _header(ws, sheet: Sheet) -> None:
    ws.append([c.header for c in sheet.columns])
    kept: dict = {}
    for index, column in enumerate(sheet.columns, start=1):
        _styled(ws.cell(row=1, column=index), kept, column.required, fill=_HEADER_FILL,
                alignment=_HEADER_ALIGNMENT, font=_REQUIRED_FONT if column.required else _PLAIN_FONT)
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.row_dimensions[1].height = 32
    ws.freeze_panes = "A2"


def _formats(ws, sheet: Sheet) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        if column.kind is Kind.DATE:
            for (cell,) in ws.iter_rows(min_row=2, max_row=max(ws.max_row, 2), min_col=index, max_col=index):
                cell.number_format = "DD.MM.YYYY"


def _write_lists(book: Workbook) -> dict[tuple[str, str], str]:
    """Every closed list in a column of the hidden «Списки» sheet; the range formula of each (sheet, column)."""
    ws = book.create_sheet(LISTS_SHEET)
    formulas: dict[tuple[str, str], str] = {}
    index = 0
    for sheet in schema.SHEETS:
        for column in sheet.columns:
            if not column.choices:
                continue
            index += 1
            letter = get_column_letter(index)
            ws.cell(row=1, column=index, value=f"{sheet.title}: {column.header}")
            for offset, choice in enumerate(column.choices, start=2):
                ws.cell(row=offset, column=index, value=choice)
            last = len(column.choices) + 1
            formulas[(sheet.key, column.key)] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${last}"
    return formulas


def _validations(ws, sheet: Sheet, formulas: dict[tuple[str, str], str]) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        if not column.choices:
            continue
        rule = DataValidation(type="list", formula1=formulas[(sheet.key, column.key)], allow_blank=True,
                              showErrorMessage=True)
        rule.errorTitle = "Значение не из списка"
        rule.error = f"Выберите значение из списка для столбца «{column.header}»."
        target = get_column_letter(index)
        rule.add(f"{target}2:{target}{VALIDATED_ROWS}")
        ws.add_data_validation(rule)


def _instructions(book: Workbook) -> None:
    ws = book.create_sheet(schema.INSTRUCTIONS_TITLE, 0)
    ws.column_dimensions["A"].width = 42
    ws.column_dimensions["B"].width = 100
    lines: list[tuple[str, str]] = [
        ("Как заполнять эту книгу", ""),
        ("", "Каждый лист — одна таблица; строка заголовков — первая (над ней можно оставить до 4 строк с названием)."),
        ("", "Столбцы можно переставлять и добавлять свои: программа находит столбцы по заголовку. "
             "Жирные заголовки — обязательные столбцы."),
        ("", "Даты — как дата Excel или текстом ДД.ММ.ГГГГ. «да»/«нет» — в любом регистре. "
             "Значения из списков выбирайте в выпадающем списке."),
        ("", "После сохранения книги документы обновляются в папке output/. Сама книга программой не изменяется."),
    ]
    for sheet in schema.SHEETS:
        lines.append((f"Лист «{sheet.title}»", f"Одна строка — {sheet.row_is}. {sheet.hint}".strip()))
        columns = schema.SETTINGS if sheet is schema.ORGANIZATION else sheet.columns
        for column in columns:
            lines.append((f"   {column.header}", _column_help(column)))
    kept: dict = {}
    for label, text in lines:
        ws.append([label, text])
        if label and not label.startswith(" "):
            _styled(ws.cell(row=ws.max_row, column=1), kept, "label", font=_REQUIRED_FONT)
        _styled(ws.cell(row=ws.max_row, column=2), kept, "text", alignment=_WRAPPED)
    ws.freeze_panes = "A2"


def _column_help(column: schema.Column) -> str:
    parts = ["обязательно" if column.required else "необязательно"]
    if column.kind is Kind.DATE:
        parts.append("дата ДД.ММ.ГГГГ")
    elif column.kind is Kind.NUMBER:
        parts.append("число")
    if column.hint:
        parts.append(column.hint)
    if column.choices:
        parts.append("значения: " + "; ".join(column.choices))
    return ", ".join(parts[:1]) + (": " + "; ".join(parts[1:]) if len(parts) > 1 else "")


def _save(book: Workbook, path: Path) -> None:
    if LISTS_SHEET in book.sheetnames:  # the closed lists behind the dropdowns: last, and hidden
        book.move_sheet(LISTS_SHEET, offset=len(book.sheetnames))
        book[LISTS_SHEET].sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    write_atomic(path, out.getvalue())


def write_launchers(folder: Path, windows: bool | None = None) -> list[Path]:
    """`Наставник.cmd` (watch) and `На подпись.cmd` (print) in the workspace — on Linux and macOS their shell twins
    `Наставник.sh` and `На подпись.sh`; an existing one (perhaps edited by the school) is kept. Returns the ones
    written. `windows` — which kind, whatever this computer is (the repository's sample carries Windows ones)."""
    windows = sys.platform == "win32" if windows is None else windows
    written = []
    for name, text in (LAUNCHERS if windows else SHELL_LAUNCHERS).items():
        path = folder / name
        if not path.exists():
            write_atomic(path, text.encode("utf-8"))
            if not windows:
                path.chmod(0o755)
            written.append(path)
    return written


def blank_rows() -> dict[str, list[dict[str, Any]]]:
    """What a new book holds besides its settings: the default questionnaires, for the school to edit."""
    return {schema.QUESTIONS.title: default_questions()}


def blank_settings() -> dict[str, Any]:
    return {"Правовые основания": schema.DEFAULT_LEGAL_BASIS}



IMPORT_REPORT_TITLE = "Сопоставление"


def write_answers(path: Path, rows: list[Mapping[str, Any]], report: list[str]) -> Path:
    """Imported answers in the layout of «Ответы анкет» (with its dropdowns), to be copied into the book, and the
    report of what matched on a sheet of its own."""
    book = Workbook()
    book.remove(book.active)
    _data_sheet(book, schema.ANSWERS.title, schema.ANSWERS, rows, _write_lists(book))
    notes = book.create_sheet(IMPORT_REPORT_TITLE)
    notes.column_dimensions["A"].width = 120
    for line in report:
        notes.append([line])
    _save(book, path)
    return path
