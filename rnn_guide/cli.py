"""The `rnn-guide` command: shapes, diagnoses and error explanations from the terminal.

```text
rnn-guide shapes LSTM --input-size 5 --hidden-size 6 --input 7,3,5 [--json]
rnn-guide diagnose RNN --input-size 5 --hidden-size 6 --input 1,3,5 --h0 1,1,6
rnn-guide explain "Expected hidden size (1, 3, 6), got [1, 1, 6]"
```

`diagnose` prints every problem [`diagnose`][rnn_guide.diagnose.diagnose] finds, in
order, and then the error PyTorch itself raises for the call, with its error atlas
entry.

Exit status: 0 when all is well, 1 when `diagnose` finds problems or `explain` does
not know the message, 2 for bad input (one line on stderr, never a traceback).
`--lang zh` prints Chinese, argparse's usage and help included; by default the
language follows the locale (LC_ALL, LC_MESSAGES, LANG). Every line comes from the
message table, [`rnn_guide.messages`][rnn_guide.messages], worded in the command's
terms (`--proj-size 0`, not `proj_size=0`). Output is wrapped at word boundaries to
the terminal's width (Chinese characters count two columns); bold and colour are
used only on a terminal, and never when `NO_COLOR` is set. `--help` and argument
errors answer without importing torch. `python -m rnn_guide` is the same command.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import IO, Any, NoReturn

from rnn_guide.messages import LANGS, Lang, text
from rnn_guide.messages.catalog import translated
from rnn_guide.shapes import INT64_MAX, RNNSpec, ShapeError, Shapes, expected_shapes, format_shape

__all__ = ["default_lang", "main", "wrap"]

PROG = "rnn-guide"

EXAMPLES: Mapping[str, str] = {
    "shapes": f"{PROG} shapes LSTM --input-size 5 --hidden-size 6 --input 7,3,5",
    "diagnose": f"{PROG} diagnose GRU --input-size 4 --hidden-size 6 --input 7,3,4 --h0 2,3,6",
    "explain": f'{PROG} explain "Expected hidden size (1, 3, 6), got [1, 1, 6]"',
}
"""One example per subcommand, shown at the end of its help."""

# What the command reads from stdin: the last megabyte of at most 16 (an endless
# stream ends there too).
_STDIN_LIMIT = 1 << 20
_STDIN_CHUNKS = 15

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
    """A line of the command: the table's `cli.*` entry, in the command's terms."""
    return text(key if "." in key else f"cli.{key}", lang, "cli", **values)


def default_lang(environ: Mapping[str, str] | None = None) -> Lang:
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


# ------------------------------------------------------------------ the terminal


def _width(char: str) -> int:
    """Columns a character takes on a terminal: 2 for wide (CJK) characters."""
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _columns(line: str) -> int:
    return sum(_width(char) for char in line)


# A line may not start with closing punctuation nor end with opening punctuation.
_NO_START = set("，。、；：？！）》」』】…%,.;:!?)]}")
_NO_END = set("（《「『【([{")


_SHAPE = re.compile(r"[(\[](?:[0-9]+, ?)*[0-9]*,?[)\]]")


def _atoms(paragraph: str) -> Iterator[str]:
    """Spaces, single wide characters, and runs of the other characters."""
    run = ""
    for char in paragraph:
        if char.isspace() or _width(char) == 2:
            if run:
                yield run
                run = ""
            yield " " if char.isspace() else char
        else:
            run += char
    if run:
        yield run


def wrap(paragraph: str, width: int, indent: str = "") -> list[str]:
    """Wrap one paragraph at word boundaries to `width` terminal columns.

    Latin words, numbers, shapes, flags and URLs are never split; a line may break
    between two Chinese characters, but not before closing punctuation nor after
    opening punctuation. A word longer than the width gets a line of its own.

    Args:
        paragraph: The text, without newlines.
        width: The most columns a line may take (wide characters count 2).
        indent: Put before every line but the first.

    Returns:
        The lines, without trailing spaces.

    Examples:
        >>> wrap("use --proj-size 0, or choose LSTM as MODE.", 20, "  ")
        ['use --proj-size 0,', '  or choose LSTM as', '  MODE.']
        >>> wrap("请去掉 --proj-size，或把 MODE 设为 LSTM。", 16)
        ['请去掉', '--proj-size，或', '把 MODE 设为', 'LSTM。']
    """
    lead = paragraph[: len(paragraph) - len(paragraph.lstrip())]
    # A shape such as (1, 3, 6) or [1, 1, 6] is one word: its spaces become NULs here.
    paragraph = _SHAPE.sub(lambda match: match[0].replace(" ", "\0"), paragraph)
    words: list[list[Any]] = []  # [text, space before it]
    spaced = False
    for atom in _atoms(paragraph):
        if atom == " ":
            spaced = True
            continue
        if words and not spaced and (atom[0] in _NO_START or words[-1][0][-1] in _NO_END):
            words[-1][0] += atom  # kept together: no line starts with "，" or ends with "（"
        else:
            words.append([atom, spaced])
        spaced = False
    lines: list[str] = []
    line = lead
    for word, space in words:
        gap = " " if space and line.strip() else ""
        if line.strip() and _columns(line + gap + word) > width:
            lines.append(line.rstrip())
            line = indent + word
        else:
            line += gap + word
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return [line.replace("\0", " ") for line in lines]


def _terminal_columns(stream: object) -> int:
    """The width to wrap to: COLUMNS if set, else the terminal's, else 80.

    Only the stream written to counts: output captured or piped wraps at 80 columns
    whatever terminal the program was started from.
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if stream is not None and stream.isatty():  # type: ignore[attr-defined]
            return os.get_terminal_size(stream.fileno()).columns  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        pass
    return 80


