"""A small, bounded reader of OLE2 compound files ([MS-CFB]): the container of .xls and .doc.

Only what the Excel reader needs: the directory's stream names (an .xls holds ``Workbook``, a Word
.doc ``WordDocument``, an encrypted .xlsx ``EncryptedPackage``) and one stream's bytes. Every
sector chain is bounded by the file's size and checked for loops, so a truncated or corrupt file
raises `CompoundError` instead of reading past its end or looping.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
END_OF_CHAIN = 0xFFFFFFFE
LAST_REGULAR = 0xFFFFFFFA
HEADER_DIFAT = 109
ENTRY_SIZE = 128
STREAM = 2


class CompoundError(ValueError):
    """The compound file is truncated or inconsistent."""


@dataclass(frozen=True)
class Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    start: int
    size: int


def entry_names_in_head(head: bytes) -> list[str] | None:
    """Directory names when the first directory sector lies within ``head`` (for sniffing), else None."""
    if len(head) < 512 or not head.startswith(MAGIC):
        return None
    shift, first = struct.unpack_from("<H", head, 0x1E)[0], struct.unpack_from("<I", head, 0x30)[0]
    if shift not in (9, 12) or first > LAST_REGULAR:
        return None
    offset = (first + 1) << shift
    if offset + (1 << shift) > len(head):
        return None
    return [_entry(head, offset + i * ENTRY_SIZE, shift).name for i in range((1 << shift) // ENTRY_SIZE)]


def _entry(data: bytes, offset: int, shift: int) -> Entry:
    raw_name = data[offset : offset + 64]
    length = min(struct.unpack_from("<H", data, offset + 0x40)[0], 64)
    name = raw_name[: max(length - 2, 0)].decode("utf-16-le", errors="replace")
    kind = data[offset + 0x42]
    start = struct.unpack_from("<I", data, offset + 0x74)[0]
    size = struct.unpack_from("<Q" if shift == 12 else "<I", data, offset + 0x78)[0]
    return Entry(name, kind, start, size)


class Compound:
    """The directory and streams of a compound file held in memory."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(MAGIC):
            raise CompoundError("not an OLE2 compound file")
        self.data = data
        self.shift = struct.unpack_from("<H", data, 0x1E)[0]
        self.mini_shift = struct.unpack_from("<H", data, 0x20)[0]
        if self.shift not in (9, 12) or self.mini_shift != 6:
            raise CompoundError("bad sector size")
        self.size = 1 << self.shift
        self.fat = self._fat()
        (first_directory,) = struct.unpack_from("<I", data, 0x30)
        (self.cutoff, first_minifat, minifat_count) = struct.unpack_from("<III", data, 0x38)
        directory = self._chain_bytes(first_directory)
        self.entries = [
            _entry(directory, i, self.shift) for i in range(0, len(directory) - ENTRY_SIZE + 1, ENTRY_SIZE)
        ]
        self.minifat: list[int] = []
        if minifat_count and first_minifat <= LAST_REGULAR:
            table = self._chain_bytes(first_minifat)
            self.minifat = list(struct.unpack(f"<{len(table) // 4}I", table))

    def names(self) -> list[str]:
        return [e.name for e in self.entries]

    def stream(self, name: str) -> bytes | None:
        """The bytes of the named stream, or None when there is no such stream."""
        entry = next((e for e in self.entries if e.kind == STREAM and e.name == name), None)
        if entry is None:
            return None
        if entry.size < self.cutoff and self.entries:
            root = self.entries[0]
            container = self._chain_bytes(root.start)[: root.size]
            data = self._follow(entry.start, self.minifat, container, 1 << self.mini_shift)
        else:
            data = self._chain_bytes(entry.start)
        if len(data) < entry.size:
            raise CompoundError(f"stream {name} is truncated")
        return data[: entry.size]

    def _sector(self, number: int) -> bytes:
        offset = (number + 1) << self.shift
        if number > LAST_REGULAR or offset + self.size > len(self.data):
            raise CompoundError(f"sector {number} lies beyond the end of the file")
        return self.data[offset : offset + self.size]

    def _fat(self) -> list[int]:
        count = struct.unpack_from("<I", self.data, 0x2C)[0]
        sectors = list(struct.unpack_from(f"<{HEADER_DIFAT}I", self.data, 0x4C))
        next_difat, difat_count = struct.unpack_from("<II", self.data, 0x44)
        per_sector = self.size // 4 - 1
        for _ in range(difat_count):
            if next_difat > LAST_REGULAR:
                break
            values = struct.unpack(f"<{per_sector + 1}I", self._sector(next_difat))
            sectors.extend(values[:per_sector])
            next_difat = values[per_sector]
        if count > len(sectors) or count > len(self.data) // self.size:
            raise CompoundError("FAT larger than the file")
        fat: list[int] = []
        for number in sectors[:count]:
            fat.extend(struct.unpack(f"<{self.size // 4}I", self._sector(number)))
        return fat

    def _chain_bytes(self, start: int) -> bytes:
        return self._follow(start, self.fat, None, self.size)

    def _follow(self, start: int, table: list[int], container: bytes | None, size: int) -> bytes:
        """Concatenate a sector chain of ``table``; sectors of ``container`` (mini stream) or the file."""
        parts: list[bytes] = []
        number = start
        for _ in range(len(table) + 1):
            if number == END_OF_CHAIN:
                return b"".join(parts)
            if number >= len(table):
                raise CompoundError(f"sector {number} is not in the allocation table")
            if container is None:
                parts.append(self._sector(number))
            else:
                piece = container[number * size : (number + 1) * size]
                if len(piece) < size:
                    raise CompoundError("mini sector beyond the mini stream")
                parts.append(piece)
            number = table[number]
        raise CompoundError("sector chain loops")
