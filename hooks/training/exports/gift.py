"""Quizzes as Moodle GIFT text, for importing them into a Moodle question bank. Pure: no
MkDocs, no files.

The mapping follows what Moodle's own GIFT reader does (``question/format/gift/format.php``,
``readquestion``) and writes (``writequestion``):

- Every question is named ``::<prefix><question id>::``, so Moodle keeps the stable id as
  the question name. Its text starts with ``[markdown]``: texts stay Markdown, and the
  answers, feedback and general feedback take the question text's format.
- ``single``: ``=right#feedback`` and ``~wrong#feedback`` (a one-answer multiple choice).
- ``multiple``: only weighted ``~%w%`` answers and no ``=``, which Moodle reads as "multiple
  answers allowed". The right options share +100 % equally and the wrong ones share
  -100 % equally, so choosing everything scores 0. Equal shares must be on Moodle's grade
  list, which has 1/n for n = 1-10 and 20 (100, 50, 33.33333, 25, 20, 16.66667, 14.28571,
  12.5, 11.11111, 10, 5), written to five decimals as Moodle writes them.
- ``truefalse``: ``{TRUE#feedback if wrong#feedback if right}`` (or FALSE). As in Moodle's
  ``split_truefalse_comment``, the first feedback is shown for the wrong answer and the
  second for the right one, so for ``answer: true`` the first is ``feedback_false``.
- ``text``: a short answer, ``=form`` for every accepted form (all 100 %).
- ``explanation``: the general feedback, ``####text``, last before ``}``.

Every text is escaped as GIFT requires: ``\\`` before ``~ = # { } :`` and before a
backslash, and a line break written as ``\\n`` (blank lines separate questions). Moodle
trims every text, so texts are written trimmed. Three more guards keep Moodle from reading
text as syntax: an answer or feedback starting with a format name in brackets (``[html]``)
gets an explicit ``[markdown]`` first; an answer starting with ``%`` where Moodle reads a
weight (after ``~``, and after ``=`` in a short answer) gets its weight written out
(``~%0%``, ``=%100%``) so the text is not taken for a weight; and ``*`` in a
short answer is written ``\\*``, which Moodle compares as a plain asterisk, not a wildcard.

``parse_gift`` reads back the subset written here (the tests use it for round trips).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from ..errors import ExportError
from ..quiz.model import Question, Quiz

# Characters GIFT gives a meaning; a backslash before one makes it plain text.
SPECIAL = "~=#{}:"
_ESCAPED = {"\\": "\\\\", "\n": "\\n", **{ch: "\\" + ch for ch in SPECIAL}}
# A bracketed format name at the start of a text is read as the text's format.
_FORMAT_RE = re.compile(r"\[(html|moodle|plain|markdown)\]")
# Moodle's own test for an answer weight (``$giftanswerweightregex``).
_WEIGHT_RE = re.compile(r"%-*[0-9]{1,2}\.?[0-9]*%")
# Counts n whose equal share 1/n is on Moodle's grade list (question_bank fraction options).
_SHARE_COUNTS = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20)
_TF_WORDS = {"T": True, "TRUE": True, "F": False, "FALSE": False}


# --- writing ---------------------------------------------------------------------------


def escape(text: str) -> str:
    """Text as GIFT text: trimmed, specials and backslashes escaped, line breaks as ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return "".join(_ESCAPED.get(ch, ch) for ch in text)


def percent(value: float) -> str:
    """A weight as Moodle writes it: at most five decimals, no trailing zeros (33.33333)."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def equal_share(count: int, question: Question) -> str:
    """100 % split in ``count`` equal parts, as a weight Moodle accepts (``"33.33333"``)."""
    if count not in _SHARE_COUNTS:
        raise ExportError(
            f"{question.name}: 100 % cannot be split equally among {count} options with Moodle's "
            f"grades (only among {', '.join(map(str, _SHARE_COUNTS))})"
        )
    return percent(100 / count)


def multiple_weights(question: Question) -> list[str]:
    """The weight of each option of a multiple-choice question, in option order: the
    right options share +100, the wrong ones -100."""
    right = sum(1 for o in question.options if o.correct)
    wrong = len(question.options) - right
    if right == 0:
        raise ExportError(f"{question.name} has no correct option")
    plus = equal_share(right, question)
    minus = "-" + equal_share(wrong, question) if wrong else ""
    return [plus if o.correct else minus for o in question.options]


def _part(text: str) -> str:
    """An answer or feedback text, guarded against being read as a format marker."""
    escaped = escape(text)
    return "[markdown]" + escaped if _FORMAT_RE.match(escaped) else escaped


def _feedback(text: str) -> str:
    """``#feedback``, or nothing for no feedback."""
    return "#" + _part(text) if text.strip() else ""


