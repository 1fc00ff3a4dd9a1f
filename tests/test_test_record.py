"""The record behind the footer stamp counts, per language, the code examples that ran.

conftest.py appends one entry per passing pytest run to $RNN_GUIDE_TEST_RECORD; the
stamp hook (tools/site/stamp_hook.py) prints the counts. Here pytest runs two pages in
a child process: every ``python`` block of the English one, and the blocks of the
Chinese one that were not skipped (the GPU blocks, on a machine without CUDA).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import torch

from tools.docsuite.fences import blocks
from tools.paths import DOCS, ROOT
from tools.site.stamp_hook import stamp

EN_PAGE = DOCS / "en" / "explanation" / "lstm-and-gru" / "pytorch-gru.md"
ZH_PAGE = DOCS / "zh" / "how-to" / "gpu-notes.md"
GPU_BLOCKS = 4  # skipped without CUDA


def _python_blocks(page: Path) -> int:
    return sum(1 for block in blocks(page) if block.is_python)


def test_the_record_counts_the_blocks_that_passed(tmp_path: Path) -> None:
    record = tmp_path / "record.json"
    env = {**os.environ, "RNN_GUIDE_TEST_RECORD": str(record), "OMP_NUM_THREADS": "1"}
    env.pop("RNN_GUIDE_DOC_RUN", None)
    pages = [str(page.relative_to(ROOT)) for page in (EN_PAGE, ZH_PAGE)]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist", "-q", *pages],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    runs = json.loads(record.read_text(encoding="utf-8"))["runs"]
    zh = _python_blocks(ZH_PAGE) - (0 if torch.cuda.is_available() else GPU_BLOCKS)
    assert [run["run"] for run in runs] == ["default"]
    assert runs[0]["examples"] == {"en": _python_blocks(EN_PAGE), "zh": zh}
    # One run is not a verification: the stamp needs the portability and reseeded runs too.
    assert stamp(path=str(record)) is None
