"""The shape of a typical module, measured on the real modules under docs/fi and docs/en.

The synthetic sites of the benchmark are built to these proportions, so that the blocks
weigh in the build as much as they do on the real site.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from training.site.model import Page
from training.site.checks import check_docs
from training.quiz.model import QUESTION_TYPES
from training.source import split_front_matter
from training.site.unconfirmed import prose_lines

_WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)


@dataclass
class Proportions:
    """Averages per module (both languages together) and the share of each question type."""

    modules: int = 0
    quizzes_per_module: float = 0.0
    questions_per_quiz: float = 0.0
    type_shares: dict[str, float] = field(default_factory=dict)
    options_per_choice: float = 0.0
    option_feedback_share: float = 0.0
    answers_per_text: float = 0.0
    explanation_share: float = 0.0
    checklists_per_module: float = 0.0
    items_per_checklist: float = 0.0
    hint_share: float = 0.0
    trainer_blocks_per_module: float = 0.0
    sensitive_share: float = 0.0
    legal_share: float = 0.0
    words_per_module: float = 0.0

    def lines(self) -> list[str]:
        """The proportions as short lines for the terminal and BENCHMARKS.md."""
        types = ", ".join(f"{t} {self.type_shares.get(t, 0):.0%}" for t in QUESTION_TYPES)
        return [
            f"{self.modules} real modules (fi and en together); per module:",
            f"  quizzes {self.quizzes_per_module:.2f}, questions per quiz {self.questions_per_quiz:.1f} ({types}),",
            f"  options per choice question {self.options_per_choice:.1f} "
            f"(with feedback {self.option_feedback_share:.0%}), accepted answers per text question "
            f"{self.answers_per_text:.1f}, explanations {self.explanation_share:.0%},",
            f"  checklists {self.checklists_per_module:.2f}, items per checklist {self.items_per_checklist:.1f} "
            f"(with hint {self.hint_share:.0%}),",
            f"  trainer blocks {self.trainer_blocks_per_module:.1f} (sensitive {self.sensitive_share:.0%}), "
            f"legal modules {self.legal_share:.0%}, prose words {self.words_per_module:.0f}.",
        ]


def prose_words(page_source: str) -> int:
    """Words of prose outside fenced blocks and front matter."""
    _, body, _ = split_front_matter(page_source)
    return sum(len(_WORD.findall(line)) for _, line in prose_lines(body))


def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def measure(modules: list[Page], sources: dict[str, str]) -> Proportions:
    """Proportions of the given module pages; ``sources`` maps a page path to its text."""
    quizzes = [q for p in modules for q in p.blocks.quizzes]
    questions = [q for quiz in quizzes for q in quiz.questions]
    choices = [q for q in questions if q.type in ("single", "multiple")]
    options = [o for q in choices for o in q.options]
    texts = [q for q in questions if q.type == "text"]
    checklists = [c for p in modules for c in p.blocks.checklists]
    items = [i for c in checklists for i in c.items]
    notes = [n for p in modules for n in p.blocks.trainer_notes]
    types = Counter(q.type for q in questions)
    n = len(modules)
    return Proportions(
        modules=n,
        quizzes_per_module=_ratio(len(quizzes), n),
        questions_per_quiz=_ratio(len(questions), len(quizzes)),
        type_shares={t: _ratio(types[t], len(questions)) for t in QUESTION_TYPES},
        options_per_choice=_ratio(len(options), len(choices)),
        option_feedback_share=_ratio(sum(1 for o in options if o.feedback), len(options)),
        answers_per_text=_ratio(sum(len(q.answers) for q in texts), len(texts)),
        explanation_share=_ratio(sum(1 for q in questions if q.explanation), len(questions)),
        checklists_per_module=_ratio(len(checklists), n),
        items_per_checklist=_ratio(len(items), len(checklists)),
        hint_share=_ratio(sum(1 for i in items if i.hint), len(items)),
        trainer_blocks_per_module=_ratio(len(notes), n),
        sensitive_share=_ratio(sum(1 for x in notes if x.sensitive), len(notes)),
        legal_share=_ratio(sum(1 for p in modules if p.module.legal), n),
        words_per_module=_ratio(sum(prose_words(sources[p.path]) for p in modules), n),
    )


def real_proportions(root: Path) -> Proportions:
    """Proportions of the modules of the real site at ``root`` (read only, nothing written)."""
    report = check_docs(root / "docs", root, languages=["fi", "en"])
    modules = [p for p in report.pages if p.module and p.module.id]
    sources = {p.path: (root / p.path).read_text(encoding="utf-8") for p in modules}
    return measure(modules, sources)
