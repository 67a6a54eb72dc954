"""Documents judged as printed: tables whose columns fit their longest word, signatures never alone on a page."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm
from pypdf import PdfReader

from automation.office.blank_book import write_workbook
from automation.office.page import Page
from automation.office.render import Renderer
from automation.run import printing
from automation.run.build import build
from automation.run.district import build_any
from tests import large_book, sample_data
from tests.helpers import TODAY, needs_times

_AFTER_HYPHEN = re.compile(r"(?<=\w-)(?=\w)")


def _words(text: str) -> list[str]:
    """Words as a line may break them: at spaces, and after a hyphen between letters."""
    return [piece for word in text.split() for piece in _AFTER_HYPHEN.split(word) if piece]


def _rejoined(printed: str, body: str) -> str:
    """The printed text with the body's hyphenated words made whole again («образо-» + «вательных»): a word of the
    body's paragraphs, which are hyphenated; tables' cells never are (and a hyphen never joins a cell's word back)."""
    known = {piece.strip(".,;:()«»-") for piece in _words(body)}

    def join(match: re.Match) -> str:
        whole = match.group(1) + match.group(2)
        return whole if whole in known else match.group(0)
    return re.sub(r"(\w+)-\n(\w+)", join, printed)


def _grid(path: Path) -> list[list[float]]:
    """Each table's column widths in millimetres, as LibreOffice reads them (the grid)."""
    document = Document(str(path))
    return [[round(int(col.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w")) / 56.7, 1)
             for col in table._tbl.tblGrid.iterchildren()] for table in document.tables]


def _template(tmp_path: Path, widths: list[int], headers: list[str]) -> Path:
    page = Page()
    columns = len(headers)
    page.table(headers, [f"{{{{ с.{n} }}}}" for n in range(columns)],
               "с in строки", widths=widths)
    path = tmp_path / "шаблон.docx"
    page.save(path)
    return path


def test_a_column_too_narrow_for_its_number_takes_width_from_one_with_room(tmp_path):
    """«12» in an 8-mm № column would print as «1» over «2»: the column widens, the wide one gives the width, the
    table's width is kept."""
    _template(tmp_path, [8, 100, 72], ["№", "Наставник", "Направление"])
    rows = [[str(n), "Мороз О.В., учитель математики", "методика урока"] for n in range(1, 13)]
    out = tmp_path / "документ.docx"
    out.write_bytes(Renderer(tmp_path).render("шаблон.docx", {"строки": rows}))
    [[number, wide, third]] = _grid(out)
    assert 8.5 < number < 12  # two digits at 12 points and the cell's margins
    assert wide < 100 and third <= 72
    assert round(number + wide + third) == 180
    cell = Document(str(out)).tables[0].rows[5].cells[0]
    assert cell.width == Mm(number) or abs(cell.width - Mm(number)) < Mm(0.1)  # Word reads the cells' widths


def test_a_table_the_page_cannot_hold_at_its_size_is_set_smaller_but_never_below_9_points(tmp_path):
    """Eight columns of 22 mm and a word of 19 letters in each: no width fits them at 12 points; the table's text
    is made smaller until they fit the page's 180 mm, and stops at 9 points."""
    _template(tmp_path, [22] * 8, [f"Ст. {n}" for n in range(1, 9)])
    out = tmp_path / "документ.docx"
    out.write_bytes(Renderer(tmp_path).render("шаблон.docx", {"строки": [["Константинопольская"] * 8]}))
    document = Document(str(out))
    sizes = {run.font.size.pt for row in document.tables[0].rows for cell in row.cells
             for paragraph in cell.paragraphs for run in paragraph.runs}
    assert sizes and max(sizes) < 12 and min(sizes) >= 9
    assert sum(_grid(out)[0]) <= 180.5


def test_columns_that_fit_are_left_as_the_template_has_them(tmp_path, write, rows, templates):
    build(write(rows), templates, tmp_path / "out", today=TODAY)
    site = tmp_path / "out" / "Списки" / "Список наставников и наставляемых для сайта.docx"
    source = templates / "Список наставников и наставляемых для сайта.docx"
    assert _grid(site)[0] == _grid(source)[0]  # the site list's first table; the second is only for completions


@needs_times
@pytest.mark.slow
def test_a_large_book_prints_with_no_word_broken_in_a_cell_and_no_signature_alone(tmp_path, templates):
    """Every document of a book with 30 pairs, double surnames and the longest positions, and the district summary,
    printed by LibreOffice: each word of each table cell is as many times whole in the PDF as in the document (a word
    broken inside a cell prints as two pieces), no line ends with «№» or begins with «г.», each order's signature
    shares its page with the last point, a programme's signatures stand together on its last page, each mentor's paper
    has its signatures on the page of its text, and each short list of those who have read an order (up to 15 names)
    is printed whole."""
    folder = tmp_path / "район"
    folder.mkdir()
    write_workbook(folder / "школа.xlsx", large_book.rows(), sample_data.SETTINGS)
    output = tmp_path / "out"
    build_any(folder, templates, output, today=TODAY, workers=1, district=True)
    sources = sorted(p for p in output.rglob("*.docx") if not any(part.startswith(".") for part in p.parts))
    # The programmes of the 30 pairs are alike: those of the sample's pairs, the group and one replaced pair stand
    # for them (a LibreOffice conversion each is most of this test's time).
    sample = (1, 2, 3, 4, 12, 37, 38)
    sources = [p for p in sources if p.parent.name != "Программы"
               or p.name.startswith(tuple(f"Программа наставничества № {n} " for n in sample))]
    # So are a mentor's papers for each of the pairs: those of the sample's pairs and the first of each kind,
    # mentor and variant (a group, a start later than the pair's) stand for them.
    first: dict[str, Path] = {}
    for path in sources:
        first.setdefault(f"{path.parent.name}/{re.sub(r'[0-9]+', 'N', path.stem)}", path)
    sources = [p for p in sources if p.parent.name != "Соглашения" or p in first.values()
               or re.search(rf"\((пара|группа) № ({'|'.join(map(str, sample))})[,)]", p.name)]
    kinds = {re.sub(r" № \d+ .*", "", re.sub(r"^(ПРОЕКТ )?Приказ (№ \S+ )?(от \S+ )?", "Приказ ", p.stem))
             for p in sources}
    assert {"Приказ О закреплении наставнических пар (групп)", "Приказ О замене наставника",
            "Приказ О продлении срока реализации программы", "Приказ О поощрении наставников",
            "Приказ О завершении персонализированных программ наставничества", "Программа наставничества",
            "Список наставнических пар (групп)", "Список наставников и наставляемых для сайта",
            "Представление Черных И.П. благодарственное письмо", "Сводка по району 2026-2027",
            "Аналитический отчёт о реализации системы наставничества 2026-2027", "Отчёт о проверке"} <= kinds
    work = tmp_path / "pdf"
    work.mkdir()
    printing.convert(printing.find_soffice(), work, sources)
    broken, alone, loose, parted = [], [], [], []
    for source in sources:
        document = Document(str(source))
        body = "\n".join(p.text for p in document.paragraphs)
        pages = [_rejoined(page.extract_text(), body) for page in PdfReader(work / f"{source.stem}.pdf").pages]
        printed = Counter(_words(" ".join(pages)))
        written = Counter(_words(body))
        in_cells = Counter(word for table in document.tables for row in table.rows for cell in row.cells
                           for word in _words(cell.text))
        written += in_cells
        broken += [f"{source.name}: {word}" for word in in_cells if printed[word] < written[word]]
        # «№» never ends a printed line apart from its number, «г.» never begins one apart from its year.
        loose += [f"{source.name}: {line}" for page in pages for line in page.splitlines()
                  if line.rstrip().endswith("№") or re.match(r"\s*гг?\.", line)]
        if source.parent.name == "Программы" and "Подписи участников" not in pages[-1]:
            alone.append(source.name)  # the participants' signatures are kept together under their heading
        if source.parent.name in ("Списки", "Отчёты"):  # the curator's signature shares its page with the text above
            paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
            signature = next((i for i, text in enumerate(paragraphs) if text.startswith("Куратор\t")), None)
            if signature is not None:
                above = " ".join(paragraphs[signature - 1].split()[:4])
                page = next(text for text in pages if "И.В. Кузнецова" in text)
                if above not in " ".join(page.split()):
                    alone.append(source.name)
        if source.parent.name == "Соглашения":  # a paper's signatures share their page with the text above them
            paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
            signature = next(i for i, text in enumerate(paragraphs) if "\t__________" in text or text == "Подписи сторон")
            above = " ".join(paragraphs[signature - 1].split()[:4])
            mark = " ".join(paragraphs[signature].split()[-2:])  # «Подписи сторон», the signer «Т.А. Сазонова»
            page = next(text for text in pages if mark in " ".join(text.split()))
            if above not in " ".join(page.split()):
                alone.append(source.name)
        for table in document.tables:  # a list of those who have read an order, short enough, is whole
            names = [" ".join(row.cells[0].text.split()) for row in table.rows[1:]]
            if table.rows[0].cells[0].text == "Фамилия, инициалы" and len(names) <= 15:
                heads = [text for text in (" ".join(page.split()) for page in pages) if "Фамилия, инициалы" in text]
                tails = [text[text.index("Фамилия, инициалы"):] for text in heads]
                if not any(all(name in tail for name in names) for tail in tails):
                    parted.append(source.name)
        if source.parent.name == "Приказы":
            signed = [index for index, text in enumerate(pages) if "Т.А. Сазонова" in text]
            last = [index for index, text in enumerate(pages) if "Контроль за исполнением" in text]
            if signed != last[-1:]:
                alone.append(source.name)
    assert broken == []
    assert alone == []
    assert loose == []
    assert parted == []


def test_text_made_smaller_keeps_the_templates_widths_when_that_alone_makes_every_word_fit(tmp_path):
    """Six columns of 30 mm and a 12-point word a little too wide for each: the page has no room to give, so the
    text is set half a point or so smaller, and the widths stay as the template has them."""
    _template(tmp_path, [30] * 6, [f"Ст. {n}" for n in range(1, 7)])
    out = tmp_path / "документ.docx"
    out.write_bytes(Renderer(tmp_path).render("шаблон.docx", {"строки": [["Наставляемые"] * 6]}))
    document = Document(str(out))
    sizes = {run.font.size.pt for row in document.tables[0].rows[1:] for cell in row.cells
             for paragraph in cell.paragraphs for run in paragraph.runs}
    assert len(sizes) == 1 and 10 <= sizes.pop() < 12
    assert _grid(out)[0] == [30.0] * 6


def test_a_long_table_is_fitted_by_its_distinct_texts_and_every_cell_gets_its_width(tmp_path):
    """Past 200 rows a table is measured by its distinct cell texts (a plan of 300,000 rows in seconds): «250» in an
    8-mm № column still widens it, and Word's cell widths follow the grid in every row."""
    _template(tmp_path, [8, 100, 72], ["№", "Наставник", "Направление"])
    rows = [[str(n), "Мороз О.В., учитель математики", "методика урока"] for n in range(1, 251)]
    out = tmp_path / "документ.docx"
    out.write_bytes(Renderer(tmp_path).render("шаблон.docx", {"строки": rows}))
    [[number, wide, third]] = _grid(out)
    assert 8.5 < number < 14 and round(number + wide + third) == 180
    table = Document(str(out)).tables[0]
    assert {round(row.cells[0].width.mm, 1) for row in table.rows} == {number}


def _kept(table) -> list[bool]:
    """For each row: whether every paragraph of it is kept with the next (the row goes with the next one)."""
    return [all(p.paragraph_format.keep_with_next for cell in row.cells for p in cell.paragraphs)
            for row in table.rows]


def _acknowledgement(tmp_path: Path, filler: int) -> Path:
    """A template like an order's end: `filler` lines of text, the caption, then the «ознакомлены» table."""
    page = Page()
    page.tag("{%p for с in текст %}")
    page.text("{{ с }}")
    page.tag("{%p endfor %}")
    page.line("С приказом ознакомлены:", before=18, after=6, keep=True)
    page.table(["Фамилия, инициалы", "Подпись", "Дата"], ["{{ ч }}", "", ""], "ч in ознакомлены", widths=[80, 50, 50])
    page.save(tmp_path / "шаблон.docx")
    return tmp_path / "шаблон.docx"


NAMES = [f"{surname} {initials}" for surname, initials in zip(
    ["Мороз", "Сазонова", "Кузнецова", "Петров", "Лебедева", "Орлов", "Зайцева", "Соколов", "Волкова", "Морозов",
     "Никитина", "Егоров", "Фёдорова", "Белов"], ["О.В.", "Т.А.", "И.В.", "П.И.", "А.С.", "Д.Н.", "Е.К.", "Г.М.",
                                                  "Н.Ю.", "С.С.", "Л.П.", "В.В.", "М.А.", "Р.Т."], strict=True)]


def test_a_short_table_is_kept_whole_and_a_long_one_keeps_its_header_with_two_rows(tmp_path):
    """Fourteen names (a third of a page): every row but the last goes with the next (the table moves whole); three
    hundred: only the header and the first row do (the header never stands at a page's foot with fewer than two
    rows). No row of either splits across pages."""
    _acknowledgement(tmp_path, 0)
    renderer = Renderer(tmp_path)
    short = Document(io.BytesIO(renderer.render("шаблон.docx", {"текст": [], "ознакомлены": NAMES})))
    assert _kept(short.tables[0]) == [True] * 14 + [False]
    long = Document(io.BytesIO(renderer.render("шаблон.docx", {"текст": [], "ознакомлены": NAMES * 22})))
    assert _kept(long.tables[0]) == [True, True] + [False] * (14 * 22 - 1)
    for table in (short.tables[0], long.tables[0]):
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


def test_a_schools_own_table_gets_rows_that_never_split(tmp_path):
    """A template made in Word with a plain table (no row properties at all) still prints no row split across
    pages, and, short, stays whole."""
    document = Document()
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Фамилия", "Подпись"
    row = table.add_row()
    row.cells[0].text = "{%tr for ч in люди %}"
    row = table.add_row()
    row.cells[0].text = "{{ ч }}"
    row = table.add_row()
    row.cells[0].text = "{%tr endfor %}"
    document.save(tmp_path / "шаблон.docx")
    made = Document(io.BytesIO(Renderer(tmp_path).render("шаблон.docx", {"люди": NAMES[:3]})))
    rows = made.tables[0].rows
    assert [row.cells[0].text for row in rows] == ["Фамилия", *NAMES[:3]]
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)
    assert _kept(made.tables[0]) == [True, True, True, False]


@needs_times
def test_an_acknowledgement_list_at_a_pages_foot_moves_whole_to_the_next_page(tmp_path):
    """Printed by LibreOffice: where the text ends low on the page, the caption «С приказом ознакомлены:», the
    table's header and all fourteen names stand together on the next page, not header and a name at the foot."""
    _acknowledgement(tmp_path, 0)
    filler = ["Наставнику обеспечить выполнение плана персонализированной программы наставничества."] * 19
    out = tmp_path / "Приказ.docx"
    out.write_bytes(Renderer(tmp_path).render("шаблон.docx", {"текст": filler, "ознакомлены": NAMES}))
    work = tmp_path / "pdf"
    work.mkdir()
    printing.convert(printing.find_soffice(), work, [out])
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(work / "Приказ.pdf").pages]
    assert len(pages) == 2 and "ознакомлены" not in pages[0]
    tail = pages[1][pages[1].index("С приказом ознакомлены: Фамилия, инициалы"):]
    assert all(name in tail for name in NAMES)
