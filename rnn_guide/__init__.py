"""Helpers for the rnn-guide pages: shape rules, diagnoses, a from-scratch RNN, batching.

Every name here is re-exported from its module; see each module for the details.
"""

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
from rnn_guide.source import SourceLocation, docstring_position, forward_path, vf_calls, where
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
