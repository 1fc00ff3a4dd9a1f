"""A page whose examples import rnn_guide tells its reader, once, how to install it.

The note lives once per language in includes/install-<lang>.md and is pulled in with
pymdownx.snippets; a reader who copies an example into a notebook needs it, or the
first line fails with ModuleNotFoundError.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.docsuite.fences import blocks
from tools.paths import ROOT

DOCS = ROOT / "docs"
USES = re.compile(r"^\s*(?:>>> |\.\.\. )?\s*(?:import rnn_guide|from rnn_guide\b)", re.MULTILINE)


def imports_rnn_guide(page: Path) -> bool:
    return any(block.is_python and USES.search(block.code) for block in blocks(page))


def note_problems(page: Path, lang: str) -> list[str]:
    text = page.read_text(encoding="utf-8")
    includes = re.findall(r'^--8<-- "includes/install-(\w+)\.md"$', text, re.MULTILINE)
    if not imports_rnn_guide(page):
        return []
    if includes != [lang]:
        return [f"{page.relative_to(page.parents[2])}: includes {includes}, wants [{lang!r}]"]
    return []


def pages(lang: str) -> list[Path]:
    return sorted((DOCS / lang).rglob("*.md"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_that_imports_rnn_guide_says_how_to_install_it(lang: str) -> None:
    found = [page for page in pages(lang) if imports_rnn_guide(page)]
    assert len(found) >= 10, found  # the search itself works
    problems = [problem for page in found for problem in note_problems(page, lang)]
    assert not problems, "\n".join(problems)


def test_the_notes_give_the_same_commands() -> None:
    commands = {
        lang: re.findall(
            r"^\s*(pip install .+)$", (ROOT / f"includes/install-{lang}.md").read_text(), re.M
        )
        for lang in ("en", "zh")
    }
    assert commands["en"] == commands["zh"], commands
    assert commands["en"] == [
        "pip install rnn-guide",
        'pip install "rnn-guide @ git+https://github.com/rnn-guide/rnn-guide"',
    ]


@pytest.mark.parametrize("fault", ["missing", "other language", "twice"])
def test_plant_a_page_without_its_note_is_caught(tmp_path: Path, fault: str) -> None:
    source = (DOCS / "en/reference/shapes.md").read_text(encoding="utf-8")
    note = '--8<-- "includes/install-en.md"\n'
    planted = {
        "missing": source.replace(note, ""),
        "other language": source.replace(note, note.replace("-en", "-zh")),
        "twice": source.replace(note, note + "\n" + note),
    }[fault]
    page = tmp_path / "docs" / "en" / "reference" / "shapes.md"
    page.parent.mkdir(parents=True)
    page.write_text(planted, encoding="utf-8")
    assert note_problems(page, "en"), fault
