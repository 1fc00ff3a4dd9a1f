"""`make serve` previews one language with dirty rebuilds; every other build is full.

The time it takes is benchmarks/preview.py's to report; these tests check what runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from mkdocs.config import load_config

from tools.paths import MKDOCS_YML, ROOT

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
        ".venv/bin/mkdocs",
        "serve",
        "--dev-addr",
        "127.0.0.1:8000",
        "--livereload",
        "--dirty",
        "--no-strict",
    ]


@needs_make
def test_serve_all_builds_both_languages_in_full() -> None:
    printed = _make_n("serve", "LOCALE=all")
    assert printed.returncode == 0, printed.stderr
    assert _serve_line(printed.stdout) == [
        ".venv/bin/mkdocs",
        "serve",
        "--dev-addr",
        "127.0.0.1:8000",
        "--livereload",
    ]


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
