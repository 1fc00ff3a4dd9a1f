import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from torch import nn

from rnn_guide.timing import (
    BatchingTiming,
    MachineInfo,
    compare_batching,
    machine_info,
    measure_batching,
)

# These tests check structure and numbers, never speed: timings depend on the machine.

# CPU builds fall back from oneDNN for a projected LSTM and say so once.
PROJ_WARNING = "ignore:LSTM with projections is not supported with oneDNN:UserWarning"


@pytest.mark.parametrize(
    "module",
    [
        nn.RNN(3, 5),
        nn.RNN(3, 5, num_layers=2, nonlinearity="relu", batch_first=True),
        nn.GRU(3, 5, bidirectional=True),
        nn.LSTM(3, 5, num_layers=2, bidirectional=True, batch_first=True),
        nn.LSTM(3, 5, proj_size=2),
    ],
    ids=["rnn", "rnn-relu-bf", "gru-bi", "lstm-bi-bf", "lstm-proj"],
)
@pytest.mark.filterwarnings(PROJ_WARNING)
def test_one_by_one_equals_batched(module: nn.Module) -> None:
    torch.manual_seed(0)
    x = torch.randn(4, 6, 3)  # seq_len 4, batch 6 (or batch 4, seq_len 6 if batch_first)
    timing = compare_batching(module, x, repeats=1)
    batch_first = module.batch_first  # type: ignore[union-attr]
    assert timing.batch_size == (4 if batch_first else 6)
    assert timing.seq_len == (6 if batch_first else 4)
    assert timing.outputs_equal
    assert timing.max_abs_difference <= 1e-6
    assert timing.one_by_one_seconds > 0
    assert timing.batched_seconds > 0
    assert timing.speedup == timing.one_by_one_seconds / timing.batched_seconds
    assert timing.repeats == 1


def test_outputs_equal_follows_the_tolerance() -> None:
    torch.manual_seed(0)
    timing = compare_batching(nn.RNN(3, 5), torch.randn(4, 6, 3), repeats=1, atol=-1.0)
    assert not timing.outputs_equal  # nothing is within a negative tolerance
    assert timing.atol == -1.0


def test_compare_batching_leaves_no_graph() -> None:
    x = torch.randn(2, 3, 3, requires_grad=True)
    rnn = nn.RNN(3, 4)
    compare_batching(rnn, x, repeats=1)
    assert x.grad is None


def test_compare_batching_rejects_bad_input() -> None:
    rnn = nn.RNN(3, 5)
    with pytest.raises(ValueError, match="3-D batch"):
        compare_batching(rnn, torch.randn(4, 3))
    with pytest.raises(ValueError, match="3-D batch"):
        compare_batching(rnn, [[1.0]])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"must be nn\.RNN, nn\.GRU or nn\.LSTM"):
        compare_batching(nn.Linear(3, 5), torch.randn(4, 2, 3))
    for repeats in (0, -1, 1.5, True):
        with pytest.raises(ValueError, match="repeats"):
            compare_batching(rnn, torch.randn(4, 2, 3), repeats=repeats)  # type: ignore[arg-type]


def test_measure_batching_is_seeded_and_leaves_the_random_state() -> None:
    torch.manual_seed(123)
    before = torch.get_rng_state()
    timings = measure_batching(batch_sizes=(1, 3), seq_len=2, repeats=1)
    assert torch.equal(torch.get_rng_state(), before)
    assert [t.batch_size for t in timings] == [1, 3]
    assert all(isinstance(t, BatchingTiming) and t.outputs_equal for t in timings)
    assert all(t.seq_len == 2 for t in timings)
    again = measure_batching(batch_sizes=(1, 3), seq_len=2, repeats=1)
    assert [t.max_abs_difference for t in again] == [t.max_abs_difference for t in timings]


@pytest.mark.parametrize("sizes", [(0,), (2, -1), (1.5,), (True,)])
def test_measure_batching_rejects_bad_batch_sizes(sizes: tuple[object, ...]) -> None:
    with pytest.raises(ValueError, match="batch size"):
        measure_batching(batch_sizes=sizes, repeats=1)  # type: ignore[arg-type]


