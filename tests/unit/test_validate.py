"""Content rules: every problem, at the line to change, with the exact message."""

from __future__ import annotations

from training.quiz.answers import normalize_answer
from training.site.page_blocks import check_markdown, read_page
from training.source import split_front_matter
from training.ids import duplicate_ids, suggest_id

PATH = "docs/fi/oikeudet/sopimus.md"


def messages(page: str, first_line: int = 1) -> list[str]:
    return [str(p) for p in check_markdown(page, PATH, first_line)[0]]


def quiz(*question_lines: str, quiz_id: str = "q") -> str:
    """A quiz fence holding one question written as the given (indented) lines."""
    body = "\n".join("    " + line for line in question_lines)
    return f"```quiz\nid: {quiz_id}\nquestions:\n  - id: a\n{body}\n```\n"


def test_a_valid_quiz_has_no_problems():
    page = quiz("type: single", "question: Q?", "options:", "  - text: A", "    correct: true", "  - text: B")
    assert messages(page) == []


def test_missing_question_text():
    page = quiz("type: single", "options:", "  - text: A", "    correct: true", "  - text: B")
    assert messages(page, first_line=5) == [
        f"{PATH}:8: question 'a' has no question text: add 'question: ...' with the question to ask"
    ]


def test_unknown_question_type_with_and_without_a_suggestion():
    assert messages(quiz("type: singel", "question: Q?")) == [
        f"{PATH}:5: question 'a' has unknown type 'singel': did you mean 'single'?"
    ]
    assert messages(quiz("type: essay", "question: Q?")) == [
        f"{PATH}:5: question 'a' has unknown type 'essay': use single, multiple, truefalse or text"
    ]


def test_missing_type():
    assert messages(quiz("question: Q?")) == [
        f"{PATH}:4: question 'a' has no type: add 'type: single' (or multiple, truefalse, text)"
    ]


def test_fewer_than_two_options():
    page = quiz("type: single", "question: Q?", "options:", "  - text: A", "    correct: true")
    assert messages(page) == [
        f"{PATH}:7: question 'a' has only one option: add at least one more '- text: ...' under 'options:'"
    ]
    assert messages(quiz("type: multiple", "question: Q?")) == [
        f"{PATH}:4: question 'a' has no options: add 'options:' with at least two entries '- text: ...'"
    ]


def test_no_correct_option():
    page = quiz("type: multiple", "question: Q?", "options:", "  - text: A", "  - text: B")
    assert messages(page) == [
        f"{PATH}:7: question 'a' has no correct option: add 'correct: true' to every right option"
    ]


def test_single_choice_with_two_correct_options():
    page = quiz(
        "type: single", "question: Q?", "options:",
        "  - text: A", "    correct: true", "  - text: B", "    correct: true", "  - text: C",
    )
    assert messages(page) == [
        f"{PATH}:11: single-choice question 'a' has 2 correct options: mark only one with "
        "'correct: true', or change it to 'type: multiple'"
    ]


def test_multiple_choice_may_have_several_correct_options():
    page = quiz(
        "type: multiple", "question: Q?", "options:",
        "  - text: A", "    correct: true", "  - text: B", "    correct: true", "  - text: C",
    )
    assert messages(page) == []


def test_empty_option():
    page = quiz(
        "type: single", "question: Q?", "options:",
        "  - text: A", "    correct: true", "  - text:", "    feedback: x", "  - correct: false",
    )
    assert messages(page) == [
        f"{PATH}:10: option 2 of question 'a' has no text: write the option after 'text:', or remove the option",
        f"{PATH}:12: option 3 of question 'a' has no text: write the option after 'text:', or remove the option",
    ]


def test_the_same_option_twice():
    page = quiz("type: single", "question: Q?", "options:", "  - text: A", "    correct: true", "  - text: A")
    assert messages(page) == [
        f"{PATH}:10: option 2 of question 'a' has the same text as option 1: make every option different"
    ]


