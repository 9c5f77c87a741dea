"""The Markdown of one synthetic module page, in one language and one variant.

Variants differ only in how quizzes and checklists are written:

- ``ours``: the site's own ```quiz and ```checklist blocks;
- ``plain``: the same texts as plain Markdown (bold lines and lists) of similar size;
- ``mkdocs-quiz``: each question as a ``<quiz>`` block of the mkdocs-quiz plugin.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from corpus import Pool
from shapes import ModuleShape, QuestionShape

SOURCES = (
    ("Työsopimuslaki 55/2001 (Finlex)", "https://www.finlex.fi/fi/lainsaadanto/2001/55"),
    ("Työaikalaki 872/2019 (Finlex)", "https://www.finlex.fi/fi/lainsaadanto/2019/872"),
    ("Työsuojelu.fi", "https://www.tyosuojelu.fi/"),
)
WORDS = {
    "fi": {"module": "Moduuli", "quiz": "Testaa itsesi", "source": "Lähde", "read": "Lue myös edellinen moduuli",
           "true": "Totta", "false": "Ei totta", "answer": "Vastaus", "right": "oikein",
           "reviewer": "Sisällöntuottaja", "info": "Yleistä tietoa, ei oikeudellista neuvontaa"},
    "en": {"module": "Module", "quiz": "Test yourself", "source": "Source", "read": "Read the previous module too",
           "true": "True", "false": "False", "answer": "Answer", "right": "right",
           "reviewer": "Content editor", "info": "General information, not legal advice"},
}
_PLAIN_UNSAFE = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|: | #|:$|^(?:true|false|yes|no|on|off|null|~|[\d.+-]+)$",
                           re.IGNORECASE)
_WORD = re.compile(r"\w+", re.UNICODE)
_FACT = re.compile(r"\$\{[^}]*\}")


def yaml_text(text: str) -> str:
    """Text as a YAML scalar: plain when YAML reads it back unchanged, else double-quoted."""
    return json.dumps(text, ensure_ascii=False) if _PLAIN_UNSAFE.search(text) else text


def block_scalar(lines: list[str], indent: str) -> str:
    """Lines as the body of a ``key: |`` block scalar."""
    return "\n".join(indent + line for line in lines)


@dataclass
class Writer:
    """Hands out sentences of one language, in a fixed order from a starting point."""

    pool: Pool
    language: str
    k: int = 0

    def sentence(self) -> str:
        self.k += 1
        return self.pool.sentence(self.k)

    def sentences(self, count: int) -> list[str]:
        return [self.sentence() for _ in range(count)]

    def phrase(self, words: int = 6) -> str:
        self.k += 1
        return self.pool.short(self.k, words)

    def distinct_phrases(self, count: int, words: int = 6) -> list[str]:
        found: list[str] = []
        while len(found) < count:
            phrase = self.phrase(words)
            if phrase.lower() not in {f.lower() for f in found}:
                found.append(phrase)
        return found

    def answers(self, count: int) -> list[str]:
        self.k += 1
        return self.pool.words(self.k, count)

    @property
    def w(self) -> dict[str, str]:
        return WORDS[self.language]


@dataclass
class QuestionText:
    """The texts of one question in one language (shared by every variant)."""

    shape: QuestionShape
    question: str
    options: list[str]
    feedback: list[str]
    answers: list[str]
    explanation: list[str]


def question_texts(shape: QuestionShape, w: Writer) -> QuestionText:
    options = w.distinct_phrases(len(shape.correct)) if shape.correct else []
    feedback = [w.sentence() if has else "" for has in shape.feedback]
    answers = w.answers(shape.answers) if shape.type == "text" else []
    explanation = [w.sentence(), f"{w.w['source']}: [{SOURCES[0][0]}]({SOURCES[0][1]})."]
    return QuestionText(shape, w.sentence(), options, feedback, answers, explanation)


# -- quizzes in the three variants ------------------------------------------------------------


def quiz_ours(quiz_id: str, questions: list[QuestionText], module_id: str, first: int) -> str:
    lines = ["```quiz", f"id: {quiz_id}", "questions:"]
    for n, q in enumerate(questions, start=first):
        lines += [f"  - id: {module_id}-k{n}", f"    type: {q.shape.type}", f"    question: {yaml_text(q.question)}"]
        if q.shape.type in ("single", "multiple"):
            lines.append("    options:")
            for text, correct, feedback in zip(q.options, q.shape.correct, q.feedback):
                lines.append(f"      - text: {yaml_text(text)}")
                if correct:
                    lines.append("        correct: true")
                if feedback:
                    lines.append(f"        feedback: {yaml_text(feedback)}")
        elif q.shape.type == "truefalse":
            lines.append(f"    answer: {'true' if q.shape.truth else 'false'}")
        else:
            lines.append(f"    answers: [{', '.join(q.answers)}]")
        lines += ["    explanation: |", block_scalar(q.explanation, "      ")]
    return "\n".join(lines + ["```"])


def quiz_plain(questions: list[QuestionText], w: dict[str, str], first: int) -> str:
    lines: list[str] = []
    for n, q in enumerate(questions, start=first):
        lines += [f"**{n}. {q.question}**", ""]
        if q.shape.type in ("single", "multiple"):
            for text, correct, feedback in zip(q.options, q.shape.correct, q.feedback):
                mark = f" ({w['right']})" if correct else ""
                lines.append(f"- {text}{mark}" + (f": {feedback}" if feedback else ""))
        elif q.shape.type == "truefalse":
            lines += [f"- {w['true']}" + (f" ({w['right']})" if q.shape.truth else ""),
                      f"- {w['false']}" + ("" if q.shape.truth else f" ({w['right']})")]
        else:
            lines.append(f"- {w['answer']}: {', '.join(q.answers)}")
        lines += ["", *q.explanation, ""]
    return "\n".join(lines).rstrip()


def quiz_mkdocs_quiz(questions: list[QuestionText], w: dict[str, str]) -> str:
    """mkdocs-quiz has one question per ``<quiz>``: single and multiple map to its task-list
    answers (several ``[x]`` make checkboxes), feedback to a ``>`` line right after the
    answer, true/false to a two-answer question, and a text question to a blank holding
    the first accepted answer (mkdocs-quiz accepts only one). The explanation follows the
    answers, after a ``---`` line for a blank, as its documentation says."""
    blocks = []
    for q in questions:
        lines = ["<quiz>"]
        if q.shape.type in ("single", "multiple"):
            lines.append(q.question)
            for text, correct, feedback in zip(q.options, q.shape.correct, q.feedback):
                lines.append(f"- [{'x' if correct else ' '}] {text}")
                if feedback:
                    lines.append(f"> {feedback}")
            lines += ["", *q.explanation]
        elif q.shape.type == "truefalse":
            lines += [q.question, f"- [{'x' if q.shape.truth else ' '}] {w['true']}",
                      f"- [{' ' if q.shape.truth else 'x'}] {w['false']}", "", *q.explanation]
        else:
            lines += [f"{q.question} [[{q.answers[0]}]]", "", "---", *q.explanation]
        blocks.append("\n".join(lines + ["</quiz>"]))
    return "\n\n".join(blocks)


# -- checklists ------------------------------------------------------------------------------


def checklist_ours(checklist_id: str, title: str, items: list[tuple[str, str]]) -> str:
    lines = ["```checklist", f"id: {checklist_id}", f"title: {yaml_text(title)}", "items:"]
    for n, (text, hint) in enumerate(items, start=1):
        lines += [f"  - id: k{n}", f"    text: {yaml_text(text)}"]
        if hint:
            lines.append(f"    hint: {yaml_text(hint)}")
    return "\n".join(lines + ["```"])


def checklist_plain(title: str, items: list[tuple[str, str]]) -> str:
    lines = [f"**{title}**", ""]
    for text, hint in items:
        lines.append(f"- {text}" + (f" {hint}" if hint else ""))
    return "\n".join(lines)


# -- the page ---------------------------------------------------------------------------------


def _front_matter(m: ModuleShape, w: Writer, today: dt.date) -> list[str]:
    total = sum(m.minutes)
    exercises = total // 3
    # No fact and no number that reads as a phone number (module 112) in a title.
    title = f"{w.w['module']} {m.id}: {_FACT.sub('', w.phrase(5)).strip()}"
    lines = ["---", f"id: {m.id}", f"title: {yaml_text(title)}",
             f"track: {m.track}", f"order: {m.order}", "audiences: [participant, trainer]",
             "duration:", f"  teaching: {total - exercises}", f"  exercises: {exercises}", "objectives:"]
    lines += [f"  - {yaml_text(_FACT.sub('', s).strip())}" for s in w.sentences(3)]  # objectives show no facts
    lines += ["key_points:"] + [f"  - {yaml_text(s)}" for s in w.sentences(4)]
    lines += ["prerequisites: []", f"legal: {'true' if m.legal else 'false'}"]
    if m.legal:
        lines.append("sources:")
        for title, url in SOURCES:
            lines += [f"  - title: {yaml_text(title)}", f"    url: {url}"]
        lines.append(f"sources_as_of: {today:%Y-%m}")
    return lines + ["---", ""]


def _trainer(minutes: int, sensitive: bool, w: Writer) -> str:
    lines = ["```trainer", f"minutes: {minutes}", "notes: |", block_scalar(w.sentences(4), "  ")]
    if sensitive:
        lines += ["sensitive: |", block_scalar(w.sentences(2), "  ")]
    return "\n".join(lines + ["```"])


def _prose(w: Writer, words: int, paragraph: int) -> list[str]:
    """About ``words`` words of prose; every third paragraph is a list, as on real pages."""
    out: list[str] = []
    count = 0
    while count < words:
        sentences = w.sentences(3)
        count += sum(len(_WORD.findall(s)) for s in sentences)
        if (paragraph + len(out)) % 3 == 2:
            out.append("\n".join(f"- {s}" for s in sentences))
        else:
            out.append("\n".join(sentences))
    return out


def module_page(m: ModuleShape, pool: Pool, language: str, quiz_style: str, checklist_style: str,
                previous: str | None, today: dt.date) -> str:
    """The page of module ``m`` in ``language``; ``previous`` is the link to the module before it."""
    w = Writer(pool, language, k=m.index * 97)
    parts = ["\n".join(_front_matter(m, w, today))]
    intro = w.sentences(3)
    if previous:
        intro.append(f"[{w.w['read']}]({previous}).")
    parts.append("\n".join(intro))
    sections = len(m.minutes)
    words_per_section = max(20, (m.words - 40) // sections)
    quizzes = [[question_texts(q, w) for q in quiz] for quiz in m.quizzes]
    checklists = [(w.phrase(4), [(w.sentence(), w.sentence() if hint else "") for hint in hints])
                  for hints in m.checklists]
    for s in range(sections):
        parts.append(f"## {w.phrase(5)}")
        parts.append(_trainer(m.minutes[s], m.sensitive[s], w))
        parts += _prose(w, words_per_section, s)
        if s == sections // 2:
            for n, (title, items) in enumerate(checklists, start=1):
                parts.append(checklist_ours(f"{m.id}-lista-{n}", title, items) if checklist_style == "ours"
                             else checklist_plain(title, items))
    first = 1
    for n, quiz in enumerate(quizzes, start=1):
        if quiz_style == "ours":
            parts.append(quiz_ours(f"{m.id}-testi-{n}", quiz, m.id, first))
        elif quiz_style == "mkdocs-quiz":
            parts.append(quiz_mkdocs_quiz(quiz, w.w))
        else:
            parts.append(quiz_plain(quiz, w.w, first))
        first += len(quiz)
    if m.legal:
        parts.append(f'!!! info "{w.w["info"]}"\n' + "\n".join("    " + s for s in w.sentences(3)))
    return "\n\n".join(parts) + "\n"
