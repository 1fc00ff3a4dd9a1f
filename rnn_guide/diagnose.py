"""Explain, in plain words, why `module(input, hx)` fails or what it will do.

PyTorch's own messages say which shape it expected, not why: not which axis it took
as the batch, nor that h_0 keeps its (layers, batch, features) layout under
batch_first=True. [`diagnose`][rnn_guide.diagnose.diagnose] says both. It only does
shape arithmetic with [`expected_shapes`][rnn_guide.shapes.expected_shapes] and
never runs the module, so it is safe on any input, however wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from torch import Tensor, nn
from torch.nn.utils.rnn import PackedSequence

from rnn_guide.shapes import RNNSpec, ShapeError, Shapes, expected_shapes, format_shape

__all__ = ["Diagnosis", "diagnose"]


def _never_batch_first(name: str) -> str:
    """The rule people miss, for h_0 or c_0."""
    size_name = "hidden_size" if name == "c_0" else "H_out"
    return (
        f"{name} is never batch-first, whatever batch_first says: "
        f"it is always (D*num_layers, batch, {size_name})."
    )


@dataclass(frozen=True)
class Diagnosis:
    """The verdict of [`diagnose`][rnn_guide.diagnose.diagnose].

    Attributes:
        problems: One plain-language explanation per problem, each with a fix;
            empty when the call will work.
        summary: How PyTorch reads the input and what it will return, when the
            input shape is valid ("" otherwise).
        shapes: The expected shapes when the input is a valid tensor, else None.

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


def _reading(spec: RNNSpec, shape: tuple[int, ...]) -> str:
    """How PyTorch names the axes of a valid input shape."""
    if len(shape) == 2:
        return f"one unbatched sequence, seq_len={shape[0]}, features={shape[1]}"
    if spec.batch_first:
        return f"batch={shape[0]}, seq_len={shape[1]}, features={shape[2]}"
    return f"seq_len={shape[0]}, batch={shape[1]}, features={shape[2]}"


def _input_hints(spec: RNNSpec, shape: tuple[int, ...], error: ShapeError) -> str:
    """Extra advice for a rejected input shape, beyond the ShapeError message."""
    if error.key == "features":
        others = [axis for axis in range(len(shape) - 1) if shape[axis] == spec.input_size]
        if others:
            # Move that axis last and keep the others in order.
            order = [axis for axis in range(len(shape)) if axis != others[0]] + [others[0]]
            return (
                f" Axis {others[0]} has size {spec.input_size}, which is input_size: the "
                f"features are probably there. Move them last with x.permute{tuple(order)}."
            )
    return ""


def _check_input(spec: RNNSpec, input: object) -> tuple[list[str], Shapes | None, str]:
    """Problems with the input alone; the shapes to hold hx against; a summary."""
    if isinstance(input, PackedSequence):
        data = input.data  # (sum of lengths, features)
        if data.dim() != 2 or data.shape[-1] != spec.input_size:
            return (
                [
                    f"the packed data has shape {format_shape(data.shape)} but must be "
                    f"(total steps, {spec.input_size}): pack tensors whose last axis is "
                    f"input_size={spec.input_size}."
                ],
                None,
                "",
            )
        batch, longest = int(input.batch_sizes[0]), len(input.batch_sizes)
        # Packed input is always time-major inside, whatever batch_first says.
        time_major = replace(spec, batch_first=False)
        shapes = expected_shapes(time_major, (longest, batch, spec.input_size))
        summary = (
            f"nn.{spec.mode} reads a PackedSequence of {batch} sequences, the longest "
            f"{longest} steps, features={spec.input_size}; output is packed too"
        )
        return [], shapes, summary
    if not isinstance(input, Tensor):
        return (
            [
                f"input is a {type(input).__name__}, not a tensor: convert it with "
                "torch.tensor(...) or torch.stack(...), or pack it with "
                "torch.nn.utils.rnn.pack_sequence."
            ],
            None,
            "",
        )
    shape = tuple(input.shape)
    try:
        shapes = expected_shapes(spec, shape)
    except ShapeError as error:
        return [str(error) + _input_hints(spec, shape, error)], None, ""
    layout = f"batch_first={spec.batch_first}" if shapes.batched else "batch_first does not apply"
    summary = f"nn.{spec.mode} reads the input {format_shape(shape)} as {_reading(spec, shape)}"
    summary += f" ({layout} to 2-D input)." if not shapes.batched else f" ({layout})."
    summary += f" output: {format_shape(shapes.output)}; h_n: {format_shape(shapes.h_n)}"
    if shapes.c_n is not None:
        summary += f"; c_n: {format_shape(shapes.c_n)}"
    return [], shapes, summary


