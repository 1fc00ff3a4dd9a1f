"""Shape arithmetic for nn.RNN, nn.GRU and nn.LSTM, without running them.

An [`RNNSpec`][rnn_guide.shapes.RNNSpec] holds the constructor arguments that decide
shapes; [`expected_shapes`][rnn_guide.shapes.expected_shapes] turns a spec and an
input shape into the shapes of `output`, `h_n` and `c_n`, or raises
[`ShapeError`][rnn_guide.shapes.ShapeError] where PyTorch would reject the input.

Notation: L = seq_len, N = batch, H_in = input_size, D = 2 if bidirectional else 1,
H_cell = hidden_size, H_out = proj_size if proj_size > 0 else hidden_size.

| tensor   | unbatched (2-D input) | batched, batch_first=False | batched, batch_first=True |
|----------|-----------------------|----------------------------|---------------------------|
| input    | (L, H_in)             | (L, N, H_in)               | (N, L, H_in)              |
| output   | (L, D * H_out)        | (L, N, D * H_out)          | (N, L, D * H_out)         |
| h_0, h_n | (D * num_layers, H_out) | (D * num_layers, N, H_out) | same: never batch-first |
| c_0, c_n | (D * num_layers, H_cell) | (D * num_layers, N, H_cell) | same: never batch-first |

Every error message comes from [`MESSAGES`][rnn_guide.shapes.MESSAGES], so that other
tools (the shape calculator on the site) can say exactly the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

from torch import nn

__all__ = ["MESSAGES", "RNNSpec", "ShapeError", "Shapes", "expected_shapes", "format_shape"]

Mode = Literal["RNN", "GRU", "LSTM"]

# nn.RNN records its nonlinearity in its mode string; shapes do not depend on it.
_MODES: Final[Mapping[str, Mode]] = {
    "RNN_TANH": "RNN",
    "RNN_RELU": "RNN",
    "GRU": "GRU",
    "LSTM": "LSTM",
}

#: Every message that [`ShapeError`][rnn_guide.shapes.ShapeError] can carry, by key.
#: Placeholders are filled with `str.format`: `{given}` is the offending value as
#: Python's `repr` writes it (`'rnn'`, `2.5`, `True`), `{shape}` a shape written as a
#: Python tuple (`(1, 3, 5)`, `(5,)`), `{mode}` one of RNN, GRU, LSTM, `{layout}`
#: `(seq_len, batch, features)` or `(batch, seq_len, features)` after batch_first.
MESSAGES: Final[Mapping[str, str]] = MappingProxyType(
    {
        # The specification: constructor arguments.
        "mode": (
            "mode is {given} but must be 'RNN', 'GRU' or 'LSTM': "
            "use the name of the module class (nn.RNN, nn.GRU or nn.LSTM)."
        ),
        "not_int": "{name} is {given} but must be a whole number (int): pass e.g. {name}=8.",
        "not_positive": (
            "{name} is {given} but must be at least 1: every layer needs at least one {unit}."
        ),
        "not_bool": "{name} is {given} but must be True or False.",
        "proj_not_lstm": (
            "proj_size is {given} but only LSTM has a projection, {mode} has none: "
            "use proj_size=0, or mode='LSTM'."
        ),
        "proj_negative": (
            "proj_size is {given} but must be 0 or more: use proj_size=0 for no projection."
        ),
        "proj_too_large": (
            "proj_size is {given} but must be smaller than hidden_size ({hidden_size}): "
            "use a proj_size from 1 to {largest}, or 0 for no projection."
        ),
        "not_module": (
            "module is {given} but must be nn.RNN, nn.GRU or nn.LSTM: pass the recurrent "
            "layer itself (for a model, the layer inside it, e.g. model.rnn); cells such as "
            "nn.RNNCell take a single time step and are not covered."
        ),
        # The input shape.
        "shape_not_ints": (
            "input shape is {given} but must be a tuple of whole numbers: pass e.g. x.shape."
        ),
        "shape_negative": "input shape {shape} has a negative size: every axis must be 0 or more.",
        "rank_too_low": (
            "input has {rank} dimension(s), shape {shape}, but nn.{mode} needs 2: "
            "(seq_len, features) for one sequence, or 3: {layout} for a batch. "
            "A single time step still needs a seq_len axis: x.unsqueeze(0)."
        ),
        "rank_too_high": (
            "input has {rank} dimensions, shape {shape}, but nn.{mode} takes at most 3: "
            "{layout}. Remove or merge the extra axes, e.g. x.squeeze(0) for an extra axis "
            "of size 1, or x.flatten(0, 1) to merge two batch axes."
        ),
        "features": (
            "input has {given} features (last axis) but input_size is {expected}: "
            "make the last axis {expected} long, or build the module with input_size={given}. "
            "If the features are on another axis, move them last with x.transpose, not x.view."
        ),
        "seq_len_zero": (
            "input has seq_len 0 (axis {axis}) but nn.{mode} needs at least one time step: "
            "drop empty sequences before the call."
        ),
    }
)
"""Every error message `ShapeError` can carry, as `str.format` templates keyed by name.

