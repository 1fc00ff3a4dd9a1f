"""How the doc suite runs pages: fresh global state, a leak is an error, and the two extra
runs of `make test` (portability, reseeded) catch claims that hold only on one CPU or
under one seed. Each fault is planted in a page of a small project copy and run there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.paths import ROOT

PORTABILITY = {
    "MKL_ENABLE_INSTRUCTIONS": "AVX2",
    "ATEN_CPU_CAPABILITY": "default",
    "OMP_NUM_THREADS": "2",
    "RNN_GUIDE_DOC_RUN": "portability",
}
RESEEDED = {"RNN_GUIDE_DOC_SEED": "1", "PYTHONHASHSEED": "1", "RNN_GUIDE_DOC_RUN": "reseeded"}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The configuration, tools and package, and an empty docs/ to write pages in."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "conftest.py"):
        shutil.copy(ROOT / name, project / name)
    for name in ("tools", "rnn_guide"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    (project / "docs" / "en").mkdir(parents=True)
    return project


def _page(project: Path, name: str, body: str) -> Path:
    path = project / "docs" / "en" / name
    path.write_text(f"# {name}\n\n```python\n{body}\n\n```\n", encoding="utf-8")
    return path


def _run(project: Path, *pages: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The doc suite in one process (no xdist), as a reader's `pytest docs` would run it."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", "-q", *pages],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "OMP_NUM_THREADS": "1", **env},
    )


DTYPE_AFTER = ">>> import torch\n>>> torch.zeros(1).dtype\ntorch.float32"


LEAKS = {
    "a1_dtype.md": ("torch.set_default_dtype(torch.float64)", "torch.get_default_dtype()"),
    "a2_grad.md": ("torch.set_grad_enabled(False)", "torch.is_grad_enabled()"),
    "a3_threads.md": ("torch.set_num_threads(2)", "torch.get_num_threads()"),
    "a4_print.md": ("torch.set_printoptions(precision=2)", "str(torch.tensor([1 / 3, 12345.678]))"),
    "a5_deterministic.md": (
        "torch.use_deterministic_algorithms(True, warn_only=True)",
        "torch.are_deterministic_algorithms_enabled()",
    ),
}


def test_plant_global_state_leak_is_caught(project: Path) -> None:
    for name, (leak, _) in LEAKS.items():
        _page(project, name, f">>> import torch\n>>> _ = {leak}")
    _page(project, "b_after.md", DTYPE_AFTER)
    result = _run(project, *(f"docs/en/{name}" for name in [*LEAKS, "b_after.md"]))
    assert result.returncode == 1, result.stdout
    for name, (_, setting) in LEAKS.items():
        # The page that changed the setting is named, at the line that changed it ...
        assert f"docs/en/{name}:5: {setting} is " in result.stdout, result.stdout
    assert "leaves global state changed" in result.stdout
    # ... and every page after it still starts from fresh state.
    assert "12 passed, 5 errors" in result.stdout, result.stdout


def test_restored_state_is_accepted(project: Path) -> None:
    body = (
        ">>> import torch\n>>> torch.set_default_dtype(torch.float64)\n"
        ">>> torch.zeros(1).dtype\ntorch.float64\n>>> torch.set_default_dtype(torch.float32)"
    )
    _page(project, "a_restores.md", body)
    _page(project, "b_after.md", DTYPE_AFTER)
    result = _run(project, "docs/en/a_restores.md", "docs/en/b_after.md")
    assert result.returncode == 0, result.stdout


SEED_DEPENDENT = {
    # A claim true under the seed the pages start from (0), false under most others.
    "claim": ">>> import torch\n>>> bool(torch.rand(1) < 0.5)\nTrue",
    # Raw random floats printed as the result.
    "floats": ">>> import torch\n>>> torch.randn(3)\ntensor([ 1.5410, -0.2934, -2.1788])",
    # Python's random, never seeded by the page.
    "random": ">>> import random\n>>> random.random() > 0.5\nTrue",
}


def test_plant_seed_dependent_example_fails_the_reseeded_run(project: Path) -> None:
    pages = []
    for kind, body in SEED_DEPENDENT.items():
        _page(project, f"{kind}.md", body)
        pages.append(f"docs/en/{kind}.md")
    first = _run(project, *pages)
    assert first.returncode == 0, first.stdout  # right under seed 0 ...
    result = _run(project, *pages, **RESEEDED)  # ... and only there
    assert result.returncode == 1, result.stdout
    for page in pages:
        assert f"{page}:" in result.stdout, result.stdout
    assert "3 failed" in result.stdout
    assert "right only under the seed the pages start from" in result.stdout, result.stdout


def test_a_page_that_seeds_itself_passes_the_reseeded_run(project: Path) -> None:
    body = SEED_DEPENDENT["floats"].replace(
        ">>> torch.randn",
        ">>> _ = torch.manual_seed(0)  # the numbers shown below\n>>> torch.randn",
    )
    _page(project, "seeded.md", body)
    assert _run(project, "docs/en/seeded.md", **RESEEDED).returncode == 0


CPU_DEPENDENT = """\
>>> import torch
>>> from torch import nn
>>> _ = torch.manual_seed(0)
>>> rnn = nn.RNN(5, 6, bidirectional=True)
>>> x = torch.randn(4, 3, 5)
>>> full, _ = rnn(x)
>>> last_step_only, _ = rnn(x[-1:])
>>> torch.equal(full[-1, :, 6:], last_step_only[0, :, 6:])"""


def _bits_agree(env: dict[str, str]) -> str:
    code = "\n".join(line[4:] for line in CPU_DEPENDENT.splitlines())
    code = code.replace("torch.equal(", "print(torch.equal(") + ")"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "OMP_NUM_THREADS": "1", **env},
        timeout=120,
    )
    return result.stdout.strip()


def test_plant_cpu_dependent_claim_fails_the_portability_run(project: Path) -> None:
    here, there = _bits_agree({}), _bits_agree(PORTABILITY)
    if here == there:
        pytest.skip(f"this CPU computes the same bits with AVX2 kernels ({here}); nothing to plant")
    _page(project, "exact.md", f"{CPU_DEPENDENT}\n{here}")
    assert _run(project, "docs/en/exact.md").returncode == 0  # true on this CPU ...
    result = _run(project, "docs/en/exact.md", **PORTABILITY)  # ... not on another
    assert result.returncode == 1, result.stdout
    assert "docs/en/exact.md:" in result.stdout
    assert "torch.allclose" in result.stdout and "state the tolerance" in result.stdout


def test_failing_assert_shows_both_values(project: Path) -> None:
    path = project / "docs" / "en" / "asserts.md"
    path.write_text(
        "# a\n\n```python\nexpected = 3\nvalues = [1, 2]\nassert len(values) == expected\n```\n",
        encoding="utf-8",
    )
    result = _run(project, "docs/en/asserts.md")
    assert result.returncode == 1
    assert "docs/en/asserts.md:6: AssertionError" in result.stdout, result.stdout
    assert "assert 2 == 3" in result.stdout


def test_assert_message_and_other_asserts_are_kept(project: Path) -> None:
    path = project / "docs" / "en" / "asserts.md"
    path.write_text(
        "# a\n\n```python\nassert 1 < 0, 'one is not negative'\n```\n\n"
        "```python\nimport torch\nassert torch.allclose(torch.ones(1), torch.zeros(1))\n```\n",
        encoding="utf-8",
    )
    result = _run(project, "docs/en/asserts.md")
    assert "one is not negative" in result.stdout and "assert 1 < 0" in result.stdout
    assert "assert torch.allclose(torch.ones(1), torch.zeros(1))" in result.stdout, result.stdout
