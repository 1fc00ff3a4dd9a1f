"""One term per concept: the glossary pages show data/glossary.yml, and docs/zh uses its terms.

data/glossary.yml is the list translators follow. Each of its rows is a row of both
glossary pages, in the same order; each `avoid` spelling (隐藏状态 for 隐状态, 批量优先
for 批量维在前, ...) fails the check anywhere in the prose of docs/zh: code, link targets,
anchors, HTML tags and quotations of other texts (> blocks) are left out, and so is a
mention of the variant as such ("也称隐藏状态", which the pages use once to name it).
"""

from __future__ import annotations

import json
import re

import pytest
import yaml

from tools.paths import ROOT

DATA = yaml.safe_load((ROOT / "data" / "glossary.yml").read_text(encoding="utf-8"))
TERMS = [term for section in DATA["sections"] for term in section["terms"]]
AVOID = {variant: term["zh"] for term in TERMS for variant in term.get("avoid", [])}

_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2[ \t]*$", re.S | re.M)
_LEFT_OUT = [
    re.compile(r"`[^`\n]*`"),  # inline code
    re.compile(r"\]\([^)\n]*\)"),  # link targets
    re.compile(r"\{\s*[:#.][^}\n]*\}"),  # anchors and attribute lists
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"<[^>\n]+>"),  # tags (their text stays)
    re.compile(r"^[ \t]*>.*$", re.M),  # quotations of other texts
    re.compile(r"也称\w+"),  # the glossary's "also called" mention
]


def prose(markdown: str) -> str:
    """The text of a page a reader reads as the page's own words.

    Example:
        >>> prose("用 `h_0` 的[隐状态](x.md#a){ #b }\\n> 引文\\n```python\\nx = 1\\n```\\n")
        '用  的[隐状态]\\n\\n\\n'
    """
    text = _FENCE.sub("", markdown)
    for pattern in _LEFT_OUT:
        text = pattern.sub("", text)
    return text


def variants(text: str) -> list[str]:
    """Each avoided spelling in ``text``'s prose, with what to write instead."""
    found = []
    for number, line in enumerate(prose(text).splitlines(), 1):
        found += [f"line {number}: {v} -> {AVOID[v]}" for v in AVOID if v in line]
    return found


def _zh_texts() -> dict[str, str]:
    texts = {}
    for path in sorted((ROOT / "docs" / "zh").rglob("*")):
        name = path.relative_to(ROOT).as_posix()
        if path.suffix == ".md" and path.name != "glossary.md":
            texts[name] = path.read_text(encoding="utf-8")
        elif path.suffix == ".ipynb":
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            texts[name] = "\n\n".join(
                "".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"
            )
    return texts


def test_the_chinese_pages_use_the_glossarys_terms() -> None:
    texts = _zh_texts()
    assert len(texts) > 20
    found = {name: hits for name, text in texts.items() if (hits := variants(text))}
    assert not found, f"write the glossary's term (data/glossary.yml): {found}"


@pytest.mark.parametrize(
    ("planted", "reported"),
    [
        ("h_n 是最后一步的隐藏状态。", "隐藏状态 -> 隐状态"),
        ("LSTM 的细胞状态是 c_n。", "细胞状态 -> 记忆元"),
        ("这里的批大小是 3。", "批大小 -> 批量大小"),
        ("数据按批次优先排列。", "批次优先 -> 批量维在前的布局"),
        ("数据是 batch-first 的。", "batch-first -> 批量维在前的布局"),
    ],
)
def test_a_planted_variant_is_reported(planted: str, reported: str) -> None:
    assert any(reported in hit for hit in variants(f"# 标题\n\n{planted}\n"))


def test_code_quotations_and_anchors_are_not_prose() -> None:
    page = (
        "## 标题 { #batch-first }\n\n> 原文：隐藏状态\n\n见 [这里](x.md#batch-first)。"
        "\n\n```python\n# 隐藏状态\n```\n\n`batch-first`，隐状态（也称隐藏状态）。\n"
    )
    assert variants(page) == []


def _glossary_rows(lang: str) -> list[tuple[str, str]]:
    """The (English, Chinese) cells of every table row of a glossary page."""
    text = (ROOT / "docs" / lang / "reference" / "glossary.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 4 and not set(cells[0]) <= set("-: "):
            rows.append((cells[0], cells[1]) if lang == "en" else (cells[1], cells[0]))
    return [row for row in rows if row not in {("English", "中文")}]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_glossary_pages_show_the_term_list(lang: str) -> None:
    expected = [
        (term["en"], term["zh"] + (f"（{term['note']}）" if term.get("note") else ""))
        for term in TERMS
    ]
    assert _glossary_rows(lang) == expected


def test_every_variant_names_a_term_and_no_term_is_a_variant() -> None:
    terms = {term["zh"] for term in TERMS}
    assert not terms & set(AVOID)
    for variant, term in AVOID.items():
        assert variant != term