class _Terminal:
    """Where the command writes: wraps, styles on a terminal only, never fails to encode."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        isatty = getattr(stream, "isatty", None)
        try:
            self.tty = bool(isatty and isatty())
        except (ValueError, OSError):  # a closed stream
            self.tty = False
        self.colour = (
            self.tty and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        )
        self.width = max(20, _terminal_columns(stream) - 1)

    def style(self, words: str, code: str) -> str:
        """`words` in bold (code "1"), red ("31") or green ("32") on a colour terminal."""
        return f"\033[{code}m{words}\033[0m" if self.colour else words

    def write(self, output: str) -> None:
        """Write `output`, spelling what the stream's encoding cannot hold some other way."""
        try:
            self.stream.write(output)
        except UnicodeEncodeError:
            encoding = getattr(self.stream, "encoding", None) or "ascii"
            plain = output.translate(_ASCII)
            self.stream.write(plain.encode(encoding, "backslashreplace").decode(encoding))
        except (ValueError, OSError, AttributeError):  # closed, or no stream at all
            return
        try:
            self.stream.flush()
        except (ValueError, OSError, AttributeError):
            return

    def line(self, paragraph: str, indent: str = "", style: str = "") -> None:
        """Write one paragraph, wrapped, continuation lines indented by `indent`."""
        for number, piece in enumerate(paragraph.split("\n")):
            lead = indent if number else ""
            lines = wrap(lead + piece, self.width, indent) if piece else [""]
            shown = [self.style(line, style) if style else line for line in lines]
            self.write("\n".join(shown) + "\n")

    def row(self, head: str, rest: str) -> None:
        """Write a row of a table: `rest` wraps under itself when the line is too long."""
        if _columns(head + rest) <= self.width:
            self.write(head + rest + "\n")
            return
        indent = " " * _columns(head)
        lines = wrap(rest, max(20, self.width - _columns(head)))
        self.write(head + ("\n" + indent).join(lines) + "\n")

    def labelled(self, label: str, body: str) -> None:
        """Write "Label: body" with the label in bold and the body's lines under the body."""
        indent = " " * _columns(label)
        lines = wrap(body, max(20, self.width - _columns(label)))
        head = self.style(label, "1") if self.colour else label
        self.write(head + ("\n" + indent).join(lines) + "\n")


