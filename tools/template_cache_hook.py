"""MkDocs hook: compiled Jinja templates kept between builds.

Every build compiles about 80 templates twice (once per language): Material's page
templates and mkdocstrings' templates for the API page. Compiling them is about 0.7 s
of a build. Jinja can keep the compiled code on disk and reuse it while a template's
source is unchanged (it compares a checksum of the source, and the Jinja and Python
versions), so a warm build compiles nothing.

Each environment gets its own directory under ``.cache/jinja/`` (see
tools/build_cache.py), because compiled code depends on the environment's settings
(mkdocstrings escapes HTML, the theme does not). Registered in mkdocs.yml under ``hooks:``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.build_cache import cache_dir as build_cache

log = logging.getLogger("mkdocs.hooks.template_cache")


def keep_compiled(env: Environment, name: str, cache_dir: Path | None = None) -> None:
    """Let ``env`` reuse templates compiled by an earlier build (in ``cache_dir/name``)."""
    directory = (cache_dir or build_cache("jinja")) / name
    directory.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(directory))


def on_pre_build(config: Any) -> None:
    """mkdocstrings' environment: it renders the API page before ``on_env``."""
    plugin = config.plugins.get("mkdocstrings")
    if plugin is None:
        return
    try:
        handler = plugin.get_handler("python")
    except Exception as error:  # mkdocstrings reports its own errors when it renders
        log.debug("no template cache for mkdocstrings: %s", error)
        return
    keep_compiled(handler.env, "mkdocstrings-python")


@event_priority(100)  # before any plugin's on_env can load a template
def on_env(env: Environment, config: Any, files: Any) -> Environment:
    """The theme's environment, before any page template is loaded."""
    keep_compiled(env, "theme")
    return env
