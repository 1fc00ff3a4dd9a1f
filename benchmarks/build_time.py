"""How long the site takes to build, against the same Markdown under a bare Material config.

    .venv/bin/python benchmarks/build_time.py [--repeat 3] [--ablate]

Rows:
- bare en / bare zh: one language's pages copied to a temporary docs_dir and built
  with ``theme: material`` only (``plugins: []``, no hooks, no Markdown extensions),
  not strict.
- full, en only: the project's mkdocs.yml with the Chinese build switched off.
- full: ``mkdocs build --strict`` with the project's mkdocs.yml (both languages),
  exactly what ``make build`` runs, written to a temporary site_dir.

Goal: full <= 2.5 x bare en.  ``--ablate`` adds one en-only build per plugin or
hook left out, to show where the time goes, and the full build with the proposed
``ignore: ["*.md"]`` for mkdocs-jupyter.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import (
    BIN,
    ROOT,
    absolutize,
    dump_config,
    header,
    i18n_languages,
    load_config,
    machine,
    plugin_names,
    save,
    table,
    timed,
    verdict,
    warnings_in,
    without_plugin,
)

GOAL = 2.5


def bare_config(docs_dir: Path, site_dir: Path) -> dict[str, Any]:
    return {
        "site_name": "bare",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "theme": {"name": "material"},
        "plugins": [],
    }


PROPOSED = "proposed: full, mkdocs-jupyter ignore: ['*.md']"


def jupyter_ignores_markdown(config: dict[str, Any]) -> dict[str, Any] | None:
    plugins = []
    found = False
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "mkdocs-jupyter" in entry:
            entry = {"mkdocs-jupyter": {**entry["mkdocs-jupyter"], "ignore": ["*.md"]}}
            found = True
        plugins.append(entry)
    return {**config, "plugins": plugins} if found else None


def count_pages(docs: Path) -> int:
    return sum(1 for p in docs.rglob("*") if p.suffix in {".md", ".ipynb"})


def measure(repeat: int, ablate: bool, work: Path) -> dict[str, Any]:
    info = machine()
    mkdocs = BIN / "mkdocs"
    rows: list[dict[str, Any]] = []

    def build(
        name: str, config: Path | None, pages: int, strict: bool, site: Path, times: int = 0
    ) -> None:
        cmd: list[str | Path] = [mkdocs, "build", "-d", site]
        if config is not None:
            cmd += ["-f", config]
        if strict:
            cmd.append("--strict")
        seconds, runs = timed(cmd, times or repeat)
        last = runs[-1]
        rows.append(
            {
                "build": name,
                "pages": pages,
                "seconds": seconds,
                "runs": [round(r.seconds, 3) for r in runs],
                "per_page_ms": 1000 * seconds / max(pages, 1),
                "warnings": warnings_in(last.output),
                "ok": last.returncode == 0,
            }
        )
        print(f"   measured {name}: {seconds:.2f} s", file=sys.stderr)

    for lang in ("en", "zh"):
        docs = work / f"bare-{lang}" / "docs"
        shutil.copytree(ROOT / "docs" / lang, docs)
        config = dump_config(
            bare_config(docs, work / f"bare-{lang}" / "site"), work / f"bare-{lang}.yml"
        )
        build(f"bare {lang}", config, count_pages(docs), False, work / f"bare-{lang}" / "site")

    full = absolutize(load_config())
    full["strict"] = False  # the derived builds are timed, not judged
    en_pages = count_pages(ROOT / "docs" / "en")
    zh_pages = count_pages(ROOT / "docs" / "zh")
    en_only = dump_config(i18n_languages(full, ["en"]), work / "full-en.yml")
    build("full, en only (strict off)", en_only, en_pages, False, work / "site-en")
    build("full (mkdocs build --strict)", None, en_pages + zh_pages, True, work / "site-full")

    if ablate:
        base = i18n_languages(full, ["en"])
        variants: dict[str, dict[str, Any]] = {}
        for plugin in plugin_names(base):
            if plugin != "i18n":
                variants[f"en only, no {plugin}"] = without_plugin(base, plugin)
        for hook in base.get("hooks", []):
            rest = [h for h in base["hooks"] if h != hook]
            variants[f"en only, no hook {Path(hook).name}"] = {**base, "hooks": rest}
        for i, (name, config) in enumerate(variants.items()):
            path = dump_config(config, work / f"ablate-{i}.yml")
            build(name, path, en_pages, False, work / "site-ablate", times=1)
        # The proposed fix: mkdocs-jupyter reads every .md page with jupytext (twice) to
        # look for notebook front matter unless the page matches its `ignore` patterns.
        proposed = jupyter_ignores_markdown(full)
        if proposed is not None:
            path = dump_config(proposed, work / "proposed.yml")
            build(PROPOSED, path, en_pages + zh_pages, False, work / "site-proposed")

    by_name = {r["build"]: r for r in rows}
    full_s = by_name["full (mkdocs build --strict)"]["seconds"]
    bare_en = by_name["bare en"]["seconds"]
    bare_zh = by_name["bare zh"]["seconds"]
    en_only_s = by_name["full, en only (strict off)"]["seconds"]
    proposed_s = by_name.get(PROPOSED, {}).get("seconds")
    return {
        "machine": info,
        "repeat": repeat,
        "rows": rows,
        "ratio_proposed_to_bare_en": proposed_s / bare_en if proposed_s else None,
        "ratio_full_to_bare_en": full_s / bare_en,
        "ratio_full_to_bare_both": full_s / (bare_en + bare_zh),
        "ratio_en_only_to_bare_en": en_only_s / bare_en,
        "zh_cost_seconds": full_s - en_only_s,
        "goal": GOAL,
    }


def report(result: dict[str, Any]) -> str:
    rows = result["rows"]
    bare_en = rows[0]["seconds"]
    out = [
        header(
            "Build time: full site vs bare Material",
            result["machine"],
            f"median of {result['repeat']} runs per row (rows 'en only, no ...': one run);"
            " 'x bare' = seconds / bare en",
        ),
        table(
            ["build", "pages", "median s", "x bare", "ms/page", "runs (s)", "warnings", "exit"],
            [
                [
                    r["build"],
                    r["pages"],
                    r["seconds"],
                    r["seconds"] / bare_en,
                    r["per_page_ms"],
                    " ".join(f"{s:.2f}" for s in r["runs"]),
                    r["warnings"],
                    "ok" if r["ok"] else "failed",
                ]
                for r in rows
            ],
        ),
        f"   full / bare en: {verdict(result['ratio_full_to_bare_en'], GOAL, 'x')}",
        f"   full / (bare en + bare zh): {result['ratio_full_to_bare_both']:.2f}x;"
        f" en only / bare en: {result['ratio_en_only_to_bare_en']:.2f}x;"
        f" the zh build adds {result['zh_cost_seconds']:.2f} s",
    ]
    if result.get("ratio_proposed_to_bare_en"):
        out.append(
            "   with mkdocs-jupyter ignoring *.md (proposed):"
            f" {result['ratio_proposed_to_bare_en']:.2f}x bare en"
        )
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
