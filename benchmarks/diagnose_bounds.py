"""CPU time and memory of `diagnose` (with its probe of torch's message) as the sizes grow.

    .venv/bin/python -m benchmarks.diagnose_bounds

Each row runs `rnn_guide.diagnose` once in a fresh process (so the first call's
one-off costs are in the number, as for `rnn-guide diagnose`), on the meta device the
command uses, and reports the process's CPU time for the call and its peak resident
memory. The goal: under a second of CPU whatever seq_len, batch, the sizes and the
number of layers; the cost must not grow with them. Not run by `make test` (the test
suite has a generous hang guard instead, tests/test_diagnose.py).
"""

from __future__ import annotations

import json
import subprocess
import sys

from benchmarks.common import header, table
from tools.paths import ROOT

CASES: list[tuple[str, str, tuple[int, ...], tuple[int, ...] | None]] = [
    ("small", "RNNSpec('GRU', 5, 6)", (7, 3, 5), (1, 3, 6)),
    ("issue: seq_len 1e5", "RNNSpec('GRU', 40, 64)", (100_000, 8, 40), None),
    ("seq_len 1e6", "RNNSpec('GRU', 5, 6)", (1_000_000, 3, 5), (1, 3, 6)),
    ("1e4 layers", "RNNSpec('GRU', 5, 6, num_layers=10_000)", (7, 3, 5), None),
    ("1e4 layers, wrong h_0", "RNNSpec('GRU', 5, 6, num_layers=10_000)", (7, 3, 5), (2, 3, 6)),
    ("1e6 x 1e4 layers", "RNNSpec('LSTM', 5, 6, num_layers=10_000)", (1_000_000, 3, 5), None),
    ("64 layers, wrong batch", "RNNSpec('GRU', 5, 6, num_layers=64)", (7, 3, 5), (64, 1, 6)),
    ("sizes 1e6", "RNNSpec('LSTM', 10**6, 10**6, proj_size=5)", (10**6, 10**6, 10**6), None),
    ("features wrong, 1e6", "RNNSpec('GRU', 5, 6)", (1_000_000, 3, 4), (2, 3, 6)),
]

CHILD = """
import json, resource, sys, time
import torch
from rnn_guide import RNNSpec, diagnose
spec, shape, state = eval(sys.argv[1]), eval(sys.argv[2]), eval(sys.argv[3])
meta = torch.device("meta")
x = torch.empty(shape, device=meta)
hx = None if state is None else torch.empty(state, device=meta)
if hx is not None and spec.mode == "LSTM":
    hx = (hx, torch.empty(state[:-1] + (spec.hidden_size,), device=meta))
start = time.process_time()
result = diagnose(spec, x, hx)
cpu = time.process_time() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
quoted = result.torch_error is not None
print(json.dumps({"cpu": cpu, "peak": peak, "ok": result.ok, "quoted": quoted}))
"""


def main() -> int:
    """Print one row per case."""
    print(header("diagnose: CPU time of one call (fresh process), peak memory of the process"))
    rows = []
    for name, spec, shape, state in CASES:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, spec, repr(shape), repr(state)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
        got = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(
            [
                name,
                f"{spec} {shape} h_0={state}",
                round(got["cpu"] * 1000, 1),
                round(got["peak"], 0),
                "ok" if got["ok"] else "problems",
                "yes" if got["quoted"] else "no",
            ]
        )
    headers = ["case", "call", "CPU ms", "peak RSS MB", "verdict", "torch quoted"]
    print(table(headers, rows))
    worst = max(row[2] for row in rows)
    print(f"\n   worst CPU: {worst} ms (goal: under 1000 ms, not growing with the sizes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
