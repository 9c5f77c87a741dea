"""Check that a quiz or checklist makes sense, and that ids are unique.

Every function returns *all* problems it finds, each at the line an editor has to
change, with a message that says what is wrong and how to fix it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from typing import Iterable

from .answers import normalize_answer
from .errors import Problem
from .model import QUESTION_TYPES, Checklist, Question, Quiz, valid_id

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
_ID_RULE = "lowercase letters a-z, digits and hyphens"


def suggest_id(text: str) -> str:
    """A valid id close to what an editor wrote (accents dropped, spaces to hyphens)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug or "my-id"


def _check_id(problems: list[Problem], path: str, what: str, ident: str, line: int, missing_line: int, where: str) -> None:
    if not ident:
        problems.append(
            Problem(
                path,
                missing_line,
                f"{where} has no id: add 'id: some-name' ({_ID_RULE}; the same id in every language)",
            )
        )
    elif not valid_id(ident):
        problems.append(
            Problem(
                path,
                line,
                f"{what} id '{ident}' is not valid: use only {_ID_RULE}, "
                f"for example '{suggest_id(ident)}'",
            )
        )


def validate_quiz(quiz: Quiz) -> list[Problem]:
    """All content problems of one quiz (form problems come from ``parse``)."""
    problems: list[Problem] = []
    path = quiz.path
    if "id" not in quiz.flawed:
        _check_id(problems, path, "quiz", quiz.id, quiz.key_lines.get("id", quiz.line), quiz.line, "the quiz")
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
        _check_id(problems, path, "question", q.id, q.key_lines.get("id", q.line), q.line, q.name)
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

    if q.type in ("single", "multiple"):
        _validate_options(q, add)
    elif q.type == "truefalse":
        if q.answer is None and "answer" not in q.key_lines:
            add(q.line, f"{q.name} has no answer: add 'answer: true' or 'answer: false'")
    else:
        _validate_answers(q, add)
    return problems


def _validate_options(q: Question, add) -> None:
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


def _validate_answers(q: Question, add) -> None:
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


def validate_checklist(checklist: Checklist) -> list[Problem]:
    """All content problems of one checklist (form problems come from ``parse``)."""
    problems: list[Problem] = []
    path = checklist.path
    if "id" not in checklist.flawed:
        _check_id(
            problems, path, "checklist", checklist.id, checklist.key_lines.get("id", checklist.line),
            checklist.line, "the checklist",
        )
    if not checklist.items and "items" not in checklist.flawed:
        problems.append(
            Problem(
                path,
                checklist.key_lines.get("items", checklist.line),
                f"{checklist.name} has no items: add 'items:' and at least one item below it "
                "('- id: ...' with 'text: ...')",
            )
        )
    lines_by_id: dict[str, list[int]] = defaultdict(list)
    for item in checklist.items:
        id_line = item.key_lines.get("id", item.line)
        if "id" not in item.flawed:
            _check_id(problems, path, "item", item.id, id_line, item.line, f"{item.name} of {checklist.name}")
        if not item.text and "text" not in item.flawed:
            problems.append(
                Problem(path, item.key_lines.get("text", item.line), f"{item.name} of {checklist.name} has no text: add 'text: ...'")
            )
        if item.id:
            lines_by_id[item.id].append(id_line)
    for ident, lines in lines_by_id.items():
        for line in lines if len(lines) > 1 else ():
            others = ", ".join(str(n) for n in lines if n != line)
            problems.append(
                Problem(
                    path,
                    line,
                    f"item id '{ident}' is used more than once in {checklist.name} (also on line "
                    f"{others}): give each item its own id",
                )
            )
    return problems


def validate(model: Quiz | Checklist) -> list[Problem]:
    """All content problems of a quiz or a checklist."""
    return validate_quiz(model) if isinstance(model, Quiz) else validate_checklist(model)


def _occurrences(models: Iterable[Quiz | Checklist]) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """Where each id is used: (namespace, id) -> [(path, line)]. Quiz, question and
    checklist ids each need to be unique site-wide (item ids only within their list)."""
    seen: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for model in models:
        if model.id:
            seen[(model.kind, model.id)].append((model.path, model.key_lines.get("id", model.line)))
        if isinstance(model, Quiz):
            for q in model.questions:
                if q.id:
                    seen[("question", q.id)].append((model.path, q.key_lines.get("id", q.line)))
    return seen


def duplicate_ids_on_page(models: Iterable[Quiz | Checklist]) -> list[Problem]:
    """Ids used more than once among the blocks of one page; every use is reported."""
    problems = []
    for (kind, ident), places in _occurrences(models).items():
        if len(places) < 2:
            continue
        for path, line in places:
            others = ", ".join(str(n) for p, n in places if (p, n) != (path, line))
            problems.append(
                Problem(
                    path,
                    line,
                    f"{kind} id '{ident}' is used more than once on this page (also on line {others}): "
                    f"give each {kind} its own id",
                )
            )
    return sorted(problems)


def duplicate_ids(models: Iterable[Quiz | Checklist]) -> list[Problem]:
    """Ids used on more than one page. Call it with the blocks of one language only
    (each language repeats the same ids by design). Every use is reported, with the
    other places; repeats within one page are ``duplicate_ids_on_page``'s job."""
    problems = []
    for (kind, ident), places in _occurrences(models).items():
        for path, line in places:
            others = sorted({(p, n) for p, n in places if p != path})
            if not others:
                continue
            where = ", ".join(f"{p}:{n}" for p, n in others)
            problems.append(
                Problem(
                    path,
                    line,
                    f"{kind} id '{ident}' is also used in {where}: ids must be unique across the "
                    "site, so rename one of them",
                )
            )
    return sorted(problems)
