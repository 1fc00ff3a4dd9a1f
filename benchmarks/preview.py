"""Time from saving a page to ``make serve`` serving the new page, median of several edits.

    .venv/bin/python -m benchmarks.preview [--edits 11] [--locale en zh] [--port 8799]

For each ``--locale`` (en, zh, or all: both languages, full rebuilds) it runs the command
``make serve LOCALE=<locale>`` runs (read from ``make -n``) on a copy of the project,
waits for the first build, then edits one prose line of a long explanation page of that
language ``--edits`` times, one edit at a time, 1 to 1.5 s after the last was served (a
fixed pseudo-random schedule, so the saves fall at different moments of the server's
polling of the files, as a person's do). Each time it records the moment the file was
written and polls the page (every 20 ms) until the served HTML holds the new words. Beside
the wall time it reports the server's CPU time per edit (user + system, from /proc): on a
busy machine the wall time is mostly waiting for a core.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shlex
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.common import BASE_ENV, BIN, header, machine, save, snapshot, table
from tools.paths import ROOT

PAGE = "explanation/why-batching-is-faster"
ANCHOR = "Nothing is computed"  # the start of a paragraph of the page, in either language
ANCHOR_ZH = "并没有"


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until the page at ``url`` holds ``text``; raises TimeoutError after ``timeout``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = _get(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")


def _marked_line(source: str) -> int:
    """The index of the line where an edit goes: a prose line of the page."""
    lines = source.splitlines()
    for anchor in (ANCHOR, ANCHOR_ZH):
        for i, line in enumerate(lines):
            if line.startswith(anchor):
                return i
    for i, line in enumerate(lines):  # any plain prose line after the title
        if i > 5 and line[:1].isalpha():
            return i
    raise ValueError("no prose line to edit")


def serve_command(locale: str, port: int) -> tuple[dict[str, str], list[str]]:
    """The environment and command ``make serve LOCALE=<locale>`` runs (from ``make -n``)."""
    printed = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-n",
            "serve",
            f"LOCALE={locale}",
            f"SERVE_ADDR=127.0.0.1:{port}",
            f"BIN={BIN}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(x for x in printed.splitlines() if " serve " in f" {x} " and "mkdocs" in x)
    words = shlex.split(line)
    assignments = 0  # the leading NAME=value words set the server's environment
    while re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", words[assignments]):
        assignments += 1
    env = dict(word.split("=", 1) for word in words[:assignments])
    return env, words[assignments:]


def _edit_times(
    project: Path, lang: str, url: str, edits: int, pid: int
) -> tuple[list[float], list[float]]:
    """Seconds from each save to the new page being served, and the server's CPU seconds."""
    source = project / "docs" / lang / f"{PAGE}.md"
    original = source.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    at = _marked_line(original)
    times, cpus = [], []
    pauses = random.Random(0)  # a fixed schedule of pauses, the same on every run
    try:
        for n in range(edits):
            word = f"previewmark{lang}{n}x"
            edited = [*lines[:at], f"{word} {lines[at]}", *lines[at + 1 :]]
            # The server is idle again before each edit. The extra part of the pause puts
            # the saves at different moments of the server's 0.5 s polling of the files,
            # as a person's saves fall: a fixed pause saves at the same moment each time.
            time.sleep(1.0 + pauses.uniform(0.0, 0.5))
            before = _cpu_seconds(pid)
            source.write_text("".join(edited), encoding="utf-8")
            times.append(_wait_for(url, word, timeout=120))
            cpus.append(_cpu_seconds(pid) - before)
    finally:
        source.write_text(original, encoding="utf-8")
    return times, cpus


def measure(locales: list[str], edits: int, port: int) -> dict[str, Any]:
    info = machine()
    results: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    commands: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="rnn-guide-preview-") as tmp:
        project = snapshot(Path(tmp) / "project")
        for locale in locales:
            env, command = serve_command(locale, port)
            commands[locale] = " ".join([*(f"{k}={v}" for k, v in env.items()), *command])
            log_path = Path(tmp).parent / f"rnn-guide-preview-{locale}.log"
            with open(log_path, "w", encoding="utf-8") as log:
                server = subprocess.Popen(
                    command,
                    cwd=project,
                    env={**BASE_ENV, **env, "RNN_GUIDE_CACHE_DIR": str(Path(tmp) / "cache")},
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
                try:
                    base = f"http://127.0.0.1:{port}/"
                    _wait_for(base, "</html>", timeout=900)
                    for lang in ("en", "zh") if locale == "all" else (locale,):
                        prefix = "zh/" if locale == "all" and lang == "zh" else ""
                        url = f"{base}{prefix}{PAGE}/"
                        key = lang if locale != "all" else f"all ({lang})"
                        results[key], cpu[key] = _edit_times(project, lang, url, edits, server.pid)
                finally:
                    server.terminate()
                    server.wait(timeout=30)
    return {
        "commands": commands,
        "page": PAGE,
        "edits": edits,
        "median_s": {key: round(statistics.median(t), 3) for key, t in results.items()},
        "runs_s": {key: [round(x, 3) for x in t] for key, t in results.items()},
        "median_cpu_s": {key: round(statistics.median(t), 3) for key, t in cpu.items()},
        "goal_s": 1.0,
        "_info": info,
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=11)
    parser.add_argument(
        "--locale",
        nargs="+",
        default=["en", "zh"],
        choices=["en", "zh", "all"],
        help="make serve LOCALE=...: one language (en, zh) or both with full rebuilds (all)",
    )
    parser.add_argument("--port", type=int, default=8799)
    args = parser.parse_args(argv)
    result = measure(args.locale, args.edits, args.port)
    print(
        header(
            "Preview: saving a page to the new page being served",
            result["_info"],
            "; ".join(f"make serve LOCALE={k}: {v}" for k, v in result["commands"].items())
            + f"; {args.edits} edits of a prose line of {PAGE}.md",
        )
    )
    print(
        table(
            ["make serve", "median s", "median CPU s", "goal s", "edits (s)"],
            [
                [
                    lang,
                    median,
                    result["median_cpu_s"][lang],
                    result["goal_s"],
                    " ".join(f"{x:.2f}" for x in result["runs_s"][lang]),
                ]
                for lang, median in result["median_s"].items()
            ],
        )
    )
    saved = {k: v for k, v in result.items() if not k.startswith("_")}
    print(f"   wrote {save('preview', saved)}")
    return result


if __name__ == "__main__":
    main()
