"""The shape rules of rnn_guide.shapes, checked against torch itself."""

from __future__ import annotations

import dataclasses
import string
import subprocess
import sys
from typing import Any

import numpy as np
import pytest
import torch
from hypothesis import event, given, settings
from hypothesis import strategies as st
from torch import nn

from rnn_guide import MESSAGES, RNNSpec, ShapeError, Shapes, expected_shapes, format_shape

# Deterministic and bounded: the same examples on every run, no example database on disk.
CHECK = settings(max_examples=200, deadline=None, derandomize=True, database=None)

# On CPU, float32 LSTM with proj_size warns that oneDNN does not support it; harmless here.
PROJ_WARNING = "ignore:LSTM with projections is not supported with oneDNN:UserWarning"


@st.composite
def specs(draw: st.DrawFn) -> RNNSpec:
    mode = draw(st.sampled_from(["RNN", "GRU", "LSTM"]))
    hidden_size = draw(st.integers(1, 4))
    proj_size = draw(st.integers(0, hidden_size - 1)) if mode == "LSTM" else 0
    return RNNSpec(
        mode=mode,  # type: ignore[arg-type]
        input_size=draw(st.integers(1, 4)),
        hidden_size=hidden_size,
        num_layers=draw(st.integers(1, 3)),
        bidirectional=draw(st.booleans()),
        batch_first=draw(st.booleans()),
        proj_size=proj_size,
    )


def build(spec: RNNSpec) -> nn.RNNBase:
    """The real torch module described by `spec`."""
    kwargs: dict[str, Any] = {
        "num_layers": spec.num_layers,
        "bidirectional": spec.bidirectional,
        "batch_first": spec.batch_first,
    }
    if spec.mode == "LSTM":
        kwargs["proj_size"] = spec.proj_size
    module: nn.RNNBase = getattr(nn, spec.mode)(spec.input_size, spec.hidden_size, **kwargs)
    return module


def torch_shapes(module: nn.RNNBase, shape: tuple[int, ...]) -> Shapes:
    """Run the module on zeros and record what comes out."""
    with torch.no_grad():
        output, state = module(torch.zeros(shape))
    h_n, c_n = state if isinstance(state, tuple) else (state, None)
    return Shapes(
        input=shape,
        output=tuple(output.shape),
        h_n=tuple(h_n.shape),
        c_n=None if c_n is None else tuple(c_n.shape),
        batched=len(shape) == 3,
    )


@st.composite
def valid_inputs(draw: st.DrawFn) -> tuple[RNNSpec, tuple[int, ...]]:
    spec = draw(specs())
    seq_len = draw(st.integers(1, 4))
    if draw(st.booleans()):  # unbatched: (seq_len, features) whatever batch_first says
        return spec, (seq_len, spec.input_size)
    batch = draw(st.integers(0, 3))  # torch accepts an empty batch
    first, second = (batch, seq_len) if spec.batch_first else (seq_len, batch)
    return spec, (first, second, spec.input_size)


@CHECK
@given(valid_inputs())
@pytest.mark.filterwarnings(PROJ_WARNING)
def test_expected_shapes_equal_torch(case: tuple[RNNSpec, tuple[int, ...]]) -> None:
    spec, shape = case
    assert expected_shapes(spec, shape) == torch_shapes(build(spec), shape)


@st.composite
def any_inputs(draw: st.DrawFn) -> tuple[RNNSpec, tuple[int, ...]]:
    """Shapes of any rank from 0 to 5, right or wrong, with the right feature size often."""
    spec = draw(specs())
    rank = draw(st.sampled_from([2, 3, 3, 3, 0, 1, 4, 5]))
    sizes = draw(st.lists(st.sampled_from([1, 2, 3, 0]), min_size=rank, max_size=rank))
    if sizes and draw(st.sampled_from([True, True, True, False])):
        sizes[-1] = spec.input_size
    return spec, tuple(sizes)


@CHECK
@given(any_inputs())
@pytest.mark.filterwarnings(PROJ_WARNING)
def test_shape_error_exactly_where_torch_raises(case: tuple[RNNSpec, tuple[int, ...]]) -> None:
    spec, shape = case
    try:
        torch_result: Shapes | None = torch_shapes(build(spec), shape)
    except (ValueError, RuntimeError):
        torch_result = None
    event(f"torch accepts: {torch_result is not None}")
    if torch_result is None:
        with pytest.raises(ShapeError):
            expected_shapes(spec, shape)
    else:
        assert expected_shapes(spec, shape) == torch_result


