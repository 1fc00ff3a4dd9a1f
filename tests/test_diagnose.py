"""rnn_guide.diagnose: each explanation, agreement with torch, and no forward pass."""

from __future__ import annotations

from typing import Any

import pytest
import torch
from hypothesis import event, given, settings
from hypothesis import strategies as st
from torch import Tensor, nn
from torch.nn.utils.rnn import pack_sequence

from rnn_guide import Diagnosis, RNNSpec, ShapeError, diagnose
from rnn_guide.diagnose import torch_error

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
    diagnose(rnn, input, hx)  # the probe runs modules of its own, never this one


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


@CHECK
@given(calls())
@pytest.mark.filterwarnings(PROJ_WARNING)
def test_the_probe_quotes_what_torch_raises(call: tuple[nn.RNNBase, Tensor, Any]) -> None:
    module, x, hx = call
    try:
        with torch.no_grad():
            module(x, hx)
        raised = None
    except Exception as error:  # whatever torch raises
        raised = f"{type(error).__name__}: {error}".splitlines()[0]
    assert torch_error(module, x, hx) == raised


# ---------------------------------------------------------------- fixes, applied
@st.composite
def wrong_calls(draw: st.DrawFn) -> tuple[nn.RNNBase, Any, Any]:
    """Calls wrong in one or several ways at once, the state's axes drawn around the right ones."""
    mode = draw(st.sampled_from(["RNN", "GRU", "LSTM"]))
    hidden_size = draw(st.integers(2, 4))
    num_layers, bidirectional = draw(st.integers(1, 3)), draw(st.booleans())
    batch_first = draw(st.booleans())
    proj_size = draw(st.integers(0, hidden_size - 1)) if mode == "LSTM" else 0
    extra = {"proj_size": proj_size} if mode == "LSTM" else {}
    module = getattr(nn, mode)(
        3, hidden_size, num_layers, batch_first=batch_first, bidirectional=bidirectional, **extra
    )
    near = st.integers(1, 4)
    rank = draw(st.sampled_from([1, 2, 3, 3, 3, 4]))
    shape = [draw(near) for _ in range(rank - 1)] + [draw(st.sampled_from([3, 3, 3, 2, 4]))]
    if rank == 3 and draw(st.booleans()):  # the features on another axis
        shape[draw(st.integers(0, 1))], shape[2] = 3, draw(near)
    dtype = draw(st.sampled_from([torch.float32] * 6 + [torch.float64, torch.int64, torch.bool]))
    x = torch.zeros(shape).to(dtype)
    states = (2 if bidirectional else 1) * num_layers
    batch = shape[0 if batch_first else 1] if rank == 3 else None
    h_out = proj_size or hidden_size

    def state(size: int) -> Tensor:
        right = [states, size] if batch is None else [states, batch, size]
        kind = draw(st.sampled_from(["right", "right", "axis", "rank", "swap"]))
        if kind == "axis":
            axis = draw(st.integers(0, len(right) - 1))
            right[axis] = draw(near)
        elif kind == "rank":
            right = draw(
                st.sampled_from([right[1:], right[:1] + right[2:], [right[0], 1, right[-1]]])
            )
        elif kind == "swap" and len(right) == 3:
            right[0], right[1] = right[1], right[0]
        state_dtype = torch.float64 if draw(st.integers(0, 7)) == 0 else torch.float32
        return torch.zeros(right, dtype=state_dtype)

    form = draw(st.sampled_from(["none", "state", "state", "state", "other form"]))
    if form == "none":
        return module, x, None
    h = state(h_out)
    if mode != "LSTM":
        return module, x, (h, h) if form == "other form" else h
    c = state(hidden_size)
    return module, x, h if form == "other form" else (h, c)


def _apply(fix: str, module: nn.RNNBase, x: Any, hx: Any) -> tuple[nn.RNNBase, Any, Any]:
    names: dict[str, Any] = {"torch": torch, "nn": nn, "module": module, "x": x, "hx": hx}
    if isinstance(hx, tuple) and len(hx) == 2:
        names["h_0"], names["c_0"] = hx
    elif isinstance(hx, Tensor):
        names["h_0"] = hx
    exec(fix, names)
    return names["module"], names["x"], names["hx"]


def _identity(finding: Any) -> tuple[str, object]:
    return finding.key, finding.parts[0][1].get("name")


def _torch_accepts(module: nn.RNNBase, x: Any, hx: Any) -> bool:
    try:
        with torch.no_grad():
            module(x, hx)
    except Exception:  # whatever torch raises
        return False
    return True


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(wrong_calls())
@pytest.mark.filterwarnings(PROJ_WARNING)
def test_every_printed_fix_works_when_applied(call: tuple[nn.RNNBase, Any, Any]) -> None:
    module, x, hx = call
    result = diagnose(module, x, hx, probe=False)
    assert result.ok == _torch_accepts(module, x, hx), str(result)
    event(f"{len(result.findings)} problem(s)")
    for finding in result.findings:
        for fix in finding.fixes:
            fixed = _apply(fix, module, x, hx)
            after = diagnose(*fixed, probe=False)
            assert _identity(finding) not in {_identity(f) for f in after.findings}, (fix, after)
            if len(result.findings) == 1:
                assert after.ok and _torch_accepts(*fixed), (str(result), fix, str(after))


