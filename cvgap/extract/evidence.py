"""What is never evidence on its own: a section heading, a contact or link line, and the name
of an organisation (employer, school, client).

"Publications" as a heading says nothing about research done; "GitHub | LinkedIn" is a link,
not Git; "Docker Inc.", "Acme Robotics, Berlin" or "Python Creek Outfitters" name an
employer. The shapes are generic: a heading is a line that is only a known heading; a contact
line is made of links, addresses, phone numbers and link labels; an organisation is a
company-suffixed name, or a capitalised multi-word name that is one item of an entry line
(a line with a year, in experience or education) and is not a job title. The word lists
come from the taxonomy (``lists:`` ``link-labels``, ``company-suffixes``, ``role-words``,
``field-unit-words``, ``degree-words``), so a maintainer reads and changes them as data.
A mention dropped here is gone: it counts for nothing and implies nothing; the skill may
still count from a real line elsewhere.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from cvgap.extract.words import guard_key
from cvgap.types import Resume, ResumeLine, Taxonomy

ENTRY_SECTIONS = frozenset({"experience", "education", "other"})
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|dev|me|ai|de|fr|es|pt|br"
    r"|uk|edu|co|ca|in|eu|ch|nl|it|info|app|page|site)(?:/\S*)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
_PHONE = re.compile(r"\+?\(?\d[\d ()./-]{6,}\d")
_PLACEHOLDER = re.compile(
    r"^\W*(?:\(.*\)|\[.*\]|tbd|tba|n/?a|none|-+|…|\.\.\.)\W*$|lorem ipsum|dolor sit amet",
    re.IGNORECASE,
)
_ITEM_SPLIT = re.compile(r"\s*(?:[|•·,;]|\s{2,}|\s[/–—]\s)\s*")
_SEGMENT_SPLIT = re.compile(r"\s+[—–-]\s+|\s*[|,·(@)]\s*|\s+(?:at|bei|chez|en|em|na|no)\s+|\s{2,}")
_WORD = re.compile(r"[^\s]+")
_CONNECTORS = frozenset(
    {
        "&",
        "and",
        "und",
        "et",
        "y",
        "e",
        "of",
        "for",
        "für",
        "de",
        "du",
        "des",
        "la",
        "le",
        "del",
        "do",
        "da",
        "dos",
        "das",
        "der",
        "die",
        "von",
        "dr",
    }
)


@dataclass(frozen=True, slots=True)
class EvidenceShapes:
    """The word lists the shapes use, from the taxonomy's named lists."""

    link_labels: frozenset[str]
    company_suffixes: frozenset[str]
    role_words: frozenset[str]
    unit_words: frozenset[str]
    degree_words: frozenset[str]

    @classmethod
    def of(cls, taxonomy: Taxonomy) -> EvidenceShapes:
        cached = _SHAPES.get(id(taxonomy))
        if cached is not None and cached[0] is taxonomy:
            return cached[1]

        def words(name: str) -> frozenset[str]:
            return frozenset(taxonomy.lists.get(name, ()))

        shapes = cls(
            link_labels=words("link-labels"),
            company_suffixes=words("company-suffixes"),
            role_words=words("role-words"),
            unit_words=words("field-unit-words"),
            degree_words=words("degree-words"),
        )
        if len(_SHAPES) > 8:
            _SHAPES.clear()
        _SHAPES[id(taxonomy)] = (taxonomy, shapes)
        return shapes


_SHAPES: dict[int, tuple[Taxonomy, EvidenceShapes]] = {}


class NeverEvidence:
    """Decides, for one résumé, which mentions are never evidence (see the module doc); what
    it learns about a line is computed once per line."""

    def __init__(self, resume: Resume, shapes: EvidenceShapes) -> None:
        self.shapes = shapes
        self.empty = empty_headings(resume)
        self._ignored: dict[int, list[tuple[int, int]]] = {}

    def __call__(self, line: ResumeLine, start: int, end: int) -> bool:
        """Whether the mention at text offsets ``[start, end)`` of ``line`` is the heading of
        an empty section, a contact item, or in an organisation's name."""
        if line.number in self.empty:
            return True
        lo, hi = start - line.start, end - line.start
        ignored = self._ignored.get(line.number)
        if ignored is None:
            ignored = self._ignored[line.number] = _contact_spans(line.text, self.shapes)
        if any(a <= lo and hi <= b for a, b in ignored):
            return True
        return is_organisation(line, lo, hi, self.shapes)


def _contact_spans(text: str, shapes: EvidenceShapes) -> list[tuple[int, int]]:
    """The link labels of a contact line ("GitHub" in "GitHub | LinkedIn"): the only contact
    items a skill name can stand in, since a link or an address is one token."""
    words = {guard_key(w).strip(":,;|·•") for w in text.split()}
    if words.isdisjoint(shapes.link_labels) or not is_contact_line(text, shapes):
        return []
    return [(a, b) for a, b in _items(text) if _contact_item(text[a:b], shapes)]


def empty_headings(resume: Resume) -> frozenset[int]:
    """The heading lines whose section holds nothing real: no line, or only placeholders
    ("(to be added)", "TBD", "Lorem ipsum ..."). Such a heading is a template's, not a
    record of work ("PUBLICATIONS" over "(to be added)")."""
    empty: set[int] = set()
    current: int | None = None
    for line in resume.lines:
        text = line.text.strip()
        if text and line.heading:
            if current is not None:
                empty.add(current)
            current = line.number
        elif current is not None and text and not _PLACEHOLDER.search(text):
            current = None
    if current is not None:
        empty.add(current)
    return frozenset(empty)


