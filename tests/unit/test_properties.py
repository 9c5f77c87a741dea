"""Property-based tests: random and hostile input never escapes the project's own errors,
and rendered HTML never carries script an editor smuggled in."""

from __future__ import annotations

import html
import json
import random
import re
import subprocess
from pathlib import Path

import playwright
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from training.quiz.answers import normalize_answer
from training.errors import ContentError
from training.quiz.model import QUESTION_TYPES, Quiz
from training.checklist.model import Checklist
from training.ids import valid_id
from training.site.page_blocks import check_markdown, load_block
from training.checklist.parse import CHECKLIST_KEYS, ITEM_KEYS
from training.quiz.parse import OPTION_KEYS, QUESTION_KEYS, QUIZ_KEYS
from training.checklist.render import render_checklist
from training.quiz.render import render_quiz
from training.site.scan import find_blocks
from training.strings import load_strings
from training.checklist.validate import validate_checklist
from training.quiz.validate import validate_quiz

ROOT = Path(__file__).parents[2]
PATH = "docs/fi/x.md"
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- random and malformed blocks ----------------------------------------------------------

YAMLISH = st.lists(
    st.sampled_from(
        [
            "id: q", "id: Q Q", "title: t", "questions:", "items:", "  - id: a", "  - id: x", "    type: single",
            "    type: text", "    type: truefalse", "    type: multiple", "    question: Q?", "    options:",
            "      - text: A", "      - text: B", "        correct: true", "        correct: maybe",
            "    answers: [a, A.]", "    answer: false", "    text: X", "    hint: h", "  -", "- a",
            "\t- tab", "key: 'open", "&a x", "*a", "!tag x", "? [a]", ": x", "[", "{", "---", "...",
            "    explanation: |", "      more", "a: b: c", "# comment", "", "%YAML 1.1", "@x", "\x00", "|",
        ]
    ),
    max_size=16,
).map("\n".join)


def _assert_model_or_content_error(kind: str, body: str) -> None:
    try:
        model = load_block(kind, body, PATH, 3)
    except ContentError as exc:
        assert exc.problems, "a ContentError must carry at least one problem"
        for problem in exc.problems:
            assert problem.path == PATH and problem.line >= 1 and problem.message
        return
    _assert_sound(model)


def _assert_sound(model: Quiz | Checklist) -> str:
    """A model that comes back is valid: validation finds nothing, ids are sound, it renders."""
    assert (validate_quiz(model) if isinstance(model, Quiz) else validate_checklist(model)) == []
    assert valid_id(model.id)
    if isinstance(model, Quiz):
        assert model.questions and all(valid_id(q.id) for q in model.questions)
        return render_quiz(model, load_strings("fi"))
    assert model.items and all(valid_id(i.id) for i in model.items)
    return render_checklist(model, load_strings("fi"))


@FAST
@given(st.sampled_from(["quiz", "checklist"]), st.text(max_size=300))
def test_any_text_gives_a_model_or_a_content_error(kind, body):
    _assert_model_or_content_error(kind, body)


@FAST
@given(st.sampled_from(["quiz", "checklist"]), YAMLISH)
def test_yaml_like_fragments_give_a_model_or_a_content_error(kind, body):
    _assert_model_or_content_error(kind, body)


SCALARS = st.one_of(
    st.text(max_size=20), st.booleans(), st.integers(), st.none(), st.floats(allow_nan=False),
    st.sampled_from(["single", "multiple", "truefalse", "text", "q-1", "yes", "Työ"]),
)


def mapping(keys: tuple[str, ...], values) -> st.SearchStrategy:
    return st.dictionaries(st.one_of(st.sampled_from(keys), st.text(max_size=8)), values, max_size=len(keys) + 1)


VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=12)
OPTION = mapping(OPTION_KEYS, st.one_of(SCALARS, VALUES))
QUESTION = mapping(QUESTION_KEYS, st.one_of(SCALARS, st.lists(OPTION, max_size=4), st.lists(SCALARS, max_size=4)))
QUIZ_DATA = mapping(QUIZ_KEYS, st.one_of(SCALARS, st.lists(QUESTION, max_size=3), VALUES))
ITEM = mapping(ITEM_KEYS, st.one_of(SCALARS, VALUES))
CHECKLIST_DATA = mapping(CHECKLIST_KEYS, st.one_of(SCALARS, st.lists(ITEM, max_size=4), VALUES))


