"""``cvgap taxonomy lint``: output formats, exit codes 0/1/2, --strict, broken inputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from cvgap.cli import app

SKILLS = """\
version: 1
category: {id: robotics, name: Robotics}
skills:
  - id: kalibr
    name: Kalibr
    aliases: [kalibr]
    examples: {match: ["Calibrated cameras with Kalibr"]}
  - id: vslam-lab
    name: VSLAM Lab
    aliases: [vslam lab, vl]
    examples: {match: ["Benchmarked with VSLAM Lab"]}
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    """A taxonomy whose only problem is a warning (the alias "vl" at 10:26)."""
    write(tmp_path, "robotics.yaml", SKILLS)
    return tmp_path


GO_WARNING = (
    'robotics.yaml:10:26: warning: alias "vl" of skill "vslam-lab" is only 2 '
    "characters long and has no context guard (near, near_categories, not_near, "
    "list_item, ...) [ambiguous-alias]"
)


def invoke(runner: CliRunner, *args: str, **kwargs: Any) -> Result:
    return runner.invoke(app, ["taxonomy", *args], **kwargs)


def test_clean_folder_exits_0(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path, "robotics.yaml", SKILLS.replace(", vl]", "]"))
    result = invoke(runner, "lint", str(tmp_path), catch_exceptions=False)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "no problems\n")


def test_warnings_exit_0_and_fail_under_strict(runner: CliRunner, warned: Path) -> None:
    result = invoke(runner, "lint", str(warned), catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == f"{warned}/{GO_WARNING}\n"
    assert result.stderr == "1 warning in 1 file\n"
    strict = invoke(runner, "lint", "--strict", str(warned), catch_exceptions=False)
    assert strict.exit_code == 1
    assert strict.stdout == result.stdout


def test_errors_exit_1_and_every_problem_is_reported(runner: CliRunner, warned: Path) -> None:
    write(
        warned,
        "roles/r.yaml",
        "id: Robot_Intern\ntitle: R\nrequirements:\n"
        "  - {skill: kalibr, weight: 11}\n  - {skill: ros3, weight: 2}\n",
    )
    result = invoke(runner, "lint", str(warned), catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{warned}/{GO_WARNING}",
        f'{warned}/roles/r.yaml:1:5: error: role id "Robot_Intern" must be lower-case '
        "kebab-case (letters, digits and single hyphens) [id-format]",
        f"{warned}/roles/r.yaml:4:29: error: weight must be a number above 0 and at most 10, "
        "got 11 [weight-range]",
        f"{warned}/roles/r.yaml:5:5: error: requirement of an invalid role requires unknown "
        'skill "ros3" [unknown-skill]',
    ]
    assert result.stderr == "3 errors and 1 warning in 2 files\n"


def test_parsable_has_no_summary(runner: CliRunner, warned: Path) -> None:
    result = invoke(runner, "lint", "-f", "parsable", str(warned), catch_exceptions=False)
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"{warned}/{GO_WARNING}\n", "")


def test_github_format_explicit_and_automatic(runner: CliRunner, warned: Path) -> None:
    expected = (
        f"::warning file={warned}/robotics.yaml,line=10,col=26,title=ambiguous-alias::"
        + GO_WARNING.split(" warning: ", 1)[1]
        + "\n"
    )
    result = invoke(runner, "lint", "--format", "github", str(warned), catch_exceptions=False)
    assert result.stdout == expected
    auto = invoke(
        runner, "lint", str(warned), env={"GITHUB_ACTIONS": "true"}, catch_exceptions=False
    )
    assert auto.stdout == expected


def test_json_format(runner: CliRunner, warned: Path) -> None:
    result = invoke(runner, "lint", "-f", "json", str(warned), catch_exceptions=False)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {
            "path": f"{warned}/robotics.yaml",
            "line": 10,
            "column": 26,
            "level": "warning",
            "rule": "ambiguous-alias",
            "message": GO_WARNING.split(" warning: ", 1)[1].removesuffix(" [ambiguous-alias]"),
        }
    ]


def test_missing_path_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "lint", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path}/nope: no such file or folder\n"


def test_taxonomy_option_is_the_default_path(runner: CliRunner, warned: Path) -> None:
    result = invoke(runner, "lint", "--taxonomy", str(warned), catch_exceptions=False)
    assert result.stdout == f"{warned}/{GO_WARNING}\n"


