"""A LibreOffice Calc book (.ods) written by hand for the tests: sheets of rows, dates as real dates."""

import datetime as dt
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from automation.book import schema

_NAMESPACES = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"')
_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
             'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
             '<manifest:file-entry manifest:full-path="/" '
             'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
             '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
             '</manifest:manifest>')


def _cell(value) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, dt.date):
        return (f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value:%d.%m.%Y}</text:p></table:table-cell>")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def write_ods(path: Path, rows: dict, settings: dict) -> Path:
    """Every sheet of the schema, header row first, as `scaffold.write_workbook` lays out an .xlsx."""
    tables = []
    for sheet in schema.SHEETS:
        if sheet is schema.ORGANIZATION:
            lines = [[c.header for c in sheet.columns]] + [[s.header, settings.get(s.header)] for s in schema.SETTINGS]
        else:
            lines = [[c.header for c in sheet.columns]] + [[row.get(c.header) for c in sheet.columns]
                                                          for row in rows.get(sheet.title, ())]
        body = "".join("<table:table-row>" + "".join(_cell(v) for v in line) + "</table:table-row>" for line in lines)
        tables.append(f"<table:table table:name={quoteattr(sheet.title)}>{body}</table:table>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NAMESPACES}><office:body>'
               f"<office:spreadsheet>{''.join(tables)}</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", _MANIFEST, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path
