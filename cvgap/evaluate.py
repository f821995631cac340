"""Evaluate: measure skill extraction on a labelled corpus, next to a keyword baseline.

A corpus is any folder with a ``labels.yaml`` naming résumé files under ``resumes/``, each
with ``present``: the skill ids a careful recruiter would say it shows, and optionally its
``split`` (any name; a corpus's splits are the names its entries use) and ``kind``. The
project's own corpus is ``tests/eval/`` of a checkout (docs/accuracy.md). Both systems
are scored over the same ids (the role's skills plus trap-prone languages) with micro
precision, recall and F1:

* **cvgap**: the real pipeline; a skill counts when it is matched (not only as an intent)
  or implied by a matched skill;
* **baseline**: a plain keyword search (case-insensitive whole words, one short keyword
  list per skill), the way a recruiter's Ctrl-F or a simple ATS filter works.

Pure library code: :func:`evaluate` returns an :class:`EvalReport`; the CLI renders it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from cvgap.errors import InputError
from cvgap.taxonomy import DEFAULT_ROLE
from cvgap.types import Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

ALL_SPLITS = "all"  # every entry of the corpus; no split may take this name
TRAP_LANGUAGES = ("c", "java", "go", "r-lang")

# A recruiter's Ctrl-F list: the obvious keyword(s) for each skill, nothing more.
BASELINE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "python": ("python",),
    "cpp": ("c++",),
    "c": ("c",),
    "java": ("java",),
    "go": ("go",),
    "r-lang": ("r",),
    "matlab": ("matlab",),
    "cuda": ("cuda",),
    "pytorch": ("pytorch",),
    "tensorflow": ("tensorflow",),
    "keras": ("keras",),
    "opencv": ("opencv",),
    "pillow": ("pillow", "pil"),
    "numpy": ("numpy",),
    "scikit-learn": ("scikit-learn", "sklearn"),
    "docker": ("docker",),
    "git": ("git", "github"),
    "linux": ("linux",),
    "computer-vision": ("computer vision", "cv"),
    "image-processing": ("image processing",),
    "machine-learning": ("machine learning", "ml"),
    "deep-learning": ("deep learning", "dl"),
    "neural-networks": ("neural network", "neural networks"),
    "cnn": ("cnn", "cnns"),
    "vision-transformer": ("vision transformer", "vit"),
    "object-detection": ("object detection",),
    "image-classification": ("image classification",),
    "image-segmentation": ("segmentation",),
    "anomaly-detection": ("anomaly detection",),
    "data-collection": ("data collection",),
    "data-annotation": ("annotation", "labeling", "labelling"),
    "data-preprocessing": ("preprocessing",),
    "model-evaluation": ("evaluation", "metrics"),
    "linear-algebra": ("linear algebra",),
    "agile": ("agile", "scrum"),
    "communication": ("communication",),
    "problem-solving": ("problem solving", "problem-solving"),
    "teamwork": ("teamwork",),
    "research-experience": ("research",),
    "cs-degree": ("computer science", "electrical engineering", "mathematics"),
}


def default_corpus_dir() -> Path:
    """``tests/eval`` of the checkout cvgap runs from (the corpus is not in the wheel)."""
    return Path(__file__).resolve().parents[1] / "tests" / "eval"


def corpus_dir(
    corpus: Path | str | None,
    *,
    default: Path | None = None,
    name: str = "tests/eval",
    docs: str = "docs/accuracy.md",
) -> Path:
    """The corpus folder to read: ``corpus``, else the checkout's own corpus (``default``,
    ``name`` in messages); an installed cvgap has none, so it must be given."""
    if corpus is not None:
        return Path(corpus)
    default = default or default_corpus_dir()
    if not (default / "labels.yaml").is_file():
        raise InputError(
            f"no corpus given, and this installation has no built-in one ({name} is in a "
            f"source checkout only): give the folder of a labelled corpus ({docs} "
            "describes the format)"
        )
    return default


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalCase:
    """One labelled résumé of the corpus."""

    file: str
    split: str  # "" when the entry names no split: it counts only in "all"
    kind: str
    present: frozenset[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class Scores:
    """Micro-averaged counts over (résumé, skill) pairs, with every error listed."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: tuple[tuple[str, str], ...] = ()  # (skill id, file)
    false_negatives: tuple[tuple[str, str], ...] = ()

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def per_skill(self) -> dict[str, tuple[list[str], list[str]]]:
        """Skill id -> (files where it was wrongly found, files where it was missed)."""
        errors: dict[str, tuple[list[str], list[str]]] = {}
        for sid, file in self.false_positives:
            errors.setdefault(sid, ([], []))[0].append(file)
        for sid, file in self.false_negatives:
            errors.setdefault(sid, ([], []))[1].append(file)
        return dict(sorted(errors.items()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "errors": {
                sid: {"false_positives": fps, "false_negatives": fns}
                for sid, (fps, fns) in self.per_skill().items()
            },
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalReport:
    """cvgap and the keyword baseline measured on one split of the corpus."""

    corpus: str
    split: str
    resumes: int
    skill_ids: tuple[str, ...]
    cvgap: Scores
    baseline: Scores
    predictions: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "split": self.split,
            "resumes": self.resumes,
            "skill_ids": list(self.skill_ids),
            "cvgap": self.cvgap.to_dict(),
            "baseline": self.baseline.to_dict(),
        }


def load_corpus(corpus: Path) -> list[EvalCase]:
    """The labelled cases of ``corpus/labels.yaml``; raises :class:`InputError` when the
    corpus is missing or malformed."""
    import yaml

    labels = corpus / "labels.yaml"
    if not labels.is_file():
        raise InputError("no labels.yaml here (not an eval corpus)", path=str(corpus))
    try:
        data = yaml.safe_load(labels.read_text(encoding="utf-8"))
        cases = [
            EvalCase(
                file=str(e["file"]),
                split=str(e.get("split") or ""),
                kind=str(e.get("kind") or ""),
                present=frozenset(str(s) for s in e["present"] or ()),
            )
            for e in data["entries"]
        ]
    except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"malformed labels: {exc}", path=str(labels)) from None
    for case in cases:
        if case.split == ALL_SPLITS:
            raise InputError(f"{case.file}: split {ALL_SPLITS!r} is reserved", path=str(labels))
        if not (corpus / "resumes" / case.file).is_file():
            raise InputError(f"{case.file}: résumé file not found", path=str(labels))
    return cases


