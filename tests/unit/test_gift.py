"""Moodle GIFT export: the exact text written, Moodle's grade rules, and round trips
(quiz model -> GIFT -> ``parse_gift``) that must give back every text, weight and feedback.

The GIFT rules checked here are Moodle's own (question/format/gift/format.php): escapes
``\\~ \\= \\# \\{ \\} \\: \\\\ \\n``; true/false feedback ``{TRUE#if wrong#if right}``;
weights ``%n%`` that must be on Moodle's grade list; general feedback ``####``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from training.site.checks import check_docs
from training.errors import ExportError
from training.exports.gift import equal_share, escape, multiple_weights, parse_gift, question_to_gift, quiz_to_gift, quizzes_to_gift
from training.quiz.model import MultipleChoice, Option, Question, Quiz, SingleChoice, TextAnswer, TrueFalse, UnknownType
from training.site.page_blocks import read_page

ROOT = Path(__file__).parents[2]

# Moodle's grade list (question_bank::ensure_fraction_options_initialised), in percent.
MOODLE_GRADES = [100 * f for f in (
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25,
    0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0,
)]
MOODLE_GRADES += [-g for g in MOODLE_GRADES]

FI_PAGE = r'''# Merkkien testi

Teksti ennen tehtävää.

```quiz
id: gift-merkit
title: "Testaa: merkit ~ = # { }"
questions:
  - id: gift-fi-yksi
    type: single
    question: "Mikä on oikein: a = b, {x} vai #1?"
    options:
      - text: "Tilde ~ ja yhtäsuuruus ="
        correct: true
        feedback: "Oikein: \"lainausmerkit\" ja 'heittomerkit' säilyvät."
      - text: 'Kenoviiva \ ja C:\polku\n'
        feedback: "Väärin #2 ::otsikko::"
      - text: "[html] ei ole muoto"
      - text: "%50% alennus"
    explanation: |
      Lue [lisää](../oikeudet/index.md "otsikko: {x}").
      Toinen rivi: ~ = # { } \ loppuu.

      Uusi kappale, **lihava** ja `koodi \n`.
  - id: gift-fi-monta
    type: multiple
    question: |
      Valitse kaikki oikeat:

      - lista ~ yksi
      - lista = kaksi
    options:
      - text: "{1} oikein"
        correct: true
        feedback: "Kyllä #1"
      - text: "Kaksi: 2 = 1 + 1"
        correct: true
      - text: "[Linkki](https://example.org/a?b=c#d)"
        correct: true
        feedback: |
          Rivi yksi
          rivi kaksi
      - text: Väärä
        feedback: "Ei: ~ väärin"
    explanation: "Kolme oikein, yksi väärin."
  - id: gift-fi-tosi
    type: truefalse
    question: "Väite: 1 + 1 = 2 {aina}."
    answer: true
    feedback_true: "Oikein #totta"
    feedback_false: |
      Väärin: katso \ kenoviiva
      ja toinen rivi.
    explanation: "Yleinen palaute: \"lainaus\" ~ #"
  - id: gift-fi-epatosi
    type: truefalse
    question: "Työnantaja saa pitää passisi."
    answer: false
    feedback_true: "Ei saa: {passi} on sinun."
  - id: gift-fi-teksti
    type: text
    question: "Kirjoita sana: mikä on *työ*sopimus?"
    answers: ["työ*sopimus", "a = b", 'C:\temp', "#1 {x}", "%20%", "[plain] vastaus", "T"]
    explanation: "Hyväksytyt muodot: ks. [ohje](../ohje.md)."
```
'''

EN_PAGE = r'''# Character test

```quiz
id: gift-characters
questions:
  - id: gift-en-single
    type: single
    question: 'Which is right: "a = b" or {b}?'
    options:
      - text: Wrong ~ one
      - text: "Right = one"
        correct: true
        feedback: 'It''s right: see C:\docs'
    explanation: |
      Line one: ~ = # { } :
      Line two \\ with two backslashes.
  - id: gift-en-multiple
    type: multiple
    question: "Choose: {a} or {b}"
    options:
      - text: "a #1"
        correct: true
      - text: "b #2"
        correct: true
      - text: "c #3"
      - text: "d #4"
      - text: "e #5"
  - id: gift-en-true
    type: truefalse
    question: "True: x::y"
    answer: true
    feedback_true: "Yes: right."
  - id: gift-en-false
    type: truefalse
    question: "False: {}"
    answer: false
    feedback_true: "Wrong ~ true"
    feedback_false: "Right = false"
    explanation: "General #feedback"
  - id: gift-en-text
    type: text
    question: "Type the word *contract*:"
    answers: [contract, "employment contract", "TRUE"]
```
'''

# One small quiz with a question of each type, and exactly what it must become.
SMALL_PAGE = r'''```quiz
id: gift-muoto
questions:
  - id: muoto-yksi
    type: single
    question: "Kuka päättää: työnantaja {vai} työntekijä?"
    options:
      - text: Työnantaja
        correct: true
        feedback: "Oikein: #1"
      - text: Työntekijä
        feedback: Väärin.
    explanation: Lue [lisää](../oikeudet/index.md).
  - id: muoto-monta
    type: multiple
    question: Valitse kaikki oikeat.
    options:
      - text: A = 1
        correct: true
        feedback: Kyllä.
      - text: B
        correct: true
      - text: C ~ 3
        feedback: Ei.
  - id: muoto-tosi
    type: truefalse
    question: "Palkka: 10 € / h."
    answer: true
    feedback_true: Oikein.
    feedback_false: "Väärin: {ks. TES}"
    explanation: |
      Rivi 1
      Rivi 2
  - id: muoto-teksti
    type: text
    question: Mikä sopimus?
    answers: [työsopimus, työsopimuksen]
    explanation: "Vastaus: työsopimus."
```
'''

SMALL_GIFT = (
    "::fi/muoto-yksi::[markdown]Kuka päättää\\: työnantaja \\{vai\\} työntekijä?{\n"
    "\t=Työnantaja#Oikein\\: \\#1\n"
    "\t~Työntekijä#Väärin.\n"
    "\t####Lue [lisää](../oikeudet/index.md).\n"
    "}\n"
    "\n"
    "::fi/muoto-monta::[markdown]Valitse kaikki oikeat.{\n"
    "\t~%50%A \\= 1#Kyllä.\n"
    "\t~%50%B\n"
    "\t~%-100%C \\~ 3#Ei.\n"
    "}\n"
    "\n"
    # True/false: the feedback for the WRONG answer first, then the one for the right answer.
    "::fi/muoto-tosi::[markdown]Palkka\\: 10 € / h.{TRUE#Väärin\\: \\{ks. TES\\}#Oikein.####Rivi 1\\nRivi 2}\n"
    "\n"
    "::fi/muoto-teksti::[markdown]Mikä sopimus?{\n"
    "\t=työsopimus\n"
    "\t=työsopimuksen\n"
    "\t####Vastaus\\: työsopimus.\n"
    "}\n"
)


def quizzes_of(markdown: str, path: str) -> list[Quiz]:
    """The quizzes of a page, which must have no problems."""
    page = read_page(markdown, path)
    assert [str(p) for p in page.problems] == []
    assert page.quizzes
    return page.quizzes


def expected_weights(question: Question) -> list[float]:
    """Weights worked out independently of the exporter: 100 for the one right option of a
    single question; for multiple, +100 and -100 shared equally, to Moodle's five decimals."""
    if question.type == "single":
        return [100.0 if o.correct else 0.0 for o in question.options]
    right = sum(o.correct for o in question.options)
    wrong = len(question.options) - right
    return [round(100 / right, 5) if o.correct else -round(100 / wrong, 5) for o in question.options]


