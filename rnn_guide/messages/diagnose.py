"""Messages of `rnn_guide.diagnose`: keys `"diagnose.<name>"`, each with "en" and "zh" templates.

A problem is worded from several entries in a row (a head, then one part per wrong
axis), each a whole sentence or clause. Placeholders: `{name}` is `input`, `h_0` or
`c_0`; `{shape}`, `{expected}` shapes written as Python tuples; `{dtype}`, `{weight}`
dtypes as torch writes them (`torch.float64`); `{mode}` one of RNN, GRU, LSTM.

See [`rnn_guide.messages`][rnn_guide.messages] for the placeholders.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # How PyTorch reads a valid input.
    "diagnose.reading.unbatched": {
        "en": "one unbatched sequence, seq_len={seq_len}, features={features}",
        "zh": "一个非批量的序列，seq_len={seq_len}，features={features}",
    },
    "diagnose.reading.batch_first": {
        "en": "batch={batch}, seq_len={seq_len}, features={features}",
        "zh": "batch={batch}，seq_len={seq_len}，features={features}",
    },
    "diagnose.reading.time_first": {
        "en": "seq_len={seq_len}, batch={batch}, features={features}",
        "zh": "seq_len={seq_len}，batch={batch}，features={features}",
    },
    "diagnose.summary.input": {
        "en": "nn.{mode} reads the input {shape} as {reading} (batch_first={batch_first}).",
        "zh": "nn.{mode} 把输入 {shape} 读作 {reading}（batch_first={batch_first}）。",
    },
    "diagnose.summary.unbatched": {
        "en": "nn.{mode} reads the input {shape} as {reading} (batch_first does not apply to"
        " 2-D input).",
        "zh": "nn.{mode} 把输入 {shape} 读作 {reading}（batch_first 对二维输入不起作用）。",
    },
    "diagnose.summary.packed": {
        "en": "nn.{mode} reads a PackedSequence of {batch} sequences, the longest {longest}"
        " steps, features={features}; output is packed too",
        "zh": "nn.{mode} 读入一个 PackedSequence：{batch} 个序列，最长 {longest} 个时间步，"
        "features={features}；output 也是打包的",
    },
    "diagnose.summary.shapes": {
        "en": " output: {output}; h_n: {h_n}",
        "zh": "output：{output}；h_n：{h_n}",
    },
    "diagnose.summary.c_n": {"en": "; c_n: {c_n}", "zh": "；c_n：{c_n}"},
    "diagnose.summary.default_state": {
        "en": "; h_0 defaults to zeros.",
        "zh": "；h_0 默认为全零。",
    },
    "diagnose.summary.state_fits": {
        "en": "; the given state fits.",
        "zh": "；给出的状态形状正确。",
    },
    # The input.
    "diagnose.packed_data": {
        "en": "the packed data has shape {shape} but must be (total steps, {input_size}): pack"
        " tensors whose last axis is {arg:input_size={input_size}}.",
        "zh": "打包后的数据形状为 {shape}，但必须是 (总时间步数, {input_size})：请打包最后一个轴"
        "为 {arg:input_size={input_size}} 的张量。",
    },
    "diagnose.input_not_tensor": {
        "en": "input is a {type}, not a tensor: convert it with torch.tensor(...) or"
        " torch.stack(...), or pack it with torch.nn.utils.rnn.pack_sequence.",
        "zh": "input 是 {type}，不是张量：请用 torch.tensor(...) 或 torch.stack(...) 转换，"
        "或用 torch.nn.utils.rnn.pack_sequence 打包。",
    },
    "diagnose.features_axis": {
        "en": " Axis {axis} has size {input_size}, which is input_size: the features are"
        " probably there. Move them last with x.permute{order}.",
        "zh": "第 {axis} 个轴的长度为 {input_size}，正是 input_size：特征可能在那里。"
        "请用 x.permute{order} 把它移到最后。",
    },
    "diagnose.one_step": {
        "en": " A single vector of {input_size} features is one time step: x.unsqueeze(0)"
        " makes it one sequence of one step, (1, {input_size}).",
        "zh": "一个有 {input_size} 个特征的向量是一个时间步：x.unsqueeze(0) 把它变成只有一个时间步"
        "的序列 (1, {input_size})。",
    },
    "diagnose.squeeze_axis": {
        "en": " Axis {axis} has size 1: x.squeeze({axis}) gives {squeezed}.",
        "zh": "第 {axis} 个轴的长度为 1：x.squeeze({axis}) 得到 {squeezed}。",
    },
    # dtype and device, against the module's weights.
    "diagnose.dtype.float": {
        "en": "{name} has dtype {dtype} but the module's weights are {weight}: convert it with"
        " {name}.to({weight}), or the module with module.to({dtype}).",
        "zh": "{name} 的 dtype 为 {dtype}，但模块的权重是 {weight}：请用 {name}.to({weight}) "
        "转换它，或用 module.to({dtype}) 转换模块。",
    },
    "diagnose.dtype.float_input": {
        "en": "{name} has dtype {dtype} but the module's weights are {weight}: convert it with"
        " {name}.to({weight}) (the state has the weights' dtype, so convert the input, not the"
        " module).",
        "zh": "{name} 的 dtype 为 {dtype}，但模块的权重是 {weight}：请用 {name}.to({weight}) "
        "转换它（状态的 dtype 与权重相同，所以要转换输入，而不是模块）。",
    },
    "diagnose.dtype.int": {
        "en": "{name} has dtype {dtype} but the module's weights are {weight}: integer values"
        " look like token ids: turn them into vectors with nn.Embedding(vocab_size,"
        " {input_size}) first, or convert them with {name}.to({weight}).",
        "zh": "{name} 的 dtype 为 {dtype}，但模块的权重是 {weight}：整数看起来像词元的索引："
        "请先用 nn.Embedding(vocab_size, {input_size}) 把它们变成向量，"
        "或用 {name}.to({weight}) 转换。",
    },
    "diagnose.dtype.bool": {
        "en": "{name} has dtype {dtype} but the module's weights are {weight}: convert it with"
        " {name}.to({weight}); the recurrent modules compute in floating point only, so"
        " the module cannot be converted to {dtype}.",
        "zh": "{name} 的 dtype 为 {dtype}，但模块的权重是 {weight}：请用 {name}.to({weight}) "
        "转换它；循环模块只做浮点运算，模块不能转换成 {dtype}。",
    },
    "diagnose.dtype.complex": {
        "en": "{name} has dtype {dtype} but the module's weights are {weight}: the recurrent"
        " modules compute in real numbers. Keep the real and imaginary parts as features:"
        " torch.view_as_real({name}).flatten(-2) has {doubled} features, for a module built"
        " with {arg:input_size={doubled}}.",
        "zh": "{name} 的 dtype 为 {dtype}，但模块的权重是 {weight}：循环模块只做实数运算。"
        "请把实部和虚部都当作特征：torch.view_as_real({name}).flatten(-2) 有 {doubled} 个特征，"
        "配合用 {arg:input_size={doubled}} 构建的模块。",
    },
    "diagnose.dtype.state": {
        "en": "{name} has dtype {dtype} but the module's weights are {weight}: create it with"
        " the weights' dtype, torch.zeros(..., dtype={weight}), or convert it with"
        " {name}.to({weight}).",
        "zh": "{name} 的 dtype 为 {dtype}，但模块的权重是 {weight}：请用权重的 dtype 创建它，"
        "torch.zeros(..., dtype={weight})，或用 {name}.to({weight}) 转换。",
    },
    "diagnose.device": {
        "en": "{name} is on {device} but the module is on {target}: move it with"
        " {name}.to('{target}').",
        "zh": "{name} 在 {device} 上，但模块在 {target} 上：请用 {name}.to('{target}') 移过去。",
    },
    # The form of hx.
    "diagnose.lstm_one_tensor": {
        "en": "nn.LSTM takes its state as a tuple (h_0, c_0), but hx is one tensor of shape"
        " {shape}; PyTorch then fails with a message that does not mention the tuple (an"
        ' IndexError, or "hx and cx should also be 3-D"). Pass hx=(h_0, c_0){wanted}.',
        "zh": "nn.LSTM 的状态是元组 (h_0, c_0)，但 hx 是一个形状为 {shape} 的张量；PyTorch 随后"
        '报出的错误不会提到元组（IndexError，或 "hx and cx should also be 3-D"）。'
        "请传入 hx=(h_0, c_0){wanted}。",
    },
    "diagnose.lstm_one_tensor.wanted": {
        "en": " with h_0 of shape {h} and c_0 of shape {c} (zeros if you have no cell state yet)",
        "zh": "，其中 h_0 的形状为 {h}，c_0 的形状为 {c}（还没有记忆元时用全零）",
    },
    "diagnose.lstm_pair": {
        "en": "nn.LSTM takes its state as a tuple (h_0, c_0), got {described}: pass exactly two"
        " tensors.",
        "zh": "nn.LSTM 的状态是元组 (h_0, c_0)，这里却是 {described}：请正好传入两个张量。",
    },
    "diagnose.lstm_not_tensors": {
        "en": "hx must be two tensors (h_0, c_0), got {described}.",
        "zh": "hx 必须是两个张量 (h_0, c_0)，这里却是 {described}。",
    },
    "diagnose.tuple_for_rnn": {
        "en": "nn.{mode} takes h_0 as one tensor, but hx is {described}: a tuple (h_0, c_0) is"
        " only for nn.LSTM. Pass the h_0 tensor alone.",
        "zh": "nn.{mode} 的 h_0 是一个张量，但 hx 是 {described}：元组 (h_0, c_0) 只属于 "
        "nn.LSTM。请只传入 h_0 这个张量。",
    },
    "diagnose.hx_not_tensor": {
        "en": "hx must be a tensor (h_0), got {described}.",
        "zh": "hx 必须是一个张量 (h_0)，这里却是 {described}。",
    },
    "diagnose.described.sequence": {
        "en": "a {type} of {count} ({kinds})",
        "zh": "含 {count} 项的 {type}（{kinds}）",
    },
    "diagnose.described.one": {"en": "a {type}", "zh": "{type}"},
    # The shape of h_0 or c_0.
    "diagnose.state.head": {
        "en": "{name} has shape {shape} but must be {expected}, that is {layout}.",
        "zh": "{name} 的形状为 {shape}，但必须是 {expected}，即 {layout}。",
    },
    "diagnose.state.layout3": {
        "en": "(D*num_layers, batch, {size_name})",
        "zh": "(D*num_layers, batch, {size_name})",
    },
    "diagnose.state.layout2": {
        "en": "(D*num_layers, {size_name})",
        "zh": "(D*num_layers, {size_name})",
    },
    "diagnose.state.needs_3d": {
        "en": " The input is a batch (3-D), so {name} must be 3-D too",
        "zh": "输入是一个批次（三维），所以 {name} 也必须是三维的",
    },
    "diagnose.state.add_batch_axis": {
        "en": ": add the batch axis with {name}.unsqueeze(1).",
        "zh": "：请用 {name}.unsqueeze(1) 加上批量轴。",
    },
    "diagnose.state.repeat_batch": {
        "en": ": add the batch axis and repeat it for the input's batch of {batch},"
        " {name}.unsqueeze(1).expand(-1, {batch}, -1).contiguous().",
        "zh": "：请加上批量轴，并为输入的 {batch} 个序列重复它："
        "{name}.unsqueeze(1).expand(-1, {batch}, -1).contiguous()。",
    },
    "diagnose.state.add_layer_axis": {
        "en": ": it holds one state per sequence; add the layer axis with {name}.unsqueeze(0).",
        "zh": "：它为每个序列存了一个状态；请用 {name}.unsqueeze(0) 加上层的轴。",
    },
    "diagnose.state.repeat_layers": {
        "en": ": it holds one state per sequence, but the module keeps {states} per sequence"
        " (D*num_layers = {directions}*{layers}). Give every layer and direction its own"
        " state, e.g. torch.zeros{expected}, or start them all from this one with"
        " {name}.unsqueeze(0).repeat({states}, 1, 1).",
        "zh": "：它为每个序列存了一个状态，但模块每个序列要 {states} 个状态"
        "（D*num_layers = {directions}*{layers}）。请给每一层、每个方向各自的状态，"
        "例如 torch.zeros{expected}；或用 {name}.unsqueeze(0).repeat({states}, 1, 1) "
        "让它们都从这一个开始。",
    },
    "diagnose.state.build": {
        "en": ": build it with that shape, e.g. torch.zeros{expected}.",
        "zh": "：请按这个形状构建它，例如 torch.zeros{expected}。",
    },
    "diagnose.state.needs_2d": {
        "en": " The input is one unbatched sequence (2-D), so {name} must be 2-D too",
        "zh": "输入是一个非批量的序列（二维），所以 {name} 也必须是二维的",
    },
    "diagnose.state.drop_batch_axis": {
        "en": ": drop its batch axis with {name}.squeeze(1), or give the input a batch axis"
        " with {unsqueeze}.",
        "zh": "：请用 {name}.squeeze(1) 去掉它的批量轴，或用 {unsqueeze} 给输入加上批量轴。",
    },
    "diagnose.state.batch_of_many": {
        "en": ": it holds a batch of {batch} states, but the input is one sequence. Check"
        " which you mean: one sequence needs one state, e.g. {name}[:, 0]; {batch}"
        " sequences need an input of shape {layout}.",
        "zh": "：它存了 {batch} 个序列的状态，但输入只是一个序列。请确认你的本意："
        "一个序列只需要一个状态，例如 {name}[:, 0]；{batch} 个序列需要形状为 {layout} 的输入。",
    },
    "diagnose.state.batch_first": {
        "en": " It looks batch-first, (batch, D*num_layers, {size_name}). {never} Swap its"
        " first two axes: {name}.transpose(0, 1).contiguous().",
        "zh": "它看起来是批量维在前的布局，(batch, D*num_layers, {size_name})。{never}"
        "请交换它的前两个轴：{name}.transpose(0, 1).contiguous()。",
    },
    "diagnose.state.never_batch_first": {
        "en": "{name} is never batch-first, whatever batch_first says: it is always"
        " (D*num_layers, batch, {size_name}).",
        "zh": "无论 batch_first 取什么值，{name} 都不会是批量维在前的布局："
        "它总是 (D*num_layers, batch, {size_name})。",
    },
    "diagnose.state.axis0": {
        "en": " Axis 0 is {got} but the module keeps one state per layer and direction:"
        " D*num_layers = {directions}*{layers} = {states}.",
        "zh": "第 0 个轴为 {got}，但模块每层、每个方向各有一个状态："
        "D*num_layers = {directions}*{layers} = {states}。",
    },
    "diagnose.state.batch": {
        "en": " Its batch (axis 1) is {got}, the input's is {batch}. With"
        " batch_first={batch_first}, PyTorch reads the input {shape} as {reading}: axis"
        " {axis} is the batch.",
        "zh": "它的批量大小（第 1 个轴）为 {got}，输入的为 {batch}。batch_first={batch_first} "
        "时，PyTorch 把输入 {shape} 读作 {reading}：第 {axis} 个轴是批量轴。",
    },
    "diagnose.state.flip_fits": {
        "en": " If you meant {flipped}, build the module with batch_first={flipped_bf} (or swap"
        " the input's first two axes with x.transpose(0, 1)); then this {name} fits.",
        "zh": "如果你的本意是 {flipped}，请用 batch_first={flipped_bf} 构建模块（或用 "
        "x.transpose(0, 1) 交换输入的前两个轴）；这样这个 {name} 就合适了。",
    },
    "diagnose.state.flip_batch": {
        "en": " If you meant {flipped}, build the module with batch_first={flipped_bf} (or swap"
        " the input's first two axes with x.transpose(0, 1)); then its batch fits, but the"
        " other axes named here still need changing.",
        "zh": "如果你的本意是 {flipped}，请用 batch_first={flipped_bf} 构建模块（或用 "
        "x.transpose(0, 1) 交换输入的前两个轴）；这样它的批量大小就对了，"
        "但这里指出的其他轴仍然要改。",
    },
    "diagnose.state.packed_batch": {
        "en": " Its batch (axis 1) is {got}, but the PackedSequence holds {batch} sequences, so"
        " that is the batch.",
        "zh": "它的批量大小（第 1 个轴）为 {got}，但这个 PackedSequence 有 {batch} 个序列，"
        "所以批量大小是 {batch}。",
    },
    "diagnose.state.batch_right": {
        "en": " If batch={batch} is right, make {name} {expected}.",
        "zh": "如果 batch={batch} 是对的，请把 {name} 做成 {expected}。",
    },
    "diagnose.state.never_suffix": {"en": " {never}", "zh": "{never}"},
    "diagnose.state.last_axis": {
        "en": " The last axis is {got} but must be {expected}, the module's"
        " {arg:hidden_size={hidden_size}}.",
        "zh": "最后一个轴为 {got}，但必须是 {expected}，即模块的 {arg:hidden_size={hidden_size}}。",
    },
    "diagnose.state.last_axis_proj": {
        "en": " The last axis is {got} but must be {expected}: with"
        " {arg:proj_size={proj_size}}, h is projected down to proj_size.",
        "zh": "最后一个轴为 {got}，但必须是 {expected}：{arg:proj_size={proj_size}} 时，h 被投影到 "
        "proj_size。",
    },
    "diagnose.state.last_axis_cell": {
        "en": " The last axis is {got} but must be {expected}: c keeps hidden_size even with"
        " proj_size (only h is projected).",
        "zh": "最后一个轴为 {got}，但必须是 {expected}：即使设置了 proj_size，c 仍保持 "
        "hidden_size（只有 h 被投影）。",
    },
    "diagnose.state.for_example": {
        "en": " For example torch.zeros{expected} fits.",
        "zh": "例如 torch.zeros{expected} 就合适。",
    },
    # The probe: what PyTorch itself says.
    "diagnose.torch_error": {
        "en": "PyTorch raises: {message}",
        "zh": "PyTorch 报错：{message}",
    },
}
