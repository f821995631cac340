"""The terminal and Markdown gap reports, on a tiny hand-built report (golden files).

The report is built by hand so that the golden files do not move when the taxonomy or the
scoring is tuned. Its résumé text is hostile on purpose: markup, HTML and Markdown syntax
that must all show as written.
"""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from markdown_it import MarkdownIt
from rich.cells import cell_len
from rich.console import Console, RenderableType

from cvgap.report.markdown import md_escape, render_markdown
from cvgap.report.terminal import render_report
from cvgap.types import (
    AnyOf,
    BatchResult,
    CategoryScore,
    Cohort,
    Evidence,
    Report,
    SkillResult,
    SkillShare,
)
from tests.conftest import check_golden

HOSTILE = "Built a C++/Python [bold]tool[/bold] for <script>alert(1)</script> defect detection"


def at(text: str, word: str, **fields: object) -> Evidence:
    """Evidence for ``text`` with ``word`` as the matched words."""
    start = text.index(word)
    return Evidence(text=text, start=start, end=start + len(word), **fields)  # type: ignore[arg-type]


def make_report(**changes: object) -> Report:
    """A small report: 3 matched (one listed only), 1 implied, 1 covered alternative, 2 gaps."""
    skills = (
        SkillResult(
            id="python",
            name="Python",
            category="programming",
            status="matched",
            required=True,
            weight=10.0,
            evidence=(
                at(f"- {HOSTILE}", "Python", section="experience", line=12, usage="applied"),
                at("Languages: Python, C++ (basic)", "Python", section="skills", line=20),
            ),
        ),
        SkillResult(
            id="pytorch",
            name="PyTorch",
            category="frameworks",
            status="matched",
            required=True,
            weight=9.0,
            group=AnyOf(("pytorch", "tensorflow")),
            evidence=(
                at(
                    "• Trained a U-Net in PyTorch; IoU 0.84 (val) | "
                    "3× faster, *see* repo_name/__init__.py",
                    "PyTorch",
                    section="projects",
                    line=15,
                    usage="applied",
                ),
            ),
        ),
        SkillResult(
            id="tensorflow",
            name="TensorFlow",
            category="frameworks",
            status="missing",
            required=True,
            weight=9.0,
            group=AnyOf(("pytorch", "tensorflow")),
            covered_by="pytorch",
            suggestion="Learn TensorFlow.",
        ),
        SkillResult(
            id="deep-learning",
            name="Deep learning",
            category="ml",
            status="implied",
            required=True,
            weight=7.0,
            evidence=(
                at(
                    "• Trained a U-Net in PyTorch",
                    "PyTorch",
                    section="projects",
                    line=15,
                    via="PyTorch",
                ),
            ),
        ),
        SkillResult(
            id="cpp",
            name="C++",
            category="programming",
            status="matched",
            required=False,
            weight=4.0,
            evidence=(at("Languages: Python, C++ (basic)", "C++", section="skills", line=20),),
        ),
        SkillResult(
            id="opencv",
            name="OpenCV",
            category="vision",
            status="missing",
            required=True,
            weight=4.0,
            suggestion="Build a classical OpenCV pipeline (edges, contours) and show "
            "before/after images.",
        ),
        SkillResult(
            id="docker",
            name="Docker",
            category="tooling",
            status="missing",
            required=False,
            weight=1.0,
            suggestion="Ship one project as a Docker image with a two-line README.",
        ),
    )
    report = Report(
        file="cv [v2] <final>.pdf",
        role="cv-intern",
        role_title="Computer Vision Intern",
        score=79,
        verdict="Good match: a few gaps to close",
        categories=(
            CategoryScore(id="programming", name="Programming", score=96),
            CategoryScore(id="frameworks", name="Deep-learning frameworks", score=100),
            CategoryScore(id="ml", name="ML foundations", score=75),
            CategoryScore(id="vision", name="Vision and numerical libraries", score=0),
        ),
        skills=skills,
        extra_skills=(
            SkillResult(
                id="jupyter",
                name="Jupyter",
                category="tooling",
                status="matched",
                required=False,
                weight=0.0,
            ),
        ),
        intents=(
            SkillResult(
                id="kubernetes",
                name="Kubernetes",
                category="tooling",
                status="missing",
                required=False,
                weight=0.0,
            ),
        ),
        warnings=("two text columns detected: lines may be out of order",),
        sections=("experience", "projects", "skills"),
    )
    return dataclasses.replace(report, **changes)  # type: ignore[arg-type]


