"""Quizzes on the demo pages, driven in a real browser: mouse, keyboard, live regions,
score, storage (off by default, opt-in, forget), changed questions, dark scheme, print
and no JavaScript."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from sweep import NOTHING_STORED, STORAGE
from training.strings import fill, load_strings

DEMO = {"fi": "toimittajille/esimerkki/", "en": "en/toimittajille/esimerkki/"}
PRIVACY = {"fi": "tietosuoja/", "en": "en/tietosuoja/"}

# The Finnish interface strings, written out so that a changed table is noticed
# (test_the_finnish_strings_are_those_of_the_table checks them against fi.yml).
FI = {
    "check": "Tarkista",
    "try_again": "Yritä uudelleen",
    "show_answer": "Näytä vastaus",
    "correct": "Oikein",
    "incorrect": "Väärin",
    "choose_first": "Valitse ensin vastaus.",
    "write_first": "Kirjoita ensin vastaus.",
    "multiple_hint": "Valitse kaikki oikeat vaihtoehdot ja vain ne.",
    "score": "Pisteet: {score} / {total}",
    "true_label": "Totta",
    "false_label": "Ei totta",
    "your_answer": "Vastauksesi",
    "remember": "Muista edistymiseni tällä laitteella",
    "forget": "Unohda edistymiseni",
    "remembered": "Edistymisesi säilyy nyt tällä laitteella.",
    "forgotten": "Kaikki, mitä tämä sivusto säilytti tällä laitteella, on poistettu.",
}
STRINGS = {"fi": FI, "en": load_strings("en")}

# The demo questions (ids are the same in both languages).
SINGLE = "esimerkki-ehdot-kirjallisena"  # quiz esimerkki-sopimus, alone; right option 1 of 2
MULTIPLE = "esimerkki-palkkalaskelma"  # quiz esimerkki-palkka (3 questions); right: 1, 2, 3 of 4
TRUEFALSE = "esimerkki-vahimmaispalkka"  # the statement is false
TEXT = "esimerkki-verokortti"
TABBED = "esimerkki-saannollinen-tyoaika"  # quiz esimerkki-tyoaika, in a content tab; right: 1 of 3
QUIZ_IDS = ["esimerkki-sopimus", "esimerkki-palkka", "esimerkki-tyoaika"]
QUESTION_IDS = [SINGLE, MULTIPLE, TRUEFALSE, TEXT, TABBED]

# Typed answers: one wrong, and accepted ones in other case, spacing and punctuation.
TYPED = {
    "fi": {"wrong": "henkilökortti",
           "right": ["verokortti", "  VEROKORTTI! ", "Verokortin.", "vero-korttia", "\tVeroKORTTIA?"]},
    "en": {"wrong": "passport",
           "right": ["tax card", "  TAX CARD! ", "A  tax card.", "Tax-card", "taxcard?"]},
}


def s(lang: str, key: str, **values: object) -> str:
    return fill(STRINGS[lang][key], **values)


def verdict(lang: str, ok: bool, score: int | None = None, total: int | None = None) -> str:
    """The exact text of a question's live region after Check."""
    word = s(lang, "correct" if ok else "incorrect")
    return word if score is None else f"{word}. {s(lang, 'score', score=score, total=total)}"


def question(page, qid: str):
    return page.locator(f"#training-q-{qid}")


def choose(page, qid: str, *values: str) -> None:
    """Click the labels of the options (as a reader does)."""
    for value in values:
        page.locator(f"label[for='training-q-{qid}-{value}']").click()


def check(page, qid: str) -> None:
    question(page, qid).locator(".training-check").click()


def try_again(page, qid: str) -> None:
    question(page, qid).locator(".training-retry").click()


def status(page, qid: str):
    return question(page, qid).locator("[role=status]")


def score(page, quiz_id: str):
    return page.locator(f"#training-quiz-{quiz_id} .training-score")


def focus(page) -> dict:
    """Where the keyboard focus is."""
    return page.evaluate("""() => { const a = document.activeElement;
        const fs = a && a.closest('.training-question');
        return {tag: a ? a.tagName.toLowerCase() : null, id: a ? a.id : null,
                cls: a ? a.classList[0] || "" : null, question: fs ? fs.dataset.question : null,
                checked: a ? !!a.checked : null} }""")


