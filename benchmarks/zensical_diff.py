"""Build the English site with Zensical and print what differs from the Material build.

    .venv/bin/python -m benchmarks.zensical_diff [--zensical /tmp/zensical-venv/bin/zensical]

Zensical (the successor of Material for MkDocs, 0.1.x on PyPI) reads ``mkdocs.yml`` but
runs no ``hooks:`` and has no mkdocs-static-i18n. It is not a dependency of the project:
install it in a venv of its own (``python3 -m venv /tmp/zensical-venv &&
/tmp/zensical-venv/bin/pip install 'zensical<0.2'``) and pass its executable.

Both builds go into a scratch folder: the project's own ``mkdocs build`` (its root is
the English site), and Zensical on a copy of ``mkdocs.yml`` that reads ``docs/en``
directly, without the i18n plugin. The script prints, for each: the pages written, the
navigation of the home page, the search index, the API page and the notebook page.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from benchmarks.common import (
    BIN,
    Tagged,
    absolutize,
    dump_config,
    header,
    load_config,
    run,
    snapshot,
    table,
    without_plugin,
)

NOTEBOOK = "tutorials/char-model/index.html"
API = "reference/api/shapes/index.html"  # one module page of the API reference


class _Links(HTMLParser):
    """The link targets inside the primary navigation of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag == "nav" and ("md-nav--primary" in classes or self.depth):
            self.depth += 1
        elif tag == "a" and self.depth and "md-nav__link" in classes:
            href = (dict(attrs).get("href") or "").removeprefix("./")
            self.links.append(href.rstrip("/") or ".")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            self.depth -= 1


def pages(site: Path) -> set[str]:
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if not p.relative_to(site).as_posix().startswith(("zh/", "assets/"))
    }


def navigation(site: Path) -> list[str]:
    parser = _Links()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    return list(dict.fromkeys(parser.links))


def search(site: Path) -> dict[str, Any]:
    for candidate in ("search/search_index.json", "search.json"):
        path = site / candidate
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            docs = data.get("docs", data.get("items", []))
            english = [d for d in docs if not str(d.get("location", "")).startswith("zh/")]
            return {"file": candidate, "entries": len(english), "bytes": path.stat().st_size}
    found = sorted(p.relative_to(site).as_posix() for p in site.rglob("*search*"))
    return {"file": "none (" + ", ".join(found[:3]) + ")", "entries": 0, "bytes": 0}


def api_page(site: Path) -> dict[str, Any]:
    path = site / API
    if not path.exists():
        return {"written": False}
    html = path.read_text(encoding="utf-8")
    return {
        "written": True,
        "objects": html.count('class="doc doc-object'),
        "anchors": len(re.findall(r'id="rnn_guide\.[\w.]+"', html)),
        "raw ::: left": "::: rnn_guide" in html,
    }


def notebook_page(site: Path) -> dict[str, Any]:
    path = site / NOTEBOOK
    if not path.exists():
        return {"written": False}
    html = path.read_text(encoding="utf-8")
    return {
        "written": True,
        "code cells": html.count("jp-CodeCell") or html.count('class="language-python highlight"'),
        "inline <style>": html.count("<style"),
        "raw JSON": '"cell_type"' in html,
        "kB": round(len(html.encode()) / 1000),
    }


def material_build(site: Path) -> str:
    result = run([BIN / "mkdocs", "build", "--no-strict", "-d", site])
    return f"rc {result.returncode}, {result.seconds:.1f} s"


