"""Rendering: autoescaped values keep the .docx whole, unknown fields and syntax errors are named, writes are atomic."""

import os
from pathlib import Path

import pytest
from docx import Document

from automation.files import DocumentLocked, write_atomic
from automation.office.render import Renderer, TemplateProblem
from tests.docx_text import docx_text


def _template(folder: Path, *paragraphs: str, table_cell: str | None = None) -> str:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table_cell:
        document.add_table(rows=1, cols=1).cell(0, 0).text = table_cell
    document.add_paragraph("Конец документа")
    document.save(folder / "t.docx")
    return "t.docx"


def test_special_characters_in_cells_keep_every_paragraph_and_table(tmp_path):
    name = _template(tmp_path, "Школа: {{ школа }}", "Второй абзац", table_cell="{{ школа }}")
    data = Renderer(tmp_path).render(name, {"школа": 'Школа "Ромашка" & <Co> \'ООО\''})
    out = tmp_path / "out.docx"
    out.write_bytes(data)
    assert docx_text(out) == ('Школа: Школа "Ромашка" & <Co> \'ООО\'\nВторой абзац\n'
                              'Школа "Ромашка" & <Co> \'ООО\'\nКонец документа\n')


def test_unknown_field_names_template_and_field(tmp_path):
    name = _template(tmp_path, "{{ наставник.фамилия }}")
    with pytest.raises(TemplateProblem) as err:
        Renderer(tmp_path).render(name, {"наставник": {"фио": "x"}})
    assert str(err.value) == ("в шаблоне «t.docx» неизвестное поле «фамилия». Исправьте название поля "
                              "(список полей — в шаблонах по умолчанию, «nastavnik init»).")


def test_undefined_top_level_field(tmp_path):
    name = _template(tmp_path, "{{ нет_такого }}")
    with pytest.raises(TemplateProblem) as err:
        Renderer(tmp_path).render(name, {})
    assert "неизвестное поле «нет_такого»" in str(err.value)


def test_syntax_error_is_named(tmp_path):
    name = _template(tmp_path, "{% for x in %}")
    with pytest.raises(TemplateProblem) as err:
        Renderer(tmp_path).render(name, {})
    assert str(err.value).startswith("в шаблоне «t.docx» ошибка в записи поля или команды: ")
    assert str(err.value).endswith("Проверьте фигурные скобки {{ … }} и {% … %}.")


def test_missing_and_damaged_templates(tmp_path):
    with pytest.raises(TemplateProblem) as err:
        Renderer(tmp_path).render("нет.docx", {})
    assert str(err.value).startswith(f"нет шаблона «нет.docx» в папке «{tmp_path}».")
    (tmp_path / "битый.docx").write_bytes(b"not a zip")
    with pytest.raises(TemplateProblem) as err:
        Renderer(tmp_path).render("битый.docx", {})
    assert str(err.value) == "шаблон «битый.docx» повреждён или это не документ Word .docx. Сохраните его в Word как .docx."


def test_atomic_write_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "Приказы" / "a.docx"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a.docx"]


def test_locked_target_keeps_the_old_file_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(DocumentLocked):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_charts_are_embedded_as_pictures(tmp_path):
    from automation.documents.charts import Chart
    name = _template(tmp_path, "До диаграммы {{ график }} после")
    chart = Chart("Проба", ("один", "два"), (1, 2))
    out = tmp_path / "out.docx"
    out.write_bytes(Renderer(tmp_path).render(name, {"график": chart}))
    document = Document(str(out))
    assert len(document.inline_shapes) == 1
    picture = document.inline_shapes[0]
    assert round(picture.width.mm) == 160
    blip = picture._inline.graphic.graphicData.pic.blipFill.blip
    assert document.part.related_parts[blip.embed].blob == chart.png()
    assert docx_text(out).startswith("До диаграммы  после\n")


def test_line_breaks_and_tabs_in_values_become_words_own(tmp_path):
    name = _template(tmp_path, "{{ текст }}")
    out = tmp_path / "out.docx"
    out.write_bytes(Renderer(tmp_path).render(name, {"текст": "первая строка\nвторая\tпосле табуляции"}))
    document = Document(str(out))
    xml = document.paragraphs[0]._p.xml
    assert "<w:br/>" in xml and "<w:tab/>" in xml
    assert docx_text(out).startswith("первая строка\nвторая\tпосле табуляции\n")


_RUN = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>'