def make_cohort() -> Cohort:
    base = make_report()
    results = (
        BatchResult(
            file="ana.pdf",
            digest="a",
            report=dataclasses.replace(
                base, file="ana.pdf", score=92, verdict="Strong match: ready to apply"
            ),
        ),
        BatchResult(file="ben <b>.txt", digest="b", report=base),
        BatchResult(
            file="chris.docx",
            digest="c",
            report=dataclasses.replace(
                base, file="chris.docx", score=35, verdict="Weak match: build the core first"
            ),
        ),
        BatchResult(
            file="dana.pdf",
            digest="d",
            error="dana.pdf: PDF is encrypted; give its password with --password",
        ),
        BatchResult(file="copy of ana.pdf", digest="a", duplicate_of="ana.pdf"),
    )
    skills = (
        SkillShare(id="python", name="Python", required=True, weight=10, have=3, total=3),
        SkillShare(
            id="tensorflow", name="TensorFlow", required=True, weight=9, have=0, total=3, covered=3
        ),
        SkillShare(id="opencv", name="OpenCV", required=True, weight=4, have=1, total=3),
        SkillShare(id="docker", name="Docker", required=False, weight=1, have=0, total=3),
    )
    return Cohort(
        role="cv-intern", role_title="Computer Vision Intern", results=results, skills=skills
    )


def render_rich(renderable: RenderableType, width: int = 80, **kwargs: object) -> str:
    """Render like a terminal of ``width`` columns, deterministically (the one place that
    uses rich's private ``_environ``)."""
    options: dict[str, object] = {"color_system": None, "_environ": {}}
    options.update(kwargs)
    console = Console(file=io.StringIO(), width=width, legacy_windows=False, **options)  # type: ignore[arg-type]
    console.print(renderable)
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


# --------------------------------------------------------------------------- terminal


@pytest.mark.parametrize("width", [80, 50])
def test_terminal_golden(width: int, update_golden: bool) -> None:
    check_golden(
        f"report-terminal-{width}.txt",
        render_rich(render_report(make_report()), width),
        update_golden,
    )


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_terminal_fits_the_width(width: int) -> None:
    lines = render_rich(render_report(make_report()), width).splitlines()
    assert max(cell_len(line) for line in lines) <= width


def test_terminal_prints_resume_markup_as_written() -> None:
    out = render_rich(render_report(make_report()), 200)
    assert HOSTILE in out
    assert "cv [v2] <final>.pdf" in out


def test_terminal_gaps_by_impact_with_evidence_beside_matches() -> None:
    out = render_rich(render_report(make_report()), 100)
    assert out.index("OpenCV") < out.index("Docker (preferred)")
    assert re.search(r"OpenCV\s+\+11\s+Build a classical", out)  # 4 of 35 weight points
    assert re.search(r"✔ Python\s+10\s+experience:12\s+Built a C\+\+", out)
    assert re.search(r"≈ Deep learning\s+7\s+projects:15\s+via PyTorch: Trained", out)
    assert "TensorFlow" not in out  # covered by PyTorch: not a gap, not a match


def test_terminal_respects_no_color() -> None:
    colour = render_rich(
        render_report(make_report()), force_terminal=True, color_system="truecolor"
    )
    plain = render_rich(
        render_report(make_report()),
        force_terminal=True,
        color_system="truecolor",
        _environ={"NO_COLOR": "1"},
    )
    sgr_colour = re.compile(r"\x1b\[[0-9;]*(?:3[0-9]|9[0-7]|38;)[0-9;]*m")
    assert sgr_colour.search(colour)
    assert not sgr_colour.search(plain)
    assert "✔ Python" in re.sub(r"\x1b\[[0-9;]*m", "", plain)


