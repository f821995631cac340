"""A saved job page: its schema.org ``JobPosting`` (JSON-LD) when it has one, else its
visible text (scripts, styles and page chrome dropped), with the standard library parser.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

# JSON-LD fields of a JobPosting, in reading order, with the heading cvgap gives each.
JSONLD_SECTIONS = (
    ("responsibilities", "Responsibilities"),
    ("qualifications", "Qualifications"),
    ("skills", "Skills"),
    ("educationRequirements", "Education"),
    ("experienceRequirements", "Experience"),
)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "footer"})
_BLOCKS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
        "th", "section", "article", "header", "table", "dt", "dd", "blockquote", "pre", "hr",
    }
)  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.jsonld: list[str] = []
        self._in_jsonld = False
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and any(
            k == "type" and (v or "").strip().lower() == "application/ld+json" for k, v in attrs
        ):
            self._in_jsonld = True
        if tag == "title":
            self._in_title = True
        if tag in _SKIPPED:
            self.skip += 1
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _HEADINGS:
            self.parts.append("\n\n## ")
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_jsonld = False
        if tag == "title":
            self._in_title = False
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld.append(data)
        elif self._in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The visible text of an HTML fragment or page, one block per line."""
    parser = _parse(markup)
    return _clean("".join(parser.parts))


def _parse(markup: str) -> _TextParser:
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return parser


def _clean(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line in ("-", "##"):
            continue
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def page_text(markup: str) -> tuple[str, bool]:
    """The posting text of a saved page and whether it came from JSON-LD."""
    parser = _parse(markup)
    for block in parser.jsonld:
        posting = _find_job_posting(_loads(block))
        if posting is not None:
            text = jsonld_text(posting)
            if text.strip():
                return text, True
    body = _clean("".join(parser.parts))
    title = _SPACES.sub(" ", parser.title).strip()
    if title and body and not body.startswith(title):
        body = f"{title}\n{body}"
    return body, False


def _loads(block: str) -> Any:
    try:
        return json.loads(block)
    except (ValueError, RecursionError):
        return None


def _find_job_posting(data: Any, depth: int = 0) -> dict[str, Any] | None:
    if depth > 6:
        return None
    if isinstance(data, list):
        for item in data:
            found = _find_job_posting(item, depth + 1)
            if found is not None:
                return found
    elif isinstance(data, dict):
        kind = data.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if "JobPosting" in kinds:
            return data
        for key in ("@graph", "mainEntity", "itemListElement"):
            found = _find_job_posting(data.get(key), depth + 1)
            if found is not None:
                return found
    return None


def jsonld_text(posting: dict[str, Any]) -> str:
    """The posting as text: its title, its description, then each requirement field under
    a heading that says what it is."""
    parts = [_plain(posting.get("title"))]
    description = posting.get("description")
    if isinstance(description, str):
        parts.append(html_text(description) if "<" in description else description)
    for key, heading in JSONLD_SECTIONS:
        value = _plain(posting.get(key))
        if key == "skills":
            value = _new_items(value, "\n".join(parts))
        if value:
            parts.append(f"{heading}:\n{value}")
    return "\n\n".join(p for p in parts if p)


def _new_items(skills: str, text: str) -> str:
    """The items of a ``skills`` summary that the rest of the posting does not name: the
    field repeats required and preferred skills alike, so only what it adds is kept."""
    lowered = text.lower()
    items = [i.strip(" -") for i in re.split(r"[,;\n]", skills)]
    return ", ".join(i for i in items if i and i.lower() not in lowered)


def _plain(value: Any, depth: int = 0) -> str:
    """Text of a JSON-LD value: a string (HTML allowed), a list, or an object such as
    ``EducationalOccupationalCredential`` or ``OccupationalExperienceRequirements``."""
    if depth > 4 or value is None:
        return ""
    if isinstance(value, str):
        return html_text(value) if "<" in value else value.strip()
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "\n".join(f"- {t}" for t in (_plain(v, depth + 1) for v in value) if t)
    if isinstance(value, dict):
        months = value.get("monthsOfExperience")
        bits = [
            _plain(value.get(k), depth + 1)
            for k in ("name", "description", "credentialCategory", "educationalLevel")
        ]
        if isinstance(months, (int, float)) and months > 0:
            bits.append(f"{months / 12:g} years of experience")
        return " ".join(b for b in bits if b)
    return ""
