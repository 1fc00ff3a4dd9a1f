"""How fast `rnn-guide` answers help and bad arguments, and whether it imports torch.

    .venv/bin/python -m benchmarks.cli_startup [--runs 7]

Each row starts the installed command in a fresh process `--runs` times and reports
the median wall time and the median CPU time of the process (user + system), and
whether torch was imported (checked once in-process with `sys.modules`). The goal for
`--help` and argument errors: under 0.3 s, no torch. Not run by `make test`
(tests/test_cli.py checks `sys.modules` instead of the clock).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import header, table

SCRIPT = Path(sys.executable).parent / "rnn-guide"
RNN = ["RNN", "--input-size", "5", "--hidden-size", "6"]
CASES: list[tuple[str, list[str]]] = [
    ("--help", ["--help"]),
    ("shapes --help, zh", ["shapes", "--help", "--lang", "zh"]),
    ("empty field", ["shapes", *RNN, "--input", "1,,5"]),
    ("size beyond int64", ["shapes", *RNN, "--input", "100000000000000000000,3,5"]),
    ("shapes", ["shapes", *RNN, "--input", "7,3,5"]),
    ("explain", ["explain", "Expected hidden size (1, 3, 6), got [1, 1, 6]"]),
    ("diagnose (imports torch)", ["diagnose", *RNN, "--input", "1,3,5", "--h0", "1,1,6"]),
]

IMPORTS = """
import contextlib, io, sys
from rnn_guide.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    main(sys.argv[1:])
print('torch' in sys.modules)
"""


def _once(args: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(SCRIPT), *args], capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    """Print one row per case."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    print(header(f"rnn-guide: median of {runs} fresh processes per case"))
    env = {**os.environ, "LANG": "C.UTF-8"}
    rows = []
    for name, args in CASES:
        times = [_once(args) for _ in range(runs)]
        torch = subprocess.run(
            [sys.executable, "-c", IMPORTS, *args], capture_output=True, text=True, env=env
        ).stdout.strip()
        rows.append(
            [
                name,
                round(statistics.median(wall for wall, _ in times) * 1000),
                round(statistics.median(cpu for _, cpu in times) * 1000),
                "yes" if torch == "True" else "no",
            ]
        )
    print(table(["case", "wall ms", "CPU ms", "imports torch"], rows))
    print("\n   goal: --help and argument errors under 300 ms, without torch")
    return 0


if __name__ == "__main__":
    sys.exit(main())
