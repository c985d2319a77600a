#!/usr/bin/env python3
"""Checks the two rules of ARCHITECTURE.md that the compiler does not:

1. No import cycle between modules, in the app (src/) or in the core (crates/core/src/).
   A folder is one room: its files may use each other and their folder's mod.rs (an
   entity button renders the inlines it holds), but rooms may not use each other in a
   circle. So an edge between a module and one of its own ancestors or descendants is
   not counted; every other `crate::…` or `super::…` path is.
2. Views only read: no file under src/routes/, src/components/ or src/timeline/ calls a
   parser or builds an index (those run in the loader, the state, or the core).

Usage: scripts/check-architecture.py [REPO]   (exit 1 and the offending paths on failure)
       scripts/check-architecture.py --self-test
"""

import re
import sys
from pathlib import Path

# What a view must never call: the parsers and the builders of models and indexes.
FORBIDDEN_IN_VIEWS = [
    r"\bparse_text\s*\(",
    r"\bparse_str\s*\(",
    r"\bparse_volume\s*\(",
    r"\bparse_any\s*\(",
    r"\bVolumeParser\b",
    r"\bletterbook_core::open\s*\(",
    r"\bdecode_text\s*\(",
    r"\btei::decode\s*\(",
    r"\bVolumeIndex::build\s*\(",
    r"\bCorrespondence::build\s*\(",
    r"\bOpenVolume::new\s*\(",
    r"\bEntities::of\s*\(",
    r"\bVolumeStats::of\s*\(",
    r"\bCollection::new\s*\(",
]
VIEW_DIRS = ["src/routes", "src/components", "src/timeline"]


def strip(code: str) -> str:
    """Source without comments and string literals (they may mention anything)."""
    # Blanked, not removed, so that line numbers stay true.
    def blank(m):
        return '""' + "\n" * m.group(0).count("\n")

    code = re.sub(r"'(?:\\.|[^'\\\n])'", "' '", code)  # char literals: '"' is no string
    code = re.sub(r"/\*.*?\*/", blank, code, flags=re.S)
    code = re.sub(r"//[^\n]*", "", code)
    code = re.sub(r'r#+".*?"#+', blank, code, flags=re.S)
    code = re.sub(r'"(?:\\.|[^"\\])*"', blank, code, flags=re.S)
    return code


def modules(root: Path) -> dict:
    """Module path (tuple) → file, for every .rs file under a crate's src/ (bins excluded)."""
    out = {}
    for f in sorted(root.rglob("*.rs")):
        rel = f.relative_to(root)
        if rel.parts[0] == "bin":
            continue
        parts = list(rel.with_suffix("").parts)
        if parts[-1] in ("mod", "lib", "main"):
            parts = parts[:-1]
        out[tuple(parts)] = f
    return out


def uses(code: str, me: tuple, is_mod_rs: bool) -> set:
    """The module paths a file names: `crate::a::b`, `super::x` (expanded, braces too)."""
    found = set()
    # The directory a `super::` is relative to: a mod.rs file is its folder's module.
    here = list(me)
    for m in re.finditer(r"\b(crate|super)((?:::\w+)*)(::\{([^;]*?)\})?", code):
        base = [] if m.group(1) == "crate" else here[:-1]
        path = base + [p for p in m.group(2).split("::") if p]
        if m.group(4):
            for item in re.split(r"[,\s]+", m.group(4)):
                head = item.split("::")[0].strip("{} ")
                if head and head != "self":
                    found.add(tuple(path + [head]))
        found.add(tuple(path))
    # `mod x;` plus `x::item` in a parent names its child, which counts as its own room.
    return found


def resolve(path: tuple, known: dict) -> tuple | None:
    """The longest known module that `path` starts with."""
    for n in range(len(path), -1, -1):
        if path[:n] in known:
            return path[:n]
    return None


def related(a: tuple, b: tuple) -> bool:
    """One is the other's ancestor (or the same): inside one room."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def cycles(known: dict) -> list:
    graph = {m: set() for m in known}
    for m, f in known.items():
        code = strip(f.read_text(encoding="utf-8"))
        for p in uses(code, m, f.name == "mod.rs"):
            t = resolve(p, known)
            if t is not None and t != () and not related(m, t):
                graph[m].add(t)
    # Tarjan's strongly connected components; any with two or more modules is a cycle.
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append((sorted(comp), graph))

    sys.setrecursionlimit(10000)
    for v in graph:
        if v not in index:
            visit(v)
    return out


def self_test() -> int:
    """The check fails on what it must catch, and passes a folder that uses itself."""
    import subprocess
    import tempfile

    def run(files: dict) -> int:
        with tempfile.TemporaryDirectory() as d:
            for name, text in files.items():
                (Path(d) / name).parent.mkdir(parents=True, exist_ok=True)
                (Path(d) / name).write_text(text, encoding="utf-8")
            return subprocess.run([sys.executable, __file__, d], capture_output=True).returncode

    cases = [
        ({"src/lib.rs": "mod a; mod b;", "src/a.rs": "use crate::b::X;",
          "src/b.rs": "use crate::a::{Y, Z};"}, 1, "a cycle between siblings"),
        ({"src/lib.rs": "mod a;", "src/a/mod.rs": "mod b; use b::X;",
          "src/a/b.rs": "use super::Y; // crate::c"}, 0, "a folder using itself"),
        ({"src/lib.rs": "", "src/routes/x.rs": "let d = letterbook_core::parse_text(f, b);"},
         1, "a view calling a parser"),
        ({"src/lib.rs": "", "src/routes/x.rs": 'let s = "parse_text(";'}, 0,
         "a parser named in a string"),
    ]
    bad = [why for files, want, why in cases if run(files) != want]
    for why in bad:
        print(f"self-test failed: {why}")
    return 1 if bad else 0


def main() -> int:
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    repo = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent)
    failed = False
    for crate in ["src", "crates/core/src"]:
        if not (repo / crate).is_dir():
            continue
        known = modules(repo / crate)
        for comp, graph in cycles(known):
            failed = True
            names = ["::".join(m) for m in comp]
            print(f"import cycle in {crate}: {' ↔ '.join(names)}")
            for m in comp:
                for t in sorted(graph[m]):
                    if t in comp:
                        print(f"  {known[m].relative_to(repo)} uses {'::'.join(t)}")
    for d in VIEW_DIRS:
        for f in sorted((repo / d).rglob("*.rs")) if (repo / d).is_dir() else []:
            code = strip(f.read_text(encoding="utf-8"))
            for pat in FORBIDDEN_IN_VIEWS:
                for m in re.finditer(pat, code):
                    line = code[: m.start()].count("\n") + 1
                    failed = True
                    print(f"{f.relative_to(repo)}:{line}: a view calls a parser or builds "
                          f"an index ({m.group(0).strip('( ')}); do it in the core or the loader")
    if not failed:
        print("architecture: no import cycle (app, core); no view calls a parser")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
