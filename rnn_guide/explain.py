"""Recognise PyTorch's RNN error messages and explain them, in English or Chinese.

[`explain`][rnn_guide.explain.explain] matches a message (or a whole traceback) against
the errors listed in the site's error atlas and returns the cause and the fix, worded
with the numbers from the message itself, and a link to the atlas entry. The
`rnn-guide explain` command prints it.

Every pattern was taken from the message torch itself raises; the error atlas page
shows each one being raised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

__all__ = ["ATLAS_IDS", "SITE_URL", "Explanation", "atlas_url", "explain"]

Lang = Literal["en", "zh"]

#: Where the site is published; every link the command prints starts here.
SITE_URL: Final = "https://rnn-guide.github.io/rnn-guide/"


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
        fix: What to change, with the numbers from the message.
        url: The error atlas entry in the requested language.
    """

    id: str
    message: str
    cause: str
    fix: str
    url: str


# A rule turns the match into (cause, fix) in one language.
_Rule = Callable[[re.Match[str], Lang], tuple[str, str]]


def _pick(lang: Lang, en: str, zh: str) -> str:
    return zh if lang == "zh" else en


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text))


def _shape(sizes: tuple[int, ...]) -> str:
    return repr(sizes)


def _hidden_size(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    expected, got = _sizes(match["expected"]), _sizes(match["got"])
    which = match["which"] or ""
    name = {"": "h_0", "0": "h_0 (hx[0])", "1": "c_0 (hx[1])"}[which]
    cause = _pick(
        lang,
        f"{name} has shape {_shape(got)} but the module needs {_shape(expected)}.",
        f"{name} 的形状是 {_shape(got)}，但模块需要 {_shape(expected)}。",
    )
    if len(expected) == len(got) == 3:
        names = ("D*num_layers", "batch", "H_out" if which != "1" else "hidden_size")
        cause += _pick(
            lang,
            f" Its axes are ({', '.join(names)}), never batch-first.",
            f"它的各轴是 ({', '.join(names)})，从不是 batch 在前。",
        )
        if got[0] != expected[0]:
            cause += _pick(
                lang,
                f" Axis 0 is {got[0]}, but the module keeps one state per layer and direction:"
                f" num_layers × (2 if bidirectional else 1) = {expected[0]}.",
                f"第 0 轴是 {got[0]}，但模块每层、每个方向各有一个状态："
                f"num_layers × (双向为 2，否则为 1) = {expected[0]}。",
            )
        if got[1] != expected[1]:
            cause += _pick(
                lang,
                f" Its batch (axis 1) is {got[1]}, but the input holds {expected[1]} sequences:"
                f" PyTorch took axis 1 of the input as the batch (axis 0 with batch_first=True).",
                f"它的批量大小（第 1 轴）是 {got[1]}，但输入里有 {expected[1]} 个序列："
                f"PyTorch 把输入的第 1 轴当作批量（batch_first=True 时是第 0 轴）。",
            )
        if got[2] != expected[2]:
            size = "hidden_size" if which == "1" else "hidden_size (proj_size if set)"
            cause += _pick(
                lang,
                f" Its last axis is {got[2]} but must be {expected[2]}, the module's {size}.",
                f"它的最后一轴是 {got[2]}，但必须是 {expected[2]}，即模块的 {size}。",
            )
    zeros = f"torch.zeros{_shape(expected)}"
    fix = _pick(
        lang,
        f"Build the state as {zeros}, or leave it out and PyTorch starts from zeros.",
        f"把状态建成 {zeros}，或者不传，PyTorch 会从全零开始。",
    )
    if len(expected) == len(got) == 3 and got[1] != expected[1]:
        fix += _pick(
            lang,
            f" If your batch really is {got[1]}, the input's layout is wrong: check"
            " batch_first, or swap the input's first two axes with x.transpose(0, 1).",
            f"如果批量大小确实是 {got[1]}，那是输入的布局错了：检查 batch_first，"
            "或用 x.transpose(0, 1) 交换输入的前两轴。",
        )
    return cause, fix


def _input_size(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    expected, got = match["expected"], match["got"]
    return (
        _pick(
            lang,
            f"The last axis of the input has {got} features, but the module was built with"
            f" input_size={expected}. The features are always the last axis.",
            f"输入的最后一轴有 {got} 个特征，但模块是用 input_size={expected} 构造的。"
            "特征总是最后一轴。",
        ),
        _pick(
            lang,
            f"Give the input {expected} features per time step, or build the module with"
            f" input_size={got}. If the features sit on another axis, move them last with"
            " x.permute or x.transpose, not x.view.",
            f"让输入每个时间步有 {expected} 个特征，或用 input_size={got} 构造模块。"
            "如果特征在别的轴上，用 x.permute 或 x.transpose 把它移到最后，不要用 x.view。",
        ),
    )


def _input_rank(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    got = int(match["got"])
    cause = _pick(
        lang,
        f"The input has {got} dimension(s). nn.RNN, nn.GRU and nn.LSTM take 3:"
        " (seq_len, batch, features), or (batch, seq_len, features) with batch_first=True,"
        " or 2 for one unbatched sequence: (seq_len, features).",
        f"输入有 {got} 个维度。nn.RNN、nn.GRU 和 nn.LSTM 接受 3 维："
        "(seq_len, batch, features)，batch_first=True 时为 (batch, seq_len, features)；"
        "或 2 维的单个未批量化序列：(seq_len, features)。",
    )
    if got < 2:
        fix = _pick(
            lang,
            "A single vector is one time step of one sequence: add the seq_len axis with"
            " x.unsqueeze(0), and a batch axis too if the state is batched.",
            "单个向量是一个序列的一个时间步：用 x.unsqueeze(0) 加上 seq_len 轴；"
            "如果状态是批量的，再加上批量轴。",
        )
    else:
        fix = _pick(
            lang,
            f"Remove or merge the {got - 3} extra axis/axes: x.squeeze(0) drops an axis of"
            " size 1, x.flatten(0, 1) merges two batch axes; images must become sequences"
            " of feature vectors first.",
            f"去掉或合并多出的 {got - 3} 个轴：x.squeeze(0) 去掉大小为 1 的轴，"
            "x.flatten(0, 1) 合并两个批量轴；图像要先变成特征向量的序列。",
        )
    return cause, fix


def _hx_rank(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    batched = match["kind"].startswith("batched")
    got = match["got"]
    states = "hx and cx" if match["cx"] else "hx"
    if batched:
        return (
            _pick(
                lang,
                f"The input is a batch (3-D) but {states} is {got}. The state of a batched"
                " call is 3-D: (D*num_layers, batch, hidden_size), even with one layer.",
                f"输入是一个批次（3 维），但 {states} 是 {got}。批量调用时状态是 3 维的："
                "(D*num_layers, batch, hidden_size)，只有一层时也一样。",
            ),
            _pick(
                lang,
                "Add the layer axis in front: h_0.unsqueeze(0) turns (batch, hidden_size)"
                " into (1, batch, hidden_size); for an LSTM do it for h_0 and c_0.",
                "在最前面加上层轴：h_0.unsqueeze(0) 把 (batch, hidden_size) 变成 "
                "(1, batch, hidden_size)；LSTM 的 h_0 和 c_0 都要这样做。",
            ),
        )
    return (
        _pick(
            lang,
            f"The input is one unbatched sequence (2-D) but {states} is {got}. Without a"
            " batch the state is 2-D: (D*num_layers, hidden_size).",
            f"输入是单个未批量化的序列（2 维），但 {states} 是 {got}。没有批量时，"
            "状态是 2 维的：(D*num_layers, hidden_size)。",
        ),
        _pick(
            lang,
            "Either give the input a batch axis, x.unsqueeze(1) for (seq_len, 1, features),"
            " or drop the state's batch axis with h_0.squeeze(1).",
            "要么给输入加上批量轴：x.unsqueeze(1) 得到 (seq_len, 1, features)；"
            "要么用 h_0.squeeze(1) 去掉状态的批量轴。",
        ),
    )


def _lstm_tuple(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    return (
        _pick(
            lang,
            "nn.LSTM takes its state as a tuple (h_0, c_0). Given one tensor, it reads"
            " hx[0] and hx[1] as rows of that tensor, and fails when there is no row 1.",
            "nn.LSTM 的状态是一个元组 (h_0, c_0)。只传一个张量时，它把 hx[0] 和 hx[1] "
            "当作这个张量的两行来读，没有第 1 行就会出错。",
        ),
        _pick(
            lang,
            "Pass lstm(x, (h_0, c_0)) with two tensors of shape (D*num_layers, batch,"
            " hidden_size); use torch.zeros_like(h_0) for c_0 if you have no cell state.",
            "调用 lstm(x, (h_0, c_0))，传入两个形状为 (D*num_layers, batch, hidden_size) "
            "的张量；没有细胞状态时，c_0 用 torch.zeros_like(h_0)。",
        ),
    )


def _tuple_for_rnn(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    return (
        _pick(
            lang,
            "nn.RNN and nn.GRU take h_0 as one tensor; a tuple (h_0, c_0) is only for nn.LSTM.",
            "nn.RNN 和 nn.GRU 的 h_0 是一个张量；元组 (h_0, c_0) 只属于 nn.LSTM。",
        ),
        _pick(
            lang,
            "Pass the h_0 tensor alone: rnn(x, h_0).",
            "只传 h_0 这一个张量：rnn(x, h_0)。",
        ),
    )


def _unpack(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    expected = int(match["expected"])
    got = match["got"]
    if expected == 3:
        cause = _pick(
            lang,
            "nn.LSTM returns two things, output and the tuple (h_n, c_n), not three.",
            "nn.LSTM 返回两项：output 和元组 (h_n, c_n)，不是三项。",
        )
    else:
        rows = f"{got} row(s)" if got else "more than 2 rows"
        cause = _pick(
            lang,
            "nn.RNN and nn.GRU return (output, h_n) and h_n is one tensor; unpacking it as"
            f" (h_n, c_n) splits it along axis 0, which has {rows} (one per layer and"
            " direction).",
            "nn.RNN 和 nn.GRU 返回 (output, h_n)，h_n 是一个张量；把它解包成 (h_n, c_n) "
            f"会沿第 0 轴拆分，而第 0 轴有 {got or '多于 2'} 行（每层、每个方向一行）。",
        )
    return cause, _pick(
        lang,
        "Write output, h_n = rnn(x) for nn.RNN and nn.GRU, and output, (h_n, c_n) = lstm(x)"
        " for nn.LSTM.",
        "nn.RNN 和 nn.GRU 写 output, h_n = rnn(x)；nn.LSTM 写 output, (h_n, c_n) = lstm(x)。",
    )


def _dropout_layers(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    p, layers = match["p"], match["layers"]
    return (
        _pick(
            lang,
            f"dropout={p} is applied between stacked layers only, never after the last one;"
            f" with num_layers={layers} it does nothing.",
            f"dropout={p} 只作用在堆叠的层之间，从不作用在最后一层之后；"
            f"num_layers={layers} 时它什么也不做。",
        ),
        _pick(
            lang,
            "Stack at least two layers (num_layers=2), or keep dropout=0 and put an"
            " nn.Dropout on the output yourself.",
            "至少堆叠两层（num_layers=2），或者保持 dropout=0，自己在输出上加一个 nn.Dropout。",
        ),
    )


def _dropout_range(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    return (
        _pick(
            lang,
            "dropout is a probability: a number from 0 to 1 (a bool is not accepted).",
            "dropout 是一个概率：0 到 1 之间的数（不接受布尔值）。",
        ),
        _pick(
            lang,
            "Pass e.g. dropout=0.2, with num_layers of 2 or more.",
            "传入例如 dropout=0.2，并让 num_layers 至少为 2。",
        ),
    )


def _proj_size(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    text = match[0]
    if "only supported for LSTM" in text:
        cause = _pick(
            lang,
            "Only nn.LSTM can project its hidden state; nn.RNN and nn.GRU have no proj_size.",
            "只有 nn.LSTM 能投影隐状态；nn.RNN 和 nn.GRU 没有 proj_size。",
        )
        fix = _pick(
            lang,
            "Drop proj_size, or use nn.LSTM; or add an nn.Linear after the layer.",
            "去掉 proj_size，或改用 nn.LSTM；也可以在这一层后面加一个 nn.Linear。",
        )
    elif "smaller than hidden_size" in text:
        cause = _pick(
            lang,
            "proj_size shrinks h below hidden_size, so it must be smaller than hidden_size.",
            "proj_size 把 h 缩小到 hidden_size 以下，所以它必须小于 hidden_size。",
        )
        fix = _pick(
            lang,
            "Use a proj_size from 1 to hidden_size - 1, or 0 for no projection.",
            "使用 1 到 hidden_size - 1 之间的 proj_size，或用 0 表示不投影。",
        )
    else:
        cause = _pick(
            lang,
            "proj_size must be a whole number, 0 or more.",
            "proj_size 必须是大于等于 0 的整数。",
        )
        fix = _pick(lang, "Use proj_size=0 for no projection.", "用 proj_size=0 表示不投影。")
    return cause, fix


def _empty_sequence(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    return (
        _pick(
            lang,
            "The input has seq_len 0: there is no time step to run.",
            "输入的 seq_len 是 0：没有可运行的时间步。",
        ),
        _pick(
            lang,
            "Drop empty sequences before the call; check which axis is seq_len (batch_first).",
            "调用前去掉空序列；检查哪一轴是 seq_len（batch_first）。",
        ),
    )


def _dtype(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    given, weight = match["given"], match["weight"]
    cause = _pick(
        lang,
        f"The input is {given} but the module's weights are {weight}.",
        f"输入是 {given}，但模块的权重是 {weight}。",
    )
    if given in ("torch.int64", "torch.int32", "torch.long", "torch.int"):
        fix = _pick(
            lang,
            "Integer inputs look like token ids: turn them into vectors with nn.Embedding"
            f" first, or convert with x.to({weight}).",
            "整数输入看起来是词元编号：先用 nn.Embedding 把它们变成向量，"
            f"或用 x.to({weight}) 转换。",
        )
    else:
        fix = _pick(
            lang,
            f"Convert the input with x.to({weight}), or the module with module.to({given}).",
            f"用 x.to({weight}) 转换输入，或用 module.to({given}) 转换模块。",
        )
    return cause, fix


def _cell_rank(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    cell, what, got = match["cell"], match["what"], match["got"]
    return (
        _pick(
            lang,
            f"nn.{cell} runs ONE time step: its {what} is (batch, features) or (features,),"
            f" but this one has {got} dimensions.",
            f"nn.{cell} 只运行一个时间步：它的 {what} 是 (batch, features) 或 (features,)，"
            f"但这里有 {got} 个维度。",
        ),
        _pick(
            lang,
            "Loop over the time steps and pass x[t], or use the full layer (nn.RNN, nn.GRU,"
            " nn.LSTM), which takes the whole sequence.",
            "对时间步循环并传入 x[t]，或改用接受整个序列的完整层（nn.RNN、nn.GRU、nn.LSTM）。",
        ),
    )


def _positive(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    name = match["name"]
    return (
        _pick(
            lang,
            f"{name} must be a whole number (int), at least 1.",
            f"{name} 必须是至少为 1 的整数（int）。",
        ),
        _pick(
            lang,
            f"Build the module with e.g. {name}=1; convert a computed size with int(...).",
            f"用例如 {name}=1 构造模块；计算出来的大小用 int(...) 转换。",
        ),
    )


def _packed_rank(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    got = match["got"]
    return (
        _pick(
            lang,
            f"A PackedSequence keeps every step of every sequence in one 2-D tensor, (total"
            f" steps, features), but this one is {got}-D: the packed tensors had more than one"
            " feature axis.",
            f"PackedSequence 把所有序列的所有时间步存进一个 2 维张量 (total steps, features)，"
            f"但这里是 {got} 维：被打包的张量有不止一个特征轴。",
        ),
        _pick(
            lang,
            "Pack tensors of shape (seq_len, features); flatten extra feature axes first with"
            " x.flatten(1).",
            "打包形状为 (seq_len, features) 的张量；先用 x.flatten(1) 展平多余的特征轴。",
        ),
    )


def _state_dtype(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    return (
        _pick(
            lang,
            "If this came from an RNN call: h_0 (or c_0) has another dtype than the module's"
            " weights; PyTorch does not check the state's dtype before the kernel runs.",
            "如果它来自 RNN 的调用：h_0（或 c_0）的 dtype 与模块权重不同；"
            "PyTorch 在内核运行前不检查状态的 dtype。",
        ),
        _pick(
            lang,
            "Create the state with the input's dtype, torch.zeros(..., dtype=x.dtype), or"
            " convert it with h_0.to(x.dtype).",
            "用输入的 dtype 创建状态：torch.zeros(..., dtype=x.dtype)，或用 h_0.to(x.dtype) 转换。",
        ),
    )


def _nonlinearity(match: re.Match[str], lang: Lang) -> tuple[str, str]:
    if match.groupdict().get("given"):
        return (
            _pick(
                lang,
                f"nn.RNN has two nonlinearities, 'tanh' (default) and 'relu'; {match['given']}"
                " is not one of them.",
                f"nn.RNN 只有两种非线性函数：'tanh'（默认）和 'relu'；{match['given']} 不在其中。",
            ),
            _pick(
                lang,
                "Pass nonlinearity='tanh' or nonlinearity='relu'.",
                "传入 nonlinearity='tanh' 或 nonlinearity='relu'。",
            ),
        )
    return (
        _pick(
            lang,
            "Only nn.RNN takes nonlinearity; the gates of nn.GRU and nn.LSTM fix theirs.",
            "只有 nn.RNN 接受 nonlinearity；nn.GRU 和 nn.LSTM 的门控决定了各自的非线性函数。",
        ),
        _pick(lang, "Drop the nonlinearity argument.", "去掉 nonlinearity 参数。"),
    )


_NUMS = r"[\d,\s]*"
_HIDDEN = rf"size \((?P<expected>{_NUMS})\), got \[(?P<got>{_NUMS})\]"

# (id, pattern, rule), in the order they are tried: the first match wins. The id is the
# anchor of the error atlas entry, unless _OTHER_PAGES sends it to another page.
_RULES: Final[tuple[tuple[str, re.Pattern[str], _Rule], ...]] = (
    ("expected-hidden-size", re.compile(rf"Expected hidden (?P<which>){_HIDDEN}"), _hidden_size),
    (
        "expected-hidden-0-size",
        re.compile(rf"Expected hidden\[(?P<which>0)\] {_HIDDEN}"),
        _hidden_size,
    ),
    (
        "expected-hidden-1-size",
        re.compile(rf"Expected hidden\[(?P<which>1)\] {_HIDDEN}"),
        _hidden_size,
    ),
    (
        "input-size-mismatch",
        re.compile(
            r"input\.size\(-1\) must be equal to input_size\. "
            r"Expected (?P<expected>\d+), got (?P<got>\d+)"
        ),
        _input_size,
    ),
    (
        "input-must-have-dimensions",
        re.compile(r"input must have (?P<expected>\d+) dimensions, got (?P<got>\d+)"),
        _packed_rank,
    ),
    (
        "expected-2d-or-3d",
        re.compile(r"(?:RNN|GRU|LSTM): Expected input to be 2D or 3D, got (?P<got>\d+)D"),
        _input_rank,
    ),
    (
        "hx-should-be-3d",
        re.compile(
            r"For (?P<kind>batched) 3-D input, hx(?P<cx> and cx)? should also"
            r" be 3-D but got (?P<got>\d-D tensor|\([^)]*\) tensors)"
        ),
        _hx_rank,
    ),
    (
        "hx-should-be-2d",
        re.compile(
            r"For (?P<kind>unbatched) 2-D input, hx(?P<cx> and cx)? should also"
            r" be 2-D but got (?P<got>\d-D tensor|\([^)]*\) tensors)"
        ),
        _hx_rank,
    ),
    (
        "input-dtype",
        re.compile(
            r"input dtype \((?P<given>torch\.\w+)\) does not match weight dtype "
            r"\((?P<weight>torch\.\w+)\)"
        ),
        _dtype,
    ),
    (
        "hx-dtype",
        re.compile(r"mat1 and mat2 must have the same dtype|get_mkldnn_dtype: unsupported data"),
        _state_dtype,
    ),
    (
        "lstm-state-one-tensor",
        re.compile(
            r"index 1 is out of bounds for dimension 0 with size \d+"
            r"|lstm expects two hidden states"
        ),
        _lstm_tuple,
    ),
    ("tuple-state", re.compile(r"'tuple' object has no attribute 'dim'"), _tuple_for_rnn),
    (
        "dropout-single-layer",
        re.compile(
            r"non-zero dropout expects num_layers greater than 1, "
            r"but got dropout=(?P<p>[^ ]+) and num_layers=(?P<layers>\d+)"
        ),
        _dropout_layers,
    ),
    (
        "dropout-range",
        re.compile(r"dropout should be a number in range \[0, 1\]"),
        _dropout_range,
    ),
    (
        "proj-size-lstm-only",
        re.compile(r"proj_size argument is only supported for LSTM"),
        _proj_size,
    ),
    (
        "proj-size-too-large",
        re.compile(r"proj_size has to be smaller than hidden_size"),
        _proj_size,
    ),
    (
        "proj-size-negative",
        re.compile(r"proj_size should be a positive integer or zero"),
        _proj_size,
    ),
    (
        "greater-than-zero",
        re.compile(r"(?P<name>input_size|hidden_size|num_layers) must be greater than zero"),
        _positive,
    ),
    (
        "should-be-int",
        re.compile(r"(?P<name>input_size|hidden_size|num_layers) should be of type int"),
        _positive,
    ),
    (
        "unknown-nonlinearity",
        re.compile(r"Unknown nonlinearity (?P<given>'[^']*')"),
        _nonlinearity,
    ),
    (
        "nonlinearity-keyword",
        re.compile(r"unexpected keyword argument 'nonlinearity'"),
        _nonlinearity,
    ),
    (
        "unpack-output",
        re.compile(
            r"(?:not enough|too many) values to unpack \(expected (?P<expected>\d+)"
            r"(?:, got (?P<got>\d+))?\)"
        ),
        _unpack,
    ),
    (
        "empty-sequence",
        re.compile(r"Expected sequence length to be larger than 0"),
        _empty_sequence,
    ),
    (
        "cell-dimensions",
        re.compile(
            r"(?P<cell>RNNCell|GRUCell|LSTMCell): Expected (?P<what>input|hidden|hx\[\d\])"
            r" to be 1D or 2D, got (?P<got>\d+)D"
        ),
        _cell_rank,
    ),
)

# Messages the error atlas has no entry for, and the page that explains them instead.
_OTHER_PAGES: Final = {
    "unpack-output": "explanation/output-vs-h-n/",
    "empty-sequence": "reference/shapes/",
    "cell-dimensions": "explanation/core-idea/",
}

#: The error atlas entries (anchors of reference/error-atlas.md) this module links to.
ATLAS_IDS: Final = tuple(
    dict.fromkeys(anchor for anchor, _, _ in _RULES if anchor not in _OTHER_PAGES)
)


def _url(anchor: str, lang: Lang) -> str:
    if anchor in _OTHER_PAGES:
        return f"{SITE_URL}{'zh/' if lang == 'zh' else ''}{_OTHER_PAGES[anchor]}"
    return atlas_url(anchor, lang)


def explain(message: str, lang: Lang = "en") -> Explanation | None:
    """Explain a PyTorch RNN error message, or return None for one this module does not know.

    Args:
        message: The error message, with or without the exception name; a whole
            traceback works too.
        lang: "en" for English, "zh" for Chinese.

    Returns:
        The explanation, or None.

    Examples:
        >>> found = explain("RuntimeError: Expected hidden size (1, 3, 6), got [1, 1, 6]")
        >>> found.id
        'expected-hidden-size'
        >>> print(found.cause)
        h_0 has shape (1, 1, 6) but the module needs (1, 3, 6). Its axes are
        (D*num_layers, batch, H_out), never batch-first. Its batch (axis 1) is 1, but
        the input holds 3 sequences: PyTorch took axis 1 of the input as the batch
        (axis 0 with batch_first=True).
        >>> explain("CUDA out of memory") is None
        True
    """
    for anchor, pattern, rule in _RULES:
        match = pattern.search(message)
        if match is None:
            continue
        line = next((text.strip() for text in message.splitlines() if match[0] in text), match[0])
        cause, fix = rule(match, lang)
        return Explanation(anchor, line, cause, fix, _url(anchor, lang))
    return None
