"""Every sentence `rnn_guide` prints, in English and Chinese, under one key each.

The table is plain data: `MESSAGES[key]` maps `"en"` and `"zh"` to a template. Each
section of the package keeps its messages in a sibling module (`shapes`, `cli`,
`diagnose`, `explain`), whose keys start with the section's name and a dot
(`"shape.features"`, `"cli.ok"`); this module merges them and words them.

Templates are `str.format` templates with plain `{name}` placeholders (no conversion,
no format spec), the same names in both languages. One more kind of placeholder names
an argument of the module or of the command, so that each surface speaks in its own
terms (see [`render_args`][rnn_guide.messages.render_args]):

| template                   | surface `"python"`   | surface `"cli"`          |
|----------------------------|----------------------|--------------------------|
| `{arg:proj_size}`          | `proj_size`          | `--proj-size`            |
| `{arg:proj_size=0}`        | `proj_size=0`        | `--proj-size 0`          |
| `{arg:batch_first=True}`   | `batch_first=True`   | `--batch-first`          |
| `{arg:batch_first=False}`  | `batch_first=False`  | `without --batch-first`  |
| `{arg:mode='LSTM'}`        | `mode='LSTM'`        | `LSTM` (the MODE)        |
| `{arg:input_size={given}}` | `input_size={given}` | `--input-size {given}`   |

(`without --batch-first` is the entry `args.without`, in the message's language.)

A value that is itself an argument's name is passed as [`Arg`][rnn_guide.messages.Arg]
(`text("shape.not_int", name=Arg("hidden_size"), given="2.5")`) and is rendered the
same way. A key may have a variant for one surface, `"<key>@cli"`, used there instead
of `<key>` (same placeholders), where the advice itself differs (on the command line
there is no `x.unsqueeze(0)`, only `--input 1,5`).

Examples:
    >>> text("shape.proj_negative", given="-1")
    'proj_size is -1 but must be 0 or more: use proj_size=0 for no projection.'
    >>> text("shape.proj_negative", "en", "cli", given="-1")
    '--proj-size is -1 but must be 0 or more: use --proj-size 0 for no projection.'
    >>> text("shape.proj_negative", "zh", "cli", given="-1")
    '--proj-size 为 -1，但必须大于或等于 0：不需要投影时用 --proj-size 0。'
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal, get_args

from rnn_guide.messages import cli as _cli
from rnn_guide.messages import diagnose as _diagnose
from rnn_guide.messages import explain as _explain
from rnn_guide.messages import shapes as _shapes

__all__ = [
    "CLI_FLAGS",
    "LANGS",
    "MESSAGES",
    "SURFACES",
    "Arg",
    "Lang",
    "Surface",
    "placeholders",
    "render_args",
    "table",
    "template",
    "text",
]

Lang = Literal["en", "zh"]
"""A language of the table: English or simplified Chinese."""

Surface = Literal["python", "cli"]
"""Where a message is shown: Python (arguments as `name=value`) or the command line."""

LANGS: Final[tuple[Lang, ...]] = get_args(Lang)
"""The languages of the table, English first."""
SURFACES: Final[tuple[Surface, ...]] = get_args(Surface)
"""The surfaces a message is worded for."""

CLI_FLAGS: Final[Mapping[str, str]] = MappingProxyType(
    {"mode": "", "h_0": "--h0", "c_0": "--c0", "input": "--input"}
)
"""The command-line spelling of the arguments whose flag is not `--` + the name with
dashes; `""` marks a positional argument (written as its value alone)."""


def _merge(*sections: tuple[str, Mapping[str, Mapping[str, str]]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for prefix, section in sections:
        for key, texts in section.items():
            if not key.startswith(prefix + ".") or key in merged:
                raise ValueError(f"message key {key!r} is not unique under {prefix!r}")
            merged[key] = dict(texts)
    return merged


MESSAGES: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        key: MappingProxyType(texts)
        for key, texts in _merge(
            ("args", _cli.ARGS),
            ("cli", _cli.MESSAGES),
            ("argparse", _cli.ARGPARSE),
            ("shape", _shapes.MESSAGES),
            ("diagnose", _diagnose.MESSAGES),
            ("explain", _explain.MESSAGES),
        ).items()
    }
)
"""The whole table, read-only: key -> {"en": template, "zh": template}.

