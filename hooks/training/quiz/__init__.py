"""Quizzes: the model, reading and checking a ```quiz block, and its HTML."""