The site's shape calculator words its errors from the same templates.
"""


class ShapeError(ValueError):
    """An RNN specification or input shape that PyTorch would reject.

    Attributes:
        key: Which entry of [`MESSAGES`][rnn_guide.shapes.MESSAGES] the message
            comes from ("" for a message written by hand).

    Examples:
        >>> from rnn_guide import RNNSpec
        >>> RNNSpec("RNN", input_size=5, hidden_size=0)
        Traceback (most recent call last):
        ...
        rnn_guide.ShapeError: hidden_size is 0 but must be at least 1: ...
        >>> try:
        ...     RNNSpec("RNN", input_size=5, hidden_size=0)
        ... except ValueError as error:
        ...     print(error.key)
        not_positive
    """

    def __init__(self, message: str, key: str = "") -> None:
        """Create the error from a finished message and the template key it came from."""
        super().__init__(message)
        self.key = key


# Tracebacks name the error as users import it, whichever way this file was loaded.
ShapeError.__module__ = "rnn_guide"


def _error(key: str, **values: object) -> ShapeError:
    """Fill the template `key` of MESSAGES: the only way this module words an error."""
    return ShapeError(MESSAGES[key].format(**values), key=key)


def format_shape(shape: Sequence[int]) -> str:
    """Write a shape as a Python tuple, as every message of this package does.

    Args:
        shape: Sizes of the axes, e.g. `tensor.shape`.

    Returns:
        The shape as Python prints a tuple: a one-element shape keeps its comma.

    Examples:
        >>> import torch
        >>> format_shape(torch.zeros(1, 3, 5).shape)
        '(1, 3, 5)'
        >>> format_shape([5])
        '(5,)'
    """
    return repr(tuple(int(size) for size in shape))


def _is_int(value: object) -> bool:
    # bool is an int subclass, but True as a size is always a slip.
    return isinstance(value, int) and not isinstance(value, bool)


@dataclass(frozen=True)
class RNNSpec:
    """The constructor arguments of nn.RNN, nn.GRU or nn.LSTM that decide shapes.

    Arguments such as `nonlinearity`, `bias` and `dropout` change values, never
    shapes, so they are not part of the spec.

    Attributes:
        mode: "RNN", "GRU" or "LSTM".
        input_size: Features per time step in the input (H_in).
        hidden_size: Size of the hidden state h (and of the LSTM cell state c).
        num_layers: Recurrent layers stacked on top of each other.
        bidirectional: Whether each layer also runs backwards in time.
        batch_first: Whether batched input and output are (batch, seq_len, features)
            instead of (seq_len, batch, features). Never changes h_0, h_n, c_0, c_n.
        proj_size: LSTM only: if > 0, h is projected down to this size.

    Raises:
        ShapeError: If a value is one PyTorch's constructor would reject (a size below
            1, a projection on RNN or GRU, proj_size not below hidden_size) or of the
            wrong type.

    Examples:
        >>> spec = RNNSpec("LSTM", input_size=10, hidden_size=20, num_layers=2,
        ...                bidirectional=True, proj_size=5)
        >>> spec.num_directions, spec.h_out
        (2, 5)
        >>> RNNSpec("GRU", input_size=10, hidden_size=20, proj_size=5)
        Traceback (most recent call last):
        ...
        rnn_guide.ShapeError: proj_size is 5 but only LSTM has a projection, ...
    """

    mode: Mode
    input_size: int
    hidden_size: int
    num_layers: int = 1
    bidirectional: bool = False
    batch_first: bool = False
    proj_size: int = 0

    def __post_init__(self) -> None:
        """Reject the values PyTorch's constructor rejects, with the fix in the message."""
        if self.mode not in ("RNN", "GRU", "LSTM"):
            raise _error("mode", given=repr(self.mode))
        units = {"input_size": "feature", "hidden_size": "hidden unit", "num_layers": "layer"}
        for name, unit in units.items():
            value = getattr(self, name)
            if not _is_int(value):
                raise _error("not_int", name=name, given=repr(value))
            if value < 1:
                raise _error("not_positive", name=name, given=repr(value), unit=unit)
        for name in ("bidirectional", "batch_first"):
            if not isinstance(getattr(self, name), bool):
                raise _error("not_bool", name=name, given=repr(getattr(self, name)))
        if not _is_int(self.proj_size):
            raise _error("not_int", name="proj_size", given=repr(self.proj_size))
        if self.proj_size < 0:
            raise _error("proj_negative", given=repr(self.proj_size))
        if self.proj_size > 0 and self.mode != "LSTM":
            raise _error("proj_not_lstm", given=repr(self.proj_size), mode=self.mode)
        if self.proj_size >= self.hidden_size:
            raise _error(
                "proj_too_large",
                given=repr(self.proj_size),
                hidden_size=self.hidden_size,
                largest=self.hidden_size - 1,
            )

    @property
    def num_directions(self) -> int:
        """D: 2 if bidirectional, else 1."""
        return 2 if self.bidirectional else 1

    @property
    def h_out(self) -> int:
        """H_out: the size of h (proj_size for a projected LSTM, else hidden_size)."""
        return self.proj_size if self.proj_size > 0 else self.hidden_size

    @classmethod
    def from_module(cls, module: nn.Module) -> RNNSpec:
        """Read the spec of an existing nn.RNN, nn.GRU or nn.LSTM.

        Args:
            module: The recurrent layer.

        Returns:
            The layer's spec.

        Raises:
            ShapeError: If `module` is not nn.RNN, nn.GRU or nn.LSTM (or their
                common base class, nn.RNNBase).

        Examples:
            >>> from torch import nn
            >>> RNNSpec.from_module(nn.GRU(5, 6, num_layers=2, batch_first=True))
            RNNSpec(mode='GRU', input_size=5, hidden_size=6, num_layers=2,
                    bidirectional=False, batch_first=True, proj_size=0)
            >>> RNNSpec.from_module(nn.Linear(5, 6))
            Traceback (most recent call last):
            ...
            rnn_guide.ShapeError: module is Linear but must be nn.RNN, nn.GRU or nn.LSTM: ...
        """
        if not isinstance(module, nn.RNNBase):
            raise _error("not_module", given=type(module).__name__)
        return cls(
            mode=_MODES[module.mode],
            input_size=int(module.input_size),
            hidden_size=int(module.hidden_size),
            num_layers=int(module.num_layers),
            bidirectional=bool(module.bidirectional),
            batch_first=bool(module.batch_first),
            proj_size=int(module.proj_size),
        )


