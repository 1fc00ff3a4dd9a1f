"""Measure one-by-one against batched forward passes of a recurrent module.

[`compare_batching`][rnn_guide.timing.compare_batching] runs the same sequences
through a module twice: one sequence per call, then all of them in one call. It
checks that both give the same numbers and reports how long each took. The results
are measurements of this machine at this moment, never promises: nothing here
asserts that batching is faster.

[`measure_batching`][rnn_guide.timing.measure_batching] does this for a few batch
sizes with a fixed, seeded model, and [`machine_info`][rnn_guide.timing.machine_info]
says what the numbers were measured on. The site runs both while it is built.
"""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import torch
from torch import Tensor, nn

__all__ = [
    "BatchingTiming",
    "MachineInfo",
    "compare_batching",
    "machine_info",
    "measure_batching",
]


@dataclass(frozen=True)
class BatchingTiming:
    """One-by-one and batched forward passes of the same sequences, compared.

    Attributes:
        batch_size: How many sequences were run.
        seq_len: Time steps per sequence.
        one_by_one_seconds: Best time to run every sequence in its own call.
        batched_seconds: Best time to run all sequences in one call.
        repeats: How many times each way was timed (the best time is kept).
        max_abs_difference: Largest absolute difference between the two ways,
            over `output`, `h_n` and (LSTM) `c_n`.
        outputs_equal: Whether the two ways agree within the tolerance.
        atol: The absolute tolerance used for `outputs_equal`.
        threads: Threads torch used during the measurement.
    """

    batch_size: int
    seq_len: int
    one_by_one_seconds: float
    batched_seconds: float
    repeats: int
    max_abs_difference: float
    outputs_equal: bool
    atol: float
    threads: int

    @property
    def speedup(self) -> float:
        """How many times longer the one-by-one calls took than the batched call."""
        return self.one_by_one_seconds / self.batched_seconds


@dataclass(frozen=True)
class MachineInfo:
    """What a measurement ran on.

    Attributes:
        cpu: The CPU model, or the platform's processor name when it cannot be read.
        cores: Logical CPU cores the operating system reports.
        threads: Threads torch uses for one operation (`torch.get_num_threads()`).
        torch_version: The torch version, without a local suffix such as `+cpu`.
    """

    cpu: str
    cores: int
    threads: int
    torch_version: str

    def __str__(self) -> str:
        """One line: CPU, cores, threads and torch version."""
        return (
            f"{self.cpu}, {self.cores} cores, {self.threads} torch threads, "
            f"torch {self.torch_version}"
        )


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    try:
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("model name", "Model", "Hardware") and value.strip():
                return " ".join(value.split())
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def machine_info() -> MachineInfo:
    """Describe this machine as far as it matters for a timing.

    Returns:
        The CPU model (from /proc/cpuinfo on Linux), the core count, torch's
        thread count and the torch version.

    Examples:
        >>> import torch
        >>> info = machine_info()
        >>> info.cores >= 1 and info.threads >= 1
        True
        >>> torch.__version__.startswith(info.torch_version)
        True
    """
    return MachineInfo(
        cpu=_cpu_model(),
        cores=os.cpu_count() or 1,
        threads=torch.get_num_threads(),
        torch_version=torch.__version__.split("+")[0],
    )


def _states(result: tuple[Tensor, Tensor | tuple[Tensor, Tensor]]) -> list[Tensor]:
    """`output, h_n` (and `c_n`) of a module call, as a flat list."""
    output, state = result
    return [output, *state] if isinstance(state, tuple) else [output, state]


