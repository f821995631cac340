"""JSON Resume (https://jsonresume.org/schema) -> lines under explicit section headings.

``basics`` becomes the header and summary, ``work``/``volunteer`` experience, ``education``
(with ``courses`` as coursework), ``projects``, ``skills`` (``name: keywords``),
``publications``, ``awards``, ``certificates``, ``languages`` and ``interests``. Each entry
is a title line followed by its summary and one ``- `` line per highlight, the way the same
résumé would be printed.
"""

from __future__ import annotations

import json
from typing import Any

from cvgap.errors import InputError
from cvgap.ingest.model import Line

JSON_RESUME_KEYS = frozenset(
    (
        "basics",
        "work",
        "volunteer",
        "education",
        "awards",
        "certificates",
        "publications",
        "skills",
        "languages",
        "interests",
        "references",
        "projects",
    )
)

# (JSON key, section heading, fields joined into the entry's title line)
_ENTRY_SECTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("work", "Experience", ("position", "name", "company", "location")),
    ("volunteer", "Activities", ("position", "organization")),
    ("projects", "Projects", ("name", "entity", "type")),
    ("publications", "Publications", ("name", "publisher")),
    ("awards", "Awards", ("title", "awarder")),
    ("certificates", "Certifications", ("name", "issuer")),
)


def is_json_resume(doc: object) -> bool:
    return isinstance(doc, dict) and bool(JSON_RESUME_KEYS & set(doc))


def parse_json(text: str, name: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise InputError("JSON is nested too deeply to read", path=name) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", path=name
        ) from None


def json_resume_lines(doc: dict[str, Any], name: str) -> list[Line]:
    """The lines of a JSON Resume document."""
    if not is_json_resume(doc):
        raise InputError(
            'JSON file is not a JSON Resume (expected keys such as "basics", '
            '"work", "education", "skills")',
            path=name,
        )
    out: list[Line] = []
    basics = _dict(doc.get("basics"))
    header = [_str(basics.get(k)) for k in ("name", "label", "email", "phone", "url")]
    out += [Line(text=t) for t in header if t]
    if _str(basics.get("summary")):
        out.append(Line(text="Summary", heading=True))
        out += _paragraphs(basics.get("summary"))
    for key, heading, title_fields in _ENTRY_SECTIONS[:1]:
        out += _entries(doc.get(key), heading, title_fields)
    out += _education(doc.get("education"))
    for key, heading, title_fields in _ENTRY_SECTIONS[1:]:
        out += _entries(doc.get(key), heading, title_fields)
    skills = [
        _labelled(_str(s.get("name")), _strs(s.get("keywords")))
        for s in map(_dict, _list(doc.get("skills")))
    ]
    out += _section("Skills", [Line(text=t) for t in skills if t])
    languages = [
        _labelled(_str(lang.get("language")), [_str(lang.get("fluency"))])
        for lang in map(_dict, _list(doc.get("languages")))
    ]
    out += _section("Languages", [Line(text=t) for t in languages if t])
    interests = [
        _labelled(_str(i.get("name")), _strs(i.get("keywords")))
        for i in map(_dict, _list(doc.get("interests")))
    ]
    out += _section("Interests", [Line(text=t) for t in interests if t])
    return out


def _entries(value: object, heading: str, title_fields: tuple[str, ...]) -> list[Line]:
    lines: list[Line] = []
    for entry in map(_dict, _list(value)):
        title = ", ".join(t for t in (_str(entry.get(f)) for f in title_fields) if t)
        dates = " - ".join(
            t
            for t in (_str(entry.get(f)) for f in ("startDate", "endDate", "date", "releaseDate"))
            if t
        )
        if title or dates:
            lines.append(Line(text=f"{title} ({dates})" if title and dates else title or dates))
        for field in ("summary", "description"):
            lines += _paragraphs(entry.get(field))
        lines += [Line(text=f"- {h}") for h in _strs(entry.get("highlights"))]
        if _strs(entry.get("keywords")):
            lines.append(Line(text="Keywords: " + ", ".join(_strs(entry.get("keywords")))))
    return _section(heading, lines)


def _education(value: object) -> list[Line]:
    lines: list[Line] = []
    courses: list[str] = []
    for entry in map(_dict, _list(value)):
        degree = " ".join(t for t in (_str(entry.get("studyType")), _str(entry.get("area"))) if t)
        parts = [degree, _str(entry.get("institution")), _str(entry.get("endDate"))]
        score = _str(entry.get("score"))
        text = ", ".join(p for p in parts if p) + (f" (GPA {score})" if score else "")
        if text:
            lines.append(Line(text=text))
        courses += _strs(entry.get("courses"))
    if courses:
        lines.append(Line(text="Relevant coursework: " + ", ".join(courses)))
    return _section("Education", lines)


def _section(heading: str, lines: list[Line]) -> list[Line]:
    return [Line(text=heading, heading=True), *lines] if lines else []


def _paragraphs(value: object) -> list[Line]:
    return [Line(text=p.strip()) for p in _str(value).split("\n") if p.strip()]


def _labelled(label: str, items: list[str]) -> str:
    items = [i for i in items if i]
    if label and items:
        return f"{label}: {', '.join(items)}"
    return label or ", ".join(items)


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: object) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    return ""


def _strs(value: object) -> list[str]:
    return [s for s in (_str(v) for v in _list(value)) if s]
