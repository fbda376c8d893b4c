#!/usr/bin/env python3
"""Would compiling transqa with mypyc make it fast enough? Builds compiled copies of the tree, checks they
report the same findings, and times them against the pure-Python tree, interleaved, medians.

How to run (mypyc is a benchmark-only tool; it is not a dependency of transqa and not in pyproject.toml):

    /work/venv/bin/pip install 'mypy[mypyc]'        # needs a C compiler and the Python headers
    python benchmarks/mypyc_probe.py                   # build, identity, speed; ~1 h on 2 busy cores
    python benchmarks/mypyc_probe.py --rounds 5 --pairs 50000 --glossary-entries 100000
    python benchmarks/mypyc_probe.py --keep /tmp/mypyc-probe --skip-build   # reuse trees built before
    python benchmarks/mypyc_probe.py --scopes numbers,hot                   # skip the whole-package build

Trees (under --keep, default a fresh temp folder), each `git archive HEAD src rules`:
  pure      the committed Python, untouched;
  numbers   src/transqa/numbers/*.py + zhnum.py compiled (the number analysis shared by NUM/DATE rules);
  hot       what runs per segment: numbers, zhnum, checks/*, engine, align, sentences, textspans, lazyre;
  package   every module of transqa that mypyc compiles and that runs correctly compiled (--scopes picks).
mypyc compiles in place (`mypyc FILES` in the tree's src/), so PYTHONPATH=<tree>/src imports the .so
modules (checked: transqa.numbers.zh.__file__ must end in .so). The code base does not type-check under
mypy (about 200 errors, mostly Optional values used after an implicit "not None"), and mypyc compiles
only code that type-checks, so the copies are compiled with the mypy.ini below: error codes off and
`allow_redefinition` on (a local reused with another type, e.g. `y` as an int in one loop and a float
in the next, otherwise becomes a typed native variable that raises TypeError at run time). A module
mypyc fails to compile is dropped and the build retried (printed with the error); modules known to
behave differently compiled are in EXCLUDE with the reason, PATCHES lists edits made to the copies.

Measured (CPU time of the child, user+sys from wait4; trees interleaved in every round; medians):
  identity  `python -m transqa check SRC TGT --format json --jobs 1` on newstest 2017/2018/2019 and
            TICO-19: each compiled tree's report must be byte-identical to the pure tree's;
  rules     µs/segment of all default rules together and of NUM001 alone (which pays the shared
            number analysis), over newstest 2017-2019 (benchmarks/compare_trees.py's measure());
  corpus    `transqa check` with --jobs 1 on benchmarks/run.py's replicated newstest corpus (--pairs,
            with its synthetic glossary when --glossary-entries > 0), pairs per CPU second, beside
            run.py's floor (read + tokenise) and pofilter when found (--pofilter);
  startup   `transqa --help` and the demo pair (fixtures/cnipa-forum.*), wall and CPU ms, warm caches;
  build     wall and CPU seconds of each mypyc build and the bytes of its .so files.

Result on 2026-11-29 (mypy/mypyc 2.4.1, CPython 3.11, 2 shared cores, commit 0b4d239, 3 rounds):
numbers compiled: NUM001 100.0 -> 79.3 µs/seg (1.26x), all rules 306 -> 252 µs/seg (1.21x), the 50,000-pair
corpus 3,064 -> 2,996 pairs/CPU s (0.98x: no gain), start-up unchanged; findings identical on all four sets.
Compiled, several modules fail at run time (EXCLUDE above: cli, yamlio, lazyre, checks/base, checks/
terminology), each found by one rebuild (6-16 min here); the hot and package scopes did not reach a timed
run that session, and the next build may well hit another such module (attributes set to None in
__init__ and filled later are a common pattern here).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SETS = {"newstest2017": DATA / "newstest" / "newstest2017.zh-en", "newstest2018": DATA / "newstest" / "newstest2018.zh-en",
        "newstest2019": DATA / "newstest" / "newstest2019.zh-en", "tico19": DATA / "tico19" / "tico19-test"}
DEMO = [str(ROOT / "fixtures" / "cnipa-forum.zh.txt"), str(ROOT / "fixtures" / "cnipa-forum.en.txt"), "--fail-on", "none"]

MYPY_INI = """[mypy]
ignore_missing_imports = True
allow_redefinition = True
disable_error_code = arg-type,assignment,attr-defined,import-untyped,index,misc,operator,var-annotated,union-attr,
    return-value,call-arg,no-redef,annotation-unchecked,has-type,override,valid-type,list-item,dict-item,return,
    func-returns-value,call-overload,type-var,name-defined,empty-body,truthy-function,str-bytes-safe,abstract,type-arg
