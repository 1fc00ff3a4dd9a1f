"""Counting arithmetic of training loops: batches, steps and time-step order.

An epoch is one pass over the whole dataset; the batch size is how many samples go
into one parameter update; one iteration (or step) processes one batch. These
functions compute the counts exactly as `torch.utils.data.DataLoader` does, and show
which tokens an RNN processes together at each time step.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["batches_per_epoch", "time_step_order", "total_steps"]


def _check_count(name: str, value: object) -> int:
    # bool is an int subclass, but batch_size=True is always a slip.
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(
            f"{name} is {value!r} but must be a whole number (int): pass e.g. {name}=32."
        )
    if value < 1:
        raise ValueError(f"{name} is {value!r} but must be at least 1.")
    return value


def _check_flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} is {value!r} but must be True or False.")
    return value


def batches_per_epoch(num_samples: int, batch_size: int, drop_last: bool = False) -> int:
    """Count the batches (iterations) in one epoch, as `len(DataLoader(...))` does.

    The last batch is smaller when `batch_size` does not divide `num_samples`;
    `drop_last=True` skips it. So the count is ceil(num_samples / batch_size), or
    floor(num_samples / batch_size) with `drop_last`.

    Args:
        num_samples: Samples in the dataset. An empty dataset is rejected: it is
            almost always a loading bug, and it would make every count 0.
        batch_size: Samples per batch.
        drop_last: Whether an incomplete last batch is skipped.

    Returns:
        The number of batches per epoch.

    Raises:
        ValueError: If a count is not an int (bools included) or is below 1, or
            `drop_last` is not a bool.

    Examples:
        >>> batches_per_epoch(100, 5)
        20
        >>> batches_per_epoch(103, 5), batches_per_epoch(103, 5, drop_last=True)
        (21, 20)
        >>> from torch.utils.data import DataLoader
        >>> len(DataLoader(range(103), batch_size=5))
        21
        >>> batches_per_epoch(100, 0)
        Traceback (most recent call last):
        ...
        ValueError: batch_size is 0 but must be at least 1.
    """
    num_samples = _check_count("num_samples", num_samples)
    batch_size = _check_count("batch_size", batch_size)
    drop_last = _check_flag("drop_last", drop_last)
    full, rest = divmod(num_samples, batch_size)
    return full if drop_last or rest == 0 else full + 1


def total_steps(num_samples: int, batch_size: int, epochs: int, drop_last: bool = False) -> int:
    """Count the parameter updates of a whole training run: batches per epoch × epochs.

    Args:
        num_samples: Samples in the dataset.
        batch_size: Samples per batch.
        epochs: Passes over the whole dataset.
        drop_last: Whether an incomplete last batch is skipped in every epoch.

    Returns:
        The number of optimizer steps, one per batch.

    Raises:
        ValueError: If a count is not an int (bools included) or is below 1, or
            `drop_last` is not a bool.

    Examples:
        >>> total_steps(100, batch_size=5, epochs=3)
        60
        >>> total_steps(103, batch_size=5, epochs=3, drop_last=True)
        60
    """
    epochs = _check_count("epochs", epochs)
    return batches_per_epoch(num_samples, batch_size, drop_last) * epochs


def time_step_order(
    words: Sequence[Sequence[str]], batch_first: bool = False
) -> list[tuple[str, ...]]:
    """List which tokens an RNN processes together at each time step of a batch.

    At time step t, the RNN takes token t of every sequence in the batch at once,
    as one matrix product. `batch_first` only says how the input tensor is laid out
    in memory; PyTorch moves the time axis first before the loop, so the order of
    the steps is the same either way. The parameter is here to show exactly that.

    Args:
        words: The sequences of a batch, e.g. `["love", "word"]` (one character per
            token) or lists of string tokens, all the same length.
        batch_first: The layout flag of the module. It changes nothing here.

    Returns:
        One tuple per time step, holding token t of every sequence, in batch order.

    Raises:
        ValueError: If `words` is a single string, is empty, holds an empty sequence,
            or holds sequences of different lengths (pad them to the same length).

    Examples:
        >>> time_step_order(["love", "word"])
        [('l', 'w'), ('o', 'o'), ('v', 'r'), ('e', 'd')]
        >>> time_step_order(["love", "word"], batch_first=True)
        [('l', 'w'), ('o', 'o'), ('v', 'r'), ('e', 'd')]
        >>> time_step_order([["the", "cat"], ["a", "dog"]])
        [('the', 'a'), ('cat', 'dog')]
        >>> time_step_order(["love", "hi"])
        Traceback (most recent call last):
        ...
        ValueError: words have different lengths ('love': 4, 'hi': 2): ...
    """
    _check_flag("batch_first", batch_first)
    if isinstance(words, str):
        raise ValueError(
            f"words is one string, {words!r}: pass a list of sequences, e.g. [{words!r}]."
        )
    if len(words) == 0:
        raise ValueError("words is empty: pass at least one sequence, e.g. ['love', 'word'].")
    lengths = [len(word) for word in words]
    if 0 in lengths:
        raise ValueError(
            f"words holds an empty sequence at position {lengths.index(0)}: "
            "an RNN needs at least one time step, so drop it or pad it."
        )
    if len(set(lengths)) > 1:
        detail = ", ".join(
            f"{word!r}: {length}" for word, length in zip(words, lengths, strict=True)
        )
        raise ValueError(
            f"words have different lengths ({detail}): pad them to the same length with a "
            "padding token (see torch.nn.utils.rnn.pad_sequence), or pack them with "
            "torch.nn.utils.rnn.pack_padded_sequence."
        )
    # Whatever the layout, step t gathers token t of every sequence: a transpose.
    return [tuple(step) for step in zip(*words, strict=True)]
