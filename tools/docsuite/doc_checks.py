"""Checks that keep the doc suite honest.

- Fence accounting: a block that looks like Python but that Sybil would not collect
  (``py``, ``pycon``, ``python title=...``, ``{.python}``, untagged ``>>>``) is an error,
  and so is a ``python`` block for which Sybil yields no example.
- Skip directives must carry a reason (also when written over several lines), every
  ``skip: start`` needs its ``skip: end``, and ``# doctest: +SKIP`` is not allowed.
- Claims that can fail: a shown ``python`` block holds a doctest or an assert (or only
  definitions); no ``...`` over a shape or over a whole output.
- Fences: no ``>>>`` outside a ``python`` fence (indented code, other info strings).
- Images: every ``<img src>`` in a page, and every image of a notebook's Markdown cell,
  is a file that exists.
- Imports: a page imports only the standard library, ``rnn_guide`` and the packages
  pyproject.toml declares, never one that is there only as another package's dependency.
- Twins: every English page has a Chinese page at the same path whose Python code is
  the same, block for block, shown where the other shows it and hidden where it hides
  it (prose is translated, code is not). Notebooks likewise, cell for cell.

Each check returns every problem it finds as ``docs/...:LINE: message`` strings, so a
failing test lists all of them at once.
"""

from __future__ import annotations

import ast
import doctest
import json
import os
import re
import sys
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path
from typing import Any

from tools.docsuite.doc_suite import page_parsers
from tools.docsuite.fences import blocks, notebook_code, pages, skip_directives
from tools.paths import DOCS, PYPROJECT, ROOT, served_folder

# `next "reason"`, or Sybil's conditional form `next if(condition, reason="reason")`.
_REASONED_SKIP = re.compile(
    r"""^(?:next|start)\s+(?:(?P<q>["']).*\S.*(?P=q)"""
    r"""|if\s*\(.*\breason\s*=\s*(?P<r>["']).*\S.*(?P=r)\s*\))\s*$"""
)


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def _collected_lines(path: Path) -> list[int]:
    """Lines where Sybil finds an example in this page, with the suite's own parsers."""
    from sybil.document import Document

    document = Document.parse(str(path), *page_parsers())
    return [example.line for example in document.examples()]


def fence_problems(docs: Path = DOCS) -> list[str]:
    """Python-looking blocks that the doc suite would not run."""
    problems = []
    for page in pages(docs=docs):
        collected = _collected_lines(page)
        for block in blocks(page):
            if not block.looks_like_python:
                continue
            if not block.is_python:
                problems.append(
                    f"{block.where()}: code block tagged {block.info or '(nothing)'!r} looks like "
                    "Python but is not run; tag it exactly ```python (no title or options)"
                )
            elif not any(block.line <= line <= block.end for line in collected):
                problems.append(
                    f"{block.where()}: python block yields no example; is it empty or malformed?"
                )
        problems += _stray_prompts(page)
    return problems


def _stray_prompts(page: Path) -> list[str]:
    """``>>>`` lines outside any fence: indented code blocks, which Sybil never runs."""
    inside: set[int] = set()
    for block in blocks(page):
        inside.update(range(block.line, block.end + 1))
    problems = []
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        if number not in inside and re.match(r"^[ \t>]*>>>( |$)", line):
            problems.append(
                f"{_rel(page)}:{number}: '>>>' outside a code fence (an indented code block is "
                "shown but never run); put the example in a ```python fence"
            )
            inside.update(range(number, number + 1))
    return problems


SHELL = frozenset({"bash", "sh", "shell", "console"})


def shell_prompt_problems(paths: list[Path]) -> list[str]:
    """Shell blocks with a ``$ `` prompt: the copy button would copy it with the command."""
    return [
        f"{block.where()}: a {block.info} block starts a line with '$ '; write the command "
        "alone (the copy button copies the block as written)"
        for path in paths
        for block in blocks(path)
        if block.info in SHELL and any(line.startswith("$ ") for line in block.code.splitlines())
    ]


def _skip_regions(page: Path) -> list[tuple[int, str, str | None]]:
    """(line, action, reason) of every skip directive, as Sybil itself parses them."""
    from sybil.document import Document
    from sybil.parsers.markdown import SkipParser

    document = Document(page.read_text(encoding="utf-8"), str(page))
    found = []
    for region in SkipParser()(document):
        action, reason = region.parsed
        found.append((document.text.count("\n", 0, region.start) + 1, action, reason))
    return found