"""

# Edits to the copies that mypyc needs; each is behaviour-neutral (explained beside it).
PATCHES = {
    # `current` starts as 0.0 and is reset to int 0; the function returns `total + current` with total a
    # float, so the result is the same float. mypyc: "Incompatible value representations in assignment".
    "transqa/numbers/en_words.py": [("            current = 0\n", "            current = 0.0\n"),
                                    # a global set on first use: mypy types `_starts = None` as None, and
                                    # compiled code then rejects the automaton assigned to it (TypeError)
                                    ("_starts = None\n", "_starts: object = None\n")],
    # mypyc 2.4 crashes on a starred item in the tuple of an `in` test (AssertionError in visit_star_expr);
    # the same tuple written as a concatenation (PERCENT_FORMS is a dict: its keys; SEVERITIES a tuple).
    "transqa/checks/numbers.py": [('not in ("any", *PERCENT_FORMS)', 'not in ("any",) + tuple(PERCENT_FORMS)')],
    "transqa/config.py": [("not in (*SEVERITIES, None, \"none\")", "not in SEVERITIES + (None, \"none\")")],
}

# Modules left as Python in the compiled copies, and why.
EXCLUDE = {
    "transqa/__main__.py": "the `python -m transqa` entry script (two lines)",
    "transqa/numbers/model.py": "Quantity.__init__ sets the instance __dict__ in one assignment (a speed-up); a mypyc "
                                "native class has no __dict__: AttributeError on the first number found",
    # mypyc 2.4 cannot compile these (found by the drop-and-retry loop in build(); listed here to save
    # the retries, each a few minutes):
    "transqa/readers/segment_store.py": "mypyc internal error: ValueError: bytearray is not a valid sequence",
    "transqa/terms.py": "mypyc internal error: KeyError: 'PhraseMatcher' has no attribute '__new__'",
    "transqa/model.py": "mypyc: Multiple assignment in class bodies not supported",
    "transqa/reporters/html_report.py": "mypyc: Incompatible value representations in assignment (int to float)",
    "transqa/userpatterns.py": "mypyc generates C that gcc rejects (CPy_DecRef on a tagged int in the "
                               "generator Matcher.scan)",
    # these compile but fail at run time compiled (found by the identity step):
    "transqa/cli.py": "typer reads each command's parameters from the function; compiled, `check` has no "
                      "options (`No such option: --format`), and `except ... as exc` rejects click's exception",
    "transqa/yamlio.py": "its _LineLoader subclasses yaml.SafeLoader: SystemError (dictobject.c: bad argument "
                         "to internal function) loading the first pack",
    "transqa/lazyre.py": "LazyPattern hands unknown attributes to the compiled regex through __getattr__, "
                         "which a native class does not call: 'LazyPattern' object has no attribute 'search'",
    "transqa/checks/base.py": "checks/terminology.py keeps a weakref.ref to the Context; a native class takes "
                              "none (TypeError: cannot create weak reference to 'Context' object) unless "
                              "marked @mypyc_attr(supports_weakrefs=True), a source change",
    "transqa/checks/terminology.py": "_Text.__init__ sets self._folded = None (a cache filled later with a str): "
                                     "the compiled attribute is typed None, TypeError on the first glossary term",
    "transqa/checks/name_tokens.py": "mypyc generates C that gcc rejects (a tagged int passed as an object in the "
                                     "closure name_bounds, whose int parameter `pos` is reassigned int | None)",
}

HOT = ("transqa/numbers/", "transqa/zhnum.py", "transqa/checks/", "transqa/engine.py", "transqa/align.py",
       "transqa/sentences.py", "transqa/textspans.py", "transqa/lazyre.py")
SCOPES = {"numbers": lambda rel: rel.startswith("transqa/numbers/") or rel == "transqa/zhnum.py",
          "hot": lambda rel: rel.startswith(HOT),  # what runs per segment: the checks, their helpers, the engine
          "package": lambda rel: True}

C_ERROR_LINE = re.compile(r"^(build/__native_\w+\.c):(\d+):\d+: error: (.*)$", re.M)
C_FUNCTION = re.compile(r"^\S.*\bCPyDef_(\w+)\(.*\{$")
ERROR_LINE = re.compile(r"^(transqa/[\w/]+\.py):\d+: (?:error: |(\w+Error): )(.*)$", re.M)


def child(cmd: list[str], env: dict | None = None, cwd: Path | None = None, both: bool = False):
    """Run one child; (wall s, CPU s user+sys, exit code, its stderr, or stdout and stderr when `both`)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE if both else subprocess.DEVNULL,
                            stderr=subprocess.STDOUT if both else subprocess.PIPE)
    err = (proc.stdout if both else proc.stderr).read().decode(errors="replace")
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status), err


