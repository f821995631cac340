"""The posting's degree and years of experience, checked against the résumé.

Each check answers ``met``, ``not-met`` or ``unknown`` with the résumé lines behind it and
never changes the score: a recruiter reads it next to the skills. The rules are
deliberately cautious: a degree in progress meets "currently pursuing" but is ``unknown``
for a plain "Bachelor's degree"; a field the résumé does not name is ``unknown``, not
``not-met`` (fields have too many names); years are counted from the date ranges of
experience lines only, overlaps merged.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence

from cvgap.types import (
    DegreeRequirement,
    Evidence,
    JobRequirement,
    PostingLine,
    Resume,
    ResumeLine,
    Tier,
    YearsRequirement,
)
from cvgap.types.job_match import Check, CheckStatus, JobStatus

LEVELS = {"bachelor": 1, "master": 2, "phd": 3}
LEVEL_NAMES = {"bachelor": "Bachelor's", "master": "Master's", "phd": "PhD"}
_LEVEL_PATTERNS = {
    "phd": re.compile(r"\b(?:ph\.?\s?d|d\.?\s?phil|doctor(?:ate|al)|doctor of)\b", re.I),
    "master": re.compile(
        r"\b(?:master'?s?|m\.\s?sc?\b|msc|m\.?\s?eng|m\.?\s?tech|mphil|mres|m\.?s\.(?=\s)"
        r"|ms(?=\s+(?:in|of)\b)|m\.?a\.(?=\s))",
        re.I,
    ),
    "bachelor": re.compile(
        r"\b(?:bachelor'?s?|b\.\s?sc?\b|bsc|b\.?\s?eng|b\.?\s?tech|b\.?s\.(?=\s)|bs(?=\s+(?:in|of)\b)"
        r"|b\.a\.|ba(?=\s+(?:in|of)\b)|b\.e\.|undergraduate|licen[cs]e|laurea)",
        re.I,
    ),
}
_IN_PROGRESS = re.compile(
    r"\b(?:expected|anticipated|in progress|ongoing|pursuing|candidate|current(?:ly)?|present"
    r"|now|(?:first|second|third|fourth|final)[- ]year|\d(?:st|nd|rd|th)[- ]year)\b",
    re.I,
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_DATE = r"(?:(?P<{m}>[A-Za-z]{{3}})[a-z]*\.?\s+|(?P<{n}>\d{{1,2}})[/.])?(?P<{y}>(?:19|20)\d\d)"
_RANGE = re.compile(
    _DATE.format(m="m1", n="n1", y="y1")
    + r"\s*(?:-|–|—|to|until)\s*(?:"
    + _DATE.format(m="m2", n="n2", y="y2")
    + r"|(?P<open>present|current|now|today|ongoing))",
    re.I,
)


def degree_check(
    degree: DegreeRequirement,
    resume: Resume,
    field_found: Callable[[str], bool | None],
    field_name: Callable[[str], str],
) -> Check:
    """The posting's degree against the degrees the résumé names. A field that is a taxonomy
    skill (``cs-degree``) is looked up with ``field_found``; other fields are looked for
    in the résumé's degree lines."""
    label = _degree_label(degree, field_name)
    lines = _degree_lines(resume)
    evidence = tuple(_evidence(line) for line in lines[:3])
    if not lines:
        return _check(label, "unknown", "no degree found on the résumé", degree, ())
    done, pursuing = 0, 0
    for line in lines:
        level = _level_of(line.text)
        if _in_progress(line.text):
            pursuing = max(pursuing, level)
        else:
            done = max(done, level)
    want = LEVELS.get(degree.level or "", 1)
    field_note = _field_note(degree, lines, field_found, field_name)
    if done >= want or (pursuing >= want and degree.pursuing):
        shown = "in progress" if done < want else "completed"
        if field_note:
            return _check(label, "unknown", f"degree {shown}; {field_note}", degree, evidence)
        return _check(label, "met", f"degree {shown}", degree, evidence)
    if pursuing >= want:
        detail = "degree in progress; the posting does not say whether that is enough"
        return _check(label, "unknown", detail, degree, evidence)
    if degree.or_equivalent:
        detail = "a lower degree; the posting accepts equivalent experience"
        return _check(label, "unknown", detail, degree, evidence)
    return _check(label, "not-met", "only a lower degree found", degree, evidence)


