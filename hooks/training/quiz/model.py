"""The data model of a quiz, as editors write it.

Every object keeps the file line where it starts, and the lines of the keys it was
written with, so that validation can point at the exact line an editor must change."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, ClassVar, NamedTuple

from ..ids import short_hash
from ..yamlread import Written


@dataclass
class Option(Written):
    """One answer option of a single- or multiple-choice question."""

    text: str = ""
    correct: bool = False
    feedback: str = ""
    line: int = 0
    index: int = 1

    @property
    def name(self) -> str:
        """How messages refer to this option."""
        return f"option {self.index}"


class AnswerKey(NamedTuple):
    """What decides a question's right answer: its options, each as [text, whether it is
    right]; the true/false answer; the accepted typed answers."""

    options: list[list[object]]
    answer: bool | None
    answers: list[str]


@dataclass
class Question(Written):
    """What every question has: an id, the question, an explanation, and where it is written.
    Each type of question is a variant of its own (``SingleChoice``, ``MultipleChoice``,
    ``TrueFalse``, ``TextAnswer``), holding only the fields of that type."""

    id: str = ""
    question: str = ""
    explanation: str = ""
    line: int = 0
    index: int = 1

    type: ClassVar[str] = ""

    @property
    def name(self) -> str:
        """How messages refer to this question: by id, or by position when it has none."""
        return f"question '{self.id}'" if self.id else f"question {self.index}"

    def content_hash(self) -> str:
        """Hash of what decides the right answer. Saved progress keeps this hash, so an
        edit to the question drops the old answer instead of attaching it to new content.
        Feedback and explanation are left out: rewording them does not change the answer."""
        return short_hash([self.type, self.question, *self.answer_key()])

    def answer_key(self) -> AnswerKey:
        """What decides the right answer; each type fills in its own part."""
        return AnswerKey([], None, [])

    def with_texts(self, text: Callable[[str], str], label: Callable[[str], str]) -> Question:
        """The question with every text written through ``text``, and option texts (labels)
        through ``label`` (the exports write facts out this way)."""
        return replace(self, question=text(self.question), explanation=text(self.explanation))


@dataclass
class ChoiceQuestion(Question):
    """A question answered by choosing among options."""

    options: list[Option] = field(default_factory=list)

    def answer_key(self) -> AnswerKey:
        return AnswerKey([[o.text, o.correct] for o in self.options], None, [])

    def with_texts(self, text: Callable[[str], str], label: Callable[[str], str]) -> ChoiceQuestion:
        return replace(super().with_texts(text, label),  # type: ignore[return-value]
                       options=[replace(o, text=label(o.text), feedback=text(o.feedback)) for o in self.options])


@dataclass
class SingleChoice(ChoiceQuestion):
    """One option is right."""

    type: ClassVar[str] = "single"


@dataclass
class MultipleChoice(ChoiceQuestion):
    """One or more options are right, and the reader ticks every one."""

    type: ClassVar[str] = "multiple"


@dataclass
class TrueFalse(Question):
    """A statement that is true or false, with feedback for either choice."""

    answer: bool | None = None
    feedback_true: str = ""
    feedback_false: str = ""

    type: ClassVar[str] = "truefalse"

    def answer_key(self) -> AnswerKey:
        return AnswerKey([], self.answer, [])

    def with_texts(self, text: Callable[[str], str], label: Callable[[str], str]) -> TrueFalse:
        return replace(super().with_texts(text, label),  # type: ignore[return-value]
                       feedback_true=text(self.feedback_true), feedback_false=text(self.feedback_false))


@dataclass
class TextAnswer(Question):
    """The reader types the answer; any of the accepted forms is right."""

    answers: list[str] = field(default_factory=list)

    type: ClassVar[str] = "text"

    def answer_key(self) -> AnswerKey:
        return AnswerKey([], None, self.answers)


@dataclass
class UnknownType(Question):
    """A question whose type is missing or misspelt, as read: validation reports it."""

    written_type: str = ""

    @property
    def type(self) -> str:  # type: ignore[override]
        return self.written_type


# Every type of question by the name editors write after 'type:'.
QUESTION_VARIANTS: dict[str, type[Question]] = {
    variant.type: variant for variant in (SingleChoice, MultipleChoice, TrueFalse, TextAnswer)}
QUESTION_TYPES = tuple(QUESTION_VARIANTS)


@dataclass
class Quiz(Written):
    """A quiz block: one or more questions under a site-wide unique id."""

    id: str = ""
    title: str = ""
    questions: list[Question] = field(default_factory=list)
    path: str = ""
    line: int = 0

    kind = "quiz"

    @property
    def name(self) -> str:
        """How messages refer to this quiz."""
        return f"quiz '{self.id}'" if self.id else "the quiz"
