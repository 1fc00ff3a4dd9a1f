"""Recognise PyTorch's RNN error messages and explain them, in English or Chinese.

[`explain`][rnn_guide.explain.explain] reads the last error of a message, a traceback
or a whole log, matches it against the table of message forms in
`rnn_guide.messages.explain` (the same table the error atlas lists), and returns the
cause and the fix, worded with the numbers from the message, with a link to the
atlas entry. A form is recognised only when the whole message fits it; forms that
other code raises too ("index 1 is out of bounds ...") are recognised only when the
traceback ends in torch's recurrent code. Anything else gets None, and
[`unrelated`][rnn_guide.explain.unrelated] says where to look instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from rnn_guide.messages import Lang, text
from rnn_guide.messages.explain import PATTERNS, UNRELATED, Pattern

__all__ = [
    "ATLAS_IDS",
    "SITE_URL",
    "Explanation",
    "atlas_url",
    "explain",
    "last_error",
    "unrelated",
]

#: Where the site is published; every link the command prints starts here.
SITE_URL: Final = "https://rnn-guide.github.io/rnn-guide/"

#: The error atlas entries (anchors of reference/error-atlas.md), in table order.
ATLAS_IDS: Final = tuple(dict.fromkeys(pattern.id for pattern in PATTERNS))


def atlas_url(anchor: str, lang: Lang = "en") -> str:
    """The address of one entry of the error atlas, in the reader's language.

    Args:
        anchor: The entry's id, one of `ATLAS_IDS`.
        lang: "en" or "zh" (the Chinese site lives under `zh/`).

    Returns:
        The full URL, ending in `#anchor`.

    Examples:
        >>> atlas_url("input-size-mismatch", "zh")
        'https://rnn-guide.github.io/rnn-guide/zh/reference/error-atlas/#input-size-mismatch'
    """
    prefix = "zh/" if lang == "zh" else ""
    return f"{SITE_URL}{prefix}reference/error-atlas/#{anchor}"


@dataclass(frozen=True)
class Explanation:
    """What a recognised error message means.

    Attributes:
        id: The error atlas entry (its anchor on the page).
        message: The line of the input that was recognised.
        cause: Why PyTorch raised it, with the numbers from the message.
        fix: What to change, with the numbers from the message; where no fix is sure,
            what to check.
        url: The error atlas entry in the requested language.
        code: A Python statement that applies the fix, when it is sure (it assigns
            `h_0`, `c_0` or `x`), else "".
    """

    id: str
    message: str
    cause: str
    fix: str
    url: str
    code: str = ""


@dataclass(frozen=True)
class Reported:
    """The last error of a text, as [`last_error`][rnn_guide.explain.last_error] finds it.

    Attributes:
        line: The error's line as given, e.g. "RuntimeError: lstm expects two hidden states".
        message: The message without the exception's name.
        frame: The file of the traceback's innermost frame, with "/" separators, or None.
    """

    line: str
    message: str
    frame: str | None


# An exception's name: ...Error, ...Exception (dotted or not), or any class of a dotted
# module path (torch._dynamo.exc.Unsupported).
_EXCEPTION = (
    r"(?:(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception|Interrupt|Exit)"
    r"|(?:[a-z_]\w*\.)+[A-Z]\w*)"
)
_ERROR_LINE = re.compile(rf"^\s*(?:E\s+)?(?P<type>{_EXCEPTION}): ?(?P<text>.*\S)?\s*$")
_WARNING_LINE = re.compile(
    r"^(?:.*?: )?(?P<type>(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*Warning): (?P<text>.*\S)\s*$"
)
_FRAME_LINE = re.compile(
    r"""^\s*(?:File\s+"(?P<quoted>[^"]+)"|File\s+(?P<ipython>\S+?\.py)(?::\d+)?,?\s"""
    r"""|(?P<old>\S+\.py)\s+in\s)"""
)


