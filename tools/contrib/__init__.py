"""Contributor scripts: new pages, fixed examples, pins, workflow checks, the error corpus."""
