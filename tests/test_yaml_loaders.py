"""The libyaml fast path reads every taxonomy file exactly as the pure-Python reader does."""

from __future__ import annotations

import pytest

from cvgap.taxonomy import default_skills_dir, taxonomy_files, yamlnodes
from cvgap.taxonomy.yamlnodes import ProblemSink

FILES = taxonomy_files([default_skills_dir()])


@pytest.mark.skipif(yamlnodes._Loader is yamlnodes._PyLoader, reason="PyYAML without libyaml")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_fast_and_pure_python_readers_agree(path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    fast = yamlnodes.parse_yaml(text, ProblemSink("x"))
    monkeypatch.setattr(yamlnodes, "_Loader", yamlnodes._PyLoader)
    slow = yamlnodes.parse_yaml(text, ProblemSink("x"))
    assert fast == slow  # values and every line/column


def test_aliases_are_reported_by_the_fast_reader_too() -> None:
    sink = ProblemSink("x.yaml")
    yamlnodes.parse_yaml("a: &x [1, 2]\nb: *x\n", sink)
    assert [(p.line, p.column, p.rule) for p in sink.problems] == [(2, 4, "yaml-alias")]
