"""The rnn-guide command: the installed console script, `python -m rnn_guide`, and main()."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rnn_guide.cli import default_lang, main

BIN = Path(sys.executable).parent
SCRIPT = BIN / "rnn-guide"
LSTM = ["LSTM", "--input-size", "5", "--hidden-size", "6"]
RNN = ["RNN", "--input-size", "5", "--hidden-size", "6"]


def run(*args: str, stdin: str = "", lang: str = "C.UTF-8", module: bool = False):
    """Run the installed command in a fresh process, as a user would."""
    command = [sys.executable, "-m", "rnn_guide"] if module else [str(SCRIPT)]
    env = {**os.environ, "LC_ALL": "", "LC_MESSAGES": "", "LANG": lang, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [*command, *args], input=stdin, capture_output=True, text=True, env=env, timeout=60
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# ------------------------------------------------------------ installed script


def test_console_script_is_installed() -> None:
    assert SCRIPT.exists(), f"{SCRIPT} missing: run `make setup` (pip install -e .)"


def test_shapes_prints_every_tensor_with_axis_names() -> None:
    result = run("shapes", *LSTM, "--num-layers", "2", "--bidirectional", "--input", "7,3,5")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines[1:]] == [
        "input",
        "h_0",
        "c_0",
        "output",
        "h_n",
        "c_n",
    ]
    assert "h_0    (4, 3, 6)       D*num_layers=4, batch=3, H_out=6" in result.stdout
    assert "output (7, 3, 12)      seq_len=7, batch=3, D*H_out=12" in result.stdout


def test_shapes_json() -> None:
    result = run("shapes", *LSTM, "--proj-size", "3", "--batch-first", "--input", "2,7,5", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["shapes"] == {
        "input": [2, 7, 5],
        "h_0": [1, 2, 3],
        "c_0": [1, 2, 6],
        "output": [2, 7, 3],
        "h_n": [1, 2, 3],
        "c_n": [1, 2, 6],
    }
    assert report["axes"]["input"] == ["batch", "seq_len", "input_size"]
    assert report["batched"] is True
    assert report["spec"]["proj_size"] == 3


def test_shapes_match_torch() -> None:
    """The printed shapes are the ones torch returns."""
    import torch
    from torch import nn

    result = run("shapes", *LSTM, "--num-layers", "3", "--input", "4,2,5", "--json")
    shapes = json.loads(result.stdout)["shapes"]
    output, (h_n, c_n) = nn.LSTM(5, 6, num_layers=3)(torch.zeros(4, 2, 5))
    assert shapes["output"] == list(output.shape)
    assert shapes["h_n"] == list(h_n.shape)
    assert shapes["c_n"] == list(c_n.shape)


def test_diagnose_ok_exits_0() -> None:
    result = run("diagnose", *RNN, "--input", "1,3,5", "--h0", "1,3,6")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: nn.RNN reads the input (1, 3, 5)")


def test_diagnose_problem_exits_1() -> None:
    result = run("diagnose", *RNN, "--input", "1,3,5", "--h0", "1,1,6")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("1 problem:\n1. h_0 has shape (1, 1, 6) but must be (1, 3, 6)")
    assert result.stdout.endswith(
        "PyTorch says: RuntimeError: Expected hidden size (1, 3, 6), got [1, 1, 6]\n"
        "More:  https://rnn-guide.github.io/rnn-guide/reference/error-atlas/#expected-hidden-size\n"
    )


def test_diagnose_lstm_with_both_states() -> None:
    result = run("diagnose", *LSTM, "--input", "1,3,5", "--h0", "1,3,6", "--c0", "1,1,6")
    assert result.returncode == 1
    assert "c_0 has shape (1, 1, 6)" in result.stdout


def test_explain_argument() -> None:
    result = run("explain", "RuntimeError: Expected hidden size (1, 3, 6), got [1, 1, 6]")
    assert result.returncode == 0, result.stderr
    assert "Its batch (axis 1) is 1, but the input holds 3 sequences" in result.stdout
    assert "torch.zeros(1, 3, 6)" in result.stdout
    assert result.stdout.rstrip().endswith("/reference/error-atlas/#expected-hidden-size")


def test_explain_from_stdin() -> None:
    traceback = (
        "Traceback (most recent call last):\n"
        '  File "train.py", line 9, in <module>\n'
        "RuntimeError: input.size(-1) must be equal to input_size. Expected 5, got 4\n"
    )
    result = run("explain", stdin=traceback)
    assert result.returncode == 0, result.stderr
    assert "has 4 features, but the module was built with input_size=5" in result.stdout


def test_explain_dash_reads_stdin() -> None:
    result = run("explain", "-", stdin="RNN: Expected input to be 2D or 3D, got 4D tensor instead")
    assert result.returncode == 0
    assert "#expected-2d-or-3d" in result.stdout


def test_explain_unknown_exits_1() -> None:
    result = run("explain", "CUDA out of memory")
    assert result.returncode == 1
    assert result.stdout.startswith("Not a message rnn-guide knows: 'CUDA out of memory'.")


def test_lang_zh_option() -> None:
    result = run("explain", "--lang", "zh", "Expected hidden size (1, 3, 6), got [1, 1, 6]")
    assert result.returncode == 0
    assert "原因：h_0 的形状是 (1, 1, 6)" in result.stdout
    assert "/zh/reference/error-atlas/#expected-hidden-size" in result.stdout


def test_lang_follows_locale() -> None:
    result = run("shapes", *RNN, "--input", "7,5", lang="zh_CN.UTF-8")
    assert result.returncode == 0
    assert result.stdout.startswith("nn.RNN 对形状为 (7, 5) 的输入（单个未批量化的序列）")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), "rnn-guide: error: choose a command"),
        (("shapes", *RNN, "--input", "1,x"), "argument --input: '1,x' is not a shape"),
        (
            ("shapes", "CNN", "--input-size", "5", "--hidden-size", "6", "--input", "1,2,5"),
            "argument MODE: 'CNN' is not a mode; choose RNN, GRU or LSTM",
        ),
        (
            ("shapes", *RNN, "--input", "1,2,4"),
            "input has 4 features (last axis) but input_size is 5",
        ),
    ],
)
def test_bad_arguments_installed(args: tuple[str, ...], expected: str) -> None:
    line = one_line_error(run(*args))
    assert expected in line


def test_bad_argument_in_chinese() -> None:
    line = one_line_error(run("--lang", "zh", "shapes", *RNN))
    assert line == "rnn-guide shapes: 错误：缺少必需的参数：--input"


# ------------------------------------------------------------ python -m rnn_guide


def test_module_shapes() -> None:
    result = run("shapes", *RNN, "--input", "7,3,5", "--json", module=True)
    assert result.returncode == 0
    assert json.loads(result.stdout)["shapes"]["h_n"] == [1, 3, 6]


def test_module_diagnose_problem() -> None:
    result = run("diagnose", *LSTM, "--input", "1,3,4", module=True)
    assert result.returncode == 1
    assert "input has 4 features" in result.stdout


def test_module_explain() -> None:
    result = run("explain", "lstm expects two hidden states", module=True)
    assert result.returncode == 0
    assert "#lstm-state-one-tensor" in result.stdout


def test_module_bad_argument() -> None:
    line = one_line_error(run("shapes", *RNN, "--input", "1,2,5", "--frobnicate", module=True))
    assert line == "rnn-guide: error: unrecognized arguments: --frobnicate"


# ------------------------------------------------------------ in-process: main(argv)


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


BAD_ARGUMENTS = [
    (("shapes",), "the following arguments are required: MODE"),
    (("shapes", *RNN), "the following arguments are required: --input"),
    (
        ("shapes", "RNN", "--input-size", "five", "--hidden-size", "6", "--input", "1,2,5"),
        "argument --input-size: 'five' is not a whole number",
    ),
    (
        ("shapes", *RNN, "--num-layers", "1.5", "--input", "1,2,5"),
        "argument --num-layers: '1.5' is not a whole number",
    ),
    (
        ("shapes", "RNN", "--input-size", "5", "--hidden-size", "0", "--input", "1,2,5"),
        "hidden_size is 0 but must be at least 1",
    ),
    (
        ("shapes", "RNN", "--input-size", "-3", "--hidden-size", "6", "--input", "1,2,5"),
        "input_size is -3 but must be at least 1",
    ),
    (("shapes", *RNN, "--proj-size", "2", "--input", "1,2,5"), "only LSTM has a projection"),
    (
        ("shapes", *LSTM, "--proj-size", "6", "--input", "1,2,5"),
        "proj_size is 6 but must be smaller than hidden_size (6)",
    ),
    (("shapes", *RNN, "--input", "1,1,2,5"), "input has 4 dimensions, shape (1, 1, 2, 5)"),
    (("shapes", *RNN, "--input", "5"), "input has 1 dimension(s), shape (5,)"),
    (("shapes", *RNN, "--input", "0,2,5"), "input has seq_len 0 (axis 0)"),
    (("shapes", *RNN, "--input", "1,-2,5"), "argument --input: '1,-2,5' is not a shape"),
    (("shapes", *RNN, "--input", ""), "argument --input: '' is not a shape"),
    (("diagnose", *RNN, "--input", "1,2,5", "--c0", "1,2,6"), "--c0 is only for LSTM"),
    (("diagnose", *RNN, "--input", "1,2,5", "--h0", "1;2;6"), "argument --h0: '1;2;6' is not"),
    (("--lang", "fr", "shapes"), "argument --lang: 'fr' is not a language; choose en or zh"),
    (("frob",), "invalid choice: 'frob'"),
    (("explain", ""), "explain: error: no message given"),
]


@pytest.mark.parametrize(("args", "expected"), BAD_ARGUMENTS)
def test_bad_arguments(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: str
) -> None:
    code, out, err = (
        call(capsys, "--lang", "en", *args) if "--lang" not in args else call(capsys, *args)
    )
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("rnn-guide"), err
    assert expected in err


def test_main_shapes_unbatched(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "shapes", *LSTM, "--input", "7,5", "--lang", "en")
    assert code == 0
    assert "(one unbatched sequence)" in out
    assert "h_0    (1, 6)          D*num_layers=1, H_out=6" in out


def test_main_mode_is_case_insensitive(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(
        capsys,
        "shapes",
        "gru",
        "--input-size",
        "5",
        "--hidden-size",
        "6",
        "--input",
        "(7, 3, 5)",
        "--json",
    )
    assert code == 0
    assert json.loads(out)["spec"]["mode"] == "GRU"


def test_main_diagnose_huge_module_allocates_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(
        capsys,
        "diagnose",
        "LSTM",
        "--input-size",
        "100000",
        "--hidden-size",
        "100000",
        "--num-layers",
        "50",
        "--input",
        "1,3,100000",
        "--lang",
        "en",
    )
    assert code == 0
    assert "h_n: (50, 3, 100000)" in out


def test_main_diagnose_lstm_fills_missing_c0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(
        capsys, "diagnose", *LSTM, "--input", "1,3,5", "--h0", "1,3,6", "--lang", "en"
    )
    assert code == 0
    assert out.startswith("c_0 not given: using zeros of the shape the module expects.\nOK:")


def test_main_diagnose_shows_torch_own_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(
        capsys,
        "diagnose",
        *LSTM,
        "--input",
        "1,3,5",
        "--h0",
        "1,3,6",
        "--c0",
        "1,3,5",
        "--lang",
        "zh",
    )
    assert code == 1
    assert "PyTorch 的报错：RuntimeError: Expected hidden[1] size (1, 3, 6), got [1, 3, 5]" in out
    assert out.rstrip().endswith("/zh/reference/error-atlas/#expected-hidden-1-size")


def test_main_diagnose_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(
        capsys, "diagnose", *RNN, "--input", "1,3,5", "--h0", "1,1,6", "--lang", "zh"
    )
    assert code == 1
    assert out.startswith("发现 1 个问题：\n1. ")


def test_main_explain_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("too many values to unpack (expected 2)"))
    code, out, _ = call(capsys, "explain", "--lang", "en")
    assert code == 0
    assert "output, (h_n, c_n) = lstm(x)" in out


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "zh_CN"}, "zh"),
    ],
)
def test_default_lang(environ: dict[str, str], expected: str) -> None:
    assert default_lang(environ) == expected


def test_lang_option_beats_locale(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, _ = call(capsys, "explain", "--lang", "en", "lstm expects two hidden states")
    assert code == 0
    assert out.splitlines()[1].startswith("Cause: nn.LSTM takes its state as a tuple")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, _ = call(capsys, "explain", "lstm expects two hidden states")
    assert out.splitlines()[1].startswith("原因：")


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--lang", "en", "--help"])
    assert exit_info.value.code == 0
    assert "shapes" in capsys.readouterr().out
