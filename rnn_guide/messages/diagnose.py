"""Messages of `rnn_guide.diagnose`: keys `"diagnose.<name>"`, each with "en" and "zh" templates.

See [`rnn_guide.messages`][rnn_guide.messages] for the placeholders.
"""

MESSAGES: dict[str, dict[str, str]] = {}
