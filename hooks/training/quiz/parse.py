"""Read the YAML body of a quiz block into the model.

Only the *form* is checked here (valid YAML, known keys, lists where lists belong,
true/false where a yes/no is needed); whether the content makes sense (enough options,
a correct answer, unique ids) is ``validate``'s job. Reading goes on after a problem
whenever it can, so that an editor sees every problem of a block at once."""

from __future__ import annotations

from yaml.nodes import Node, ScalarNode

from ..errors import Problem
from ..yamlread import YAML_TAG, YamlReader, id_of, list_field, named, text_field
from .model import (QUESTION_VARIANTS, ChoiceQuestion, Option, Question, Quiz, TextAnswer, TrueFalse,
                    UnknownType)


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
    root = r.compose_block("quiz", line, "the quiz block is empty: add 'id:' and 'questions:' (see CONTRIBUTING.md)")
    if root is None:
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
    """One question, as the variant its 'type:' names. Every key is read whatever the type,
    so that its form is checked; a key of another type is reported by validation."""
    read = r.mapping(
        node,
        QUESTION_KEYS,
        lambda v: named("question", index, v),
        f"question {index} must be a group of 'key: value' lines starting with '- id:'",
    )
    if read is None:
        return None
    values, key_lines = read
    q = Question(line=r.line(node), index=index, key_lines=key_lines)  # collects what every type has
    q.id = text_field(r, q, values, "id", q.name)
    written_type = text_field(r, q, values, "type", q.name)
    q.question = text_field(r, q, values, "question", q.name)
    q.explanation = text_field(r, q, values, "explanation", q.name)
    feedback_true = text_field(r, q, values, "feedback_true", q.name)
    feedback_false = text_field(r, q, values, "feedback_false", q.name)
    answer = r.boolean(values.get("answer"), "answer", q.name)
    options = []
    shape = f"'options' of {q.name} must be a list: start each option on a new line with '- text:'"
    for o_index, o_node in enumerate(list_field(r, q, values, "options", shape), start=1):
        option = _read_option(r, o_node, o_index, q)
        if option is None:
            q.flawed.add("options")
        else:
            options.append(option)
    answers_node = values.get("answers")
    if isinstance(answers_node, ScalarNode) and answers_node.tag != YAML_TAG + "null":
        # One accepted answer written without brackets is still clear enough.
        answers = [text_field(r, q, values, "answers", q.name)]
    else:
        shape = f"'answers' of {q.name} must be a list, for example answers: [työsopimus, työsopimuksen]"
        answers = [text_field(r, q, {"answers": node}, "answers", q.name)
                   for node in list_field(r, q, values, "answers", shape)]
    common = {"id": q.id, "question": q.question, "explanation": q.explanation, "line": q.line, "index": index,
              "key_lines": key_lines, "flawed": q.flawed}
    variant = QUESTION_VARIANTS.get(written_type)
    if variant is None:
        return UnknownType(**common, written_type=written_type)
    if issubclass(variant, ChoiceQuestion):
        return variant(**common, options=options)
    if variant is TrueFalse:
        return TrueFalse(**common, answer=answer, feedback_true=feedback_true, feedback_false=feedback_false)
    return TextAnswer(**common, answers=answers)


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