@CHECK
@given(
    mode=st.sampled_from(["RNN", "GRU", "LSTM"]),
    input_size=st.sampled_from([1, 2, 3, 0, -1]),
    hidden_size=st.sampled_from([1, 2, 3, 4, 0, -1]),
    num_layers=st.sampled_from([1, 2, 3, 0, -1]),
    proj_size=st.sampled_from([0, 0, 0, 1, 2, 3, 4, -1]),
)
def test_spec_rejected_exactly_where_torch_constructor_rejects(
    mode: str, input_size: int, hidden_size: int, num_layers: int, proj_size: int
) -> None:
    # nn.RNN and nn.GRU reject the proj_size keyword itself, even proj_size=0.
    extra = {"proj_size": proj_size} if mode == "LSTM" or proj_size != 0 else {}
    try:
        getattr(nn, mode)(input_size, hidden_size, num_layers, **extra)
        torch_accepts = True
    except ValueError:
        torch_accepts = False
    event(f"torch accepts: {torch_accepts}")
    try:
        RNNSpec(mode, input_size, hidden_size, num_layers, proj_size=proj_size)  # type: ignore[arg-type]
        we_accept = True
    except ShapeError:
        we_accept = False
    assert we_accept == torch_accepts


@CHECK
@given(specs())
def test_from_module_reads_back_the_spec(spec: RNNSpec) -> None:
    assert RNNSpec.from_module(build(spec)) == spec


def test_from_module_knows_relu_rnn_and_the_base_class() -> None:
    assert RNNSpec.from_module(nn.RNN(2, 3, nonlinearity="relu")).mode == "RNN"
    assert RNNSpec.from_module(nn.RNNBase("GRU", 2, 3)).mode == "GRU"


@pytest.mark.parametrize("module", [nn.Linear(2, 3), nn.RNNCell(2, 3), nn.Sequential()])
def test_from_module_rejects_anything_else(module: nn.Module) -> None:
    with pytest.raises(ShapeError, match=r"must be nn\.RNN, nn\.GRU or nn\.LSTM") as error:
        RNNSpec.from_module(module)
    assert error.value.key == "not_module"
    assert "model.rnn" in str(error.value)


def test_the_facts_sheet_example() -> None:
    spec = RNNSpec("LSTM", 10, 20, num_layers=2, bidirectional=True, proj_size=5)
    shapes = expected_shapes(spec, (7, 3, 10))
    assert (shapes.output, shapes.h_n, shapes.c_n) == ((7, 3, 10), (4, 3, 5), (4, 3, 20))


def test_h_n_is_never_batch_first() -> None:
    spec = RNNSpec("RNN", 5, 6, num_layers=2, batch_first=True)
    shapes = expected_shapes(spec, (3, 7, 5))  # batch 3, seq_len 7
    assert shapes.output == (3, 7, 6)
    assert shapes.h_n == (2, 3, 6)


def test_unbatched_input_ignores_batch_first() -> None:
    for batch_first in (False, True):
        spec = RNNSpec("GRU", 5, 6, batch_first=batch_first)
        assert expected_shapes(spec, (7, 5)) == Shapes((7, 5), (7, 6), (1, 6), None, False)


def test_properties() -> None:
    spec = RNNSpec("LSTM", 4, 8, bidirectional=True, proj_size=3)
    assert (spec.num_directions, spec.h_out) == (2, 3)
    assert (RNNSpec("GRU", 4, 8).num_directions, RNNSpec("GRU", 4, 8).h_out) == (1, 8)


