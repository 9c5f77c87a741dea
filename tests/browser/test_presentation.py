"""Presentation mode in Chromium: a module's slides driven by keyboard, click and swipe,
a quiz answered on its slide, the notes window that follows the slides (also from
file://, as in the offline pack), and nothing stored."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from site_helpers import ROOT, write_report
from sweep import AXE_OPTIONS, NOTHING_STORED, STORAGE
from training.strings import fill, load_strings

# (source file, address of its presentation, language)
MODULES = {
    "fi": ("docs/fi/oikeudet/palkka.md", "oikeudet/palkka-esitys/"),
    "en": ("docs/en/yritykset/tunnista-merkit.md", "en/yritykset/tunnista-merkit-esitys/"),
}
FI_SOURCE, FI_PATH = MODULES["fi"]
FI = load_strings("fi")

SLIDES_SHOWN = """() => [...document.querySelectorAll('.slide')].map(
    s => getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().height > 0)"""
FOCUSED_SLIDE = "() => { const s = document.activeElement.closest('.slide'); return s ? +s.dataset.slide : null }"
SCROLL_SETTLED = """async () => {
  for (let last = -1, same = 0; same < 10; ) {
    await new Promise(r => requestAnimationFrame(r));
    same = scrollY === last ? same + 1 : 0;
    last = scrollY;
  }
}"""


def source_of(rel: str) -> str:
    return (ROOT / rel).read_text(encoding="utf-8")


def without_fences(markdown: str) -> str:
    return re.sub(r"(?ms)^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$", "", markdown)


def section_count(rel: str) -> int:
    """The module's ``##`` sections, counted in its source."""
    return len(re.findall(r"(?m)^## ", without_fences(source_of(rel))))


def first_notes(rel: str) -> list[str]:
    """The opening words of each trainer block's notes, in order."""
    blocks = re.findall(r"```trainer\n(.*?)```", source_of(rel), re.S)
    return [" ".join(yaml.safe_load(block)["notes"].split())[:40] for block in blocks]


def slide_texts(rel: str) -> list[list[str]]:
    """The ``slide:`` points of each trainer block, in order ([] where it has none)."""
    blocks = re.findall(r"```trainer\n(.*?)```", source_of(rel), re.S)
    return [yaml.safe_load(block).get("slide") or [] for block in blocks]


def notes_count(rel: str) -> int:
    """The ``.slide-notes`` a presentation holds: the title slide's, one per trainer block, and
    one for the full text of each section that has slide text."""
    return len(first_notes(rel)) + 1 + sum(1 for points in slide_texts(rel) if points)


def to_last_question(page, holding: str = ".training-question") -> int:
    """Turn to the last slide with a quiz question (the closing slides come after it)."""
    page.keyboard.press("End")
    while not page.locator(f".slide:not([hidden]) {holding}").count():
        before = shown(page)
        page.keyboard.press("ArrowLeft")
        assert shown(page) != before, "no slide holds a quiz question"
    return shown(page)[0]


def shown(page) -> list[int]:
    """The numbers (from 1) of the slides one can see."""
    return [i + 1 for i, visible in enumerate(page.evaluate(SLIDES_SHOWN)) if visible]


@pytest.fixture
def open_presentation(open_page):
    """Open a presentation (the Finnish one unless told); fail on any script error in it."""
    return lambda path=FI_PATH, ctx=None: open_page(path, ctx)


