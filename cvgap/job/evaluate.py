"""Measure posting reading on a labelled corpus (``cvgap job eval``), next to a keyword baseline.

The corpus (``tests/eval/postings/`` in a checkout) is a ``labels.yaml`` whose ``postings``
name posting files with their split (``dev``, ``heldout``, ``blind``) and what a careful
recruiter reads in them: ``required``, ``preferred`` and ``duties`` skill ids, ``any_of``
groups, ``degree`` and ``years``. Measured:

* requirement ids (required ∪ preferred): micro precision, recall and F1;
* tier accuracy: of the ids found that are labelled, the share with the labelled tier;
* any-of groups found: a labelled group counts when the reader outputs a group with exactly
  its members;
* duties counted as requirements: labelled duties the reader lists as requirements (the
  goal is 0);
* degree level and years: share of postings read right (``null`` included).

The **baseline** is a plain keyword search over the posting text: every unguarded alias of
every skill, whole word, case-insensitive, all tiers ``required``, no groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cvgap.errors import InputError
from cvgap.evaluate import ALL_SPLITS, Scores, corpus_dir, select_split
from cvgap.types import JobPosting, Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

UNSPLIT = "blind"  # the split of an entry without one (a blind part's own labels)


def default_postings_dir() -> Path:
    """``tests/eval/postings`` of the checkout cvgap runs from."""
    return Path(__file__).resolve().parents[2] / "tests" / "eval" / "postings"


def postings_dir(corpus: Path | str | None) -> Path:
    """The corpus folder: ``corpus``, else the checkout's own (an installed cvgap has none)."""
    return corpus_dir(
        corpus,
        default=default_postings_dir(),
        name="tests/eval/postings",
        docs="docs/job-postings.md",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class PostingCase:
    """One labelled posting."""

    file: str
    split: str
    kind: str
    required: frozenset[str]
    preferred: frozenset[str]
    duties: frozenset[str]
    any_of: tuple[frozenset[str], ...]
    degree: str | None
    years: float | None

    @property
    def ids(self) -> frozenset[str]:
        return self.required | self.preferred


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """What one system read in one posting."""

    tiers: dict[str, str]  # skill id -> tier
    groups: tuple[frozenset[str], ...] = ()
    degree: str | None = None
    years: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SystemScores:
    """One system's numbers over a set of postings."""

    ids: Scores
    tiers_right: int = 0
    tiers_total: int = 0
    groups_found: int = 0
    groups_total: int = 0
    duties_as_requirements: tuple[tuple[str, str], ...] = ()  # (skill id, file)
    degree_right: int = 0
    years_right: int = 0
    postings: int = 0
    tier_errors: tuple[tuple[str, str, str], ...] = ()  # (skill id, file, read tier)
    missed_groups: tuple[tuple[str, str], ...] = ()  # (members, file)
    fact_errors: tuple[tuple[str, str, str, str], ...] = ()  # (file, degree|years, read, want)

    @property
    def tier_accuracy(self) -> float:
        return self.tiers_right / self.tiers_total if self.tiers_total else 1.0

    @property
    def groups_recall(self) -> float:
        return self.groups_found / self.groups_total if self.groups_total else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.ids.to_dict(),
            "tier_accuracy": round(self.tier_accuracy, 4),
            "tiers": [self.tiers_right, self.tiers_total],
            "groups_found": round(self.groups_recall, 4),
            "groups": [self.groups_found, self.groups_total],
            "duties_as_requirements": [list(d) for d in self.duties_as_requirements],
            "degree_accuracy": round(self.degree_right / self.postings, 4) if self.postings else 1,
            "years_accuracy": round(self.years_right / self.postings, 4) if self.postings else 1,
            "tier_errors": [list(t) for t in self.tier_errors],
            "missed_groups": [list(g) for g in self.missed_groups],
            "fact_errors": [list(e) for e in self.fact_errors],
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class PostingEvalReport:
    corpus: str
    split: str
    postings: int
    cvgap: SystemScores
    baseline: SystemScores
    readings: dict[str, Reading] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "split": self.split,
            "postings": self.postings,
            "cvgap": self.cvgap.to_dict(),
            "baseline": self.baseline.to_dict(),
        }


