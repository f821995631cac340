"""The dependency directions drawn in docs/architecture.md hold in the code.

The table between ``<!-- layers`` and ``<!-- /layers -->`` in docs/architecture.md is the one
statement of which part of cvgap may import which (and which part alone may import typer or
rich); this test reads it and checks every ``import`` in ``cvgap/``, including the lazy ones
inside functions and those under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cvgap"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
EVERY_PART = "every part but `__main__`"


@dataclass(frozen=True)
class Layer:
    part: str
    may_import: frozenset[str]
    libraries: frozenset[str]  # third-party libraries this part may import and others not


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. cvgap.extract.ruler
    line: int
    target: str  # what it imports, e.g. cvgap.types or typer


def _names(cell: str) -> frozenset[str]:
    return frozenset(re.findall(r"`([\w.]+)`", cell))


def read_layers(text: str) -> dict[str, Layer]:
    match = re.search(r"<!-- layers\b.*?-->\n(.*?)<!-- /layers -->", text, re.S)
    assert match, "docs/architecture.md has no <!-- layers --> table"
    rows = [line for line in match.group(1).splitlines() if line.startswith("| `")]
    layers = {}
    for row in rows:
        part_cell, may_cell, lib_cell = (c.strip() for c in row.strip("|").split("|"))
        (part,) = _names(part_cell)
        may = _names(may_cell) if may_cell != EVERY_PART else frozenset({"*"})
        layers[part] = Layer(part, may, _names(lib_cell))
    return layers


LAYERS = read_layers(ARCHITECTURE.read_text(encoding="utf-8"))
PARTS = sorted(
    "cvgap" if p.name == "__init__.py" else p.stem if p.is_file() else p.name
    for p in PACKAGE.iterdir()
    if (p.suffix == ".py") or (p.is_dir() and (p / "__init__.py").exists())
)


def part_of(module: str) -> str:
    """``cvgap.extract.ruler`` -> ``extract``; ``cvgap`` -> ``cvgap`` (the package root)."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "cvgap"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_in(module: str, source: str, *, is_package: bool = False) -> list[Import]:
    """Every import in ``source`` (the text of ``module``), wherever it stands."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [Import(module, node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            if base == "cvgap":  # from cvgap import types -> the submodule, if it is one
                found += [
                    Import(module, node.lineno, f"cvgap.{a.name}" if a.name in PARTS else "cvgap")
                    for a in node.names
                ]
            else:
                found.append(Import(module, node.lineno, base))
    return found


def imports_of(path: Path) -> list[Import]:
    source = path.read_text(encoding="utf-8")
    return imports_in(_module_name(path), source, is_package=path.name == "__init__.py")


ALL_IMPORTS = [imp for path in sorted(PACKAGE.rglob("*.py")) for imp in imports_of(path)]


def violations(imports: list[Import], layers: dict[str, Layer]) -> list[str]:
    """Every import the table does not allow, as ``module:line imports target``."""
    restricted = frozenset().union(*(layer.libraries for layer in layers.values()))
    out = []
    for imp in imports:
        source = part_of(imp.module)
        layer = layers[source]
        top = imp.target.split(".")[0]
        if top == "cvgap":
            target = part_of(imp.target)
            allowed = target == source or target in layer.may_import
            if "*" in layer.may_import:
                allowed = target != "__main__"
        elif top == "click":
            allowed = False  # typer vendors click; import typer instead
        else:
            allowed = top not in restricted or top in layer.libraries
        if not allowed:
            out.append(f"{imp.module}:{imp.line} imports {imp.target}")
    return out


def test_every_part_has_a_row_in_the_table() -> None:
    missing = [part for part in PARTS if part not in LAYERS]
    assert missing == [], (
        f"cvgap/ has {missing} with no row in the layers table of docs/architecture.md: "
        "add one saying what it may import"
    )


def test_the_table_names_only_parts_that_exist() -> None:
    named = {p for layer in LAYERS.values() for p in layer.may_import} | set(LAYERS)
    assert named - {"*"} <= set(PARTS)


def test_imports_follow_the_dependency_directions() -> None:
    assert violations(ALL_IMPORTS, LAYERS) == []


def test_types_import_nothing_of_cvgap_but_themselves() -> None:
    from_types = [i.target for i in ALL_IMPORTS if part_of(i.module) == "types"]
    assert from_types, "cvgap/types/ was not read"
    assert [t for t in from_types if t.startswith("cvgap") and part_of(t) != "types"] == []


@pytest.mark.parametrize(
    ("module", "target"),
    [
        ("cvgap.extract.ruler", "cvgap.cli.support"),  # a stage reaching up to the CLI
        ("cvgap.ingest.flow", "cvgap.extract"),  # a stage importing another stage
        ("cvgap.report.html", "cvgap.cli"),
        ("cvgap.types.core", "cvgap.errors"),
        ("cvgap.taxonomy.verify", "cvgap.report"),
        ("cvgap.score", "typer"),  # only cli imports typer
        ("cvgap.ingest.text", "rich.console"),
        ("cvgap.cli.check", "click"),
        ("cvgap.extract", "cvgap"),  # the package root re-exports api: a cycle upward
    ],
)
def test_a_wrong_direction_is_caught(module: str, target: str) -> None:
    assert violations([Import(module, 1, target)], LAYERS) == [f"{module}:1 imports {target}"]


def test_lazy_and_relative_imports_are_read() -> None:
    source = (
        "from __future__ import annotations\n"
        "def f():\n"
        "    from cvgap.report import render_html\n"
        "    from . import inputs\n"
        "    from cvgap import api, __version__\n"
    )
    targets = [i.target for i in imports_in("cvgap.batch.probe", source)]
    assert targets == ["__future__", "cvgap.report", "cvgap.batch", "cvgap.api", "cvgap"]


MAX_MODULE_LINES = 400


def test_no_module_is_over_the_size_limit() -> None:
    """The project rule: a module over ~400 lines is split along a real seam."""
    long = {
        str(p.relative_to(ROOT)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}
