"""Draw the site's figures as SVG: each in four variants, for every language.

Run ``make figures`` (or ``python -m tools.figures.draw``) after changing a figure, its labels
or benchmarks/results/batching.json; the files land in docs/<lang>/assets/figures/.

Every figure comes in a wide layout (for a screen at least 45em wide) and a narrow one
that stacks its parts for a phone, each drawn for the light and the dark colour scheme:
``NAME.svg``, ``NAME-dark.svg``, ``NAME-narrow.svg``, ``NAME-narrow-dark.svg``. A page
shows them as two ``<picture>`` elements, one per scheme (Material's ``#only-light`` /
``#only-dark`` image suffixes), each choosing its layout by width (see `markdown`); the text is at
least 13 px in the wide layout and 12 px in the narrow one, so neither is shown below
11 CSS px. The backgrounds are transparent: the figure sits on the page's own colour.

Everything is drawn from fixed geometry, fixed labels and, for the batching plot, the
committed measurements in benchmarks/results/batching.json (written by ``make bench``;
nothing is measured here). The output is the same byte for byte on every machine, and
tests/test_figures.py fails when a committed figure is stale.

Plain string templates, no plotting library: the figures are a few boxes, arrows and
labels, and the SVG stays small and readable.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from tools.paths import DOCS, RESULTS, served_folder

LANGS = ("en", "zh")
BATCHING_JSON = RESULTS / "batching.json"

FONT = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', "
    "'PingFang SC', 'Microsoft YaHei', sans-serif"
)
MONO = "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace"

#: The smallest font size (SVG units) each layout uses. The wide layout is at most
#: WIDE_MAX units wide and shown in a column of at least 688 px (45em minus margins), the
#: narrow one NARROW_WIDTH units wide and shown at most at its own size: 13 * 688 / 760
#: and 12 * 312 / 340 (a 344 px phone) are both at least 11 px.
MIN_FONT = {"wide": 13.0, "narrow": 12.0}
WIDE_MAX = 760
NARROW_WIDTH = 340


@dataclass(frozen=True)
class Palette:
    """The colours of one scheme; every text colour has 4.5:1 against the page and fills."""

    page: str  # the theme's page background (the figures themselves are transparent)
    ink: str
    muted: str
    line: str
    blue: str
    blue_bg: str
    orange: str
    orange_bg: str
    green: str
    green_bg: str
    grey_bg: str
    grid: str
    steps: tuple[str, str, str, str]  # one fill per time step, the same in both layouts

    @property
    def text_colours(self) -> tuple[str, ...]:
        return (self.ink, self.muted, self.blue, self.orange, self.green)

    @property
    def fills(self) -> tuple[str, ...]:
        return (self.blue_bg, self.orange_bg, self.green_bg, self.grey_bg, *self.steps)


# Material's page backgrounds: #ffffff (default) and hsl(232, 15%, 14%) (slate).
PALETTES = {
    "light": Palette(
        page="#ffffff",
        ink="#1f2937",
        muted="#4b5563",
        line="#6b7280",
        blue="#1d4ed8",
        blue_bg="#dbeafe",
        orange="#a14a08",
        orange_bg="#fef3c7",
        green="#036a4c",
        green_bg="#d1fae5",
        grey_bg="#f3f4f6",
        grid="#e5e7eb",
        steps=("#dbeafe", "#d1fae5", "#fef3c7", "#fce7f3"),
    ),
    "dark": Palette(
        page="#1e2029",
        ink="#e5e7eb",
        muted="#b8bec9",
        line="#9ca3af",
        blue="#93c5fd",
        blue_bg="#1e3a5f",
        orange="#fbbf24",
        orange_bg="#422a0c",
        green="#6ee7b7",
        green_bg="#0f3b30",
        grey_bg="#2c303b",
        grid="#3a3f4b",
        steps=("#1e3a5f", "#0f3b30", "#422a0c", "#4a1d3a"),
    ),
}
SCHEMES = tuple(PALETTES)
LAYOUTS = ("wide", "narrow")

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
        "ovh.shared_long": "green: in both (the last layer at the last step)",
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
        "ovh.shared_long": "绿色：两者都有（最后一层、最后一步）",
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


def text_width(content: str, size: float, *, mono: bool = False) -> float:
    """An upper estimate of a label's width: wide (CJK) characters 1em, others 0.6em."""
    wide = sum(unicodedata.east_asian_width(char) in "WF" for char in content)
    return size * (wide + (0.62 if mono else 0.58) * (len(content) - wide))


