"""The Chromium this project drives: where it is and the flags it starts with.

The browser tests, the Lighthouse benchmark and ``make calculator-markup`` use the
system Chromium (Debian's ``chromium``), not a browser downloaded by Playwright.
"""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright, ProxySettings

#: The executable: /usr/bin/chromium, or RNN_GUIDE_CHROMIUM.
CHROMIUM = os.environ.get("RNN_GUIDE_CHROMIUM", "/usr/bin/chromium")

#: No sandbox (containers lack the kernel features), no GPU, and nothing fetched by the
#: browser itself (updates, sync, the first-run page).
FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

#: A proxy for every host but this machine, on port 9 (discard), where nothing listens:
#: a request for a CDN or a font service fails at once instead of leaving the machine.
NO_NETWORK: ProxySettings = {"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"}

MISSING = (
    "Chromium not found at {path}. Install it with `apt-get install chromium` "
    "(or set RNN_GUIDE_CHROMIUM to its path)."
)


def missing() -> str | None:
    """What to do when Chromium is not there, or None when it is."""
    if os.path.exists(CHROMIUM) or shutil.which(CHROMIUM) is not None:
        return None
    return MISSING.format(path=CHROMIUM)


def launch(playwright: Playwright) -> Browser:
    """This Chromium, headless, with FLAGS, every other host behind NO_NETWORK."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=list(FLAGS), proxy=NO_NETWORK)
