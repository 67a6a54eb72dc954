"""A Word document's zip archive written from members already compressed: the template's parts exactly as they were
packed in it, the rendered ones packed once; every member dated 01.01.2026, so that the same document is the same
bytes."""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Member:
    """One compressed zip member: what a local header and the central directory say of it."""

    name: bytes
    method: int
    crc: int
    packed: bytes
    size: int


def packed(source: bytes, info: zipfile.ZipInfo) -> Member:
    """A member's bytes exactly as compressed in the template (its local header is skipped by its own lengths)."""
    name_length, extra_length = struct.unpack("<HH", source[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_length + extra_length
    return Member(info.filename.encode("utf-8"), info.compress_type, info.CRC,
                  source[start:start + info.compress_size], info.file_size)


def pack(name: str, data: bytes) -> Member:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Member(name.encode("utf-8"), zipfile.ZIP_DEFLATED, zlib.crc32(data),
                  compressor.compress(data) + compressor.flush(), len(data))


_ZIP_TIME, _ZIP_DATE = 0, (2026 - 1980) << 9 | 1 << 5 | 1  # 01.01.2026 00:00 for every member: the same bytes


def archive(members: list[Member]) -> bytes:
    """A zip archive (no ZIP64: documents are small) of members already compressed."""
    body, directory = bytearray(), bytearray()
    for member in members:
        flags = 0 if member.name.isascii() else 0x800  # UTF-8 names
        offset = len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, member.method, _ZIP_TIME, _ZIP_DATE, member.crc,
                            len(member.packed), member.size, len(member.name), 0) + member.name + member.packed
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, member.method, _ZIP_TIME,
                                 _ZIP_DATE, member.crc, len(member.packed), member.size, len(member.name), 0, 0, 0,
                                 0, 0, offset) + member.name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), len(body), 0)
    return bytes(body + directory + end)
