"""The training site's engine: pages, blocks and modules as data, checked, then rendered.

One folder per component (CONTRIBUTING.md, "For developers", names each one's files):
``blocks`` (the block kinds and their one superfences formatter), ``quiz``, ``checklist``,
``modules`` (front matter, catalogues, trainer page, presentation), ``facts`` (the fact
register), ``exports`` (GIFT, Moodle XML), ``site`` (every page read and checked into the
site model, and what the build adds and publishes), ``safe`` (the one path for author
text into HTML), and ``build``, the MkDocs adapter: the only part that imports MkDocs, so
the rest can move to another engine that reads ``mkdocs.yml``."""
