#!/usr/bin/env python3
"""Checks the two rules of ARCHITECTURE.md that the compiler does not:

1. No import cycle between modules, in the app (src/), the core (crates/core/src/) or search
   (crates/search/src/).
   A folder is one room: a file's use of a module is also its folders' use. A module may
   use its own ancestors (an entity button in inline/ renders the inlines its
   folder's mod.rs renders) and its descendants, so those edges are not counted; every
   other `crate::…` and `super::…` path is, siblings included. A path through a mod.rs
   re-export (`inline::EntityRef`, re-exported from `inline/entity.rs`) counts as a use
   of the child that defines it, so a cycle cannot hide behind a folder's front door.
2. Views only read: no file under src/routes/, src/components/, src/timeline/, src/search/ or src/kiosk/ calls a
   parser or builds an index (those run in the loader, the state, the finder, or the core).

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
    r"\bletterbook_core::(?:open|parse_any|parse_text|parse_str|parse_volume)\b",
    r"\buse\s+letterbook_core::\{[^}]*\b(?:open|parse_any|parse_text|parse_str|parse_volume)\b",
    r"\bParsed::read\s*\(",
    r"\bdecode_text\s*\(",
    r"\btei::decode\s*\(",
    r"\bVolumeIndex::build\s*\(",
    r"\bCorrespondence::build\s*\(",
    r"\bOpenVolume::new\s*\(",
    r"\bEntities::of\s*\(",
    r"\bVolumeStats::of\s*\(",
    r"\bCollection::new\s*\(",
    # Search: views ask the finder; they never build, read or run an index.
    r"\bSegment::(?:of|from_bytes)\s*\(",
    r"\bSegmentBuilder\b",
    r"\bIndex::new\s*\(",
    r"\bbuild_site\s*\(",
    r"\bread_term_part\s*\(",
    r"\bletterbook_search::search\s*\(",
]
VIEW_DIRS = ["src/routes", "src/components", "src/timeline", "src/search", "src/kiosk"]


def strip(code: str) -> str:
    """Source without comments, strings and char literals (they may mention anything), in
    one left-to-right pass so that `"https://…"` is a string and `// "` a comment. Blanked,
    not removed, so that line numbers stay true."""
    token = re.compile(
        r"""//[^\n]*|/\*.*?\*/|r(#*)".*?"\1|b?"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\\n])'""",
        re.S,
    )

    def blank(m):
        t = m.group(0)
        return ('""' if not t.startswith("/") else "") + "\n" * t.count("\n")

    return token.sub(blank, code)


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


def uses(code: str, me: tuple) -> set:
    """The module paths a file names: `crate::a::b`, `super::super::x` (expanded, braces
    too)."""
    found = set()
    for m in re.finditer(r"\b(crate|super)((?:::\w+)*)(::\{([^;]*?)\})?", code):
        parts = [p for p in m.group(2).split("::") if p]
        if m.group(1) == "crate":
            base = []
        else:
            # `super` is the parent of the module; each further `super` one more level.
            ups = 1
            while parts and parts[0] == "super":
                parts.pop(0)
                ups += 1
            base = list(me[: max(len(me) - ups, 0)])
        path = base + parts
        if m.group(4):
            for item in re.split(r"[,\s]+", m.group(4)):
                head = item.split("::")[0].strip("{} ")
                if head and head != "self":
                    found.add(tuple(path + [head]))
        found.add(tuple(path))
    return found


def reexports(known: dict) -> dict:
    """(module, name) → the child module a mod.rs re-exports `name` from."""
    out = {}
    for m, f in known.items():
        if f.name not in ("mod.rs", "lib.rs", "main.rs"):
            continue
        code = strip(f.read_text(encoding="utf-8"))
        for u in re.finditer(r"\bpub\s+use\s+(?:self::)?(\w+)::(\{[^}]*\}|\w+)", code):
            child = m + (u.group(1),)
            if child not in known:
                continue
            for name in re.split(r"[,\s{}]+", u.group(2)):
                if name and name != "self":
                    out[(m, name)] = child
    return out


def resolve(path: tuple, known: dict, via: dict) -> tuple | None:
    """The longest known module that `path` starts with; through a re-export, its source."""
    for n in range(len(path), -1, -1):
        if path[:n] in known:
            if n < len(path) and (path[:n], path[n]) in via:
                return via[(path[:n], path[n])]
            return path[:n]
    return None


def related(a: tuple, b: tuple) -> bool:
    """One is the other's ancestor (or the same): inside one room."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def cycles(known: dict) -> list:
    graph = {m: set() for m in known}
    via = reexports(known)
    for m, f in known.items():
        code = strip(f.read_text(encoding="utf-8"))
        for p in uses(code, m):
            t = resolve(p, known, via)
            if t is None or t == ():
                continue
            # A module's use is also its folders' use: a folder is one room.
            for n in range(len(m), 0, -1):
                if m[:n] in graph and not related(m[:n], t):
                    graph[m[:n]].add(t)
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
        ({"src/lib.rs": "", "src/routes/x.rs":
          'let u = "https://x.org/"; let d = parse_text(f, b); let v = "y";'}, 1,
         "a parser after a string holding //"),
        ({"src/lib.rs": "", "src/routes/x.rs": "use letterbook_core::{open, Document};"}, 1,
         "a view importing the parser door"),
        ({"src/lib.rs": "mod t;", "src/t/mod.rs": "mod tree; mod doc;",
          "src/t/tree.rs": "use crate::t::doc::X;", "src/t/doc/mod.rs": "mod a;",
          "src/t/doc/a.rs": "use super::super::tree::Node;"}, 1,
         "a cycle through super::super"),
        ({"src/lib.rs": "mod inl; mod people;",
          "src/inl/mod.rs": "mod entity; pub use entity::X;",
          "src/inl/entity.rs": "use crate::people::Body;",
          "src/people.rs": "use crate::inl::X;"}, 1,
         "a cycle behind a folder's re-export"),
        ({"src/lib.rs": "", "src/search/x.rs": "let i = Index::new(&corr, &sources);"}, 1,
         "a search view building an index"),
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
    for crate in ["src", "crates/core/src", "crates/search/src"]:
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
        print("architecture: no import cycle (app, core, search); no view calls a parser or builds an index")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