@pytest.mark.parametrize("language", MODULES)
def test_the_keyboard_alone_walks_through_every_slide(open_presentation, language):
    source, path = MODULES[language]
    t = load_strings(language)
    page = open_presentation(path)
    total = page.locator(".slide").count()  # a title slide, a slide or more per section, a closing slide
    assert total >= section_count(source) + 2 >= 6
    assert page.evaluate("document.documentElement.lang") == language
    assert shown(page) == [1]
    assert page.url.endswith("#1")
    counter = page.locator(".presentation__counter")
    assert counter.get_attribute("role") == "status"
    assert counter.text_content() == fill(t["present_counter"], n=1, total=total)
    keys = ["ArrowRight", "PageDown", "Space"]
    for number in range(2, total + 1):
        page.keyboard.press(keys[number % len(keys)])
        assert shown(page) == [number]
        assert page.evaluate(FOCUSED_SLIDE) == number  # focus moves with the slide, so reading goes on from it
        assert page.url.endswith(f"#{number}")
        assert counter.text_content() == fill(t["present_counter"], n=number, total=total)
    page.keyboard.press("ArrowRight")  # the last slide stays
    assert shown(page) == [total]
    assert page.locator("[data-step='1']").get_attribute("aria-disabled") == "true"
    page.keyboard.press("ArrowLeft")
    assert shown(page) == [total - 1]
    page.keyboard.press("PageUp")
    assert shown(page) == [total - 2]
    page.keyboard.press("Shift+Space")
    assert shown(page) == [total - 3]
    page.keyboard.press("Home")
    assert shown(page) == [1] and page.evaluate(FOCUSED_SLIDE) == 1
    assert page.locator("[data-step='-1']").get_attribute("aria-disabled") == "true"
    page.keyboard.press("End")
    assert shown(page) == [total] and page.evaluate(FOCUSED_SLIDE) == total
    page.keyboard.press("ArrowLeft")
    page.reload()  # the address keeps the slide: a reload (or a link) returns to it
    assert shown(page) == [total - 1]
    assert page.evaluate(STORAGE) == NOTHING_STORED


def test_a_link_to_a_slide_opens_it_and_the_first_tab_still_reaches_the_quick_exit(open_presentation):
    page = open_presentation(FI_PATH + "#3")
    assert shown(page) == [3]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-exit')")
    page.keyboard.press("Tab")  # skip to content: the slide being shown
    page.keyboard.press("Enter")
    assert page.evaluate(FOCUSED_SLIDE) == 3 and shown(page) == [3]


def test_a_quiz_is_answered_on_its_slide_by_keyboard(open_presentation):
    page = open_presentation()
    page.keyboard.press("Home")
    while not page.locator(".slide:not([hidden]) .training-quiz").count():
        before = shown(page)
        page.keyboard.press("ArrowRight")
        assert shown(page) != before, "no slide holds a quiz"
    quiz_slide = shown(page)[0]
    question = page.locator(".slide:not([hidden]) .training-question").first
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.training-option__input')"):
            break
    first, second = question.locator(".training-option__input").all()[:2]
    assert page.evaluate("document.activeElement.id") == first.get_attribute("id")
    page.keyboard.press("ArrowRight")  # in a radio group the arrows choose, they do not turn the slide
    assert shown(page) == [quiz_slide]
    assert second.is_checked() and not first.is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('training-check')")
    page.keyboard.press("Space")  # Space presses the button, it does not turn the slide
    assert shown(page) == [quiz_slide]
    status = question.locator(".training-status")
    assert status.get_attribute("role") == "status"
    # One question a slide; the first of the Finnish module is a false statement: "Ei totta" is right.
    assert page.locator(".slide:not([hidden]) .training-question").count() == 1
    expect(status).to_have_text(FI["correct"])
    page.keyboard.press("ArrowLeft")
    assert shown(page) == [quiz_slide - 1]
    assert page.evaluate(FOCUSED_SLIDE) == quiz_slide - 1  # focus was on the hidden slide: it follows
    assert page.evaluate(STORAGE) == NOTHING_STORED


def test_buttons_are_large_real_buttons_and_keep_focus(open_presentation):
    page = open_presentation()
    previous = page.get_by_role("button", name=FI["present_previous"])
    following = page.get_by_role("button", name=FI["present_next"])
    notes = page.get_by_role("button", name=FI["present_notes"])
    for button in (previous, following, notes):
        assert button.evaluate("b => b.tagName") == "BUTTON"
        box = button.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box
    following.click()
    following.click()
    assert shown(page) == [3]
    assert page.evaluate("document.activeElement.dataset.step") == "1"  # Next can be pressed again
    previous.click()
    assert shown(page) == [2]
    previous.click()
    assert previous.get_attribute("aria-disabled") == "true"
    previous.click(force=True)  # already on the first slide: nothing happens
    assert shown(page) == [1]
    assert page.url.endswith("#1")


