"""Attach what the ATS checks need to a :class:`~cvgap.types.Resume`: its hidden text and a
plain extractor's reading (:class:`~cvgap.types.PlainReading`)."""

from __future__ import annotations

import dataclasses

from cvgap.ingest.model import Layout, PageChars
from cvgap.types import HiddenText, PageImage, PlainReading, Resume

MIN_IMAGE_SHARE = 0.002  # smaller images (bullets, rules drawn as images) are not content


def pdf_reading(resume: Resume, result: Layout, pages: list[PageChars]) -> Resume:
    images = []
    for number, page in enumerate(pages, start=1):
        area = max(page.width * page.height, 1.0)
        for paint in page.paints:
            if paint.color is not None:
                continue
            share = (paint.x1 - paint.x0) * (paint.bottom - paint.top) / area
            if share >= MIN_IMAGE_SHARE:
                box = (paint.x0, paint.top, paint.x1, paint.bottom)
                text = any(
                    paint.x0 <= (c.x0 + c.x1) / 2 <= paint.x1
                    and paint.top <= (c.top + c.bottom) / 2 <= paint.bottom
                    for c in page.chars
                    if c.text.strip()
                )
                images.append(
                    PageImage(page=number, box=box, page_share=min(share, 1.0), has_text=text)
                )
    plain = PlainReading(
        text="\n".join(result.plain),
        icon_glyphs=tuple(sorted(result.icon_glyphs)),
        images=tuple(images),
        column_pages=tuple(result.two_column_pages),
    )
    return dataclasses.replace(resume, hidden=tuple(result.hidden), plain=plain)


def with_file_bytes(resume: Resume, size: int) -> Resume:
    """``resume`` with the size of the file it was read from in its plain reading: the
    file-size check needs it, and the file may be gone by then (standard input is read
    from a temporary copy)."""
    if resume.plain is None:
        return resume
    return dataclasses.replace(resume, plain=dataclasses.replace(resume.plain, file_bytes=size))


def docx_reading(
    resume: Resume, hidden: list[HiddenText], header_lines: list[str], tables: int
) -> Resume:
    """A DOCX's plain reading is its text with hidden runs read too (as python-docx and most
    DOCX-to-text converters do)."""
    plain = PlainReading(
        text="\n".join([resume.text, *(h.text for h in hidden)]),
        header_lines=tuple(header_lines),
        tables=tables,
    )
    return dataclasses.replace(resume, hidden=tuple(hidden), plain=plain)
