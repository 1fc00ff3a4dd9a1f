"""The batching page's table is the committed measurement, in both languages.

``make bench`` measures (benchmarks/batching.py) and writes benchmarks/results/
batching.json with the machine it ran on, and from it one Markdown table per language,
which docs/<lang>/explanation/why-batching-is-faster.md includes with pymdownx.snippets:
the site build runs no torch and gives the same page every time.
"""

from __future__ import annotations

import json

import pytest

from benchmarks.batching import PAGE_BATCH_SIZES, PAGE_TEXT, page_table, table_path
from tools.paths import ROOT

RESULT = json.loads((ROOT / "benchmarks/results/batching.json").read_text(encoding="utf-8"))
LANGS = sorted(PAGE_TEXT)


@pytest.mark.parametrize("lang", LANGS)
def test_committed_table_is_the_committed_measurement(lang: str) -> None:
    written = table_path(lang).read_text(encoding="utf-8")
    assert written == page_table(RESULT, lang), (
        f"{table_path(lang)} is stale: run `.venv/bin/python benchmarks/batching.py "
        "--tables-only` (or `make bench` to measure again)"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_includes_its_language_table(lang: str) -> None:
    page = (ROOT / f"docs/{lang}/explanation/why-batching-is-faster.md").read_text("utf-8")
    include = f'--8<-- "{table_path(lang).relative_to(ROOT).as_posix()}"'
    assert page.count(include) == 1, f"the {lang} batching page does not include {include}"
    assert "<!-- measured:" not in page


@pytest.mark.parametrize("lang", LANGS)
def test_table_names_the_machine_and_holds_every_shown_row(lang: str) -> None:
    table = page_table(RESULT, lang)
    for fact in ("cpu", "cores", "torch", "python", "input_size", "hidden_size", "repeats"):
        assert str(RESULT[fact]) in table, fact
    rows = [line for line in table.splitlines() if line.startswith("| ")][1:]
    shown = [r for r in RESULT["rows"] if r["batch_size"] in PAGE_BATCH_SIZES]
    assert len(rows) == len(shown) > 0
    for line, row in zip(rows, shown, strict=True):
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert cells[:4] == [
            str(row["seq_len"]),
            str(row["batch_size"]),
            f"{row['one_by_one_ms']:.2f}",
            f"{row['batched_ms']:.2f}",
        ]