def assert_round_trip(question: Question, parsed: dict, title_prefix: str = "") -> None:
    """``parsed`` (from parse_gift) says exactly what ``question`` says, field by field."""
    assert parsed["title"] == title_prefix + question.id
    assert parsed["type"] == question.type
    assert parsed["format"] == "markdown"
    assert parsed["question"] == question.question
    assert parsed["general_feedback"] == question.explanation
    answers = parsed["answers"]
    if question.type in ("single", "multiple"):
        assert [a["text"] for a in answers] == [o.text for o in question.options]
        assert [a["feedback"] for a in answers] == [o.feedback for o in question.options]
        assert [a["weight"] > 0 for a in answers] == [o.correct for o in question.options]
        assert [a["weight"] for a in answers] == expected_weights(question)
    elif question.type == "truefalse":
        assert answers == [
            {"text": "true", "weight": 100.0 if question.answer else 0.0, "feedback": question.feedback_true},
            {"text": "false", "weight": 0.0 if question.answer else 100.0, "feedback": question.feedback_false},
        ]
    else:
        assert [a["text"] for a in answers] == question.answers
        assert [(a["weight"], a["feedback"]) for a in answers] == [(100.0, "")] * len(question.answers)


def assert_quiz_round_trip(quiz: Quiz, title_prefix: str = "") -> None:
    parsed = parse_gift(quiz_to_gift(quiz, title_prefix))
    assert len(parsed) == len(quiz.questions)
    for question, found in zip(quiz.questions, parsed):
        assert_round_trip(question, found, title_prefix)


