"""MkDocs hook: keep notebooks rendered as pages under mkdocs-static-i18n.

mkdocs-jupyter marks each ``.ipynb`` as a documentation page by wrapping it in a
``NotebookFile``. mkdocs-static-i18n then rebuilds every file as a plain ``File`` for each
language (its ``on_files`` runs late), which drops the wrapper: the raw notebook JSON
would be copied to the page's address. This hook runs after it and wraps them again,
keeping the address the i18n plugin chose.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs_jupyter.plugin import NotebookFile


class _I18nNotebook(NotebookFile):
    """A notebook page at the destination mkdocs-static-i18n gave its file."""

    def __init__(self, file: File) -> None:  # no super(): NotebookFile would recompute the path
        self.file = file
        self.dest_path = file.dest_path
        self.abs_dest_path = file.abs_dest_path
        self.url = file.url


@event_priority(-110)  # after mkdocs-static-i18n's on_files (priority -100)
def on_files(files: Files, config: Any) -> Files:
    for file in list(files):
        if file.src_uri.endswith(".ipynb") and not file.is_documentation_page():
            files.remove(file)
            files.append(_I18nNotebook(file))
    return files
