"""The shape of lib/: no import cycle, layers in order (words and model, readers, classify, extract, tables,
analysis, run: nothing imports a layer above its own), the benchmark outside the package."""

from __future__ import annotations

import ast
from pathlib import Path

from lib.paths import ROOT

LIB = ROOT / "lib"


def modules() -> dict[str, Path]:
    out = {}
    for path in LIB.rglob("*.py"):
        rel = path.relative_to(ROOT).with_suffix("")
        out[".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)] = path
    return out


def import_graph() -> dict[str, set[str]]:
    """Module -> the lib modules it imports (absolute and relative, at any level of the file)."""
    mods = modules()
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1]) if node.level else ""
                module = ".".join(p for p in (base, node.module or "") if p)
                # "from . import text" imports the submodule; the package only for a name defined in it
                named = [f"{module}.{a.name}" for a in node.names]
                whole = node.module or any(m not in mods for m in named)
                deps |= {m for m in ([module] if whole else []) + named if m in mods}
            elif isinstance(node, ast.Import):
                deps |= {a.name for a in node.names if a.name in mods}
        graph[name] = deps - {name}
    return graph


def test_no_import_cycle():
    graph, state, cycles = import_graph(), {}, []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        stack.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == "open":
                cycles.append(" -> ".join(stack[stack.index(dep) :] + [dep]))
            elif dep not in state:
                visit(dep, stack)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    assert not cycles, cycles


def test_the_run_layer_is_on_top():
    graph = import_graph()
    below = [n for n in graph if not n.startswith("lib.run") and n != "lib.__main__"]
    assert below and "lib.analysis.corpus" in below
    offenders = {n: sorted(d for d in graph[n] if d.startswith("lib.run")) for n in below}
    assert not {n: d for n, d in offenders.items() if d}


# The layers of lib/, lowest first: a module imports modules of its own layer or of the layers below it.
LAYERS = [
    (
        "words and model",
        ("lib", "lib.paths", "lib.vocab", "lib.model", "lib.privacy", "lib.forces", "lib.measures", "lib.scan"),
    ),
    ("readers", ("lib.readers",)),
    ("classify", ("lib.text", "lib.structure", "lib.titles", "lib.classify")),
    ("extract", ("lib.extract", "lib.checks")),
    ("tables", ("lib.tables", "lib.doccache", "lib.pipeline", "lib.tracker", "lib.tracker_match")),
    ("analysis", ("lib.analysis",)),
    ("run", ("lib.run", "lib.__main__")),
]


def layer(module: str) -> int:
    """The layer of a module: the most specific prefix of ``LAYERS`` it falls under."""
    found = [
        (len(p), k)
        for k, (_, prefixes) in enumerate(LAYERS)
        for p in prefixes
        if module == p or (p != "lib" and module.startswith(p + "."))  # "lib" itself: the package's __init__
    ]
    assert found, f"{module} stands in no layer of LAYERS"
    return max(found)[1]


def test_lower_layers_never_import_higher_ones():
    graph = import_graph()
    upward = {
        f"{n} ({LAYERS[layer(n)][0]})": sorted(f"{d} ({LAYERS[layer(d)][0]})" for d in deps if layer(d) > layer(n))
        for n, deps in graph.items()
    }
    assert {n: d for n, d in upward.items() if d} == {}


def test_the_benchmark_stands_outside_the_package():
    assert not (LIB / "bench.py").exists() and (ROOT / "benchmarks" / "bench.py").is_file()
