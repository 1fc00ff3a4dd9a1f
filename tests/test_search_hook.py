"""tools/search_hook.py: the search plugin gets lighter pages and a smaller jieba dictionary."""

from __future__ import annotations

import doctest
from pathlib import Path

import jieba
import pytest

import tools.search_hook as hook
from tools.fences import ROOT


@pytest.fixture(scope="module")
def full() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()  # the dictionary jieba ships
    tokenizer.initialize()
    return tokenizer


@pytest.fixture(scope="module")
def chinese_runs() -> set[str]:
    pages = sorted((ROOT / "docs" / "zh").rglob("*.md"))
    assert len(pages) > 10
    return hook.han_runs(page.read_text(encoding="utf-8") for page in pages)


def test_the_examples_in_the_docstrings_hold() -> None:
    failed, attempted = doctest.testmod(hook)
    assert attempted >= 3
    assert failed == 0


def test_the_total_is_the_full_dictionarys(full: jieba.Tokenizer) -> None:
    words, total = hook.words_in(["循环神经网络"], hook.full_dictionary())
    assert total == full.total
    assert {"循环", "神经网络"} <= set(words)


def test_every_chinese_page_is_cut_as_with_the_full_dictionary(
    full: jieba.Tokenizer, chinese_runs: set[str], tmp_path: Path
) -> None:
    path = hook.dictionary_for(chinese_runs, "zh", tmp_path)
    small = jieba.Tokenizer(str(path))
    small.tmp_dir = str(tmp_path)
    small.initialize()
    assert small.total == full.total
    assert len(small.FREQ) < len(full.FREQ) / 50
    differ = [run for run in chinese_runs if list(small.cut(run)) != list(full.cut(run))]
    assert differ == []


def test_a_word_left_out_changes_the_cut(full: jieba.Tokenizer, tmp_path: Path) -> None:
    """The check above can fail: without 神经网络 the run is cut differently."""
    words, total = hook.words_in(["循环神经网络"], hook.full_dictionary())
    del words["神经网络"]
    path = tmp_path / "missing.txt"
    path.write_text(hook.small_dictionary(words, total), encoding="utf-8")
    small = jieba.Tokenizer(str(path))
    small.tmp_dir = str(tmp_path)
    assert list(full.cut("循环神经网络")) == ["循环", "神经网络"]
    assert list(small.cut("循环神经网络")) != ["循环", "神经网络"]


def test_a_dictionary_is_made_again_only_for_a_new_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = hook.dictionary_for({"隐藏状态", "序列数"}, "zh", tmp_path)
    made = first.read_text(encoding="utf-8")

    def unread() -> str:
        raise AssertionError("the full dictionary was read again")

    monkeypatch.setattr(hook, "full_dictionary", unread)
    for runs in ({"隐藏状态", "序列数"}, {"隐藏状态"}):  # the same runs, or fewer
        assert hook.dictionary_for(runs, "zh", tmp_path).read_text(encoding="utf-8") == made
    with pytest.raises(AssertionError, match="read again"):
        hook.dictionary_for({"隐藏状态", "输出"}, "zh", tmp_path)


def test_words_come_from_the_shipped_dictionary_whatever_jieba_has_loaded(
    tmp_path: Path,
) -> None:
    """A second language's build must not trim the first language's small dictionary."""
    english = hook.dictionary_for({"中文"}, "en", tmp_path)
    jieba.set_dictionary(str(english))
    try:
        chinese = hook.dictionary_for({"批量大小"}, "zh", tmp_path)
    finally:
        jieba.dt.dictionary = jieba.DEFAULT_DICT
        jieba.dt.initialized = False
    assert "批量" in chinese.read_text(encoding="utf-8")


def test_runs_are_read_from_html_as_text() -> None:
    """Entities decoded, scripts left out, and text on both sides of a tag joined.

    The search plugin splits some of these runs again (it writes <p> into its text); a
    longer run only adds substrings, so the dictionary still holds every word it needs.
    """
    runs = hook.han_runs(
        ["<h2>输入<code>x</code>的形状</h2><script>var a = '脚本';</script><p>隐&#34255;</p>"]
    )
    assert runs == {"输入", "的形状隐藏"}


def test_only_pygments_token_spans_are_unwrapped() -> None:
    html = (
        '<pre><span></span><code><span class="n">out</span><span class="p">,</span>'
        ' <span class="hll"><span class="n">h_n</span></span></code></pre>'
        '<p><span class="md-ellipsis">Shapes</span> <span class="n" title="x">y</span></p>'
    )
    assert hook.without_token_spans(html) == (
        '<pre><span></span><code>out, <span class="hll">h_n</span></code></pre>'
        '<p><span class="md-ellipsis">Shapes</span> <span class="n" title="x">y</span></p>'
    )
