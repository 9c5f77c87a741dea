"""```` ```progress-controls ````: the reader's choice to keep answers on this device."""

from __future__ import annotations

from ..checklist.render import render_progress_controls
from ..context import RenderContext
from ..errors import Problem
from .base import BlockKind, BlockSource


class ProgressControlsBlock(BlockKind):
    name = "progress-controls"

    def parse(self, body: str, source: BlockSource) -> tuple[None, list[Problem]]:
        if body.strip():
            return None, [Problem(source.path, source.line + 1, "the progress-controls block takes no content: "
                                  "delete the lines between its opening and closing fence")]
        return None, []

    def render(self, model: None, page: RenderContext) -> str:
        return render_progress_controls(page.strings, page.storage_texts())


KIND = ProgressControlsBlock()