# --------------------------------------------------------------------------- markdown


def test_markdown_golden(update_golden: bool) -> None:
    check_golden("report-markdown.md", render_markdown(make_report()), update_golden)


def _github_like(markdown: str) -> str:
    html: str = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    return html


def test_markdown_shows_resume_text_as_written() -> None:
    html = _github_like(render_markdown(make_report()))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html
    assert "[bold]tool[/bold]" in html
    assert "cv [v2] &lt;final&gt;.pdf" in html
    assert "IoU 0.84 (val) | 3× faster, *see* repo_name/__init__.py" in html


def test_markdown_escapes_only_what_github_would_change() -> None:
    md = render_markdown(make_report())
    assert "**C++** (basic)" in md  # no "C\+\+" or "\(" in the raw text
    assert "repo_name/" in md
    for text, escaped in [
        ("a | b", r"a \| b"),
        ("<b>hi</b>", r"\<b>hi\</b>"),
        ("[link](http://x)", r"\[link\](http://x)"),
        ("*em* and __init__", r"\*em\* and \_\_init\_\_"),
        ("snake_case C# (x) 3+4 #1", "snake_case C# (x) 3+4 #1"),
        ("# heading", r"\# heading"),
        ("1. item", r"1\. item"),
        ("&amp; & co", r"\&amp; & co"),
        ("$5 to $10", r"\$5 to \$10"),
        ("`code` ~~x~~", r"\`code\` \~\~x\~\~"),
        ("a\\b and \\*", r"a\b and \\\*"),
        ("two\n  lines", "two lines"),
    ]:
        assert md_escape(text) == escaped, text
        rendered = _github_like(f"| {md_escape(text)} |\n|---|\n")
        assert "<a " not in rendered and "<em>" not in rendered and "<s>" not in rendered


def test_markdown_lists_gaps_by_impact_with_their_suggestion() -> None:
    md = render_markdown(make_report())
    gaps = md[md.index("## What to add") : md.index("## Matched")]
    assert gaps.splitlines()[2:4] == [
        "1. **OpenCV** (required, up to +11 points): Build a classical OpenCV pipeline "
        "(edges, contours) and show before/after images.",
        "2. **Docker** (preferred, up to +3 points): Ship one project as a Docker image with "
        "a two-line README.",
    ]


# --------------------------------------------------------------------------- cohort


def test_cohort_markdown_golden(update_golden: bool) -> None:
    from cvgap.report.cohort import render_cohort_markdown

    check_golden("cohort-report.md", render_cohort_markdown(make_cohort()), update_golden)


def test_reports_without_skills_or_scored_results_still_render() -> None:
    from cvgap.report.cohort import render_cohort_html, render_cohort_markdown
    from cvgap.report.html import render_html

    empty = make_report(skills=(), categories=(), extra_skills=(), intents=(), warnings=())
    assert "Coverage by category" not in render_rich(render_report(empty))
    assert "## " not in render_markdown(empty)
    assert "<h2>" not in render_html(empty)
    failed_only = dataclasses.replace(make_cohort(), results=make_cohort().failed, skills=())
    assert "## Ranking" not in render_cohort_markdown(failed_only)
    assert "dana.pdf" in render_cohort_html(failed_only)


def test_reports_say_so_when_nothing_is_missing() -> None:
    from cvgap.report.html import render_html

    report = make_report()
    complete = make_report(skills=tuple(s for s in report.skills if not s.is_gap))
    for render in (lambda r: render_rich(render_report(r)), render_markdown, render_html):
        assert "No gaps: every skill the role asks for is on the résumé." in render(complete)
        assert "No gaps" not in render(report)
