"""Signed orders are final: never rewritten, compared with today's data, made again from their snapshot."""

import datetime as dt
from pathlib import Path

from docx import Document

from automation.run.manifest import Manifest
from automation.run.report import RESTORED
from tests.docx_text import docx_text
from tests.helpers import build, warnings

SIGNED = "Приказы/Приказ № 45-ОД от 01.09.2026 О закреплении наставнических пар (групп).docx"
BOOK = "Наставничество.xlsx"




def test_a_change_in_the_data_is_named_with_the_order_that_records_it(write, rows, templates, tmp_path):
    output = tmp_path / "out"
    build(write(rows, name=BOOK), templates, output)
    before = (output / SIGNED).read_bytes()
    rows["Педагоги"][2]["Должность"] = "учитель алгебры"
    rows["Пары"][0]["Наставник (код)"] = "П-1"
    report = build(write(rows, name=BOOK), templates, output)
    assert (output / SIGNED).read_bytes() == before
    assert [w for w in warnings(report) if w.startswith("Приказ")] == [
        "Приказ № 45-ОД от 01.09.2026 подписан, но с тех пор изменилось: пара № 1 — наставник «Мороз Ольга Викторовна» "
        "→ «Сазонова Татьяна Алексеевна»; пара № 1 — должность наставника «учитель математики» → «директор». "
        "Такие изменения оформляются новым приказом: «О замене наставника»."]


def test_a_position_change_alone(write, rows, templates, tmp_path):
    output = tmp_path / "out"
    build(write(rows, name=BOOK), templates, output)
    rows["Педагоги"][2]["Должность"] = "учитель алгебры"
    assert warnings(build(write(rows, name=BOOK), templates, output)) == [
        "Приказ № 45-ОД от 01.09.2026 подписан, но с тех пор изменилось: пара № 1 — должность наставника "
        "«учитель математики» → «учитель алгебры». Подписанный приказ не меняется; при необходимости издайте новый."]


def test_the_warning_repeats_on_every_build_until_the_data_agree(write, rows, templates, tmp_path):
    output = tmp_path / "out"
    build(write(rows, name=BOOK), templates, output)
    rows["Программы"][0]["Дата окончания"] = dt.date(2027, 4, 30)
    path = write(rows, name=BOOK)
    first, second = build(path, templates, output), build(path, templates, output)
    assert warnings(first) == warnings(second) == [
        "Приказ № 45-ОД от 01.09.2026 подписан, но с тех пор изменилось: пара № 1 — срок программы "
        "«01.09.2026 – 31.05.2027» → «01.09.2026 – 30.04.2027». Такие изменения оформляются новым приказом: "
        "«О продлении срока реализации программы».",
        "«Соглашения/Доп. соглашение № 7 Мороз О.В. (пара № 1).docx» подписано, но с тех пор изменилось: окончание "
        "«31 мая 2027 г.» → «30 апреля 2027 г.». Подписанный документ не меняется; если изменились условия, "
        "оформите новое дополнительное соглашение."]
    rows["Программы"][0]["Дата окончания"] = dt.date(2027, 5, 31)
    assert warnings(build(write(rows, name=BOOK), templates, output)) == []


def test_a_template_change_never_touches_a_signed_order(write, rows, tmp_path, own_templates):
    templates = own_templates
    output = tmp_path / "out"
    path = write(rows, name=BOOK)
    build(path, templates, output)
    before = (output / SIGNED).read_bytes(), (output / SIGNED).stat().st_mtime_ns
    template = templates / "Приказ о закреплении наставнических пар.docx"
    document = Document(str(template))
    document.add_paragraph("Новая строка шаблона")
    document.save(str(template))
    report = build(path, templates, output)
    assert ((output / SIGNED).read_bytes(), (output / SIGNED).stat().st_mtime_ns) == before
    draft = output / "Приказы/ПРОЕКТ Приказ О закреплении наставнических пар (групп).docx"
    assert "Новая строка шаблона" in docx_text(draft) and report.exit_code == 0


def test_a_deleted_signed_order_is_made_again_with_the_same_text(write, rows, tmp_path, own_templates):
    templates = own_templates
    output = tmp_path / "out"
    build(write(rows, name=BOOK), templates, output)
    text = docx_text(output / SIGNED)
    (output / SIGNED).unlink()
    template = templates / "Приказ о закреплении наставнических пар.docx"
    document = Document(str(template))
    document.add_paragraph("Строка, которой не было при подписании")
    document.save(str(template))
    rows["Педагоги"][2]["Должность"] = "учитель алгебры"
    report = build(write(rows, name=BOOK), templates, output)
    assert docx_text(output / SIGNED) == text
    assert "учителя математики" in text
    assert [d.status for d in report.documents if str(d.path) == SIGNED] == [RESTORED]


def test_a_signed_order_whose_rows_are_gone_stays_and_is_reported(write, rows, templates, tmp_path):
    output = tmp_path / "out"
    build(write(rows, name=BOOK), templates, output)
    rows["Пары"][0]["Приказ о закреплении (№)"] = None
    report = build(write(rows, name=BOOK), templates, output)
    assert (output / SIGNED).is_file()
    assert report.archived == []
    assert (f"подписанный приказ «{SIGNED}» больше не следует из книги (его строки удалены или перенесены в другой "
            "приказ); файл оставлен как есть.") in [p.message for p in report.warnings]
    assert ("Лист «Приказы», строка 2, столбец «№ приказа»: на приказ № 45-ОД не ссылается ни одна строка книги: "
            "проверьте номер в столбцах «Приказ …» или удалите строку реестра.") in warnings(report)
    assert Manifest.load(output).entry(Path(SIGNED)).signed


def test_signing_later_freezes_the_last_version(write, rows, templates, tmp_path):
    rows["Приказы"][0]["Статус"] = "проект"
    output = tmp_path / "out"
    build(write(rows, name=BOOK), templates, output)
    rows["Приказы"][0]["Статус"] = "подписан"
    build(write(rows, name=BOOK), templates, output)
    before = (output / SIGNED).read_bytes()
    rows["Педагоги"][2]["Должность"] = "учитель алгебры"
    report = build(write(rows, name=BOOK), templates, output)
    assert (output / SIGNED).read_bytes() == before
    assert len(report.warnings) == 1 and "«учитель математики» → «учитель алгебры»" in report.warnings[0].message


def test_a_row_with_an_error_is_not_reported_as_removed_from_a_signed_order(write, rows, templates, tmp_path):
    output = tmp_path / "out"
    rows["Пары"][1]["Приказ о закреплении (№)"] = "45-ОД"  # the signed order holds two pairs
    build(write(rows, name=BOOK), templates, output)
    rows["Пары"][0]["Форма взаимодействия"] = "по телефону"  # pair № 1: its row is left out while it has an error
    report = build(write(rows, name=BOOK), templates, output)
    assert [(p.sheet, p.row) for p in report.errors] == [("Пары", 2)]
    assert warnings(report) == []
    rows["Пары"][0]["Форма взаимодействия"] = "один-на-один"
    assert warnings(build(write(rows, name=BOOK), templates, output)) == []
