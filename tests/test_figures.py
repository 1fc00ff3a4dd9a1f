"""The committed figures are what tools/figures.py draws today (run `make figures`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import figures

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("lang", figures.LANGS)
@pytest.mark.parametrize("name", sorted(figures.DETERMINISTIC))
def test_figure_is_up_to_date(tmp_path: Path, lang: str, name: str) -> None:
    # The batching plot is left out (measured=False): it draws timings, which differ
    # from run to run, so a fresh drawing never matches the committed file byte for byte.
    figures.write_figures(tmp_path, measured=False)
    fresh = (figures.figure_dir(tmp_path, lang) / f"{name}.svg").read_text(encoding="utf-8")
    committed_path = figures.figure_dir(DOCS, lang) / f"{name}.svg"
    assert committed_path.exists(), f"{committed_path} is missing: run `make figures`"
    committed = committed_path.read_text(encoding="utf-8")
    assert committed == fresh, f"{committed_path} is stale: run `make figures` and commit it"


@pytest.mark.parametrize("lang", figures.LANGS)
def test_every_figure_is_accessible(lang: str) -> None:
    names = [*figures.DETERMINISTIC, "batching-speed"]
    for name in names:
        path = figures.figure_dir(DOCS, lang) / f"{name}.svg"
        assert path.exists(), f"{path} is missing: run `make figures`"
        content = path.read_text(encoding="utf-8")
        assert f'<title id="{name}-title">' in content, f"{path} has no <title>"
        assert f'<desc id="{name}-desc">' in content, f"{path} has no <desc>"
        assert "http://" not in content.replace("http://www.w3.org/2000/svg", ""), path


def test_batching_plot_names_machine_and_torch() -> None:
    content = (figures.figure_dir(DOCS, "en") / "batching-speed.svg").read_text(encoding="utf-8")
    assert "measured on " in content and "torch " in content


def test_labels_are_translated() -> None:
    assert set(figures.TEXT["en"]) == set(figures.TEXT["zh"])
    for name, draw in figures.DETERMINISTIC.items():
        assert draw(figures.TEXT["en"]) != draw(figures.TEXT["zh"]), name
