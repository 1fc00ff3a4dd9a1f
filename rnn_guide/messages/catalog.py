"""The gettext catalog that words argparse's own output (usage, help, errors) in Chinese.

argparse passes every string it prints through `gettext.gettext`, the hook its
documentation gives for translating its output ("How to translate the argparse output"
in Python's argparse how-to). This module compiles the `"argparse.*"` entries of the
message table into a GNU `.mo` catalog, committed as package data at
`rnn_guide/locale/zh/LC_MESSAGES/rnn_guide.mo` (a test fails when it is stale), and
[`translated`][rnn_guide.messages.catalog.translated] turns it on while the command runs.

Regenerate the catalog after editing the table: `python -m rnn_guide.messages.catalog`.
"""

from __future__ import annotations

import gettext
import os
import struct
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from rnn_guide.messages import LANGS, MESSAGES, Lang
from rnn_guide.messages.cli import PLURALS

__all__ = ["DOMAIN", "LOCALE_DIR", "catalog_path", "mo_bytes", "translated"]

DOMAIN: Final = "rnn_guide"
"""The gettext domain of the command."""
LOCALE_DIR: Final = Path(__file__).resolve().parent.parent / "locale"
"""Where the compiled catalogs live: `<LOCALE_DIR>/<lang>/LC_MESSAGES/rnn_guide.mo`."""

_HEADER: Final = (
    "Project-Id-Version: rnn-guide\n"
    "Language: {lang}\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "Plural-Forms: nplurals=1; plural=0;\n"
)


def catalog_path(lang: Lang) -> Path:
    """The `.mo` file of one language."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def _entries(lang: Lang) -> dict[str, str]:
    entries = {"": _HEADER.format(lang=lang)}
    for key, texts in MESSAGES.items():
        if key.startswith("argparse."):
            msgid = texts["en"]
            if key in PLURALS:
                msgid += "\0" + PLURALS[key]
            entries[msgid] = texts[lang]
    return entries


def mo_bytes(lang: Lang) -> bytes:
    """The GNU `.mo` catalog of `lang` (little-endian, no hash table), as bytes.

    Examples:
        >>> import gettext, io
        >>> catalog = gettext.GNUTranslations(io.BytesIO(mo_bytes("zh")))
        >>> catalog.gettext("usage: "), catalog.ngettext("expected %s argument",
        ...                                              "expected %s arguments", 2)
        ('用法：', '需要 %s 个值')
    """
    entries = sorted((k.encode(), v.encode()) for k, v in _entries(lang).items())
    count = len(entries)
    ids_at = 7 * 4
    strs_at = ids_at + 8 * count
    data_at = strs_at + 8 * count
    ids, strs, data = [], [], b""
    for msgid, _ in entries:
        ids.append((len(msgid), data_at + len(data)))
        data += msgid + b"\0"
    for _, msgstr in entries:
        strs.append((len(msgstr), data_at + len(data)))
        data += msgstr + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, ids_at, strs_at, 0, data_at)
    tables = b"".join(struct.pack("<2I", *pair) for pair in ids + strs)
    return header + tables + data


@contextmanager
def translated(lang: Lang) -> Iterator[None]:
    """Have argparse speak `lang` inside the block; everything is restored after it.

    For "zh" the block binds the command's domain to
    [`LOCALE_DIR`][rnn_guide.messages.catalog.LOCALE_DIR], makes it the current domain
    and asks gettext for Chinese through the `LANGUAGE` variable, which gettext reads
    first; for "en" nothing changes.
    """
    if lang == "en" or not catalog_path(lang).is_file():
        yield
        return
    previous_domain = gettext.textdomain()
    previous_language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang
    try:
        yield
    finally:
        gettext.textdomain(previous_domain)
        if previous_language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = previous_language


def main() -> int:
    """Write the catalog of every language but English; print what was written."""
    for lang in LANGS:
        if lang == "en":
            continue  # argparse's own strings are English
        path = catalog_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(mo_bytes(lang))
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
