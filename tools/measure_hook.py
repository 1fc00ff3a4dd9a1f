"""MkDocs hook: measurements taken while the site is built (filled in with the timing page)."""
