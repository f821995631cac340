"""Warnings about a résumé (or a job posting, read with the same code) that was read but
may be read badly (never failures)."""

from __future__ import annotations

import re
from typing import Literal

LITTLE_TEXT_WORDS = 80
Document = Literal["résumé", "posting"]  # what a text that cvgap reads is
# what "very little text" may mean, per kind of document
LITTLE_TEXT_CAUSE: dict[Document, str] = {
    "résumé": "is part of the résumé an image? Skills in images cannot be found",
    "posting": "is part of the posting an image, or only part of it copied? Requirements in "
    "images cannot be found",
}

_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split(" "))
    for lang, words in {
        "English": "the and of to in with for on at from by an as is was using",
        "Spanish": "el la los las del y en con una un como al es",
        "Portuguese": "o os do da dos das e em com uma um no na ao é",
        "German": "der die das und mit für von im zu auf bei ein eine als den",
        "French": "le les des du et en avec pour dans sur une un au aux par",
    }.items()
}
_WORD_RE = re.compile(r"[^\W\d_]+")
LANGUAGE_CODES = {
    "English": "en",
    "Spanish": "es",
    "Portuguese": "pt",
    "German": "de",
    "French": "fr",
}


def layout_warnings(two_column_pages: list[int]) -> list[str]:
    if not two_column_pages:
        return []
    pages = ", ".join(map(str, two_column_pages))
    label = "page" if len(two_column_pages) == 1 else "pages"
    return [
        f"two-column layout detected ({label} {pages}): each column was read top to "
        "bottom; check that the skills of both columns were found"
    ]


def text_warnings(text: str, document: Document = "résumé") -> list[str]:
    """Very little text; text mostly not in English. ``document`` says what the text is,
    and the warnings speak of it."""
    warnings: list[str] = []
    words = _WORD_RE.findall(text)
    if len(words) < LITTLE_TEXT_WORDS:
        warnings.append(f"very little text ({len(words)} words): {LITTLE_TEXT_CAUSE[document]}")
    letters = [ch for w in words for ch in w]
    foreign = sum(1 for ch in letters if not _latin(ch))
    if letters and foreign > 0.3 * len(letters):
        warnings.append(
            "text is mostly not in the Latin alphabet: skills are matched by "
            "their English names, so some may be missed"
        )
        return warnings
    language = _mostly(words)
    if language != "English":
        warnings.append(
            f"text is mostly not English (it looks {language}): skills are "
            "matched by their English names, so some may be missed"
        )
    return warnings


def guess_language(text: str) -> str:
    """The ISO 639-1 code of the language most of ``text`` is in, by its commonest words
    (en, de, fr, es or pt); ``en`` when no other language clearly dominates.

    >>> guess_language("Experiência com Python no Linux e com Docker em projetos da empresa")
    'pt'
    """
    return LANGUAGE_CODES[_mostly(_WORD_RE.findall(text), min_hits=4)]


def _mostly(words: list[str], min_hits: int = 8) -> str:
    lower = [w.lower() for w in words]
    hits = {lang: sum(1 for w in lower if w in stop) for lang, stop in _STOPWORDS.items()}
    language = max(hits, key=lambda lang: hits[lang])
    if hits[language] >= min_hits and hits[language] > 1.5 * hits["English"]:
        return language
    return "English"


def _latin(ch: str) -> bool:
    return ch < "\u0250" or "\u1e00" <= ch <= "\u1eff"
