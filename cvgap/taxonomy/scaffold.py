"""``cvgap taxonomy init DIR``: a custom taxonomy that passes ``lint`` and ``test``."""

from __future__ import annotations

from pathlib import Path

from cvgap.errors import CvgapError

FILES = {
    "taxonomy.yaml": """\
# cvgap taxonomy manifest.
#   builtin: extend   -> this folder adds skills and roles to the built-in ones
#                        (a skill or role with a built-in id replaces the built-in one)
#   builtin: replace  -> only this folder is used
version: 1
builtin: extend
""",
    "our-tools.yaml": """\
# Skills of one category. Every alias must be proven by examples: `cvgap taxonomy test`
# checks that each `match` sentence finds the skill and no `no_match` sentence does.
version: 1
category: {id: our-tools, name: Our tools}
skills:
  - id: halcon
    name: MVTec HALCON
    aliases: [halcon, mvtec halcon]
    implies: [computer-vision]
    suggestion: Solve one inspection task with HALCON's student license and describe it.
    examples:
      match: ["Built a PCB inspection tool with MVTec HALCON"]
      no_match: ["Built a PCB inspection tool with OpenCV"]
""",
    "roles/our-cv-intern.yaml": """\
# A role that extends the built-in cv-intern: its requirements are inherited, a
# requirement for the same skill replaces the inherited one (new weight), others are added.
version: 1
id: our-cv-intern
title: Computer Vision Intern (our team)
extends: cv-intern
requirements:
  - {skill: halcon, weight: 4, required: false}
  - {skill: cpp, weight: 6}   # C++ matters more to us than to the average posting (4)
""",
}


def init_taxonomy(folder: Path) -> list[Path]:
    """Write a starter taxonomy into ``folder`` (which must be missing or empty); return
    the files written. Raises :class:`~cvgap.errors.CvgapError` otherwise."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CvgapError(
            "already exists and is not an empty folder; choose a new folder", path=str(folder)
        )
    written = []
    try:
        for name, text in FILES.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    except OSError as exc:
        raise CvgapError(f"cannot write: {exc.strerror or exc}", path=str(folder)) from None
    return written
