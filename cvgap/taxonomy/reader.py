"""Read the parts of taxonomy YAML files (skills, named lists, a role or a ``taxonomy.yaml``
manifest) into frozen dataclasses, collecting every schema problem with its ``file:line:col``.
:mod:`cvgap.taxonomy.files` picks the reader for each file; cue files are read by
:mod:`cvgap.taxonomy.cuefiles`.

:mod:`cvgap.taxonomy` layers the files read here into a :class:`~cvgap.types.Taxonomy`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cvgap.extract.words import guard_key, list_name
from cvgap.taxonomy.yamlnodes import Located, ProblemSink
from cvgap.types import (
    Alias,
    Category,
    Cue,
    Example,
    Problem,
    Requirement,
    Role,
    Skill,
    SourceRef,
)

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_WEIGHT = 10.0

SKILL_FILE_KEYS = {"version", "category", "skills", "lists"}
LIST_FILE_KEYS = {"version", "lists"}
GUARD_KEYS = ("near", "not_near", "not_preceded_by", "not_followed_by")
SKILL_KEYS = {"id", "name", "aliases", "patterns", "implies", "suggestion", "examples"}
ALIAS_KEYS = {
    "alias",
    "case_sensitive",
    "near",
    "near_categories",
    "not_near",
    "window",
    "list_item",
    "not_preceded_by",
    "not_followed_by",
    "fuzzy",
}
ROLE_KEYS = {"version", "id", "title", "description", "extends", "requirements"}
REQUIREMENT_KEYS = {"skill", "any_of", "weight", "required", "suggestion"}
MANIFEST_NAMES = ("taxonomy.yaml", "taxonomy.yml")
MANIFEST_KEYS = {"version", "builtin"}
BUILTIN_MODES = ("extend", "replace")


@dataclass
class Collected:
    """What the files of one layer defined, and the problems found in them."""

    skills: dict[str, Skill] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    orphans: list[Requirement] = field(default_factory=list)  # of roles that did not load
    cues: list[Cue] = field(default_factory=list)
    lists: dict[str, tuple[tuple[str, ...], SourceRef]] = field(default_factory=dict)
    list_refs: list[tuple[str, SourceRef]] = field(default_factory=list)  # "@name" in guards


def problem_at(ref: SourceRef, rule: str, message: str) -> Problem:
    """An error at where ``ref`` points."""
    return problem(ref.path, ref.line, ref.column, rule, message)


def problem(path: str, line: int, col: int, rule: str, message: str) -> Problem:
    return Problem(path=path, line=line, column=col, level="error", rule=rule, message=message)


def read_manifest(root: Located, sink: ProblemSink) -> None:
    _keys(root, sink, MANIFEST_KEYS, set())
    mode = root.get("builtin")
    if mode is not None and mode.value not in BUILTIN_MODES:
        sink.at(mode, "schema", f'builtin: expected "extend" or "replace", got {mode.plain()!r}')


def _kind(node: Located) -> str:
    v = node.value
    if v is None:
        return "null"
    return {dict: "mapping", list: "list", str: "string", bool: "boolean"}.get(
        type(v), type(v).__name__
    )


def _keys(node: Located, sink: ProblemSink, allowed: set[str], required: set[str]) -> bool:
    if not isinstance(node.value, dict):
        sink.at(node, "schema", f"expected a mapping, got {_kind(node)}")
        return False
    for key, value in node.items():
        if key not in allowed:
            sink.add(
                value.key_line,
                value.key_column,
                "schema",
                f'unknown key "{key}" (expected one of: {", ".join(sorted(allowed))})',
            )
    for key in sorted(required - set(node.value)):
        sink.at(node, "schema", f'missing required key "{key}"')
    return True


def _str(node: Located | None, sink: ProblemSink, what: str) -> str | None:
    if node is None:
        return None
    if not isinstance(node.value, str) or not node.value.strip():
        hint = ""
        if isinstance(node.value, bool) or node.value is None:
            hint = " (quote words such as yes, no, on, off, null to make them strings)"
        sink.at(node, "schema", f"{what}: expected a non-empty string, got {_kind(node)}{hint}")
        return None
    return node.value.strip()


def _str_list(node: Located | None, sink: ProblemSink, what: str) -> list[Located]:
    if node is None:
        return []
    if not isinstance(node.value, list):
        sink.at(node, "schema", f"{what}: expected a list of strings, got {_kind(node)}")
        return []
    return [item for item in node.value if _str(item, sink, what) is not None]


def _id(node: Located | None, sink: ProblemSink, what: str) -> str | None:
    value = _str(node, sink, what)
    if value is not None and node is not None and not ID_RE.match(value):
        sink.at(
            node,
            "id-format",
            f'{what} "{value}" must be lower-case kebab-case (letters, digits and single hyphens)',
        )
        return None
    return value


def read_lists(node: Located | None, sink: ProblemSink, out: Collected) -> None:
    """``lists:``: named word lists (``name: [word, ...]``) that guards use as ``"@name"``."""
    if node is None:
        return
    if not isinstance(node.value, dict):
        sink.at(
            node, "schema", f"lists: expected a mapping of list names to words, got {_kind(node)}"
        )
        return
    for name, words in node.items():
        if not ID_RE.match(name):
            sink.add(
                words.key_line,
                words.key_column,
                "id-format",
                f'list name "{name}" must be lower-case kebab-case',
            )
            continue
        if name in out.lists:
            first = out.lists[name][1]
            sink.add(
                words.key_line,
                words.key_column,
                "duplicate-id",
                f'duplicate list "{name}" (first defined at {first})',
            )
            continue
        items = tuple(guard_key(w.value) for w in _str_list(words, sink, f"lists.{name}"))
        out.lists[name] = (
            items,
            SourceRef(path=sink.path, line=words.key_line, column=words.key_column),
        )


def read_skills(root: Located, sink: ProblemSink, out: Collected) -> None:
    _keys(root, sink, SKILL_FILE_KEYS, {"category", "skills"})
    read_lists(root.get("lists"), sink, out)
    category_id = None
    cat = root.get("category")
    if cat is not None and _keys(cat, sink, {"id", "name"}, {"id", "name"}):
        category_id = _id(cat.get("id"), sink, "category id")
        name = _str(cat.get("name"), sink, "category name")
        if category_id and name:
            out.categories[category_id] = Category(
                id=category_id, name=name, source=cat.ref(sink.path)
            )
    skills = root.get("skills")
    if skills is None:
        return
    if not isinstance(skills.value, list):
        sink.at(skills, "schema", f"skills: expected a list, got {_kind(skills)}")
        return
    for node in skills.value:
        skill = _read_skill(node, sink, category_id or "", out.list_refs)
        if skill is None:
            continue
        if skill.id in out.skills:
            first = out.skills[skill.id].source
            sink.at(
                node.get("id") or node,
                "duplicate-id",
                f'duplicate skill id "{skill.id}" (first defined at {first})',
            )
            continue
        out.skills[skill.id] = skill


def _read_skill(
    node: Located, sink: ProblemSink, category: str, list_refs: list[tuple[str, SourceRef]]
) -> Skill | None:
    if not _keys(node, sink, SKILL_KEYS, {"id", "name"}):
        return None
    skill_id = _id(node.get("id"), sink, "skill id")
    name = _str(node.get("name"), sink, "name")
    aliases = tuple(
        a
        for a in (_alias(n, sink, list_refs) for n in _list(node.get("aliases"), sink, "aliases"))
        if a
    )
    implies = tuple(
        v
        for v in (_id(n, sink, "implies") for n in _str_list(node.get("implies"), sink, "implies"))
        if v
    )
    suggestion = _str(node.get("suggestion"), sink, "suggestion") or ""
    match, no_match = _examples(node.get("examples"), sink)
    patterns = _patterns(node.get("patterns"), sink)
    if not skill_id or not name:
        return None
    return Skill(
        id=skill_id,
        name=name,
        category=category,
        aliases=aliases,
        patterns=patterns,
        implies=implies,
        suggestion=suggestion,
        examples_match=match,
        examples_no_match=no_match,
        source=node.ref(sink.path),
    )


def _list(node: Located | None, sink: ProblemSink, what: str) -> list[Located]:
    if node is None:
        return []
    if not isinstance(node.value, list):
        sink.at(node, "schema", f"{what}: expected a list, got {_kind(node)}")
        return []
    return list(node.value)


def _alias(
    node: Located, sink: ProblemSink, list_refs: list[tuple[str, SourceRef]]
) -> Alias | None:
    ref = node.ref(sink.path)
    if isinstance(node.value, str):
        text = _str(node, sink, "alias")
        return Alias(text=text, source=ref) if text else None
    if not isinstance(node.value, dict):
        _str(node, sink, "alias")  # reports what was found, with a hint for yes/no
        return None
    if not _keys(node, sink, ALIAS_KEYS, {"alias"}):
        return None
    text = _str(node.get("alias"), sink, "alias")
    window_node = node.get("window")
    window = 6
    if window_node is not None:
        if (
            isinstance(window_node.value, int)
            and not isinstance(window_node.value, bool)
            and 1 <= window_node.value <= 50
        ):
            window = window_node.value
        else:
            sink.at(window_node, "schema", "window: expected a whole number from 1 to 50")
    case_node = node.get("case_sensitive")
    if case_node is not None and not isinstance(case_node.value, bool):
        sink.at(
            case_node, "schema", f"case_sensitive: expected true or false, got {_kind(case_node)}"
        )
    flags = {}
    for key in ("list_item", "fuzzy"):
        flag = node.get(key)
        if flag is not None and not isinstance(flag.value, bool):
            sink.at(flag, "schema", f"{key}: expected true or false, got {_kind(flag)}")
        flags[key] = flag is not None and flag.value is True

    def words(key: str) -> tuple[str, ...]:
        found = []
        for n in _str_list(node.get(key), sink, key):
            name = list_name(n.value.strip())
            if name is not None:
                list_refs.append((name, n.ref(sink.path)))
                found.append(n.value.strip())
            else:
                found.append(guard_key(n.value))
        return tuple(found)

    if not text:
        return None
    return Alias(
        text=text,
        case_sensitive=bool(case_node.value) if case_node is not None else False,
        near=words("near"),
        near_categories=words("near_categories"),
        not_near=words("not_near"),
        window=window,
        source=ref,
        list_item=flags["list_item"],
        fuzzy=flags["fuzzy"],
        not_preceded_by=words("not_preceded_by"),
        not_followed_by=words("not_followed_by"),
    )


def _examples(node: Located | None, sink: ProblemSink) -> tuple[tuple[Example, ...], ...]:
    if node is None or not _keys(node, sink, {"match", "no_match"}, set()):
        return (), ()
    return tuple(
        tuple(
            Example(text=n.value, source=n.ref(sink.path))
            for n in _str_list(node.get(key), sink, f"examples.{key}")
        )
        for key in ("match", "no_match")
    )


def _patterns(node: Located | None, sink: ProblemSink) -> tuple[tuple[dict[str, object], ...], ...]:
    result = []
    for pattern in _list(node, sink, "patterns"):
        if not isinstance(pattern.value, list) or not all(
            isinstance(tok.value, dict) for tok in pattern.value
        ):
            sink.at(
                pattern,
                "schema",
                "a pattern must be a list of token mappings, "
                'e.g. [{LOWER: "py"}, {LOWER: "torch"}]',
            )
            continue
        result.append(tuple(tok.plain() for tok in pattern.value))
    return tuple(result)


def read_role(root: Located, sink: ProblemSink, out: Collected) -> None:
    _keys(root, sink, ROLE_KEYS, {"id", "title", "requirements"})
    role_id = _id(root.get("id"), sink, "role id")
    title = _str(root.get("title"), sink, "title")
    description = _str(root.get("description"), sink, "description") or ""
    extends = _id(root.get("extends"), sink, "extends")
    requirements = []
    for node in _list(root.get("requirements"), sink, "requirements"):
        req = _read_requirement(node, sink)
        if req is not None:
            requirements.append(req)
    if not role_id or not title:
        out.orphans.extend(requirements)  # still checked for unknown skills
        return
    if role_id in out.roles:
        first = out.roles[role_id].source
        sink.at(
            root.get("id") or root,
            "duplicate-id",
            f'duplicate role id "{role_id}" (first defined at {first})',
        )
        return
    out.roles[role_id] = Role(
        id=role_id,
        title=title,
        description=description,
        extends=extends,
        requirements=tuple(requirements),
        source=root.ref(sink.path),
    )


def _read_requirement(node: Located, sink: ProblemSink) -> Requirement | None:
    if not _keys(node, sink, REQUIREMENT_KEYS, {"weight"}):
        return None
    skill, group = node.get("skill"), node.get("any_of")
    if (skill is None) == (group is None):
        sink.at(node, "schema", 'a requirement needs exactly one of "skill" or "any_of"')
        return None
    ids: list[str] = []
    if skill is not None:
        ids = [v for v in [_id(skill, sink, "skill")] if v]
    elif group is not None:
        ids = [v for v in (_id(n, sink, "any_of") for n in _str_list(group, sink, "any_of")) if v]
        if len(ids) < 2:
            sink.at(group, "schema", "any_of: expected a list of at least two skill ids")
    weight_node = node.get("weight")
    weight = weight_node.value if weight_node is not None else None
    if (
        isinstance(weight, bool)
        or not isinstance(weight, (int, float))
        or not (0 < weight <= MAX_WEIGHT)
    ):
        where = weight_node or node
        sink.at(
            where,
            "weight-range",
            f"weight must be a number above 0 and at most {MAX_WEIGHT:g}, got {where.plain()!r}",
        )
        return None
    required = node.get("required")
    if required is not None and not isinstance(required.value, bool):
        sink.at(required, "schema", f"required: expected true or false, got {_kind(required)}")
    suggestion = _str(node.get("suggestion"), sink, "suggestion") or ""
    if not ids:
        return None
    return Requirement(
        skills=tuple(ids),
        weight=float(weight),
        required=bool(required.value) if required is not None else True,
        suggestion=suggestion,
        source=node.ref(sink.path),
    )
