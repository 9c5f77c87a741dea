"""Training modules: front matter, sections and trainer notes (``module``), the catalogues
and progress summary made from them, the trainer page and the presentation."""
