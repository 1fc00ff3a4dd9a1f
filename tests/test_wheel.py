"""What a reader gets from ``pip install rnn-guide``: the wheel, installed on its own.

The sources are copied to a temporary directory and built there as PyPI would get them
(sdist, then the wheel from the sdist, with ``python -m build``); ``twine check`` reads
their metadata. The wheel is installed into a fresh virtual environment that reaches the
project's pinned torch (and Sybil) through a ``.pth`` line naming .venv's site-packages:
a path line in a ``.pth`` file is only appended to ``sys.path``, so the editable install
of the checkout that .venv holds is not activated, and the examples run from a directory
without the package in it. A file the package needs but the wheel leaves out fails here,
not on a reader's machine.

Selected with ``-m wheel``; part of ``make test``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

from tools.paths import ROOT

pytestmark = pytest.mark.wheel

# Pages whose examples import rnn_guide, run against the installed wheel.
PAGES = [
    "docs/en/reference/shapes.md",
    "docs/en/how-to/read-the-source.md",
    "docs/zh/explanation/epoch-batch-iteration.md",
    "docs/zh/reference/cli.md",  # argparse's own words in Chinese: the .mo package data
]

# Runs inside the fresh venv, from a directory holding copies of tools/ and the pages.
RUNNER = textwrap.dedent(
    """
    import sys
    import unittest
    from pathlib import Path

    work, site = Path(sys.argv[1]), Path(sys.argv[2]).resolve()
    import rnn_guide

    where = Path(rnn_guide.__file__).resolve()
    if not where.is_relative_to(site):
        sys.exit(f"rnn_guide was imported from {where}, not from the installed wheel")
    print("rnn_guide imported from", where)

    from tools.docsuite.doc_suite import docstring_sybil, page_sybil

    def run(sybil, path):
        document = sybil.parse(path)
        if sybil.setup:
            sybil.setup(document.namespace)
        counts = [0, 0]
        for example in document:
            try:
                example.evaluate()
            except unittest.SkipTest:
                counts[1] += 1
            else:
                counts[0] += 1
        if sybil.teardown:
            sybil.teardown(document.namespace)
        print(f"{path}: {counts[0]} examples passed, {counts[1]} skipped")
        return counts[0]

    pages = page_sybil(work / "docs")
    ran = sum(run(pages, work / page) for page in sys.argv[3:])
    package = where.parent
    docstrings = docstring_sybil(package)
    ran += sum(run(docstrings, module) for module in sorted(package.rglob("*.py")))
    print("examples passed:", ran)
    """
)


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, f"{args[:3]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist and the wheel, built from a copy of the sources."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "rnn_guide",
        source / "rnn_guide",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    out = tmp_path_factory.mktemp("dist")
    # No isolation: setuptools comes from .venv (pinned in constraints.txt), nothing
    # is downloaded.
    _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, source, cwd=source)
    return out


def test_sdist_and_wheel_pass_twine_check(dist: Path) -> None:
    files = sorted(dist.iterdir(), key=lambda f: f.suffix)
    assert [f.suffix for f in files] == [".gz", ".whl"], files
    output = _run(sys.executable, "-m", "twine", "check", "--strict", *files, cwd=dist)
    assert output.count("PASSED") == 2, output


def test_the_wheel_holds_the_package_and_its_metadata(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata,) = (n for n in names if n.endswith(".dist-info/METADATA"))
        text = archive.read(metadata).decode()
    source_files = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "rnn_guide").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    missing = sorted(source_files - names)
    assert not missing, f"files of the package the wheel leaves out: {missing}"
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names), sorted(names)
    for field in (
        "License-Expression: MIT",
        "Requires-Dist: torch",
        "Project-URL: Source, https://github.com/rnn-guide/rnn-guide",
        "Description-Content-Type: text/markdown",
        "Classifier: Typing :: Typed",
    ):
        assert field in text, field
    assert "# rnn-guide" in text, "the README is the long description"
    # PyPI shows the README away from the repository: a relative link there is broken.
    relative = [t for t in re.findall(r"\]\(([^)]+)\)", text) if not t.startswith(("http", "#"))]
    assert not relative, f"README links that break on PyPI (use absolute URLs): {relative}"


def test_pages_run_against_the_installed_wheel(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    site = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path
        ).strip()
    )
    # .venv's pip installs into the fresh venv; --no-deps and --no-index: torch is
    # reached through the .pth line below, nothing is downloaded.
    _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--quiet",
        "--no-deps", "--no-index", wheel,
        cwd=tmp_path,
    )  # fmt: skip
    (site / "project_venv.pth").write_text(sysconfig.get_path("purelib") + "\n")

    work = tmp_path / "work"
    shutil.copytree(ROOT / "tools", work / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    for page in PAGES:
        (work / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / page, work / page)
    (work / "run_pages.py").write_text(RUNNER)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    output = _run(python, "run_pages.py", work, site, *PAGES, cwd=work, env=env)
    assert f"rnn_guide imported from {site.resolve()}" in output, output
    for page in PAGES:
        assert f"{work / page}: " in output, output
    assert "examples passed: 0" not in output, output
    # The command the wheel installs runs too.
    help_text = _run(venv / "bin" / "rnn-guide", "--help", cwd=work, env=env)
    assert "shapes" in help_text, help_text
