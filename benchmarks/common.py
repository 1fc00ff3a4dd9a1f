"""Shared pieces of the benchmark scripts: the machine header, timing, tables, results.

The scripts are run by ``make bench`` (or one by one with ``.venv/bin/python
benchmarks/<name>.py``); they are measurements, not tests, and never run under
``make test``.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from tools.paths import MKDOCS_YML, RESULTS, ROOT

BIN = Path(sys.executable).parent  # the venv's bin/ when run as .venv/bin/python

# Every child process sees the same quiet, bytecode-free environment as `make test`.
BASE_ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONDONTWRITEBYTECODE": "1",
}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def load() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "n/a"
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def _cpu_times() -> tuple[int, int] | None:
    """(busy, total) jiffies of all cores since boot, from /proc/stat (Linux only)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields) - idle, sum(fields)


def busy(seconds: float = 1.0) -> float | None:
    """The share of the machine's CPU time used in the next ``seconds``, 0 to 1 (None
    where /proc/stat is not there)."""
    before = _cpu_times()
    time.sleep(seconds)
    after = _cpu_times()
    if before is None or after is None or after[1] == before[1]:
        return None
    return (after[0] - before[0]) / (after[1] - before[1])


def settle(limit: float, below: float = 0.15) -> float | None:
    """Wait up to ``limit`` seconds for a second in which less than ``below`` of the CPU
    is busy (other work on a shared machine moves timings most); the last share seen."""
    deadline = time.monotonic() + limit
    share = busy()
    while share is not None and share >= below and time.monotonic() < deadline:
        share = busy()
    return share


def machine() -> dict[str, Any]:
    """What the numbers were measured on; printed above every table and saved with it."""
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "torch": package_version("torch"),
        "mkdocs": package_version("mkdocs"),
        "platform": platform.platform(terse=True),
        "load_at_start": load(),
    }


