"""Publishing: deploy.yml ships only a tested main, and the workflows pass zizmor.

Each fault of the old deploy.yml is planted in a copy of the workflows and seen caught.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.contrib.constraints import render
from tools.contrib.workflow_checks import constraints_problems, deploy_problems, pinning_problems
from tools.paths import ROOT, WORKFLOWS
from tools.site.stamp_hook import stamp

ZIZMOR = Path(sys.executable).parent / "zizmor"
TORCH_INDEX = "https://download.pytorch.org/whl/cpu"
CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1"


@pytest.fixture
def workflows(tmp_path: Path) -> Path:
    copy = tmp_path / ".github" / "workflows"
    shutil.copytree(WORKFLOWS, copy)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_workflows_publish_only_a_tested_main() -> None:
    problems = deploy_problems() + pinning_problems() + constraints_problems()
    assert not problems, "\n".join(problems)


def _zizmor(workflows: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--persona=pedantic", "--no-progress", str(workflows)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_zizmor_reports_nothing() -> None:
    result = _zizmor(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("old", "new", "audit"),
    [
        (CHECKOUT, "actions/checkout@v4", "unpinned-uses"),
        ("          persist-credentials: false\n", "          fetch-depth: 1\n", "artipacked"),
    ],
)
def test_plant_zizmor_catches(workflows: Path, old: str, new: str, audit: str) -> None:
    _edit(workflows / "test.yml", old, new)
    result = _zizmor(workflows)
    assert result.returncode != 0
    assert audit in result.stdout + result.stderr


def test_plant_deploy_from_any_branch_is_caught(workflows: Path, tmp_path: Path) -> None:
    deploy = workflows / "deploy.yml"
    text = deploy.read_text(encoding="utf-8")
    deploy.write_text(text.replace("    if: github.ref == 'refs/heads/main'\n", ""), "utf-8")
    problems = deploy_problems(workflows, tmp_path)
    assert len(problems) == 2, problems  # both jobs
    assert all("refs/heads/main" in p for p in problems)


def test_plant_deploy_on_other_branches_is_caught(workflows: Path, tmp_path: Path) -> None:
    _edit(workflows / "deploy.yml", "branches: [main]", "branches: [main, dev]")
    problems = deploy_problems(workflows, tmp_path)
    assert len(problems) == 1 and "pushes other than to main" in problems[0], problems


def test_plant_deploy_without_tests_is_caught(workflows: Path, tmp_path: Path) -> None:
    deploy = workflows / "deploy.yml"
    lines = deploy.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if "make test" in line and "run:" in line)
    del lines[at - 1 : at + 1]  # the step's name and its run line
    deploy.write_text("".join(lines), encoding="utf-8")
    problems = deploy_problems(workflows, tmp_path)
    assert len(problems) == 1, problems
    assert "without running `make test` before it" in problems[0]
    assert problems[0].startswith(".github/workflows/deploy.yml:")


def test_plant_tests_after_the_upload_is_caught(workflows: Path, tmp_path: Path) -> None:
    deploy = workflows / "deploy.yml"
    text = deploy.read_text(encoding="utf-8")
    step = "      - name: make test (the same checks as every pull request)\n"
    run = "        run: make test TORCH_INDEX=https://download.pytorch.org/whl/cpu\n"
    assert step + run in text
    text = text.replace(step + run, "").replace(
        "          path: site\n", f"          path: site\n{step}{run}"
    )
    deploy.write_text(text, encoding="utf-8")
    assert any("without running `make test`" in p for p in deploy_problems(workflows, tmp_path))


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (CHECKOUT, "actions/checkout@v7", "not pinned to a commit"),
        (
            "          persist-credentials: false\n",
            "          fetch-depth: 1\n",
            "persist-credentials",
        ),
        (
            "    steps:\n",
            f"    env:\n      PIP_EXTRA_INDEX_URL: {TORCH_INDEX}\n    steps:\n",
            "extra pip",
        ),
    ],
)
def test_plant_unsafe_install_is_caught(
    workflows: Path, tmp_path: Path, old: str, new: str, says: str
) -> None:
    before = pinning_problems(workflows, tmp_path)
    _edit(workflows / "test.yml", old, new)
    problems = [p for p in pinning_problems(workflows, tmp_path) if p not in before]
    assert len(problems) == 1 and says in problems[0], problems
    assert problems[0].startswith(".github/workflows/test.yml:")


def test_plant_constraints_naming_a_missing_target_is_caught(tmp_path: Path) -> None:
    shutil.copy(ROOT / "constraints.txt", tmp_path / "constraints.txt")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    (tmp_path / "Makefile").write_text(makefile.replace("\nconstraints:", "\nold-constraints:"))
    problems = constraints_problems(tmp_path)
    assert len(problems) == 1 and problems[0].startswith("constraints.txt:2:"), problems


def test_make_constraints_pins_every_package_once_in_order() -> None:
    freeze = [
        "Zeta==1.0",
        "alpha_beta==2.0",
        "torch==2.13.0+cpu",
        "pip==25.0",
        "-e git+https://example.com/x#egg=rnn_guide",
        "rnn-guide==0.1.0",
        "# a comment",
    ]
    text = render(freeze, header="# head\n")
    assert text == "# head\nalpha-beta==2.0\ntorch==2.13.0\nzeta==1.0\n"
    assert render(text.splitlines(), header="# head\n") == text  # a second run is the same


def test_constraints_do_not_depend_on_how_pip_spells_a_name() -> None:
    # pip freeze gives onnx_ir or onnx-ir, Jinja2 or jinja2, depending on the install.
    one = render(["onnx_ir==1.1.0", "Jinja2==3.1.6", "ml.dtypes==0.6.0"], header="")
    other = render(["onnx-ir==1.1.0", "jinja2==3.1.6", "ml_dtypes==0.6.0"], header="")
    assert one == other == "jinja2==3.1.6\nml-dtypes==0.6.0\nonnx-ir==1.1.0\n"


def test_constraints_header_says_how_to_refresh() -> None:
    head = (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()[:3]
    assert any("make constraints" in line for line in head)


def _record(tmp_path: Path, names: list[str], examples: object = None, **fields: object) -> str:
    path = tmp_path / "record.json"
    counts = {"en": 3, "zh": 2} if examples is None else examples
    entries = [{"run": run, "passed": 1, "skipped": 0, "examples": counts} for run in names]
    record = {"torch": "2.13.0", "python": "3.11.7", "runs": entries, **fields}
    path.write_text(json.dumps(record))
    return str(path)


ALL_RUNS = ["default", "portability", "reseeded"]


def test_stamp_needs_every_run_of_the_examples(tmp_path: Path) -> None:
    assert stamp(path="") is None  # no record: a build not preceded by make test
    assert stamp(path=str(tmp_path / "missing.json")) is None
    assert stamp(path=_record(tmp_path, ["default", "portability"])) is None
    full = stamp(path=_record(tmp_path, ALL_RUNS))
    assert full == {"torch": "2.13.0", "python": "3.11.7", "examples": {"en": 3, "zh": 2}}


def test_stamp_counts_what_every_run_ran(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    counts = {"default": {"en": 5, "zh": 4}, "portability": {"en": 5, "zh": 4}}
    counts["reseeded"] = {"en": 1, "zh": 4}  # a run of one page only
    entries = [{"run": run, "examples": counts[run]} for run in ALL_RUNS]
    path.write_text(json.dumps({"torch": "2.13.0", "python": "3.11.7", "runs": entries}))
    assert stamp(path=str(path)) == {
        "torch": "2.13.0",
        "python": "3.11.7",
        "examples": {"en": 1, "zh": 4},
    }


@pytest.mark.parametrize(
    ("examples", "fields"),
    [
        ({}, {}),  # a record from before the per-language counts
        ({"docs": 3, "docstrings": 2}, {}),
        ({"en": 3}, {}),
        ({"en": "3", "zh": 2}, {}),
        ({"en": True, "zh": 2}, {}),
        ({"en": -1, "zh": 2}, {}),
        ({"en": 3, "zh": 2}, {"torch": None}),
        ({"en": 3, "zh": 2}, {"runs": {"default": {}}}),
    ],
)
def test_a_malformed_record_gives_no_stamp(
    tmp_path: Path, examples: object, fields: dict[str, object]
) -> None:
    assert stamp(path=_record(tmp_path, ALL_RUNS, examples, **fields)) is None


def test_a_record_that_is_not_json_gives_no_stamp(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    path.write_text("{not json")
    assert stamp(path=str(path)) is None