@pytest.mark.parametrize("parts", [
    ["один\nдва", "без разрывов", "три\tчетыре\aпять"],  # two paragraphs apart, several characters in one
    ["первый\fвторой", "третий\nчетвёртый"],  # side by side, a page break among them
    ["только текст"],
])
def test_listings_are_resolved_in_the_paragraphs_docxtpl_resolves(parts):
    """Only the paragraphs holding a tab or a break are given to docxtpl's resolve_listing, found from those
    characters: the part is what docxtpl makes of the whole of it; a character between paragraphs stays."""
    from docxtpl import DocxTemplate

    from automation.office.render import _resolved_listings

    resolve = DocxTemplate.__new__(DocxTemplate).resolve_listing
    paragraphs = "\n".join(f'<w:p w:rsidR="1"><w:pPr><w:jc w:val="both"/></w:pPr>{_RUN.format(text)}</w:p>'
                         if index % 2 else f"<w:p>{_RUN.format(text)}</w:p>" for index, text in enumerate(parts))
    xml = f"<w:body>\n{paragraphs}<w:sectPr>\t</w:sectPr></w:body>"
    assert _resolved_listings(xml, resolve) == resolve(xml)
    if any("\n" in text for text in parts):
        assert '</w:t><w:br/><w:t xml:space="preserve">' in _resolved_listings(xml, resolve)


def test_documents_are_valid_zips_and_equal_inputs_give_equal_bytes(tmp_path):
    import io
    import zipfile
    name = _template(tmp_path, "Школа: {{ школа }}", table_cell="{{ школа }}")
    first = Renderer(tmp_path).render(name, {"школа": "Теньковская"})
    second = Renderer(tmp_path).render(name, {"школа": "Теньковская"})
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.testzip() is None
        template = zipfile.ZipFile(tmp_path / name)
        assert archive.namelist() == template.namelist()
        assert archive.read("word/fontTable.xml") == template.read("word/fontTable.xml")  # copied as they are
        # An English template's default language is made Russian (and the text hyphenated by Russian rules).
        assert archive.read("word/styles.xml") == template.read("word/styles.xml").replace(
            b'w:val="en-US"', b'w:val="ru-RU"', 1)


