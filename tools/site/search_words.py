"""The Chinese search words: two word lists for jieba, written by ``make search-words``.

Material's search plugin cuts every run of Han characters into words with jieba, so
that a Chinese query finds the words inside a sentence. mkdocs.yml gives the plugin two
committed files through its documented options:

``jieba_dict: data/search/jieba-dict.txt``
    The words of jieba's own dictionary that occur in the site's text, with their
    frequencies, and one extra entry (``REST``) carrying the frequencies of the words
    left out. jieba's full dictionary has about 349,000 words and takes about 0.6 s to
    load in each language's build; this one cuts every run of the site's text exactly
    as the full one does, because each step of a cut only looks up substrings of the run
    being cut:

    1. the words starting at each position, found by extending a prefix while it is a
       prefix of some word: the smaller dictionary holds every word that is a
       substring, and so every prefix on the way to one;
    2. the best path, scored by ``log(freq / total)`` per word: the frequencies are
       copied, and ``REST`` keeps ``total`` the same. Its key is not Han, so no run
       contains it;
    3. runs of single characters that are not a word go to jieba's HMM, which has its
       own model and does not use the dictionary.

``jieba_dict_user: data/search/jieba-user.txt``
    The site's own terms (data/glossary.yml), which jieba would otherwise cut apart:
    ``隐状态`` becomes ``隐/状态`` and a query for it would also find ``隐患``;
    ``变长序列`` becomes ``变/长/序列``. Each term is one word in the index.

The text read is every Markdown page and notebook under docs/ (both languages: an
English page may quote Chinese), the snippets and tables they include, and the
package, whose docstrings and messages the API pages show. Removing every character
that is not Han joins more text than the index ever holds together, so the dictionary
may keep a few words no cut needs, never miss one. ``tests/test_search_words.py``
fails when a page has text the committed dictionary does not cover; the message says
to run ``make search-words``.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import yaml

from tools.paths import DOCS, GLOSSARY, ROOT, SEARCH_WORDS

DICTIONARY = SEARCH_WORDS / "jieba-dict.txt"
USER_WORDS = SEARCH_WORDS / "jieba-user.txt"

# The key of the entry that keeps jieba's total. Not Han: Material only cuts Han runs.
REST = "rest-of-dictionary"


def is_han(char: str) -> bool:
    """Whether ``char`` is a Han character (the CJK blocks jieba and the plugin cut)."""
    code = ord(char)
    return (
        0x3400 <= code <= 0x4DBF
        or 0x4E00 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
        or code == 0x3007
    )


def han_text(texts: Iterable[str]) -> set[str]:
    """The Han characters of each text, everything else removed, as one run per text.

    Example:
        >>> sorted(han_text(["隐藏**状态** `h_n` 是最后一步"]))
        ['隐藏状态是最后一步']
    """
    runs = {"".join(char for char in text if is_han(char)) for text in texts}
    runs.discard("")
    return runs


# What the pages are made of besides docs/: included snippets and tables, and the
# package, whose docstrings and message tables the API pages show.
INCLUDED = ["includes", "benchmarks/results", "rnn_guide", "CONTRIBUTING.md"]


def site_texts(docs: Path = DOCS) -> list[str]:
    """The text of every page and notebook under ``docs`` and of what the pages include.

    Notebooks are decoded from JSON; Python files are read whole (their docstrings and
    strings reach the API pages).
    """
    paths = sorted(docs.rglob("*"))
    for name in INCLUDED:
        path = docs.parent / name
        paths += sorted(path.rglob("*")) if path.is_dir() else [path]
    texts = []
    for path in paths:
        if path.suffix in (".md", ".py"):
            texts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".ipynb":
            texts.append(" ".join(_strings(json.loads(path.read_text(encoding="utf-8")))))
    return texts


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def glossary_terms(glossary: Path = GLOSSARY) -> list[str]:
    """The Chinese terms of data/glossary.yml, and its extra search words, in order.

    Example:
        >>> glossary_terms()[:3]
        ['循环神经网络', '隐状态', '初始隐状态']
    """
    data = yaml.safe_load(glossary.read_text(encoding="utf-8"))
    terms: list[str] = []
    for section in data["sections"]:
        for term in section["terms"]:
            terms += term["zh"].split("、")
    terms += data.get("search_words", [])
    # One character is a word already; anything else jieba might cut apart.
    return list(dict.fromkeys(t for t in terms if len(t) > 1 and all(map(is_han, t))))


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
    entries = [line.split(" ")[:2] for line in dictionary.splitlines() if line.strip()]
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


@functools.lru_cache(maxsize=1)
def needed_words() -> tuple[dict[str, int], int, list[str]]:
    """What the site's text needs: jieba's words in it, jieba's total, the user words.

    Read once per process (the text does not change while it runs): do not modify.
    """
    terms = glossary_terms()
    words, total = words_in(han_text(site_texts()) | set(terms), full_dictionary())
    return words, total, terms


def read_dictionary(path: Path | None = None) -> dict[str, int]:
    """A committed dictionary as ``{word: frequency}`` (``REST`` included)."""
    text = (path or DICTIONARY).read_text(encoding="utf-8")
    entries = (line.split(" ") for line in text.splitlines())
    return {word: int(freq) for word, freq, *_ in entries}


def stale() -> list[str]:
    """Why the committed word lists do not cut the site's text as jieba's own would.

    Empty when they do: the dictionary holds every word the text needs, with jieba's
    frequencies and total (it may hold more: words of text since removed change no cut),
    and the user words are the glossary's.
    """
    words, total, terms = needed_words()
    problems = []
    if not DICTIONARY.is_file() or not USER_WORDS.is_file():
        return [f"{DICTIONARY.name} or {USER_WORDS.name} is missing"]
    committed = read_dictionary()
    missing = sorted(word for word in words if committed.get(word) != words[word])
    if missing:
        problems.append(f"{len(missing)} words missing, e.g. {', '.join(missing[:8])}")
    if sum(committed.values()) != total:
        problems.append(f"frequencies add up to {sum(committed.values())}, not {total}")
    if USER_WORDS.read_text(encoding="utf-8").split() != terms:
        problems.append(f"{USER_WORDS.name} is not the glossary's terms")
    return problems


def write() -> None:
    """Write both word lists for the site's current text."""
    words, total, terms = needed_words()
    DICTIONARY.parent.mkdir(parents=True, exist_ok=True)
    DICTIONARY.write_text(small_dictionary(dict(sorted(words.items())), total), "utf-8")
    USER_WORDS.write_text("".join(f"{term}\n" for term in terms), encoding="utf-8")
    print(
        f"{DICTIONARY.relative_to(ROOT)}: {len(words)} words; "
        f"{USER_WORDS.relative_to(ROOT)}: {len(terms)} terms"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale lists")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for problem in problems:
            print(f"search words are stale: {problem}; run `make search-words`")
        return 1 if problems else 0
    write()
    return 0


if __name__ == "__main__":
    sys.exit(main())