def wrap(content: str, size: float, width: float) -> list[str]:
    """Break a label into lines no wider than `width`: at spaces, or between CJK characters."""
    lines: list[str] = []
    current = ""
    tokens = [token for token in _tokens(content) if token]
    for token in tokens:
        candidate = current + token
        if current and text_width(candidate.rstrip(), size) > width:
            lines.append(current.rstrip())
            current = token.lstrip()
        else:
            current = candidate
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _tokens(content: str) -> list[str]:
    """Words with their trailing space; each CJK character (with its punctuation) alone."""
    tokens: list[str] = []
    word = ""
    for char in content:
        if unicodedata.east_asian_width(char) in "WF":
            if unicodedata.category(char).startswith("P") and tokens and not word:
                tokens[-1] += char  # no line starts with CJK punctuation
                continue
            if word:
                tokens.append(word)
                word = ""
            tokens.append(char)
        elif char == " ":
            tokens.append(word + " ")
            word = ""
        else:
            word += char
    tokens.append(word)
    return tokens


class Canvas:
    """Drawing commands for one SVG, in one palette."""

    def __init__(self, palette: Palette, layout: str) -> None:
        self.p = palette
        self.floor = MIN_FONT[layout]  # the smallest text this layout draws
        self.body: list[str] = []

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        size: float = 14,
        anchor: str = "middle",
        fill: str | None = None,
        weight: str = "normal",
        mono: bool = False,
        rotate: float = 0,
    ) -> None:
        family = ' font-family="' + MONO.replace("'", "&apos;") + '"' if mono else ""
        bold = ' font-weight="bold"' if weight != "normal" else ""
        turn = f' transform="rotate({_num(rotate)} {_num(x)} {_num(y)})"' if rotate else ""
        self.body.append(
            f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" text-anchor="{anchor}" '
            f'fill="{fill or self.p.ink}"{family}{bold}{turn}>'
            f"{escape(content, quote=False)}</text>"
        )

    def lines(
        self,
        x: float,
        y: float,
        content: str,
        width: float,
        *,
        size: float,
        gap: float = 1.3,
        **kw: Any,
    ) -> float:
        """A label wrapped to `width`, first baseline at y; returns the next free baseline."""
        for line_text in wrap(content, size, width):
            self.text(x, y, line_text, size=size, **kw)
            y += size * gap
        return y

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        fill: str = "none",
        stroke: str | None = None,
        rx: float = 6,
        width: float = 1.5,
        dash: str = "",
    ) -> None:
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        self.body.append(
            f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}" '
            f'rx="{_num(rx)}" fill="{fill}" stroke="{stroke or self.p.line}" '
            f'stroke-width="{_num(width)}"{dashed}/>'
        )

    def circle(self, x: float, y: float, r: float, *, fill: str, stroke: str = "none") -> None:
        ring = f' stroke="{stroke}" stroke-width="1.5"' if stroke != "none" else ""
        self.body.append(
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" fill="{fill}"{ring}/>'
        )

    def arrow(self, x1: float, y1: float, x2: float, y2: float, *, color: str = "line") -> None:
        self.body.append(
            f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
            f'stroke="{getattr(self.p, color)}" stroke-width="1.6" marker-end="url(#a-{color})"/>'
        )

    def line(
        self,
        points: Sequence[tuple[float, float]],
        *,
        color: str | None = None,
        width: float = 1,
        dash: str = "",
    ) -> None:
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
        self.body.append(
            f'<polyline points="{coords}" fill="none" stroke="{color or self.p.line}" '
            f'stroke-width="{_num(width)}"{dashed}/>'
        )

    def sub(self, symbol: str, index: str, x: float, y: float, *, size: float = 15) -> None:
        """A symbol with a subscript, e.g. h with t-1, as one text element."""
        self.body.append(
            f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(size)}" text-anchor="middle" '
            f'fill="{self.p.ink}" font-style="italic">{escape(symbol)}'
            f'<tspan font-size="{_num(max(size * 0.8, self.floor))}" dy="4">'
            f"{escape(index)}</tspan></text>"
        )

    def svg(self, name: str, width: float, height: float, title: str, desc: str) -> str:
        """The drawing as an accessible, self-contained SVG document."""
        markers = "".join(
            f'<marker id="a-{key}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
            f'fill="{getattr(self.p, key)}"/></marker>'
            for key in ("line", "blue", "orange")
        )
        font = FONT.replace("'", "&apos;")
        w, h = _num(width), _num(math.ceil(height))
        head = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
            f'viewBox="0 0 {w} {h}" role="img" aria-labelledby="{name}-title {name}-desc" '
            f'font-family="{font}">',
            f'<title id="{name}-title">{escape(title, quote=False)}</title>',
            f'<desc id="{name}-desc">{escape(desc, quote=False)}</desc>',
            f"<defs>{markers}</defs>",
        ]
        return "\n".join([*head, *self.body, "</svg>"]) + "\n"


