"""Reading posting text: lines and sections, skill mentions, tiers, groups, degree, years.

The résumé pipeline finds the skill mentions (same spaCy components, aliases and guards,
see :func:`cvgap.extract.extract_skills`), but a posting is read with its own cues:
résumé intent cues ("want to learn X") are ignored, and no implication is applied (a
posting asking for PyTorch does not ask for deep learning).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from cvgap.job.checks import check_language, check_not_resume, confidence_warnings
from cvgap.job.degree import (
    degree_fields,
    field_list,
    field_pattern,
    is_degree_line,
    read_degree,
    read_years,
    years_in,
)
from cvgap.job.requirements import PlacedMention, ReadMention, read_mentions
from cvgap.job.sections import PostingPart, read_sections
from cvgap.job.terms import find_terms
from cvgap.types import (
    JobDuty,
    JobPosting,
    JobRequirement,
    PostingLine,
    Taxonomy,
    Tier,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from cvgap.job.cues import CueHit, CueMatcher
    from cvgap.types import Resume

# Skills that say how a candidate learned, not what: the degree level is read as the
# posting's ``degree``; "coursework in machine learning" asks for machine learning.
NOT_REQUIREMENTS = frozenset({"masters-degree", "relevant-coursework"})
DEGREE_CATEGORY = "education"
MAX_TITLE_WORDS = 14

_MATCHERS: dict[tuple[int, int], tuple[Language, Taxonomy, CueMatcher]] = {}


def read_posting_text(
    text: str,
    *,
    source: str,
    format: str,
    taxonomy: Taxonomy | None = None,
    nlp: Language | None = None,
) -> JobPosting:
    """Read posting ``text`` (see :func:`cvgap.read_job`)."""
    from cvgap.errors import InputError
    from cvgap.extract import build_nlp, extract_skills
    from cvgap.ingest import resume_from_text
    from cvgap.job.read import MAX_POSTING_CHARS, MIN_POSTING_CHARS
    from cvgap.taxonomy import load_taxonomy

    if "\x00" in text:
        raise InputError("binary data, not a text posting", path=source)
    if len(text) > MAX_POSTING_CHARS:
        raise InputError(
            f"the posting has {len(text):,} characters; the limit is {MAX_POSTING_CHARS:,} "
            "(is it really one posting?)",
            path=source,
        )
    resume = resume_from_text(text, source=source, format=format, document="posting")
    if len(resume.text.strip()) < MIN_POSTING_CHARS:
        raise InputError("the posting is empty or almost empty", path=source)
    check_language(resume.text, source)
    check_not_resume([line.text for line in resume.lines], source)
    taxonomy = taxonomy or load_taxonomy()
    nlp = nlp or build_nlp(taxonomy)
    matcher = _matcher(nlp, taxonomy)
    doc = nlp.make_doc(resume.text)
    hits = matcher.find(doc)
    mentions = [
        m for m in extract_skills(resume, nlp, taxonomy) if m.skill_id not in NOT_REQUIREMENTS
    ]
    hits_per_line: list[list[CueHit]] = [[] for _ in resume.lines]
    for hit in hits:
        hits_per_line[resume.line_at(doc[hit.start].idx).number - 1].append(hit)
    title_line = _title_line(resume)
    parts = read_sections(doc, resume.lines, hits_per_line, {m.line for m in mentions}, title_line)
    found = degree_fields(
        resume,
        taxonomy,
        _split_slashed([(m.skill_id, m.text, m.start, m.end) for m in mentions], taxonomy),
    )
    placed = _place(doc, resume, parts, found)
    terms = _place(doc, resume, parts, _terms(doc, resume, parts, placed, hits_per_line, taxonomy))
    read = read_mentions(doc, [*placed, *terms], hits_per_line)
    years = read_years(_years(read, parts))
    requirements, duties = _merge(read, taxonomy)
    tiered = [(_line(p), _tier(p)) for p in parts if not p.heading and p.kind != "other"]
    degree = read_degree([(line, tier) for line, tier in tiered if tier is not None])
    if degree is not None:
        numbers = {line.number for line in degree.evidence}
        fields = [
            r.id
            for r in requirements
            if r.id
            and any(e.number in numbers for e in r.evidence)
            and taxonomy.skills[r.id].category == DEGREE_CATEGORY
        ]
        degree = replace(degree, fields=tuple(fields))
    mapped = sum(1 for r in requirements if r.id is not None)
    warnings = [
        *resume.warnings,
        *confidence_warnings(
            requirements=len(requirements),
            mapped=mapped,
            unmapped=len(requirements) - mapped,
            boilerplate_chars=sum(len(p.line.text) for p in parts if p.kind == "other"),
            chars=sum(len(p.line.text) for p in parts),
            headings=sum(1 for p in parts if p.heading and not p.title),
        ),
    ]
    job = JobPosting(
        source=source,
        title=next((p.line.text.lstrip("#").strip() for p in parts if p.title), ""),
        format=format,
        requirements=tuple(requirements),
        duties=tuple(duties),
        degree=degree,
        years=years,
        warnings=tuple(warnings),
        lines=tuple(_line(p) for p in parts),
    )
    return _renumbered(job, text)


def _renumbered(job: JobPosting, text: str) -> JobPosting:
    """Line numbers of the text as given (blank lines counted), not of its non-empty lines."""
    from cvgap.ingest.text import repair_line

    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbers = [i + 1 for i, line in enumerate(raw) if repair_line(line)]
    if len(numbers) != len(job.lines):
        return job

    def fix(lines: tuple[PostingLine, ...]) -> tuple[PostingLine, ...]:
        return tuple(replace(line, number=numbers[line.number - 1]) for line in lines)

    return replace(
        job,
        requirements=tuple(replace(r, evidence=fix(r.evidence)) for r in job.requirements),
        duties=tuple(replace(d, evidence=fix(d.evidence)) for d in job.duties),
        degree=replace(job.degree, evidence=fix(job.degree.evidence)) if job.degree else None,
        years=replace(job.years, evidence=fix(job.years.evidence)) if job.years else None,
        lines=fix(job.lines),
    )


def _matcher(nlp: Language, taxonomy: Taxonomy) -> CueMatcher:
    from cvgap.job.cues import CueMatcher

    key = (id(nlp), id(taxonomy))
    cached = _MATCHERS.get(key)
    if cached is None or cached[0] is not nlp or cached[1] is not taxonomy:
        if len(_MATCHERS) > 8:
            _MATCHERS.clear()
        cached = (nlp, taxonomy, CueMatcher.for_taxonomy(nlp, taxonomy))
        _MATCHERS[key] = cached
    return cached[2]


_ALIAS_SKILLS: dict[int, dict[str, str]] = {}


def _split_slashed(
    found: list[tuple[str | None, str, int, int]], taxonomy: Taxonomy
) -> list[tuple[str | None, str, int, int]]:
    """An alias written with a slash whose parts are other skills' aliases ("C/C++" is an
    alias of C++) names alternatives: one mention per part, so "C/C++" is C or C++."""
    key = id(taxonomy)
    if key not in _ALIAS_SKILLS:
        _ALIAS_SKILLS.clear()
        _ALIAS_SKILLS[key] = {
            (a.text if a.case_sensitive else a.text.lower()): sid
            for sid, skill in taxonomy.skills.items()
            for a in skill.aliases
        }
    aliases = _ALIAS_SKILLS[key]
    out: list[tuple[str | None, str, int, int]] = []
    for skill_id, text, start, end in found:
        parts = text.split("/")
        ids = [aliases.get(p) or aliases.get(p.lower()) for p in parts]
        if len(parts) < 2 or None in ids or len(set(ids)) < 2:
            out.append((skill_id, text, start, end))
            continue
        offset = start
        for part, sid in zip(parts, ids, strict=True):
            out.append((sid, part, offset, offset + len(part)))
            offset += len(part) + 1
    return out


def _title_line(resume: Resume) -> int | None:
    """The posting's title: a short first line that is no sentence."""
    for line in resume.lines[:3]:
        bare = line.text.lstrip("#").strip()
        for label in ("job title:", "position:", "title:", "role:"):
            if bare.lower().startswith(label):
                return line.number
    first = resume.lines[0] if resume.lines else None
    if first is None:
        return None
    bare = first.text.lstrip("#").strip()
    if 0 < len(bare.split()) <= MAX_TITLE_WORDS and not bare.endswith((".", ":", "!", "?")):
        return first.number
    return None