def last_error(log: str) -> Reported:
    """Find the error a text reports: the last exception line, else the last warning.

    A log may hold warnings, several tracebacks and chained exceptions; the error
    that ended the run is the last exception line. A text without one (a bare
    message) is taken as the message itself.

    Args:
        log: A message, a traceback or a whole log.

    Returns:
        The error's line, its message and the innermost frame's file.

    Examples:
        >>> log = '''UserWarning: dropout option adds dropout after all but last ...
        ... Traceback (most recent call last):
        ...   File "/venv/lib/torch/nn/modules/rnn.py", line 1124, in forward
        ... RuntimeError: lstm expects two hidden states'''
        >>> found = last_error(log)
        >>> found.message, found.frame
        ('lstm expects two hidden states', '/venv/lib/torch/nn/modules/rnn.py')
    """
    lines = log.splitlines()
    head = None
    for number in range(len(lines) - 1, -1, -1):
        if _ERROR_LINE.match(lines[number]):
            head = number
            break
    if head is None:
        for number in range(len(lines) - 1, -1, -1):
            if _WARNING_LINE.match(lines[number]):
                head = number
                break
    if head is None:
        bare = " ".join(log.split())
        return Reported(bare, bare, None)
    match = _ERROR_LINE.match(lines[head]) or _WARNING_LINE.match(lines[head])
    assert match is not None
    message = (match["text"] or "").strip()
    frame = None
    for number in range(head - 1, -1, -1):
        line = lines[number]
        if _ERROR_LINE.match(line) or line.strip().startswith("Traceback"):
            break  # the frames above belong to an earlier error
        found = _FRAME_LINE.match(line)
        if found:
            path = found["quoted"] or found["ipython"] or found["old"]
            frame = path.replace("\\", "/")
            break
    return Reported(lines[head].strip(), message, frame)


# ---------------------------------------------------------------- wording

Values = Mapping[str, object]
# A rule turns a match into (cause, fix, code) in one language.
Rule = Callable[[Mapping[str, str], Lang], tuple[str, str, str]]


def _say(key: str, lang: Lang, **values: object) -> str:
    return text("explain." + key, lang, "python", **values)


def _plain(pattern_id: str) -> Rule:
    def rule(groups: Mapping[str, str], lang: Lang) -> tuple[str, str, str]:
        values = {name: value for name, value in groups.items() if value is not None}
        return (
            _say(f"{pattern_id}.cause", lang, **values),
            _say(f"{pattern_id}.fix", lang, **values),
            "",
        )

    return rule


def _sizes(text_: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text_))


def _hidden(which: str) -> Rule:
    name = {"": "h_0", "0": "h_0 (hx[0])", "1": "c_0 (hx[1])"}[which]
    var = "c_0" if which == "1" else "h_0"

    def rule(groups: Mapping[str, str], lang: Lang) -> tuple[str, str, str]:
        expected, got = _sizes(groups["expected"]), _sizes(groups["got"])
        size_name = "hidden_size" if which == "1" else "H_out"
        cause = _say("hidden.cause", lang, name=name, got=repr(got), expected=repr(expected))
        fix = _say("hidden.fix", lang, expected=repr(expected))
        if len(expected) == len(got) == 3:
            cause += _say("hidden.axes", lang, size_name=size_name)
            if got[:2] == expected[1::-1] and got[2] == expected[2] and got[0] != got[1]:
                cause += _say("hidden.transposed", lang, size_name=size_name)
                fix += _say("hidden.fix_transposed", lang, var=var)
            else:
                if got[0] != expected[0]:
                    cause += _say("hidden.axis0", lang, got=got[0], expected=expected[0])
                if got[1] != expected[1]:
                    cause += _say("hidden.batch", lang, got=got[1], expected=expected[1])
                    fix += _say("hidden.fix_batch", lang, got=got[1])
            if got[2] != expected[2]:
                size = "hidden_size" if which == "1" else "hidden_size (proj_size if set)"
                cause += _say("hidden.last", lang, got=got[2], expected=expected[2], size=size)
        elif len(got) != len(expected):
            cause += _say(
                "hidden.rank",
                lang,
                got_rank=len(got),
                expected_rank=len(expected),
                size_name=size_name,
            )
        code = f"{var} = torch.zeros{expected}" if len(expected) == 3 else ""
        return cause, fix, code

    return rule