def swipe(page, start: tuple[int, int], end: tuple[int, int]) -> None:
    """A one-finger swipe through Chromium's touch input (as a touch screen sends it)."""
    cdp = page.context.new_cdp_session(page)
    steps = 6
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": start[0], "y": start[1]}]})
    for step in range(1, steps + 1):
        x = start[0] + (end[0] - start[0]) * step / steps
        y = start[1] + (end[1] - start[1]) * step / steps
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def test_a_swipe_turns_the_slide_on_a_touch_screen(browser, open_presentation):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    try:
        page = open_presentation(ctx=context)
        box = page.locator(".slide:not([hidden])").bounding_box()
        y = int(box["y"] + min(box["height"], 300) / 2)
        swipe(page, (300, y), (60, y + 10))
        assert shown(page) == [2]
        swipe(page, (300, y), (60, y + 10))
        assert shown(page) == [3]
        swipe(page, (60, y), (300, y))
        assert shown(page) == [2]
        swipe(page, (180, y + 100), (190, y - 100))  # scrolling up or down is not a swipe
        assert shown(page) == [2]
        page.evaluate(SCROLL_SETTLED)  # a tap during the fling would only stop it
        page.locator(".presentation__bar").get_by_role("button", name=FI["present_next"]).tap()
        assert shown(page) == [3]
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def notes_text(popup) -> str:
    return " ".join(popup.locator(".presentation-notes__body").text_content().split())


def test_the_notes_window_shows_the_notes_of_the_slide_and_follows_it(context, open_presentation):
    page = open_presentation()
    notes = first_notes(FI_SOURCE)
    total = page.locator(".slide").count()
    with context.expect_page() as opened:
        page.keyboard.press("n")
    popup = opened.value
    popup.wait_for_load_state()
    assert popup.title().startswith(FI["present_notes"])
    where = popup.locator(".presentation-notes__where")
    expect(where).to_have_text(re.compile("^" + re.escape(fill(FI["present_counter"], n=1, total=total))))
    intro = without_fences(source_of(FI_SOURCE).split("\n---\n", 1)[1]).split("\n## ", 1)[0].split()
    assert notes_text(popup).startswith(" ".join(intro[:3]))  # the title slide: the text before the sections
    page.keyboard.press("ArrowRight")
    expect(where).to_contain_text(fill(FI["present_counter"], n=2, total=total))
    assert notes_text(popup).startswith(notes[0])
    minutes = yaml.safe_load(re.findall(r"```trainer\n(.*?)```", source_of(FI_SOURCE), re.S)[0])["minutes"]
    assert popup.locator(".presentation-notes__time").text_content().startswith(f"{minutes} min")
    page.get_by_role("button", name=FI["present_next"]).click()
    expect(where).to_contain_text(fill(FI["present_counter"], n=3, total=total))
    assert notes_text(popup).startswith(notes[1])
    assert FI["trainer_sensitive"] in notes_text(popup)
    # The trainer may turn the slides from the notes window too.
    popup.keyboard.press("ArrowRight")
    expect(page.locator(".presentation__counter")).to_have_text(fill(FI["present_counter"], n=4, total=total))
    assert shown(page) == [4]
    expect(where).to_contain_text(fill(FI["present_counter"], n=4, total=total))
    # The room never sees the notes.
    assert page.locator(".slide-notes").count() >= len(notes) + 1
    assert page.locator(".slide-notes:visible").count() == 0
    # Pressing N again brings the same window forward instead of opening another: once the
    # notes window has heard from the slides, no window was opened and none is waiting to be.
    page.evaluate("""() => { window.opened = 0; const open = window.open;
        window.open = (...args) => { window.opened++; return open(...args); }; }""")
    popup.evaluate("() => { window.heard = 0; addEventListener('message', () => window.heard++); }")
    page.keyboard.press("n")
    popup.wait_for_function("() => window.heard > 0")
    assert page.evaluate("window.opened") == 0
    assert len(context.pages) == 2
    for window in (page, popup):
        assert window.evaluate(STORAGE) == NOTHING_STORED
    assert context.cookies() == []


