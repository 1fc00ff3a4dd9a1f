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

from tools.docsuite.doc_checks import OUTPUT_VARIES, saved_error_problems, stale_output_problems
from tools.paths import DOCS

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
    # The site shows the saved outputs: they must be what the cells print now.
    stale = stale_output_problems(path, notebook.cells)
    assert not stale, "\n".join(stale)
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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(DOCS)))
def test_no_saved_traceback(path: Path) -> None:
    problems = saved_error_problems(path)
    assert not problems, "\n".join(problems)


def _code_cells(path: Path) -> list[dict[str, object]]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


@pytest.fixture
def notebook_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "char-model.ipynb"
    copy.write_bytes(NOTEBOOKS[0].read_bytes())
    return copy


def _edit_cell(path: Path, index: int, change: object) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    change(code[index - 1])  # type: ignore[operator]
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False), encoding="utf-8")


def test_unplanted_saved_outputs_match(notebook_copy: Path) -> None:
    # The saved notebook stands for a fresh run here; the real run is the test above.
    assert stale_output_problems(notebook_copy, _code_cells(NOTEBOOKS[0])) == []


@pytest.mark.parametrize(
    "edit",
    [
        lambda cell: cell["outputs"][0].update(text=["12 characters\n"]),  # an edited number
        lambda cell: cell["outputs"][0].update(text=["an older message\n"]),  # older words
        lambda cell: cell.update(outputs=[]),  # an output that is gone
    ],
)
def test_plant_stale_saved_output_is_caught(notebook_copy: Path, edit: object) -> None:
    fresh = _code_cells(NOTEBOOKS[0])
    _edit_cell(notebook_copy, 1, edit)
    problems = stale_output_problems(notebook_copy, fresh)  # type: ignore[arg-type]
    assert len(problems) == 1 and "code cell 1: the saved output is stale" in problems[0]


def test_last_digits_of_a_number_may_vary(notebook_copy: Path) -> None:
    fresh = _code_cells(NOTEBOOKS[0])
    loss = next(i for i, c in enumerate(fresh, 1) if "loss went from" in json.dumps(c))
    _edit_cell(
        notebook_copy,
        loss,
        lambda cell: cell["outputs"][0].update(
            text="".join(cell["outputs"][0]["text"]).replace("0.49", "0.48")
        ),
    )
    assert stale_output_problems(notebook_copy, fresh) == []  # type: ignore[arg-type]


def test_cells_whose_output_varies_say_why() -> None:
    for path in NOTEBOOKS:
        for index, cell in enumerate(_code_cells(path), start=1):
            reason = (cell.get("metadata") or {}).get(OUTPUT_VARIES)  # type: ignore[union-attr]
            assert reason is None or len(str(reason).split()) >= 3, f"{path.name}: cell {index}"


def test_plant_saved_traceback_is_caught(notebook_copy: Path) -> None:
    error = {
        "output_type": "error",
        "ename": "NameError",
        "evalue": "name 'modle' is not defined",
        "traceback": ["NameError: name 'modle' is not defined"],
    }
    _edit_cell(notebook_copy, 2, lambda cell: cell["outputs"].append(error))
    problems = saved_error_problems(notebook_copy)
    assert len(problems) == 1, problems
    assert "code cell 2 has a saved traceback (NameError: name 'modle'" in problems[0]
