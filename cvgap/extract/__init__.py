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

from cvgap.extract.context import Candidate, guard_ok, is_intent, usage_of
from cvgap.extract.ruler import (
    DOC_EXTENSION,
    FACTORY,
    FUZZY_KIND,
    SPANS_KEY,
    VARIANTS_FACTORY,
    build_nlp,
    make_skill_ruler,
    make_skill_variants,
    skill_patterns,
)
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


def extract_skills(resume: Resume, nlp: Language, taxonomy: Taxonomy) -> list[SkillMention]:
    """Every skill mention in ``resume``, in text order, with its line and section.

    Mentions failing their alias's context guard are dropped; mentions in a negated or
    aspirational phrase ("no experience with X", "want to learn X") are kept with
    ``negated=True`` (the report lists them as intents and never counts them).

    >>> [m.skill_id for m in extract_skills(resume_from_text("Trained YOLOv8 in PyTorch"),
    ...                                     nlp, taxonomy)]
    ['yolo', 'pytorch']
    """
    doc = nlp(resume.text)
    spans = sorted(doc.spans[SPANS_KEY], key=lambda s: (s.start_char, -len(s)))
    candidates: list[tuple[Candidate, Alias | None, MatchKind]] = []
    for span in spans:
        fields = span.id_.split("|")
        skill = taxonomy.skills.get(fields[0])
        if skill is None:
            continue
        key = fields[1] if len(fields) > 1 else ""
        kind: MatchKind = (
            "fuzzy" if fields[-1] == FUZZY_KIND else ("pattern" if key == "p" else "exact")
        )
        line = resume.line_at(span.start_char)
        alias = _alias(skill, key)
        candidates.append(
            (
                Candidate(
                    span=span,
                    skill_id=skill.id,
                    category=skill.category,
                    line=line,
                    needs_context=_needs_context(alias),
                ),
                alias,
                kind,
            )
        )
    others = [cand for cand, _, _ in candidates]
    mentions: list[SkillMention] = []
    for cand, alias, kind in candidates:
        if alias is not None and alias.has_context_guard and not guard_ok(doc, cand, alias, others):
            continue
        span, line = cand.span, cand.line
        mentions.append(
            SkillMention(
                skill_id=cand.skill_id,
                text=span.text,
                start=span.start_char,
                end=span.end_char,
                line=line.number,
                section=line.section,
                line_text=line.text,
                kind=kind,
                usage=usage_of(line),
                negated=is_intent(line, span.start_char, span.end_char),
            )
        )
    return _drop_contained(mentions)


def _needs_context(alias: Alias | None) -> bool:
    """Whether the alias counts only with positive context (near words, a neighbouring
    skill, a list); such a match does not vouch for its neighbours."""
    return alias is not None and bool(alias.near or alias.near_categories or alias.list_item)


def _alias(skill: Skill, key: str) -> Alias | None:
    return skill.aliases[int(key)] if key.isdigit() and int(key) < len(skill.aliases) else None


def _drop_contained(mentions: Iterable[SkillMention]) -> list[SkillMention]:
    """Keep one mention per place and skill: drop a mention of a skill nested inside (or
    equal to) another mention of the same skill; an exact match wins over a fuzzy one."""
    result: list[SkillMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), m.kind == "fuzzy")):
        if any(o.skill_id == m.skill_id and o.start <= m.start and m.end <= o.end for o in result):
            continue
        result.append(m)
    return result