class Labelled(Protocol):
    """An entry of a labelled corpus (a résumé or a posting): it names its split."""

    @property
    def split(self) -> str: ...


C = TypeVar("C", bound=Labelled)


def corpus_splits(cases: Iterable[Labelled]) -> tuple[str, ...]:
    """The split names the corpus's entries use, in the order they first appear."""
    return tuple(dict.fromkeys(c.split for c in cases if c.split))


def select_split(cases: Sequence[C], split: str, labels: Path) -> list[C]:
    """The cases of ``split`` (every case for ``all``); raises :class:`InputError` naming
    the corpus's own splits when it has no such split."""
    names = (ALL_SPLITS, *corpus_splits(cases))
    if split not in names:
        raise InputError(
            f"unknown split {split!r}; this corpus has: {', '.join(names)}", path=_shown(labels)
        )
    return [c for c in cases if split in (ALL_SPLITS, c.split)]


def eval_skill_ids(taxonomy: Taxonomy, role: str = DEFAULT_ROLE) -> tuple[str, ...]:
    """The skill ids the evaluation scores: the role's skills plus the trap languages."""
    from cvgap.taxonomy import get_role

    ids = {sid for req in get_role(taxonomy, role).requirements for sid in req.skills}
    ids.update(sid for sid in TRAP_LANGUAGES if sid in taxonomy.skills)
    return tuple(sorted(ids))


def predict_cvgap(text_or_path: Path, nlp: Language, taxonomy: Taxonomy) -> set[str]:
    """Skill ids cvgap credits a résumé with: matched (not as an intent) or implied."""
    from cvgap.extract import extract_skills
    from cvgap.ingest import load_resume

    resume = load_resume(text_or_path)
    found = {m.skill_id for m in extract_skills(resume, nlp, taxonomy) if not m.negated}
    return found.union(*(taxonomy.implied_by(sid) for sid in found))


def predict_baseline(text: str, skill_ids: Iterable[str]) -> set[str]:
    """Skill ids whose keyword occurs as a whole word (case-insensitive) anywhere."""
    found = set()
    for sid in skill_ids:
        for keyword in BASELINE_KEYWORDS.get(sid, ()):
            if re.search(rf"(?<![\w+#]){re.escape(keyword)}(?![\w+#])", text, re.IGNORECASE):
                found.add(sid)
                break
    return found


