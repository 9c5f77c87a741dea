"""Moodle XML export: read back, it must say exactly what the quizzes say, field by field,
with the same checks as the GIFT export (so both formats carry the same questions)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from test_gift import EN_PAGE, FI_PAGE, TEXT, _clean, assert_round_trip, quizzes_of

from training.site.checks import check_docs
from training.exports.formats import export_problems
from training.errors import ExportError
from training.quiz.model import MultipleChoice, Option, Quiz, SingleChoice, TextAnswer, TrueFalse
from training.exports.moodle_xml import NOT_XML, parse_moodle_xml, quizzes_to_moodle_xml

ROOT = Path(__file__).parents[2]
# What XML 1.0 can carry (the export leaves control characters out).
XML_TEXT = TEXT.filter(lambda text: not NOT_XML.search(text))


def round_trip(quizzes: list[Quiz], prefix: str = "") -> None:
    text = quizzes_to_moodle_xml(quizzes, "$course$/top/Merkit: ~ = # { }", title_prefix=prefix, comment="c")
    parsed = parse_moodle_xml(text)
    questions = [q for quiz in quizzes for q in quiz.questions]
    assert len(parsed) == len(questions) > 0
    for question, found in zip(questions, parsed):
        assert_round_trip(question, found, prefix)
        assert found["category"] == "$course$/top/Merkit: ~ = # { }"


@pytest.mark.parametrize(("page", "path"), [(FI_PAGE, "docs/fi/merkit.md"), (EN_PAGE, "docs/en/merkit.md")])
def test_tricky_characters_survive_the_round_trip(page, path):
    round_trip(quizzes_of(page, path))
    round_trip(quizzes_of(page, path), prefix="fi/")


def test_every_quiz_of_the_real_docs_survives_the_round_trip():
    report = check_docs(ROOT / "docs", ROOT, languages=["fi", "en"])
    for language in ("fi", "en"):
        round_trip([q for page in report.pages if page.language == language for q in page.blocks.quizzes],
                   f"{language}/")


def test_the_file_is_what_moodle_reads():
    quiz = Quiz(id="q", questions=[
        SingleChoice(id="a", question="Q <b> & \"x\"", explanation="Why",
                 options=[Option(text="yes", correct=True, feedback="good"), Option(text="no")]),
        TextAnswer(id="b", question="Name it", answers=["tax card", "a*b"]),
        TrueFalse(id="c", question="True?", answer=False, feedback_true="No."),
    ])
    text = quizzes_to_moodle_xml([quiz], "$course$/top/T", title_prefix="en/")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    root = ET.fromstring(text)
    first, choice, short, truefalse = root.findall("question")
    assert first.get("type") == "category" and first.findtext("category/text") == "$course$/top/T"
    assert (choice.get("type"), choice.findtext("single"), choice.findtext("idnumber")) == ("multichoice", "true", "a")
    assert choice.findtext("questiontext/text") == 'Q <b> & "x"' and choice.find("questiontext").get("format") == "markdown"
    assert [a.get("fraction") for a in choice.findall("answer")] == ["100", "0"]
    assert short.get("type") == "shortanswer" and short.findtext("usecase") == "0"
    assert [a.findtext("text") for a in short.findall("answer")] == ["tax card", "a\\*b"]
    assert [(a.findtext("text"), a.get("fraction")) for a in truefalse.findall("answer")] == [("true", "0"), ("false", "100")]


def test_what_moodle_cannot_carry_is_refused():
    with pytest.raises(ExportError, match="no id"):
        quizzes_to_moodle_xml([Quiz(questions=[TrueFalse(answer=True)])], "c")
    with pytest.raises(ExportError, match="category"):
        quizzes_to_moodle_xml([], "two\nlines")


def test_control_characters_are_left_out():
    quiz = Quiz(id="q", questions=[TrueFalse(id="t", question="a\x1fb\x00", answer=True)])
    [parsed] = parse_moodle_xml(quizzes_to_moodle_xml([quiz], "c"))
    assert parsed["question"] == "ab"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=XML_TEXT, right=XML_TEXT, wrong=XML_TEXT, feedback=XML_TEXT, explanation=XML_TEXT)
def test_any_text_survives_the_round_trip(question, right, wrong, feedback, explanation):
    right, wrong = _clean(right), _clean(wrong)
    if right == wrong:
        wrong += "!"
    model = MultipleChoice(id="p", question=_clean(question), explanation=explanation.strip(),
                           options=[Option(text=right, correct=True, feedback=feedback.strip()), Option(text=wrong)])
    round_trip([Quiz(id="q", questions=[model])])


def test_a_question_the_exports_cannot_carry_is_reported_at_its_line():
    arrow = TextAnswer(id="arrow", question="Q", answers=["a -> b"], line=12)
    eleven = MultipleChoice(id="eleven", question="Q", line=30,
                            options=[Option(text=str(n), correct=True) for n in range(11)] + [Option(text="x")])
    problems = export_problems("docs/fi/m.md", [Quiz(id="q", line=10, questions=[arrow, eleven])])
    assert [(p.path, p.line) for p in problems] == [("docs/fi/m.md", 12), ("docs/fi/m.md", 30)]
    assert "'->'" in problems[0].message and "Moodle could not import it" in problems[0].message
    assert "among 11 options" in problems[1].message