# ----------------------------------------------------------------------------- figures


def unrolled_rnn(t: dict[str, str], layout: str, p: Palette) -> str:
    c = Canvas(p, layout)
    narrow = layout == "narrow"
    height: float  # grows to fit the wrapped caption
    width, height = (NARROW_WIDTH, 300) if narrow else (720, 300)
    steps = 4
    cell_w, cell_h, gap = (50, 60, 26) if narrow else (100, 60, 60)
    x0 = 50 if narrow else 130
    y_cell = 110
    # h_0 enters from the left.
    c.sub("h", "0", x0 - 32 if narrow else 50, y_cell + cell_h / 2 + 5)
    c.arrow(x0 - 22 if narrow else 68, y_cell + cell_h / 2, x0 - 4, y_cell + cell_h / 2)
    for step in range(steps):
        x = x0 + step * (cell_w + gap)
        cx = x + cell_w / 2
        c.rect(x, y_cell, cell_w, cell_h, fill=p.blue_bg, stroke=p.blue)
        c.text(cx, y_cell + 26, "RNN", size=14 if narrow else 15, fill=p.blue, weight="bold")
        c.text(cx, y_cell + 46, t["unrolled.cell"], size=13, fill=p.blue)
        # x_t from below, h_t up.
        c.sub("x", str(step + 1), cx, y_cell + cell_h + 70)
        c.arrow(cx, y_cell + cell_h + 52, cx, y_cell + cell_h + 4)
        c.arrow(cx, y_cell - 4, cx, y_cell - 40)
        c.sub("h", str(step + 1), cx, y_cell - 48)
        if step < steps - 1:
            ax = x + cell_w + 3
            c.arrow(ax, y_cell + cell_h / 2, ax + gap - 6, y_cell + cell_h / 2)
            label_y = y_cell + cell_h / 2 - 8
            c.sub("h", str(step + 1), ax + gap / 2 - 3, label_y, size=13)
    right = x0 + steps * cell_w + (steps - 1) * gap
    c.line([(x0, 262), (right, 262)], color=p.blue, dash="4 4")
    end = c.lines((x0 + right) / 2, 284, t["unrolled.shared"], width - 16, size=13, fill=p.blue)
    height = max(height, end - 4)
    c.text(width - 12, 30, t["unrolled.time"], size=13, anchor="end", fill=p.muted)
    name = "unrolled-rnn"
    return c.svg(name, width, height, t["unrolled.title"], t["unrolled.desc"])


