"""Renders the first page of each document kind (or the page that holds a given text), made from the sample workbook,
to PNG in docs/images/.

LibreOffice turns the documents into PDF (one call); pypdfium2 (pip install pypdfium2) or, without it, pdftoppm
takes each PDF's first page. Run from the repository root after the sample or the templates change:
    python scripts/make_pictures.py
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from automation.office.field_guide import write_guide  # noqa: E402
from automation.run.build import build  # noqa: E402
from automation.run.printing import convert, find_soffice  # noqa: E402

IMAGES = ROOT / "docs" / "images"
DAY = dt.date(2026, 11, 27)
RESOLUTION = 80  # dots per inch: an A4 page 660 pixels wide, readable on GitHub, about 100 KB
# picture name: (the document's path in the output, its caption in the README[, a text its page holds])
PICTURES = {
    "ankety": ("Анкеты/Анкеты — итоговый этап.docx", "Анкеты для печати (итоговый этап)"),
    "otchet-monitoring": ("Отчёты/Аналитический отчёт о реализации системы наставничества 2026-2027.docx",
                          "Аналитический отчёт: мониторинг качества и эффекта", "9. Мониторинг качества"),
    "prikaz-zakreplenie": ("Приказы/ПРОЕКТ Приказ О закреплении наставнических пар (групп).docx",
                           "Проект приказа о закреплении пар (групп)"),
    "prikaz-organizaciya": ("Приказы/Приказ № 144-ОД от 01.09.2026 Об организации наставничества педагогических "
                            "работников.docx", "Приказ об организации наставничества на учебный год"),
    "spisok-nastavlyaemyh": ("Списки/Список педагогов для включения в наставничество в качестве наставляемых.docx",
                             "Список педагогов, которых нужно включить в наставничество"),
    "prikaz-zamena": ("Приказы/ПРОЕКТ Приказ № 160-ОД О замене наставника.docx", "Приказ о замене наставника"),
    "prikaz-zavershenie": ("Приказы/Приказ № 112-ОД от 01.06.2026 О завершении персонализированных программ "
                           "наставничества.docx", "Приказ о завершении программ (подписан)"),
    "prikaz-prodlenie": ("Приказы/ПРОЕКТ Приказ О продлении срока реализации программы.docx",
                         "Приказ о продлении срока программы"),
    "prikaz-pooshchrenie": ("Приказы/ПРОЕКТ Приказ О поощрении наставников.docx", "Приказ о поощрении наставников"),
    "programma": ("Программы/Программа наставничества № 5 Ковальчук Л.Н. (группа).docx",
                  "Персонализированная программа наставничества (группа)"),
    "spisok-par": ("Списки/Список наставнических пар (групп).docx", "Список наставнических пар (групп)"),
    "spisok-sait": ("Списки/Список наставников и наставляемых для сайта.docx", "Список для сайта"),
    "predstavlenie": ("Представления/Представление Шевченко Е.Н. нагрудный знак «Почётный наставник».docx",
                      "Представление к награждению"),
    "analiticheskiy-otchet": ("Отчёты/Аналитический отчёт о реализации системы наставничества 2026-2027.docx",
                              "Аналитический отчёт"),
    "spravka-monitoring": ("Отчёты/Справка о реализации системы наставничества 2026-2027.docx",
                           "Справка о реализации системы наставничества (для мониторинга)"),
    "otchet-o-proverke": ("Отчёт о проверке.docx", "Отчёт о проверке"),
    "polya-shablonov": ("Поля шаблонов.docx", "Справочник полей шаблонов"),
    "soglasie": ("Соглашения/Согласие Ковальчук Л.Н. (группа № 5).docx",
                 "Согласие на выполнение работы по наставничеству"),
    "uvedomlenie-otmena": ("Соглашения/Уведомление об отмене поручения Черных И.П. (пара № 6).docx",
                           "Уведомление об отмене поручения (ст. 351.8 ТК РФ)"),
    "uvedomlenie-otkaz": ("Соглашения/Уведомление об отказе Шевченко Е.Н. (пара № 2).docx",
                          "Уведомление наставника о досрочном отказе"),
    "soglashenie-prekrashchenie": ("Соглашения/Соглашение о прекращении Мороз И.И. (пара № 11).docx",
                                   "Соглашение о досрочном прекращении работы по наставничеству"),
    "dop-soglashenie-prodlenie": ("Соглашения/Доп. соглашение № 29 о продлении Павлюк Н.С. (пара № 3).docx",
                                  "Дополнительное соглашение о продлении"),
    "zayavlenie-zamena": ("Соглашения/Заявление о замене наставника Хабибуллина Г.Р. (пара № 6).docx",
                          "Заявление наставляемого о замене наставника"),
    "spisok-doplat": ("Списки/Список доплат за наставничество.docx", "Список доплат за наставничество"),
    "dop-soglashenie": ("Соглашения/Доп. соглашение № 27 Дурново П.И. (пара № 6, с 16.11.2026).docx",
                        "Дополнительное соглашение о наставничестве (новый наставник при замене)"),
}


def _page_with(pdf: Path, text: str) -> int:
    """The number (from 1) of the first page whose text holds `text`."""
    from pypdf import PdfReader

    pages = PdfReader(pdf).pages
    return next(number for number, page in enumerate(pages, start=1) if text in " ".join(page.extract_text().split()))


def _page(pdf: Path, png: Path, number: int = 1) -> None:
    try:
        import pypdfium2
    except ImportError:
        subprocess.run(["pdftoppm", "-f", str(number), "-l", str(number), "-r", str(RESOLUTION), "-png",
                        "-singlefile", str(pdf), str(png.with_suffix(""))], check=True)
        return
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        page = document[number - 1].render(scale=RESOLUTION / 72).to_pil()
        page.quantize(colors=64).save(png, optimize=True)  # text and rules: a palette keeps the file small
    finally:
        document.close()


def _can_rasterize() -> bool:
    try:
        import pypdfium2  # noqa: F401
        return True
    except ImportError:
        return shutil.which("pdftoppm") is not None


def main() -> None:
    soffice = find_soffice()
    if soffice is None or not _can_rasterize():
        sys.exit("Нужны LibreOffice и pypdfium2 (pip install pypdfium2) или pdftoppm "
                 "(Debian: apt install libreoffice-writer-nogui poppler-utils).")
    with tempfile.TemporaryDirectory(prefix="nastavnik-pictures-") as temp:
        work = Path(temp)
        output = work / "output"
        build(ROOT / "workbook", ROOT / "doc_templates", output, today=DAY)
        write_guide(output)
        sources = []
        for name, (path, *_) in PICTURES.items():
            source = work / f"{name}.docx"
            shutil.copyfile(output / path, source)
            sources.append(source)
        convert(soffice, work, sources)
        IMAGES.mkdir(parents=True, exist_ok=True)
        for source, (_, _, *text) in zip(sources, PICTURES.values(), strict=True):
            pdf = source.with_suffix(".pdf")
            _page(pdf, IMAGES / f"{source.stem}.png", _page_with(pdf, text[0]) if text else 1)
    print(f"Картинок: {len(PICTURES)} в {IMAGES.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