def tab_until(page, qid: str, limit: int = 400) -> None:
    """Press Tab from where the focus is until it reaches question ``qid``; the focus
    must never fall back to the body on the way."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        where = focus(page)
        assert where["tag"] != "body", "Tab left the focus on <body>"
        if where["question"] == qid:
            return
    pytest.fail(f"Tab never reached question {qid}")


def stored(page) -> dict:
    return page.evaluate("""() => ({
        local: Object.fromEntries(Object.entries(localStorage)),
        session: Object.fromEntries(Object.entries(sessionStorage))})""")


def test_the_finnish_strings_are_those_of_the_table():
    table = load_strings("fi")
    assert {k: table[k] for k in FI} == FI


@pytest.mark.parametrize("lang", DEMO)
def test_answering_with_the_mouse_right_and_wrong(open_page, lang):
    page = open_page(DEMO[lang])
    start = page.url

    # single, alone in its quiz: no score in the status
    check(page, SINGLE)
    expect(status(page, SINGLE)).to_have_text(s(lang, "choose_first"))
    expect(question(page, SINGLE).locator(".training-retry")).to_be_hidden()
    choose(page, SINGLE, "2")
    check(page, SINGLE)
    expect(status(page, SINGLE)).to_have_text(verdict(lang, False))
    wrong = question(page, SINGLE).locator(".training-option__feedback[data-value='2']")
    expect(wrong).to_be_visible()
    expect(wrong.locator(".training-verdict")).to_have_text(s(lang, "incorrect"))
    expect(question(page, SINGLE).locator(".training-option__feedback[data-value='1']")).to_be_hidden()
    expect(score(page, "esimerkki-sopimus")).to_have_text(s(lang, "score", score=0, total=1))
    try_again(page, SINGLE)
    choose(page, SINGLE, "1")
    check(page, SINGLE)
    expect(status(page, SINGLE)).to_have_text(verdict(lang, True))
    right = question(page, SINGLE).locator(".training-option__feedback[data-value='1']")
    expect(right.locator(".training-verdict")).to_have_text(s(lang, "correct"))
    expect(score(page, "esimerkki-sopimus")).to_have_text(s(lang, "score", score=1, total=1))
    # the explanation is shown after answering, the same text as in "Show answer"
    explanation = question(page, SINGLE).locator("details .training-explanation").text_content()
    expect(question(page, SINGLE).locator(".training-feedback .training-explanation")).to_have_text(explanation)
    expect(question(page, SINGLE).locator(".training-feedback")).to_be_visible()

    # multiple: all the right ones and only those
    for attempt in (["1", "2"], ["1", "2", "3", "4"], ["4"]):
        choose(page, MULTIPLE, *attempt)
        check(page, MULTIPLE)
        expect(status(page, MULTIPLE)).to_have_text(verdict(lang, False, 0, 3))
        hint = question(page, MULTIPLE).locator(".training-feedback > p").first
        expect(hint).to_have_text(s(lang, "multiple_hint"))
        try_again(page, MULTIPLE)
    choose(page, MULTIPLE, "1", "2", "3")
    check(page, MULTIPLE)
    expect(status(page, MULTIPLE)).to_have_text(verdict(lang, True, 1, 3))
    expect(question(page, MULTIPLE).locator(".training-feedback")).not_to_contain_text(s(lang, "multiple_hint"))

    # true / false, the buttons labelled from the strings table
    expect(page.locator(f"label[for='training-q-{TRUEFALSE}-true']")).to_have_text(s(lang, "true_label"))
    expect(page.locator(f"label[for='training-q-{TRUEFALSE}-false']")).to_have_text(s(lang, "false_label"))
    choose(page, TRUEFALSE, "true")
    check(page, TRUEFALSE)
    expect(status(page, TRUEFALSE)).to_have_text(verdict(lang, False, 1, 3))
    try_again(page, TRUEFALSE)
    choose(page, TRUEFALSE, "false")
    check(page, TRUEFALSE)
    expect(status(page, TRUEFALSE)).to_have_text(verdict(lang, True, 2, 3))

    # text: case, spaces and punctuation do not matter; every listed form is accepted
    field = question(page, TEXT).get_by_label(s(lang, "your_answer"))
    check(page, TEXT)
    expect(status(page, TEXT)).to_have_text(s(lang, "write_first"))
    field.fill("   ")
    check(page, TEXT)
    expect(status(page, TEXT)).to_have_text(s(lang, "write_first"))
    field.fill(TYPED[lang]["wrong"])
    check(page, TEXT)
    expect(status(page, TEXT)).to_have_text(verdict(lang, False, 2, 3))
    for typed in TYPED[lang]["right"]:
        try_again(page, TEXT)
        field.fill(typed)
        check(page, TEXT)
        expect(status(page, TEXT), typed).to_have_text(verdict(lang, True, 3, 3))
    expect(score(page, "esimerkki-palkka")).to_have_text(s(lang, "score", score=3, total=3))

    # the quiz inside a content tab works the same
    choose(page, TABBED, "3")
    check(page, TABBED)
    expect(status(page, TABBED)).to_have_text(verdict(lang, False))
    try_again(page, TABBED)
    choose(page, TABBED, "1")
    check(page, TABBED)
    expect(status(page, TABBED)).to_have_text(verdict(lang, True))
    assert page.url == start


def test_answering_with_the_keyboard_alone_keeps_the_focus(open_page):
    lang = "fi"
    page = open_page(DEMO[lang])

    def at(**expected):
        where = focus(page)
        assert where["tag"] != "body"
        assert {k: where[k] for k in expected} == expected, where

    def pressed(key):
        page.keyboard.press(key)
        assert focus(page)["tag"] != "body", f"focus lost to <body> after {key}"

    # single: the radio group is one Tab stop; arrows choose
    tab_until(page, SINGLE)
    at(id=f"training-q-{SINGLE}-1", checked=False)
    pressed("ArrowDown")
    at(id=f"training-q-{SINGLE}-2", checked=True)
    pressed("Tab")
    at(cls="training-check", question=SINGLE)
    pressed("Space")
    expect(status(page, SINGLE)).to_have_text(verdict(lang, False))
    at(cls="training-check", question=SINGLE)
    pressed("Tab")
    at(cls="training-retry", question=SINGLE)
    pressed("Enter")
    expect(status(page, SINGLE)).to_have_text("")
    assert question(page, SINGLE).locator("input:checked").count() == 0
    at(id=f"training-q-{SINGLE}-1", question=SINGLE)  # Try again hid itself: focus went to the options
    pressed("ArrowDown")
    pressed("ArrowUp")
    at(id=f"training-q-{SINGLE}-1", checked=True)
    pressed("Tab")
    pressed("Enter")
    expect(status(page, SINGLE)).to_have_text(verdict(lang, True))
    at(cls="training-check", question=SINGLE)

    # multiple: each checkbox is a Tab stop; Space ticks
    tab_until(page, MULTIPLE)
    at(id=f"training-q-{MULTIPLE}-1")
    pressed("Space")
    for _ in range(4):
        pressed("Tab")
    at(cls="training-check", question=MULTIPLE)
    pressed("Enter")
    expect(status(page, MULTIPLE)).to_have_text(verdict(lang, False, 0, 3))
    pressed("Tab")
    at(cls="training-retry", question=MULTIPLE)
    pressed("Space")
    at(id=f"training-q-{MULTIPLE}-1", checked=False)
    for key in ("Space", "Tab", "Space", "Tab", "Space", "Tab", "Tab"):
        pressed(key)
    at(cls="training-check", question=MULTIPLE)
    pressed("Space")
    expect(status(page, MULTIPLE)).to_have_text(verdict(lang, True, 1, 3))
    at(cls="training-check", question=MULTIPLE)

    # true / false: arrows
    tab_until(page, TRUEFALSE)
    at(id=f"training-q-{TRUEFALSE}-true", checked=False)
    pressed("ArrowDown")
    at(id=f"training-q-{TRUEFALSE}-false", checked=True)
    pressed("Tab")
    pressed("Space")
    expect(status(page, TRUEFALSE)).to_have_text(verdict(lang, True, 2, 3))
    at(cls="training-check", question=TRUEFALSE)

    # text: type, Tab to Check; then Enter in the field checks too
    tab_until(page, TEXT)
    at(id=f"training-q-{TEXT}-input")
    page.keyboard.type(TYPED[lang]["wrong"])
    pressed("Tab")
    pressed("Space")
    expect(status(page, TEXT)).to_have_text(verdict(lang, False, 2, 3))
    pressed("Tab")
    at(cls="training-retry", question=TEXT)
    pressed("Enter")
    at(id=f"training-q-{TEXT}-input")
    assert question(page, TEXT).locator("input").input_value() == ""
    page.keyboard.type("  VEROKORTTI! ")
    pressed("Enter")
    expect(status(page, TEXT)).to_have_text(verdict(lang, True, 3, 3))
    at(id=f"training-q-{TEXT}-input")


def test_the_live_region_exists_empty_before_answering_and_then_holds_the_feedback(open_page, pages):
    demo = next(p for p in pages if p.url_path == DEMO["fi"])
    fieldsets = demo.soup.select(".training-question")
    assert [f["data-question"] for f in fieldsets] == QUESTION_IDS
    for fieldset in fieldsets:  # in the HTML as served
        regions = fieldset.select("[role=status]")
        assert len(regions) == 1, fieldset["id"]
        assert regions[0].get_text() == "" and regions[0].get("aria-live") in (None, "polite")

    page = open_page(DEMO["fi"])
    for qid in QUESTION_IDS:
        expect(status(page, qid)).to_have_count(1)
        expect(status(page, qid)).to_have_text("")
    # mark the nodes: the region must be the same element after Check, not a new one
    page.evaluate("() => document.querySelectorAll('.training-status').forEach(e => e._before = true)")
    choose(page, SINGLE, "1")
    check(page, SINGLE)
    choose(page, TRUEFALSE, "true")
    check(page, TRUEFALSE)
    question(page, TEXT).locator("input").fill("verokortti")
    question(page, TEXT).locator("input").press("Enter")
    expect(status(page, SINGLE)).to_have_text("Oikein")
    expect(status(page, TRUEFALSE)).to_have_text("Väärin. Pisteet: 0 / 3")
    expect(status(page, TEXT)).to_have_text("Oikein. Pisteet: 1 / 3")
    for qid in (SINGLE, TRUEFALSE, TEXT):
        assert status(page, qid).evaluate("e => e._before === true && e.getAttribute('role')") == "status"
    # the text field points at its live region
    assert question(page, TEXT).locator("input").get_attribute("aria-describedby") == f"training-q-{TEXT}-status"


def test_try_again_clears_the_answer_and_the_score_follows(open_page):
    page = open_page(DEMO["fi"])
    quiz_score = score(page, "esimerkki-palkka")
    expect(quiz_score).to_be_hidden()
    choose(page, MULTIPLE, "1", "2", "3")
    check(page, MULTIPLE)
    expect(quiz_score).to_be_visible()
    expect(quiz_score).to_have_text("Pisteet: 1 / 3")
    choose(page, TRUEFALSE, "true")
    check(page, TRUEFALSE)
    expect(quiz_score).to_have_text("Pisteet: 1 / 3")
    question(page, TEXT).locator("input").fill("Verokorttia")
    check(page, TEXT)
    expect(quiz_score).to_have_text("Pisteet: 2 / 3")

    mq = question(page, MULTIPLE)
    expect(mq.locator(".training-option__feedback:visible")).to_have_count(3)
    expect(mq.locator(".training-feedback")).to_be_visible()
    try_again(page, MULTIPLE)
    expect(mq.locator("input:checked")).to_have_count(0)
    expect(status(page, MULTIPLE)).to_have_text("")
    expect(mq.locator(".training-option__feedback:visible")).to_have_count(0)
    expect(mq.locator(".training-feedback")).to_be_hidden()
    expect(mq.locator(".training-retry")).to_be_hidden()
    expect(mq.locator(".training-check")).to_be_visible()
    expect(quiz_score).to_have_text("Pisteet: 1 / 3")

    try_again(page, TEXT)
    expect(question(page, TEXT).locator("input")).to_have_value("")
    expect(status(page, TEXT)).to_have_text("")
    expect(question(page, TEXT).locator(".training-feedback")).to_be_hidden()
    expect(quiz_score).to_have_text("Pisteet: 0 / 3")

    try_again(page, TRUEFALSE)
    choose(page, TRUEFALSE, "false")
    check(page, TRUEFALSE)
    expect(status(page, TRUEFALSE)).to_have_text("Oikein. Pisteet: 1 / 3")
    expect(quiz_score).to_have_text("Pisteet: 1 / 3")


def test_choosing_and_checking_neither_submit_nor_put_the_answer_in_the_url(open_page):
    page = open_page(DEMO["fi"])
    start, history = page.url, page.evaluate("history.length")
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    requests: list[tuple[str, str, bool]] = []
    page.on("request", lambda r: requests.append((r.method, r.url, r.is_navigation_request())))

    choose(page, SINGLE, "2")
    choose(page, SINGLE, "1")
    choose(page, MULTIPLE, "1", "3")
    choose(page, TRUEFALSE, "false")
    field = question(page, TEXT).locator("input")
    field.fill("verokortin")
    field.press("Enter")  # checks, never submits
    for qid in (SINGLE, MULTIPLE, TRUEFALSE):
        check(page, qid)
    try_again(page, MULTIPLE)
    choose(page, TABBED, "2")
    check(page, TABBED)
    expect(status(page, TEXT)).to_have_text("Oikein. Pisteet: 1 / 3")  # checked before the others
    expect(status(page, TRUEFALSE)).to_have_text("Oikein. Pisteet: 2 / 3")

    assert page.url == start
    assert "?" not in page.url and "#" not in page.url
    assert page.evaluate("history.length") == history
    assert navigations == []
    # nothing is sent anywhere either (the search index may load its scripts)
    assert [r for r in requests if r[0] != "GET" or r[2]] == []
    for word in ("verokortin", "true", "false", SINGLE, MULTIPLE):
        assert word not in page.url
        assert not [r for r in requests if word in r[1]]


@pytest.mark.parametrize("lang", DEMO)
def test_options_are_native_enabled_inputs_with_labels(open_page, lang):
    page = open_page(DEMO[lang])
    inputs = page.locator(".training-question input")
    assert inputs.count() == 2 + 4 + 2 + 1 + 3
    for i in range(inputs.count()):
        field = inputs.nth(i)
        info = field.evaluate("""e => ({tag: e.tagName, type: e.type, disabled: e.disabled,
            labels: [...e.labels].map(l => l.textContent.trim()).filter(Boolean).length})""")
        assert info["tag"] == "INPUT" and info["type"] in ("radio", "checkbox", "text"), info
        assert info["disabled"] is False and info["labels"] == 1, info
    assert page.locator(f"#training-q-{SINGLE} input[type=radio]").count() == 2
    assert page.locator(f"#training-q-{MULTIPLE} input[type=checkbox]").count() == 4
    assert page.locator(f"#training-q-{TRUEFALSE} input[type=radio]").count() == 2
    expect(page.get_by_role("radio", name=s(lang, "false_label"), exact=True)).to_have_count(1)
    for button, key in ((".training-check", "check"), (".training-retry", "try_again")):
        texts = page.locator(f".training-question {button}").all_text_contents()
        assert texts == [s(lang, key)] * len(QUESTION_IDS)


def test_option_rows_and_buttons_are_big_enough_to_hit(open_page):
    page = open_page(DEMO["fi"])
    for qid in QUESTION_IDS:  # make Try again appear too
        if qid == TEXT:
            question(page, qid).locator("input").fill("x")
        else:
            question(page, qid).locator("label").first.click()
        check(page, qid)
    rows = page.locator(".training-option")
    assert rows.count() == 11
    for i in range(rows.count()):
        row = rows.nth(i)
        box, label, field = (x.bounding_box() for x in
                             (row, row.locator("label"), row.locator("input")))
        name = row.locator("label").text_content()
        assert box["height"] >= 44, (name, box)
        assert label["height"] >= 44, (name, label)
        assert (field["width"] >= 24 and field["height"] >= 24) or \
               (label["width"] >= 24 and label["height"] >= 24), (name, field, label)
    text_box = question(page, TEXT).locator("input").bounding_box()
    assert text_box["height"] >= 44 and text_box["width"] >= 44, text_box
    buttons = page.locator(".training-question button")
    assert buttons.count() == 2 * len(QUESTION_IDS)
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        assert box and box["height"] >= 44 and box["width"] >= 44, (buttons.nth(i).text_content(), box)
    summaries = page.locator(".training-answer summary")
    expect(summaries).to_have_count(len(QUESTION_IDS))
    for summary in summaries.all():
        assert summary.bounding_box()["height"] >= 24


@pytest.mark.parametrize("lang", DEMO)
def test_without_javascript_each_question_is_a_fieldset_and_show_answer_opens(browser, base_url, lang):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url + DEMO[lang])
        questions = page.locator(".training-question")
        assert questions.count() == len(QUESTION_IDS)
        for i in range(questions.count()):
            fieldset = questions.nth(i)
            assert fieldset.evaluate("e => e.tagName") == "FIELDSET"
            legend = fieldset.locator(":scope > legend")
            expect(legend).to_have_count(1)
            assert legend.text_content().strip()
            fields = fieldset.locator("input")
            assert fields.count() > 0
            for field in fields.all():
                expect(field).to_be_enabled()
            expect(fieldset.locator(".training-actions")).to_be_hidden()  # no dead Check button

            details = fieldset.locator("details.training-answer")
            explanation = details.locator(".training-explanation")
            expect(details).not_to_have_attribute("open", "")
            expect(explanation).to_be_hidden()
            summary = details.locator("summary")
            expect(summary).to_have_text(s(lang, "show_answer"))
            summary.click()
            expect(details).to_have_attribute("open", "")
            expect(explanation).to_be_visible()
            assert explanation.text_content().strip()
            expect(details.locator(".training-answer__key")).to_be_visible()
        # still answerable: a radio and the text field take input
        page.locator(f"label[for='training-q-{SINGLE}-1']").click()
        expect(page.locator(f"#training-q-{SINGLE}-1")).to_be_checked()
        question(page, TEXT).locator("input").fill("verokortti")
        blocks = page.locator(".training-storage")
        expect(blocks).to_have_count(5)  # under each quiz and the checklist, and the block of its own
        for block in blocks.all():  # nothing to store without JavaScript
            expect(block).to_be_empty()
        assert page.url == base_url + DEMO[lang]
    finally:
        context.close()


# Installed before any page script runs: every way a page could keep something on the device
# reports to the test (the storage methods, the cookie setter, IndexedDB). Each report is a
# promise that settles once the test has it.
RECORD_WRITES = """(() => {
  const pending = window.__writesPending = [];
  const record = (...a) => { try { pending.push(window.__recordWrite(...a.map(String))); } catch (e) { /* not exposed */ } };
  const which = s => s === localStorage ? "local" : "session";
  for (const name of ["setItem", "removeItem", "clear"]) {
    const real = Storage.prototype[name];
    Storage.prototype[name] = function (...a) { record(which(this), name, a[0]); return real.apply(this, a); };
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  Object.defineProperty(Document.prototype, "cookie", {configurable: true, get() { return cookie.get.call(this); },
    set(v) { record("cookie", "set", v); cookie.set.call(this, v); }});
  for (const name of ["open", "deleteDatabase"]) {
    const real = IDBFactory.prototype[name];
    IDBFactory.prototype[name] = function (...a) { record("indexedDB", name, a[0]); return real.apply(this, a); };
  }
})()"""
SUMMARY = "yritykset/opintopolku/"


def reported(*windows) -> None:
    """Wait until every write the pages made has reached the test."""
    for window in windows:
        window.evaluate("() => Promise.all(window.__writesPending)")


def use_everything(page) -> None:
    """Answer, check, retry and open an answer in the quizzes; tick, untick and reset the checklist."""
    choose(page, SINGLE, "2")
    check(page, SINGLE)
    try_again(page, SINGLE)
    choose(page, SINGLE, "1")
    check(page, SINGLE)
    choose(page, MULTIPLE, "1", "2")
    check(page, MULTIPLE)
    choose(page, TRUEFALSE, "false")
    check(page, TRUEFALSE)
    question(page, TEXT).locator("input").fill("verokortti")
    question(page, TEXT).locator("input").press("Enter")
    question(page, TABBED).locator("summary").click()
    expect(question(page, TABBED).locator(".training-explanation")).to_be_visible()
    labels = page.locator(".training-item__label")
    expect(labels).to_have_count(6)
    for i in (0, 2, 3, 2):
        labels.nth(i).click()
    expect(page.locator(".training-progress")).to_have_text("2 / 6 tehty")
    page.locator(".training-checklist .training-reset").click()
    labels.nth(5).click()
    expect(page.locator(".training-progress")).to_have_text("1 / 6 tehty")


def test_nothing_is_written_on_the_device_until_the_reader_opts_in_and_then_only_the_sites_keys(context, open_page):
    writes: list[tuple[str, ...]] = []
    context.expose_binding("__recordWrite", lambda source, *call: writes.append(call))
    context.add_init_script(RECORD_WRITES)

    page = open_page(DEMO["fi"])
    page.evaluate("sessionStorage.setItem('probe', '1')")  # the recorder works
    reported(page)
    assert writes == [("session", "setItem", "probe")]
    page.evaluate("sessionStorage.removeItem('probe')")
    writes.clear()

    use_everything(page)
    page.reload()
    expect(page.locator(".training-progress")).to_have_text("0 / 6 tehty")
    expect(page.locator(f"#training-q-{SINGLE}-1")).not_to_be_checked()
    expect(status(page, SINGLE)).to_have_text("")
    expect(page.get_by_label(FI["remember"]).first).not_to_be_checked()
    summary = open_page(SUMMARY)
    summary.evaluate("() => { window.print = () => {}; }")
    summary.get_by_role("button", name=load_strings("fi")["summary_print"], exact=True).click()
    reported(page, summary)
    assert writes == []
    for window in (page, summary):
        assert window.evaluate(STORAGE) == NOTHING_STORED
    assert context.cookies() == []

    page.bring_to_front()  # a page in the background gets few animation frames: every step would wait
    page.get_by_label(FI["remember"], exact=True).first.check()
    use_everything(page)
    page.reload()
    expect(page.locator(".training-progress")).to_have_text("1 / 6 tehty")  # kept, so it was written
    summary.bring_to_front()
    summary.reload()
    expect(summary.locator(".training-summary__off")).to_be_hidden()
    summary.get_by_role("button", name=FI["forget"], exact=True).click()
    reported(page, summary)
    assert ("local", "setItem", "tr-keep") in writes and ("local", "removeItem", "tr-keep") in writes
    assert len({key for kind, method, key in writes if method == "setItem"}) >= 5  # the switch, answers, ticks
    assert {(kind, key[:3]) for kind, method, key in writes} == {("local", "tr-")}, writes
    assert summary.evaluate(STORAGE) == NOTHING_STORED
    assert context.cookies() == []


def neutral_keys(page, keys: list[str]) -> None:
    """Keys give nothing away: no id of a quiz, question, checklist or item, no word."""
    ids = page.evaluate("""() => [...document.querySelectorAll(
        '[data-training-quiz],[data-question],[data-training-checklist],[data-item]')]
        .map(e => e.dataset.trainingQuiz || e.dataset.question || e.dataset.trainingChecklist || e.dataset.item)""")
    words = {w for i in ids for w in i.split("-") if len(w) >= 4} | set(ids)
    words |= {"quiz", "question", "checklist", "item", "answer", "palkka", "vero", "sopimus", "tyo", "työ",
              "salary", "tax", "pay"}
    for key in keys:
        assert re.fullmatch(r"tr-[0-9a-z]+", key), key
        for word in words:
            assert word not in key, (key, word)


@pytest.mark.parametrize("lang", DEMO)
def test_remembered_answers_survive_a_reload_under_neutral_keys_until_forgotten(context, open_page, lang):
    page = open_page(DEMO[lang])
    choose(page, SINGLE, "1")
    check(page, SINGLE)
    choose(page, MULTIPLE, "1", "2")  # chosen, not checked
    question(page, TEXT).locator("input").fill(TYPED[lang]["right"][1])
    check(page, TEXT)
    assert stored(page)["local"] == {}

    switches = page.get_by_label(s(lang, "remember"), exact=True)
    expect(switches).to_have_count(5)  # under each quiz and the checklist, and the block
    switches.first.check()
    first = page.locator(".training-storage").first
    expect(first.locator("[role=status]")).to_have_text(s(lang, "remembered"))
    for i in range(5):
        expect(switches.nth(i)).to_be_checked()
    local = stored(page)["local"]
    assert local.pop("tr-keep") == "1"
    assert len(local) == 3, local  # the three answered questions, nothing else
    neutral_keys(page, list(local) + ["tr-keep"])
    assert stored(page)["session"] == {}
    assert context.cookies() == []

    page.reload()
    expect(page.locator(f"#training-q-{SINGLE}-1")).to_be_checked()
    expect(status(page, SINGLE)).to_have_text(verdict(lang, True))
    expect(page.locator(f"#training-q-{MULTIPLE}-1")).to_be_checked()
    expect(page.locator(f"#training-q-{MULTIPLE}-2")).to_be_checked()
    expect(page.locator(f"#training-q-{MULTIPLE}-3")).not_to_be_checked()
    expect(status(page, MULTIPLE)).to_have_text("")  # chosen but never checked
    expect(question(page, TEXT).locator("input")).to_have_value(TYPED[lang]["right"][1].strip())
    expect(status(page, TEXT)).to_have_text(verdict(lang, True, 1, 3))
    expect(page.get_by_label(s(lang, "remember"), exact=True).first).to_be_checked()

    button = page.get_by_role("button", name=s(lang, "forget"), exact=True)
    expect(button).to_have_count(5)
    # choosing a content tab stores nothing (the site does not link tabs)
    page.locator(".tabbed-labels > label").nth(1).click()
    assert len(stored(page)["local"]) == 4
    button.last.click()  # the block of its own at the end of the page
    expect(page.locator(".training-storage").last.locator("[role=status]")).to_have_text(s(lang, "forgotten"))
    assert stored(page) == {"local": {}, "session": {}}
    for i in range(5):
        expect(switches.nth(i)).not_to_be_checked()
    choose(page, TRUEFALSE, "false")  # forgotten: storing is off again
    check(page, TRUEFALSE)
    assert stored(page)["local"] == {}

    page.reload()
    expect(page.locator(f"#training-q-{SINGLE}-1")).not_to_be_checked()
    expect(question(page, TEXT).locator("input")).to_have_value("")
    expect(status(page, SINGLE)).to_have_text("")


@pytest.mark.parametrize("lang", DEMO)
def test_forget_on_the_privacy_page_empties_the_storage(context, open_page, lang):
    page = open_page(DEMO[lang])
    page.get_by_label(s(lang, "remember"), exact=True).first.check()
    choose(page, SINGLE, "1")
    check(page, SINGLE)
    page.locator(".training-item__label").first.click()
    assert len(stored(page)["local"]) == 3

    page.goto(page.url.replace(DEMO[lang], PRIVACY[lang]))
    switch = page.get_by_label(s(lang, "remember"), exact=True)
    expect(switch).to_have_count(1)
    expect(switch).to_be_checked()
    page.get_by_role("button", name=s(lang, "forget"), exact=True).click()
    expect(page.locator(".training-storage [role=status]")).to_have_text(s(lang, "forgotten"))
    expect(switch).not_to_be_checked()
    assert stored(page) == {"local": {}, "session": {}}
    assert context.cookies() == []

    page.goto(page.url.replace(PRIVACY[lang], DEMO[lang]))
    expect(page.locator(f"#training-q-{SINGLE}-1")).not_to_be_checked()
    expect(page.locator(".training-item__input").first).not_to_be_checked()
    assert stored(page)["local"] == {}


def test_each_language_keeps_its_own_progress(open_page):
    """The ids are the same in both languages but the questions' hashes are not: opening
    the other language's page must not drop the saved answers as changed."""
    fi = open_page(DEMO["fi"])
    fi.get_by_label(FI["remember"], exact=True).first.check()
    choose(fi, SINGLE, "1")
    check(fi, SINGLE)
    en = open_page(DEMO["en"])
    expect(en.get_by_label(s("en", "remember"), exact=True).first).to_be_checked()
    choose(en, SINGLE, "2")
    check(en, SINGLE)
    expect(status(en, SINGLE)).to_have_text("Incorrect")
    fi.reload()
    expect(fi.locator(f"#training-q-{SINGLE}-1")).to_be_checked()
    expect(status(fi, SINGLE)).to_have_text("Oikein")
    en.reload()
    expect(en.locator(f"#training-q-{SINGLE}-2")).to_be_checked()
    expect(status(en, SINGLE)).to_have_text("Incorrect")
    assert len(stored(en)["local"]) == 3  # the switch and one answer per language


def test_turning_the_switch_off_forgets_too(open_page):
    page = open_page(DEMO["fi"])
    switch = page.get_by_label(FI["remember"], exact=True).last
    switch.check()
    choose(page, SINGLE, "2")
    assert len(stored(page)["local"]) == 2
    switch.uncheck()
    assert stored(page)["local"] == {}
    expect(page.locator(".training-storage").last.locator("[role=status]")).to_have_text(FI["forgotten"])


def test_a_changed_question_loses_its_saved_answer(open_page):
    page = open_page(DEMO["fi"])
    page.get_by_label(FI["remember"], exact=True).first.check()
    choose(page, SINGLE, "1")
    check(page, SINGLE)
    choose(page, TRUEFALSE, "false")
    check(page, TRUEFALSE)
    local = stored(page)["local"]
    hashes = {qid: page.evaluate(f"""() => {{ for (const s of document.querySelectorAll('.training-data')) {{
        const q = JSON.parse(s.textContent).questions['{qid}']; if (q) return q.hash }} }}""")
              for qid in (SINGLE, TRUEFALSE)}
    keys = {qid: next(k for k, v in local.items() if k != "tr-keep" and json.loads(v)["h"] == h)
            for qid, h in hashes.items()}
    page.reload()
    expect(page.locator(f"#training-q-{SINGLE}-1")).to_be_checked()  # saved and restored
    expect(page.locator(f"#training-q-{TRUEFALSE}-false")).to_be_checked()

    # the single question "changes": its saved answer carries the old content's hash
    old = json.loads(local[keys[SINGLE]])
    page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                  [keys[SINGLE], json.dumps({**old, "h": "000000000000"})])
    page.reload()
    expect(page.locator(f"#training-q-{SINGLE}-1")).not_to_be_checked()
    expect(page.locator(f"#training-q-{SINGLE} input:checked")).to_have_count(0)
    expect(status(page, SINGLE)).to_have_text("")
    expect(score(page, "esimerkki-sopimus")).to_be_hidden()
    after = stored(page)["local"]
    assert keys[SINGLE] not in after  # the stale answer is deleted, not kept
    expect(page.locator(f"#training-q-{TRUEFALSE}-false")).to_be_checked()  # the unchanged one stays
    expect(status(page, TRUEFALSE)).to_have_text("Oikein. Pisteet: 1 / 3")
    assert keys[TRUEFALSE] in after


