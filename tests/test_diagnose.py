"""rnn_guide.diagnose: each explanation, agreement with torch, and no forward pass."""

from __future__ import annotations

from typing import Any

import pytest
import torch
from hypothesis import event, given, settings
from hypothesis import strategies as st
from torch import Tensor, nn
from torch.nn.utils.rnn import pack_sequence

from rnn_guide import Diagnosis, ShapeError, diagnose

CHECK = settings(max_examples=300, deadline=None, derandomize=True, database=None)
PROJ_WARNING = "ignore:LSTM with projections is not supported with oneDNN:UserWarning"


def only_problem(result: Diagnosis) -> str:
    assert not result.ok
    assert len(result.problems) == 1, result.problems
    return result.problems[0]


def assert_words(text: str, *words: str) -> None:
    for word in words:
        assert word in text, f"{word!r} missing from: {text}"


def test_classic_batch_first_mix_up() -> None:
    problem = only_problem(diagnose(nn.RNN(5, 6, 1), torch.zeros(1, 3, 5), torch.zeros(1, 1, 6)))
    assert_words(
        problem,
        "h_0 has shape (1, 1, 6) but must be (1, 3, 6)",
        "With batch_first=False",
        "seq_len=1, batch=3, features=5",
        "axis 1 is the batch",
        "If you meant batch=1, seq_len=3",
        "batch_first=True",
        "never batch-first",
        "(D*num_layers, batch, H_out)",
    )


def test_the_mirror_mix_up_under_batch_first() -> None:
    rnn = nn.RNN(5, 6, 1, batch_first=True)
    problem = only_problem(diagnose(rnn, torch.zeros(3, 1, 5), torch.zeros(1, 1, 6)))
    assert_words(problem, "batch=3, seq_len=1", "axis 0 is the batch", "batch_first=False")


def test_the_classic_call_is_fine_with_batch_first() -> None:
    rnn = nn.RNN(5, 6, 1, batch_first=True)
    result = diagnose(rnn, torch.zeros(1, 3, 5), torch.zeros(1, 1, 6))
    assert result.ok and result.problems == []
    assert_words(str(result), "OK: ", "batch=1, seq_len=3, features=5", "the given state fits")


def test_wrong_feature_size() -> None:
    problem = only_problem(diagnose(nn.GRU(5, 6), torch.zeros(7, 3, 4)))
    assert_words(problem, "input has 4 features (last axis) but input_size is 5")


def test_features_on_another_axis() -> None:
    problem = only_problem(diagnose(nn.GRU(5, 6), torch.zeros(7, 5, 3)))
    assert_words(problem, "Axis 1 has size 5", "x.permute(0, 2, 1)")


@pytest.mark.parametrize(
    ("shape", "words"),
    [
        ((5,), ["1 dimension(s)", "x.unsqueeze(0)"]),
        ((2, 1, 3, 5), ["4 dimensions", "at most 3", "squeeze"]),
    ],
)
def test_wrong_rank(shape: tuple[int, ...], words: list[str]) -> None:
    assert_words(only_problem(diagnose(nn.RNN(5, 6), torch.zeros(shape))), *words)


def test_empty_sequence() -> None:
    problem = only_problem(diagnose(nn.RNN(5, 6), torch.zeros(0, 3, 5)))
    assert_words(problem, "seq_len 0", "at least one time step")


def test_lstm_state_as_one_tensor() -> None:
    problem = only_problem(diagnose(nn.LSTM(5, 6), torch.zeros(4, 3, 5), torch.zeros(1, 3, 6)))
    assert_words(
        problem,
        "tuple (h_0, c_0)",
        "one tensor of shape (1, 3, 6)",
        "IndexError",
        "c_0 of shape (1, 3, 6)",
    )


def test_lstm_state_of_the_wrong_length() -> None:
    state = tuple(torch.zeros(1, 3, 6) for _ in range(3))
    problem = only_problem(diagnose(nn.LSTM(5, 6), torch.zeros(4, 3, 5), state))
    assert_words(problem, "tuple (h_0, c_0)", "a tuple of 3", "exactly two tensors")


