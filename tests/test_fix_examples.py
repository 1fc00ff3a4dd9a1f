"""tools/contrib/fix_examples.py: wrong doctest output is rewritten, everything else is
left alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from unittest import SkipTest

import pytest
from sybil.document import Document

from tools.contrib.fix_examples import fix_page
from tools.docsuite.doc_suite import fresh_state, page_parsers
from tools.docsuite.fences import DOCS, ROOT

PAGE = """\
---
description: A page with stale examples.
---

# Stale

```python
>>> import torch
>>> x = torch.zeros(2, 3)  # (rows=2, columns=3)
>>> x.shape
torch.Size([9, 9])
>>> for step in range(2):
...     print(step)
5
>>> print("a\\n\\nb")
>>> x.shape[0]
2

```

!!! note

    ```python
    >>> x.shape[1]
    7

    ```

> ```python
> >>> len("abc")
> 4
>
> ```

<!-- skip: next "shows a failure that cannot run here" -->

```python
>>> x.shape
torch.Size([0])

```

```python
assert x.shape == (2, 3), "x keeps its shape"
```
"""

FIXED = (
    PAGE.replace("torch.Size([9, 9])", "torch.Size([2, 3])")
    .replace("    print(step)\n5\n", "    print(step)\n0\n1\n")
    .replace('print("a\\n\\nb")\n', 'print("a\\n\\nb")\na\n<BLANKLINE>\nb\n')
    .replace("    7\n", "    3\n")
    .replace("> 4\n", "> 3\n")
)


def _failures(page: Path) -> list[int]:
    """Run the page with the doc suite's parsers; the lines of the examples that fail."""
    document = Document.parse(str(page), *page_parsers())
    fresh_state(document.namespace)
    failed = []
    for example in document.examples():
        try:
            example.evaluate()
        except SkipTest:
            pass
        except Exception:
            failed.append(example.line)
    return failed


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "stale.md"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_wrong_output_is_rewritten_and_the_page_then_passes(page: Path) -> None:
    assert _failures(page) == [10, 12, 15, 24, 30]
    outcome = fix_page(page)
    assert outcome.changed == [10, 12, 15, 24, 30]
    assert outcome.raised == []
    assert page.read_text(encoding="utf-8") == FIXED
    assert _failures(page) == []


def test_second_run_is_a_no_op(page: Path) -> None:
    fix_page(page)
    once = page.read_bytes()
    outcome = fix_page(page)
    assert outcome.changed == [] and outcome.raised == []
    assert page.read_bytes() == once


def test_windows_line_endings_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(PAGE.replace("\n", "\r\n").encode())
    fix_page(path)
    assert path.read_bytes() == FIXED.replace("\n", "\r\n").encode()


def test_correct_pages_stay_byte_identical(tmp_path: Path) -> None:
    for name in ("en", "zh"):
        source = DOCS / name / "tutorials" / "first-rnn.md"
        copy = tmp_path / f"{name}.md"
        shutil.copy(source, copy)
        outcome = fix_page(copy)
        assert outcome.changed == [] and outcome.raised == []
        assert copy.read_bytes() == source.read_bytes()


def test_raising_examples_are_reported_not_rewritten(tmp_path: Path) -> None:
    text = PAGE + (
        "\n```python\n>>> 1 / 0\n3\n\n```\n"
        "\n```python\n>>> {}['k']\nTraceback (most recent call last):\n...\nIndexError: 0\n\n```\n"
        '\n```python\nassert x.shape == (3, 2), "wrong on purpose"\n```\n'
    )
    path = tmp_path / "raising.md"
    path.write_text(text, encoding="utf-8")
    outcome = fix_page(path)
    assert outcome.changed == [10, 12, 15, 24, 30]
    assert outcome.raised == [
        (48, "raised ZeroDivisionError: division by zero"),
        (54, "expects an exception, got: KeyError: 'k'"),
        (61, "raised AssertionError: wrong on purpose"),
    ]
    fixed = path.read_text(encoding="utf-8")
    assert fixed.endswith(text[len(PAGE) :])  # the raising examples are untouched
    assert fix_page(path, write=False).changed == []


def test_command_reports_file_and_line(page: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tools.contrib.fix_examples", str(page)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{page}:10: expected output rewritten"
    assert (
        lines[-1]
        == "fix-examples: 5 example(s) rewritten, 0 left to fix by hand, 1 page(s) checked"
    )


REFUSED = {
    "fence": (">>> print('```')", "x", "code fence"),
    "prompt": (">>> print('>>> 1 + 1')", "x", "'>>>' line"),
    "address": (">>> object()", "<object>", "object address"),
}


@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_output_that_would_break_or_drift_is_refused(tmp_path: Path, kind: str) -> None:
    source, want, says = REFUSED[kind]
    text = f"# Refused\n\n```python\n{source}\n{want}\n\n```\n"
    path = tmp_path / "refused.md"
    path.write_text(text, encoding="utf-8")
    outcome = fix_page(path)
    assert outcome.changed == []
    assert len(outcome.refused) == 1 and outcome.refused[0][0] == 4, outcome.refused
    assert says in outcome.refused[0][1]
    assert path.read_text(encoding="utf-8") == text  # the page is left as it was


def test_set_order_is_refused(tmp_path: Path) -> None:
    """A set prints in an order that depends on the hash seed: never written."""
    text = (
        "# Sets\n\n```python\n"
        ">>> {'apple', 'banana', 'cherry', 'date', 'elder', 'fig', 'grape', 'hazel'}\n"
        "{'apple'}\n\n```\n"
    )
    path = tmp_path / "sets.md"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(  # hash seed 0 here; the tool's second run uses another one
        [sys.executable, "-m", "tools.contrib.fix_examples", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    assert result.returncode == 1, result.stdout
    assert f"{path}:4: not rewritten, the output differs from run to run" in result.stdout
    assert path.read_text(encoding="utf-8") == text


def test_refusals_name_file_and_line_and_fail(tmp_path: Path) -> None:
    path = tmp_path / "refused.md"
    path.write_text("# R\n\n```python\n>>> print('```')\nx\n\n```\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tools.contrib.fix_examples", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:4: not rewritten, the output contains a code fence")


ELIDED = """\
# Elided

```python
>>> import torch
>>> x = torch.arange(100.)
>>> print(x); print(x.shape)
tensor([...])
torch.Size([9])
>>> print(x[:3]); print(x.dtype)
tensor([0., 1., ...])
torch.int64

```
"""


def test_intentional_ellipsis_is_kept_and_a_second_run_is_identical(tmp_path: Path) -> None:
    path = tmp_path / "elided.md"
    path.write_text(ELIDED, encoding="utf-8")
    outcome = fix_page(path)
    assert outcome.changed == [6, 9] and outcome.refused == [], outcome
    fixed = path.read_text(encoding="utf-8")
    assert fixed == ELIDED.replace("Size([9])", "Size([100])").replace("int64", "float32")
    assert _failures(path) == []
    again = fix_page(path)
    assert again.changed == [] and again.refused == []
    assert path.read_text(encoding="utf-8") == fixed
