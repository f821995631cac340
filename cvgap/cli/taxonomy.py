"""``cvgap taxonomy ...``: lint, test, show and init the skills taxonomy; explain lint rules.

``lint`` and ``test`` print one ``path:line:col: level: message [rule-id]`` line per
problem (or the ``github``/``json`` formats) and exit 0 (clean), 1 (problems; warnings only
with ``--strict``) or 2 (could not run).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from cvgap.cli.support import EXIT_OK, EXIT_VERDICT, TaxonomyOption, error_boundary, stdout_console
from cvgap.types import Problem

app = typer.Typer(
    help="Check and inspect skills taxonomies (skills/ is code).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


class ProblemFormat(str, Enum):
    auto = "auto"
    standard = "standard"
    parsable = "parsable"
    github = "github"
    json = "json"


class ShowFormat(str, Enum):
    table = "table"
    json = "json"


PathsArgument = Annotated[
    Optional[list[Path]],  # noqa: UP045 - typer needs Optional on Python 3.10
    typer.Argument(
        help="Taxonomy folders or files [default: --taxonomy, else the built-in taxonomy].",
        show_default=False,
        metavar="PATH",
    ),
]
FormatOption = Annotated[
    ProblemFormat,
    typer.Option(
        "--format",
        "-f",
        help="Output format; auto is github under GitHub Actions, "
        "else standard (coloured on a terminal).",
    ),
]
StrictOption = Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")]


def _targets(paths: Sequence[Path] | None, taxonomy: Path | None) -> list[Path]:
    from cvgap.taxonomy import default_skills_dir

    if paths:
        return list(paths)
    if taxonomy is not None:
        return [taxonomy]
    builtin = default_skills_dir()
    try:  # show "skills/..." rather than an absolute path when run from a checkout
        return [builtin.relative_to(Path.cwd())]
    except ValueError:
        return [builtin]


def _resolve_format(fmt: ProblemFormat) -> ProblemFormat:
    if fmt is not ProblemFormat.auto:
        return fmt
    return ProblemFormat.github if os.environ.get("GITHUB_ACTIONS") else ProblemFormat.standard


def _print_problems(problems: Sequence[Problem], fmt: ProblemFormat, summary: str) -> None:
    from cvgap.taxonomy.lint import formats

    fmt = _resolve_format(fmt)
    if fmt is ProblemFormat.json:
        typer.echo(formats.as_json(problems), nl=False)
        return
    if fmt is ProblemFormat.github:
        typer.echo(formats.github(problems), nl=False)
    elif fmt is ProblemFormat.parsable:
        typer.echo(formats.parsable(problems), nl=False)
        return
    elif sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        _print_coloured(problems)
    else:
        typer.echo(formats.parsable(problems), nl=False)
    typer.echo(summary, err=True)


def _print_coloured(problems: Sequence[Problem]) -> None:
    from rich.text import Text

    console = stdout_console()
    for p in problems:
        console.print(
            Text.assemble(
                (f"{p.path}:{p.line}:{p.column}:", "bold"),
                " ",
                (f"{p.level}:", "bold red" if p.level == "error" else "bold yellow"),
                f" {p.message} ",
                (f"[{p.rule}]", "dim"),
            ),
            soft_wrap=True,
        )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _exit_code(problems: Sequence[Problem], strict: bool) -> int:
    failing = [p for p in problems if p.level == "error" or strict]
    return EXIT_VERDICT if failing else EXIT_OK


@app.command()
def lint(
    paths: PathsArgument = None,
    taxonomy: TaxonomyOption = None,
    output_format: FormatOption = ProblemFormat.auto,
    strict: StrictOption = False,
) -> None:
    """Report every problem in skills and role files as path:line:col: level: message [rule].

    Exit 0 when there are no errors (and no warnings with --strict), 1 when there are,
    2 when the lint could not run.
    """
    from cvgap.taxonomy.lint import formats, lint_paths

    with error_boundary():
        problems = lint_paths(_targets(paths, taxonomy))
        _print_problems(problems, output_format, formats.summary(problems))
    raise typer.Exit(_exit_code(problems, strict))


@app.command("test")
def test_examples(
    paths: PathsArgument = None,
    taxonomy: TaxonomyOption = None,
    output_format: FormatOption = ProblemFormat.auto,
) -> None:
    """Run every skill's examples.match / examples.no_match through the real pipeline.

    Exit 0 when every example passes, 1 when one fails, 2 when the taxonomy has errors.
    """
    from cvgap.taxonomy.verify import verify_paths

    with error_boundary():
        result = verify_paths(_targets(paths, taxonomy))
        failed = len(result.problems)
        ran = f"{_count(result.examples, 'example')} of {_count(result.skills, 'skill')}"
        summary = f"{ran}: {failed} failed" if failed else f"{ran}: all passed"
        _print_problems(result.problems, output_format, summary)
    raise typer.Exit(_exit_code(result.problems, strict=True))


@app.command()
def show(
    role: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--role", "-r", help="Show one role's requirements and weights."),
    ] = None,
    taxonomy: TaxonomyOption = None,
    output_format: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ShowFormat.table,
) -> None:
    """Show the skills, categories, aliases, implications and role weights."""
    import json

    from cvgap.taxonomy import load_taxonomy
    from cvgap.taxonomy.show import describe

    with error_boundary():
        tax = load_taxonomy(taxonomy, include_default=True)
        data = describe(tax, role)
        if output_format is ShowFormat.json:
            typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            _show_table(data)


def _show_table(data: dict[str, Any]) -> None:
    from rich.table import Table

    console = stdout_console()
    if "role" in data:
        role = data["role"]
        table = Table(
            title=f"{role['title']} ({role['id']}): total weight {role['total_weight']:g}",
            title_justify="left",
        )
        for column in ("skill", "category", "weight", "required"):
            table.add_column(column, justify="right" if column == "weight" else "left")
        for req in role["requirements"]:
            table.add_row(
                " or ".join(req["names"]),
                req["category"],
                f"{req['weight']:g}",
                "required" if req["required"] else "preferred",
            )
        console.print(table)
        return
    for cat in data["categories"]:
        table = Table(title=f"{cat['name']} ({cat['id']})", title_justify="left")
        for column in ("id", "name", "aliases", "implies"):
            table.add_column(column, overflow="fold")
        for skill in cat["skills"]:
            table.add_row(
                skill["id"], skill["name"], ", ".join(skill["aliases"]), ", ".join(skill["implies"])
            )
        console.print(table)
    roles = Table(title="Roles", title_justify="left")
    for column in ("id", "title", "extends", "total weight"):
        roles.add_column(column)
    for role in data["roles"]:
        roles.add_row(role["id"], role["title"], role["extends"] or "", f"{role['total_weight']:g}")
    console.print(roles)


@app.command()
def rules(
    rule_id: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="A rule id, e.g. ambiguous-alias [default: list every rule].",
            show_default=False,
            metavar="ID",
        ),
    ] = None,
    output_format: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ShowFormat.table,
) -> None:
    """List the lint rules, or explain one: what it checks, why, and examples.

    Exit 2 for an unknown rule id.
    """
    import json

    from cvgap.taxonomy.lint import RULES, find_rule

    with error_boundary():
        chosen = [find_rule(rule_id)] if rule_id else list(RULES.values())
    if output_format is ShowFormat.json:
        data = [{"id": r.id, "level": r.level, "summary": r.summary, "doc": r.doc} for r in chosen]
        typer.echo(json.dumps(data[0] if rule_id else data, indent=2, ensure_ascii=False))
    elif rule_id:
        typer.echo(f"{chosen[0].id} ({chosen[0].level})\n\n{chosen[0].doc}")
    else:
        width = max(len(r.id) for r in chosen)
        for r in chosen:
            typer.echo(f"{r.id:<{width}}  {r.level:<7}  {r.summary}")


@app.command()
def init(
    folder: Annotated[
        Path, typer.Argument(help="New folder for the custom taxonomy.", file_okay=False)
    ],
) -> None:
    """Scaffold a custom taxonomy: a role extending cv-intern and one example skill."""
    from cvgap.taxonomy.scaffold import init_taxonomy

    with error_boundary():
        written = init_taxonomy(folder)
    for path in written:
        typer.echo(f"created {path}")
    typer.echo(
        f"next: cvgap taxonomy lint {folder} && cvgap taxonomy test {folder}\n"
        f"then: cvgap check resume.pdf --taxonomy {folder} --role our-cv-intern"
    )
