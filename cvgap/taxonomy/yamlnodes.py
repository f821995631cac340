"""Line-aware YAML reading: compose a node tree and turn it into plain values that remember
where they were written, collecting every problem instead of stopping at the first.

``yaml.safe_load`` loses positions and silently accepts duplicate keys; walking the composed
node tree keeps both. Anchors and aliases are refused (a "billion laughs" file would otherwise
expand exponentially), and only the safe scalar tags are understood, so no tag can run code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
import yaml.composer
import yaml.constructor
import yaml.cyaml
import yaml.resolver

from cvgap.types import Level, Problem, SourceRef

MAX_YAML_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Located:
    """A YAML value with the position of its node."""

    value: Any  # str | int | float | bool | None | dict[str, Located] | list[Located]
    line: int
    column: int
    key_line: int = 0
    key_column: int = 0

    def ref(self, path: str) -> SourceRef:
        return SourceRef(path=path, line=self.line, column=self.column)

    def items(self) -> Iterator[tuple[str, Located]]:
        if isinstance(self.value, dict):
            yield from self.value.items()

    def get(self, key: str) -> Located | None:
        return self.value.get(key) if isinstance(self.value, dict) else None

    def plain(self) -> Any:
        """The value without positions."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


class ProblemSink:
    """Collects problems for one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(self, line: int, column: int, rule: str, message: str, level: Level = "error") -> None:
        self.problems.append(
            Problem(
                path=self.path, line=line, column=column, level=level, rule=rule, message=message
            )
        )

    def at(self, node: Located, rule: str, message: str, level: Level = "error") -> None:
        self.add(node.line, node.column, rule, message, level)


_SCALARS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_COLLECTIONS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def read_yaml(path: Path, sink: ProblemSink) -> Located | None:
    """Read one YAML file into :class:`Located` values; problems go to ``sink``."""
    try:
        if not path.is_file():  # a device or pipe could be endless
            sink.add(1, 1, "unreadable", "not a regular file")
            return None
        size = path.stat().st_size
        if size > MAX_YAML_BYTES:
            sink.add(
                1,
                1,
                "file-too-large",
                f"file is {size:,} bytes; the limit is {MAX_YAML_BYTES:,} bytes",
            )
            return None
        raw = path.read_bytes()
    except OSError as exc:
        sink.add(1, 1, "unreadable", f"cannot read file: {exc.strerror or exc}")
        return None
    key = (raw, path.suffix)
    if key in _CACHE:  # the same bytes parse to the same values and problems
        root, found = _CACHE[key]
    else:
        collected = ProblemSink(sink.path)
        root = _decode_and_parse(raw, collected)
        found = tuple((p.line, p.column, p.rule, p.message, p.level) for p in collected.problems)
        if len(raw) <= _CACHE_MAX_BYTES:
            if len(_CACHE) >= _CACHE_SIZE:
                _CACHE.pop(next(iter(_CACHE)))
            _CACHE[key] = (root, found)
    for line, column, rule, message, level in found:
        sink.add(line, column, rule, message, level)
    return root


_CACHE: dict[tuple[bytes, str], tuple[Located | None, tuple[tuple[Any, ...], ...]]] = {}
_CACHE_SIZE = 64
_CACHE_MAX_BYTES = 256 * 1024


def _decode_and_parse(raw: bytes, sink: ProblemSink) -> Located | None:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        sink.add(line, 1, "encoding", f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})")
        return None
    return parse_yaml(text, sink)


class _PyLoader(yaml.SafeLoader):
    """A composer that never shares nodes: every alias becomes a null node, and its
    position is remembered so it can be reported."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_marks: list[yaml.Mark] = []

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()  # type: ignore[no-untyped-call]
            self.alias_marks.append(event.start_mark)
            return yaml.ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
        return yaml.composer.Composer.compose_node(self, parent, index)  # type: ignore[arg-type]