def _best_times(runs: Sequence[Callable[[], object]], repeats: int) -> list[float]:
    """The best time of each run; the runs take turns, so a busy moment hits them alike."""
    best = [float("inf")] * len(runs)
    for _ in range(repeats):
        for i, run in enumerate(runs):
            start = time.perf_counter()
            run()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def compare_batching(
    module: nn.Module, inputs: Tensor, repeats: int = 5, atol: float = 1e-6
) -> BatchingTiming:
    """Run a batch one sequence at a time and all at once; compare results and times.

    Both ways run under `torch.no_grad()`, after one untimed warm-up call each, and
    take turns while they are timed.
    One by one, sequence `i` is the batch slice `i:i+1` (so it keeps its batch axis
    of 1); the per-sequence results are concatenated along the batch axis before
    they are compared with the batched call's.

    Args:
        module: An `nn.RNN`, `nn.GRU` or `nn.LSTM`.
        inputs: A batch in the module's layout: `(seq_len, batch, features)`, or
            `(batch, seq_len, features)` with `batch_first=True`.
        repeats: How many times each way is timed; the best time is reported.
        atol: Absolute tolerance for `outputs_equal` (relative tolerance 0).

    Returns:
        The timings, the largest difference and whether the results agree.

    Raises:
        ValueError: If `module` is not a recurrent module, `inputs` is not a
            3-D tensor, or `repeats` is below 1.

    Examples:
        >>> import torch
        >>> from torch import nn
        >>> _ = torch.manual_seed(0)
        >>> rnn = nn.RNN(4, 8)
        >>> x = torch.randn(5, 3, 4)  # (seq_len=5, batch=3, features=4)
        >>> timing = compare_batching(rnn, x, repeats=2)
        >>> timing.outputs_equal, timing.batch_size, timing.seq_len
        (True, 3, 5)
        >>> timing.one_by_one_seconds > 0 and timing.batched_seconds > 0
        True
        >>> compare_batching(rnn, x[0])
        Traceback (most recent call last):
        ...
        ValueError: inputs has shape (3, 4) but must be a 3-D batch ...
    """
    if not isinstance(module, nn.RNNBase):
        raise ValueError(
            f"module is {type(module).__name__} but must be nn.RNN, nn.GRU or nn.LSTM: "
            f"pass the recurrent layer itself (for a model, e.g. model.rnn)."
        )
    if not isinstance(inputs, Tensor) or inputs.dim() != 3:
        shape = tuple(inputs.shape) if isinstance(inputs, Tensor) else type(inputs).__name__
        raise ValueError(
            f"inputs has shape {shape} but must be a 3-D batch in the module's layout, "
            f"(seq_len, batch, features) or (batch, seq_len, features) with "
            f"batch_first=True: add a batch axis with x.unsqueeze(1) (or unsqueeze(0))."
        )
    if isinstance(repeats, bool) or not isinstance(repeats, int) or repeats < 1:
        raise ValueError(f"repeats is {repeats!r} but must be a whole number, at least 1.")
    batch_axis = 0 if module.batch_first else 1
    batch_size = inputs.shape[batch_axis]
    seq_len = inputs.shape[1 - batch_axis]
    singles = [inputs.narrow(batch_axis, i, 1) for i in range(batch_size)]

    def one_by_one() -> list[Tensor]:
        results = [_states(module(x)) for x in singles]
        # output joins on the module's batch axis; h_n and c_n always on axis 1.
        columns = [[result[k] for result in results] for k in range(len(results[0]))]
        axes = [batch_axis] + [1] * (len(columns) - 1)
        return [torch.cat(parts, dim=axis) for parts, axis in zip(columns, axes, strict=True)]

    def batched() -> list[Tensor]:
        return _states(module(inputs))

    with torch.no_grad():
        separate = one_by_one()
        together = batched()
        one_by_one_seconds, batched_seconds = _best_times([one_by_one, batched], repeats)
    difference = max(float((a - b).abs().max()) for a, b in zip(separate, together, strict=True))
    return BatchingTiming(
        batch_size=batch_size,
        seq_len=seq_len,
        one_by_one_seconds=one_by_one_seconds,
        batched_seconds=batched_seconds,
        repeats=repeats,
        max_abs_difference=difference,
        outputs_equal=difference <= atol,
        atol=atol,
        threads=torch.get_num_threads(),
    )


def measure_batching(
    batch_sizes: Sequence[int] = (1, 8, 64),
    seq_len: int = 20,
    input_size: int = 32,
    hidden_size: int = 64,
    repeats: int = 5,
    seed: int = 0,
    threads: int | None = 1,
) -> list[BatchingTiming]:
    """Time one-by-one against batched calls of one seeded `nn.RNN` for several batch sizes.

    The model and the data come from `seed` inside `torch.random.fork_rng`, so the
    numbers compared are the same on every run and the caller's random state is
    left untouched; only the clock varies. The defaults take well under a second.

    By default torch runs on one thread while it measures (the setting is restored
    afterwards). On a machine busy with other work, a second thread that is not
    scheduled in time can stall every small call, which would measure the
    scheduler rather than the batching.

    Args:
        batch_sizes: The batch sizes to measure.
        seq_len: Time steps per sequence.
        input_size: Features per time step.
        hidden_size: Size of the hidden state.
        repeats: How many times each way is timed (the best time is kept).
        seed: Seed for the model's weights and the data.
        threads: Threads torch uses during the measurement; None keeps the
            current setting.

    Returns:
        One [`BatchingTiming`][rnn_guide.timing.BatchingTiming] per batch size.

    Raises:
        ValueError: If a batch size is not a whole number of at least 1, or another
            argument is rejected by `compare_batching` or by `nn.RNN`.

    Examples:
        >>> timings = measure_batching(batch_sizes=(1, 4), seq_len=3, repeats=1)
        >>> [(t.batch_size, t.outputs_equal, t.threads) for t in timings]
        [(1, True, 1), (4, True, 1)]
    """
    for size in batch_sizes:
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise ValueError(
                f"batch size {size!r} is not a whole number of at least 1: "
                f"pass e.g. batch_sizes=(1, 8, 64)."
            )
    if threads is not None and (
        isinstance(threads, bool) or not isinstance(threads, int) or threads < 1
    ):
        raise ValueError(
            f"threads is {threads!r} but must be a whole number of at least 1, "
            f"or None to keep torch's current setting."
        )
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        rnn = nn.RNN(input_size, hidden_size)
        data = torch.randn(seq_len, max(batch_sizes, default=1), input_size)
    before = torch.get_num_threads()
    try:
        if threads is not None:
            torch.set_num_threads(threads)
        return [compare_batching(rnn, data[:, :size], repeats=repeats) for size in batch_sizes]
    finally:
        torch.set_num_threads(before)
