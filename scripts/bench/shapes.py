"""The language-neutral skeleton of each synthetic module: how many sections, quizzes,
questions of which type, options, checklists and items it has.

Counts follow the real proportions exactly over the whole site, without randomness: a
mean of 5.5 trainer blocks gives modules of 5 and 6 blocks in turn, a share of 14 % puts
a feedback on every seventh option. Both languages share one skeleton, as the parity
check requires.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from proportions import Proportions
from training.quiz.model import QUESTION_TYPES
from training.modules.module import TRACKS

PART_SIZE = 10  # modules per navigation section


def spread(mean: float, index: int) -> int:
    """The count of item ``index`` such that the first n items add up to round(n * mean)."""
    return round((index + 1) * mean) - round(index * mean)


def flag(share: float, index: int) -> bool:
    """Whether item ``index`` is one of the ``share`` that have something (evenly spread)."""
    return spread(share, index) > 0


@dataclass
class Counters:
    """Running totals across the site, so that shares hold over all modules together."""

    questions: int = 0
    quizzes: int = 0
    choices: int = 0
    texts: int = 0
    options: int = 0
    checklists: int = 0
    items: int = 0
    notes: int = 0
    types: dict[str, int] = field(default_factory=lambda: {t: 0 for t in QUESTION_TYPES})

    def next_type(self, shares: dict[str, float]) -> str:
        """The type furthest behind its share (largest remainder), so the mix is exact."""
        self.questions += 1
        behind = {t: shares.get(t, 0) * self.questions - self.types[t] for t in QUESTION_TYPES}
        chosen = max(QUESTION_TYPES, key=lambda t: behind[t])
        self.types[chosen] += 1
        return chosen


@dataclass
class QuestionShape:
    """One question: its type, and per option whether it is correct and has feedback."""

    type: str
    correct: list[bool] = field(default_factory=list)
    feedback: list[bool] = field(default_factory=list)
    answers: int = 0
    truth: bool = True


@dataclass
class ModuleShape:
    """One module in both languages."""

    index: int
    track: str
    order: int
    minutes: list[int]
    sensitive: list[bool]
    quizzes: list[list[QuestionShape]]
    checklists: list[list[bool]]  # per checklist, per item: has a hint
    legal: bool
    words: int

    @property
    def id(self) -> str:
        return f"m{self.index:04d}"

    @property
    def folder(self) -> str:
        """Where the module's file sits under its language folder: track/part."""
        return f"{self.track}/osa-{(self.order - 1) // PART_SIZE + 1:02d}"

    @property
    def rel(self) -> str:
        return f"{self.folder}/{self.id}.md"


def _question(p: Proportions, c: Counters) -> QuestionShape:
    kind = c.next_type(p.type_shares)
    shape = QuestionShape(kind, truth=c.questions % 2 == 0)
    if kind in ("single", "multiple"):
        count = max(2, spread(p.options_per_choice, c.choices))
        for i in range(count):
            correct = i == c.choices % count if kind == "single" else i < count - 1
            shape.correct.append(correct)
            shape.feedback.append(flag(p.option_feedback_share, c.options))
            c.options += 1
        c.choices += 1
    elif kind == "text":
        shape.answers = max(1, spread(p.answers_per_text, c.texts))
        c.texts += 1
    return shape


def _quiz(p: Proportions, c: Counters) -> list[QuestionShape]:
    count = max(1, spread(p.questions_per_quiz, c.quizzes))
    c.quizzes += 1
    return [_question(p, c) for _ in range(count)]


def _checklist(p: Proportions, c: Counters) -> list[bool]:
    count = max(1, spread(p.items_per_checklist, c.checklists))
    c.checklists += 1
    hints = [flag(p.hint_share, c.items + i) for i in range(count)]
    c.items += count
    return hints


def module_shapes(p: Proportions, modules: int) -> list[ModuleShape]:
    """``modules`` skeletons (per language), spread over the four tracks in order."""
    shapes = []
    counters = Counters()
    per_track = -(-modules // len(TRACKS))
    for index in range(modules):
        sections = max(1, spread(p.trainer_blocks_per_module, index))
        quizzes = [_quiz(p, counters) for _ in range(spread(p.quizzes_per_module, index))]
        checklists = [_checklist(p, counters) for _ in range(spread(p.checklists_per_module, index))]
        sensitive = [flag(p.sensitive_share, counters.notes + i) for i in range(sections)]
        counters.notes += sections
        shapes.append(ModuleShape(
            index=index + 1, track=TRACKS[index // per_track], order=index % per_track + 1,
            minutes=[5 + 5 * ((index + s) % 3) for s in range(sections)], sensitive=sensitive,
            quizzes=quizzes, checklists=checklists, legal=flag(p.legal_share, index),
            words=round(p.words_per_module)))
    return shapes