def _general(question: Question) -> str:
    """``####explanation``, or nothing for no explanation."""
    return "####" + _part(question.explanation) if question.explanation.strip() else ""


def _answer(marker: str, text: str, weight: str | None = None, usual: str | None = None) -> str:
    """One answer: its marker (``=`` or ``~``), its weight if given, and its text.

    Where Moodle looks for a weight (after ``~``, and after ``=`` in a short answer) the
    ``usual`` weight is written out when the text starts with ``%``, so that the text is
    not read as one."""
    body = _part(text)
    if weight is None and usual is not None and body.startswith("%"):
        weight = usual
    return marker + (f"%{weight}%" if weight is not None else "") + body


def _choice_answers(question: Question) -> list[str]:
    """The answer lines of a single- or multiple-choice question."""
    if question.type == "single":
        right = [o for o in question.options if o.correct]
        if len(right) != 1:
            raise ExportError(f"single-choice {question.name} needs exactly one correct option, has {len(right)}")
        return [
            (_answer("=", o.text) if o.correct else _answer("~", o.text, usual="0")) + _feedback(o.feedback)
            for o in question.options
        ]
    weights = multiple_weights(question)
    return [_answer("~", o.text, w) + _feedback(o.feedback) for o, w in zip(question.options, weights)]


def _text_answers(question: Question) -> list[str]:
    """The answer lines of a short-answer question: every accepted form at 100 %."""
    if not question.answers:
        raise ExportError(f"{question.name} has no accepted answers")
    lines = []
    for form in question.answers:
        if "->" in form:
            raise ExportError(f"{question.name}: Moodle reads '->' in an answer as a matching question: '{form}'")
        lines.append(_answer("=", form.replace("*", "\\*"), usual="100"))
    return lines


def _block(lines: list[str], question: Question) -> str:
    """Answer lines and the general feedback inside braces, one per line, as Moodle writes."""
    general = _general(question)
    inner = "".join(f"\t{line}\n" for line in [*lines, *([general] if general else [])])
    return "{\n" + inner + "}"


def _truefalse(question: Question) -> str:
    """``{TRUE#if wrong#if right####explanation}`` on one line, as Moodle writes it."""
    if question.answer is None:
        raise ExportError(f"{question.name} has no answer")
    if question.answer:
        word, right, wrong = "TRUE", question.feedback_true, question.feedback_false
    else:
        word, right, wrong = "FALSE", question.feedback_false, question.feedback_true
    body = word
    if wrong.strip():
        body += "#" + _part(wrong)
    elif right.strip():
        body += "#"  # an empty wrong-answer feedback keeps the right one second
    if right.strip():
        body += "#" + _part(right)
    return "{" + body + _general(question) + "}"


def question_to_gift(question: Question, title_prefix: str = "") -> str:
    """One question as a GIFT question (no blank lines inside, no trailing newline)."""
    if not question.id:
        raise ExportError(f"{question.name} has no id to name it by")
    head = f"::{escape(title_prefix + question.id)}::[markdown]{escape(question.question)}"
    if question.type in ("single", "multiple"):
        return head + _block(_choice_answers(question), question)
    if question.type == "truefalse":
        return head + _truefalse(question)
    if question.type == "text":
        return head + _block(_text_answers(question), question)
    raise ExportError(f"{question.name} has a type GIFT export does not know: '{question.type}'")


def quiz_to_gift(quiz: Quiz, title_prefix: str = "") -> str:
    """Every question of a quiz as GIFT, separated by blank lines, ending in a newline.

    ``title_prefix`` goes before each question id in the question name, e.g. ``"fi/"``
    to tell the languages apart (ids are the same in every language).
    """
    return "\n\n".join(question_to_gift(q, title_prefix) for q in quiz.questions) + "\n"


def quizzes_to_gift(quizzes: Iterable[Quiz], category: str, *, title_prefix: str = "") -> str:
    """A GIFT file: ``$CATEGORY: category`` first, then every question of ``quizzes``, each
    separated by a blank line. Moodle does not unescape the category line, so it is written
    as given (``/`` separates levels, e.g. ``$course$/top/Työelämätaidot/fi``)."""
    if "\n" in category or "\r" in category or not category.strip():
        raise ExportError(f"a GIFT category must be one non-empty line, not {category!r}")
    parts = [f"$CATEGORY: {category.strip()}\n"]
    parts += [quiz_to_gift(quiz, title_prefix) for quiz in quizzes if quiz.questions]
    return "\n".join(parts)


