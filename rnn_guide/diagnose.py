"""Explain, in plain words, why `module(input, hx)` fails or what it will do.

PyTorch's own messages say which shape it expected, not why: not which axis it took
as the batch, nor that h_0 keeps its (layers, batch, features) layout under
batch_first=True. [`diagnose`][rnn_guide.diagnose.diagnose] says both, for every
problem of the call at once. It works by shape arithmetic with
[`expected_shapes`][rnn_guide.shapes.expected_shapes] and never runs the module.

To quote PyTorch's own message as well, [`torch_error`][rnn_guide.diagnose.torch_error]
runs a bounded probe instead: a copy of the module on the meta device (no memory),
at most 64 layers, fed tensors that take no memory, and, once the shapes pass, a
one-step module of one hidden unit with the same dtypes. Its cost does not grow with
seq_len, batch or the sizes.

Every problem comes with the fixes that surely work (`Finding.fixes`), as Python
statements that assign `module`, `x` or `hx`; the tests apply each and run torch.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import torch
from torch import Tensor, nn
from torch.nn.utils.rnn import PackedSequence

from rnn_guide.messages import Lang, Surface, text
from rnn_guide.shapes import RNNSpec, ShapeError, Shapes, expected_shapes, format_shape

__all__ = ["PROBE_MAX_LAYERS", "Diagnosis", "Finding", "diagnose", "torch_error"]

#: The most layers the probe builds; beyond, torch's message is not quoted when hx is given.
PROBE_MAX_LAYERS = 64

Part = tuple[str, Mapping[str, object]]


@dataclass(frozen=True)
class Finding:
    """One problem of the call: its wording (table keys and values) and its sure fixes.

    Attributes:
        parts: The message as (key, values) pairs of the message table, read in order.
        fixes: Python statements, each a whole fix on its own, in the names `module`,
            `x` and `hx` (for an LSTM `h_0` and `c_0` name the two parts of `hx`).
            Empty when no fix is sure; the text then says what to check.
    """

    parts: tuple[Part, ...]
    fixes: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The key of the first part: what kind of problem this is."""
        return self.parts[0][0]

    def text(self, lang: Lang = "en", surface: Surface = "python") -> str:
        """The problem in words, in `lang`, for `surface`."""
        return "".join(_word(key, values, lang, surface) for key, values in self.parts)


def _word(key: str, values: Mapping[str, object], lang: Lang, surface: Surface) -> str:
    if key.startswith("shape."):
        return text(key, lang, surface, **values)
    filled = {
        name: (
            "".join(_word(k, v, lang, surface) for k, v in value)
            if isinstance(value, tuple) and value and isinstance(value[0], tuple)
            else value
        )
        for name, value in values.items()
    }
    return text(key, lang, surface, **filled)


@dataclass(frozen=True)
class Diagnosis:
    """The verdict of [`diagnose`][rnn_guide.diagnose.diagnose].

    Attributes:
        problems: One plain-language explanation per problem, each with a fix or
            what to check; empty when the call will work.
        summary: How PyTorch reads the input and what it will return, when the
            input shape is valid ("" otherwise).
        shapes: The expected shapes when the input is a valid tensor, else None.
        findings: The problems as data: table keys, values and sure fixes.
        torch_error: What PyTorch itself raises for the call ("Type: message"),
            found by the bounded probe, or None.

    Examples:
        >>> from torch import nn
        >>> import torch
        >>> from rnn_guide import diagnose
        >>> result = diagnose(nn.GRU(5, 6), torch.zeros(7, 3, 5))
        >>> result.ok, result.problems
        (True, [])
        >>> print(result)
        OK: nn.GRU reads the input (7, 3, 5) as seq_len=7, batch=3, features=5
        (batch_first=False). output: (7, 3, 6); h_n: (1, 3, 6); h_0 defaults to zeros.
    """

    problems: list[str] = field(default_factory=list)
    summary: str = ""
    shapes: Shapes | None = None
    findings: tuple[Finding, ...] = ()
    torch_error: str | None = None

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    def __str__(self) -> str:
        """Write "OK: ..." or the numbered problems, one per line."""
        if self.ok:
            return f"OK: {self.summary}"
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count > 1 else ''}:"]
        lines += [f"{number}. {problem}" for number, problem in enumerate(self.problems, 1)]
        return "\n".join(lines)


def _shape_text(shape: tuple[int, ...] | torch.Size) -> str:
    return format_shape(tuple(shape))


