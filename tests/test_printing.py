"""The print bundle «На подпись»: drafts in register order, one PDF, a Russian sentence where LibreOffice is missing."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from automation.run import build as builder
from automation.run import printing
from automation.run.printing import PrintProblem, archive_old_bundles, bundle_name, print_bundle
from automation.run.report import Report
from tests.helpers import SOFFICE, TODAY, needs_libreoffice, needs_times

# The test workbook's drafts: the order with a number but no date in the register first, then the unregistered
# drafts in the catalogue's order, then the programmes those orders approve, then the mentors' papers to sign.
EXPECTED = [
    "ПРОЕКТ Приказ № 50-ОД О замене наставника",
    "ПРОЕКТ Приказ О закреплении наставнических пар (групп)",
    "ПРОЕКТ Приказ О продлении срока реализации программы",
    "ПРОЕКТ Приказ О поощрении наставников",
    "Программа наставничества № 2 Черных И.П. (группа)",
    "Программа наставничества № 3 Павлюк Н.С.",
    "Соглашение о прекращении Кузнецова И.В. (пара № 3)",  # the former mentor's, on the replacement
]
PAGES = [2, 3, 1, 2, 1, 1, 1]


def test_awaiting_signature_lists_draft_orders_in_register_order_then_their_programmes(write, rows, templates,
                                                                                        tmp_path):
    report = builder.build(write(rows), templates, tmp_path / "output", today=TODAY)
    assert [title for title, _ in report.to_sign] == EXPECTED
    assert all((tmp_path / "output" / path).is_file() for _, path in report.to_sign)


def test_without_libreoffice_one_russian_sentence_and_the_documents_stay(write, rows, templates, tmp_path,
                                                                       monkeypatch):
    monkeypatch.setattr(printing.shutil, "which", lambda name: None)
    monkeypatch.setattr(printing, "_WINDOWS_PLACES", ())
    output = tmp_path / "output"
    report = builder.build(write(rows), templates, output, today=TODAY)
    with pytest.raises(PrintProblem) as caught:
        print_bundle(output, report.to_sign, TODAY)
    assert str(caught.value) == (
        "нужен LibreOffice: установите его с сайта ru.libreoffice.org (в Debian/Ubuntu — «sudo apt install "
        f"libreoffice-writer-nogui»); документы .docx уже в папке «{output}».")
    assert all((output / path).is_file() for _, path in report.to_sign)
    assert not (output / bundle_name(TODAY)).exists()


@needs_times
def test_the_bundle_has_every_draft_in_order_with_its_pages_and_text(write, rows, templates, tmp_path):
    output = tmp_path / "output"
    report = builder.build(write(rows), templates, output, today=TODAY)
    bundle = print_bundle(output, report.to_sign, TODAY)
    assert bundle.path == output / "На подпись 27.11.2026.pdf"
    pdf = PdfReader(bundle.path)
    assert (bundle.documents, bundle.pages) == (len(EXPECTED), len(pdf.pages))
    assert [item.title for item in pdf.outline] == EXPECTED
    starts = [pdf.get_destination_page_number(item) for item in pdf.outline]
    assert starts[0] == 0 and starts == sorted(starts) and len(pdf.pages) > starts[-1]
    pages = [" ".join(page.extract_text().split()) for page in pdf.pages]
    first = [pages[start] for start in starts]
    assert "ПРОЕКТ" in first[0] and "О замене наставника" in first[0]
    assert "О закреплении наставнических пар (групп)" in first[1]
    assert "О продлении срока реализации программы" in first[2]
    assert "О поощрении наставников" in first[3]
    assert "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА № 2" in first[4].upper()
    assert "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА № 3" in first[5].upper()
    assert "о досрочном прекращении работы по наставничеству" in first[6]
    # Pages per document, as LibreOffice lays them out (looked at once by eye: no document cut or merged).
    assert [b - a for a, b in zip(starts, [*starts[1:], len(pdf.pages)])] == PAGES
    assert (bundle.substitutes, bundle.font_warning) == ((), None)  # Times New Roman's widths are installed here


@needs_libreoffice
def test_print_command_builds_then_joins_and_writes_the_journal(write, rows, templates, tmp_path):
    folder = _workspace(tmp_path, write(rows), templates)
    result = subprocess.run([sys.executable, "-m", "automation", "print", "--quiet"], cwd=folder,
                            capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Итог: документы: создано 33,")
    name = bundle_name(dt.date.today())
    assert lines[1].startswith(f"На подпись: output/{name} (документов: 7, страниц: ")
    assert (tmp_path / "output" / name).is_file()
    journal = (tmp_path / "output" / "журнал.txt").read_text(encoding="utf-8").splitlines()
    assert len(journal) == 1 and " сборка: workbook/Наставничество.xlsx; документы: создано 33," in journal[0]
    assert journal[0].endswith(f"; на подпись: output/{name} (документов: 7, страниц: {lines[1].split()[-1]}")


def _workspace(tmp_path: Path, book: Path, templates: Path) -> Path:
    (tmp_path / "workbook").mkdir()
    shutil.copy(book, tmp_path / "workbook" / "Наставничество.xlsx")
    shutil.copytree(templates, tmp_path / "doc_templates")
    return tmp_path


def test_print_command_without_libreoffice_says_how_to_install_it_and_exits_2(write, rows, templates, tmp_path):
    folder = _workspace(tmp_path, write(rows), templates)
    env = {**os.environ, "PATH": str(tmp_path / "нет")}
    result = subprocess.run([sys.executable, "-m", "automation", "print", "-q"], cwd=folder, capture_output=True,
                            text=True, encoding="utf-8", env=env, timeout=300)
    assert result.returncode == 2
    assert result.stdout.splitlines()[-1] == (
        "Не удалось собрать файл «На подпись» — нужен LibreOffice: установите его с сайта ru.libreoffice.org "
        "(в Debian/Ubuntu — «sudo apt install libreoffice-writer-nogui»); документы .docx уже в папке «output».")
    assert len(list((folder / "output" / "Приказы").glob("ПРОЕКТ*.docx"))) == 4


def test_nothing_to_sign_is_said_and_is_not_a_failure(write, rows, templates, tmp_path):
    # Every pair under the signed order 45-ОД, no replacement, extension or incentive: no draft is left.
    for pair in rows["Пары"]:
        pair["Приказ о закреплении (№)"] = "45-ОД"
    rows["Замены"], rows["Поощрения"] = [], []
    rows["Приказы"] = [order for order in rows["Приказы"] if order["№ приказа"] != "50-ОД"]
    for programme in rows["Программы"]:
        programme.pop("Продлить до", None)
        programme.pop("Обоюдное согласие на продление", None)
    folder = _workspace(tmp_path, write(rows), templates)
    (folder / "output").mkdir()
    (folder / "output" / "На подпись 20.11.2026.pdf").write_bytes(b"%PDF- yesterday's drafts")
    result = subprocess.run([sys.executable, "-m", "automation", "build", "--print"], cwd=folder,
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stdout
    # The old bundle's drafts are signed now: it leaves for the archive, so the launcher cannot open it.
    assert len(list((folder / "output" / "_архив").glob("На подпись 20.11.2026 (в архиве *).pdf"))) == 1
    assert not list((folder / "output").glob("На подпись*.pdf"))
    assert result.stdout.splitlines()[-1] == ("Документов, ожидающих подписи, нет: все приказы из книги подписаны, "
                                              "файл «На подпись» не нужен.")
    assert not list((folder / "output").glob("На подпись*"))


def test_a_new_bundle_sends_the_earlier_ones_to_the_archive(tmp_path):
    for day in ("20.11.2026", "25.11.2026", "27.11.2026"):
        (tmp_path / f"На подпись {day}.pdf").write_bytes(day.encode())
    moved = archive_old_bundles(tmp_path, tmp_path / "На подпись 27.11.2026.pdf", dt.datetime(2026, 11, 27, 9, 30))
    assert [str(p) for p in moved] == ["_архив/На подпись 20.11.2026 (в архиве 27.11.2026 09-30).pdf",
                                       "_архив/На подпись 25.11.2026 (в архиве 27.11.2026 09-30).pdf"]
    assert [p.name for p in tmp_path.glob("*.pdf")] == ["На подпись 27.11.2026.pdf"]


@needs_libreoffice
def test_libreoffices_profile_is_kept_for_the_next_conversion_and_one_it_cannot_use_is_made_anew(tmp_path,
                                                                                                monkeypatch):
    """The first conversion keeps the profile LibreOffice made in the user's cache; the next starts from a copy of
    it; a kept profile with which nothing is converted is forgotten, and the conversion made with a new one. A PDF is
    looked for where LibreOffice writes it, not beside its source (a source from another folder once counted as not
    converted: the profile was never kept and every such conversion was made twice)."""
    from automation import memo

    monkeypatch.setenv(memo.ENV, str(tmp_path / "cache"))
    from docx import Document

    document = Document()
    document.add_paragraph("Наставничество")
    document.save(str(tmp_path / "a.docx"))

    def converted(name: str, source: Path | None = None) -> Path:
        work = tmp_path / name
        work.mkdir()
        if source is None:
            source = shutil.copy(tmp_path / "a.docx", work / "a.docx")
        printing.convert(SOFFICE, work, [source])
        assert "Наставничество" in PdfReader(work / "a.pdf").pages[0].extract_text()
        return work

    converted("первая", tmp_path / "a.docx")  # a source outside the folder its PDF is written to
    [kept] = (tmp_path / "cache" / "libreoffice").iterdir()
    assert (kept / "user" / "registrymodifications.xcu").is_file()
    (kept / "метка").write_text("сохранённый профиль", encoding="utf-8")
    assert (converted("вторая") / "profile" / "метка").is_file()  # started from the kept one

    real, calls = printing._convert, []

    def unusable(soffice, profile, work, sources, target):
        calls.append((profile / "метка").exists())
        if (profile / "метка").exists():  # LibreOffice cannot use the kept profile: nothing converted with it
            return False
        return real(soffice, profile, work, sources, target)

    monkeypatch.setattr(printing, "_convert", unusable)
    third = converted("третья")
    assert calls == [True, False] and not (third / "profile" / "метка").exists()
    [kept] = (tmp_path / "cache" / "libreoffice").iterdir()
    assert not (kept / "метка").exists()  # the new profile kept instead


def _calc_installed() -> bool:
    if SOFFICE is None:
        return False
    program = Path(SOFFICE).resolve().parent
    return any((folder / name).exists() for folder in (program, program.parent / "program")
               for name in ("libsclo.so", "sclo.dll", "libsclo.dylib"))


needs_calc = pytest.mark.skipif(not _calc_installed(), reason="LibreOffice Calc не установлен: .ci/run ставит пакет "
                                                              "libreoffice-calc-nogui")


@needs_calc
def test_generated_tables_print_one_page_wide_with_their_title_whole(write, rows, templates, tmp_path):
    """Judged as printed: each table fits the page width (landscape: all three are wide), its title whole."""
    from automation.run.district import build_any

    builder.build(write(rows), templates, tmp_path / "school", today=TODAY)
    folder = tmp_path / "district"
    folder.mkdir()
    write(rows, name="district/Школа.xlsx")
    build_any(folder, templates, tmp_path / "region", today=TODAY, district=True)
    tables = {
        "Показатели наставничества 2026-2027":
            tmp_path / "school" / "Отчёты" / "Показатели наставничества 2026-2027.xlsx",
        "Предложения по парам": tmp_path / "school" / "Предложения по парам.xlsx",
        "Сводка по району": next((tmp_path / "region").glob("Сводка*.xlsx")),
    }
    work = tmp_path / "pdf"
    work.mkdir()
    printing.convert(SOFFICE, work, list(tables.values()))
    pages = {"Показатели наставничества 2026-2027": 2, "Предложения по парам": 1, "Сводка по району": 1}
    for name, source in tables.items():
        pdf = PdfReader(work / f"{source.stem}.pdf")
        assert len(pdf.pages) == pages[name], name  # one page wide, as long as the rows need
        for number, page in enumerate(pdf.pages, start=1):
            landscape = float(page.mediabox.width) > float(page.mediabox.height)
            assert landscape, name  # ten columns, eleven, and the indicators with their «Как считается»
            text = " ".join(page.extract_text().split())
            assert f"Страница {number} из {pages[name]}" in text, name
    suggestions = " ".join(PdfReader(work / "Предложения по парам.pdf").pages[0].extract_text().split())
    assert "Предложения по наставническим парам (раздел VI Положения); книга не изменяется" in suggestions


@needs_times
@pytest.mark.slow
def test_the_signature_never_stands_alone_on_a_page(write, rows, templates, tmp_path):
    """Orders of 8 to 19 one-line incentive points, one per order number, printed by LibreOffice: whatever the
    length, the page with the head's signature also holds the order's last point (keep-with-next on that point;
    without it, some of these lengths leave the signature alone at the top of page 2)."""
    counts = range(8, 20)
    rows["Поощрения"] = [
        {"Наставник (код)": "П-3", "Мера поощрения": "объявление благодарности", "Уровень": "школьный",
         "Обоснование": "за помощь", "Дата": dt.date(2026, 11, 20), "Приказ (№)": f"70-{count}"}
        for count in counts for _ in range(count)]
    rows["Приказы"] += [{"№ приказа": f"70-{count}", "Вид": "О поощрении наставников", "Статус": "проект"}
                        for count in counts]
    output = tmp_path / "output"
    builder.build(write(rows), templates, output, today=TODAY)
    sources = sorted((output / "Приказы").glob("ПРОЕКТ Приказ № 70-*"))
    assert len(sources) == len(counts)
    work = tmp_path / "pdf"
    work.mkdir()
    printing.convert(SOFFICE, work, sources)
    signature_pages = set()
    for source in sources:
        pages = [" ".join(page.extract_text().split()) for page in PdfReader(work / f"{source.stem}.pdf").pages]
        signed = [index for index, text in enumerate(pages) if "Т.А. Сазонова" in text]
        assert len(signed) == 1, source.name
        assert "Контроль за исполнением настоящего приказа" in pages[signed[0]], source.name
        signature_pages.add(signed[0])
    assert signature_pages == {0, 1}  # the lengths really move the signature across the page break


def _pdf_in(*fonts: str) -> PdfReader:
    """A one-page PDF whose text is set in these fonts (as LibreOffice names them: «BAAAAA+DejaVuSerif»)."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({
        NameObject(f"/F{index}"): DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                                                    NameObject("/BaseFont"): NameObject(f"/{font}")})
        for index, font in enumerate(fonts)})})
    out = io.BytesIO()
    writer.write(out)
    return PdfReader(out)