def load_posting_corpus(corpus: Path) -> list[PostingCase]:
    """The labelled postings of ``corpus/labels.yaml`` (entries without a split are
    ``blind``); raises :class:`InputError` when the corpus is missing or malformed."""
    import yaml

    labels = corpus / "labels.yaml"
    if not labels.is_file():
        raise InputError("no labels.yaml here (not a posting corpus)", path=str(corpus))
    try:
        data = yaml.safe_load(labels.read_text(encoding="utf-8"))
        cases = [_case(entry) for entry in data["postings"]]
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise InputError(f"malformed labels: {exc}", path=str(labels)) from None
    for case in cases:
        if case.split == ALL_SPLITS:
            raise InputError(f"{case.file}: split {ALL_SPLITS!r} is reserved", path=str(labels))
        if not (corpus / case.file).is_file():
            raise InputError(f"{case.file}: posting file not found", path=str(labels))
    return cases


def _case(entry: dict[str, Any]) -> PostingCase:
    years = entry.get("years")
    return PostingCase(
        file=str(entry["file"]),
        split=str(entry.get("split") or UNSPLIT),
        kind=str(entry.get("kind") or ""),
        required=frozenset(entry.get("required") or ()),
        preferred=frozenset(entry.get("preferred") or ()) - frozenset(entry.get("required") or ()),
        duties=frozenset(entry.get("duties") or ()),
        any_of=tuple(frozenset(g) for g in entry.get("any_of") or () if len(set(g)) > 1),
        degree=entry.get("degree") or None,
        years=float(years) if years is not None else None,
    )


def reading_of(job: JobPosting) -> Reading:
    """The ids, tiers, groups, degree and years the reader produced."""
    groups: dict[str, set[str]] = {}
    for r in job.requirements:
        if r.group and r.id:
            groups.setdefault(r.group, set()).add(r.id)
    return Reading(
        tiers={r.id: r.tier for r in job.requirements if r.id},
        groups=tuple(frozenset(g) for g in groups.values() if len(g) > 1),
        degree=job.degree.level if job.degree else None,
        years=job.years.years if job.years else None,
    )


def baseline_reading(text: str, taxonomy: Taxonomy) -> Reading:
    """Keyword search: a skill is required when one of its unguarded aliases occurs as a
    whole word anywhere in the posting."""
    lowered = text.lower()
    tiers = {}
    for skill in taxonomy.skills.values():
        for alias in skill.aliases:
            if alias.has_context_guard or alias.case_sensitive:
                continue
            word = re.escape(alias.text.lower())
            if re.search(rf"(?<![\w+#]){word}(?![\w+#])", lowered):
                tiers[skill.id] = "required"
                break
    return Reading(tiers=tiers)


def score_readings(
    cases: Sequence[PostingCase], readings: Sequence[Reading], ignore: frozenset[str] = frozenset()
) -> SystemScores:
    """Every number of :class:`SystemScores` for one system over ``cases``."""
    tp = 0
    fps: list[tuple[str, str]] = []
    fns: list[tuple[str, str]] = []
    tiers_right = tiers_total = groups_found = groups_total = degree_right = years_right = 0
    duties: list[tuple[str, str]] = []
    tier_errors: list[tuple[str, str, str]] = []
    missed: list[tuple[str, str]] = []
    facts: list[tuple[str, str, str, str]] = []
    for case, read in zip(cases, readings, strict=True):
        found = set(read.tiers) - ignore
        gold = set(case.ids) - ignore
        tp += len(found & gold)
        fps.extend((sid, case.file) for sid in sorted(found - gold))
        fns.extend((sid, case.file) for sid in sorted(gold - found))
        for sid in sorted(found & gold):
            want = "required" if sid in case.required else "preferred"
            tiers_total += 1
            if read.tiers[sid] == want:
                tiers_right += 1
            else:
                tier_errors.append((sid, case.file, read.tiers[sid]))
        duties.extend((sid, case.file) for sid in sorted((case.duties - gold) & found))
        for group in case.any_of:
            groups_total += 1
            if group in read.groups:
                groups_found += 1
            else:
                missed.append(("|".join(sorted(group)), case.file))
        degree_right += read.degree == case.degree
        years_right += read.years == case.years
        facts.extend(
            (case.file, fact, str(value), str(label))
            for fact, value, label in (
                ("degree", read.degree, case.degree),
                ("years", read.years, case.years),
            )
            if value != label
        )
    return SystemScores(
        ids=Scores(
            tp=tp,
            fp=len(fps),
            fn=len(fns),
            false_positives=tuple(fps),
            false_negatives=tuple(fns),
        ),
        tiers_right=tiers_right,
        tiers_total=tiers_total,
        groups_found=groups_found,
        groups_total=groups_total,
        duties_as_requirements=tuple(duties),
        degree_right=degree_right,
        years_right=years_right,
        postings=len(cases),
        tier_errors=tuple(tier_errors),
        missed_groups=tuple(missed),
        fact_errors=tuple(facts),
    )


