"""Read typed values out of located YAML nodes (strings, kebab-case ids, lists, examples,
token patterns), reporting each wrong value as a ``schema`` or ``id-format`` problem at its
``file:line:col``. Shared by every taxonomy file reader (skills, roles, cues)."""

from __future__ import annotations

import re

from cvgap.taxonomy.yamlnodes import Located, ProblemSink
from cvgap.types import Example

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def node_kind(node: Located) -> str:
    v = node.value
    if v is None:
        return "null"
    return {dict: "mapping", list: "list", str: "string", bool: "boolean"}.get(
        type(v), type(v).__name__
    )


def check_keys(node: Located, sink: ProblemSink, allowed: set[str], required: set[str]) -> bool:
    if not isinstance(node.value, dict):
        sink.at(node, "schema", f"expected a mapping, got {node_kind(node)}")
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


def read_str(node: Located | None, sink: ProblemSink, what: str) -> str | None:
    if node is None:
        return None
    if not isinstance(node.value, str) or not node.value.strip():
        hint = ""
        if isinstance(node.value, bool) or node.value is None:
            hint = " (quote words such as yes, no, on, off, null to make them strings)"
        sink.at(node, "schema", f"{what}: expected a non-empty string, got {node_kind(node)}{hint}")
        return None
    return node.value.strip()


def read_str_list(node: Located | None, sink: ProblemSink, what: str) -> list[Located]:
    if node is None:
        return []
    if not isinstance(node.value, list):
        sink.at(node, "schema", f"{what}: expected a list of strings, got {node_kind(node)}")
        return []
    return [item for item in node.value if read_str(item, sink, what) is not None]


def read_id(node: Located | None, sink: ProblemSink, what: str) -> str | None:
    value = read_str(node, sink, what)
    if value is not None and node is not None and not ID_RE.match(value):
        sink.at(
            node,
            "id-format",
            f'{what} "{value}" must be lower-case kebab-case (letters, digits and single hyphens)',
        )
        return None
    return value


def read_list(node: Located | None, sink: ProblemSink, what: str) -> list[Located]:
    if node is None:
        return []
    if not isinstance(node.value, list):
        sink.at(node, "schema", f"{what}: expected a list, got {node_kind(node)}")
        return []
    return list(node.value)


def read_examples(node: Located | None, sink: ProblemSink) -> tuple[tuple[Example, ...], ...]:
    if node is None or not check_keys(node, sink, {"match", "no_match"}, set()):
        return (), ()
    return tuple(
        tuple(
            Example(text=n.value, source=n.ref(sink.path))
            for n in read_str_list(node.get(key), sink, f"examples.{key}")
        )
        for key in ("match", "no_match")
    )


def read_patterns(
    node: Located | None, sink: ProblemSink
) -> tuple[tuple[dict[str, object], ...], ...]:
    result = []
    for pattern in read_list(node, sink, "patterns"):
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
