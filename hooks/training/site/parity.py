"""Translation parity: the languages must agree on everything a reader's progress, a
trainer's plan or a comparison of scores depends on."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..checklist.model import Checklist
from ..errors import Problem
from ..modules.module import Module, Section
from ..quiz.model import Quiz


@dataclass
class PageContent:
    """What parity compares on one page of one language."""

    path: str
    module: Module | None
    quizzes: list[Quiz]
    checklists: list[Checklist]
    sections: list[Section] = field(default_factory=list)


def missing_counterparts(paths: dict[str, set[str]], docs: str, allowed: dict[str, str]) -> list[Problem]:
    """Pages that exist in one language but not in another and are not on the allow-list.

    ``paths`` maps each language to its page paths relative to the language folder.
    """
    problems = []
    for lang, own in paths.items():
        for other, theirs in paths.items():
            for rel in sorted(own - theirs):
                if rel in allowed:
                    continue
                problems.append(Problem(
                    f"{docs}/{lang}/{rel}", 1,
                    f"this page has no {other} counterpart: create {docs}/{other}/{rel}, or name it "
                    "with a reason in translations.yml under 'untranslated'"))
    return problems


def _quiz_shape(quiz: Quiz) -> dict[str, tuple]:
    keys = {q.id: q.answer_key() for q in quiz.questions}
    return {q.id: (q.type, tuple(right for _, right in keys[q.id].options), keys[q.id].answer) for q in quiz.questions}


def compare_pages(reference: PageContent, other: PageContent) -> list[Problem]:
    """Every difference of ``other`` from ``reference``, located in ``other``'s file."""
    problems: list[Problem] = []

    def report(line: int, message: str) -> None:
        problems.append(Problem(other.path, line, f"{message} (compare {reference.path})"))

    a, b = reference.module, other.module
    if (a is None) != (b is None):
        report(1, "one language is a module and the other is not: give both the same front matter keys")
    elif a is not None and b is not None:
        for key, attr in (("id", "id"), ("track", "track"), ("order", "order"),
                          ("audiences", "audiences"), ("legal", "legal"), ("mastery", "mastery")):
            if getattr(a, attr) != getattr(b, attr):
                report(b.line_of(key), f"'{key}' is {getattr(b, attr)!r} here but {getattr(a, attr)!r} "
                       "in the other language")
        if (a.teaching_minutes, a.exercise_minutes) != (b.teaching_minutes, b.exercise_minutes):
            report(b.line_of("duration"), f"'duration' is {b.teaching_minutes}+{b.exercise_minutes} minutes "
                   f"here but {a.teaching_minutes}+{a.exercise_minutes} in the other language")
    if len(reference.sections) == len(other.sections):
        for ours, theirs in zip(reference.sections, other.sections):
            if bool(ours.slide) != bool(theirs.slide):
                where = theirs.notes[0].line if theirs.notes else theirs.line
                report(where, f"section '{theirs.title}' " + ("has slide text here but not in the other language"
                       if theirs.slide else "has no slide text here: add 'slide:' to its trainer block, as in the "
                       "other language"))
    _compare_blocks(reference.quizzes, other.quizzes, "quiz", report)
    _compare_blocks(reference.checklists, other.checklists, "checklist", report)
    return problems


def _compare_blocks(ours: Iterable, theirs: Iterable, kind: str, report) -> None:
    ours_by_id = {block.id: block for block in ours}
    theirs_by_id = {block.id: block for block in theirs}
    for ident in sorted(ours_by_id.keys() - theirs_by_id.keys()):
        report(1, f"{kind} '{ident}' is missing here: add it with the same id")
    for ident, block in theirs_by_id.items():
        if ident not in ours_by_id:
            report(block.line, f"{kind} '{ident}' does not exist in the other language: use the same ids")
            continue
        if kind == "quiz":
            _compare_quiz(ours_by_id[ident], block, report)
        else:
            mine = [item.id for item in ours_by_id[ident].items]
            if mine != [item.id for item in block.items]:
                report(block.line, f"checklist '{ident}' has items {[i.id for i in block.items]} here "
                       f"but {mine} in the other language: use the same item ids in the same order")


def _compare_quiz(ours: Quiz, theirs: Quiz, report) -> None:
    mine, yours = _quiz_shape(ours), _quiz_shape(theirs)
    for question in theirs.questions:
        if question.id not in mine:
            report(question.line, f"question '{question.id}' does not exist in the other language")
        elif mine[question.id] != yours[question.id]:
            report(question.line, f"question '{question.id}' differs in type or in which options are "
                   "correct: the languages must agree option by option")
    for ident in mine.keys() - yours.keys():
        report(theirs.line, f"quiz '{theirs.id}' lacks question '{ident}' that the other language has")
    if [q.id for q in ours.questions] != [q.id for q in theirs.questions] and mine.keys() == yours.keys():
        report(theirs.line, f"quiz '{theirs.id}' has its questions in another order than the other language")