def batch_first_layout(t: dict[str, str], layout: str, p: Palette) -> str:
    c = Canvas(p, layout)
    narrow = layout == "narrow"
    steps, seqs = 4, 3
    cell_w, cell_h = 62, 34
    label_w = 58

    def grid(x0: float, y0: float, time_rows: bool, heading: str, shape: str, axes: str) -> float:
        c.text(x0, y0 - 58, heading, size=15, anchor="start", mono=True, weight="bold")
        c.text(x0, y0 - 38, shape, size=14, anchor="start", mono=True, fill=p.blue)
        c.text(x0, y0 - 18, axes, size=13, anchor="start", fill=p.muted)
        rows, cols = (steps, seqs) if time_rows else (seqs, steps)
        for r in range(rows):
            row_label = f"{t['layout.row_step']} {r}" if time_rows else f"{t['layout.row_seq']} {r}"
            c.text(
                x0 + label_w - 8,
                y0 + r * cell_h + 22,
                row_label,
                size=13,
                anchor="end",
                fill=p.muted,
            )
            for col in range(cols):
                step, seq = (r, col) if time_rows else (col, r)
                x = x0 + label_w + col * cell_w
                y = y0 + r * cell_h
                c.rect(x, y, cell_w, cell_h, fill=p.steps[step], stroke=p.line, rx=0, width=1)
                c.text(x + cell_w / 2, y + 22, f"s{seq} t{step}", size=13, mono=True)
        return y0 + rows * cell_h

    tf = ("batch_first=False", "(L, N, F) = (4, 3, F)", t["layout.axes_tf"])
    bf = ("batch_first=True", "(N, L, F) = (3, 4, F)", t["layout.axes_bf"])
    if narrow:
        width = NARROW_WIDTH
        bottom = grid(12, 80, True, *tf)
        bottom = grid(12, bottom + 96, False, *bf)
        y = c.lines(
            12, bottom + 26, t["layout.cells"], width - 24, size=12, anchor="start", fill=p.muted
        )
        state = wrap(t["layout.state"], 12, width - 48)
        box_h = 16 + 16 * len(state)
        c.rect(12, y - 6, width - 24, box_h, fill=p.grey_bg, rx=6, width=1)
        c.lines(width / 2, y + 14, t["layout.state"], width - 48, size=12, gap=1.33)
        height = y - 6 + box_h + 10
    else:
        width = 760
        grid(40, 100, True, *tf)
        grid(400, 100, False, *bf)
        c.text(40, 260, t["layout.cells"], size=13, anchor="start", fill=p.muted)
        c.rect(40, 274, 680, 40, fill=p.grey_bg, rx=6, width=1)
        c.text(380, 299, t["layout.state"], size=14)
        height = 330
    return c.svg("batch-first-layout", width, height, t["layout.title"], t["layout.desc"])


def _layer(t: dict[str, str], n: int) -> str:
    label = t["hn.layer"] if "hn.layer" in t else t["ovh.layer"]
    return label.format(n=n) if "{n}" in label else f"{label} {n}"


def h_n_layout(t: dict[str, str], layout: str, p: Palette) -> str:
    c = Canvas(p, layout)
    narrow = layout == "narrow"
    x0, y0, row_h, row_w = (12, 44, 40, NARROW_WIDTH - 24) if narrow else (40, 70, 40, 260)
    c.text(x0, y0 - 20, t["hn.rows"], size=14, anchor="start", mono=True, weight="bold")
    fills = (p.blue_bg, p.orange_bg)
    strokes = (p.blue, p.orange)
    for row in range(4):
        layer, direction = divmod(row, 2)
        y = y0 + row * row_h
        c.rect(x0, y, row_w, row_h - 6, fill=fills[direction], stroke=strokes[direction])
        c.text(x0 + 12, y + 22, f"{t['hn.row']} {row}", size=13, anchor="start", mono=True)
        label = f"{_layer(t, layer)} · {t['hn.fwd'] if direction == 0 else t['hn.bwd']}"
        c.text(x0 + 80, y + 22, label, size=13, anchor="start")
    # The view: a 2 x 2 grid, layer by direction.
    cw, ch = 110, 50
    if narrow:
        gx, top = 104, y0 + 4 * row_h + 50
        c.arrow(NARROW_WIDTH / 2, y0 + 4 * row_h + 2, NARROW_WIDTH / 2, top - 6)
        c.text(NARROW_WIDTH / 2, top + 20, t["hn.view"], size=14, mono=True, weight="bold")
        gy = top + 56
        width, height = NARROW_WIDTH, gy + 2 * ch + 44
        view_x = NARROW_WIDTH / 2
    else:
        gx, gy = 450, 110
        c.arrow(x0 + row_w + 12, 150, gx - 70, 150)
        c.text(gx + cw, y0 - 20, t["hn.view"], size=14, mono=True, weight="bold")
        width, height = 720, 260
        view_x = gx + cw
    c.text(gx + cw / 2, gy - 10, t["hn.fwd"], size=13, fill=p.blue)
    c.text(gx + cw * 1.5, gy - 10, t["hn.bwd"], size=13, fill=p.orange)
    for layer in range(2):
        c.text(gx - 8, gy + layer * ch + 30, _layer(t, layer), size=13, anchor="end", fill=p.muted)
        for direction in range(2):
            x = gx + direction * cw
            y = gy + layer * ch
            c.rect(x, y, cw, ch, fill=fills[direction], stroke=strokes[direction], rx=0)
            c.text(x + cw / 2, y + 30, f"{t['hn.row']} {layer * 2 + direction}", size=13, mono=True)
    c.rect(gx - 4, gy + ch - 4, 2 * cw + 8, ch + 8, stroke=p.green, rx=4, width=2.5, dash="6 3")
    c.text(view_x if narrow else gx + cw, gy + 2 * ch + 30, t["hn.last"], size=13, fill=p.green)
    return c.svg("h-n-layout", width, height, t["hn.title"], t["hn.desc"])


