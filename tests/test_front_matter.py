"""Every page's front matter parses as MkDocs reads it, and gives the page a description.

A front matter that YAML rejects (an unquoted ``description:`` holding ": ") is not an
error for MkDocs: the page silently loses its metadata and shows the front matter as
text, in the page, its contents and search.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from tools.paths import DOCS

PAGES = sorted(DOCS.glob("*/**/*.md"))


def front_matter_problem(text: str) -> str | None:
    """Why ``text`` has no usable front matter with a description, or None.

    Example:
        >>> front_matter_problem("---\\ndescription: a: b\\n---\\n# T\\n")
        'the front matter is not valid YAML: it shows as text on the page'
        >>> front_matter_problem('---\\ndescription: "a: b"\\n---\\n# T\\n') is None
        True
    """
    if not text.startswith("---"):
        return "no front matter"
    body, meta = get_data(text)
    if body.startswith("---"):
        return "the front matter is not valid YAML: it shows as text on the page"
    description = meta.get("description")
    if not isinstance(description, str) or not description.strip():
        return "no description: (one sentence in the page's language)"
    return None


def test_the_pages_are_found() -> None:
    assert len(PAGES) > 40
    assert {page.parts[len(DOCS.parts)] for page in PAGES} == {"en", "zh"}


@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(DOCS).as_posix() for p in PAGES])
def test_front_matter_parses_and_describes_the_page(page: Path) -> None:
    assert front_matter_problem(page.read_text(encoding="utf-8")) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("# No front matter\n", "no front matter"),
        ("---\ndescription: How to: fix\n---\n# T\n", "not valid YAML"),
        ("---\ntitle: T\n---\n# T\n", "no description"),
        ("---\ndescription: ''\n---\n# T\n", "no description"),
        ("---\ndescription: [a, b]\n---\n# T\n", "no description"),
    ],
)
def test_a_broken_front_matter_is_reported(text: str, problem: str) -> None:
    assert problem in (front_matter_problem(text) or "")
