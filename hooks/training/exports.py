"""Every module's quizzes as a Moodle GIFT file per language, written next to the module so
its trainer page can link to it and the site (and the offline pack) carries it. Pure."""

from __future__ import annotations

import posixpath
from pathlib import Path

from .generated import GENERATED_TEXT, write_generated
from .gift import quizzes_to_gift
from .modules import Module
from .model import Quiz

GIFT_SUFFIX = ".gift"


def gift_file(rel: str, language: str) -> str:
    """``oikeudet/palkka.md`` in Finnish -> ``oikeudet/palkka.fi.gift`` (the language in the
    name, because a trainer may download both into one folder)."""
    return f"{rel[: -len('.md')]}.{language}{GIFT_SUFFIX}"


def module_gift(module: Module, quizzes: list[Quiz], language: str, source_path: str) -> str:
    """The GIFT file of one module: a comment naming its source, a category named after the
    module, and every question named ``<language>/<question id>``."""
    header = f"// {GENERATED_TEXT} from {source_path}: edit that file, not this one\n\n"
    return header + quizzes_to_gift(quizzes, f"$course$/top/{module.title.replace('/', '-')}",
                                    title_prefix=f"{language}/")


def has_questions(quizzes: list[Quiz]) -> bool:
    return any(quiz.questions for quiz in quizzes)


def write_gift_files(docs_dir: Path, pages) -> list[Path]:
    """Write (only when changed) the GIFT file of every module that has questions."""
    wanted = {
        docs_dir / page.language / gift_file(page.rel, page.language):
            module_gift(page.module, list(page.blocks.quizzes), page.language, page.path)
        for page in pages if page.module and page.module.id and has_questions(list(page.blocks.quizzes))
    }
    return write_generated(docs_dir, wanted, "*" + GIFT_SUFFIX)


def download_name(rel: str, language: str) -> str:
    """The file name a trainer's browser saves (the link's ``download`` attribute)."""
    return posixpath.basename(gift_file(rel, language))
