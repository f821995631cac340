"""Cohort reports for ``cvgap batch``: ranking, score distribution, shared gaps, failures."""

from __future__ import annotations

from cvgap.report.markdown import md_escape
from cvgap.types import Cohort


def render_cohort_markdown(cohort: Cohort) -> str:
    """The cohort report as GitHub-flavoured Markdown."""
    scored, failed = cohort.scored, cohort.failed
    out = [
        f"# Cohort report: {md_escape(cohort.role_title)}",
        "",
        f"{len(scored)} scored, {len(failed)} failed, "
        f"{len(cohort.results) - len(scored) - len(failed)} duplicates",
        "",
        "## Ranking",
        "",
        "| # | File | Score | Verdict |",
        "|---:|---|---:|---|",
    ]
    for rank, result in enumerate(cohort.ranking, start=1):
        assert result.report is not None
        out.append(
            f"| {rank} | {md_escape(result.file)} | {result.report.score} | "
            f"{md_escape(result.report.verdict)} |"
        )
    out += ["", "## Most common gaps", "", "| Skill | Have it | Share |", "|---|---:|---:|"]
    out += [
        f"| {md_escape(s.name)} | {s.have}/{s.total} | {s.share:.0%} |" for s in cohort.common_gaps
    ]
    if failed:
        out += ["", "## Failed files", ""]
        out += [f"- {md_escape(r.file)}: {md_escape(r.error or '')}" for r in failed]
    return "\n".join(out) + "\n"


def render_cohort_html(cohort: Cohort) -> str:
    """The cohort report as one self-contained HTML page."""
    raise NotImplementedError("cohort HTML is not written yet")