Keys start with their section: `shape.`, `cli.`, `args.`, `argparse.`, `diagnose.`,
`explain.`; a key ending in `@cli` is the command line's wording of the key before it.
"""


class Arg(str):
    """An argument's name given as a value: rendered per surface like `{arg:name}`.

    Examples:
        >>> text("shape.not_int", "en", "cli", name=Arg("hidden_size"), given="2.5")
        '--hidden-size is 2.5 but must be a whole number (int), e.g. 8.'
    """

    __slots__ = ()


# {arg:name} or {arg:name=value}; the value may hold plain {placeholders}.
_ARG = re.compile(r"\{arg:([a-z_][a-z0-9_]*)(?:=((?:[^{}]|\{[a-z_][a-z0-9_]*\})*))?\}")


def _flag(name: str) -> str:
    return CLI_FLAGS.get(name, "--" + name.replace("_", "-"))


def _render_arg(name: str, value: str | None, lang: Lang, surface: Surface) -> str:
    if surface == "python":
        return name if value is None else f"{name}={value}"
    flag = _flag(name)
    if not flag:  # positional: its value alone ('LSTM' -> LSTM)
        return name.upper() if value is None else value.strip("'\"")
    if value is None or value == "True":
        return flag
    if value == "False":
        return MESSAGES["args.without"][lang].format(flag=flag)
    return f"{flag} {value}"


def render_args(template: str, lang: Lang = "en", surface: Surface = "python") -> str:
    """Replace the `{arg:...}` placeholders of a template by the surface's spelling.

    Args:
        template: A template of the table.
        lang: The template's language (for `=False` on the command line).
        surface: `"python"` or `"cli"`.

    Returns:
        The template with only plain `{name}` placeholders left.

    Examples:
        >>> render_args("use {arg:input_size={given}}", surface="cli")
        'use --input-size {given}'
        >>> render_args("use {arg:batch_first=False}", "zh", "cli")
        'use 不加 --batch-first'
    """
    return _ARG.sub(lambda m: _render_arg(m[1], m[2], lang, surface), template)


def template(key: str, lang: Lang = "en", surface: Surface = "python") -> str:
    """The template of `key` for one language and surface, arguments rendered.

    Args:
        key: A key of [`MESSAGES`][rnn_guide.messages.MESSAGES].
        lang: `"en"` or `"zh"`.
        surface: `"python"` or `"cli"`; a `"<key>@cli"` variant wins on the command line.

    Returns:
        A `str.format` template with plain `{name}` placeholders only.

    Raises:
        KeyError: If the table has no such key.
    """
    variant = f"{key}@{surface}"
    texts = MESSAGES[variant] if variant in MESSAGES else MESSAGES[key]
    return render_args(texts[lang], lang, surface)


def text(key: str, lang: Lang = "en", surface: Surface = "python", **values: object) -> str:
    """Word the message `key` in one language, for one surface.

    Args:
        key: A key of [`MESSAGES`][rnn_guide.messages.MESSAGES].
        lang: `"en"` or `"zh"`.
        surface: `"python"` (the default) or `"cli"`.
        **values: The placeholders' values; an [`Arg`][rnn_guide.messages.Arg] value
            is rendered as an argument of that surface.

    Returns:
        The finished sentence.

    Raises:
        KeyError: If the table has no such key or a placeholder has no value.
    """
    rendered = {
        name: render_args(f"{{arg:{value}}}", lang, surface) if isinstance(value, Arg) else value
        for name, value in values.items()
    }
    return template(key, lang, surface).format(**rendered)


def placeholders(template: str) -> set[str]:
    """The names a template needs, `{arg:...}` placeholders rendered away first.

    Examples:
        >>> sorted(placeholders("{name} is {given}: use {arg:input_size={given}}"))
        ['given', 'name']
    """
    plain = render_args(template)
    return {name for _, name, _, _ in string.Formatter().parse(plain) if name}


def table(surface: Surface = "python", prefix: str = "") -> dict[str, dict[str, str]]:
    """The table (or the keys starting with `prefix`) as plain data, ready for JSON.

    Arguments are rendered for `surface` and the `@` variants of other surfaces are
    left out, so a reader of the JSON fills only plain `{name}` placeholders.

    Args:
        surface: `"python"` or `"cli"`.
        prefix: Keep only the keys that start with it, e.g. `"shape."`.

    Returns:
        key -> {"en": template, "zh": template}.

    Examples:
        >>> table(prefix="shape.")["shape.proj_negative"]["en"]
        'proj_size is {given} but must be 0 or more: use proj_size=0 for no projection.'
    """
    return {
        key: {lang: template(key, lang, surface) for lang in LANGS}
        for key in MESSAGES
        if key.startswith(prefix) and "@" not in key
    }
