"""The calculator's error messages are rnn_guide's message table (no browser needed).

docs/assets/js/shape-messages.js is written by tools/site/calculator_messages.py from
`rnn_guide.messages`; these tests fail when it is stale, when the calculator can raise
a key the table does not have, or when shape-calculator.js words a message itself.
"""

from __future__ import annotations

import json
import re

from rnn_guide.messages import MESSAGES, table
from tools.paths import JS
from tools.site import calculator_messages

SCRIPT = JS / "shape-calculator.js"
GENERATED = JS / "shape-messages.js"


def _generated() -> dict[str, dict[str, str]]:
    text = GENERATED.read_text(encoding="utf-8")
    body = text.split("window.rnnGuideMessages = ", 1)[1].strip().removesuffix(";")
    data: dict[str, dict[str, str]] = json.loads(body)
    return data


def test_the_generated_messages_are_up_to_date() -> None:
    assert GENERATED.read_text(encoding="utf-8") == calculator_messages.render(), (
        f"{GENERATED} is stale: run `make calculator-messages` and commit it"
    )


def test_the_generated_messages_are_the_tables_in_both_languages() -> None:
    data = _generated()
    assert data == table("python", "shape."), "shape-messages.js is not the message table"
    for key, texts in data.items():
        assert set(texts) == {"en", "zh"}, key
        assert "{arg:" not in texts["en"] + texts["zh"], f"{key}: an argument is not rendered"


def _raised_keys() -> set[str]:
    text = SCRIPT.read_text(encoding="utf-8")
    keys = set(re.findall(r'new ShapeError\(\s*"([a-z_]+)"', text))
    if 'name + "_not_positive"' in text:
        keys |= {f"{name}_not_positive" for name in ("input_size", "hidden_size", "num_layers")}
    keys |= set(re.findall(r'rank < 2 \? "([a-z_]+)" : "([a-z_]+)"', text)[0])
    return keys


def test_every_error_the_calculator_raises_is_in_the_table() -> None:
    keys = _raised_keys()
    assert len(keys) >= 14, sorted(keys)
    missing = sorted(key for key in keys if f"shape.{key}" not in MESSAGES)
    assert not missing, f"shape-calculator.js raises keys the table lacks: {missing}"
    # Only what a form cannot express is never raised: a module object, a non-bool flag.
    table_keys = {key.removeprefix("shape.") for key in table("python", "shape.")}
    assert table_keys - keys == {"not_module", "not_bool"}, sorted(table_keys - keys)


def test_the_calculator_script_words_no_message_itself() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    for key, texts in table("python", "shape.").items():
        for template in texts.values():
            # Every clause of the template (between placeholders and punctuation).
            for piece in re.split(r"\{\w+\}|[:;,.，。：；（）()]", template):
                cjk = re.search(r"[\u4e00-\u9fff]", piece)
                if len(piece.strip()) >= 16 or (cjk and len(piece.strip()) >= 6):
                    assert piece.strip() not in text, f"shape-calculator.js holds {key}: {piece!r}"
