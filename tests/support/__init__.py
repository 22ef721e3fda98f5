"""Helpers the test suite and the benchmark both use: a browser session on a built site, `mkdocs serve`
started and stopped as a person does, and synthetic seed articles."""
