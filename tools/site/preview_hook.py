"""Preview only (mkdocs.preview.yml, `make serve`): Material's templates stay compiled.

Each rebuild compiles them anew (half of a one-page rebuild); Jinja's bytecode cache keeps
the code and recompiles a changed template.
"""

from contextlib import suppress

from jinja2 import Environment, FileSystemBytecodeCache


def on_env(env: Environment, **_: object) -> Environment:
    with suppress(OSError, RuntimeError):  # no private temporary folder: no cache
        env.bytecode_cache = FileSystemBytecodeCache(pattern="rnn-guide-preview-%s.cache")
    return env