def test_a_question_edited_on_the_server_loses_its_saved_answer(context, open_page, base_url):
    page = open_page(DEMO["fi"])
    page.get_by_label(FI["remember"], exact=True).first.check()
    question(page, TEXT).locator("input").fill("verokortti")
    check(page, TEXT)
    page.close()

    def edited(route):  # the same page after an editor changed the accepted answers
        body = route.fetch().text()
        assert "verokortti, verokortin, verokorttia" in body
        body = body.replace('"answers":["verokortti","verokortin","verokorttia"]',
                            '"answers":["verokortti","verokortin","verokorttia","verokortiksi"]')
        body = re.sub(r'("esimerkki-verokortti":\{"type":"text","hash":")[0-9a-f]+"', r'\g<1>abcdefabcdef"', body)
        assert "abcdefabcdef" in body
        route.fulfill(body=body, content_type="text/html")

    context.route(base_url + DEMO["fi"], edited)
    page = open_page(DEMO["fi"])
    expect(question(page, TEXT).locator("input")).to_have_value("")
    expect(status(page, TEXT)).to_have_text("")
    assert list(stored(page)["local"]) == ["tr-keep"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_feedback_is_readable_in_both_colour_schemes(browser, base_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url + DEMO["fi"])
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
            ("slate" if scheme == "dark" else "default")
        choose(page, SINGLE, "2")
        check(page, SINGLE)
        choose(page, MULTIPLE, "4")
        check(page, MULTIPLE)  # inside an admonition
        targets = [status(page, SINGLE), status(page, MULTIPLE),
                   question(page, SINGLE).locator(".training-option__feedback[data-value='2'] .training-verdict"),
                   question(page, MULTIPLE).locator(".training-feedback p").first,
                   page.locator(f"label[for='training-q-{SINGLE}-1']"),
                   question(page, SINGLE).locator(".training-check")]
        for target in targets:
            expect(target).to_be_visible()
            fg, bg = target.evaluate(COLOURS)
            assert contrast(fg, bg) >= 4.5, (scheme, target.text_content(), fg, bg)
    finally:
        context.close()


# The text colour and the background actually behind an element (semi-transparent
# backgrounds composed over their ancestors), as [r, g, b] in 0..255.
COLOURS = """e => {
  const parse = c => { const n = c.match(/[\\d.]+/g).map(Number);
    const srgb = c.startsWith('color(');
    const rgb = n.slice(0, 3).map(x => srgb ? x * 255 : x);
    return [...rgb, n.length > 3 ? n[3] : 1]; };
  const layers = [];
  for (let el = e; el; el = el.parentElement) layers.push(parse(getComputedStyle(el).backgroundColor));
  let bg = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) bg = [r * a + bg[0] * (1 - a), g * a + bg[1] * (1 - a), b * a + bg[2] * (1 - a)];
  const [r, g, b, a] = parse(getComputedStyle(e).color);
  return [[r * a + bg[0] * (1 - a), g * a + bg[1] * (1 - a), b * a + bg[2] * (1 - a)], bg];
}"""


def contrast(fg: list[float], bg: list[float]) -> float:
    def luminance(rgb):
        c = [x / 255 for x in rgb]
        c = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_printed_quizzes_hide_the_answers_and_keep_the_boxes(open_page):
    page = open_page(DEMO["fi"])
    choose(page, SINGLE, "1")
    check(page, SINGLE)
    choose(page, MULTIPLE, "4")
    check(page, MULTIPLE)
    question(page, TRUEFALSE).locator("summary").click()
    expect(question(page, TRUEFALSE).locator(".training-explanation")).to_be_visible()
    expect(question(page, SINGLE).locator(".training-feedback")).to_be_visible()

    hidden_in_print = (".training-answer", ".training-explanation", ".training-feedback", ".training-status",
                       ".training-option__feedback", ".training-actions", ".training-score", ".training-storage")
    for selector in hidden_in_print:
        assert page.locator(f"{selector}:visible").count() > 0, selector  # there is something to hide

    page.emulate_media(media="print")
    for selector in hidden_in_print:
        visible = [e for e in page.locator(selector).all() if e.is_visible()]
        assert visible == [], selector
    for selector in (".training-option__input", ".training-option__label", ".training-question legend",
                     ".training-text__input", ".training-item__input", ".training-item__label"):
        boxes = page.locator(selector)
        assert boxes.count() > 0
        for i in range(boxes.count()):
            expect(boxes.nth(i)).to_be_visible()
            box = boxes.nth(i).bounding_box()
            assert box["width"] > 5 and box["height"] > 5, (selector, i, box)
    page.emulate_media(media="screen")
    expect(question(page, SINGLE).locator(".training-feedback")).to_be_visible()


# Where each side-dependent part of a quiz sits: the bar beside feedback, the gaps beside the
# typed answer and the buttons, and the option's box against its label.
SIDES = """([fieldset, text]) => {
  const css = e => getComputedStyle(e), q = s => document.querySelector(s);
  const feedback = q(fieldset + ' .training-option__feedback:not([hidden])'), state = q(fieldset + ' .training-status');
  const field = q(text + ' input'), button = q(fieldset + ' .training-check'), option = q(fieldset + ' .training-option');
  const side = (e, prop) => [parseFloat(css(e)[prop + 'Left']) > 0, parseFloat(css(e)[prop + 'Right']) > 0];
  return {feedback: side(feedback, 'border') + '', status: side(state, 'border') + '', field: side(field, 'margin') + '',
          button: side(button, 'margin') + '',
          box_left_of_label: option.querySelector('input').getBoundingClientRect().x
                             < option.querySelector('label').getBoundingClientRect().x};
}"""


def test_the_quiz_layout_mirrors_right_to_left(open_page):
    """Logical properties: in a right-to-left page every side-dependent part changes sides."""
    page = open_page(DEMO["fi"])
    choose(page, SINGLE, "2")
    check(page, SINGLE)
    expect(question(page, SINGLE).locator(".training-option__feedback:visible")).to_have_count(1)
    where = [f"#training-q-{SINGLE}", f"#training-q-{TEXT}"]
    start, end = "true,false", "false,true"
    assert page.evaluate(SIDES, where) == {"feedback": start, "status": start, "field": start, "button": end,
                                           "box_left_of_label": True}
    page.evaluate("() => { document.documentElement.dir = 'rtl'; document.body.dir = 'rtl'; }")
    assert page.evaluate(SIDES, where) == {"feedback": end, "status": end, "field": end, "button": start,
                                           "box_left_of_label": False}


def test_a_changed_answer_loses_its_old_verdict_and_a_repeated_verdict_is_said_again(open_page):
    page = open_page(DEMO["fi"])
    choose(page, SINGLE, "2")
    check(page, SINGLE)
    expect(status(page, SINGLE)).to_have_text(FI["incorrect"])
    feedback = question(page, SINGLE).locator(".training-option__feedback:not([hidden])")
    expect(feedback).to_have_count(1)
    choose(page, SINGLE, "1")  # not checked yet: the "wrong" verdict no longer applies
    expect(status(page, SINGLE)).to_have_text("")
    expect(feedback).to_have_count(0)
    # Checking the same answer twice: the status region is emptied and filled again, which
    # makes screen readers announce it a second time.
    status(page, SINGLE).evaluate("""el => { window.said = [];
        new MutationObserver(() => window.said.push(el.textContent)).observe(el, {childList: true, characterData: true, subtree: true}); }""")
    check(page, SINGLE)
    expect(status(page, SINGLE)).to_have_text(FI["correct"])
    check(page, SINGLE)
    page.wait_for_function("() => window.said.filter(t => t).length === 2")
    assert page.evaluate("window.said") == [FI["correct"], "", FI["correct"]]
    # Focus leaving a checked typed answer that did not change keeps its verdict.
    field = question(page, TEXT).locator("input")
    field.fill("verokortti")
    field.press("Enter")
    expect(status(page, TEXT)).to_contain_text(FI["correct"])
    field.press("Tab")
    expect(status(page, TEXT)).to_contain_text(FI["correct"])