@dataclass(frozen=True)
class Shapes:
    """The shapes of one call `module(input, hx)`, as tuples of ints.

    `h_0` must have the shape of `h_n`, and an LSTM's `c_0` the shape of `c_n`.

    Attributes:
        input: The input shape as given.
        output: The shape of `output`: the last layer's h at every time step, both
            directions side by side (D * H_out features).
        h_n: The shape of `h_n` (and of `h_0`): the final h of every layer and
            direction, (D * num_layers, batch, H_out), never batch-first.
        c_n: The shape of `c_n` (and of `c_0`) for an LSTM, else None.
        batched: True for 3-D input, False for one unbatched 2-D sequence.

    Examples:
        >>> from rnn_guide import RNNSpec, expected_shapes
        >>> shapes = expected_shapes(RNNSpec("LSTM", input_size=5, hidden_size=6), (4, 5))
        >>> shapes.batched, shapes.h_n, shapes.c_n
        (False, (1, 6), (1, 6))
    """

    input: tuple[int, ...]
    output: tuple[int, ...]
    h_n: tuple[int, ...]
    c_n: tuple[int, ...] | None
    batched: bool


def _layout(spec: RNNSpec) -> str:
    return "(batch, seq_len, features)" if spec.batch_first else "(seq_len, batch, features)"


