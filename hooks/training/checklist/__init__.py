"""Checklists: the model, reading and checking a ```checklist block, its HTML, and the
controls that keep ticks and answers on the reader's device when asked."""
