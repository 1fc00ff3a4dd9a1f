"""nn.RNN, nn.GRU and nn.LSTM recomputed with a plain Python loop over time steps.

[`forward`][rnn_guide.scratch.forward] reads a module's own weights and computes
what the module returns, one time step at a time, so that every equation is in
plain sight. PyTorch runs the same loop in C++ (aten/src/ATen/native/RNN.cpp); the
results agree to rounding error.

The equations, for one layer and one direction (x: this layer's input at step t,
h: the previous hidden state, W x short for `x @ W.T`):

- RNN:  h' = tanh(W_ih x + b_ih + W_hh h + b_hh)   (relu with nonlinearity='relu')
- GRU:  r, z = sigmoid(W_i{r,z} x + b_i{r,z} + W_h{r,z} h + b_h{r,z}),
  n = tanh(W_in x + b_in + r * (W_hn h + b_hn)),  h' = (1 - z) * n + z * h
- LSTM: i, f, o = sigmoid(...), g = tanh(...),  c' = f * c + i * g,
  h' = o * tanh(c'), then h' = W_hr h' when proj_size > 0

Note PyTorch's GRU applies r after the product W_hn h; the original GRU paper
applies it before (W_hn (r * h)). The stacked weights hold the gates in the order
r|z|n for GRU and i|f|g|o for LSTM.

Dropout between layers is not applied: this is the module in eval mode.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import torch
from torch import Tensor, nn
from torch.nn.utils.rnn import PackedSequence

from rnn_guide.shapes import RNNSpec, expected_shapes, format_shape

__all__ = ["forward"]

State = Tensor | tuple[Tensor, Tensor]


class _Weights:
    """The parameters of one layer in one direction, looked up by PyTorch's names.

    G is the number of gates stacked in each matrix: 1 for RNN, 3 for GRU, 4 for LSTM.
    """

    def __init__(self, module: nn.RNNBase, layer: int, direction: int) -> None:
        suffix = f"_l{layer}" + ("_reverse" if direction == 1 else "")
        self.w_ih: Tensor = getattr(module, "weight_ih" + suffix)  # (G * H, layer input size)
        self.w_hh: Tensor = getattr(module, "weight_hh" + suffix)  # (G * H, H_out)
        # Without bias the terms are simply absent; zeros would give the same numbers.
        self.b_ih: Tensor | None = getattr(module, "bias_ih" + suffix, None)  # (G * H,)
        self.b_hh: Tensor | None = getattr(module, "bias_hh" + suffix, None)  # (G * H,)
        # LSTM with proj_size > 0 only: maps h from hidden_size down to proj_size.
        self.w_hr: Tensor | None = getattr(module, "weight_hr" + suffix, None)  # (H_out, H)

    def input_part(self, x: Tensor) -> Tensor:
        """W_ih x + b_ih for a whole batch at once."""
        out = x @ self.w_ih.T  # (batch, G * H)
        return out if self.b_ih is None else out + self.b_ih

    def hidden_part(self, h: Tensor) -> Tensor:
        """W_hh h + b_hh for a whole batch at once."""
        out = h @ self.w_hh.T  # (batch, G * H)
        return out if self.b_hh is None else out + self.b_hh


# One time step of one layer and direction: (x, h, c, weights) -> (new h, new c).
Cell = Callable[[Tensor, Tensor, Tensor, _Weights], tuple[Tensor, Tensor]]


def _rnn_cell(activation: Callable[[Tensor], Tensor]) -> Cell:
    def cell(x: Tensor, h: Tensor, c: Tensor, w: _Weights) -> tuple[Tensor, Tensor]:
        h = activation(w.input_part(x) + w.hidden_part(h))  # (batch, H)
        return h, c  # a plain RNN has no cell state; c passes through unused

    return cell


def _gru_cell(x: Tensor, h: Tensor, c: Tensor, w: _Weights) -> tuple[Tensor, Tensor]:
    x_r, x_z, x_n = w.input_part(x).chunk(3, dim=1)  # 3 x (batch, H)
    h_r, h_z, h_n = w.hidden_part(h).chunk(3, dim=1)  # 3 x (batch, H)
    r = torch.sigmoid(x_r + h_r)  # reset gate
    z = torch.sigmoid(x_z + h_z)  # update gate: how much of the old h to keep
    n = torch.tanh(x_n + r * h_n)  # candidate; r scales W_hn h + b_hn, as PyTorch does
    return (1 - z) * n + z * h, c


def _lstm_cell(x: Tensor, h: Tensor, c: Tensor, w: _Weights) -> tuple[Tensor, Tensor]:
    gates = w.input_part(x) + w.hidden_part(h)  # (batch, 4 * H)
    i, f, g, o = gates.chunk(4, dim=1)  # 4 x (batch, H)
    c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)  # (batch, H)
    h = torch.sigmoid(o) * torch.tanh(c)  # (batch, H)
    if w.w_hr is not None:
        h = h @ w.w_hr.T  # (batch, H_out)
    return h, c


def _pick_cell(module: nn.RNNBase) -> Cell:
    if module.mode == "RNN_TANH":
        return _rnn_cell(torch.tanh)
    if module.mode == "RNN_RELU":
        return _rnn_cell(torch.relu)
    return _gru_cell if module.mode == "GRU" else _lstm_cell


def _check_state(name: str, given: object, expected: tuple[int, ...], dtype: torch.dtype) -> None:
    if not isinstance(given, Tensor):
        raise ValueError(f"{name} must be a tensor, got {type(given).__name__}.")
    if tuple(given.shape) != expected:
        raise ValueError(
            f"{name} has shape {format_shape(given.shape)} but the module needs "
            f"{format_shape(expected)}: run rnn_guide.diagnose(module, input, hx) to see why."
        )
    if given.dtype != dtype:
        raise ValueError(f"{name} has dtype {given.dtype} but the module's weights are {dtype}.")


def forward(module: nn.Module, input: Tensor, hx: State | None = None) -> tuple[Tensor, State]:
    """Compute `module(input, hx)` with an explicit loop over time steps.

    Works for nn.RNN (tanh or relu, with or without bias), nn.GRU and nn.LSTM
    (with or without proj_size), any number of layers, either direction,
    batch_first, batched (3-D) or unbatched (2-D) input, given or default (zero)
    initial states. It computes the module in eval mode: dropout between layers,
    which is random and only active in training, is never applied.

    Args:
        module: An nn.RNN, nn.GRU or nn.LSTM.
        input: The input tensor, laid out as the module expects.
        hx: The initial state: h_0 for RNN and GRU, (h_0, c_0) for LSTM, or None
            for zeros.

    Returns:
        What the module returns: `(output, h_n)`, or `(output, (h_n, c_n))` for an
        LSTM, with the same shapes and dtype.

    Raises:
        ShapeError: If the module is not a recurrent layer or the input shape is
            wrong (see [`expected_shapes`][rnn_guide.shapes.expected_shapes]).
        ValueError: If the input is a PackedSequence, or the dtypes or the shape of
            `hx` do not fit the module.

    Examples:
        >>> import torch
        >>> from torch import nn
        >>> from rnn_guide import scratch
        >>> _ = torch.manual_seed(0)
        >>> rnn = nn.RNN(5, 6, num_layers=2, bidirectional=True)
        >>> x = torch.randn(3, 4, 5)  # (seq_len, batch, input_size)
        >>> output, h_n = scratch.forward(rnn, x)
        >>> output.shape, h_n.shape
        (torch.Size([3, 4, 12]), torch.Size([4, 4, 6]))
        >>> expected_output, expected_h_n = rnn(x)
        >>> torch.allclose(output, expected_output, atol=1e-6)
        True
        >>> lstm = nn.LSTM(5, 6, batch_first=True)
        >>> x = torch.randn(4, 3, 5)  # (batch, seq_len, input_size)
        >>> output, (h_n, c_n) = scratch.forward(lstm, x)
        >>> output.shape, h_n.shape, c_n.shape
        (torch.Size([4, 3, 6]), torch.Size([1, 4, 6]), torch.Size([1, 4, 6]))
        >>> torch.allclose(output, lstm(x)[0], atol=1e-6)
        True
    """
    spec = RNNSpec.from_module(module)
    rnn = cast(nn.RNNBase, module)  # from_module accepts nothing else
    if isinstance(input, PackedSequence):
        raise ValueError(
            "scratch.forward takes a padded tensor, not a PackedSequence: unpack it with "
            "torch.nn.utils.rnn.pad_packed_sequence first."
        )
    if not isinstance(input, Tensor):
        raise ValueError(f"input must be a tensor, got {type(input).__name__}.")
    # Attribute access applies parametrizations (weight_norm and the like); get_parameter
    # would not find a parametrized weight.
    weight = cast(Tensor, rnn.weight_ih_l0)  # sets the dtype and device
    if input.dtype != weight.dtype:
        raise ValueError(
            f"input has dtype {input.dtype} but the module's weights are {weight.dtype}: "
            f"convert one of them, e.g. input.to({weight.dtype})."
        )
    shapes = expected_shapes(spec, input.shape)

    # Work in one layout: time first, batch always present.
    x = input if shapes.batched else input.unsqueeze(1)  # (seq_len, batch, H_in) or batch-first
    if shapes.batched and spec.batch_first:
        x = x.transpose(0, 1)  # (seq_len, batch, H_in)
    seq_len, batch = x.shape[0], x.shape[1]
    states = spec.num_directions * spec.num_layers
    # Default states are zeros. A plain RNN or GRU gets a c_0 too, passed along unused,
    # so that one loop serves all three modules.
    h_0 = weight.new_zeros(states, batch, spec.h_out)  # (D * num_layers, batch, H_out)
    c_0 = weight.new_zeros(states, batch, spec.hidden_size)  # (D * num_layers, batch, H)
    if hx is not None:
        if shapes.c_n is not None:  # LSTM: state is the pair (h_0, c_0)
            if not isinstance(hx, tuple | list) or len(hx) != 2:
                raise ValueError(
                    "nn.LSTM takes its state as a tuple (h_0, c_0), "
                    f"got {type(hx).__name__}: pass (h_0, c_0)."
                )
            h_0, c_0 = hx
            _check_state("c_0", c_0, shapes.c_n, weight.dtype)
            if not shapes.batched:
                c_0 = c_0.unsqueeze(1)  # (D * num_layers, 1, H)
        else:
            if not isinstance(hx, Tensor):
                raise ValueError(
                    f"nn.{spec.mode} takes h_0 as one tensor, got {type(hx).__name__}: "
                    "a tuple (h_0, c_0) is only for nn.LSTM."
                )
            h_0 = hx
        _check_state("h_0", h_0, shapes.h_n, weight.dtype)
        if not shapes.batched:
            h_0 = h_0.unsqueeze(1)  # (D * num_layers, 1, H_out)

    cell = _pick_cell(rnn)
    h_n: list[Tensor] = []
    c_n: list[Tensor] = []
    layer_input = x  # (seq_len, batch, H_in)
    for layer in range(spec.num_layers):
        outputs = []
        for direction in range(spec.num_directions):
            w = _Weights(rnn, layer, direction)
            index = layer * spec.num_directions + direction  # h_n is layer-major
            h, c = h_0[index], c_0[index]  # (batch, H_out), (batch, H)
            steps = range(seq_len) if direction == 0 else reversed(range(seq_len))
            hs: list[Tensor] = []
            for t in steps:
                # All batch rows take step t together: one matrix product per step.
                h, c = cell(layer_input[t], h, c, w)  # (batch, H_out), (batch, H)
                hs.append(h)
            if direction == 1:
                hs.reverse()  # output[t] holds the state at time t in both directions
            outputs.append(torch.stack(hs))  # (seq_len, batch, H_out)
            h_n.append(h)
            c_n.append(c)
        # The next layer sees both directions side by side.
        layer_input = torch.cat(outputs, dim=2)  # (seq_len, batch, D * H_out)

    output = layer_input  # (seq_len, batch, D * H_out): the last layer at every step
    h_last = torch.stack(h_n)  # (D * num_layers, batch, H_out)
    c_last = torch.stack(c_n)  # (D * num_layers, batch, H)
    if not shapes.batched:
        output = output.squeeze(1)  # (seq_len, D * H_out)
        h_last = h_last.squeeze(1)  # (D * num_layers, H_out)
        c_last = c_last.squeeze(1)  # (D * num_layers, H)
    elif spec.batch_first:
        output = output.transpose(0, 1)  # (batch, seq_len, D * H_out)
    if spec.mode == "LSTM":
        return output, (h_last, c_last)
    return output, h_last
