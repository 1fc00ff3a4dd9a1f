"""How long the site takes to build, against the same Markdown under a bare Material config.

    .venv/bin/python -m benchmarks.build_time [--repeat 3] [--ablate]

Rows:
- bare: every page of docs/ (both languages, as plain pages) built with
  ``theme: material``, the project's Markdown extensions and nothing else: no plugins,
  no hooks, not strict. The difference to the full build is what the plugins and hooks
  cost (search with Chinese segmentation, i18n, mkdocstrings, mkdocs-jupyter, autorefs,
  the stamp, the notebook clean-up). This is the goal's baseline.
- bare, no extensions: the same without the Markdown extensions (no highlighting,
  admonitions or tabs), for reference.
- full, cold caches: the project's mkdocs.yml with mkdocs-jupyter's cache off, as in a
  clean clone's first build.
- full, en only: the project's mkdocs.yml with the Chinese build switched off.
- full: ``mkdocs build --strict`` with the project's mkdocs.yml (both languages),
  exactly what ``make build`` runs, written to a temporary site_dir. Notebooks come
  from mkdocs-jupyter's cache (.cache/mkdocs-jupyter) after the first run.

Goal: full <= 2.5 x bare.  ``--ablate`` adds one en-only build per plugin or hook left
out, to show where the time goes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.common import (
    BIN,
    Run,
    absolutize,
    dump_config,
    header,
    i18n_languages,
    load_config,
    machine,
    plugin_names,
    run,
    save,
    table,
    verdict,
    warnings_in,
    without_plugin,
)
from tools.paths import DOCS

GOAL = 2.5


def bare_config(site_dir: Path, project: dict[str, Any], extensions: bool) -> dict[str, Any]:
    """Material and (optionally) the project's Markdown extensions; no plugins or hooks."""
    config: dict[str, Any] = {
        "site_name": "bare",
        "docs_dir": str(DOCS),
        "site_dir": str(site_dir),
        "theme": {"name": "material"},
        "plugins": [],
    }
    if extensions:
        config["markdown_extensions"] = project.get("markdown_extensions", [])
    return config


def notebook_cache_off(config: dict[str, Any]) -> dict[str, Any]:
    plugins = []
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "mkdocs-jupyter" in entry:
            entry = {"mkdocs-jupyter": {**entry["mkdocs-jupyter"], "cache": False}}
        plugins.append(entry)
    return {**config, "plugins": plugins}


def count_pages(docs: Path, notebooks: bool = True) -> int:
    kinds = {".md", ".ipynb"} if notebooks else {".md"}
    return sum(1 for p in docs.rglob("*") if p.suffix in kinds)


BARE = "bare: Material + the Markdown extensions"
BARE_PLAIN = "bare, no Markdown extensions"
COLD = "full, cold caches (strict off)"
EN_ONLY = "full, en only (strict off)"
FULL = "full (mkdocs build --strict)"