def _check_dtype(name: str, tensor: Tensor, weight: Tensor) -> list[str]:
    """Dtype and device must match the module's weights."""
    problems = []
    if tensor.dtype != weight.dtype:
        fix = (
            f"convert it with {name}.to({weight.dtype}), "
            f"or the module with module.to({tensor.dtype})"
        )
        if not tensor.dtype.is_floating_point:
            fix = (
                f"integer values look like token ids: turn them into vectors with "
                f"nn.Embedding(vocab_size, {weight.shape[1]}) first, or convert them with "
                f"{name}.to({weight.dtype})"
            )
        problems.append(
            f"{name} has dtype {tensor.dtype} but the module's weights are {weight.dtype}: {fix}."
        )
    if tensor.device != weight.device:
        problems.append(
            f"{name} is on {tensor.device} but the module is on {weight.device}: "
            f"move it with {name}.to({str(weight.device)!r})."
        )
    return problems


def _batch_advice(
    spec: RNNSpec, name: str, given_batch: int, expected: tuple[int, ...], input: object
) -> str:
    """Explain which input axis PyTorch took as the batch, and the other reading."""
    if isinstance(input, PackedSequence):
        return f" The PackedSequence holds {expected[1]} sequences, so that is the batch."
    if not isinstance(input, Tensor):
        return ""
    shape = tuple(input.shape)
    batch_axis, other_axis = (0, 1) if spec.batch_first else (1, 0)
    text = (
        f" With batch_first={spec.batch_first}, PyTorch reads the input {format_shape(shape)} "
        f"as {_reading(spec, shape)}: axis {batch_axis} is the batch."
    )
    if shape[other_axis] == given_batch:
        flipped = replace(spec, batch_first=not spec.batch_first)
        text += (
            f" If you meant {_reading(flipped, shape)}, build the module with "
            f"batch_first={flipped.batch_first} (or swap the input's first two axes with "
            f"x.transpose(0, 1)); then this {name} fits."
        )
    return text + f" If batch={shape[batch_axis]} is right, make {name} {format_shape(expected)}."


def _check_state_shape(
    spec: RNNSpec, name: str, given: Tensor, expected: tuple[int, ...], input: object
) -> list[str]:
    """Explain why one of h_0 or c_0 has the wrong shape."""
    shape = tuple(given.shape)
    if shape == expected:
        return []
    size_name = "hidden_size" if name == "c_0" else "H_out"
    if len(expected) == 3:
        layout = f"(D*num_layers, batch, {size_name})"
    else:
        layout = f"(D*num_layers, {size_name})"
    head = f"{name} has shape {format_shape(shape)} but must be {format_shape(expected)}, "
    head += f"that is {layout}."
    if len(shape) != len(expected):
        if len(expected) == 3:
            fix = f" The input is a batch (3-D), so {name} must be 3-D too"
            if shape == (expected[0], expected[2]) and expected[1] == 1:
                fix += f": add the batch axis with {name}.unsqueeze(1)."
            elif shape == (expected[0], expected[2]):
                fix += (
                    f": add the batch axis and repeat it for the input's batch of "
                    f"{expected[1]}, {name}.unsqueeze(1).expand(-1, {expected[1]}, -1)."
                )
            elif shape == expected[1:]:
                fix += f": add the layer axis with {name}.unsqueeze(0)."
            else:
                fix += "."
        else:
            fix = (
                f" The input is one unbatched sequence (2-D), so {name} must be 2-D too: "
                f"drop its batch axis (e.g. {name}.squeeze(1)), or give the input a batch axis."
            )
        return [head + fix]
    if len(shape) == 3 and shape == (expected[1], expected[0], expected[2]):
        return [
            head
            + f" It looks batch-first, (batch, D*num_layers, {size_name}). "
            + _never_batch_first(name)
            + f" Swap its first two axes: {name}.transpose(0, 1).contiguous()."
        ]
    parts = []
    states = expected[0]
    if shape[0] != states:
        parts.append(
            f" Axis 0 is {shape[0]} but the module keeps one state per layer and direction: "
            f"D*num_layers = {spec.num_directions}*{spec.num_layers} = {states}."
        )
    if len(shape) == 3 and shape[1] != expected[1]:
        parts.append(
            f" Its batch (axis 1) is {shape[1]}, the input's is {expected[1]}."
            + _batch_advice(spec, name, shape[1], expected, input)
            + " "
            + _never_batch_first(name)
        )
    if shape[-1] != expected[-1]:
        size = f" The last axis is {shape[-1]} but must be {expected[-1]}"
        if name == "h_0" and spec.proj_size > 0:
            size += f": with proj_size={spec.proj_size}, h is projected down to proj_size."
        elif name == "c_0" and spec.proj_size > 0:
            size += ": c keeps hidden_size even with proj_size (only h is projected)."
        else:
            size += f", the module's hidden_size={spec.hidden_size}."
        parts.append(size)
    return [head + "".join(parts)]


