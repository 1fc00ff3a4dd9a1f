"""tools/docsuite/lint_docs.py: ruff on the pages' Python, reported at the page's own lines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tools.docsuite.fences import ROOT
from tools.docsuite.lint_docs import lint_page, page_python

PAGE = """\
---
description: A page.
---

# Page

```python
>>> import torch
>>> x = torch.zeros(2, 3)  # (rows, columns)
>>> x.shape == (2, 3)
True
>>> for i in range(2):
...     print(i)
0
1

```

Text in between.

!!! note

    ```python
    y = x + undefined_name
    assert y.shape == (2, 3), "same shape"
    ```

```text
this is not python = = =
```
"""


def test_doctest_source_only_in_page_order(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    source, where = page_python(page)
    assert source.splitlines() == [
        "import torch",
        "x = torch.zeros(2, 3)  # (rows, columns)",
        "x.shape == (2, 3)",
        "for i in range(2):",
        "    print(i)",
        "y = x + undefined_name",
        'assert y.shape == (2, 3), "same shape"',
    ]
    assert where == [(8, 4), (9, 4), (10, 4), (12, 4), (13, 4), (24, 4), (25, 4)]


def test_findings_name_the_page_line(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    problems = lint_page(page)
    # A name used across blocks is fine; an undefined one is reported where it is written.
    assert problems == [f"{page}:24:13: F821 Undefined name `undefined_name`"]


def test_page_style_is_allowed(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE.replace(" + undefined_name", ""), encoding="utf-8")
    assert lint_page(page) == []


def test_command_exit_status(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tools.docsuite.lint_docs", str(page)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "lint-docs: 1 finding(s) in the pages' Python"
    page.write_text(PAGE.replace(" + undefined_name", ""), encoding="utf-8")
    clean = subprocess.run(
        [sys.executable, "-m", "tools.docsuite.lint_docs", str(page)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert clean.returncode == 0 and clean.stdout == ""
