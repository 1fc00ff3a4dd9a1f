"""Time from saving a page to ``make serve`` serving the new page, median of several edits.

    .venv/bin/python -m benchmarks.preview [--edits 7] [--lang en zh] [--port 8799]

Runs the server ``make serve`` runs (or ``--command``, e.g. with ``--dirty``) on a
copy of the project, waits for its first build, then edits one paragraph of a page
``--edits`` times, one edit at a time. Each time it records the moment the file was
written and polls the page (every 20 ms) until the served HTML holds the new words.
The edits go to a long explanation page in each language of ``--lang``. Beside the wall
time it reports the server's CPU time per edit (user + system, from /proc), which is
what the rebuild costs a core of its own: on a busy machine the wall time is mostly
waiting for one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.common import BASE_ENV, BIN, header, machine, save, snapshot, table

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


def measure(langs: list[str], edits: int, port: int, command: list[str]) -> dict[str, Any]:
    info = machine()
    results: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="rnn-guide-preview-") as tmp:
        project = snapshot(Path(tmp) / "project")
        log = open(Path(tmp).parent / "rnn-guide-preview.log", "w", encoding="utf-8")  # noqa: SIM115
        server = subprocess.Popen(
            [*command, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env={**BASE_ENV, "RNN_GUIDE_CACHE_DIR": str(Path(tmp) / "cache")},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}/"
            _wait_for(base + "zh/" if "zh" in langs else base, "</html>", timeout=900)
            for lang in langs:
                prefix = "" if lang == "en" else f"{lang}/"
                source = project / "docs" / lang / f"{PAGE}.md"
                original = source.read_text(encoding="utf-8")
                lines = original.splitlines(keepends=True)
                at = _marked_line(original)
                url = f"{base}{prefix}{PAGE}/"
                times, cpus = [], []
                for n in range(edits):
                    word = f"previewmark{lang}{n}x"
                    edited = [*lines[:at], f"{word} {lines[at]}", *lines[at + 1 :]]
                    time.sleep(1.0)  # the server is idle again before each edit
                    before = _cpu_seconds(server.pid)
                    source.write_text("".join(edited), encoding="utf-8")
                    times.append(_wait_for(url, word, timeout=120))
                    cpus.append(_cpu_seconds(server.pid) - before)
                source.write_text(original, encoding="utf-8")
                results[lang], cpu[lang] = times, cpus
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    return {
        "command": " ".join(command),
        "page": PAGE,
        "edits": edits,
        "median_s": {lang: round(statistics.median(t), 3) for lang, t in results.items()},
        "runs_s": {lang: [round(x, 3) for x in t] for lang, t in results.items()},
        "median_cpu_s": {lang: round(statistics.median(t), 3) for lang, t in cpu.items()},
        "goal_s": 1.0,
        "_info": info,
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--lang", nargs="+", default=["en", "zh"], choices=["en", "zh"])
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument(
        "--command",
        default=f"{BIN / 'mkdocs'} serve --livereload",
        help="the serve command, without --dev-addr (default: what make serve runs)",
    )
    args = parser.parse_args(argv)
    result = measure(args.lang, args.edits, args.port, args.command.split())
    print(
        header(
            "Preview: saving a page to the new page being served",
            result["_info"],
            f"{result['command']}; {args.edits} edits of a prose line of {PAGE}.md",
        )
    )
    print(
        table(
            ["language", "median s", "median CPU s", "goal s", "edits (s)"],
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
