"""explain() against the corpus of real messages (tests/data/error-corpus.json).

The corpus holds every distinct message PyTorch's recurrent layers, cells and
torch.nn.utils.rnn raise on the pinned torch (made by running tools/contrib/error_corpus.py),
older releases' forms users posted, and decoys that are not RNN errors. Goals: at
least 90 % of the RNN messages recognised, every one with the right entry and the
numbers of the message; no decoy claimed; every printed code fix works when applied.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from rnn_guide.explain import explain, unrelated
from rnn_guide.messages.explain import PATTERNS
from tools.contrib import error_corpus
from tools.site import error_atlas

CORPUS: dict[str, Any] = json.loads(error_corpus.OUTPUT.read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = CORPUS["cases"]
RNN_CASES = [case for case in CASES if case["family"] != "decoy"]
DECOYS = [case for case in CASES if case["family"] == "decoy"]
REGEXES = {pattern.id: [] for pattern in PATTERNS}  # type: dict[str, list[re.Pattern[str]]]
for _pattern in PATTERNS:
    REGEXES[_pattern.id].append(re.compile(_pattern.regex))


def as_pasted(case: dict[str, Any]) -> str:
    """The message as a reader pastes it: with the traceback's innermost frame when known."""
    if case["frame"] is None:
        return str(case["message"])
    frame = f'  File "/venv/lib/python3.11/site-packages/{case["frame"]}", line 1, in forward'
    user = '  File "train.py", line 3, in <module>'
    return f"Traceback (most recent call last):\n{user}\n{frame}\n{case['message']}"


def test_the_committed_corpus_is_what_torch_raises() -> None:
    expected = error_corpus.render(error_corpus.collect())
    assert error_corpus.OUTPUT.read_text(encoding="utf-8") == expected, (
        "tests/data/error-corpus.json is stale: run python -m tools.contrib.error_corpus"
    )


def test_the_corpus_covers_the_families() -> None:
    families = {case["family"] for case in CASES}
    assert {"rnn", "cell", "utils", "older", "decoy"} <= families
    assert len({case["message"] for case in RNN_CASES}) >= 80
    assert len(DECOYS) >= 15


def test_recognition_figures(capsys: pytest.CaptureFixture[str]) -> None:
    recognised = [case for case in RNN_CASES if explain(as_pasted(case)) is not None]
    share = len(recognised) / len(RNN_CASES)
    claimed = [case["name"] for case in DECOYS if explain(as_pasted(case)) is not None]
    with capsys.disabled():
        print(
            f"\nerror corpus: {len(recognised)}/{len(RNN_CASES)} RNN messages recognised"
            f" ({share:.0%}), {len(claimed)} of {len(DECOYS)} decoys claimed"
        )
    assert share >= 0.9
    assert claimed == []


@pytest.mark.parametrize("case", RNN_CASES, ids=lambda case: case["name"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_rnn_message_gets_its_entry_and_its_numbers(case: dict[str, Any], lang: str) -> None:
    found = explain(as_pasted(case), lang)  # type: ignore[arg-type]
    assert found is not None, case["message"]
    assert found.id == case["expect"], (case["message"], found.id)  # another entry is wrong advice
    body = case["message"].split(": ", 1)[-1]
    matches = [regex.fullmatch(body) for regex in REGEXES[found.id]]
    match = next(found for found in matches if found is not None)
    said = found.cause + " " + found.fix
    for group, value in match.groupdict().items():
        if group == "which":  # 0 or 1 names the state, said as h_0 or c_0
            continue
        for number in re.findall(r"\d+", value or ""):
            assert re.search(rf"(?<!\d){number}(?!\d)", said), (group, number, said)


@pytest.mark.parametrize("case", RNN_CASES, ids=lambda case: case["name"])
def test_without_the_traceback_a_message_gets_its_entry_or_none(case: dict[str, Any]) -> None:
    found = explain(case["message"])
    assert found is None or found.id == case["expect"]


@pytest.mark.parametrize("case", DECOYS, ids=lambda case: case["name"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_decoys_are_not_claimed_and_get_a_pointer(case: dict[str, Any], lang: str) -> None:
    assert explain(as_pasted(case), lang) is None  # type: ignore[arg-type]
    assert explain(case["message"], lang) is None  # type: ignore[arg-type]
    assert unrelated(as_pasted(case), lang)  # type: ignore[arg-type]


def _code_fix(case: dict[str, Any]) -> str:
    found = explain(as_pasted(case))
    return found.code if found is not None and case["code"] else ""


APPLICABLE = [case for case in RNN_CASES if _code_fix(case)]


@pytest.mark.parametrize("case", APPLICABLE, ids=lambda case: case["name"])
def test_printed_code_fixes_work_when_applied(case: dict[str, Any]) -> None:
    found = explain(as_pasted(case))
    assert found is not None
    names = error_corpus._namespace()
    *setup, call = case["code"].splitlines()
    exec("\n".join(setup), names)
    exec(found.code, names)
    exec(call, names)  # torch accepts the fixed call


def test_some_code_fixes_are_applied() -> None:
    assert len(APPLICABLE) >= 10


def test_the_error_atlas_lists_the_table() -> None:
    assert error_atlas.main(["--check"]) == 0, f"run {error_atlas.COMMAND}"
    for lang, path in error_atlas.PAGES.items():
        page = path.read_text(encoding="utf-8")
        for pattern in PATTERNS:
            assert pattern.example in page, (lang, pattern.example)
