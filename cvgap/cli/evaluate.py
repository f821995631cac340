"""``cvgap eval``: measure extraction accuracy on a labelled corpus.

Parse the options, call :func:`cvgap.evaluate.evaluate`, print the P/R/F1 table and the
per-skill errors (or JSON), and exit 1 when cvgap falls below ``--min-f1`` or
``--min-precision`` (the floor CI holds it to).
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from cvgap.cli.outputs import format_for
from cvgap.cli.support import (
    EXIT_VERDICT,
    RoleOption,
    TaxonomyOption,
    error_boundary,
    error_line,
    write_output,
)
from cvgap.evaluate import ALL_SPLITS
from cvgap.taxonomy import DEFAULT_ROLE


class EvalFormat(str, Enum):
    text = "text"
    json = "json"


EVAL_SUFFIXES = {".json": EvalFormat.json, ".txt": EvalFormat.text}

app = typer.Typer()


# Shared with ``cvgap job eval``, which measures posting reading on the same kind of corpus.
SplitOption = Annotated[
    str,
    typer.Option(
        "--split", help=f"{ALL_SPLITS}, or one of the splits the corpus's labels.yaml names."
    ),
]
MinF1Option = Annotated[
    Optional[float],  # noqa: UP045 - typer needs Optional on Python 3.10
    typer.Option("--min-f1", min=0.0, max=1.0, help="Exit 1 when cvgap's F1 is below this."),
]


@app.command("eval")
def eval_command(
    corpus: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Argument(
            help="A labelled corpus: a folder with labels.yaml and resumes/ "
            "(default: tests/eval, in a source checkout only).",
            file_okay=False,
            show_default=False,
        ),
    ] = None,
    split: SplitOption = ALL_SPLITS,
    role: RoleOption = DEFAULT_ROLE,
    output_format: Annotated[
        Optional[EvalFormat],  # noqa: UP045
        typer.Option("--format", "-f", help="Output format [default: from -o, else text]."),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            help="Write the report to this file (.txt or .json) instead of stdout.",
        ),
    ] = None,
    taxonomy: TaxonomyOption = None,
    min_f1: MinF1Option = None,
    min_precision: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(
            "--min-precision", min=0.0, max=1.0, help="Exit 1 when cvgap's precision is below this."
        ),
    ] = None,
) -> None:
    """Measure skill extraction (micro P/R/F1) against a keyword baseline."""
    from cvgap.evaluate import evaluate, format_report

    fmt = format_for(output_format, output, EVAL_SUFFIXES, EvalFormat.text)
    with error_boundary():
        from cvgap.taxonomy import load_taxonomy

        tax = load_taxonomy(taxonomy, include_default=True)
        report = evaluate(corpus, split=split, taxonomy=tax, role=role)
        if fmt is EvalFormat.json:
            write_output(json.dumps(report.to_dict(), indent=2) + "\n", output)
        else:
            write_output(format_report(report), output)
    below = []
    if min_f1 is not None and report.cvgap.f1 < min_f1:
        below.append(f"F1 {report.cvgap.f1:.3f} is below --min-f1 {min_f1:g}")
    if min_precision is not None and report.cvgap.precision < min_precision:
        below.append(
            f"precision {report.cvgap.precision:.3f} is below --min-precision {min_precision:g}"
        )
    if below:
        error_line("; ".join(below))
        raise typer.Exit(EXIT_VERDICT)