def test_the_notes_window_follows_from_file_as_in_the_offline_pack(browser, site_dir):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto((site_dir / "oikeudet/palkka-esitys/index.html").as_uri() + "#2")
        assert shown(page) == [2]
        with context.expect_page() as opened:
            page.keyboard.press("n")
        popup = opened.value
        assert popup.url.startswith("file://")
        where = popup.locator(".presentation-notes__where")
        total = page.locator(".slide").count()
        expect(where).to_contain_text(fill(FI["present_counter"], n=2, total=total))
        page.keyboard.press("ArrowRight")
        expect(where).to_contain_text(fill(FI["present_counter"], n=3, total=total))
        assert notes_text(popup).startswith(first_notes(FI_SOURCE)[1])
        assert page.url.endswith("#3")
    finally:
        context.close()


def test_a_blocked_notes_window_is_explained(open_presentation):
    page = open_presentation()
    page.evaluate("window.open = () => null")  # what a pop-up blocker returns
    page.keyboard.press("n")
    expect(page.locator(".presentation__status")).to_have_text(FI["present_blocked"])


def test_quizzes_keep_nothing_here_even_on_a_device_that_remembers(context, base_url, open_presentation):
    privacy = context.new_page()
    privacy.goto(base_url + "tietosuoja/")
    privacy.get_by_label(FI["remember"]).first.check()
    assert privacy.evaluate("localStorage.length") == 1
    page = open_presentation()
    assert page.locator(".training-storage input").count() == 0  # no "remember" switch in front of a room
    to_last_question(page, ".training-option__input")
    page.locator(".slide:not([hidden]) .training-option__input").first.check()
    page.locator(".slide:not([hidden]) .training-check").first.click()
    # After the room has answered, the trainer shows the answer: the button, or the key A.
    answer = page.locator(".slide:not([hidden]) .training-answer")
    answer.locator("summary").click()
    expect(answer.locator(".training-answer__key")).to_be_visible()
    page.keyboard.press("a")
    expect(answer.locator(".training-answer__key")).to_be_hidden()
    assert page.evaluate("localStorage.length") == 1  # only the device's own choice, no answers


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_slides_change_without_motion_when_the_reader_asks(open_presentation, motion):
    page = open_presentation()
    page.emulate_media(reduced_motion=motion)
    page.keyboard.press("ArrowRight")
    animation = page.evaluate("getComputedStyle(document.querySelector('.slide:not([hidden])')).animationName")
    assert animation == ("none" if motion == "reduce" else "slide-in")


def test_printing_gives_every_slide_and_no_notes_or_controls(open_presentation):
    page = open_presentation()
    page.emulate_media(media="print")
    assert shown(page) == list(range(1, page.locator(".slide").count() + 1))
    assert page.locator(".slide-notes").count() >= notes_count(FI_SOURCE)
    for selector in (".presentation__bar", ".slide-notes", ".md-header", ".help-bar"):
        assert page.locator(selector).count() > 0, selector
        assert page.locator(f"{selector}:visible").count() == 0, selector


def test_without_javascript_the_slides_are_one_readable_page(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + FI_PATH)
        assert shown(page) == list(range(1, page.locator(".slide").count() + 1))
        expect(page.locator(".presentation__bar")).to_have_count(1)
        assert page.locator(".presentation__bar").is_hidden()
        assert page.locator(".slide-notes").count() >= notes_count(FI_SOURCE)
        assert page.locator(".slide-notes:visible").count() == 0
    finally:
        context.close()


def test_the_presentation_has_its_files_and_participant_pages_do_not(open_presentation, base_url, context):
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    open_presentation().wait_for_load_state("networkidle")
    assert any(url.endswith("/assets/present.js") for url in requests)
    assert any(url.endswith("/assets/present.css") for url in requests)
    requests.clear()
    participant = context.new_page()
    participant.goto(base_url + "oikeudet/palkka/", wait_until="networkidle")
    assert requests and not [url for url in requests if "/assets/present." in url]
    assert {Path(url.split("?")[0]).suffix for url in requests} >= {".js", ".css"}