def _reading(spec: RNNSpec, shape: tuple[int, ...]) -> Part:
    """How PyTorch names the axes of an input of rank 2 or 3."""
    if len(shape) == 2:
        return ("diagnose.reading.unbatched", {"seq_len": shape[0], "features": shape[1]})
    batch, seq_len = (shape[0], shape[1]) if spec.batch_first else (shape[1], shape[0])
    key = "diagnose.reading.batch_first" if spec.batch_first else "diagnose.reading.time_first"
    return (key, {"batch": batch, "seq_len": seq_len, "features": shape[2]})


def _module_code(spec: RNNSpec, **changes: Any) -> str:
    """The constructor call of a module with `spec` (and `changes`)."""
    spec = replace(spec, **changes)
    args = [str(spec.input_size), str(spec.hidden_size)]
    if spec.num_layers != 1:
        args.append(f"num_layers={spec.num_layers}")
    if spec.bidirectional:
        args.append("bidirectional=True")
    if spec.batch_first:
        args.append("batch_first=True")
    if spec.proj_size:
        args.append(f"proj_size={spec.proj_size}")
    return f"nn.{spec.mode}({', '.join(args)})"


# ---------------------------------------------------------------- the input


def _input_hints(spec: RNNSpec, shape: tuple[int, ...], error: ShapeError) -> list[Part]:
    """Extra advice for a rejected input shape, beyond the ShapeError message."""
    if error.key == "features":
        others = [axis for axis in range(len(shape) - 1) if shape[axis] == spec.input_size]
        if others:
            order = (*(axis for axis in range(len(shape)) if axis != others[0]), others[0])
            return [
                (
                    "diagnose.features_axis",
                    {"axis": others[0], "input_size": spec.input_size, "order": str(order)},
                )
            ]
    if error.key == "rank_too_low" and shape == (spec.input_size,):
        return [("diagnose.one_step", {"input_size": spec.input_size})]
    if error.key == "rank_too_high":
        for axis, size in enumerate(shape):
            squeezed = shape[:axis] + shape[axis + 1 :]
            if size == 1 and len(squeezed) == 3 and squeezed[-1] == spec.input_size:
                return [
                    (
                        "diagnose.squeeze_axis",
                        {"axis": axis, "squeezed": _shape_text(squeezed)},
                    )
                ]
    return []


def _input_fixes(
    spec: RNNSpec, shape: tuple[int, ...], hints: list[Part], has_state: bool
) -> tuple[str, ...]:
    """The hints' fixes that surely work: those that leave a given state's shape right."""
    fixes: list[str] = []
    for key, values in hints:
        if key == "diagnose.features_axis":
            order = tuple(int(axis) for axis in str(values["order"]).strip("()").split(","))
            moved = tuple(shape[axis] for axis in order)
            batch_axis = _batch_axis(spec)
            same_batch = len(shape) != 3 or moved[batch_axis] == shape[batch_axis]
            if same_batch or not has_state:
                fixes.append(f"x = x.permute{values['order']}")
        elif key == "diagnose.one_step" and not has_state:
            fixes.append("x = x.unsqueeze(0)")
        elif key == "diagnose.squeeze_axis" and not has_state:
            fixes.append(f"x = x.squeeze({values['axis']})")
    return tuple(fixes)


def _check_input(
    spec: RNNSpec, input: object, has_state: bool
) -> tuple[list[Finding], Shapes | None, tuple[Part, ...]]:
    """Problems with the input alone; the shapes to hold hx against; the summary."""
    if isinstance(input, PackedSequence):
        data = input.data  # (sum of lengths, features)
        if data.dim() != 2 or data.shape[-1] != spec.input_size:
            return (
                [
                    Finding(
                        (
                            (
                                "diagnose.packed_data",
                                {"shape": _shape_text(data.shape), "input_size": spec.input_size},
                            ),
                        )
                    )
                ],
                None,
                (),
            )
        batch, longest = int(input.batch_sizes[0]), len(input.batch_sizes)
        # Packed input is always time-major inside, whatever batch_first says.
        shapes = expected_shapes(
            replace(spec, batch_first=False), (longest, batch, spec.input_size)
        )
        summary: Part = (
            "diagnose.summary.packed",
            {"mode": spec.mode, "batch": batch, "longest": longest, "features": spec.input_size},
        )
        return [], shapes, (summary,)
    if not isinstance(input, Tensor):
        finding = Finding((("diagnose.input_not_tensor", {"type": type(input).__name__}),))
        return [finding], None, ()
    shape = tuple(input.shape)
    try:
        shapes = expected_shapes(spec, shape)
    except ShapeError as error:
        hints = _input_hints(spec, shape, error)
        parts = (("shape." + error.key, dict(error.values)), *hints)
        return [Finding(parts, _input_fixes(spec, shape, hints, has_state))], None, ()
    key = "diagnose.summary.input" if shapes.batched else "diagnose.summary.unbatched"
    head: Part = (
        key,
        {
            "mode": spec.mode,
            "shape": _shape_text(shape),
            "reading": (_reading(spec, shape),),
            "batch_first": spec.batch_first,
        },
    )
    sizes: list[Part] = [
        (
            "diagnose.summary.shapes",
            {"output": _shape_text(shapes.output), "h_n": _shape_text(shapes.h_n)},
        )
    ]
    if shapes.c_n is not None:
        sizes.append(("diagnose.summary.c_n", {"c_n": _shape_text(shapes.c_n)}))
    return [], shapes, (head, *sizes)


