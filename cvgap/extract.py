"""Extract: find skill mentions in a résumé with a spaCy pipeline.

The pipeline is ``spacy.blank("en")`` plus our ``cvgap_skill_ruler`` component, a
:class:`~spacy.pipeline.SpanRuler` loaded with every alias of the taxonomy. Matches land in
``doc.spans["cvgap_skills"]`` with ``span.id_`` set to ``"<skill id>|<alias index>"``;
``doc._.cvgap_skills`` gives the skill ids. Context guards, negation and usage are applied in
:func:`extract_skills`, the only function other stages call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from cvgap.types import Alias, Resume, Skill, SkillMention, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import SpanRuler
    from spacy.tokens import Doc, Span

FACTORY = "cvgap_skill_ruler"
SPANS_KEY = "cvgap_skills"
DOC_EXTENSION = "cvgap_skills"
APPLIED_SECTIONS = frozenset({"experience", "projects", "publications"})

_NEGATION_RE = re.compile(
    r"\b(no (?:prior |real |professional |hands-on )?(?:experience|exposure|knowledge)"
    r"(?: (?:with|in|of))?|never (?:used|worked with)|not (?:yet )?familiar with|"
    r"(?:want|wants|hope|hoping|plan|planning|eager|would like) to learn|"
    r"(?:currently |now )?learning to|planned:|to learn:|interested in learning)\b[^.;]*$",
    re.IGNORECASE,
)


def make_skill_ruler(
    nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str, validate: bool
) -> SpanRuler:
    """spaCy factory ``cvgap_skill_ruler``: an empty skill ruler; load patterns with
    ``initialize(patterns=...)`` (see :func:`build_nlp`)."""
    from spacy.pipeline import SpanRuler

    return SpanRuler(nlp, name, spans_key=spans_key, phrase_matcher_attr=phrase_matcher_attr,
                     validate=validate, overwrite=False, annotate_ents=False)


def _register() -> None:
    from spacy.language import Language
    from spacy.tokens import Doc

    if not Language.has_factory(FACTORY):
        Language.factory(
            FACTORY,
            assigns=["doc.spans"],
            default_config={"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER",
                            "validate": True},
        )(make_skill_ruler)
    if not Doc.has_extension(DOC_EXTENSION):
        Doc.set_extension(DOC_EXTENSION, getter=_skill_ids)


def _skill_ids(doc: Doc) -> list[str]:
    return [span.id_.split("|", 1)[0] for span in doc.spans.get(SPANS_KEY, [])]


def skill_patterns(taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """The ruler patterns for every alias and token pattern of the taxonomy."""
    patterns: list[dict[str, Any]] = []
    for skill in taxonomy.skills.values():
        for index, alias in enumerate(skill.aliases):
            pattern: Any = alias.text
            if alias.case_sensitive:
                pattern = [{"ORTH": tok} for tok in _tokens(alias.text)]
            patterns.append({"label": skill.category or "skill", "pattern": pattern,
                             "id": f"{skill.id}|{index}"})
        patterns.extend({"label": skill.category or "skill", "pattern": list(tokens),
                         "id": f"{skill.id}|p"} for tokens in skill.patterns)
    return patterns


_TOKENIZER: Any = None


def _tokens(text: str) -> list[str]:
    global _TOKENIZER
    if _TOKENIZER is None:
        import spacy

        _TOKENIZER = spacy.blank("en").tokenizer
    return [t.text for t in _TOKENIZER(text)]


def build_nlp(taxonomy: Taxonomy) -> Language:
    """The extraction pipeline: ``spacy.blank("en")`` plus ``cvgap_skill_ruler`` loaded
    with the taxonomy's aliases. Build it once and reuse it: it takes ~0.1 s.

    >>> nlp = build_nlp(load_taxonomy())
    >>> nlp.pipe_names
    ['cvgap_skill_ruler']
    """
    import spacy

    _register()
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(FACTORY)
    ruler.initialize(lambda: [], nlp=nlp, patterns=skill_patterns(taxonomy))
    nlp.meta["cvgap_taxonomy"] = list(taxonomy.paths)
    return nlp


def extract_skills(resume: Resume, nlp: Language, taxonomy: Taxonomy) -> list[SkillMention]:
    """Every skill mention in ``resume``, in text order, with its line and section.

    Mentions failing an alias's context guard are dropped; mentions in a negated or
    aspirational phrase ("no experience with X", "want to learn X") are kept with
    ``negated=True``.
    """
    doc = nlp(resume.text)
    spans = sorted(doc.spans[SPANS_KEY], key=lambda s: (s.start_char, -len(s)))
    categories = [_category(taxonomy, span) for span in spans]
    mentions: list[SkillMention] = []
    for span in spans:
        skill_id, _, alias_key = span.id_.partition("|")
        skill = taxonomy.skills.get(skill_id)
        if skill is None:
            continue
        alias = _alias(skill, alias_key)
        if alias is not None and alias.guarded and not _guard_ok(doc, span, alias, spans,
                                                                  categories):
            continue
        line = resume.line_at(span.start_char)
        before = resume.text[line.start:span.start_char]
        mentions.append(SkillMention(
            skill_id=skill_id, text=span.text, start=span.start_char, end=span.end_char,
            line=line.number, section=line.section, line_text=line.text,
            kind="pattern" if alias_key == "p" else "exact",
            usage="applied" if line.section in APPLIED_SECTIONS else "listed",
            negated=bool(_NEGATION_RE.search(before)),
        ))
    return _drop_contained(mentions)


def _alias(skill: Skill, key: str) -> Alias | None:
    return skill.aliases[int(key)] if key.isdigit() and int(key) < len(skill.aliases) else None


def _category(taxonomy: Taxonomy, span: Span) -> str:
    skill = taxonomy.skills.get(span.id_.partition("|")[0])
    return skill.category if skill else ""


def _guard_ok(doc: Doc, span: Span, alias: Alias, spans: list[Span],
              categories: list[str]) -> bool:
    lo, hi = max(0, span.start - alias.window), min(len(doc), span.end + alias.window)
    around = " ".join(t.lower_ for t in (*doc[lo:span.start], *doc[span.end:hi]))
    padded = f" {around} "
    if any(f" {word} " in padded for word in alias.not_near):
        return False
    if not alias.near and not alias.near_categories:
        return True
    if any(f" {word} " in padded for word in alias.near):
        return True
    wanted = set(alias.near_categories)
    return any(
        cat in wanted and other is not span and other.id_ != span.id_
        and lo <= other.start and other.end <= hi
        for other, cat in zip(spans, categories)
    )


def _drop_contained(mentions: Iterable[SkillMention]) -> list[SkillMention]:
    """Drop a mention of a skill nested inside a longer mention of the same skill."""
    result: list[SkillMention] = []
    for m in mentions:
        if any(o.skill_id == m.skill_id and o.start <= m.start and m.end <= o.end
               and (o.start, o.end) != (m.start, m.end) for o in result):
            continue
        if any(o.skill_id == m.skill_id and (o.start, o.end) == (m.start, m.end)
               for o in result):
            continue
        result.append(m)
    return result
