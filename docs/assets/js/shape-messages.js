/* The shape calculator's messages: the "shape.*" entries of rnn_guide's message table
   (rnn_guide/messages/), key -> {en, zh}, arguments spelled as in Python.
   Written by tools/site/calculator_messages.py (`make calculator-messages`): do not edit. */
window.rnnGuideMessages = {
  "shape.features": {
    "en": "input has {given} features (last axis) but input_size is {expected}: make the last axis {expected} long, or build the module with input_size={given}. If the features are on another axis, move them last with x.transpose, not x.view.",
    "zh": "输入有 {given} 个特征（最后一个轴），但 input_size 为 {expected}：请让最后一个轴的长度为 {expected}，或用 input_size={given} 构建模块。如果特征在其他轴上，请用 x.transpose 把它移到最后，而不是 x.view。"
  },
  "shape.hidden_size_not_positive": {
    "en": "hidden_size is {given} but must be at least 1: the hidden state needs at least one feature.",
    "zh": "hidden_size 为 {given}，但必须至少为 1：隐状态至少要有一个特征。"
  },
  "shape.input_size_not_positive": {
    "en": "input_size is {given} but must be at least 1: every time step needs at least one feature.",
    "zh": "input_size 为 {given}，但必须至少为 1：每个时间步至少要有一个特征。"
  },
  "shape.mode": {
    "en": "mode is {given} but must be 'RNN', 'GRU' or 'LSTM': use the name of the module class (nn.RNN, nn.GRU or nn.LSTM).",
    "zh": "mode 为 {given}，但必须是 'RNN'、'GRU' 或 'LSTM'：请使用模块类的名字（nn.RNN、nn.GRU 或 nn.LSTM）。"
  },
  "shape.not_bool": {
    "en": "{name} is {given} but must be True or False.",
    "zh": "{name} 为 {given}，但必须是 True 或 False。"
  },
  "shape.not_int": {
    "en": "{name} is {given} but must be a whole number (int), e.g. 8.",
    "zh": "{name} 为 {given}，但必须是整数（int），例如 8。"
  },
  "shape.not_module": {
    "en": "module is {given} but must be nn.RNN, nn.GRU or nn.LSTM: pass the recurrent layer itself (for a model, the layer inside it, e.g. model.rnn); cells such as nn.RNNCell take a single time step and are not covered.",
    "zh": "module 为 {given}，但必须是 nn.RNN、nn.GRU 或 nn.LSTM：请传入循环层本身（对于整个模型，传入其中的那一层，例如 model.rnn）；nn.RNNCell 这类单元只处理一个时间步，不在此列。"
  },
  "shape.num_layers_not_positive": {
    "en": "num_layers is {given} but must be at least 1: the module needs at least one layer.",
    "zh": "num_layers 为 {given}，但必须至少为 1：模块至少要有一层。"
  },
  "shape.proj_negative": {
    "en": "proj_size is {given} but must be 0 or more: use proj_size=0 for no projection.",
    "zh": "proj_size 为 {given}，但必须大于或等于 0：不需要投影时用 proj_size=0。"
  },
  "shape.proj_not_lstm": {
    "en": "proj_size is {given} but only LSTM has a projection, {mode} has none: use proj_size=0, or mode='LSTM'.",
    "zh": "proj_size 为 {given}，但只有 LSTM 有投影，{mode} 没有：请使用 proj_size=0，或 mode='LSTM'。"
  },
  "shape.proj_too_large": {
    "en": "proj_size is {given} but must be smaller than hidden_size ({hidden_size}): use a proj_size from 1 to {largest}, or proj_size=0 for no projection.",
    "zh": "proj_size 为 {given}，但必须小于 hidden_size（{hidden_size}）：请取 1 到 {largest} 之间的 proj_size，或用 proj_size=0 表示不投影。"
  },
  "shape.rank_too_high": {
    "en": "input has {rank} dimensions, shape {shape}, but nn.{mode} takes at most 3: {layout}. Remove or merge the extra axes, e.g. x.squeeze(0) for an extra axis of size 1, or x.flatten(0, 1) to merge two batch axes.",
    "zh": "输入有 {rank} 个维度，形状为 {shape}，但 nn.{mode} 最多接受 3 个维度：{layout}。请去掉或合并多余的轴，例如用 x.squeeze(0) 去掉大小为 1 的多余轴，或用 x.flatten(0, 1) 合并两个批次轴。"
  },
  "shape.rank_too_low": {
    "en": "input has {rank} dimension(s), shape {shape}, but nn.{mode} needs 2: (seq_len, features) for one sequence, or 3: {layout} for a batch. A single time step still needs a seq_len axis: x.unsqueeze(0).",
    "zh": "输入有 {rank} 个维度，形状为 {shape}，但 nn.{mode} 需要 2 个维度：单个序列为 (seq_len, features)；或 3 个维度：一个批次为 {layout}。即使只有一个时间步，也需要 seq_len 轴：x.unsqueeze(0)。"
  },
  "shape.seq_len_zero": {
    "en": "input has seq_len 0 (axis {axis}) but nn.{mode} needs at least one time step: drop empty sequences before the call.",
    "zh": "输入的 seq_len 为 0（第 {axis} 个轴），但 nn.{mode} 至少需要一个时间步：请在调用前去掉空序列。"
  },
  "shape.shape_negative": {
    "en": "input shape {shape} has a negative size: every axis must be 0 or more.",
    "zh": "输入形状 {shape} 中有负数：每个轴的大小都必须大于或等于 0。"
  },
  "shape.shape_not_ints": {
    "en": "input shape is {given} but must be a tuple of whole numbers: pass e.g. x.shape.",
    "zh": "输入形状为 {given}，但必须是由整数组成的元组：例如传入 x.shape。"
  },
  "shape.size_too_large": {
    "en": "{name} is {given}, larger than PyTorch can hold: sizes are int64, at most 9223372036854775807.",
    "zh": "{name} 为 {given}，超出了 PyTorch 能表示的范围：大小是 int64，最大为 9223372036854775807。"
  },
  "shape.storage_too_large": {
    "en": "{tensor} would have shape {shape}, more elements than PyTorch can hold (its size in bytes must fit in int64): use smaller sizes.",
    "zh": "{tensor} 的形状将是 {shape}，元素多到 PyTorch 无法容纳（以字节计的大小必须能用 int64 表示）：请使用更小的大小。"
  }
};
