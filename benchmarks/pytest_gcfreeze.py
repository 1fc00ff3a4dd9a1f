"""pytest plugin (a speed-up candidate): import torch once, then ``gc.freeze()``.

Loaded by benchmarks/speedups.py with ``-p pytest_gcfreeze`` (``benchmarks/`` on
PYTHONPATH).  Freezing moves every object alive at that moment (torch's modules,
functions and their constants) into the permanent generation, so later garbage
collections, including the several full ones pytest runs at exit to catch
unraisable exceptions, no longer walk through them.
"""

from __future__ import annotations

import gc

import pytest


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    if session.items:  # a process that runs tests (not the xdist controller)
        import torch  # noqa: F401

        gc.freeze()
