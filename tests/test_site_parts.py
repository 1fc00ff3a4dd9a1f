"""What the site build adds to MkDocs and Material stays small and plain to see.

- Every hook in mkdocs.yml is under 150 lines and says in its docstring why it exists:
  it adds or fixes content, or works around a bug reported upstream (with the address
  of the report).
- Hooks (mkdocs.yml's and the preview's, mkdocs.preview.yml), template overrides and
  JavaScript other than the calculator and the KaTeX loader add up to at most 533 lines
  (half of the 1,067 lines they had).
- A template copied from Material (one that does not extend Material's) is listed in
  COPIES and is Material's original with the change its comment names: when an upgrade
  of Material changes the original, this test fails, and the copy is made again.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest

from benchmarks.common import load_config as read_yaml
from tools.paths import ROOT

MATERIAL = Path(str(files("material") / "templates"))
BUDGET = 533
# Not counted: the calculator (its own feature) and the KaTeX loader.
UNCOUNTED_JS = {"shape-calculator.js", "shape-messages.js", "katex-init.js"}
WHY = re.compile(
    r"\((adds content|fixes content|adds or fixes content)\)|github\.com/\S+/issues/\d+"
)

# Copied templates: {path under overrides/: [(Material's text, ours), ...]}. None today:
# every override extends Material's template and replaces blocks.
COPIES: dict[str, list[tuple[str, str]]] = {}


def _hooks(config_file: str = "mkdocs.yml") -> list[Path]:
    return [ROOT / hook for hook in read_yaml(ROOT / config_file)["hooks"]]


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("hook", _hooks(), ids=lambda p: p.name)
def test_every_hook_is_small_and_says_why_it_exists(hook: Path) -> None:
    assert _lines(hook) < 150, f"{hook.name}: {_lines(hook)} lines"
    docstring = hook.read_text(encoding="utf-8").split('"""')[1]
    assert WHY.search(docstring), (
        f"{hook.name}: its docstring must say '(adds content)' / '(fixes content)' or link "
        "the upstream bug report it works around"
    )


def counted_files() -> list[Path]:
    js = [p for p in sorted((ROOT / "docs/assets/js").glob("*.js")) if p.name not in UNCOUNTED_JS]
    hooks = list(dict.fromkeys(_hooks() + _hooks("mkdocs.preview.yml")))
    return hooks + sorted((ROOT / "overrides").rglob("*.html")) + js


def test_hooks_overrides_and_scripts_stay_within_half_of_what_they_were() -> None:
    sizes = {p.relative_to(ROOT).as_posix(): _lines(p) for p in counted_files()}
    total = sum(sizes.values())
    assert total <= BUDGET, f"{total} lines > {BUDGET}: {sizes}"


def _without_leading_comment(text: str) -> str:
    return re.sub(r"\A\{#-.*?-#\}\n", "", text, count=1, flags=re.DOTALL)


def test_copied_templates_are_materials_original_with_their_change() -> None:
    for name, changes in COPIES.items():
        original = _without_leading_comment((MATERIAL / name).read_text(encoding="utf-8"))
        for theirs, ours in changes:
            assert original.count(theirs) == 1, f"Material's {name} changed: copy it again"
            original = original.replace(theirs, ours)
        copy = _without_leading_comment((ROOT / "overrides" / name).read_text("utf-8"))
        assert copy == original, f"overrides/{name} differs from Material's {name} + its change"


def test_every_copied_template_is_checked() -> None:
    copied = {
        p.relative_to(ROOT / "overrides").as_posix()
        for p in (ROOT / "overrides").rglob("*.html")
        if "{% extends" not in p.read_text(encoding="utf-8")
    }
    assert copied == set(COPIES), copied
