"""Read a context-cue file (``document``, ``language``, ``cues``) into :class:`~cvgap.types.Cue`
records, with every schema problem at its ``file:line:col``. Résumé cues are described in
docs/evidence.md, posting cues in docs/job-postings.md.
"""

from __future__ import annotations

import re

from cvgap.taxonomy.fields import check_keys, read_examples, read_list, read_patterns, read_str
from cvgap.taxonomy.reader import Collected
from cvgap.taxonomy.yamlnodes import Located, ProblemSink
from cvgap.types import Cue

CUE_FILE_KEYS = {"version", "document", "language", "cues"}
CUE_KEYS = {"cue", "pattern", "category", "direction", "max_scope", "examples"}
CUE_DIRECTIONS = ("forward", "backward", "bidirectional", "pseudo", "terminate")
# What a cue may mark, per kind of document. Résumé cues decide whether a mention counts as
# evidence; posting cues decide a requirement's tier or that a line is not a requirement.
CUE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "resume": ("negated", "aspiration", "target-job"),
    "posting": (
        *("required", "preferred", "duty", "not-requirement"),
        # How a posting reads each one: docs/job-postings.md and skills/cues/posting-en.yaml.
        *("weak-required", "weak-preferred", "weak-duty", "task-verb", "any-of", "role-noun"),
        *("heading-required", "heading-preferred", "heading-duty", "heading-other"),
    ),
}
LANGUAGE_RE = re.compile(r"^[a-z]{2}$")


def read_cues(root: Located, sink: ProblemSink, out: Collected) -> None:
    """A cue file: ``document`` (resume or posting), ``language`` and a list of ``cues``."""
    check_keys(root, sink, CUE_FILE_KEYS, {"document", "language", "cues"})
    document = read_str(root.get("document"), sink, "document")
    if document is not None and document not in CUE_CATEGORIES:
        sink.at(
            root.get("document") or root,
            "schema",
            f'document: expected one of {", ".join(CUE_CATEGORIES)}, got "{document}"',
        )
        return
    language = read_str(root.get("language"), sink, "language")
    if language is not None and not LANGUAGE_RE.match(language):
        sink.at(
            root.get("language") or root,
            "schema",
            f'language: expected a two-letter ISO 639-1 code such as "en", got "{language}"',
        )
        return
    if document is None or language is None:
        return
    for node in read_list(root.get("cues"), sink, "cues"):
        cue = _read_cue(node, sink, document, language)
        if cue is not None:
            out.cues.append(cue)


def _read_cue(node: Located, sink: ProblemSink, document: str, language: str) -> Cue | None:
    if not check_keys(node, sink, CUE_KEYS, {"category", "direction"}):
        return None
    literal_node, pattern_node = node.get("cue"), node.get("pattern")
    if (literal_node is None) == (pattern_node is None):
        sink.at(node, "schema", 'a cue needs exactly one of "cue" (a phrase) or "pattern"')
        return None
    literal = read_str(literal_node, sink, "cue") if literal_node is not None else ""
    pattern: tuple[tuple[dict[str, object], ...], ...] = ()
    if pattern_node is not None:
        wrapped = Located(value=[pattern_node], line=pattern_node.line, column=pattern_node.column)
        pattern = read_patterns(wrapped, sink)
    category = read_str(node.get("category"), sink, "category")
    allowed = CUE_CATEGORIES[document]
    if category is not None and category not in allowed:
        sink.at(
            node.get("category") or node,
            "schema",
            f'category: a {document} cue is one of {", ".join(allowed)}, got "{category}"',
        )
        return None
    direction = read_str(node.get("direction"), sink, "direction")
    if direction is not None and direction not in CUE_DIRECTIONS:
        sink.at(
            node.get("direction") or node,
            "schema",
            f'direction: expected one of {", ".join(CUE_DIRECTIONS)}, got "{direction}"',
        )
        return None
    scope_node = node.get("max_scope")
    max_scope = None
    if scope_node is not None:
        value = scope_node.value
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            sink.at(scope_node, "schema", "max_scope: expected a whole number of tokens, 1 or more")
            return None
        max_scope = scope_node.value
    if literal is None or category is None or direction is None:
        return None
    if pattern_node is not None and not pattern:
        return None
    match, no_match = read_examples(node.get("examples"), sink)
    return Cue(
        examples_match=match,
        examples_no_match=no_match,
        literal=literal,
        category=category,
        direction=direction,  # type: ignore[arg-type]  # checked against CUE_DIRECTIONS
        document=document,  # type: ignore[arg-type]  # checked against CUE_CATEGORIES
        language=language,
        max_scope=max_scope,
        pattern=pattern[0] if pattern else (),
        source=node.ref(sink.path),
    )
