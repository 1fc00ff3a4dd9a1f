"""The API reference: one page per public module of the package, in both languages."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import rnn_guide
from tools.paths import DOCS, MKDOCS_YML

MODULES = sorted(
    info.name for info in pkgutil.iter_modules(rnn_guide.__path__) if not info.name.startswith("_")
)


def test_the_package_has_modules_to_document() -> None:
    assert {"shapes", "diagnose", "explain"} <= set(MODULES), MODULES


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("module", MODULES)
def test_every_module_has_its_page_listed_in_the_navigation(lang: str, module: str) -> None:
    page = DOCS / lang / "reference" / "api" / f"{module}.md"
    assert page.is_file(), f"add {page.relative_to(DOCS.parent)} (`::: rnn_guide.{module}`)"
    assert f"\n::: rnn_guide.{module}\n" in page.read_text(encoding="utf-8"), page
    index = (DOCS / lang / "reference" / "api" / "index.md").read_text(encoding="utf-8")
    assert f"]({module}.md)" in index, f"docs/{lang}/reference/api/index.md: link {module}.md"
    nav = MKDOCS_YML.read_text(encoding="utf-8")
    assert f"- reference/api/{module}.md\n" in nav, f"mkdocs.yml nav: add reference/api/{module}.md"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_page_documents_a_module_that_is_gone(lang: str) -> None:
    pages = {p.stem for p in (DOCS / lang / "reference" / "api").glob("*.md")} - {"index"}
    assert pages == set(MODULES), f"pages without a module: {sorted(pages - set(MODULES))}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_module_of_a_subpackage_is_documented(lang: str) -> None:
    # A subpackage's page shows only its own names (show_submodules: false where it says
    # so); each of its modules must then be on a page of the API reference.
    shown = "".join(p.read_text("utf-8") for p in (DOCS / lang / "reference" / "api").rglob("*.md"))
    packages = [importlib.import_module(f"rnn_guide.{m}") for m in MODULES]
    subpackages = [p for p in packages if hasattr(p, "__path__")]
    assert subpackages, "rnn_guide.messages is a package"
    for package in subpackages:
        for info in pkgutil.iter_modules(package.__path__):
            name = f"{package.__name__}.{info.name}"
            assert info.name.startswith("_") or f"\n::: {name}\n" in shown, f"{lang}: {name}"


def test_mkdocstrings_is_given_no_member_list_that_would_hide_a_module_page() -> None:
    # A global `members: [...]` option filters every `::: module` by those names.
    config = MKDOCS_YML.read_text(encoding="utf-8")
    assert not re.search(r"^\s*members:", config, re.MULTILINE)
