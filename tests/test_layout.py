"""The house rules of the code's layout, read from the source with ``ast`` (docs/architecture.md).

- Imports only go down the stage order: types/config/errors, fetch/inputs, clean, quotes, parse, cues,
  attribution, speakers, pipeline, serialize, corpus, then the surfaces. Every import counts,
  including those inside functions and under ``TYPE_CHECKING``: a lazy import is still a dependency.
- No import cycle between modules.
- Outside a stage package, code imports the package (its ``__init__``), never an inner module.
- No module in toolkit/, server/, tests/, benchmarks/ or scripts/ is over 400 lines.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = {"quotelens": ROOT / "toolkit", "quotelens.server": ROOT / "server"}
MAX_LINES = 400

# Lower rank = lower layer. A module may import only from a lower rank, or from its own package.
LAYERS: list[tuple[str, ...]] = [
    ("version", "types", "errors", "config", "lexicon", "malloc"),
    ("fetch", "inputs"),
    ("clean",),
    ("quotes",),
    ("parse",),
    ("cues",),
    ("attribution",),
    ("speakers",),
    ("pipeline",),
    ("serialize",),
    ("corpus",),
    ("notebook",),
    ("widget",),
    ("server",),
    ("browser",),
    ("cli",),
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}
STAGE_PACKAGES = {"clean", "quotes", "parse", "cues", "attribution", "speakers", "corpus", "notebook", "server"}


def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every .py under the package sources."""
    found = {}
    for prefix, folder in SOURCES.items():
        for path in folder.rglob("*.py"):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join([prefix, *parts])] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules ``name`` imports, resolved to the most specific known module."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            # "from . import clean" imports the module quotelens.clean
            targets = [f"{mod}.{a.name}" if f"{mod}.{a.name}" in known else mod for a in node.names]
        for t in targets:
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t != name:
                out.add(t)
    return out


def place(name: str) -> tuple[str, str | None]:
    """(layer name, stage package or None) of a module."""
    parts = name.split(".")
    if parts == ["quotelens"]:
        return "__init__", None
    top = parts[1]
    return top, top if top in STAGE_PACKAGES else None


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def test_every_module_has_a_layer(graph):
    unplaced = sorted(n for n in graph if place(n)[0] not in RANK and place(n)[0] != "__init__")
    assert not unplaced, f"add these to LAYERS (and to docs/architecture.md): {unplaced}"


def test_imports_only_go_down(graph):
    upward = []
    for name, targets in graph.items():
        layer, package = place(name)
        if layer == "__init__":
            continue  # the public API sits above everything
        for t in targets:
            t_layer, t_package = place(t)
            if t_layer == "__init__":
                upward.append(f"{name} imports the top-level quotelens package")
            elif package is not None and package == t_package:
                continue
            elif RANK[t_layer] >= RANK[layer] and not (layer == t_layer and RANK[layer] == 0):
                upward.append(f"{name} ({layer}) imports {t} ({t_layer})")
    assert not upward, "\n".join(sorted(upward))


def test_no_import_cycles(graph):
    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> None:
        state[n] = 1
        stack.append(n)
        for t in sorted(graph.get(n, ())):
            if state.get(t) == 1:
                cycles.append(" -> ".join(stack[stack.index(t):] + [t]))
            elif t not in state:
                visit(t)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n)
    assert not cycles, "\n".join(cycles)


def test_inner_modules_are_private_to_their_package(graph):
    reaching_in = []
    for name, targets in graph.items():
        _, package = place(name)
        for t in targets:
            t_layer, t_package = place(t)
            inner = t_package is not None and t != f"quotelens.{t_package}" and t_package != "server"
            if inner and package != t_package and place(name)[0] != "__init__":
                reaching_in.append(f"{name} imports {t}: import quotelens.{t_package} instead")
    assert not reaching_in, "\n".join(sorted(reaching_in))


@pytest.mark.parametrize("folder", ["toolkit", "server", "tests", "benchmarks", "scripts"])
def test_no_module_over_400_lines(folder):
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / folder).rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"split these where their logic splits: {long}"


def test_the_checks_see_an_upward_import(tmp_path):
    """The graph reader itself: a stage importing a later one is caught, resolved to its module."""
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "__init__.py").write_text("")
    (tmp_path / "clean" / "x.py").write_text("def f():\n    from ..speakers import resolve_speakers\n")
    known = {"quotelens.clean": tmp_path / "clean" / "__init__.py", "quotelens.clean.x": tmp_path / "clean" / "x.py",
             "quotelens.speakers": tmp_path / "speakers.py"}
    assert imports_of("quotelens.clean.x", known["quotelens.clean.x"], known) == {"quotelens.speakers"}
    assert RANK[place("quotelens.speakers")[0]] > RANK[place("quotelens.clean.x")[0]]