# --- reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Marked:
    """GIFT text after unescaping, each character marked with whether it was escaped
    (escaped characters are plain text and never syntax)."""

    chars: str
    escaped: tuple[bool, ...]

    @classmethod
    def read(cls, raw: str) -> _Marked:
        """Unescape ``raw``, left to right: ``\\\\``, ``\\n`` and ``\\`` + a special character."""
        chars: list[str] = []
        escaped: list[bool] = []
        i = 0
        while i < len(raw):
            nxt = raw[i + 1] if i + 1 < len(raw) else ""
            if raw[i] == "\\" and nxt and (nxt in SPECIAL or nxt in "\\n"):
                chars.append("\n" if nxt == "n" else nxt)
                escaped.append(True)
                i += 2
            else:
                chars.append(raw[i])
                escaped.append(False)
                i += 1
        return cls("".join(chars), tuple(escaped))

    def __len__(self) -> int:
        return len(self.chars)

    def __getitem__(self, part: slice) -> _Marked:
        return _Marked(self.chars[part], self.escaped[part])

    def _is_syntax(self, at: int, size: int) -> bool:
        return not any(self.escaped[at : at + size])

    def find(self, syntax: str, start: int = 0) -> int:
        """Index of the first unescaped ``syntax`` from ``start``, or -1."""
        at = self.chars.find(syntax, start)
        while at != -1 and not self._is_syntax(at, len(syntax)):
            at = self.chars.find(syntax, at + 1)
        return at

    def rfind(self, syntax: str) -> int:
        """Index of the last unescaped ``syntax``, or -1."""
        at = self.chars.rfind(syntax)
        while at != -1 and not self._is_syntax(at, len(syntax)):
            at = self.chars.rfind(syntax, 0, at + len(syntax) - 1)
        return at

    def startswith(self, syntax: str) -> bool:
        return self.chars.startswith(syntax) and self._is_syntax(0, len(syntax))

    def split(self, syntax: str, maxsplit: int = -1) -> list[_Marked]:
        """Split at unescaped ``syntax`` (at most ``maxsplit`` times when not -1)."""
        parts, start = [], 0
        at = self.find(syntax)
        while at != -1 and maxsplit != 0:
            parts.append(self[start:at])
            start = at + len(syntax)
            maxsplit -= 1
            at = self.find(syntax, start)
        return [*parts, self[start:]]

    def strip(self) -> _Marked:
        """Without unescaped whitespace at either end (Moodle trims every part)."""
        start, end = 0, len(self.chars)
        while start < end and self.chars[start].isspace() and not self.escaped[start]:
            start += 1
        while end > start and self.chars[end - 1].isspace() and not self.escaped[end - 1]:
            end -= 1
        return self[start:end]


def _plain(part: _Marked) -> str:
    """An answer or feedback text: trimmed, without a leading ``[markdown]`` guard."""
    part = part.strip()
    found = _FORMAT_RE.match(part.chars)  # brackets are never escaped: always syntax here
    return part[found.end() :].strip().chars if found else part.chars


def _weight(part: _Marked) -> tuple[float | None, _Marked]:
    """A leading ``%weight%`` of an answer, if any, and the rest."""
    part = part.strip()
    found = _WEIGHT_RE.match(part.chars)
    if not found:
        return None, part
    return float(found.group()[1:-1]), part[found.end() :]


def _answer_of(part: _Marked, weight: float | None) -> dict[str, Any]:
    """An answer dict from ``text#feedback``."""
    text, *feedback = part.split("#", 1)
    return {"text": _plain(text), "weight": weight, "feedback": _plain(feedback[0]) if feedback else ""}


def _markers(part: _Marked, markers: str) -> list[tuple[str, _Marked]]:
    """Answers as (marker, rest), split before every unescaped marker character."""
    starts = [i for i, ch in enumerate(part.chars) if ch in markers and not part.escaped[i]]
    if not starts or part[: starts[0]].strip().chars:
        raise ExportError(f"answers must each start with one of {markers!r}: {part.chars!r}")
    ends = [*starts[1:], len(part)]
    return [(part.chars[s], part[s + 1 : e]) for s, e in zip(starts, ends)]


