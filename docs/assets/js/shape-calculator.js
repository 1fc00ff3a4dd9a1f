/* The shape calculator (reference/calculator/): the shape arithmetic of
   rnn_guide.shapes (RNNSpec, expected_shapes) in the browser, with the same error
   messages. Plain JavaScript, no build step. It answers in
   <div data-shape-calculator></div>, with the form the page carries there (the markup
   that make() below writes, saved in includes/) or, in an empty one, with the form it
   makes; it does nothing on pages without one.

   The error messages are not written here: shape-messages.js, generated from
   rnn_guide's message table by tools/site/calculator_messages.py, defines
   window.rnnGuideMessages ("shape.<key>" -> {en, zh}); a test fails when it is stale.
   The checks below run in the order RNNSpec and expected_shapes run them, so the same
   wrong input gets the same message; a browser test compares them on generated cases.

   The question is kept in the page's address (?mode=GRU&input=7,3,10...), so a link
   shares it, and the answer comes with the Python that gives the same answer. */
(function () {
  "use strict";

  var INT64_MAX = BigInt("9223372036854775807");
  var FLOAT32_BYTES = BigInt(4);
  var MAX_RANK = 64; // PyTorch's limit on dimensions
  var MAX_FIELD = 2000; // characters a field holds (also read from the address)

  // The axis names are PyTorch's own, the same in both languages.
  var AXES = {
    seq_len: "seq_len",
    batch: "batch",
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
      shape_hint: "e.g. 7, 3, 10, or x.shape as printed: torch.Size([7, 3, 10])",
      results: "Shapes",
      tensor: "tensor",
      shape_col: "shape",
      axes: "axes",
      none: "none: only nn.LSTM has a cell state",
      ok: "PyTorch accepts this input.",
      error: "PyTorch would reject this input:",
      fault: "wrong value",
      same_as: "same shape as {name}",
      batch_words: "{batch} {sequences} of {seq_len} {steps}, {features} {feature_words} each",
      one_words: "one sequence of {seq_len} {steps}, {features} {feature_words} each",
      python: "The same in Python",
      python_error: "# raises ShapeError with the message above",
      copy: "Copy the code",
      copied: "Copied.",
      link: "Copy a link to this question",
      linked: "Link copied.",
      copy_failed: "Select the text and copy it with Ctrl+C.",
      summary: "Result",
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
      fault: "值有误",
      same_as: "与 {name} 形状相同",
      batch_words: "{batch} 个序列，每个 {seq_len} 个时间步，每步 {features} 个特征",
      one_words: "一个序列，{seq_len} 个时间步，每步 {features} 个特征",
      python: "用 Python 得到同样的结果",
      python_error: "# 抛出 ShapeError，消息同上",
      copy: "复制代码",
      copied: "已复制。",
      link: "复制指向这个问题的链接",
      linked: "链接已复制。",
      copy_failed: "请选中文字后按 Ctrl+C 复制。",
      summary: "结果",
      ax: AXES
    }
  };

  var DEFAULTS = {
    mode: "LSTM",
    input_size: "10",
    hidden_size: "20",
    num_layers: "2",
    proj_size: "0",
    bidirectional: false,
    batch_first: true,
    input_shape: "3, 7, 10"
  };
  var TEXT_FIELDS = ["input_size", "hidden_size", "num_layers", "proj_size", "input_shape"];
  var CHECKS = ["bidirectional", "batch_first"];
  var FIELDS = ["mode"].concat(TEXT_FIELDS, CHECKS); // every field of the form
  var TENSORS = ["input", "h_0", "c_0", "output", "h_n", "c_n"];

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function messages() {
    return window.rnnGuideMessages || {};
  }

  /* ---------------------------------------------------------------- Python values */

  /* A field's text as the Python value it stands for: int, float or str. Full-width
     digits and punctuation (a Chinese input method's) read as their ASCII forms. */
  function normalize(text) {
    return String(text).slice(0, MAX_FIELD).normalize("NFKC");
  }

  function parseValue(text) {
    var trimmed = text.trim();
    if (/^[+-]?[0-9]+$/.test(trimmed)) {
      return { kind: "int", value: BigInt(trimmed.replace(/^\+/, "")) };
    }
    if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(trimmed)) {
      return { kind: "float", value: parseFloat(trimmed) };
    }
    return { kind: "str", value: text };
  }

  /* repr(float): the shortest digits that round-trip, positional from 1e-4 to 1e16. */
  function reprFloat(number) {
    if (isNaN(number)) {
      return "nan";
    }
    if (!isFinite(number)) {
      return number > 0 ? "inf" : "-inf";
    }
    if (number === 0) {
      return 1 / number < 0 ? "-0.0" : "0.0";
    }
    var parts = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(number.toExponential());
    var sign = parts[1];
    var digits = parts[2] + (parts[3] || "");
    var exponent = parseInt(parts[4], 10);
    var point = exponent + 1; // digits before the decimal point
    if (point > -4 && point <= 16) {
      if (point <= 0) {
        return sign + "0." + "0".repeat(-point) + digits;
      }
      if (point >= digits.length) {
        return sign + digits + "0".repeat(point - digits.length) + ".0";
      }
      return sign + digits.slice(0, point) + "." + digits.slice(point);
    }
    var mantissa = parts[2] + (parts[3] ? "." + parts[3] : "");
    var size = String(Math.abs(exponent));
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (size.length < 2 ? "0" : "") + size;
  }

  /* repr(str): quotes and escapes as Python writes them. */
  function reprString(text) {
    var quote = text.indexOf("'") >= 0 && text.indexOf('"') < 0 ? '"' : "'";
    var body = "";
    Array.from(text).forEach(function (char) {
      var code = char.codePointAt(0);
      if (char === "\\") {
        body += "\\\\";
      } else if (char === quote) {
        body += "\\" + quote;
      } else if (char === "\t") {
        body += "\\t";
      } else if (char === "\n") {
        body += "\\n";
      } else if (char === "\r") {
        body += "\\r";
      } else if (char !== " " && /[\p{C}\p{Z}]/u.test(char)) {
        var hex = code.toString(16);
        if (code < 0x100) {
          body += "\\x" + hex.padStart(2, "0");
        } else if (code < 0x10000) {
          body += "\\u" + hex.padStart(4, "0");
        } else {
          body += "\\U" + hex.padStart(8, "0");
        }
      } else {
        body += char;
      }
    });
    return quote + body + quote;
  }

  function repr(parsed) {
    if (parsed.kind === "int") {
      return parsed.value.toString();
    }
    if (parsed.kind === "float") {
      return reprFloat(parsed.value);
    }
    return reprString(parsed.value);
  }

  /* The value as Python source: repr, except for the floats repr does not spell. */
  function literal(parsed) {
    if (parsed.kind === "float" && !isFinite(parsed.value)) {
      return "float('" + reprFloat(parsed.value) + "')";
    }
    return repr(parsed);
  }

  /* reprlib's shortening (rnn_guide shortens the values it quotes the same way). */
  function shorten(text, limit) {
    if (text.length <= limit) {
      return text;
    }
    var head = Math.max(0, Math.floor((limit - 3) / 2));
    var tail = Math.max(0, limit - 3 - head);
    return text.slice(0, head) + "..." + text.slice(text.length - tail);
  }

  function briefString(value) {
    // reprlib.Repr.repr_str with maxstring 60, counted in code points as Python does.
    var chars = Array.from(value);
    var whole = reprString(chars.slice(0, 60).join(""));
    if (Array.from(whole).length <= 60) {
      return whole;
    }
    var head = 28;
    var tail = 29;
    var cut = Array.from(reprString(chars.slice(0, head).concat(chars.slice(chars.length - tail)).join("")));
    return cut.slice(0, head).join("") + "..." + cut.slice(cut.length - tail).join("");
  }

  /* The offending value as rnn_guide quotes it (reprlib, maxstring = maxother = 60). */
  function brief(parsed) {
    if (parsed.kind === "int") {
      return shorten(parsed.value.toString(), 40);
    }
    if (parsed.kind === "float") {
      return shorten(reprFloat(parsed.value), 60);
    }
    return briefString(parsed.value);
  }

  function briefTuple(items) {
    var pieces = items.slice(0, 6).map(brief);
    if (items.length > 6) {
      pieces.push("...");
    }
    return "(" + pieces.join(", ") + (items.length === 1 ? ",)" : ")");
  }

  function formatShape(sizes) {
    var parts = sizes.map(String);
    return parts.length === 1 ? "(" + parts[0] + ",)" : "(" + parts.join(", ") + ")";
  }

  function literalTuple(items) {
    var parts = items.map(literal);
    return parts.length === 1 ? "(" + parts[0] + ",)" : "(" + parts.join(", ") + ")";
  }

  /* "7, 3, 10", "(7, 3, 10)", "[7, 3, 10]" or "torch.Size([7, 3, 10])" as a tuple.
     A trailing comma is allowed, as in Python ("5," is (5,)); any other empty part
     stays an empty string, so "7,,10" is reported instead of read as (7, 10). */
  function parseShape(text) {
    var inner = text.trim();
    var size = /^torch\.Size\(\s*\[([\s\S]*)\]\s*\)$/.exec(inner);
    if (size) {
      inner = size[1];
    } else if (/^\([\s\S]*\)$/.test(inner) || /^\[[\s\S]*\]$/.test(inner)) {
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

  function ShapeError(key, values, fields) {
    this.key = key;
    this.values = values;
    this.fields = fields; // the form fields the message is about
  }

  function product(sizes) {
    return sizes.reduce(function (total, size) {
      return total * size;
    }, BigInt(1));
  }

  function checkBytes(tensor, shape, fields) {
    if (product(shape) * FLOAT32_BYTES > INT64_MAX) {
      throw new ShapeError("storage_too_large", { tensor: tensor, shape: formatShape(shape) }, fields);
    }
  }

  /* RNNSpec.__post_init__: the same checks in the same order. */
  function checkSpec(form) {
    var mode = form.mode;
    if (mode !== "RNN" && mode !== "GRU" && mode !== "LSTM") {
      throw new ShapeError("mode", { given: briefString(mode) }, ["mode"]);
    }
    var spec = { mode: mode, bidirectional: form.bidirectional, batch_first: form.batch_first };
    ["input_size", "hidden_size", "num_layers", "proj_size"].forEach(function (name) {
      var parsed = parseValue(normalize(form[name]));
      if (parsed.kind !== "int") {
        throw new ShapeError("not_int", { name: name, given: brief(parsed) }, [name]);
      }
      if (parsed.value > INT64_MAX) {
        throw new ShapeError("size_too_large", { name: name, given: parsed.value.toString() }, [name]);
      }
      if (parsed.value < BigInt(1) && name !== "proj_size") {
        throw new ShapeError(name + "_not_positive", { given: parsed.value.toString() }, [name]);
      }
      spec[name] = parsed.value;
    });
    var proj = spec.proj_size;
    if (proj < BigInt(0)) {
      throw new ShapeError("proj_negative", { given: proj.toString() }, ["proj_size"]);
    }
    if (proj > BigInt(0) && mode !== "LSTM") {
      throw new ShapeError("proj_not_lstm", { given: proj.toString(), mode: mode }, ["proj_size", "mode"]);
    }
    if (proj >= spec.hidden_size) {
      throw new ShapeError(
        "proj_too_large",
        { given: proj.toString(), hidden_size: spec.hidden_size, largest: spec.hidden_size - BigInt(1) },
        ["proj_size", "hidden_size"]
      );
    }
    spec.D = BigInt(spec.bidirectional ? 2 : 1);
    spec.h_out = proj > BigInt(0) ? proj : spec.hidden_size;
    var gates = BigInt({ RNN: 1, GRU: 3, LSTM: 4 }[mode]) * spec.hidden_size;
    checkBytes("weight_ih_l0", [gates, spec.input_size], ["input_size", "hidden_size"]);
    checkBytes("weight_hh_l0", [gates, spec.h_out], ["hidden_size"]);
    if (spec.num_layers > BigInt(1)) {
      checkBytes("weight_ih_l1", [gates, spec.D * spec.h_out], ["hidden_size"]);
    }
    if (proj > BigInt(0)) {
      checkBytes("weight_hr_l0", [proj, spec.hidden_size], ["proj_size", "hidden_size"]);
    }
    return spec;
  }

  /* expected_shapes(spec, input_shape). */
  function expectedShapes(spec, items) {
    var at = ["input_shape"];
    var layout = spec.batch_first ? "(batch, seq_len, features)" : "(seq_len, batch, features)";
    var allInts = items.length <= MAX_RANK && items.every(function (item) {
      return item.kind === "int";
    });
    if (!allInts) {
      throw new ShapeError("shape_not_ints", { given: briefTuple(items) }, at);
    }
    var shape = items.map(function (item) {
      return item.value;
    });
    if (shape.some(function (size) { return size < BigInt(0); })) {
      throw new ShapeError("shape_negative", { shape: formatShape(shape) }, at);
    }
    shape.forEach(function (size) {
      if (size > INT64_MAX) {
        throw new ShapeError("size_too_large", { name: "input", given: size.toString() }, at);
      }
    });
    checkBytes("input", shape, at);
    var rank = shape.length;
    if (rank !== 2 && rank !== 3) {
      throw new ShapeError(rank < 2 ? "rank_too_low" : "rank_too_high", {
        rank: rank,
        shape: formatShape(shape),
        mode: spec.mode,
        layout: layout
      }, at);
    }
    if (shape[rank - 1] !== spec.input_size) {
      throw new ShapeError("features", { given: shape[rank - 1], expected: spec.input_size },
        ["input_shape", "input_size"]);
    }
    var batched = rank === 3;
    var seqAxis = batched && spec.batch_first ? 1 : 0;
    var seqLen = shape[seqAxis];
    if (seqLen === BigInt(0)) {
      throw new ShapeError("seq_len_zero", { axis: seqAxis, mode: spec.mode }, at);
    }
    var states = spec.D * spec.num_layers;
    var outFeatures = spec.D * spec.h_out;
    var result = { input: shape, batched: batched, seq_len: seqLen, features: shape[rank - 1] };
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
    checkBytes("output", result.output, at);
    checkBytes("h_n", result.h_n, at);
    if (spec.mode === "LSTM") {
      checkBytes("c_n", result.c_n, at);
    } else {
      result.c_n = null;
    }
    return result;
  }

  /* The answer for one question: {ok, shapes} or {ok: false, key, values, fields}. */
  function answer(values) {
    try {
      var spec = checkSpec(values);
      return { ok: true, spec: spec, shapes: expectedShapes(spec, parseShape(normalize(values.input_shape))) };
    } catch (error) {
      if (!(error instanceof ShapeError)) {
        throw error;
      }
      return { ok: false, key: error.key, values: error.values, fields: error.fields };
    }
  }

  function messageFor(result, lang) {
    var entry = messages()["shape." + result.key];
    return entry ? fill(entry[lang], result.values) : result.key;
  }

  /* The Python that asks the same question: RNNSpec and expected_shapes first (they
     raise the same ShapeError), then the module itself. */
  function pythonCode(values, result, t) {
    var mode = values.mode;
    var text = function (name) {
      return literal(parseValue(normalize(values[name])));
    };
    var spec = ['"' + mode + '"', "input_size=" + text("input_size"), "hidden_size=" + text("hidden_size")];
    var module = [text("input_size"), text("hidden_size")];
    var optional = [
      ["num_layers", text("num_layers"), "1"],
      ["bidirectional", values.bidirectional ? "True" : "False", "False"],
      ["batch_first", values.batch_first ? "True" : "False", "False"],
      ["proj_size", text("proj_size"), "0"]
    ];
    optional.forEach(function (item) {
      if (item[1] !== item[2]) {
        spec.push(item[0] + "=" + item[1]);
        module.push(item[0] + "=" + item[1]);
      }
    });
    var shape = literalTuple(parseShape(normalize(values.input_shape)));
    var lines = [
      "from torch import nn",
      "from rnn_guide import RNNSpec, expected_shapes",
      "",
      "spec = RNNSpec(" + spec.join(", ") + ")",
      "shapes = expected_shapes(spec, " + shape + ")"
    ];
    if (result.ok) {
      var s = result.shapes;
      var got = "shapes.output, shapes.h_n" + (s.c_n ? ", shapes.c_n" : "");
      var shown = [formatShape(s.output), formatShape(s.h_n)].concat(s.c_n ? [formatShape(s.c_n)] : []);
      lines.push(got + "  # (" + shown.join(", ") + ")");
    } else {
      lines.push(t.python_error);
    }
    lines.push("rnn = nn." + mode + "(" + module.join(", ") + ")");
    return lines.join("\n");
  }

  /* ---------------------------------------------------------------- the address */

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    if (["RNN", "GRU", "LSTM"].indexOf(params.get("mode")) >= 0) {
      state.mode = params.get("mode");
    }
    TEXT_FIELDS.forEach(function (name) {
      var key = name === "input_shape" ? "input" : name;
      if (params.has(key)) {
        state[name] = params.get(key).slice(0, MAX_FIELD);
      }
    });
    CHECKS.forEach(function (name) {
      if (params.has(name)) {
        state[name] = ["1", "true", "True"].indexOf(params.get(name)) >= 0;
      }
    });
    return state;
  }

  function addressFor(values) {
    var params = new URLSearchParams(window.location.search);
    params.set("mode", values.mode);
    TEXT_FIELDS.forEach(function (name) {
      params.set(name === "input_shape" ? "input" : name, values[name]);
    });
    CHECKS.forEach(function (name) {
      params.set(name, values[name] ? "1" : "0");
    });
    var url = new URL(window.location.href);
    url.search = params.toString();
    return url.toString();
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

  function copyText(text, done, failed) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, failed);
      return;
    }
    failed();
  }

  var counter = 0;

  // Writes the address a calculator still owes when the reader leaves the page.
  var flushAddress = function () {};
  window.addEventListener("pagehide", function () {
    flushAddress();
  });

  /* The calculator's parts, made by script for a page that holds only
     <div data-shape-calculator></div>: the fields hold the starting values (DEFAULTS) as
     their attributes. tools/site/calculator_markup.py saves what this makes, answer
     included, as includes/calculator-<lang>.html, and the calculator's page carries it,
     so that its first layout is the page's own and the script only finds the parts. */
  function make(root, t) {
    var id = "rg-calc-" + (counter += 1);

    // The label names the argument only; "✗ wrong value" sits beside it (the field's
    // aria-invalid and aria-describedby say it to a screen reader).
    function label(name, control) {
      return element("span", { class: "rg-calc__name" }, [
        element("label", { for: control.id }, [element("code", { text: name })]),
        element("span", { class: "rg-calc__fault", "aria-hidden": "true", title: t.fault, text: "✗" })
      ]);
    }

    function field(name, help, control) {
      control.id = id + "-" + name;
      control.setAttribute("name", name);
      control.setAttribute("aria-describedby", control.id + "-help");
      return element("div", { class: "rg-calc__field", "data-field": name }, [
        label(name, control),
        control,
        element("small", { id: control.id + "-help", text: help })
      ]);
    }

    function textInput(name, numeric) {
      var input = element("input", {
        type: "text", autocomplete: "off", spellcheck: "false", maxlength: String(MAX_FIELD),
        value: DEFAULTS[name]
      });
      if (numeric) {
        input.setAttribute("inputmode", "numeric");
      }
      return field(name, name === "input_shape" ? t.shape_hint : t[name], input);
    }

    function checkbox(name) {
      var box = element("input", { type: "checkbox", id: id + "-" + name, name: name });
      box.setAttribute("aria-describedby", box.id + "-help");
      box.defaultChecked = DEFAULTS[name];
      return element("div", { class: "rg-calc__field rg-calc__check", "data-field": name }, [
        box,
        label(name, box),
        element("small", { id: box.id + "-help", text: t[name] })
      ]);
    }

    var mode = element("select", {}, ["RNN", "GRU", "LSTM"].map(function (name) {
      var option = element("option", { value: name, text: "nn." + name });
      option.defaultSelected = name === DEFAULTS.mode;
      return option;
    }));
    // autocomplete="off": a browser does not refill the fields on going back, so what
    // the page shows at first is what its markup says.
    var form = element("form", { class: "rg-calc__form", novalidate: "", autocomplete: "off" }, [
      element("fieldset", {}, [
        element("legend", { text: t.legend }),
        field("mode", t.mode, mode),
        textInput("input_size", true),
        textInput("hidden_size", true),
        textInput("num_layers", true),
        textInput("proj_size", true),
        checkbox("bidirectional"),
        checkbox("batch_first")
      ]),
      element("fieldset", { class: "rg-calc__input" }, [
        element("legend", { text: t.shape_legend }),
        textInput("input_shape", false)
      ])
    ]);

    // The phone's summary: one or two lines, kept in view at the top while editing.
    var summary = element("p", { class: "rg-calc__summary", "data-calc": "summary", "aria-hidden": "true" });

    var status = element("p", { class: "rg-calc__status", "data-calc": "status", role: "status" });
    var errorText = element("p", {
      class: "rg-calc__message", id: id + "-error", "data-calc": "message", "aria-live": "polite"
    });
    var table = element("table", { class: "rg-calc__table" }, [
      element("caption", { text: t.results }),
      element("thead", {}, [
        element("tr", {}, [
          element("th", { scope: "col", text: t.tensor }),
          element("th", { scope: "col", text: t.shape_col }),
          element("th", { scope: "col", text: t.axes })
        ])
      ]),
      element("tbody", {}, TENSORS.map(function (name) {
        return element("tr", {}, [
          element("th", { scope: "row" }, [element("code", { text: name })]),
          element("td", {}, [element("code", { "data-shape": name })]),
          element("td", { "data-axes": name })
        ]);
      }))
    ]);
    // The table and the error share one place: an error hides the table but keeps its
    // room, so nothing moves between a right and a wrong input.
    var answerBox = element("div", { class: "rg-calc__answer" }, [table, errorText]);
    var output = element("div", { class: "rg-calc__results" }, [status, answerBox]);
    // The Python that asks the same question: a <pre> with no <code> inside, which
    // Material's bundle would give a copy button of its own.
    var python = element("div", { class: "rg-calc__python" }, [
      element("p", { class: "rg-calc__label", id: id + "-python", text: t.python }),
      element("pre", { class: "rg-calc__code", "data-calc": "code", "aria-labelledby": id + "-python" }),
      element("p", { class: "rg-calc__actions" }, [
        element("button", { type: "button", class: "md-button rg-calc__button", "data-calc": "copy", text: t.copy }),
        element("button", { type: "button", class: "md-button rg-calc__button", "data-calc": "link", text: t.link }),
        element("span", { class: "rg-calc__feedback", "data-calc": "feedback", "aria-live": "polite" })
      ])
    ]);

    root.textContent = "";
    root.appendChild(summary);
    // One box: on a wide screen the answer sticks beside the form and the Python below it.
    root.appendChild(element("div", { class: "rg-calc__main" }, [form, output, python]));
  }

  function same(values, other) {
    return FIELDS.every(function (name) {
      return values[name] === other[name];
    });
  }

  function build(root) {
    var lang = language();
    var t = UI[lang];
    var made = !root.querySelector("form.rg-calc__form");
    if (made) {
      make(root, t);
    }
    var form = root.querySelector("form.rg-calc__form");
    var part = function (name) {
      return root.querySelector('[data-calc="' + name + '"]');
    };
    var controls = {};
    FIELDS.forEach(function (name) {
      controls[name] = form.elements.namedItem(name);
    });
    var mode = controls.mode;
    var summary = part("summary");
    var status = part("status");
    var errorText = part("message");
    var errorId = errorText.id;
    var code = part("code");
    var feedback = part("feedback");
    var copyButton = part("copy");
    var linkButton = part("link");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });

    var state = Object.assign({}, DEFAULTS, readAddress());
    mode.value = state.mode;
    TEXT_FIELDS.forEach(function (name) {
      controls[name].value = state[name];
    });
    CHECKS.forEach(function (name) {
      controls[name].checked = state[name];
    });
    root.setAttribute("data-ready", "true");

    function read() {
      var values = { mode: mode.value };
      TEXT_FIELDS.forEach(function (name) {
        values[name] = controls[name].value;
      });
      CHECKS.forEach(function (name) {
        values[name] = controls[name].checked;
      });
      return values;
    }

    function show(name, sizes, axes) {
      root.querySelector('[data-shape="' + name + '"]').textContent = sizes;
      root.querySelector('[data-axes="' + name + '"]').textContent = axes;
    }

    function mark(fields) {
      Object.keys(controls).forEach(function (name) {
        var control = controls[name];
        var wrong = fields.indexOf(name) >= 0;
        var help = control.id + "-help";
        control.closest(".rg-calc__field").classList.toggle("rg-calc__field--wrong", wrong);
        if (wrong) {
          control.setAttribute("aria-invalid", "true");
          control.setAttribute("aria-describedby", errorId + " " + help);
        } else {
          control.removeAttribute("aria-invalid");
          control.setAttribute("aria-describedby", help);
        }
      });
    }

    function update() {
      var values = read();
      var ax = t.ax;
      var result = answer(values);
      code.textContent = pythonCode(values, result, t);
      if (result.ok) {
        var spec = result.spec;
        var shapes = result.shapes;
        var names = shapes.batched
          ? (spec.batch_first ? [ax.batch, ax.seq_len] : [ax.seq_len, ax.batch])
          : [ax.seq_len];
        var stateAxes = shapes.batched ? [ax.layers, ax.batch] : [ax.layers];
        show("input", formatShape(shapes.input), names.concat(["input_size"]).join(", "));
        show("output", formatShape(shapes.output), names.concat(["D × " + ax.h_out]).join(", "));
        show("h_0", formatShape(shapes.h_n), fill(t.same_as, { name: "h_n" }));
        show("h_n", formatShape(shapes.h_n), stateAxes.concat([ax.h_out]).join(", "));
        if (shapes.c_n) {
          show("c_0", formatShape(shapes.c_n), fill(t.same_as, { name: "c_n" }));
          show("c_n", formatShape(shapes.c_n), stateAxes.concat([ax.h_cell]).join(", "));
        } else {
          show("c_0", "—", t.none);
          show("c_n", "—", t.none);
        }
        var plural = function (count, one, many) {
          return count === BigInt(1) ? one : many;
        };
        var counts = {
          batch: shapes.batch,
          seq_len: shapes.seq_len,
          features: shapes.features,
          sequences: plural(shapes.batch, "sequence", "sequences"),
          steps: plural(shapes.seq_len, "time step", "time steps"),
          feature_words: plural(shapes.features, "feature", "features")
        };
        var words = shapes.batched
          ? fill(t.batch_words, counts)
          : fill(t.one_words, counts);
        status.textContent = t.ok + " " + words;
        errorText.textContent = "";
        status.removeAttribute("data-error");
        status.removeAttribute("data-error-key");
        root.classList.remove("rg-calc--error");
        summary.textContent = ["output " + formatShape(shapes.output), "h_n " + formatShape(shapes.h_n)]
          .concat(shapes.c_n ? ["c_n " + formatShape(shapes.c_n)] : []).join(" · ");
        mark([]);
      } else {
        var message = messageFor(result, lang);
        status.textContent = t.error;
        errorText.textContent = message;
        status.setAttribute("data-error", message);
        status.setAttribute("data-error-key", result.key);
        TENSORS.forEach(function (name) {
          show(name, "—", "");
        });
        root.classList.add("rg-calc--error");
        summary.textContent = "✗ " + message;
        mark(result.fields);
      }
      return values;
    }

    // The address holds the question, so that it can be shared. Browsers limit how often a
    // page may rewrite it (Safari: 100 times in 30 s, then it throws; Chromium ignores the
    // rest), so typing rewrites it once it pauses, and a committed change (a choice, a
    // field left) at once. Once the reader is on another page (instant navigation, or
    // back and forward), the calculator writes nothing: the address is that page's.
    var pending = 0;
    var path = window.location.pathname;
    function keepAddress() {
      clearTimeout(pending);
      pending = 0;
      if (!root.isConnected || window.location.pathname !== path) return;
      try {
        window.history.replaceState(window.history.state, "", addressFor(read()));
      } catch (error) {
        // an address that cannot change (a file:// page in some browsers): nothing lost
      }
    }

    function edited(event) {
      update();
      clearTimeout(pending);
      if (event.type === "change") {
        keepAddress();
      } else {
        pending = setTimeout(keepAddress, 300);
      }
    }
    flushAddress = function () {
      if (pending) keepAddress();
    };

    copyButton.addEventListener("click", function () {
      copyText(code.textContent, function () {
        feedback.textContent = t.copied;
      }, function () {
        feedback.textContent = t.copy_failed;
      });
    });
    linkButton.addEventListener("click", function () {
      copyText(addressFor(read()), function () {
        feedback.textContent = t.linked;
      }, function () {
        feedback.textContent = t.copy_failed;
      });
    });

    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
    // The page's markup already answers the starting values (a test keeps it so).
    if (made || !same(read(), DEFAULTS)) {
      update();
    }
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
    check: function (values, lang) {
      var form = Object.assign({}, DEFAULTS, values);
      var result = answer(form);
      if (!result.ok) {
        return { ok: false, key: result.key, message: messageFor(result, lang || "en"), fields: result.fields };
      }
      var shapes = result.shapes;
      return {
        ok: true,
        output: formatShape(shapes.output),
        h_n: formatShape(shapes.h_n),
        c_n: shapes.c_n ? formatShape(shapes.c_n) : null
      };
    },
    python: function (values) {
      var form = Object.assign({}, DEFAULTS, values);
      return pythonCode(form, answer(form), UI.en);
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
