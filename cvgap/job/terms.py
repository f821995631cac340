"""Terms outside the taxonomy: what a requirement line asks for that no skill matched.

A term is a run of capitalised or technical-looking words ("ROS 2", "Perforce", "Isaac
Sim", "LiDAR") or a capitalised word with the technique it names ("Gaussian splatting",
"Kalman filtering"), not covered by a skill mention and not a common word of postings
(degrees, languages, "Experience", "Strong"). The reader lists them as unmapped
requirements, so nothing the posting asks for disappears from the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_TERM_RE = re.compile(
    r"(?<![\w+#.-])"
    r"(?:[A-Z][A-Za-z]+\s+(?:[a-z]+(?:ing|tion|sis|ics|ment)s?|(?:filter|field)s?|processes)"
    r"(?![\w-])"
    r"|(?:[A-Z0-9][\w+#.-]*[A-Za-z0-9+#]|[a-z]+[A-Z0-9][\w+#.-]*)"  # a capitalised word ...
    r"(?:\s+(?:[A-Z][\w+#.-]*[A-Za-z0-9+#]|\d+(?:\.\d+)?)(?![\w-]))*)",  # "Isaac Sim", "ROS 2"
)
_TECHNICAL_RE = re.compile(r"[A-Z].*[A-Z]|[A-Za-z]\d|\d[A-Za-z]|[+#]|^[A-Z]")
# Capitalised words of postings that are no skill.
COMMON_WORDS = frozenset(
    [
        "a", "an", "and", "or", "the", "we", "you", "our", "your", "us", "they", "their",
        "this", "that", "these", "those", "it", "its", "i", "experience", "experienced",
        "knowledge", "strong", "excellent", "good", "great", "solid", "ability", "able",
        "familiarity", "familiar", "proficiency", "proficient", "understanding", "basic",
        "advanced", "working", "hands-on", "demonstrated", "proven", "passion",
        "passionate", "interest", "interested", "motivated", "bachelor", "bachelors",
        "master", "masters", "phd", "ph.d", "doctorate", "degree", "degrees", "bs", "ms",
        "bsc", "msc", "ba", "b.s", "m.s", "b.sc", "m.sc", "university", "college",
        "school", "student", "students", "students'", "graduate", "undergraduate",
        "candidate", "candidates", "intern", "interns", "internship", "internships",
        "english", "german", "french", "spanish", "chinese", "mandarin", "japanese",
        "korean", "italian", "dutch", "hindi", "portuguese", "fluent", "fluency",
        "native", "written", "spoken", "engineering", "science", "sciences",
        "mathematics", "maths", "math", "physics", "statistics", "computer", "electrical",
        "mechanical", "related", "field", "fields", "technical", "discipline", "summer",
        "fall", "spring", "winter", "autumn", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "friday", "us", "usa", "uk", "eu", "europe", "america", "asia",
        "remote", "hybrid", "onsite", "on-site", "office", "ai", "ml", "r&d", "it", "hr",
        "ceo", "cto", "team", "teams", "company", "must", "should", "will", "can", "may",
        "would", "could", "preferred", "required", "plus", "bonus", "nice", "ideally",
        "is", "are", "be", "have", "has", "had", "do", "does", "eg", "e.g", "i.e", "etc",
        "ie", "prof", "dr", "why", "full", "uk"
    ]
)  # fmt: skip
MAX_TERM_WORDS = 4


def find_terms(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, term)`` for each candidate term in ``text`` (one line)."""
    for m in _TERM_RE.finditer(text):
        term = m.group(0).strip()
        words = term.split()
        while words and (words[0].lower().strip(".") in COMMON_WORDS or words[0].islower()):
            words.pop(0)
        while words and words[-1].lower().strip(".") in COMMON_WORDS and len(words) > 1:
            if words[-1].isupper() and len(words[-1]) > 1:
                break  # "Core ML": an acronym ending a name belongs to it
            words.pop()
        if len(words) == 1 and words[0].lower().strip(".") in COMMON_WORDS:
            continue
        if not words or len(words) > MAX_TERM_WORDS:
            continue
        term = " ".join(words)
        if (
            not _TECHNICAL_RE.search(term)
            or sum(ch.isalpha() for ch in term) < 2
            or not term[0].isalpha()
        ):
            continue
        start = text.find(term, m.start())
        if start < 0:
            continue  # its words are apart by a character split() takes for a space (U+0085)
        opening = _clause_opening(text, start)
        proper = len(words) > 1 and all(w[:1].isupper() or w[:1].isdigit() for w in words)
        if opening and not (proper or _looks_technical(words[0])):
            continue
        yield start, start + len(term), term


def _clause_opening(text: str, start: int) -> bool:
    """Whether ``start`` opens the line or a clause (where any word is capitalised)."""
    before = text[:start].rstrip()
    return (
        not before
        or not (before[-1].isalnum() or before[-1] in ",/&+#")
        or before.endswith(("e.g", "i.e"))
    )


def _looks_technical(word: str) -> bool:
    """Inner capitals, digits or symbols: "PostgreSQL", "YOLOv8", "ROS", "C#"."""
    return bool(re.search(r"[a-z][A-Z]|[A-Z]{2}|\d|[+#]", word))
