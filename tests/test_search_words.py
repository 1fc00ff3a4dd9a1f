"""tools/site/search_words.py: the committed jieba word lists cut the site as jieba's own would."""

from __future__ import annotations

import doctest
from pathlib import Path

import jieba
import pytest

import tools.site.search_words as words


@pytest.fixture(scope="module")
def full() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()  # the dictionary jieba ships
    tokenizer.initialize()
    return tokenizer


def test_the_examples_in_the_docstrings_hold() -> None:
    failed, attempted = doctest.testmod(words)
    assert attempted >= 4
    assert failed == 0


def test_the_committed_lists_are_current() -> None:
    """Fails when a page brings Chinese words the committed dictionary lacks."""
    assert words.stale() == [], "run `make search-words` and commit data/search/"


def test_a_missing_word_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    needed, total, terms = words.needed_words()
    found = dict(needed)
    current = tmp_path / "jieba-dict.txt"
    user = tmp_path / "jieba-user.txt"
    user.write_text("".join(f"{term}\n" for term in terms), encoding="utf-8")
    monkeypatch.setattr(words, "DICTIONARY", current)
    monkeypatch.setattr(words, "USER_WORDS", user)
    current.write_text(words.small_dictionary(found, total), encoding="utf-8")
    assert words.stale() == []
    assert words.main(["--check"]) == 0
    del found["神经网络"]
    current.write_text(words.small_dictionary(found, total), encoding="utf-8")
    problems = words.stale()
    assert any("神经网络" in problem for problem in problems), problems
    assert words.main(["--check"]) == 1


def test_every_page_is_cut_as_with_the_full_dictionary(full: jieba.Tokenizer) -> None:
    small = jieba.Tokenizer(str(words.DICTIONARY))
    small.initialize()
    assert small.total == full.total
    assert len(small.FREQ) < len(full.FREQ) / 20
    runs = set()
    for text in words.site_texts():
        runs |= {run for run in _han_runs(text)}
    assert len(runs) > 1000
    differ = [run for run in runs if list(small.cut(run)) != list(full.cut(run))]
    assert differ == []


def test_a_word_left_out_changes_the_cut(full: jieba.Tokenizer, tmp_path: Path) -> None:
    """The check above can fail: without 神经网络 the run is cut differently."""
    found, total = words.words_in(["循环神经网络"], words.full_dictionary())
    del found["神经网络"]
    path = tmp_path / "missing.txt"
    path.write_text(words.small_dictionary(found, total), encoding="utf-8")
    small = jieba.Tokenizer(str(path))
    small.tmp_dir = str(tmp_path)
    assert list(full.cut("循环神经网络")) == ["循环", "神经网络"]
    assert list(small.cut("循环神经网络")) != ["循环", "神经网络"]


def test_the_glossary_terms_stay_whole(tmp_path: Path) -> None:
    tokenizer = jieba.Tokenizer(str(words.DICTIONARY))
    with words.USER_WORDS.open("rb") as user:
        tokenizer.load_userdict(user)
    assert list(tokenizer.cut("隐状态的形状")) == ["隐状态", "的", "形状"]
    assert list(tokenizer.cut("如何批量处理变长序列")) == ["如何", "批量", "处理", "变长序列"]
    plain = jieba.Tokenizer(str(words.DICTIONARY))
    assert list(plain.cut("隐状态的形状"))[:2] == ["隐", "状态"]


def _han_runs(text: str) -> list[str]:
    run: list[str] = []
    runs = []
    for char in text + " ":
        if words.is_han(char):
            run.append(char)
        elif run:
            runs.append("".join(run))
            run = []
    return runs
