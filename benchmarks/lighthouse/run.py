"""Lighthouse scores of a few pages of the built site, as a phone would load them.

    python -m benchmarks.lighthouse.run [--runs 3] [--site-dir DIR] [--keep-reports DIR]

Installs Lighthouse 12.2.3 (package.json, `npm i -E`) into benchmarks/lighthouse/
node_modules when it is missing, builds the site for http://127.0.0.1:<port>/rnn-guide/
(or serves --site-dir, which must have been built for that address), serves it under
/rnn-guide/ like a project page, runs Lighthouse with its default mobile settings
against the system Chromium (CHROME_PATH, default /usr/bin/chromium) and prints one
table: performance, accessibility, best practices and SEO per page, each the median of
--runs audits (performance varies most with the machine's load; its runs are listed).
Before each audit it waits up to --settle seconds for a quiet second on the machine, and
lists with each run how busy the CPU was just before it (other work, not the page).

A measurement, not a test: scores vary with the machine's load (performance most).
Goal: performance >= 0.95, accessibility 1.0, best practices 1.0, SEO >= 0.95.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import load, settle
from tools.paths import BENCHMARKS
from tools.site import chromium
from tools.site.site_server import build_site, serve, site_url

HERE = BENCHMARKS / "lighthouse"

_PAGES = (
    "",
    "explanation/output-vs-h-n/",
    "reference/calculator/",
    "reference/api/",
    "reference/api/messages/",  # the longest module page of the API reference
    "tutorials/char-model/",
)
PAGES = (*_PAGES, *(f"zh/{page}" for page in _PAGES))  # both languages
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = " ".join(("--headless=new", *chromium.FLAGS))


def ensure_lighthouse() -> Path:
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("npm is needed to install Lighthouse: apt-get install npm")
        subprocess.run([npm, "i", "-E", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    return binary


def audit(lighthouse: Path, url: str, chrome: str, report: Path) -> dict[str, float]:
    command = [
        str(lighthouse),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": chrome}
    subprocess.run(command, env=env, check=True, capture_output=True)
    data = json.loads(report.read_text(encoding="utf-8"))
    return {name: data["categories"][name]["score"] for name in CATEGORIES}


def failing_audits(report: Path) -> list[str]:
    """The audits that lost points, for the categories other than performance."""
    data = json.loads(report.read_text(encoding="utf-8"))
    lost = []
    for name in CATEGORIES:
        for ref in data["categories"][name]["auditRefs"]:
            result = data["audits"][ref["id"]]
            score = result.get("score")
            if ref.get("weight", 0) > 0 and score is not None and score < 1:
                lost.append(f"{name}: {ref['id']} ({score})")
    return lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="a site built for --port's address")
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--keep-reports", type=Path, help="write the JSON reports here")
    parser.add_argument("--details", action="store_true", help="list the audits that lost points")
    parser.add_argument("--pages", nargs="+", default=PAGES, help="paths under /rnn-guide/")
    parser.add_argument("--runs", type=int, default=3, help="audits per page (median)")
    parser.add_argument(
        "--settle", type=float, default=30, help="seconds to wait for a quiet CPU per audit"
    )
    args = parser.parse_args()
    chrome = os.environ.get("CHROME_PATH", chromium.CHROMIUM)
    if not Path(chrome).exists():
        sys.exit(f"Chromium not found at {chrome}: apt-get install chromium, or set CHROME_PATH")
    lighthouse = ensure_lighthouse()
    base = site_url(args.port)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site_dir or Path(tmp) / "site"
        if args.site_dir is None:
            build_site(site, base, strict=False).check_returncode()
        reports = args.keep_reports or Path(tmp) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        rows = []
        # Text is sent gzip-compressed, as GitHub Pages sends it.
        with serve(site, args.port, compress=True):
            for page in args.pages:
                name = page.strip("/").replace("/", "-") or "home"
                runs = []
                busy = []
                for i in range(max(args.runs, 1)):
                    report = reports / f"{name}-{i + 1}.json"
                    busy.append(settle(args.settle))
                    runs.append(audit(lighthouse, base + page, chrome, report))
                scores = {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}
                perf_runs = " ".join(
                    f"{r['performance']:.2f}" + ("" if b is None else f" ({b:.0%})")
                    for r, b in zip(runs, busy, strict=True)
                )
                rows.append((page or "(home)", scores, perf_runs, failing_audits(report)))
        print(f"load average at the end: {load()}; (n%): CPU busy just before the run")
        width = max(len(page) for page, _, _, _ in rows)
        print(f"| {'page':<{width}} | " + " | ".join(CATEGORIES) + " | performance runs |")
        print(
            f"|{'-' * (width + 2)}|"
            + "|".join("-" * (len(c) + 2) for c in CATEGORIES)
            + "|------------------|"
        )
        for page, scores, perf_runs, _ in rows:
            cells = " | ".join(f"{scores[c]:>{len(c)}.2f}" for c in CATEGORIES)
            print(f"| {page:<{width}} | {cells} | {perf_runs} |")
        if args.details:
            for page, _, _, lost in rows:
                for item in lost:
                    print(f"{page}: {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