def test_machine_info() -> None:
    info = machine_info()
    assert isinstance(info, MachineInfo)
    assert info.cpu
    assert info.cores >= 1
    assert info.threads == torch.get_num_threads()
    assert "+" not in info.torch_version
    assert torch.__version__.startswith(info.torch_version)
    assert f"torch {info.torch_version}" in str(info)
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.cores = 3  # type: ignore[misc]


def test_measure_hook_fills_the_placeholder_in_the_page_language() -> None:
    from types import SimpleNamespace

    from tools import measure_hook

    def page(src_uri: str) -> SimpleNamespace:
        return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))

    measure_hook._measure()  # wait for the measuring child process
    markdown = f"before\n\n{measure_hook.PLACEHOLDER}\n\nafter"
    en = measure_hook.on_page_markdown(markdown, page("en/x.md"), None, None)
    zh = measure_hook.on_page_markdown(markdown, page("zh/x.md"), None, None)
    assert measure_hook.PLACEHOLDER not in en + zh
    assert "| one by one (ms) |" in en and "torch " in en
    assert "逐条（毫秒）" in zh
    table_rows = [line for line in en.splitlines() if line.startswith("| ")]
    assert [row.split("|")[1].strip() for row in table_rows[1:]] == ["1", "8", "64"]
    # Measured once: the Chinese page shows the same numbers as the English one.
    zh_rows = [line for line in zh.splitlines() if line.startswith("| ")]
    assert [r.split("|")[2:4] for r in zh_rows[1:]] == [r.split("|")[2:4] for r in table_rows[1:]]
    assert measure_hook.on_page_markdown("no placeholder", page("en/x.md"), None, None) == (
        "no placeholder"
    )


def test_measure_hook_fills_written_pages_when_the_measurement_comes_late(
    tmp_path: Path,
) -> None:
    from types import SimpleNamespace

    from tools import measure_hook

    slow = (
        "import time; time.sleep(1); from tools.measure_hook import *; print(json.dumps(measure()))"
    )
    job = subprocess.Popen(
        [sys.executable, "-c", slow],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(measure_hook.__file__).parent.parent,
    )
    written = tmp_path / "index.html"
    page = SimpleNamespace(file=SimpleNamespace(src_uri="zh/x.md", abs_dest_path=str(written)))
    saved = (measure_hook._JOB, measure_hook._TABLE_ROWS, measure_hook._ERROR)
    measure_hook._JOB, measure_hook._TABLE_ROWS, measure_hook._ERROR = job, None, ""
    try:
        markdown = f"before\n\n{measure_hook.PLACEHOLDER}\n\nafter"
        # Still measuring: the page keeps the placeholder and the build goes on.
        assert measure_hook.on_page_markdown(markdown, page, None, None) == markdown
        written.write_text(f"<p>before</p>\n{measure_hook.PLACEHOLDER}\n<p>after</p>", "utf-8")
        measure_hook.on_post_build(None)
        html = written.read_text(encoding="utf-8")
        assert measure_hook.PLACEHOLDER not in html
        assert "<th" in html and "逐条（毫秒）" in html and html.count("<tr>") == 4
        assert html.startswith("<p>before</p>") and html.endswith("<p>after</p>")
    finally:
        measure_hook._JOB, measure_hook._TABLE_ROWS, measure_hook._ERROR = saved


def test_measure_batching_sets_and_restores_threads() -> None:
    before = torch.get_num_threads()
    timings = measure_batching(batch_sizes=(2,), seq_len=2, repeats=1)
    assert timings[0].threads == 1
    assert torch.get_num_threads() == before
    kept = measure_batching(batch_sizes=(2,), seq_len=2, repeats=1, threads=None)
    assert kept[0].threads == before
    for bad in (0, True, 1.5):
        with pytest.raises(ValueError, match="threads"):
            measure_batching(batch_sizes=(2,), repeats=1, threads=bad)  # type: ignore[arg-type]