def test_lstm_state_that_is_not_tensors() -> None:
    problem = only_problem(diagnose(nn.LSTM(5, 6), torch.zeros(4, 3, 5), (None, None)))
    assert_words(problem, "two tensors", "NoneType")


def test_lstm_state_as_a_list_is_accepted_like_torch_does() -> None:
    assert diagnose(nn.LSTM(5, 6), torch.zeros(4, 3, 5), [torch.zeros(1, 3, 6)] * 2).ok


def test_gru_state_as_a_tuple() -> None:
    problem = only_problem(diagnose(nn.GRU(5, 6), torch.zeros(4, 3, 5), (torch.zeros(1, 3, 6),)))
    assert_words(problem, "nn.GRU takes h_0 as one tensor", "only for nn.LSTM")


def test_state_that_is_not_a_tensor() -> None:
    problem = only_problem(diagnose(nn.GRU(5, 6), torch.zeros(4, 3, 5), 0))
    assert_words(problem, "hx must be a tensor (h_0), got a int")


def test_batch_first_h0() -> None:
    rnn = nn.GRU(5, 6, num_layers=2, batch_first=True)
    problem = only_problem(diagnose(rnn, torch.zeros(3, 4, 5), torch.zeros(3, 2, 6)))
    assert_words(
        problem,
        "h_0 has shape (3, 2, 6) but must be (2, 3, 6)",
        "looks batch-first",
        "never batch-first",
        "h_0.transpose(0, 1)",
    )


@pytest.mark.parametrize(
    ("hx_shape", "words"),
    [
        ((3, 6), ["must be 3-D too", "h_0.unsqueeze(0)"]),
        ((1, 6), ["must be 3-D too", "h_0.unsqueeze(1).expand(-1, 3, -1)"]),
        ((5, 6), ["must be 3-D too"]),
    ],
)
def test_2d_state_for_3d_input(hx_shape: tuple[int, ...], words: list[str]) -> None:
    result = diagnose(nn.RNN(5, 6), torch.zeros(4, 3, 5), torch.zeros(hx_shape))
    assert_words(only_problem(result), *words)


def test_2d_state_for_a_batch_of_one() -> None:
    result = diagnose(nn.RNN(5, 6), torch.zeros(4, 1, 5), torch.zeros(1, 6))
    assert_words(only_problem(result), "add the batch axis with h_0.unsqueeze(1)")


def test_3d_state_for_2d_input() -> None:
    result = diagnose(nn.RNN(5, 6), torch.zeros(4, 5), torch.zeros(1, 1, 6))
    assert_words(only_problem(result), "unbatched sequence (2-D)", "must be (1, 6)", "squeeze(1)")


def test_wrong_number_of_layers_and_directions() -> None:
    lstm = nn.LSTM(5, 6, num_layers=2, bidirectional=True)
    state = (torch.zeros(2, 3, 6), torch.zeros(4, 3, 6))
    result = diagnose(lstm, torch.zeros(4, 3, 5), state)
    assert_words(only_problem(result), "Axis 0 is 2", "D*num_layers = 2*2 = 4")


def test_wrong_c0_shape() -> None:
    state = (torch.zeros(1, 3, 6), torch.zeros(1, 3, 7))
    problem = only_problem(diagnose(nn.LSTM(5, 6), torch.zeros(4, 3, 5), state))
    assert_words(problem, "c_0 has shape (1, 3, 7) but must be (1, 3, 6)", "hidden_size")


def test_projected_lstm_sizes() -> None:
    lstm = nn.LSTM(5, 6, proj_size=2)
    result = diagnose(lstm, torch.zeros(4, 3, 5), (torch.zeros(1, 3, 6), torch.zeros(1, 3, 2)))
    h_problem, c_problem = result.problems
    assert_words(h_problem, "h_0 has shape (1, 3, 6)", "proj_size=2")
    assert_words(c_problem, "c_0 has shape (1, 3, 2)", "c keeps hidden_size")


