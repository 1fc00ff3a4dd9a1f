"""rnn_guide.batching, checked against DataLoader and against nn.RNN's time loop."""

from __future__ import annotations

from typing import Any

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn
from torch.utils.data import DataLoader

from rnn_guide import batches_per_epoch, time_step_order, total_steps

CHECK = settings(max_examples=200, deadline=None, derandomize=True, database=None)


@CHECK
@given(num_samples=st.integers(1, 1000), batch_size=st.integers(1, 1200), drop_last=st.booleans())
def test_batches_per_epoch_is_len_of_dataloader(
    num_samples: int, batch_size: int, drop_last: bool
) -> None:
    loader = DataLoader(range(num_samples), batch_size=batch_size, drop_last=drop_last)
    assert batches_per_epoch(num_samples, batch_size, drop_last) == len(loader)


@settings(max_examples=30, deadline=None, derandomize=True, database=None)
@given(
    num_samples=st.integers(1, 40),
    batch_size=st.integers(1, 50),
    epochs=st.integers(1, 3),
    drop_last=st.booleans(),
)
def test_total_steps_counts_the_loop(
    num_samples: int, batch_size: int, epochs: int, drop_last: bool
) -> None:
    loader = DataLoader(range(num_samples), batch_size=batch_size, drop_last=drop_last)
    steps = sum(1 for _ in range(epochs) for _ in loader)
    assert total_steps(num_samples, batch_size, epochs, drop_last) == steps


def test_the_textbook_numbers() -> None:
    assert batches_per_epoch(100, 5) == 20
    assert total_steps(100, 5, epochs=10) == 200


@CHECK
@given(
    st.integers(1, 6).flatmap(
        lambda length: st.lists(
            st.text(alphabet="abcdefgh", min_size=length, max_size=length), min_size=1, max_size=5
        )
    ),
    st.booleans(),
)
def test_time_step_order_is_a_transpose(words: list[str], batch_first: bool) -> None:
    steps = time_step_order(words, batch_first=batch_first)
    assert len(steps) == len(words[0])
    for t, step in enumerate(steps):
        assert step == tuple(word[t] for word in words)


def test_time_step_order_example() -> None:
    expected = [("l", "w"), ("o", "o"), ("v", "r"), ("e", "d")]
    assert time_step_order(["love", "word"]) == expected
    assert time_step_order(["love", "word"], batch_first=True) == expected
    assert time_step_order([["the", "cat"], ["a", "dog"]]) == [("the", "a"), ("cat", "dog")]


def test_batch_first_is_layout_only_in_torch_too() -> None:
    # The claim behind time_step_order's batch_first: the same weights give the same
    # numbers on the same data, whichever layout the tensor uses.
    torch.manual_seed(0)
    time_major = nn.RNN(3, 4)
    batch_major = nn.RNN(3, 4, batch_first=True)
    batch_major.load_state_dict(time_major.state_dict())
    x = torch.randn(2, 4, 3)  # batch 2, seq_len 4
    with torch.no_grad():
        out_bf, h_bf = batch_major(x)
        out_tm, h_tm = time_major(x.transpose(0, 1))
    # Two calls on differently laid out tensors: equal up to rounding, not bit for bit
    # (docs/en/explanation/float-rounding.md).
    torch.testing.assert_close(out_bf, out_tm.transpose(0, 1), atol=1e-6, rtol=0)
    torch.testing.assert_close(h_bf, h_tm, atol=1e-6, rtol=0)


# ---------------------------------------------------------------- every ValueError
@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        ((0, 5), ["num_samples is 0", "at least 1"]),
        ((-3, 5), ["num_samples is -3"]),
        ((100, 0), ["batch_size is 0", "at least 1"]),
        ((100, -1), ["batch_size is -1"]),
        ((100.0, 5), ["num_samples is 100.0", "whole number"]),
        ((100, "5"), ["batch_size is '5'", "batch_size=32"]),
        ((True, 5), ["num_samples is True"]),
        ((100, True), ["batch_size is True"]),
        ((100, 5, 1), ["drop_last is 1", "True or False"]),
    ],
)
def test_batches_per_epoch_errors(arguments: tuple[Any, ...], words: list[str]) -> None:
    with pytest.raises(ValueError) as error:
        batches_per_epoch(*arguments)
    for word in words:
        assert word in str(error.value)


@pytest.mark.parametrize(
    ("epochs", "message"),
    [(0, "epochs is 0 but must be at least 1"), (2.5, "epochs is 2.5"), (False, "epochs is False")],
)
def test_total_steps_errors(epochs: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        total_steps(100, 5, epochs)
    with pytest.raises(ValueError, match="batch_size is 0"):
        total_steps(100, 0, 3)


@pytest.mark.parametrize(
    ("words", "batch_first", "message"),
    [
        ("love", False, r"words is one string, 'love': pass a list of sequences, e.g. \['love'\]"),
        ([], False, "words is empty"),
        (["love", ""], False, "empty sequence at position 1"),
        (["love", "hi"], False, r"different lengths \('love': 4, 'hi': 2\): pad them"),
        (["love", "word"], "yes", "batch_first is 'yes' but must be True or False"),
    ],
)
def test_time_step_order_errors(words: Any, batch_first: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        time_step_order(words, batch_first=batch_first)