def score_predictions(
    cases: Sequence[EvalCase], predicted: Sequence[set[str]], skill_ids: Iterable[str]
) -> Scores:
    """Micro counts of ``predicted`` against the labels, over ``skill_ids`` only."""
    ids = set(skill_ids)
    tp = 0
    fps: list[tuple[str, str]] = []
    fns: list[tuple[str, str]] = []
    for case, guess in zip(cases, predicted, strict=True):
        gold, guess = case.present & ids, guess & ids
        tp += len(gold & guess)
        fps.extend((sid, case.file) for sid in sorted(guess - gold))
        fns.extend((sid, case.file) for sid in sorted(gold - guess))
    return Scores(
        tp=tp, fp=len(fps), fn=len(fns), false_positives=tuple(fps), false_negatives=tuple(fns)
    )


def evaluate(
    corpus: Path | str | None = None,
    *,
    split: str = ALL_SPLITS,
    taxonomy: Taxonomy | None = None,
    nlp: Language | None = None,
    role: str = DEFAULT_ROLE,
) -> EvalReport:
    """Score cvgap and the keyword baseline on ``corpus`` (default: the checkout's own), on
    ``split``: all, or one of the splits its labels name (:func:`corpus_splits`). The
    skills scored are ``role``'s plus the trap-prone languages.

    >>> report = evaluate(split="tune")
    >>> report.cvgap.f1 > report.baseline.f1
    True
    """
    from cvgap.extract import build_nlp
    from cvgap.ingest import load_resume
    from cvgap.taxonomy import load_taxonomy

    root = corpus_dir(corpus)
    every_case = load_corpus(root)
    cases = select_split(every_case, split, root / "labels.yaml")
    taxonomy = taxonomy or load_taxonomy()
    _check_labels(every_case, taxonomy, root)
    nlp = nlp or build_nlp(taxonomy)
    ids = eval_skill_ids(taxonomy, role)
    ours, naive = [], []
    for case in cases:
        path = root / "resumes" / case.file
        ours.append(predict_cvgap(path, nlp, taxonomy))
        naive.append(predict_baseline(load_resume(path).text, ids))
    return EvalReport(
        corpus=_shown(root),
        split=split,
        resumes=len(cases),
        skill_ids=ids,
        cvgap=score_predictions(cases, ours, ids),
        baseline=score_predictions(cases, naive, ids),
        predictions={c.file: tuple(sorted(p & set(ids))) for c, p in zip(cases, ours, strict=True)},
    )


def _check_labels(cases: Iterable[EvalCase], taxonomy: Taxonomy, root: Path) -> None:
    """A label that is no skill id (a typo) would silently count as never present."""
    for case in cases:
        unknown = sorted(case.present - set(taxonomy.skills))
        if unknown:
            raise InputError(
                f"{case.file}: unknown skill id {unknown[0]!r} in present "
                "('cvgap taxonomy show' lists the ids)",
                path=_shown(root / "labels.yaml"),
            )


def _shown(path: Path) -> str:
    """``path`` relative to the working directory when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def format_report(report: EvalReport) -> str:
    """The report as plain text: a P/R/F1 table, then per-skill errors of each system."""
    rows = [
        f"Eval corpus: {report.corpus} (split: {report.split}, {report.resumes} résumés, "
        f"{len(report.skill_ids)} skill ids)",
        "",
        f"{'system':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>5} {'FP':>4} {'FN':>4}",
    ]
    for name, s in (("cvgap", report.cvgap), ("baseline", report.baseline)):
        rows.append(
            f"{name:<10} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f} {s.tp:>5} "
            f"{s.fp:>4} {s.fn:>4}"
        )
    for name, s in (("cvgap", report.cvgap), ("baseline", report.baseline)):
        rows += ["", f"{name}: errors per skill (FP = found but not there, FN = missed)"]
        errors = s.per_skill()
        if not errors:
            rows.append("  none")
        for sid, (fps, fns) in errors.items():
            parts = []
            if fps:
                parts.append(f"FP {len(fps)}: {', '.join(fps)}")
            if fns:
                parts.append(f"FN {len(fns)}: {', '.join(fns)}")
            rows.append(f"  {sid:<20} " + "; ".join(parts))
    return "\n".join(rows) + "\n"
