"""The message table: every key in both languages, same placeholders, plain data."""

from __future__ import annotations

import argparse
import gettext
import inspect
import io
import json
import re
import string

import pytest

from rnn_guide import messages
from rnn_guide.messages import MESSAGES, Arg, placeholders, render_args, table, template, text
from rnn_guide.messages import cli as cli_section
from rnn_guide.messages.catalog import catalog_path, mo_bytes, translated
from tests.latin import english_words

PLAIN_FIELD = re.compile(r"[a-z_][a-z0-9_]*")
PERCENT_FIELD = re.compile(r"%(?:\([a-z_]+\))?[rsd]")


def fields(template: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (name, spec, conversion)
        for _, name, spec, conversion in string.Formatter().parse(render_args(template))
        if name is not None
    ]


def test_every_key_has_english_and_chinese_and_a_section_prefix() -> None:
    assert len(MESSAGES) > 50
    for key, texts in MESSAGES.items():
        assert set(texts) == {"en", "zh"}, key
        assert key.split(".", 1)[0] in {"shape", "cli", "args", "argparse", "diagnose", "explain"}
        assert all(isinstance(value, str) and value.strip() for value in texts.values()), key


@pytest.mark.parametrize("key", sorted(k for k in MESSAGES if not k.startswith("argparse.")))
def test_same_plain_placeholders_in_both_languages(key: str) -> None:
    en, zh = MESSAGES[key]["en"], MESSAGES[key]["zh"]
    for lang_template in (en, zh):
        for name, spec, conversion in fields(lang_template):
            assert PLAIN_FIELD.fullmatch(name), (key, name)
            assert not spec and conversion is None, f"{key}: plain {{name}} only, not {name}"
    assert placeholders(en) == placeholders(zh), key
    # The arguments named are the same too, so both languages give the same advice.
    assert sorted(re.findall(r"\{arg:[^{}]*(?:\{[^{}]*\}[^{}]*)?\}", en)) == sorted(
        re.findall(r"\{arg:[^{}]*(?:\{[^{}]*\}[^{}]*)?\}", zh)
    ), key


@pytest.mark.parametrize("key", sorted(k for k in MESSAGES if "@" in k))
def test_a_surface_variant_has_its_base_key_and_placeholders(key: str) -> None:
    base, surface = key.split("@")
    assert surface in messages.SURFACES
    assert base in MESSAGES
    assert placeholders(MESSAGES[key]["en"]) == placeholders(MESSAGES[base]["en"])


@pytest.mark.parametrize("key", sorted(k for k in MESSAGES if k.startswith("argparse.")))
def test_argparse_entries_keep_argparse_placeholders(key: str) -> None:
    en, zh = MESSAGES[key]["en"], MESSAGES[key]["zh"]
    assert sorted(PERCENT_FIELD.findall(en)) == sorted(PERCENT_FIELD.findall(zh)), key
    assert en.endswith("\n") == zh.endswith("\n"), key


def _argparse_message_ids() -> set[str]:
    """Every string the running Python's argparse passes through gettext for its users."""
    source = inspect.getsource(argparse)
    found = set()
    literal = r"""(?:'[^'\n]*'|"[^"\n]*")"""
    for match in re.finditer(rf"\b(?:_|ngettext)\(\s*((?:{literal}\s*)+)", source):
        found.add("".join(eval(part) for part in re.findall(literal, match[1])))
    return found


# Errors in the program itself (a wrong add_argument call), never shown to a user.
PROGRAMMER_ERRORS = {
    ".__call__() not defined",
    "%r is not callable",
    "'required' is an invalid argument for positionals",
    "cannot have multiple subparser arguments",
    "cannot merge actions - two groups are named %r",
    "conflicting option string: %s",
    "conflicting subparser: %s",
    "conflicting subparser alias: %s",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional",
}


