"""Rewrite the expected output of doctest examples with what the code really prints.

    python tools/fix_examples.py                 # every page under docs/
    python tools/fix_examples.py docs/en/x.md    # some pages (or folders)

(`make fix-examples`, `make fix-examples PAGE=docs/en/x.md`.)

Each page runs top to bottom in one namespace with the doc suite's own Sybil parsers
(tools/doc_suite.page_parsers), exactly as `make test` runs it. When a ``>>>`` example
prints something other than the output written under it, that output is replaced in
the Markdown file by what the code printed. Nothing else in the file changes, byte for
byte; the fence's indentation or quote prefix is kept. Examples that raise (or expect
an exception), and plain code blocks that fail, are reported with file:line and left
alone: they need a person. A second run changes nothing.

Exit status: 0 when every example now passes, 1 when some example raised.
"""

from __future__ import annotations

import doctest
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import SkipTest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sybil.document import Document  # noqa: E402
from sybil.evaluators.doctest import DocTestRunner  # noqa: E402
from sybil.example import SybilFailure  # noqa: E402

from tools.doc_suite import DOCTEST_FLAGS, fresh_state, page_parsers  # noqa: E402


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


def fix_page(path: Path, write: bool = True) -> Outcome:
    """Run one page's examples and rewrite the expected output of the failing doctests.

    Args:
        path: A Markdown page.
        write: False to only report what would change.

    Returns:
        Which examples were rewritten and which raised.
    """
    document = Document.parse(str(path), *page_parsers())
    fresh_state(document.namespace)
    runner = _CapturingRunner()
    # (index of the >>> line, index of the first expected-output line, their count, got)
    fixes: list[tuple[int, int, int, str]] = []
    outcome = Outcome(path, [], [])
    for example in document.examples():
        parsed = example.parsed
        is_doctest = isinstance(parsed, doctest.Example)
        if is_doctest and hasattr(example.region.evaluator, "runner"):
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
            first = example.line - 1
            want_start = first + parsed.source.count("\n")
            fixes.append((first, want_start, parsed.want.count("\n"), runner.got))
            outcome.changed.append(example.line)
        except Exception as error:  # a plain code block: report it, keep going
            outcome.raised.append((example.line, _raised(error)))
        finally:
            runner.reset()
    if fixes:
        with path.open(encoding="utf-8", newline="") as handle:
            lines = handle.read().splitlines(keepends=True)
        for first, start, count, got in sorted(fixes, reverse=True):
            source_line = lines[first]
            prefix = source_line[: source_line.index(">>>")]  # indentation or "> " quotes
            newline = "\r\n" if source_line.endswith("\r\n") else "\n"
            lines[start : start + count] = _want_lines(got, prefix, newline)
        if write:
            with path.open("w", encoding="utf-8", newline="") as handle:
                handle.write("".join(lines))
    return outcome


def _first(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _raised(error: BaseException) -> str:
    message = str(error).strip().splitlines()
    return f"raised {type(error).__name__}" + (f": {message[0]}" if message else "")


def _pages(arguments: list[str]) -> list[Path]:
    targets = [Path(argument) for argument in arguments] or [ROOT / "docs"]
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
    pages = _pages(list(sys.argv[1:] if argv is None else argv))
    changed = raised = 0
    for page in pages:
        outcome = fix_page(page)
        for line in outcome.changed:
            print(f"{_rel(page)}:{line}: expected output rewritten")
        for line, detail in outcome.raised:
            print(f"{_rel(page)}:{line}: not rewritten, {detail}")
        changed += len(outcome.changed)
        raised += len(outcome.raised)
    print(
        f"fix-examples: {changed} example(s) rewritten, {raised} left to fix by hand, "
        f"{len(pages)} page(s) checked"
    )
    return 1 if raised else 0


if __name__ == "__main__":
    sys.exit(main())
