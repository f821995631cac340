"""Redaction for shared reports: names, e-mail addresses, phone numbers and URLs.

No trained model is used (cvgap runs offline with ``spacy.blank``), so names are found by
rule: the candidate's name from the résumé header ("Jane Q. Doe" on one of the first lines,
or a ``Name:`` line), every word of it wherever it appears, and titled names ("Prof. Ada
Lovelace", "Dr. Smith"). E-mails, URLs (with or without a scheme: ``github.com/jdoe``) and
phone numbers (9 or more digits, or ``+`` and 8 or more) are found by pattern.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from cvgap.ingest.contact import CONTACT_PATTERNS, KNOWN_TLDS
from cvgap.types import Evidence, Report, Resume, SkillResult

EMAIL = "[email]"
PHONE = "[phone]"
URL = "[url]"
NAME = "[name]"

_EMAIL_RE, _PHONE_RE, _URL_RE = (CONTACT_PATTERNS[k] for k in ("email", "phone", "link"))
_TITLED_RE = re.compile(
    r"\b(?:Prof|Professor|Dr|Mr|Mrs|Ms|Mx)\.?\s+(?:[A-Z][\w'’-]+\.?\s+){0,2}[A-Z][\w'’-]+",
    re.UNICODE,
)
_NAME_LINE_RE = re.compile(r"^\s*(?:full\s+)?name\s*:\s*(.+)$", re.IGNORECASE)
_NAME_WORD_RE = re.compile(r"^[A-Z][^\W\d_]*(?:[-'’][A-Z]?[^\W\d_]+)*\.?$", re.UNICODE)
_HEADER_LINES = 4
# Words that start a résumé's first line but are not a name.
_NOT_NAMES = frozenset(
    {
        "resume",
        "résumé",
        "cv",
        "curriculum",
        "vitae",
        "profile",
        "summary",
        "contact",
        "about",
        "engineer",
        "developer",
        "student",
        "intern",
        "internship",
        "candidate",
        "scientist",
        "researcher",
        "analyst",
        "software",
        "computer",
        "vision",
        "machine",
        "learning",
        "data",
        "deep",
        "senior",
        "junior",
        "university",
        "college",
        "school",
        "of",
        "the",
        "and",
        "page",
        "email",
        "phone",
        "address",
        "objective",
    }
)


def redact_text(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with e-mails, URLs, phone numbers and names replaced by placeholders.

    ``names`` are words to remove wherever they occur as whole words (the candidate's name).

    >>> redact_text("Jane Doe, jane@doe.dev, +1 415 555 0100, github.com/jdoe", ["Jane", "Doe"])
    '[name] [name], [email], [phone], [url]'
    """
    text = _EMAIL_RE.sub(EMAIL, text)
    text = _URL_RE.sub(_url, text)
    text = _PHONE_RE.sub(lambda m: PHONE if _digits(m.group(0)) else m.group(0), text)
    text = _TITLED_RE.sub(NAME, text)
    words = sorted({w.strip(".") for w in names if len(w.strip(".")) >= 2}, key=len, reverse=True)
    if words:
        pattern = re.compile(r"(?<![\w@])(?:" + "|".join(map(re.escape, words)) + r")(?![\w@])")
        text = pattern.sub(NAME, text)
    return text


def candidate_names(resume: Resume) -> tuple[str, ...]:
    """The words of the candidate's name, from a ``Name:`` line or the résumé header."""
    for line in resume.lines:
        match = _NAME_LINE_RE.match(line.text)
        if match:
            return tuple(match.group(1).replace(",", " ").split())
    for line in resume.lines[:_HEADER_LINES]:
        words = line.text.replace(",", " ").split()
        if line.section != "other":
            break
        if (
            2 <= len(words) <= 4
            and all(_NAME_WORD_RE.match(w) for w in words)
            and not any(w.lower().strip(".") in _NOT_NAMES for w in words)
        ):
            return tuple(words)
    return ()


def redact_report(report: Report, resume: Resume) -> Report:
    """``report`` with every evidence text redacted (see :func:`redact_text`)."""
    names = candidate_names(resume)

    def skills(items: tuple[SkillResult, ...]) -> tuple[SkillResult, ...]:
        return tuple(dataclasses.replace(s, evidence=_evidence(s.evidence, names)) for s in items)

    job = report.job
    if job is not None:
        from cvgap.job.match import map_evidence

        job = map_evidence(job, lambda ev: _evidence(ev, names))
    return dataclasses.replace(
        report,
        skills=skills(report.skills),
        extra_skills=skills(report.extra_skills),
        intents=skills(report.intents),
        job=job,
    )


def _evidence(items: tuple[Evidence, ...], names: tuple[str, ...]) -> tuple[Evidence, ...]:
    return tuple(dataclasses.replace(e, text=redact_text(e.text, names)) for e in items)


def _url(match: re.Match[str]) -> str:
    text = match.group(0)
    core = text.rstrip(".,;:!?'\")]>")
    return URL + text[len(core) :] if _is_url(core) else text


def _is_url(text: str) -> bool:
    """A scheme or ``www.``; or a host with a path (``github.com/jdoe``); or a lower-case
    host with a well-known top-level domain (``jdoe.dev``, not ``train.py`` or ``ASP.NET``)."""
    lower = text.lower()
    if lower.startswith(("http://", "https://", "ftp://", "www.")):
        return True
    host, slash, _ = text.partition("/")
    labels = host.lower().split(".")
    if any(label.isdigit() for label in labels):
        return False
    return bool(slash) or (host == host.lower() and labels[-1] in KNOWN_TLDS)


def _digits(text: str) -> bool:
    count = sum(ch.isdigit() for ch in text)
    return count >= 9 or (text.startswith("+") and count >= 8)
