"""Rendering core of the training site: parse, model, validate and render quizzes,
checklists and training modules. Nothing in this package imports MkDocs, so the core
can move to another engine that reads ``mkdocs.yml``."""