def _state_shapes(spec: RNNSpec, input: object) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """The shapes h_0 and c_0 must have, from the input's rank and batch alone.

    Known whenever the input is a tensor of rank 2 or 3 or a PackedSequence, even if
    its features or seq_len are wrong: so every problem of a call is found at once.
    """
    states = spec.num_directions * spec.num_layers
    if isinstance(input, PackedSequence):
        batch = int(input.batch_sizes[0]) if len(input.batch_sizes) else 0
        return (states, batch, spec.h_out), (states, batch, spec.hidden_size)
    if not isinstance(input, Tensor) or input.dim() not in (2, 3):
        return None
    if input.dim() == 2:
        return (states, spec.h_out), (states, spec.hidden_size)
    batch = int(input.shape[0] if spec.batch_first else input.shape[1])
    return (states, batch, spec.h_out), (states, batch, spec.hidden_size)


# ---------------------------------------------------------------- dtype and device


def _dtype_finding(
    name: str,
    tensor: Tensor,
    weight: Tensor,
    spec: RNNSpec,
    state_dtypes: tuple[torch.dtype, ...] = (),
) -> Finding | None:
    if tensor.dtype == weight.dtype:
        return None
    values: dict[str, object] = {"name": name, "dtype": tensor.dtype, "weight": weight.dtype}
    var = "x" if name == "input" else name
    to_weight = f"{_assign(name)} = {var}.to({weight.dtype})"
    if name != "input":
        return Finding(
            (("diagnose.dtype.state", values),), (_rebuild_state(spec, name, to_weight),)
        )
    if tensor.dtype.is_complex:
        values["doubled"] = 2 * spec.input_size
        module = _module_code(spec, input_size=2 * spec.input_size)
        fix = f"x = torch.view_as_real(x).flatten(-2).to({weight.dtype})\nmodule = {module}"
        return Finding((("diagnose.dtype.complex", values),), (fix,))
    if tensor.dtype == torch.bool:
        return Finding((("diagnose.dtype.bool", values),), (to_weight,))
    if not tensor.dtype.is_floating_point:
        values["input_size"] = spec.input_size
        return Finding((("diagnose.dtype.int", values),), (to_weight,))
    if any(dtype != tensor.dtype for dtype in state_dtypes):
        # Converting the module would leave the state behind: only the input can move.
        return Finding((("diagnose.dtype.float_input", values),), (to_weight,))
    return Finding(
        (("diagnose.dtype.float", values),), (to_weight, f"module = module.to({tensor.dtype})")
    )


def _assign(name: str) -> str:
    return "x" if name == "input" else name


def _rebuild_state(spec: RNNSpec, name: str, statement: str) -> str:
    """A fix that changes h_0 or c_0, written as an assignment to hx."""
    if spec.mode != "LSTM":
        return statement.replace("h_0 =", "hx =", 1)
    pair = "(h_0, c_0)"
    return f"{statement}\nhx = {pair}"


def _device_finding(name: str, tensor: Tensor, weight: Tensor, spec: RNNSpec) -> Finding | None:
    if tensor.device == weight.device:
        return None
    values = {"name": name, "device": tensor.device, "target": weight.device}
    fix = f"{_assign(name)} = {'x' if name == 'input' else name}.to('{weight.device}')"
    if name != "input":
        fix = _rebuild_state(spec, name, fix)
    return Finding((("diagnose.device", values),), (fix,))


# ---------------------------------------------------------------- the form of hx


def _describe(value: object) -> Part:
    if isinstance(value, tuple | list):
        kinds = ", ".join(type(part).__name__ for part in value)
        return (
            "diagnose.described.sequence",
            {"type": type(value).__name__, "count": len(value), "kinds": kinds},
        )
    return ("diagnose.described.one", {"type": type(value).__name__})