def skip_problems(docs: Path = DOCS) -> list[str]:
    """Skip directives without a reason, unclosed ``skip: start``, ``# doctest: +SKIP``."""
    problems = []
    for page in pages(docs=docs):
        where = _rel(page)
        regions = _skip_regions(page)
        single = {line for line, _ in skip_directives(page)}
        for line, action, reason in regions:
            text = f"{action} {reason.strip()}" if reason else action
            if action == "end" or _REASONED_SKIP.match(" ".join(text.split())):
                continue
            layout = "" if line in single else " (written over several lines)"
            problems.append(
                f"{where}:{line}: skip directive {text!r}{layout} has no reason; "
                'write <!-- skip: next "why this example cannot run here" --> on one line'
            )
        open_at: int | None = None
        for line, action, _ in regions:
            if action == "start":
                if open_at is not None:
                    problems.append(
                        f"{where}:{line}: 'skip: start' inside the skip opened at line "
                        f"{open_at}; close that one with <!-- skip: end --> first"
                    )
                open_at = line
            elif action == "end":
                if open_at is None:
                    problems.append(
                        f"{where}:{line}: 'skip: end' without a 'skip: start' before it"
                    )
                open_at = None
        if open_at is not None:
            problems.append(
                f"{where}:{open_at}: 'skip: start' is never closed, so every example after it "
                "is skipped; add <!-- skip: end --> after the last example to skip"
            )
        for block in blocks(page):
            if not block.is_python:
                continue
            for offset, code_line in enumerate(block.code.splitlines(), start=1):
                if re.search(r"#\s*doctest:.*\+SKIP", code_line):
                    problems.append(
                        f"{where}:{block.line + offset}: '# doctest: +SKIP' hides an example "
                        "without a reason; remove it, or skip the block with "
                        '<!-- skip: next "why this example cannot run here" -->'
                    )
    return problems


# A page may pass its own language's code where its twin passes the other's: the
# command-line reference runs `--lang zh` on the Chinese page and `--lang en` on the English one.
_LANGUAGE_CODE = re.compile(r"""(["'])(?:en|zh)\1""")


def _twin_code(code: str) -> str:
    """What must be the same in twins: the code a reader runs, not what it prints.

    Doctest output is checked by the doctest itself, and a page may show it in its own
    language, and the code may name its own language ("en" or "zh") where its twin names
    the other; the sources of the examples, and every line of a plain block, must match.
    """
    examples = doctest.DocTestParser().get_examples(code)
    source = "".join(example.source for example in examples) if examples else code
    return _LANGUAGE_CODE.sub(r"\1<lang>\1", source).strip()


def _python_blocks(path: Path) -> list[tuple[int, str]]:
    return [(block.line, _twin_code(block.code)) for block in blocks(path) if block.is_python]


def twin_problems(docs: Path = DOCS) -> list[str]:
    """Missing translations and code that differs between a page and its twin."""
    problems = []
    en_root, zh_root = docs / "en", docs / "zh"
    sources = sorted(
        p
        for pattern in ("*.md", "*.ipynb")
        for p in en_root.rglob(pattern)
        if ".ipynb_checkpoints" not in p.parts
    )
    for en in sources:
        zh = zh_root / en.relative_to(en_root)
        if not zh.exists():
            problems.append(f"{_rel(zh)}: missing; every English page needs a Chinese twin")
            continue
        if en.suffix == ".ipynb":
            en_cells, zh_cells = notebook_code(en), notebook_code(zh)
            if en_cells != zh_cells:
                first = next(
                    (i for i, (a, b) in enumerate(zip(en_cells, zh_cells, strict=False)) if a != b),
                    min(len(en_cells), len(zh_cells)),
                )
                problems.append(
                    f"{_rel(zh)}: code cells differ from {_rel(en)} from code cell {first + 1} on "
                    f"({len(en_cells)} vs {len(zh_cells)} code cells)"
                )
            continue
        en_code, zh_code = _python_blocks(en), _python_blocks(zh)
        for index, (a, b) in enumerate(zip(en_code, zh_code, strict=False)):
            if a[1] != b[1]:
                problems.append(
                    f"{_rel(zh)}:{b[0]}: python block {index + 1} differs from {_rel(en)}:{a[0]}"
                )
        if len(en_code) != len(zh_code):
            problems.append(
                f"{_rel(zh)}: {len(zh_code)} python blocks, but {_rel(en)} has {len(en_code)}"
            )
    for zh in sorted(p for pattern in ("*.md", "*.ipynb") for p in zh_root.rglob(pattern)):
        if not (en_root / zh.relative_to(zh_root)).exists():
            problems.append(f"{_rel(zh)}: has no English original at the same path")
    return problems