def _state_rank(pattern_id: str) -> Rule:
    def rule(groups: Mapping[str, str], lang: Lang) -> tuple[str, str, str]:
        states = "hx and cx" if groups.get("cx") else "hx"
        got = groups["got"]
        lstm = ""
        if pattern_id == "hx-should-be-3d" and groups.get("cx"):
            lstm = _say("hx-should-be-3d.lstm", lang)
        values = {"states": states, "got": got, "lstm": lstm}
        return _say(f"{pattern_id}.cause", lang, **values), _say(f"{pattern_id}.fix", lang), ""

    return rule


def _input_rank(groups: Mapping[str, str], lang: Lang) -> tuple[str, str, str]:
    expected, got = int(groups["expected"]), int(groups["got"])
    variant = "packed" if expected == 2 else "old"
    prefix = f"input-must-have-dimensions.{variant}"
    return _say(prefix + ".cause", lang, got=got), _say(prefix + ".fix", lang), ""


def _input_2d_3d(groups: Mapping[str, str], lang: Lang) -> tuple[str, str, str]:
    got = int(groups["got"])
    cause = _say("expected-2d-or-3d.cause", lang, got=got, mode=groups["mode"])
    if got < 2:
        return cause, _say("expected-2d-or-3d.low", lang), ""
    return cause, _say("expected-2d-or-3d.high", lang, extra=got - 3), ""


_INTEGERS = ("torch.int", "torch.uint", "torch.long", "torch.short")


def _input_dtype(groups: Mapping[str, str], lang: Lang) -> tuple[str, str, str]:
    given, weight = groups["given"], groups["weight"]
    cause = _say("input-dtype.cause", lang, given=given, weight=weight)
    if given.startswith(_INTEGERS):
        return cause, _say("input-dtype.int", lang, weight=weight), ""
    if given == "torch.bool":
        return (
            cause,
            _say("input-dtype.bool", lang, given=given, weight=weight),
            f"x = x.to({weight})",
        )
    if given.startswith("torch.complex"):
        return cause, _say("input-dtype.complex", lang, weight=weight), ""
    return cause, _say("input-dtype.float", lang, given=given, weight=weight), f"x = x.to({weight})"


def _device(groups: Mapping[str, str], lang: Lang) -> tuple[str, str, str]:
    other_name = _say(f"device-mismatch.{groups['what']}", lang)
    cause = _say(
        "device-mismatch.cause",
        lang,
        input=groups["input"],
        other=groups["other"],
        other_name=other_name,
    )
    return cause, _say("device-mismatch.fix", lang), ""


def _hx_dtype(groups: Mapping[str, str], lang: Lang) -> tuple[str, str, str]:
    got = ""
    if groups.get("first"):
        got = _say("hx-dtype.got", lang, first=groups["first"], second=groups["second"])
    return _say("hx-dtype.cause", lang, got=got), _say("hx-dtype.fix", lang), ""


def _lstm_one_tensor(groups: Mapping[str, str], lang: Lang) -> tuple[str, str, str]:
    if groups.get("size"):
        detail = _say("lstm-state-one-tensor.index", lang, size=groups["size"])
    elif groups.get("type"):
        detail = _say("lstm-state-one-tensor.type", lang, op=groups["op"], type=groups["type"])
    else:
        detail = _say("lstm-state-one-tensor.count", lang, op=groups["op"])
    cause = _say("lstm-state-one-tensor.cause", lang, detail=detail)
    return cause, _say("lstm-state-one-tensor.fix", lang), ""


def _size_type(groups: Mapping[str, str], lang: Lang) -> tuple[str, str, str]:
    kind = groups.get("type") or groups.get("type2") or "float"
    return _say("size-type.cause", lang, type=kind), _say("size-type.fix", lang), ""


def _cell_dimensions(groups: Mapping[str, str], lang: Lang) -> tuple[str, str, str]:
    values = {"cell": groups["cell"], "what": groups["what"], "got": groups["got"]}
    return _say("cell-dimensions.cause", lang, **values), _say("cell-dimensions.fix", lang), ""


def _cell_state(pattern_id: str) -> Rule:
    def rule(groups: Mapping[str, str], lang: Lang) -> tuple[str, str, str]:
        state = "h_0" if groups["which"] == "0" else "c_0"
        values = {name: value for name, value in groups.items() if value is not None}
        values["state"] = state
        return (
            _say(f"{pattern_id}.cause", lang, **values),
            _say(f"{pattern_id}.fix", lang, **values),
            "",
        )

    return rule


