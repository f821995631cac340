"""``posting-wording``: where the résumé shows a skill the posting asks for, but in other
words ("the posting says PyTorch; your résumé says Torch"), suggest the posting's words so a
keyword search for them finds the résumé. Only for skills the résumé already shows: it never
suggests adding a skill.

Only for two names of the same thing: a skill's aliases often name different things (the
degree skill covers computer engineering and electrical engineering, SQL covers MySQL), so
the posting's words are suggested only when they are the skill's own name and the résumé's
words are a shortening of that name (see :func:`names_the_same`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from cvgap.ats.terms import has_term, terms_in
from cvgap.types import AtsFinding, JobDuty, JobPosting, JobRequirement, Place, Report, Taxonomy

CHECK = "posting-wording"
_FOLD_RE = re.compile(r"[^\w+#]+")
_WORD_RE = re.compile(r"[\w+#]+")


def resume_evidence(report: Report) -> dict[str, tuple[str, ...]]:
    """Skill id -> the résumé lines that show it (matched skills only)."""
    return {
        s.id: tuple(ev.text for ev in s.evidence)
        for s in (*report.skills, *report.extra_skills)
        if s.status == "matched" and s.evidence
    }


def posting_wording(
    posting: JobPosting, evidence: Mapping[str, tuple[str, ...]], taxonomy: Taxonomy
) -> list[AtsFinding]:
    """One finding per skill the posting names in words the résumé does not use (the
    posting says "PyTorch", the résumé "Torch": suggest "PyTorch"); skills the résumé does
    not show are left alone."""
    findings = []
    seen: set[str] = set()
    wanted: list[JobRequirement | JobDuty] = [*posting.requirements, *posting.duties]
    for req in wanted:
        sid = req.id
        if sid is None or sid in seen or sid not in evidence or sid not in taxonomy.skills:
            continue
        seen.add(sid)
        skill = taxonomy.skills[sid]
        posting_terms = [t for line in req.evidence for t in terms_in(line.text, skill)]
        posting_term = posting_terms[0] if posting_terms else req.name
        lines = evidence[sid]
        if any(has_term(text, posting_term) for text in lines):
            continue  # the résumé already uses the posting's words
        resume_terms = [t for text in lines for t in terms_in(text, skill)]
        if not resume_terms or not names_the_same(resume_terms[0], posting_term, skill.name):
            continue
        yours = resume_terms[0]
        findings.append(
            AtsFinding(
                check=CHECK,
                severity="info",
                message=f"The posting says {posting_term}; your résumé says {yours}.",
                fix=f"Write “{posting_term}” where you mention {yours}, so a keyword search "
                "for the posting's words finds it.",
                skills=(skill.name,),
                where=tuple(Place(text=text) for text in lines[:1]),
                cause="wording",
            )
        )
    return findings


def names_the_same(yours: str, posting_term: str, name: str) -> bool:
    """Whether writing ``posting_term`` where the résumé writes ``yours`` renames nothing:
    ``posting_term`` is the skill's own ``name`` and ``yours`` is a shortening of it (other
    spellings are no-ops, a longer or other alias may name a narrower or different thing).

    >>> names_the_same("Torch", "PyTorch", "PyTorch"), names_the_same("MySQL", "SQL", "SQL")
    (True, False)
    >>> names_the_same("Computer engineering", "Electrical Engineering", "Degree in CS, EE")
    False
    """
    return _fold(posting_term) == _fold(name) != _fold(yours) and _shortens(
        _fold(yours), tuple(_fold(word) for word in _WORD_RE.findall(name))
    )


@functools.lru_cache(maxsize=4096)
def _shortens(short: str, words: tuple[str, ...]) -> bool:
    """Whether ``short`` is made of letters of every one of ``words``, in order, at least one
    of each: "torch" of (pytorch), "sklearn" of (scikit, learn), "cnns" of (convolutional,
    neural, networks); not "probability" of (probability, and, statistics)."""
    if not words:
        return not short
    for taken in range(1, len(short) + 1):
        if not _is_subsequence(short[:taken], words[0]):
            return False  # a longer prefix is not one either
        if _shortens(short[taken:], words[1:]):
            return True
    return False


def _is_subsequence(letters: str, word: str) -> bool:
    remaining = iter(word)
    return all(letter in remaining for letter in letters)


def _fold(term: str) -> str:
    return _FOLD_RE.sub("", term.lower())
