"""MkDocs hook: Chinese search segmentation with only the words the site uses.

Material's search plugin cuts every run of Han characters into words with jieba, so
that a Chinese query finds the words inside a sentence. jieba's dictionary has about
349,000 words and takes about 0.6 s to load, in every build, for a site whose pages
use about 2,000 of them.

Before the pages are indexed (``on_env``: every page is rendered, none is indexed
yet), this hook collects the runs of Han characters the index will contain and gives
jieba a dictionary of only the dictionary words that occur inside them. jieba then
cuts every run exactly as it would with its full dictionary, because each step of a
cut only looks up substrings of the run being cut:

1. the words starting at each position, found by extending a prefix while it is a
   prefix of some word: the smaller dictionary holds every word that is a substring,
   and so every prefix on the way to one;
2. the best path, scored by ``log(freq / total)`` per word: the frequencies are
   copied, and one extra entry, ``REST``, carries the frequencies of the words left
   out, so ``total`` stays the same. Its key is not Han, so no run contains it;
3. runs of single characters that are not a word go to jieba's HMM, which has its own
   model and does not use the dictionary.

``tests/test_search_words_hook.py`` checks this on the built search index: every
entry, cut again with the full dictionary, gives the same words.

The smaller dictionary is kept in ``.cache/search-words/<language>.txt`` with a
digest of the runs it was made from, so a build whose Chinese text has not changed
does not read the full dictionary at all. Registered in mkdocs.yml under ``hooks:``.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from backrefs import bre  # what Material's search plugin uses for \p{...}

log = logging.getLogger("mkdocs.hooks.search_words")

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "search-words"

# The key of the entry that keeps jieba's total. Not Han: Material only cuts Han runs.
REST = "rest-of-dictionary"

# What Material's search plugin cuts, with the same pattern and the same regex engine.
HAN_RUN = bre.compile(r"\p{script: Han}+", bre.UNICODE)
# Elements whose text the search plugin leaves out, and then any tag.
SKIPPED = re.compile(r"<(script|style|object)\b.*?</\1\s*>", re.S | re.I)
TAG = re.compile(r"<[^>]*>")
# One dictionary line: word, frequency, optional part of speech.
LINE = re.compile(r"^(\S+) (\d+)", re.M)


def han_runs(texts: Iterable[str]) -> set[str]:
    """The runs of Han characters in some HTML or plain text, tags removed.

    Args:
        texts: HTML fragments or plain strings.

    Returns:
        Every maximal run of Han characters, once.

    Example:
        >>> sorted(han_runs(["<p>隐藏<strong>状态</strong> h_n 是最后一步</p>"]))
        ['是最后一步', '隐藏状态']
    """
    runs: set[str] = set()
    for text in texts:
        plain = html.unescape(TAG.sub("", SKIPPED.sub(" ", text)))
        runs.update(HAN_RUN.findall(plain))
    return runs


def words_in(runs: Iterable[str], dictionary: str) -> tuple[dict[str, int], int]:
    """The dictionary's words that occur inside some run, and the dictionary's total.

    Args:
        runs: Runs of Han characters.
        dictionary: The text of a jieba dictionary (``word freq [tag]`` per line).

    Returns:
        ``(words, total)``: each kept word with its frequency, and the sum of the
        frequencies of every line, as jieba computes it (a word listed twice counts
        twice in the total and keeps its last frequency).

    Example:
        >>> words_in(["的隐藏状态"], "隐藏 30 v\\n状态 50 n\\n输出 40 n\\n的 900 uj\\n")
        ({'隐藏': 30, '状态': 50, '的': 900}, 1020)
    """
    entries = LINE.findall(dictionary)
    longest = max((len(word) for word, _ in entries), default=0)
    wanted = {
        run[start:end]
        for run in runs
        for start in range(len(run))
        for end in range(start + 1, min(len(run), start + longest) + 1)
    }
    words: dict[str, int] = {}
    total = 0
    for word, freq in entries:
        total += int(freq)
        if word in wanted:
            words[word] = int(freq)
    return words, total


def small_dictionary(words: dict[str, int], total: int) -> str:
    """A jieba dictionary of ``words`` whose frequencies add up to ``total``.

    Example:
        >>> print(small_dictionary({"隐藏": 30, "状态": 50}, 1020), end="")
        隐藏 30
        状态 50
        rest-of-dictionary 940
    """
    lines = [f"{word} {freq}" for word, freq in words.items()]
    lines.append(f"{REST} {total - sum(words.values())}")
    return "\n".join(lines) + "\n"


def full_dictionary() -> str:
    """The text of the dictionary jieba ships with (not whichever one it has loaded)."""
    return (resources.files("jieba") / "dict.txt").read_text(encoding="utf-8")


def dictionary_for(runs: set[str], language: str, cache_dir: Path = CACHE_DIR) -> Path:
    """The path of a small dictionary for ``runs``, made only if the runs changed."""
    import jieba

    digest = hashlib.sha256(
        "\n".join([jieba.__version__, *sorted(runs)]).encode("utf-8")
    ).hexdigest()
    path = cache_dir / f"{language}.txt"
    stamp = path.with_suffix(".sha256")
    if path.is_file() and stamp.is_file() and stamp.read_text() == digest:
        return path
    words, total = words_in(runs, full_dictionary())
    cache_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(small_dictionary(words, total), encoding="utf-8")
    stamp.write_text(digest)
    log.debug("search words: %d of jieba's words for %s", len(words), language)
    return path


def _language(config: Any) -> str:
    theme = config.get("theme")
    return str(theme.get("language", "") if theme is not None else "") or "en"


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Give jieba a dictionary of the words in this build's pages, before they are indexed."""
    try:
        import jieba
    except ImportError:  # Material's search then indexes Chinese without segmentation
        return env
    texts: list[str] = [str(config.get("site_name") or "")]
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        texts += [page.content or "", str(page.title or ""), str(page.meta.get("title", ""))]
    runs = han_runs(texts)
    if not runs:
        return env
    path = dictionary_for(runs, _language(config))
    jieba.setLogLevel(logging.WARNING)  # it reports each load on stderr
    jieba.dt.tmp_dir = str(path.parent)  # jieba's own cache of the loaded dictionary
    jieba.set_dictionary(str(path))
    return env
