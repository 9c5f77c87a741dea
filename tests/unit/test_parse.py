"""Reading quiz and checklist YAML: the model, and every problem of form at its file line."""

from __future__ import annotations

import dataclasses

import pytest

from training.checklist.parse import parse_checklist
from training.errors import ContentError
from training.quiz.model import MultipleChoice, Question, SingleChoice, TextAnswer, TrueFalse, UnknownType
from training.quiz.parse import parse_quiz
from training.quiz.validate import validate_quiz
from training.site.page_blocks import check_markdown, load_block

PATH = "docs/fi/oikeudet/sopimus.md"


def messages(page: str, first_line: int = 1) -> list[str]:
    return [str(p) for p in check_markdown(page, PATH, first_line)[0]]


def test_a_full_quiz_becomes_the_model_with_lines():
    body = (
        "id: sopimus-perusteet\n"
        "title: Testaa itsesi\n"
        "questions:\n"
        "  - id: kirjallinen\n"
        "    type: single\n"
        "    question: Pitääkö ehdot antaa kirjallisena?\n"
        "    options:\n"
        "      - text: Kyllä\n"
        "        correct: true\n"
        "        feedback: Oikein.\n"
        "      - text: No\n"
        "    explanation: |\n"
        "      Lue [lisää](../oikeudet/sopimus.md).\n"
        "  - id: passi\n"
        "    type: truefalse\n"
        "    question: Työnantaja saa pitää passisi.\n"
        "    answer: false\n"
        "  - id: asiakirja\n"
        "    type: text\n"
        "    question: Mikä?\n"
        "    answers: [työsopimus, työsopimuksen]\n"
    )
    quiz = load_block("quiz", body, PATH, 10)
    assert (quiz.id, quiz.title, quiz.line, quiz.path) == ("sopimus-perusteet", "Testaa itsesi", 10, PATH)
    single, tf, text = quiz.questions
    assert (single.id, single.type, single.line) == ("kirjallinen", "single", 14)
    # A plain "No" stays text: YAML 1.1 would have made it the boolean False.
    assert [(o.text, o.correct, o.feedback, o.line) for o in single.options] == [
        ("Kyllä", True, "Oikein.", 18),
        ("No", False, "", 21),
    ]
    assert single.explanation == "Lue [lisää](../oikeudet/sopimus.md)."
    assert (tf.answer, tf.line) == (False, 24)
    assert text.answers == ["työsopimus", "työsopimuksen"]


def test_a_checklist_becomes_the_model():
    body = "id: ennen\ntitle: Ennen\nitems:\n  - id: palkka\n    text: Palkka.\n    hint: Katso *ohje*.\n"
    checklist = load_block("checklist", body, PATH, 3)
    assert (checklist.id, checklist.title, checklist.line) == ("ennen", "Ennen", 3)
    [item] = checklist.items
    assert (item.id, item.text, item.hint, item.line) == ("palkka", "Palkka.", "Katso *ohje*.", 7)


def test_numbers_and_yes_no_stay_text():
    quiz, problems = parse_quiz(
        "id: q\nquestions:\n  - id: a\n    type: text\n    question: 7\n    answers: [Yes, 7, on]\n", PATH, 1
    )
    assert problems == []
    assert quiz.questions[0].question == "7"
    assert quiz.questions[0].answers == ["Yes", "7", "on"]


def test_one_answer_without_brackets_is_accepted():
    quiz, problems = parse_quiz("id: q\nquestions:\n  - id: a\n    type: text\n    answers: työsopimus\n", PATH, 1)
    assert problems == [] and quiz.questions[0].answers == ["työsopimus"]


# --- invalid YAML: the file line of the problem, front matter counted -------------------


def test_bad_indentation_is_reported_at_its_file_line():
    page = "```quiz\nid: q\nquestions:\n  - id: a\n     type: single\n```\n"
    assert messages(page, first_line=4) == [
        f"{PATH}:8: a ': ' inside a value, or a line indented deeper than the key above it: put "
        "text that contains ': ' in quotes (text: \"Huom: ...\"), and start keys of the same level "
        "in the same column"
    ]


def test_a_colon_in_a_value_is_explained():
    page = "```quiz\nid: q\nquestions:\n  - id: a\n    question: Huom: tärkeä\n```\n"
    assert messages(page) == [
        f"{PATH}:5: a ': ' inside a value, or a line indented deeper than the key above it: put "
        "text that contains ': ' in quotes (text: \"Huom: ...\"), and start keys of the same level "
        "in the same column"
    ]


def test_other_yaml_errors_name_the_yaml_problem():
    page = "```quiz\nid: q\nquestions:\n  - id: a\n    question: \"open quote\n```\n"
    assert messages(page) == [f"{PATH}:5: a text in quotes is never closed: end it with the same quote mark it starts with"]


def test_a_tab_in_indentation_is_explained():
    _, problems = parse_quiz("id: q\nquestions:\n\t- id: a\n", PATH, 20)
    assert [str(p) for p in problems] == [f"{PATH}:23: a tab is used for indentation: indent with spaces only"]


def test_an_empty_block():
    assert messages("```quiz\n```\n\n```checklist\n# nothing\n```\n") == [
        f"{PATH}:1: the quiz block is empty: add 'id:' and 'questions:' (see CONTRIBUTING.md)",
        f"{PATH}:4: the checklist block is empty: add 'id:' and 'items:' (see CONTRIBUTING.md)",
    ]


