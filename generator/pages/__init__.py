"""One module per kind of generated page; each returns {page path: Markdown}."""
