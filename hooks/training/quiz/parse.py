"""Read the YAML body of a quiz block into the model.

Only the *form* is checked here (valid YAML, known keys, lists where lists belong,
true/false where a yes/no is needed); whether the content makes sense (enough options,
a correct answer, unique ids) is ``validate``'s job. Reading goes on after a problem
whenever it can, so that an editor sees every problem of a block at once."""

from __future__ import annotations

from yaml.nodes import Node, ScalarNode

from ..errors import Problem
from ..yamlread import YAML_TAG, YamlReader, id_of, list_field, named, text_field
from .model import Option, Question, Quiz


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
        lambda v: f"quiz '{id_of(v)}'" if id_of(v) else "the quiz",
        "a quiz block must be 'key: value' lines, starting with 'id: some-name'",
    )
    if top is None:
        return None, r.problems
    values, key_lines = top
    quiz = Quiz(path=path, line=line, key_lines=key_lines)
    quiz.id = text_field(r, quiz, values, "id", quiz.name)
    quiz.title = text_field(r, quiz, values, "title", quiz.name)
    shape = "'questions' must be a list: start each question on a new line with '- id:'"
    for index, node in enumerate(list_field(r, quiz, values, "questions", shape), start=1):
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
        lambda v: named("question", index, v),
        f"question {index} must be a group of 'key: value' lines starting with '- id:'",
    )
    if read is None:
        return None
    values, key_lines = read
    q = Question(line=r.line(node), index=index, key_lines=key_lines)
    q.id = text_field(r, q, values, "id", q.name)
    for key in ("type", "question", "explanation", "feedback_true", "feedback_false"):
        setattr(q, key, text_field(r, q, values, key, q.name))
    q.answer = r.boolean(values.get("answer"), "answer", q.name)
    shape = f"'options' of {q.name} must be a list: start each option on a new line with '- text:'"
    for o_index, o_node in enumerate(list_field(r, q, values, "options", shape), start=1):
        option = _read_option(r, o_node, o_index, q)
        if option is None:
            q.flawed.add("options")
        else:
            q.options.append(option)
    answers = values.get("answers")
    if isinstance(answers, ScalarNode) and answers.tag != YAML_TAG + "null":
        # One accepted answer written without brackets is still clear enough.
        q.answers = [text_field(r, q, values, "answers", q.name)]
    else:
        shape = f"'answers' of {q.name} must be a list, for example answers: [työsopimus, työsopimuksen]"
        q.answers = [text_field(r, q, {"answers": n}, "answers", q.name) for n in list_field(r, q, values, "answers", shape)]
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
    option.text = text_field(r, option, values, "text", place)
    option.feedback = text_field(r, option, values, "feedback", place)
    option.correct = bool(r.boolean(values.get("correct"), "correct", place))
    return option