# --- exact format ----------------------------------------------------------------------


def test_a_small_quiz_of_every_type_becomes_exactly_this_gift():
    [quiz] = quizzes_of(SMALL_PAGE, "docs/fi/muoto.md")
    assert quiz_to_gift(quiz, title_prefix="fi/") == SMALL_GIFT


def test_a_gift_file_starts_with_its_category_and_separates_questions_by_blank_lines():
    [quiz] = quizzes_of(SMALL_PAGE, "docs/fi/muoto.md")
    text = quizzes_to_gift([quiz, quiz], "$course$/top/Työelämätaidot/fi", title_prefix="fi/")
    assert text == "$CATEGORY: $course$/top/Työelämätaidot/fi\n\n" + SMALL_GIFT + "\n" + SMALL_GIFT
    blocks = text.split("\n\n")
    assert len(blocks) == 1 + 2 * len(quiz.questions)
    assert all(block.strip() for block in blocks)
    parsed = parse_gift(text)
    assert {q["category"] for q in parsed} == {"$course$/top/Työelämätaidot/fi"}


@pytest.mark.parametrize(
    ("answer", "feedback_true", "feedback_false", "braces"),
    [
        # Moodle's split_truefalse_comment: TRUE#<shown if wrong>#<shown if right>.
        (True, "T ok", "F wrong", "{TRUE#F wrong#T ok}"),
        (False, "T wrong", "F ok", "{FALSE#T wrong#F ok}"),
        # Only the right-answer feedback: an empty first one keeps it second.
        (True, "T ok", "", "{TRUE##T ok}"),
        (False, "", "F ok", "{FALSE##F ok}"),
        # Only the wrong-answer feedback.
        (True, "", "F wrong", "{TRUE#F wrong}"),
        (False, "T wrong", "", "{FALSE#T wrong}"),
        (True, "", "", "{TRUE}"),
    ],
)
def test_true_false_feedback_for_the_wrong_answer_comes_first(answer, feedback_true, feedback_false, braces):
    question = TrueFalse(id="tf", question="Q", answer=answer,
                        feedback_true=feedback_true, feedback_false=feedback_false)
    assert question_to_gift(question) == "::tf::[markdown]Q" + braces
    [parsed] = parse_gift(question_to_gift(question))
    assert_round_trip(question, parsed)


def test_escape_puts_a_backslash_before_every_special_character_and_writes_newlines():
    assert escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"
    assert escape("  rivi\r\ntoinen \n") == "rivi\\ntoinen"
    # A backslash before an n stays a backslash and an n, not a line break.
    assert escape("C:\\new") == "C\\:\\\\new"
    [parsed] = parse_gift("::t::[markdown]C\\:\\\\new\\nrivi{TRUE}")
    assert parsed["question"] == "C:\\new\nrivi"


@pytest.mark.parametrize("text", ["#", "a #", "\\", "####", "x:", "{", "}", "~", "="])
def test_a_special_character_at_the_end_of_a_text_stays_text(text):
    question = SingleChoice(id="e", question="Q" + text, explanation=text, options=[
        Option(text="a" + text, correct=True, feedback=text), Option(text=text, feedback="b" + text),
    ])
    [parsed] = parse_gift(question_to_gift(question))
    assert_round_trip(question, parsed)


