"""Lighthouse scores of a few pages of the built site, as a phone would load them.

    python benchmarks/lighthouse/run.py [--site-dir DIR] [--keep-reports DIR]

Installs Lighthouse 12.2.3 (package.json, `npm i -E`) into benchmarks/lighthouse/
node_modules when it is missing, builds the site for http://127.0.0.1:<port>/rnn-guide/
(or serves --site-dir, which must have been built for that address), serves it under
/rnn-guide/ like a project page, runs Lighthouse with its default mobile settings
against the system Chromium (CHROME_PATH, default /usr/bin/chromium) and prints one
table: performance, accessibility, best practices and SEO per page.

A measurement, not a test: scores vary with the machine's load (performance most).
Goal: performance >= 0.95, accessibility 1.0, best practices 1.0, SEO >= 0.95.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PREFIX = "/rnn-guide/"
PAGES = (
    "",
    "explanation/output-vs-h-n/",
    "reference/calculator/",
    "reference/api/",
    "tutorials/char-model/",
)
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ipynb"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


class Handler(SimpleHTTPRequestHandler):
    """The site under PREFIX; the site's 404 page for anything else."""

    def __init__(self, *args: Any, site: str, **kwargs: Any) -> None:
        self.site = site
        super().__init__(*args, directory=site, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if not clean.startswith(PREFIX):
            return os.path.join(self.site, "__outside__", "__missing__")
        return super().translate_path("/" + clean[len(PREFIX) :])

    def do_GET(self) -> None:
        # Like GitHub Pages: text files are sent gzip-compressed when the browser accepts it.
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                super().do_GET()  # the base class redirects /page to /page/
                return
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or path.suffix not in COMPRESSED or not path.is_file():
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.site) / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def ensure_lighthouse() -> Path:
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("npm is needed to install Lighthouse: apt-get install npm")
        subprocess.run([npm, "i", "-E", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    return binary


def build(site_dir: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run([str(mkdocs), "build", "-d", str(site_dir)], cwd=ROOT, env=env, check=True)


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
    args = parser.parse_args()
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not Path(chrome).exists():
        sys.exit(f"Chromium not found at {chrome}: apt-get install chromium, or set CHROME_PATH")
    lighthouse = ensure_lighthouse()
    base = f"http://127.0.0.1:{args.port}{PREFIX}"
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site_dir or Path(tmp) / "site"
        if args.site_dir is None:
            build(site, base)
        reports = args.keep_reports or Path(tmp) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        server = ThreadingHTTPServer(("127.0.0.1", args.port), partial(Handler, site=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        rows = []
        try:
            for page in args.pages:
                report = reports / ((page.strip("/").replace("/", "-") or "home") + ".json")
                scores = audit(lighthouse, base + page, chrome, report)
                rows.append((page or "(home)", scores, failing_audits(report)))
        finally:
            server.shutdown()
        width = max(len(page) for page, _, _ in rows)
        print(f"| {'page':<{width}} | " + " | ".join(CATEGORIES) + " |")
        print(f"|{'-' * (width + 2)}|" + "|".join("-" * (len(c) + 2) for c in CATEGORIES) + "|")
        for page, scores, _ in rows:
            cells = " | ".join(f"{scores[c]:>{len(c)}.2f}" for c in CATEGORIES)
            print(f"| {page:<{width}} | {cells} |")
        if args.details:
            for page, _, lost in rows:
                for item in lost:
                    print(f"{page}: {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
