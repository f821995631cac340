"""``.pre-commit-hooks.yaml``: valid hook definitions whose commands work from another
repository's root (what pre-commit runs after installing cvgap into the hook's env)."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner, Result

from cvgap.cli import app

from .conftest import ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
BY_ID = {hook["id"]: hook for hook in HOOKS}


def test_hooks_are_valid_definitions() -> None:
    assert set(BY_ID) == {"cvgap-taxonomy-lint", "cvgap-taxonomy-test"}
    for hook in HOOKS:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"  # pre-commit pip-installs this repository
        assert hook["pass_filenames"] is False  # roles refer to skills in other files
        assert shlex.split(hook["entry"])[0] == "cvgap"


def run_hook(hook_id: str, runner: CliRunner, args: list[str] | None = None) -> Result:
    hook = BY_ID[hook_id]
    argv = [*shlex.split(hook["entry"])[1:], *(hook.get("args", []) if args is None else args)]
    return runner.invoke(app, argv)


@pytest.fixture
def other_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Another repository with its taxonomy in skills/, made with ``taxonomy init``."""
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(app, ["taxonomy", "init", "skills"]).exit_code == 0
    return tmp_path


@pytest.mark.parametrize("hook_id", ["cvgap-taxonomy-lint", "cvgap-taxonomy-test"])
def test_hooks_pass_on_a_clean_taxonomy(runner: CliRunner, other_repo: Path, hook_id: str) -> None:
    result = run_hook(hook_id, runner)
    assert result.exit_code == 0, result.output


def test_lint_hook_fails_the_commit_on_a_warning(runner: CliRunner, other_repo: Path) -> None:
    skills = other_repo / "skills" / "our-tools.yaml"
    skills.write_text(
        skills.read_text(encoding="utf-8").replace(
            "aliases: [halcon, mvtec halcon]", "aliases: [halcon, mvtec halcon, hv]"
        ),
        encoding="utf-8",
    )
    result = run_hook("cvgap-taxonomy-lint", runner)
    assert result.exit_code == 1
    assert result.stdout.startswith(
        'skills/our-tools.yaml:8:37: warning: alias "hv" of skill '
        '"halcon" is only 2 characters long'
    )
