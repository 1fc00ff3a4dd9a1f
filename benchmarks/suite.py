"""Run pytest with the timing plugin and break its wall time down (used by test_time, scaling)."""

from __future__ import annotations

import glob
import json
import os
import statistics
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks.common import BIN, run
from tools.paths import BENCHMARKS, ROOT

PLUGIN_DIR = BENCHMARKS  # pytest_timing.py, loaded with -p
DOC_PREFIXES = ("docs/", "rnn_guide/")


def pytest_cmd(*args: str | os.PathLike[str]) -> list[str]:
    return [str(BIN / "python"), "-m", "pytest", "-p", "no:cacheprovider", "-q", *map(str, args)]


def timed_pytest(
    args: Sequence[str | os.PathLike[str]],
    cwd: Path = ROOT,
    env: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Run ``pytest ARGS`` once with the timing plugin; return wall time and the breakdown."""
    with tempfile.TemporaryDirectory(prefix="rnn-guide-timing-") as tmp:
        prefix = str(Path(tmp) / "t")
        child_env = {
            **(env or {}),
            "RNN_GUIDE_TIMING_OUT": prefix,
            "PYTHONPATH": os.pathsep.join(
                p for p in (str(PLUGIN_DIR), os.environ.get("PYTHONPATH", "")) if p
            ),
        }
        launched = time.time()
        result = run(pytest_cmd("-p", "pytest_timing", *args), cwd=cwd, env=child_env)
        dumps = [json.loads(Path(f).read_text()) for f in sorted(glob.glob(prefix + ".*.json"))]
    return {
        "wall": result.seconds,
        "cpu": result.cpu,
        "ok": result.returncode == 0,
        "tail": _tail(result.output),
    } | (breakdown(dumps, launched, result.seconds))


def _tail(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def breakdown(dumps: list[dict[str, Any]], launched: float, wall: float) -> dict[str, Any]:
    """Where the doc examples' wall time went, from the plugin's per-process dumps."""
    tests: dict[str, dict[str, Any]] = {}
    for dump in dumps:
        tests.update(dump["tests"])
    doc = {k: v for k, v in tests.items() if k.startswith(DOC_PREFIXES)}
    n = len(doc)
    exec_s = sum(v.get("exec", 0.0) for v in doc.values())
    call_s = sum(v.get("call", 0.0) for v in doc.values())
    setups = [v.get("setup", 0.0) for v in doc.values()]
    setup_s = sum(setups)
    teardown_s = sum(v.get("teardown", 0.0) for v in doc.values())
    totals = {
        k: v.get("setup", 0.0) + v.get("call", 0.0) + v.get("teardown", 0.0)
        for k, v in tests.items()
    }
    per_file: dict[str, float] = {}
    for k, v in doc.items():
        name = k.split("::")[0]
        per_file[name] = per_file.get(name, 0.0) + v.get("call", 0.0)
    out: dict[str, Any] = {
        "slowest": sorted(totals.items(), key=lambda kv: -kv[1])[:6],
        "slowest_pages": sorted(per_file.items(), key=lambda kv: -kv[1])[:6],
        "examples": n,
        "tests": len(tests),
        "exec_s": exec_s,
        "call_s": call_s,
        "setup_s": setup_s,
        "first_setup_s": max(setups, default=0.0),  # the first page's setup imports torch
        "teardown_s": teardown_s,
        "overhead_per_example_ms": 1000 * (wall - exec_s) / n if n else float("nan"),
        "overhead_per_example_call_ms": 1000 * (wall - call_s) / n if n else float("nan"),
    }
    main = [d for d in dumps if d["worker"] == "main"]
    if len(dumps) == 1 and main:  # a single process: its timeline explains the rest
        line = main[0]["timeline"]
        startup = line.get("configured", launched) - launched
        collect = line.get("collected", launched) - line.get("configured", launched)
        session = line.get("finished", launched) - line.get("collected", launched)
        between = session - setup_s - call_s - teardown_s
        exit_s = wall - (line.get("finished", launched) - launched)
        # What each further example costs on top of its own code, once pytest, torch and
        # the collection are paid for: its setup, the evaluator, teardown and reporting.
        marginal = (setup_s - out["first_setup_s"]) + (call_s - exec_s) + teardown_s + between
        out |= {
            "startup_s": startup,
            "collect_s": collect,
            "between_s": between,
            "exit_s": exit_s,
            "evaluator_s": call_s - exec_s,
            "marginal_per_example_ms": 1000 * marginal / n if n else float("nan"),
        }
    return out


def median_runs(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the median wall time (keeps one consistent breakdown)."""
    ordered = sorted(runs, key=lambda r: r["wall"])
    chosen = dict(ordered[(len(ordered) - 1) // 2])
    chosen["walls"] = [round(r["wall"], 3) for r in runs]
    chosen["wall_median"] = statistics.median(r["wall"] for r in runs)
    return chosen
