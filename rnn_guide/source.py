"""Where PyTorch's recurrent modules are defined, and what `forward` hands the work to.

Everything here reads the installed torch's own source text with `inspect`, so the
answers follow whatever torch version is installed: no line number is written down.
Paths are shown relative to the directory that holds the top-level package
(`torch/nn/modules/rnn.py`), so they read the same on every machine and match the
layout of the PyTorch repository.

The path of a call such as `rnn(x, h0)`:

1. `Module.__call__` runs the hooks, then calls `forward`;
2. `RNN.forward` (or `LSTM.forward`, `GRU.forward`) checks the shapes of the input
   and the hidden state;
3. it hands the whole sequence to a compiled kernel: `_VF.rnn_tanh` /
   `_VF.rnn_relu`, `_VF.lstm` or `_VF.gru`. The loop over time steps lives there, in
   C++ (`aten/src/ATen/native/RNN.cpp`) or in cuDNN on a GPU, not in Python.
"""

from __future__ import annotations

import ast
import inspect
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from torch import nn

__all__ = [
    "KERNEL_SOURCE",
    "DocstringPosition",
    "PathStep",
    "SourceLine",
    "SourceLocation",
    "docstring_position",
    "forward_path",
    "vf_calls",
    "where",
]

#: Where the compiled time loop of every `_VF` recurrent kernel lives, in the
#: PyTorch repository (cuDNN takes over on a GPU).
KERNEL_SOURCE: Final = "aten/src/ATen/native/RNN.cpp"

_VF_CALL = re.compile(r"\b_VF\.(\w+)\(")
_SELF_CHECK = re.compile(r"\bself\.(check_\w+)\(")


@dataclass(frozen=True)
class SourceLocation:
    """A file and a line of Python source.

    Attributes:
        file: Path relative to the directory that holds the object's top-level
            package, with `/` separators, e.g. `torch/nn/modules/rnn.py`.
        line: 1-based line number of the definition (its first line, decorators
            included).
        path: The absolute path of the file on this machine.

    Examples:
        >>> from torch import nn
        >>> location = where(nn.RNN)
        >>> location.file
        'torch/nn/modules/rnn.py'
        >>> location.path.read_text().splitlines()[location.line - 1]
        'class RNN(RNNBase):'
    """

    file: str
    line: int
    path: Path

    def __str__(self) -> str:
        """`file:line`, as tracebacks and editors write it."""
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class SourceLine:
    """One line of source text and where it is.

    Attributes:
        location: The file and line number.
        text: The line, without its indentation.
    """

    location: SourceLocation
    text: str

    def __str__(self) -> str:
        """`file:line: text`, as grep prints a match."""
        return f"{self.location}: {self.text}"


@dataclass(frozen=True)
class DocstringPosition:
    """Where a class's docstring sits inside the class.

    Attributes:
        class_first: Line of the `class` statement.
        docstring_first: First line of the docstring.
        docstring_last: Last line of the docstring.
        class_last: Last line of the class body.
    """

    class_first: int
    docstring_first: int
    docstring_last: int
    class_last: int

    @property
    def at_start(self) -> bool:
        """Whether the docstring is the first thing in the class body."""
        return self.docstring_first == self.class_first + 1

    @property
    def lines_after(self) -> int:
        """How many lines of code follow the docstring inside the class."""
        return self.class_last - self.docstring_last


@dataclass(frozen=True)
class PathStep:
    """One stop on the way from `module(x)` to the kernel that loops over time.

    Attributes:
        name: What runs, e.g. `RNN.forward` or `_VF.rnn_tanh`.
        location: Where its Python source is, or None for compiled code.
        what: What this step does, in a few words.
    """

    name: str
    location: SourceLocation | None
    what: str

    def __str__(self) -> str:
        """`name  (file:line)  what`; compiled steps name the C++ source instead."""
        place = str(self.location) if self.location else f"compiled, see {KERNEL_SOURCE}"
        return f"{self.name}  ({place})  {self.what}"