def _choice(part: _Marked) -> tuple[str, list[dict[str, Any]]]:
    """A multiple-choice answer block: single if any answer is ``=``, else multiple."""
    answers = []
    for marker, rest in _markers(part, "~="):
        if marker == "=":
            answers.append(_answer_of(rest, 100.0))
        else:
            weight, rest = _weight(rest)
            answers.append(_answer_of(rest, 0.0 if weight is None else weight))
    single = part.find("=") != -1
    return ("single" if single else "multiple"), answers


def _short(part: _Marked) -> list[dict[str, Any]]:
    """A short-answer block; ``\\*`` (a plain asterisk in Moodle) is read back as ``*``."""
    answers = []
    for _, rest in _markers(part, "="):
        weight, rest = _weight(rest)
        answer = _answer_of(rest, 100.0 if weight is None else weight)
        answer["text"] = answer["text"].replace("\\*", "*")
        answers.append(answer)
    return answers


def _truefalse_of(part: _Marked) -> list[dict[str, Any]]:
    """``TRUE#if wrong#if right`` as the answers "true" and "false", each with the feedback
    Moodle shows when it is chosen (what ``readquestion`` stores as feedbacktrue/false)."""
    word, *rest = part.split("#", 2)
    wrong, right = ([*map(_plain, rest), "", ""])[:2]
    truth = _TF_WORDS[word.strip().chars]
    true_fb, false_fb = (right, wrong) if truth else (wrong, right)
    return [
        {"text": "true", "weight": 100.0 if truth else 0.0, "feedback": true_fb},
        {"text": "false", "weight": 0.0 if truth else 100.0, "feedback": false_fb},
    ]


def _kind(part: _Marked) -> str:
    """The question type Moodle would pick for an answer block (without general feedback)."""
    if part.find("~") != -1:
        return "choice"
    word = part.split("#", 1)[0].strip().chars
    return "truefalse" if word in _TF_WORDS else "text"


def _question(block: str, category: str) -> dict[str, Any]:
    """One GIFT question (comment lines already removed) as a dict."""
    text = _Marked.read(block).strip()
    title = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        if end == -1:
            raise ExportError(f"a question name is never closed: {block!r}")
        title, text = text[2:end].strip().chars, text[end + 2 :].strip()
    start, end = text.find("{"), text.find("}")
    if start == -1 or end != len(text) - 1:
        raise ExportError(f"a question must end with its answers in braces: {block!r}")
    head, body = text[:start].strip(), text[start + 1 : end].strip()
    found = _FORMAT_RE.match(head.chars)
    text_format = found.group(1) if found else "moodle"
    question = head[found.end() :].strip().chars if found else head.chars
    general = ""
    split_at = body.rfind("####")
    if split_at != -1:
        general, body = _plain(body[split_at + 4 :]), body[:split_at].strip()
    kind = _kind(body)
    if kind == "choice":
        kind, answers = _choice(body)
    elif kind == "truefalse":
        answers = _truefalse_of(body)
    else:
        answers = _short(body)
    return {
        "category": category,
        "title": title,
        "type": kind,
        "format": text_format,
        "question": question,
        "answers": answers,
        "general_feedback": general,
    }


def _blocks(text: str) -> list[str]:
    """Question blocks: runs of lines between blank lines, without ``//`` comment lines."""
    blocks, lines = [], []
    for line in [*text.replace("\r\n", "\n").split("\n"), ""]:
        if line.strip().startswith("//"):
            continue
        if line.strip():
            lines.append(line)
        elif lines:
            blocks.append("\n".join(lines))
            lines = []
    return blocks


def parse_gift(text: str) -> list[dict[str, Any]]:
    """Read GIFT of the kind ``quizzes_to_gift`` writes, with every text unescaped.

    Returns one dict per question: ``category`` (from the last ``$CATEGORY:``), ``title``,
    ``type`` (single, multiple, truefalse or text, decided as Moodle decides), ``format``
    (of the question text), ``question``, ``answers`` (each ``text``, ``weight`` in percent
    and ``feedback``; a true/false question has the answers "true" and "false", each with
    the feedback shown when it is chosen) and ``general_feedback``.
    """
    questions: list[dict[str, Any]] = []
    category = ""
    for block in _blocks(text):
        if block.strip().startswith("$CATEGORY:"):
            category = block.strip()[len("$CATEGORY:") :].strip()
        else:
            questions.append(_question(block, category))
    return questions
