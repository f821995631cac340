"""Extract: find skill mentions in a résumé the way a recruiter reads it.

The pipeline (:func:`build_nlp`) is ``spacy.blank("en")`` plus two components of ours:
``cvgap_skill_ruler``, a :class:`~spacy.pipeline.SpanRuler` over every alias of the taxonomy,
and ``cvgap_skill_variants``, which adds spacing/punctuation variants and typos (see
:mod:`cvgap.extract.ruler`). Matches land in ``doc.spans["cvgap_skills"]``;
``doc._.cvgap_skills`` gives their skill ids. :func:`extract_skills`, the only function
other stages call, then reads each match in its line: ambiguity guards, intent ("no
experience with X") and evidence strength (applied vs listed), see
:mod:`cvgap.extract.context`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from cvgap.extract.context import Candidate, LineRegions, cue_matcher, guard_ok, usage_of
from cvgap.extract.evidence import EvidenceShapes, NeverEvidence
from cvgap.extract.ruler import (
    DOC_EXTENSION,
    FACTORY,
    SPANS_KEY,
    VARIANTS_FACTORY,
    build_nlp,
    make_skill_ruler,
    make_skill_variants,
    skill_patterns,
)
from cvgap.extract.spanid import SpanId
from cvgap.types import Alias, MatchKind, Resume, Skill, SkillMention, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "DOC_EXTENSION",
    "FACTORY",
    "SPANS_KEY",
    "VARIANTS_FACTORY",
    "build_nlp",
    "extract_skills",
    "make_skill_ruler",
    "make_skill_variants",
    "skill_patterns",
]


def extract_skills(
    resume: Resume, nlp: Language, taxonomy: Taxonomy, *, language: str | None = None
) -> list[SkillMention]:
    """Every skill mention in ``resume``, in text order, with its line and section.

    Mentions failing their alias's context guard are dropped, and so are mentions that are
    never evidence (a heading, a contact line, an organisation's name: see
    :mod:`cvgap.extract.evidence`). Mentions a context cue reaches ("no experience with X",
    "want to learn X", "X: not yet", "seeking an X internship") are kept with
    ``negated=True`` (the report lists them as intents and never counts them); the cues are
    those of English and of ``language`` (default: the language the résumé is written in).

    >>> [m.skill_id for m in extract_skills(resume_from_text("Trained YOLOv8 in PyTorch"),
    ...                                     nlp, taxonomy)]
    ['yolo', 'pytorch']
    """
    doc = nlp(resume.text)
    never_evidence = NeverEvidence(resume, EvidenceShapes.of(taxonomy))
    spans = sorted(doc.spans[SPANS_KEY], key=lambda s: (s.start_char, -len(s)))
    candidates: list[tuple[Candidate, Alias | None, MatchKind]] = []
    for span in spans:
        span_id = SpanId.parse(span.id_)
        skill = taxonomy.skills.get(span_id.skill_id)
        if skill is None:
            continue
        line = resume.line_at(span.start_char)
        if never_evidence(line, span.start_char, span.end_char):
            continue
        alias = _alias(skill, span_id.alias)
        kind: MatchKind = span_id.kind  # type: ignore[assignment]  # one of MatchKind
        cand = Candidate(
            span=span,
            skill_id=skill.id,
            category=skill.category,
            line=line,
            needs_context=_needs_context(alias),
        )
        candidates.append((cand, alias, kind))
    others = [cand for cand, _, _ in candidates]
    kept = [
        (cand, kind)
        for cand, alias, kind in candidates
        if alias is None or not alias.has_context_guard or guard_ok(doc, cand, alias, others)
    ]
    regions = LineRegions(doc, resume, frozenset(taxonomy.lists.get("wrap-words", ())))
    spans_read = [regions.of(cand.line) for cand, _ in kept]
    cues = cue_matcher(nlp, taxonomy).scan(
        doc, [language or resume.language], [(r.lo, r.hi) for r in spans_read]
    )
    spots = [(c.span.start, c.span.end, c.skill_id) for c, _ in kept]
    mentions = [
        SkillMention(
            skill_id=cand.skill_id,
            text=cand.span.text,
            start=cand.span.start_char,
            end=cand.span.end_char,
            line=cand.line.number,
            section=cand.line.section,
            line_text=cand.line.text,
            kind=kind,
            usage=usage_of(cand.line),
            negated=cues.category(cand.span.start, cand.span.end, regions.of(cand.line), spots)
            is not None,
        )
        for cand, kind in kept
    ]
    return _drop_contained(mentions)


def _needs_context(alias: Alias | None) -> bool:
    """Whether the alias counts only with positive context (near words, a neighbouring
    skill, a list); such a match does not vouch for its neighbours."""
    return alias is not None and bool(alias.near or alias.near_categories or alias.list_item)


def _alias(skill: Skill, index: int | None) -> Alias | None:
    return skill.aliases[index] if index is not None and index < len(skill.aliases) else None


def _drop_contained(mentions: Iterable[SkillMention]) -> list[SkillMention]:
    """Keep one mention per place and skill: drop a mention of a skill nested inside (or
    equal to) another mention of the same skill; an exact match wins over a fuzzy one."""
    result: list[SkillMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.kind == "fuzzy")):
        if any(o.skill_id == m.skill_id and o.start <= m.start and m.end <= o.end for o in result):
            continue
        result.append(m)
    return result