@pytest.mark.parametrize("width", [360, 1280])
def test_no_axe_violation_on_a_quiz_slide_or_in_the_notes_window(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url + FI_PATH)
        number = to_last_question(page)
        page.locator(".slide:not([hidden]) .training-check").first.click()  # a verdict on the screen too
        page.keyboard.press("a")  # and the answer shown
        expect(page.locator(".slide:not([hidden]) .training-answer")).to_have_attribute("open", "")
        with context.expect_page() as opened:
            page.keyboard.press("n")
        popup = opened.value
        expect(popup.locator(".presentation-notes__where")).to_contain_text(f" {number} /")
        page.wait_for_timeout(300)  # the slide's short fade is over
        found = []
        for window in (page, popup):
            results = Axe().run(window, options=AXE_OPTIONS)
            found += [f"{window.url}: {v['id']} {[n['target'] for n in v['nodes']][:3]}"
                      for v in results.response["violations"]]
        assert not found, "\n".join(found)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert popup.evaluate("document.documentElement.scrollWidth") <= popup.evaluate("innerWidth")
    finally:
        context.close()


PROJECTORS = ((1280, 720), (1024, 768), (1920, 1080))
# Each slide of the page in turn, as present.js shows it: where it ends against the controls
# and the window, whether anything in it is wider than it, and its smallest text.
EVERY_SLIDE_FITS = """fonts => {
  const slides = [...document.querySelectorAll('.slide')], bar = document.querySelector('.presentation__bar');
  const was = slides.map(s => s.hidden), found = [];
  for (const slide of slides) {
    slides.forEach(s => { s.hidden = s !== slide; });
    const r = slide.getBoundingClientRect(), b = bar.getBoundingClientRect();
    const text = fonts ? [...slide.querySelectorAll('p, li, label, legend, summary, h1, h2, h3, td')]
      .filter(el => !el.closest('[hidden], .slide-notes') && el.getClientRects().length) : [];
    found.push({n: +slide.dataset.slide, over: Math.round(Math.max(r.bottom - Math.min(b.top, innerHeight), -r.top)),
                wide: slide.scrollWidth > slide.clientWidth + 1,
                smallest: Math.min(...text.map(el => parseFloat(getComputedStyle(el).fontSize)))});
  }
  slides.forEach((s, i) => { s.hidden = was[i]; });
  return found;
}"""


def test_every_slide_of_every_presentation_fits_each_projector_in_large_type(browser, base_url, pages):
    """At 1280 × 720, 1024 × 768 and 1920 × 1080 no slide needs scrolling, nothing in it is
    cut off at the side, and at 1280 × 720 its text is at least 24 px."""
    presentations = [p for p in pages if p.url_path.endswith("-esitys/")]
    assert len(presentations) >= 40
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    problems, walked = [], 0
    try:
        page = context.new_page()
        for presentation in presentations:
            page.set_viewport_size({"width": 1280, "height": 720})
            page.goto(base_url + presentation.url_path)
            for width, height in PROJECTORS:
                page.set_viewport_size({"width": width, "height": height})
                smallest_type = (width, height) == (1280, 720)
                for slide in page.evaluate(EVERY_SLIDE_FITS, smallest_type):
                    walked += 1
                    small = smallest_type and slide["smallest"] < 24
                    if slide["over"] > 0 or slide["wide"] or small:
                        problems.append(f"{presentation.url_path}#{slide['n']} at {width}x{height}: {slide}")
    finally:
        context.close()
    write_report("presentations", f"{len(presentations)} presentations, {walked // len(PROJECTORS)} slides, "
                 f"each walked at {', '.join(f'{w}x{h}' for w, h in PROJECTORS)}: {len(problems)} do not fit")
    assert problems == []


def test_the_notes_window_holds_the_full_text_of_a_section_with_slide_text(context, open_presentation):
    number = next(n for n, points in enumerate(slide_texts(FI_SOURCE), start=2) if points)
    page = open_presentation(FI_PATH + f"#{number}")
    slide = page.locator(f".slide[data-slide='{number}']")
    full_text = slide.locator(".slide-notes--text")
    assert full_text.count() == 1 and not full_text.is_visible()
    with context.expect_page() as opened:
        page.keyboard.press("n")
    popup = opened.value
    body = popup.locator(".presentation-notes__body .slide-notes--text")
    expect(body).to_be_visible()
    assert " ".join(body.text_content().split()) == " ".join(full_text.text_content().split())
    assert popup.locator(".presentation-notes__body [id]").count() == 0