def _states(
    spec: RNNSpec, hx: object, expected: tuple[tuple[int, ...], tuple[int, ...]] | None
) -> tuple[list[Finding], list[tuple[str, Tensor, tuple[int, ...] | None]]]:
    """Split hx into named state tensors, or explain why it has the wrong form."""
    expected_h, expected_c = expected if expected else (None, None)
    if spec.mode == "LSTM":
        if isinstance(hx, Tensor):
            wanted: tuple[Part, ...] = ()
            fixes: tuple[str, ...] = ()
            if expected_h is not None and expected_c is not None:
                wanted = (
                    (
                        "diagnose.lstm_one_tensor.wanted",
                        {"h": _shape_text(expected_h), "c": _shape_text(expected_c)},
                    ),
                )
                fixes = (f"hx = (torch.zeros{expected_h}, torch.zeros{expected_c})",)
                if tuple(hx.shape) == expected_h and expected_h == expected_c:
                    fixes = ("hx = (hx, torch.zeros_like(hx))", *fixes)
            values = {"shape": _shape_text(hx.shape), "wanted": wanted}
            return [Finding((("diagnose.lstm_one_tensor", values),), fixes)], []
        if not isinstance(hx, tuple | list) or len(hx) != 2:
            finding = Finding((("diagnose.lstm_pair", {"described": (_describe(hx),)}),))
            return [finding], []
        if not all(isinstance(part, Tensor) for part in hx):
            finding = Finding((("diagnose.lstm_not_tensors", {"described": (_describe(hx),)}),))
            return [finding], []
        return [], [("h_0", hx[0], expected_h), ("c_0", hx[1], expected_c)]
    if isinstance(hx, tuple | list):
        first = hx[0] if hx and isinstance(hx[0], Tensor) else None
        values = {"mode": spec.mode, "described": (_describe(hx),)}
        finding = Finding(
            (("diagnose.tuple_for_rnn", values),), ("hx = hx[0]",) if first is not None else ()
        )
        # Its first tensor is checked as h_0 too: every problem at once.
        return [finding], [] if first is None else [("h_0", first, expected_h)]
    if not isinstance(hx, Tensor):
        return [Finding((("diagnose.hx_not_tensor", {"described": (_describe(hx),)}),))], []
    return [], [("h_0", hx, expected_h)]


# ---------------------------------------------------------------- the shape of h_0, c_0


