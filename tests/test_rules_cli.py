"""``cvgap taxonomy rules [ID]``: the lint rules' documentation in the terminal."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cvgap.cli import app
from cvgap.taxonomy.lint import RULES


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["taxonomy", "rules", *args])
    return result.exit_code, result.stdout, result.stderr


def test_without_an_id_it_lists_every_rule_with_its_level_and_summary() -> None:
    code, out, err = run()
    lines = out.splitlines()
    assert (code, err, len(lines)) == (0, "", len(RULES))
    assert [line.split()[:2] for line in lines] == [[r.id, r.level] for r in RULES.values()]
    assert "ambiguous-alias" in out and "needs a context guard" in out


def test_an_id_prints_that_rules_whole_documentation() -> None:
    code, out, err = run("yaml-syntax")
    assert (code, err) == (0, "")
    assert out.startswith("yaml-syntax (error)\n\nThe file must be valid YAML.\n")
    assert "FAIL" in out and "```yaml" in out  # the examples come with it
    assert "encoding" not in out  # only that rule


def test_json_gives_the_same_documentation_to_tools() -> None:
    code, out, _ = run("ambiguous-alias", "--format", "json")
    data = json.loads(out)
    assert (code, data["id"], data["level"]) == (0, "ambiguous-alias", "warning")
    assert data["doc"] == RULES["ambiguous-alias"].doc
    code, out, _ = run("-f", "json")
    assert [r["id"] for r in json.loads(out)] == list(RULES)


def test_an_unknown_id_is_one_error_line_with_the_closest_ids_and_exit_2() -> None:
    code, out, err = run("ambiguous-alais")
    assert (code, out) == (2, "")
    assert err == (
        "error: unknown lint rule 'ambiguous-alais'; did you mean ambiguous-alias? "
        f"'cvgap taxonomy rules' lists all {len(RULES)}\n"
    )
    code, _, err = run("no-such-thing")
    assert code == 2 and "did you mean" not in err and err.count("\n") == 1
