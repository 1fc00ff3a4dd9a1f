"""Lighthouse scores of the built site, served under /rnn-guide/ with gzip."""
