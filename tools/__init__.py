"""Development tools for rnn-guide: the doc-example suite, its checks and the site hooks."""
