"""A Python loop over nn.RNNCell / nn.GRUCell / nn.LSTMCell against one nn.RNN / GRU / LSTM call.

    .venv/bin/python -m benchmarks.cells_vs_layers [--threads 1] [--repeats 7]

For each mode the layer and the cell share the same seeded weights (the cell gets the
layer's ``*_l0`` parameters). Both run the same batch of sequences, once under
``torch.no_grad()`` (forward only) and once with ``backward()`` of the summed output
(a training step without the optimizer). Each timing is the best of ``--repeats``
runs after a warm-up, cell and layer taking turns; torch runs on a fixed number of
threads. The script also checks that both give the same output (``allclose``,
``rtol=1e-5``, ``atol=1e-6``) before timing anything.

Writes benchmarks/results/cells-vs-layers.json, which
docs/{en,zh}/explanation/cells-vs-layers.md quote (a hidden example on the page checks
that the quoted table matches this file):

    {"machine": "<cpu>, <cores> cores", "cpu": ..., "cores": ..., "torch": ...,
     "python": ..., "threads": ..., "seq_len": ..., "batch": ..., "input_size": ...,
     "hidden_size": ..., "repeats": ..., "rows": [{"mode": "LSTM", "pass": "forward",
     "layer_ms": ..., "cell_loop_ms": ..., "ratio": ..., "same_output": true}, ...]}
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any

from benchmarks.common import header, machine, save, table

MODES = ("RNN", "GRU", "LSTM")
SEQ_LEN = 100
BATCH = 32
INPUT_SIZE = 32
HIDDEN_SIZE = 64


def _pair(mode: str) -> tuple[Any, Any]:
    import torch
    from torch import nn

    torch.manual_seed(0)
    layer = getattr(nn, mode)(INPUT_SIZE, HIDDEN_SIZE)
    cell = getattr(nn, f"{mode}Cell")(INPUT_SIZE, HIDDEN_SIZE)
    cell.load_state_dict({name[: -len("_l0")]: p for name, p in layer.named_parameters()})
    return layer, cell


def _cell_loop(cell: Any, x: Any) -> Any:
    import torch

    state = None
    outputs = []
    for x_t in x:  # (batch, input_size) per time step
        state = cell(x_t, state)
        outputs.append(state[0] if isinstance(state, tuple) else state)
    return torch.stack(outputs)  # (seq_len, batch, hidden_size)


def _best(fn: Callable[[], None], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _passes(
    layer: Any, cell: Any, x: Any
) -> list[tuple[str, Callable[[], None], Callable[[], None]]]:
    """The two timed passes, each as (name, layer call, cell loop)."""
    import torch

    def layer_forward() -> None:
        with torch.no_grad():
            layer(x)

    def cell_forward() -> None:
        with torch.no_grad():
            _cell_loop(cell, x)

    def layer_backward() -> None:
        layer.zero_grad()
        layer(x)[0].sum().backward()

    def cell_backward() -> None:
        cell.zero_grad()
        _cell_loop(cell, x).sum().backward()

    return [
        ("forward", layer_forward, cell_forward),
        ("forward+backward", layer_backward, cell_backward),
    ]


def measure(threads: int, repeats: int) -> dict[str, Any]:
    import torch

    info = machine()
    torch.set_num_threads(threads)
    started = time.perf_counter()
    rows = []
    for mode in MODES:
        layer, cell = _pair(mode)
        x = torch.randn(SEQ_LEN, BATCH, INPUT_SIZE)  # (seq_len, batch, input_size)
        with torch.no_grad():
            same = torch.allclose(layer(x)[0], _cell_loop(cell, x), rtol=1e-5, atol=1e-6)

        for name, layer_fn, cell_fn in _passes(layer, cell, x):
            layer_fn(), cell_fn()  # warm-up
            layer_s, cell_s = float("inf"), float("inf")
            for _ in range(repeats):  # turns, so a load change hits both alike
                layer_s = min(layer_s, _best(layer_fn, 1))
                cell_s = min(cell_s, _best(cell_fn, 1))
            rows.append(
                {
                    "mode": mode,
                    "pass": name,
                    "layer_ms": round(1000 * layer_s, 3),
                    "cell_loop_ms": round(1000 * cell_s, 3),
                    "ratio": round(cell_s / layer_s, 2),
                    "same_output": bool(same),
                }
            )
    return {
        "machine": f"{info['cpu']}, {info['cores']} cores",
        "cpu": info["cpu"],
        "cores": info["cores"],
        "torch": torch.__version__.split("+")[0],
        "python": info["python"],
        "threads": threads,
        "seq_len": SEQ_LEN,
        "batch": BATCH,
        "input_size": INPUT_SIZE,
        "hidden_size": HIDDEN_SIZE,
        "repeats": repeats,
        "timing": "best of repeats after a warm-up, cell loop and layer taking turns",
        "load_at_start": info["load_at_start"],
        "seconds": round(time.perf_counter() - started, 1),
        "rows": rows,
        "_info": info,
    }


def report(result: dict[str, Any]) -> str:
    return "\n".join(
        [
            header(
                f"Cell loop vs layer: seq_len {result['seq_len']}, batch {result['batch']}, "
                f"input {result['input_size']}, hidden {result['hidden_size']}",
                result["_info"],
                f"torch threads fixed at {result['threads']}; best of {result['repeats']}",
            ),
            table(
                ["mode", "pass", "layer ms", "cell loop ms", "cell / layer", "same output"],
                [
                    [
                        r["mode"],
                        r["pass"],
                        r["layer_ms"],
                        r["cell_loop_ms"],
                        r["ratio"],
                        "yes" if r["same_output"] else "NO",
                    ]
                    for r in result["rows"]
                ],
            ),
        ]
    )


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    result = measure(args.threads, args.repeats)
    print(report(result))
    saved = {k: v for k, v in result.items() if not k.startswith("_")}
    print(f"   wrote {save('cells-vs-layers', saved)}")
    return result


if __name__ == "__main__":
    main()