def test_the_issue_cases_get_fixes_that_work() -> None:
    gru = nn.GRU(5, 6, num_layers=2)
    x = torch.zeros(1, 3, 5)
    result = diagnose(gru, x, torch.zeros(3, 6))
    assert "h_0.unsqueeze(0).repeat(2, 1, 1)" in result.problems[0]
    assert "add the layer axis with h_0.unsqueeze(0)" not in result.problems[0]
    for fix in result.findings[0].fixes:
        assert _torch_accepts(*_apply(fix, gru, x, torch.zeros(3, 6))), fix
    bf = nn.GRU(5, 6, batch_first=True)
    one = torch.zeros(4, 5)
    result = diagnose(bf, one, torch.zeros(1, 1, 6))
    assert "x.unsqueeze(0)" in result.problems[0] and "x.unsqueeze(1)" not in result.problems[0]
    for fix in result.findings[0].fixes:
        assert _torch_accepts(*_apply(fix, bf, one, torch.zeros(1, 1, 6))), fix
    several = diagnose(nn.RNN(5, 6), torch.zeros(1, 3, 5), torch.zeros(1, 1, 5))
    assert "then this h_0 fits" not in several.problems[0]
    assert "then its batch fits, but the other axes" in several.problems[0]
    for dtype in (torch.bool, torch.complex64):
        problem = diagnose(nn.GRU(5, 6), torch.zeros(1, 3, 5, dtype=dtype)).problems[0]
        assert f"module.to({dtype})" not in problem


def test_every_problem_is_reported_in_order() -> None:
    result = diagnose(nn.GRU(5, 6), torch.zeros(7, 3, 4), torch.zeros(2, 3, 6))
    assert [finding.key for finding in result.findings] == ["shape.features", "diagnose.state.head"]
    assert "D*num_layers = 1*1 = 1" in result.problems[1]


def test_chinese_problems() -> None:
    result = diagnose(nn.GRU(5, 6), torch.zeros(7, 3, 4), torch.zeros(2, 3, 6), lang="zh")
    assert (
        "输入有 4 个特征" in result.problems[0] and "h_0 的形状为 (2, 3, 6)" in result.problems[1]
    )
    ok = diagnose(nn.GRU(5, 6), torch.zeros(7, 3, 5), lang="zh")
    assert ok.ok and ok.summary.startswith("nn.GRU 把输入 (7, 3, 5) 读作")


def test_parametrized_modules_work() -> None:
    from torch.nn.utils import parametrizations

    gru = parametrizations.weight_norm(nn.GRU(3, 4), name="weight_ih_l0")
    assert diagnose(gru, torch.zeros(2, 1, 3)).ok
    problem = only_problem(diagnose(gru, torch.zeros(2, 1, 3, dtype=torch.float64)))
    assert "torch.float64" in problem
    assert torch_error(gru, torch.zeros(2, 1, 3)) is None


# ---------------------------------------------------------------- bounded on any size
def test_the_probe_builds_few_layers_and_feeds_no_memory(monkeypatch: Any) -> None:
    """Structural bound: every module the probe runs has at most PROBE_MAX_LAYERS layers,
    and every tensor it passes takes at most one element of memory (or is tiny)."""
    seen: list[tuple[int, list[int]]] = []

    def record(module: nn.Module, args: tuple[Any, ...]) -> None:
        tensors = [a for a in args if isinstance(a, Tensor)]
        tensors += [p for a in args if isinstance(a, tuple) for p in a if isinstance(p, Tensor)]
        sizes = [t.untyped_storage().nbytes() // t.element_size() for t in tensors]
        seen.append((int(getattr(module, "num_layers", 0)), sizes))

    handle = nn.modules.module.register_module_forward_pre_hook(record)
    try:
        meta = torch.device("meta")
        spec = RNNSpec("GRU", 5, 6, num_layers=10_000)
        diagnose(spec, torch.empty(1_000_000, 3, 5, device=meta))
        diagnose(spec, torch.empty(1_000_000, 3, 5, device=meta), torch.empty(3, 3, 6, device=meta))
        big = RNNSpec("LSTM", 10_000, 10_000, num_layers=3, proj_size=5)
        state = (torch.empty(3, 8, 5, device=meta), torch.empty(3, 8, 10_000, device=meta))
        diagnose(big, torch.empty(1_000_000, 8, 10_000, device=meta), state)
        gru = nn.GRU(5, 6)
        diagnose(gru, torch.zeros(5, 4, 5), torch.zeros(1, 4, 6, dtype=torch.float64))
    finally:
        handle.remove()
    assert seen, "the probe ran no module"
    for layers, sizes in seen:
        assert layers <= 64, layers  # the documented bound, PROBE_MAX_LAYERS
        assert all(size <= 8 for size in sizes), sizes  # expanded zeros or a one-step probe


HANG_GUARD = """
import resource, torch
resource.setrlimit(resource.RLIMIT_CPU, (60, 60))
resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
from rnn_guide import RNNSpec, diagnose
meta = torch.device("meta")
for spec, shape, state in [
    (RNNSpec("GRU", 40, 64), (100_000, 8, 40), None),
    (RNNSpec("GRU", 5, 6), (1_000_000, 3, 5), (1, 3, 6)),
    (RNNSpec("LSTM", 5, 6, num_layers=10_000), (1_000_000, 3, 5), None),
    (RNNSpec("GRU", 5, 6, num_layers=10_000, bidirectional=True), (3, 1_000_000, 4), (2, 3, 6)),
    (RNNSpec("RNN", 10**6, 10**6, num_layers=64), (10**6, 10**6, 10**6), (64, 10**6, 10**6)),
]:
    hx = None if state is None else torch.empty(state, device=meta)
    if spec.mode == "LSTM" and hx is not None:
        hx = (hx, hx)
    print(diagnose(spec, torch.empty(shape, device=meta), hx).ok)
"""


def test_huge_sizes_finish_under_a_cpu_limit() -> None:
    """A hang guard, not a speed test: the CPU and memory limits are far above the need
    (benchmarks/diagnose_bounds.py measures the time)."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", HANG_GUARD], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "True", "True", "False", "True"], done.stdout
