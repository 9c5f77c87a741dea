"""The completion summary on the self-study path, driven in a real browser: it needs the
opt-in, it shows what the module quizzes kept on this device, it stores and sends
nothing itself, Forget empties it, and it prints cleanly."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from training.strings import fill, load_strings

PATH = {"fi": "yritykset/opintopolku/", "en": "en/yritykset/opintopolku/"}
MODULE = "yritykset/ihmiskauppa-suomessa/"  # 5 questions
OTHER = "yritykset/tunnista-merkit/"  # 5 questions
TRACK = ["ihmiskauppa-suomessa", "tunnista-merkit", "velvollisuudet", "huolellisuus", "toimintamalli",
         "tyollistaminen"]


def s(lang: str, key: str, **values: object) -> str:
    return fill(load_strings(lang)[key], **values)


def url(lang: str, path: str) -> str:
    return path if lang == "fi" else "en/" + path


@pytest.fixture
def open_page(open_page, context):
    """The shared ``open_page``, which also fails on any request that leaves 127.0.0.1 and on
    any request that is not a GET (nothing is sent anywhere)."""
    requests: list[tuple[str, str]] = []
    context.on("request", lambda request: requests.append((request.method, request.url)))
    yield open_page
    assert {m for m, _ in requests} <= {"GET"}, requests
    assert {urlsplit(u).hostname for _, u in requests if not u.startswith("data:")} == {"127.0.0.1"}


def stored(page) -> dict:
    return page.evaluate("""() => ({
        local: Object.fromEntries(Object.entries(localStorage)),
        session: Object.fromEntries(Object.entries(sessionStorage))})""")


def summary(page):
    return page.locator(".training-summary")


def row(page, module: str):
    return summary(page).locator(f"tr[data-module='{module}'] td")


def expect_row(page, module: str, status: str, score: str) -> None:
    cells = row(page, module)
    expect(cells.nth(2)).to_have_text(status)
    expect(cells.nth(3)).to_have_text(score)


def expect_empty(page, lang: str) -> None:
    """Nothing kept: the note asks for the opt-in and no module has a status or score."""
    note = summary(page).locator(".training-summary__off")
    expect(note).to_be_visible()
    expect(note).to_have_text(s(lang, "summary_off", remember=s(lang, "remember")))
    for module in TRACK:
        expect_row(page, module, "", "")


def answer_quiz(page, wrong: set[str] = frozenset(), only: int | None = None) -> int:
    """Answer the page's quiz with its own data: right, except the questions in ``wrong``;
    Check each one. Returns how many were answered."""
    data = json.loads(page.locator(".training-quiz .training-data").first.text_content())["questions"]
    ids = list(data)[:only]
    for qid in ids:
        d, fieldset = data[qid], page.locator(f"#training-q-{qid}")
        if d["type"] == "text":
            fieldset.locator("input").fill("ei mikään näistä" if qid in wrong else d["answers"][0])
        else:
            values = [i.get_attribute("value") for i in fieldset.locator("input").all()]
            chosen = [v for v in values if v not in d["correct"]][:1] if qid in wrong else d["correct"]
            for value in chosen:
                page.locator(f"label[for='training-q-{qid}-{value}']").click()
        fieldset.locator(".training-check").click()
        expect(fieldset.locator(".training-status")).not_to_be_empty()
    return len(ids)


@pytest.mark.parametrize("lang", PATH)
def test_without_the_opt_in_the_summary_asks_for_it_and_nothing_is_stored(context, open_page, lang):
    page = open_page(url(lang, MODULE))
    answer_quiz(page)  # answered, but memory only
    assert stored(page) == {"local": {}, "session": {}}

    page = open_page(PATH[lang])
    expect(summary(page).locator("tbody tr")).to_have_count(len(TRACK))
    expect_empty(page, lang)
    print_button = summary(page).get_by_role("button", name=s(lang, "summary_print"), exact=True)
    expect(print_button).to_be_visible()
    expect(summary(page).get_by_label(s(lang, "remember"), exact=True)).not_to_be_checked()
    assert stored(page) == {"local": {}, "session": {}}
    assert context.cookies() == []


@pytest.mark.parametrize("lang", PATH)
def test_after_opting_in_the_summary_shows_each_module_with_its_score(context, open_page, lang):
    page = open_page(url(lang, MODULE))
    page.get_by_label(s(lang, "remember"), exact=True).first.check()
    answer_quiz(page, wrong={"ihmiskauppa-suomessa-suostumus"})
    page = open_page(url(lang, OTHER))
    assert answer_quiz(page, only=1) == 1  # one question of five: not done yet
    before = stored(page)

    page = open_page(PATH[lang])
    expect(summary(page).locator(".training-summary__off")).to_be_hidden()
    expect_row(page, "ihmiskauppa-suomessa", s(lang, "summary_done"),
               s(lang, "summary_score_value", score=4, total=5))
    expect_row(page, "tunnista-merkit", s(lang, "summary_not_done"),
               s(lang, "summary_score_value", score=1, total=5))
    expect_row(page, "tyollistaminen", s(lang, "summary_not_done"),
               s(lang, "summary_score_value", score=0, total=4))
    link = row(page, "ihmiskauppa-suomessa").nth(0).locator("a")
    assert link.get_attribute("href") == "../ihmiskauppa-suomessa/"
    expect(row(page, "ihmiskauppa-suomessa").nth(1)).to_have_text("5")
    expect(summary(page).get_by_label(s(lang, "remember"), exact=True)).to_be_checked()
    assert stored(page) == before  # the summary reads; it writes no key of its own

    # The other language keeps its own progress.
    other = open_page(PATH["en" if lang == "fi" else "fi"])
    expect_row(other, "ihmiskauppa-suomessa", s("en" if lang == "fi" else "fi", "summary_not_done"),
               s("en" if lang == "fi" else "fi", "summary_score_value", score=0, total=5))


@pytest.mark.parametrize("lang", PATH)
def test_forget_my_progress_empties_the_summary(context, open_page, lang):
    page = open_page(url(lang, MODULE))
    page.get_by_label(s(lang, "remember"), exact=True).first.check()
    answer_quiz(page)
    page = open_page(PATH[lang])
    expect_row(page, "ihmiskauppa-suomessa", s(lang, "summary_done"),
               s(lang, "summary_score_value", score=5, total=5))

    summary(page).get_by_role("button", name=s(lang, "forget"), exact=True).click()
    expect(summary(page).locator(".training-storage [role=status]")).to_have_text(s(lang, "forgotten"))
    expect_empty(page, lang)
    assert stored(page) == {"local": {}, "session": {}}
    page.reload()
    expect_empty(page, lang)

    # Opting in here again shows every module as not done: nothing was kept.
    summary(page).get_by_label(s(lang, "remember"), exact=True).check()
    expect(summary(page).locator(".training-summary__off")).to_be_hidden()
    expect_row(page, "ihmiskauppa-suomessa", s(lang, "summary_not_done"),
               s(lang, "summary_score_value", score=0, total=5))
    assert stored(page) == {"local": {"tr-keep": "1"}, "session": {}}


def test_print_summary_calls_the_browsers_print_and_prints_cleanly(open_page):
    page = open_page(MODULE)
    page.get_by_label(s("fi", "remember"), exact=True).first.check()
    answer_quiz(page)
    page = open_page(PATH["fi"])
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed++; }; }")
    summary(page).get_by_role("button", name=s("fi", "summary_print"), exact=True).click()
    assert page.evaluate("window.printed") == 1

    screen_only = [summary(page).locator("button"), summary(page).locator(".training-storage"),
                   page.locator(".md-header"), page.locator(".md-sidebar--primary"), page.locator(".md-footer")]
    for locator in screen_only:
        assert locator.count() > 0, locator
        for element in locator.all():
            expect(element).to_be_visible()

    page.emulate_media(media="print")
    expect(summary(page).locator("table")).to_be_visible()
    expect_row(page, "ihmiskauppa-suomessa", s("fi", "summary_done"),
               s("fi", "summary_score_value", score=5, total=5))
    for locator in screen_only:
        for element in locator.all():
            expect(element).to_be_hidden()

    # The note that asks for the opt-in shows on screen once the reader forgets, never on paper.
    page.emulate_media(media="screen")
    note = summary(page).locator(".training-summary__off")
    expect(note).to_be_hidden()
    summary(page).get_by_label(s("fi", "remember"), exact=True).uncheck()
    expect(note).to_be_visible()
    page.emulate_media(media="print")
    expect(note).to_be_hidden()


def test_without_javascript_the_summary_is_a_plain_list_of_the_modules(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + PATH["fi"])
        rows = summary(page).locator("tbody tr")
        expect(rows).to_have_count(len(TRACK))
        expect(rows.first.locator("a")).to_have_attribute("href", "../ihmiskauppa-suomessa/")
        expect(summary(page).locator("button")).to_be_hidden()
        expect(summary(page).locator(".training-summary__off")).to_be_hidden()
        expect(summary(page).locator(".training-storage")).to_be_empty()
    finally:
        context.close()
