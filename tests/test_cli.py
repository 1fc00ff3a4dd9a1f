"""The rnn-guide command: the installed console script, `python -m rnn_guide`, and main()."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from rnn_guide.cli import EXAMPLES, default_lang, main, wrap
from tests.latin import english_words

BIN = Path(sys.executable).parent
SCRIPT = BIN / "rnn-guide"
LSTM = ["LSTM", "--input-size", "5", "--hidden-size", "6"]
RNN = ["RNN", "--input-size", "5", "--hidden-size", "6"]
GRU = ["GRU", "--input-size", "5", "--hidden-size", "6"]
HUGE = ["RNN", "--input-size", "5", "--hidden-size", "1000000000000"]


def environment(lang: str = "C.UTF-8", **extra: str) -> dict[str, str]:
    env = {**os.environ, "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": "", "LANG": lang}
    env.pop("NO_COLOR", None)
    return {**env, "PYTHONIOENCODING": "utf-8", "COLUMNS": "80", **extra}


def run(
    *args: str, stdin: str = "", lang: str = "C.UTF-8", module: bool = False, **extra: str
) -> subprocess.CompletedProcess[str]:
    """Run the installed command in a fresh process, as a user would."""
    command = [sys.executable, "-m", "rnn_guide"] if module else [str(SCRIPT)]
    return subprocess.run(
        [*command, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment(lang, **extra),
        timeout=120,
    )


def flat(output: str) -> str:
    """The output with its line wrapping undone (wrapped lines are indented)."""
    return " ".join(output.split())


def no_traceback(
    result: subprocess.CompletedProcess[str] | subprocess.CompletedProcess[bytes],
) -> None:
    err = (
        result.stderr
        if isinstance(result.stderr, str)
        else result.stderr.decode("utf-8", "replace")
    )
    assert "Traceback" not in err, err
    assert result.returncode in (0, 1, 2), (result.returncode, err)


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
    assert flat(result.stdout).endswith(
        "PyTorch says: RuntimeError: Expected hidden size (1, 3, 6), got [1, 1, 6] "
        "More: https://rnn-guide.github.io/rnn-guide/reference/error-atlas/#expected-hidden-size"
    )


def test_diagnose_lstm_with_both_states() -> None:
    result = run("diagnose", *LSTM, "--input", "1,3,5", "--h0", "1,3,6", "--c0", "1,1,6")
    assert result.returncode == 1
    assert "c_0 has shape (1, 1, 6)" in flat(result.stdout)


def test_explain_argument() -> None:
    result = run("explain", "RuntimeError: Expected hidden size (1, 3, 6), got [1, 1, 6]")
    assert result.returncode == 0, result.stderr
    assert "Its batch (axis 1) is 1, but the input holds 3 sequences" in flat(result.stdout)
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
    assert "has 4 features, but the module was built with input_size=5" in flat(result.stdout)


def test_explain_dash_reads_stdin() -> None:
    result = run("explain", "-", stdin="RNN: Expected input to be 2D or 3D, got 4D tensor instead")
    assert result.returncode == 0
    assert "#expected-2d-or-3d" in result.stdout


def test_explain_unknown_exits_1() -> None:
    result = run("explain", "CUDA out of memory")
    assert result.returncode == 1
    assert result.stdout.startswith("Not a message rnn-guide knows: 'CUDA out of memory'.\n")


def test_lang_zh_option() -> None:
    result = run("explain", "--lang", "zh", "Expected hidden size (1, 3, 6), got [1, 1, 6]")
    assert result.returncode == 0
    assert "原因：h_0 的形状为 (1, 1, 6)" in result.stdout.replace("\n", "")
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
            "input has 4 features (last axis) but --input-size is 5: make the last size of "
            "--input 5, or give --input-size 4.",
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
    assert "input has 4 features" in flat(result.stdout)


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
        "--hidden-size is 0 but must be at least 1: the hidden state needs at least one",
    ),
    (
        ("shapes", "RNN", "--input-size", "-3", "--hidden-size", "6", "--input", "1,2,5"),
        "--input-size is -3 but must be at least 1: every time step needs at least one",
    ),
    (
        ("shapes", *RNN, "--proj-size", "2", "--input", "1,2,5"),
        "only LSTM has a projection, RNN has none: drop --proj-size, or choose LSTM as MODE.",
    ),
    (
        ("shapes", *RNN, "--num-layers", "0", "--input", "1,3,5"),
        "--num-layers is 0 but must be at least 1: the module needs at least one layer.",
    ),
    (
        ("shapes", *LSTM, "--proj-size", "6", "--input", "1,2,5"),
        "--proj-size is 6 but must be smaller than --hidden-size (6): use a --proj-size from 1 "
        "to 5, or --proj-size 0 for no projection.",
    ),
    (("shapes", *RNN, "--input", "1,1,2,5"), "input has 4 dimensions, shape (1, 1, 2, 5)"),
    (("shapes", *RNN, "--input", "5"), "input has 1 dimension(s), shape (5,)"),
    (("shapes", *RNN, "--input", "5"), "write its size 1 first, e.g. --input 1,5."),
    (("shapes", *RNN, "--input", "1,,5"), "'1,,5' has an empty size (position 2)"),
    (("shapes", *RNN, "--input", ",3,5"), "',3,5' has an empty size (position 1)"),
    (("shapes", *RNN, "--input", "3,5,,"), "'3,5,,' has an empty size (position 3)"),
    (("shapes", *RNN, "--input", "1, ,5"), "has an empty size (position 2)"),
    (("shapes", *RNN, "--input", "(1,,5)"), "has an empty size (position 2)"),
    (
        ("shapes", *RNN, "--input", "100000000000000000000,3,5"),
        "argument --input: '100000000000000000000' is larger than PyTorch can hold",
    ),
    (
        ("shapes", *RNN, "--num-layers", "100000000000000000000", "--input", "1,3,5"),
        "is larger than PyTorch can hold (sizes are int64, at most 9223372036854775807)",
    ),
    (
        ("shapes", *HUGE, "--input", "1,3,5"),
        "weight_hh_l0 would have shape (1000000000000, 1000000000000), more elements than",
    ),
    (
        ("diagnose", *HUGE, "--input", "1,3,5"),
        "weight_hh_l0 would have shape",
    ),
    (
        ("diagnose", *RNN, "--input", "1,3,5", "--h0", "9223372036854775807,3,6"),
        "h_0 would have shape (9223372036854775807, 3, 6), more elements than",
    ),
    (
        ("shapes", *RNN, "--num-layers", "1000000000000000000", "--input", "1,3,5"),
        "h_n would have shape (1000000000000000000, 3, 6)",
    ),
    (("shapes", *RNN, "--input", "torch.Size([1, 2])"), "input has 2 features"),
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
    assert "h_n: (50, 3, 100000)" in flat(out)


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
    assert "PyTorch 的报错：RuntimeError: Expected hidden[1] size (1, 3, 6), got [1, 3, 5]" in flat(
        out
    )
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
    log = (
        "Traceback ...\nRuntimeError: input.size(-1) must be equal to input_size. Expected 5, got 4"
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(log))
    code, out, _ = call(capsys, "explain", "--lang", "en")
    assert code == 0
    assert "has 4 features, but the module was built with input_size=5" in flat(out)


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
    assert out.splitlines()[1].startswith("Cause: nn.LSTM")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    code, out, _ = call(capsys, "explain", "lstm expects two hidden states")
    assert out.splitlines()[1].startswith("原因：")


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "--help"]) == 0
    assert "shapes" in capsys.readouterr().out


# ------------------------------------------------------------ help


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("command", ["shapes", "diagnose", "explain"])
def test_every_option_has_help_and_the_command_an_example(command: str, lang: str) -> None:
    result = run(command, "--help", "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    options = {"shapes": 11, "diagnose": 12, "explain": 3}[command]
    # Every option line (two spaces, the option, its help) has a help text.
    listed = [line for line in out.splitlines() if re.match(r"  (-|MODE|MESSAGE)", line)]
    assert len(listed) == options, out
    for line in listed:
        assert len(line.split(None, 1)) == 2 and re.search(r"\s{2,}\S", line.strip()), line
    assert "{en,zh}" in out
    if command != "explain":
        assert "RNN" in out and "GRU" in out and "LSTM" in out
    assert EXAMPLES[command] in out
    if lang == "zh":
        assert out.startswith(f"用法：rnn-guide {command} ")
        assert "选项" in out and "示例：" in out and "显示此帮助信息并退出" in out
        assert not english_words(out), english_words(out)
    else:
        assert out.startswith(f"usage: rnn-guide {command} ")
        assert "example:" in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_top_level_help_lists_the_commands_and_exit_status(lang: str) -> None:
    result = run("--help", lang=f"{lang}_CN.UTF-8" if lang == "zh" else "C.UTF-8")
    assert result.returncode == 0
    for command in ("shapes", "diagnose", "explain"):
        assert f"    {command}" in result.stdout
    assert ("退出状态" if lang == "zh" else "Exit status") in result.stdout
    if lang == "zh":
        assert result.stdout.startswith("用法：rnn-guide ")
        assert not english_words(result.stdout), english_words(result.stdout)


def test_a_chinese_locale_translates_argparse_errors() -> None:
    line = one_line_error(run("shapes", "--input-size", "5", lang="zh_CN.UTF-8"))
    assert line.startswith("rnn-guide shapes: 错误：缺少必需的参数：")
    line = one_line_error(run("shapes", *RNN, "--input", "1,2,5", "--frob", lang="zh_CN.UTF-8"))
    assert line == "rnn-guide: 错误：无法识别的参数：--frob"
    line = one_line_error(run("shapes", *RNN, "--input", lang="zh_CN.UTF-8"))
    assert line == "rnn-guide shapes: 错误：参数 --input：需要一个值"
    line = one_line_error(run("frob", "--lang", "zh"))
    assert line.startswith("rnn-guide: 错误：参数 {shapes,diagnose,explain}：无效的选项：'frob'")


def test_english_stays_english_under_a_chinese_locale() -> None:
    result = run("shapes", "--help", "--lang", "en", lang="zh_CN.UTF-8", LANGUAGE="zh_CN")
    assert result.stdout.startswith("usage: rnn-guide shapes")
    assert "show this help message and exit" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("shapes", "--help"),
        ("diagnose", "--help", "--lang", "zh"),
        ("explain", "--help"),
        ("shapes", *RNN, "--input", "1,,5"),
        ("diagnose", *RNN, "--input", "1,x,5"),
        ("shapes", *RNN, "--input", "1,3,4"),
        ("shapes", *HUGE, "--input", "1,5"),
        ("diagnose", *RNN, "--input", "100000000000000000000,3,5"),
        ("diagnose", *RNN, "--proj-size", "2", "--input", "1,3,5"),
        (),
    ],
)
def test_help_and_argument_errors_do_not_import_torch(args: tuple[str, ...]) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from rnn_guide.cli import main\n"
        "out, err = io.StringIO(), io.StringIO()\n"
        "with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):\n"
        f"    status = main({list(args)!r})\n"
        "print(status, 'torch' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment(), timeout=60
    )
    assert result.stdout.split() == ["0" if "--help" in args else "2", "False"], result


# ------------------------------------------------------------ the terminal


def run_on_terminal(
    *args: str, stdin_tty: bool = True, stdout_tty: bool = True, **extra: str
) -> tuple[int, str, str]:
    """Run the command with stdin and/or stdout on a pseudo-terminal."""
    master, slave = pty.openpty()
    try:
        process = subprocess.Popen(
            [str(SCRIPT), *args],
            stdin=slave if stdin_tty else subprocess.DEVNULL,
            stdout=slave if stdout_tty else subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment(**extra),
        )
        os.close(slave)
        slave = -1
        chunks = []
        if stdout_tty:
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                chunks.append(chunk)
        out_bytes, err_bytes = process.communicate(timeout=60)
        out = b"".join(chunks).decode() if stdout_tty else out_bytes.decode()
        return process.returncode, out.replace("\r\n", "\n"), err_bytes.decode()
    finally:
        os.close(master)
        if slave >= 0:
            os.close(slave)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_without_a_message_on_a_terminal_prints_usage(lang: str) -> None:
    code, out, err = run_on_terminal("explain", "--lang", lang, stdout_tty=False)
    assert code == 2
    assert out == ""
    first, second = err.strip().splitlines()[0], err.strip().splitlines()[-1]
    assert first.startswith(
        "用法：rnn-guide explain" if lang == "zh" else "usage: rnn-guide explain"
    )
    assert second.startswith(
        "rnn-guide explain: " + ("错误：没有给出" if lang == "zh" else "error: no")
    )


def test_bold_and_colour_only_on_a_terminal_and_never_with_no_color() -> None:
    args = ("explain", "lstm expects two hidden states", "--lang", "en")
    _, on_terminal, _ = run_on_terminal(*args)
    assert "\033[1m" in on_terminal and "\033[0m" in on_terminal
    _, no_color, _ = run_on_terminal(*args, NO_COLOR="1")
    assert "\033[" not in no_color
    assert no_color.split() == re.sub(r"\033\[[0-9;]*m", "", on_terminal).split()
    piped = run(*args)
    assert "\033[" not in piped.stdout and piped.returncode == 0
    assert piped.stdout.split() == no_color.split()
    code, _, err = run_on_terminal("shapes", *RNN, "--input", "1,,5")
    assert code == 2 and "\033[" not in err  # stderr is a pipe here


def columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


WRAPPED = [
    ("diagnose", *GRU, "--input", "7,3,4", "--h0", "2,3,6"),
    ("diagnose", *RNN, "--input", "1,3,5", "--h0", "1,1,6"),
    ("explain", "Expected hidden size (1, 3, 6), got [1, 1, 6]"),
    ("explain", "too many values to unpack (expected 2)"),
    ("shapes", *LSTM, "--num-layers", "2", "--bidirectional", "--input", "7,3,5"),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args", WRAPPED, ids=lambda args: " ".join(args[:2]))
def test_long_lines_wrap_at_word_boundaries(
    args: tuple[str, ...],
    lang: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # In this process (COLUMNS sets the width); the installed command wraps the same way
    # (test_a_narrow_terminal_wraps_the_installed_command).
    monkeypatch.setenv("COLUMNS", "1000")
    wide_code, wide, _ = call(capsys, *args, "--lang", lang)
    monkeypatch.setenv("COLUMNS", "50")
    narrow_code, narrow, _ = call(capsys, *args, "--lang", lang)
    assert narrow_code == wide_code
    for line in narrow.splitlines():
        # A word longer than the line (a URL) stands alone on its line.
        assert columns(line) <= 49 or len(line.split()) <= 2, line
    # Nothing lost, no word split: the same words, in the same order.
    if lang == "en":
        assert narrow.split() == wide.split()
    else:
        assert "".join(narrow.split()) == "".join(wide.split())
        latin = re.compile(r"[A-Za-z0-9_.\-=*()\[\],:/#']+")
        assert latin.findall(narrow) == latin.findall(wide)


def test_a_narrow_terminal_wraps_the_installed_command() -> None:
    result = run(*WRAPPED[0], "--lang", "en", COLUMNS="50")
    no_traceback(result)
    lines = result.stdout.splitlines()
    assert lines and all(columns(line) <= 49 or len(line.split()) <= 2 for line in lines)
    assert any(columns(line) > 40 for line in lines)  # it did fill the lines
    assert flat(result.stdout) == flat(run(*WRAPPED[0], "--lang", "en", COLUMNS="1000").stdout)


def test_wrap_keeps_words_shapes_and_punctuation_together() -> None:
    assert wrap("Expected hidden size (1, 3, 6), got [1, 1, 6]", 20) == [
        "Expected hidden size",
        "(1, 3, 6), got",
        "[1, 1, 6]",
    ]
    # No line starts with "，" or "。", none ends with "（".
    lines = wrap("请让最后一个轴的长度为 5，或用 --input-size 4 构建模块（见下文）。", 12)
    assert all(line[0] not in "，。）" and line[-1] != "（" for line in lines), lines
    assert (
        "".join(lines).replace(" ", "")
        == "请让最后一个轴的长度为5，或用--input-size4构建模块（见下文）。"
    )
    assert wrap("https://rnn-guide.github.io/rnn-guide/zh/reference/error-atlas/", 10) == [
        "https://rnn-guide.github.io/rnn-guide/zh/reference/error-atlas/"
    ]
    assert wrap("", 10) == [""]


# ------------------------------------------------------------ diagnose: every problem


def test_diagnose_prints_every_problem_in_order() -> None:
    import torch

    from rnn_guide.diagnose import diagnose
    from rnn_guide.shapes import RNNSpec

    args = ("diagnose", *GRU, "--input", "7,3,4")
    for lang in ("en", "zh"):
        result = run(*args, "--h0", "2,3,6", "--lang", lang, COLUMNS="1000")
        assert result.returncode == 1
        expected = diagnose(
            RNNSpec("GRU", 5, 6),
            torch.empty(7, 3, 4, device="meta"),
            torch.empty(2, 3, 6, device="meta"),
            lang=lang,
            surface="cli",
        ).problems
        assert len(expected) == 2
        numbered = [line for line in result.stdout.splitlines() if re.match(r"\d+\. ", line)]
        assert numbered == [f"{n}. {problem}" for n, problem in enumerate(expected, 1)]
    assert "--input-size" in numbered[0] and "h_0" in numbered[1]


# ------------------------------------------------------------ no traceback, any input


def test_huge_sizes_answer_in_one_line_without_a_traceback() -> None:
    for args in (
        ("diagnose", *HUGE, "--input", "1,3,5"),
        ("shapes", *RNN, "--input", "100000000000000000000,3,5"),
        ("diagnose", *RNN, "--input", "100000000000000000000,3,5"),
        ("diagnose", *RNN, "--input", "4611686018427387904,3,5"),
        ("diagnose", *RNN, "--input", "1,3,5", "--h0", "1,100000000000000000000,6"),
        ("shapes", *RNN, "--input-size", "99999999999999999999999", "--input", "1,3,5"),
    ):
        line = one_line_error(run(*args))
        assert "int64" in line or "PyTorch can hold" in line, line


def test_diagnose_is_bounded_for_huge_sequences_and_stacks() -> None:
    result = run(
        "diagnose", "GRU", "--input-size", "40", "--hidden-size", "64",
        "--num-layers", "10000", "--input", "1000000,8,40", "--h0", "10000,8,64",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "h_n: (10000, 8, 64)" in flat(result.stdout)


def test_explain_with_stdin_closed() -> None:
    for lang in ("C.UTF-8", "zh_CN.UTF-8"):
        result = subprocess.run(
            [str(SCRIPT), "explain"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=environment(lang),
            timeout=60,
            preexec_fn=lambda: os.close(0),  # the child starts without stdin
        )
        no_traceback(result)
        assert result.returncode == 2
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("lang", ["C.UTF-8", "zh_CN.UTF-8", "C"])
def test_explain_with_binary_stdin(lang: str) -> None:
    garbage = bytes(range(256)) * 64 + b"\xff\xfe\xc3(RuntimeError: \x80\x81"
    result = subprocess.run(
        [str(SCRIPT), "explain"],
        input=garbage,
        capture_output=True,
        env={**environment(lang), "PYTHONIOENCODING": ""},
        timeout=60,
    )
    no_traceback(result)
    assert result.returncode == 1  # a message it does not know
    real = b"\xff\xfe garbage\nRuntimeError: lstm expects two hidden states\n"
    result = subprocess.run(
        [str(SCRIPT), "explain", "-"], input=real, capture_output=True, env=environment(lang)
    )
    no_traceback(result)
    assert result.returncode == 0


def test_explain_reads_a_bounded_amount_of_a_long_log() -> None:
    log = "noise line\n" * 300_000 + "RuntimeError: lstm expects two hidden states\n"
    result = run("explain", stdin=log)
    assert result.returncode == 0, result.stderr
    assert "#lstm-state-one-tensor" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("shapes", *LSTM, "--input", "7,3,5"),
        ("explain", "Expected hidden size (2, 3, 6), got [1, 3, 6]"),
        ("diagnose", *GRU, "--input", "7,3,4"),
        ("shapes", *RNN, "--input", "1,,5"),
        ("explain", "\udcff\udcfe not utf-8"),
        ("explain", "批次 × 特征"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_ascii_terminal_gets_no_traceback(args: tuple[str, ...], lang: str) -> None:
    env = {**environment("C"), "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [str(SCRIPT), *args, "--lang", lang], capture_output=True, env=env, timeout=60
    )
    no_traceback(result)
    result.stdout.decode("ascii")  # only ASCII was written
    result.stderr.decode("ascii")
    assert result.stdout or result.stderr


def test_the_multiplication_sign_reaches_an_ascii_terminal_as_x() -> None:
    env = {**environment("C"), "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}
    result = subprocess.run(
        [str(SCRIPT), "explain", "Expected hidden size (2, 3, 6), got [1, 3, 6]"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "num_layers x (2 if bidirectional else 1) = 2" in " ".join(
        result.stdout.decode().split()
    )


def test_a_closed_pipe_is_not_an_error_message() -> None:
    result = subprocess.run(
        f"{SCRIPT} shapes LSTM --input-size 5 --hidden-size 6 --input 7,3,5 --json | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        env=environment(),
        timeout=60,
    )
    assert result.stdout == '{\n  "spec":'[:10]
    assert "Traceback" not in result.stderr and "Error" not in result.stderr


# ------------------------------------------------------------ Chinese everywhere


ZH_INPUTS = [
    ("shapes", *LSTM, "--num-layers", "2", "--bidirectional", "--input", "7,3,5"),
    ("shapes", *RNN, "--batch-first", "--input", "3,7,5"),
    ("shapes", *RNN, "--input", "7,5"),
    ("shapes", *RNN, "--input", "1,3,4"),
    ("shapes", *RNN, "--input", "5"),
    ("shapes", *RNN, "--input", "1,1,3,5"),
    ("shapes", *RNN, "--input", "0,3,5"),
    ("shapes", *RNN, "--input", "1,,5"),
    ("shapes", *RNN, "--input", "1,x,5"),
    ("shapes", *RNN, "--proj-size", "2", "--input", "1,3,5"),
    ("shapes", *LSTM, "--proj-size", "6", "--input", "1,3,5"),
    ("shapes", *LSTM, "--proj-size", "-1", "--input", "1,3,5"),
    ("shapes", *RNN, "--num-layers", "0", "--input", "1,3,5"),
    ("shapes", "RNN", "--input-size", "0", "--hidden-size", "6", "--input", "1,3,0"),
    ("shapes", *HUGE, "--input", "1,5"),
    ("shapes", *RNN, "--input", "100000000000000000000,3,5"),
    ("shapes", *RNN, "--num-layers", "two", "--input", "1,3,5"),
    ("shapes", "CNN", "--input-size", "5", "--hidden-size", "6", "--input", "1,3,5"),
    ("shapes", *RNN),
    ("shapes", *RNN, "--input", "1,3,5", "--frob"),
    ("shapes",),
    (),
    ("diagnose", *RNN, "--input", "1,3,5", "--h0", "1,1,6"),
    ("diagnose", *RNN, "--input", "1,3,5", "--h0", "1,3,6"),
    ("diagnose", *GRU, "--input", "7,3,4", "--h0", "2,3,6"),
    ("diagnose", *LSTM, "--input", "1,3,5", "--h0", "1,3,6"),
    ("diagnose", *LSTM, "--input", "1,3,5", "--h0", "1,3,6", "--c0", "1,3,5"),
    ("diagnose", *LSTM, "--input", "1,3,5", "--c0", "1,3,6"),
    ("diagnose", *RNN, "--batch-first", "--input", "3,7,5", "--h0", "3,1,6"),
    ("diagnose", *RNN, "--input", "7,5", "--h0", "1,3,6"),
    ("diagnose", *RNN, "--input", "7,5", "--h0", "6"),
    ("diagnose", *RNN, "--input", "1,3,5", "--c0", "1,3,6"),
    ("diagnose", *RNN, "--bidirectional", "--num-layers", "2", "--input", "4,2,5", "--h0", "2,2,6"),
    ("diagnose", *RNN, "--input", "1,3,5,2"),
    ("explain", "RuntimeError: Expected hidden size (1, 3, 6), got [1, 1, 6]"),
    ("explain", "input.size(-1) must be equal to input_size. Expected 5, got 4"),
    ("explain", "RNN: Expected input to be 2D or 3D, got 4D tensor instead"),
    ("explain", "lstm expects two hidden states"),
    ("explain", "CUDA out of memory"),
    ("explain", "too many values to unpack (expected 2)"),
    ("explain", ""),
]


@pytest.mark.parametrize("args", ZH_INPUTS, ids=lambda args: " ".join(args)[:60])
def test_chinese_output_has_no_english_sentence(
    args: tuple[str, ...], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # PyTorch's quoted error stays on one line
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out, err = call(capsys, *args, "--lang", "zh")
    assert code in (0, 1, 2)
    output = out + err
    assert output.strip()
    # What is quoted is not the command's own words: the message given to explain,
    # PyTorch's own error after "PyTorch 的报错：", a value the user typed.
    quoted = [arg for arg in args if arg.strip()]
    kept = []
    for line in output.splitlines():
        line = re.sub(r"PyTorch 的报错：.*", "", line)
        for arg in quoted:
            line = line.replace(repr(arg), " ").replace(arg, " ")
        kept.append(line)
    words = english_words("\n".join(kept))
    assert not words, (words, output)


def test_an_endless_stdin_is_read_in_bounded_time() -> None:
    result = subprocess.run(
        f"yes 'noise, not an error' | {SCRIPT} explain",
        shell=True,
        capture_output=True,
        text=True,
        env=environment(),
        timeout=120,
    )
    no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.startswith("Not a message rnn-guide knows: 'noise, not an error noise")


@pytest.mark.parametrize("args", [("shapes", *RNN, "--input", "7,3,5"), ("shapes", *RNN)])
def test_closed_stdout_and_stderr_get_no_traceback(args: tuple[str, ...]) -> None:
    command = " ".join([str(SCRIPT), *args])
    result = subprocess.run(
        f"{command} >&- 2>&-; echo $?", shell=True, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() in ("0", "2"), result