def _check_shape(input_shape: Sequence[int]) -> tuple[int, ...]:
    try:
        sizes = tuple(input_shape)
    except TypeError:
        raise _error("shape_not_ints", given=repr(input_shape)) from None
    if isinstance(input_shape, str) or not all(_is_int(size) for size in sizes):
        raise _error("shape_not_ints", given=repr(input_shape))
    if any(size < 0 for size in sizes):
        raise _error("shape_negative", shape=format_shape(sizes))
    return sizes


def expected_shapes(spec: RNNSpec, input_shape: Sequence[int]) -> Shapes:
    """Compute the shapes a module with `spec` returns for an input of `input_shape`.

    Pure arithmetic: no tensor is created and nothing runs. A 3-D input is a batch,
    laid out after `spec.batch_first`; a 2-D input is one unbatched sequence
    (seq_len, features), whatever batch_first says. `h_0` must have the shape of
    `h_n`, and `c_0` the shape of `c_n`.

    Args:
        spec: The module's spec, e.g. `RNNSpec.from_module(rnn)`.
        input_shape: The input's shape, e.g. `x.shape` or `(7, 3, 10)`.

    Returns:
        The shapes of input, output, h_n (= h_0) and c_n (= c_0, LSTM only).

    Raises:
        ShapeError: Where PyTorch would reject the input: not 2 or 3 dimensions,
            a last axis other than input_size, or seq_len 0. (A batch of 0
            sequences is allowed: PyTorch returns empty tensors.)

    Examples:
        >>> spec = RNNSpec("RNN", input_size=5, hidden_size=6)
        >>> expected_shapes(spec, (1, 3, 5))
        Shapes(input=(1, 3, 5), output=(1, 3, 6), h_n=(1, 3, 6), c_n=None, batched=True)

        The projected, bidirectional LSTM: h has proj_size features, c hidden_size.

        >>> lstm = RNNSpec("LSTM", 10, 20, num_layers=2, bidirectional=True, proj_size=5)
        >>> shapes = expected_shapes(lstm, (7, 3, 10))
        >>> shapes.output, shapes.h_n, shapes.c_n
        ((7, 3, 10), (4, 3, 5), (4, 3, 20))

        batch_first changes the input and output layout, never h_n:

        >>> bf = RNNSpec("GRU", input_size=5, hidden_size=6, batch_first=True)
        >>> expected_shapes(bf, (3, 7, 5)).output, expected_shapes(bf, (3, 7, 5)).h_n
        ((3, 7, 6), (1, 3, 6))
        >>> expected_shapes(bf, (7, 5))  # unbatched: batch_first is ignored
        Shapes(input=(7, 5), output=(7, 6), h_n=(1, 6), c_n=None, batched=False)
        >>> expected_shapes(spec, (1, 3, 4))
        Traceback (most recent call last):
        ...
        rnn_guide.ShapeError: input has 4 features (last axis) but input_size is 5: ...
    """
    shape = _check_shape(input_shape)
    rank = len(shape)
    if rank not in (2, 3):
        key = "rank_too_low" if rank < 2 else "rank_too_high"
        raise _error(
            key, rank=rank, shape=format_shape(shape), mode=spec.mode, layout=_layout(spec)
        )
    # PyTorch checks the feature axis first, so a message about it wins.
    if shape[-1] != spec.input_size:
        raise _error("features", given=shape[-1], expected=spec.input_size)
    batched = rank == 3
    seq_axis = 1 if batched and spec.batch_first else 0
    seq_len = shape[seq_axis]
    if seq_len == 0:
        raise _error("seq_len_zero", axis=seq_axis, mode=spec.mode)

    states = spec.num_directions * spec.num_layers  # one h per layer and direction
    out_features = spec.num_directions * spec.h_out  # both directions side by side
    if batched:
        batch = shape[1 - seq_axis]
        steps_and_batch = (batch, seq_len) if spec.batch_first else (seq_len, batch)
        output: tuple[int, ...] = (*steps_and_batch, out_features)
        h_n: tuple[int, ...] = (states, batch, spec.h_out)
        c_n: tuple[int, ...] = (states, batch, spec.hidden_size)
    else:
        output = (seq_len, out_features)
        h_n = (states, spec.h_out)
        c_n = (states, spec.hidden_size)
    return Shapes(
        input=shape,
        output=output,
        h_n=h_n,
        c_n=c_n if spec.mode == "LSTM" else None,
        batched=batched,
    )
