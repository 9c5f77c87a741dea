"""The one safe path for author text: Markdown with raw HTML off and addresses
checked (``markup``), every page's HTML cleaned (``sanitize``), and the
Content-Security-Policy every page carries (``csp``)."""