def _top_level_root(obj: object) -> Path | None:
    """The directory holding the top-level package of `obj`'s module, if known."""
    module_name = getattr(inspect.getmodule(obj), "__name__", None)
    if not module_name:
        return None
    top = sys.modules.get(module_name.split(".")[0])
    top_file = getattr(top, "__file__", None)
    if top_file is None:
        return None
    top_path = Path(top_file).resolve()
    # A package's __file__ is its __init__.py; a plain module's is the module itself.
    return top_path.parent.parent if top_path.name == "__init__.py" else top_path.parent


def where(obj: object) -> SourceLocation:
    """Find the file and line where a Python class or function is defined.

    Args:
        obj: A class, function or method, e.g. `nn.RNN` or `nn.RNN.forward`.
            A module instance is looked up through its class.

    Returns:
        The location, with the file relative to the top-level package's directory.

    Raises:
        ValueError: If `obj` has no Python source: compiled functions such as
            `torch._VF.rnn_tanh`, built-ins, or objects defined interactively.

    Examples:
        >>> from torch import nn
        >>> str(where(nn.RNN.forward))
        'torch/nn/modules/rnn.py:...'
        >>> where(nn.RNN(5, 6)) == where(nn.RNN)
        True
        >>> import torch
        >>> where(torch._VF.rnn_tanh)
        Traceback (most recent call last):
        ...
        ValueError: ...rnn_tanh has no Python source: it is compiled code. ...
    """
    target = obj if inspect.isclass(obj) or inspect.isroutine(obj) else type(obj)
    name = getattr(target, "__qualname__", repr(target))
    try:
        file = inspect.getsourcefile(target)
        _, line = inspect.getsourcelines(target)
    except (TypeError, OSError):
        file = None
        line = 0
    if file is None:
        raise ValueError(
            f"{name} has no Python source: it is compiled code. "
            f"Pass a Python class or function, e.g. nn.RNN.forward; the recurrent kernels "
            f"(_VF.rnn_tanh, _VF.lstm, _VF.gru) are C++, in {KERNEL_SOURCE} of the "
            f"PyTorch repository."
        )
    path = Path(file).resolve()
    root = _top_level_root(target)
    try:
        shown = path.relative_to(root).as_posix() if root else path.as_posix()
    except ValueError:
        shown = path.as_posix()
    return SourceLocation(file=shown, line=max(line, 1), path=path)


def docstring_position(cls: type) -> DocstringPosition:
    """Locate a class's docstring relative to the class body.

    Args:
        cls: A class defined in Python source, e.g. `nn.RNN`.

    Returns:
        The line numbers of the class statement, its docstring and its last line.

    Raises:
        ValueError: If `cls` is not a class, has no Python source, or has no
            docstring in its source.

    Examples:
        >>> from torch import nn
        >>> position = docstring_position(nn.RNN)
        >>> position.at_start
        True
        >>> position.docstring_first - position.class_first
        1
        >>> position.lines_after > 0  # the methods come after the docstring
        True
    """
    if not inspect.isclass(cls):
        raise ValueError(
            f"{cls!r} is not a class: pass the class itself, e.g. nn.RNN, "
            f"or type(module) for an instance."
        )
    location = where(cls)
    lines, first = inspect.getsourcelines(cls)
    tree = ast.parse(textwrap.dedent("".join(lines)))
    node = tree.body[0]
    body = node.body if isinstance(node, ast.ClassDef) else []
    head = body[0] if body else None
    if not (
        isinstance(head, ast.Expr)
        and isinstance(head.value, ast.Constant)
        and isinstance(head.value.value, str)
    ):
        raise ValueError(
            f"{cls.__qualname__} ({location}) has no docstring in its source: "
            f"inspect.getdoc may still find one inherited from a base class."
        )
    offset = first - 1
    end = head.end_lineno if head.end_lineno is not None else head.lineno
    return DocstringPosition(
        class_first=location.line,
        docstring_first=head.lineno + offset,
        docstring_last=end + offset,
        class_last=first + len(lines) - 1,
    )


