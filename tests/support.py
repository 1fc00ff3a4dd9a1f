"""The pages and navigation of the small project copy (fixture in tests/conftest.py)."""

from __future__ import annotations

# The home page links to most of the site, so the copy has a stub in its place.
KEEP = ["tutorials/first-rnn.md"]
STUBS = ["index.md", "explanation/core-idea.md", "how-to/stub.md", "reference/stub.md"]
NAV = """nav:
  - Home: index.md
  - Tutorials:
      - tutorials/first-rnn.md
  # Explanation pages answer why.
  - Explanation:
      - explanation/core-idea.md

  - How-to guides:
      - how-to/stub.md
  - Reference:
      - reference/stub.md
  - Contributing: contributing.md
"""
