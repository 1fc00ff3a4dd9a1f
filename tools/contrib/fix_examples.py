"""Rewrite the expected output of doctest examples with what the code really prints.

    python -m tools.contrib.fix_examples                 # every page under docs/
    python -m tools.contrib.fix_examples docs/en/x.md    # some pages (or folders)

(`make fix-examples`, `make fix-examples PAGE=docs/en/x.md`.)

Each page runs top to bottom in one namespace with the doc suite's own Sybil parsers
(tools.docsuite.doc_suite.page_parsers), exactly as `make test` runs it. When a ``>>>`` example
prints something other than the output written under it, that output is replaced in
the Markdown file by what the code printed. Nothing else in the file changes, byte for
byte; the fence's indentation or quote prefix is kept. Examples that raise (or expect
an exception), and plain code blocks that fail, are reported with file:line and left
alone: they need a person. A second run changes nothing.

Output is refused (reported with file:line, the page left as it was) when writing it
would break the page or would not stay true: a line that starts a code fence or a
``>>>`` prompt (it would end the block or the example), an object address
(``at 0x7f...``), or output that differs in a second run with another hash seed
(set order). Expected output that elides with ``...`` (``tensor([...])``) keeps its
``...`` lines wherever they still match what the code prints.

Exit status: 0 when every example now passes, 1 when some example raised.
"""

from __future__ import annotations

import doctest
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import SkipTest

from sybil.document import Document
from sybil.evaluators.doctest import DocTestEvaluator, DocTestRunner
from sybil.example import SybilFailure

from tools.docsuite.doc_suite import DOCTEST_FLAGS, fresh_state, page_parsers
from tools.paths import DOCS, ROOT


class _CapturingRunner(DocTestRunner):
    """The suite's doctest runner, remembering what a failing example printed."""

    def __init__(self) -> None:
        super().__init__(DOCTEST_FLAGS)
        self.reset()

    def reset(self) -> None:
        self.got: str | None = None
        self.raised: BaseException | None = None

    def report_failure(self, out: Any, test: Any, example: doctest.Example, got: str) -> None:
        self.got = got
        super().report_failure(out, test, example, got)

    def report_unexpected_exception(
        self, out: Any, test: Any, example: doctest.Example, exc_info: Any
    ) -> None:
        self.raised = exc_info[1]
        super().report_unexpected_exception(out, test, example, exc_info)


@dataclass
class Outcome:
    """What happened to one page."""

    path: Path
    changed: list[int]  # lines of the rewritten examples
    raised: list[tuple[int, str]]  # (line, what went wrong) of examples left alone
    refused: list[tuple[int, str]] = field(default_factory=list)  # (line, why not written)


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _want_lines(got: str, prefix: str, newline: str) -> list[str]:
    """The new expected-output lines, as they must appear in the file."""
    lines = []
    for line in got.rstrip("\n").split("\n"):
        line = line.rstrip()
        # A blank line would end the expected output; doctest spells it <BLANKLINE>.
        lines.append(f"{prefix}{line or '<BLANKLINE>'}{newline}")
    return lines


_ADDRESS = re.compile(r"\b0x[0-9a-fA-F]{6,}\b")
_CHECKER = doctest.OutputChecker()


def _refusal(got: str) -> str | None:
    """Why this output must not be written into the page, or None."""
    for line in got.splitlines():
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            return (
                "the output contains a code fence, which would close the block early; print "
                "something else (e.g. repr() of the text) or write the output by hand"
            )
        if stripped.startswith(">>>"):
            return (
                "the output contains a '>>>' line, which would start a new example; print "
                "something else or write the output by hand"
            )
    if _ADDRESS.search(got):
        return (
            "the output holds an object address (0x...), which changes on every run; show "
            "a value instead (type(x).__name__, x.shape, ...)"
        )
    return None


def _matches(want: str, got: str) -> bool:
    return bool(_CHECKER.check_output(want, got, DOCTEST_FLAGS))


def _merge(want: str, got: str) -> list[str] | None:
    """The new output lines: `got`, keeping each ``...`` line of `want` that still matches.

    None when the elided lines no longer fit what the code prints.
    """
    want_lines = want.rstrip("\n").split("\n")
    got_lines = got.rstrip("\n").split("\n")
    if not any("..." in line for line in want_lines):
        return got_lines
    merged: list[str] = []
    j = 0
    for line in want_lines:
        if "..." in line:
            k = next(
                (
                    k
                    for k in range(j + 1, len(got_lines) + 1)
                    if _matches(line + "\n", "\n".join(got_lines[j:k]) + "\n")
                ),
                None,
            )
            if k is None:
                return None
            merged.append(line)
            j = k
        elif j < len(got_lines):
            merged.append(got_lines[j])
            j += 1
    merged += got_lines[j:]
    return merged if _matches("\n".join(merged) + "\n", got) else None


def _outputs(path: Path) -> dict[int, str]:
    """What each doctest example of the page prints: {line: output}, run in this process."""
    document = Document.parse(str(path), *page_parsers())
    fresh_state(document.namespace)
    runner = _CapturingRunner()
    printed: dict[int, str] = {}
    for example in document.examples():
        if not isinstance(example.parsed, doctest.Example):
            try:
                example.evaluate()
            except Exception:  # a failing block is reported by fix_page
                continue
            continue
        if isinstance(example.region.evaluator, DocTestEvaluator):
            example.region.evaluator.runner = runner
        runner.reset()
        try:
            example.evaluate()
        except SybilFailure:
            if runner.got is not None:
                printed[example.line] = runner.got
        except Exception:  # skipped or raising: nothing to compare
            continue
        else:
            printed[example.line] = example.parsed.want
    return printed


