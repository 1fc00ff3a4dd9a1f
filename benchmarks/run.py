"""Run every benchmark and print its table; ``make bench`` runs this.

    .venv/bin/python -m benchmarks.run [--quick]

In order: build_time, test_time, scaling, batching, preview (each in its own process, so
one script's imports and threads never colour another's numbers), then a summary of the
goals.  ``--quick`` trims repeats and scaling factors for a fast smoke run.
Every script also writes its numbers to benchmarks/results/<name>.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from benchmarks.common import BASE_ENV, load
from tools.paths import RESULTS, ROOT


def steps(quick: bool) -> list[list[str]]:
    plan = [
        # Five rounds: on a shared machine two rounds can differ by a third.
        ["build_time", "--repeat", "2" if quick else "5", *([] if quick else ["--ablate"])],
        ["test_time", "--repeat", "1", "--phase", "xdist"],
        ["scaling", *(["--factors", "1", "2", "--pages", "2"] if quick else [])],
        ["batching", *(["--repeats", "2"] if quick else [])],
        ["preview", "--edits", "3" if quick else "7"],
    ]
    return plan


def summary() -> str:
    def read(name: str) -> dict:  # type: ignore[type-arg]
        path = RESULTS / f"{name}.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    lines = ["", "== Goals"]
    build = read("build_time")
    if build:
        ratio = build["ratio_full_to_bare"]
        lines.append(
            f"   build: full / bare = {ratio:.2f}x (goal <= {build['goal']}x):"
            f" {'met' if ratio <= build['goal'] else 'NOT met'};"
            f" with cold caches {build['ratio_cold_to_bare']:.2f}x"
        )
    tests = read("test_time")
    doc = tests.get("doc_suite") or {}
    if doc:
        ms = doc["overhead_per_example_ms"]
        lines.append(
            f"   doc suite: {ms:.2f} ms overhead per example (goal <= {tests['goal_ms']} ms):"
            f" {'met' if ms <= tests['goal_ms'] else 'NOT met'};"
            f" marginal {doc.get('marginal_per_example_ms', float('nan')):.2f} ms"
        )
    scaling = read("scaling")
    if scaling:
        for key, what in (("build_ratio", "build"), ("suite_ratio", "doc suite")):
            ratio = scaling[key]
            met = "met" if ratio <= scaling["goal"] else "NOT met"
            lines.append(
                f"   scaling {what}: x{scaling['factor_ratio']:.0f} docs -> {ratio:.2f}x time"
                f" (goal <= {scaling['goal']}x for x10): {met}"
            )
    preview = read("preview")
    if preview:
        for lang, median in preview["median_s"].items():
            met = "met" if median <= preview["goal_s"] else "NOT met"
            lines.append(
                f"   preview ({lang}): {median:.2f} s from saving a page to serving it"
                f" (goal <= {preview['goal_s']} s): {met}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, smaller scaling")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    print(f"rnn-guide benchmarks; load average at start: {load()}", flush=True)
    failed = []
    for script, *options in steps(args.quick):
        began = time.perf_counter()
        code = subprocess.call(
            [sys.executable, "-m", f"benchmarks.{script}", *options], cwd=ROOT, env=BASE_ENV
        )
        print(f"   ({script} took {time.perf_counter() - began:.0f} s)", flush=True)
        if code:
            failed.append(script)
    print(summary())
    print(f"   total {time.perf_counter() - started:.0f} s; load average now: {load()}")
    if failed:
        print(f"   these scripts failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
