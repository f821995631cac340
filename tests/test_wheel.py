"""The built-in taxonomy ships inside the wheel, and the installed package finds it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    """The wheel built from this checkout, unpacked: (its folder, the names it holds)."""
    from hatchling.builders.wheel import WheelBuilder

    tmp_path = tmp_path_factory.mktemp("wheel")
    # in-process and offline: no build isolation, no network
    (wheel,) = WheelBuilder(str(ROOT)).build(
        directory=str(tmp_path / "dist"), versions=["standard"]
    )
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    return tmp_path, names


def run_installed(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Python with the unpacked wheel's cvgap ahead of the editable checkout on sys.path."""
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
    )


def test_wheel_contains_the_taxonomy_and_default_skills_dir_finds_it(
    built_wheel: tuple[Path, set[str]],
) -> None:
    tmp_path, names = built_wheel
    shipped = {n.removeprefix("cvgap/_skills/") for n in names if n.startswith("cvgap/_skills/")}
    in_repo = {p.relative_to(ROOT / "skills").as_posix() for p in (ROOT / "skills").rglob("*.yaml")}
    assert {
        "roles/cv-intern.yaml",
        "roles/ml-intern.yaml",
        "roles/robotics-perception-intern.yaml",
    } <= shipped
    assert in_repo <= shipped
    # Import cvgap from the unpacked wheel (ahead of the editable checkout on sys.path).
    code = (
        "import cvgap, cvgap.taxonomy as t; print(cvgap.__file__); "
        "print(t.default_skills_dir()); print(sorted(t.load_taxonomy().roles))"
    )
    out = run_installed(tmp_path, "-c", code)
    assert out.returncode == 0, out.stderr
    package, skills_dir, roles = out.stdout.splitlines()
    assert Path(package).parent == tmp_path / "site" / "cvgap"
    assert Path(skills_dir) == tmp_path / "site" / "cvgap" / "_skills"
    assert roles == "['cv-intern', 'ml-intern', 'robotics-perception-intern']"


def test_installed_eval_without_a_corpus_says_to_give_one(
    built_wheel: tuple[Path, set[str]],
) -> None:
    tmp_path, names = built_wheel
    assert not any(n.startswith("tests/") for n in names)  # the corpus is not shipped
    out = run_installed(tmp_path, "-m", "cvgap", "eval")
    assert (out.returncode, out.stdout) == (2, "")
    assert out.stderr.startswith("error: no corpus given, and this installation has no built-in")
    assert out.stderr.count("\n") == 1
