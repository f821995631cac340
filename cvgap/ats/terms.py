"""Whole-word keyword search, the way a tracking system searches a résumé's plain text: a
term matches where it is not glued to a letter or digit on either side, case-insensitively
(unless the taxonomy spells the alias case-sensitively), with any whitespace between the
words of a multi-word term."""

from __future__ import annotations

import functools
import re

from cvgap.types import Alias, Skill, Taxonomy


@functools.lru_cache(maxsize=8192)
def term_pattern(term: str, case_sensitive: bool = False) -> re.Pattern[str]:
    words = [re.escape(w) for w in term.split()]
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(r"(?<![^\W_])" + r"\s+".join(words) + r"(?![^\W_])", flags)


def has_term(text: str, term: str, case_sensitive: bool = False) -> bool:
    """Whether a whole-word search for ``term`` finds it in ``text``.

    >>> has_term("Tools: PyTorch, OpenCV", "pytorch"), has_term("PyTorchLightning", "PyTorch")
    (True, False)
    """
    return bool(term.strip()) and term_pattern(term, case_sensitive).search(text) is not None


def skill_terms(skill: Skill, *, guarded: bool = True) -> tuple[tuple[str, bool], ...]:
    """(term, case-sensitive) for the skill's name and aliases, longest first; ``guarded``
    False leaves out aliases that count only in some context (a bare "R" or "Go")."""
    return _terms(skill.name, skill.aliases, guarded)


@functools.lru_cache(maxsize=4096)
def _terms(name: str, aliases: tuple[Alias, ...], guarded: bool) -> tuple[tuple[str, bool], ...]:
    terms = {(name, False)}
    terms |= {(a.text, a.case_sensitive) for a in aliases if guarded or not a.has_context_guard}
    return tuple(sorted(terms, key=lambda t: (-len(t[0]), t[0])))


def terms_in(text: str, skill: Skill) -> list[str]:
    """The skill's terms a whole-word search finds in ``text``, as ``text`` writes them
    (longest first, none contained in a longer one found).

    >>> from cvgap.taxonomy import load_taxonomy
    >>> terms_in("Trained detectors in Torch", load_taxonomy().skills["pytorch"])
    ['Torch']
    """
    found: list[str] = []
    lowered = " ".join(text.lower().split())
    for term, case in skill_terms(skill):
        if not term.strip() or " ".join(term.lower().split()) not in lowered:
            continue  # cheap test first: most terms are not in the line at all
        match = term_pattern(term, case).search(text)
        if match is not None and not any(has_term(longer, term, case) for longer in found):
            found.append(" ".join(match.group().split()))
    return found


def skills_in(text: str, taxonomy: Taxonomy) -> list[Skill]:
    """The skills a keyword search for each skill's name and plain aliases finds in
    ``text``, in taxonomy order."""
    lowered = text.lower()
    return [
        skill
        for skill in taxonomy.skills.values()
        if any(
            term.lower() in lowered and has_term(text, term, case)
            for term, case in skill_terms(skill, guarded=False)
        )
    ]
