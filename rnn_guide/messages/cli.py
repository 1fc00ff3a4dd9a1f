"""Messages of the `rnn-guide` command: keys `"cli.*"`, `"args.*"` and `"argparse.*"`.

`"argparse.*"` entries translate argparse's own strings (usage, help headings, its
error messages): their `"en"` text is argparse's message id, character for character,
with argparse's `%`-placeholders; `PLURALS` holds the plural id of the two that have
one. The command compiles them into a gettext catalog, the hook argparse documents for
translating its output (see `rnn_guide.messages.catalog`).
"""

ARGS: dict[str, dict[str, str]] = {
    "args.without": {"en": "without {flag}", "zh": "不加 {flag}"},
}

MESSAGES: dict[str, dict[str, str]] = {
    # Help: the command and its subcommands.
    "cli.description": {
        "en": "Shapes, diagnoses and error explanations for nn.RNN, nn.GRU and nn.LSTM.",
        "zh": "nn.RNN、nn.GRU 和 nn.LSTM 的形状、诊断与报错解释。",
    },
    "cli.epilog": {
        "en": (
            "Exit status: 0 when all is well, 1 when diagnose finds problems or explain "
            "does not know the message, 2 for bad input. Run '{prog} COMMAND --help' for "
            "the options of one command."
        ),
        "zh": (
            "退出状态：一切正常为 0；diagnose 发现问题或 explain 不认识这条信息为 1；"
            "输入有误为 2。运行 '{prog} COMMAND --help' 查看某个子命令的选项。"
        ),
    },
    "cli.commands_title": {"en": "commands", "zh": "子命令"},
    "cli.shapes_help": {
        "en": "print the shapes of input, h_0 (c_0), output and h_n (c_n)",
        "zh": "打印 input、h_0（c_0）、output 和 h_n（c_n）的形状",
    },
    "cli.diagnose_help": {
        "en": "check an input (and h_0, c_0) against a module and explain every problem",
        "zh": "检查输入（以及 h_0、c_0）与模块是否匹配，并解释每个问题",
    },
    "cli.explain_help": {
        "en": "explain a PyTorch RNN error message (read from stdin when it is '-')",
        "zh": "解释一条 PyTorch RNN 报错信息（为 '-' 时从标准输入读取）",
    },
    "cli.example": {"en": "example:\n  {example}", "zh": "示例：\n  {example}"},
    "cli.help_help": {
        "en": "show this help message and exit",
        "zh": "显示此帮助信息并退出",
    },
    "cli.lang_help": {
        "en": "language of the output: en or zh (default: from the locale)",
        "zh": "输出语言：en 或 zh（默认跟随系统区域设置）",
    },
    "cli.mode_help": {
        "en": "the module, one of RNN, GRU, LSTM (any case): nn.RNN, nn.GRU, nn.LSTM",
        "zh": "模块，RNN、GRU、LSTM 之一（大小写均可）：即 nn.RNN、nn.GRU、nn.LSTM",
    },
    "cli.input_size_help": {
        "en": "features per time step in the input (input_size)",
        "zh": "输入中每个时间步的特征数（input_size）",
    },
    "cli.hidden_size_help": {
        "en": "features of the hidden state h (hidden_size)",
        "zh": "隐状态 h 的特征数（hidden_size）",
    },
    "cli.num_layers_help": {
        "en": "recurrent layers stacked on each other (default: 1)",
        "zh": "堆叠的循环层数（默认：1）",
    },
    "cli.bidirectional_help": {
        "en": "each layer also runs backwards in time",
        "zh": "每一层还沿时间反向运行一次",
    },
    "cli.batch_first_help": {
        "en": "input and output are (batch, seq_len, features); h_0 and h_n never are",
        "zh": "input 和 output 为 (batch, seq_len, features)；h_0 和 h_n 始终不是",
    },
    "cli.proj_size_help": {
        "en": "LSTM only: project h down to this many features (default: 0, none)",
        "zh": "仅用于 LSTM：把 h 投影到这么多个特征（默认：0，不投影）",
    },
    "cli.input_help": {
        "en": "the input's shape, sizes separated by commas, e.g. 7,3,5",
        "zh": "输入的形状，各轴大小以逗号分隔，例如 7,3,5",
    },
    "cli.h0_help": {
        "en": "the shape of h_0 (default: none passed, zeros)",
        "zh": "h_0 的形状（默认：不传入，即全零）",
    },
    "cli.c0_help": {
        "en": "LSTM only: the shape of c_0 (default: none passed, zeros)",
        "zh": "仅用于 LSTM：c_0 的形状（默认：不传入，即全零）",
    },
    "cli.json_help": {"en": "print the shapes as JSON", "zh": "以 JSON 输出形状"},
    "cli.message_help": {
        "en": "the error message, in quotes; '-' reads it from stdin",
        "zh": "报错信息，放在引号里；为 '-' 时从标准输入读取",
    },
    # Lines the command prints.
    "cli.error": {"en": "{prog}: error: {message}", "zh": "{prog}: 错误：{message}"},
    "cli.header": {
        "en": "nn.{mode} shapes for an input of shape {shape} ({kind}):",
        "zh": "nn.{mode} 对形状为 {shape} 的输入（{kind}）的各个形状：",
    },
    "cli.batched": {"en": "a batch", "zh": "一个批次"},
    "cli.unbatched": {"en": "one unbatched sequence", "zh": "单个未批量化的序列"},
    "cli.ok": {"en": "OK: {summary}", "zh": "没有问题：{summary}"},
    "cli.problem": {"en": "1 problem:", "zh": "发现 1 个问题："},
    "cli.problems": {"en": "{count} problems:", "zh": "发现 {count} 个问题："},
    "cli.c0_default": {
        "en": "c_0 not given: using zeros of the shape the module expects.",
        "zh": "未给出 c_0：使用模块期望形状的全零张量。",
    },
    "cli.h0_default": {
        "en": "h_0 not given: using zeros of the shape the module expects.",
        "zh": "未给出 h_0：使用模块期望形状的全零张量。",
    },
    "cli.torch_error": {"en": "PyTorch says: {error}", "zh": "PyTorch 的报错：{error}"},
    "cli.cause": {"en": "Cause: {text}", "zh": "原因：{text}"},
    "cli.fix": {"en": "Fix:   {text}", "zh": "解决：{text}"},
    "cli.more": {"en": "More:  {url}", "zh": "详见：{url}"},
    "cli.unknown_message": {
        "en": "Not a message rnn-guide knows: {message}.",
        "zh": "rnn-guide 不认识这条信息：{message}。",
    },
    "cli.known_errors": {"en": "Known errors: {url}", "zh": "已知的报错见：{url}"},
    # Bad input.
    "cli.no_message": {
        "en": "no message given; pass it in quotes, or '-' and pipe it in on stdin",
        "zh": "没有给出报错信息；请用引号传入，或传入 '-' 并通过标准输入传入",
    },
    "cli.unreadable_stdin": {
        "en": "cannot read the message from stdin ({reason}); pass it in quotes instead",
        "zh": "无法从标准输入读取报错信息（{reason}）；请改为用引号传入",
    },
    "cli.shape_arg": {
        "en": "{value} is not a shape; write sizes separated by commas, e.g. 7,3,5",
        "zh": "{value} 不是形状；请用逗号分隔各轴大小，例如 7,3,5",
    },
    "cli.shape_empty": {
        "en": "{value} has an empty size (position {position}); write every size, e.g. 7,3,5",
        "zh": "{value} 中有一个空的大小（第 {position} 个）；请写出每个大小，例如 7,3,5",
    },
    "cli.int_arg": {
        "en": "{value} is not a whole number; give e.g. 8",
        "zh": "{value} 不是整数；请给出例如 8",
    },
    "cli.too_large_arg": {
        "en": "{value} is larger than PyTorch can hold (sizes are int64, at most {largest})",
        "zh": "{value} 超出了 PyTorch 能表示的范围（大小是 int64，最大为 {largest}）",
    },
    "cli.mode_arg": {
        "en": "{value} is not a mode; choose RNN, GRU or LSTM",
        "zh": "{value} 不是可用的模式；请选择 RNN、GRU 或 LSTM",
    },
    "cli.lang_arg": {
        "en": "{value} is not a language; choose en or zh",
        "zh": "{value} 不是可用的语言；请选择 en 或 zh",
    },
    "cli.c0_not_lstm": {
        "en": "--c0 is only for LSTM (nn.{mode} has no cell state); drop --c0",
        "zh": "--c0 只用于 LSTM（nn.{mode} 没有记忆元）；请去掉 --c0",
    },
    "cli.command": {
        "en": "choose a command: shapes, diagnose or explain (see {prog} --help)",
        "zh": "请选择一个子命令：shapes、diagnose 或 explain（见 {prog} --help）",
    },
}

