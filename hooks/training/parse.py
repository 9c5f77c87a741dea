"""Read the YAML body of a quiz or checklist block into the model.

Only the *form* is checked here (valid YAML, known keys, lists where lists belong,
true/false where a yes/no is needed); whether the content makes sense (enough options,
a correct answer, unique ids) is ``validate``'s job. Reading goes on after a problem
whenever it can, so that an editor sees every problem of a block at once.

The YAML itself is read by ``yamlread.YamlReader``, which keeps every node's line.
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import Node, ScalarNode

from .errors import Problem
from .model import Checklist, ChecklistItem, Option, Question, Quiz
from .yamlread import YAML_TAG, YamlReader

QUIZ_KEYS = ("id", "title", "questions")
QUESTION_KEYS = (
    "id",
    "type",
    "question",
    "options",
    "answer",
    "feedback_true",
    "feedback_false",
    "answers",
    "explanation",
)
OPTION_KEYS = ("text", "correct", "feedback")
CHECKLIST_KEYS = ("id", "title", "items")
ITEM_KEYS = ("id", "text", "hint")


def _text(r: YamlReader, obj: Any, values: dict[str, Node], key: str, place: str) -> str:
    """Read a text value; a malformed one is marked flawed on ``obj`` (already reported)."""
    before = len(r.problems)
    text = r.text(values.get(key), key, place)
    if len(r.problems) > before:
        obj.flawed.add(key)
    return text


def _list(r: YamlReader, obj: Any, values: dict[str, Node], key: str, shape: str) -> list[Node]:
    """Read a list value (empty if absent); a malformed one is marked flawed on ``obj``."""
    if key not in values:
        return []
    before = len(r.problems)
    nodes = r.sequence(values[key], shape)
    if nodes is None or len(r.problems) > before:
        obj.flawed.add(key)
    return nodes or []


def _id_of(values: dict[str, Node]) -> str:
    node = values.get("id")
    return node.value.strip() if isinstance(node, ScalarNode) and node.value else ""


def _named(kind: str, index: int, values: dict[str, Node]) -> str:
    ident = _id_of(values)
    return f"{kind} '{ident}'" if ident else f"{kind} {index}"


def parse_quiz(body: str, path: str, line: int) -> tuple[Quiz | None, list[Problem]]:
    """Read a quiz block. ``line`` is the file line of the opening fence.

    Returns the model (``None`` only when the YAML cannot be read at all) and the
    problems of form found on the way.
    """
    r = YamlReader(path, body, line + 1)
    root = r.compose("quiz", line)
    if root is None:
        if not r.problems:
            r.report(line, "the quiz block is empty: add 'id:' and 'questions:' (see CONTRIBUTING.md)")
        return None, r.problems
    top = r.mapping(
        root,
        QUIZ_KEYS,
        lambda v: f"quiz '{_id_of(v)}'" if _id_of(v) else "the quiz",
        "a quiz block must be 'key: value' lines, starting with 'id: some-name'",
    )
    if top is None:
        return None, r.problems
    values, key_lines = top
    quiz = Quiz(path=path, line=line, key_lines=key_lines)
    quiz.id = _text(r, quiz, values, "id", quiz.name)
    quiz.title = _text(r, quiz, values, "title", quiz.name)
    shape = "'questions' must be a list: start each question on a new line with '- id:'"
    for index, node in enumerate(_list(r, quiz, values, "questions", shape), start=1):
        question = _read_question(r, node, index)
        if question is None:
            quiz.flawed.add("questions")
        else:
            quiz.questions.append(question)
    return quiz, r.problems


def _read_question(r: YamlReader, node: Node, index: int) -> Question | None:
    read = r.mapping(
        node,
        QUESTION_KEYS,
        lambda v: _named("question", index, v),
        f"question {index} must be a group of 'key: value' lines starting with '- id:'",
    )
    if read is None:
        return None
    values, key_lines = read
    q = Question(line=r.line(node), index=index, key_lines=key_lines)
    q.id = _text(r, q, values, "id", q.name)
    for key in ("type", "question", "explanation", "feedback_true", "feedback_false"):
        setattr(q, key, _text(r, q, values, key, q.name))
    q.answer = r.boolean(values.get("answer"), "answer", q.name)
    shape = f"'options' of {q.name} must be a list: start each option on a new line with '- text:'"
    for o_index, o_node in enumerate(_list(r, q, values, "options", shape), start=1):
        option = _read_option(r, o_node, o_index, q)
        if option is None:
            q.flawed.add("options")
        else:
            q.options.append(option)
    answers = values.get("answers")
    if isinstance(answers, ScalarNode) and answers.tag != YAML_TAG + "null":
        # One accepted answer written without brackets is still clear enough.
        q.answers = [_text(r, q, values, "answers", q.name)]
    else:
        shape = f"'answers' of {q.name} must be a list, for example answers: [työsopimus, työsopimuksen]"
        q.answers = [_text(r, q, {"answers": n}, "answers", q.name) for n in _list(r, q, values, "answers", shape)]
    return q


def _read_option(r: YamlReader, node: Node, index: int, q: Question) -> Option | None:
    place = f"option {index} of {q.name}"
    read = r.mapping(
        node,
        OPTION_KEYS,
        lambda v: place,
        f"{place} must be written as '- text: ...' (with 'correct: true' on the next line if it is right)",
    )
    if read is None:
        return None
    values, key_lines = read
    option = Option(line=r.line(node), index=index, key_lines=key_lines)
    option.text = _text(r, option, values, "text", place)
    option.feedback = _text(r, option, values, "feedback", place)
    option.correct = bool(r.boolean(values.get("correct"), "correct", place))
    return option


def parse_checklist(body: str, path: str, line: int) -> tuple[Checklist | None, list[Problem]]:
    """Read a checklist block. ``line`` is the file line of the opening fence.

    Returns the model (``None`` only when the YAML cannot be read at all) and the
    problems of form found on the way.
    """
    r = YamlReader(path, body, line + 1)
    root = r.compose("checklist", line)
    if root is None:
        if not r.problems:
            r.report(line, "the checklist block is empty: add 'id:' and 'items:' (see CONTRIBUTING.md)")
        return None, r.problems
    top = r.mapping(
        root,
        CHECKLIST_KEYS,
        lambda v: f"checklist '{_id_of(v)}'" if _id_of(v) else "the checklist",
        "a checklist block must be 'key: value' lines, starting with 'id: some-name'",
    )
    if top is None:
        return None, r.problems
    values, key_lines = top
    checklist = Checklist(path=path, line=line, key_lines=key_lines)
    checklist.id = _text(r, checklist, values, "id", checklist.name)
    checklist.title = _text(r, checklist, values, "title", checklist.name)
    shape = "'items' must be a list: start each item on a new line with '- id:'"
    for index, node in enumerate(_list(r, checklist, values, "items", shape), start=1):
        item = _read_item(r, node, index, checklist)
        if item is None:
            checklist.flawed.add("items")
        else:
            checklist.items.append(item)
    return checklist, r.problems


def _read_item(r: YamlReader, node: Node, index: int, checklist: Checklist) -> ChecklistItem | None:
    read = r.mapping(
        node,
        ITEM_KEYS,
        lambda v: f"{_named('item', index, v)} of {checklist.name}",
        f"item {index} of {checklist.name} must be a group of 'key: value' lines starting with '- id:'",
    )
    if read is None:
        return None
    values, key_lines = read
    item = ChecklistItem(line=r.line(node), index=index, key_lines=key_lines)
    item.id = _text(r, item, values, "id", f"{item.name} of {checklist.name}")
    place = f"{item.name} of {checklist.name}"
    item.text = _text(r, item, values, "text", place)
    item.hint = _text(r, item, values, "hint", place)
    return item


def parse_block(kind: str, body: str, path: str, line: int) -> tuple[Quiz | Checklist | None, list[Problem]]:
    """Read a block of the given kind ("quiz" or "checklist"); see parse_quiz."""
    if kind == "quiz":
        return parse_quiz(body, path, line)
    if kind == "checklist":
        return parse_checklist(body, path, line)
    raise ValueError(f"not a block kind with a body: {kind!r}")
