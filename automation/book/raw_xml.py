"""What the reader does not tell, read from an .xlsx's own XML: the cells holding a formula's error (the reader gives
them as blanks) and whether the book counts its dates from 1904 (old Excel for Mac)."""

from __future__ import annotations

import io
import re
import zipfile
from typing import IO, Iterator

DAYS_1904 = 1462
"""Days between the 1904 date system (old Mac Excel) and the 1900 one: a serial number of a 1904 book is this many
days later in the 1900 system that the rest of the program reads serials in."""
_DATE1904 = re.compile(rb"<(?:\w+:)?workbookPr\b[^>]*\bdate1904=\"(?:1|true)\"")

def date1904(data: bytes) -> bool:
    """Whether the book counts its dates from 1904 (workbookPr date1904 in xl/workbook.xml)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return bool(_DATE1904.search(archive.read("xl/workbook.xml")))
    except (KeyError, zipfile.BadZipFile):
        return False


def column_number(letters: str) -> int:
    """The inverse: A → 1, AA → 27."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


_SHEET_PART = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"|'
                         rb'<sheet\b[^>]*?\br:id="([^"]*)"[^>]*?\bname="([^"]*)"')
_RELATIONSHIP = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"|'
                           rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')
_ERROR_CELL = re.compile(rb'<c\b(?=[^>]*\bt="e")[^>]*?\br="([A-Z]+)(\d+)"[^>]*>(?:(?!</c>).)*?<v>([^<]*)</v>', re.S)


def error_cells(data: bytes) -> dict[str, list[tuple[int, int, str]]]:
    """Cells holding a formula's error, per sheet title: (row, column, «#REF!»), both 0-based.

    The reader gives such cells as blanks; read from the sheet's XML a piece at a time (a sheet of 300,000 rows is
    hundreds of megabytes unpacked), the cells parsed only in a piece where an error cell is."""
    from html import unescape

    found: dict[str, list[tuple[int, int, str]]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" not in names:
                return found  # not an .xlsx (.ods keeps its errors as text)
            rels = archive.read("xl/_rels/workbook.xml.rels")
            targets = {(m[0] or m[3]): (m[1] or m[2]) for m in _RELATIONSHIP.findall(rels)}
            for match in _SHEET_PART.findall(archive.read("xl/workbook.xml")):
                name, rel = (match[0], match[1]) if match[0] else (match[3], match[2])
                target = targets.get(rel, b"").decode("utf-8", "replace").lstrip("/")
                part = target if target.startswith("xl/") else f"xl/{target}"
                if part not in names:
                    continue
                title = unescape(name.decode("utf-8", "replace"))
                with archive.open(part) as xml:
                    for letters, number, text in _error_matches(xml):
                        found.setdefault(title, []).append((int(number) - 1, column_number(letters.decode()) - 1,
                                                            unescape(text.decode("utf-8", "replace"))))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return found  # the reader itself says what is wrong with the file
    return found


def _error_matches(xml: IO[bytes], piece: int = 1 << 22) -> Iterator[tuple[bytes, bytes, bytes]]:
    """_ERROR_CELL's matches in a stream, read in pieces cut before a cell's start so no cell is split."""
    rest = b""
    while True:
        chunk = xml.read(piece)
        text = rest + chunk
        cut = len(text) if not chunk else text.rfind(b"<c ")
        if cut <= 0:
            cut = len(text) if not chunk or len(text) > 16 * piece else 0
        if b't="e"' in text[:cut]:
            yield from _ERROR_CELL.findall(text[:cut])
        rest = text[cut:]
        if not chunk:
            return


