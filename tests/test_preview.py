"""`make serve` previews one language with dirty rebuilds; every other build is full.

The preview reads mkdocs.preview.yml: mkdocs.yml, plus a hook that keeps Material's
templates compiled between rebuilds. The time it takes is benchmarks/preview.py's to
report; these tests check what runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader
from mkdocs.config import load_config

from benchmarks.common import load_config as read_yaml
from tools.paths import MKDOCS_PREVIEW_YML, MKDOCS_YML, ROOT

needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def _make_n(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "-n", *args, "BIN=.venv/bin"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


# What every `make serve` runs, before the flags of its LOCALE.
SERVE = [
    ".venv/bin/mkdocs",
    "serve",
    "-f",
    "mkdocs.preview.yml",
    "--dev-addr",
    "127.0.0.1:8000",
    "--livereload",
]


def _serve_line(printed: str) -> list[str]:
    """The words of the command that serves the site (setting up .venv may come first)."""
    lines = [line.split() for line in printed.splitlines() if " serve " in f" {line} "]
    assert len(lines) == 1, printed
    return lines[0]


@needs_make
@pytest.mark.parametrize("locale", ["en", "zh"])
def test_serve_previews_one_language_and_rebuilds_the_saved_page(locale: str) -> None:
    args = ["serve"] if locale == "en" else ["serve", f"LOCALE={locale}"]
    printed = _make_n(*args)
    assert printed.returncode == 0, printed.stderr
    assert _serve_line(printed.stdout) == [
        f"RNN_GUIDE_PREVIEW_LOCALE={locale}",
        *SERVE,
        "--dirty",
        "--no-strict",
    ]


@needs_make
def test_serve_all_builds_both_languages_in_full() -> None:
    printed = _make_n("serve", "LOCALE=all")
    assert printed.returncode == 0, printed.stderr
    assert _serve_line(printed.stdout) == SERVE


@needs_make
@pytest.mark.parametrize("value", ["fr", "", "en zh", "$(shell echo zh)", "zh; ls"])
def test_serve_refuses_an_unknown_locale_and_says_which_exist(value: str) -> None:
    printed = _make_n("serve", f"LOCALE={value}")
    assert printed.returncode == 2
    assert "LOCALE must be en, zh or all" in printed.stderr
    assert "mkdocs" not in printed.stdout


@needs_make
def test_a_locale_left_in_the_shell_does_not_reach_a_full_build() -> None:
    # A recipe of the Makefile's sees the variable only if make exports it.
    probe = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "--eval",
            'probe: ; @echo "[$$RNN_GUIDE_PREVIEW_LOCALE]"',
            "probe",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "RNN_GUIDE_PREVIEW_LOCALE": "zh"},
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == "[]"


def _built_locales(monkeypatch: pytest.MonkeyPatch, preview: str | None) -> dict[str, bool]:
    if preview is None:
        monkeypatch.delenv("RNN_GUIDE_PREVIEW_LOCALE", raising=False)
    else:
        monkeypatch.setenv("RNN_GUIDE_PREVIEW_LOCALE", preview)
    config = load_config(str(MKDOCS_YML))
    languages = config["plugins"]["i18n"].config["languages"]
    return {language.locale: language.build and language.default for language in languages} | {
        f"{language.locale} built": language.build for language in languages
    }


def test_without_a_preview_locale_both_languages_are_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = _built_locales(monkeypatch, None)
    assert built == {"en": True, "zh": False, "en built": True, "zh built": True}


def test_a_preview_locale_builds_that_language_alone_at_the_root(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = _built_locales(monkeypatch, "zh")
    assert built == {"en": False, "zh": True, "en built": False, "zh built": True}


def test_the_preview_is_mkdocs_yml_with_one_more_hook_and_mkdocs_yml_watched() -> None:
    # INHERIT replaces lists, so the preview repeats mkdocs.yml's hooks and watch list.
    site, preview = read_yaml(MKDOCS_YML), read_yaml(MKDOCS_PREVIEW_YML)
    assert preview == {
        "INHERIT": "mkdocs.yml",
        "hooks": [*site["hooks"], "tools/site/preview_hook.py"],
        "watch": [*site["watch"], "mkdocs.yml"],
    }


def test_the_preview_config_is_the_site_config_plus_the_hook(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("RNN_GUIDE_PREVIEW_LOCALE", raising=False)
    site, preview = load_config(str(MKDOCS_YML)), load_config(str(MKDOCS_PREVIEW_YML))
    assert list(preview["plugins"]) == [*site["plugins"], "tools/site/preview_hook.py"]
    for key in ("nav", "theme", "markdown_extensions", "docs_dir", "site_url", "strict"):
        assert preview[key] == site[key], key


def _preview_env(templates: Path) -> Environment:
    """A Jinja environment as a rebuild of the preview gets it: new, through the hook."""
    hook = load_config(str(MKDOCS_PREVIEW_YML))["plugins"]["tools/site/preview_hook.py"]
    env = Environment(loader=FileSystemLoader(templates), auto_reload=False)
    result: Environment = hook.on_env(env, config=None, files=None)
    return result


def test_the_preview_hook_keeps_templates_compiled_across_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))  # Jinja's cache folder
    (tmp_path / "tmp").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.parent.mkdir()
    page.write_text("{% for x in items %}{{ x }}{% endfor %}", encoding="utf-8")
    assert _preview_env(page.parent).get_template("page.html").render(items=[1, 2]) == "12"

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again: the bytecode cache was not used")

    again = _preview_env(page.parent)
    monkeypatch.setattr(again, "compile", no_compiling)
    assert again.get_template("page.html").render(items=[3]) == "3"

    page.write_text("{{ items | length }}", encoding="utf-8")  # an edited template
    edited = _preview_env(page.parent)
    assert edited.get_template("page.html").render(items=[1, 2]) == "2"


def test_without_a_usable_temporary_folder_the_preview_compiles_as_usual(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setattr("tempfile.tempdir", str(not_a_folder))
    page = tmp_path / "templates" / "page.html"
    page.parent.mkdir()
    page.write_text("{{ 1 + 1 }}", encoding="utf-8")
    env = _preview_env(page.parent)
    assert env.bytecode_cache is None
    assert env.get_template("page.html").render() == "2"
