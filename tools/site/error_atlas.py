"""Write the error atlas's generated parts from the table `rnn_guide.explain` reads.

The error atlas (docs/{en,zh}/reference/error-atlas.md) keeps its hand-written
entries, each raising its message and showing the fix. Two regions of each page are
generated from `rnn_guide.messages.explain.PATTERNS`, so a new pattern appears on the
page by itself:

- the list at the top: every message form `explain` recognises, in full, with a link
  to its entry;
- the entries at the end for the forms that have no hand-written entry: the message,
  and the cause and fix `explain` prints for it.

Run `python -m tools.site.error_atlas` (`make error-atlas`) after changing the table;
`--check` fails (naming this command) when a page is stale. The tests run the check.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from rnn_guide.explain import explain
from rnn_guide.messages import Lang, text
from rnn_guide.messages.explain import PATTERNS, Pattern
from tools.paths import DOCS, ROOT

COMMAND = "python -m tools.site.error_atlas"
PAGES: dict[Lang, Path] = {
    lang: DOCS / lang / "reference" / "error-atlas.md" for lang in ("en", "zh")
}
_REGIONS = ("list", "entries")


def _begin(region: str) -> str:
    return (
        f"<!-- begin generated {region}: {COMMAND} writes it from rnn_guide/messages/explain.py -->"
    )


def _end(region: str) -> str:
    return f"<!-- end generated {region} -->"


def _region(page: str, region: str) -> re.Match[str]:
    found = re.search(
        re.escape(_begin(region)) + r"\n(?P<body>.*?)" + re.escape(_end(region)), page, re.DOTALL
    )
    if found is None:
        raise SystemExit(f"the page lacks the markers of the generated {region}: {_begin(region)}")
    return found


def _code(message: str) -> str:
    """Inline code for a message that may hold backticks."""
    return f"`` {message} ``" if "`" in message else f"`{message}`"


def _traceback(pattern: Pattern) -> str:
    if not pattern.frames:
        return pattern.example
    frame = f'  File "/site-packages/{pattern.frames[0]}", line 1, in forward'
    return f"Traceback (most recent call last):\n{frame}\nRuntimeError: {pattern.example}"


def _hand_written(page: str) -> set[str]:
    for region in _REGIONS:
        page = page.replace(_region(page, region)["body"], "")
    return set(re.findall(r"\{ *#([a-z0-9-]+) *\}", page))


def _list(lang: Lang) -> str:
    rows = [
        f"| {text('explain.atlas.message', lang)} | {text('explain.atlas.entry', lang)} |",
        "|---|---|",
    ]
    for pattern in PATTERNS:
        title = text(f"explain.{pattern.id}.title", lang)
        entry = f"[{title}](#{pattern.id})"
        if pattern.frames:
            entry += " " + text("explain.atlas.frame", lang, frame=pattern.frames[0])
        rows.append(f"| {_code(pattern.example)} | {entry} |")
    return "\n".join(rows) + "\n"


def _entries(lang: Lang, hand_written: set[str]) -> str:
    blocks = []
    seen: list[str] = []
    for pattern in PATTERNS:
        if pattern.id in hand_written or pattern.id in seen:
            continue
        seen.append(pattern.id)
        forms = [p for p in PATTERNS if p.id == pattern.id]
        found = explain(_traceback(pattern), lang)
        if found is None:
            raise SystemExit(f"explain does not recognise its own example: {pattern.example}")
        title = text(f"explain.{pattern.id}.title", lang)
        lines = [f"### {title} {{ #{pattern.id} }}", ""]
        for form in forms:
            lines.append(f"- {_code(form.example)}")
        lines += [
            "",
            f"**{text('explain.atlas.cause', lang)}** {found.cause}",
            "",
            f"**{text('explain.atlas.fix', lang)}** {found.fix}",
            "",
        ]
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def render(page: str, lang: Lang) -> str:
    """The page with both generated regions written afresh."""
    hand_written = _hand_written(page)
    for region, body in (("list", _list(lang)), ("entries", _entries(lang, hand_written))):
        found = _region(page, region)
        page = page[: found.start("body")] + body + page[found.end("body") :]
    return page


def main(argv: list[str] | None = None) -> int:
    """Rewrite both pages, or with --check report the stale ones."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    stale = []
    for lang, path in PAGES.items():
        page = path.read_text(encoding="utf-8")
        new = render(page, lang)
        if new != page:
            stale.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if args.check and stale:
        names = ", ".join(str(path.relative_to(ROOT)) for path in stale)
        print(f"stale generated parts in {names}: run {COMMAND}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
