"""Values as office programs and people type them: each variant of the sample workbook gives the sample's own
documents (issue 17 §3) — amounts with a thousands separator or a currency, dates typed as text, a Mac book counting
its dates from 1904, Latin look-alike letters in numbers and closed-list values."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from automation.book import schema
from automation.run.build import build

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "workbook" / "Наставничество.xlsx"
TEMPLATES = ROOT / "doc_templates"
DAY = dt.date(2026, 11, 27)
CHECK_REPORT = "Отчёт о проверке.docx"


def _texts(output: Path) -> dict[str, bytes]:
    """Every document's body by its path, as the bytes of its XML (the check report aside: it lists what was typed);
    the site page as its bytes."""
    documents = {}
    for path in sorted(output.rglob("*")):
        relative = path.relative_to(output)
        if any(part.startswith((".", "_")) for part in relative.parts) or path.name == CHECK_REPORT:
            continue
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                documents[str(relative)] = archive.read("word/document.xml")
        elif path.suffix == ".html":
            documents[str(relative)] = path.read_bytes()
    assert len(documents) > 25
    return documents


@pytest.fixture(scope="module")
def sample_texts(tmp_path_factory) -> dict[str, bytes]:
    output = tmp_path_factory.mktemp("sample") / "output"
    report = build(SAMPLE, TEMPLATES, output, today=DAY)
    assert report.exit_code == 0
    return _texts(output)


def _cells(book, kind: schema.Kind):
    """Every data cell of every column of this kind, sheet by sheet, found by header."""
    for sheet in schema.SHEETS:
        if sheet.title not in book.sheetnames:
            continue
        ws = book[sheet.title]
        headers = {cell.value: cell.column for cell in ws[1]}
        for column in sheet.columns:
            if column.kind is kind and column.header in headers:
                for row in range(2, ws.max_row + 1):
                    cell = ws.cell(row=row, column=headers[column.header])
                    if cell.value is not None:
                        yield cell


def _by_header(book, sheet: str, header: str):
    ws = book[sheet]
    column = next(cell.column for cell in ws[1] if cell.value == header)
    return [ws.cell(row=row, column=column) for row in range(2, ws.max_row + 1)
            if ws.cell(row=row, column=column).value is not None]


def _amounts(style: str):
    def change(book) -> None:
        cells = _by_header(book, "Поощрения", "Сумма, руб.")
        assert cells, "the sample has a bonus with an amount"
        for cell in cells:
            cell.value = style.format(f"{int(cell.value):,}".replace(",", "\u00a0"), int(cell.value))
    return change


def _dates(style: str):
    def change(book) -> None:
        cells = list(_cells(book, schema.Kind.DATE))
        assert len(cells) > 100
        for cell in cells:
            day = cell.value.date() if isinstance(cell.value, dt.datetime) else cell.value
            cell.value = {"iso": day.isoformat(), "digits": day.strftime("%d.%m.%Y"),
                          "short": f"{day.day}.{day.month}.{day.year}"}[style]
            cell.number_format = "@"
    return change


def _mac_1904(book) -> None:
    """Old Mac Excel: dates counted from 1904, and the cells' date format lost (numbers on the screen)."""
    book.epoch = CALENDAR_MAC_1904
    for cell in _cells(book, schema.Kind.DATE):
        cell.number_format = "General"


def _latin(book) -> None:
    """Typed on an English layout: a Latin «О» in order numbers, «е» in a form of mentoring, «о» in a status."""
    for cell in _by_header(book, "Пары", "Приказ о закреплении (№)"):
        cell.value = str(cell.value).replace("О", "O")
    for cell in _by_header(book, "Пары", "Форма наставничества"):
        cell.value = str(cell.value).replace("е", "e")
    for cell in _by_header(book, "Приказы", "Статус"):
        cell.value = str(cell.value).replace("о", "o")


VARIANTS = {
    "сумма с неразрывным пробелом": _amounts("{0}"),
    "сумма с узким пробелом": lambda book: _amounts("{0}")(book) or [
        setattr(c, "value", c.value.replace("\u00a0", "\u202f")) for c in _by_header(book, "Поощрения", "Сумма, руб.")],
    "сумма с «руб.»": _amounts("{0} руб."),
    "сумма с «₽»": _amounts("{1} ₽"),
    "даты текстом ГГГГ-ММ-ДД": _dates("iso"),
    "даты текстом ДД.ММ.ГГГГ": _dates("digits"),
    "даты текстом Д.М.ГГГГ": _dates("short"),
    "книга Mac с датами от 1904 года": _mac_1904,
    "латинские буквы в номерах и списках": _latin,
}


@pytest.mark.slow
@pytest.mark.parametrize("name", VARIANTS)
def test_a_variant_of_the_sample_gives_the_samples_documents(name, sample_texts, tmp_path):
    book = openpyxl.load_workbook(SAMPLE)
    VARIANTS[name](book)
    path = tmp_path / "Наставничество.xlsx"
    book.save(path)
    output = tmp_path / "output"
    report = build(path, TEMPLATES, output, today=DAY)
    assert report.errors == []
    assert _texts(output) == sample_texts
    if name.startswith("латинские"):
        warnings = [str(p) for p in report.warnings]
        assert ("Лист «Пары», строка 2, столбец «Приказ о закреплении (№)»: в номере приказа «145-OД» латинская "
                "буква «O», а на листе «Приказы» номер «145-ОД» набран кириллицей; строка учтена как «145-ОД». "
                "Наберите номер русскими буквами.") in warnings
        assert ("Лист «Пары», строка 2, столбец «Форма наставничества»: в значении «пeдагог – пeдагог» латинская "
                "буква «e»; учтено как «педагог – педагог». Наберите значение русскими буквами.") in warnings
        assert any(w.startswith("Лист «Приказы», строка 2, столбец «Статус»: в значении «пoдписан» латинская "
                                "буква «o»; учтено как «подписан».") for w in warnings)
    else:
        assert report.warnings == []