def plain(value: Any) -> Any:
    """``value`` with MkDocs' YAML tags resolved (Zensical reads no ``!relative``)."""
    if isinstance(value, Tagged):
        if value.tag == "!ENV":
            name, default = value.value if isinstance(value.value, list) else (value.value, None)
            return os.environ.get(name, default)
        if value.tag == "!relative":
            return "."
        return value.value
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def zensical_build(zensical: str, work: Path, site: Path) -> str:
    # Zensical wants docs_dir inside the folder of its configuration: a copy of the project.
    project = snapshot(work / "project")
    config = plain(absolutize(without_plugin(load_config(), "i18n"), root=project))
    config["docs_dir"] = "docs/en"
    config["site_dir"] = "site"  # it wants site_dir inside that folder too
    config["strict"] = False  # compare what it writes; its warnings are in the log
    path = dump_config(config, project / "mkdocs.yml")
    # The project's own Markdown extension (tools/site/cjk_breaks) is importable, as in .venv.
    env = {"PYTHONPATH": str(project / "tools" / "site" / "cjk_breaks")}
    result = run([zensical, "build", "-f", path], cwd=project, env=env, timeout=900)
    if (project / "site").exists():
        shutil.move(project / "site", site)
    (work / "zensical.log").write_text(result.output, encoding="utf-8")
    warnings = sum("Warning:" in line for line in result.output.splitlines())
    return (
        f"rc {result.returncode}, {result.seconds:.1f} s, {warnings} warnings;"
        f" log: {work / 'zensical.log'}"
    )


def hook_output(site: Path) -> dict[str, Any]:
    """What the project's hooks add, which Zensical does not run."""
    home = (site / "index.html").read_text(encoding="utf-8")
    page = site / "explanation/output-vs-h-n/index.html"
    code = page.read_text(encoding="utf-8") if page.exists() else ""
    return {
        "footer stamp": "rg-stamp" in home,
        "focusable code": code.count('<code tabindex="0">'),
        "404 heading": "404: page not found" in _read(site / "404.html"),
    }


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def compare(material: Path, zensical: Path) -> list[list[Any]]:
    rows: list[list[Any]] = []
    ours, theirs = pages(material), pages(zensical)
    rows.append(["pages", len(ours), len(theirs), _only(ours, theirs)])
    nav_m, nav_z = navigation(material), navigation(zensical) if theirs else []
    rows.append(["navigation links (home)", len(nav_m), len(nav_z), _only(set(nav_m), set(nav_z))])
    rows.append(["search", _search(search(material)), _search(search(zensical)), ""])
    rows.append(["API page", _short(api_page(material)), _short(api_page(zensical)), ""])
    notebooks = _short(notebook_page(material)), _short(notebook_page(zensical))
    rows.append(["notebook page", *notebooks, ""])
    rows.append(["hooks' output", _short(hook_output(material)), _short(hook_output(zensical)), ""])
    return rows


def _only(ours: set[str], theirs: set[str]) -> str:
    missing, extra = sorted(ours - theirs), sorted(theirs - ours)
    parts = []
    if missing:
        parts.append(f"only Material: {', '.join(missing[:4])}{' ...' if len(missing) > 4 else ''}")
    if extra:
        parts.append(f"only Zensical: {', '.join(extra[:4])}{' ...' if len(extra) > 4 else ''}")
    return "; ".join(parts) or "same"


def _search(facts: dict[str, Any]) -> str:
    return f"{facts['file']}: {facts['entries']} entries, {facts['bytes']} bytes"


def _short(facts: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in facts.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zensical", default="/tmp/zensical-venv/bin/zensical")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = parser.parse_args(argv)
    if shutil.which(args.zensical) is None:
        print(f"no Zensical at {args.zensical}: see this script's docstring", file=sys.stderr)
        return 2
    version = run([args.zensical, "--version"]).output.strip()
    with tempfile.TemporaryDirectory(prefix="rnn-guide-zensical-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        material, zensical = work / "material", work / "zensical"
        built = [material_build(material), zensical_build(args.zensical, work, zensical)]
        print(header("Zensical against Material: the English site", note=f"zensical {version}"))
        print(f"   Material build: {built[0]}\n   Zensical build: {built[1]}")
        print(table(["what", "Material", "Zensical", "difference"], compare(material, zensical)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
