"""pytest plugin: where the doc suite's time goes, example by example.

Loaded by the benchmarks with ``-p pytest_timing`` (``benchmarks/`` on PYTHONPATH) and
only when ``RNN_GUIDE_TIMING_OUT`` names a file prefix; each process (the controller
and every xdist worker) then writes ``<prefix>.<pid>.json`` with:

- per test: node id, setup / call / teardown seconds (pytest's own durations) and
  ``exec`` seconds, the time spent inside ``exec()`` running the example's code
  (plain blocks via tools.docsuite.doc_suite, doctest examples via the doctest module);
- the process's session timeline: when pytest was configured, finished collecting and
  finished the session (epoch seconds; the caller knows when it launched pytest).

The difference between a test's call time and its exec time is the evaluator's own
overhead (parsing, assertion rewriting, compiling, doctest bookkeeping).
"""

from __future__ import annotations

import builtins
import doctest
import json
import os
import sys
import time
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

_OUT = os.environ.get("RNN_GUIDE_TIMING_OUT")
_tests: dict[str, dict[str, Any]] = {}
_timeline: dict[str, float] = {}
_current: list[str] = []
_real_exec = builtins.exec


def _since_start() -> float:
    return time.time()  # epoch seconds; the benchmark subtracts the moment it launched pytest


def _timed_exec(code: Any, globals_: Any = None, locals_: Any = None, /) -> None:
    began = time.perf_counter()
    try:
        _real_exec(code, globals_, locals_)
    finally:
        if _current:
            entry = _tests.setdefault(_current[-1], {})
            entry["exec"] = entry.get("exec", 0.0) + time.perf_counter() - began


def _patch() -> None:
    # A module-level ``exec`` shadows the builtin for that module only.
    doctest.exec = _timed_exec  # type: ignore[attr-defined]
    suite = sys.modules.get("tools.docsuite.doc_suite")
    if suite is not None:
        suite.exec = _timed_exec  # type: ignore[attr-defined]


def pytest_configure(config: pytest.Config) -> None:
    _timeline["configured"] = _since_start()


def pytest_collection_finish(session: pytest.Session) -> None:
    _timeline["collected"] = _since_start()
    _timeline["items"] = len(session.items)
    _patch()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    _current.append(item.nodeid)
    try:
        return (yield)
    finally:
        _current.pop()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER") is None and hasattr(report, "node"):
        return  # on the controller, reports relayed from a worker are the worker's to record
    entry = _tests.setdefault(report.nodeid, {})
    entry[report.when] = report.duration
    if report.when == "call":
        entry["outcome"] = report.outcome


def pytest_sessionfinish(session: pytest.Session) -> None:
    _timeline["finished"] = _since_start()
    if not _OUT:
        return
    path = Path(f"{_OUT}.{os.getpid()}.json")
    path.write_text(
        json.dumps(
            {
                "worker": os.environ.get("PYTEST_XDIST_WORKER", "main"),
                "timeline": _timeline,
                "tests": _tests,
            }
        )
    )
