"""One-by-one against batched forward passes of nn.RNN, for batch sizes 1 to 256.

    .venv/bin/python benchmarks/batching.py [--threads 1] [--repeats 5]

For each sequence length (16 and 64) and batch size (1, 2, 4, ..., 256) the same
sequences go through one seeded ``nn.RNN(32, 64)`` twice: one sequence per call, then
all in one call, under ``torch.no_grad()``, after a warm-up call, taking turns.  The
timing is ``rnn_guide.timing.measure_batching`` (best of ``--repeats``; it also checks
that both ways give the same numbers); torch runs with a fixed number of threads.

Writes benchmarks/results/batching.json, which tools/figures.py turns into
docs/<lang>/assets/figures/batching-speed.svg:

    {"machine": "<cpu>, <cores> cores", "cpu": ..., "cores": ..., "torch": ...,
     "python": ..., "threads": ..., "input_size": ..., "hidden_size": ...,
     "repeats": ..., "rows": [{"seq_len": 16, "batch_size": 1, "one_by_one_ms": ...,
     "batched_ms": ..., "speedup": ..., "outputs_equal": true}, ...]}
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import header, machine, save, table

BATCH_SIZES = tuple(2**k for k in range(9))  # 1, 2, 4, ..., 256
SEQ_LENS = (16, 64)
INPUT_SIZE = 32
HIDDEN_SIZE = 64


def measure(threads: int, repeats: int) -> dict[str, Any]:
    import torch

    from rnn_guide.timing import measure_batching

    info = machine()
    torch.set_num_threads(threads)
    started = time.perf_counter()
    rows = []
    for seq_len in SEQ_LENS:
        timings = measure_batching(
            batch_sizes=BATCH_SIZES,
            seq_len=seq_len,
            input_size=INPUT_SIZE,
            hidden_size=HIDDEN_SIZE,
            repeats=repeats,
        )
        for t in timings:
            rows.append(
                {
                    "seq_len": seq_len,
                    "batch_size": t.batch_size,
                    "one_by_one_ms": round(1000 * t.one_by_one_seconds, 4),
                    "batched_ms": round(1000 * t.batched_seconds, 4),
                    "speedup": round(t.speedup, 3),
                    "outputs_equal": t.outputs_equal,
                }
            )
    return {
        "machine": f"{info['cpu']}, {info['cores']} cores",
        "cpu": info["cpu"],
        "cores": info["cores"],
        "torch": torch.__version__.split("+")[0],
        "python": info["python"],
        "threads": threads,
        "input_size": INPUT_SIZE,
        "hidden_size": HIDDEN_SIZE,
        "repeats": repeats,
        "timing": "rnn_guide.timing.measure_batching: best of repeats, no_grad, warm-up, turns",
        "load_at_start": info["load_at_start"],
        "seconds": round(time.perf_counter() - started, 1),
        "rows": rows,
        "_info": info,
    }


def report(result: dict[str, Any]) -> str:
    return (
        "\n".join(
            [
                header(
                    "Batching: one-by-one vs batched forward, nn.RNN"
                    f"({result['input_size']}, {result['hidden_size']})",
                    result["_info"],
                    f"torch threads fixed at {result['threads']}; best of {result['repeats']};"
                    " one-by-one = one call per sequence, batched = one call for all",
                ),
                table(
                    [
                        "seq_len",
                        "batch",
                        "one-by-one ms",
                        "batched ms",
                        "speed-up",
                        "us/seq one-by-one",
                        "us/seq batched",
                        "same numbers",
                    ],
                    [
                        [
                            r["seq_len"],
                            r["batch_size"],
                            r["one_by_one_ms"],
                            r["batched_ms"],
                            r["speedup"],
                            1000 * r["one_by_one_ms"] / r["batch_size"],
                            1000 * r["batched_ms"] / r["batch_size"],
                            "yes" if r["outputs_equal"] else "NO",
                        ]
                        for r in result["rows"]
                    ],
                ),
            ]
        )
        + "\n"
    )


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    result = measure(args.threads, args.repeats)
    print(report(result))
    saved = {k: v for k, v in result.items() if not k.startswith("_")}
    print(f"   wrote {save('batching', saved)}")
    return result


if __name__ == "__main__":
    main()