def test_texts_that_moodle_would_read_as_syntax_are_guarded():
    question = SingleChoice(id="g", question="Q", options=[
        Option(text="[html] x", correct=True, feedback="[plain] y"),
        Option(text="%50% off"),
    ])
    assert question_to_gift(question) == (
        "::g::[markdown]Q{\n\t=[markdown][html] x#[markdown][plain] y\n\t~%0%%50% off\n}"
    )
    [parsed] = parse_gift(question_to_gift(question))
    assert_round_trip(question, parsed)
    # After '=' Moodle reads no weight in a multiple choice, so none is written there.
    question = SingleChoice(id="g", question="Q", options=[
        Option(text="%", correct=True), Option(text="%5%"),
    ])
    assert question_to_gift(question) == "::g::[markdown]Q{\n\t=%\n\t~%0%%5%\n}"
    [parsed] = parse_gift(question_to_gift(question))
    assert_round_trip(question, parsed)
    text = TextAnswer(id="t", question="Q", answers=["a*b", "%5%", "TRUE"])
    assert question_to_gift(text) == "::t::[markdown]Q{\n\t=a\\\\*b\n\t=%100%%5%\n\t=TRUE\n}"
    [parsed] = parse_gift(question_to_gift(text))
    assert parsed["type"] == "text"
    assert_round_trip(text, parsed)


# --- weights ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("right", "wrong"),
    [(1, 1), (1, 3), (2, 1), (2, 2), (3, 1), (3, 3), (4, 2), (5, 5), (6, 1), (7, 2), (8, 1), (9, 4), (10, 20)],
)
def test_multiple_weights_give_the_right_options_100_and_the_wrong_ones_minus_100(right, wrong):
    options = [Option(text=f"r{i}", correct=True) for i in range(right)]
    options += [Option(text=f"w{i}") for i in range(wrong)]
    question = MultipleChoice(id="m", question="Q", options=options)
    [parsed] = parse_gift(question_to_gift(question))
    weights = [a["weight"] for a in parsed["answers"]]
    plus = [w for w in weights if w > 0]
    minus = [w for w in weights if w < 0]
    assert (len(plus), len(minus)) == (right, wrong)
    # Moodle's check for a multiple-answer question: positive grades add up to 100 %
    # (it rounds the sum of fractions to 2 decimals, so 3 x 33.33333 passes).
    assert round(sum(plus) / 100, 2) == 1
    assert sum(plus) == pytest.approx(100, abs=1e-4)
    # Choosing every option scores 0.
    assert sum(minus) == pytest.approx(-100, abs=1e-4)
    assert sum(weights) == pytest.approx(0, abs=1e-4)
    # Each weight is one of Moodle's grades (its import matches within 0.00001 of a fraction).
    assert all(any(abs(w - g) / 100 < 0.00001 for g in MOODLE_GRADES) for w in weights)
    assert_round_trip(question, parsed)


@pytest.mark.parametrize("right", [2, 4, 5, 10])
def test_weights_of_two_four_five_or_ten_right_options_sum_to_exactly_100(right):
    question = MultipleChoice(id="m", question="Q",
                        options=[Option(text=str(i), correct=True) for i in range(right)] + [Option(text="x")])
    assert sum(float(w) for w in multiple_weights(question) if not w.startswith("-")) == 100


def test_weights_are_written_as_moodle_writes_them():
    question = MultipleChoice(id="m", )
    assert [equal_share(n, question) for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20)] == [
        "100", "50", "33.33333", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5",
    ]
    with pytest.raises(ExportError, match="11 options"):
        equal_share(11, question)


def test_a_multiple_question_whose_options_are_all_right_has_no_negative_weight():
    question = MultipleChoice(id="m", question="Q",
                        options=[Option(text="a", correct=True), Option(text="b", correct=True)])
    assert question_to_gift(question) == "::m::[markdown]Q{\n\t~%50%a\n\t~%50%b\n}"


# --- what cannot be exported ------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (SingleChoice(id="s", question="Q", options=[Option(text="a"), Option(text="b")]), "exactly one"),
        (SingleChoice(id="s", question="Q",
                  options=[Option(text="a", correct=True), Option(text="b", correct=True)]), "exactly one"),
        (MultipleChoice(id="m", question="Q", options=[Option(text="a"), Option(text="b")]), "no correct"),
        (MultipleChoice(id="m", question="Q",
                  options=[Option(text=str(i), correct=True) for i in range(11)] + [Option(text="x")]), "11 options"),
        (TrueFalse(id="t", question="Q"), "no answer"),
        (TextAnswer(id="x", question="Q"), "no accepted answers"),
        (TextAnswer(id="x", question="Q", answers=["a -> b"]), "matching"),
        (TextAnswer(id="", question="Q", answers=["a"]), "no id"),
        (UnknownType(id="x", written_type="essay", question="Q"), "type"),
    ],
)
def test_questions_gift_cannot_carry_faithfully_are_refused(question, message):
    with pytest.raises(ExportError, match=message):
        question_to_gift(question)


def test_the_category_must_be_one_line():
    with pytest.raises(ExportError):
        quizzes_to_gift([], "a\nb")


# --- round trips -------------------------------------------------------------------------


@pytest.mark.parametrize(("page", "path"), [(FI_PAGE, "docs/fi/merkit.md"), (EN_PAGE, "docs/en/merkit.md")])
def test_tricky_characters_survive_the_round_trip(page, path):
    for quiz in quizzes_of(page, path):
        assert_quiz_round_trip(quiz)
        assert_quiz_round_trip(quiz, title_prefix="p::{x}#/")


def test_the_round_trip_test_data_really_holds_the_tricky_characters():
    texts = []
    for page, path in ((FI_PAGE, "docs/fi/merkit.md"), (EN_PAGE, "docs/en/merkit.md")):
        for quiz in quizzes_of(page, path):
            for q in quiz.questions:
                q.with_texts(lambda text: texts.append(text) or text, lambda label: texts.append(label) or label)
                texts += q.answer_key().answers
    joined = "".join(texts)
    for needed in ("~", "=", "#", "{", "}", ":", "\\", "\n", '"', "'", "](", "\\n", "*", "%"):
        assert needed in joined, needed


# Any text, and text made mostly of what GIFT (or Moodle) gives a meaning.
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), min_size=1, max_size=40),
    st.lists(st.sampled_from([*"~=#{}:\\n%*[]->/ ", "TRUE", "[html]", "####", "::", "\n"]), min_size=1,
             max_size=12).map("".join),
)


def _clean(text: str) -> str:
    return text.strip() or "x"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=TEXT, right=TEXT, wrong=TEXT, feedback=st.one_of(st.just(""), TEXT), explanation=TEXT,
       multiple=st.booleans())
def test_any_text_survives_the_round_trip(question, right, wrong, feedback, explanation, multiple):
    right, wrong = _clean(right), _clean(wrong)
    if right == wrong:
        wrong += "!"
    model = (MultipleChoice if multiple else SingleChoice)(
        id="p", question=_clean(question),
        options=[Option(text=right, correct=True, feedback=feedback.strip()), Option(text=wrong)],
        explanation=explanation.strip(),
    )
    [parsed] = parse_gift(question_to_gift(model))
    assert_round_trip(model, parsed)


def _without_arrows(text: str) -> str:
    """``text`` with no '->' left (Moodle reads it as a matching question); one pass of replace
    would make '->>' into '->'."""
    while "->" in text:
        text = text.replace("->", "-")
    return text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(true_fb=TEXT, false_fb=TEXT, answers=st.lists(TEXT, min_size=1, max_size=4), answer=st.booleans())
def test_any_feedback_and_accepted_answer_survive_the_round_trip(true_fb, false_fb, answers, answer):
    tf = TrueFalse(id="tf", question="Q", answer=answer,
                  feedback_true=true_fb.strip(), feedback_false=false_fb.strip())
    forms = [_without_arrows(_clean(a)) for a in answers]
    text = TextAnswer(id="tx", question="Q", answers=forms)
    for model in (tf, text):
        [parsed] = parse_gift(question_to_gift(model))
        assert_round_trip(model, parsed)


def test_every_quiz_of_the_real_docs_survives_the_round_trip():
    report = check_docs(ROOT / "docs", ROOT, languages=["fi", "en"])
    for language in ("fi", "en"):
        quizzes = [q for page in report.pages if page.language == language for q in page.blocks.quizzes]
        assert quizzes, f"no quizzes in docs/{language}"
        text = quizzes_to_gift(quizzes, f"$course$/top/Työelämätaidot/{language}", title_prefix=f"{language}/")
        parsed = parse_gift(text)
        questions = [q for quiz in quizzes for q in quiz.questions]
        assert len(parsed) == len(questions)
        for question, found in zip(questions, parsed):
            assert_round_trip(question, found, f"{language}/")
        # Moodle keeps the ids as question names: one name per question.
        assert len({q["title"] for q in parsed}) == len(parsed)
        # No line would be taken for a comment, and no question holds a blank line.
        assert not [line for line in text.splitlines() if line.strip().startswith("//")]
        assert len(text.split("\n\n")) == 1 + len(questions)
