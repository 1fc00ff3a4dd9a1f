"""The from-scratch loop of rnn_guide.scratch, checked number by number against torch."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import Tensor, nn
from torch.nn.utils.rnn import pack_sequence

from rnn_guide import ShapeError, forward, scratch

CHECK = settings(max_examples=150, deadline=None, derandomize=True, database=None)
PROJ_WARNING = "ignore:LSTM with projections is not supported with oneDNN:UserWarning"
TOLERANCE = {torch.float32: 1e-6, torch.float64: 1e-10}


@dataclass
class Case:
    module: nn.RNNBase
    input: Tensor
    hx: Any


@st.composite
def cases(draw: st.DrawFn) -> Case:
    mode = draw(st.sampled_from(["RNN", "GRU", "LSTM"]))
    dtype = draw(st.sampled_from([torch.float32, torch.float64]))
    hidden_size = draw(st.integers(1, 5))
    kwargs: dict[str, Any] = {
        "num_layers": draw(st.integers(1, 3)),
        "bias": draw(st.booleans()),
        "bidirectional": draw(st.booleans()),
        "batch_first": draw(st.booleans()),
    }
    if mode == "RNN":
        kwargs["nonlinearity"] = draw(st.sampled_from(["tanh", "relu"]))
    if mode == "LSTM":
        kwargs["proj_size"] = draw(st.integers(0, hidden_size - 1))
    input_size = draw(st.integers(1, 4))
    seq_len, batch = draw(st.integers(1, 5)), draw(st.integers(1, 3))
    unbatched = draw(st.booleans())

    # One seed per example: weights, input and state are reproducible from it.
    torch.manual_seed(draw(st.integers(0, 2**16)))
    module = getattr(nn, mode)(input_size, hidden_size, dtype=dtype, **kwargs).eval()
    if unbatched:
        shape: tuple[int, ...] = (seq_len, input_size)
    elif kwargs["batch_first"]:
        shape = (batch, seq_len, input_size)
    else:
        shape = (seq_len, batch, input_size)
    x = torch.randn(shape, dtype=dtype)

    hx: Any = None
    if draw(st.booleans()):
        states = (2 if kwargs["bidirectional"] else 1) * kwargs["num_layers"]
        h_out = kwargs.get("proj_size") or hidden_size
        middle = () if unbatched else (batch,)
        hx = torch.randn(states, *middle, h_out, dtype=dtype)
        if mode == "LSTM":
            hx = (hx, torch.randn(states, *middle, hidden_size, dtype=dtype))
    return Case(module, x, hx)


def flatten(result: tuple[Tensor, Any]) -> list[Tensor]:
    output, state = result
    return [output, *state] if isinstance(state, tuple) else [output, state]


@CHECK
@given(cases())
@pytest.mark.filterwarnings(PROJ_WARNING)
def test_forward_matches_the_module(case: Case) -> None:
    with torch.no_grad():
        expected = case.module(case.input, case.hx)
        got = forward(case.module, case.input, case.hx)
    assert isinstance(got[1], tuple) == isinstance(expected[1], tuple)
    tolerance = TOLERANCE[case.input.dtype]
    for ours, theirs in zip(flatten(got), flatten(expected), strict=True):
        assert ours.dtype == theirs.dtype
        torch.testing.assert_close(ours, theirs, atol=tolerance, rtol=0)


def test_dropout_is_left_out_as_in_eval_mode() -> None:
    torch.manual_seed(0)
    gru = nn.GRU(3, 4, num_layers=2, dropout=0.5).eval()
    x = torch.randn(5, 2, 3)
    with torch.no_grad():
        torch.testing.assert_close(forward(gru, x)[0], gru(x)[0], atol=1e-6, rtol=0)


def test_gradients_match_the_module() -> None:
    torch.manual_seed(0)
    lstm = nn.LSTM(3, 4, num_layers=2, bidirectional=True, batch_first=True)
    x = torch.randn(2, 5, 3)
    lstm(x)[0].sum().backward()
    expected = [p.grad.clone() for p in lstm.parameters() if p.grad is not None]
    lstm.zero_grad()
    forward(lstm, x)[0].sum().backward()
    got = [p.grad for p in lstm.parameters() if p.grad is not None]
    for ours, theirs in zip(got, expected, strict=True):
        torch.testing.assert_close(ours, theirs, atol=1e-5, rtol=0)


def test_default_state_is_zeros() -> None:
    torch.manual_seed(0)
    rnn = nn.RNN(3, 4, num_layers=2)
    x = torch.randn(5, 2, 3)
    zeros = torch.zeros(2, 2, 4)
    with torch.no_grad():
        # two runs of the loop: equal up to rounding (docs/en/explanation/float-rounding.md)
        torch.testing.assert_close(forward(rnn, x), forward(rnn, x, zeros), atol=1e-6, rtol=0)


# Every error path: what is wrong, and the words that say so.
def test_rejects_a_packed_sequence() -> None:
    packed = pack_sequence([torch.zeros(3, 2), torch.zeros(1, 2)])
    with pytest.raises(ValueError, match="pad_packed_sequence"):
        forward(nn.GRU(2, 3), packed)  # type: ignore[arg-type]


def test_rejects_a_non_tensor_input() -> None:
    with pytest.raises(ValueError, match="input must be a tensor, got list"):
        forward(nn.GRU(2, 3), [[0.0, 1.0]])  # type: ignore[arg-type]


def test_rejects_a_module_that_is_not_recurrent() -> None:
    with pytest.raises(ShapeError, match=r"must be nn\.RNN, nn\.GRU or nn\.LSTM"):
        forward(nn.Linear(2, 3), torch.zeros(1, 2))


def test_rejects_a_bad_input_shape() -> None:
    with pytest.raises(ShapeError, match=r"input has 4 features \(last axis\)"):
        forward(nn.RNN(5, 6), torch.zeros(1, 3, 4))


def test_rejects_a_dtype_mismatch() -> None:
    with pytest.raises(ValueError, match=r"input has dtype torch.float64 .* torch.float32"):
        forward(nn.RNN(2, 3), torch.zeros(4, 2, dtype=torch.float64))
    with pytest.raises(ValueError, match=r"h_0 has dtype torch.float64"):
        forward(nn.RNN(2, 3), torch.zeros(4, 2), torch.zeros(1, 3, dtype=torch.float64))


def test_rejects_a_single_tensor_as_lstm_state() -> None:
    with pytest.raises(ValueError, match=r"tuple \(h_0, c_0\), got Tensor"):
        forward(nn.LSTM(2, 3), torch.zeros(4, 1, 2), torch.zeros(1, 1, 3))


def test_rejects_a_tuple_as_gru_state() -> None:
    state = (torch.zeros(1, 1, 3), torch.zeros(1, 1, 3))
    with pytest.raises(ValueError, match=r"one tensor, got tuple.*only for nn\.LSTM"):
        forward(nn.GRU(2, 3), torch.zeros(4, 1, 2), state)


def test_rejects_state_of_the_wrong_shape() -> None:
    with pytest.raises(ValueError, match=r"h_0 has shape \(1, 1, 6\) .* \(1, 3, 6\).*diagnose"):
        forward(nn.RNN(5, 6), torch.zeros(1, 3, 5), torch.zeros(1, 1, 6))
    state = (torch.zeros(1, 3, 6), torch.zeros(1, 3, 7))
    with pytest.raises(ValueError, match=r"c_0 has shape \(1, 3, 7\)"):
        forward(nn.LSTM(5, 6), torch.zeros(1, 3, 5), state)
    with pytest.raises(ValueError, match="c_0 must be a tensor, got list"):
        forward(nn.LSTM(5, 6), torch.zeros(1, 3, 5), (torch.zeros(1, 3, 6), [0.0]))  # type: ignore[arg-type]


def test_parametrized_weights_are_read_as_torch_reads_them() -> None:
    """weight_norm replaces weight_ih_l0 by a parametrization: attribute access applies it."""
    from torch.nn.utils import parametrizations

    torch.manual_seed(0)
    gru = parametrizations.weight_norm(nn.GRU(3, 4, num_layers=2), name="weight_ih_l0")
    with torch.no_grad():
        gru.parametrizations.weight_ih_l0.original0.mul_(2.0)  # the norm now differs
    x = torch.randn(5, 2, 3)
    output, h_n = scratch.forward(gru, x)
    expected_output, expected_h_n = gru(x)
    torch.testing.assert_close(output, expected_output, atol=1e-6, rtol=1e-5)
    torch.testing.assert_close(h_n, expected_h_n, atol=1e-6, rtol=1e-5)