def test_dtype_mismatch() -> None:
    rnn = nn.RNN(5, 6)
    problem = only_problem(diagnose(rnn, torch.zeros(4, 3, 5, dtype=torch.float64)))
    assert_words(problem, "input has dtype torch.float64", "torch.float32", "input.to(")
    state = torch.zeros(1, 3, 6, dtype=torch.float64)
    assert_words(only_problem(diagnose(rnn, torch.zeros(4, 3, 5), state)), "h_0 has dtype")


def test_token_ids_instead_of_vectors() -> None:
    problem = only_problem(diagnose(nn.RNN(5, 6), torch.zeros(4, 3, 5, dtype=torch.long)))
    assert_words(problem, "token ids", "nn.Embedding(vocab_size, 5)")


def test_device_mismatch() -> None:
    # The meta device holds shapes without data: a cheap second device on any machine.
    problem = only_problem(diagnose(nn.RNN(5, 6), torch.zeros(4, 3, 5, device="meta")))
    assert_words(problem, "input is on meta but the module is on cpu", "input.to('cpu')")


def test_input_that_is_not_a_tensor() -> None:
    problem = only_problem(diagnose(nn.RNN(5, 6), [[0.0] * 5]))
    assert_words(problem, "input is a list, not a tensor", "torch.tensor")


def test_packed_sequence() -> None:
    lstm = nn.LSTM(5, 6)
    packed = pack_sequence([torch.zeros(4, 5), torch.zeros(2, 5)])
    result = diagnose(lstm, packed)
    assert result.ok and result.shapes is None
    assert_words(str(result), "PackedSequence of 2 sequences", "longest 4 steps")
    state = (torch.zeros(1, 3, 6), torch.zeros(1, 2, 6))
    problem = only_problem(diagnose(lstm, packed, state))
    assert_words(problem, "h_0 has shape (1, 3, 6) but must be (1, 2, 6)", "holds 2 sequences")
    bad = pack_sequence([torch.zeros(4, 3)])
    assert_words(only_problem(diagnose(lstm, bad)), "packed data has shape (4, 3)")


def test_ok_result_and_its_text() -> None:
    result = diagnose(nn.LSTM(5, 6, batch_first=True), torch.zeros(3, 7, 5))
    assert result.ok and result.problems == []
    assert result.shapes is not None and result.shapes.h_n == (1, 3, 6)
    assert str(result) == (
        "OK: nn.LSTM reads the input (3, 7, 5) as batch=3, seq_len=7, features=5 "
        "(batch_first=True). output: (3, 7, 6); h_n: (1, 3, 6); c_n: (1, 3, 6); "
        "h_0 defaults to zeros."
    )
    unbatched = diagnose(nn.RNN(5, 6, batch_first=True), torch.zeros(7, 5))
    assert_words(str(unbatched), "one unbatched sequence", "batch_first does not apply")


def test_several_problems_are_numbered() -> None:
    result = diagnose(
        nn.LSTM(5, 6),
        torch.zeros(4, 3, 5, dtype=torch.float64),
        (torch.zeros(1, 3, 6), torch.zeros(1, 3, 7)),
    )
    text = str(result)
    assert text.startswith("2 problems:\n1. input has dtype")
    assert "\n2. c_0 has shape" in text


def test_not_a_recurrent_module() -> None:
    with pytest.raises(ShapeError, match=r"must be nn\.RNN, nn\.GRU or nn\.LSTM"):
        diagnose(nn.Linear(5, 6), torch.zeros(4, 5))


