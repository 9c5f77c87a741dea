"""The files the build adds to a language's pages: each module's trainer page, presentation
and quiz exports. They exist only in the build (the adapter hands them to MkDocs as virtual
files); nothing is written into ``docs/``. Pure: no MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..exports.formats import export_texts
from ..facts.view import FactView
from ..modules.catalogue import presentation_file, trainer_file, trainer_markdown
from ..modules.presentation import presentation_markdown
from .model import Page


@dataclass(frozen=True)
class GeneratedFile:
    """One added file: the module it belongs to (its path in its language folder), the
    file's own path there, and its text."""

    language: str
    module_rel: str
    rel: str
    content: str

    @property
    def is_page(self) -> bool:
        return self.rel.endswith(".md")


def generated_files(pages: Iterable[Page], strings_for: Callable[[str], dict[str, str]],
                    facts_for: Callable[[str], FactView]) -> list[GeneratedFile]:
    """The trainer page, presentation and exports of every module of the checked ``pages``."""
    found = []
    for page in pages:
        if not (page.module and page.module.id):
            continue
        strings = strings_for(page.language)
        texts = {trainer_file(page.rel): trainer_markdown(page.module, strings),
                 presentation_file(page.rel): presentation_markdown(page.module, strings),
                 **export_texts(page.rel, page.language, page.module, page.blocks.quizzes, page.path,
                                facts_for(page.language))}
        found += [GeneratedFile(page.language, page.rel, rel, text) for rel, text in texts.items()]
    return found
