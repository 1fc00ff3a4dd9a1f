"""explain() recognises the messages torch really raises, and words them with their numbers."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

import pytest
import torch
from torch import nn
from torch.nn.utils.rnn import pack_sequence

from rnn_guide.explain import ATLAS_IDS, SITE_URL, atlas_url, explain
from tools.fences import ROOT


def _raise_message(action: Callable[[], object]) -> str:
    """The message torch raises (or warns) for `action`, with the exception's name."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            action()
        except Exception as error:  # the point is to capture whatever torch raises
            return f"{type(error).__name__}: {error}"
    assert caught, "expected an error or a warning"
    return f"UserWarning: {caught[0].message}"


def _unpack_gru() -> None:
    _output, (_h_n, _c_n) = nn.GRU(5, 6)(torch.zeros(1, 3, 5))


def _unpack_lstm_three() -> None:
    _output, _h_n, _c_n = nn.LSTM(5, 6)(torch.zeros(1, 3, 5))


CASES: list[tuple[Callable[[], object], str, str]] = [
    (
        lambda: nn.RNN(5, 6)(torch.zeros(1, 3, 5), torch.zeros(1, 1, 6)),
        "expected-hidden-size",
        "Its batch (axis 1) is 1, but the input holds 3 sequences",
    ),
    (
        lambda: nn.RNN(5, 6, bidirectional=True)(torch.zeros(1, 3, 5), torch.zeros(1, 3, 6)),
        "expected-hidden-size",
        "Axis 0 is 1, but the module keeps one state per layer and direction",
    ),
    (
        lambda: nn.LSTM(5, 6)(torch.zeros(1, 3, 5), (torch.zeros(1, 3, 6), torch.zeros(1, 3, 4))),
        "expected-hidden-1-size",
        "c_0 (hx[1]) has shape (1, 3, 4) but the module needs (1, 3, 6)",
    ),
    (
        lambda: nn.LSTM(5, 6, proj_size=3)(
            torch.zeros(1, 3, 5), (torch.zeros(1, 3, 6), torch.zeros(1, 3, 6))
        ),
        "expected-hidden-0-size",
        "Its last axis is 6 but must be 3",
    ),
    (
        lambda: nn.RNN(5, 6)(torch.zeros(1, 3, 4)),
        "input-size-mismatch",
        "has 4 features, but the module was built with input_size=5",
    ),
    (
        lambda: nn.GRU(5, 6)(torch.zeros(1, 1, 3, 5)),
        "expected-2d-or-3d",
        "Remove or merge the 1 extra axis/axes",
    ),
    (lambda: nn.LSTM(5, 6)(torch.zeros(5)), "expected-2d-or-3d", "x.unsqueeze(0)"),
    (
        lambda: nn.RNN(5, 6)(torch.zeros(1, 3, 5), torch.zeros(3, 6)),
        "hx-should-be-3d",
        "h_0.unsqueeze(0)",
    ),
    (
        lambda: nn.GRU(5, 6)(torch.zeros(3, 5), torch.zeros(1, 1, 6)),
        "hx-should-be-2d",
        "h_0.squeeze(1)",
    ),
    (
        lambda: nn.LSTM(5, 6)(torch.zeros(1, 3, 5), (torch.zeros(3, 6), torch.zeros(3, 6))),
        "hx-should-be-3d",
        "hx and cx is (2-D, 2-D) tensors",
    ),
    (
        lambda: nn.LSTM(5, 6)(torch.zeros(1, 3, 5), torch.zeros(1, 3, 6)),
        "lstm-state-one-tensor",
        "as a tuple (h_0, c_0)",
    ),
    (
        lambda: nn.LSTM(5, 6)(torch.zeros(1, 3, 5), (torch.zeros(1, 3, 6),) * 3),
        "lstm-state-one-tensor",
        "as a tuple (h_0, c_0)",
    ),
    (
        lambda: nn.RNN(5, 6)(torch.zeros(1, 3, 5), (torch.zeros(1, 3, 6), torch.zeros(1, 3, 6))),
        "tuple-state",
        "only for nn.LSTM",
    ),
    (_unpack_gru, "unpack-output", "which has 1 row(s)"),
    (_unpack_lstm_three, "unpack-output", "not three"),
    (
        lambda: nn.RNN(5, 6, dropout=0.5),
        "dropout-single-layer",
        "with num_layers=1 it does nothing",
    ),
    (lambda: nn.RNN(5, 6, dropout=1.5), "dropout-range", "a number from 0 to 1"),
    (lambda: nn.GRU(5, 6, proj_size=3), "proj-size-lstm-only", "Only nn.LSTM can project"),
    (lambda: nn.LSTM(5, 6, proj_size=6), "proj-size-too-large", "smaller than hidden_size"),
    (lambda: nn.LSTM(5, 6, proj_size=-1), "proj-size-negative", "0 or more"),
    (lambda: nn.RNN(5, 6)(torch.zeros(0, 3, 5)), "empty-sequence", "seq_len 0"),
    (
        lambda: nn.RNN(5, 6)(torch.zeros(1, 3, 5, dtype=torch.long)),
        "input-dtype",
        "nn.Embedding",
    ),
    (
        lambda: nn.RNN(5, 6)(torch.zeros(1, 3, 5, dtype=torch.float64)),
        "input-dtype",
        "x.to(torch.float32)",
    ),
    (lambda: nn.RNNCell(5, 6)(torch.zeros(1, 3, 5)), "cell-dimensions", "ONE time step"),
    (
        lambda: nn.RNN(5, 6)(pack_sequence([torch.zeros(3, 5, 2), torch.zeros(2, 5, 2)])),
        "input-must-have-dimensions",
        "x.flatten(1)",
    ),
    (
        lambda: nn.RNN(5, 6)(torch.zeros(1, 3, 5), torch.zeros(1, 3, 6, dtype=torch.float64)),
        "hx-dtype",
        "dtype=x.dtype",
    ),
    (
        lambda: nn.LSTM(5, 6)(
            torch.zeros(1, 3, 5), (torch.zeros(1, 3, 6).double(), torch.zeros(1, 3, 6).double())
        ),
        "hx-dtype",
        "h_0.to(x.dtype)",
    ),
    (lambda: nn.RNN(5, 6, nonlinearity="sigmoid"), "unknown-nonlinearity", "'sigmoid' is not"),
    (lambda: nn.GRU(5, 6, nonlinearity="relu"), "nonlinearity-keyword", "Only nn.RNN"),
    (lambda: nn.RNN(5, 0), "greater-than-zero", "hidden_size must be"),
    (lambda: nn.RNN(5, 6.0), "should-be-int", "hidden_size must be"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("action", "anchor", "phrase"), CASES)
def test_real_torch_messages_are_recognised(
    action: Callable[[], object], anchor: str, phrase: str
) -> None:
    message = _raise_message(action)
    found = explain(message)
    assert found is not None, f"not recognised: {message}"
    assert found.id == anchor, message
    assert phrase in found.cause + " " + found.fix, (message, found.cause, found.fix)
    chinese = explain(message, "zh")
    assert chinese is not None and chinese.id == anchor
    assert chinese.cause != found.cause


def test_every_anchor_has_a_case() -> None:
    assert set(ATLAS_IDS) <= {anchor for _, anchor, _ in CASES}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_anchor_exists_in_the_error_atlas(lang: str) -> None:
    page = ROOT / "docs" / lang / "reference" / "error-atlas.md"
    if not page.exists():
        pytest.skip(f"{page.relative_to(ROOT)} is not written yet")
    anchors = set(re.findall(r"\{ *#([a-z0-9-]+)", page.read_text(encoding="utf-8")))
    assert not set(ATLAS_IDS) - anchors, f"missing in {page.name}: {set(ATLAS_IDS) - anchors}"


def test_urls() -> None:
    assert atlas_url("dropout") == f"{SITE_URL}reference/error-atlas/#dropout"
    found = explain("Expected hidden size (1, 3, 6), got [1, 1, 6]", "zh")
    assert found is not None
    assert found.url == f"{SITE_URL}zh/reference/error-atlas/#expected-hidden-size"


def test_numbers_come_from_the_message() -> None:
    found = explain("input.size(-1) must be equal to input_size. Expected 128, got 300")
    assert found is not None
    assert "input_size=128" in found.cause and "input_size=300" in found.fix


def test_message_line_is_picked_out_of_a_traceback() -> None:
    found = explain("Traceback...\n  x = 1\nRuntimeError: lstm expects two hidden states\n")
    assert found is not None
    assert found.message == "RuntimeError: lstm expects two hidden states"


@pytest.mark.parametrize("message", ["", "CUDA out of memory", "tuple index out of range"])
def test_unknown_messages(message: str) -> None:
    assert explain(message) is None
