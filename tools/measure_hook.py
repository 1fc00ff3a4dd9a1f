"""MkDocs hook: measurements taken while the site is built.

A page asks for a measurement with a placeholder comment on a line of its own:

    <!-- measured: batching -->

and this hook replaces it with a table of what this machine measured, in the
page's language, with the machine and torch version beside it. Pages under
``docs/zh/`` get the Chinese table. The measurement runs once per build and is
shared by the English and Chinese pages. It runs in a child process started when
the configuration is read, so it overlaps the rest of the build.

Registered in mkdocs.yml under ``hooks:``.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

log = logging.getLogger("mkdocs.hooks.measure")

PLACEHOLDER = "<!-- measured: batching -->"

# The measured setup, stated on the page next to the table.
BATCH_SIZES = (1, 8, 64)
SEQ_LEN = 20
INPUT_SIZE = 32
HIDDEN_SIZE = 64
REPEATS = 5
THREADS = 1  # a busy build machine stalls multi-threaded small calls; see measure_batching

TEXT = {
    "en": {
        "header": (
            "| sequences (batch size) | one by one (ms) | batched (ms) | speed-up | same numbers |"
        ),
        "yes": "yes",
        "no": "no",
        "setup": (
            "Measured while this page was built: `nn.RNN({input_size}, {hidden_size})`, "
            "{seq_len} time steps, no gradients, best of {repeats} runs, torch on one thread, "
            "on {machine}. "
            "Other machines, and the same machine at a busier moment, give other numbers."
        ),
        "machine": "{cpu}, {cores} cores, torch {torch_version}",
        "missing": (
            "*No measurement: this build could not run torch ({error}). "
            "Run `rnn_guide.timing.measure_batching()` to measure on your machine.*"
        ),
    },
    "zh": {
        "header": "| 序列数（批量大小） | 逐条（毫秒） | 成批（毫秒） | 加速比 | 结果相同 |",
        "yes": "是",
        "no": "否",
        "setup": (
            "以上数字在构建本页时测得：`nn.RNN({input_size}, {hidden_size})`，"
            "{seq_len} 个时间步，不计算梯度，取 {repeats} 次运行中最快的一次，torch 只用一个线程；"
            "机器：{machine}。换一台机器，或同一台机器更忙的时候，数字都会不同。"
        ),
        "machine": "{cpu}，{cores} 个核心，torch {torch_version}",
        "missing": (
            "*没有测量结果：本次构建无法运行 torch（{error}）。"
            "在自己的机器上运行 `rnn_guide.timing.measure_batching()` 即可测量。*"
        ),
    },
}

# One measurement per build process, shared by the en and zh builds. It runs in a child
# process started as soon as the configuration is read, so that importing torch and
# measuring (about two seconds) overlap the rest of the build instead of adding to it.
_JOB: subprocess.Popen[str] | None = None
_TABLE_ROWS: list[tuple[int, float, float, float, bool]] | None = None
_MACHINE: dict[str, object] = {}
_ERROR: str = ""


def measure() -> dict[str, Any]:
    """Run the measurement in this process; what the child process prints as JSON."""
    try:
        from rnn_guide.timing import machine_info, measure_batching
    except ImportError as error:  # a docs-only environment without torch
        return {"error": str(error)}
    timings = measure_batching(
        batch_sizes=BATCH_SIZES,
        seq_len=SEQ_LEN,
        input_size=INPUT_SIZE,
        hidden_size=HIDDEN_SIZE,
        repeats=REPEATS,
        threads=THREADS,
    )
    rows = [
        (
            t.batch_size,
            t.one_by_one_seconds * 1e3,
            t.batched_seconds * 1e3,
            t.speedup,
            t.outputs_equal,
        )
        for t in timings
    ]
    return {"rows": rows, "machine": dataclasses.asdict(machine_info())}


def _start() -> None:
    """Start the measuring child process, unless one has run or is running."""
    global _JOB
    if _JOB is None and _TABLE_ROWS is None and not _ERROR:
        _JOB = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve())],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )


def _measure() -> None:
    """Wait for the child's result once; later calls reuse it."""
    global _TABLE_ROWS, _MACHINE, _ERROR
    if _TABLE_ROWS is not None or _ERROR:
        return
    _start()
    assert _JOB is not None
    out, err = _JOB.communicate()
    try:
        result = json.loads(out)
    except json.JSONDecodeError:
        last = err.strip().splitlines()[-1:] or [f"exit status {_JOB.returncode}"]
        result = {"error": last[0]}
    if "error" in result:
        _ERROR = result["error"]
        log.warning("measure_hook: no batching measurement: %s", _ERROR)
        return
    _TABLE_ROWS = [tuple(row) for row in result["rows"]]  # type: ignore[misc]
    _MACHINE = result["machine"]


def on_config(config: Any) -> Any:
    """Start measuring in the background while the pages are read and rendered."""
    _start()
    return config


@event_priority(-200)
def on_post_build(config: Any) -> None:
    """Fill in the pages that waited; stop a measurement that no page asked for.

    Runs after mkdocs-static-i18n's ``on_post_build`` (priority -100), which builds the
    other languages from inside the first language's ``on_post_build``: so the first
    wait for the measurement comes at the end of the last build, not between them.
    """
    _fill_pending()
    if _JOB is not None and _JOB.poll() is None and _TABLE_ROWS is None and not _ERROR:
        _JOB.kill()
        _JOB.wait()


def render(lang: str) -> str:
    """The Markdown that replaces the placeholder, in ``lang`` ("en" or "zh")."""
    _measure()
    text = TEXT[lang]
    if _TABLE_ROWS is None:
        return text["missing"].format(error=_ERROR)
    lines = [text["header"], "|---:|---:|---:|---:|:---:|"]
    for size, one_by_one, batched, speedup, equal in _TABLE_ROWS:
        same = text["yes"] if equal else text["no"]
        lines.append(f"| {size} | {one_by_one:.2f} | {batched:.2f} | {speedup:.1f}× | {same} |")
    setup = text["setup"].format(
        input_size=INPUT_SIZE,
        hidden_size=HIDDEN_SIZE,
        seq_len=SEQ_LEN,
        repeats=REPEATS,
        machine=text["machine"].format(**_MACHINE),
    )
    return "\n".join(lines) + "\n\n" + setup


def _ready() -> bool:
    """Whether the measurement can be shown without waiting for it."""
    return _TABLE_ROWS is not None or bool(_ERROR) or (_JOB is not None and _JOB.poll() is not None)


# Pages whose table waits for the measurement: (written HTML file, language).
_PENDING: list[tuple[Path, str]] = []


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace the measurement placeholder of a page with this build's numbers.

    If the measurement is still running, the placeholder (an HTML comment) stays in the
    page and ``on_post_build`` fills in the written file, so the build never waits for
    torch while it has pages left to render.
    """
    if PLACEHOLDER not in markdown:
        return markdown
    lang = "zh" if page.file.src_uri.startswith("zh/") else "en"
    if not _ready():
        _PENDING.append((Path(page.file.abs_dest_path), lang))
        return markdown
    return markdown.replace(PLACEHOLDER, render(lang))


def _fill_pending() -> None:
    """Write the measurement into the pages that were written before it was ready."""
    import markdown

    while _PENDING:
        path, lang = _PENDING.pop()
        html = markdown.markdown(render(lang), extensions=["tables"])
        page = path.read_text(encoding="utf-8")
        path.write_text(page.replace(PLACEHOLDER, html, 1), encoding="utf-8")


if __name__ == "__main__":  # the child process started by on_config
    print(json.dumps(measure()))
