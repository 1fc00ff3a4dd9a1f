"""Build the site for an address and serve it under the project-pages sub-path.

Used by the browser tests and the Lighthouse benchmark, so both see the site as a
reader of https://OWNER.github.io/rnn-guide/ would: only /rnn-guide/ exists, and a
missing page gets the site's 404 page with status 404.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tools.paths import ROOT

PREFIX = "/rnn-guide/"
_COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ipynb"}


def build_site(
    site_dir: Path,
    site_url: str | None = None,
    *,
    root: Path = ROOT,
    strict: bool = True,
) -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` of the project at ``root`` into ``site_dir``, for ``site_url``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url is not None:
        env["SITE_URL"] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(site_dir)]
    if strict:
        command.insert(4, "--strict")
    return subprocess.run(
        command, cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def site_url(port: int) -> str:
    """The address of a site served on this machine's ``port`` (what SITE_URL names)."""
    return f"http://127.0.0.1:{port}{PREFIX}"


def prebuilt_site() -> tuple[Path, str] | None:
    """The site ``make test`` built before running pytest, and the address it was built for.

    ``make test`` builds the current tree once into RNN_GUIDE_SITE_DIR, for
    ``site_url(RNN_GUIDE_SITE_PORT)``; a folder whose sitemap names another address (or
    that has none) is not reused.
    """
    folder = os.environ.get("RNN_GUIDE_SITE_DIR")
    port = os.environ.get("RNN_GUIDE_SITE_PORT", "")
    if not folder or not port.isdigit():
        return None
    url = site_url(int(port))
    sitemap = Path(folder) / "sitemap.xml"
    if sitemap.is_file() and url in sitemap.read_text(encoding="utf-8", errors="replace"):
        return Path(folder), url
    return None


class SubPathHandler(SimpleHTTPRequestHandler):
    """Serve ``site`` under PREFIX only; optionally gzip text files as GitHub Pages does."""

    def __init__(self, *args: Any, site: str, compress: bool = False, **kwargs: Any) -> None:
        self.site = site
        self.compress = compress
        super().__init__(*args, directory=site, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if not clean.startswith(PREFIX):
            return os.path.join(self.site, "__outside__", "__missing__")
        return super().translate_path("/" + clean[len(PREFIX) :])

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and accepts and path.suffix in _COMPRESSED and path.is_file()):
            super().do_GET()  # also redirects /page to /page/
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
        # Like a static host: a missing page gets the site's 404 page, with status 404.
        page = Path(self.site) / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A browser that stops reading (a page left before it loaded) is not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site_dir: Path, port: int, *, compress: bool = False) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1:``port`` under PREFIX; yield the base URL."""
    handler = partial(SubPathHandler, site=str(site_dir), compress=compress)
    server = _Server(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield site_url(port)
    finally:
        server.shutdown()
        server.server_close()
