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

Every error message comes from the package's message table,
[`rnn_guide.messages`][rnn_guide.messages], in English and Chinese, so that other
tools (the command, the shape calculator on the site) say exactly the same thing.

Sizes may be Python ints or anything PyTorch reads as one (numpy integers, integer
tensors of one element); bool is never a size. A size or a tensor PyTorch cannot hold
(a size beyond int64, a tensor whose float32 bytes do not fit in int64) is a
`ShapeError` too. Importing this module does not import torch.
"""

from __future__ import annotations

import operator
import reprlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal

from rnn_guide.messages import MESSAGES as _TABLE
from rnn_guide.messages import Arg, Lang, Surface, template, text

if TYPE_CHECKING:
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

INT64_MAX: Final = 2**63 - 1
"""The largest size PyTorch holds (sizes are int64), and the most bytes one tensor has."""
_FLOAT32_BYTES: Final = 4

MESSAGES: Final[Mapping[str, str]] = MappingProxyType(
    {
        key.removeprefix("shape."): template(key)
        for key in _TABLE
        if key.startswith("shape.") and "@" not in key
    }
)
"""Every error message `ShapeError` can carry, English, as `str.format` templates.

Keys are those of the message table,
[`rnn_guide.messages.MESSAGES`][rnn_guide.messages.MESSAGES], without their `shape.`
prefix; the table also has the Chinese texts and the command line's wording.
"""


class ShapeError(ValueError):
    """An RNN specification or input shape that PyTorch would reject.

    `str(error)` is the English message, in Python's terms;
    [`message`][rnn_guide.shapes.ShapeError.message] words it in another language or
    for the command line.

    Attributes:
        key: Which entry of [`MESSAGES`][rnn_guide.shapes.MESSAGES] the message
            comes from ("" for a message written by hand); its key in the message
            table is `"shape." + key`.
        values: The values that fill the message's placeholders.

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
        ...     print(error.message("zh"))
        ...     print(error.message("en", "cli"))
        hidden_size_not_positive
        hidden_size 为 0，但必须至少为 1：隐状态至少要有一个特征。
        --hidden-size is 0 but must be at least 1: the hidden state needs at least one feature.
    """

    def __init__(
        self, message: str, key: str = "", values: Mapping[str, object] | None = None
    ) -> None:
        """Create the error from a finished message, its key and its values."""
        super().__init__(message)
        self.key = key
        self.values: Mapping[str, Any] = MappingProxyType(dict(values or {}))

    def message(self, lang: Lang = "en", surface: Surface = "python") -> str:
        """The message in `lang` ("en" or "zh"), for `surface` ("python" or "cli")."""
        if not self.key:
            return str(self)
        return text("shape." + self.key, lang, surface, **self.values)


# Tracebacks name the error as users import it, whichever way this file was loaded.
ShapeError.__module__ = "rnn_guide"


def _error(key: str, **values: Any) -> ShapeError:
    """The error `key` of the table: the only way this module words an error."""
    return ShapeError(text("shape." + key, **values), key=key, values=values)


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 60


def _given(value: object) -> str:
    """The offending value as Python writes it, shortened if it is long."""
    try:
        return _REPR.repr(value)
    except Exception:  # a value whose repr fails is still named
        return f"<{type(value).__name__}>"


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


def _as_size(value: object) -> int | None:
    """`value` as an int if PyTorch reads it as a size, else None (bool never is)."""
    if isinstance(value, (bool, str, bytes, bytearray)):
        return None
    if "bool" in str(getattr(value, "dtype", "")):  # numpy or torch booleans
        return None
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except Exception:  # TypeError, or what a tensor of several elements raises
        return None


def _check_bytes(tensor: str, shape: tuple[int, ...]) -> None:
    numel = 1
    for size in shape:
        numel *= size
    if numel * _FLOAT32_BYTES > INT64_MAX:
        raise _error("storage_too_large", tensor=tensor, shape=format_shape(shape))


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
            raise _error("mode", given=_given(self.mode))
        for name in ("input_size", "hidden_size", "num_layers", "proj_size"):
            value = getattr(self, name)
            size = _as_size(value)
            if size is None:
                raise _error("not_int", name=Arg(name), given=_given(value))
            if size > INT64_MAX:
                raise _error("size_too_large", name=Arg(name), given=str(size))
            object.__setattr__(self, name, size)  # a numpy or tensor size becomes an int
            if size < 1 and name != "proj_size":
                raise _error(f"{name}_not_positive", given=str(size))
        for name in ("bidirectional", "batch_first"):
            value = getattr(self, name)
            if not isinstance(value, bool):
                raise _error("not_bool", name=Arg(name), given=_given(value))
        if self.proj_size < 0:
            raise _error("proj_negative", given=str(self.proj_size))
        if self.proj_size > 0 and self.mode != "LSTM":
            raise _error("proj_not_lstm", given=str(self.proj_size), mode=self.mode)
        if self.proj_size >= self.hidden_size:
            raise _error(
                "proj_too_large",
                given=str(self.proj_size),
                hidden_size=self.hidden_size,
                largest=self.hidden_size - 1,
            )
        for name, shape in self._weights():
            _check_bytes(name, shape)

    def _weights(self) -> Iterable[tuple[str, tuple[int, ...]]]:
        """The largest weights of the module, named as PyTorch names them."""
        gates = {"RNN": 1, "GRU": 3, "LSTM": 4}[self.mode] * self.hidden_size
        yield "weight_ih_l0", (gates, self.input_size)
        yield "weight_hh_l0", (gates, self.h_out)
        if self.num_layers > 1:
            yield "weight_ih_l1", (gates, self.num_directions * self.h_out)
        if self.proj_size > 0:
            yield "weight_hr_l0", (self.proj_size, self.hidden_size)

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
        from torch import nn  # here, so that importing this module stays light

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


# More axes than any tensor has: PyTorch allows 64 dimensions.
_MAX_RANK: Final = 64


def _check_shape(input_shape: object) -> tuple[int, ...]:
    not_ints = (str, bytes, bytearray, memoryview, Mapping, set, frozenset)
    if isinstance(input_shape, not_ints) or not isinstance(input_shape, Iterable):
        raise _error("shape_not_ints", given=_given(input_shape))
    try:
        items = []
        for item in input_shape:  # bounded: a generator may never end
            items.append(item)
            if len(items) > _MAX_RANK:
                break
    except Exception:  # e.g. iterating over a 0-d tensor
        raise _error("shape_not_ints", given=_given(input_shape)) from None
    sizes = [_as_size(item) for item in items]
    if len(items) > _MAX_RANK or any(size is None for size in sizes):
        raise _error("shape_not_ints", given=_given(input_shape))
    shape = tuple(size for size in sizes if size is not None)
    if any(size < 0 for size in shape):
        raise _error("shape_negative", shape=format_shape(shape))
    for size in shape:
        if size > INT64_MAX:
            raise _error("size_too_large", name="input", given=str(size))
    return shape


def expected_shapes(spec: RNNSpec, input_shape: Sequence[int] | Iterable[object]) -> Shapes:
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
    _check_bytes("input", shape)
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
    _check_bytes("output", output)
    _check_bytes("h_n", h_n)
    if spec.mode == "LSTM":
        _check_bytes("c_n", c_n)
    return Shapes(
        input=shape,
        output=output,
        h_n=h_n,
        c_n=c_n if spec.mode == "LSTM" else None,
        batched=batched,
    )