def test_every_argparse_message_of_this_python_is_translated() -> None:
    ids = _argparse_message_ids() - PROGRAMMER_ERRORS
    assert "usage: " in ids and "the following arguments are required: %s" in ids
    catalog = gettext.GNUTranslations(io.BytesIO(mo_bytes("zh")))
    missing = {msgid for msgid in ids if catalog.gettext(msgid) == msgid}
    assert not missing, f"add to ARGPARSE in rnn_guide/messages/cli.py: {sorted(missing)}"
    for singular, plural in [("expected %s argument", "expected %s arguments")]:
        assert catalog.ngettext(singular, plural, 2) == "需要 %s 个值"


def test_the_committed_catalog_is_the_table() -> None:
    assert catalog_path("zh").read_bytes() == mo_bytes("zh"), (
        "stale: run `.venv/bin/python -m rnn_guide.messages.catalog`"
    )


def test_translated_restores_gettext() -> None:
    before = gettext.textdomain()
    with translated("zh"):
        assert gettext.gettext("usage: ") == "用法："
    assert gettext.textdomain() == before
    assert gettext.gettext("usage: ") == "usage: "
    with translated("en"):
        assert gettext.gettext("usage: ") == "usage: "


def test_the_table_is_plain_data() -> None:
    dumped = json.loads(json.dumps(table()))
    assert dumped["shape.features"]["zh"].startswith("输入有 {given} 个特征")
    assert all("@" not in key for key in dumped)
    assert not any("{arg:" in value for texts in dumped.values() for value in texts.values())
    cli = table("cli", prefix="shape.")
    assert "--input-size {given}" in cli["shape.features"]["en"]  # the @cli variant


def test_arguments_are_worded_for_each_surface() -> None:
    assert render_args("{arg:proj_size=0}") == "proj_size=0"
    assert render_args("{arg:proj_size=0}", surface="cli") == "--proj-size 0"
    assert render_args("{arg:batch_first=True}", surface="cli") == "--batch-first"
    assert render_args("{arg:batch_first=False}", "en", "cli") == "without --batch-first"
    assert render_args("{arg:batch_first=False}", "zh", "cli") == "不加 --batch-first"
    assert render_args("{arg:mode='LSTM'}", surface="cli") == "LSTM"
    assert render_args("{arg:h_0}", surface="cli") == "--h0"
    assert render_args("{arg:input_size={given}}", surface="cli") == "--input-size {given}"
    assert text("shape.not_int", "zh", "cli", name=Arg("num_layers"), given="1.5") == (
        "--num-layers 为 1.5，但必须是整数（int），例如 8。"
    )
    assert template("shape.features", "en", "cli") != template("shape.features")


def test_no_python_argument_on_the_command_line() -> None:
    # On the command line, no message tells the reader to write `name=value`.
    for key in MESSAGES:
        base = key.split("@")[0]
        if key.startswith("argparse.") or ("@" in key and key.split("@")[1] != "cli"):
            continue
        for lang in ("en", "zh"):
            worded = template(base, lang, "cli")
            assert not re.search(r"\b(input_size|hidden_size|num_layers|proj_size)=", worded), (
                key,
                lang,
                worded,
            )


@pytest.mark.parametrize("surface", ["python", "cli"])
@pytest.mark.parametrize(
    "key", sorted(k for k in MESSAGES if not k.startswith("argparse.") and "@" not in k)
)
def test_chinese_templates_have_no_english_sentence(key: str, surface: str) -> None:
    worded = template(key, "zh", surface)  # type: ignore[arg-type]
    assert not english_words(worded), (key, english_words(worded), worded)


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="not unique"):
        messages._merge(("cli", {"cli.ok": {}}), ("cli", {"cli.ok": {}}))
    with pytest.raises(ValueError, match="not unique"):
        messages._merge(("shape", {"cli.ok": {}}))


def test_cli_section_keys() -> None:
    assert set(cli_section.PLURALS) <= set(cli_section.ARGPARSE)