def output_vs_h_n(t: dict[str, str], layout: str, p: Palette) -> str:
    c = Canvas(p, layout)
    narrow = layout == "narrow"
    layers, steps = 3, 5
    y: float  # a row's centre, then the next free baseline of the wrapped labels
    if narrow:
        gx, gy, dx, dy, r = 84, 66, 52, 62, 15
    else:
        gx, gy, dx, dy, r = 110, 90, 90, 70, 20
    # Rows from the top: last layer first.
    for layer in range(layers):
        y = gy + (layers - 1 - layer) * dy
        c.text(
            gx - r - (12 if narrow else 30),
            y + 5,
            _layer(t, layer),
            size=13,
            anchor="end",
            fill=p.muted,
        )
        for step in range(steps):
            x = gx + step * dx
            if step < steps - 1:
                c.arrow(x + r + 2, y, x + dx - r - 4, y)
            if layer > 0:
                c.arrow(x, y + dy - r - 2, x, y + r + 4)
            top, last = layer == layers - 1, step == steps - 1
            fill = (
                p.green_bg
                if top and last
                else p.blue_bg
                if top
                else p.orange_bg
                if last
                else p.grey_bg
            )
            stroke = p.green if top and last else p.blue if top else p.orange if last else p.line
            c.circle(x, y, r, fill=fill, stroke=stroke)
            c.text(x, y + 5, "h", size=14)
    # Inputs below the bottom row.
    y_in = gy + (layers - 1) * dy + (50 if narrow else 56)
    for step in range(steps):
        x = gx + step * dx
        c.arrow(x, y_in - 10, x, y_in - (26 if narrow else 32))
        c.sub("x", str(step), x, y_in + 8, size=13)
    c.text(gx + (steps - 1) * dx / 2, y_in + 34, t["ovh.time"] + " →", size=13, fill=p.muted)
    # Output: the top row.
    pad = 8
    c.rect(
        gx - r - pad,
        gy - r - pad,
        (steps - 1) * dx + 2 * r + 2 * pad,
        2 * r + 2 * pad,
        stroke=p.blue,
        rx=10,
        width=2.5,
        dash="7 4",
    )
    hx = gx + (steps - 1) * dx
    c.rect(
        hx - r - 14,
        gy - r - 14,
        2 * r + 28,
        (layers - 1) * dy + 2 * r + 28,
        stroke=p.orange,
        rx=10,
        width=2.5,
        dash="3 3",
    )
    if narrow:
        width = NARROW_WIDTH
        c.text(
            12, gy - r - 22, t["ovh.output"], size=13, anchor="start", fill=p.blue, weight="bold"
        )
        y = y_in + 64
        y = c.lines(
            12, y, t["ovh.hn"], width - 24, size=13, anchor="start", fill=p.orange, weight="bold"
        )
        y = c.lines(
            12, y + 4, t["ovh.shared_long"], width - 24, size=13, anchor="start", fill=p.green
        )
        height = y
    else:
        width, height = WIDE_MAX, 330
        c.text(
            gx - r - 8,
            gy - r - 18,
            t["ovh.output"],
            size=14,
            anchor="start",
            fill=p.blue,
            weight="bold",
        )
        c.text(
            hx + r + 24,
            gy + dy + 5,
            t["ovh.hn"],
            size=14,
            anchor="start",
            fill=p.orange,
            weight="bold",
        )
        c.text(hx + r + 24, gy + 5, "← " + t["ovh.shared"], size=13, anchor="start", fill=p.green)
    return c.svg("output-vs-h-n", width, height, t["ovh.title"], t["ovh.desc"])


# ----------------------------------------------------------------------------- the plot


