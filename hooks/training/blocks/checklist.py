"""```` ```checklist ````: items to tick, kept only if the reader asks (``checklist.render``)."""

from __future__ import annotations

from ..checklist.model import Checklist
from ..checklist.parse import CHECKLIST_KEYS, parse_checklist
from ..checklist.render import render_checklist
from ..checklist.validate import validate_checklist
from ..context import RenderContext
from ..errors import Problem
from .base import BlockKind, BlockSource


class ChecklistBlock(BlockKind):
    name = "checklist"
    keys = CHECKLIST_KEYS

    def parse(self, body: str, source: BlockSource) -> tuple[Checklist | None, list[Problem]]:
        return parse_checklist(body, source.path, source.line)

    def validate(self, model: Checklist, source: BlockSource) -> list[Problem]:
        return validate_checklist(model)

    def render(self, model: Checklist, page: RenderContext) -> str:
        return render_checklist(model, page.strings, page.resolve_link, page.facts, page.storage_texts())


KIND = ChecklistBlock()