def _states(
    spec: RNNSpec, hx: object, shapes: Shapes | None
) -> tuple[list[str], list[tuple[str, Tensor, tuple[int, ...] | None]]]:
    """Split hx into named state tensors, or explain why it has the wrong form."""
    expected_h = shapes.h_n if shapes else None
    if spec.mode == "LSTM":
        expected_c = shapes.c_n if shapes else None
        if isinstance(hx, Tensor):
            wanted = ""
            if expected_h is not None and expected_c is not None:
                wanted = (
                    f" with h_0 of shape {format_shape(expected_h)} and c_0 of shape "
                    f"{format_shape(expected_c)} (zeros if you have no cell state yet)"
                )
            return [
                f"nn.LSTM takes its state as a tuple (h_0, c_0), but hx is one tensor of "
                f"shape {format_shape(hx.shape)}; PyTorch then fails with a confusing "
                f"IndexError. Pass hx=(h_0, c_0){wanted}."
            ], []
        if not isinstance(hx, tuple | list) or len(hx) != 2:
            return [
                f"nn.LSTM takes its state as a tuple (h_0, c_0), got {_describe(hx)}: "
                "pass exactly two tensors."
            ], []
        if not all(isinstance(part, Tensor) for part in hx):
            return [f"hx must be two tensors (h_0, c_0), got {_describe(hx)}."], []
        return [], [("h_0", hx[0], expected_h), ("c_0", hx[1], expected_c)]
    if isinstance(hx, tuple | list):
        return [
            f"nn.{spec.mode} takes h_0 as one tensor, but hx is {_describe(hx)}: "
            "a tuple (h_0, c_0) is only for nn.LSTM. Pass the h_0 tensor alone."
        ], []
    if not isinstance(hx, Tensor):
        return [f"hx must be a tensor (h_0), got {_describe(hx)}."], []
    return [], [("h_0", hx, expected_h)]


def _describe(value: object) -> str:
    if isinstance(value, tuple | list):
        kinds = ", ".join(type(part).__name__ for part in value)
        return f"a {type(value).__name__} of {len(value)} ({kinds})"
    return f"a {type(value).__name__}"


def diagnose(module: nn.Module, input: object, hx: object = None) -> Diagnosis:
    """Check `module(input, hx)` by shape arithmetic and explain every problem.

    The module is never called: nothing runs, nothing is trained, no hook fires.
    Checks, each with a plain-language fix: the input's type, rank, feature size and
    seq_len; which axis PyTorch takes as the batch under batch_first, and whether
    the other reading would fit h_0; the form of hx (a tuple (h_0, c_0) for LSTM,
    one tensor otherwise); the rank and shape of h_0 and c_0, including a batch-first
    h_0; dtype and device against the module's weights.

    Args:
        module: An nn.RNN, nn.GRU or nn.LSTM.
        input: What you would pass as input: a tensor or a PackedSequence.
        hx: What you would pass as the initial state, or None (zeros).

    Returns:
        A Diagnosis: `.ok`, `.problems`, and a readable `str()`.

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
        is always (D*num_layers, batch, H_out).
        >>> diagnose(nn.LSTM(5, 6), torch.zeros(1, 3, 5), torch.zeros(1, 3, 6)).problems[0]
        'nn.LSTM takes its state as a tuple (h_0, c_0), but hx is one tensor ...'
    """
    spec = RNNSpec.from_module(module)
    weight = module.get_parameter("weight_ih_l0")  # the dtype and device to match
    problems, shapes, summary = _check_input(spec, input)
    if isinstance(input, PackedSequence):
        problems += _check_dtype("input", input.data, weight)
    elif isinstance(input, Tensor):
        problems += _check_dtype("input", input, weight)

    if hx is None:
        summary += "; h_0 defaults to zeros." if shapes else ""
    else:
        form_problems, states = _states(spec, hx, shapes)
        problems += form_problems
        for name, tensor, expected in states:
            problems += _check_dtype(name, tensor, weight)
            if expected is not None:
                problems += _check_state_shape(spec, name, tensor, expected, input)
        summary += "; the given state fits." if shapes else ""
    return Diagnosis(
        problems=problems,
        summary=summary,
        shapes=None if isinstance(input, PackedSequence) else shapes,
    )