def _is_claim(node: ast.AST) -> bool:
    """An assert, a call to an ``assert*`` function, or an explicit ``raise``."""
    if isinstance(node, (ast.Assert, ast.Raise)):
        return True
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        return name.startswith("assert")
    return False


def _only_definitions(tree: ast.Module) -> bool:
    """A block that only defines things (the examples that use them carry the claim)."""
    allowed = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)
    return all(
        isinstance(node, allowed)
        or (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))
        for node in tree.body
    )


# ``...`` standing for the very thing the example shows.
_ELIDED_SHAPE = re.compile(r"torch\.Size\(\[[^\]]*\.\.\.")
_ELIDED_ERROR = re.compile(r"^[\w.]+(?:Error|Exception|Warning):\s*\.\.\.\s*$")


def _block_source(code: str) -> str:
    """A block's Python: a doctest's source lines without prompts, else the code itself."""
    lines = code.splitlines()
    if not any(line.lstrip().startswith(">>>") for line in lines):
        return code
    kept = []
    for line in lines:
        stripped = line.lstrip()
        if stripped.startswith((">>> ", "... ")) or stripped in (">>>", "..."):
            kept.append(stripped[4:])
    return "\n".join(kept)


def _names(tree: ast.AST, context: type[ast.expr_context]) -> set[str]:
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, context)}


def claim_problems(docs: Path = DOCS) -> list[str]:
    """Examples that cannot fail: result-free blocks and ``...`` over the claim.

    A plain block passes when it asserts something, only defines things, or computes
    names that a later block of the page uses (where the result is shown or checked).
    """
    from sybil.document import Document

    problems = []
    for page in pages(docs=docs):
        where = _rel(page)
        python = [block for block in blocks(page) if block.is_python]
        trees: list[ast.Module | None] = []
        for block in python:
            try:
                trees.append(ast.parse(_block_source(block.code)))
            except SyntaxError:
                trees.append(None)  # the doc suite reports it where it runs
        for index, (block, tree) in enumerate(zip(python, trees, strict=True)):
            if tree is None or block.invisible or _block_source(block.code) != block.code:
                continue  # invisible setup, or a doctest block (its output is the claim)
            if _only_definitions(tree) or any(_is_claim(node) for node in ast.walk(tree)):
                continue
            later = set().union(*(_names(t, ast.Load) for t in trees[index + 1 :] if t))
            if _names(tree, ast.Store) & later:
                continue
            problems.append(
                f"{where}:{block.line}: python block has neither a doctest (>>>) nor an assert, "
                "and no later block uses what it computes, so it passes whatever it computes; "
                "show its result as a doctest or add an assert (torch.testing.assert_close for "
                "floats)"
            )
        document = Document.parse(str(page), *page_parsers())
        for example in document.examples():
            parsed = example.parsed
            if not isinstance(parsed, doctest.Example):
                continue
            want = parsed.want
            lines = [line.strip() for line in want.strip().splitlines()]
            if _ELIDED_SHAPE.search(want):
                problems.append(
                    f"{where}:{example.line}: expected output elides a shape with '...' "
                    "(torch.Size([...]) matches any shape); write the shape out in full"
                )
            elif lines and lines[0].startswith("Traceback") and _ELIDED_ERROR.match(lines[-1]):
                problems.append(
                    f"{where}:{example.line}: expected exception message is only '...'; write "
                    "the start of the message so that another error cannot pass"
                )
    return problems


def invisible_twin_problems(docs: Path = DOCS) -> list[str]:
    """Twins whose code agrees, but one shows a block that the other hides."""
    problems = []
    for en in pages("en", docs):
        zh = docs / "zh" / en.relative_to(docs / "en")
        if not zh.exists():
            continue  # twin_problems reports it
        en_blocks = [b for b in blocks(en) if b.is_python]
        zh_blocks = [b for b in blocks(zh) if b.is_python]
        for a, b in zip(en_blocks, zh_blocks, strict=False):
            if a.invisible != b.invisible and a.code.strip() == b.code.strip():
                hidden, shown = (a, b) if a.invisible else (b, a)
                problems.append(
                    f"{hidden.where()}: hides in an invisible block the code that "
                    f"{shown.where()} shows; show it (or hide it) in both languages"
                )
    return problems