def test_a_pdf_printed_in_another_font_than_times_new_romans_widths_is_named_with_what_to_install(tmp_path):
    from automation.run.commands import BuildRun
    from automation.run.printing import Bundle, substituted_fonts

    assert substituted_fonts(_pdf_in("BAAAAA+LiberationSerif", "CAAAAA+LiberationSerif-Bold", "OpenSymbol")) == ()
    assert substituted_fonts(_pdf_in("TimesNewRomanPSMT", "TimesNewRomanPS-BoldMT")) == ()
    assert substituted_fonts(_pdf_in("BAAAAA+DejaVuSerif", "CAAAAA+DejaVuSerif-Bold", "DAAAAA+OpenSymbol")) == (
        "DejaVuSerif",)
    bundle = Bundle(tmp_path / "На подпись 27.11.2026.pdf", 6, 10, ("DejaVuSerif",))
    run = BuildRun(Report(), tmp_path, to_print=True, bundle=bundle)
    assert run.text().splitlines()[-1] == (
        "Предупреждение: шрифта Times New Roman на этом компьютере нет, и LibreOffice напечатал документы шрифтом "
        "«DejaVuSerif»: страницы могут разбиться не так, как при печати из Word. Установите шрифты той же ширины — "
        "Liberation: в Debian и Ubuntu «sudo apt install fonts-liberation», в Astra Linux, ALT и РЕД ОС — пакет "
        "fonts-liberation (liberation-fonts); в Windows Times New Roman есть всегда.")
    assert run.as_json()["print"]["warning"] == bundle.font_warning
