/* The shape calculator (reference/calculator/): the shape arithmetic of
   rnn_guide.shapes (RNNSpec, expected_shapes) in the browser, with the same error
   messages. Plain JavaScript, no build step. It builds its form inside
   <div data-shape-calculator></div> and does nothing on pages without one.

   The English messages below are MESSAGES from rnn_guide/shapes.py, character for
   character; a test compares them. The block between the MESSAGES markers is JSON. */
(function () {
  "use strict";

  /* MESSAGES-BEGIN */
  var MESSAGES = {
    "en": {
      "mode": "mode is {given} but must be 'RNN', 'GRU' or 'LSTM': use the name of the module class (nn.RNN, nn.GRU or nn.LSTM).",
      "not_int": "{name} is {given} but must be a whole number (int): pass e.g. {name}=8.",
      "not_positive": "{name} is {given} but must be at least 1: every layer needs at least one {unit}.",
      "not_bool": "{name} is {given} but must be True or False.",
      "proj_not_lstm": "proj_size is {given} but only LSTM has a projection, {mode} has none: use proj_size=0, or mode='LSTM'.",
      "proj_negative": "proj_size is {given} but must be 0 or more: use proj_size=0 for no projection.",
      "proj_too_large": "proj_size is {given} but must be smaller than hidden_size ({hidden_size}): use a proj_size from 1 to {largest}, or 0 for no projection.",
      "not_module": "module is {given} but must be nn.RNN, nn.GRU or nn.LSTM: pass the recurrent layer itself (for a model, the layer inside it, e.g. model.rnn); cells such as nn.RNNCell take a single time step and are not covered.",
      "shape_not_ints": "input shape is {given} but must be a tuple of whole numbers: pass e.g. x.shape.",
      "shape_negative": "input shape {shape} has a negative size: every axis must be 0 or more.",
      "rank_too_low": "input has {rank} dimension(s), shape {shape}, but nn.{mode} needs 2: (seq_len, features) for one sequence, or 3: {layout} for a batch. A single time step still needs a seq_len axis: x.unsqueeze(0).",
      "rank_too_high": "input has {rank} dimensions, shape {shape}, but nn.{mode} takes at most 3: {layout}. Remove or merge the extra axes, e.g. x.squeeze(0) for an extra axis of size 1, or x.flatten(0, 1) to merge two batch axes.",
      "features": "input has {given} features (last axis) but input_size is {expected}: make the last axis {expected} long, or build the module with input_size={given}. If the features are on another axis, move them last with x.transpose, not x.view.",
      "seq_len_zero": "input has seq_len 0 (axis {axis}) but nn.{mode} needs at least one time step: drop empty sequences before the call."
    },
    "zh": {
      "mode": "mode 为 {given}，但必须是 'RNN'、'GRU' 或 'LSTM'：请使用模块类的名字（nn.RNN、nn.GRU 或 nn.LSTM）。",
      "not_int": "{name} 为 {given}，但必须是整数（int）：例如传入 {name}=8。",
      "not_positive": "{name} 为 {given}，但必须至少为 1：至少要有一个{unit}。",
      "not_bool": "{name} 为 {given}，但必须是 True 或 False。",
      "proj_not_lstm": "proj_size 为 {given}，但只有 LSTM 有投影，{mode} 没有：请使用 proj_size=0，或 mode='LSTM'。",
      "proj_negative": "proj_size 为 {given}，但必须大于或等于 0：不需要投影时用 proj_size=0。",
      "proj_too_large": "proj_size 为 {given}，但必须小于 hidden_size（{hidden_size}）：请取 1 到 {largest} 之间的 proj_size，或用 0 表示不投影。",
      "not_module": "module 为 {given}，但必须是 nn.RNN、nn.GRU 或 nn.LSTM：请传入循环层本身（对于整个模型，传入其中的那一层，例如 model.rnn）；nn.RNNCell 这类单元只处理一个时间步，不在此列。",
      "shape_not_ints": "输入形状为 {given}，但必须是由整数组成的元组：例如传入 x.shape。",
      "shape_negative": "输入形状 {shape} 中有负数：每个轴的大小都必须大于或等于 0。",
      "rank_too_low": "输入有 {rank} 个维度，形状为 {shape}，但 nn.{mode} 需要 2 个维度：单个序列为 (seq_len, features)；或 3 个维度：一个批次为 {layout}。即使只有一个时间步，也需要 seq_len 轴：x.unsqueeze(0)。",
      "rank_too_high": "输入有 {rank} 个维度，形状为 {shape}，但 nn.{mode} 最多接受 3 个维度：{layout}。请去掉或合并多余的轴，例如用 x.squeeze(0) 去掉大小为 1 的多余轴，或用 x.flatten(0, 1) 合并两个批次轴。",
      "features": "输入有 {given} 个特征（最后一个轴），但 input_size 为 {expected}：请让最后一个轴的长度为 {expected}，或用 input_size={given} 构建模块。如果特征在其他轴上，请用 x.transpose 把它移到最后，而不是 x.view。",
      "seq_len_zero": "输入的 seq_len 为 0（第 {axis} 个轴），但 nn.{mode} 至少需要一个时间步：请在调用前去掉空序列。"
    }
  };
  /* MESSAGES-END */

  var UNITS = {
    en: { input_size: "feature", hidden_size: "hidden unit", num_layers: "layer" },
    zh: { input_size: "特征", hidden_size: "隐藏单元", num_layers: "层" }
  };

  // The axis names are PyTorch's own, the same in both languages.
  var AXES = {
    seq_len: "seq_len",
    batch: "batch",
    features: "features",
    layers: "num_layers × D",
    h_out: "H_out",
    h_cell: "hidden_size"
  };

  var UI = {
    en: {
      legend: "The module",
      mode: "Module",
      input_size: "features per time step (H_in)",
      hidden_size: "size of the hidden state h",
      num_layers: "stacked layers",
      bidirectional: "also run backwards in time (D = 2)",
      batch_first: "batched input and output are (batch, seq_len, features)",
      proj_size: "LSTM only: project h down to this size; 0 = none",
      shape_legend: "The input",
      shape: "input shape",
      shape_hint: "e.g. 7, 3, 10 or x.shape as printed: torch.Size([7, 3, 10])",
      results: "Shapes",
      tensor: "tensor",
      shape_col: "shape",
      axes: "axes",
      none: "none: only nn.LSTM has a cell state",
      ok: "PyTorch accepts this input.",
      error: "PyTorch would reject this:",
      same_as: "same shape as {name}",
      call: "The call",
      ax: AXES
    },
    zh: {
      legend: "模块",
      mode: "模块类型",
      input_size: "每个时间步的特征数（H_in）",
      hidden_size: "隐状态 h 的大小",
      num_layers: "堆叠的层数",
      bidirectional: "同时沿时间反向运行（D = 2）",
      batch_first: "批量输入和输出为 (batch, seq_len, features)",
      proj_size: "仅 LSTM：把 h 投影到这个大小；0 表示不投影",
      shape_legend: "输入",
      shape: "输入形状",
      shape_hint: "例如 7, 3, 10，或直接粘贴打印出的 torch.Size([7, 3, 10])",
      results: "形状",
      tensor: "张量",
      shape_col: "形状",
      axes: "各轴",
      none: "无：只有 nn.LSTM 有细胞状态",
      ok: "PyTorch 接受这个输入。",
      error: "PyTorch 会拒绝这个输入：",
      same_as: "与 {name} 形状相同",
      call: "调用",
      ax: AXES
    }
  };

  var DEFAULTS = {
    mode: "LSTM",
    input_size: "10",
    hidden_size: "20",
    num_layers: "2",
    bidirectional: false,
    batch_first: true,
    proj_size: "0",
    shape: "3, 7, 10"
  };

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* ---------------------------------------------------------------- Python values */

  /* A field's text read the way Python would see the value: int, float or str. */
  function parseValue(text) {
    var trimmed = text.trim();
    if (/^[+-]?\d+$/.test(trimmed)) {
      return { kind: "int", value: parseInt(trimmed, 10) };
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
      return { kind: "float", value: parseFloat(trimmed) };
    }
    return { kind: "str", value: text };
  }

  function reprFloat(number) {
    if (!isFinite(number)) {
      return isNaN(number) ? "nan" : number > 0 ? "inf" : "-inf";
    }
    if (Number.isInteger(number) && Math.abs(number) < 1e16) {
      return number.toFixed(1);
    }
    return String(number);
  }

  function reprString(text) {
    var quote = text.indexOf("'") >= 0 && text.indexOf('"') < 0 ? '"' : "'";
    var body = text.replace(/\\/g, "\\\\");
    if (quote === "'") {
      body = body.replace(/'/g, "\\'");
    }
    return quote + body + quote;
  }

  function repr(parsed) {
    if (parsed.kind === "int") {
      return String(parsed.value);
    }
    if (parsed.kind === "float") {
      return reprFloat(parsed.value);
    }
    return reprString(parsed.value);
  }

  function formatShape(sizes) {
    return sizes.length === 1 ? "(" + sizes[0] + ",)" : "(" + sizes.join(", ") + ")";
  }

  function reprTuple(items) {
    var parts = items.map(repr);
    return parts.length === 1 ? "(" + parts[0] + ",)" : "(" + parts.join(", ") + ")";
  }

  /* "7, 3, 10", "(7, 3, 10)", "[7, 3, 10]" or "torch.Size([7, 3, 10])" as a tuple. */
  function parseShape(text) {
    var inner = text.trim();
    var size = /^torch\.Size\(\s*\[(.*)\]\s*\)$/.exec(inner);
    if (size) {
      inner = size[1];
    } else if (/^[([].*[)\]]$/.test(inner)) {
      inner = inner.slice(1, -1);
    }
    if (inner.trim() === "") {
      return [];
    }
    var parts = inner.split(",");
    if (parts.length > 1 && parts[parts.length - 1].trim() === "") {
      parts.pop();
    }
    return parts.map(function (part) {
      return parseValue(part.trim());
    });
  }

  /* ---------------------------------------------------------------- the arithmetic */

  function ShapeError(key, values) {
    this.key = key;
    this.values = values;
  }

  /* RNNSpec.__post_init__: the same checks in the same order. */
  function checkSpec(form) {
    var mode = form.mode;
    if (mode !== "RNN" && mode !== "GRU" && mode !== "LSTM") {
      throw new ShapeError("mode", { given: reprString(mode) });
    }
    var spec = { mode: mode, bidirectional: form.bidirectional, batch_first: form.batch_first };
    ["input_size", "hidden_size", "num_layers"].forEach(function (name) {
      var parsed = parseValue(form[name]);
      if (parsed.kind !== "int") {
        throw new ShapeError("not_int", { name: name, given: repr(parsed) });
      }
      if (parsed.value < 1) {
        throw new ShapeError("not_positive", { name: name, given: repr(parsed), unit: name });
      }
      spec[name] = parsed.value;
    });
    var proj = parseValue(form.proj_size);
    if (proj.kind !== "int") {
      throw new ShapeError("not_int", { name: "proj_size", given: repr(proj) });
    }
    if (proj.value < 0) {
      throw new ShapeError("proj_negative", { given: repr(proj) });
    }
    if (proj.value > 0 && mode !== "LSTM") {
      throw new ShapeError("proj_not_lstm", { given: repr(proj), mode: mode });
    }
    if (proj.value >= spec.hidden_size) {
      throw new ShapeError("proj_too_large", {
        given: repr(proj),
        hidden_size: spec.hidden_size,
        largest: spec.hidden_size - 1
      });
    }
    spec.proj_size = proj.value;
    spec.D = spec.bidirectional ? 2 : 1;
    spec.h_out = spec.proj_size > 0 ? spec.proj_size : spec.hidden_size;
    return spec;
  }

  /* expected_shapes(spec, input_shape). */
  function expectedShapes(spec, items) {
    var layout = spec.batch_first ? "(batch, seq_len, features)" : "(seq_len, batch, features)";
    var allInts = items.every(function (item) {
      return item.kind === "int";
    });
    if (!allInts) {
      throw new ShapeError("shape_not_ints", { given: reprTuple(items) });
    }
    var shape = items.map(function (item) {
      return item.value;
    });
    if (shape.some(function (size) { return size < 0; })) {
      throw new ShapeError("shape_negative", { shape: formatShape(shape) });
    }
    var rank = shape.length;
    if (rank !== 2 && rank !== 3) {
      throw new ShapeError(rank < 2 ? "rank_too_low" : "rank_too_high", {
        rank: rank,
        shape: formatShape(shape),
        mode: spec.mode,
        layout: layout
      });
    }
    if (shape[rank - 1] !== spec.input_size) {
      throw new ShapeError("features", { given: shape[rank - 1], expected: spec.input_size });
    }
    var batched = rank === 3;
    var seqAxis = batched && spec.batch_first ? 1 : 0;
    var seqLen = shape[seqAxis];
    if (seqLen === 0) {
      throw new ShapeError("seq_len_zero", { axis: seqAxis, mode: spec.mode });
    }
    var states = spec.D * spec.num_layers;
    var outFeatures = spec.D * spec.h_out;
    var result = { input: shape, batched: batched, seq_len: seqLen };
    if (batched) {
      var batch = shape[1 - seqAxis];
      result.batch = batch;
      result.output = spec.batch_first ? [batch, seqLen, outFeatures] : [seqLen, batch, outFeatures];
      result.h_n = [states, batch, spec.h_out];
      result.c_n = [states, batch, spec.hidden_size];
    } else {
      result.output = [seqLen, outFeatures];
      result.h_n = [states, spec.h_out];
      result.c_n = [states, spec.hidden_size];
    }
    if (spec.mode !== "LSTM") {
      result.c_n = null;
    }
    return result;
  }

  /* ---------------------------------------------------------------- the page */

  function language() {
    var lang = (document.documentElement.getAttribute("lang") || "en").toLowerCase();
    return lang.indexOf("zh") === 0 ? "zh" : "en";
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") {
        node.textContent = attributes[name];
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) {
      node.appendChild(child);
    });
    return node;
  }

  function field(id, name, help, control) {
    control.id = id + "-" + name;
    control.setAttribute("name", name);
    control.setAttribute("aria-describedby", control.id + "-help");
    var label = element("label", { for: control.id }, [element("code", { text: name })]);
    return element("div", { class: "rg-calc__field" }, [
      label,
      control,
      element("small", { id: control.id + "-help", text: help })
    ]);
  }

  function numberInput(value) {
    return element("input", {
      type: "text",
      inputmode: "numeric",
      autocomplete: "off",
      spellcheck: "false",
      value: value
    });
  }

  function checkbox(id, name, help, checked) {
    var box = element("input", { type: "checkbox", id: id + "-" + name, name: name });
    box.checked = checked;
    box.setAttribute("aria-describedby", box.id + "-help");
    return element("div", { class: "rg-calc__field rg-calc__check" }, [
      box,
      element("label", { for: box.id }, [element("code", { text: name })]),
      element("small", { id: box.id + "-help", text: help })
    ]);
  }

  var counter = 0;

  function build(root) {
    var lang = language();
    var t = UI[lang];
    var id = "rg-calc-" + (counter += 1);
    var mode = element("select", {}, ["RNN", "GRU", "LSTM"].map(function (name) {
      return element("option", { value: name, text: "nn." + name });
    }));
    mode.value = DEFAULTS.mode;
    var shape = element("input", {
      type: "text",
      autocomplete: "off",
      spellcheck: "false",
      value: DEFAULTS.shape
    });
    var form = element("form", { class: "rg-calc__form", novalidate: "" }, [
      element("fieldset", {}, [
        element("legend", { text: t.legend }),
        field(id, "mode", t.mode, mode),
        field(id, "input_size", t.input_size, numberInput(DEFAULTS.input_size)),
        field(id, "hidden_size", t.hidden_size, numberInput(DEFAULTS.hidden_size)),
        field(id, "num_layers", t.num_layers, numberInput(DEFAULTS.num_layers)),
        field(id, "proj_size", t.proj_size, numberInput(DEFAULTS.proj_size)),
        checkbox(id, "bidirectional", t.bidirectional, DEFAULTS.bidirectional),
        checkbox(id, "batch_first", t.batch_first, DEFAULTS.batch_first)
      ]),
      element("fieldset", {}, [
        element("legend", { text: t.shape_legend }),
        field(id, "input_shape", t.shape_hint, shape)
      ])
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    var call = element("pre", { class: "rg-calc__call" }, [
      element("code", { "data-calc": "call" })
    ]);
    var status = element("p", { class: "rg-calc__status", "data-calc": "status", role: "status" });
    var table = element("table", { class: "rg-calc__table" }, [
      element("caption", { text: t.results }),
      element("thead", {}, [
        element("tr", {}, [
          element("th", { scope: "col", text: t.tensor }),
          element("th", { scope: "col", text: t.shape_col }),
          element("th", { scope: "col", text: t.axes })
        ])
      ]),
      element("tbody", {}, ["input", "h_0", "c_0", "output", "h_n", "c_n"].map(function (name) {
        return element("tr", {}, [
          element("th", { scope: "row" }, [element("code", { text: name })]),
          element("td", {}, [element("code", { "data-shape": name })]),
          element("td", { "data-axes": name })
        ]);
      }))
    ]);
    var output = element("div", { class: "rg-calc__results", "aria-live": "polite" }, [
      status,
      table,
      element("p", { class: "rg-calc__label", text: t.call }),
      call
    ]);
    root.textContent = "";
    root.appendChild(form);
    root.appendChild(output);
    root.setAttribute("data-ready", "true");

    function read() {
      return {
        mode: mode.value,
        input_size: form.elements.input_size.value,
        hidden_size: form.elements.hidden_size.value,
        num_layers: form.elements.num_layers.value,
        proj_size: form.elements.proj_size.value,
        bidirectional: form.elements.bidirectional.checked,
        batch_first: form.elements.batch_first.checked,
        shape: shape.value
      };
    }

    function show(name, sizes, axes) {
      root.querySelector('[data-shape="' + name + '"]').textContent = sizes;
      root.querySelector('[data-axes="' + name + '"]').textContent = axes;
    }

    function callText(values) {
      var args = [values.input_size.trim(), values.hidden_size.trim()];
      if (values.num_layers.trim() !== "1") {
        args.push("num_layers=" + values.num_layers.trim());
      }
      if (values.bidirectional) {
        args.push("bidirectional=True");
      }
      if (values.batch_first) {
        args.push("batch_first=True");
      }
      if (values.proj_size.trim() !== "0") {
        args.push("proj_size=" + values.proj_size.trim());
      }
      return "rnn = nn." + values.mode + "(" + args.join(", ") + ")\n" +
        "output, " + (values.mode === "LSTM" ? "(h_n, c_n)" : "h_n") +
        " = rnn(x)  # x.shape == " + formatShape(parseShape(values.shape).map(repr));
    }

    function update() {
      var values = read();
      var ax = t.ax;
      root.querySelector('[data-calc="call"]').textContent = callText(values);
      try {
        var spec = checkSpec(values);
        var shapes = expectedShapes(spec, parseShape(values.shape));
        var names = shapes.batched
          ? (spec.batch_first ? [ax.batch, ax.seq_len] : [ax.seq_len, ax.batch])
          : [ax.seq_len];
        var stateAxes = shapes.batched ? [ax.layers, ax.batch] : [ax.layers];
        var input = names.concat(["input_size"]);
        var out = names.concat(["D × " + ax.h_out]);
        show("input", formatShape(shapes.input), input.join(", "));
        show("output", formatShape(shapes.output), out.join(", "));
        show("h_0", formatShape(shapes.h_n), fill(t.same_as, { name: "h_n" }));
        show("h_n", formatShape(shapes.h_n), stateAxes.concat([ax.h_out]).join(", "));
        if (shapes.c_n) {
          show("c_0", formatShape(shapes.c_n), fill(t.same_as, { name: "c_n" }));
          show("c_n", formatShape(shapes.c_n), stateAxes.concat([ax.h_cell]).join(", "));
        } else {
          show("c_0", "—", t.none);
          show("c_n", "—", t.none);
        }
        status.textContent = t.ok;
        status.removeAttribute("data-error");
        root.classList.remove("rg-calc--error");
      } catch (error) {
        if (!(error instanceof ShapeError)) {
          throw error;
        }
        var values2 = error.values;
        if (error.key === "not_positive") {
          values2 = Object.assign({}, values2, { unit: UNITS[lang][values2.unit] });
        }
        var message = fill(MESSAGES[lang][error.key], values2);
        status.textContent = t.error + (lang === "zh" ? "" : " ") + message;
        status.setAttribute("data-error", message);
        status.setAttribute("data-error-key", error.key);
        ["input", "h_0", "c_0", "output", "h_n", "c_n"].forEach(function (name) {
          show(name, "—", "");
        });
        root.classList.add("rg-calc--error");
      }
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    update();
  }

  function init() {
    var roots = document.querySelectorAll("[data-shape-calculator]");
    for (var i = 0; i < roots.length; i++) {
      if (roots[i].getAttribute("data-ready") !== "true") {
        build(roots[i]);
      }
    }
  }

  /* For the tests and the curious: the same arithmetic without the form. */
  window.rnnGuideShapes = {
    check: function (form) {
      try {
        var spec = checkSpec(form);
        return { ok: true, shapes: expectedShapes(spec, parseShape(form.shape)) };
      } catch (error) {
        if (!(error instanceof ShapeError)) {
          throw error;
        }
        return { ok: false, key: error.key, values: error.values };
      }
    }
  };

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
