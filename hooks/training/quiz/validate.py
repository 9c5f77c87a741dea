"""Check that a quiz makes sense. Every function returns *all* problems it finds, each at
the line an editor has to change, with a message that says what is wrong and how to fix it."""

from __future__ import annotations

import difflib

from ..errors import Problem
from ..ids import check_id
from .answers import normalize_answer
from .model import QUESTION_TYPES, ChoiceQuestion, Question, Quiz, TextAnswer, TrueFalse


# Which question keys belong to which types; the others are reported if present.
_KEYS_FOR_TYPE = {
    "options": ("single", "multiple"),
    "answer": ("truefalse",),
    "feedback_true": ("truefalse",),
    "feedback_false": ("truefalse",),
    "answers": ("text",),
}
_TYPE_NAMES = {
    ("single", "multiple"): "types single and multiple",
    ("truefalse",): "type truefalse",
    ("text",): "type text",
}


def validate_quiz(quiz: Quiz) -> list[Problem]:
    """All content problems of one quiz (form problems come from ``parse``)."""
    problems: list[Problem] = []
    path = quiz.path
    if "id" not in quiz.flawed:
        check_id(problems, path, "quiz", quiz.id, quiz.key_lines.get("id", quiz.line), quiz.line, "the quiz")
    if not quiz.questions and "questions" not in quiz.flawed:
        problems.append(
            Problem(
                path,
                quiz.key_lines.get("questions", quiz.line),
                f"{quiz.name} has no questions: add 'questions:' and at least one question "
                "below it, starting with '- id:'",
            )
        )
    for q in quiz.questions:
        problems.extend(_validate_question(q, path))
    return problems


def _validate_question(q: Question, path: str) -> list[Problem]:
    problems: list[Problem] = []

    def add(line: int, message: str) -> None:
        problems.append(Problem(path, line, message))

    if "id" not in q.flawed:
        check_id(problems, path, "question", q.id, q.key_lines.get("id", q.line), q.line, q.name)
    if not q.question and "question" not in q.flawed:
        add(q.key_lines.get("question", q.line), f"{q.name} has no question text: add 'question: ...' with the question to ask")
    if "type" in q.flawed:
        return problems
    if not q.type:
        add(q.line, f"{q.name} has no type: add 'type: single' (or multiple, truefalse, text)")
        return problems
    if q.type not in QUESTION_TYPES:
        close = difflib.get_close_matches(q.type.lower(), QUESTION_TYPES, n=1, cutoff=0.5)
        fix = f"did you mean '{close[0]}'?" if close else "use single, multiple, truefalse or text"
        add(q.key_lines.get("type", q.line), f"{q.name} has unknown type '{q.type}': {fix}")
        return problems

    for key, types in _KEYS_FOR_TYPE.items():
        if key in q.key_lines and q.type not in types:
            add(
                q.key_lines[key],
                f"'{key}' does not belong in {q.name}, which is type '{q.type}': remove it, "
                f"or change the type ('{key}' is for {_TYPE_NAMES[types]})",
            )

    if isinstance(q, ChoiceQuestion):
        _validate_options(q, add)
    elif isinstance(q, TrueFalse):
        if q.answer is None and "answer" not in q.key_lines:
            add(q.line, f"{q.name} has no answer: add 'answer: true' or 'answer: false'")
    elif isinstance(q, TextAnswer):
        _validate_answers(q, add)
    return problems


def _validate_options(q: ChoiceQuestion, add) -> None:
    options_line = q.key_lines.get("options", q.line)
    if "options" in q.flawed:
        pass  # the malformed options were reported while reading
    elif not q.options:
        add(options_line, f"{q.name} has no options: add 'options:' with at least two entries '- text: ...'")
    elif len(q.options) == 1:
        add(options_line, f"{q.name} has only one option: add at least one more '- text: ...' under 'options:'")
    seen: dict[str, int] = {}
    for option in q.options:
        if "text" in option.flawed:
            continue
        if not option.text:
            add(
                option.key_lines.get("text", option.line),
                f"{option.name} of {q.name} has no text: write the option after 'text:', or remove the option",
            )
        elif option.text in seen:
            add(
                option.line,
                f"{option.name} of {q.name} has the same text as option {seen[option.text]}: "
                "make every option different",
            )
        else:
            seen[option.text] = option.index
    correct = [o for o in q.options if o.correct]
    if q.options and not correct:
        which = "every right option" if q.type == "multiple" else "the right option"
        add(options_line, f"{q.name} has no correct option: add 'correct: true' to {which}")
    if q.type == "single" and len(correct) > 1:
        second = correct[1]
        add(
            second.key_lines.get("correct", second.line),
            f"single-choice {q.name} has {len(correct)} correct options: mark only one with "
            "'correct: true', or change it to 'type: multiple'",
        )


def _validate_answers(q: TextAnswer, add) -> None:
    line = q.key_lines.get("answers", q.line)
    if "answers" in q.flawed:
        return
    if not q.answers:
        add(
            line,
            f"text {q.name} has no accepted answers: add 'answers: [answer, another form]' "
            "listing every form you accept (for example inflected forms)",
        )
        return
    seen: dict[str, str] = {}
    for index, answer in enumerate(q.answers, start=1):
        key = normalize_answer(answer)
        if not key:
            add(line, f"accepted answer {index} of {q.name} is empty or only punctuation: write the answer, or remove it")
        elif key in seen:
            add(
                line,
                f"accepted answers '{seen[key]}' and '{answer}' of {q.name} are the same once case, "
                "spaces and punctuation are ignored: keep only one",
            )
        else:
            seen[key] = answer
