"""```` ```modules ````: a catalogue of the site's modules, made from their front matter."""

from __future__ import annotations

from ..context import RenderContext
from ..errors import Problem
from ..modules.catalogue import CATALOGUE_KEYS, CatalogueRequest, parse_request, render_catalogue
from .base import BlockKind, BlockSource


class ModuleListBlock(BlockKind):
    name = "modules"
    keys = CATALOGUE_KEYS

    def parse(self, body: str, source: BlockSource) -> tuple[CatalogueRequest, list[Problem]]:
        return parse_request(body, source.path, source.line)

    def render(self, model: CatalogueRequest, page: RenderContext) -> str:
        return render_catalogue(page.module_entries(), model, page.strings)


KIND = ModuleListBlock()
