"""The import picture stays a picture: the project's own imports (assistant/ and ui/) sit
at module top, no module imports itself round a cycle, not even through a lazy or
typing-only import, and no two modules share a file name.

A project import may wait inside a function only when the module it names loads a heavy
library (SQLAlchemy, numpy, Chroma, LangChain...) at import that the importing module does
not load already, so that `polkuopas --help`, a chat's start and a first page stay quick;
the test checks that claim instead of trusting it.

Read from the source (benchmarks/imports.py), so the test sees imports that a run would
not reach. PENDING and SHARED list what other work in progress still has to move; an
entry that is no longer needed may simply be deleted.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from benchmarks.imports import Edge, cycles, edges, loads_heavy, package_of

ROOT = Path(__file__).resolve().parents[2]


@cache
def _project_edges() -> tuple[Edge, ...]:
    """Read once per run: three tests look at the same picture."""
    return tuple(edges(ROOT))


# module -> why its project imports may still sit inside functions (to be emptied)
PENDING_LAZY: dict[str, str] = {}
PENDING_CYCLES: set[frozenset[str]] = set()
# file name -> why two modules of assistant/ may share it (to be emptied)
SHARED_NAMES: dict[str, str] = {}


def _pending(module: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in PENDING_LAZY)


def test_project_imports_are_at_module_top() -> None:
    found = list(_project_edges())
    heavy = loads_heavy(found)
    lazy = [
        f"{e.source}:{e.line} -> {e.target}"
        for e in found
        if e.kind == "lazy" and not heavy.get(e.target, set()) - heavy.get(e.source, set())
        if not _pending(e.source)
    ]
    assert lazy == [], "import these at module top (only heavy third-party imports wait)"


def test_no_module_imports_itself_round_a_cycle() -> None:
    project = [e for e in _project_edges() if e.kind != "library"]
    found = [c for c in cycles(project) if frozenset(c) not in PENDING_CYCLES]
    assert found == []


def test_packages_form_layers() -> None:
    pairs = {
        (package_of(e.source, root=ROOT), package_of(e.target, root=ROOT))
        for e in _project_edges()
        if e.kind != "library"
    }
    found = cycles([Edge(a, b, "top", 0) for a, b in pairs if a != b])
    assert [c for c in found if frozenset(c) not in PENDING_CYCLES] == []


def test_every_module_file_name_is_its_own() -> None:
    """A name says which module is meant (`errors.py`, `base.py` in three packages did not)."""
    seen: dict[str, list[str]] = {}
    for path in sorted((ROOT / "assistant").rglob("*.py")):
        if path.name != "__init__.py" and "migrations" not in path.parts:
            seen.setdefault(path.name, []).append(str(path.relative_to(ROOT)))
    shared = {name: paths for name, paths in seen.items() if len(paths) > 1}
    assert {n: p for n, p in shared.items() if n not in SHARED_NAMES} == {}
    assert set(SHARED_NAMES) <= set(shared), "no longer shared: delete it from SHARED_NAMES"


def test_no_module_is_named_after_another_package() -> None:
    """`store/export.py` read as the export package; a package's own main module
    (`store/store.py`) is no such confusion."""
    packages = {p.parent.name for p in (ROOT / "assistant").rglob("__init__.py")}
    clashes = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "assistant").rglob("*.py")
        if path.stem in packages and path.stem != path.parent.name
    ]
    assert clashes == []


def test_the_picture_sees_a_lazy_import_and_a_cycle(tmp_path: Path) -> None:
    pkg = tmp_path / "assistant"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from assistant.b import x\n")
    (pkg / "c.py").write_text("import numpy\nfrom assistant import a\n")
    (pkg / "b.py").write_text("def f():\n    from assistant import a\n")
    found = edges(tmp_path)
    assert loads_heavy(found)["assistant.a"] == set()
    assert {(e.source, e.target, e.kind) for e in found} == {
        ("assistant.a", "assistant.b", "top"),
        ("assistant.b", "assistant.a", "lazy"),
        ("assistant.c", "numpy", "library"),
        ("assistant.c", "assistant.a", "top"),
    }
    assert loads_heavy(found)["assistant.c"] == {"numpy"}
    assert cycles([e for e in found if e.kind != "library"]) == [["assistant.a", "assistant.b"]]
