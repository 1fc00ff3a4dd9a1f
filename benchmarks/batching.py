"""One-by-one against batched forward passes of nn.RNN, for batch sizes 1 to 256.

    .venv/bin/python -m benchmarks.batching [--threads 1] [--repeats 5]

For each sequence length (16 and 64) and batch size (1, 2, 4, ..., 256) the same
sequences go through one seeded ``nn.RNN(32, 64)`` twice: one sequence per call, then
all in one call, under ``torch.no_grad()``, after a warm-up call, taking turns.  The
timing is ``rnn_guide.timing.measure_batching`` (best of ``--repeats``; it also checks
that both ways give the same numbers); torch runs with a fixed number of threads.

Writes benchmarks/results/batching.json, which tools/figures/draw.py turns into
docs/<lang>/assets/figures/batching-speed.svg, and from it the table the batching page
includes (pymdownx.snippets), one per language: benchmarks/results/batching.en.md and
batching.zh.md (``--tables-only`` writes them again from the committed JSON, without
measuring; tests/test_batching_table.py fails when they do not match it):

    {"machine": "<cpu>, <cores> cores", "cpu": ..., "cores": ..., "torch": ...,
     "python": ..., "threads": ..., "input_size": ..., "hidden_size": ...,
     "repeats": ..., "rows": [{"seq_len": 16, "batch_size": 1, "one_by_one_ms": ...,
     "batched_ms": ..., "speedup": ..., "outputs_equal": true}, ...]}
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from benchmarks.common import header, machine, save, table
from tools.paths import RESULTS

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


# The rows the page shows: a batch of one, a few sizes between, the largest.
PAGE_BATCH_SIZES = (1, 8, 64, 256)

PAGE_TEXT = {
    "en": {
        "header": (
            "| time steps | sequences (batch size) | one by one (ms) | batched (ms) "
            "| speed-up | same numbers |"
        ),
        "yes": "yes",
        "no": "no",
        "setup": (
            "Measured by `make bench` (`benchmarks/batching.py`): `nn.RNN({input_size}, "
            "{hidden_size})`, no gradients, best of {repeats} runs, torch on {threads_en}, "
            "on {cpu}, {cores} cores, torch {torch}, Python {python}. Other machines, and the "
            "same machine at a busier moment, give other numbers."
        ),
    },
    "zh": {
        "header": (
            "| 时间步数 | 序列数（批量大小） | 逐条（毫秒） | 成批（毫秒） | 加速比 | 结果相同 |"
        ),
        "yes": "是",
        "no": "否",
        "setup": (
            "由 `make bench`（`benchmarks/batching.py`）测得：`nn.RNN({input_size}, "
            "{hidden_size})`，不计算梯度，取 {repeats} 次运行中最快的一次，torch 用 {threads} "
            "个线程；机器：{cpu}，{cores} 个核心，torch {torch}，Python {python}。"
            "换一台机器，或同一台机器更忙的时候，数字都会不同。"
        ),
    },
}


def page_table(result: dict[str, Any], lang: str) -> str:
    """The Markdown table of ``result`` (batching.json) that the batching page includes."""
    text = PAGE_TEXT[lang]
    lines = [text["header"], "|---:|---:|---:|---:|---:|:---:|"]
    for row in result["rows"]:
        if row["batch_size"] not in PAGE_BATCH_SIZES:
            continue
        same = text["yes"] if row["outputs_equal"] else text["no"]
        lines.append(
            f"| {row['seq_len']} | {row['batch_size']} | {row['one_by_one_ms']:.2f} "
            f"| {row['batched_ms']:.2f} | {row['speedup']:.1f}× | {same} |"
        )
    facts = {k: v for k, v in result.items() if k != "rows"}
    threads = result["threads"]
    facts["threads_en"] = "one thread" if threads == 1 else f"{threads} threads"
    setup = text["setup"].format(**facts)
    return "\n".join(lines) + "\n\n" + setup + "\n"


def table_path(lang: str) -> Path:
    return RESULTS / f"batching.{lang}.md"


def write_page_tables(result: dict[str, Any]) -> list[Path]:
    """Write the page's table in each language from ``result``; return the files written."""
    paths = []
    for lang in PAGE_TEXT:
        path = table_path(lang)
        path.write_text(page_table(result, lang), encoding="utf-8")
        paths.append(path)
    return paths


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
    parser.add_argument(
        "--tables-only",
        action="store_true",
        help="only write the page's tables again from the committed results/batching.json",
    )
    args = parser.parse_args(argv)
    if args.tables_only:
        saved: dict[str, Any] = json.loads((RESULTS / "batching.json").read_text("utf-8"))
        for path in write_page_tables(saved):
            print(f"   wrote {path}")
        return saved
    result = measure(args.threads, args.repeats)
    print(report(result))
    saved = {k: v for k, v in result.items() if not k.startswith("_")}
    print(f"   wrote {save('batching', saved)}")
    for path in write_page_tables(saved):
        print(f"   wrote {path}")
    return result


if __name__ == "__main__":
    main()
