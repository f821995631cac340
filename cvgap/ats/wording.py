"""``posting-wording``: where the résumé shows a skill the posting asks for, but in other
words ("the posting says PyTorch; your résumé says Torch"), suggest the posting's words so a
keyword search for them finds the résumé. Only for skills the résumé already shows: it never
suggests adding a skill."""

from __future__ import annotations

import re
from collections.abc import Mapping

from cvgap.ats.terms import has_term, terms_in
from cvgap.types import AtsFinding, JobDuty, JobPosting, JobRequirement, Place, Report, Taxonomy

CHECK = "posting-wording"
_FOLD_RE = re.compile(r"[^\w+#]+")


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
        if not resume_terms or _fold(resume_terms[0]) == _fold(posting_term):
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


def _fold(term: str) -> str:
    return _FOLD_RE.sub("", term.lower())
