import dataclasses

import pytest
import torch
from torch import nn

from rnn_guide.timing import (
    BatchingTiming,
    MachineInfo,
    compare_batching,
    machine_info,
    measure_batching,
)

# These tests check structure and numbers, never speed: timings depend on the machine.

# CPU builds fall back from oneDNN for a projected LSTM and say so once.
PROJ_WARNING = "ignore:LSTM with projections is not supported with oneDNN:UserWarning"


@pytest.mark.parametrize(
    "module",
    [
        nn.RNN(3, 5),
        nn.RNN(3, 5, num_layers=2, nonlinearity="relu", batch_first=True),
        nn.GRU(3, 5, bidirectional=True),
        nn.LSTM(3, 5, num_layers=2, bidirectional=True, batch_first=True),
        nn.LSTM(3, 5, proj_size=2),
    ],
    ids=["rnn", "rnn-relu-bf", "gru-bi", "lstm-bi-bf", "lstm-proj"],
)
@pytest.mark.filterwarnings(PROJ_WARNING)
def test_one_by_one_equals_batched(module: nn.Module) -> None:
    torch.manual_seed(0)
    x = torch.randn(4, 6, 3)  # seq_len 4, batch 6 (or batch 4, seq_len 6 if batch_first)
    timing = compare_batching(module, x, repeats=1)
    batch_first = module.batch_first  # type: ignore[union-attr]
    assert timing.batch_size == (4 if batch_first else 6)
    assert timing.seq_len == (6 if batch_first else 4)
    assert timing.outputs_equal
    assert timing.max_abs_difference <= 1e-6
    assert timing.one_by_one_seconds > 0
    assert timing.batched_seconds > 0
    assert timing.speedup == timing.one_by_one_seconds / timing.batched_seconds
    assert timing.repeats == 1


def test_outputs_equal_follows_the_tolerance() -> None:
    torch.manual_seed(0)
    timing = compare_batching(nn.RNN(3, 5), torch.randn(4, 6, 3), repeats=1, atol=-1.0)
    assert not timing.outputs_equal  # nothing is within a negative tolerance
    assert timing.atol == -1.0


def test_compare_batching_leaves_no_graph() -> None:
    x = torch.randn(2, 3, 3, requires_grad=True)
    rnn = nn.RNN(3, 4)
    compare_batching(rnn, x, repeats=1)
    assert x.grad is None


def test_compare_batching_rejects_bad_input() -> None:
    rnn = nn.RNN(3, 5)
    with pytest.raises(ValueError, match="3-D batch"):
        compare_batching(rnn, torch.randn(4, 3))
    with pytest.raises(ValueError, match="3-D batch"):
        compare_batching(rnn, [[1.0]])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"must be nn\.RNN, nn\.GRU or nn\.LSTM"):
        compare_batching(nn.Linear(3, 5), torch.randn(4, 2, 3))
    for repeats in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="repeats"):
            compare_batching(rnn, torch.randn(4, 2, 3), repeats=repeats)  # type: ignore[arg-type]


def test_measure_batching_is_seeded_and_leaves_the_random_state() -> None:
    torch.manual_seed(123)
    before = torch.get_rng_state()
    timings = measure_batching(batch_sizes=(1, 3), seq_len=2, repeats=1)
    assert torch.equal(torch.get_rng_state(), before)
    assert [t.batch_size for t in timings] == [1, 3]
    assert all(isinstance(t, BatchingTiming) and t.outputs_equal for t in timings)
    assert all(t.seq_len == 2 for t in timings)
    again = measure_batching(batch_sizes=(1, 3), seq_len=2, repeats=1)
    assert [t.max_abs_difference for t in again] == [t.max_abs_difference for t in timings]


@pytest.mark.parametrize("sizes", [(0,), (2, -1), (1.5,), (True,)])
def test_measure_batching_rejects_bad_batch_sizes(sizes: tuple[object, ...]) -> None:
    with pytest.raises(ValueError, match="batch size"):
        measure_batching(batch_sizes=sizes, repeats=1)  # type: ignore[arg-type]


def test_machine_info() -> None:
    info = machine_info()
    assert isinstance(info, MachineInfo)
    assert info.cpu
    assert info.cores >= 1
    assert info.threads == torch.get_num_threads()
    assert "+" not in info.torch_version
    assert torch.__version__.startswith(info.torch_version)
    assert f"torch {info.torch_version}" in str(info)
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.cores = 3  # type: ignore[misc]


def test_measure_batching_sets_and_restores_threads() -> None:
    before = torch.get_num_threads()
    timings = measure_batching(batch_sizes=(2,), seq_len=2, repeats=1)
    assert timings[0].threads == 1
    assert torch.get_num_threads() == before
    kept = measure_batching(batch_sizes=(2,), seq_len=2, repeats=1, threads=None)
    assert kept[0].threads == before
    for bad in (0, True, 1.5):
        with pytest.raises(ValueError, match="threads"):
            measure_batching(batch_sizes=(2,), repeats=1, threads=bad)  # type: ignore[arg-type]