def _line(part: PostingPart) -> PostingLine:
    return PostingLine(number=part.line.number, text=part.line.text, section=part.kind)


def _tier(part: PostingPart) -> Tier | None:
    kind = part.kind
    if kind == "preferred":
        return "preferred"
    if kind in ("required", "intro"):
        return "required"
    return None


def _place(
    doc: Doc,
    resume: Resume,
    parts: Sequence[PostingPart],
    found: Sequence[tuple[str | None, str, int, int]],
) -> list[PlacedMention]:
    out = []
    for skill_id, name, start, end in found:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        part = parts[resume.line_at(start).number - 1]
        out.append(
            PlacedMention(
                skill_id=skill_id,
                name=name,
                start=span.start,
                end=span.end,
                char_start=start,
                char_end=end,
                part=part,
            )
        )
    return out


def _terms(
    doc: Doc,
    resume: Resume,
    parts: Sequence[PostingPart],
    placed: Sequence[PlacedMention],
    hits_per_line: Sequence[Sequence[CueHit]],
    taxonomy: Taxonomy,
) -> list[tuple[str | None, str, int, int]]:
    """Unmapped terms of the posting's lines: not covered by a skill mention or a cue
    ("Equal Employment Opportunity"), and not a subject of study in a degree line
    ("Biomedical Engineering")."""
    fields = field_pattern(taxonomy)
    by_part: dict[int, list[tuple[int, int]]] = {}
    for m in placed:
        by_part.setdefault(m.part.line.number, []).append((m.char_start, m.char_end))
    found: list[tuple[str | None, str, int, int]] = []
    for part in parts:
        if part.heading:
            continue
        line = part.line
        covered = by_part.get(line.number, [])
        cues = [
            (doc[h.start].idx, doc[h.end - 1].idx + len(doc[h.end - 1]))
            for h in hits_per_line[line.number - 1]
        ]
        terms = list(find_terms(line.text))
        studied: set[int] = set()
        if fields is not None and is_degree_line(line.text):
            _, studied = field_list(line.text, fields, [(a, b) for a, b, _ in terms])
        for index, (start, end, term) in enumerate(terms):
            a, b = line.start + start, line.start + end
            if index in studied or any(s < b and a < e for s, e in (*covered, *cues)):
                continue
            found.append((None, term, a, b))
    return found