def batching_data(path: Path = BATCHING_JSON) -> dict[str, Any]:
    """The committed measurements to plot (``make bench`` writes them)."""
    if not path.exists():
        raise SystemExit(f"{path} is missing: run `make bench` to measure, then `make figures`")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def batching_speed(t: dict[str, str], layout: str, p: Palette, data: dict[str, Any]) -> str:
    c = Canvas(p, layout)
    narrow = layout == "narrow"
    rows = data["rows"]
    seq_len = rows[0]["seq_len"]
    rows = [row for row in rows if row["seq_len"] == seq_len]
    sizes = [row["batch_size"] for row in rows]
    values = [row[key] for row in rows for key in ("one_by_one_ms", "batched_ms")]
    lo = math.floor(math.log10(min(values)))
    hi = math.ceil(math.log10(max(values)))
    width = NARROW_WIDTH if narrow else 720
    small = 12 if narrow else 13
    setup = t["bench.setup"].format(
        input_size=data.get("input_size", "?"),
        hidden_size=data.get("hidden_size", "?"),
        seq_len=seq_len,
        repeats=data.get("repeats", "?"),
    )
    left = 12 if narrow else 90
    y = c.lines(
        left, 26, t["bench.title"], width - left - 12, size=15, anchor="start", weight="bold"
    )
    y = c.lines(left, y, setup, width - left - 12, size=small, anchor="start", fill=p.muted)
    legend_top = y + 10
    if narrow:
        px0, px1 = 56, width - 14
        py1 = legend_top + 2 * 22 + 10
        py0 = py1 + 250
    else:
        px0, px1, py1 = 90, 690, max(70.0, legend_top - 12)
        py0 = py1 + 280
    x_lo, x_hi = math.log2(min(sizes)), math.log2(max(sizes))

    def px(size: float) -> float:
        span = (x_hi - x_lo) or 1
        return px0 + (math.log2(size) - x_lo) / span * (px1 - px0)

    def py(ms: float) -> float:
        return py0 - (math.log10(ms) - lo) / ((hi - lo) or 1) * (py0 - py1)

    # Grid and axes.
    for power in range(lo, hi + 1):
        gy = py(10**power)
        c.line([(px0, gy), (px1, gy)], color=p.grid)
        c.text(px0 - 8, gy + 4, f"{10**power:g}", size=small, anchor="end", fill=p.muted)
    for size in sizes:
        x = px(size)
        c.line([(x, py0), (x, py1)], color=p.grid)
        c.text(x, py0 + 18, str(size), size=small, fill=p.muted)
    c.line([(px0, py1), (px0, py0), (px1, py0)], width=1.2)
    c.text((px0 + px1) / 2, py0 + 40, t["bench.x"], size=13)
    c.text(px0 - (40 if narrow else 66), (py0 + py1) / 2, t["bench.y"], size=13, rotate=-90)
    series = (
        ("one_by_one_ms", p.orange, t["bench.one"], ""),
        ("batched_ms", p.blue, t["bench.batched"], "6 3"),
    )
    for index, (key, color, label, dash) in enumerate(series):
        legend_y = (legend_top if narrow else py1 + 18) + index * 22
        lx = left if narrow else px0 + 16
        c.line([(lx, legend_y), (lx + 34, legend_y)], color=color, width=2.5, dash=dash)
        c.text(lx + 42, legend_y + 4, label, size=13, anchor="start", fill=color, weight="bold")
        points = [(px(row["batch_size"]), py(row[key])) for row in rows]
        c.line(points, color=color, width=2.5, dash=dash)
        for x, y_point in points:
            c.circle(x, y_point, 4, fill=color)
    machine = t["bench.machine"].format(
        machine=data.get("machine", "?"),
        threads=data.get("threads", "?"),
        torch=data.get("torch", "?"),
    )
    y = c.lines(
        left, py0 + 68, machine, width - left - 12, size=small, anchor="start", fill=p.muted
    )
    return c.svg("batching-speed", width, y - small, t["bench.title"], t["bench.desc"])


# ----------------------------------------------------------------------------- files

Drawing = Callable[[dict[str, str], str, Palette], str]

#: The figures drawn from fixed geometry and labels.
DETERMINISTIC: dict[str, Drawing] = {
    "unrolled-rnn": unrolled_rnn,
    "batch-first-layout": batch_first_layout,
    "h-n-layout": h_n_layout,
    "output-vs-h-n": output_vs_h_n,
}
#: Every figure, the batching plot included.
NAMES = (*DETERMINISTIC, "batching-speed")


def variant_name(name: str, layout: str, scheme: str) -> str:
    """The file stem of one variant: NAME, NAME-dark, NAME-narrow, NAME-narrow-dark."""
    return name + ("-narrow" if layout == "narrow" else "") + ("-dark" if scheme == "dark" else "")


