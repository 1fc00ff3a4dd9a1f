"""The doc-example suite: how the pages' and docstrings' examples run, and their checks."""