def test_a_block_that_is_not_key_value_lines():
    assert messages("```quiz\n- id: q\n```\n") == [
        f"{PATH}:2: a quiz block must be 'key: value' lines, starting with 'id: some-name'"
    ]


def test_aliases_and_tags_are_refused():
    assert messages("```quiz\nid: &x q\ntitle: *x\n```\n") == [
        f"{PATH}:3: YAML aliases ('*name') are not supported: write the text out in full"
    ]
    _, problems = parse_checklist("id: !python/object c\nitems: []\n", PATH, 1)
    assert [str(p) for p in problems] == [
        f"{PATH}:2: YAML tags such as '!python/object' are not supported: remove the tag, or put the text in quotes"
    ]


def test_a_control_character():
    _, problems = parse_quiz("id: q\ntitle: a\x07b\n", PATH, 1)
    assert [str(p) for p in problems] == [
        f"{PATH}:3: the quiz block contains an invisible control character (#x0007): delete it and retype the text around it"
    ]


# --- unknown and misplaced keys ------------------------------------------------------------


def test_unknown_keys_everywhere_with_did_you_mean():
    page = (
        "```quiz\n"
        "id: q\n"
        "titel: T\n"
        "questions:\n"
        "  - id: a\n"
        "    type: single\n"
        "    qestion: Q?\n"
        "    options:\n"
        "      - text: A\n"
        "        corect: true\n"
        "      - text: B\n"
        "        colour: red\n"
        "```\n"
        "```checklist\n"
        "id: c\n"
        "items:\n"
        "  - id: x\n"
        "    txt: X\n"
        "```\n"
    )
    found = messages(page)
    assert f"{PATH}:3: unknown key 'titel' in quiz 'q': did you mean 'title'?" in found
    assert f"{PATH}:7: unknown key 'qestion' in question 'a': did you mean 'question'?" in found
    assert f"{PATH}:10: unknown key 'corect' in option 1 of question 'a': did you mean 'correct'?" in found
    assert f"{PATH}:12: unknown key 'colour' in option 2 of question 'a': use only text, correct, feedback" in found
    assert f"{PATH}:18: unknown key 'txt' in item 'x' of checklist 'c': did you mean 'text'?" in found


def test_a_key_written_twice():
    assert messages("```checklist\nid: c\nitems:\n  - id: x\n    text: A\n    text: B\n```\n") == [
        f"{PATH}:6: key 'text' appears twice in item 'x' of checklist 'c' (first on line 5): keep only one"
    ]


def test_wrong_shapes_are_explained():
    page = (
        "```quiz\nid: q\nquestions:\n  - id: a\n    type: single\n    question: [Q]\n"
        "    options:\n      - Kyllä\n      - text: Ei\n        correct: kyllä\n```\n"
    )
    assert messages(page) == [
        f"{PATH}:6: 'question' in question 'a' must be text, not a list or a group of keys: write the "
        "text after 'question:' on the same line, or start it with 'question: |' and indent the lines below",
        f"{PATH}:7: question 'a' has no correct option: add 'correct: true' to the right option",
        f"{PATH}:8: option 1 of question 'a' must be written as '- text: ...' (with 'correct: true' on "
        "the next line if it is right)",
        f"{PATH}:10: 'correct' in option 2 of question 'a' must be true or false, not 'kyllä'",
    ]


def test_questions_must_be_a_list():
    assert messages("```quiz\nid: q\nquestions: a\n```\n") == [
        f"{PATH}:3: 'questions' must be a list: start each question on a new line with '- id:'",
    ]


def test_load_block_raises_content_error_with_every_problem():
    with pytest.raises(ContentError) as caught:
        load_block("quiz", "id: Q\nfoo: 1\n", PATH, 1)
    assert str(caught.value).splitlines() == [
        f"{PATH}:1: quiz 'Q' has no questions: add 'questions:' and at least one question below it, starting with '- id:'",
        f"{PATH}:2: quiz id 'Q' is not valid: use only lowercase letters a-z, digits and hyphens, for example 'q'",
        f"{PATH}:3: unknown key 'foo' in quiz 'Q': use only id, title, questions",
    ]


@pytest.mark.parametrize("written, variant, own", [
    ("single", SingleChoice, {"options"}), ("multiple", MultipleChoice, {"options"}),
    ("truefalse", TrueFalse, {"answer", "feedback_true", "feedback_false"}), ("text", TextAnswer, {"answers"}),
])
def test_each_type_of_question_is_a_variant_with_only_its_own_fields(written, variant, own):
    body = f"id: q\nquestions:\n  - id: a\n    type: {written}\n    question: Q?\n"
    quiz, _ = parse_quiz(body, PATH, 1)
    [question] = quiz.questions
    shared = {f.name for f in dataclasses.fields(Question)}
    assert type(question) is variant and question.type == written
    assert {f.name for f in dataclasses.fields(question)} - shared == own


def test_a_question_of_no_known_type_keeps_what_was_written_for_the_message():
    quiz, _ = parse_quiz("id: q\nquestions:\n  - id: a\n    type: essee\n    question: Q?\n", PATH, 1)
    [question] = quiz.questions
    assert type(question) is UnknownType and question.type == "essee"
    assert str(validate_quiz(quiz)[0]).endswith("question 'a' has unknown type 'essee': use single, multiple, truefalse or text")
