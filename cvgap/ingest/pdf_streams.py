"""A PDF decompression bomb is refused before any engine inflates it.

Both engines inflate every content stream whole (pdfminer in Python, PDFium in C++, where a
failed allocation aborts the process): a 1 MB file of compressed spaces costs them 2 GB.
:func:`check_unpacked_size` inflates the Flate streams once, incrementally and under a
budget, and refuses the file when they unpack to more than
:data:`~cvgap.ingest.limits.MAX_UNZIPPED_BYTES`. Image streams are skipped: no engine
decodes them to read text.
"""

from __future__ import annotations

import re
import zlib

from cvgap.errors import InputError
from cvgap.ingest.limits import Limits

_CHUNK = 1 << 16  # compressed bytes fed at a time
_OUT = 1 << 20  # most bytes inflated by one call
_DICT_REACH = 2048  # how far before "stream" its dictionary is looked for
_IMAGE_RE = re.compile(rb"/Subtype\s*/Image\b")


def check_unpacked_size(data: bytes, name: str, limits: Limits) -> None:
    """Raise :class:`InputError` when the PDF's Flate streams (images aside) unpack to more
    than ``limits.max_unzipped_bytes``."""
    if unpacked_size(data, limits.max_unzipped_bytes) > limits.max_unzipped_bytes:
        raise InputError(
            f"PDF streams unpack to more than {limits.max_unzipped_bytes / 1e6:,.0f} MB "
            "(a decompression bomb?)",
            path=name,
        )


def unpacked_size(data: bytes, budget: int) -> int:
    """Bytes the Flate streams of ``data`` (images aside) inflate to, counted up to just past
    ``budget``. Anything that is not a zlib stream (other filters, encrypted data) counts 0."""
    view = memoryview(data)
    total = 0
    pos = 0
    while total <= budget:
        found = data.find(b"stream", pos)
        if found < 0:
            break
        pos = found + 6
        if data[found - 3 : found] == b"end":
            continue
        if data[pos : pos + 2] == b"\r\n":
            pos += 2
        elif data[pos : pos + 1] in (b"\n", b"\r"):
            pos += 1
        else:
            continue
        head = data[max(0, found - _DICT_REACH) : found]
        if _IMAGE_RE.search(head[head.rfind(b"obj") + 1 :]):
            continue
        size, end = _inflate(view, pos, budget - total)
        total += size
        pos = max(pos, end)
    return total


def _inflate(view: memoryview, start: int, budget: int) -> tuple[int, int]:
    """(bytes inflated up to just past ``budget``, where the stream's data ended) for the
    zlib stream at ``start``; (0, start) when there is none."""
    inflater = zlib.decompressobj()
    size = 0
    at = start
    try:
        while not inflater.eof and at < len(view) and size <= budget:
            pending: bytes | memoryview = view[at : at + _CHUNK]
            at += len(pending)
            while pending and size <= budget:
                size += len(inflater.decompress(pending, _OUT))
                pending = inflater.unconsumed_tail
                if inflater.eof:
                    break
    except zlib.error:
        return size, start
    return size, at - len(inflater.unused_data)
