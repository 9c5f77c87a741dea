"""The site as data: every page read and checked (``checks``) into the model the build and
the exports use (``model``), the files the build adds, and what it publishes."""
