"""Find English words in Chinese output: what is left after identifiers, shapes and flags.

A run of Latin letters counts as English unless it is code: it touches one of
`_ . ( ) [ ] = * - / : ' "` or a digit (identifiers such as `h_0`, calls, shapes,
`--flags`, `key=value`), it is written in capitals (`RNN`, `MODE`), it is a class or
exception name in CamelCase (`PackedSequence`, `RuntimeError`), it is inside quotation
marks (PyTorch's own message, quoted), or it is one of the names below that PyTorch and
the command use as identifiers on their own (`input`, `batch`, `PyTorch`).
"""

from __future__ import annotations

import re

# Names that appear alone in Chinese text as identifiers, never as English words.
IDENTIFIERS = frozenset(
    {
        *("PyTorch", "Python", "torch", "nn", "if", "else", "for", "lambda", "print"),
        *("input", "output", "batch", "features", "seq_len", "x", "h", "c", "hx"),
        *("int", "float", "bool", "True", "False", "None", "int64", "float32", "float64"),
        *("module", "model", "tensor", "tensors", "meta", "mode", "numpy", "nonzero"),
        *("rnn", "gru", "lstm", "dtype", "device", "cpu", "cuda", "cuDNN", "CUDA"),
        *("lengths", "dropout", "bias", "nonlinearity", "tanh", "relu", "weight", "weights"),
        *("en", "zh", "shapes", "diagnose", "explain", "stdin", "stdout"),
    }
)

_URL = re.compile(r"\w+://\S+")
# Quotations of other texts (PyTorch's own messages) are not the project's words.
# An assignment or a comparison in code: `keep = lengths > 0`.
_STATEMENT = re.compile(r"[A-Za-z_][\w.]*\s*(?:[=<>!]=?|\+|-)\s*[\w.()'\[\]]+")
_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|「[^」\n]*」')
# Runs of characters other than spaces, CJK characters and CJK punctuation.
_RUN = re.compile(r"[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+")
_CODE = re.compile(r"[_.()\[\]=*\-/:'\"`{}<>0-9]")


def english_words(text: str) -> list[str]:
    """The English words of `text` (empty for a Chinese text with only code in it).

    Examples:
        >>> english_words("h_0 的形状为 (1, 1, 6)，请用 --proj-size 0 或 nn.LSTM。")
        []
        >>> english_words("输入 has 4 features")
        ['has']
    """
    words = []
    plain = _STATEMENT.sub(" ", _QUOTED.sub(" ", _URL.sub(" ", text)))
    for run in _RUN.findall(plain):
        if _CODE.search(run):
            continue
        for word in re.findall(r"[A-Za-z]+", run):
            camel_case = re.fullmatch(r"[A-Z][a-z]+[A-Z][A-Za-z]*", word)  # PackedSequence
            if word in IDENTIFIERS or word.isupper() or camel_case:
                continue
            words.append(word)
    return words
