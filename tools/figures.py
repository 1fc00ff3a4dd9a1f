"""Draw the site's figures as SVG, one file per language.

Run ``make figures`` (or ``python tools/figures.py``) after changing a figure or its labels;
the files land in docs/<lang>/assets/figures/. Every figure except the batching plot is
drawn from fixed geometry and fixed labels, so the output is the same byte for byte on
every machine; tests/test_figures.py fails when a committed figure is stale.

The batching plot draws measurements: benchmarks/results/batching.json as written by
``make bench``, or, when that file is missing, a short measurement taken here with
rnn_guide.timing. It prints the machine and the torch version it was measured with.

Plain string templates, no plotting library: the figures are a few boxes, arrows and
labels, and the SVG stays small and readable.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "zh")
BATCHING_JSON = ROOT / "benchmarks" / "results" / "batching.json"

FONT = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', "
    "'PingFang SC', 'Microsoft YaHei', sans-serif"
)
MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace"

# Colours with at least 4.5:1 contrast for text on white.
INK = "#1f2937"
MUTED = "#4b5563"
LINE = "#6b7280"
BLUE = "#1d4ed8"
BLUE_BG = "#dbeafe"
ORANGE = "#b45309"
ORANGE_BG = "#fef3c7"
GREEN = "#047857"
GREEN_BG = "#d1fae5"
GREY_BG = "#f3f4f6"
# One fill per time step, so the same step is recognisable in both layouts.
STEP_FILLS = ("#dbeafe", "#d1fae5", "#fef3c7", "#fce7f3")

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "unrolled.title": "An RNN unrolled over time",
        "unrolled.desc": (
            "Four copies of the same RNN cell, one per time step. Each takes the input x_t "
            "and the previous hidden state h_(t-1) and produces h_t, which goes up as the "
            "output of that step and right into the next step. All copies share the same "
            "weights W_ih and W_hh."
        ),
        "unrolled.cell": "cell",
        "unrolled.shared": "the same weights W_ih, W_hh at every time step",
        "unrolled.time": "time →",
        "layout.title": "batch_first changes the input layout, not the time steps",
        "layout.desc": (
            "The same batch of 3 sequences with 4 time steps each, drawn twice. With "
            "batch_first=False the input is (L, N, F): one row per time step, one column per "
            "sequence. With batch_first=True it is (N, L, F): one row per sequence, one "
            "column per time step. Cells of the same colour are the same time step. h_0 and "
            "h_n are (num_layers × D, N, H) in both cases."
        ),
        "layout.row_step": "step",
        "layout.row_seq": "seq",
        "layout.cells": "cell sN tT: sequence N at time step T",
        "layout.state": "h_0 and h_n are (num_layers·D, N, H) either way: never batch-first",
        "layout.axes_tf": "rows: time steps (L), columns: sequences (N)",
        "layout.axes_bf": "rows: sequences (N), columns: time steps (L)",
        "hn.title": "The rows of h_n",
        "hn.desc": (
            "h_n of a 2-layer bidirectional RNN has 4 rows along its first axis: row 0 is "
            "layer 0 forward, row 1 layer 0 backward, row 2 layer 1 forward, row 3 layer 1 "
            "backward. h_n.view(num_layers, D, N, H) splits that axis into layer and "
            "direction, so h_n.view(2, 2, N, H)[-1] is the last layer, both directions."
        ),
        "hn.rows": "h_n: (num_layers·D, N, H)",
        "hn.row": "row",
        "hn.layer": "layer",
        "hn.fwd": "forward",
        "hn.bwd": "backward",
        "hn.view": "h_n.view(num_layers, D, N, H)",
        "hn.direction": "direction",
        "hn.last": "[-1]: last layer, both directions",
        "ovh.title": "What output and h_n contain",
        "ovh.desc": (
            "A grid of hidden states for a 3-layer RNN over 5 time steps: layers go up, "
            "time goes right. output holds the top row, the last layer at every time step. "
            "h_n holds the last column, every layer at the last time step. They share one "
            "state: the last layer at the last step."
        ),
        "ovh.layer": "layer",
        "ovh.time": "time step t",
        "ovh.output": "output: last layer, every time step",
        "ovh.hn": "h_n: every layer, last time step",
        "ovh.input": "input x_t",
        "ovh.shared": "in both",
        "bench.title": "Measured time: one-by-one against batched forward passes",
        "bench.desc": (
            "Time to run B sequences through nn.RNN, one call per sequence against one "
            "call for the whole batch, for several batch sizes B, on a log-log scale. "
            "Measured values: they differ by machine."
        ),
        "bench.one": "one sequence per call",
        "bench.batched": "one call for the batch",
        "bench.x": "batch size B (sequences)",
        "bench.y": "time (ms, log scale)",
        "bench.setup": "nn.RNN({input_size}, {hidden_size}), seq_len {seq_len}, best of {repeats}",
        "bench.machine": "measured on {machine}, {threads} torch thread(s), torch {torch}",
    },
    "zh": {
        "unrolled.title": "沿时间展开的循环神经网络",
        "unrolled.desc": (
            "同一个 RNN 单元画了四份，每个时间步一份。每一份接收输入 x_t 和上一步的隐状态 "
            "h_(t-1)，算出 h_t：h_t 向上作为这一步的输出，向右传给下一个时间步。"
            "所有副本共用同一组权重 W_ih 和 W_hh。"
        ),
        "unrolled.cell": "单元",
        "unrolled.shared": "每个时间步共用同一组权重 W_ih、W_hh",
        "unrolled.time": "时间 →",
        "layout.title": "batch_first 只改变输入的排布，不改变时间步",
        "layout.desc": (
            "同一个批次（3 个序列，每个 4 个时间步）画了两遍。batch_first=False 时输入形状为 "
            "(L, N, F)：每行一个时间步，每列一个序列。batch_first=True 时为 (N, L, F)："
            "每行一个序列，每列一个时间步。颜色相同的格子是同一个时间步。两种情况下 h_0 和 "
            "h_n 都是 (num_layers × D, N, H)。"
        ),
        "layout.row_step": "步",
        "layout.row_seq": "序列",
        "layout.cells": "格子 sN tT：第 N 个序列的第 T 个时间步",
        "layout.state": "两种情况下 h_0 和 h_n 都是 (num_layers·D, N, H)：从不批次优先",
        "layout.axes_tf": "行：时间步（L），列：序列（N）",
        "layout.axes_bf": "行：序列（N），列：时间步（L）",
        "hn.title": "h_n 的各行",
        "hn.desc": (
            "两层双向 RNN 的 h_n 第一个轴有 4 行：第 0 行是第 0 层正向，第 1 行是第 0 层反向，"
            "第 2 行是第 1 层正向，第 3 行是第 1 层反向。h_n.view(num_layers, D, N, H) "
            "把这个轴拆成层和方向，所以 h_n.view(2, 2, N, H)[-1] 是最后一层的两个方向。"
        ),
        "hn.rows": "h_n：(num_layers·D, N, H)",
        "hn.row": "行",
        "hn.layer": "第 {n} 层",
        "hn.fwd": "正向",
        "hn.bwd": "反向",
        "hn.view": "h_n.view(num_layers, D, N, H)",
        "hn.direction": "方向",
        "hn.last": "[-1]：最后一层，两个方向",
        "ovh.title": "output 和 h_n 各包含什么",
        "ovh.desc": (
            "一个 3 层 RNN 在 5 个时间步上的隐状态网格：层向上，时间向右。output 是最上面一行，"
            "即最后一层在每个时间步的隐状态；h_n 是最后一列，即每一层在最后一个时间步的隐状态。"
            "两者共有一个状态：最后一层、最后一步。"
        ),
        "ovh.layer": "第 {n} 层",
        "ovh.time": "时间步 t",
        "ovh.output": "output：最后一层，每个时间步",
        "ovh.hn": "h_n：每一层，最后一个时间步",
        "ovh.input": "输入 x_t",
        "ovh.shared": "两者都有",
        "bench.title": "实测耗时：逐条前向传播与成批前向传播",
        "bench.desc": (
            "把 B 个序列送入 nn.RNN 所需的时间：每个序列调用一次，与整个批次调用一次相比，"
            "B 取若干批量大小，双对数坐标。这些是实测值，换一台机器就会不同。"
        ),
        "bench.one": "每次调用一个序列",
        "bench.batched": "整个批次调用一次",
        "bench.x": "批量大小 B（序列数）",
        "bench.y": "耗时（毫秒，对数坐标）",
        "bench.setup": (
            "nn.RNN({input_size}, {hidden_size})，seq_len {seq_len}，取 {repeats} 次中最快"
        ),
        "bench.machine": "测量环境：{machine}，torch 线程数 {threads}，torch {torch}",
    },
}


# ----------------------------------------------------------------------------- drawing


def _num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (stable output)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def text(
    x: float,
    y: float,
    content: str,
    *,
    size: float = 14,
    anchor: str = "middle",
    fill: str = INK,
    weight: str = "normal",
    mono: bool = False,
) -> str:
    family = ' font-family="' + MONO.replace("'", "&apos;") + '"' if mono else ""
    bold = ' font-weight="bold"' if weight != "normal" else ""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" text-anchor="{anchor}" '
        f'fill="{fill}"{family}{bold}>{escape(content, quote=False)}</text>'
    )


def rect(
    x: float,
    y: float,
    w: float,
    h: float,
    *,
    fill: str = "#ffffff",
    stroke: str = LINE,
    rx: float = 6,
    width: float = 1.5,
    dash: str = "",
) -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" '
        f'rx="{_num(rx)}" fill="{fill}" stroke="{stroke}" stroke-width="{_num(width)}"{dashed}/>'
    )


def arrow(x1: float, y1: float, x2: float, y2: float, *, color: str = LINE) -> str:
    marker = {LINE: "a-grey", BLUE: "a-blue", ORANGE: "a-orange"}[color]
    return (
        f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
        f'stroke="{color}" stroke-width="1.6" marker-end="url(#{marker})"/>'
    )


def line(
    points: Sequence[tuple[float, float]], *, color: str = LINE, width: float = 1, dash: str = ""
) -> str:
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
    return (
        f'<polyline points="{coords}" fill="none" stroke="{color}" '
        f'stroke-width="{_num(width)}"{dashed}/>'
    )


def svg(name: str, width: int, height: int, title: str, desc: str, body: list[str]) -> str:
    """Wrap drawing commands in an accessible, self-contained SVG document."""
    markers = "".join(
        f'<marker id="a-{key}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        f'fill="{color}"/></marker>'
        for key, color in (("grey", LINE), ("blue", BLUE), ("orange", ORANGE))
    )
    font = FONT.replace("'", "&apos;")
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{name}-title {name}-desc" '
        f'font-family="{font}">',
        f'<title id="{name}-title">{escape(title, quote=False)}</title>',
        f'<desc id="{name}-desc">{escape(desc, quote=False)}</desc>',
        f"<defs>{markers}</defs>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        *body,
        "</svg>",
    ]
    return "\n".join(lines) + "\n"


def _sub(symbol: str, index: str, x: float, y: float, *, size: float = 15) -> str:
    """A symbol with a subscript, e.g. h with t-1, as one text element."""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" text-anchor="middle" '
        f'fill="{INK}" font-style="italic">{escape(symbol)}<tspan font-size="{_num(size * 0.72)}" '
        f'dy="4">{escape(index)}</tspan></text>'
    )


# ----------------------------------------------------------------------------- figures


def unrolled_rnn(t: dict[str, str]) -> str:
    width, height = 720, 300
    body: list[str] = []
    steps = 4
    cell_w, cell_h, gap = 100, 60, 60
    x0 = 130
    y_cell = 110
    # h_0 enters from the left.
    body.append(_sub("h", "0", 50, y_cell + cell_h / 2 + 5))
    body.append(arrow(68, y_cell + cell_h / 2, x0 - 4, y_cell + cell_h / 2))
    for step in range(steps):
        x = x0 + step * (cell_w + gap)
        cx = x + cell_w / 2
        body.append(rect(x, y_cell, cell_w, cell_h, fill=BLUE_BG, stroke=BLUE))
        body.append(text(cx, y_cell + 26, "RNN", size=15, fill=BLUE, weight="bold"))
        body.append(text(cx, y_cell + 46, t["unrolled.cell"], size=13, fill=BLUE))
        # x_t from below, h_t up.
        body.append(_sub("x", str(step + 1), cx, y_cell + cell_h + 70))
        body.append(arrow(cx, y_cell + cell_h + 52, cx, y_cell + cell_h + 4))
        body.append(arrow(cx, y_cell - 4, cx, y_cell - 40))
        body.append(_sub("h", str(step + 1), cx, y_cell - 48))
        if step < steps - 1:
            ax = x + cell_w + 4
            body.append(arrow(ax, y_cell + cell_h / 2, ax + gap - 8, y_cell + cell_h / 2))
            label_y = y_cell + cell_h / 2 - 8
            body.append(_sub("h", str(step + 1), ax + gap / 2 - 2, label_y, size=12))
    body.append(
        line([(x0, 262), (x0 + steps * cell_w + (steps - 1) * gap, 262)], color=BLUE, dash="4 4")
    )
    body.append(text(width / 2, 285, t["unrolled.shared"], size=14, fill=BLUE))
    body.append(text(width - 20, 30, t["unrolled.time"], size=13, anchor="end", fill=MUTED))
    return svg("unrolled-rnn", width, height, t["unrolled.title"], t["unrolled.desc"], body)


def batch_first_layout(t: dict[str, str]) -> str:
    width, height = 760, 330
    steps, seqs = 4, 3
    cell_w, cell_h = 62, 34
    body: list[str] = []

    def grid(x0: float, y0: float, time_rows: bool, heading: str, shape: str, axes: str) -> None:
        body.append(text(x0, y0 - 58, heading, size=15, anchor="start", mono=True, weight="bold"))
        body.append(text(x0, y0 - 38, shape, size=14, anchor="start", mono=True, fill=BLUE))
        body.append(text(x0, y0 - 18, axes, size=12, anchor="start", fill=MUTED))
        rows, cols = (steps, seqs) if time_rows else (seqs, steps)
        label_w = 58
        for r in range(rows):
            row_label = f"{t['layout.row_step']} {r}" if time_rows else f"{t['layout.row_seq']} {r}"
            body.append(
                text(
                    x0 + label_w - 8,
                    y0 + r * cell_h + 22,
                    row_label,
                    size=12,
                    anchor="end",
                    fill=MUTED,
                )
            )
            for c in range(cols):
                step, seq = (r, c) if time_rows else (c, r)
                x = x0 + label_w + c * cell_w
                y = y0 + r * cell_h
                body.append(
                    rect(x, y, cell_w, cell_h, fill=STEP_FILLS[step], stroke=LINE, rx=0, width=1)
                )
                body.append(text(x + cell_w / 2, y + 22, f"s{seq} t{step}", size=12, mono=True))

    grid(40, 100, True, "batch_first=False", "(L, N, F) = (4, 3, F)", t["layout.axes_tf"])
    grid(400, 100, False, "batch_first=True", "(N, L, F) = (3, 4, F)", t["layout.axes_bf"])
    body.append(text(40, 258, t["layout.cells"], size=12, anchor="start", fill=MUTED))
    body.append(rect(40, 272, 680, 40, fill=GREY_BG, stroke=LINE, rx=6, width=1))
    body.append(text(380, 297, t["layout.state"], size=13))
    return svg("batch-first-layout", width, height, t["layout.title"], t["layout.desc"], body)


def _layer(t: dict[str, str], n: int) -> str:
    label = t["hn.layer"] if "hn.layer" in t else t["ovh.layer"]
    return label.format(n=n) if "{n}" in label else f"{label} {n}"


def h_n_layout(t: dict[str, str]) -> str:
    width, height = 720, 260
    body: list[str] = []
    x0, y0, row_h, row_w = 40, 70, 40, 260
    body.append(text(x0, y0 - 22, t["hn.rows"], size=14, anchor="start", mono=True, weight="bold"))
    fills = (BLUE_BG, ORANGE_BG)
    strokes = (BLUE, ORANGE)
    for row in range(4):
        layer, direction = divmod(row, 2)
        y = y0 + row * row_h
        body.append(rect(x0, y, row_w, row_h - 6, fill=fills[direction], stroke=strokes[direction]))
        body.append(
            text(x0 + 12, y + 22, f"{t['hn.row']} {row}", size=13, anchor="start", mono=True)
        )
        label = f"{_layer(t, layer)} · {t['hn.fwd'] if direction == 0 else t['hn.bwd']}"
        body.append(text(x0 + 80, y + 22, label, size=13, anchor="start"))
    # The view: a 2 x 2 grid, layer by direction.
    gx, gy, cw, ch = 450, 110, 110, 50
    body.append(arrow(x0 + row_w + 12, 150, gx - 70, 150))
    body.append(text(gx + cw, y0 - 22, t["hn.view"], size=14, mono=True, weight="bold"))
    body.append(text(gx + cw / 2, gy - 10, t["hn.fwd"], size=12, fill=BLUE))
    body.append(text(gx + cw * 1.5, gy - 10, t["hn.bwd"], size=12, fill=ORANGE))
    for layer in range(2):
        body.append(
            text(gx - 8, gy + layer * ch + 30, _layer(t, layer), size=12, anchor="end", fill=MUTED)
        )
        for direction in range(2):
            x = gx + direction * cw
            y = gy + layer * ch
            body.append(rect(x, y, cw, ch, fill=fills[direction], stroke=strokes[direction], rx=0))
            body.append(
                text(
                    x + cw / 2, y + 30, f"{t['hn.row']} {layer * 2 + direction}", size=13, mono=True
                )
            )
    body.append(
        rect(
            gx - 4,
            gy + ch - 4,
            2 * cw + 8,
            ch + 8,
            fill="none",
            stroke=GREEN,
            rx=4,
            width=2.5,
            dash="6 3",
        )
    )
    body.append(text(gx + cw, gy + 2 * ch + 30, t["hn.last"], size=13, fill=GREEN))
    return svg("h-n-layout", width, height, t["hn.title"], t["hn.desc"], body)


def output_vs_h_n(t: dict[str, str]) -> str:
    width, height = 860, 330
    layers, steps = 3, 5
    body: list[str] = []
    gx, gy, dx, dy, r = 150, 90, 100, 70, 20
    # Rows from the top: last layer first.
    for layer in range(layers):
        y = gy + (layers - 1 - layer) * dy
        body.append(text(gx - 50, y + 5, _layer(t, layer), size=13, anchor="end", fill=MUTED))
        for step in range(steps):
            x = gx + step * dx
            if step < steps - 1:
                body.append(arrow(x + r + 2, y, x + dx - r - 4, y))
            if layer > 0:
                body.append(arrow(x, y + dy - r - 2, x, y + r + 4))
            top, last = layer == layers - 1, step == steps - 1
            fill = GREEN_BG if top and last else BLUE_BG if top else ORANGE_BG if last else GREY_BG
            stroke = GREEN if top and last else BLUE if top else ORANGE if last else LINE
            body.append(
                f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{r}" fill="{fill}" stroke="{stroke}" '
                f'stroke-width="1.5"/>'
            )
            body.append(text(x, y + 5, "h", size=14, fill=INK))
    # Inputs below the bottom row.
    y_in = gy + (layers - 1) * dy + 56
    for step in range(steps):
        x = gx + step * dx
        body.append(arrow(x, y_in - 10, x, y_in - 32))
        body.append(_sub("x", str(step), x, y_in + 8, size=13))
    body.append(
        text(gx + (steps - 1) * dx / 2, y_in + 36, t["ovh.time"] + " →", size=13, fill=MUTED)
    )
    # Output: the top row.
    body.append(
        rect(
            gx - r - 8,
            gy - r - 8,
            (steps - 1) * dx + 2 * r + 16,
            2 * r + 16,
            fill="none",
            stroke=BLUE,
            rx=10,
            width=2.5,
            dash="7 4",
        )
    )
    body.append(
        text(
            gx - r - 8,
            gy - r - 18,
            t["ovh.output"],
            size=14,
            anchor="start",
            fill=BLUE,
            weight="bold",
        )
    )
    # h_n: the last column.
    hx = gx + (steps - 1) * dx
    body.append(
        rect(
            hx - r - 14,
            gy - r - 14,
            2 * r + 28,
            (layers - 1) * dy + 2 * r + 28,
            fill="none",
            stroke=ORANGE,
            rx=10,
            width=2.5,
            dash="3 3",
        )
    )
    body.append(
        text(
            hx + r + 24,
            gy + dy + 5,
            t["ovh.hn"],
            size=14,
            anchor="start",
            fill=ORANGE,
            weight="bold",
        )
    )
    body.append(
        text(hx + r + 24, gy + 5, "← " + t["ovh.shared"], size=12, anchor="start", fill=GREEN)
    )
    return svg("output-vs-h-n", width, height, t["ovh.title"], t["ovh.desc"], body)


# ----------------------------------------------------------------------------- the plot


def batching_data() -> dict[str, Any]:
    """The measurements to plot: `make bench`'s JSON, or a short measurement now."""
    if BATCHING_JSON.exists():
        data: dict[str, Any] = json.loads(BATCHING_JSON.read_text(encoding="utf-8"))
        return data
    sys.path.insert(0, str(ROOT))
    from rnn_guide.timing import machine_info, measure_batching

    info = machine_info()
    sizes = (1, 2, 4, 8, 16, 32, 64)
    seq_len, repeats = 16, 5
    rows = [
        {
            "seq_len": seq_len,
            "batch_size": timing.batch_size,
            "one_by_one_ms": round(timing.one_by_one_seconds * 1000, 4),
            "batched_ms": round(timing.batched_seconds * 1000, 4),
        }
        for timing in measure_batching(batch_sizes=sizes, seq_len=seq_len, repeats=repeats)
    ]
    return {
        "machine": f"{info.cpu}, {info.cores} cores",
        "threads": info.threads,
        "torch": info.torch_version,
        "input_size": 32,
        "hidden_size": 64,
        "repeats": repeats,
        "rows": rows,
    }