def test_a_style_a_school_set_in_english_stays_english_when_the_default_is_russian(tmp_path):
    """Only the default language (w:rPrDefault) is made Russian: a style set in English on purpose is left as it is."""
    import io
    import zipfile

    name = _template(tmp_path, "Школа: {{ школа }}")
    with zipfile.ZipFile(tmp_path / name) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    styles = parts["word/styles.xml"].decode("utf-8").replace('w:val="en-US"', 'w:val="ru-RU"', 1).replace(
        "</w:styles>", '<w:style w:type="character" w:styleId="English"><w:name w:val="English"/><w:rPr>'
                       '<w:lang w:val="en-US"/></w:rPr></w:style></w:styles>')
    parts["word/styles.xml"] = styles.encode("utf-8")
    with zipfile.ZipFile(tmp_path / name, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    made = Renderer(tmp_path).render(name, {"школа": "Теньковская"})
    with zipfile.ZipFile(io.BytesIO(made)) as archive:
        assert archive.read("word/styles.xml").decode("utf-8") == styles


def test_a_table_made_twice_is_the_same_bytes(monkeypatch):
    import time as clock

    from automation.office.tables import table_workbook

    table = {"заголовок": "Показатели", "столбцы": ["Школа", "Пар"], "строки": [["МКОУ Теньковская СШ", 3]]}
    first = table_workbook(table)
    later = clock.localtime(clock.time() + 3600)
    monkeypatch.setattr(clock, "localtime", lambda *args: later)  # an hour later by the zip writer's clock
    assert table_workbook(table) == first


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _table(grid: int, rows: list[list[int]]) -> str:
    """A table of `grid` columns whose rows hold cells spanning the given numbers of columns."""
    def cell(span: int) -> str:
        props = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else "<w:tcPr/>"
        return f"<w:tc>{props}<w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
    columns = "".join(f'<w:gridCol w:w="{1000 * (index + 1)}"/>' for index in range(grid))
    body = "".join("<w:tr>" + "".join(cell(span) for span in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/><w:tblGrid>{columns}</w:tblGrid>{body}</w:tbl>"


@pytest.mark.parametrize("tables, fast", [
    ([_table(3, [[1, 1, 1]] * 50)], True),  # a plan table: every row fills the grid
    ([_table(3, [[1, 1, 1], [2, 1]])], True),
    ([_table(3, [[1, 1, 1, 1]])], False),  # a {%tc for %} loop added a cell: the grid grows
    ([_table(4, [[1, 1], [2, 1]])], False),  # cells removed: the grid shrinks
    ([_table(3, [[2, 1]])], False),  # spans only: docxtpl decides
    ([_table(2, [[1, 1]]), _table(3, [[1, 1]])], False),  # one table of two needs fixing
])
def test_tables_fixed_as_docxtpl_fixes_them_and_skipped_only_where_it_changes_nothing(tables, fast, monkeypatch):
    """The fast path skips docxtpl's fix_tables only where it would return the same tree."""
    from docxtpl import DocxTemplate
    from lxml import etree

    from automation.office import render

    xml = f"<w:body {_W}>" + "<w:p/>".join(tables) + "</w:body>"
    docx = DocxTemplate.__new__(DocxTemplate)
    fix_tables = DocxTemplate.fix_tables
    expected = etree.tostring(fix_tables(docx, xml))
    calls = []
    monkeypatch.setattr(DocxTemplate, "fix_tables", lambda self, text: calls.append(1) or fix_tables(self, text))
    assert etree.tostring(render._fix_tables(docx, xml)) == expected
    assert calls == ([] if fast else [1])


def test_a_chart_in_a_list_of_records_is_a_picture_not_text(tmp_path):
    from automation.documents.charts import Chart

    name = _template(tmp_path, "{% for р in разделы %}{{ р.название }}: {{ р.график }}; {% endfor %}")
    charts = [Chart("Первый", ("а",), (1,)), Chart("Второй", ("б", "в"), (2, 3))]
    out = tmp_path / "out.docx"
    out.write_bytes(Renderer(tmp_path).render(name, {"разделы": [{"название": "один", "график": charts[0]},
                                                                 {"название": "два", "график": charts[1]}]}))
    document = Document(str(out))
    blobs = [document.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
             for shape in document.inline_shapes]
    assert blobs == [chart.png() for chart in charts]
    assert docx_text(out).startswith("один: ; два: ; \n")


def test_a_chart_in_the_header_has_its_relationship_in_the_headers_part(tmp_path):
    """docxtpl's own path puts the picture's relationship in the header's part (the fast path would put it in the
    body's, and Word would show a broken picture)."""
    from automation.documents.charts import Chart

    document = Document()
    document.add_paragraph("Текст {{ подпись }}")
    document.sections[0].header.paragraphs[0].text = "Шапка {{ график }}"
    document.save(tmp_path / "h.docx")
    chart = Chart("Проба", ("один",), (1,))
    out = tmp_path / "out.docx"
    out.write_bytes(Renderer(tmp_path).render("h.docx", {"график": chart, "подпись": "внизу"}))
    made = Document(str(out))
    header = made.sections[0].header
    blips = header._element.xpath(".//a:blip/@r:embed")
    assert len(blips) == 1
    assert header.part.related_parts[blips[0]].blob == chart.png()
    assert made.element.body.xpath(".//a:blip") == []
    assert made.paragraphs[0].text == "Текст внизу"


def test_a_docxtpl_object_in_the_context_takes_docxtpls_own_path(tmp_path):
    from docxtpl import DocxTemplate, RichText

    name = _template(tmp_path, "Сайт: {{r ссылка }}")
    out = tmp_path / "out.docx"
    out.write_bytes(Renderer(tmp_path).render(name, {"ссылка": RichText("школа.рф", bold=True)}))
    reference = DocxTemplate(tmp_path / name)
    reference.render({"ссылка": RichText("школа.рф", bold=True)}, autoescape=True)
    reference.save(tmp_path / "docxtpl.docx")
    assert docx_text(out) == docx_text(tmp_path / "docxtpl.docx") == "Сайт: школа.рф\nКонец документа\n"
    assert [run.bold for run in Document(str(out)).paragraphs[0].runs if run.text == "школа.рф"] == [True]


def test_a_prepared_template_is_read_back_from_the_cache_by_the_next_run_and_a_damaged_one_passed_by(
        tmp_path, monkeypatch):
    """The next run reads the template's preparation instead of compiling it; a damaged or unwritable cache changes
    nothing in the document."""
    from automation import memo
    from automation.office import prepared_cache
    from automation.office.render import VERSION, PreparedTemplate, _env

    monkeypatch.setenv(memo.ENV, str(tmp_path / "cache"))
    source = (tmp_path / _template(tmp_path, "Школа: {{ школа }}", table_cell="№ {{ номер }}")).read_bytes()
    context = {"школа": "Теньковская", "номер": "45-ОД"}
    first = PreparedTemplate(source, _env()).render(context)
    [kept] = (tmp_path / "cache" / "templates").iterdir()
    compiled = []
    with monkeypatch.context() as patch:
        patch.setattr(PreparedTemplate, "_compile", lambda self, env, xml: compiled.append(xml))
        assert PreparedTemplate(source, _env()).render(context) == first and compiled == []
    kept.write_bytes(b"\x00 not marshal")
    assert PreparedTemplate(source, _env()).render(context) == first
    assert prepared_cache.load(kept.name.split("-")[0], VERSION) is not None  # prepared again, and kept again whole
    (tmp_path / "a file").write_text("not a folder")
    monkeypatch.setenv(memo.ENV, str(tmp_path / "a file"))
    assert PreparedTemplate(source, _env()).render(context) == first
