"""Create a page and its Chinese twin from the skeleton of its kind, and list it in the nav.

    make new-page KIND=how-to PAGE=how-to/decode-errors TITLE="Decode an RNN error"
    python -m tools.contrib.new_page --kind how-to --page how-to/decode-errors --title "..."

`make new-page` passes KIND, PAGE, TITLE, TITLE_ZH, DESCRIPTION and DESCRIPTION_ZH
through the environment (NEW_PAGE_KIND, ...; read with --from-environment), never
through a shell command line: a title with backticks, `$` or quotes is text.

Writes docs/en/<PAGE>.md and docs/zh/<PAGE>.md from tools/contrib/templates/<KIND>.<lang>.md
(tutorial, how-to, explanation, reference: the Diátaxis skeletons of CONTRIBUTING.md)
and adds `<PAGE>.md` as the last entry of the matching section of the `nav:` in
mkdocs.yml, leaving every other line of that file as it was. Both pages start with
the same code, so the twin check and the doc suite pass at once. Never overwrites:
an existing page is an error (exit status 2, one line).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from string import Template

from tools.paths import ROOT, TEMPLATES

# Diátaxis kind -> the nav section (in mkdocs.yml) that lists pages of that kind.
SECTIONS = {
    "tutorial": "Tutorials",
    "how-to": "How-to guides",
    "explanation": "Explanation",
    "reference": "Reference",
}
DESCRIPTIONS = {
    "en": "«One sentence on what the reader gets from this page»",
    "zh": "«一句话说明读者从本页得到什么»",
}
_PAGE = re.compile(r"[a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)*")


class PageError(Exception):
    """A request new_page refuses, worded for one line of output."""


def _page_path(page: str) -> str:
    """Normalise PAGE: drop a leading docs/<lang>/ and a trailing .md."""
    page = page.strip().strip("/")
    page = re.sub(r"^(?:docs/)?(?:en|zh)/", "", page)
    page = page.removesuffix(".md")
    if not _PAGE.fullmatch(page):
        raise PageError(
            f"PAGE {page!r} is not a page path; use lowercase words with hyphens under a "
            "section folder, e.g. PAGE=how-to/decode-errors"
        )
    return page


def _yaml_scalar(text: str) -> str:
    """A front-matter value that YAML reads back as exactly `text`: a double-quoted string.

    JSON's string syntax is YAML's double-quoted style; the three characters that YAML 1.1
    (PyYAML, which MkDocs uses) reads as line breaks are escaped too.
    """
    quoted = json.dumps(text, ensure_ascii=False)
    for char in ("\x85", "\u2028", "\u2029"):
        quoted = quoted.replace(char, f"\\u{ord(char):04x}")
    return quoted


def _one_line(name: str, text: str) -> str:
    """Refuse a value that would break the page it goes into (a heading, front matter)."""
    if any(ord(char) < 32 or char in "\x7f\x85\u2028\u2029" for char in text):
        raise PageError(f"{name} contains a line break or control character; give it on one line")
    return text


def add_to_nav(config: str, kind: str, entry: str) -> str:
    """Return mkdocs.yml's text with `entry` appended to the nav section of `kind`."""
    lines = config.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^nav:\s*$", line)), None)
    if start is None:
        raise PageError("mkdocs.yml has no `nav:` section")
    section = SECTIONS[kind]
    heading = re.compile(rf"^(\s*)- {re.escape(section)}:\s*$")
    at = next((i for i in range(start + 1, len(lines)) if heading.match(lines[i])), None)
    if at is None:
        raise PageError(f"mkdocs.yml's nav has no `{section}:` section")
    if any(re.match(rf"^\s*-\s*(?:[^:]+:\s*)?{re.escape(entry)}\s*$", line) for line in lines):
        raise PageError(f"mkdocs.yml's nav already lists {entry}")
    depth = len(heading.match(lines[at])[1])  # type: ignore[index]
    last = at
    for i in range(at + 1, len(lines)):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(line) - len(line.lstrip()) <= depth:
            break
        last = i
    if last == at:
        indent = " " * (depth + 4)
    else:
        indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    newline = "\r\n" if lines[last].endswith("\r\n") else "\n"
    if not lines[last].endswith(("\n", "\r\n")):
        lines[last] += newline
    lines.insert(last + 1, f"{indent}- {entry}{newline}")
    return "".join(lines)