def _state_finding(
    spec: RNNSpec,
    name: str,
    given: Tensor,
    expected: tuple[int, ...],
    input: object,
    others: tuple[tuple[int, ...], ...] = (),
) -> Finding | None:
    """Explain why h_0 or c_0 has the wrong shape, with the fixes that surely work."""
    shape = tuple(given.shape)
    if shape == expected:
        return None
    size_name = "hidden_size" if name == "c_0" else "H_out"
    layout_key = "diagnose.state.layout3" if len(expected) == 3 else "diagnose.state.layout2"
    head: Part = (
        "diagnose.state.head",
        {
            "name": name,
            "shape": _shape_text(shape),
            "expected": _shape_text(expected),
            "layout": ((layout_key, {"size_name": size_name}),),
        },
    )
    never: Part = ("diagnose.state.never_batch_first", {"name": name, "size_name": size_name})
    zeros = f"{name} = torch.zeros{expected}"
    states = expected[0]
    counts = {"states": states, "directions": spec.num_directions, "layers": spec.num_layers}

    def fix(statement: str) -> str:
        return _rebuild_state(spec, name, statement)

    if len(shape) != len(expected):
        if len(expected) == 3:
            batch = expected[1]
            parts: list[Part] = [head, ("diagnose.state.needs_3d", {"name": name})]
            fixes: list[str] = []
            if shape == (states, expected[2]) and batch == 1:
                parts.append(("diagnose.state.add_batch_axis", {"name": name}))
                fixes.append(f"{name} = {name}.unsqueeze(1)")
            elif shape == (states, expected[2]):
                parts.append(("diagnose.state.repeat_batch", {"name": name, "batch": batch}))
                fixes.append(f"{name} = {name}.unsqueeze(1).expand(-1, {batch}, -1).contiguous()")
            elif shape == expected[1:] and states == 1:
                parts.append(("diagnose.state.add_layer_axis", {"name": name}))
                fixes.append(f"{name} = {name}.unsqueeze(0)")
            elif shape == expected[1:]:
                parts.append(
                    (
                        "diagnose.state.repeat_layers",
                        {"name": name, "expected": _shape_text(expected), **counts},
                    )
                )
                fixes.append(f"{name} = {name}.unsqueeze(0).repeat({states}, 1, 1)")
            else:
                parts.append(("diagnose.state.build", {"expected": _shape_text(expected)}))
            fixes.append(zeros)
            return Finding(tuple(parts), tuple(fix(f) for f in fixes))
        parts = [head, ("diagnose.state.needs_2d", {"name": name})]
        fixes = []
        if len(shape) == 3 and shape[0] == states and shape[2] == expected[1] and shape[1] == 1:
            unsqueeze = "x.unsqueeze(0)" if spec.batch_first else "x.unsqueeze(1)"
            parts.append(("diagnose.state.drop_batch_axis", {"name": name, "unsqueeze": unsqueeze}))
            fixes.append(f"{name} = {name}.squeeze(1)")
            if all(len(other) == 3 and other[1] == 1 for other in others):
                fixes.append(f"x = {unsqueeze}")  # every state already has a batch of 1
        elif len(shape) == 3 and shape[0] == states and shape[2] == expected[1]:
            layout = (
                "(batch, seq_len, features)" if spec.batch_first else "(seq_len, batch, features)"
            )
            parts.append(
                (
                    "diagnose.state.batch_of_many",
                    {"name": name, "batch": shape[1], "layout": layout},
                )
            )
        else:
            parts.append(("diagnose.state.build", {"expected": _shape_text(expected)}))
        fixes.append(zeros)
        return Finding(tuple(parts), tuple(fix(f) for f in fixes))
    if len(shape) == 3 and shape == (expected[1], expected[0], expected[2]):
        values = {"name": name, "size_name": size_name, "never": (never,)}
        return Finding(
            (head, ("diagnose.state.batch_first", values)),
            (fix(f"{name} = {name}.transpose(0, 1).contiguous()"), fix(zeros)),
        )
    parts = [head]
    fixes = []
    wrong = [axis for axis in range(len(shape)) if shape[axis] != expected[axis]]
    if shape[0] != states:
        parts.append(("diagnose.state.axis0", {"got": shape[0], **counts}))
    if len(shape) == 3 and shape[1] != expected[1]:
        parts += _batch_parts(spec, name, shape, expected, input, wrong)
        parts.append(("diagnose.state.never_suffix", {"never": (never,)}))
        if (
            wrong == [1]
            and isinstance(input, Tensor)
            and input.shape[1 - _batch_axis(spec)] == shape[1]
            and all(len(other) == 3 and other[1] == shape[1] for other in others)
        ):
            fixes += [
                "x = x.transpose(0, 1)",
                f"module = {_module_code(spec, batch_first=not spec.batch_first)}",
            ]
    if shape[-1] != expected[-1]:
        sizes: dict[str, object] = {"got": shape[-1], "expected": expected[-1]}
        if name == "h_0" and spec.proj_size > 0:
            parts.append(("diagnose.state.last_axis_proj", {**sizes, "proj_size": spec.proj_size}))
        elif name == "c_0" and spec.proj_size > 0:
            parts.append(("diagnose.state.last_axis_cell", sizes))
        else:
            parts.append(("diagnose.state.last_axis", {**sizes, "hidden_size": spec.hidden_size}))
    parts.append(("diagnose.state.for_example", {"expected": _shape_text(expected)}))
    fixes.append(zeros)
    return Finding(tuple(parts), tuple(fix(f) for f in fixes))


def _batch_axis(spec: RNNSpec) -> int:
    return 0 if spec.batch_first else 1


def _batch_parts(
    spec: RNNSpec,
    name: str,
    shape: tuple[int, ...],
    expected: tuple[int, ...],
    input: object,
    wrong: list[int],
) -> list[Part]:
    """Which input axis PyTorch took as the batch, and the other reading."""
    if not isinstance(input, Tensor):  # a PackedSequence: its batch is fixed
        return [("diagnose.state.packed_batch", {"got": shape[1], "batch": expected[1]})]
    in_shape = tuple(input.shape)
    batch_axis = _batch_axis(spec)
    parts: list[Part] = [
        (
            "diagnose.state.batch",
            {
                "got": shape[1],
                "batch": expected[1],
                "batch_first": spec.batch_first,
                "shape": _shape_text(in_shape),
                "reading": (_reading(spec, in_shape),),
                "axis": batch_axis,
            },
        )
    ]
    if in_shape[1 - batch_axis] == shape[1]:
        flipped = replace(spec, batch_first=not spec.batch_first)
        key = "diagnose.state.flip_fits" if wrong == [1] else "diagnose.state.flip_batch"
        parts.append(
            (
                key,
                {
                    "flipped": (_reading(flipped, in_shape),),
                    "flipped_bf": flipped.batch_first,
                    "name": name,
                },
            )
        )
    parts.append(
        (
            "diagnose.state.batch_right",
            {"batch": expected[1], "name": name, "expected": _shape_text(expected)},
        )
    )
    return parts


