"""Checks on how the site is published, beyond what zizmor audits (`make workflows`).

- deploy.yml publishes from main only: it is triggered by pushes to main (and by hand),
  and every job is guarded by ``if: github.ref == 'refs/heads/main'``;
- it publishes only what passed: the job that builds the uploaded site runs
  ``make test`` first, in the same job, so the stamp's record comes from that run;
- no workflow hands pip an extra index (``PIP_EXTRA_INDEX_URL``, ``--extra-index-url``):
  torch's CPU wheel comes from its own index alone (TORCH_INDEX in the Makefile);
- every ``uses:`` is pinned to a full commit SHA and every checkout sets
  ``persist-credentials: false`` (zizmor also reports both).

Each check returns its problems as ``.github/workflows/x.yml:LINE: message`` strings.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from tools.paths import ROOT, WORKFLOWS

MAIN_ONLY = re.compile(r"""^\s*github\.ref\s*==\s*['"]refs/heads/main['"]\s*$""")


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 1


def _load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def deploy_problems(workflows: Path = WORKFLOWS, root: Path = ROOT) -> list[str]:
    """deploy.yml: from main only, and only after `make test` passed in the building job."""
    path = workflows / "deploy.yml"
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    where = _rel(path, root)
    data = _load(path)
    problems = []
    # PyYAML reads the key `on:` as True.
    triggers = data.get("on", data.get(True)) or {}
    if isinstance(triggers, (str, list)):
        triggers = {name: None for name in ([triggers] if isinstance(triggers, str) else triggers)}
    for name, spec in triggers.items():
        if name == "push":
            branches = (spec or {}).get("branches")
            if branches != ["main"] or (spec or {}).get("tags"):
                problems.append(
                    f"{where}:{_line_of(text, 'push')}: deploy runs on pushes other than to "
                    "main; use `push: branches: [main]`"
                )
        elif name != "workflow_dispatch":
            problems.append(
                f"{where}:{_line_of(text, str(name))}: deploy is triggered by {name!r}; "
                "publish only on a push to main (or by hand, from main)"
            )
    jobs = data.get("jobs") or {}
    for name, job in jobs.items():
        guard = str((job or {}).get("if", ""))
        if not MAIN_ONLY.match(guard.replace("${{", "").replace("}}", "")):
            problems.append(
                f"{where}:{_line_of(text, f'{name}:')}: job {name!r} has no "
                "`if: github.ref == 'refs/heads/main'`, so a run started by hand on another "
                "branch would publish it"
            )
    for name, job in jobs.items():
        steps = (job or {}).get("steps") or []
        uploads = [
            i
            for i, step in enumerate(steps)
            if "upload-pages-artifact" in str(step.get("uses", ""))
        ]
        if not uploads:
            continue
        tested = [
            i
            for i, step in enumerate(steps)
            if re.search(r"(?:^|\s)make\s+(?:[A-Z_]+=\S+\s+)*test\b", str(step.get("run", "")))
        ]
        if not tested or tested[0] > uploads[0]:
            problems.append(
                f"{where}:{_line_of(text, 'upload-pages-artifact')}: job {name!r} uploads the "
                "site without running `make test` before it in the same job; run the checks "
                "first, so that only a tested tree is published and the stamp can say so"
            )
    return problems


def pinning_problems(workflows: Path = WORKFLOWS, root: Path = ROOT) -> list[str]:
    """Actions by full commit SHA, checkouts without credentials, no extra pip index."""
    problems = []
    for path in sorted(workflows.glob("*.y*ml")):
        text = path.read_text(encoding="utf-8")
        where = _rel(path, root)
        for number, line in enumerate(text.splitlines(), start=1):
            used = re.match(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)", line)
            local = used is not None and used["ref"].startswith(("./", "docker://"))
            if used and not local and not re.search(r"@[0-9a-f]{40}$", used["ref"]):
                problems.append(
                    f"{where}:{number}: {used['ref']} is not pinned to a commit; write "
                    "owner/action@<40-hex commit> # vX.Y.Z (a tag can be moved)"
                )
            if re.search(r"PIP_EXTRA_INDEX_URL|--extra-index-url", line):
                problems.append(
                    f"{where}:{number}: an extra pip index lets a same-named package on either "
                    "index win (the torchtriton attack); install torch with "
                    "`make ... TORCH_INDEX=<index>` (its own index, --no-deps) instead"
                )
        for name, job in (_load(path).get("jobs") or {}).items():
            for step in (job or {}).get("steps") or []:
                checkout = "actions/checkout" in str(step.get("uses", ""))
                keeps = (step.get("with") or {}).get("persist-credentials") is not False
                if checkout and keeps:
                    problems.append(
                        f"{where}:{_line_of(text, 'actions/checkout')}: a checkout in job "
                        f"{name!r} keeps the token in .git/config; add "
                        "`with: persist-credentials: false`"
                    )
    return problems


def constraints_problems(root: Path = ROOT) -> list[str]:
    """constraints.txt may name `make constraints` only if the Makefile has that target."""
    text = (root / "constraints.txt").read_text(encoding="utf-8")
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    if "make constraints" in text and not re.search(r"^constraints:", makefile, re.MULTILINE):
        line = _line_of(text, "make constraints")
        return [
            f"constraints.txt:{line}: says `make constraints`, but the Makefile has no "
            "`constraints:` target; add it (tools/contrib/constraints.py) or drop the mention"
        ]
    return []
