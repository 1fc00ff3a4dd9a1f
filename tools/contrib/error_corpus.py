"""Raise every distinct error message of PyTorch's recurrent modules, write them as test data.

The corpus is what `rnn_guide.explain` is measured against (tests/test_error_corpus.py):

- every message that nn.RNN, nn.GRU, nn.LSTM, their cells (nn.RNNCell, nn.GRUCell,
  nn.LSTMCell) and torch.nn.utils.rnn (pack_padded_sequence, pad_packed_sequence,
  pad_sequence, pack_sequence, unpad_sequence, unpack_sequence, PackedSequence) raise
  or warn on the installed torch, each produced here by running the call;
- messages of older releases and of the GPU path, which this CPU build cannot raise,
  quoted as users posted them (the source of each is given);
- decoys: messages that are not errors of the recurrent modules, which `explain` must
  not claim.

Every case names the error atlas entry that explains it (None for a decoy). The calls
are written in fixed names (`module`, `x`, `h_0`, `c_0`, `lengths`): their last line
raises, the lines before it build the call, so a test can apply a printed fix between
the two and run the call again.

Run `python -m tools.contrib.error_corpus` to rewrite tests/data/error-corpus.json, and
`python -m tools.contrib.error_corpus --check` to fail when the file is not what this torch
raises.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from tools.paths import ROOT, TEST_DATA

OUTPUT = TEST_DATA / "error-corpus.json"
TORCH_ROOT = Path(torch.__file__).resolve().parent.parent


@dataclass(frozen=True)
class Raised:
    """A call that raises (or warns) on the installed torch."""

    name: str
    family: str  # "rnn" (the layers), "cell", "utils" (torch.nn.utils.rnn)
    expect: str  # the atlas entry that explains it
    code: str  # setup lines, then the call as the last line


@dataclass(frozen=True)
class Quoted:
    """A message quoted from elsewhere: an older release, the GPU path, or a decoy."""

    name: str
    family: str  # "older" or "decoy"
    expect: str | None  # None for a decoy: explain() must return None
    message: str
    frame: str | None  # the innermost torch file of the traceback, when known
    source: str


_X = "x = torch.zeros(1, 3, 5)"

RAISED: tuple[Raised, ...] = (
    # ------------------------------------------------------------- construction
    Raised("dropout-above-one", "rnn", "dropout-range", "nn.RNN(5, 6, num_layers=2, dropout=1.5)"),
    Raised("dropout-bool", "rnn", "dropout-range", "nn.GRU(5, 6, num_layers=2, dropout=True)"),
    Raised("dropout-one-layer", "rnn", "dropout-single-layer", "nn.LSTM(5, 6, dropout=0.5)"),
    Raised("bias-not-bool", "rnn", "should-be-bool", "nn.RNN(5, 6, bias='yes')"),
    Raised("batch-first-not-bool", "rnn", "should-be-bool", "nn.LSTM(5, 6, batch_first=1)"),
    Raised("input-size-float", "rnn", "should-be-int", "nn.GRU(5.0, 6)"),
    Raised("hidden-size-str", "rnn", "should-be-int", "nn.LSTM(5, '6')"),
    Raised("input-size-zero", "rnn", "greater-than-zero", "nn.RNN(0, 6)"),
    Raised("hidden-size-zero", "rnn", "greater-than-zero", "nn.GRU(5, 0)"),
    Raised("num-layers-zero", "rnn", "greater-than-zero", "nn.LSTM(5, 6, num_layers=0)"),
    Raised("num-layers-float", "rnn", "size-type", "nn.GRU(5, 6, num_layers=2.0)"),
    Raised("num-layers-str", "rnn", "size-type", "nn.GRU(5, 6, num_layers='2')"),
    Raised("proj-size-float", "rnn", "size-type", "nn.LSTM(5, 6, proj_size=2.0)"),
    Raised("proj-size-negative", "rnn", "proj-size-negative", "nn.LSTM(5, 6, proj_size=-1)"),
    Raised("proj-size-too-large", "rnn", "proj-size-too-large", "nn.LSTM(5, 6, proj_size=6)"),
    Raised("proj-size-gru", "rnn", "proj-size-lstm-only", "nn.GRU(5, 6, proj_size=2)"),
    Raised(
        "unknown-nonlinearity",
        "rnn",
        "unknown-nonlinearity",
        "nn.RNN(5, 6, nonlinearity='sigmoid')",
    ),
    Raised("nonlinearity-gru", "rnn", "nonlinearity-keyword", "nn.GRU(5, 6, nonlinearity='relu')"),
    Raised("unknown-mode", "rnn", "unrecognized-mode", "nn.RNNBase('RNN', 5, 6)"),
    # ------------------------------------------------------------- the input
    Raised(
        "input-float64",
        "rnn",
        "input-dtype",
        "module = nn.RNN(5, 6)\nx = torch.zeros(1, 3, 5, dtype=torch.float64)\nmodule(x)",
    ),
    Raised(
        "input-token-ids",
        "rnn",
        "input-dtype",
        "module = nn.GRU(5, 6)\nx = torch.zeros(1, 3, 5, dtype=torch.int64)\nmodule(x)",
    ),
    Raised(
        "input-bool",
        "rnn",
        "input-dtype",
        "module = nn.LSTM(5, 6)\nx = torch.zeros(1, 3, 5, dtype=torch.bool)\nmodule(x)",
    ),
    Raised(
        "input-complex",
        "rnn",
        "input-dtype",
        "module = nn.GRU(5, 6)\nx = torch.zeros(1, 3, 5, dtype=torch.complex64)\nmodule(x)",
    ),
    Raised(
        "input-features",
        "rnn",
        "input-size-mismatch",
        "module = nn.RNN(5, 6)\nx = torch.zeros(1, 3, 4)\nmodule(x)",
    ),
    Raised(
        "packed-features",
        "rnn",
        "input-size-mismatch",
        "module = nn.GRU(4, 6)\n"
        "x = pack_sequence([torch.zeros(3, 5), torch.zeros(2, 5)])\nmodule(x)",
    ),
    Raised(
        "packed-rank",
        "rnn",
        "input-must-have-dimensions",
        "module = nn.RNN(5, 6)\n"
        "x = pack_sequence([torch.zeros(3, 5, 2), torch.zeros(2, 5, 2)])\nmodule(x)",
    ),
    Raised(
        "packed-float64",
        "rnn",
        "input-dtype",
        "module = nn.GRU(5, 6).double()\n"
        "x = pack_sequence([torch.zeros(3, 5), torch.zeros(2, 5)])\nmodule(x)",
    ),
    Raised(
        "rnn-input-4d",
        "rnn",
        "expected-2d-or-3d",
        "module = nn.RNN(5, 6)\nx = torch.zeros(2, 3, 4, 5)\nmodule(x)",
    ),
    Raised(
        "gru-input-1d",
        "rnn",
        "expected-2d-or-3d",
        "module = nn.GRU(5, 6)\nx = torch.zeros(5)\nmodule(x)",
    ),
    Raised(
        "lstm-input-4d",
        "rnn",
        "expected-2d-or-3d",
        "module = nn.LSTM(5, 6)\nx = torch.zeros(2, 3, 4, 5)\nmodule(x)",
    ),
    Raised(
        "empty-sequence",
        "rnn",
        "empty-sequence",
        "module = nn.GRU(5, 6)\nx = torch.zeros(0, 3, 5)\nmodule(x)",
    ),
    Raised(
        "input-not-tensor",
        "rnn",
        "not-a-tensor",
        "module = nn.RNN(5, 6)\nx = [[0.0] * 5] * 3\nmodule(x)",
    ),
    Raised(
        "input-other-device",
        "rnn",
        "device-mismatch",
        "module = nn.GRU(5, 6)\nx = torch.zeros(1, 3, 5, device='meta')\nmodule(x)",
    ),
    Raised(
        "module-other-device",
        "rnn",
        "device-mismatch",
        "module = nn.LSTM(5, 6, device='meta')\nx = torch.zeros(1, 3, 5)\nmodule(x)",
    ),
    # ------------------------------------------------------------- the state
    Raised(
        "h0-batch",
        "rnn",
        "expected-hidden-size",
        f"module = nn.RNN(5, 6)\n{_X}\nh_0 = torch.zeros(1, 1, 6)\nmodule(x, h_0)",
    ),
    Raised(
        "h0-layers",
        "rnn",
        "expected-hidden-size",
        f"module = nn.GRU(5, 6, num_layers=2)\n{_X}\nh_0 = torch.zeros(1, 3, 6)\nmodule(x, h_0)",
    ),
    Raised(
        "h0-bidirectional",
        "rnn",
        "expected-hidden-size",
        f"module = nn.RNN(5, 6, bidirectional=True)\n{_X}\n"
        "h_0 = torch.zeros(1, 3, 6)\nmodule(x, h_0)",
    ),
    Raised(
        "h0-batch-first",
        "rnn",
        "expected-hidden-size",
        "module = nn.GRU(5, 6, num_layers=2, batch_first=True)\nx = torch.zeros(3, 7, 5)\n"
        "h_0 = torch.zeros(3, 2, 6)\nmodule(x, h_0)",
    ),
    Raised(
        "h0-packed",
        "rnn",
        "expected-hidden-size",
        "module = nn.GRU(5, 6)\nx = pack_sequence([torch.zeros(3, 5), torch.zeros(2, 5)])\n"
        "h_0 = torch.zeros(1, 3, 6)\nmodule(x, h_0)",
    ),
    Raised(
        "lstm-h0",
        "rnn",
        "expected-hidden-0-size",
        f"module = nn.LSTM(5, 6)\n{_X}\nh_0 = torch.zeros(1, 1, 6)\nc_0 = torch.zeros(1, 3, 6)\n"
        "module(x, (h_0, c_0))",
    ),
    Raised(
        "lstm-h0-proj",
        "rnn",
        "expected-hidden-0-size",
        f"module = nn.LSTM(5, 6, proj_size=3)\n{_X}\nh_0 = torch.zeros(1, 3, 6)\n"
        "c_0 = torch.zeros(1, 3, 6)\nmodule(x, (h_0, c_0))",
    ),
    Raised(
        "lstm-c0",
        "rnn",
        "expected-hidden-1-size",
        f"module = nn.LSTM(5, 6)\n{_X}\nh_0 = torch.zeros(1, 3, 6)\nc_0 = torch.zeros(1, 3, 4)\n"
        "module(x, (h_0, c_0))",
    ),
    Raised(
        "h0-2d-batched",
        "rnn",
        "hx-should-be-3d",
        f"module = nn.RNN(5, 6)\n{_X}\nh_0 = torch.zeros(3, 6)\nmodule(x, h_0)",
    ),
    Raised(
        "lstm-2d-batched",
        "rnn",
        "hx-should-be-3d",
        f"module = nn.LSTM(5, 6)\n{_X}\nh_0 = torch.zeros(3, 6)\nc_0 = torch.zeros(3, 6)\n"
        "module(x, (h_0, c_0))",
    ),
    Raised(
        "h0-3d-unbatched",
        "rnn",
        "hx-should-be-2d",
        "module = nn.GRU(5, 6)\nx = torch.zeros(4, 5)\nh_0 = torch.zeros(1, 1, 6)\nmodule(x, h_0)",
    ),
    Raised(
        "lstm-3d-unbatched",
        "rnn",
        "hx-should-be-2d",
        "module = nn.LSTM(5, 6)\nx = torch.zeros(4, 5)\nh_0 = torch.zeros(1, 1, 6)\n"
        "c_0 = torch.zeros(1, 1, 6)\nmodule(x, (h_0, c_0))",
    ),
    Raised(
        "h0-float64",
        "rnn",
        "hx-dtype",
        f"module = nn.GRU(5, 6)\n{_X}\nh_0 = torch.zeros(1, 3, 6, dtype=torch.float64)\n"
        "module(x, h_0)",
    ),
    Raised(
        "lstm-h0-float64",
        "rnn",
        "hx-dtype",
        f"module = nn.LSTM(5, 6)\n{_X}\nh_0 = torch.zeros(1, 3, 6, dtype=torch.float64)\n"
        "c_0 = torch.zeros(1, 3, 6)\nmodule(x, (h_0, c_0))",
    ),
    Raised(
        "lstm-one-tensor",
        "rnn",
        "lstm-state-one-tensor",
        f"module = nn.LSTM(5, 6)\n{_X}\nh_0 = torch.zeros(1, 3, 6)\nmodule(x, h_0)",
    ),
    Raised(
        "lstm-three-tensors",
        "rnn",
        "lstm-state-one-tensor",
        f"module = nn.LSTM(5, 6)\n{_X}\nh_0 = torch.zeros(1, 3, 6)\nmodule(x, (h_0, h_0, h_0))",
    ),
    Raised(
        "gru-tuple",
        "rnn",
        "tuple-state",
        f"module = nn.GRU(5, 6)\n{_X}\nh_0 = torch.zeros(1, 3, 6)\nmodule(x, (h_0, h_0))",
    ),
    Raised(
        "lstm-c0-none",
        "rnn",
        "not-a-tensor",
        f"module = nn.LSTM(5, 6)\n{_X}\nh_0 = torch.zeros(1, 3, 6)\nmodule(x, (h_0, None))",
    ),
    Raised(
        "h0-other-device",
        "rnn",
        "device-mismatch",
        f"module = nn.GRU(5, 6)\n{_X}\nh_0 = torch.zeros(1, 3, 6, device='meta')\nmodule(x, h_0)",
    ),
    Raised(
        "packed-lstm-2d-state",
        "rnn",
        "packed-state-rank",
        "module = nn.LSTM(5, 6)\nx = pack_sequence([torch.zeros(3, 5), torch.zeros(2, 5)])\n"
        "h_0 = torch.zeros(1, 6)\nc_0 = torch.zeros(1, 6)\nmodule(x, (h_0, c_0))",
    ),
    # ------------------------------------------------------------- cells
    Raised(
        "rnncell-input-3d",
        "cell",
        "cell-dimensions",
        "module = nn.RNNCell(5, 6)\nx = torch.zeros(2, 3, 5)\nmodule(x)",
    ),
    Raised(
        "grucell-hidden-3d",
        "cell",
        "cell-dimensions",
        "module = nn.GRUCell(5, 6)\nx = torch.zeros(3, 5)\n"
        "h_0 = torch.zeros(1, 3, 6)\nmodule(x, h_0)",
    ),
    Raised(
        "lstmcell-hx0-3d",
        "cell",
        "cell-dimensions",
        "module = nn.LSTMCell(5, 6)\nx = torch.zeros(3, 5)\nh_0 = torch.zeros(1, 3, 6)\n"
        "c_0 = torch.zeros(3, 6)\nmodule(x, (h_0, c_0))",
    ),
    Raised(
        "lstmcell-hx1-3d",
        "cell",
        "cell-dimensions",
        "module = nn.LSTMCell(5, 6)\nx = torch.zeros(3, 5)\nh_0 = torch.zeros(3, 6)\n"
        "c_0 = torch.zeros(1, 3, 6)\nmodule(x, (h_0, c_0))",
    ),
    Raised(
        "cell-input-size",
        "cell",
        "cell-input-size",
        "module = nn.GRUCell(5, 6)\nx = torch.zeros(3, 4)\nmodule(x)",
    ),
    Raised(
        "cell-batch",
        "cell",
        "cell-batch",
        "module = nn.RNNCell(5, 6)\nx = torch.zeros(3, 5)\nh_0 = torch.zeros(2, 6)\nmodule(x, h_0)",
    ),
    Raised(
        "lstmcell-c-batch",
        "cell",
        "cell-batch",
        "module = nn.LSTMCell(5, 6)\nx = torch.zeros(3, 5)\nh_0 = torch.zeros(3, 6)\n"
        "c_0 = torch.zeros(2, 6)\nmodule(x, (h_0, c_0))",
    ),
    Raised(
        "cell-hidden-size",
        "cell",
        "cell-hidden-size",
        "module = nn.GRUCell(5, 6)\nx = torch.zeros(3, 5)\nh_0 = torch.zeros(3, 5)\nmodule(x, h_0)",
    ),
    Raised(
        "lstmcell-c-size",
        "cell",
        "cell-hidden-size",
        "module = nn.LSTMCell(5, 6)\nx = torch.zeros(3, 5)\nh_0 = torch.zeros(3, 6)\n"
        "c_0 = torch.zeros(3, 5)\nmodule(x, (h_0, c_0))",
    ),
    Raised(
        "cell-unbatched-input",
        "cell",
        "cell-hidden-size",
        "module = nn.RNNCell(5, 6)\nx = torch.zeros(5)\nh_0 = torch.zeros(3, 6)\nmodule(x, h_0)",
    ),
    Raised(
        "cell-float64",
        "cell",
        "hx-dtype",
        "module = nn.GRUCell(5, 6)\nx = torch.zeros(3, 5, dtype=torch.float64)\nmodule(x)",
    ),
    Raised(
        "lstmcell-one-tensor",
        "cell",
        "lstm-state-one-tensor",
        "module = nn.LSTMCell(5, 6)\nx = torch.zeros(3, 5)\n"
        "h_0 = torch.zeros(3, 6)\nmodule(x, h_0)",
    ),
    Raised(
        "lstmcell-one-in-tuple",
        "cell",
        "lstm-state-one-tensor",
        "module = nn.LSTMCell(5, 6)\nx = torch.zeros(3, 5)\nh_0 = torch.zeros(3, 6)\n"
        "module(x, (h_0,))",
    ),
    Raised("cell-size-float", "cell", "size-type", "nn.GRUCell(5, 6.0)"),
    Raised(
        "rnncell-nonlinearity",
        "cell",
        "unknown-nonlinearity",
        "module = nn.RNNCell(5, 6, nonlinearity='sigmoid')\nx = torch.zeros(3, 5)\nmodule(x)",
    ),
    # ------------------------------------------------------------- torch.nn.utils.rnn
    Raised(
        "pack-unsorted",
        "utils",
        "pack-unsorted",
        "x = torch.zeros(4, 3, 5)\nlengths = [2, 4, 3]\npack_padded_sequence(x, lengths)",
    ),
    Raised(
        "pack-sequence-unsorted",
        "utils",
        "pack-unsorted",
        "x = [torch.zeros(2, 5), torch.zeros(3, 5)]\npack_sequence(x)",
    ),
    Raised(
        "pack-zero-length",
        "utils",
        "pack-zero-length",
        "x = torch.zeros(4, 3, 5)\nlengths = [4, 3, 0]\npack_padded_sequence(x, lengths)",
    ),
    Raised(
        "pack-lengths-count",
        "utils",
        "pack-lengths-count",
        "x = torch.zeros(4, 3, 5)\nlengths = [4, 3]\npack_padded_sequence(x, lengths)",
    ),
    Raised(
        "pack-lengths-2d",
        "utils",
        "pack-lengths-cpu",
        "x = torch.zeros(4, 3, 5)\nlengths = torch.tensor([[4, 3, 2]])\n"
        "pack_padded_sequence(x, lengths)",
    ),
    Raised(
        "pack-lengths-device",
        "utils",
        "pack-lengths-cpu",
        "x = torch.zeros(4, 3, 5)\nlengths = torch.tensor([4, 3, 2], device='meta')\n"
        "pack_padded_sequence(x, lengths)",
    ),
    Raised(
        "pack-input-1d",
        "utils",
        "utils-rank",
        "x = torch.zeros(4)\nlengths = [4]\npack_padded_sequence(x, lengths)",
    ),
    Raised("pack-empty", "utils", "empty-sequence-list", "pack_sequence([])"),
    Raised("pad-empty", "utils", "empty-sequence-list", "pad_sequence([])"),
    Raised(
        "pad-trailing",
        "utils",
        "pad-trailing-sizes",
        "x = [torch.zeros(3, 5), torch.zeros(2, 4)]\npad_sequence(x)",
    ),
    Raised(
        "pack-trailing",
        "utils",
        "pad-trailing-sizes",
        "x = [torch.zeros(3, 5), torch.zeros(2, 4)]\npack_sequence(x)",
    ),
    Raised("pad-not-iterable", "utils", "pad-not-iterable", "pad_sequence(5)"),
    Raised(
        "pad-side",
        "utils",
        "padding-side",
        "pad_sequence([torch.zeros(3, 5)], padding_side='middle')",
    ),
    Raised(
        "pad-scalars",
        "utils",
        "pad-scalars",
        "pad_sequence([torch.tensor(1.0), torch.tensor(2.0)])",
    ),
    Raised(
        "total-length",
        "utils",
        "total-length",
        "x = pack_sequence([torch.zeros(3, 5), torch.zeros(2, 5)])\n"
        "pad_packed_sequence(x, total_length=2)",
    ),
    Raised(
        "pad-packed-tensor",
        "utils",
        "not-packed",
        "x = torch.zeros(3, 2, 5)\npad_packed_sequence(x)",
    ),
    Raised("unpack-tensor", "utils", "not-packed", "x = torch.zeros(3, 2, 5)\nunpack_sequence(x)"),
    Raised(
        "export-warning",
        "rnn",
        "export-flat-weights",
        "module = nn.LSTM(4, 5, batch_first=True)\nx = torch.zeros(2, 3, 4)\n"
        "torch.export.export(module, (x,))",
    ),
    Raised(
        "packed-by-hand",
        "utils",
        "packed-by-hand",
        "PackedSequence(torch.zeros(5, 5), torch.tensor([2, 2, 1], device='meta'))",
    ),
)

_ISSUE = "https://github.com/"

QUOTED: tuple[Quoted, ...] = (
    # ------------------------------------------------------------- older releases, GPU path
    Quoted(
        "old-input-rank",
        "older",
        "input-must-have-dimensions",
        "RuntimeError: input must have 3 dimensions, got 2",
        "torch/nn/modules/rnn.py",
        _ISSUE + "rdemedrano/crann_traffic/issues/2 (torch before 1.11)",
    ),
    Quoted(
        "old-hidden-tuple",
        "older",
        "expected-hidden-0-size",
        "RuntimeError: Expected hidden[0] size (1, 64, 256), got (64, 256)",
        "torch/nn/modules/rnn.py",
        _ISSUE + "pytorch/pytorch/pull/3925 (comment, torch 1.0)",
    ),
    Quoted(
        "old-hidden-batch",
        "older",
        "expected-hidden-0-size",
        "RuntimeError: Expected hidden[0] size (416, 82, 50), got (416, 100, 50)",
        "torch/nn/modules/rnn.py",
        _ISSUE + "gabrielloye/LSTM_Sentiment-Analysis/issues/4",
    ),
    Quoted(
        "old-hidden-size",
        "older",
        "expected-hidden-size",
        "RuntimeError: Expected hidden size (1, 1, 6), got (1, 3, 6)",
        "torch/nn/modules/rnn.py",
        "the tuple format of torch before 1.5 (check_hidden_size printed tuple(hx.size()))",
    ),
    Quoted(
        "old-hidden-size-all",
        "older",
        "expected-hidden-size",
        "RuntimeError: Expected hidden size (1, 8, 512), got (8, 473, 1024)",
        "torch/nn/modules/rnn.py",
        _ISSUE + "andrearosasco/BertQuestionGeneration/issues/4",
    ),
    Quoted(
        "cudnn-hx-contiguous",
        "older",
        "hx-not-contiguous",
        "RuntimeError: rnn: hx is not contiguous",
        "torch/nn/modules/rnn.py",
        _ISSUE + "kenchan0226/keyphrase-generation-rl/issues/8 (cuDNN)",
    ),
    Quoted(
        "cuda-lengths",
        "older",
        "pack-lengths-cpu",
        "RuntimeError: 'lengths' argument should be a 1D CPU int64 tensor, but got 1D cuda:0"
        " Long tensor",
        "torch/nn/utils/rnn.py",
        _ISSUE + "pytorch/pytorch/issues/43227 (GPU)",
    ),
    Quoted(
        "old-cell-batch",
        "older",
        "cell-batch",
        "RuntimeError: Input batch size 1 doesn't match hidden[0] batch size 512",
        "torch/nn/modules/rnn.py",
        _ISSUE + "PetrochukM/PyTorch-NLP/issues/62 (torch 1.0)",
    ),
    Quoted(
        "cuda-parameter-device",
        "older",
        "device-mismatch",
        "RuntimeError: Input and parameter tensors are not at the same device, found input"
        " tensor at cuda:0 and parameter tensor at cpu",
        "torch/nn/modules/rnn.py",
        "the GPU form of the message raised above with the meta device",
    ),
    Quoted(
        "cuda-hidden-device",
        "older",
        "device-mismatch",
        "RuntimeError: Input and hidden tensors are not at the same device, found input"
        " tensor at cuda:0 and hidden tensor at cpu",
        "torch/nn/modules/rnn.py",
        "the GPU form of the message raised above with the meta device",
    ),
    Quoted(
        "compile-fullgraph",
        "older",
        "compile-rnn",
        "torch._dynamo.exc.Unsupported: Attempted to wrap RNN, GRU, or LSTM",
        None,
        "torch 2.13, torch.compile(nn.GRU(4, 5), fullgraph=True)(x): quoted, since compiling"
        " takes seconds",
    ),
    # ------------------------------------------------------------- decoys
    Quoted(
        "index-out-of-bounds",
        "decoy",
        None,
        "IndexError: index 1 is out of bounds for dimension 0 with size 1",
        None,
        "any indexing, e.g. torch.zeros(1)[1]",
    ),
    Quoted(
        "mat-dtype-bare",
        "decoy",
        None,
        "RuntimeError: mat1 and mat2 must have the same dtype",
        None,
        "nn.Linear or torch.mm with float64 input (older wording)",
    ),
    Quoted(
        "mat-dtype-linear",
        "decoy",
        None,
        "RuntimeError: mat1 and mat2 must have the same dtype, but got Double and Float",
        "torch/nn/modules/linear.py",
        "nn.Linear(5, 2)(torch.zeros(3, 5, dtype=torch.float64))",
    ),
    Quoted(
        "mat-shapes",
        "decoy",
        None,
        "RuntimeError: mat1 and mat2 shapes cannot be multiplied (3x6 and 5x2)",
        "torch/nn/modules/linear.py",
        "nn.Linear(5, 2)(torch.zeros(3, 6))",
    ),
    Quoted(
        "unpack-too-many",
        "decoy",
        None,
        "ValueError: too many values to unpack (expected 2)",
        None,
        "any unpacking in Python",
    ),
    Quoted(
        "unpack-not-enough",
        "decoy",
        None,
        "ValueError: not enough values to unpack (expected 3, got 2)",
        None,
        "any unpacking in Python",
    ),
    Quoted(
        "cuda-oom",
        "decoy",
        None,
        "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a"
        " total capacity of 7.79 GiB of which 1.05 GiB is free.",
        None,
        "any CUDA allocation",
    ),
    Quoted(
        "generic-device",
        "decoy",
        None,
        "RuntimeError: Expected all tensors to be on the same device, but found at least two"
        " devices, cuda:0 and cpu!",
        None,
        "any operation on tensors of two devices",
    ),
    Quoted(
        "broadcast",
        "decoy",
        None,
        "RuntimeError: The size of tensor a (5) must match the size of tensor b (4) at"
        " non-singleton dimension 1",
        None,
        "torch.zeros(3, 5) + torch.zeros(3, 4)",
    ),
    Quoted(
        "tuple-size",
        "decoy",
        None,
        "AttributeError: 'tuple' object has no attribute 'size'",
        None,
        "h_n, c_n = lstm(x)[1]; then calling .size() on the pair in user code",
    ),
    Quoted(
        "backward-twice",
        "decoy",
        None,
        "RuntimeError: Trying to backward through the graph a second time (or directly access"
        " saved tensors after they have already been freed). Saved intermediate values of the"
        " graph are freed when you call .backward() or autograd.grad(). Specify"
        " retain_graph=True if you need to backward through the graph a second time or if you"
        " need to access saved tensors after calling backward.",
        None,
        "autograd, e.g. a state carried across batches without detach()",
    ),
    Quoted(
        "loss-batch",
        "decoy",
        None,
        "ValueError: Expected input batch_size (4) to match target batch_size (12).",
        "torch/nn/functional.py",
        "F.cross_entropy(torch.zeros(4, 3), torch.zeros(12, dtype=torch.long))",
    ),
    Quoted(
        "dropout-module",
        "decoy",
        None,
        "ValueError: dropout probability has to be between 0 and 1, but got 1.5",
        "torch/nn/modules/dropout.py",
        "nn.Dropout(1.5)",
    ),
    Quoted(
        "conv-input",
        "decoy",
        None,
        "RuntimeError: Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input"
        " of size: [2, 5]",
        "torch/nn/modules/conv.py",
        "nn.Conv2d(1, 1, 3)(torch.zeros(2, 5))",
    ),
    Quoted(
        "view-size",
        "decoy",
        None,
        "RuntimeError: shape '[3, 5]' is invalid for input of size 10",
        None,
        "torch.zeros(10).view(3, 5)",
    ),
    Quoted(
        "dim-out-of-range-bare",
        "decoy",
        None,
        "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)",
        None,
        "torch.zeros(3).size(1)",
    ),
    Quoted(
        "no-grad",
        "decoy",
        None,
        "RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn",
        None,
        "autograd: backward() on a tensor made under torch.no_grad()",
    ),
    Quoted(
        "forward-arguments",
        "decoy",
        None,
        "TypeError: GRU.forward() takes from 2 to 3 positional arguments but 4 were given",
        "torch/nn/modules/module.py",
        "gru(x, h_0, c_0): Python's argument check, before any RNN code runs",
    ),
    Quoted(
        "embedding-index",
        "decoy",
        None,
        "IndexError: index out of range in self",
        "torch/nn/functional.py",
        "nn.Embedding(10, 5)(torch.tensor([10]))",
    ),
    Quoted(
        "device-assert",
        "decoy",
        None,
        "RuntimeError: CUDA error: device-side assert triggered",
        None,
        "any CUDA kernel",
    ),
    Quoted(
        "export-guard",
        "decoy",
        None,
        "AssertionError: Guard failed: input.size()[0] == 2",
        None,
        "torch.export.export(lstm, (x_batch2,)).module() called on a batch of 7",
    ),
    Quoted(
        "export-constraints",
        "decoy",
        None,
        "torch._dynamo.exc.UserError: Constraints violated (seq_len)! For more information,"
        ' run with TORCH_LOGS="+dynamic".',
        None,
        "torch.export.export(lstm, (x,), dynamic_shapes=...) with a seq_len the model fixes",
    ),
    Quoted(
        "onnxscript-missing",
        "decoy",
        None,
        "ModuleNotFoundError: No module named 'onnxscript'",
        None,
        "torch.onnx.export(nn.LSTM(4, 5), (x,), dynamo=True) without onnxscript",
    ),
    Quoted(
        "hidden-size-prose",
        "decoy",
        None,
        "ValueError: Expected hidden size to be a multiple of the number of heads",
        None,
        "a message that only starts like an RNN one (whole-pattern check)",
    ),
)


def _innermost_torch_frame(error: BaseException) -> tuple[str | None, str | None]:
    """The file (relative to site-packages) and function where torch raised `error`."""
    found: tuple[str | None, str | None] = (None, None)
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename).resolve()
        if path.is_relative_to(TORCH_ROOT / "torch"):
            found = (path.relative_to(TORCH_ROOT).as_posix(), frame.name)
    return found


def _namespace() -> dict[str, Any]:
    from torch import nn
    from torch.nn.utils import rnn

    names: dict[str, Any] = {"torch": torch, "nn": nn}
    names.update({name: getattr(rnn, name) for name in rnn.__all__})
    return names


def run(code: str) -> tuple[str, str | None, str | None]:
    """Run `code`; return (the message with its type, the torch file, the function)."""
    names = _namespace()
    *setup, call = code.splitlines()
    exec("\n".join(setup), names)  # the setup lines never raise
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exec(call, names)
        except Exception as error:  # whatever torch raises is the point
            message = f"{type(error).__name__}: {error}"
            return message, *_innermost_torch_frame(error)
    if not caught:
        raise RuntimeError(f"this call raised nothing: {code!r}")
    warning = caught[0]
    return f"{warning.category.__name__}: {warning.message}", None, None


def collect() -> dict[str, Any]:
    """The whole corpus as JSON-ready data."""
    entries: list[dict[str, Any]] = []
    for case in RAISED:
        message, frame, function = run(case.code)
        entries.append(
            {
                "name": case.name,
                "family": case.family,
                "expect": case.expect,
                "message": message,
                "frame": frame,
                "function": function,
                "code": case.code,
                "source": f"torch {torch.__version__.split('+')[0]}",
            }
        )
    for quoted in QUOTED:
        entries.append(
            {
                "name": quoted.name,
                "family": quoted.family,
                "expect": quoted.expect,
                "message": quoted.message,
                "frame": quoted.frame,
                "function": None,
                "code": None,
                "source": quoted.source,
            }
        )
    names = [entry["name"] for entry in entries]
    if len(set(names)) != len(names):
        raise RuntimeError("corpus case names must be unique")
    return {"torch": torch.__version__.split("+")[0], "cases": entries}


def render(corpus: dict[str, Any]) -> str:
    """The file's text: stable, one key order, UTF-8."""
    return json.dumps(corpus, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the corpus, or with --check say whether the committed file is current."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    text = render(collect())
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is stale: run python -m tools.contrib.error_corpus", file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(json.loads(text)['cases'])} cases to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
