"""Reading a mention in its context: ambiguity guards, intent and evidence strength.

Everything here looks at the mention's own résumé line only: a skill on the next line says
nothing about whether "C" in "received a C in patience" is a language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cvgap.types import BULLET_MARKS, Alias, ResumeLine, Usage

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

APPLIED_SECTIONS = frozenset({"experience", "projects", "publications"})
LISTED_SECTIONS = frozenset({"skills", "coursework", "certifications", "languages"})
# Tokens that separate the items of a list ("Python, C, Java", "C/C++", "Go | Rust").
LIST_SEPARATORS = frozenset(
    {",", "/", "|", ";", ":", "(", ")", "&", "and", "or", "•", "·", "+", "[", "]"}
)
BULLETS = frozenset(BULLET_MARKS)

_INTENT_BEFORE = re.compile(
    r"\b(?:no (?:prior |real |professional |hands-on |formal |practical )?"
    r"(?:experience|exposure|knowledge|background)(?: (?:with|in|of|using))?"
    r"|never (?:used|worked with|touched|tried)"
    r"|(?:not|un) ?(?:yet )?(?:familiar|experienced|proficient) (?:with|in)"
    r"|(?:do|does|did)(?: not|n't) (?:know|use|have)"
    r"|(?:want|hope|plan|aim|intend|wish|eager|would like|looking forward)(?:s|ing|ed)? to "
    r"(?:learn|study|explore|pick up|try|get into|master|work with)"
    r"|(?:currently|now|still) learning|interested in(?: learning)?|learning goals?|to learn"
    r"|curious about|mov(?:e|ing) (?:in)?to(?:wards?)?|mov(?:e|ing) towards?"
    r"|transition(?:ing)? (?:in)?to|aspiring to|planned|future"
    r"|(?:start|begin)(?:ing)? (?:to )?learn(?:ing)?"
    r"|(?:would like|want|wish|hope|hoping) (?:an?|the|my first) (?:\w+ ){0,2}?"
    r"(?:internship|job|role|position|placement)"
    r"|(?:have|has|had)(?: not|n't)(?: yet)? (?:taken|used|tried|learned|learnt|studied|"
    r"touched|built|trained|worked (?:with|on))"
    r"|not \(?yet\)?|next (?:goals?|steps?)|(?:read|heard|know) about|heard of)"
    r"\b[^:]{0,3}:?",
    re.IGNORECASE,
)
# "no Keras", "without PyTorch": a negation right before the mention.
_NEGATION_ADJACENT = re.compile(r"\b(?:no|not|without|w/o)\s+$", re.IGNORECASE)
_INTENT_AFTER = re.compile(
    r"^\s*(?:basics\s+)?(?:[(\[]\s*|[–—-]\s+)"
    r"(?:planned|currently learning|learning|to learn|next|halfway)\b"
    # "X, haven't trained anything yet", "X but never used them"
    r"|^[^.;!?]{0,60}?\b(?:have(?: not|n't)|has(?: not|n't)|never|not yet)\s+"
    r"(?:\w+\s+){0,2}?(?:anything|them|it|one|any)\b",
    re.IGNORECASE,
)
# "seeking a Computer Vision internship": the job wanted, not a skill shown.
_TARGET_BEFORE = re.compile(
    r"\b(?:(?:seeking|looking for|applying (?:for|to)|searching for|in search of|hoping for)"
    r"\s+(?:an?\s+|the\s+|my\s+)?|(?:to|for|into)\s+(?:an?|the|my)\s+)"
    r"(?:first\s+|summer\s+|\d{4}\s+)*$",
    re.IGNORECASE,
)
# "... for the Computer Vision Intern role": a skill naming a role is the job wanted.
_ROLE_AFTER = re.compile(
    r"^\s*(?:(?:engineer(?:ing)?|intern(?:ship)?|researcher|developer)\s+)?"
    r"(?:role|position|opening|vacancy)\b",
    re.IGNORECASE,
)
_TARGET_AFTER = re.compile(
    r"^[\s-]*(?:(?:and|/|&)\s*[\w+-]+\s+)?(?:engineer(?:ing)?\s+)?"
    r"(?:intern(?:ship)?s?|positions?|roles?|jobs?|opportunit(?:y|ies)|placements?)\b",
    re.IGNORECASE,
)
# What ends the reach of "no experience with": a sentence end or a contrast.
_SCOPE_END = re.compile(
    r"[;!?|•]|\.(?:\s|$)|\b(?:but|however|although|though|whereas|while|yet|except)\b",
    re.IGNORECASE,
)
_LABEL_LINE = re.compile(r"^\W*[A-Za-z][\w &/+.-]{0,30}:\s")
_ACTION = re.compile(
    r"^\W*(?:(?!(?:skilled|experienced|interested|motivated|dedicated|detail|talented|"
    r"advanced|expected|specialized|specialised|focused|published)\b)[A-Za-z]+ed"
    r"|built|led|wrote|ran|made|won|taught|drove|set up|gave|took|"
    r"(?:build|develop|train|implement|design|deploy|write|create|lead|analy[sz]e|optimi[sz]e|"
    r"collect|annotate|label|evaluate|fine-tune|benchmark|integrate|maintain|automate|port|"
    r"prototype|research|conduct|apply|use|migrate|reduce|improve)(?:s|ing)?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A ruler span with its skill, category and line (before guards)."""

    span: Span
    skill_id: str
    category: str
    line: ResumeLine
    needs_context: bool = False  # counts only near words, a neighbouring skill or in a list


