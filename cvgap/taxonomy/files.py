"""Read one taxonomy YAML file, whatever it holds: a ``taxonomy.yaml`` manifest, a role, a
cue file, a file of named lists, or skills."""

from __future__ import annotations

from pathlib import Path

from cvgap.taxonomy.cuefiles import read_cues
from cvgap.taxonomy.fields import check_keys, node_kind
from cvgap.taxonomy.reader import (
    LIST_FILE_KEYS,
    MANIFEST_NAMES,
    Collected,
    read_lists,
    read_manifest,
    read_role,
    read_skills,
)
from cvgap.taxonomy.yamlnodes import ProblemSink, read_yaml


def read_file(file: Path, out: Collected) -> None:
    """Add what ``file`` defines, and the problems found in it, to ``out``."""
    path = str(file)
    sink = ProblemSink(path)
    root = read_yaml(file, sink)
    if root is not None and not (root.value is None and sink.problems):  # (a refused value)
        if not isinstance(root.value, dict):
            sink.at(root, "schema", f"expected a mapping at the top level, got {node_kind(root)}")
        elif file.name in MANIFEST_NAMES:
            read_manifest(root, sink)
        elif "requirements" in root.value:
            read_role(root, sink, out)
        elif "cues" in root.value:
            read_cues(root, sink, out)
        elif "lists" in root.value and not {"skills", "category"} & set(root.value):
            check_keys(root, sink, LIST_FILE_KEYS, set())
            read_lists(root.get("lists"), sink, out)
        else:
            read_skills(root, sink, out)
    out.problems.extend(sink.problems)
