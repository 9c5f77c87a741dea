"""```` ```trainer ````: a section's facilitator notes. On a module page they render hidden,
between marks, for its presentation's notes window; the participant page drops them
(``presentation.participant_html``), and the trainer page is made from the model."""

from __future__ import annotations

from ..context import RenderContext
from ..errors import Problem
from ..modules.module import TRAINER_KEYS, TrainerNote, parse_trainer
from ..modules.presentation import render_notes
from .base import BlockKind, BlockSource


class TrainerBlock(BlockKind):
    name = "trainer"
    keys = TRAINER_KEYS

    def parse(self, body: str, source: BlockSource) -> tuple[TrainerNote | None, list[Problem]]:
        return parse_trainer(body, source.path, source.line)

    def render(self, model: TrainerNote, page: RenderContext) -> str:
        if not page.trainer_notes:
            return ""  # not on a module page: nothing presents it, and the checks reject it there
        return render_notes(model, page.strings, page.resolve_link, page.facts)


KIND = TrainerBlock()
