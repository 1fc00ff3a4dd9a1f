"""Messages of `rnn_guide.shapes` (every `ShapeError`): keys `"shape.<name>"`.

Placeholders: `{given}` is the offending value as Python's `repr` writes it (`'rnn'`,
`2.5`); `{name}` an argument's name (an [`Arg`][rnn_guide.messages.Arg]); `{shape}` a
shape written as a Python tuple (`(1, 3, 5)`, `(5,)`); `{mode}` one of RNN, GRU, LSTM;
`{layout}` `(seq_len, batch, features)` or `(batch, seq_len, features)`; `{tensor}` the
name of a tensor (input, output, h_0, weight_hh_l0, ...).
"""

MESSAGES: dict[str, dict[str, str]] = {
    # The specification: constructor arguments.
    "shape.mode": {
        "en": (
            "{arg:mode} is {given} but must be 'RNN', 'GRU' or 'LSTM': "
            "use the name of the module class (nn.RNN, nn.GRU or nn.LSTM)."
        ),
        "zh": (
            "{arg:mode} 为 {given}，但必须是 'RNN'、'GRU' 或 'LSTM'："
            "请使用模块类的名字（nn.RNN、nn.GRU 或 nn.LSTM）。"
        ),
    },
    "shape.not_int": {
        "en": "{name} is {given} but must be a whole number (int), e.g. 8.",
        "zh": "{name} 为 {given}，但必须是整数（int），例如 8。",
    },
    "shape.input_size_not_positive": {
        "en": (
            "{arg:input_size} is {given} but must be at least 1: "
            "every time step needs at least one feature."
        ),
        "zh": "{arg:input_size} 为 {given}，但必须至少为 1：每个时间步至少要有一个特征。",
    },
    "shape.hidden_size_not_positive": {
        "en": (
            "{arg:hidden_size} is {given} but must be at least 1: "
            "the hidden state needs at least one feature."
        ),
        "zh": "{arg:hidden_size} 为 {given}，但必须至少为 1：隐状态至少要有一个特征。",
    },
    "shape.num_layers_not_positive": {
        "en": (
            "{arg:num_layers} is {given} but must be at least 1: "
            "the module needs at least one layer."
        ),
        "zh": "{arg:num_layers} 为 {given}，但必须至少为 1：模块至少要有一层。",
    },
    "shape.not_bool": {
        "en": "{name} is {given} but must be True or False.",
        "zh": "{name} 为 {given}，但必须是 True 或 False。",
    },
    "shape.size_too_large": {
        "en": (
            "{name} is {given}, larger than PyTorch can hold: sizes are int64, "
            "at most 9223372036854775807."
        ),
        "zh": (
            "{name} 为 {given}，超出了 PyTorch 能表示的范围："
            "大小是 int64，最大为 9223372036854775807。"
        ),
    },
    "shape.storage_too_large": {
        "en": (
            "{tensor} would have shape {shape}, more elements than PyTorch can hold "
            "(its size in bytes must fit in int64): use smaller sizes."
        ),
        "zh": (
            "{tensor} 的形状将是 {shape}，元素多到 PyTorch 无法容纳"
            "（以字节计的大小必须能用 int64 表示）：请使用更小的大小。"
        ),
    },
    "shape.proj_not_lstm": {
        "en": (
            "{arg:proj_size} is {given} but only LSTM has a projection, {mode} has none: "
            "use {arg:proj_size=0}, or {arg:mode='LSTM'}."
        ),
        "zh": (
            "{arg:proj_size} 为 {given}，但只有 LSTM 有投影，{mode} 没有："
            "请使用 {arg:proj_size=0}，或 {arg:mode='LSTM'}。"
        ),
    },
    "shape.proj_not_lstm@cli": {
        "en": (
            "{arg:proj_size} is {given} but only LSTM has a projection, {mode} has none: "
            "drop {arg:proj_size}, or choose LSTM as MODE."
        ),
        "zh": (
            "{arg:proj_size} 为 {given}，但只有 LSTM 有投影，{mode} 没有："
            "请去掉 {arg:proj_size}，或把 MODE 设为 LSTM。"
        ),
    },
    "shape.proj_negative": {
        "en": (
            "{arg:proj_size} is {given} but must be 0 or more: "
            "use {arg:proj_size=0} for no projection."
        ),
        "zh": "{arg:proj_size} 为 {given}，但必须大于或等于 0：不需要投影时用 {arg:proj_size=0}。",
    },
    "shape.proj_too_large": {
        "en": (
            "{arg:proj_size} is {given} but must be smaller than {arg:hidden_size} "
            "({hidden_size}): use a {arg:proj_size} from 1 to {largest}, "
            "or {arg:proj_size=0} for no projection."
        ),
        "zh": (
            "{arg:proj_size} 为 {given}，但必须小于 {arg:hidden_size}（{hidden_size}）："
            "请取 1 到 {largest} 之间的 {arg:proj_size}，或用 {arg:proj_size=0} 表示不投影。"
        ),
    },
    "shape.not_module": {
        "en": (
            "module is {given} but must be nn.RNN, nn.GRU or nn.LSTM: pass the recurrent "
            "layer itself (for a model, the layer inside it, e.g. model.rnn); cells such as "
            "nn.RNNCell take a single time step and are not covered."
        ),
        "zh": (
            "module 为 {given}，但必须是 nn.RNN、nn.GRU 或 nn.LSTM：请传入循环层本身"
            "（对于整个模型，传入其中的那一层，例如 model.rnn）；"
            "nn.RNNCell 这类单元只处理一个时间步，不在此列。"
        ),
    },
    # The input shape.
    "shape.shape_not_ints": {
        "en": "input shape is {given} but must be a tuple of whole numbers: pass e.g. x.shape.",
        "zh": "输入形状为 {given}，但必须是由整数组成的元组：例如传入 x.shape。",
    },
    "shape.shape_negative": {
        "en": "input shape {shape} has a negative size: every axis must be 0 or more.",
        "zh": "输入形状 {shape} 中有负数：每个轴的大小都必须大于或等于 0。",
    },
    "shape.rank_too_low": {
        "en": (
            "input has {rank} dimension(s), shape {shape}, but nn.{mode} needs 2: "
            "(seq_len, features) for one sequence, or 3: {layout} for a batch. "
            "A single time step still needs a seq_len axis: x.unsqueeze(0)."
        ),
        "zh": (
            "输入有 {rank} 个维度，形状为 {shape}，但 nn.{mode} 需要 2 个维度："
            "单个序列为 (seq_len, features)；或 3 个维度：一个批次为 {layout}。"
            "即使只有一个时间步，也需要 seq_len 轴：x.unsqueeze(0)。"
        ),
    },
    "shape.rank_too_low@cli": {
        "en": (
            "input has {rank} dimension(s), shape {shape}, but nn.{mode} needs 2: "
            "(seq_len, features) for one sequence, or 3: {layout} for a batch. "
            "A single time step still needs a seq_len axis: write its size 1 first, "
            "e.g. --input 1,5."
        ),
        "zh": (
            "输入有 {rank} 个维度，形状为 {shape}，但 nn.{mode} 需要 2 个维度："
            "单个序列为 (seq_len, features)；或 3 个维度：一个批次为 {layout}。"
            "即使只有一个时间步，也需要 seq_len 轴：把它的大小 1 写在最前面，例如 --input 1,5。"
        ),
    },
    "shape.rank_too_high": {
        "en": (
            "input has {rank} dimensions, shape {shape}, but nn.{mode} takes at most 3: "
            "{layout}. Remove or merge the extra axes, e.g. x.squeeze(0) for an extra axis "
            "of size 1, or x.flatten(0, 1) to merge two batch axes."
        ),
        "zh": (
            "输入有 {rank} 个维度，形状为 {shape}，但 nn.{mode} 最多接受 3 个维度：{layout}。"
            "请去掉或合并多余的轴，例如用 x.squeeze(0) 去掉大小为 1 的多余轴，"
            "或用 x.flatten(0, 1) 合并两个批次轴。"
        ),
    },
    "shape.rank_too_high@cli": {
        "en": (
            "input has {rank} dimensions, shape {shape}, but nn.{mode} takes at most 3: "
            "{layout}. Remove or merge the extra axes (an extra axis of size 1 can go; "
            "two batch axes merge into one of their product)."
        ),
        "zh": (
            "输入有 {rank} 个维度，形状为 {shape}，但 nn.{mode} 最多接受 3 个维度：{layout}。"
            "请去掉或合并多余的轴（大小为 1 的多余轴可以去掉；"
            "两个批次轴合并成大小为二者之积的一个轴）。"
        ),
    },
    "shape.features": {
        "en": (
            "input has {given} features (last axis) but {arg:input_size} is {expected}: "
            "make the last axis {expected} long, or build the module with "
            "{arg:input_size={given}}. If the features are on another axis, move them last "
            "with x.transpose, not x.view."
        ),
        "zh": (
            "输入有 {given} 个特征（最后一个轴），但 {arg:input_size} 为 {expected}："
            "请让最后一个轴的长度为 {expected}，或用 {arg:input_size={given}} 构建模块。"
            "如果特征在其他轴上，请用 x.transpose 把它移到最后，而不是 x.view。"
        ),
    },
    "shape.features@cli": {
        "en": (
            "input has {given} features (last axis) but {arg:input_size} is {expected}: "
            "make the last size of --input {expected}, or give {arg:input_size={given}}."
        ),
        "zh": (
            "输入有 {given} 个特征（最后一个轴），但 {arg:input_size} 为 {expected}："
            "请把 --input 的最后一个大小改为 {expected}，或给出 {arg:input_size={given}}。"
        ),
    },
    "shape.seq_len_zero": {
        "en": (
            "input has seq_len 0 (axis {axis}) but nn.{mode} needs at least one time step: "
            "drop empty sequences before the call."
        ),
        "zh": (
            "输入的 seq_len 为 0（第 {axis} 个轴），但 nn.{mode} 至少需要一个时间步："
            "请在调用前去掉空序列。"
        ),
    },
}
