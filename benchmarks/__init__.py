"""Measurements of the project itself: build time, test time, scaling and batching speed."""