def _merge(
    read: Sequence[ReadMention], taxonomy: Taxonomy
) -> tuple[list[JobRequirement], list[JobDuty]]:
    """One requirement per skill (or unmapped term), the strongest tier and every line
    behind it; duties for skills that are no requirement."""
    reqs: dict[str, list[ReadMention]] = {}
    duty_reads: dict[str, list[ReadMention]] = {}
    for r in read:
        if r.reading in ("required", "preferred"):
            reqs.setdefault(r.key, []).append(r)
        elif r.reading == "duty" and r.mention.skill_id is not None:
            duty_reads.setdefault(r.key, []).append(r)
    requirements = []
    for reads in reqs.values():
        first = reads[0].mention
        tier: Tier = "required" if any(r.reading == "required" for r in reads) else "preferred"
        grouped = next((r for r in reads if r.group and r.reading == tier), None)
        standalone = any(not r.group and r.reading == tier for r in reads)
        requirements.append(
            JobRequirement(
                id=first.skill_id,
                name=_name(first, taxonomy),
                tier=tier,
                group=grouped.group_text if grouped and not standalone else None,
                years=next((r.years for r in reads if r.years is not None), None),
                evidence=_evidence(reads),
            )
        )
    sizes = Counter(r.group for r in requirements if r.group)
    requirements = [
        r if not r.group or sizes[r.group] > 1 else replace(r, group=None) for r in requirements
    ]
    duties = [
        JobDuty(
            id=reads[0].mention.skill_id,
            name=_name(reads[0].mention, taxonomy),
            group=reads[0].group_text or None,
            evidence=_evidence(reads),
        )
        for key, reads in duty_reads.items()
        if key not in reqs
    ]
    return requirements, duties


def _name(m: PlacedMention, taxonomy: Taxonomy) -> str:
    skill = taxonomy.skills.get(m.skill_id) if m.skill_id else None
    return skill.name if skill else m.name


def _evidence(reads: Sequence[ReadMention]) -> tuple[PostingLine, ...]:
    lines: dict[int, PostingLine] = {}
    for r in reads:
        lines.setdefault(r.mention.part.line.number, _line(r.mention.part))
    return tuple(lines.values())


def _years(
    read: Sequence[ReadMention], parts: Sequence[PostingPart]
) -> list[tuple[float, str | None, Tier, PostingLine]]:
    """Each years statement with the skill it is tied to (the first requirement mention
    after it in its clause), and set ``years`` on that mention."""
    out: list[tuple[float, str | None, Tier, PostingLine]] = []
    for part in parts:
        tier = _tier(part)
        if part.heading or tier is None:
            continue
        line = part.line
        for years, _, end in years_in(line.text):
            clause = line.text[end:].split(".")[0].split(";")[0]
            limit = line.start + end + len(clause)
            tied = next(
                (
                    r
                    for r in read
                    if r.mention.part is part
                    and r.reading in ("required", "preferred")
                    and line.start + end <= r.mention.char_start < limit
                    and r.mention.skill_id is not None
                ),
                None,
            )
            if tied is not None:
                tied.years = years
            out.append((years, tied.mention.skill_id if tied else None, tier, _line(part)))
    return out
