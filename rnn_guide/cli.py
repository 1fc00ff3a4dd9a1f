"""The `rnn-guide` command: shapes, diagnoses and error explanations from the terminal.

```text
rnn-guide shapes LSTM --input-size 5 --hidden-size 6 --input 7,3,5 [--json]
rnn-guide diagnose RNN --input-size 5 --hidden-size 6 --input 1,3,5 --h0 1,1,6
rnn-guide explain "Expected hidden size (1, 3, 6), got [1, 1, 6]"
```

`diagnose` prints what [`diagnose`][rnn_guide.diagnose.diagnose] finds and then the
error PyTorch itself raises for the call, run on the meta device (shapes only, no
memory), with its error atlas entry.

Exit codes: 0 when all is well, 1 when `diagnose` finds problems or `explain` does not
know the message, 2 for bad arguments (one line on stderr, never a traceback).
`--lang zh` prints Chinese; by default the language follows the locale (LC_ALL,
LC_MESSAGES, LANG). `python -m rnn_guide` is the same command.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from rnn_guide.explain import ATLAS_IDS, Lang, atlas_url, explain
from rnn_guide.shapes import RNNSpec, ShapeError, Shapes, expected_shapes, format_shape

__all__ = ["main"]

PROG = "rnn-guide"

# Every line the command prints, in both languages. Keys are short English names.
_TEXT: dict[str, dict[Lang, str]] = {
    "description": {
        "en": "Shapes, diagnoses and error explanations for nn.RNN, nn.GRU and nn.LSTM.",
        "zh": "nn.RNN、nn.GRU 和 nn.LSTM 的形状、诊断与报错解释。",
    },
    "shapes_help": {
        "en": "print the shapes of input, h_0 (c_0), output, h_n (c_n)",
        "zh": "打印 input、h_0（c_0）、output、h_n（c_n）的形状",
    },
    "diagnose_help": {
        "en": "check an input (and h_0, c_0) against a module and explain every problem",
        "zh": "检查输入（以及 h_0、c_0）与模块是否匹配，并解释每个问题",
    },
    "explain_help": {
        "en": "explain a PyTorch RNN error message (from stdin when omitted or '-')",
        "zh": "解释一条 PyTorch RNN 报错信息（省略或为 '-' 时从标准输入读取）",
    },
    "lang_help": {
        "en": "language of the output: en or zh (default: from the locale)",
        "zh": "输出语言：en 或 zh（默认跟随系统区域设置）",
    },
    "json_help": {"en": "print the shapes as JSON", "zh": "以 JSON 输出形状"},
    "error": {"en": "error: ", "zh": "错误："},
    "header": {
        "en": "nn.{mode} shapes for an input of shape {shape} ({kind}):",
        "zh": "nn.{mode} 对形状为 {shape} 的输入（{kind}）的各个形状：",
    },
    "batched": {"en": "a batch", "zh": "一个批次"},
    "unbatched": {"en": "one unbatched sequence", "zh": "单个未批量化的序列"},
    "ok": {"en": "OK", "zh": "没有问题"},
    "problem": {"en": "1 problem:", "zh": "发现 1 个问题："},
    "problems": {"en": "{count} problems:", "zh": "发现 {count} 个问题："},
    "c0_default": {
        "en": "c_0 not given: using zeros of the shape the module expects.",
        "zh": "未给出 c_0：使用模块期望形状的全零张量。",
    },
    "h0_default": {
        "en": "h_0 not given: using zeros of the shape the module expects.",
        "zh": "未给出 h_0：使用模块期望形状的全零张量。",
    },
    "torch_error": {"en": "PyTorch says: ", "zh": "PyTorch 的报错："},
    "cause": {"en": "Cause: ", "zh": "原因："},
    "fix": {"en": "Fix:   ", "zh": "解决："},
    "more": {"en": "More:  ", "zh": "详见："},
    "unknown": {
        "en": "Not a message rnn-guide knows: {message!r}. Known errors: {url}",
        "zh": "rnn-guide 不认识这条信息：{message!r}。已知的报错见：{url}",
    },
    "no_message": {
        "en": "no message given; pass it in quotes, or pipe it in on stdin",
        "zh": "没有给出报错信息；请用引号传入，或通过标准输入传入",
    },
    "shape_arg": {
        "en": "{value!r} is not a shape; write sizes separated by commas, e.g. 7,3,5",
        "zh": "{value!r} 不是形状；请用逗号分隔各轴大小，例如 7,3,5",
    },
    "int_arg": {
        "en": "{value!r} is not a whole number; give e.g. 8",
        "zh": "{value!r} 不是整数；请给出例如 8",
    },
    "mode_arg": {
        "en": "{value!r} is not a mode; choose RNN, GRU or LSTM",
        "zh": "{value!r} 不是可用的模式；请选择 RNN、GRU 或 LSTM",
    },
    "lang_arg": {
        "en": "{value!r} is not a language; choose en or zh",
        "zh": "{value!r} 不是可用的语言；请选择 en 或 zh",
    },
    "c0_not_lstm": {
        "en": "--c0 is only for LSTM (nn.{mode} has no cell state); drop --c0",
        "zh": "--c0 只用于 LSTM（nn.{mode} 没有细胞状态）；请去掉 --c0",
    },
    "command": {
        "en": "choose a command: shapes, diagnose or explain (see rnn-guide --help)",
        "zh": "请选择一个子命令：shapes、diagnose 或 explain（见 rnn-guide --help）",
    },
}

# The axes of each tensor, by the layout of the call.
_AXES: dict[str, tuple[str, ...]] = {
    "input": ("seq_len", "batch", "input_size"),
    "input_bf": ("batch", "seq_len", "input_size"),
    "input_1": ("seq_len", "input_size"),
    "output": ("seq_len", "batch", "D*H_out"),
    "output_bf": ("batch", "seq_len", "D*H_out"),
    "output_1": ("seq_len", "D*H_out"),
    "h": ("D*num_layers", "batch", "H_out"),
    "h_1": ("D*num_layers", "H_out"),
    "c": ("D*num_layers", "batch", "hidden_size"),
    "c_1": ("D*num_layers", "hidden_size"),
}


def _say(lang: Lang, key: str, **values: object) -> str:
    return _TEXT[key][lang].format(**values)


def default_lang(environ: dict[str, str] | None = None) -> Lang:
    """The language the locale asks for: Chinese for a `zh*` locale, else English.

    The first of LC_ALL, LC_MESSAGES and LANG that is set decides, as for other
    command-line programs.

    Args:
        environ: The environment to read (default: `os.environ`).

    Returns:
        "zh" or "en".

    Examples:
        >>> default_lang({"LANG": "zh_CN.UTF-8"}), default_lang({"LANG": "C.UTF-8"})
        ('zh', 'en')
        >>> default_lang({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"})
        'en'
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


# argparse's own messages, for --lang zh (the argument names stay as typed).
_ARGPARSE_ZH = (
    ("the following arguments are required: ", "缺少必需的参数："),
    ("unrecognized arguments: ", "无法识别的参数："),
    ("expected one argument", "需要一个值"),
    ("invalid choice: ", "无效的选项："),
    ("choose from ", "可选 "),
    ("argument ", "参数 "),
)


def _argparse_zh(message: str) -> str:
    for english, chinese in _ARGPARSE_ZH:
        message = message.replace(english, chinese)
    return message


class _UsageError(Exception):
    """Bad arguments: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports a bad argument in one line, in the chosen language."""

    lang: Lang = "en"

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing usage and exiting, so `main` prints one line."""
        text = _argparse_zh(message) if self.lang == "zh" else message
        raise _UsageError(f"{self.prog}: {_say(self.lang, 'error')}{text}")


def _arg_type(lang: Lang, key: str, convert: Any) -> Any:
    """A converter for argparse whose error message is ours, in the chosen language."""

    def parse(value: str) -> Any:
        try:
            return convert(value)
        except (ValueError, TypeError):
            raise argparse.ArgumentTypeError(_say(lang, key, value=value)) from None

    return parse


def _shape(value: str) -> tuple[int, ...]:
    text = value.strip().strip("()[]")
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts or not all(re.fullmatch(r"\d+", part) for part in parts):
        raise ValueError(value)
    return tuple(int(part) for part in parts)


def _mode(value: str) -> str:
    mode = value.upper()
    if mode not in ("RNN", "GRU", "LSTM"):
        raise ValueError(value)
    return mode


def _int(value: str) -> int:
    if not re.fullmatch(r"[+-]?\d+", value.strip()):
        raise ValueError(value)
    return int(value)


def _lang_from_argv(argv: Sequence[str]) -> Lang | None:
    """Find --lang before parsing, so that argument errors are in that language too."""
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in ("en", "zh"):
            return value  # type: ignore[return-value]
    return None


def _parser(lang: Lang) -> _Parser:
    _Parser.lang = lang
    parser = _Parser(prog=PROG, description=_say(lang, "description"))
    lang_option = {
        "type": _arg_type(lang, "lang_arg", _lang_choice),
        "default": lang,
        "help": _say(lang, "lang_help"),
    }
    parser.add_argument("--lang", **lang_option)
    commands = parser.add_subparsers(dest="command", metavar="{shapes,diagnose,explain}")
    for name in ("shapes", "diagnose"):
        sub = commands.add_parser(name, help=_say(lang, f"{name}_help"))
        sub.add_argument("mode", metavar="MODE", type=_arg_type(lang, "mode_arg", _mode))
        number = _arg_type(lang, "int_arg", _int)
        sub.add_argument("--input-size", type=number, required=True, metavar="N")
        sub.add_argument("--hidden-size", type=number, required=True, metavar="N")
        sub.add_argument("--num-layers", type=number, default=1, metavar="N")
        sub.add_argument("--bidirectional", action="store_true")
        sub.add_argument("--batch-first", action="store_true")
        sub.add_argument("--proj-size", type=number, default=0, metavar="N")
        shape = _arg_type(lang, "shape_arg", _shape)
        sub.add_argument("--input", type=shape, required=True, metavar="D0,D1[,D2]")
        if name == "shapes":
            sub.add_argument("--json", action="store_true", help=_say(lang, "json_help"))
        else:
            sub.add_argument("--h0", type=shape, metavar="D0,D1[,D2]")
            sub.add_argument("--c0", type=shape, metavar="D0,D1[,D2]")
        sub.add_argument("--lang", **{**lang_option, "default": argparse.SUPPRESS})
    sub = commands.add_parser("explain", help=_say(lang, "explain_help"))
    sub.add_argument("message", nargs="?", default="-", metavar="MESSAGE")
    sub.add_argument("--lang", **{**lang_option, "default": argparse.SUPPRESS})
    return parser


def _lang_choice(value: str) -> str:
    if value not in ("en", "zh"):
        raise ValueError(value)
    return value


def _spec(args: argparse.Namespace) -> RNNSpec:
    return RNNSpec(
        args.mode,
        input_size=args.input_size,
        hidden_size=args.hidden_size,
        num_layers=args.num_layers,
        bidirectional=args.bidirectional,
        batch_first=args.batch_first,
        proj_size=args.proj_size,
    )


def _axes(shapes: Shapes, batch_first: bool) -> dict[str, tuple[str, ...]]:
    """The axis names of every tensor of the call, in the order they are printed."""
    suffix = "_1" if not shapes.batched else ("_bf" if batch_first else "")
    state = "" if shapes.batched else "_1"
    axes = {"input": _AXES["input" + suffix], "h_0": _AXES["h" + state]}
    if shapes.c_n is not None:
        axes["c_0"] = _AXES["c" + state]
    axes["output"] = _AXES["output" + suffix]
    axes["h_n"] = _AXES["h" + state]
    if shapes.c_n is not None:
        axes["c_n"] = _AXES["c" + state]
    return axes


def _sizes(shapes: Shapes) -> dict[str, tuple[int, ...]]:
    sizes = {"input": shapes.input, "h_0": shapes.h_n, "output": shapes.output}
    sizes["h_n"] = shapes.h_n
    if shapes.c_n is not None:
        sizes["c_0"] = sizes["c_n"] = shapes.c_n
    return sizes


def _run_shapes(args: argparse.Namespace, lang: Lang) -> int:
    spec = _spec(args)
    shapes = expected_shapes(spec, args.input)
    axes, sizes = _axes(shapes, spec.batch_first), _sizes(shapes)
    if args.json:
        report = {
            "spec": {
                "mode": spec.mode,
                "input_size": spec.input_size,
                "hidden_size": spec.hidden_size,
                "num_layers": spec.num_layers,
                "bidirectional": spec.bidirectional,
                "batch_first": spec.batch_first,
                "proj_size": spec.proj_size,
            },
            "batched": shapes.batched,
            "shapes": {name: list(sizes[name]) for name in axes},
            "axes": {name: list(names) for name, names in axes.items()},
        }
        print(json.dumps(report, indent=2))
        return 0
    kind = _say(lang, "batched" if shapes.batched else "unbatched")
    print(_say(lang, "header", mode=spec.mode, shape=format_shape(shapes.input), kind=kind))
    for name, names in axes.items():
        shape = format_shape(sizes[name])
        labels = ", ".join(f"{axis}={size}" for axis, size in zip(names, sizes[name], strict=True))
        print(f"  {name:<7}{shape:<16}{labels}")
    return 0


def _run_diagnose(args: argparse.Namespace, lang: Lang) -> int:
    import torch
    from torch import nn

    from rnn_guide.diagnose import diagnose

    spec = _spec(args)
    if args.c0 is not None and spec.mode != "LSTM":
        raise _UsageError(
            f"{PROG} diagnose: {_say(lang, 'error')}{_say(lang, 'c0_not_lstm', mode=spec.mode)}"
        )
    # The meta device holds shapes only: no memory is allocated, whatever the sizes.
    meta = torch.device("meta")
    kwargs: dict[str, Any] = {
        "num_layers": spec.num_layers,
        "bidirectional": spec.bidirectional,
        "batch_first": spec.batch_first,
        "device": meta,
    }
    if spec.mode == "LSTM":
        kwargs["proj_size"] = spec.proj_size
    module = getattr(nn, spec.mode)(spec.input_size, spec.hidden_size, **kwargs)
    x = torch.zeros(args.input, device=meta)
    notes = []
    hx: object = None
    if args.h0 is not None or args.c0 is not None:
        try:
            shapes: Shapes | None = expected_shapes(spec, args.input)
        except ShapeError:
            shapes = None
        h0, c0 = args.h0, args.c0
        if h0 is None:
            h0 = shapes.h_n if shapes else c0
            notes.append(_say(lang, "h0_default"))
        if spec.mode == "LSTM" and c0 is None:
            c0 = shapes.c_n if shapes and shapes.c_n else h0
            notes.append(_say(lang, "c0_default"))
        h = torch.zeros(h0, device=meta)
        hx = (h, torch.zeros(c0, device=meta)) if spec.mode == "LSTM" else h
    result = diagnose(module, x, hx)
    torch_error = _torch_error(module, x, hx)
    for note in notes:
        print(note)
    if result.ok and torch_error is None:
        label = _say(lang, "ok")
        print(f"{label}: {result.summary}")
        return 0
    count = len(result.problems)
    if count:
        print(_say(lang, "problem" if count == 1 else "problems", count=count))
    for number, problem in enumerate(result.problems, 1):
        print(f"{number}. {problem}")
    if torch_error is not None:
        print(_say(lang, "torch_error") + torch_error)
        found = explain(torch_error, lang)
        if found is not None:
            print(_say(lang, "more") + found.url)
    return 1


def _torch_error(module: Any, x: Any, hx: object) -> str | None:
    """What PyTorch itself raises for this call, run on the meta device (shapes only)."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            module(x) if hx is None else module(x, hx)
    except Exception as error:  # whatever PyTorch raises is what the reader will see
        return f"{type(error).__name__}: {error}".splitlines()[0]
    return None


def _run_explain(args: argparse.Namespace, lang: Lang, stdin: Any) -> int:
    message = args.message
    if message == "-":
        message = stdin.read()
    if not message.strip():
        raise _UsageError(f"{PROG} explain: {_say(lang, 'error')}{_say(lang, 'no_message')}")
    found = explain(message, lang)
    if found is None:
        shown = " ".join(message.split())[:200]
        url = atlas_url(ATLAS_IDS[0], lang).split("#")[0]
        print(_say(lang, "unknown", message=shown, url=url))
        return 1
    print(found.message)
    print(_say(lang, "cause") + found.cause)
    print(_say(lang, "fix") + found.fix)
    print(_say(lang, "more") + found.url)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `rnn-guide` command.

    Args:
        argv: The arguments after the program name (default: `sys.argv[1:]`).

    Returns:
        The exit status: 0 when all is well, 1 when `diagnose` finds problems or
        `explain` does not recognise the message, 2 for bad arguments.

    Examples:
        >>> main(["shapes", "GRU", "--input-size", "5", "--hidden-size", "6",
        ...       "--input", "7,3,5", "--lang", "en"])
        nn.GRU shapes for an input of shape (7, 3, 5) (a batch):
          input  (7, 3, 5)       seq_len=7, batch=3, input_size=5
          h_0    (1, 3, 6)       D*num_layers=1, batch=3, H_out=6
          output (7, 3, 6)       seq_len=7, batch=3, D*H_out=6
          h_n    (1, 3, 6)       D*num_layers=1, batch=3, H_out=6
        0
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang: Lang = _lang_from_argv(arguments) or default_lang()
    # Print Chinese even where the terminal's encoding is not UTF-8.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and lang == "zh":
            stream.reconfigure(errors="backslashreplace")
    try:
        args = _parser(lang).parse_args(arguments)
        if args.command is None:
            raise _UsageError(f"{PROG}: {_say(lang, 'error')}{_say(lang, 'command')}")
        if args.command == "explain":
            return _run_explain(args, lang, sys.stdin)
        try:
            if args.command == "shapes":
                return _run_shapes(args, lang)
            return _run_diagnose(args, lang)
        except ValueError as error:  # ShapeError is a ValueError
            first = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            raise _UsageError(f"{PROG} {args.command}: {_say(lang, 'error')}{first}") from None
    except _UsageError as error:
        print(str(error), file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `rnn-guide shapes ... --json | head -3`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
