"""Read the parts of taxonomy YAML files (skills, named lists, a role or a ``taxonomy.yaml``
manifest) into frozen dataclasses, collecting every schema problem with its ``file:line:col``.
:mod:`cvgap.taxonomy.files` picks the reader for each file; cue files are read by
:mod:`cvgap.taxonomy.cuefiles`.

:mod:`cvgap.taxonomy` layers the files read here into a :class:`~cvgap.types.Taxonomy`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cvgap.extract.words import guard_key, list_name
from cvgap.taxonomy.fields import (
    ID_RE,
    check_keys,
    node_kind,
    read_examples,
    read_id,
    read_list,
    read_patterns,
    read_str,
    read_str_list,
)
from cvgap.taxonomy.yamlnodes import Located, ProblemSink
from cvgap.types import (
    Alias,
    Category,
    Cue,
    Problem,
    Requirement,
    Role,
    Skill,
    SourceRef,
)

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
    check_keys(root, sink, MANIFEST_KEYS, set())
    mode = root.get("builtin")
    if mode is not None and mode.value not in BUILTIN_MODES:
        sink.at(mode, "schema", f'builtin: expected "extend" or "replace", got {mode.plain()!r}')


def read_lists(node: Located | None, sink: ProblemSink, out: Collected) -> None:
    """``lists:``: named word lists (``name: [word, ...]``) that guards use as ``"@name"``."""
    if node is None:
        return
    if not isinstance(node.value, dict):
        sink.at(
            node,
            "schema",
            f"lists: expected a mapping of list names to words, got {node_kind(node)}",
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
        items = tuple(guard_key(w.value) for w in read_str_list(words, sink, f"lists.{name}"))
        out.lists[name] = (
            items,
            SourceRef(path=sink.path, line=words.key_line, column=words.key_column),
        )


def read_skills(root: Located, sink: ProblemSink, out: Collected) -> None:
    check_keys(root, sink, SKILL_FILE_KEYS, {"category", "skills"})
    read_lists(root.get("lists"), sink, out)
    category_id = None
    cat = root.get("category")
    if cat is not None and check_keys(cat, sink, {"id", "name"}, {"id", "name"}):
        category_id = read_id(cat.get("id"), sink, "category id")
        name = read_str(cat.get("name"), sink, "category name")
        if category_id and name:
            out.categories[category_id] = Category(
                id=category_id, name=name, source=cat.ref(sink.path)
            )
    skills = root.get("skills")
    if skills is None:
        return
    if not isinstance(skills.value, list):
        sink.at(skills, "schema", f"skills: expected a list, got {node_kind(skills)}")
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
    if not check_keys(node, sink, SKILL_KEYS, {"id", "name"}):
        return None
    skill_id = read_id(node.get("id"), sink, "skill id")
    name = read_str(node.get("name"), sink, "name")
    aliases = tuple(
        a
        for a in (
            _alias(n, sink, list_refs) for n in read_list(node.get("aliases"), sink, "aliases")
        )
        if a
    )
    implies = tuple(
        v
        for v in (
            read_id(n, sink, "implies") for n in read_str_list(node.get("implies"), sink, "implies")
        )
        if v
    )
    suggestion = read_str(node.get("suggestion"), sink, "suggestion") or ""
    match, no_match = read_examples(node.get("examples"), sink)
    patterns = read_patterns(node.get("patterns"), sink)
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


def _alias(
    node: Located, sink: ProblemSink, list_refs: list[tuple[str, SourceRef]]
) -> Alias | None:
    ref = node.ref(sink.path)
    if isinstance(node.value, str):
        text = read_str(node, sink, "alias")
        return Alias(text=text, source=ref) if text else None
    if not isinstance(node.value, dict):
        read_str(node, sink, "alias")  # reports what was found, with a hint for yes/no
        return None
    if not check_keys(node, sink, ALIAS_KEYS, {"alias"}):
        return None
    text = read_str(node.get("alias"), sink, "alias")
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
            case_node,
            "schema",
            f"case_sensitive: expected true or false, got {node_kind(case_node)}",
        )
    flags = {}
    for key in ("list_item", "fuzzy"):
        flag = node.get(key)
        if flag is not None and not isinstance(flag.value, bool):
            sink.at(flag, "schema", f"{key}: expected true or false, got {node_kind(flag)}")
        flags[key] = flag is not None and flag.value is True

    def words(key: str) -> tuple[str, ...]:
        found = []
        for n in read_str_list(node.get(key), sink, key):
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


def read_role(root: Located, sink: ProblemSink, out: Collected) -> None:
    check_keys(root, sink, ROLE_KEYS, {"id", "title", "requirements"})
    role_id = read_id(root.get("id"), sink, "role id")
    title = read_str(root.get("title"), sink, "title")
    description = read_str(root.get("description"), sink, "description") or ""
    extends = read_id(root.get("extends"), sink, "extends")
    requirements = []
    for node in read_list(root.get("requirements"), sink, "requirements"):
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
    if not check_keys(node, sink, REQUIREMENT_KEYS, {"weight"}):
        return None
    skill, group = node.get("skill"), node.get("any_of")
    if (skill is None) == (group is None):
        sink.at(node, "schema", 'a requirement needs exactly one of "skill" or "any_of"')
        return None
    ids: list[str] = []
    if skill is not None:
        ids = [v for v in [read_id(skill, sink, "skill")] if v]
    elif group is not None:
        ids = [
            v
            for v in (read_id(n, sink, "any_of") for n in read_str_list(group, sink, "any_of"))
            if v
        ]
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
        sink.at(required, "schema", f"required: expected true or false, got {node_kind(required)}")
    suggestion = read_str(node.get("suggestion"), sink, "suggestion") or ""
    if not ids:
        return None
    return Requirement(
        skills=tuple(ids),
        weight=float(weight),
        required=bool(required.value) if required is not None else True,
        suggestion=suggestion,
        source=node.ref(sink.path),
    )