def years_check(
    years: YearsRequirement,
    resume: Resume,
    shown: Callable[[str], tuple[Evidence, ...]],
) -> Check:
    """Years of experience overall, from the date ranges of the résumé's experience lines
    (with one skill when the posting names one: see :func:`_skill_years`)."""
    if years.skill:
        return _skill_years(
            years.years, years.skill, shown(years.skill), years.tier, years.evidence
        )
    label = f"{years.years:g}+ years of experience"
    months, lines = experience_months(resume)
    evidence = tuple(_evidence(line) for line in lines[:3])
    status: CheckStatus
    if not lines:
        status, detail = "unknown", "no dated experience found on the résumé"
    else:
        have = months / 12
        status = "met" if have + 1e-9 >= years.years else "not-met"
        detail = f"about {have:.1f} years from {len(lines)} dated experience entries"
    return Check(
        kind="years",
        label=label,
        status=status,
        detail=detail,
        tier=years.tier,
        posting=years.evidence,
        evidence=evidence,
    )


def years_with_skill(req: JobRequirement, status: JobStatus, evidence: Sequence[Evidence]) -> Check:
    """Years asked with one requirement ("3+ years of C++")."""
    shown = tuple(evidence) if status != "missing" else ()
    return _skill_years(req.years or 0.0, req.name, shown, req.tier, req.evidence)


def _skill_years(
    years: float,
    skill: str,
    shown: tuple[Evidence, ...],
    tier: Tier,
    posting: tuple[PostingLine, ...],
) -> Check:
    """``not-met`` when the skill is missing, else ``unknown`` with the lines to check (a
    résumé rarely dates each skill)."""
    return Check(
        kind="years",
        label=f"{years:g}+ years with {skill}",
        status="unknown" if shown else "not-met",
        detail="check the dates of these lines" if shown else f"{skill} not found",
        tier=tier,
        posting=posting,
        evidence=shown,
    )


def experience_months(
    resume: Resume, today: datetime.date | None = None
) -> tuple[int, list[ResumeLine]]:
    """Months covered by the experience section's date ranges (overlaps merged), and the
    lines they come from."""
    today = today or datetime.date.today()
    spans: list[tuple[int, int]] = []
    lines: list[ResumeLine] = []
    for line in resume.lines:
        if line.section != "experience":
            continue
        for hit in _RANGE.finditer(line.text):
            start = _month_index(hit.group("m1"), hit.group("n1"), hit.group("y1"), 1)
            if hit.group("open"):
                end = today.year * 12 + today.month
            else:
                end = _month_index(hit.group("m2"), hit.group("n2"), hit.group("y2"), 12)
            if end >= start:
                spans.append((start, end + 1))
                lines.append(line)
                break
    total, reach = 0, -1
    for start, end in sorted(spans):
        start = max(start, reach)
        if end > start:
            total += end - start
            reach = end
    return total, lines


def _month_index(month: str | None, number: str | None, year: str, default: int) -> int:
    m = default
    if month and month[:3].lower() in _MONTHS:
        m = _MONTHS.index(month[:3].lower()) + 1
    elif number and 1 <= int(number) <= 12:
        m = int(number)
    return int(year) * 12 + m


def _degree_lines(resume: Resume) -> list[ResumeLine]:
    lines = [line for line in resume.lines if _level_of(line.text)]
    education = [line for line in lines if line.section == "education"]
    return education or lines


def _level_of(text: str) -> int:
    return max((LEVELS[name] for name, rx in _LEVEL_PATTERNS.items() if rx.search(text)), default=0)


def _in_progress(text: str) -> bool:
    if _IN_PROGRESS.search(text):
        return True
    years = [int(y) for y in _YEAR.findall(text)]
    return bool(years) and max(years) > datetime.date.today().year


def _field_note(
    degree: DegreeRequirement,
    lines: Sequence[ResumeLine],
    field_found: Callable[[str], bool | None],
    field_name: Callable[[str], str],
) -> str:
    fields = [f for f in degree.fields if "related" not in f.lower()]
    if not fields or len(fields) < len(degree.fields):
        return ""  # no field, or "or a related field": any field may do
    text = " ".join(line.text.lower() for line in lines)
    for field in fields:
        found = field_found(field)
        if found or (found is None and field.lower() in text):
            return ""
    names = ", ".join(field_name(f) for f in fields)
    return f"field not one the posting names ({names}): check by hand"


def _degree_label(degree: DegreeRequirement, field_name: Callable[[str], str]) -> str:
    level = LEVEL_NAMES[degree.level] + " degree" if degree.level else "A degree"
    fields = [field_name(f) for f in degree.fields]
    text = level + (f" ({', '.join(fields)})" if fields else "")
    if degree.pursuing:
        text += " (or currently pursuing)"
    if degree.or_equivalent:
        text += " or equivalent experience"
    return text


def _evidence(line: ResumeLine) -> Evidence:
    return Evidence(text=line.text, section=line.section, line=line.number)


def _check(
    label: str,
    status: CheckStatus,
    detail: str,
    degree: DegreeRequirement,
    evidence: tuple[Evidence, ...],
) -> Check:
    return Check(
        kind="degree",
        label=label,
        status=status,
        detail=detail,
        tier=degree.tier,
        posting=degree.evidence,
        evidence=evidence,
    )
