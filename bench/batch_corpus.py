"""Generate the batch benchmark corpus: one-page PDF and text résumés (fpdf2, seeded).

    python bench/batch_corpus.py DIR [--pdfs 500] [--texts 500]

Every résumé is different (name, contact line, skills, bullets drawn from pools), so none
is a duplicate of another; the same seed gives the same files.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = [
    "Ada",
    "Grace",
    "Alan",
    "Linus",
    "Barbara",
    "Edsger",
    "Katherine",
    "Tim",
    "Fei-Fei",
    "Yann",
    "Geoffrey",
    "Andrew",
    "Daphne",
    "Jitendra",
    "Kaiming",
    "Ross",
    "Priya",
    "Wei",
    "Carlos",
    "Amara",
    "Sofia",
    "Mateo",
    "Aiko",
    "Omar",
]
LAST = [
    "Lovelace",
    "Hopper",
    "Turing",
    "Torvalds",
    "Liskov",
    "Dijkstra",
    "Johnson",
    "Berners-Lee",
    "Li",
    "LeCun",
    "Hinton",
    "Ng",
    "Koller",
    "Malik",
    "He",
    "Girshick",
    "Patel",
    "Zhang",
    "Mendes",
    "Okafor",
    "Rossi",
    "Garcia",
    "Tanaka",
    "Haddad",
]
SKILLS = [
    "Python",
    "C++",
    "PyTorch",
    "TensorFlow",
    "Keras",
    "OpenCV",
    "NumPy",
    "scikit-learn",
    "Pillow",
    "CUDA",
    "MATLAB",
    "Git",
    "Docker",
    "Linux",
    "Jupyter",
    "pandas",
    "Kubernetes",
    "SQL",
    "Java",
    "JavaScript",
]
BULLETS = [
    "Trained a YOLOv8 object detection model in PyTorch on {n} drone images; mAP 0.{m}",
    "Built an OpenCV and NumPy preprocessing pipeline (resizing, normalization, splits)",
    "Fine-tuned a ResNet-50 CNN for image classification of {n} product photos",
    "Implemented a U-Net for semantic segmentation of road lanes in TensorFlow; IoU 0.{m}",
    "Annotated {n} bounding boxes in CVAT and wrote the labeling guide for the team",
    "Wrote unit tests and a Docker image for the inference service; latency down {m}%",
    "Evaluated models with precision, recall and a confusion matrix on a held-out set",
    "Presented results to the lab every two weeks and documented the dataset",
    "Served {n} customers per shift and trained new team members",
    "Built a small personal web page with HTML and JavaScript",
    "Analysed sales data in Excel and SQL and reported weekly to the manager",
    "Ported a feature-matching loop to C++ with CUDA; {m}x faster than the Python version",
]
UNIVERSITIES = [
    "Riverside College",
    "Northfield University",
    "Lakeside Institute of Technology",
    "Hillcrest State University",
]
DEGREES = [
    "B.Sc. Computer Science",
    "B.Eng. Electrical Engineering",
    "B.A. Mathematics",
    "M.Sc. Data Science",
    "B.Sc. Physics",
]


def resume_lines(rng: random.Random, n: int) -> list[str]:
    """The lines of résumé number ``n`` ("# " marks a heading)."""
    first, last = rng.choice(FIRST), rng.choice(LAST)
    handle = f"{first}{last}{n}".lower().replace("-", "")
    bullets = rng.sample(BULLETS, 5)

    def fill(text: str) -> str:
        return "- " + text.format(n=rng.randint(200, 20000), m=rng.randint(10, 95))

    return [
        f"# {first} {last}",
        f"{handle}@example.com | +1 415 555 {n % 10000:04d} | github.com/{handle}",
        "# Summary",
        f"{rng.choice(DEGREES).split()[0]} student (id {n}) looking for a computer vision "
        "internship.",
        "# Education",
        f"{rng.choice(DEGREES)}, {rng.choice(UNIVERSITIES)}, expected {rng.randint(2026, 2029)}",
        "Relevant coursework: Linear Algebra, Probability and Statistics, Machine Learning",
        "# Experience",
        f"Research Assistant, {rng.choice(UNIVERSITIES)} ({rng.randint(2022, 2025)})",
        *(fill(b) for b in bullets[:3]),
        "# Projects",
        *(fill(b) for b in bullets[3:]),
        "# Skills",
        "Languages and tools: " + ", ".join(rng.sample(SKILLS, rng.randint(4, 10))),
    ]


def write_text(path: Path, lines: list[str]) -> None:
    text = "\n".join(line[2:].upper() if line.startswith("# ") else line for line in lines)
    path.write_text(text + "\n", encoding="utf-8")


def write_pdf(path: Path, lines: list[str]) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="letter")
    pdf.set_margins(18, 16, 18)
    pdf.add_page()
    for line in lines:
        if line.startswith("# "):
            pdf.set_font("Helvetica", "B", 13)
            pdf.cell(0, 8, line[2:], new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def generate(folder: Path, *, pdfs: int = 500, texts: int = 500, seed: int = 6) -> None:
    """Write ``folder/pdf/*.pdf`` and ``folder/text/*.txt`` (skipped when already there)."""
    rng = random.Random(seed)
    (folder / "pdf").mkdir(parents=True, exist_ok=True)
    (folder / "text").mkdir(parents=True, exist_ok=True)
    for i in range(pdfs):
        lines = resume_lines(rng, i)
        path = folder / "pdf" / f"resume-{i:04d}.pdf"
        if not path.exists():
            write_pdf(path, lines)
    for i in range(texts):
        lines = resume_lines(rng, pdfs + i)
        path = folder / "text" / f"resume-{i:04d}.txt"
        if not path.exists():
            write_text(path, lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--pdfs", type=int, default=500)
    parser.add_argument("--texts", type=int, default=500)
    args = parser.parse_args()
    generate(args.folder, pdfs=args.pdfs, texts=args.texts)


if __name__ == "__main__":
    main()
