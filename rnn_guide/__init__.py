"""Helpers for the rnn-guide pages: shape rules, diagnoses, a from-scratch RNN, batching.

Every name here is re-exported from its module; see each module for the details.
The modules are imported when a name is first used, so that `import rnn_guide` (and
`rnn-guide --help`) does not wait for torch.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rnn_guide.batching import batches_per_epoch, time_step_order, total_steps
    from rnn_guide.diagnose import Diagnosis, diagnose
    from rnn_guide.scratch import forward
    from rnn_guide.shapes import (
        MESSAGES,
        RNNSpec,
        ShapeError,
        Shapes,
        expected_shapes,
        format_shape,
    )
    from rnn_guide.source import (
        SourceLocation,
        docstring_position,
        forward_path,
        vf_calls,
        where,
    )
    from rnn_guide.timing import BatchingTiming, MachineInfo, compare_batching, machine_info

__all__ = [
    "MESSAGES",
    "BatchingTiming",
    "Diagnosis",
    "MachineInfo",
    "RNNSpec",
    "ShapeError",
    "Shapes",
    "SourceLocation",
    "batches_per_epoch",
    "compare_batching",
    "diagnose",
    "docstring_position",
    "expected_shapes",
    "format_shape",
    "forward",
    "forward_path",
    "machine_info",
    "time_step_order",
    "total_steps",
    "vf_calls",
    "where",
]

# Which module defines each public name.
_HOMES = {
    "batches_per_epoch": "batching",
    "time_step_order": "batching",
    "total_steps": "batching",
    "Diagnosis": "diagnose",
    "diagnose": "diagnose",
    "forward": "scratch",
    "MESSAGES": "shapes",
    "RNNSpec": "shapes",
    "ShapeError": "shapes",
    "Shapes": "shapes",
    "expected_shapes": "shapes",
    "format_shape": "shapes",
    "SourceLocation": "source",
    "docstring_position": "source",
    "forward_path": "source",
    "vf_calls": "source",
    "where": "source",
    "BatchingTiming": "timing",
    "MachineInfo": "timing",
    "compare_batching": "timing",
    "machine_info": "timing",
}


def __getattr__(name: str) -> object:
    """Import the module that defines `name` on first use (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'rnn_guide' has no attribute {name!r}")
    value = getattr(import_module(f"rnn_guide.{home}"), name)
    globals()[name] = value  # later look-ups do not come here again
    return value


def __dir__() -> list[str]:
    """The public names and the module's own attributes, as `dir()` lists them."""
    return sorted(set(globals()) | set(__all__))


class _Package(ModuleType):
    """The package module: `rnn_guide.diagnose` stays the function once its module loads.

    Importing a submodule sets it as an attribute of the package; for the one name
    that is both (`diagnose`), the function is kept, as an eager import would.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, ModuleType) and _HOMES.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