def batching_speed(t: dict[str, str], data: dict[str, Any]) -> str:
    width, height = 720, 420
    rows = data["rows"]
    seq_len = rows[0]["seq_len"]
    rows = [row for row in rows if row["seq_len"] == seq_len]
    sizes = [row["batch_size"] for row in rows]
    values = [row[key] for row in rows for key in ("one_by_one_ms", "batched_ms")]
    lo = math.floor(math.log10(min(values)))
    hi = math.ceil(math.log10(max(values)))
    px0, px1, py0, py1 = 90, 690, 350, 70  # plot box: x left/right, y bottom/top
    x_lo, x_hi = math.log2(min(sizes)), math.log2(max(sizes))

    def px(size: float) -> float:
        span = (x_hi - x_lo) or 1
        return px0 + (math.log2(size) - x_lo) / span * (px1 - px0)

    def py(ms: float) -> float:
        return py0 - (math.log10(ms) - lo) / ((hi - lo) or 1) * (py0 - py1)

    body: list[str] = []
    body.append(text(px0, 28, t["bench.title"], size=16, anchor="start", weight="bold"))
    setup = t["bench.setup"].format(
        input_size=data.get("input_size", "?"),
        hidden_size=data.get("hidden_size", "?"),
        seq_len=seq_len,
        repeats=data.get("repeats", "?"),
    )
    body.append(text(px0, 50, setup, size=12, anchor="start", fill=MUTED))
    # Grid and axes.
    for power in range(lo, hi + 1):
        y = py(10**power)
        body.append(line([(px0, y), (px1, y)], color="#e5e7eb"))
        label = f"{10**power:g}"
        body.append(text(px0 - 8, y + 4, label, size=12, anchor="end", fill=MUTED))
    for size in sizes:
        x = px(size)
        body.append(line([(x, py0), (x, py1)], color="#f3f4f6"))
        body.append(text(x, py0 + 18, str(size), size=12, fill=MUTED))
    body.append(line([(px0, py1), (px0, py0), (px1, py0)], color=LINE, width=1.2))
    body.append(text((px0 + px1) / 2, py0 + 40, t["bench.x"], size=13, fill=INK))
    body.append(
        f'<text x="24" y="{_num((py0 + py1) / 2)}" font-size="13" text-anchor="middle" '
        f'fill="{INK}" transform="rotate(-90 24 {_num((py0 + py1) / 2)})">'
        f"{escape(t['bench.y'])}</text>"
    )
    for index, (key, color, label, dash) in enumerate(
        (
            ("one_by_one_ms", ORANGE, t["bench.one"], ""),
            ("batched_ms", BLUE, t["bench.batched"], "6 3"),
        )
    ):
        legend_y = py1 + 18 + index * 22
        body.append(
            line([(px0 + 16, legend_y), (px0 + 50, legend_y)], color=color, width=2.5, dash=dash)
        )
        body.append(
            text(px0 + 58, legend_y + 4, label, size=13, anchor="start", fill=color, weight="bold")
        )
        points = [(px(row["batch_size"]), py(row[key])) for row in rows]
        body.append(line(points, color=color, width=2.5, dash=dash))
        for x, y in points:
            body.append(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4" fill="{color}"/>')
    machine = t["bench.machine"].format(
        machine=data.get("machine", "?"),
        threads=data.get("threads", "?"),
        torch=data.get("torch", "?"),
    )
    body.append(text(px0, height - 12, machine, size=12, anchor="start", fill=MUTED))
    return svg("batching-speed", width, height, t["bench.title"], t["bench.desc"], body)


# ----------------------------------------------------------------------------- files

#: The figures drawn from fixed geometry: the same bytes on every run.
DETERMINISTIC: dict[str, Callable[[dict[str, str]], str]] = {
    "unrolled-rnn": unrolled_rnn,
    "batch-first-layout": batch_first_layout,
    "h-n-layout": h_n_layout,
    "output-vs-h-n": output_vs_h_n,
}


def figure_dir(docs: Path, lang: str) -> Path:
    return docs / lang / "assets" / "figures"


def write_figures(docs: Path, *, measured: bool = True) -> list[Path]:
    """Write every figure for every language under `docs`; return the files written."""
    written: list[Path] = []
    data = batching_data() if measured else None
    for lang in LANGS:
        out = figure_dir(docs, lang)
        out.mkdir(parents=True, exist_ok=True)
        figures = {name: draw(TEXT[lang]) for name, draw in DETERMINISTIC.items()}
        if data is not None:
            figures["batching-speed"] = batching_speed(TEXT[lang], data)
        for name, content in figures.items():
            path = out / f"{name}.svg"
            path.write_text(content, encoding="utf-8", newline="\n")
            written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs directory")
    parser.add_argument(
        "--no-measured", action="store_true", help="skip the batching plot (measurements)"
    )
    args = parser.parse_args(argv)
    for path in write_figures(args.docs, measured=not args.no_measured):
        print(path.relative_to(args.docs.resolve()) if path.is_relative_to(args.docs) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
