"""explain() recognises the messages torch really raises, only those, and reads the last error."""

from __future__ import annotations

import re

import pytest

from rnn_guide.explain import ATLAS_IDS, SITE_URL, atlas_url, explain, last_error, unrelated
from rnn_guide.messages import MESSAGES
from rnn_guide.messages.explain import PATTERNS
from tools.docsuite.fences import ROOT

RNN_FRAME = (
    '  File "/venv/lib/python3.11/site-packages/torch/nn/modules/rnn.py", line 1124, in forward'
)


def traceback_of(message: str, frame: str = RNN_FRAME) -> str:
    user = '  File "train.py", line 9, in <module>'
    return f"Traceback (most recent call last):\n{user}\n{frame}\n{message}\n"


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: f"{p.id}:{p.example[:30]}")
def test_every_pattern_recognises_its_example(pattern: object) -> None:
    from rnn_guide.messages.explain import Pattern

    assert isinstance(pattern, Pattern)
    text = pattern.example
    if pattern.frames:  # the message and the file of torch that raised it
        frame = RNN_FRAME.replace("torch/nn/modules/rnn.py", pattern.frames[0])
        text = traceback_of(f"RuntimeError: {pattern.example}", frame)
    for lang in ("en", "zh"):
        found = explain(text, lang)
        assert found is not None, pattern.example
        assert found.id == pattern.id
        assert found.cause and found.fix
        assert found.url == atlas_url(pattern.id, lang)


def test_every_id_has_title_cause_and_fix_texts() -> None:
    for anchor in ATLAS_IDS:
        assert f"explain.{anchor}.title" in MESSAGES, anchor
    simple = {p.id for p in PATTERNS} - {
        "expected-hidden-size",
        "expected-hidden-0-size",
        "expected-hidden-1-size",
        "input-must-have-dimensions",
        "expected-2d-or-3d",
        "input-dtype",
    }
    for anchor in simple:
        assert f"explain.{anchor}.cause" in MESSAGES, anchor


def test_the_whole_message_must_fit() -> None:
    assert explain("Expected hidden size (1, 3, 6), got [1, 1, 6]") is not None
    assert explain("Expected hidden size (1, 3, 6), got [1, 1, 6] and more words") is None
    assert (
        explain("ValueError: Expected hidden size to be a multiple of the number of heads") is None
    )
    assert explain("my lstm expects two hidden states") is None


@pytest.mark.parametrize(
    "message",
    [
        "IndexError: index 1 is out of bounds for dimension 0 with size 1",
        "RuntimeError: mat1 and mat2 must have the same dtype",
        "RuntimeError: mat1 and mat2 must have the same dtype, but got Double and Float",
        "ValueError: too many values to unpack (expected 2)",
        "ValueError: not enough values to unpack (expected 3, got 2)",
        "AttributeError: 'tuple' object has no attribute 'dim'",
        "CUDA out of memory",
        "tuple index out of range",
        "",
    ],
)
def test_messages_other_code_raises_too_are_not_claimed_alone(message: str) -> None:
    assert explain(message) is None
    assert explain(traceback_of(message, '  File "model.py", line 3, in forward')) is None


def test_the_same_message_from_torchs_rnn_code_is_claimed() -> None:
    found = explain(
        traceback_of("IndexError: index 1 is out of bounds for dimension 0 with size 1")
    )
    assert found is not None and found.id == "lstm-state-one-tensor"
    assert "1 row(s)" in found.cause
    linear = RNN_FRAME.replace("rnn.py", "linear.py")
    assert (
        explain(traceback_of("RuntimeError: mat1 and mat2 must have the same dtype", linear))
        is None
    )
    found = explain(
        traceback_of(
            "RuntimeError: mat1 and mat2 must have the same dtype, but got Double and Float"
        )
    )
    assert found is not None and found.id == "hx-dtype" and "Double against Float" in found.cause


def test_windows_and_ipython_tracebacks_give_the_frame() -> None:
    windows = (
        '  File "C:\\Python311\\Lib\\site-packages\\torch\\nn\\modules\\rnn.py", line 1124,'
        " in forward"
    )
    ipython = (
        "File ~/venv/lib/python3.11/site-packages/torch/nn/modules/rnn.py:1124,"
        " in LSTM.forward(self, input, hx)"
    )
    old = "/usr/lib/python3.6/dist-packages/torch/nn/modules/rnn.py in forward(self, input, hx)"
    for frame in (windows, ipython, old):
        found = explain(
            traceback_of("IndexError: index 1 is out of bounds for dimension 0 with size 1", frame)
        )
        assert found is not None and found.id == "lstm-state-one-tensor", frame


def test_the_last_error_of_a_log_wins_over_an_earlier_warning() -> None:
    log = (
        "/venv/lib/python3.11/site-packages/torch/nn/modules/rnn.py:123: UserWarning:"
        " dropout option"
        " adds dropout after all but last recurrent layer, so non-zero dropout expects num_layers"
        " greater than 1, but got dropout=0.5 and num_layers=1\n"
        "  warnings.warn(\n"
        "epoch 1 loss 0.5\n"
        + traceback_of("RuntimeError: Expected hidden size (1, 3, 6), got [1, 1, 6]")
    )
    found = explain(log)
    assert found is not None and found.id == "expected-hidden-size"
    assert found.message == "RuntimeError: Expected hidden size (1, 3, 6), got [1, 1, 6]"
    warning_only = log.split("epoch")[0]
    found = explain(warning_only)
    assert found is not None and found.id == "dropout-single-layer"


