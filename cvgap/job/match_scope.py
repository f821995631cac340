"""The posting as a role: what :func:`cvgap.score.score` needs to score a résumé against a
job posting, computed once per posting (:func:`prepare_posting`).

Weights come from the posting's own tiers, never from a role file:

* every required requirement (a skill, or an any-of group counted once) weighs
  :data:`REQUIRED_WEIGHT` = 3;
* every preferred one weighs :data:`PREFERRED_WEIGHT` = 1, lowered when needed so that all
  preferred requirements together weigh at most :data:`PREFERRED_CAP` (half) of the
  required ones.

So a required item always counts three times a preferred one, and a posting with a long
"nice to have" list cannot let its pluses outweigh its "must have" list: with 5 required
and 20 preferred items the preferred ones share 7.5 of 22.5 points (a third of the score)
instead of 20 of 35. Recruiters screen on the required list first; the preferred list
separates candidates who pass it.

Terms outside the taxonomy ("ROS 2") become skills of their own (``term:ros-2``), found by
a whole-word search (:func:`literal_mentions`), so every requirement is scored alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from cvgap.types import (
    Category,
    JobDuty,
    JobPosting,
    JobRequirement,
    PostingLine,
    Requirement,
    Resume,
    Role,
    Skill,
    SkillMention,
    SourceRef,
    Taxonomy,
    Tier,
)

if TYPE_CHECKING:
    from spacy.language import Language

REQUIRED_WEIGHT = 3.0
PREFERRED_WEIGHT = 1.0
PREFERRED_CAP = 0.5  # all preferred items together weigh at most this share of the required
JOB_ROLE_PREFIX = "job:"
TERM_PREFIX = "term:"
TERMS_CATEGORY = "posting-terms"


@dataclass(frozen=True, slots=True)
class Unit:
    """One thing to score: a requirement, or an any-of group scored by its best member."""

    members: tuple[JobRequirement, ...]
    tier: Tier
    weight: float = 0.0


@dataclass(frozen=True, slots=True)
class PreparedPosting:
    """A posting ready to score many résumés: built once by :func:`prepare_posting`."""

    posting: JobPosting
    role: Role
    scope: Taxonomy
    units: tuple[Unit, ...]
    terms: tuple[tuple[str, re.Pattern[str]], ...]  # (term skill id, whole-word pattern)


def posting_scope(posting: JobPosting, taxonomy: Taxonomy) -> tuple[Role, Taxonomy]:
    """The posting as a :class:`Role`, weighted by tier (see the module docstring), and the
    taxonomy it is scored with: ``taxonomy`` plus one skill per term outside it (id
    ``term:<words>``, category :data:`TERMS_CATEGORY`), found by :func:`literal_mentions`.
    With this pair the usual :func:`~cvgap.score.score`, cohort and CSV columns cover every
    requirement of the posting, mapped or not."""
    prepared = prepare_posting(posting, taxonomy)
    return prepared.role, prepared.scope


def prepare_posting(posting: JobPosting, taxonomy: Taxonomy) -> PreparedPosting:
    """Everything about ``posting`` that does not depend on the résumé (see
    :func:`posting_scope`), computed once."""
    units = tuple(_units(posting, taxonomy))
    terms: dict[str, Skill] = {}
    items: list[JobRequirement | JobDuty] = [*posting.requirements, *posting.duties]
    for item in items:
        if not mapped(item.id, taxonomy):
            sid = term_id(item.name)
            terms.setdefault(
                sid,
                Skill(
                    id=sid,
                    name=" ".join(item.name.split()),
                    category=TERMS_CATEGORY,
                    source=SourceRef(path=posting.source, line=_first_line(item.evidence)),
                ),
            )
    scope = replace(
        taxonomy,
        skills={**taxonomy.skills, **terms},
        categories={
            **taxonomy.categories,
            TERMS_CATEGORY: Category(
                id=TERMS_CATEGORY,
                name="Other terms of the posting",
                source=SourceRef(path=posting.source),
            ),
        },
    )
    requirements = tuple(
        Requirement(
            skills=tuple(dict.fromkeys(skill_id(m, taxonomy) for m in unit.members)),
            weight=unit.weight,
            required=unit.tier == "required",
            source=SourceRef(
                path=posting.source,
                line=_first_line(tuple(ev for m in unit.members for ev in m.evidence)),
            ),
        )
        for unit in units
    )
    role = Role(
        id=JOB_ROLE_PREFIX + posting.source,
        title=posting.title or "Job posting",
        requirements=requirements,
        source=SourceRef(path=posting.source),
    )
    patterns = tuple(
        (sid, _whole_words(skill.name)) for sid, skill in terms.items() if skill.name.split()
    )
    return PreparedPosting(posting=posting, role=role, scope=scope, units=units, terms=patterns)


def term_id(name: str) -> str:
    """The id of a posting term outside the taxonomy: ``term:ros-2`` for "ROS 2"."""
    return TERM_PREFIX + "-".join(name.lower().split())


# --------------------------------------------------------------------------- units


def mapped(skill_id: str | None, taxonomy: Taxonomy) -> bool:
    return skill_id is not None and skill_id in taxonomy.skills


def skill_id(item: JobRequirement | JobDuty, taxonomy: Taxonomy) -> str:
    return item.id if item.id is not None and mapped(item.id, taxonomy) else term_id(item.name)


def _key(req: JobRequirement) -> str:
    return req.id or term_id(req.name)


def _units(posting: JobPosting, taxonomy: Taxonomy) -> list[Unit]:
    """The posting's requirements as scoring units, in posting order: any-of groups
    joined, a requirement named twice kept once (at its strongest tier)."""
    groups: dict[str, list[JobRequirement]] = {}
    order: list[str] = []
    single_tier: dict[str, Tier] = {}
    for req in posting.requirements:
        if req.group is not None:
            key = "group:" + req.group
            if key not in groups:
                groups[key] = []
                order.append(key)
            if all(_key(m) != _key(req) for m in groups[key]):
                groups[key].append(req)
            continue
        key = _key(req)
        if key not in groups:
            groups[key] = [req]
            order.append(key)
            single_tier[key] = req.tier
        elif req.tier == "required" and single_tier[key] == "preferred":
            groups[key] = [replace(groups[key][0], tier="required")]
            single_tier[key] = "required"
    units = []
    for key in order:
        members = tuple(groups[key])
        tier: Tier = "required" if any(m.tier == "required" for m in members) else "preferred"
        units.append(Unit(members=members, tier=tier))
    n_req = sum(u.tier == "required" for u in units)
    n_pref = len(units) - n_req
    pref = PREFERRED_WEIGHT
    if n_req and n_pref:
        pref = min(PREFERRED_WEIGHT, PREFERRED_CAP * REQUIRED_WEIGHT * n_req / n_pref)
    return [
        replace(u, weight=REQUIRED_WEIGHT if u.tier == "required" else round(pref, 4))
        for u in units
    ]


def _first_line(lines: Sequence[PostingLine]) -> int:
    return lines[0].number if lines else 1


# --------------------------------------------------------------------------- terms


def _whole_words(term: str) -> re.Pattern[str]:
    """``term`` as whole words, case-insensitive, any spacing: "Go" is not found in "Google",
    "go-to" or "Go.js"."""
    return re.compile(
        r"(?<![\w+#.-])" + r"\s+".join(map(re.escape, term.split())) + r"(?![\w+#-]|\.\w)",
        re.IGNORECASE,
    )


def literal_mentions(
    resume: Resume,
    terms: Sequence[tuple[str, re.Pattern[str]]],
    nlp: Language,
    taxonomy: Taxonomy,
) -> list[SkillMention]:
    """Mentions of posting terms outside the taxonomy (``(skill id, pattern)`` from
    :func:`prepare_posting`), read like any skill mention (:func:`cvgap.extract_skills`):
    none in a heading, contact line or organisation's name, applied or listed by their
    line, and "want to learn X" (any context cue of the résumé's language) is an intent."""
    from cvgap.extract.context import LineRegions, cue_matcher, usage_of
    from cvgap.extract.evidence import EvidenceShapes, NeverEvidence

    hits = [(sid, hit) for sid, pattern in terms for hit in pattern.finditer(resume.text)]
    if not hits:
        return []
    never_evidence = NeverEvidence(resume, EvidenceShapes.of(taxonomy))
    doc = nlp.make_doc(resume.text)
    regions = LineRegions(doc, resume, frozenset(taxonomy.lists.get("wrap-words", ())))
    found = []
    for sid, hit in hits:
        line = resume.line_at(hit.start())
        span = doc.char_span(hit.start(), hit.end(), alignment_mode="expand")
        if span is not None and not never_evidence(line, hit.start(), hit.end()):
            found.append((sid, hit, line, span))
    cues = cue_matcher(nlp, taxonomy).scan(
        doc,
        [resume.language],
        [(regions.of(line).lo, regions.of(line).hi) for *_, line, _ in found],
    )
    spots = [(span.start, span.end, sid) for sid, _, _, span in found]
    return [
        SkillMention(
            skill_id=sid,
            text=hit.group(0),
            start=hit.start(),
            end=hit.end(),
            line=line.number,
            section=line.section,
            line_text=line.text,
            usage=usage_of(line),
            negated=cues.category(span.start, span.end, regions.of(line), spots) is not None,
        )
        for sid, hit, line, span in found
    ]