_HTML_IMAGE = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(?P<q>["']?)(?P<src>[^"'\s>]+)(?P=q)""", re.I)
# A <picture>'s other image: one address, without width descriptors.
_HTML_SOURCE = re.compile(
    r"""<source\b[^>]*?\bsrcset\s*=\s*(?P<q>["']?)(?P<src>[^"'\s>,]+)(?P=q)""", re.I
)
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?(?P<src>[^)\s>]+)>?(?:\s+[\"'][^)]*)?\)")


def _image_problem(where: str, base: Path, src: str, attachments: set[str]) -> str | None:
    if src.startswith("data:"):
        return None
    if re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", src, re.I):
        return (
            f"{where}: image {src!r} is fetched from another site (blocked for some readers, "
            "and no request may leave the site); save it under docs/ and link it relatively"
        )
    if src.startswith("attachment:"):
        if src.removeprefix("attachment:") in attachments:
            return None
        return f"{where}: image {src!r} is not among the cell's attachments; attach it again"
    target = src.split("#", 1)[0].split("?", 1)[0]
    if target.startswith("/"):
        return (
            f"{where}: image {src!r} is site-absolute, which breaks under a sub-path; "
            "link it relative to the page"
        )
    # Resolved as a browser does, by the address alone (the served page's folder need not
    # exist in docs/).
    found = Path(os.path.normpath(base / target))
    if not found.is_file():
        return f"{where}: image {src!r} does not exist (looked for {_rel(found)})"
    return None


def image_problems(docs: Path = DOCS) -> list[str]:
    """Images in raw HTML (pages) and in notebooks' Markdown cells that are not there.

    Raw HTML in a page is resolved from the folder the page is served as (`served_folder`).
    """
    problems = []
    for page in pages(docs=docs):
        fenced: set[int] = set()
        for block in blocks(page):
            fenced.update(range(block.line, block.end + 1))
        served = served_folder(page)
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            if number in fenced:
                continue
            for match in (*_HTML_IMAGE.finditer(line), *_HTML_SOURCE.finditer(line)):
                problem = _image_problem(f"{_rel(page)}:{number}", served, match["src"], set())
                if problem:
                    problems.append(problem)
    notebooks = sorted(p for p in docs.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    for notebook in notebooks:
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        for index, cell in enumerate(cells, start=1):
            if cell["cell_type"] != "markdown":
                continue
            source = "".join(cell["source"])
            attachments = set(cell.get("attachments", {}))
            for pattern in (_MARKDOWN_IMAGE, _HTML_IMAGE):
                for match in pattern.finditer(source):
                    where = f"{_rel(notebook)}: cell {index}"
                    problem = _image_problem(where, notebook.parent, match["src"], attachments)
                    if problem:
                        problems.append(problem)
    return problems


def _requirement_name(requirement: str) -> str:
    name = re.match(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    return re.sub(r"[-_.]+", "-", name[1]).lower() if name else ""


@cache
def declared_distributions(pyproject: Path = PYPROJECT) -> frozenset[str]:
    """The project's own name and every distribution its pyproject.toml asks for."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 reads it with the tomli backport
        import tomli as tomllib

    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    names = {_requirement_name(project["name"])}
    names.update(_requirement_name(r) for r in project.get("dependencies", []))
    for extra in project.get("optional-dependencies", {}).values():
        names.update(_requirement_name(r) for r in extra)
    return frozenset(names)


def _imported(source: str) -> list[tuple[int, str]]:
    """(line, top-level module) of every absolute import in `source`."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


@cache
def _distributions() -> dict[str, list[str]]:
    return dict(packages_distributions())


def _import_problem(where: str, module: str, declared: frozenset[str]) -> str | None:
    if module in sys.stdlib_module_names or module == "__future__":
        return None
    owners = _distributions().get(module, [])
    if not owners:
        if (ROOT / module).is_dir() or (ROOT / f"{module}.py").exists():
            return None  # the project's own package
        return (
            f"{where}: imports {module!r}, which no installed package provides; "
            "add it to pyproject.toml's dependencies or do without it"
        )
    if any(_requirement_name(owner) in declared for owner in owners):
        return None
    return (
        f"{where}: imports {module!r} (from {', '.join(sorted(set(owners)))}), which is installed "
        "only as another package's dependency, so a reader may not have it; declare it in "
        "pyproject.toml (and constraints.txt) or do without it"
    )


def import_problems(docs: Path = DOCS, pyproject: Path = PYPROJECT) -> list[str]:
    """Imports in pages and notebooks of modules the project does not declare."""
    from tools.docsuite.lint_docs import page_python

    declared = declared_distributions(pyproject)
    problems = []
    for page in pages(docs=docs):
        source, where = page_python(page)
        for row, module in _imported(source):
            line = where[row - 1][0] if 0 < row <= len(where) else 0
            problem = _import_problem(f"{_rel(page)}:{line}", module, declared)
            if problem:
                problems.append(problem)
    notebooks = sorted(p for p in docs.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    for notebook in notebooks:
        for index, code in enumerate(notebook_code(notebook), start=1):
            lines = [line for line in code.splitlines() if not line.lstrip().startswith(("%", "!"))]
            for _, module in _imported("\n".join(lines)):
                problem = _import_problem(f"{_rel(notebook)}: code cell {index}", module, declared)
                if problem:
                    problems.append(problem)
    return problems


# A notebook cell whose output depends on the CPU (text sampled from a trained model)
# says so, with the reason, in its metadata: {"output_varies": "why"}.
OUTPUT_VARIES = "output_varies"
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def _output_summary(cell: dict[str, Any]) -> list[tuple[str, str]]:
    """(kind, text) of each output of a code cell: stream text, plain text, image, error."""
    summary: list[tuple[str, str]] = []
    for output in cell.get("outputs", []) or []:
        kind = output.get("output_type", "")
        if kind == "stream":
            name, text = f"stream:{output.get('name')}", "".join(output.get("text", ""))
            if summary and summary[-1][0] == name:  # a front end may join them, or not
                summary[-1] = (name, summary[-1][1] + text)
            else:
                summary.append((name, text))
        elif kind == "error":
            summary.append(("error", f"{output.get('ename')}: {output.get('evalue')}"))
        else:
            data = output.get("data", {})
            images = sorted(key for key in data if key.startswith("image/"))
            if images:
                summary.append(("image", ",".join(images)))
            else:
                summary.append(("text", "".join(data.get("text/plain", ""))))
    return summary


def _same_text(saved: str, fresh: str) -> bool:
    """Equal words, and numbers equal to 5 % (the last digits of a loss vary by CPU)."""
    if _NUMBER.sub("#", saved) != _NUMBER.sub("#", fresh):
        return False
    import math

    return all(
        math.isclose(float(a), float(b), rel_tol=0.05, abs_tol=0.05)
        for a, b in zip(_NUMBER.findall(saved), _NUMBER.findall(fresh), strict=True)
    )


def saved_error_problems(notebook: Path) -> list[str]:
    """A traceback saved in a notebook: the site would show it as the tutorial's result."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    return [
        f"{_rel(notebook)}: code cell {index} has a saved traceback ({text}); fix the cell, "
        "then run the whole notebook again and save it"
        for index, cell in enumerate(code, start=1)
        for kind, text in _output_summary(cell)
        if kind == "error"
    ]


def stale_output_problems(notebook: Path, fresh_cells: list[dict[str, object]]) -> list[str]:
    """Saved outputs that differ from what the code cells print when run now."""
    saved = [
        cell
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "code"
    ]
    fresh = [cell for cell in fresh_cells if cell.get("cell_type") == "code"]
    problems = []
    for index, (old, new) in enumerate(zip(saved, fresh, strict=False), start=1):
        before, after = _output_summary(old), _output_summary(new)
        varies = bool((old.get("metadata") or {}).get(OUTPUT_VARIES))
        same = [kind for kind, _ in before] == [kind for kind, _ in after] and (
            varies or all(_same_text(a, b) for (_, a), (_, b) in zip(before, after, strict=True))
        )
        if not same:
            shown = next(
                (b for (_, b), (_, a) in zip(before, after, strict=False) if a != b),
                before[0][1] if before else "(nothing)",
            )
            problems.append(
                f"{_rel(notebook)}: code cell {index}: the saved output is stale (saved "
                f"{shown.strip()[:80]!r}); run the whole notebook again and save it"
            )
    return problems