def test_an_earlier_rnn_error_does_not_win_over_a_later_unrelated_one() -> None:
    log = traceback_of("RuntimeError: lstm expects two hidden states") + (
        "\nDuring handling of the above exception, another exception occurred:\n\n"
        'Traceback (most recent call last):\n  File "train.py", line 12, in <module>\n'
        "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB."
    )
    assert explain(log) is None
    assert "memory ran out" in unrelated(log)


def test_a_frame_of_an_earlier_traceback_is_not_used() -> None:
    log = traceback_of("RuntimeError: lstm expects two hidden states") + (
        "Traceback (most recent call last):\n"
        "IndexError: index 1 is out of bounds for dimension 0 with size 1"
    )
    assert last_error(log).frame is None
    assert explain(log) is None


def test_old_release_formats() -> None:
    found = explain("RuntimeError: input must have 3 dimensions, got 2")
    assert (
        found is not None and "before 1.11" in found.cause and "PackedSequence" not in found.cause
    )
    found = explain("RuntimeError: Expected hidden[0] size (1, 64, 256), got (64, 256)")
    assert found is not None and found.id == "expected-hidden-0-size"
    assert "(64, 256)" in found.cause and "2 axes instead of 3" in found.cause
    found = explain("RuntimeError: Expected hidden size (1, 1, 6), got (1, 3, 6)")
    assert found is not None and "Its batch (axis 1) is 3" in found.cause


def test_a_batch_first_state_is_named() -> None:
    found = explain("RuntimeError: Expected hidden size (2, 3, 6), got [3, 2, 6]")
    assert found is not None
    assert "look swapped" in found.cause and "h_0.transpose(0, 1).contiguous()" in found.fix
    assert "Axis 0 is" not in found.cause


def test_bool_and_complex_input_never_get_module_to() -> None:
    for dtype in ("torch.bool", "torch.complex64"):
        message = (
            f"RNN input dtype ({dtype}) does not match weight dtype (torch.float32). Convert"
            f" input: input.to(torch.float32), or convert model: model.to({dtype})"
        )
        for lang in ("en", "zh"):
            found = explain(message, lang)
            assert found is not None
            assert f"module.to({dtype})" not in found.fix.replace(
                "module.to(" + dtype + ") 行不通", ""
            ).replace("module.to(" + dtype + ") cannot work", ""), found.fix


def test_unbatched_fix_names_both_layouts() -> None:
    found = explain(
        "RuntimeError: For unbatched 2-D input, hx should also be 2-D but got 3-D tensor"
    )
    assert (
        found is not None
        and "x.unsqueeze(1)" in found.fix
        and "x.unsqueeze(0) with batch_first=True" in found.fix
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_anchor_exists_in_the_error_atlas(lang: str) -> None:
    page = ROOT / "docs" / lang / "reference" / "error-atlas.md"
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


def test_unrelated_says_where_to_look() -> None:
    assert "nn.Linear" in unrelated(
        "RuntimeError: mat1 and mat2 shapes cannot be multiplied (3x6 and 5x2)"
    )
    assert "6 features but expects 5" in unrelated(
        "mat1 and mat2 shapes cannot be multiplied (3x6 and 5x2)"
    )
    assert "detach" in unrelated("RuntimeError: Trying to backward through the graph a second time")
    other = unrelated("KeyError: 'x'")
    assert "error atlas" in other and "rnn-guide diagnose" in other
    assert "错误图鉴" in unrelated("KeyError: 'x'", "zh")


# ---------------------------------------------------------------- code fixes, applied
def test_code_fixes_remove_their_error_on_generated_calls() -> None:
    """Over generated wrong calls: apply the printed code and torch no longer raises that error."""
    import torch
    from hypothesis import given, settings
    from torch import nn

    from tests.test_diagnose import wrong_calls

    def raised(module: nn.RNNBase, x: object, hx: object) -> str | None:
        try:
            with torch.no_grad():
                module(x, hx)
        except Exception as error:  # whatever torch raises
            return f"{type(error).__name__}: {error}"
        return None

    applied = []

    @settings(max_examples=150, deadline=None, derandomize=True, database=None)
    @given(wrong_calls())
    def check(call: tuple[nn.RNNBase, object, object]) -> None:
        module, x, hx = call
        message = raised(module, x, hx)
        found = explain(traceback_of(message)) if message else None
        if found is None or not found.code:
            return
        names: dict[str, object] = {"torch": torch, "x": x}
        pair = isinstance(hx, tuple) and len(hx) == 2
        names["h_0"], names["c_0"] = hx if pair else (hx, None)  # type: ignore[misc]
        exec(found.code, names)
        fixed = (names["h_0"], names["c_0"]) if pair else names["h_0"]
        after = raised(module, names["x"], fixed)
        again = explain(traceback_of(after)) if after else None
        assert again is None or again.id != found.id, (message, found.code, after)
        applied.append(found.id)

    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check()
    assert len(applied) >= 10, applied
