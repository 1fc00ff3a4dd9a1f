"""Fixtures for the browser tests: the site built once, served under /rnn-guide/, and Chromium.

The site is built once per session with ``mkdocs build --strict`` into a temporary
directory, for the address it is served at (SITE_URL): the 404 page links by absolute
paths (/rnn-guide/...). RNN_GUIDE_SITE_DIR reuses a site prebuilt for
RNN_GUIDE_SITE_PORT instead (``make test`` builds one), but only when its sitemap names
that address.

Chromium is the system one (/usr/bin/chromium, or RNN_GUIDE_CHROMIUM); Playwright's own
download is not needed. Requests to any host other than the local server are recorded and
fail at once (a proxy that is not there), so a page that reaches for a CDN fails the tests
instead of hanging.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tools.site import chromium
from tools.site.site_server import PREFIX, build_site, prebuilt_site, serve, site_url


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _build(site_dir: Path, site_url: str) -> None:
    result = build_site(site_dir, site_url)
    if result.returncode != 0:
        warnings = [
            line for line in result.stderr.splitlines() if "WARNING" in line or "ERROR" in line
        ]
        allowed = os.environ.get("RNN_GUIDE_ALLOW_BUILD_WARNINGS") == "1"
        if not allowed or not (site_dir / "index.html").exists():
            pytest.fail(
                "mkdocs build --strict failed, so the site cannot be tested in a browser:\n"
                + "\n".join(warnings[:40] or result.stderr.splitlines()[-40:]),
                pytrace=False,
            )


@dataclass
class Site:
    """The served site: its base URL (ending in /rnn-guide/), its files, and the address it
    was built for (SITE_URL: its canonical links and sitemap name it)."""

    base_url: str
    directory: Path
    pages: list[str] = field(default_factory=list)
    built_for: str = ""

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")


def _site_pages(directory: Path, base_url: str) -> list[str]:
    """Every page of the built site, as paths under the base URL ("", "zh/explanation/x/")."""
    pages = []
    for index in sorted(directory.rglob("index.html")):
        relative = index.parent.relative_to(directory).as_posix()
        if relative.startswith(("search", "assets")):
            continue
        pages.append("" if relative == "." else relative + "/")
    return pages


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    # RNN_GUIDE_SITE_PORT fixes the port, so that a site prebuilt for that address
    # (RNN_GUIDE_SITE_DIR) can be reused. Under pytest-xdist every worker serves it on its
    # own port, one further per worker: the pages link to each other by relative or
    # absolute paths, and only their canonical links and the sitemap name the host.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    fixed = int(os.environ.get("RNN_GUIDE_SITE_PORT", "0"))
    port = fixed + (int(worker) if worker.isdigit() else 0) if fixed else _free_port()
    prebuilt = prebuilt_site()
    if prebuilt is not None:
        directory, built_for = prebuilt
    else:
        directory, built_for = tmp_path_factory.mktemp("site"), site_url(port)
        _build(directory, built_for)

    with serve(directory, port) as served_url:
        yield Site(served_url, directory, _site_pages(directory, served_url), built_for)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    problem = chromium.missing()
    if problem is not None:
        pytest.fail(f"the browser tests need Chromium. {problem}", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Every host but this machine goes through a proxy that is not there, so a request
        # for a CDN or a font service fails at once instead of leaving the machine.
        launched = chromium.launch(playwright)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Traffic:
    """What the pages of one browser context asked for."""

    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def browser_context(browser: Any, site: Site) -> Iterator[tuple[Any, Traffic]]:
    """One context for the session: foreign requests aborted, failures recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    traffic = Traffic()
    origin = site.base_url.split(PREFIX)[0]

    def request(sent: Any) -> None:
        # Recorded here, and stopped by the browser's dead proxy (see `browser`). Not
        # intercepted: Playwright turns the HTTP cache off for routed contexts.
        if not sent.url.startswith((origin, "data:", "blob:")):
            traffic.foreign.append(sent.url)

    context.on("request", request)

    def failed(request: Any) -> None:
        # ERR_ABORTED: the page was left while the request was in flight (the crawl moves
        # on quickly), and aborted foreign requests are recorded in `foreign` already.
        if "ERR_ABORTED" in str(request.failure) or not request.url.startswith(origin):
            return
        traffic.failed.append(f"{request.url} ({request.failure})")

    context.on("requestfailed", failed)

    def response(resp: Any) -> None:
        if resp.status >= 400:
            traffic.failed.append(f"{resp.url} (HTTP {resp.status})")

    context.on("response", response)
    try:
        yield context, traffic
    finally:
        context.close()


def watched_tab(browser_context: tuple[Any, Traffic]) -> Any:
    """A new tab of the session's context whose console errors are recorded."""
    context, traffic = browser_context
    tab = context.new_page()
    tab.on(
        "console",
        lambda message: (
            traffic.console_errors.append(f"{tab.url}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    tab.on("pageerror", lambda error: traffic.console_errors.append(f"{tab.url}: {error}"))
    return tab


@pytest.fixture(scope="session")
def open_tab(browser_context: tuple[Any, Traffic]) -> Callable[[], Any]:
    """Opens a tab of the session's context whose console errors are recorded."""
    return lambda: watched_tab(browser_context)


@pytest.fixture
def page(browser_context: tuple[Any, Traffic]) -> Iterator[Any]:
    tab = watched_tab(browser_context)
    try:
        yield tab
    finally:
        tab.close()


@pytest.fixture
def traffic(browser_context: tuple[Any, Traffic]) -> Traffic:
    return browser_context[1]