@pytest.mark.parametrize(
    ("input", "hx"),
    [
        (torch.zeros(4, 3, 5), None),
        (torch.zeros(1, 3, 5), torch.zeros(1, 1, 6)),
        (torch.zeros(4, 3, 4), torch.zeros(1, 3, 6)),
        (torch.zeros(5), None),
        (pack_sequence([torch.zeros(2, 5)]), torch.zeros(1, 1, 6)),
    ],
)
def test_never_runs_the_module(input: Any, hx: Tensor | None, monkeypatch: Any) -> None:
    rnn = nn.RNN(5, 6)

    def refuse(*args: object) -> None:
        raise AssertionError("diagnose ran the module")

    rnn.register_forward_pre_hook(refuse)
    monkeypatch.setattr(rnn, "forward", refuse)
    monkeypatch.setattr(torch._VF, "rnn_tanh", refuse)
    diagnose(rnn, input, hx)


# ---------------------------------------------------------------- agreement with torch
MISTAKES = [
    *["none"] * 8,
    *["seq_len 0", "features", "1-D", "4-D", "input dtype"],
    *["h swapped", "h rank", "c size", "state dtype", "LSTM state as one tensor"],
]


@st.composite
def calls(draw: st.DrawFn) -> tuple[nn.RNNBase, Tensor, Any]:
    """A module, an input and a state: right, or wrong in one of the usual ways."""
    mode = draw(st.sampled_from(["RNN", "GRU", "LSTM"]))
    hidden_size = draw(st.integers(2, 4))
    num_layers, bidirectional = draw(st.integers(1, 2)), draw(st.booleans())
    batch_first = draw(st.booleans())
    proj_size = draw(st.integers(0, hidden_size - 1)) if mode == "LSTM" else 0
    extra = {"proj_size": proj_size} if mode == "LSTM" else {}
    module = getattr(nn, mode)(
        3, hidden_size, num_layers, batch_first=batch_first, bidirectional=bidirectional, **extra
    )
    mistake = draw(st.sampled_from(MISTAKES))

    seq_len, batch = draw(st.integers(1, 3)), draw(st.integers(0, 3))
    seq_len = 0 if mistake == "seq_len 0" else seq_len
    unbatched = draw(st.booleans())
    if unbatched:
        shape: tuple[int, ...] = (seq_len,)
    else:
        shape = (batch, seq_len) if batch_first else (seq_len, batch)
    shape = {"1-D": (), "4-D": (1, *shape)}.get(mistake, shape)
    features = 2 if mistake == "features" else 3
    dtype = torch.float64 if mistake == "input dtype" else torch.float32
    x = torch.zeros(*shape, features, dtype=dtype)

    if mistake == "none" and draw(st.booleans()):
        return module, x, None
    states = (2 if bidirectional else 1) * num_layers
    middle = () if unbatched else (batch,)
    h_shape = (states, *middle, proj_size or hidden_size)
    c_shape = (states, *middle, hidden_size)
    if mistake == "h swapped":
        h_shape = (h_shape[1], h_shape[0], *h_shape[2:])
    if mistake == "h rank":
        h_shape = h_shape[1:] if unbatched else (h_shape[0], h_shape[2])
    if mistake == "c size":
        c_shape = (*c_shape[:-1], c_shape[-1] + 1)
    state_dtype = torch.float64 if mistake == "state dtype" else torch.float32
    h = torch.zeros(h_shape, dtype=state_dtype)
    if mode != "LSTM" or mistake == "LSTM state as one tensor":
        return module, x, h
    return module, x, (h, torch.zeros(c_shape, dtype=state_dtype))


@CHECK
@given(calls())
@pytest.mark.filterwarnings(PROJ_WARNING)
def test_ok_exactly_when_torch_accepts_the_call(call: tuple[nn.RNNBase, Tensor, Any]) -> None:
    module, x, hx = call
    try:
        with torch.no_grad():
            module(x, hx)
        torch_accepts = True
    except (ValueError, RuntimeError, IndexError):
        torch_accepts = False
    result = diagnose(module, x, hx)
    event(f"torch accepts: {torch_accepts}")  # see both sides: --hypothesis-show-statistics
    assert result.ok == torch_accepts, str(result)