# ---------------------------------------------------------------- the probe


def _weight(module: nn.Module | RNNSpec) -> Tensor | None:
    """The first input weight, read through attribute access (applies parametrizations)."""
    if isinstance(module, RNNSpec):
        return None
    weight = getattr(module, "weight_ih_l0", None)
    return weight if isinstance(weight, Tensor) else None


def _free(tensor: Tensor, shape: tuple[int, ...] | None = None) -> Tensor:
    """A CPU tensor of `tensor`'s dtype and shape that takes one element of memory."""
    size = tuple(tensor.shape) if shape is None else shape
    return torch.zeros((), dtype=tensor.dtype).expand(size)


def _probe_module(
    spec: RNNSpec, layers: int, dtype: torch.dtype, device: str, **sizes: int
) -> nn.RNNBase:
    kwargs: dict[str, Any] = {
        "num_layers": layers,
        "bidirectional": spec.bidirectional,
        "batch_first": spec.batch_first,
        "device": device,
        "dtype": dtype,
    }
    input_size = sizes.get("input_size", spec.input_size)
    hidden_size = sizes.get("hidden_size", spec.hidden_size)
    if spec.mode == "LSTM":
        kwargs["proj_size"] = sizes.get("proj_size", spec.proj_size)
    module: nn.RNNBase = getattr(nn, spec.mode)(input_size, hidden_size, **kwargs)
    return module


def _first_line(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}".splitlines()[0]


def _call(module: nn.Module, x: object, hx: object) -> str | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            module(x) if hx is None else module(x, hx)
        except Exception as error:  # whatever torch raises is what the reader will see
            return _first_line(error)
    return None


def _map_tensors(value: object, convert: Any) -> object:
    if isinstance(value, Tensor):
        return convert(value)
    if isinstance(value, tuple | list):
        return type(value)(_map_tensors(part, convert) for part in value)
    return value