@FAST
@given(st.one_of(st.tuples(st.just("quiz"), QUIZ_DATA), st.tuples(st.just("checklist"), CHECKLIST_DATA)))
def test_random_structures_give_a_model_or_a_content_error(case):
    kind, data = case
    _assert_model_or_content_error(kind, yaml.safe_dump(data, allow_unicode=True))


# --- valid blocks: the "a model that comes back" half, which random input almost never reaches --

IDS = st.from_regex(r"[a-z0-9][a-z0-9-]{0,11}", fullmatch=True)
TEXT = st.text(min_size=1, max_size=40).filter(str.strip)
ANSWER = TEXT.filter(normalize_answer)


def _optional(draw, target: dict, key: str) -> None:
    value = draw(st.none() | TEXT)
    if value is not None:
        target[key] = value


@st.composite
def valid_question(draw, qid: str) -> dict:
    kind = draw(st.sampled_from(QUESTION_TYPES))
    question = {"id": qid, "type": kind, "question": draw(TEXT)}
    if kind in ("single", "multiple"):
        texts = draw(st.lists(TEXT, min_size=2, max_size=5, unique_by=str.strip))
        indexes = st.integers(min_value=0, max_value=len(texts) - 1)
        right = {draw(indexes)} if kind == "single" else draw(st.sets(indexes, min_size=1))
        question["options"] = []
        for index, text in enumerate(texts):
            option = {"text": text}
            if index in right or draw(st.booleans()):
                option["correct"] = index in right
            _optional(draw, option, "feedback")
            question["options"].append(option)
    elif kind == "truefalse":
        question["answer"] = draw(st.booleans())
        _optional(draw, question, "feedback_true")
        _optional(draw, question, "feedback_false")
    else:
        answers = draw(st.lists(ANSWER, min_size=1, max_size=4, unique_by=normalize_answer))
        question["answers"] = answers[0] if len(answers) == 1 and draw(st.booleans()) else answers
    _optional(draw, question, "explanation")
    return question


@st.composite
def valid_quiz(draw) -> dict:
    quiz = {"id": draw(IDS)}
    _optional(draw, quiz, "title")
    quiz["questions"] = [draw(valid_question(qid)) for qid in draw(st.lists(IDS, min_size=1, max_size=4, unique=True))]
    return quiz


@st.composite
def valid_checklist(draw) -> dict:
    checklist = {"id": draw(IDS)}
    _optional(draw, checklist, "title")
    checklist["items"] = []
    for item_id in draw(st.lists(IDS, min_size=1, max_size=6, unique=True)):
        item = {"id": item_id, "text": draw(TEXT)}
        _optional(draw, item, "hint")
        checklist["items"].append(item)
    return checklist


VALID_BLOCKS = st.one_of(st.tuples(st.just("quiz"), valid_quiz()), st.tuples(st.just("checklist"), valid_checklist()))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(VALID_BLOCKS, st.booleans())
def test_valid_blocks_give_a_sound_model_that_renders_safely(case, unicode):
    kind, data = case
    body = yaml.safe_dump(data, allow_unicode=unicode, sort_keys=False)
    data = yaml.safe_load(body)  # what YAML itself reads back (it folds line separators such as U+2028)
    model = load_block(kind, body, PATH, 3)
    assert isinstance(model, Quiz if kind == "quiz" else Checklist)
    assert model.id == data["id"]
    soup = _assert_safe(_assert_sound(model))
    if isinstance(model, Quiz):
        assert [(q.id, q.type) for q in model.questions] == [(q["id"], q["type"]) for q in data["questions"]]
        script = json.loads(soup.find("script").string)["questions"]
        for written in data["questions"]:
            got = script[written["id"]]
            if "options" in written:
                assert got["correct"] == [str(n) for n, o in enumerate(written["options"], 1) if o.get("correct")]
            elif "answer" in written:
                assert got["correct"] == ["true" if written["answer"] else "false"]
            else:
                answers = written["answers"] if isinstance(written["answers"], list) else [written["answers"]]
                assert got["answers"] == [a.strip() for a in answers]
    else:
        assert [(i.id, i.text) for i in model.items] == [(i["id"], i["text"].strip()) for i in data["items"]]


FENCE_LINES = st.sampled_from(["```quiz", "```checklist", "````", "```", "~~~quiz", "    ```quiz", "> ```quiz"])


@FAST
@given(st.lists(FENCE_LINES | YAMLISH, max_size=8).map("\n".join), st.integers(min_value=1, max_value=50))
def test_a_page_check_never_raises(page, first_line):
    problems, quizzes, checklists = check_markdown(page, PATH, first_line)
    last = first_line + page.count("\n") + 1
    for problem in problems:
        assert first_line <= problem.line <= last
    for block in find_blocks(page, first_line):
        assert first_line <= block.line <= last


@FAST
@given(st.text(max_size=400), st.integers(min_value=1, max_value=9))
def test_scanning_arbitrary_text_never_raises(text, first_line):
    for block in find_blocks(text, first_line):
        assert block.line >= first_line


# --- hostile author text --------------------------------------------------------------------

HOSTILE = st.one_of(
    st.sampled_from(
        [
            "<script>alert(1)</script>", "</script><script>alert(1)</script>", "<!--", "]]>", '"',
            "'", '" onmouseover="alert(1)', "' autofocus onfocus='alert(1)", "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))", "[x](&#106;avascript:alert(1))", "[x](&amp;#106;avascript:x)",
            "[x](java&#x09;script:x)", "[x](data:text/html,<script>alert(1)</script>)", "![i](javascript:x)",
            "[x]: vbscript:msgbox", "<img src=x onerror=alert(1)>", "<a href='javascript:x'>a</a>",
            "<javascript:alert(1)>", "[x](<javascript:alert(1)>)", "&lt;script&gt;", "\u2028", "{{ x }}",
            "<svg onload=alert(1)>", "[x](https://ok.example/\"onclick=\"x)", "[ok](../a.md \"t\" onclick=x)",
        ]
    ),
    st.text(alphabet=st.sampled_from(list("<>\"'&/=:;()[]!`*_#\\ ajvsrcipt\n")), max_size=40),
)
HOSTILE_TEXT = st.lists(HOSTILE, min_size=1, max_size=3).map(" ".join).filter(lambda s: s.strip())


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


ALLOWED_TAGS = {
    "div", "p", "fieldset", "legend", "input", "label", "button", "details", "summary", "script",
    "a", "em", "strong", "code", "ul", "ol", "li", "br", "hr", "pre", "blockquote", "img",
    "h1", "h2", "h3", "h4", "h5", "h6",
    "span",  # the "to be confirmed" mark of a [VERIFY] and of an unconfirmed fact
}


LINK_SCHEMES = {"https", "mailto", "tel"}  # what a link may use (training/markup.py); an image: none


def _scheme(url: str) -> str | None:
    """The scheme a browser would see in an attribute value, judged without the sanitiser's
    own code: references decoded twice (double escaping), controls and whitespace dropped."""
    url = html.unescape(html.unescape(url))
    m = re.match(r"([a-z][a-z0-9+.-]*):", re.sub(r"[\x00-\x20\x7f]", "", url).lower())
    return m.group(1) if m else None


def _assert_safe(markup: str) -> BeautifulSoup:
    soup = BeautifulSoup(markup, "html.parser")
    scripts = soup.find_all("script")
    assert all(s.get("type") == "application/json" for s in scripts)
    for script in scripts:
        json.loads(script.string)
    for el in soup.find_all(True):
        assert el.name in ALLOWED_TAGS, el.name
        for attr, value in el.attrs.items():
            assert not attr.lower().startswith("on"), (el.name, attr)
            if attr in ("href", "src"):
                scheme = _scheme(value)
                assert scheme is None or (attr == "href" and scheme in LINK_SCHEMES), value
                assert not re.sub(r"[\x00-\x20\x7f]", "", value).replace("\\", "/").startswith("//"), value
    # The same through a browser-grade parser: nothing leaks out of the JSON script.
    lx = BeautifulSoup(markup, "lxml")
    assert all(s.get("type") == "application/json" for s in lx.find_all("script"))
    return soup


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT, st.lists(HOSTILE_TEXT, min_size=1, max_size=3))
def test_hostile_quiz_text_cannot_inject_script(title, question, option, explanation, answers):
    assume(len({normalize_answer(a) for a in answers}) == len(answers) and all(normalize_answer(a) for a in answers))
    assume(option.strip() != "ok")
    body = (
        f"id: q\ntitle: {_quote(title)}\nquestions:\n"
        f"  - id: a\n    type: single\n    question: {_quote(question)}\n    options:\n"
        f"      - text: {_quote(option)}\n        correct: true\n        feedback: {_quote(explanation)}\n"
        f"      - text: ok\n    explanation: {_quote(explanation)}\n"
        f"  - id: b\n    type: text\n    question: {_quote(question)}\n    answers: {_quote(answers)}\n"
        f"  - id: c\n    type: truefalse\n    question: {_quote(question)}\n    answer: true\n"
        f"    feedback_true: {_quote(option)}\n"
    )
    quiz = load_block("quiz", body, PATH, 1)
    soup = _assert_safe(render_quiz(quiz, load_strings("fi"), lambda href: href))
    data = json.loads(soup.find("script").string)
    # The answers reach the script intact (up to YAML folding line separators).
    assert [normalize_answer(a) for a in data["questions"]["b"]["answers"]] == [normalize_answer(a) for a in answers]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT)
def test_hostile_checklist_text_cannot_inject_script(title, text, hint):
    body = f"id: c\ntitle: {_quote(title)}\nitems:\n  - id: x\n    text: {_quote(text)}\n    hint: {_quote(hint)}\n"
    model = load_block("checklist", body, PATH, 1)
    assert isinstance(model, Checklist)
    _assert_safe(render_checklist(model, load_strings("en"), lambda href: "/resolved/" + href))


# --- the same answer normalisation in Python and in the browser ------------------------------

NORM_ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "M", "N", "P", "S", "Z", "Cc"),
    max_codepoint=0x06FF,
) | st.sampled_from(list("\u2000\u2009\u200a\u2028\u2029\u202f\u3000\ufeff\u2013\u2014\u201c\u201d\u00a0ßſİıς"))


@FAST
@given(st.text(alphabet=NORM_ALPHABET, max_size=30))
def test_normalisation_is_idempotent(text):
    once = normalize_answer(text)
    assert normalize_answer(once) == once
    assert once == once.strip() and "  " not in once


def _node() -> str:
    node = Path(playwright.__file__).parent / "driver" / "node"
    assert node.exists(), "Playwright's bundled node is missing"
    return str(node)


def test_python_and_javascript_normalise_alike():
    js = (ROOT / "docs/assets/training.js").read_text(encoding="utf-8")
    norm = re.search(r"const norm = (s => .*?);\n", js, re.DOTALL)
    assert norm, "norm() not found in training.js"
    samples = [
        "Työsopimus", "  TYÖ-SOPIMUS!! ", "työ\tsopimus", "Straße", "STRASSE", "ΟΔΟΣ", "οδος", "İstanbul",
        "ſ", "«Åland», 7 €", "Ａｂｃ１", "ﬁnal", "x\u00a0\u2009y", "\ufeffa", "ǅ", "e\u0301", "…", "a\u200bb",
    ]
    samples += [
        "".join(chr(c) for c in range(start, start + 48))
        for start in range(0x20, 0x700, 48)
    ]
    # And many random mixes of the same characters (fixed seed: one node call, repeatable).
    rng = random.Random(2026)
    pool = [chr(c) for c in range(0x20, 0x700)] + list(" \t\u00a0\u2009\u2028\ufeff\u0301\u0308ßſİıςΣ")
    samples += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    script = f"const norm = {norm.group(1)};\nlet d='';process.stdin.on('data',c=>d+=c).on('end',()=>console.log(JSON.stringify(JSON.parse(d).map(norm))));"
    out = subprocess.run([_node(), "-e", script], input=json.dumps(samples), capture_output=True, text=True, timeout=60, check=True)
    assert json.loads(out.stdout) == [normalize_answer(s) for s in samples]