def test_text_question_without_accepted_answers():
    assert messages(quiz("type: text", "question: Q?")) == [
        f"{PATH}:4: text question 'a' has no accepted answers: add 'answers: [answer, another form]' "
        "listing every form you accept (for example inflected forms)"
    ]
    assert messages(quiz("type: text", "question: Q?", "answers: []")) == [
        f"{PATH}:7: text question 'a' has no accepted answers: add 'answers: [answer, another form]' "
        "listing every form you accept (for example inflected forms)"
    ]


def test_accepted_answers_that_are_the_same_after_normalising():
    page = quiz("type: text", "question: Q?", 'answers: [Työsopimus, "työ sopimus", "työsopimus.", "?!"]')
    assert messages(page) == [
        f"{PATH}:7: accepted answer 4 of question 'a' is empty or only punctuation: write the answer, or remove it",
        f"{PATH}:7: accepted answers 'Työsopimus' and 'työsopimus.' of question 'a' are the same once case, "
        "spaces and punctuation are ignored: keep only one",
    ]


def test_truefalse_without_answer_and_keys_of_other_types():
    page = quiz("type: truefalse", "question: Q?", "answers: [kyllä]")
    assert messages(page) == [
        f"{PATH}:4: question 'a' has no answer: add 'answer: true' or 'answer: false'",
        f"{PATH}:7: 'answers' does not belong in question 'a', which is type 'truefalse': remove it, "
        "or change the type ('answers' is for type text)",
    ]


def test_invalid_and_missing_ids():
    page = "```quiz\nid: Sopimus Perusteet\nquestions:\n  - type: truefalse\n    question: Q?\n    answer: true\n```\n"
    assert messages(page) == [
        f"{PATH}:2: quiz id 'Sopimus Perusteet' is not valid: use only lowercase letters a-z, digits and "
        "hyphens, for example 'sopimus-perusteet'",
        f"{PATH}:4: question 1 has no id: add 'id: some-name' (lowercase letters a-z, digits and hyphens; "
        "the same id in every language)",
    ]
    assert messages("```checklist\nitems:\n  - id: x\n    text: X\n```\n") == [
        f"{PATH}:1: the checklist has no id: add 'id: some-name' (lowercase letters a-z, digits and "
        "hyphens; the same id in every language)"
    ]
    assert suggest_id("Työ ja  Äänet!") == "tyo-ja-aanet"


def test_checklist_without_items():
    assert messages("```checklist\nid: c\n```\n\n```checklist\nid: d\nitems: []\n```\n") == [
        f"{PATH}:1: checklist 'c' has no items: add 'items:' and at least one item below it "
        "('- id: ...' with 'text: ...')",
        f"{PATH}:7: checklist 'd' has no items: add 'items:' and at least one item below it "
        "('- id: ...' with 'text: ...')",
    ]


def test_duplicate_checklist_item_id_reports_every_use():
    page = "```checklist\nid: c\nitems:\n  - id: x\n    text: A\n  - id: x\n    text: B\n  - id: y\n```\n"
    assert messages(page) == [
        f"{PATH}:4: item id 'x' is used more than once in checklist 'c' (also on line 6): give each item its own id",
        f"{PATH}:6: item id 'x' is used more than once in checklist 'c' (also on line 4): give each item its own id",
        f"{PATH}:8: item 'y' of checklist 'c' has no text: add 'text: ...'",
    ]


TF = "questions:\n  - id: {q}\n    type: truefalse\n    question: Q?\n    answer: true\n"


def test_duplicate_ids_within_a_page():
    page = (
        "```quiz\nid: q\n" + TF.format(q="a") + "```\n\n"
        "```quiz\nid: q\n" + TF.format(q="a") + "```\n\n"
        "```checklist\nid: q\nitems:\n  - id: x\n    text: X\n```\n"
    )
    assert messages(page) == [
        f"{PATH}:2: quiz id 'q' is used more than once on this page (also on line 11): give each quiz its own id",
        f"{PATH}:4: question id 'a' is used more than once on this page (also on line 13): give each question its own id",
        f"{PATH}:11: quiz id 'q' is used more than once on this page (also on line 2): give each quiz its own id",
        f"{PATH}:13: question id 'a' is used more than once on this page (also on line 4): give each question its own id",
    ]