def evaluate_postings(
    corpus: Path | str | None = None,
    *,
    split: str = ALL_SPLITS,
    taxonomy: Taxonomy | None = None,
    nlp: Language | None = None,
) -> PostingEvalReport:
    """Score the posting reader and the keyword baseline on the corpus (``split``: all, or
    one of the splits its labels name: dev, heldout, blind)."""
    from cvgap.extract import build_nlp
    from cvgap.job.read import posting_text, read_job
    from cvgap.taxonomy import load_taxonomy

    root = postings_dir(corpus)
    every_case = load_posting_corpus(root)
    cases = select_split(every_case, split, root / "labels.yaml")
    taxonomy = taxonomy or load_taxonomy()
    _check_labels(every_case, taxonomy, root)
    nlp = nlp or build_nlp(taxonomy)
    ours: list[Reading] = []
    naive: list[Reading] = []
    for case in cases:
        path = root / case.file
        ours.append(reading_of(read_job(path, taxonomy=taxonomy, nlp=nlp)))
        naive.append(baseline_reading(posting_text(path)[0], taxonomy))
    ignore = frozenset({"masters-degree"})
    return PostingEvalReport(
        corpus=str(root),
        split=split,
        postings=len(cases),
        cvgap=score_readings(cases, ours, ignore),
        baseline=score_readings(cases, naive, ignore),
        readings={c.file: r for c, r in zip(cases, ours, strict=True)},
    )


def _check_labels(cases: Sequence[PostingCase], taxonomy: Taxonomy, root: Path) -> None:
    """A label that is no skill id (a typo) would silently count as never read."""
    for case in cases:
        named = case.ids | case.duties | {sid for group in case.any_of for sid in group}
        unknown = sorted(named - set(taxonomy.skills))
        if unknown:
            raise InputError(
                f"{case.file}: unknown skill id {unknown[0]!r} ('cvgap taxonomy show' lists "
                "the ids)",
                path=str(root / "labels.yaml"),
            )


def format_posting_report(report: PostingEvalReport, *, errors: bool = True) -> str:
    """The report as plain text: one row per system, then cvgap's errors."""
    rows = [
        f"Posting corpus: {report.corpus} (split: {report.split}, {report.postings} postings)",
        "",
        f"{'system':<9} {'P':>6} {'R':>6} {'F1':>6} {'tiers':>11} {'groups':>10} "
        f"{'duties-as-req':>13} {'degree':>7} {'years':>6}",
    ]
    for name, s in (("cvgap", report.cvgap), ("baseline", report.baseline)):
        n = s.postings or 1
        rows.append(
            f"{name:<9} {s.ids.precision:>6.3f} {s.ids.recall:>6.3f} {s.ids.f1:>6.3f} "
            f"{s.tier_accuracy:>5.3f} {s.tiers_right:>2}/{s.tiers_total:<3}"
            f"{s.groups_recall:>5.2f} {s.groups_found:>2}/{s.groups_total:<2} "
            f"{len(s.duties_as_requirements):>13} {s.degree_right / n:>7.2f} "
            f"{s.years_right / n:>6.2f}"
        )
    if errors:
        s = report.cvgap
        rows += ["", "cvgap errors (FP = read but not labelled, FN = labelled but missed):"]
        rows += [f"  FP {sid:<22} {file}" for sid, file in s.ids.false_positives]
        rows += [f"  FN {sid:<22} {file}" for sid, file in s.ids.false_negatives]
        rows += [f"  tier {sid:<20} {file} (read {tier})" for sid, file, tier in s.tier_errors]
        rows += [f"  group {g:<19} {file}" for g, file in s.missed_groups]
        rows += [f"  duty-as-req {sid:<13} {file}" for sid, file in s.duties_as_requirements]
        rows += [
            f"  {fact:<25} {file} (read {got}, labelled {want})"
            for file, fact, got, want in s.fact_errors
        ]
    return "\n".join(rows) + "\n"
