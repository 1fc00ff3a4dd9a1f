"""Before/after numbers for ways to make the pytest phase of ``make test`` faster.

    .venv/bin/python benchmarks/speedups.py [--rounds 2] [--scope all docs]

The project is copied to a temporary directory first (docs, package, tests, tools), so
every variant runs the very same files even while the pages are being edited.  The
variants run interleaved, ``--rounds`` times each; the table shows medians.

Variants (browser tests left out: benchmarks/test_time.py times them on their own):
the Makefile's ``-n auto --dist loadfile`` with ``OMP_NUM_THREADS=1`` (its TEST_ENV)
against torch's default thread count and against a serial run; and, for the doc
examples alone, without the Hypothesis pytest plugin (which imports all of Hypothesis
at the end of every run, with assertion rewriting), with ``gc.freeze()`` once torch is
imported (benchmarks/pytest_gcfreeze.py), and without pytest's unraisable-exception
plugin (whose exit-time garbage collections walk through all of torch's objects).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import header, machine, run, save, snapshot, table
from benchmarks.suite import pytest_cmd

HERE = Path(__file__).resolve().parent
XDIST = ["-n", "auto", "--dist", "loadfile"]

# (name, scope, pytest arguments, environment): "all" runs the whole pytest phase
# (tests/, docs/, rnn_guide/) as make test does; "docs" runs the doc examples only.
NO_HYPOTHESIS = ["-p", "no:hypothesispytest"]
GC_FREEZE = ["-p", "pytest_gcfreeze"]
NO_UNRAISABLE = ["-p", "no:unraisableexception"]
OMP1 = {"OMP_NUM_THREADS": "1"}  # the Makefile's TEST_ENV
NOT_BROWSER = ["--ignore=tests/browser", "-m", "not browser"]
VARIANTS: list[tuple[str, str, list[str], dict[str, str]]] = [
    ("-n auto --dist loadfile, OMP_NUM_THREADS=1 (make test)", "all", XDIST, OMP1),
    ("-n auto --dist loadfile, torch's default threads", "all", XDIST, {}),
    ("serial, OMP_NUM_THREADS=1", "all", [], OMP1),
    ("serial, OMP=1, gc.freeze, no hypothesis plugin", "all", [*GC_FREEZE, *NO_HYPOTHESIS], OMP1),
    (
        "-n auto, OMP=1, gc.freeze, no hypothesis plugin",
        "all",
        [*XDIST, *GC_FREEZE, *NO_HYPOTHESIS],
        OMP1,
    ),
    ("serial", "docs", [], OMP1),
    ("serial, -p no:hypothesispytest", "docs", NO_HYPOTHESIS, OMP1),
    ("serial, gc.freeze() after importing torch", "docs", GC_FREEZE, OMP1),
    ("serial, -p no:unraisableexception", "docs", NO_UNRAISABLE, OMP1),
    ("serial, gc.freeze + no hypothesis plugin", "docs", [*GC_FREEZE, *NO_HYPOTHESIS], OMP1),
    ("-n auto --dist loadfile", "docs", XDIST, OMP1),
]


def measure(rounds: int, scopes: list[str]) -> dict[str, Any]:
    info = machine()
    chosen = [v for v in VARIANTS if v[1] in scopes]
    with tempfile.TemporaryDirectory(prefix="rnn-guide-speedups-") as tmp:
        project = snapshot(Path(tmp) / "project")
        env = {"PYTHONPATH": str(HERE)}
        runs: dict[tuple[str, str], list[Any]] = {(v[0], v[1]): [] for v in chosen}
        for _ in range(rounds):
            for name, scope, args, extra_env in chosen:
                targets = NOT_BROWSER if scope == "all" else ["docs", "rnn_guide"]
                result = run(pytest_cmd(*args, *targets), cwd=project, env={**env, **extra_env})
                runs[(name, scope)].append(result)
                print(f"   measured {scope}: {name}: {result.seconds:.2f} s", file=sys.stderr)
    rows = []
    for (name, scope), results in runs.items():
        tail = [line for line in results[-1].output.splitlines() if line.strip()]
        rows.append(
            {
                "variant": name,
                "scope": scope,
                "wall": statistics.median(r.seconds for r in results),
                "cpu": statistics.median(r.cpu for r in results),
                "walls": [round(r.seconds, 2) for r in results],
                "result": tail[-1] if tail else "",
            }
        )
    return {"machine": info, "rounds": rounds, "rows": rows}


def report(result: dict[str, Any]) -> str:
    out = []
    for scope, what in (
        ("all", "tests/ (without browser tests), docs/, rnn_guide/"),
        ("docs", "the doc examples only: docs/, rnn_guide/"),
    ):
        rows = [r for r in result["rows"] if r["scope"] == scope]
        if not rows:
            continue
        base = rows[0]["wall"]
        out += [
            header(
                f"pytest phase speed-ups: {what} (a frozen copy of the project)",
                result["machine"],
                f"median of {result['rounds']} interleaved round(s); 'x' = wall / the first row",
            ),
            table(
                ["variant", "wall s", "cpu s", "x", "runs (s)", "result"],
                [
                    [
                        r["variant"],
                        r["wall"],
                        r["cpu"],
                        f"{r['wall'] / base:.2f}x",
                        " ".join(map(str, r["walls"])),
                        r["result"][:44],
                    ]
                    for r in rows
                ],
            ),
        ]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--scope", choices=["all", "docs"], nargs="+", default=["all", "docs"])
    args = parser.parse_args(argv)
    result = measure(max(args.rounds, 1), args.scope)
    print(report(result))
    save("speedups", result)
    return result


if __name__ == "__main__":
    main()