def test_duplicate_ids_across_the_site_report_every_place():
    one = read_page("```quiz\nid: q\n" + TF.format(q="a") + "```\n", "docs/fi/a.md")
    two = read_page("# T\n\n```quiz\nid: q\n" + TF.format(q="b") + "```\n", "docs/fi/b.md")
    three = read_page("```checklist\nid: q\nitems:\n  - id: x\n    text: X\n```\n", "docs/fi/c.md")
    models = [*one.quizzes, *two.quizzes, *three.checklists]
    assert [str(p) for p in duplicate_ids(models)] == [
        "docs/fi/a.md:2: quiz id 'q' is also used in docs/fi/b.md:4: ids must be unique across the site, "
        "so rename one of them",
        "docs/fi/b.md:4: quiz id 'q' is also used in docs/fi/a.md:2: ids must be unique across the site, "
        "so rename one of them",
    ]
    # A repeat within one page is the page check's job, not reported twice.
    same_page = read_page("```quiz\nid: q\n" + TF.format(q="a") + "```\n```quiz\nid: q\n" + TF.format(q="b") + "```\n", "x.md")
    assert duplicate_ids(same_page.quizzes) == []


def test_every_problem_of_a_page_is_reported_not_only_the_first():
    page = (
        "---\ntitle: x\n---\n\n"
        "```quiz\nid: q\nquestions:\n  - id: a\n    type: single\n    options:\n      - text: A\n```\n\n"
        "```checklist\nid: c\nitems:\n  - id: x\n  - id: x\n    text: X\n```\n\n"
        "```quiz\nid: r\nquestions:\n  - id: b\n    question: Q\n"
    )
    _, body, first = split_front_matter(page)
    assert first == 5
    assert messages(body, first) == [
        f"{PATH}:8: question 'a' has no question text: add 'question: ...' with the question to ask",
        f"{PATH}:10: question 'a' has no correct option: add 'correct: true' to the right option",
        f"{PATH}:10: question 'a' has only one option: add at least one more '- text: ...' under 'options:'",
        f"{PATH}:17: item 'x' of checklist 'c' has no text: add 'text: ...'",
        f"{PATH}:17: item id 'x' is used more than once in checklist 'c' (also on line 18): give each item its own id",
        f"{PATH}:18: item id 'x' is used more than once in checklist 'c' (also on line 17): give each item its own id",
        f"{PATH}:22: the ```quiz block is never closed, so it is shown as plain text: add a line ``` after "
        "its last line, indented like the opening line",
    ]


def test_progress_controls_take_no_content():
    assert messages("```progress-controls\nid: x\n```\n") == [
        f"{PATH}:2: the progress-controls block takes no content: delete the lines between its opening and closing fence"
    ]
    assert messages("```progress-controls\n```\n") == []


def test_normalisation_of_typed_answers():
    assert normalize_answer("  Työ-SOPIMUS!! ") == "työsopimus"
    assert normalize_answer("työ  \t sopimus") == "työ sopimus"
    assert normalize_answer("«Åland», 7 €") == "åland 7"
    assert normalize_answer("Straße") == normalize_answer("STRASSE")
    assert normalize_answer("...") == ""


def test_trainer_blocks_are_collected_with_the_other_blocks():
    page = read_page("## A\n\n```trainer\nminutes: 5\nnotes: Kerro.\n```\n\n" + quiz(
        "type: truefalse", "question: Q?", "answer: true"), PATH, 2)
    assert [note.line for note in page.trainer_notes] == [4]
    assert [q.id for q in page.quizzes] == ["q"] and page.problems == []