ARGPARSE: dict[str, dict[str, str]] = {
    "argparse.usage": {"en": "usage: ", "zh": "用法："},
    "argparse.positionals": {"en": "positional arguments", "zh": "位置参数"},
    "argparse.options": {"en": "options", "zh": "选项"},
    "argparse.heading": {"en": "%(heading)s:", "zh": "%(heading)s："},
    "argparse.help": {"en": "show this help message and exit", "zh": "显示此帮助信息并退出"},
    "argparse.version": {
        "en": "show program's version number and exit",
        "zh": "显示程序的版本号并退出",
    },
    "argparse.default": {"en": " (default: %(default)s)", "zh": "（默认：%(default)s）"},
    "argparse.argument": {
        "en": "argument %(argument_name)s: %(message)s",
        "zh": "参数 %(argument_name)s：%(message)s",
    },
    "argparse.error": {
        "en": "%(prog)s: error: %(message)s\n",
        "zh": "%(prog)s：错误：%(message)s\n",
    },
    "argparse.warning": {
        "en": "%(prog)s: warning: %(message)s\n",
        "zh": "%(prog)s：警告：%(message)s\n",
    },
    "argparse.required": {
        "en": "the following arguments are required: %s",
        "zh": "缺少必需的参数：%s",
    },
    "argparse.unrecognized": {"en": "unrecognized arguments: %s", "zh": "无法识别的参数：%s"},
    "argparse.expected_one": {"en": "expected one argument", "zh": "需要一个值"},
    "argparse.expected_at_most_one": {
        "en": "expected at most one argument",
        "zh": "最多需要一个值",
    },
    "argparse.expected_at_least_one": {
        "en": "expected at least one argument",
        "zh": "至少需要一个值",
    },
    "argparse.expected_n": {"en": "expected %s argument", "zh": "需要 %s 个值"},
    "argparse.invalid_choice": {
        "en": "invalid choice: %(value)r (choose from %(choices)s)",
        "zh": "无效的选项：%(value)r（可选：%(choices)s）",
    },
    "argparse.invalid_value": {
        "en": "invalid %(type)s value: %(value)r",
        "zh": "无效的 %(type)s 值：%(value)r",
    },
    "argparse.ambiguous": {
        "en": "ambiguous option: %(option)s could match %(matches)s",
        "zh": "有歧义的选项：%(option)s 可能是 %(matches)s",
    },
    "argparse.ignored": {"en": "ignored explicit argument %r", "zh": "忽略了显式给出的值 %r"},
    "argparse.not_allowed": {
        "en": "not allowed with argument %s",
        "zh": "不能与参数 %s 同时使用",
    },
    "argparse.one_of": {
        "en": "one of the arguments %s is required",
        "zh": "参数 %s 中必须给出一个",
    },
    "argparse.unexpected": {"en": "unexpected option string: %s", "zh": "意外的选项：%s"},
    "argparse.unknown_parser": {
        "en": "unknown parser %(parser_name)r (choices: %(choices)s)",
        "zh": "未知的子命令 %(parser_name)r（可选：%(choices)s）",
    },
    "argparse.cant_open": {
        "en": "can't open '%(filename)s': %(error)s",
        "zh": "无法打开 '%(filename)s'：%(error)s",
    },
    "argparse.dash_mode": {"en": 'argument "-" with mode %r', "zh": '参数 "-" 不能使用模式 %r'},
    "argparse.deprecated_option": {
        "en": "option '%(option)s' is deprecated",
        "zh": "选项 '%(option)s' 已弃用",
    },
    "argparse.deprecated_argument": {
        "en": "argument '%(argument_name)s' is deprecated",
        "zh": "参数 '%(argument_name)s' 已弃用",
    },
    "argparse.deprecated_command": {
        "en": "command '%(parser_name)s' is deprecated",
        "zh": "子命令 '%(parser_name)s' 已弃用",
    },
}
"""argparse's own strings; "en" is argparse's message id (Python 3.10 to 3.13)."""

PLURALS: dict[str, str] = {"argparse.expected_n": "expected %s arguments"}
"""The plural message ids of argparse's ngettext calls, by key."""
