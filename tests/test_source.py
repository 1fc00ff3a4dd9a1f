import inspect
from pathlib import Path

import pytest
import torch
from torch import nn

import rnn_guide.shapes
from rnn_guide.source import (
    KERNEL_SOURCE,
    DocstringPosition,
    docstring_position,
    forward_path,
    vf_calls,
    where,
)

MODULES = [nn.RNN, nn.GRU, nn.LSTM]
KERNELS = {nn.RNN: {"rnn_tanh", "rnn_relu"}, nn.GRU: {"gru"}, nn.LSTM: {"lstm"}}


@pytest.mark.parametrize("obj", [nn.RNN, nn.RNN.forward, nn.LSTM, nn.GRU.forward, nn.Module])
def test_where_points_at_the_definition(obj: object) -> None:
    location = where(obj)
    assert location.file.startswith("torch/nn/modules/")
    assert not Path(location.file).is_absolute()
    assert location.path == Path(inspect.getsourcefile(obj)).resolve()  # type: ignore[arg-type]
    line = location.path.read_text(encoding="utf-8").splitlines()[location.line - 1]
    assert line.lstrip().startswith(("class ", "def ", "@"))
    assert str(location) == f"{location.file}:{location.line}"


def test_where_is_relative_to_the_top_level_package() -> None:
    assert where(rnn_guide.shapes.expected_shapes).file == "rnn_guide/shapes.py"


def test_where_takes_an_instance_through_its_class() -> None:
    assert where(nn.GRU(2, 3)) == where(nn.GRU)


@pytest.mark.parametrize("obj", [torch._VF.rnn_tanh, len, torch.zeros])
def test_where_rejects_compiled_code(obj: object) -> None:
    with pytest.raises(ValueError, match="no Python source"):
        where(obj)


@pytest.mark.parametrize("cls", MODULES)
def test_docstring_is_at_the_start_of_the_class(cls: type) -> None:
    position = docstring_position(cls)
    assert isinstance(position, DocstringPosition)
    assert position.at_start
    assert position.class_first < position.docstring_first <= position.docstring_last
    assert position.docstring_last < position.class_last
    assert position.lines_after > 0
    # The class's own forward comes after the docstring.
    _, forward_line = inspect.getsourcelines(cls.forward)
    assert forward_line > position.docstring_last
    # getdoc returns the same text the source holds there.
    lines = where(cls).path.read_text(encoding="utf-8").splitlines()
    first_doc_line = lines[position.docstring_first - 1]
    assert (inspect.getdoc(cls) or "").splitlines()[0].strip() in first_doc_line


def test_docstring_position_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="not a class"):
        docstring_position(nn.RNN(2, 3))  # type: ignore[arg-type]

    class NoDoc:
        x = 1

    with pytest.raises(ValueError):  # no source (defined in a test) or no docstring
        docstring_position(NoDoc)


@pytest.mark.parametrize("cls", MODULES)
def test_vf_calls_name_the_kernels(cls: type) -> None:
    calls = vf_calls(cls)
    assert calls
    names = {line.text.split("_VF.")[1].split("(")[0] for line in calls}
    assert names == KERNELS[cls]
    source = where(cls.forward).path.read_text(encoding="utf-8").splitlines()
    for line in calls:
        assert "_VF." in line.text
        assert source[line.location.line - 1].strip() == line.text
        assert str(line).startswith(f"{line.location}: ")


@pytest.mark.parametrize("cls", MODULES)
def test_forward_path_goes_from_call_to_kernel(cls: type) -> None:
    steps = forward_path(cls)
    names = [step.name for step in steps]
    assert names[0] == "Module.__call__"
    assert names[1] == f"{cls.__name__}.forward"
    assert any("check_forward_args" in name for name in names[2:-1])
    assert set(names[-1].replace("_VF.", "").split(" or ")) == KERNELS[cls]
    assert steps[-1].location is None
    assert KERNEL_SOURCE in str(steps[-1])
    assert all(step.location is not None for step in steps[:-1])
    assert forward_path(cls(2, 3)) == steps


def test_forward_path_default_is_rnn() -> None:
    assert forward_path() == forward_path(nn.RNN)


def test_call_impl_calls_forward() -> None:
    # The first step's claim, checked in the source it points at.
    assert "self.forward" in inspect.getsource(nn.Module._call_impl)


@pytest.mark.parametrize("bad", [nn.Linear(2, 2), nn.RNNCell(2, 3), "RNN", 3])
def test_recurrent_helpers_reject_other_objects(bad: object) -> None:
    with pytest.raises(ValueError, match=r"not nn\.RNN, nn\.GRU or nn\.LSTM"):
        forward_path(bad)
    with pytest.raises(ValueError, match=r"not nn\.RNN, nn\.GRU or nn\.LSTM"):
        vf_calls(bad)