def torch_error(module: nn.Module | RNNSpec, input: object, hx: object = None) -> str | None:
    """What PyTorch raises for `module(input, hx)`, found by a bounded probe.

    The module itself never runs. Two probes stand in for it:

    1. The shape checks: a module of the same kind and sizes on the meta device (at
       most `PROBE_MAX_LAYERS` layers, weights that take no memory), fed CPU tensors
       of the call's shapes and dtypes that take one element of memory each. When
       every check passes, torch stops at once because the module is on another
       device, before any time step runs.
    2. The arithmetic (dtype mismatches of h_0 and c_0): a one-step module of one
       input feature and two hidden units with the module's dtype, fed tensors of
       the call's dtypes, when the module and the tensors are on the CPU.

    Args:
        module: An nn.RNN, nn.GRU or nn.LSTM, or its RNNSpec (float32 weights).
        input: The input: a tensor or a PackedSequence.
        hx: The initial state, or None.

    Returns:
        The first line of torch's message, "Type: message", or None when torch
        accepts the call or the probe cannot stand in for it (more than
        `PROBE_MAX_LAYERS` layers with a given hx, another device than the CPU).

    Examples:
        >>> import torch
        >>> from torch import nn
        >>> torch_error(nn.GRU(5, 6, num_layers=2), torch.zeros(7, 3, 4), torch.zeros(2, 3, 6))
        'RuntimeError: input.size(-1) must be equal to input_size. Expected 5, got 4'
        >>> torch_error(nn.GRU(5, 6), torch.zeros(7, 3, 5), torch.zeros(1, 3, 6).double())
        'RuntimeError: mat1 and mat2 must have the same dtype, but got Double and Float'
        >>> torch_error(nn.GRU(5, 6), torch.zeros(7, 3, 5)) is None
        True
    """
    spec = module if isinstance(module, RNNSpec) else RNNSpec.from_module(module)
    weight = _weight(module)
    dtype = weight.dtype if weight is not None else torch.float32
    if hx is not None and spec.num_layers > PROBE_MAX_LAYERS:
        return None  # torch's message would name the probe's layer count, not the module's
    layers = min(spec.num_layers, PROBE_MAX_LAYERS)
    try:
        checks = _probe_module(spec, layers, dtype, "meta")
    except Exception:  # sizes the meta device cannot hold: no quote
        return None
    probe_input: object = input
    state = hx
    if isinstance(input, PackedSequence):
        probe_input = PackedSequence(_free(input.data), input.batch_sizes.cpu(), None, None)
    elif isinstance(input, Tensor):
        probe_input = _free(input)
    state = _map_tensors(hx, _free)
    if hx is None and isinstance(probe_input, Tensor | PackedSequence):
        expected = _state_shapes(replace(spec, num_layers=layers), input)
        data = probe_input.data if isinstance(probe_input, PackedSequence) else probe_input
        if expected is not None and data.dim() in (2, 3):
            # Given states of the right shape: torch would otherwise allocate zeros.
            h = torch.zeros((), dtype=data.dtype).expand(expected[0])
            c = torch.zeros((), dtype=data.dtype).expand(expected[1])
            state = (h, c) if spec.mode == "LSTM" else h
    message = _call(checks, probe_input, state)
    sentinel = "not at the same device, found input tensor at cpu and parameter tensor at meta"
    if message is None or sentinel not in message:
        return message
    # The shapes pass. The arithmetic: tiny sizes, the call's dtypes, on the CPU.
    tensors = [t for t in _tensors(input) + _tensors(hx)]
    if weight is not None and weight.device.type != "cpu":
        return None
    if any(t.device.type != "cpu" for t in tensors):
        return None
    hidden = 2
    tiny = _probe_module(
        spec,
        1,
        dtype,
        "cpu",
        input_size=1,
        hidden_size=hidden,
        proj_size=1 if spec.proj_size else 0,
    )
    batched = not (isinstance(input, Tensor) and input.dim() == 2)
    h_size = 1 if spec.proj_size else hidden
    # One step of one sequence, or none where the call has none (torch checks seq_len 0).
    steps, batch = 1, 1
    if isinstance(input, Tensor):
        steps = min(int(input.shape[1 if batched and spec.batch_first else 0]), 1)
        if batched:
            batch = min(int(input.shape[0 if spec.batch_first else 1]), 1)

    def small(tensor: Tensor, size: int) -> Tensor:
        shape = (spec.num_directions, batch, size) if batched else (spec.num_directions, size)
        return torch.zeros(shape, dtype=tensor.dtype)

    if isinstance(input, PackedSequence):
        tiny_input: object = PackedSequence(
            torch.zeros(1, 1, dtype=input.data.dtype), torch.ones(1, dtype=torch.int64), None, None
        )
    else:
        assert isinstance(input, Tensor)
        layout = (batch, steps) if spec.batch_first else (steps, batch)
        tiny_input = torch.zeros((*layout, 1) if batched else (steps, 1), dtype=input.dtype)
    if spec.mode == "LSTM" and isinstance(hx, tuple | list):
        sizes = [h_size, hidden] + [hidden] * max(0, len(hx) - 2)
        tiny_state: object = type(hx)(
            small(part, size) if isinstance(part, Tensor) else part
            for part, size in zip(hx, sizes, strict=False)
        )
    else:
        tiny_state = _map_tensors(hx, lambda t: small(t, h_size))
    return _call(tiny, tiny_input, tiny_state)


def _tensors(value: object) -> list[Tensor]:
    if isinstance(value, Tensor):
        return [value]
    if isinstance(value, PackedSequence):
        return [value.data]
    if isinstance(value, tuple | list):
        return [t for part in value for t in _tensors(part)]
    return []


# ---------------------------------------------------------------- diagnose


