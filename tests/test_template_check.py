"""The template check: located Russian findings, safe repairs of split tags and quotes, the field guide."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from automation.documents.catalogue import FIELDS
from automation.documents.fields import Field
from automation.office.field_guide import guide, sample_contexts
from automation.office.render import Renderer
from automation.office.template_check import check_docx, check_folder, check_template, repair_folder, used_templates
from automation.run import build as builder
from tests.docx_text import docx_text

REPLACEMENT = "Приказ о замене наставника.docx"
NOW = dt.datetime(2026, 11, 27, 9, 30)


def word(*paragraphs: list[tuple[str, dict]] | str, header: str | None = None) -> bytes:
    """A .docx whose paragraphs are given as text, or as runs (text, formatting) the way Word splits them."""
    document = docx.Document()
    for paragraph in paragraphs:
        p = document.add_paragraph()
        for text, fmt in ([(paragraph, {})] if isinstance(paragraph, str) else paragraph):
            run = p.add_run(text)
            run.bold = fmt.get("bold")
            run.italic = fmt.get("italic")
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


SPLIT = [("Назначить ", {}), ("{{ куратор.", {}), ("фио.вп", {"bold": True}), (" }} куратором.", {})]
THREE_PROBLEMS = word(SPLIT, "Подпись: {{ орг.руководитель.подпсь }}", "Срок {{ срок срок }}")


def messages(source: bytes, repair: bool = False, name: str = REPLACEMENT) -> list[str]:
    return [f"{f.severity}: {f}" for f in check_template(name, source, repair).findings]


def test_a_split_tag_an_unknown_field_and_a_syntax_error_give_three_located_messages():
    assert messages(THREE_PROBLEMS) == [
        "warning: шаблон «Приказ о замене наставника.docx», абзац «Назначить {{ куратор.фио.вп }} куратором.»: "
        "{{ куратор.фио.вп }} разбито форматированием Word на 3 части. Документы формируются верно; чтобы поправить "
        "сам шаблон, запустите «nastavnik templates».",
        "error: шаблон «Приказ о замене наставника.docx», абзац «Подпись: {{ орг.руководитель.подпсь }}»: "
        "неизвестное поле «орг.руководитель.подпсь». Возможно, имелось в виду «орг.руководитель.подпись».",
        "error: шаблон «Приказ о замене наставника.docx», абзац «Срок {{ срок срок }}»: ошибка в записи "
        "{{ срок срок }}: лишнее «срок»: в поле одно имя, пробелы внутри имени не допускаются (пишите через _).",
    ]


def test_repair_joins_the_tag_into_its_first_run_and_keeps_every_paragraphs_text():
    result = check_docx(REPLACEMENT, THREE_PROBLEMS, repair=True)
    assert [f.repaired for f in result.findings] == [True, False, False]
    assert str(result.findings[0]).endswith("{{ куратор.фио.вп }} было разбито форматированием Word на 3 части; "
                                            "части соединены, текст не изменился.")
    before, after = docx.Document(io.BytesIO(THREE_PROBLEMS)), docx.Document(io.BytesIO(result.repaired))
    assert [p.text for p in after.paragraphs] == [p.text for p in before.paragraphs]
    runs = [(r.text, r.bold) for r in after.paragraphs[0].runs]
    assert runs == [("Назначить ", None), ("{{ куратор.фио.вп }}", None), (" куратором.", None)]
    assert check_docx(REPLACEMENT, result.repaired, repair=True).repaired is None


def test_a_tag_split_by_a_tab_is_not_joined_and_the_curator_is_told_to_retype_it():
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("{{ куратор.")
    paragraph.add_run().add_tab()
    paragraph.add_run("подпись }}")
    out = io.BytesIO()
    document.save(out)
    result = check_docx(REPLACEMENT, out.getvalue(), repair=True)
    assert result.repaired is None
    assert [str(f) for f in result.findings] == [
        "шаблон «Приказ о замене наставника.docx», абзац «{{ куратор.подпись }}»: {{ куратор.подпись }} разорвано "
        "вставкой (табуляция, разрыв строки, поле, рисунок или исправление) и не может быть соединено "
        "автоматически: удалите его и наберите заново одним куском."]


def test_guillemets_that_break_a_command_are_replaced_and_curly_quotes_too():
    source = word("{% if приказ.номер == «12» %}да{% endif %}", "{{ “ — ” ~ орг.краткое }}",
                  "{{ \"«\" ~ орг.краткое ~ \"»\" }}")
    assert messages(source) == [
        "error: шаблон «Приказ о замене наставника.docx», абзац «{% if приказ.номер == «12» %}да{% endif %}»: в "
        "{% if приказ.номер == «12» %} кавычки «»: внутри фигурных скобок нужны прямые кавычки — "
        "{% if приказ.номер == \"12\" %}. Их заменит команда «nastavnik templates»."]
    result = check_docx(REPLACEMENT, source, repair=True)
    assert [p.text for p in docx.Document(io.BytesIO(result.repaired)).paragraphs] == [
        '{% if приказ.номер == "12" %}да{% endif %}', '{{ " — " ~ орг.краткое }}',
        '{{ "«" ~ орг.краткое ~ "»" }}']
    assert all(f.repaired for f in result.findings) and len(result.findings) == 2


@pytest.mark.parametrize("paragraphs, expected", [
    (["{% for п in пункты %}{{ п }}", "конец"],
     "абзац «{% for п in пункты %}{{ п }}»: {% for п in пункты %} не закрыт: добавьте {% endfor %} после того, "
     "что он охватывает."),
    (["{{ приказ.номер }}{% endif %}"],
     "абзац «{{ приказ.номер }}{% endif %}»: лишний {% endif %}: перед ним нет открытого {% if … %}."),
    (["{% if приказ.проект %}", "{% endfor %}{% endif %}"],
     "абзац «{% endfor %}{% endif %}»: {% endfor %} закрывает не тот блок: последним открыт {% if приказ.проект %} "
     "(абзац «{% if приказ.проект %}»); нужен {% endif %}."),
    (["{% else %}"], "абзац «{% else %}»: {% else %} стоит вне блока {% if … %}: уберите его или добавьте "
                     "{% if … %} перед ним."),
    (["{% fro п in пункты %}"], "абзац «{% fro п in пункты %}»: неизвестная команда «fro» в {% fro п in пункты %}. "
                                "Возможно, имелось в виду «for»."),
    (["{{ куратор.фио.вп"], "абзац «{{ куратор.фио.вп»: «{{ куратор.фио.вп» не закрыто в этом абзаце: допишите "
                            "закрывающие скобки (}} или %}) в том же абзаце."),
    (["{{ ознакомлены.фио_кратко }}"],
     "абзац «{{ ознакомлены.фио_кратко }}»: «ознакомлены» — это список: его поля берутся в цикле "
     "{% for x in ознакомлены %} … {{ x.фио_кратко }} … {% endfor %}."),
    (["{%p for ч in ознакомлены %}", "{{ ч.фио.вп }}, {{ ч.фио_кратк }}", "{%p endfor %}"],
     "абзац «{{ ч.фио.вп }}, {{ ч.фио_кратк }}»: неизвестное поле «ч.фио_кратк». Возможно, имелось в виду "
     "«ч.фио_кратко»."),
    (["{{ наставник.фио.вп }}"], "абзац «{{ наставник.фио.вп }}»: неизвестное поле «наставник». Поля документа — "
                                 "в файле «Поля шаблонов.docx»."),
])
def test_structure_and_field_mistakes_are_located_by_paragraph(paragraphs, expected):
    assert messages(word(*paragraphs)) == [f"error: шаблон «{REPLACEMENT}», {expected}"]


def test_loops_filters_and_python_methods_of_known_fields_are_accepted():
    source = word("{%p for ч in ознакомлены if ч.женщина %}", "{{ loop.index }}. {{ ч.фио.вп|upper }} "
                  "{{ ч.подпись.upper() }}{% set имя = ч.фио %}{{ имя.рп }}", "{%p endfor %}",
                  "{% if куратор is defined %}{{ пункты|length }}{% endif %}{# заметка #}",
                  "{% set подписи %}{{ куратор.подпись }}{% endset %}{{ подписи }}")
    assert messages(source) == []


def test_a_broken_loop_header_is_one_message_not_one_per_use_of_its_variable():
    source = word("{%p for ч in ознакомлены if %}", "{{ ч.фио.вп }}", "{%p endfor %}")
    assert messages(source) == [
        "error: шаблон «Приказ о замене наставника.docx», абзац «{%p for ч in ознакомлены if %}»: ошибка в записи "
        "{%p for ч in ознакомлены if %}: запись не дописана: перед закрывающими скобками не хватает значения."]


def test_headers_and_footers_are_checked_too():
    source = word("Текст", header="{{ орг.кратко }}")
    assert messages(source) == [
        "error: шаблон «Приказ о замене наставника.docx», колонтитул, абзац «{{ орг.кратко }}»: неизвестное поле "
        "«орг.кратко». Возможно, имелось в виду «орг.краткое»."]


def test_the_site_page_is_checked_line_by_line():
    source = "<p>{{ орг.краткое }}</p>\n{% for п in пары %}\n<td>{{ п.настаник.фио.им }}</td>\n".encode()
    assert messages(source, name="Страница для сайта.html") == [
        "error: шаблон «Страница для сайта.html», строка 3: неизвестное поле «п.настаник». Возможно, имелось "
        "в виду «п.наставник».",
        "error: шаблон «Страница для сайта.html», строка 2: {% for п in пары %} не закрыт: добавьте {% endfor %} "
        "после того, что он охватывает."]


def test_a_damaged_template_is_one_message():
    assert messages(b"not a zip") == [
        f"error: шаблон «{REPLACEMENT}»: файл повреждён или это не документ Word .docx: сохраните его в Word как .docx."]


def test_the_default_templates_have_nothing_to_report(templates):
    checks = check_folder(Renderer(templates))
    assert [c.template for c in checks] == used_templates()
    assert [f for c in checks for f in c.findings] == []


def test_a_clean_template_is_remembered_between_runs_one_with_findings_checked_each_time(templates, tmp_path,
                                                                                         monkeypatch):
    """The next run (a new process: the in-memory results gone) takes a clean template's check from the cache; a
    template with findings, or one whose bytes changed, is checked again."""
    from automation import memo
    from automation.office import template_check

    monkeypatch.setenv(memo.ENV, str(tmp_path / "cache"))
    own = tmp_path / "templates"
    shutil.copytree(templates, own)
    (own / REPLACEMENT).write_bytes(word("{{ цели }}"))
    checked: list[str] = []
    real = template_check.check_template

    def counted(name: str, source: bytes, repair: bool = False):
        checked.append(name)
        return real(name, source, repair)

    monkeypatch.setattr(template_check, "check_template", counted)
    monkeypatch.setattr(template_check, "_CACHE", {})
    first = check_folder(Renderer(own))
    assert sorted(checked) == sorted(used_templates())
    assert [c.template for c in first if c.findings] == [REPLACEMENT]
    checked.clear()
    monkeypatch.setattr(template_check, "_CACHE", {})
    again = check_folder(Renderer(own))
    assert checked == [REPLACEMENT]
    assert [(c.template, [str(f) for f in c.findings]) for c in again] == [
        (c.template, [str(f) for f in c.findings]) for c in first]
    site = next(name for name in used_templates() if not name.endswith(".docx"))
    (own / site).write_text((own / site).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    checked.clear()
    monkeypatch.setattr(template_check, "_CACHE", {})
    check_folder(Renderer(own))
    assert sorted(checked) == sorted([REPLACEMENT, site])


def _shape(value) -> dict | None:
    if isinstance(value, dict):
        return {name: _shape(item) for name, item in value.items()}
    if isinstance(value, list):
        merged: dict = {}
        for item in value:
            merged.update(_shape(item) or {})
        return merged or None
    return None


def _declared(fields: dict[str, Field]) -> dict:
    return {name: _declared(item.fields) or None for name, item in fields.items()}


def _merge(shapes: list[dict | None]) -> dict:
    merged: dict = {}
    for shape in shapes:
        for name, sub in (shape or {}).items():
            merged[name] = _merge([merged.get(name), sub]) or None
    return merged


def test_the_declared_fields_are_exactly_the_data_the_documents_are_made_from():
    contexts = sample_contexts()
    for kind, fields in FIELDS.items():
        if kind == "district_summary":
            continue  # made from a district's folder, checked in test_district
        assert _merge([_shape(c) for c in contexts[kind]]) == _declared(fields), kind


def test_the_field_guide_lists_each_field_with_its_meaning_and_a_sample_value():
    text = docx_text(io.BytesIO(guide()))
    assert "Персонализированная программа наставничества\nШаблон: «Персонализированная программа " \
           "наставничества.docx»" in text
    assert "{{ наставник.фио.вп }} | ФИО полностью, винительный падеж (кого?) | Мороз Ольгу Викторовну" in text
    assert "{% for п in пары %} … {% endfor %} | закрепляемые пары и группы | " in text
    assert "{{ п.наставник.фио.рп }} | ФИО полностью, родительный падеж (кого?) | Мороз Ольги Викторовны" in text


def test_every_row_of_the_field_guide_is_a_field_with_its_indent_and_widths():
    """The guide copies its rows as XML for speed: read back, each is exactly what python-docx would have made."""
    from docx.shared import Mm

    from automation.office.field_guide import _KINDS, rows
    document = docx.Document(io.BytesIO(guide()))
    assert len(document.tables) == len(_KINDS)
    for table, kind in zip(document.tables, _KINDS):
        expected = rows(FIELDS[kind.key], sample_contexts().get(kind.key, []))
        assert len(table.rows) == len(expected) + 1, kind.key
        for row, (depth, written, meaning, value) in zip(table.rows[1:], expected):
            assert [cell.text for cell in row.cells] == [written, meaning, value]
            assert [len(cell.paragraphs) for cell in row.cells] == [1, 1, 1]
            assert row.cells[0].paragraphs[0].paragraph_format.left_indent.twips == Mm(4 * depth).twips
            assert [round(cell.width.mm) for cell in row.cells] == [95, 80, 92]


def test_repair_folder_keeps_the_original_in_the_archive_and_rewrites_the_template(templates, tmp_path):
    own = tmp_path / "templates"
    shutil.copytree(templates, own)
    (own / REPLACEMENT).write_bytes(THREE_PROBLEMS)
    checks, missing, repaired = repair_folder(own, tmp_path / "output", NOW)
    assert missing == [] and len(checks) == len(used_templates())
    assert [(r.template, r.backup, r.locked) for r in repaired] == [
        (REPLACEMENT, Path("_архив/Шаблоны до исправления/Приказ о замене наставника (в архиве 27.11.2026 09-30).docx"),
         False)]
    assert (tmp_path / "output" / repaired[0].backup).read_bytes() == THREE_PROBLEMS
    assert [r.text for r in docx.Document(own / REPLACEMENT).paragraphs[0].runs][1] == "{{ куратор.фио.вп }}"


def test_build_reports_a_broken_templates_problems_once_and_makes_the_other_documents(write, rows, templates,
                                                                                       tmp_path):
    own = tmp_path / "templates"
    shutil.copytree(templates, own)
    (own / "Персонализированная программа наставничества.docx").write_bytes(word("{{ цель }} {{ цели }}"))
    report = builder.build(write(rows), own, tmp_path / "output", today=dt.date(2026, 11, 27))
    assert [str(p) for p in report.errors] == [
        "Шаблон «Персонализированная программа наставничества.docx», абзац «{{ цель }} {{ цели }}»: неизвестное "
        "поле «цели». Возможно, имелось в виду «цель».",
        "По шаблону «Персонализированная программа наставничества.docx» не создано документов: 4; прежние файлы "
        "оставлены. Исправьте ошибки шаблона, описанные выше."]
    assert not (tmp_path / "output" / "Программы").exists()
    assert (tmp_path / "output" / "Списки" / "Список наставнических пар (групп).docx").is_file()
    assert "неизвестное поле «цели»" in docx_text(tmp_path / "output" / "Отчёт о проверке.docx")


def _cli(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "automation", *args], cwd=folder, capture_output=True, text=True,
                          encoding="utf-8")


def test_templates_command_repairs_reports_and_writes_the_guide(templates, tmp_path):
    shutil.copytree(templates, tmp_path / "doc_templates")
    (tmp_path / "doc_templates" / REPLACEMENT).write_bytes(THREE_PROBLEMS)
    (tmp_path / "doc_templates" / "Отчёт о проверке.docx").unlink()
    result = _cli(tmp_path, "templates")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Шаблоны: doc_templates"
    assert lines[1] == "Ошибки (3):"
    assert lines[4] == ("  • Нет шаблона «Отчёт о проверке.docx»: верните его из резервной копии или создайте "
                        "заново командой «nastavnik init».")
    assert lines[5] == "Предупреждения и исправления (1):"
    assert lines[-3].startswith(f"Шаблон «{REPLACEMENT}» исправлен; прежний файл: output/_архив/Шаблоны до исправления/")
    assert lines[-2] == "Справочник полей: output/Поля шаблонов.docx"
    assert lines[-1] == "Итог: проверено шаблонов: 24; ошибок: 3, предупреждений: 1, исправлено шаблонов: 1."
    assert (tmp_path / "output" / "Поля шаблонов.docx").is_file()
    assert _cli(tmp_path, "templates").stdout.splitlines()[-1] == (
        "Итог: проверено шаблонов: 24; ошибок: 3, предупреждений: 0, исправлено шаблонов: 0.")


def test_templates_command_on_the_default_templates_is_clean(templates, tmp_path):
    shutil.copytree(templates, tmp_path / "doc_templates")
    before = {p.name: p.read_bytes() for p in (tmp_path / "doc_templates").iterdir()}
    result = _cli(tmp_path, "templates")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == (
        f"Итог: проверено шаблонов: {len(used_templates())}; ошибок: 0, предупреждений: 0, исправлено шаблонов: 0.")
    assert {p.name: p.read_bytes() for p in (tmp_path / "doc_templates").iterdir()} == before


def test_spelling_marks_and_bookmarks_between_the_parts_do_not_stop_the_join():
    from docx.oxml import OxmlElement

    document = docx.Document()
    paragraph = document.add_paragraph()
    first = paragraph.add_run("Подпись {{ орг.руково")
    paragraph.add_run("дитель.подпись }}.")
    for name, attrs in (("w:proofErr", {"w:type": "spellStart"}), ("w:bookmarkStart", {"w:id": "0", "w:name": "_GoBack"}),
                        ("w:bookmarkEnd", {"w:id": "0"})):
        mark = OxmlElement(name)
        for key, value in attrs.items():
            mark.set(docx.oxml.ns.qn(key), value)
        first._r.addnext(mark)
    out = io.BytesIO()
    document.save(out)
    result = check_docx(REPLACEMENT, out.getvalue(), repair=True)
    assert [f.repaired for f in result.findings] == [True]
    repaired = docx.Document(io.BytesIO(result.repaired)).paragraphs[0]
    assert [r.text for r in repaired.runs] == ["Подпись {{ орг.руководитель.подпись }}", "."]
    assert repaired._p.xml.count("w:bookmarkStart") == 1


def test_two_split_tags_in_one_paragraph_are_both_joined():
    # The second tag begins in the run where the first one ends: that run's text moves when the first is joined.
    source = word([("{{ орг.", {}), ("краткое }}, {{ орг.", {"bold": True}), ("место }}.", {"italic": True})])
    result = check_docx(REPLACEMENT, source, repair=True)
    assert [f.repaired for f in result.findings] == [True, True]
    runs = [(r.text, r.bold, r.italic) for r in docx.Document(io.BytesIO(result.repaired)).paragraphs[0].runs]
    assert runs == [("{{ орг.краткое }}", None, None), (", {{ орг.место }}", True, None), (".", None, True)]


@pytest.mark.parametrize("tag, said", [
    ("{{ орг..краткое }}", "после точки должно стоять имя поля."),
    ("{{ орг.краткое | }}", "ожидалось «имя поля», а стоит «}}»."),
    ("{{ 'МКОУ }}", "не закрыта кавычка '."),
    ("{% if приказ.проект = 1 %}{% endif %}", "для сравнения пишите «==», а не «=»."),
    ("{{ орг.краткое; }}", "лишний знак «;»."),
    ("{{ орг.краткое + }}", "запись не дописана: перед закрывающими скобками не хватает значения."),
])
def test_jinjas_complaints_are_said_in_russian(tag, said):
    first = re.match(r"\{[{%].*?[}%]\}", tag).group(0)
    assert messages(word(tag))[0].endswith(f": ошибка в записи {first}: {said}")