# Characters an ASCII terminal cannot show, spelled in ASCII.
_ASCII = str.maketrans({"×": "x", "–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"'})


# ------------------------------------------------------------------ arguments


class _UsageError(Exception):
    """Bad input: printed as one line on stderr, exit status 2."""

    def __init__(self, line: str, usage: str = "") -> None:
        super().__init__(line)
        self.usage = usage


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports bad arguments in one line, in the chosen language."""

    def __init__(self, *args: Any, lang: Lang = "en", **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", argparse.RawTextHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.lang = lang
        self.commands: dict[str, _Parser] = {}
        self.add_argument("-h", "--help", action="help", help=_say(lang, "help_help"))

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing usage and exiting, so that `main` prints one line."""
        raise _UsageError(_say(self.lang, "error", prog=self.prog, message=message))

    def print_help(self, file: Any = None) -> None:
        """Write the help through the command's terminal (any encoding works)."""
        _Terminal(file or sys.stdout).write(self.format_help())

    def print_usage(self, file: Any = None) -> None:
        """Write the usage through the command's terminal (any encoding works)."""
        _Terminal(file or sys.stdout).write(self.format_usage())


def _help(lang: Lang, key: str) -> str:
    """An option's help, wrapped to the column argparse leaves it."""
    width = max(20, _terminal_columns(sys.stdout) - 26)
    return "\n".join(wrap(_say(lang, key), width))


def _arg_type(lang: Lang, convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """A converter whose error message is the command's own, in the chosen language."""

    def parse(value: str) -> Any:
        try:
            return convert(value)
        except _BadValue as bad:
            shown = repr(value) if len(value) <= 60 else repr(value[:57] + "...")
            message = _say(lang, bad.key, **{"value": shown, **bad.values})
            raise argparse.ArgumentTypeError(message) from None

    return parse


class _BadValue(ValueError):
    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def _size(part: str) -> int:
    if not re.fullmatch(r"\+?[0-9]+", part):
        raise _BadValue("shape_arg")
    size = int(part)
    if size > INT64_MAX:
        raise _BadValue("too_large_arg", value=repr(part), largest=INT64_MAX)
    return size


def _shape(value: str) -> tuple[int, ...]:
    """`7,3,5`, `(7, 3, 5)`, `[7, 3, 5]` or `torch.Size([7, 3, 5])`: every size written."""
    text = value.strip()
    text = re.sub(r"^torch\.Size\(\s*(.*?)\s*\)$", r"\1", text)
    if text[:1] + text[-1:] in ("()", "[]"):
        text = text[1:-1]
    text = text.strip()
    if text.endswith(",") and text.count(",") == 1:  # (5,) is a one-axis shape
        text = text[:-1]
    parts = [part.strip() for part in text.split(",")]
    if not text or len(parts) > 64:
        raise _BadValue("shape_arg")
    for position, part in enumerate(parts, 1):
        if not part:
            raise _BadValue("shape_empty", position=position)
    return tuple(_size(part) for part in parts)


def _mode(value: str) -> str:
    mode = value.strip().upper()
    if mode not in ("RNN", "GRU", "LSTM"):
        raise _BadValue("mode_arg")
    return mode


def _int(value: str) -> int:
    if not re.fullmatch(r"\s*[+-]?[0-9]+\s*", value):
        raise _BadValue("int_arg")
    number = int(value)
    if abs(number) > INT64_MAX:
        raise _BadValue("too_large_arg", largest=INT64_MAX)
    return number


def _lang_choice(value: str) -> str:
    if value not in LANGS:
        raise _BadValue("lang_arg")
    return value


_LANG_OF: Mapping[str, Lang] = {"en": "en", "zh": "zh"}


def _lang_from_argv(argv: Sequence[str]) -> Lang | None:
    """Find --lang before parsing, so that argument errors are in that language too."""
    found: Lang | None = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value is not None and value in _LANG_OF:
            found = _LANG_OF[value]
    return found


def _parser(lang: Lang) -> _Parser:
    parser = _Parser(
        prog=PROG,
        description=_say(lang, "description"),
        epilog="\n".join(wrap(_say(lang, "epilog", prog=PROG), _help_width())),
        lang=lang,
    )
    lang_option: dict[str, Any] = {
        "type": _arg_type(lang, _lang_choice),
        "default": lang,
        "metavar": "{en,zh}",
        "help": _help(lang, "lang_help"),
    }
    parser.add_argument("--lang", **lang_option)
    commands = parser.add_subparsers(
        dest="command", metavar="{shapes,diagnose,explain}", title=_say(lang, "commands_title")
    )
    number = _arg_type(lang, _int)
    shape = _arg_type(lang, _shape)
    for name in ("shapes", "diagnose", "explain"):
        sub = commands.add_parser(
            name,
            help=_help(lang, f"{name}_help"),
            description=_say(lang, f"{name}_help"),
            epilog=_say(lang, "example", example=EXAMPLES[name]),
            lang=lang,
        )
        parser.commands[name] = sub
        if name == "explain":
            sub.add_argument(
                "message", nargs="?", metavar="MESSAGE", help=_help(lang, "message_help")
            )
        else:
            sub.add_argument(
                "mode",
                metavar="MODE",
                type=_arg_type(lang, _mode),
                help=_help(lang, "mode_help"),
            )
            sub.add_argument(
                "--input-size",
                type=number,
                required=True,
                metavar="N",
                help=_help(lang, "input_size_help"),
            )
            sub.add_argument(
                "--hidden-size",
                type=number,
                required=True,
                metavar="N",
                help=_help(lang, "hidden_size_help"),
            )
            sub.add_argument(
                "--num-layers",
                type=number,
                default=1,
                metavar="N",
                help=_help(lang, "num_layers_help"),
            )
            sub.add_argument(
                "--bidirectional", action="store_true", help=_help(lang, "bidirectional_help")
            )
            sub.add_argument(
                "--batch-first", action="store_true", help=_help(lang, "batch_first_help")
            )
            sub.add_argument(
                "--proj-size",
                type=number,
                default=0,
                metavar="N",
                help=_help(lang, "proj_size_help"),
            )
            sub.add_argument(
                "--input",
                type=shape,
                required=True,
                metavar="D0,D1[,D2]",
                help=_help(lang, "input_help"),
            )
            if name == "shapes":
                sub.add_argument("--json", action="store_true", help=_help(lang, "json_help"))
            else:
                sub.add_argument(
                    "--h0", type=shape, metavar="D0,D1[,D2]", help=_help(lang, "h0_help")
                )
                sub.add_argument(
                    "--c0", type=shape, metavar="D0,D1[,D2]", help=_help(lang, "c0_help")
                )
        sub.add_argument("--lang", **{**lang_option, "default": argparse.SUPPRESS})
    return parser


def _help_width() -> int:
    return max(20, min(_terminal_columns(sys.stdout), 100) - 2)


# ------------------------------------------------------------------ commands


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


def _run_shapes(args: argparse.Namespace, lang: Lang, out: _Terminal) -> int:
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
        out.write(json.dumps(report, indent=2) + "\n")
        return 0
    kind = _say(lang, "batched" if shapes.batched else "unbatched")
    header = _say(lang, "header", mode=spec.mode, shape=format_shape(shapes.input), kind=kind)
    out.line(header, style="1")
    for name, names in axes.items():
        shape = format_shape(sizes[name])
        labels = ", ".join(f"{axis}={size}" for axis, size in zip(names, sizes[name], strict=True))
        out.row(f"  {name:<7}{shape:<16}", labels)
    return 0


def _check_state(name: str, shape: tuple[int, ...] | None) -> None:
    """A state shape PyTorch cannot hold is bad input, like such an input."""
    if shape is None:
        return
    numel = 1
    for size in shape:
        numel *= size
    if numel * 4 > INT64_MAX:
        raise ShapeError(
            text("shape.storage_too_large", tensor=name, shape=format_shape(shape)),
            key="storage_too_large",
            values={"tensor": name, "shape": format_shape(shape)},
        )


def _run_diagnose(args: argparse.Namespace, lang: Lang, out: _Terminal) -> int:
    spec = _spec(args)  # a spec torch's constructor rejects is bad input: exit 2
    if args.c0 is not None and spec.mode != "LSTM":
        raise _UsageError(
            _say(
                lang,
                "error",
                prog=f"{PROG} diagnose",
                message=_say(lang, "c0_not_lstm", mode=spec.mode),
            )
        )
    try:
        shapes: Shapes | None = expected_shapes(spec, args.input)
    except ShapeError as error:
        if error.key in ("size_too_large", "storage_too_large"):
            raise
        shapes = None  # a wrong input shape is a problem diagnose explains
    _check_state("h_0", args.h0)
    _check_state("c_0", args.c0)

    import torch  # only now: --help and bad arguments never wait for it

    from rnn_guide.diagnose import diagnose

    # Meta tensors hold shapes only: no memory, whatever the sizes; the spec stands for
    # the module, so that no layer is built.
    def meta(shape: tuple[int, ...]) -> Any:
        return torch.empty(shape, device="meta")

    notes = []
    hx: object = None
    if args.h0 is not None or args.c0 is not None:
        h0, c0 = args.h0, args.c0
        if h0 is None:
            h0 = shapes.h_n if shapes else c0
            notes.append(_say(lang, "h0_default"))
        if spec.mode == "LSTM" and c0 is None:
            c0 = shapes.c_n if shapes and shapes.c_n else h0
            notes.append(_say(lang, "c0_default"))
        hx = (meta(h0), meta(c0)) if spec.mode == "LSTM" else meta(h0)
    result = diagnose(spec, meta(args.input), hx, lang=lang, surface="cli")
    for note in notes:
        out.line(note)
    if result.ok and result.torch_error is None:
        out.labelled(_say(lang, "ok", summary=""), result.summary)
        return 0
    count = len(result.problems)
    if count:
        out.line(_say(lang, "problem" if count == 1 else "problems", count=count), style="1")
    for number, problem in enumerate(result.problems, 1):
        out.labelled(f"{number}. ", problem)
    if result.torch_error is not None:
        out.labelled(_say(lang, "torch_error", error=""), result.torch_error)
        from rnn_guide.explain import explain

        found = explain(result.torch_error, lang)
        if found is not None:
            out.labelled(_say(lang, "more", url=""), found.url)
    return 1


def _read_stdin(stdin: IO[str] | None, lang: Lang) -> str:
    """The message piped in: at most the last megabyte, undecodable bytes replaced."""
    if stdin is None or getattr(stdin, "closed", False):
        raise _UsageError(
            _say(
                lang,
                "error",
                prog=f"{PROG} explain",
                message=_say(lang, "unreadable_stdin", reason="closed"),
            )
        )
    try:
        buffer = getattr(stdin, "buffer", None)
        if buffer is not None:
            data = buffer.read(_STDIN_LIMIT)
            for _ in range(_STDIN_CHUNKS):  # a longer log keeps its end, where the error is
                more = buffer.read(_STDIN_LIMIT)
                if not more:
                    break
                data = data[-_STDIN_LIMIT:] + more
            return str(data[-_STDIN_LIMIT:].decode("utf-8", errors="replace"))
        return str(stdin.read(_STDIN_LIMIT))
    except (OSError, ValueError, UnicodeError) as error:
        reason = type(error).__name__
        raise _UsageError(
            _say(
                lang,
                "error",
                prog=f"{PROG} explain",
                message=_say(lang, "unreadable_stdin", reason=reason),
            )
        ) from None


def _run_explain(
    args: argparse.Namespace, lang: Lang, stdin: IO[str] | None, out: _Terminal, parser: _Parser
) -> int:
    message = args.message
    if message is None:
        isatty = getattr(stdin, "isatty", None)
        try:
            interactive = bool(stdin is not None and isatty and isatty())
        except (ValueError, OSError):
            interactive = False
        if interactive:  # nobody is piping a message in: say how to give one
            raise _UsageError(
                _say(lang, "error", prog=f"{PROG} explain", message=_say(lang, "no_message")),
                usage=parser.format_usage(),
            )
    if message is None or message == "-":
        message = _read_stdin(stdin, lang)
    if not message.strip():
        raise _UsageError(
            _say(lang, "error", prog=f"{PROG} explain", message=_say(lang, "no_message"))
        )
    from rnn_guide import explain as atlas

    found = atlas.explain(message, lang)
    if found is None:
        shown = " ".join(message.split())
        shown = repr(shown if len(shown) <= 200 else shown[:197] + "...")
        out.line(_say(lang, "unknown_message", message=shown))
        unrelated = getattr(atlas, "unrelated", None)  # where to look instead
        if unrelated is not None:
            out.line(unrelated(message, lang))
        else:
            url = atlas.atlas_url(atlas.ATLAS_IDS[0], lang).split("#")[0]
            out.line(_say(lang, "known_errors", url=url))
        return 1
    out.line(found.message, style="1")
    out.labelled(_say(lang, "cause", text=""), found.cause)
    out.labelled(_say(lang, "fix", text=""), found.fix)
    out.labelled(_say(lang, "more", url=""), found.url)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `rnn-guide` command.

    Args:
        argv: The arguments after the program name (default: `sys.argv[1:]`).

    Returns:
        The exit status: 0 when all is well, 1 when `diagnose` finds problems or
        `explain` does not recognise the message, 2 for bad input.

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
    out, err = _Terminal(sys.stdout), _Terminal(sys.stderr)
    with translated(lang):
        try:
            return _run(arguments, lang, out)
        except _UsageError as error:
            if error.usage:
                err.write(error.usage)
            err.write(err.style(str(error), "31") + "\n" if err.colour else str(error) + "\n")
            return 2
        except BrokenPipeError:  # e.g. `rnn-guide shapes ... --json | head -3`
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            except (OSError, ValueError, AttributeError):
                pass
            return 1
        except KeyboardInterrupt:
            return 130


def _run(arguments: list[str], lang: Lang, out: _Terminal) -> int:
    parser = _parser(lang)
    try:
        args = parser.parse_args(arguments)
    except SystemExit as done:  # --help
        return done.code if isinstance(done.code, int) else 0
    if args.command is None:
        raise _UsageError(_say(lang, "error", prog=PROG, message=_say(lang, "command", prog=PROG)))
    if args.command == "explain":
        return _run_explain(args, lang, sys.stdin, out, parser.commands["explain"])
    try:
        if args.command == "shapes":
            return _run_shapes(args, lang, out)
        return _run_diagnose(args, lang, out)
    except ShapeError as error:
        line = error.message(lang, "cli")
        raise _UsageError(
            _say(lang, "error", prog=f"{PROG} {args.command}", message=line)
        ) from None
