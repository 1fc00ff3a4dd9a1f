"""Collect the doc examples (Markdown pages and docstrings) as pytest items."""

from __future__ import annotations

import json
import os
import platform
import re
from collections.abc import Generator, Iterable
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from sybil.example import SybilFailure

from tools.docsuite.doc_suite import (
    PageLeftStateChanged,
    check_state,
    docstring_sybil,
    page_sybil,
    run_advice,
    run_name,
)
from tools.docsuite.fences import LANGS, blocks
from tools.paths import DOCS

pytest_collect_file = (page_sybil() + docstring_sybil()).pytest()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(
    item: pytest.Item, nextitem: pytest.Item | None
) -> Generator[None, None, None]:
    """After the last example of a page or module: fail when it left global state changed.

    Every page starts from fresh state (tools.docsuite.doc_suite.fresh_state), so a leak cannot
    change another page's result; it is still an error, since a reader running the pages
    one after another in one session would see it.
    """
    yield  # pytest's own teardown first, so that the next page still sets up cleanly
    example: Any = getattr(item, "example", None)
    if example is None or (nextitem is not None and nextitem.parent is item.parent):
        return
    check_state(str(example.path))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Report a failing doc example as ``docs/page.md:LINE`` with just what went wrong.

    Without this, a failure prints Sybil's absolute path and, for an exception, the whole
    Markdown page as "source". A contributor needs the file, the line and the values.
    """
    report = yield
    example: Any = getattr(item, "example", None)
    if example is None or not report.failed or call.excinfo is None:
        return report
    path = Path(example.path)
    try:
        shown = path.relative_to(item.config.rootpath)
    except ValueError:
        shown = path
    error = call.excinfo
    if isinstance(error.value, PageLeftStateChanged):
        report.longrepr = str(error.value)
        return report
    advice = run_advice()
    advice = f"\n{advice}" if advice else ""
    if isinstance(error.value, SybilFailure):
        detail = str(error.value).split(" did not evaluate as expected:", 1)[-1].strip()
        report.longrepr = (
            f"{shown}:{example.line}: example did not print what the page says\n{detail}{advice}"
        )
        return report
    line = example.line
    for entry in error.traceback:
        if Path(str(entry.path)) == path:
            line = entry.lineno + 1  # the line that raised, inside the block
    source = path.read_text(encoding="utf-8").splitlines()[line - 1].strip()
    report.longrepr = (
        f"{shown}:{line}: {error.typename} in\n    {source}\n{error.exconly()}{advice}"
    )
    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Report how many doc examples ran, apart from the other tests."""
    counts: dict[str, dict[str, int]] = {}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            if getattr(report, "when", "call") != "call" and outcome != "error":
                continue
            path = str(report.nodeid).split("::")[0]
            kind = (
                "docs"
                if path.startswith("docs/")
                else ("docstrings" if path.startswith("rnn_guide/") else None)
            )
            if kind:
                counts.setdefault(kind, {}).setdefault(outcome, 0)
                counts[kind][outcome] += 1
    _record(terminalreporter)
    if counts:
        terminalreporter.section("doc examples")
        for kind, by_outcome in sorted(counts.items()):
            detail = ", ".join(f"{n} {outcome}" for outcome, n in sorted(by_outcome.items()))
            terminalreporter.write_line(
                f"{kind}: {sum(by_outcome.values())} examples run ({detail})"
            )


def _record(terminalreporter: pytest.TerminalReporter) -> None:
    """Append what ran and passed to $RNN_GUIDE_TEST_RECORD, for the site's stamp.

    Written only when the whole run passed; `make test` removes the file first, so after
    it the file lists every run of that `make test` (default, portability, reseeded),
    each with its count of page examples per language. tools/site/stamp_hook.py reads it.
    """
    target = os.environ.get("RNN_GUIDE_TEST_RECORD")
    stats = terminalreporter.stats
    if not target or stats.get("failed") or stats.get("error"):
        return
    if terminalreporter.config.getoption("collectonly", False):
        return
    passed = [r for r in stats.get("passed", []) if getattr(r, "when", "call") == "call"]
    path = Path(target)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {"runs": []}
    record["torch"] = version("torch").split("+")[0]
    record["python"] = platform.python_version()
    record["runs"].append(
        {
            "run": run_name(),
            "passed": len(passed),
            "skipped": len(stats.get("skipped", [])),
            "examples": _blocks_passed(str(r.nodeid) for r in passed),
        }
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


# A page example's test id: docs/en/page.md::sybil:docs,line:12,column:1
_EXAMPLE_ID = re.compile(r"^docs/(?P<lang>\w+)/(?P<page>[^:]+\.md)::sybil:docs,line:(?P<line>\d+),")


def _blocks_passed(nodeids: Iterable[str]) -> dict[str, int]:
    """Per language, the ``python`` blocks of the pages that ran with every example passing.

    A block holds one example (plain code) or several (one per ``>>>``); it counts once
    when an example in it passed, and not at all when it was skipped.
    """
    lines: dict[tuple[str, str], set[int]] = {}
    for nodeid in nodeids:
        match = _EXAMPLE_ID.match(nodeid)
        if match and match["lang"] in LANGS:
            lines.setdefault((match["lang"], match["page"]), set()).add(int(match["line"]))
    counts = dict.fromkeys(LANGS, 0)
    for (lang, page), ran in lines.items():
        for block in blocks(DOCS / lang / page):
            if block.is_python and any(block.line <= line <= block.end for line in ran):
                counts[lang] += 1
    return counts
