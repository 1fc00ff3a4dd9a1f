"""Execute the tutorial notebooks, as a reader would, and check what they print.

The site shows the outputs saved in the notebooks (mkdocs-jupyter runs with
``execute: false``); this test proves that the code still runs and still learns.
Each notebook runs with its own folder as the working directory, so that it finds
its text in ``data/`` next to it, as it does for a reader.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

DOCS = Path(__file__).resolve().parent.parent / "docs"
NOTEBOOKS = sorted(DOCS.glob("*/tutorials/*.ipynb"))
LOSS_LINE = re.compile(r"loss went from (?P<first>\d+\.\d+) to (?P<last>\d+\.\d+)")


def _stdout(notebook: nbformat.NotebookNode) -> str:
    """Everything the code cells printed, in order."""
    return "".join(
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream" and output.get("name") == "stdout"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(DOCS)))
def test_notebook_runs_and_learns(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=120,  # per cell; the whole notebook takes seconds
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # a failing cell raises CellExecutionError, failing the test
    printed = _stdout(notebook)
    match = LOSS_LINE.search(printed)
    assert match, f"{path.name}: no 'loss went from X to Y' line in:\n{printed}"
    first, last = float(match["first"]), float(match["last"])
    assert last < first / 2, f"{path.name}: the loss did not halve: {first} -> {last}"
    images = [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]
    assert images, f"{path.name}: the loss plot produced no image"


def test_notebook_texts_are_the_same_file() -> None:
    """Both languages' notebooks read data/ next to them; the copies must not drift."""
    for en in sorted((DOCS / "en" / "tutorials" / "data").iterdir()):
        zh = DOCS / "zh" / "tutorials" / "data" / en.name
        assert zh.is_file(), f"{zh.relative_to(DOCS)} is missing"
        assert zh.read_bytes() == en.read_bytes(), f"{zh.relative_to(DOCS)} differs from {en.name}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(DOCS)))
def test_notebook_saved_with_outputs(path: Path) -> None:
    """The site renders saved outputs only: every code cell must have been run and saved."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    unrun = [i for i, cell in enumerate(code) if not cell.get("outputs")]
    assert not unrun, f"{path.name}: code cells {unrun} have no saved output"
    first = notebook["cells"][0]
    assert first["cell_type"] == "markdown" and "".join(first["source"]).startswith("# ")
