"""MkDocs hook: the search index, built with less work and the same result.

Material's search plugin indexes each page while the page is written. Two things made
that slow, and this hook takes both away without changing one byte of the index.

**Highlighting spans.** The plugin parses each page's HTML tag by tag, and three tags
in four are Pygments' ``<span class="n">x</span>`` around each token of code; the
index keeps only their text. Once every page is rendered (``on_env``), this hook
gives the plugin the pages with those spans unwrapped (``without_token_spans``), and
puts each page's own HTML back right after the plugin has read it (``on_page_context``,
before the page's template is rendered). Indexing takes about 0.35 s instead of 0.85 s.

**Chinese words.** The plugin cuts every run of Han characters into words with jieba,
so that a Chinese query finds the words inside a sentence. jieba's dictionary has about
349,000 words and takes about 0.6 s to load, in every build, for a site whose pages
use about 2,000 of them. Before the pages are indexed, this hook collects the runs of
Han characters the index will contain and gives jieba a dictionary of only the
dictionary words that occur inside them. jieba then cuts every run exactly as it would
with its full dictionary, because each step of a cut only looks up substrings of the
run being cut:

1. the words starting at each position, found by extending a prefix while it is a
   prefix of some word: the smaller dictionary holds every word that is a substring,
   and so every prefix on the way to one;
2. the best path, scored by ``log(freq / total)`` per word: the frequencies are
   copied, and one extra entry, ``REST``, carries the frequencies of the words left
   out, so ``total`` stays the same. Its key is not Han, so no run contains it;
3. runs of single characters that are not a word go to jieba's HMM, which has its own
   model and does not use the dictionary.

The smaller dictionary is kept in ``.cache/search-words/<language>.txt`` (see
tools/build_cache.py) with the runs it was made for, so a build whose Chinese text
has no new run does not read the full dictionary at all.

Checked by ``tests/test_search_hook.py`` (every run of the Chinese pages cut with both
dictionaries; spans unwrapped only where they hold plain text) and by
``test_search_index_is_the_one_the_pages_give`` in tests/browser (the built pages
indexed by Material's own code, with and without their spans, and every entry of the
built index cut again with jieba's full dictionary).

Registered in mkdocs.yml under ``hooks:``.
"""

from __future__ import annotations

import html
import logging
import os
import re
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from backrefs import bre  # what Material's search plugin uses for \p{...}
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.build_cache import cache_dir as build_cache

log = logging.getLogger("mkdocs.hooks.search")

# A Pygments token: a span whose only attribute is a short class ("n", "kc", "s2") and
# whose only content is text. Highlighted lines ("hll") hold other spans, so they stay.
TOKEN_SPAN = re.compile(r'<span class="[a-z0-9]{1,3}">([^<]*)</span>')

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
        # Removing rather than splitting at tags and skipped elements joins text as the
        # plugin does, or more: a longer run only adds substrings, never loses one.
        plain = html.unescape(TAG.sub("", SKIPPED.sub("", text)))
        runs.update(match.group(0) for match in HAN_RUN.finditer(plain))
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


def dictionary_for(runs: set[str], language: str, cache_dir: Path | None = None) -> Path:
    """The path of a small dictionary that cuts ``runs`` as jieba's full one does.

    The dictionary is made again only when some run is new: one made for more runs is
    just as exact for fewer (a word that occurs in no run is never looked up). So a
    page whose Chinese text comes and goes between builds (the batching table appears
    only when the measurement finishes in time) does not make it again each time.
    """
    import jieba

    cache_dir = cache_dir or build_cache("search-words")
    path = cache_dir / f"{language}.txt"
    made_for = path.with_suffix(".runs")
    if path.is_file() and made_for.is_file():
        version, *known = made_for.read_text(encoding="utf-8").split("\n")
        if version == jieba.__version__ and runs <= set(known):
            return path
    words, total = words_in(runs, full_dictionary())
    cache_dir.mkdir(parents=True, exist_ok=True)
    _replace(path, small_dictionary(words, total))
    _replace(made_for, "\n".join([jieba.__version__, *sorted(runs)]))
    log.debug("search words: %d of jieba's words for %s", len(words), language)
    return path


def _replace(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` in one step.

    A build running at the same time (``make serve`` beside ``make test``) reads the old
    file or the new one, never half of one.
    """
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def without_token_spans(content: str) -> str:
    """The page's HTML with each Pygments token span replaced by its text.

    Example:
        >>> without_token_spans('<code><span class="n">h_n</span><span class="p">.</span>'
        ...                     '<span class="hll"><span class="n">x</span></span></code>')
        '<code>h_n.<span class="hll">x</span></code>'
    """
    return TOKEN_SPAN.sub(r"\1", content)


# Each page's own HTML while the search plugin reads the lighter copy:
# {source path: (page, HTML)}.
_OWN_CONTENT: dict[str, tuple[Any, str]] = {}


def _use_small_dictionary(runs: set[str], config: Any) -> None:
    try:
        import jieba
    except ImportError:  # Material's search then indexes Chinese without segmentation
        return
    if not runs:
        return
    path = dictionary_for(runs, config["theme"]["language"])
    jieba.setLogLevel(logging.WARNING)  # it reports each load on stderr
    jieba.dt.tmp_dir = str(path.parent)  # jieba's own cache of the loaded dictionary
    jieba.set_dictionary(str(path))


@event_priority(-200)  # after every other on_env: mkdocstrings' backlinks change pages
def on_env(env: Any, config: Any, files: Any) -> Any:
    """Every page is rendered and none is indexed yet: prepare jieba and the copies."""
    texts: list[str] = []
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.content is None:
            continue
        texts += [page.content, str(page.title or ""), str(page.meta.get("title", ""))]
        _OWN_CONTENT[file.src_uri] = (page, page.content)
        page.content = without_token_spans(page.content)
    _use_small_dictionary(han_runs(texts), config)
    return env


@event_priority(-1)  # right after Material's search plugin (0), before the template
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    """The search plugin has read the page: give the page its own HTML back."""
    _give_back(page.file.src_uri)
    return context


def on_post_build(config: Any) -> None:
    """Pages that were not written (none in a full build) get their HTML back too."""
    for src_uri in list(_OWN_CONTENT):
        _give_back(src_uri)


def _give_back(src_uri: str) -> None:
    if src_uri in _OWN_CONTENT:
        page, own = _OWN_CONTENT.pop(src_uri)
        page.content = own
