"""MkDocs hook: notebooks stay pages under mkdocs-static-i18n (fixes a reported bug).

mkdocs-jupyter marks each ``.ipynb`` as a documentation page by wrapping its file in a
``NotebookFile``. mkdocs-static-i18n then makes every file again for each language (its
``on_files`` runs late), which drops the wrapper, so the raw notebook JSON is copied to
the page's address: https://github.com/ultrabug/mkdocs-static-i18n/issues/198 (open).
``on_files`` runs after it and wraps them again with mkdocs-jupyter's own class, keeping
the address the i18n plugin chose.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs_jupyter.plugin import NotebookFile


@event_priority(-110)  # after mkdocs-static-i18n's on_files (priority -100)
def on_files(files: Files, config: Any) -> Files:
    for file in list(files):
        if file.src_uri.endswith(".ipynb") and not file.is_documentation_page():
            notebook = NotebookFile(file, **config)
            notebook.dest_path, notebook.url = file.dest_path, file.url
            notebook.abs_dest_path = file.abs_dest_path
            files.remove(file)
            files.append(notebook)
    return files
