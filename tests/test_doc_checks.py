"""The doc suite's own guards: fence accounting, skip reasons, twins, and planted faults."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.doc_checks import fence_problems, skip_problems, twin_problems
from tools.fences import DOCS, ROOT

PAGE = Path("tutorials/first-rnn.md")


def test_every_python_looking_block_runs() -> None:
    problems = fence_problems()
    assert not problems, "\n".join(problems)


def test_every_skip_has_a_reason() -> None:
    problems = skip_problems()
    assert not problems, "\n".join(problems)


def test_every_page_has_a_twin_with_the_same_code() -> None:
    problems = twin_problems()
    assert not problems, "\n".join(problems)


@pytest.fixture
def docs_copy(tmp_path: Path) -> Path:
    """A throw-away copy of docs/ to plant faults in."""
    copy = tmp_path / "docs"
    shutil.copytree(DOCS, copy)
    return copy


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.parametrize("info", ["py", "pycon", "python3", 'python title="x.py"', "{.python}"])
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


def test_failing_assert_in_a_page_shows_the_values(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    page = project / "docs" / "en" / PAGE
    _append(page, "\n```python\nexpected = 3\nassert output.shape[0] == expected\n```\n")
    result = _run_suite(project, f"docs/en/{PAGE}")
    assert result.returncode == 1, result.stdout
    # pytest-style introspection: the compared values, not a bare AssertionError.
    assert "assert 1 == 3" in result.stdout, result.stdout
    last = len(page.read_text(encoding="utf-8").splitlines()) - 1  # the assert line
    assert f"docs/en/{PAGE}:{last}: AssertionError" in result.stdout, result.stdout
