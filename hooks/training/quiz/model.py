"""The data model of a quiz, as editors write it.

Every object keeps the file line where it starts, and the lines of the keys it was
written with, so that validation can point at the exact line an editor must change."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ids import short_hash


QUESTION_TYPES = ("single", "multiple", "truefalse", "text")


@dataclass
class Option:
    """One answer option of a single- or multiple-choice question."""

    text: str = ""
    correct: bool = False
    feedback: str = ""
    line: int = 0
    index: int = 1
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # Keys whose value was already reported as malformed while reading; validation
    # leaves them alone instead of adding "missing ..." on top.
    flawed: set[str] = field(default_factory=set, compare=False, repr=False)

    @property
    def name(self) -> str:
        """How messages refer to this option."""
        return f"option {self.index}"


@dataclass
class Question:
    """One question. Which fields matter depends on ``type``:
    ``options`` for single/multiple, ``answer`` (+ ``feedback_true``/``feedback_false``)
    for truefalse, ``answers`` for text."""

    id: str = ""
    type: str = ""
    question: str = ""
    options: list[Option] = field(default_factory=list)
    answer: bool | None = None
    feedback_true: str = ""
    feedback_false: str = ""
    answers: list[str] = field(default_factory=list)
    explanation: str = ""
    line: int = 0
    index: int = 1
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # Keys whose value was already reported as malformed while reading; validation
    # leaves them alone instead of adding "missing ..." on top.
    flawed: set[str] = field(default_factory=set, compare=False, repr=False)

    @property
    def name(self) -> str:
        """How messages refer to this question: by id, or by position when it has none."""
        return f"question '{self.id}'" if self.id else f"question {self.index}"

    def content_hash(self) -> str:
        """Hash of what decides the right answer. Saved progress keeps this hash, so an
        edit to the question drops the old answer instead of attaching it to new content.
        Feedback and explanation are left out: rewording them does not change the answer."""
        return short_hash(
            [
                self.type,
                self.question,
                [[o.text, o.correct] for o in self.options],
                self.answer,
                self.answers,
            ]
        )


@dataclass
class Quiz:
    """A quiz block: one or more questions under a site-wide unique id."""

    id: str = ""
    title: str = ""
    questions: list[Question] = field(default_factory=list)
    path: str = ""
    line: int = 0
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # Keys whose value was already reported as malformed while reading; validation
    # leaves them alone instead of adding "missing ..." on top.
    flawed: set[str] = field(default_factory=set, compare=False, repr=False)

    kind = "quiz"

    @property
    def name(self) -> str:
        """How messages refer to this quiz."""
        return f"quiz '{self.id}'" if self.id else "the quiz"
