"""``taxonomy show`` and ``init``, the new roles, and ``--taxonomy DIR`` layering."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cvgap.cli import app
from cvgap.errors import TaxonomyError
from cvgap.taxonomy import get_role, load_taxonomy

from .conftest import EXAMPLES

RESUME = str(EXAMPLES / "weaker-candidate.txt")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- roles


@pytest.mark.parametrize("role", ["ml-intern", "robotics-perception-intern"])
def test_check_with_the_new_roles(runner: CliRunner, role: str) -> None:
    result = runner.invoke(
        app, ["check", RESUME, "--role", role, "-f", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["role"] == role


def test_roles_share_the_skills_and_extends_overrides_weights() -> None:
    tax = load_taxonomy()
    cv, robotics = get_role(tax, "cv-intern"), get_role(tax, "robotics-perception-intern")
    weights = {r.skills: r.weight for r in robotics.requirements}
    assert weights[("cpp",)] == 7  # overridden (cv-intern: 4)
    assert {r.skills: r.weight for r in cv.requirements}[("cpp",)] == 4
    assert weights[("3d-vision",)] == 5  # added
    assert weights[("python",)] == 10  # inherited
    assert len(robotics.requirements) == len(cv.requirements) + 8
    for role in tax.roles.values():
        assert all(s in tax.skills for r in role.requirements for s in r.skills)


# --------------------------------------------------------------------------- show


def test_show_role_json(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["taxonomy", "show", "--role", "ml-intern", "-f", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0
    role = json.loads(result.stdout)["role"]
    assert (role["id"], role["title"], role["extends"]) == (
        "ml-intern",
        "Machine Learning Intern",
        None,
    )
    assert role["requirements"][0] == {
        "skills": ["python"],
        "names": ["Python"],
        "category": "programming",
        "weight": 10.0,
        "required": True,
    }


def test_show_role_table(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["taxonomy", "show", "--role", "robotics-perception-intern"], catch_exceptions=False
    )
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first.startswith(
        "Robotics Perception Intern (robotics-perception-intern): total weight "
    )
    assert "│ 3D vision " in result.stdout


def test_show_everything_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["taxonomy", "show", "-f", "json"], catch_exceptions=False)
    data = json.loads(result.stdout)
    assert {r["id"] for r in data["roles"]} >= {
        "cv-intern",
        "ml-intern",
        "robotics-perception-intern",
    }
    frameworks = next(c for c in data["categories"] if c["id"] == "frameworks")
    pytorch = next(s for s in frameworks["skills"] if s["id"] == "pytorch")
    assert "pytorch" in pytorch["aliases"]
    assert "deep-learning" in pytorch["implies"]


def test_show_unknown_role_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["taxonomy", "show", "--role", "nope"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: unknown role 'nope' (known roles: cv-intern, ")


# --------------------------------------------------------------------------- init


def test_init_scaffold_passes_lint_and_test_and_check(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    result = runner.invoke(app, ["taxonomy", "init", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:3] == [
        f"created {folder}/taxonomy.yaml",
        f"created {folder}/our-tools.yaml",
        f"created {folder}/roles/our-cv-intern.yaml",
    ]
    lint = runner.invoke(app, ["taxonomy", "lint", "--strict", str(folder)], catch_exceptions=False)
    assert (lint.exit_code, lint.stdout, lint.stderr) == (0, "", "no problems\n")
    test = runner.invoke(app, ["taxonomy", "test", str(folder)], catch_exceptions=False)
    assert (test.exit_code, test.stderr) == (0, "2 examples of 1 skill: all passed\n")
    check = runner.invoke(
        app,
        ["check", RESUME, "--taxonomy", str(folder), "--role", "our-cv-intern", "-f", "json"],
        catch_exceptions=False,
    )
    assert check.exit_code == 0
    report = json.loads(check.stdout)
    weights = {s["id"]: s["weight"] for s in report["skills"]}
    assert (weights["halcon"], weights["cpp"], weights["python"]) == (4, 6, 10)


def test_init_refuses_a_non_empty_folder(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path, "keep.txt", "mine")
    result = runner.invoke(app, ["taxonomy", "init", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {tmp_path}: already exists and is not an empty folder; choose a new folder\n"
    )


# --------------------------------------------------------------------------- --taxonomy


def test_taxonomy_folder_extends_the_builtin_one(runner: CliRunner, tmp_path: Path) -> None:
    write(
        tmp_path,
        "roles/tiny.yaml",
        "id: tiny\ntitle: Tiny\nrequirements: [{skill: python, weight: 10}]\n",
    )
    for role, title in (("tiny", "Tiny"), ("cv-intern", "Computer Vision Intern")):
        result = runner.invoke(
            app,
            ["check", RESUME, "-t", str(tmp_path), "-r", role, "-f", "json"],
            catch_exceptions=False,
        )
        assert result.exit_code == 0
        assert json.loads(result.stdout)["role_title"] == title


def test_same_id_replaces_the_builtin_definition(tmp_path: Path) -> None:
    write(
        tmp_path,
        "p.yaml",
        "category: {id: programming, name: Code}\nskills:\n"
        "  - {id: python, name: Python 3, aliases: [python3], examples: {match: [python3]}}\n",
    )
    tax = load_taxonomy(tmp_path, include_default=True)
    assert tax.skills["python"].name == "Python 3"
    assert tax.categories["programming"].name == "Code"
    assert "pytorch" in tax.skills


def test_manifest_replace_uses_only_the_folder(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path, "taxonomy.yaml", "version: 1\nbuiltin: replace\n")
    write(
        tmp_path,
        "s.yaml",
        "category: {id: code, name: Code}\nskills:\n"
        "  - {id: python, name: Python, aliases: [python], examples: {match: [python]}}\n",
    )
    write(
        tmp_path,
        "roles/tiny.yaml",
        "id: tiny\ntitle: Tiny\nrequirements: [{skill: python, weight: 10}]\n",
    )
    assert set(load_taxonomy(tmp_path, include_default=True).skills) == {"python"}
    result = runner.invoke(app, ["check", RESUME, "-t", str(tmp_path), "-r", "cv-intern"])
    assert result.exit_code == 2
    assert result.stderr == "error: unknown role 'cv-intern' (known roles: tiny)\n"
    lint = runner.invoke(app, ["taxonomy", "lint", str(tmp_path)], catch_exceptions=False)
    assert (lint.exit_code, lint.stdout) == (0, "")


def test_invalid_taxonomy_folder_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    write(
        tmp_path,
        "roles/bad.yaml",
        "id: bad\ntitle: Bad\nrequirements: [{skill: nope, weight: 1}]\n",
    )
    with pytest.raises(TaxonomyError):
        load_taxonomy(tmp_path, include_default=True)
    result = runner.invoke(app, ["check", RESUME, "-t", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: invalid taxonomy: {tmp_path}/roles/bad.yaml:3:16: error: "
        'role "bad" requires unknown skill "nope" [unknown-skill]\n'
    )


def test_hostile_taxonomy_folder_is_a_clean_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    write(tmp_path, "evil.yaml", f"!!python/object/apply:os.system ['touch {marker}']\n")
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{c}: &{c} [" + ", ".join([f"*{chr(ord(c) - 1)}"] * 9) + "]" for c in "bcdefghi"]
    write(tmp_path, "lol.yaml", "\n".join(lines) + "\n")
    result = runner.invoke(app, ["check", RESUME, "--taxonomy", str(tmp_path)])
    assert result.exit_code == 2
    *problems, last = result.stderr.splitlines()
    assert last == (
        f"error: invalid taxonomy: {tmp_path}/evil.yaml:1:1: error: unsupported tag "
        "'tag:yaml.org,2002:python/object/apply:os.system': only plain mappings, lists, "
        "strings, numbers, booleans and null are allowed [yaml-tag] (and 83 more problems)"
    )
    # issue 13: every error first, one line each, as `cvgap taxonomy lint` prints them
    assert len(problems) == 84 and all(": error: " in p for p in problems)
    assert not marker.exists()