def new_page(
    kind: str,
    page: str,
    title: str,
    title_zh: str | None = None,
    description: str | None = None,
    description_zh: str | None = None,
    root: Path = ROOT,
) -> list[Path]:
    """Create both twins from the skeleton of `kind` and list the page in the nav.

    Returns:
        The files written: the English page, the Chinese page, mkdocs.yml.

    Raises:
        PageError: Unknown kind, bad page path, empty title, or a page that exists.
    """
    if kind not in SECTIONS:
        raise PageError(f"KIND {kind!r} is not a page kind; choose one of {', '.join(SECTIONS)}")
    page = _page_path(page)
    if not title.strip():
        raise PageError('TITLE is empty; give the page title, e.g. TITLE="Decode an RNN error"')
    for name, value in (
        ("TITLE", title),
        ("TITLE_ZH", title_zh or ""),
        ("DESCRIPTION", description or ""),
        ("DESCRIPTION_ZH", description_zh or ""),
    ):
        _one_line(name, value)
    targets = {lang: root / "docs" / lang / f"{page}.md" for lang in ("en", "zh")}
    for target in targets.values():
        if target.exists():
            raise PageError(f"{target.relative_to(root)} exists already; not overwriting it")
    config_path = root / "mkdocs.yml"
    config = add_to_nav(config_path.read_text(encoding="utf-8"), kind, f"{page}.md")
    up = "../" * page.count("/")
    values = {
        "en": {"title": title.strip(), "description": description or DESCRIPTIONS["en"]},
        "zh": {
            "title": (title_zh or title).strip(),
            "description": description_zh or DESCRIPTIONS["zh"],
        },
    }
    for lang, target in targets.items():
        skeleton = Template((TEMPLATES / f"{kind}.{lang}.md").read_text(encoding="utf-8"))
        text = skeleton.substitute(
            title=values[lang]["title"],
            description=_yaml_scalar(values[lang]["description"].strip()),
            up=up,
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config_path.write_text(config, encoding="utf-8")
    return [targets["en"], targets["zh"], config_path]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise PageError(message)


def main(argv: list[str] | None = None) -> int:
    """Command line: print the files written, or one line saying why not (exit 2)."""
    parser = _Parser(prog="new-page", description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--kind", help=", ".join(SECTIONS))
    parser.add_argument("--page", help="path under docs/<lang>/, no .md")
    parser.add_argument("--title")
    parser.add_argument("--title-zh", default="")
    parser.add_argument("--description", default="")
    parser.add_argument("--description-zh", default="")
    parser.add_argument(
        "--from-environment",
        action="store_true",
        help="read the values from NEW_PAGE_KIND, NEW_PAGE_PAGE, NEW_PAGE_TITLE, ... (make)",
    )
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    try:
        args = parser.parse_args(argv)
        if args.from_environment:
            for name in ("kind", "page", "title", "title_zh", "description", "description_zh"):
                value = os.environ.get(f"NEW_PAGE_{name.upper()}")
                if value is not None and not getattr(args, name):
                    setattr(args, name, value)
        for name in ("kind", "page", "title"):
            if not getattr(args, name):
                flag = name.upper()
                raise PageError(
                    f"{flag} is missing; e.g. make new-page KIND=how-to PAGE=how-to/decode-errors "
                    'TITLE="Decode an RNN error"'
                    if args.from_environment
                    else f"--{name} is required"
                )
        written = new_page(
            args.kind,
            args.page,
            args.title,
            title_zh=args.title_zh or None,
            description=args.description or None,
            description_zh=args.description_zh or None,
            root=args.root,
        )
    except PageError as error:
        print(f"new-page: {error}", file=sys.stderr)
        return 2
    for path in written:
        print(f"new-page: wrote {path.relative_to(args.root)}")
    page = written[0].relative_to(args.root)
    twin = written[1].relative_to(args.root)
    print(
        f"new-page: replace every «…» placeholder, translate {twin}, then preview with "
        f"`make serve` and test with `.venv/bin/python -m pytest {page} {twin}`"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