def measure(repeat: int, ablate: bool, work: Path) -> dict[str, Any]:
    info = machine()
    mkdocs = BIN / "mkdocs"

    def command(config: Path | None, site: Path, strict: bool) -> list[str | Path]:
        cmd: list[str | Path] = [mkdocs, "build", "-d", site]
        if config is not None:
            cmd += ["-f", config]
        if strict:
            cmd.append("--strict")
        return cmd

    project = load_config()
    docs = DOCS
    en_pages = count_pages(docs / "en")
    full = absolutize(project)
    full["strict"] = False  # the derived builds are timed, not judged
    # name -> (command, pages)
    main: dict[str, tuple[list[str | Path], int]] = {}
    # name -> extra environment for each run (the cold row gets an empty cache directory)
    environment: dict[str, Callable[[], dict[str, str]]] = {
        COLD: lambda: {"RNN_GUIDE_CACHE_DIR": tempfile.mkdtemp(dir=work, prefix="cache-")}
    }
    for name, extensions in ((BARE, True), (BARE_PLAIN, False)):
        site = work / f"bare-{int(extensions)}"
        bare = dump_config(bare_config(site, project, extensions), work / f"{site.name}.yml")
        main[name] = (command(bare, site, False), count_pages(docs, notebooks=False))
    cold = dump_config(notebook_cache_off(full), work / "cold.yml")
    main[COLD] = (command(cold, work / "site-cold", False), count_pages(docs))
    en_only = dump_config(i18n_languages(full, ["en"]), work / "full-en.yml")
    main[EN_ONLY] = (command(en_only, work / "site-en", False), en_pages)
    main[FULL] = (command(None, work / "site-full", True), count_pages(docs))

    # Round robin: every round builds each row once, so a change in the machine's load
    # hits all rows alike; the ratio is the median of the rounds' ratios.
    runs: dict[str, list[Run]] = {name: [] for name in main}
    for _ in range(repeat):
        for name, (cmd, _pages) in main.items():
            runs[name].append(run(cmd, env=environment.get(name, dict)()))
    rows: list[dict[str, Any]] = []

    def add(name: str, pages: int, done: list[Run]) -> None:
        seconds = statistics.median(r.seconds for r in done)
        rows.append(
            {
                "build": name,
                "pages": pages,
                "seconds": seconds,
                "cpu_seconds": statistics.median(r.cpu for r in done),
                "runs": [round(r.seconds, 3) for r in done],
                "per_page_ms": 1000 * seconds / max(pages, 1),
                "warnings": warnings_in(done[-1].output),
                "ok": done[-1].returncode == 0,
            }
        )
        print(f"   measured {name}: {seconds:.2f} s", file=sys.stderr)

    for name, (_cmd, pages) in main.items():
        add(name, pages, runs[name])

    if ablate:
        base = i18n_languages(full, ["en"])
        variants: dict[str, dict[str, Any]] = {}
        for plugin in plugin_names(base):
            if plugin != "i18n":
                variants[f"en only, no {plugin}"] = without_plugin(base, plugin)
        for hook in base.get("hooks", []):
            rest = [h for h in base["hooks"] if h != hook]
            variants[f"en only, no hook {Path(hook).name}"] = {**base, "hooks": rest}
        for i, (name, variant) in enumerate(variants.items()):
            path = dump_config(variant, work / f"ablate-{i}.yml")
            add(name, en_pages, [run(command(path, work / "site-ablate", False))])

    def ratio(top: str, bottom: str) -> float:
        pairs = zip(runs[top], runs[bottom], strict=True)
        return statistics.median(a.seconds / b.seconds for a, b in pairs)

    return {
        "machine": info,
        "repeat": repeat,
        "rows": rows,
        "ratio_full_to_bare": ratio(FULL, BARE),
        "ratio_full_to_bare_rounds": [
            round(a.seconds / b.seconds, 2) for a, b in zip(runs[FULL], runs[BARE], strict=True)
        ],
        "ratio_cold_to_bare": ratio(COLD, BARE),
        "ratio_full_to_bare_plain": ratio(FULL, BARE_PLAIN),
        "zh_cost_seconds": statistics.median(
            a.seconds - b.seconds for a, b in zip(runs[FULL], runs[EN_ONLY], strict=True)
        ),
        "goal": GOAL,
    }


def report(result: dict[str, Any]) -> str:
    rows = result["rows"]
    bare = rows[0]["seconds"]
    out = [
        header(
            "Build time: full site vs bare Material",
            result["machine"],
            f"{result['repeat']} rounds, each building every row once (rows 'en only, no ...':"
            " one run after them); medians; 'cpu s' = user + system time of the build and"
            " its child processes (the batching measurement runs beside the full builds);"
            f" 'x bare' = seconds / '{BARE}'; bare builds have no notebook pages",
        ),
        table(
            [
                "build",
                "pages",
                "median s",
                "x bare",
                "cpu s",
                "ms/page",
                "runs (s)",
                "warnings",
                "exit",
            ],
            [
                [
                    r["build"],
                    r["pages"],
                    r["seconds"],
                    r["seconds"] / bare,
                    r["cpu_seconds"],
                    r["per_page_ms"],
                    " ".join(f"{s:.2f}" for s in r["runs"]),
                    r["warnings"],
                    "ok" if r["ok"] else "failed",
                ]
                for r in rows
            ],
        ),
        f"   full / bare: {verdict(result['ratio_full_to_bare'], GOAL, 'x')}"
        f" (median of the rounds: {' '.join(map(str, result['ratio_full_to_bare_rounds']))})",
        f"   cold caches / bare: {result['ratio_cold_to_bare']:.2f}x;"
        f" full / bare without extensions: {result['ratio_full_to_bare_plain']:.2f}x;"
        f" the zh build adds {result['zh_cost_seconds']:.2f} s",
    ]
    if any(not r["ok"] for r in rows):
        out.append(
            "   'failed' = the strict build aborted on its warnings at the end; the site was"
            " still fully built, so the time counts"
        )
    out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per row (median; >= 2)")
    parser.add_argument("--ablate", action="store_true", help="also time each plugin left out")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rnn-guide-build-") as tmp:
        result = measure(max(args.repeat, 2), args.ablate, Path(tmp))
    print(report(result))
    save("build_time", result)
    return result


if __name__ == "__main__":
    main()
