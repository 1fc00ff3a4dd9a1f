"""How build time and doc-suite time grow when the docs grow: x1, x5, x10 copies of the pages.

    .venv/bin/python -m benchmarks.scaling [--pages 6] [--factors 1 5 10] [--repeat 1]

A temporary copy of the project gets its pages multiplied: for x N, N - 1 extra copies of
every chosen page of docs/en and docs/zh live under docs/<lang>/copy<k>/ (with the
language's assets, so relative links and figures still resolve), and each copy is a
section of the temporary mkdocs.yml's nav, as a real, bigger site would have.  The
examples in the copies run for real.  Measured per factor: one ``mkdocs build`` (not
strict: links to pages left out of the subset warn) and one serial ``pytest docs`` run.

``--pages N`` keeps N pages per language (spread evenly over the sorted page list, the
home page first) so that x10 stays within minutes; ``--pages 0`` keeps every page.
The API reference page (it renders the package, which does not grow with the docs) and
notebooks (the doc suite does not run them; tests/test_notebooks.py does) are left out.

Goal: x10 / x1 <= 11 for both the build and the doc suite.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import (
    BIN,
    absolutize,
    dump_config,
    header,
    load_config,
    machine,
    run,
    save,
    snapshot,
    table,
    verdict,
    warnings_in,
)
from benchmarks.suite import timed_pytest

GOAL = 11.0
LANGS = ("en", "zh")
LEFT_OUT = "reference/api/"  # the API pages are not copied with the docs


def choose_pages(docs: Path, keep: int) -> list[str]:
    """Pages (relative to docs/<lang>) in both languages; ``keep`` of them, spread evenly."""
    en = {p.relative_to(docs / "en").as_posix() for p in (docs / "en").rglob("*.md")}
    zh = {p.relative_to(docs / "zh").as_posix() for p in (docs / "zh").rglob("*.md")}
    pages = sorted(
        (p for p in en & zh if not p.startswith(LEFT_OUT)), key=lambda p: (p != "index.md", p)
    )
    if keep <= 0 or keep >= len(pages):
        return pages
    step = len(pages) / keep
    return [pages[int(i * step)] for i in range(keep)]


def build_project(work: Path, pages: list[str], factor: int) -> Path:
    """A copy of the project whose docs hold ``factor`` copies of ``pages`` in each language."""
    project = work / f"x{factor}"
    shutil.copytree(work / "base", project)
    docs = project / "docs"
    for lang in LANGS:
        source = work / "base" / "docs" / lang
        # Keep only the chosen pages (and every non-page file: assets, figures).
        for path in sorted(source.rglob("*")):
            rel = path.relative_to(source).as_posix()
            target = docs / lang / rel
            if path.suffix in {".md", ".ipynb"} and rel not in pages:
                target.unlink()
        assets = [p for p in source.rglob("*") if p.is_file() and p.suffix not in {".md", ".ipynb"}]
        for k in range(2, factor + 1):
            copy = docs / lang / f"copy{k}"
            for rel in pages:
                (copy / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source / rel, copy / rel)
            for path in assets:
                target = copy / path.relative_to(source)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
    config = absolutize(load_config(project / "mkdocs.yml"), project)
    config["strict"] = False
    config["site_dir"] = str(work / f"site-x{factor}")
    config.setdefault("validation", {}).setdefault("nav", {})["omitted_files"] = "ignore"
    config["nav"] = [{"Home": "index.md"}] if "index.md" in pages else []
    config["nav"] += [p for p in pages if p != "index.md"]
    for k in range(2, factor + 1):
        config["nav"].append({f"Copy {k}": [f"copy{k}/{p}" for p in pages]})
    dump_config(config, project / "mkdocs.yml")
    return project


def measure(keep: int, factors: list[int], repeat: int, work: Path) -> dict[str, Any]:
    info = machine()
    snapshot(work / "base")
    pages = choose_pages(work / "base" / "docs", keep)
    rows: list[dict[str, Any]] = []
    for factor in factors:
        project = build_project(work, pages, factor)
        n_pages = len(pages) * len(LANGS) * factor
        builds = [run([BIN / "mkdocs", "build"], cwd=project) for _ in range(repeat)]
        build_s = statistics.median(b.seconds for b in builds)
        print(f"   measured x{factor} build: {build_s:.2f} s", file=sys.stderr)
        suites = [timed_pytest(["docs"], cwd=project) for _ in range(repeat)]
        suite_s = statistics.median(s["wall"] for s in suites)
        suite = suites[0]
        print(f"   measured x{factor} doc suite: {suite_s:.2f} s", file=sys.stderr)
        rows.append(
            {
                "factor": factor,
                "pages": n_pages,
                "build_s": build_s,
                "build_ok": builds[-1].returncode == 0,
                "build_warnings": warnings_in(builds[-1].output),
                "suite_s": suite_s,
                "suite_ok": suite["ok"],
                "examples": suite["examples"],
                "exec_s": suite["exec_s"],
                "overhead_per_example_ms": suite["overhead_per_example_ms"],
            }
        )
        shutil.rmtree(project)
        shutil.rmtree(work / f"site-x{factor}", ignore_errors=True)
    first, last = rows[0], rows[-1]
    return {
        "machine": info,
        "pages_per_language": pages,
        "all_pages": keep <= 0,
        "repeat": repeat,
        "rows": rows,
        "build_ratio": last["build_s"] / first["build_s"],
        "suite_ratio": last["suite_s"] / first["suite_s"],
        "factor_ratio": last["factor"] / first["factor"],
        "goal": GOAL,
    }


def report(result: dict[str, Any]) -> str:
    pages = result["pages_per_language"]
    subset = (
        f"all {len(pages)} pages per language"
        if result["all_pages"]
        else f"a subset of {len(pages)} pages per language: {', '.join(pages)}"
    )
    rows = result["rows"]
    first, last = rows[0], rows[-1]
    lines = [
        header(
            "Scaling: the docs multiplied",
            result["machine"],
            f"{subset}\n(the API pages and notebooks left out); median of {result['repeat']}"
            " run(s); build not strict; doc suite = serial `pytest docs` (pages only)",
        ),
        table(
            [
                "docs",
                "pages",
                "build s",
                "build ms/page",
                "build x",
                "examples",
                "suite s",
                "suite ms/page",
                "suite x",
                "overhead ms/ex",
            ],
            [
                [
                    f"x{r['factor']}",
                    r["pages"],
                    r["build_s"],
                    1000 * r["build_s"] / r["pages"],
                    r["build_s"] / first["build_s"],
                    r["examples"],
                    r["suite_s"],
                    1000 * r["suite_s"] / r["pages"],
                    r["suite_s"] / first["suite_s"],
                    r["overhead_per_example_ms"],
                ]
                for r in rows
            ],
        ),
        f"   build x{last['factor']}/x{first['factor']}: "
        + verdict(result["build_ratio"], GOAL, "x"),
        f"   doc suite x{last['factor']}/x{first['factor']}: "
        + verdict(result["suite_ratio"], GOAL, "x"),
    ]
    added = last["pages"] - first["pages"]
    if added > 0:
        lines.append(
            "   each added page costs (marginal):"
            f" build {1000 * (last['build_s'] - first['build_s']) / added:.0f} ms,"
            f" doc suite {1000 * (last['suite_s'] - first['suite_s']) / added:.0f} ms;"
            f" the x{first['factor']} times include the fixed start-up costs"
        )
    failed = [f"x{r['factor']}" for r in rows if not r["suite_ok"]]
    if failed:
        lines.append(f"   (some examples failed in {', '.join(failed)}: pages still being written)")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=6, help="pages per language (0: all)")
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 5, 10])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rnn-guide-scaling-") as tmp:
        result = measure(args.pages, sorted(args.factors), max(args.repeat, 1), Path(tmp))
    print(report(result))
    save("scaling", result)
    return result


if __name__ == "__main__":
    main()
