"""How long ``make test`` takes, part by part, and what each doc example costs on top of its code.

    .venv/bin/python -m benchmarks.test_time [--repeat 1] [--phase both|xdist|none]

Each part of ``make test`` is run on its own, serially (no xdist), and timed:
lint (ruff check, ruff format --check, tools/docsuite/lint_docs.py), types (mypy), build
(mkdocs build --strict), unit tests (tests/ without browser and notebook tests), doc
examples (every Markdown page and every docstring, through Sybil), notebooks
(tests/test_notebooks.py) and browser (tests/browser).  Then the pytest phase without
the browser tests is timed as ``make test`` runs it (``-n auto --dist loadfile``, one
torch thread) and serially.

Per-example overhead of the doc suite = (wall time of the doc-example run - time spent
running the examples' own code) / number of examples; the examples' own time is
measured inside ``exec`` by benchmarks/pytest_timing.py.  Goal: <= 5 ms.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import BIN, header, machine, run, save, table, verdict
from benchmarks.suite import median_runs, pytest_cmd, timed_pytest
from tools.paths import TESTS, TOOLS

GOAL_MS = 5.0
LINT_DOCS = TOOLS / "docsuite" / "lint_docs.py"
XDIST = ["-n", "auto", "--dist", "loadfile"]  # the Makefile's PYTEST_ARGS
# The Makefile runs pytest with TEST_ENV (one torch thread per process).
TEST_ENV = {"OMP_NUM_THREADS": "1"}
SERIAL = "serial (no xdist), one process"
MAKE = "make test: -n auto --dist loadfile"
SERIAL_PARTS = ("unit tests", "doc examples", "notebooks")
NOT_UNIT = ["--ignore=tests/browser", "--ignore=tests/test_notebooks.py"]


def parts(site: Path) -> list[dict[str, Any]]:
    """The parts of `make test`, each with the commands that make it up."""
    tests = TESTS
    found: list[dict[str, Any]] = [
        {
            "part": "lint",
            "cmds": [
                [BIN / "ruff", "check", "."],
                [BIN / "ruff", "format", "--check", "."],
                *(
                    [[BIN / "python", "-m", "tools.docsuite.lint_docs"]]
                    if LINT_DOCS.exists()
                    else []
                ),
            ],
        },
        {"part": "types", "cmds": [[BIN / "mypy"]]},
        {"part": "build", "cmds": [[BIN / "mkdocs", "build", "--strict", "-d", site]]},
        {"part": "unit tests", "pytest": ["tests", *NOT_UNIT, "-m", "not browser"]},
        {"part": "doc examples", "pytest": ["docs", "rnn_guide"], "doc": True},
    ]
    if (tests / "test_notebooks.py").exists():
        found.append({"part": "notebooks", "pytest": ["tests/test_notebooks.py"]})
    else:
        found.append({"part": "notebooks", "missing": "tests/test_notebooks.py not written yet"})
    if (tests / "browser").exists():
        found.append({"part": "browser", "pytest": ["tests/browser"]})
    elif _mentions(tests, "pytest.mark.browser"):
        found.append(
            {
                "part": "browser",
                "pytest": ["tests", "-m", "browser", "--ignore=tests/test_notebooks.py"],
            }
        )
    else:
        found.append({"part": "browser", "missing": "no browser tests yet"})
    return found


def _mentions(folder: Path, text: str) -> bool:
    return any(text in p.read_text(encoding="utf-8") for p in folder.rglob("*.py"))


def _count(output: str) -> str:
    lines = [
        line
        for line in output.splitlines()
        if " in " in line
        and ("passed" in line or "failed" in line or "error" in line or "no tests" in line)
    ]
    return lines[-1].strip("= ") if lines else ""


def measure(repeat: int, compare: str, site: Path) -> dict[str, Any]:
    info = machine()
    env = TEST_ENV
    rows: list[dict[str, Any]] = []
    doc: dict[str, Any] = {}
    for part in parts(site):
        name = part["part"]
        if "missing" in part:
            rows.append({"part": name, "command": "-", "missing": part["missing"]})
            continue
        if "pytest" in part:
            args = part["pytest"]
            timed = [timed_pytest(args, env=env) for _ in range(repeat)]
            chosen = median_runs(timed)
            wall, cpu, ok, detail = (
                chosen["wall_median"],
                chosen["cpu"],
                chosen["ok"],
                chosen["tail"],
            )
            command = "pytest " + " ".join(args)
            if part.get("doc"):
                doc = chosen
            slowest = chosen.get("slowest", [])
        else:
            slowest = []
            walls, cpus, ok, outputs = [], [], True, []
            for _ in range(repeat):
                results = [run(cmd, env=env) for cmd in part["cmds"]]
                walls.append(sum(r.seconds for r in results))
                cpus.append(sum(r.cpu for r in results))
                ok = all(r.returncode == 0 for r in results)
                outputs = [r.output for r in results]
            wall, cpu = statistics.median(walls), statistics.median(cpus)
            detail = "; ".join(o.strip().splitlines()[-1][:60] for o in outputs if o.strip())
            command = " && ".join(
                shlex.join([Path(str(c)).name if i == 0 else str(c) for i, c in enumerate(cmd)])
                for cmd in part["cmds"]
            )
        rows.append(
            {
                "part": name,
                "command": command,
                "wall": wall,
                "cpu": cpu,
                "ok": ok,
                "detail": detail,
                "slowest": slowest,
            }
        )
        print(f"   measured {name}: {wall:.2f} s", file=sys.stderr)

    # The pytest phase without the browser tests (timed above; they are a few minutes on
    # their own): under xdist as make test runs it, and serially in one process
    # ("--phase both"), or serially as the sum of the unit, doc and notebook parts
    # ("--phase xdist", which saves a run).
    phase: list[dict[str, Any]] = []
    selection = ["--ignore=tests/browser", "-m", "not browser"]
    variants = {"both": [SERIAL, MAKE], "xdist": [MAKE], "none": []}[compare]
    for label in variants:
        extra = XDIST if label == MAKE else []
        runs = [run(pytest_cmd(*extra, *selection), env=env) for _ in range(repeat)]
        phase.append(
            {
                "pytest phase": label,
                "wall": statistics.median(r.seconds for r in runs),
                "cpu": statistics.median(r.cpu for r in runs),
                "walls": [round(r.seconds, 2) for r in runs],
                "ok": all(r.returncode == 0 for r in runs),
                "detail": _count(runs[-1].output),
            }
        )
        print(f"   measured pytest phase {label}: {phase[-1]['wall']:.2f} s", file=sys.stderr)
    if compare == "xdist":
        parts_run = [r for r in rows if r["part"] in SERIAL_PARTS and "wall" in r]
        phase.insert(
            0,
            {
                "pytest phase": "serial: sum of the unit, doc, notebook parts above",
                "wall": sum(r["wall"] for r in parts_run),
                "cpu": sum(r["cpu"] for r in parts_run),
                "walls": [],
                "ok": all(r["ok"] for r in parts_run),
                "detail": "",
            },
        )
    return {
        "machine": info,
        "repeat": repeat,
        "parts": rows,
        "doc_suite": doc,
        "pytest_phase": phase,
        "goal_ms": GOAL_MS,
    }


def report(result: dict[str, Any]) -> str:
    rows = [r for r in result["parts"] if "wall" in r]
    total = sum(r["wall"] for r in rows)
    out = [
        header(
            "make test, part by part (each part run alone, serially)",
            result["machine"],
            f"median of {result['repeat']} run(s); cpu = user+sys seconds of the part's processes",
        ),
        table(
            ["part", "wall s", "cpu s", "share", "exit", "result", "command"],
            [
                [
                    r["part"],
                    r["wall"],
                    r["cpu"],
                    f"{100 * r['wall'] / total:.0f}%",
                    "ok" if r["ok"] else "failed",
                    r["detail"][:48],
                    r["command"][:70],
                ]
                if "wall" in r
                else [r["part"], "", "", "", "", r["missing"], "-"]
                for r in result["parts"]
            ],
        ),
        f"   sum of the parts: {total:.1f} s",
    ]
    for part in rows:
        if part["part"] != "doc examples" and part.get("slowest"):
            out += [
                f"   slowest {part['part']} (setup + call + teardown):",
                *(f"     {sec:6.2f} s  {nodeid[:90]}" for nodeid, sec in part["slowest"][:4]),
            ]
    doc = result["doc_suite"]
    if doc:
        n = doc["examples"]
        out += [
            "",
            f"   Doc suite: {n} examples (pages + docstrings), wall {doc['wall']:.2f} s,"
            f" own code (exec) {doc['exec_s']:.2f} s",
            "   per-example overhead = (wall - exec) / examples = "
            + verdict(doc["overhead_per_example_ms"], GOAL_MS, " ms"),
            table(
                ["where the rest of the wall time went", "seconds", "ms/example"],
                [
                    [label, doc[key], 1000 * doc[key] / n]
                    for label, key in (
                        ("interpreter + pytest + conftest start-up", "startup_s"),
                        ("collection (Sybil parses the pages)", "collect_s"),
                        ("first page setup (imports torch)", "first_setup_s"),
                        ("other setups (page namespace, seed)", "setup_rest_s"),
                        ("evaluator (parse, rewrite asserts, compile)", "evaluator_s"),
                        ("teardown", "teardown_s"),
                        ("pytest between tests (hooks, reporting)", "between_s"),
                        ("session end to exit (summary, plugins, shutdown)", "exit_s"),
                    )
                    if key in doc
                ],
            ),
            "   marginal overhead per further example (without start-up, collection,"
            f" torch import, exit): {doc.get('marginal_per_example_ms', float('nan')):.2f} ms",
            "   pages whose examples take longest (sum of call phases):",
            *(f"     {sec:6.2f} s  {name}" for name, sec in doc.get("slowest_pages", [])[:5]),
        ]
    if result["pytest_phase"]:
        serial = result["pytest_phase"][0]["wall"]
        out += [
            "",
            "   The pytest phase without the browser tests (tests/, docs/, rnn_guide/),"
            " with and without xdist:",
            table(
                ["pytest phase", "wall s", "cpu s", "vs serial", "runs (s)", "exit", "result"],
                [
                    [
                        p["pytest phase"],
                        p["wall"],
                        p["cpu"],
                        f"{p['wall'] / serial:.2f}x",
                        " ".join(map(str, p["walls"])),
                        "ok" if p["ok"] else "failed",
                        p["detail"][:60],
                    ]
                    for p in result["pytest_phase"]
                ],
            ),
        ]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per part (median)")
    parser.add_argument(
        "--phase",
        choices=["both", "xdist", "none"],
        default="both",
        help="time the pytest phase serially and with xdist (both), with xdist only"
        " (serial = the sum of the parts), or not at all",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rnn-guide-test-") as tmp:
        result = measure(max(args.repeat, 1), args.phase, Path(tmp) / "site")
    doc = result["doc_suite"]
    if doc:
        doc["setup_rest_s"] = doc["setup_s"] - doc["first_setup_s"]
    print(report(result))
    save("test_time", result)
    return result


if __name__ == "__main__":
    main()
