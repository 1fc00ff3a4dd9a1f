"""Write constraints.txt again from the packages installed in .venv (`make constraints`).

    python -m tools.contrib.constraints          # rewrite constraints.txt
    python -m tools.contrib.constraints --check  # exit 1, with a diff, when it would change

Every installed distribution is pinned (``name==version``) under its normalized name
(lower case, ``-`` for runs of ``-``, ``_`` and ``.``: pip spells ``onnx_ir`` one way
or the other depending on how the package was installed), sorted by that name, under the
file's own comment header. The project itself
(installed editable) is left out, and a local version label is dropped
(``torch==2.13.0+cpu`` is pinned as ``torch==2.13.0``: the CPU build comes from its
own index, see TORCH_INDEX in the Makefile). Run it after upgrading a package in .venv
or adding a dependency to pyproject.toml, then commit constraints.txt.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys

from tools.paths import CONSTRAINTS

HEADER = (
    "# Pins for the whole toolchain: make installs with `pip install -c constraints.txt`.\n"
    "# torch is the CPU build of 2.13.0; refresh with `make constraints`.\n"
)
_PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;+]+)(?:\+\S+)?\s*$")


def _installed() -> list[str]:
    """``pip freeze --all`` of this interpreter's environment (setuptools too), no editables."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "freeze",
            "--all",
            "--exclude-editable",
            "--disable-pip-version-check",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


def render(freeze: list[str], header: str = HEADER, project: str = "rnn-guide") -> str:
    """The text of constraints.txt for these ``pip freeze`` lines."""
    pins: dict[str, str] = {}
    for line in freeze:
        match = _PIN.match(line.strip())
        if not match:
            continue  # comments, `-e` lines, direct references: not pins
        name = re.sub(r"[-_.]+", "-", match["name"]).lower()
        if name in (project, "pip"):
            continue  # the project itself; pip is the installer, not a dependency
        pins[name] = f"{name}=={match['version']}"
    return header + "".join(f"{pins[name]}\n" for name in sorted(pins))


def _header(text: str) -> str:
    """The comment lines the file starts with (the default header for a new file)."""
    head = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        head.append(line)
    return "".join(head) or HEADER


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="constraints", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report a difference")
    args = parser.parse_args(argv)
    current = CONSTRAINTS.read_text(encoding="utf-8") if CONSTRAINTS.exists() else ""
    fresh = render(_installed(), _header(current))
    if args.check:
        if fresh == current:
            return 0
        sys.stdout.writelines(
            difflib.unified_diff(
                current.splitlines(keepends=True),
                fresh.splitlines(keepends=True),
                "constraints.txt",
                "constraints.txt (from .venv)",
            )
        )
        print("constraints: constraints.txt differs from .venv; run `make constraints`")
        return 1
    CONSTRAINTS.write_text(fresh, encoding="utf-8")
    pins = sum(1 for line in fresh.splitlines() if not line.startswith("#"))
    print(f"constraints: wrote {pins} pins to constraints.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
