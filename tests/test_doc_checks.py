"""The doc suite's own guards: fence accounting, skip reasons, twins, and planted faults."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.docsuite.doc_checks import (
    claim_problems,
    fence_problems,
    image_problems,
    import_problems,
    invisible_twin_problems,
    shell_prompt_problems,
    skip_problems,
    twin_problems,
)
from tools.docsuite.fences import DOCS, ROOT, pages

PAGE = Path("tutorials/first-rnn.md")


def test_every_python_looking_block_runs() -> None:
    problems = fence_problems()
    assert not problems, "\n".join(problems)


def test_no_shell_block_has_a_prompt() -> None:
    paths = pages() + sorted((ROOT / "includes").glob("*.md"))
    assert len(paths) > 90, paths
    problems = shell_prompt_problems(paths)
    assert not problems, "\n".join(problems)


def test_plant_a_shell_prompt_is_caught(tmp_path: Path) -> None:
    page = tmp_path / "note.md"
    page.write_text("Text.\n\n    ```bash\n    $ pip install rnn-guide\n    ```\n", "utf-8")
    problems = shell_prompt_problems([page])
    assert len(problems) == 1 and "note.md:3:" in problems[0], problems


def test_every_skip_has_a_reason() -> None:
    problems = skip_problems()
    assert not problems, "\n".join(problems)


def test_every_page_has_a_twin_with_the_same_code() -> None:
    problems = twin_problems() + invisible_twin_problems()
    assert not problems, "\n".join(problems)


def test_every_example_can_fail() -> None:
    problems = claim_problems()
    assert not problems, "\n".join(problems)


def test_every_image_exists() -> None:
    problems = image_problems()
    assert not problems, "\n".join(problems)


def test_pages_import_only_declared_packages() -> None:
    problems = import_problems()
    assert not problems, "\n".join(problems)


@pytest.fixture
def docs_copy(tmp_path: Path) -> Path:
    """A throw-away copy of a few pages of docs/ (and the notebooks) to plant faults in."""
    copy = tmp_path / "docs"
    for lang in ("en", "zh"):
        shutil.copytree(DOCS / lang / "tutorials", copy / lang / "tutorials")
        shutil.copytree(DOCS / lang / "assets", copy / lang / "assets")
        shutil.copy(DOCS / lang / "index.md", copy / lang / "index.md")
    return copy


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize(
    "info",
    [
        "py",
        "pycon",
        "python3",
        'python title="x.py"',
        "{.python}",
        "python-console",
        "py3k",
        "ipython3",
        "python2",
        "sage",
        "{ .py3 }",
    ],
)
def test_plant_hidden_fence_is_caught(docs_copy: Path, info: str) -> None:
    page = docs_copy / "en" / PAGE
    line = len(page.read_text(encoding="utf-8").splitlines()) + 2
    _append(page, f"\n```{info}\nassert False\n```\n")
    problems = fence_problems(docs_copy)
    assert len(problems) == 1, problems
    assert f"en/{PAGE}:{line}:" in problems[0]


def test_plant_untagged_doctest_is_caught(docs_copy: Path) -> None:
    _append(docs_copy / "zh" / PAGE, "\n```\n>>> 1 + 1\n3\n```\n")
    assert [p for p in fence_problems(docs_copy) if f"zh/{PAGE}" in p]


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("info", ["text", "console", ""])
def test_plant_doctest_under_another_info_string_is_caught(docs_copy: Path, info: str) -> None:
    page = docs_copy / "en" / PAGE
    line = _lines(page) + 2
    _append(page, f"\n```{info}\n>>> len([1, 2])\n3\n```\n")
    problems = fence_problems(docs_copy)
    assert [p for p in problems if f"en/{PAGE}:{line}:" in p], problems


@pytest.mark.parametrize("indent", ["    ", "\t", ""])
def test_plant_indented_doctest_is_caught(docs_copy: Path, indent: str) -> None:
    page = docs_copy / "en" / PAGE
    line = _lines(page) + 4
    _append(page, f"\nText before.\n\n{indent}>>> 1 + 1\n{indent}3\n")
    problems = fence_problems(docs_copy)
    assert len(problems) == 1, problems
    assert f"en/{PAGE}:{line}: '>>>' outside a code fence" in problems[0], problems


def test_tracebacks_in_their_own_fence_are_not_python(docs_copy: Path) -> None:
    text = "\n```pytb\nTraceback (most recent call last):\nValueError: x\n```\n"
    _append(docs_copy / "en" / PAGE, text)
    assert fence_problems(docs_copy) == []


def test_plant_skip_without_reason_is_caught(docs_copy: Path) -> None:
    page = docs_copy / "en" / PAGE
    _append(page, "\n<!-- skip: next -->\n\n```python\nassert False\n```\n")
    problems = skip_problems(docs_copy)
    assert len(problems) == 1 and "has no reason" in problems[0], problems


@pytest.mark.parametrize(
    "directive",
    ['next "needs a GPU"', 'next if(not torch.cuda.is_available(), reason="needs a GPU")'],
)
def test_skip_with_reason_is_accepted(docs_copy: Path, directive: str) -> None:
    _append(docs_copy / "en" / PAGE, f"\n<!-- skip: {directive} -->\n\n```python\n1\n```\n")
    assert skip_problems(docs_copy) == []


def test_conditional_skip_without_reason_is_caught(docs_copy: Path) -> None:
    _append(docs_copy / "en" / PAGE, "\n<!-- skip: next if(True) -->\n\n```python\n1\n```\n")
    assert len(skip_problems(docs_copy)) == 1


@pytest.mark.parametrize(
    "directive",
    [
        "<!-- skip: next\n-->",
        "<!--\nskip: next\n-->",
        '<!-- skip: next\n     "the reason, on the wrong line" -->',
    ],
)
def test_plant_multi_line_skip_without_reason_is_caught(docs_copy: Path, directive: str) -> None:
    page = docs_copy / "en" / PAGE
    line = _lines(page) + 2
    _append(page, f"\n{directive}\n\n```python\nassert False\n```\n")
    problems = skip_problems(docs_copy)
    assert len(problems) == 1 and "has no reason" in problems[0], problems
    assert f"en/{PAGE}:{line}:" in problems[0] or f"en/{PAGE}:{line + 1}:" in problems[0]


def test_plant_skip_start_without_end_is_caught(docs_copy: Path) -> None:
    page = docs_copy / "en" / PAGE
    line = _lines(page) + 2
    _append(page, '\n<!-- skip: start "shown, not run" -->\n\n```python\nassert False\n```\n')
    problems = skip_problems(docs_copy)
    assert problems == [
        f"docs/en/{PAGE}:{line}: 'skip: start' is never closed, so every example after it is "
        "skipped; add <!-- skip: end --> after the last example to skip"
    ] or (len(problems) == 1 and f"en/{PAGE}:{line}: 'skip: start' is never closed" in problems[0])


def test_skip_start_with_end_is_accepted(docs_copy: Path) -> None:
    text = '\n<!-- skip: start "shown, not run" -->\n\n```python\nassert False\n```\n'
    _append(docs_copy / "en" / PAGE, text + "\n<!-- skip: end -->\n")
    assert skip_problems(docs_copy) == []


def test_plant_inline_doctest_skip_is_caught(docs_copy: Path) -> None:
    page = docs_copy / "en" / PAGE
    line = _lines(page) + 3
    _append(page, "\n```python\n>>> 1 + 1  # doctest: +SKIP\n3\n\n```\n")
    problems = skip_problems(docs_copy)
    assert len(problems) == 1 and f"en/{PAGE}:{line}: '# doctest: +SKIP'" in problems[0], problems


@pytest.mark.parametrize(
    ("output", "says"),
    [
        ("torch.Size([...])", "elides a shape"),
        ("torch.Size([1, ...])", "elides a shape"),
    ],
)
def test_plant_ellipsis_over_the_claim_is_caught(docs_copy: Path, output: str, says: str) -> None:
    page = docs_copy / "en" / PAGE
    line = _lines(page) + 3
    _append(page, f"\n```python\n>>> torch.zeros(2, 3).shape\n{output}\n\n```\n")
    problems = claim_problems(docs_copy)
    assert len(problems) == 1 and f"en/{PAGE}:{line}:" in problems[0], problems
    assert says in problems[0]


def test_plant_elided_exception_message_is_caught(docs_copy: Path) -> None:
    page = docs_copy / "en" / PAGE
    error = "Traceback (most recent call last):\n...\nZeroDivisionError: ..."
    _append(page, f"\n```python\n>>> 1 / 0\n{error}\n\n```\n")
    problems = claim_problems(docs_copy)
    assert len(problems) == 1 and "exception message is only '...'" in problems[0], problems


def test_plant_block_without_doctest_or_assert_is_caught(docs_copy: Path) -> None:
    page = docs_copy / "en" / PAGE
    line = _lines(page) + 2
    _append(page, "\n```python\nresult = torch.zeros(2) + 1\nprint(result)\n```\n")
    problems = claim_problems(docs_copy)
    assert len(problems) == 1, problems
    assert f"en/{PAGE}:{line}: python block has neither a doctest" in problems[0]


@pytest.mark.parametrize(
    "block",
    [
        "result = torch.zeros(2) + 1\ntorch.testing.assert_close(result, torch.ones(2))",
        "result = torch.zeros(2) + 1\nassert result.sum() == 2",
        'def double(x):\n    """Twice x."""\n    return 2 * x',
        # Its result is shown by the next block.
        "result = torch.zeros(2) + 1\n```\n\n```python\n>>> result.shape\ntorch.Size([2])\n",
    ],
)
def test_blocks_that_can_fail_are_accepted(docs_copy: Path, block: str) -> None:
    _append(docs_copy / "en" / PAGE, f"\n```python\n{block}\n```\n")
    assert claim_problems(docs_copy) == []


def test_plant_twin_hiding_shown_code_is_caught(docs_copy: Path) -> None:
    code = "assert torch.zeros(2).shape == (2,)"
    _append(docs_copy / "en" / PAGE, f"\n```python\n{code}\n```\n")
    zh = docs_copy / "zh" / PAGE
    line = _lines(zh) + 2
    _append(zh, f"\n<!-- invisible-code-block: python\n{code}\n-->\n")
    assert twin_problems(docs_copy) == []  # the code agrees, block for block
    problems = invisible_twin_problems(docs_copy)
    assert len(problems) == 1, problems
    assert f"docs/zh/{PAGE}:{line}: hides in an invisible block" in problems[0]


@pytest.mark.parametrize(
    "html",
    [
        '<img src="../../assets/figures/no-such-figure.svg" alt="x">',
        "<img alt='x' src='missing.png'>",
        '<p><img src="https://example.com/x.png" alt="x"></p>',
        '<picture><source srcset="../../assets/figures/gone.svg" media="(max-width: 1px)">',
    ],
)
def test_plant_missing_image_in_raw_html_is_caught(docs_copy: Path, html: str) -> None:
    page = docs_copy / "en" / PAGE
    line = _lines(page) + 2
    _append(page, f"\n{html}\n")
    problems = image_problems(docs_copy)
    assert len(problems) == 1 and f"en/{PAGE}:{line}: image" in problems[0], problems


def test_existing_image_in_raw_html_is_accepted(docs_copy: Path) -> None:
    # Relative to the built page (tutorials/first-rnn/), as MkDocs leaves raw HTML.
    figure = next((docs_copy / "en" / "assets" / "figures").glob("*.svg")).name
    _append(docs_copy / "en" / PAGE, f'\n<img src="../../assets/figures/{figure}" alt="x">\n')
    assert image_problems(docs_copy) == []
    # Relative to the Markdown file, it would be broken on the site.
    _append(docs_copy / "en" / PAGE, f'\n<img src="../assets/figures/{figure}" alt="x">\n')
    assert len(image_problems(docs_copy)) == 1


@pytest.mark.parametrize(
    "markdown",
    ["![the loss](no-such-plot.png)", '<img src="gone.svg" alt="x">', "![x](attachment:a.png)"],
)
def test_plant_missing_image_in_a_notebook_cell_is_caught(docs_copy: Path, markdown: str) -> None:
    import json

    notebook = docs_copy / "zh" / "tutorials" / "char-model.ipynb"
    data = json.loads(notebook.read_text(encoding="utf-8"))
    data["cells"].insert(1, {"cell_type": "markdown", "metadata": {}, "source": [markdown]})
    notebook.write_text(json.dumps(data), encoding="utf-8")
    problems = image_problems(docs_copy)
    assert len(problems) == 1, problems
    assert "zh/tutorials/char-model.ipynb: cell 2: image" in problems[0]


@pytest.mark.parametrize("module", ["numpy", "jinja2", "yaml"])
def test_plant_import_of_an_undeclared_package_is_caught(docs_copy: Path, module: str) -> None:
    page = docs_copy / "en" / PAGE
    line = _lines(page) + 4
    _append(page, f"\n```python\n>>> import torch\n>>> import {module}\n\n```\n")
    problems = import_problems(docs_copy)
    assert len(problems) == 1, problems
    assert f"en/{PAGE}:{line}: imports {module!r}" in problems[0]
    assert "only as another package's dependency" in problems[0]


def test_declared_and_standard_imports_are_accepted(docs_copy: Path) -> None:
    text = "\n```python\n>>> import json, random\n>>> import torch\n>>> import rnn_guide\n\n```\n"
    _append(docs_copy / "en" / PAGE, text)
    assert import_problems(docs_copy) == []


def test_plant_missing_twin_is_caught(docs_copy: Path) -> None:
    (docs_copy / "zh" / PAGE).unlink()
    (docs_copy / "zh" / "index.md").unlink()
    problems = twin_problems(docs_copy)
    assert len(problems) == 2, problems  # every missing page is reported, not just the first
    assert all("missing" in p for p in problems)


def test_plant_drifted_twin_code_is_caught(docs_copy: Path) -> None:
    page = docs_copy / "zh" / PAGE
    page.write_text(
        page.read_text(encoding="utf-8").replace("torch.zeros(1, 3, 6)", "torch.zeros(1, 3, 7)", 1),
        encoding="utf-8",
    )
    problems = twin_problems(docs_copy)
    assert len(problems) == 1 and "differs" in problems[0], problems


def test_plant_extra_twin_block_is_caught(docs_copy: Path) -> None:
    _append(docs_copy / "zh" / PAGE, "\n```python\nx = 1\n```\n")
    problems = twin_problems(docs_copy)
    assert len(problems) == 1 and "python blocks" in problems[0], problems


def _project_copy(tmp_path: Path) -> Path:
    """Just enough of the project to run the doc suite on one page."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "conftest.py"):
        shutil.copy(ROOT / name, project / name)
    for name in ("tools", "rnn_guide", "docs"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    return project


def _run_suite(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_plant_wrong_expected_output_names_page_and_line(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    page = project / "docs" / "en" / PAGE
    lines = page.read_text(encoding="utf-8").splitlines()
    wrong = lines.index("torch.Size([1, 3, 6])")  # the first shape shown on the page
    lines[wrong] = "torch.Size([9, 9, 9])"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = _run_suite(project, f"docs/en/{PAGE}")
    assert result.returncode == 1, result.stdout
    assert "torch.Size([9, 9, 9])" in result.stdout
    # The failing example's source line (the ">>>" just above the planted output).
    assert f"docs/en/{PAGE}:{wrong}: example did not print" in result.stdout, result.stdout
    assert "1 failed" in result.stdout
