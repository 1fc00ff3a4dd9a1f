"""Messages of `rnn_guide.explain`: keys `"explain.<name>"`, each with "en" and "zh" templates.

See [`rnn_guide.messages`][rnn_guide.messages] for the placeholders.
"""

MESSAGES: dict[str, dict[str, str]] = {}
