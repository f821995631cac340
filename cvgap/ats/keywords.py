"""``keyword-search-misses``: skills cvgap reads on the résumé that a whole-word keyword search
over a plain extraction (:mod:`cvgap.ingest.plain`) would not find, with the cause and the fix.

The cause is found by undoing one thing cvgap repairs at a time in the plain text and searching
again: ligatures expanded, letter-spaced words joined, icon-glyph text dropped; a multi-word
skill whose words are all there but apart is split by interleaved columns; ``(cid:N)`` codes
mean glyphs without text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cvgap.ats.terms import has_term, term_pattern, terms_in
from cvgap.ingest.text import CID_RE
from cvgap.types import AtsFinding, Place, Report, Resume, SkillResult, Taxonomy

CHECK = "keyword-search-misses"

# cause -> (why, finishing "a keyword search misses X because ..."; the fix)
CAUSES: dict[str, tuple[str, str]] = {
    "misspelt": (
        "it is spelt differently from the skill's usual name",
        "Spell it the usual way (the name shown here).",
    ),
    "ligature": (
        "its letters are drawn as a ligature (ﬁ, ﬂ, ﬀ) that a plain extractor reads as one symbol",
        "Make the PDF map ligatures to letters (pdfLaTeX: \\input{glyphtounicode} and "
        "\\pdfgentounicode=1; XeLaTeX/LuaLaTeX: Ligatures=NoCommon in \\setmainfont; Word: "
        "Font ▸ Advanced ▸ Ligatures: None).",
    ),
    "letter-spacing": (
        "it is letter-spaced, so a plain extractor reads single letters (“P y T o r c h”)",
        "Use normal letter spacing for words a search must find (no \\textls, \\so or "
        "expanded character spacing).",
    ),
    "icon-font": (
        "an icon glyph next to it is read as letters glued to the word",
        "Put a space between icons and words, or drop the icon.",
    ),
    "hyphenation": (
        "it is hyphenated at a line end (“De-” / “sign”), and a plain extractor keeps the "
        "hyphen and the line break",
        "Keep skill names whole at line ends (LaTeX: \\mbox{…} or \\hyphenation{…}; Word: "
        "Layout ▸ Hyphenation: None).",
    ),
    "run-together": (
        "the PDF has no space characters between its words and the gaps are narrow, so an "
        "extractor that splits words by a fixed gap (pdfplumber's 3 pt) runs them together",
        "Make the PDF carry real spaces (pdfLaTeX: \\pdfinterwordspaceon; or export from "
        "Word/LibreOffice), or set words a little wider apart.",
    ),
    "glyphs-without-text": (
        "its glyphs carry no text mapping, so a plain extractor reads (cid:N) codes",
        "Embed fonts with a ToUnicode map (pdfLaTeX: \\input{glyphtounicode} and "
        "\\pdfgentounicode=1), or export the PDF again with standard fonts.",
    ),
    "interleaved-columns": (
        "its words sit in a column that a plain extractor reads row by row across the "
        "page, mixing in the other column",
        "Use one column, or keep each skill on one line of its column.",
    ),
    "other": (
        "the plain extraction reads that line differently",
        "Copy the text out of the PDF and check how that line comes out.",
    ),
}
_LIGATURES_RE = re.compile("[\ufb00-\ufb06]")
_LETTER_SPACED_RE = re.compile(r"(?<!\S)(?:\S ){2,}\S(?!\S)")
_HYPHEN_BREAK_RE = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])")


@dataclass(frozen=True, slots=True)
class Miss:
    """A skill cvgap found that a keyword search would not, and why."""

    skill: str
    term: str
    cause: str
    line: int
    text: str


def keyword_misses(resume: Resume, report: Report, taxonomy: Taxonomy) -> list[Miss]:
    """Every skill of the report with evidence on the page that a whole-word search of the
    plain extraction does not find."""
    if resume.plain is None:
        return []
    plain = resume.plain.text
    variants = _Variants(plain, resume.plain.icon_glyphs)
    misses = []
    for result in _found(report):
        skill = taxonomy.skills.get(result.id)
        if skill is None:
            continue
        terms = list(dict.fromkeys(t for ev in result.evidence for t in terms_in(ev.text, skill)))
        fuzzy = not terms and any(ev.kind == "fuzzy" for ev in result.evidence)
        if fuzzy:
            terms = [skill.name]
        # Each way the résumé writes the skill is a keyword someone may search for.
        lost = [term for term in terms if not has_term(plain, term)]
        if not lost:
            continue  # all found, or matched by a pattern (no one term to search for)
        term = lost[0]
        first = next((ev for ev in result.evidence if has_term(ev.text, term)), result.evidence[0])
        cause = "misspelt" if fuzzy else variants.cause(term, first.text, resume)
        misses.append(
            Miss(skill=skill.name, term=term, cause=cause, line=first.line, text=first.text)
        )
    return misses


def keyword_findings(misses: list[Miss]) -> list[AtsFinding]:
    """One finding per cause, naming every skill it costs."""
    by_cause: dict[str, list[Miss]] = {}
    for miss in misses:
        by_cause.setdefault(miss.cause, []).append(miss)
    findings = []
    for cause, group in by_cause.items():
        why, fix = CAUSES[cause]
        names = [m.skill for m in group]
        shown = ", ".join(names)
        findings.append(
            AtsFinding(
                check=CHECK,
                severity="warning",
                message=f"A keyword search of a plain text copy would miss {shown}: {why}.",
                fix=fix,
                skills=tuple(names),
                where=tuple(Place(text=m.text, line=m.line, reason=cause) for m in group),
                cause=cause,
            )
        )
    return findings


def _found(report: Report) -> list[SkillResult]:
    """The skills cvgap read on the page (not implied, not in hidden text)."""
    return [
        s for s in (*report.skills, *report.extra_skills) if s.status == "matched" and s.evidence
    ]


class _Variants:
    """The plain text with one repair applied at a time (built on first use)."""

    def __init__(self, plain: str, icons: tuple[str, ...]) -> None:
        self.plain = plain
        self.icons = icons
        self._cache: dict[str, str] = {}

    def _get(self, name: str) -> str:
        if name not in self._cache:
            text = self.plain
            if name == "ligature":
                text = _LIGATURES_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
            elif name == "letter-spacing":
                text = _LETTER_SPACED_RE.sub(lambda m: m.group().replace(" ", ""), text)
            elif name == "hyphenation":
                text = _HYPHEN_BREAK_RE.sub("", text)
            elif name == "icon-font":
                for glyph in sorted(self.icons, key=len, reverse=True):
                    text = text.replace(glyph, " ")
            self._cache[name] = text
        return self._cache[name]

    def cause(self, term: str, line: str, resume: Resume) -> str:
        for name in ("ligature", "letter-spacing", "icon-font", "hyphenation"):
            if (name != "ligature" or _LIGATURES_RE.search(self.plain)) and has_term(
                self._get(name), term
            ):
                return name
        words = term.split()
        glued = re.compile(r"\s*".join(re.escape(w) for w in words), re.IGNORECASE)
        if glued.search(self.plain):
            return "run-together"
        # A font without a text mapping turns every glyph into (cid:N); a few icons do not.
        cids = len(CID_RE.findall(self.plain)) >= max(10, len(self.plain.split()) // 50)
        if cids and _mostly_missing(line, self.plain):
            return "glyphs-without-text"
        if resume.plain is not None and resume.plain.column_pages:
            return "interleaved-columns"
        return "glyphs-without-text" if cids else "other"


def _mostly_missing(line: str, plain: str) -> bool:
    words = re.findall(r"[^\W\d_]{3,}", line)
    missing = sum(1 for w in words if term_pattern(w).search(plain) is None)
    return bool(words) and missing * 2 > len(words)
