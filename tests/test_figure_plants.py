"""The batching figure is what benchmarks/results/batching.json gives: an edited number in
a committed batching-speed SVG, or in the JSON, fails tests/test_figures.py (run here on a
small copy of the project with the fault planted)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.paths import ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    (project / "tests").mkdir(parents=True)
    (project / "benchmarks" / "results").mkdir(parents=True)
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    shutil.copy(ROOT / "tests" / "test_figures.py", project / "tests" / "test_figures.py")
    (project / "tests" / "__init__.py").write_text("", encoding="utf-8")
    shutil.copytree(ROOT / "tools", project / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(
        ROOT / "benchmarks" / "results" / "batching.json",
        project / "benchmarks" / "results" / "batching.json",
    )
    shutil.copytree(ROOT / "docs", project / "docs")
    return project


def _figure_tests(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "tests/test_figures.py",
            "-k",
            "up_to_date and batching",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_unplanted_copy_passes(project: Path) -> None:
    result = _figure_tests(project)
    assert result.returncode == 0, result.stdout[-3000:]


def test_plant_edited_number_in_the_svg_is_caught(project: Path) -> None:
    svg = project / "docs" / "en" / "assets" / "figures" / "batching-speed.svg"
    text = svg.read_text(encoding="utf-8")
    # The first data point of the first curve: a coordinate of a polyline with many points.
    line = next(m for m in re.finditer(r'<polyline points="([^"]+)"', text) if m[1].count(" ") > 3)
    first = line[1].split(" ")[0]
    x, y = first.split(",")
    planted = text.replace(first, f"{x},{float(y) - 20:g}", 1)
    assert planted != text
    svg.write_text(planted, encoding="utf-8")
    result = _figure_tests(project)
    assert result.returncode == 1, result.stdout[-3000:]
    assert "batching-speed.svg is stale: run `make figures`" in result.stdout


def test_plant_edited_measurement_is_caught(project: Path) -> None:
    path = project / "benchmarks" / "results" / "batching.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["rows"][0]["batched_ms"] *= 10
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    result = _figure_tests(project)
    assert result.returncode == 1, result.stdout[-3000:]
    assert "batching-speed" in result.stdout and "is stale" in result.stdout