def line_tokens(doc: Doc, line: ResumeLine) -> tuple[int, int]:
    """The token range ``[lo, hi)`` of ``line`` in ``doc`` (no newline tokens)."""
    start, end = line.start, line.start + len(line.text)
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return 0, 0
    return span.start, span.end


def guard_ok(doc: Doc, cand: Candidate, alias: Alias, others: Sequence[Candidate]) -> bool:
    """Whether a guarded alias counts here (every guard looks at its own line only)."""
    span = cand.span
    lo, hi = line_tokens(doc, cand.line)
    lo, hi = min(lo, span.start), max(hi, span.end)
    prev = doc[span.start - 1].lower_ if span.start > lo else ""
    nxt = doc[span.end].lower_ if span.end < hi else ""
    if prev and prev in alias.not_preceded_by:
        return False
    if nxt and nxt in alias.not_followed_by:
        return False
    if alias.list_item:
        first = span.start == lo or (span.start - 1 == lo and prev in BULLETS)
        if not (first or prev in LIST_SEPARATORS) or not (not nxt or nxt in LIST_SEPARATORS):
            return False
    w_lo, w_hi = max(lo, span.start - alias.window), min(hi, span.end + alias.window)
    around = " ".join(t.lower_ for t in (*doc[w_lo : span.start], *doc[span.end : w_hi]))
    padded = f" {around} "
    if any(f" {word} " in padded for word in alias.not_near):
        return False
    if not alias.near and not alias.near_categories:
        return True
    if any(f" {word} " in padded for word in alias.near):
        return True
    wanted = set(alias.near_categories)
    # Only unconditional matches vouch for a neighbour: "Pillow & Torch" must not let the
    # guarded "pillow" and the guarded "torch" confirm each other.
    return any(
        o.category in wanted
        and o.skill_id != cand.skill_id
        and not o.needs_context
        and w_lo <= o.span.start
        and o.span.end <= w_hi
        for o in others
    )


def is_intent(line: ResumeLine, start: int, end: int) -> bool:
    """Whether the mention at text offsets ``[start, end)`` is negated or only an intention
    ("no experience with X", "want to learn X", "Planned: X", "X (learning)", "no X",
    "X, haven't used it yet"), or names the job wanted ("seeking an X internship")."""
    before = line.text[: start - line.start]
    after = line.text[end - line.start :]
    if _NEGATION_ADJACENT.search(before):
        return True
    if _ROLE_AFTER.match(after) or (_TARGET_BEFORE.search(before) and _TARGET_AFTER.match(after)):
        return True
    last = None
    for last in _INTENT_BEFORE.finditer(before):  # noqa: B007 - the last trigger counts
        pass
    if last is not None and not _SCOPE_END.search(before[last.end() :]):
        return True
    return bool(_INTENT_AFTER.match(after))


def usage_of(line: ResumeLine) -> Usage:
    """``applied`` for a line describing work (an experience, project or publication line,
    or an action bullet elsewhere), ``listed`` for a skills line, coursework or summary."""
    if line.section in APPLIED_SECTIONS:
        return "applied"
    if line.section in LISTED_SECTIONS or _LABEL_LINE.match(line.text):
        return "listed"
    return "applied" if _ACTION.match(line.text) else "listed"
