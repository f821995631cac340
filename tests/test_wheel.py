"""The built-in taxonomy ships inside the wheel, and the installed package finds it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import ROOT


def test_wheel_contains_the_taxonomy_and_default_skills_dir_finds_it(tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    # in-process and offline: no build isolation, no network
    (wheel,) = WheelBuilder(str(ROOT)).build(
        directory=str(tmp_path / "dist"), versions=["standard"]
    )
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
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
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
    )
    package, skills_dir, roles = out.stdout.splitlines()
    assert Path(package).parent == tmp_path / "site" / "cvgap"
    assert Path(skills_dir) == tmp_path / "site" / "cvgap" / "_skills"
    assert roles == "['cv-intern', 'ml-intern', 'robotics-perception-intern']"