def is_contact_line(text: str, shapes: EvidenceShapes) -> bool:
    """A line of links, addresses, phone numbers and link labels ("GitHub | LinkedIn",
    "jane@x.org · github.com/jane"): at least half of its items are such. Only its contact
    items are ignored: "Jane Doe | Python developer | jane@x.org" still names Python."""
    items = [i for i in _ITEM_SPLIT.split(text.strip(" -*#>")) if i.strip()]
    if not items or len(items) > 8:
        return False
    contact = sum(1 for item in items if _contact_item(item, shapes))
    return 2 * contact >= len(items) and (contact > 1 or len(items) == contact == 1)


def _items(text: str, separators: re.Pattern[str] = _ITEM_SPLIT) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the items of a line split at ``separators`` (list
    separators by default)."""
    out, pos = [], 0
    for match in separators.finditer(text):
        out.append((pos, match.start()))
        pos = match.end()
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if b > a]


def _contact_item(item: str, shapes: EvidenceShapes) -> bool:
    item = item.strip()
    if _EMAIL.fullmatch(item) or _URL.fullmatch(item) or _PHONE.fullmatch(item):
        return True
    label = guard_key(item.split(":", 1)[0])
    return bool(label) and label in shapes.link_labels


def is_organisation(line: ResumeLine, lo: int, hi: int, shapes: EvidenceShapes) -> bool:
    """Whether ``line.text[lo:hi]`` lies in an organisation's name: a name ending in a company
    suffix ("Docker Inc.", "Lindhof Systems GmbH"), or on an entry line a capitalised name
    of several words that is one item of the line and neither a job title, a lab or team,
    nor a degree ("Acme Robotics, Berlin", "TensorFlow Academy Online")."""
    if line.section in ("skills", "coursework", "certifications", "languages"):
        return False
    text = line.text
    segments, suffixed, entry = _line_facts(text, line.section, shapes)
    if not suffixed and not entry:
        return False
    for segment in segments:
        s_lo, s_hi = segment
        if not (s_lo <= lo and hi <= s_hi):
            continue
        words = [(m.start() + s_lo, m.end() + s_lo) for m in _WORD.finditer(text[s_lo:s_hi])]
        keys = [guard_key(text[a:b]).strip('*_"„“”:') for a, b in words]
        if not keys or ":" in text[s_lo:s_hi]:  # "Libs: OpenCV/NumPy" is a label, no name
            return False
        if keys[-1] in shapes.company_suffixes and len(keys) > 1:
            return True
        if entry == "dated":
            return _is_name(text, words, keys, lo, hi, shapes)
        return (
            entry == "name-city"
            and segment == segments[0]
            and _is_name(text, words, keys, lo, hi, shapes, whole=True)
        )
    return False


@functools.lru_cache(maxsize=4096)
def _line_facts(
    text: str, section: str, shapes: EvidenceShapes
) -> tuple[list[tuple[int, int]], bool, str]:
    """A line's items, whether a company suffix is among its words, and what kind of entry
    line it is: ``dated`` (a year in experience/education), ``name-city`` or ``""``."""
    words = {guard_key(w).strip(",;:|()") for w in text.split()}
    suffixed = not words.isdisjoint(shapes.company_suffixes)
    entry = ""
    if section in ENTRY_SECTIONS and words.isdisjoint(shapes.degree_words):
        entry = "dated" if _YEAR.search(text) else ("name-city" if _name_city(text) else "")
    return _segments(text), suffixed, entry


def _name_city(text: str) -> bool:
    """The "Name, City" line that opens an entry ("Coursera, Mountain View"): two or three
    short capitalised items and nothing else."""
    items = [i.strip() for i in text.strip(" -*#>").split(",")]
    if not 2 <= len(items) <= 3 or ":" in text:
        return False
    return all(
        item
        and len(item.split()) <= 4
        and all(w[:1].isupper() or w.lower() in _CONNECTORS for w in item.split())
        for item in items
    )


def _is_name(
    text: str,
    words: list[tuple[int, int]],
    keys: list[str],
    lo: int,
    hi: int,
    shapes: EvidenceShapes,
    *,
    whole: bool = False,
) -> bool:
    """Whether the item ``words`` is a capitalised name that the mention is only part of
    (or all of, when ``whole``), and no job title, lab or degree."""
    outside = [k for (a, b), k in zip(words, keys, strict=True) if b <= lo or a >= hi]
    if not whole and (len(keys) < 2 or not outside):
        return False
    if keys[-1] in shapes.role_words or keys[-1] in shapes.unit_words:
        return False
    if any(k in shapes.degree_words or k in shapes.role_words for k in keys):
        return False
    for (a, b), key in zip(words, keys, strict=True):
        word = text[a:b].strip('*_"„“”')
        if key in _CONNECTORS or not any(ch.isalpha() for ch in word):
            continue
        if not word[:1].isupper():
            return False
    return True


def _segments(text: str) -> list[tuple[int, int]]:
    """The items of an entry line, as ``(start, end)`` offsets ("Role — Org, City | 2024")."""
    return _items(text, _SEGMENT_SPLIT)