def variants(name: str) -> list[str]:
    """The file names of a figure's four variants."""
    return [f"{variant_name(name, lay, sch)}.svg" for lay in LAYOUTS for sch in SCHEMES]


#: The width below which a page shows the narrow layout: Material's phone layout, the
#: breakpoint of extra.css too.
NARROW_MEDIA = "(max-width: 44.9375em)"


def markdown(name: str, alt: str, page: Path, first: bool = False) -> str:
    """The two lines a page writes to show a figure (tests/test_figures.py checks).

    One ``<picture>`` per scheme; in each, the browser fetches the layout the screen's
    width shows, and every image carries its drawing's size, so the page keeps its place
    before it arrives. The light picture of a page's ``first`` figure is fetched with the
    page (``fetchpriority=high``): it is often the largest thing a phone shows first.
    Every other picture loads lazily, so a reader fetches only what is shown, when it
    comes near the screen. Fetched at once, the four files of a first figure made
    Chromium show the page's first frame a second late in half the Lighthouse runs
    (benchmarks/README.md, Lighthouse).

    Args:
        name: The figure, as draw_all names it (``"output-vs-h-n"``).
        alt: The text alternative, in the page's language.
        page: The Markdown file, under docs/ (``docs/zh/explanation/x.md``): its
            language's drawings give the sizes, and the addresses are written from the
            folder it is served as (raw HTML is not rewritten by MkDocs).
        first: Whether this is the page's first figure.
    """
    lang = page.resolve().relative_to(DOCS).parts[0]
    figures = figure_dir(DOCS, lang)
    prefix = Path(os.path.relpath(figures, served_folder(page.resolve()))).as_posix() + "/"
    lines = []
    for sch in SCHEMES:
        only = "#only-dark" if sch == "dark" else "#only-light"
        wide, narrow = (variant_name(name, lay, sch) for lay in LAYOUTS)
        ww, wh = svg_size(figures / f"{wide}.svg")
        nw, nh = svg_size(figures / f"{narrow}.svg")
        load = 'fetchpriority="high"' if first and sch == "light" else 'loading="lazy"'
        lines.append(
            f'<picture class="rg-figure"><source media="{NARROW_MEDIA}" '
            f'srcset="{prefix}{narrow}.svg" width="{nw}" height="{nh}">'
            f'<img src="{prefix}{wide}.svg{only}" alt="{escape(alt, quote=True)}" '
            f'width="{ww}" height="{wh}" {load}></picture>'
        )
    return "\n".join(lines)


def svg_size(path: Path) -> tuple[int, int]:
    """The width and height a drawing declares on its ``<svg>`` element."""
    tag = re.search(r"<svg\b[^>]*>", path.read_text(encoding="utf-8"))
    found = re.search(r' width="(\d+)" height="(\d+)"', tag.group(0) if tag else "")
    if found is None:
        raise ValueError(f"{path}: its <svg> element declares no width and height")
    return int(found.group(1)), int(found.group(2))


def figure_dir(docs: Path, lang: str) -> Path:
    return docs / lang / "assets" / "figures"


def draw_all(lang: str, data: dict[str, Any] | None = None) -> dict[str, str]:
    """Every variant of every figure in one language: file name -> SVG text."""
    data = batching_data() if data is None else data
    t = TEXT[lang]
    out: dict[str, str] = {}
    for lay in LAYOUTS:
        for sch in SCHEMES:
            palette = PALETTES[sch]
            for name, draw in DETERMINISTIC.items():
                out[f"{variant_name(name, lay, sch)}.svg"] = draw(t, lay, palette)
            out[f"{variant_name('batching-speed', lay, sch)}.svg"] = batching_speed(
                t, lay, palette, data
            )
    return out


def write_figures(docs: Path) -> list[Path]:
    """Write every figure for every language under `docs`; return the files written."""
    written: list[Path] = []
    data = batching_data()
    for lang in LANGS:
        out = figure_dir(docs, lang)
        out.mkdir(parents=True, exist_ok=True)
        for file_name, content in draw_all(lang, data).items():
            path = out / file_name
            path.write_text(content, encoding="utf-8", newline="\n")
            written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=Path, default=DOCS, help="the docs directory")
    args = parser.parse_args(argv)
    for path in write_figures(args.docs):
        print(path.relative_to(args.docs.resolve()) if path.is_relative_to(args.docs) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
