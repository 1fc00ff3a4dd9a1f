"""The calculator's error messages are rnn_guide's, word for word (no browser needed)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rnn_guide.shapes import MESSAGES

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "assets" / "js" / "shape-calculator.js"


def _js_messages() -> dict[str, dict[str, str]]:
    text = SCRIPT.read_text(encoding="utf-8")
    block = text.split("/* MESSAGES-BEGIN */", 1)[1].split("/* MESSAGES-END */", 1)[0]
    body = block.strip().removeprefix("var MESSAGES =").strip().removesuffix(";")
    data: dict[str, dict[str, str]] = json.loads(body)
    return data


def test_the_calculator_words_errors_exactly_as_python() -> None:
    js = _js_messages()
    assert js["en"] == dict(MESSAGES), "shape-calculator.js MESSAGES.en differs from Python"
    assert set(js["zh"]) == set(MESSAGES), "the Chinese messages are not the same set"
    for key, template in MESSAGES.items():
        wanted = sorted(re.findall(r"\{(\w+)\}", template))
        assert sorted(re.findall(r"\{(\w+)\}", js["zh"][key])) == wanted, key
