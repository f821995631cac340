"""Résumés and hostile inputs generated for the batch tests (helpers, no tests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .conftest import write_pdf

STRONG = """\
{name}
{email} | +1 415 555 01{n:02d} | github.com/{handle}

EXPERIENCE
Computer Vision Intern, Acme Robotics (2025)
- Trained a YOLOv8 object detection model in PyTorch; mAP rose from 0.61 to 0.78
- Built an OpenCV and NumPy preprocessing pipeline; demo at https://{handle}.dev/demo

PROJECTS
- Fine-tuned a ResNet-50 CNN for image classification with deep learning (run {n})

SKILLS
Python, C++, PyTorch, OpenCV, NumPy, Git, Docker, Linux, machine learning
"""

WEAK = """\
{name}
{email}

EXPERIENCE
Barista, Java House Coffee (2024 - present)
- Served 200 customers per shift and trained new team members (shift {n})

SKILLS
Microsoft Excel, teamwork, communication
"""


def strong_text(n: int, name: str = "Jane Doe") -> str:
    handle = name.lower().replace(" ", "")
    return STRONG.format(name=name, email=f"{handle}{n}@example.com", handle=handle, n=n)


def weak_text(n: int, name: str = "Sam Okafor") -> str:
    return WEAK.format(name=name, email=f"sam{n}@example.net", n=n)


def strong_pdf(path: Path, n: int) -> Path:
    return write_pdf(path, [line for line in strong_text(n).splitlines() if line])


def make_cohort(folder: Path, *, strong: int = 2, weak: int = 1, pdfs: int = 1) -> list[Path]:
    """Good résumés in ``folder`` (text and PDF, distinct content); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(strong):
        path = folder / f"strong-{i}.txt"
        path.write_text(strong_text(i), encoding="utf-8")
        paths.append(path)
    for i in range(weak):
        path = folder / f"weak-{i}.md"
        path.write_text(weak_text(i), encoding="utf-8")
        paths.append(path)
    paths.extend(strong_pdf(folder / f"cv-{i}.pdf", 100 + i) for i in range(pdfs))
    return paths


def make_hostile(folder: Path) -> dict[str, Path]:
    """Bad inputs, each of which must become a failed row (and nothing else)."""
    folder.mkdir(parents=True, exist_ok=True)
    good_pdf = strong_pdf(folder / "tmp-good.pdf", 99).read_bytes()
    (folder / "tmp-good.pdf").unlink()
    files = {
        "empty.txt": b"",
        "empty.pdf": b"",
        "random.pdf": bytes(range(256)) * 40,
        "truncated.pdf": good_pdf[: len(good_pdf) // 3],
        "binary.txt": b"\x00\x01\x02\xff" * 500,
        "plain-text-named.pdf": b"just some words, not a PDF, not a resume either\n" * 3,
        "legacy.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4000,
        "tiny.txt": b"hi",
    }
    out = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        out[name] = path
    return out


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
