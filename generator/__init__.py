"""Briefing microsite generator: news articles about one story in, a searchable briefing out."""

__version__ = "0.1.0"