def diagnose(
    module: nn.Module | RNNSpec,
    input: object,
    hx: object = None,
    *,
    lang: Lang = "en",
    surface: Surface = "python",
    probe: bool = True,
) -> Diagnosis:
    """Check `module(input, hx)` by shape arithmetic and explain every problem.

    The module is never called: nothing runs, nothing is trained, no hook fires.
    Checks, each with a plain-language fix: the input's type, rank, feature size and
    seq_len; which axis PyTorch takes as the batch under batch_first, and whether
    the other reading would fit h_0; the form of hx (a tuple (h_0, c_0) for LSTM,
    one tensor otherwise); the rank and shape of h_0 and c_0, including a batch-first
    h_0; dtype and device against the module's weights. Every problem is reported,
    in this order, even when the input itself is already wrong.

    Args:
        module: An nn.RNN, nn.GRU or nn.LSTM (parametrized ones too), or the RNNSpec
            of one (then dtype and device are not checked).
        input: What you would pass as input: a tensor or a PackedSequence.
        hx: What you would pass as the initial state, or None (zeros).
        lang: The language of the problems and summary, "en" or "zh".
        surface: "python" (the default) or "cli": how arguments are written.
        probe: Also find torch's own message with [`torch_error`][rnn_guide.diagnose.torch_error].

    Returns:
        A Diagnosis: `.ok`, `.problems`, `.findings`, `.torch_error` and a readable `str()`.

    Raises:
        ShapeError: If `module` is not nn.RNN, nn.GRU or nn.LSTM.

    Examples:
        The classic mistake: data laid out (batch, seq_len, features) but batch_first
        left at False.

        >>> import torch
        >>> from torch import nn
        >>> from rnn_guide import diagnose
        >>> rnn = nn.RNN(5, 6, 1)
        >>> result = diagnose(rnn, torch.zeros(1, 3, 5), torch.zeros(1, 1, 6))
        >>> result.ok
        False
        >>> print(result)
        1 problem:
        1. h_0 has shape (1, 1, 6) but must be (1, 3, 6), that is (D*num_layers, batch, H_out).
        Its batch (axis 1) is 1, the input's is 3. With batch_first=False, PyTorch reads the
        input (1, 3, 5) as seq_len=1, batch=3, features=5: axis 1 is the batch. If you meant
        batch=1, seq_len=3, features=5, build the module with batch_first=True (or swap the
        input's first two axes with x.transpose(0, 1)); then this h_0 fits. If batch=3 is
        right, make h_0 (1, 3, 6). h_0 is never batch-first, whatever batch_first says: it
        is always (D*num_layers, batch, H_out). For example torch.zeros(1, 3, 6) fits.
        >>> for fix in result.findings[0].fixes:
        ...     print(fix)
        x = x.transpose(0, 1)
        module = nn.RNN(5, 6, batch_first=True)
        hx = torch.zeros(1, 3, 6)
        >>> result.torch_error
        'RuntimeError: Expected hidden size (1, 3, 6), got [1, 1, 6]'

        Every problem, even when the input is already wrong:

        >>> x, h_0 = torch.zeros(7, 3, 4), torch.zeros(2, 3, 6)
        >>> for problem in diagnose(nn.GRU(5, 6), x, h_0).problems:
        ...     print(problem[:62])
        input has 4 features (last axis) but input_size is 5: make the
        h_0 has shape (2, 3, 6) but must be (1, 3, 6), that is (D*num_
        >>> diagnose(nn.LSTM(5, 6), torch.zeros(1, 3, 5), torch.zeros(1, 3, 6)).problems[0]
        'nn.LSTM takes its state as a tuple (h_0, c_0), but hx is one tensor ...'
    """
    spec = module if isinstance(module, RNNSpec) else RNNSpec.from_module(module)
    weight = _weight(module)
    findings, shapes, summary = _check_input(spec, input, hx is not None)
    data = input.data if isinstance(input, PackedSequence) else input
    state_dtypes = tuple(t.dtype for t in _tensors(hx))
    if weight is not None and isinstance(data, Tensor):
        findings += [f for f in (_dtype_finding("input", data, weight, spec, state_dtypes),) if f]
        findings += [f for f in (_device_finding("input", data, weight, spec),) if f]

    summary_parts = list(summary)
    if hx is None:
        if shapes:
            summary_parts.append(("diagnose.summary.default_state", {}))
    else:
        expected = _state_shapes(spec, input)
        form, states = _states(spec, hx, expected)
        findings += form
        for name, tensor, wanted in states:
            others = tuple(tuple(t.shape) for other, t, _ in states if other != name)
            if wanted is not None:
                finding = _state_finding(spec, name, tensor, wanted, input, others)
                findings += [finding] if finding else []
        for name, tensor, _ in states:
            if weight is not None:
                findings += [f for f in (_dtype_finding(name, tensor, weight, spec),) if f]
                findings += [f for f in (_device_finding(name, tensor, weight, spec),) if f]
        if shapes:
            summary_parts.append(("diagnose.summary.state_fits", {}))
    words = "".join(_word(key, values, lang, surface) for key, values in summary_parts)
    return Diagnosis(
        problems=[finding.text(lang, surface) for finding in findings],
        summary=words,
        shapes=None if isinstance(input, PackedSequence) else shapes,
        findings=tuple(findings),
        torch_error=torch_error(module, input, hx) if probe else None,
    )
