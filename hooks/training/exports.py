"""Every module's quizzes for learning platforms: a Moodle GIFT file and a Moodle XML file per
language, written next to the module so its trainer page can link to them and the site (and
the offline pack) carries them. Pure: no MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from .errors import ExportError, Problem
from .facts.view import FactView
from .generated import GENERATED_TEXT, write_generated
from .gift import question_to_gift, quizzes_to_gift
from .model import Quiz
from .modules import Module
from .moodle_xml import question_element, quizzes_to_moodle_xml


@dataclass(frozen=True)
class ExportFormat:
    """A file format Moodle imports: the file's ending and how to write a module in it."""

    suffix: str
    write: Callable[[list[Quiz], str, str, str], str]


def _gift(quizzes: list[Quiz], category: str, prefix: str, source: str) -> str:
    header = f"// {GENERATED_TEXT} from {source}: edit that file, not this one\n\n"
    return header + quizzes_to_gift(quizzes, category, title_prefix=prefix)


def _xml(quizzes: list[Quiz], category: str, prefix: str, source: str) -> str:
    return quizzes_to_moodle_xml(quizzes, category, title_prefix=prefix,
                                 comment=f"{GENERATED_TEXT} from {source}: edit that file, not this one")


GIFT = ExportFormat(".gift", _gift)
MOODLE_XML = ExportFormat(".moodle.xml", _xml)
FORMATS = (GIFT, MOODLE_XML)


def export_file(rel: str, language: str, kind: ExportFormat = GIFT) -> str:
    """``oikeudet/palkka.md`` in Finnish -> ``oikeudet/palkka.fi.gift`` (the language in the
    name, because a trainer may download both languages into one folder)."""
    return f"{rel[: -len('.md')]}.{language}{kind.suffix}"


def has_questions(quizzes: list[Quiz]) -> bool:
    return any(quiz.questions for quiz in quizzes)


def category(module: Module) -> str:
    """The question-bank category a module's questions are imported into: its title."""
    return f"$course$/top/{module.title.replace('/', '-')}"


def export_problems(path: str, quizzes: list[Quiz]) -> list[Problem]:
    """Questions the export formats cannot carry faithfully, located at the question."""
    problems = []
    for quiz in quizzes:
        for question in quiz.questions:
            try:
                question_to_gift(question)
                question_element(question)
            except ExportError as error:
                problems.append(Problem(path, question.line or quiz.line,
                                        f"{error}: change the question, because Moodle could not import it as written"))
    return problems


def with_facts(quiz: Quiz, facts: FactView) -> Quiz:
    """The quiz with every fact reference (``${nas}``) written out, as its page shows it."""
    def question(q):
        return replace(q, question=facts.substitute(q.question), explanation=facts.substitute(q.explanation),
                       feedback_true=facts.substitute(q.feedback_true), feedback_false=facts.substitute(q.feedback_false),
                       options=[replace(o, text=facts.substitute(o.text, links=False),
                                        feedback=facts.substitute(o.feedback)) for o in q.options])
    return replace(quiz, title=facts.substitute(quiz.title), questions=[question(q) for q in quiz.questions])


def write_exports(docs_dir: Path, pages, facts: Callable[[str], FactView]) -> list[Path]:
    """Write (only when changed) every export file of every module that has questions, and
    delete the generated ones whose module is gone. ``facts(language)`` writes out the facts
    the questions use."""
    written = []
    for kind in FORMATS:
        wanted = {
            docs_dir / page.language / export_file(page.rel, page.language, kind):
                kind.write([with_facts(q, facts(page.language)) for q in page.blocks.quizzes],
                           category(page.module), f"{page.language}/", page.path)
            for page in pages
            if page.module and page.module.id and has_questions(list(page.blocks.quizzes))
        }
        written += write_generated(docs_dir, wanted, "*" + kind.suffix)
    return sorted(written)
