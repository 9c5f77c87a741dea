"""```` ```quiz ````: questions with their answers, checked without JavaScript (``quiz.render``)."""

from __future__ import annotations

from ..context import RenderContext
from ..errors import Problem
from ..quiz.model import Quiz
from ..quiz.parse import QUIZ_KEYS, parse_quiz
from ..quiz.render import render_quiz
from ..quiz.validate import validate_quiz
from .base import BlockKind, BlockSource


class QuizBlock(BlockKind):
    name = "quiz"
    keys = QUIZ_KEYS

    def parse(self, body: str, source: BlockSource) -> tuple[Quiz | None, list[Problem]]:
        return parse_quiz(body, source.path, source.line)

    def validate(self, model: Quiz, source: BlockSource) -> list[Problem]:
        return validate_quiz(model)

    def render(self, model: Quiz, page: RenderContext) -> str:
        return render_quiz(model, page.strings, page.resolve_link, page.facts, page.storage_texts())


KIND = QuizBlock()