def _outputs_elsewhere(path: Path, hashseed: str) -> dict[int, str]:
    """_outputs of the page in a fresh process with another PYTHONHASHSEED."""
    result = subprocess.run(
        [sys.executable, "-m", "tools.contrib.fix_examples", "--outputs-json", str(path.resolve())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": hashseed},
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        return {}
    return {int(line): got for line, got in json.loads(result.stdout).items()}


def fix_page(path: Path, write: bool = True) -> Outcome:
    """Run one page's examples and rewrite the expected output of the failing doctests.

    Args:
        path: A Markdown page.
        write: False to only report what would change.

    Returns:
        Which examples were rewritten, which raised, and which outputs were refused.
    """
    document = Document.parse(str(path), *page_parsers())
    fresh_state(document.namespace)
    runner = _CapturingRunner()
    # (line, index of the >>> line, index of the first expected-output line, count, lines)
    fixes: list[tuple[int, int, int, int, list[str]]] = []
    outcome = Outcome(path, [], [])
    for example in document.examples():
        parsed = example.parsed
        is_doctest = isinstance(parsed, doctest.Example)
        if is_doctest and isinstance(example.region.evaluator, DocTestEvaluator):
            example.region.evaluator.runner = runner
        runner.reset()
        try:
            example.evaluate()
        except SkipTest:
            continue
        except SybilFailure as failure:
            if runner.raised is not None:
                outcome.raised.append((example.line, _raised(runner.raised)))
                continue
            if not is_doctest or runner.got is None or parsed.exc_msg:
                got = _first(runner.got or str(failure))
                outcome.raised.append((example.line, f"expects an exception, got: {got}"))
                continue
            refusal = _refusal(runner.got)
            lines = None if refusal else _merge(parsed.want, runner.got)
            if lines is None and refusal is None:
                refusal = (
                    "the expected output elides part of it with '...' and the new output no "
                    "longer fits around it; write it by hand"
                )
            if refusal or lines is None:
                outcome.refused.append((example.line, refusal or ""))
                continue
            first = example.line - 1
            want_start = first + parsed.source.count("\n")
            fixes.append((example.line, first, want_start, parsed.want.count("\n"), lines))
        except Exception as error:  # a plain code block: report it, keep going
            outcome.raised.append((example.line, _raised(error)))
        finally:
            runner.reset()
    if fixes:
        # Output that a run with another hash seed prints differently (set order, ids)
        # would change the page again on the next run.
        here = os.environ.get("PYTHONHASHSEED", "")
        elsewhere = _outputs_elsewhere(path, "2" if here == "1" else "1")
        steady = []
        for fix in fixes:
            if not _matches("\n".join(fix[4]) + "\n", elsewhere.get(fix[0], "")):
                outcome.refused.append(
                    (
                        fix[0],
                        "the output differs from run to run (set or dict order, hash seed, "
                        "ids); print it sorted, or a value that does not depend on the run",
                    )
                )
            else:
                steady.append(fix)
        fixes = steady
    outcome.changed = [fix[0] for fix in fixes]
    outcome.refused.sort()
    if fixes:
        with path.open(encoding="utf-8", newline="") as handle:
            text_lines = handle.read().splitlines(keepends=True)
        for _, first, start, count, lines in sorted(fixes, key=lambda fix: fix[1], reverse=True):
            source_line = text_lines[first]
            prefix = source_line[: source_line.index(">>>")]  # indentation or "> " quotes
            newline = "\r\n" if source_line.endswith("\r\n") else "\n"
            text_lines[start : start + count] = _want_lines("\n".join(lines), prefix, newline)
        if write:
            with path.open("w", encoding="utf-8", newline="") as handle:
                handle.write("".join(text_lines))
    return outcome


def _first(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _raised(error: BaseException) -> str:
    message = str(error).strip().splitlines()
    return f"raised {type(error).__name__}" + (f": {message[0]}" if message else "")


def _pages(arguments: list[str]) -> list[Path]:
    targets = [Path(argument) for argument in arguments] or [DOCS]
    pages: list[Path] = []
    for target in targets:
        if target.is_dir():
            pages += sorted(target.rglob("*.md"))
        elif target.suffix == ".md" and target.exists():
            pages.append(target)
        else:
            raise SystemExit(f"fix-examples: {target} is not a Markdown page or a folder")
    return pages


def main(argv: list[str] | None = None) -> int:
    """Fix the given pages (default: every page); print what changed and what raised."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--outputs-json"]:  # used by fix_page, in a fresh process
        print(json.dumps({str(k): v for k, v in _outputs(Path(arguments[1])).items()}))
        return 0
    pages = _pages(arguments)
    changed = raised = 0
    for page in pages:
        outcome = fix_page(page)
        for line in outcome.changed:
            print(f"{_rel(page)}:{line}: expected output rewritten")
        for line, detail in outcome.raised:
            print(f"{_rel(page)}:{line}: not rewritten, {detail}")
        for line, detail in outcome.refused:
            print(f"{_rel(page)}:{line}: not rewritten, {detail}")
        changed += len(outcome.changed)
        raised += len(outcome.raised) + len(outcome.refused)
    print(
        f"fix-examples: {changed} example(s) rewritten, {raised} left to fix by hand, "
        f"{len(pages)} page(s) checked"
    )
    return 1 if raised else 0


if __name__ == "__main__":
    sys.exit(main())
