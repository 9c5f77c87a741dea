"""```` ```progress-summary ````: the reader's own progress over a track's modules."""

from __future__ import annotations

from ..context import RenderContext
from ..errors import Problem
from ..modules.summary import SUMMARY_KEYS, SummaryRequest, parse_summary, render_summary
from .base import BlockKind, BlockSource


class ProgressSummaryBlock(BlockKind):
    name = "progress-summary"
    keys = SUMMARY_KEYS

    def parse(self, body: str, source: BlockSource) -> tuple[SummaryRequest, list[Problem]]:
        return parse_summary(body, source.path, source.line)

    def render(self, model: SummaryRequest, page: RenderContext) -> str:
        return render_summary(page.module_entries(), model, page.strings, page.storage_texts())


KIND = ProgressSummaryBlock()
