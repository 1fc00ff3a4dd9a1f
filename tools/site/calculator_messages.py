"""Write the shape calculator's messages from rnn_guide's message table.

The calculator (docs/assets/js/shape-calculator.js) words its errors with the same
templates as `ShapeError`: every `shape.*` entry of `rnn_guide.messages`, in English and
Chinese, with the arguments spelled as in Python (`proj_size=0`). This script writes them
to docs/assets/js/shape-messages.js, which defines `window.rnnGuideMessages`; run it
(``make calculator-messages``) after changing a message. tests/browser/
test_calculator_strings.py fails when the committed file is not what this writes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from rnn_guide.messages import table
from tools.paths import JS

TARGET = JS / "shape-messages.js"

HEADER = """\
/* The shape calculator's messages: the "shape.*" entries of rnn_guide's message table
   (rnn_guide/messages/), key -> {en, zh}, arguments spelled as in Python.
   Written by tools/site/calculator_messages.py (`make calculator-messages`): do not edit. */
"""


def render() -> str:
    """The file's text: the header and one JSON object, keys sorted, one per line."""
    data = table("python", "shape.")
    body = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    return f"{HEADER}window.rnnGuideMessages = {body};\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--output", type=Path, default=TARGET, help="the file to write")
    args = parser.parse_args(argv)
    args.output.write_text(render(), encoding="utf-8", newline="\n")
    print(args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
