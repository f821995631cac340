"""Which files a batch takes: résumés only.

A folder of résumés often holds other files too: a README, a licence, and cvgap's own
reports from an earlier run (a cohort report scored as a résumé once ranked first, "Strong").
:func:`not_a_resume` names why a file is not a résumé, from its name and its first bytes
(cheap: read before the file is hashed); ``--include``/``--exclude`` globs
(:func:`excluded_by`) choose among the rest. Skipped files are counted in the batch summary
with their reason, never scored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fnmatch import fnmatch
from pathlib import Path

# Project files that sit beside résumés: README.md, LICENSE.txt, CHANGELOG.md...
_PROJECT_FILES = {
    "readme": "a README",
    "licence": "a licence",
    "license": "a licence",
    "copying": "a licence",
    "notice": "a licence notice",
    "changelog": "a changelog",
    "changes": "a changelog",
    "history": "a changelog",
    "contributing": "contribution guidelines",
    "code_of_conduct": "a code of conduct",
    "authors": "a list of authors",
    "security": "a security policy",
}
_STEM = re.compile(r"^([a-z_]+?)(?:[-_.].*)?$")
# How each of cvgap's outputs starts (or what it carries near the start)
_CVGAP_OUTPUT = (
    re.compile(r"^\s*# (?:cvgap report|cvgap diff|cvgap cohort diff|Cohort report): "),
    re.compile(r'<meta name="generator" content="cvgap">'),
    re.compile(r'^\s*\{\s*"schema_version":\s*\d+,\s*"(?:file|kind)":'),
    re.compile(r"^╭─ cvgap · "),
    re.compile(r"^cvgap diff · "),
)
HEAD_BYTES = 4096
REPORT_REASON = "a report cvgap wrote"


def not_a_resume(path: Path) -> str | None:
    """Why the file at ``path`` is not a résumé (``None``: it may be one)."""
    match = _STEM.match(path.name.lower())
    if match is not None and match.group(1) in _PROJECT_FILES:
        return _PROJECT_FILES[match.group(1)]
    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES).decode("utf-8", errors="ignore")
    except OSError:
        return None  # the reader reports it
    if any(pattern.search(head) for pattern in _CVGAP_OUTPUT):
        return REPORT_REASON
    return None


def excluded_by(file: str, include: Sequence[str], exclude: Sequence[str]) -> str | None:
    """The reason ``--include``/``--exclude`` leave ``file`` out (``None``: it is taken).

    A pattern matches the file's name or its whole path (``*`` also crosses ``/``):
    ``--exclude 'draft*'``, ``--exclude '*/old/*'``, ``--include '*.pdf'``.
    """
    name = Path(file).name

    def matches(pattern: str) -> bool:
        return fnmatch(name, pattern) or fnmatch(file, pattern)

    for pattern in exclude:
        if matches(pattern):
            return f"--exclude {pattern}"
    if include and not any(matches(p) for p in include):
        return "not matched by --include"
    return None
