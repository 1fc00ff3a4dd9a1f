"""tools/contrib/new_page.py: both twins from the skeleton, listed in the nav, never overwritten.

Runs on a small copy of the project (the configuration, tools, theme overrides and a
few finished pages), so that pages still being written elsewhere cannot break it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from unittest import SkipTest

import pytest
from sybil.document import Document

from tests.support import NAV
from tools.contrib.new_page import SECTIONS, PageError, add_to_nav, new_page
from tools.docsuite.doc_checks import fence_problems, twin_problems
from tools.docsuite.doc_suite import fresh_state, page_parsers
from tools.docsuite.fences import ROOT
from tools.site.site_server import build_site


@pytest.fixture
def project(small_project: Path) -> Path:
    """The small copy of the project from tests/conftest.py."""
    return small_project


def _run_examples(page: Path) -> int:
    """Run a page's examples with the doc suite's parsers; return how many ran."""
    document = Document.parse(str(page), *page_parsers())
    fresh_state(document.namespace)
    count = 0
    for example in document.examples():
        try:
            example.evaluate()
        except SkipTest:
            continue
        count += 1
    return count


@pytest.mark.build
def test_creates_twins_lists_them_and_builds(project: Path) -> None:
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    written = {}
    for kind in SECTIONS:
        folder = {"tutorial": "tutorials"}.get(kind, kind)
        written[kind] = new_page(
            kind, f"{folder}/new-{kind}", f"New {kind}", title_zh=f"新{kind}", root=project
        )
    after = (project / "mkdocs.yml").read_text(encoding="utf-8")

    # Each page went to the end of its own section; nothing else in mkdocs.yml moved.
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == [
        "      - tutorials/new-tutorial.md",
        "      - explanation/new-explanation.md",
        "      - how-to/new-how-to.md",
        "      - reference/new-reference.md",
    ]
    assert "  # Explanation pages answer why.\n" in after
    for line in added:
        after = after.replace(line + "\n", "", 1)
    assert after == before

    docs = project / "docs"
    for kind, (en, zh, _) in written.items():
        assert en.read_text(encoding="utf-8").startswith('---\ndescription: "«')
        assert f"# New {kind}\n" in en.read_text(encoding="utf-8")
        assert f"# 新{kind}\n" in zh.read_text(encoding="utf-8")
        assert _run_examples(en) >= 2 and _run_examples(zh) >= 2
    assert twin_problems(docs) == []
    assert fence_problems(docs) == []

    site = project / "site"
    result = build_site(site, root=project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (site / "how-to" / "new-how-to" / "index.html").exists()
    assert (site / "zh" / "reference" / "new-reference" / "index.html").exists()


def test_refuses_to_overwrite(project: Path) -> None:
    new_page("how-to", "how-to/mine", "Mine", root=project)
    page = project / "docs" / "en" / "how-to" / "mine.md"
    page.write_text("my work\n", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    with pytest.raises(PageError, match=r"docs/en/how-to/mine.md exists already"):
        new_page("how-to", "how-to/mine", "Mine again", root=project)
    assert page.read_text(encoding="utf-8") == "my work\n"
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == config


def test_command_line_errors_are_one_line(project: Path) -> None:
    (project / "docs" / "zh" / "how-to" / "taken.md").write_text("x\n", encoding="utf-8")
    cases = [
        (["--kind", "how-to", "--page", "how-to/taken", "--title", "T"], "exists already"),
        (["--kind", "guide", "--page", "how-to/x", "--title", "T"], "KIND 'guide'"),
        (["--kind", "how-to", "--page", "How To/x", "--title", "T"], "PAGE 'How To/x'"),
        (["--kind", "how-to", "--page", "how-to/x", "--title", " "], "TITLE is empty"),
        (["--kind", "how-to", "--page", "how-to/stub", "--title", "T"], "exists already"),
    ]
    for args, expected in cases:
        result = subprocess.run(
            [sys.executable, "-m", "tools.contrib.new_page", "--root", str(project), *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 2, (args, result.stdout, result.stderr)
        assert result.stderr.count("\n") == 1 and expected in result.stderr, result.stderr
    assert not (project / "docs" / "en" / "how-to" / "taken.md").exists()


def test_page_path_is_normalised(project: Path) -> None:
    en, zh, _ = new_page("reference", "docs/en/reference/table.md", "Table", root=project)
    assert en == project / "docs" / "en" / "reference" / "table.md"
    assert zh == project / "docs" / "zh" / "reference" / "table.md"
    assert "      - reference/table.md\n" in (project / "mkdocs.yml").read_text(encoding="utf-8")


def test_links_follow_the_page_depth(project: Path) -> None:
    en, _, _ = new_page("explanation", "explanation/deep/down", "Deep", root=project)
    assert "](../../tutorials/first-rnn.md)" in en.read_text(encoding="utf-8")


def test_add_to_nav_keeps_comments_and_refuses_duplicates() -> None:
    text = add_to_nav(NAV, "reference", "reference/new.md")
    assert text == NAV.replace(
        "      - reference/stub.md\n", "      - reference/stub.md\n      - reference/new.md\n"
    )
    with pytest.raises(PageError, match="already lists"):
        add_to_nav(text, "reference", "reference/new.md")


def _front_matter(page: Path) -> dict[str, object]:
    import yaml

    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n"), text[:80]
    data = yaml.safe_load(text[4 : text.index("\n---\n", 4)])
    assert isinstance(data, dict)
    return data


HOSTILE = [
    "Choose `h_0` right",
    "Cost $5, $HOME and $(echo hi)",
    'It\'s "quoted": really',
    "yes",
    "null",
    "- a list? # no",
    "{not: a mapping}",
    "Ends with a colon:",
    "含中文：冒号: 和 #号",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_titles_and_descriptions_are_data(project: Path, text: str) -> None:
    en, zh, _ = new_page(
        "how-to", "how-to/hostile", text, description=text, description_zh=text, root=project
    )
    for page in (en, zh):
        assert _front_matter(page)["description"] == text
        assert f"\n# {text}\n" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["two\nlines", "a\rb", "tab\tstop", "x\u2028y"])
def test_line_breaks_in_a_title_are_refused(project: Path, value: str) -> None:
    with pytest.raises(PageError, match="line break or control character"):
        new_page("how-to", "how-to/broken", value, root=project)
    with pytest.raises(PageError, match="line break or control character"):
        new_page("how-to", "how-to/broken", "Fine", description=value, root=project)
    assert not (project / "docs" / "en" / "how-to" / "broken.md").exists()


def test_make_new_page_passes_values_unexpanded(project: Path) -> None:
    """`make new-page` with backticks, `$` and `": "`: the shell never sees them."""
    (project / "Makefile").write_bytes((ROOT / "Makefile").read_bytes())
    (project / ".venv").symlink_to(ROOT / ".venv")
    title = "Choose `h_0` right for $HOME's $(x) batch"
    description = "Pick h_0: zeros, learned, or carried"
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-o",
            ".venv/.installed",  # the shared .venv is set up; do not reinstall it
            "new-page",
            "KIND=how-to",
            "PAGE=how-to/choose-well",
            f"TITLE={title}",
            f"DESCRIPTION={description}",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    en = project / "docs" / "en" / "how-to" / "choose-well.md"
    assert f"\n# {title}\n" in en.read_text(encoding="utf-8")
    assert _front_matter(en)["description"] == description


def test_make_new_page_without_title_says_what_to_give(project: Path) -> None:
    (project / "Makefile").write_bytes((ROOT / "Makefile").read_bytes())
    (project / ".venv").symlink_to(ROOT / ".venv")
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.installed", "new-page", "KIND=how-to", "PAGE=how-to/x"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "new-page: TITLE is missing" in result.stderr
