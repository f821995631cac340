"""The README and docs/ are part of the product: the quick start, the generated reference
(CLI, lint rules), the exit codes and every link stay true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cvgap.cli import app
from cvgap.cli.reference import command_paths, help_text

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _block(tag: str) -> str:
    match = re.search(rf"```bash {tag}\n(.+?)\n```", README)
    assert match, f"README has no ```bash {tag} block"
    return match.group(1)


def test_quick_start_has_the_two_commands() -> None:
    assert "## Quick start" in README
    run = _block("run-command")
    assert "pip install" in run
    sample = re.search(r"cvgap check (\S+)", run)
    assert sample and (ROOT / sample.group(1)).is_file()
    test = _block("test-command")
    for tool in ("pip install", "ruff check", "mypy", "pytest"):
        assert tool in test
    # after the Quick start, `cvgap` is on PATH only in an activated environment
    assert "source .venv/bin/activate\ncvgap " in README


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash test-command" in ci


def _markdown_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda p: p.name)
def test_generated_docs_are_up_to_date(path: Path) -> None:
    from cogapp import Cog

    name = path.relative_to(ROOT).as_posix()
    assert Cog().main(["cog", "--check", str(path)]) == 0, f"{name} is stale: run `cog -r {name}`"


def _slug(heading: str) -> str:
    """GitHub's anchor for a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return {_slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.M)}


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda p: p.name)
def test_links_between_pages_resolve(path: Path) -> None:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue  # an external address
        file, _, anchor = target.partition("#")
        linked = (path.parent / file).resolve() if file else path
        if not linked.exists() or (
            anchor and linked.suffix == ".md" and anchor not in _anchors(linked)
        ):
            broken.append(target)
    assert broken == [], f"{path.name} links to missing pages or headings: {broken}"


@pytest.mark.parametrize("path", list(command_paths(app)), ids=" ".join)
def test_every_command_has_help_and_is_documented(path: list[str]) -> None:
    text = help_text(app, path)
    assert text.startswith("Usage: cvgap ")
    summary = text.split("\n\n")[1].strip()
    assert summary, f"cvgap {' '.join(path)} has no help text"
    assert f"## `cvgap {' '.join(path)}`" in CLI_DOC, (
        "docs/cli.md is stale: run `cog -r docs/cli.md`"
    )


def test_every_exit_code_is_documented() -> None:
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 3 |", "| 130 |"):
        assert code in README


def test_click_is_never_imported_directly() -> None:
    """typer vendors click; importing it directly would break on typer upgrades."""
    offenders = [
        path.name
        for path in (ROOT / "cvgap").rglob("*.py")
        if re.search(r"^\s*(import|from) click\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []
