"""The data pages a Jet/ACE table owns, read from its usage map, as Access itself and mdbtools do.

access-parser links every data page whose owner field names the table, which includes pages the
table freed long ago (deleted rows Access never overwrote): the empty BPKP database would read as
holding a desa and 159 RAB rows. The table definition's usage map says which pages are its own.
"""

import struct
from collections.abc import Mapping

_OFFSET_MASK = 0x1FFF


def _bits(bitmap: bytes, first: int) -> set[int]:
    return {
        first + index * 8 + bit
        for index, byte in enumerate(bitmap)
        if byte
        for bit in range(8)
        if byte >> bit & 1
    }


def _record(page: bytes, row: int, *, page_size: int, jet4: bool) -> bytes:
    """Row ``row`` of a data page: from its offset to the previous row's (or the page end)."""
    base = 14 if jet4 else 10
    count = struct.unpack_from("<H", page, base - 2)[0]
    if row >= count:
        return b""
    offsets = [struct.unpack_from("<H", page, base + 2 * i)[0] & _OFFSET_MASK for i in range(count)]
    end = page_size if row == 0 else offsets[row - 1]
    return page[offsets[row] : end]


def owned_pages(
    pages: Mapping[int, bytes], pointer: int, *, page_size: int, jet4: bool
) -> set[int] | None:
    """Page numbers in the usage map at ``pointer`` (page << 8 | row); None when unreadable."""
    page = pages.get((pointer >> 8) * page_size)
    if page is None:
        return None
    record = _record(page, pointer & 0xFF, page_size=page_size, jet4=jet4)
    if len(record) < 5:
        return None
    if record[0] == 0:  # inline: first page, then one bit per page
        return _bits(record[5:], struct.unpack_from("<I", record, 1)[0])
    if record[0] == 1:  # reference: numbers of bitmap pages, each covering (page_size - 4) * 8
        span = (page_size - 4) * 8
        owned: set[int] = set()
        for k in range((len(record) - 1) // 4):
            number = struct.unpack_from("<I", record, 1 + 4 * k)[0]
            bitmap = pages.get(number * page_size) if number else None
            if bitmap is not None:
                owned |= _bits(bitmap[4:], k * span)
        return owned
    return None