def header(title: str, info: Mapping[str, Any] | None = None, note: str = "") -> str:
    info = info or machine()
    lines = [
        "",
        f"== {title}",
        f"   machine: {info['cpu']}, {info['cores']} cores ({info['platform']})",
        f"   python {info['python']}, torch {info['torch']}, mkdocs {info['mkdocs']}",
        f"   load average (1/5/15 min) at start: {info['load_at_start']}, now: {load()}",
    ]
    if note:
        lines += [f"   {part}" for part in note.splitlines()]
    return "\n".join(lines)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A plain-text table; numbers right-aligned."""
    cells = [[str(h) for h in headers]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [
        all(isinstance(row[i], (int, float)) for row in rows if row[i] != "")
        for i in range(len(headers))
    ]

    def line(row: Sequence[str]) -> str:
        return "  ".join(
            cell.rjust(w) if num else cell.ljust(w)
            for cell, w, num in zip(row, widths, numeric, strict=True)
        ).rstrip()

    out = [line(cells[0]), line(["-" * w for w in widths])]
    out += [line(row) for row in cells[1:]]
    return "\n".join("   " + row for row in out)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        if value == 0:
            return "0"
        if abs(value) >= 100:
            return f"{value:.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}"
    return str(value)


@dataclass
class Run:
    seconds: float  # wall clock
    returncode: int
    output: str
    cpu: float = 0.0  # user + system seconds of the command and its children


def run(
    cmd: Sequence[str | os.PathLike[str]],
    cwd: Path = ROOT,
    env: Mapping[str, str] | None = None,
    timeout: float = 900,
) -> Run:
    """Run a command, wall-clock it, keep its combined output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env={**BASE_ENV, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(seconds, proc.returncode, proc.stdout, cpu)


def timed(
    cmd: Sequence[str | os.PathLike[str]],
    repeat: int,
    cwd: Path = ROOT,
    env: Mapping[str, str] | None = None,
) -> tuple[float, list[Run]]:
    """Median wall time of ``repeat`` runs of a command, and the runs themselves."""
    runs = [run(cmd, cwd=cwd, env=env) for _ in range(repeat)]
    return statistics.median(r.seconds for r in runs), runs


def warnings_in(output: str) -> int:
    return sum(1 for line in output.splitlines() if line.startswith("WARNING"))


def save(name: str, data: Mapping[str, Any]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def fresh_dir(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


SNAPSHOT_SKIP = {
    ".venv",
    ".git",
    "site",
    "benchmarks",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".hypothesis",
}


def snapshot(dest: Path, root: Path = ROOT) -> Path:
    """Copy the project (no venv, site, caches, benchmarks) so every run sees the same files."""

    def keep(info: tarfile.TarInfo) -> tarfile.TarInfo | None:
        return None if "__pycache__" in Path(info.name).parts else info

    dest.mkdir(parents=True, exist_ok=True)
    archive = dest.parent / f"{dest.name}.tar"
    with tarfile.open(archive, "w") as tar:
        for path in sorted(root.iterdir()):
            if path.name not in SNAPSHOT_SKIP:
                tar.add(path, arcname=path.name, filter=keep)
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
    archive.unlink()
    # The committed measurements: the batching page includes its table from there.
    shutil.copytree(root / "benchmarks" / "results", dest / "benchmarks" / "results")
    return dest


def verdict(value: float, goal: float, unit: str = "") -> str:
    ok = "met" if value <= goal else "NOT met"
    return f"{value:.2f}{unit} (goal <= {goal:g}{unit}: {ok})"


# ---------------------------------------------------------------- mkdocs.yml copies
class Tagged:
    """A YAML value with a custom tag (``!ENV [...]``, ``!!python/name:...``), kept as is."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


def load_config(path: Path = MKDOCS_YML) -> dict[str, Any]:
    """Read mkdocs.yml keeping its custom tags, so a modified copy can be written back."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def construct(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> Tagged:
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            return Tagged(tag, loader.construct_scalar(node))
        if isinstance(node, yaml.SequenceNode):
            return Tagged(tag, loader.construct_sequence(node, deep=True))
        if isinstance(node, yaml.MappingNode):
            return Tagged(tag, loader.construct_mapping(node, deep=True))
        raise yaml.constructor.ConstructorError(None, None, f"cannot read {tag}", node.start_mark)

    Loader.add_multi_constructor("", construct)
    data: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    return data


def dump_config(config: Mapping[str, Any], path: Path) -> Path:
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def represent(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
        if isinstance(data.value, list):
            return dumper.represent_sequence(data.tag, data.value)
        if isinstance(data.value, dict):
            return dumper.represent_mapping(data.tag, data.value)
        return dumper.represent_scalar(data.tag, data.value)

    Dumper.add_representer(Tagged, represent)
    path.write_text(
        yaml.dump(dict(config), Dumper=Dumper, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return path


def absolutize(config: dict[str, Any], root: Path = ROOT) -> dict[str, Any]:
    """Make the config's project-relative paths absolute, so the copy can live elsewhere."""
    config = dict(config)
    config["docs_dir"] = str(root / config.get("docs_dir", "docs"))
    theme = config.get("theme")
    if isinstance(theme, dict) and "custom_dir" in theme:
        config["theme"] = {**theme, "custom_dir": str(root / theme["custom_dir"])}
    for key in ("hooks", "watch"):
        if key in config:
            config[key] = [str(root / h) for h in config[key]]
    plugins = []
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "mkdocstrings" in entry:
            handlers = entry["mkdocstrings"].get("handlers", {})
            python = handlers.get("python", {})
            if "paths" in python:
                python["paths"] = [str(root / p) for p in python["paths"]]
        plugins.append(entry)
    config["plugins"] = plugins
    return config


def plugin_names(config: Mapping[str, Any]) -> list[str]:
    return [next(iter(p)) if isinstance(p, dict) else str(p) for p in config.get("plugins", [])]


def without_plugin(config: dict[str, Any], name: str) -> dict[str, Any]:
    config = dict(config)
    config["plugins"] = [
        p
        for p in config.get("plugins", [])
        if (next(iter(p)) if isinstance(p, dict) else p) != name
    ]
    return config


def i18n_languages(config: dict[str, Any], build: Sequence[str]) -> dict[str, Any]:
    """A copy of the config whose i18n plugin builds only the given locales."""
    config = dict(config)
    plugins = []
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and "i18n" in entry:
            opts = dict(entry["i18n"])
            opts["languages"] = [
                {**lang, "build": lang["locale"] in build} for lang in opts.get("languages", [])
            ]
            entry = {"i18n": opts}
        plugins.append(entry)
    config["plugins"] = plugins
    return config
