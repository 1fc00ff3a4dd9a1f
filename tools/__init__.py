"""Development tools for rnn-guide, grouped by job; tools.paths says where things are."""