def _recurrent_class(module: object) -> type[nn.RNNBase]:
    cls = module if inspect.isclass(module) else type(module)
    if not issubclass(cls, nn.RNNBase):
        raise ValueError(
            f"{cls.__qualname__} is not nn.RNN, nn.GRU or nn.LSTM: pass one of those "
            f"classes or an instance (for a model, the layer inside it, e.g. model.rnn)."
        )
    return cls


def vf_calls(module: object) -> tuple[SourceLine, ...]:
    """Find the lines of a recurrent module's `forward` that call a `_VF` kernel.

    Args:
        module: `nn.RNN`, `nn.GRU` or `nn.LSTM` (a subclass or an instance works too).

    Returns:
        Every line of `forward` that calls `_VF.<name>(`, in source order.

    Raises:
        ValueError: If `module` is not a recurrent module class or instance.

    Examples:
        >>> from torch import nn
        >>> sorted({line.text for line in vf_calls(nn.RNN)})
        ['result = _VF.rnn_relu(', 'result = _VF.rnn_tanh(']
        >>> {line.text for line in vf_calls(nn.LSTM)}
        {'result = _VF.lstm('}
    """
    forward = _recurrent_class(module).forward
    lines, first = inspect.getsourcelines(forward)
    location = where(forward)
    found = []
    for number, line in enumerate(lines, start=first):
        if _VF_CALL.search(line):
            at = SourceLocation(file=location.file, line=number, path=location.path)
            found.append(SourceLine(location=at, text=line.strip()))
    return tuple(found)


def forward_path(module: object = nn.RNN) -> tuple[PathStep, ...]:
    """Trace what runs, in order, when a recurrent module is called.

    The steps are found by reading the source: `Module._call_impl` (what
    `Module.__call__` runs), the class's `forward`, the `self.check_*` shape
    checks that `forward` calls, and the `_VF` kernels it hands the sequence to.

    Args:
        module: `nn.RNN` (the default), `nn.GRU` or `nn.LSTM`; a subclass or an
            instance works too.

    Returns:
        The steps; the last one is compiled and has no Python location.

    Raises:
        ValueError: If `module` is not a recurrent module class or instance.

    Examples:
        >>> from torch import nn
        >>> for step in forward_path(nn.RNN):
        ...     print(step.name)
        Module.__call__
        RNN.forward
        RNNBase.check_forward_args
        _VF.rnn_tanh or _VF.rnn_relu
        >>> forward_path(nn.GRU)[-1].name
        '_VF.gru'
        >>> forward_path(nn.Linear(2, 2))
        Traceback (most recent call last):
        ...
        ValueError: Linear is not nn.RNN, nn.GRU or nn.LSTM: ...
    """
    cls = _recurrent_class(module)
    forward = cls.forward
    forward_source = inspect.getsource(forward)
    steps = [
        PathStep(
            name="Module.__call__",
            location=where(nn.Module._call_impl),
            what="Module._call_impl runs the hooks, then calls forward",
        ),
        PathStep(
            name=forward.__qualname__,
            location=where(forward),
            what="reads the arguments, makes a zero h_0 if none was given",
        ),
    ]
    for check in dict.fromkeys(_SELF_CHECK.findall(forward_source)):
        method = getattr(cls, check)
        steps.append(
            PathStep(
                name=method.__qualname__,
                location=where(method),
                what="checks the input size and the hidden state's shape",
            )
        )
    kernels = dict.fromkeys(_VF_CALL.findall(forward_source))
    steps.append(
        PathStep(
            name=" or ".join(f"_VF.{kernel}" for kernel in kernels),
            location=None,
            what="runs every layer, direction and time step",
        )
    )
    return tuple(steps)
