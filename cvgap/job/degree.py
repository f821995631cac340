"""The degree and the years of experience a posting asks for.

Degree: the lowest level it accepts ("BS/MS" -> bachelor, "Master's or PhD" -> master),
whether being enrolled is enough ("currently pursuing", "student") and whether experience
may replace it ("or equivalent experience"); the field is a skill (``cs-degree``). Years:
"2+ years", "three years", "at least 1 year of experience with Python" (per skill when a
skill is named in the same clause).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cvgap.types import DegreeRequirement, PostingLine, Resume, Taxonomy, Tier, YearsRequirement
from cvgap.types.job import DegreeLevel

# The skill whose aliases name degree fields (CS, EE, mathematics...).
DEGREE_FIELD_SKILL = "cs-degree"
LEVEL_ORDER: tuple[DegreeLevel, ...] = ("bachelor", "master", "phd")
_LEVELS: dict[DegreeLevel, re.Pattern[str]] = {
    "bachelor": re.compile(
        r"\b(?:bachelor(?:'s|’s|s)?|b\.?\s?sc?\.?|b\.?\s?eng\.?|b\.?\s?tech\.?|b\.?a\.|"
        r"undergrad(?:uate)?s?|sophomore|junior|senior year|college students?)(?![\w])",
        re.IGNORECASE,
    ),
    "master": re.compile(
        r"\b(?:master(?:'s|’s|s)?|m\.?\s?sc\.?|m\.s\.|m\.?\s?eng\.?|m\.?\s?tech\.?|"
        r"graduate students?|postgraduate)(?![\w])|(?<![\w])MS(?![\w])",
    ),
    "phd": re.compile(r"\b(?:ph\.?\s?d\.?|doctoral|doctorate)(?![\w])", re.IGNORECASE),
}
_MASTER_CI = re.compile(
    r"\b(?:master(?:'s|’s|s)?|m\.?sc\.?|m\.eng\.?|graduate students?)(?![\w])", re.IGNORECASE
)
_DEGREE_CONTEXT = re.compile(
    r"\b(?:degree|student|students|studies|studying|program(?:me)?|pursuing|enrolled|"
    r"graduate|graduated|candidate|major|field|bachelor|master|ph\.?d|b\.?sc|m\.?sc|"
    r"university|diploma)",
    re.IGNORECASE,
)
_PURSUING = re.compile(
    r"\b(?:currently (?:pursuing|enrolled|studying)|pursuing|enrolled|working towards|"
    r"(?:current|enrolled|registered) (?:\w+ )?students?|students? (?:in|of|at|currently)|"
    r"\bstudent\b|studying|final[- ]year|rising (?:junior|senior)|returning to school|"
    r"expected graduation|graduating)",
    re.IGNORECASE,
)
_EQUIVALENT = re.compile(
    r"\bor (?:equivalent|comparable|similar)(?: practical| professional| work| industry)?"
    r"(?: experience| qualification| training)?|equivalent (?:practical |work )?experience",
    re.IGNORECASE,
)
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1,
}  # fmt: skip
_YEARS = re.compile(
    r"\b(?P<n>\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|an?)"
    r"\s*(?:\+|or more|plus)?\s*(?:(?:-|–|—|to)\s*\d{1,2}\s*)?(?:years?|yrs?)\b(?:'|’)?"
    r"(?P<after>[^.;]{0,80})",
    re.IGNORECASE,
)
_YEARS_IS_EXPERIENCE = re.compile(
    r"\b(?:experience|exp\.|working|work|industry|professional)\b", re.I
)
_YEARS_OF_SKILL = re.compile(r"\s*(?:of|with|in|using)\s+[A-Z]")  # "one year of Python"
_YEARS_NOT_EXPERIENCE = re.compile(
    r"^\s*(?:old|of age|of (?:study|studies|university|college|your|a|the) |left|remaining|"
    r"program|degree|course|contract|internship|in (?:a|the) (?:row|program))",
    re.IGNORECASE,
)


def read_degree(lines: Sequence[tuple[PostingLine, Tier]]) -> DegreeRequirement | None:
    """The degree asked for, from requirement lines (with their tier)."""
    levels: set[DegreeLevel] = set()
    evidence: list[PostingLine] = []
    pursuing = equivalent = False
    tier: Tier | None = None
    for line, line_tier in lines:
        found = _levels(line.text)
        if not found:
            continue
        levels |= found
        evidence.append(line)
        pursuing = pursuing or bool(_PURSUING.search(line.text))
        equivalent = equivalent or bool(_EQUIVALENT.search(line.text))
        tier = "required" if "required" in (tier, line_tier) else line_tier
    if not levels or tier is None:
        return None
    lowest = min(levels, key=LEVEL_ORDER.index)
    return DegreeRequirement(
        level=lowest,
        pursuing=pursuing,
        or_equivalent=equivalent,
        tier=tier,
        evidence=tuple(evidence),
    )


def _levels(text: str) -> set[DegreeLevel]:
    if not _DEGREE_CONTEXT.search(text):
        return set()
    found: set[DegreeLevel] = set()
    for level, pattern in _LEVELS.items():
        if pattern.search(text):
            found.add(level)
    if "master" not in found and _MASTER_CI.search(text):
        found.add("master")
    return found


def years_in(text: str) -> list[tuple[float, int, int]]:
    """``(years, start, end)`` of each "N years of experience" in ``text``."""
    out = []
    for m in _YEARS.finditer(text):
        after = m.group("after")
        if _YEARS_NOT_EXPERIENCE.match(after):
            continue
        window = text[max(0, m.start() - 40) : m.start()] + after[:40]
        if not (_YEARS_IS_EXPERIENCE.search(window) or _YEARS_OF_SKILL.match(after)):
            continue
        raw = m.group("n").lower()
        value = float(_NUMBERS[raw]) if raw in _NUMBERS else float(raw)
        if raw in ("a", "an") and "at least" not in text[max(0, m.start() - 12) : m.start()]:
            continue
        out.append((value, m.start(), m.start("after")))
    return out


def read_years(
    found: Sequence[tuple[float, str | None, Tier, PostingLine]],
) -> YearsRequirement | None:
    """The overall years asked for: the first statement not tied to one skill, else the
    largest per-skill one (the most any requirement asks)."""
    if not found:
        return None
    general = [f for f in found if f[1] is None]
    years, skill, tier, line = general[0] if general else max(found, key=lambda f: f[0])
    return YearsRequirement(years=years, skill=skill, tier=tier, evidence=(line,))


_STUDY = re.compile(
    r"\b(?:degree|degrees|student|students|studies|studying|study|studied|major|majoring|"
    r"enrolled|pursuing|graduate|graduated|program(?:me)?|diploma|school|university)\b",
    re.IGNORECASE,
)
_FIELD_GAP = re.compile(r"^[\s,/&]*(?:(?:and\s*/\s*or|or|and)\b[\s,]*)?$", re.IGNORECASE)


def is_degree_line(text: str) -> bool:
    """Whether ``text`` talks about a degree or studies."""
    return bool(_levels(text) or _STUDY.search(text))


def field_list(
    text: str, fields: re.Pattern[str], items: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], set[int]]:
    """The degree fields in a degree line (``fields`` matches their names) and which of
    ``items`` (skill mentions, as character ranges) are listed with them, so are subjects
    of study ("a degree in Computer Science, Robotics or Statistics"), not skills."""
    found = [(m.start(), m.end()) for m in fields.finditer(text)]
    if not found:
        return [], set()
    apart = [
        (a, b, i)
        for i, (a, b) in enumerate(items)
        if not any(fa < b and a < fb for fa, fb in found)  # the field's own mention
    ]
    spans = sorted([(a, b, -1) for a, b in found] + apart)
    listed: set[int] = set()
    run: list[int] = []
    has_field = False
    prev_end = None
    for a, b, index in spans:
        if prev_end is not None and (a < prev_end or not _FIELD_GAP.match(text[prev_end:a])):
            if has_field:
                listed.update(run)
            run, has_field = [], False
        if index < 0:
            has_field = True
        else:
            run.append(index)
        prev_end = max(prev_end or 0, b)
    if has_field:
        listed.update(run)
    return found, listed


def degree_fields(
    resume: Resume, taxonomy: Taxonomy, found: list[tuple[str | None, str, int, int]]
) -> list[tuple[str | None, str, int, int]]:
    """In degree lines, the degree field is read from the field names alone ("Student of
    Computer Science or Physics"), and skills listed with them are subjects of study
    ("a degree in Robotics, Machine Learning or Statistics"), not skill requirements."""
    fields = field_pattern(taxonomy)
    if fields is None:
        return found
    drop: set[int] = set()
    added: list[tuple[str | None, str, int, int]] = []
    for line in resume.lines:
        if not is_degree_line(line.text):
            continue
        end = line.start + len(line.text)
        inside = [i for i, f in enumerate(found) if line.start <= f[2] < end]
        spans = [(found[i][2] - line.start, found[i][3] - line.start) for i in inside]
        hits, listed = field_list(line.text, fields, spans)
        drop.update(inside[k] for k in listed if found[inside[k]][0] != DEGREE_FIELD_SKILL)
        if hits and not any(found[i][0] == DEGREE_FIELD_SKILL for i in inside):
            a, b = hits[0]
            added.append((DEGREE_FIELD_SKILL, line.text[a:b], line.start + a, line.start + b))
    kept: list[tuple[str | None, str, int, int]] = []
    for f in sorted(
        [*(f for i, f in enumerate(found) if i not in drop), *added], key=lambda f: f[2]
    ):
        # "object detection model": one mention of a skill per place, however it matched.
        if not any(k[0] == f[0] and k[2] < f[3] and f[2] < k[3] for k in kept):
            kept.append(f)
    return kept


_FIELD_PATTERNS: dict[int, re.Pattern[str] | None] = {}


def field_pattern(taxonomy: Taxonomy) -> re.Pattern[str] | None:
    key = id(taxonomy)
    if key not in _FIELD_PATTERNS:
        skill = taxonomy.skills.get(DEGREE_FIELD_SKILL)
        names = sorted({a.text.lower() for a in skill.aliases} if skill else (), key=len)
        _FIELD_PATTERNS[key] = (
            re.compile(
                r"(?<![\w+#])(?:"
                + "|".join(re.escape(n) for n in reversed(names))
                + r")(?![\w+#])",
                re.IGNORECASE,
            )
            if names
            else None
        )
    return _FIELD_PATTERNS[key]