_RULES: Final[dict[str, Rule]] = {
    "expected-hidden-size": _hidden(""),
    "expected-hidden-0-size": _hidden("0"),
    "expected-hidden-1-size": _hidden("1"),
    "hx-should-be-3d": _state_rank("hx-should-be-3d"),
    "hx-should-be-2d": _state_rank("hx-should-be-2d"),
    "input-must-have-dimensions": _input_rank,
    "expected-2d-or-3d": _input_2d_3d,
    "input-dtype": _input_dtype,
    "device-mismatch": _device,
    "hx-dtype": _hx_dtype,
    "lstm-state-one-tensor": _lstm_one_tensor,
    "size-type": _size_type,
    "cell-dimensions": _cell_dimensions,
    "cell-batch": _cell_state("cell-batch"),
    "cell-hidden-size": _cell_state("cell-hidden-size"),
}

_COMPILED: Final = tuple((pattern, re.compile(pattern.regex)) for pattern in PATTERNS)


def _frame_fits(pattern: Pattern, frame: str | None) -> bool:
    if not pattern.frames:
        return True
    return frame is not None and any(
        frame == path or frame.endswith("/" + path) for path in pattern.frames
    )


def explain(message: str, lang: Lang = "en") -> Explanation | None:
    """Explain a PyTorch RNN error message, or return None for one this module does not know.

    Args:
        message: The error message, with or without the exception name; a whole
            traceback or log works too (its last error is read).
        lang: "en" for English, "zh" for Chinese.

    Returns:
        The explanation, or None when the message is not one of the recurrent
        modules' errors (see [`unrelated`][rnn_guide.explain.unrelated]).

    Examples:
        >>> found = explain("RuntimeError: Expected hidden size (1, 3, 6), got [1, 1, 6]")
        >>> found.id
        'expected-hidden-size'
        >>> print(found.cause)
        h_0 has shape (1, 1, 6) but the module needs (1, 3, 6). Its axes are
        (D*num_layers, batch, H_out), never batch-first. Its batch (axis 1) is 1, but
        the input holds 3 sequences: PyTorch took axis 1 of the input as the batch
        (axis 0 with batch_first=True).
        >>> found.code
        'h_0 = torch.zeros(1, 3, 6)'
        >>> explain("CUDA out of memory") is None
        True
        >>> explain("IndexError: index 1 is out of bounds for dimension 0 with size 1") is None
        True
    """
    reported = last_error(message)
    candidates = [reported.message]
    first_line = reported.message.split("\n", 1)[0].strip()
    if first_line != reported.message:
        candidates.append(first_line)
    for pattern, regex in _COMPILED:
        if not _frame_fits(pattern, reported.frame):
            continue
        for candidate in candidates:
            match = regex.fullmatch(candidate)
            if match is None:
                continue
            rule = _RULES.get(pattern.id) or _plain(pattern.id)
            cause, fix, code = rule(match.groupdict(), lang)
            return Explanation(
                pattern.id, reported.line, cause, fix, atlas_url(pattern.id, lang), code
            )
    return None


_UNRELATED: Final = tuple((key, re.compile(regex)) for key, regex in UNRELATED)


def unrelated(message: str, lang: Lang = "en") -> str:
    """Say where to look for a message [`explain`][rnn_guide.explain.explain] does not claim.

    Args:
        message: The message, traceback or log.
        lang: "en" or "zh".

    Returns:
        One or two sentences: what kind of error it is when the message says so, and
        where to look; for a message that may come from an RNN call in another
        context, what to paste to find out.

    Examples:
        >>> print(unrelated("ValueError: too many values to unpack (expected 2)"))
        Not an error of the recurrent modules: Python could not unpack a value on the line
        the traceback ends in. If that line unpacks what an RNN returned: nn.RNN and
        nn.GRU return (output, h_n), nn.LSTM returns (output, (h_n, c_n)).
    """
    reported = last_error(message)
    for key, regex in _UNRELATED:
        match = regex.fullmatch(reported.message)
        if match is not None:
            return text(key, lang, "python", **match.groupdict())
    url = atlas_url(ATLAS_IDS[0], lang).split("#")[0]
    return text("explain.unrelated.other", lang, url=url)