def test_a_user_folder_may_use_builtin_skills_and_roles(runner: CliRunner, tmp_path: Path) -> None:
    write(
        tmp_path,
        "roles/r.yaml",
        "id: r\ntitle: R\nextends: cv-intern\nrequirements:\n"
        "  - {skill: ros, weight: 3}\n  - {any_of: [pytorch, tensorflow, keras], weight: 10}\n",
    )
    result = invoke(runner, "lint", str(tmp_path), catch_exceptions=False)
    assert (result.exit_code, result.stdout) == (0, "")


def test_user_alias_clashing_with_a_builtin_one(runner: CliRunner, tmp_path: Path) -> None:
    write(
        tmp_path,
        "s.yaml",
        "category: {id: mine, name: Mine}\nskills:\n"
        "  - {id: torch-fan, name: Torch fan, aliases: [pytorch], examples: {match: [x]}}\n",
    )
    result = invoke(runner, "lint", "-f", "parsable", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f'{tmp_path}/s.yaml:3:48: error: alias "pytorch" of skill '
        '"torch-fan" is already an alias of skill "pytorch" (at '
    )


# --------------------------------------------------------------------------- broken inputs


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "skills:\n\t- id: x\n",
            "2:1: error: syntax error: found character '\\t' that cannot "
            "start any token [yaml-syntax]",
        ),
        (
            b"\xff\xfe" + "id: x\n".encode("utf-16-le"),
            "1:1: error: not valid UTF-8 (byte 0xff) [encoding]",
        ),
        (b"\x00\x01\x02binary\x89PNG", "1:1: error: not valid UTF-8 (byte 0x89) [encoding]"),
        (
            "a: [1, 2\n",
            "2:1: error: syntax error: expected ',' or ']', but got '<stream end>' [yaml-syntax]",
        ),
        (
            "x: !!python/object/apply:os.system ['true']\n",
            "1:4: error: unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system': only "
            "plain mappings, lists, strings, numbers, booleans and null are allowed [yaml-tag]",
        ),
    ],
)
def test_broken_file_is_a_problem_not_a_traceback(
    runner: CliRunner, tmp_path: Path, content: str | bytes, expected: str
) -> None:
    path = write(tmp_path, "bad.yaml", content)
    result = invoke(runner, "lint", "-f", "parsable", str(path))
    assert result.exit_code == 1
    assert f"{path}:{expected}" in result.stdout.splitlines()


def test_huge_file_is_not_read(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    result = invoke(runner, "lint", "-f", "parsable", str(path))
    assert (result.exit_code, result.stdout) == (
        1,
        f"{path}:1:1: error: file is 52,428,800 bytes; the limit is 2,097,152 bytes "
        "[file-too-large]\n",
    )


def test_a_device_is_not_read(runner: CliRunner) -> None:
    result = invoke(runner, "lint", "-f", "parsable", "/dev/zero")
    assert (result.exit_code, result.stdout) == (
        1,
        "/dev/zero:1:1: error: not a regular file [unreadable]\n",
    )


def test_billion_laughs_finishes_with_problems(runner: CliRunner, tmp_path: Path) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"{c}: &{c} [" + ", ".join([f"*{chr(ord(c) - 1)}"] * 9) + "]" for c in "bcdefghi"]
    path = write(tmp_path, "lol.yaml", "\n".join(lines) + "\n")
    result = invoke(runner, "lint", "-f", "parsable", str(path))
    assert result.exit_code == 1
    assert result.stdout.count("[yaml-alias]") == 72


def test_code_execution_tag_never_runs(runner: CliRunner, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = write(tmp_path, "evil.yaml", f"!!python/object/apply:os.system ['touch {marker}']\n")
    for command in ("lint", "test"):
        result = invoke(runner, command, str(path))
        assert result.exit_code in (1, 2)
        assert "Traceback" not in result.output
    assert not marker.exists()


@pytest.mark.parametrize("command", ["lint", "test", "show", "init"])
def test_help(runner: CliRunner, command: str) -> None:
    result = invoke(runner, command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: cvgap taxonomy {command} [OPTIONS]")


def test_builtin_taxonomy_is_clean_under_strict(runner: CliRunner) -> None:
    """CI gate: the shipped taxonomy has no errors and no warnings."""
    result = invoke(runner, "lint", "--strict", catch_exceptions=False)
    assert (result.stdout, result.exit_code) == ("", 0)
    assert result.stderr == "no problems\n"