_Loader: Any = _PyLoader
_CParser: Any = getattr(yaml.cyaml, "CParser", None) if yaml.__with_libyaml__ else None
if _CParser is not None:
    # libyaml scans and parses (~5x faster than pure Python); our composer builds the nodes
    class _CLoader(
        _CParser,  # type: ignore[misc]
        yaml.composer.Composer,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self.alias_marks: list[yaml.Mark] = []

        get_single_node = yaml.composer.Composer.get_single_node
        compose_node = _PyLoader.compose_node

    _Loader = _CLoader


def _compose(loader_class: Any, text: str) -> tuple[yaml.Node | None, list[yaml.Mark]]:
    loader = loader_class(text)
    try:
        return loader.get_single_node(), loader.alias_marks
    finally:
        loader.dispose()


def parse_yaml(text: str, sink: ProblemSink) -> Located | None:
    """Parse YAML text into :class:`Located` values; problems go to ``sink``."""
    try:
        try:
            root, alias_marks = _compose(_Loader, text)
        except (yaml.YAMLError, RecursionError):
            # libyaml's messages are terse: say what went wrong in pure Python's words
            root, alias_marks = _compose(_PyLoader, text)
        for mark in alias_marks:
            sink.add(
                mark.line + 1,
                mark.column + 1,
                "yaml-alias",
                "aliases (*name) are not allowed: repeat the value instead (aliases let "
                "a small file expand into a huge one)",
            )
        if root is None:
            return None
        return _convert(root, sink, set())
    except RecursionError:
        sink.add(1, 1, "yaml-syntax", "nesting too deep: the YAML parser gave up")
        return None
    except yaml.MarkedYAMLError as exc:
        at = exc.problem_mark or exc.context_mark
        line, col = (at.line + 1, at.column + 1) if at else (1, 1)
        sink.add(line, col, "yaml-syntax", f"syntax error: {exc.problem or exc}")
        return None
    except yaml.YAMLError as exc:
        sink.add(1, 1, "yaml-syntax", f"syntax error: {exc}")
        return None


def _convert(node: yaml.Node, sink: ProblemSink, seen: set[int]) -> Located:
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if id(node) in seen:
        sink.add(line, col, "yaml-alias", "anchors and aliases (*name) are not allowed")
        return Located(None, line, col)
    seen.add(id(node))
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTIONS:
        sink.add(
            line,
            col,
            "yaml-tag",
            f"unsupported tag {node.tag!r}: only plain mappings, "
            "lists, strings, numbers, booleans and null are allowed",
        )
        return Located(None, line, col)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Located] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                sink.add(
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    "schema",
                    "mapping keys must be plain strings",
                )
                continue
            key = str(key_node.value)
            k_line, k_col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key == "<<":
                sink.add(k_line, k_col, "yaml-alias", "merge keys (<<) are not allowed")
                continue
            if key in mapping:
                first = mapping[key]
                sink.add(
                    k_line,
                    k_col,
                    "duplicate-key",
                    f'duplicate key "{key}" (first at line {first.key_line})',
                )
                continue
            value = _convert(value_node, sink, seen)
            mapping[key] = Located(value.value, value.line, value.column, k_line, k_col)
        return Located(mapping, line, col)
    if isinstance(node, yaml.SequenceNode):
        return Located([_convert(item, sink, seen) for item in node.value], line, col)
    assert isinstance(node, yaml.ScalarNode)
    if node.tag not in _SCALARS:
        sink.add(
            line,
            col,
            "yaml-tag",
            f"unsupported tag {node.tag!r}: only strings, numbers, "
            "booleans and null are allowed (quote the value to make it a string)",
        )
        return Located(None, line, col)
    try:
        value = _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)
    except (yaml.YAMLError, ValueError) as exc:  # e.g. "!!int abc"
        sink.add(line, col, "schema", f"invalid {node.tag.rsplit(':', 1)[-1]} value: {exc}")
        return Located(None, line, col)
    return Located(value, line, col)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