def test_spec_and_shapes_are_frozen() -> None:
    spec = RNNSpec("RNN", 1, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.hidden_size = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        expected_shapes(spec, (1, 1)).batched = True  # type: ignore[misc]


def test_accepts_a_torch_size_and_a_list() -> None:
    spec = RNNSpec("RNN", 5, 6)
    assert expected_shapes(spec, torch.zeros(2, 3, 5).shape).input == (2, 3, 5)
    assert expected_shapes(spec, [2, 3, 5]).output == (2, 3, 6)


SIZES = [
    np.int64(5),
    np.int32(5),
    np.uint8(5),
    torch.tensor(5),
    torch.tensor([5]),
    torch.tensor(5, dtype=torch.int8),
    torch.zeros(2, 3, 5).shape[-1],
]


@pytest.mark.parametrize("size", SIZES, ids=repr)
def test_sizes_torch_reads_as_ints_are_ints(size: Any) -> None:
    # torch.zeros takes every one of them as a size; the spec keeps a plain int.
    assert torch.zeros(size).shape == (5,)
    spec = RNNSpec("GRU", input_size=size, hidden_size=size, num_layers=size)
    assert (spec.input_size, spec.hidden_size, spec.num_layers) == (5, 5, 5)
    assert all(type(value) is int for value in (spec.input_size, spec.hidden_size))
    shapes = expected_shapes(RNNSpec("GRU", 5, 6), (size, size, size))
    assert shapes.input == (5, 5, 5) and type(shapes.input[0]) is int
    assert expected_shapes(RNNSpec("GRU", 5, 6), np.array([7, 3, 5])).output == (7, 3, 6)
    assert expected_shapes(RNNSpec("GRU", 5, 6), torch.tensor([7, 3, 5])).output == (7, 3, 6)


def test_the_largest_sizes_torch_holds_are_accepted() -> None:
    # The limits are exactly torch's: a float32 tensor of 2**61 - 1 elements is fine.
    torch.zeros(2**61 - 1, device="meta")
    assert expected_shapes(RNNSpec("RNN", 1, 1), (2**61 - 1, 1)).output == (2**61 - 1, 1)
    with pytest.raises(RuntimeError, match="overflow"):
        torch.zeros(2**61, device="meta")
    with pytest.raises(ShapeError, match="more elements than PyTorch can hold"):
        expected_shapes(RNNSpec("RNN", 1, 1), (2**61, 1))
    # The input fits, the output (6 features per step, not 1) does not.
    with pytest.raises(ShapeError, match=r"^output would have shape \(1099511627776, 1048576, 6\)"):
        expected_shapes(RNNSpec("RNN", 1, 6), (2**40, 2**20, 1))
    # Neither does h_n of 2**60 layers, nor c_n of a projected LSTM.
    with pytest.raises(ShapeError, match=r"^h_n would have shape"):
        expected_shapes(RNNSpec("RNN", 1, 6, num_layers=2**60), (1, 1))
    lstm = RNNSpec("LSTM", 1, 2**57, num_layers=8, proj_size=1)
    with pytest.raises(ShapeError, match=r"^c_n would have shape \(8, 4, 144115188075855872\)"):
        expected_shapes(lstm, (1, 4, 1))
    # hidden_size 10**12: torch's constructor overflows too.
    with pytest.raises(RuntimeError, match="overflow"):
        nn.RNN(5, 10**12, device="meta")


def test_messages_in_both_languages_and_both_surfaces() -> None:
    with pytest.raises(ShapeError) as error:
        RNNSpec("GRU", 5, 6, proj_size=2)
    assert str(error.value) == error.value.message("en", "python")
    assert "use proj_size=0" in str(error.value)
    assert "drop --proj-size" in error.value.message("en", "cli")
    chinese = error.value.message("zh")
    assert "只有 LSTM 有投影" in chinese and "proj_size=0" in chinese
    assert "--proj-size" in error.value.message("zh", "cli")
    assert error.value.values == {"given": "2", "mode": "GRU"}


def test_importing_shapes_does_not_import_torch() -> None:
    code = (
        "import sys; import rnn_guide.shapes as s; "
        "s.expected_shapes(s.RNNSpec('GRU', 5, 6), (7, 3, 5)); "
        "print('torch' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# Every template, reached through the public API, with the words a reader needs.
SPEC_ERRORS = [
    (dict(mode="rnn"), "mode", ["'rnn'", "'RNN', 'GRU' or 'LSTM'"]),
    (dict(input_size=2.0), "not_int", ["input_size is 2.0", "whole number"]),
    (dict(hidden_size=True), "not_int", ["hidden_size is True"]),
    (dict(num_layers=None), "not_int", ["num_layers is None"]),
    (dict(input_size=0), "input_size_not_positive", ["input_size is 0", "at least 1", "feature"]),
    (dict(hidden_size=-3), "hidden_size_not_positive", ["hidden_size is -3", "hidden state"]),
    (dict(num_layers=0), "num_layers_not_positive", ["num_layers is 0", "at least one layer"]),
    (dict(hidden_size=b"6"), "not_int", ["hidden_size is b'6'"]),
    (dict(num_layers=np.bool_(True)), "not_int", ["num_layers is"]),
    (dict(num_layers=torch.tensor(True)), "not_int", ["num_layers is tensor(True)"]),
    (dict(input_size=torch.tensor(5.0)), "not_int", ["input_size is tensor(5.)"]),
    (dict(input_size=torch.tensor([5, 6])), "not_int", ["input_size is tensor([5, 6])"]),
    (dict(input_size=2**63), "size_too_large", ["input_size is 9223372036854775808", "int64"]),
    (dict(hidden_size=10**12), "storage_too_large", ["weight_hh_l0", "(1000000000000, 10"]),
    (dict(hidden_size=2**31), "storage_too_large", ["weight_hh_l0", "int64"]),
    (dict(bidirectional=1), "not_bool", ["bidirectional is 1", "True or False"]),
    (dict(batch_first="yes"), "not_bool", ["batch_first is 'yes'"]),
    (dict(proj_size=1.5), "not_int", ["proj_size is 1.5"]),
    (dict(proj_size=-1), "proj_negative", ["proj_size is -1", "proj_size=0"]),
    (dict(mode="GRU", proj_size=2), "proj_not_lstm", ["only LSTM", "GRU has none"]),
    (dict(mode="LSTM", proj_size=6), "proj_too_large", ["smaller than hidden_size (6)", "1 to 5"]),
]


@pytest.mark.parametrize(("change", "key", "words"), SPEC_ERRORS)
def test_spec_errors(change: dict[str, Any], key: str, words: list[str]) -> None:
    arguments: dict[str, Any] = {"mode": "RNN", "input_size": 5, "hidden_size": 6, **change}
    with pytest.raises(ShapeError) as error:
        RNNSpec(**arguments)
    assert error.value.key == key
    for word in words:
        assert word in str(error.value)


SHAPE_ERRORS = [
    ("RNN", False, "not a shape", "shape_not_ints", ["'not a shape'", "x.shape"]),
    ("RNN", False, 5, "shape_not_ints", ["input shape is 5"]),
    ("RNN", False, (2, 3.0, 5), "shape_not_ints", ["(2, 3.0, 5)"]),
    ("RNN", False, (2, -3, 5), "shape_negative", ["(2, -3, 5)", "negative"]),
    ("RNN", False, (5,), "rank_too_low", ["1 dimension(s)", "(5,)", "(seq_len, features)"]),
    ("GRU", True, (), "rank_too_low", ["0 dimension(s)", "(batch, seq_len, features)"]),
    ("LSTM", False, (1, 1, 3, 5), "rank_too_high", ["4 dimensions", "(seq_len, batch, features)"]),
    ("RNN", False, (1, 3, 4), "features", ["input has 4 features (last axis)", "input_size is 5"]),
    ("RNN", False, (0, 3, 5), "seq_len_zero", ["seq_len 0 (axis 0)", "at least one time step"]),
    ("RNN", True, (3, 0, 5), "seq_len_zero", ["seq_len 0 (axis 1)"]),
    ("RNN", True, (0, 5), "seq_len_zero", ["seq_len 0 (axis 0)"]),
    ("RNN", False, b"\x07\x03\x05", "shape_not_ints", ["b'\\x07\\x03\\x05'"]),
    ("RNN", False, bytearray(b"\x07\x05"), "shape_not_ints", ["bytearray"]),
    ("RNN", False, {7: 1, 5: 2}, "shape_not_ints", ["5: 2"]),
    ("RNN", False, (7, True, 5), "shape_not_ints", ["(7, True, 5)"]),
    ("RNN", False, torch.tensor(7), "shape_not_ints", ["tensor(7)"]),
    ("RNN", False, iter(range(10**12)), "shape_not_ints", ["range_iterator"]),
    ("RNN", False, (10**20, 3, 5), "size_too_large", ["input is 100000000000000000000"]),
    ("RNN", False, (2**62, 3, 5), "storage_too_large", ["input", "(4611686018427387904, 3, 5)"]),
]


@pytest.mark.parametrize(("mode", "batch_first", "shape", "key", "words"), SHAPE_ERRORS)
def test_input_shape_errors(
    mode: str, batch_first: bool, shape: Any, key: str, words: list[str]
) -> None:
    spec = RNNSpec(mode, 5, 6, batch_first=batch_first)  # type: ignore[arg-type]
    with pytest.raises(ShapeError) as error:
        expected_shapes(spec, shape)
    assert error.value.key == key
    for word in words:
        assert word in str(error.value)


def test_the_feature_message_reads_as_documented() -> None:
    with pytest.raises(ShapeError) as error:
        expected_shapes(RNNSpec("RNN", 5, 6), (1, 3, 4))
    assert str(error.value).startswith("input has 4 features (last axis) but input_size is 5: ")


def test_every_template_is_used_and_well_formed() -> None:
    used = {key for _, key, _ in SPEC_ERRORS} | {key for *_, key, _ in SHAPE_ERRORS}
    assert used | {"not_module"} == set(MESSAGES)
    for template in MESSAGES.values():
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
        assert all(name.isidentifier() for name in names)  # plain {name} placeholders only
        assert template.endswith(".")


def test_shape_error_is_a_value_error_and_can_be_raised_by_hand() -> None:
    error = ShapeError("custom")
    assert isinstance(error, ValueError)
    assert (str(error), error.key) == ("custom", "")
    assert error.message("zh") == "custom"


def test_format_shape() -> None:
    assert format_shape(torch.Size([1, 3, 6])) == "(1, 3, 6)"
    assert format_shape((5,)) == "(5,)"
    assert format_shape(()) == "()"
