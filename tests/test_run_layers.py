"""The shape of lib/: no import cycle, the run layer on top (nothing below imports it), no module of the run
layer over 450 lines, the benchmark outside the package."""

from __future__ import annotations

import ast
from pathlib import Path

from lib.paths import ROOT

LIB = ROOT / "lib"
MAX_LINES = 450


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
                deps |= {m for m in [module, *(f"{module}.{a.name}" for a in node.names)] if m in mods}
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


def test_no_run_module_over_450_lines_and_the_benchmark_outside():
    run = [*(LIB / "run").rglob("*.py"), LIB / "__main__.py", LIB / "paths.py"]
    long = {str(p.relative_to(ROOT)): n for p in run if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert not long
    assert not (LIB / "bench.py").exists() and (ROOT / "benchmarks" / "bench.py").is_file()