def tree_env(tree: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"), TRANSQA_CACHE_DIR=str(tree / "cache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the pure tree gets its .pyc files, as an installed package has
    return env


def copy_tree(dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", "HEAD", "src", "rules"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)


def build(dest: Path, scope: str, mypyc: str) -> dict:
    """Copy the tree to `dest` and compile the modules of `scope` in place, dropping any mypyc rejects."""
    copy_tree(dest)
    src = dest / "src"
    for rel, edits in PATCHES.items():
        text = (src / rel).read_text(encoding="utf-8")
        for old, new in edits:
            if old not in text:
                raise SystemExit(f"patch for {rel} no longer applies: {old!r}")
            text = text.replace(old, new)
        (src / rel).write_text(text, encoding="utf-8")
    (src / "mypy.ini").write_text(MYPY_INI, encoding="utf-8")
    modules = sorted(str(p.relative_to(src)) for p in src.glob("transqa/**/*.py"))
    chosen = [m for m in modules if SCOPES[scope](m) and m not in EXCLUDE]
    skipped = {m: EXCLUDE[m] for m in modules if SCOPES[scope](m) and m in EXCLUDE}
    wall = cpu = 0.0
    while True:
        w, c, code, err = child([mypyc, *chosen], cwd=src, both=True)
        wall, cpu = wall + w, cpu + c
        if code == 0:
            break
        failed = {m: (kind + ": " if kind else "") + msg for m, kind, msg in ERROR_LINE.findall(err) if m in chosen}
        failed = failed or _c_errors(src, err, chosen)
        if not failed:
            raise SystemExit(f"mypyc failed in {dest} without a module to drop:\n{err[-3000:]}")
        for m, why in failed.items():
            print(f"  [{scope}] mypyc rejects {m}: {why[:150]}", flush=True)
            skipped[m] = "mypyc: " + why[:150]
            chosen.remove(m)
        for so in src.rglob("*.so"):  # a failed round leaves nothing half-built behind
            so.unlink()
    shared = sum(p.stat().st_size for p in src.rglob("*.so"))
    probe = subprocess.run([sys.executable, "-c", "import transqa.numbers.zh as z; print(z.__file__)"],
                           env=tree_env(dest), capture_output=True, text=True, check=True).stdout.strip()
    if not probe.endswith(".so") or not probe.startswith(str(src)):
        raise SystemExit(f"{dest}: transqa.numbers.zh imported from {probe}, not a compiled module of the tree")
    return {"compiled": chosen, "skipped": skipped, "build_wall": wall, "build_cpu": cpu, "so_bytes": shared}


def _c_errors(src: Path, err: str, chosen: list[str]) -> dict[str, str]:
    """Modules whose generated C gcc rejected: the CPyDef_ function around each error line, whose name
    starts with the module's name (its last parts joined by ___, as short as is unique)."""
    out = {}
    for c_file, line, msg in C_ERROR_LINE.findall(err):
        lines = (src / c_file).read_text(encoding="utf-8", errors="replace").splitlines()[:int(line)]
        func = next((m.group(1) for text in reversed(lines) if (m := C_FUNCTION.match(text))), "")
        for module in chosen:
            parts = module[:-3].split("/")
            if any(func.startswith("___".join(parts[i:]) + "___") for i in range(len(parts))):
                out[module] = f"gcc rejects the C of {func}: {msg[:100]}"
    return out


def identity(trees: dict[str, Path], out: Path) -> dict[str, str]:
    """Per compiled tree: 'identical' or what differed, against the pure tree's JSON reports."""
    verdict = {}
    for label, tree in trees.items():
        problems = []
        for name, base in SETS.items():
            report = out / f"{label}-{name}.json"
            _, _, code, err = child([sys.executable, "-m", "transqa", "check", f"{base}.zh", f"{base}.en",
                                     "--format", "json", "--jobs", "1", "-o", str(report)], env=tree_env(tree))
            if code not in (0, 1) or not report.exists():
                problems.append(f"{name}: exit {code} without a report: "
                                f"{err.strip().splitlines()[-1][:200] if err.strip() else ''}")
            elif label != "pure" and report.read_bytes() != (out / f"pure-{name}.json").read_bytes():
                problems.append(f"{name}: report differs ({_diff_count(out / f'pure-{name}.json', report)})")
        verdict[label] = "; ".join(problems) or "identical"
    return verdict


def _diff_count(a: Path, b: Path) -> str:
    fa, fb = (json.loads(p.read_text(encoding="utf-8")).get("findings", []) for p in (a, b))
    ka, kb = ({json.dumps(f, sort_keys=True) for f in fs} for fs in (fa, fb))
    return f"{len(ka - kb)} findings only in pure, {len(kb - ka)} only compiled"


def rules_worker() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import transqa
    from compare_trees import measure

    print(json.dumps({"_from": transqa.__file__, **measure(["ALL", "NUM001"])}))


def corpus(pairs: int, entries: int, work: Path) -> tuple[Path, Path, Path, Path | None]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import build_corpus, synthetic_glossary

    src, tgt, po = build_corpus(DATA / "newstest", pairs, work)
    return src, tgt, po, synthetic_glossary(work / "synthetic.yaml", entries) if entries else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="folder for the trees (default: a temp folder, removed after)")
    parser.add_argument("--skip-build", action="store_true", help="reuse the trees already in --keep")
    parser.add_argument("--build-only", action="store_true", help="build the trees (into --keep) and stop")
    parser.add_argument("--scopes", default="numbers,hot,package", help="compiled trees: " + ",".join(SCOPES))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pairs", type=int, default=50_000)
    parser.add_argument("--glossary-entries", type=int, default=100_000, help="0: shipped glossaries only")
    parser.add_argument("--pofilter", default=shutil.which("pofilter") or "/work/bench-venv/bin/pofilter")
    parser.add_argument("--mypyc", default=shutil.which("mypyc") or str(Path(sys.executable).with_name("mypyc")))
    parser.add_argument("--rules-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rules_worker:
        return rules_worker()
    base = args.keep or Path(tempfile.mkdtemp(prefix="mypyc-probe-"))
    base = base.resolve()
    base.mkdir(parents=True, exist_ok=True)
    scopes = args.scopes.split(",")
    trees = {label: base / f"tree-{label}" for label in ("pure", *scopes)}
    os.chdir(base)  # no transqa config file of the checkout applies to the runs
    built: dict[str, dict] = {}
    if args.skip_build:
        built = json.loads((base / "build.json").read_text(encoding="utf-8"))
    else:
        if not Path(args.mypyc).exists():
            raise SystemExit(f"mypyc not found at {args.mypyc}: pip install 'mypy[mypyc]'")
        copy_tree(trees["pure"])
        for scope in scopes:
            print(f"building {scope} ...", flush=True)
            built[scope] = build(trees[scope], scope, args.mypyc)
        (base / "build.json").write_text(json.dumps(built, indent=1), encoding="utf-8")
        if args.build_only:
            return print(json.dumps(built, indent=1))
    for tree in trees.values():  # warm pack/glossary caches and .pyc
        child([sys.executable, "-m", "transqa", "check", *DEMO], env=tree_env(tree))

    print("identity ...", flush=True)
    reports = base / "reports"
    reports.mkdir(exist_ok=True)
    same = identity(trees, reports)

    work = base / "corpus"
    work.mkdir(exist_ok=True)
    src, tgt, po, glossary = corpus(args.pairs, args.glossary_entries, work)
    check = ["check", str(src), str(tgt), *(["--glossary", str(glossary)] if glossary else []), "--format", "json",
             "--jobs", "1"]
    for label, tree in trees.items():  # fill the synthetic glossary's disk cache of each tree, untimed
        one = work / "one.zh"
        one.write_text("国家知识产权局\n", encoding="utf-8")
        one.with_suffix(".en").write_text("CNIPA\n", encoding="utf-8")
        child([sys.executable, "-m", "transqa", "check", str(one), str(one.with_suffix(".en")),
               *(["--glossary", str(glossary)] if glossary else []), "-q"], env=tree_env(tree))
    from run import FLOOR

    others = {"floor": [sys.executable, "-c", FLOOR, str(src), str(tgt)]}
    if Path(args.pofilter).exists():
        others["pofilter"] = [args.pofilter, "--progress=none", "-i", str(po), "-o", str(work / "out.po")]

    timed = {label: tree for label, tree in trees.items() if "exit" not in same[label]}  # a crashing tree: no times
    rows: dict[tuple[str, str], list] = {}
    for r in range(args.rounds):
        print(f"round {r + 1}/{args.rounds} ...", flush=True)
        for label, tree in timed.items():
            env = tree_env(tree)
            done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--rules-worker"], env=env,
                                  capture_output=True, text=True, check=True)
            measured = json.loads(done.stdout)
            if not measured.pop("_from").startswith(str(tree / "src")):
                raise SystemExit(f"transqa was not imported from {tree}/src")
            for name, (us, found) in measured.items():
                rows.setdefault((label, f"µs/seg {name}"), []).append(us)
                rows.setdefault((label, f"findings {name}"), []).append(found)
            wall, cpu, code, err = child([sys.executable, "-m", "transqa", *check, "-o",
                                          str(work / f"{label}.json")], env=env)
            if code not in (0, 1):
                raise SystemExit(f"{label}: transqa check failed: {err[-500:]}")
            rows.setdefault((label, "corpus CPU s"), []).append(cpu)
            for name, cmd in (("help", ["--help"]), ("demo", ["check", *DEMO])):
                wall, cpu, _, _ = child([sys.executable, "-m", "transqa", *cmd], env=env)
                rows.setdefault((label, f"{name} wall ms"), []).append(wall * 1000)
                rows.setdefault((label, f"{name} CPU ms"), []).append(cpu * 1000)
        for name, cmd in others.items():
            rows.setdefault((name, "corpus CPU s"), []).append(child(cmd, cwd=work)[1])
    corpus_same = {label: (work / f"{label}.json").read_bytes() == (work / "pure.json").read_bytes()
                   for label in timed if label != "pure"}
    report(args, built, same, corpus_same, rows)
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


def report(args, built: dict, same: dict, corpus_same: dict, rows: dict) -> None:
    med = {key: statistics.median(values) for key, values in rows.items()}
    labels = ("pure", *args.scopes.split(","))
    print(f"\nmedians of {args.rounds} interleaved rounds (CPU time); speed-up = pure / compiled\n")
    print(f"{'':26}" + "".join(f"{label:>12}" for label in labels) + "".join(f"{label + ' ×':>11}" for label in labels[1:]))

    def line(name: str, fmt: str, higher_is_better: bool = False) -> None:
        vals = [med.get((label, name)) for label in labels]
        cells = "".join(f"{v:>12{fmt}}" if v is not None else f"{'-':>12}" for v in vals)
        ratio = [(v / vals[0] if higher_is_better else vals[0] / v) if v else 0 for v in vals[1:]]
        print(f"{name:26}{cells}" + "".join(f"{x:>10.2f}×" if x else f"{'-':>11}" for x in ratio))

    for name in ("µs/seg ALL", "µs/seg NUM001"):
        line(name, ".1f")
    for label in labels:
        if (label, "corpus CPU s") in med:
            med[(label, "corpus pairs/CPU s")] = args.pairs / med[(label, "corpus CPU s")]
    line("corpus pairs/CPU s", ",.0f", higher_is_better=True)
    for name in ("help wall ms", "help CPU ms", "demo wall ms", "demo CPU ms"):
        line(name, ".0f")
    print(f"\ncorpus: {args.pairs:,} pairs, --jobs 1, {args.glossary_entries:,}-entry synthetic glossary")
    floor = args.pairs / med[("floor", "corpus CPU s")]
    pof = args.pairs / med[("pofilter", "corpus CPU s")] if ("pofilter", "corpus CPU s") in med else None
    print(f"floor (read + tokenise): {floor:,.0f} pairs/CPU s" + (f"; pofilter: {pof:,.0f} pairs/CPU s" if pof else ""))
    for label in (k for k in labels if (k, "corpus pairs/CPU s") in med):
        rate = med[(label, "corpus pairs/CPU s")]
        print(f"  {label:8} {floor / rate:5.1f}× the floor's CPU" + (f", {rate / pof:.2f}× pofilter" if pof else ""))
    print("\nfindings: " + ", ".join(f"{label} {same[label]}" for label in labels[1:])
          + "; corpus report " + ", ".join(f"{k} {'identical' if v else 'DIFFERS'}" for k, v in corpus_same.items()))
    print(f"(findings counted by the rule runs, {'/'.join(labels)}: "
          + ", ".join(f"{n} " + "/".join(str(rows.get((label, f'findings {n}'), ["-"])[0]) for label in labels)
                      for n in ("ALL", "NUM001")) + ")")
    for scope, info in built.items():
        print(f"\nbuild {scope}: {len(info['compiled'])} modules compiled in {info['build_wall']:.0f} s wall, "
              f"{info['build_cpu']:.0f} s CPU; .so files {info['so_bytes'] / 1e6:.1f} MB")
        for module, why in info["skipped"].items():
            print(f"  left as Python: {module}: {why}")
    print("patches to the copies: " + "; ".join(f"{m}: {o.strip()!r} -> {n.strip()!r}"
                                                 for m, edits in PATCHES.items() for o, n in edits))


if __name__ == "__main__":
    main()
