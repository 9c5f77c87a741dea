"""The checklist on the demo pages, driven in a real browser: progress in a live region,
the reset button, native inputs, target sizes, storage, reworded items, print and no
JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from training.strings import fill, load_strings

DEMO = {"fi": "toimittajille/esimerkki/", "en": "en/toimittajille/esimerkki/"}
CHECKLIST = "#training-checklist-esimerkki-ennen-allekirjoitusta"
ITEMS = ["palkka", "tyoaika", "tehtavat", "koeaika", "tes", "pankkitili"]

# Written out, and checked against fi.yml below.
FI = {
    "progress": "{done} / {total} tehty",
    "reset": "Poista kaikki rastit",
    "remember": "Muista edistymiseni tällä laitteella",
    "forget": "Unohda edistymiseni",
    "forgotten": "Kaikki, mitä tämä sivusto säilytti tällä laitteella, on poistettu.",
}
STRINGS = {"fi": FI, "en": load_strings("en")}


def progress_text(lang: str, done: int) -> str:
    return fill(STRINGS[lang]["progress"], done=done, total=len(ITEMS))


def box(page, item: str):
    return page.locator(f"{CHECKLIST}-{item}")


def label(page, item: str):
    return page.locator(f"label[for='{CHECKLIST[1:]}-{item}']")


def ticked(page) -> list[str]:
    return page.locator(f"{CHECKLIST} .training-item__input:checked").evaluate_all(
        "els => els.map(e => e.dataset.item)")


def stored(page) -> dict:
    return page.evaluate("""() => ({
        local: Object.fromEntries(Object.entries(localStorage)),
        session: Object.fromEntries(Object.entries(sessionStorage))})""")


def test_the_finnish_strings_are_those_of_the_table():
    table = load_strings("fi")
    assert {k: table[k] for k in FI} == FI


@pytest.mark.parametrize("lang", DEMO)
def test_ticking_updates_the_count_in_a_polite_live_region(open_page, lang):
    page = open_page(DEMO[lang])
    progress = page.locator(f"{CHECKLIST} .training-progress")
    assert progress.get_attribute("role") == "status"  # role=status is polite
    assert progress.get_attribute("aria-live") in (None, "polite")
    expect(progress).to_have_text(progress_text(lang, 0))
    progress.evaluate("e => e._before = true")  # must stay the same node

    label(page, "palkka").click()
    expect(progress).to_have_text(progress_text(lang, 1))
    label(page, "koeaika").click()
    expect(progress).to_have_text(progress_text(lang, 2))
    box(page, "pankkitili").click()  # the box itself works as well as its label
    expect(progress).to_have_text(progress_text(lang, 3))
    label(page, "palkka").click()
    expect(progress).to_have_text(progress_text(lang, 2))
    assert ticked(page) == ["koeaika", "pankkitili"]

    # keyboard: Space on a focused box
    box(page, "tes").focus()
    page.keyboard.press("Space")
    expect(progress).to_have_text(progress_text(lang, 3))
    assert progress.evaluate("e => e._before") is True
    # the hint's link is not part of the label: clicking it is not a tick
    assert label(page, "pankkitili").locator("a").count() == 0


@pytest.mark.parametrize("lang", DEMO)
def test_the_reset_button_clears_every_tick(open_page, lang):
    page = open_page(DEMO[lang])
    progress = page.locator(f"{CHECKLIST} .training-progress")
    for item in ITEMS:
        label(page, item).click()
    expect(progress).to_have_text(progress_text(lang, 6))
    reset = page.locator(f"{CHECKLIST} .training-reset")
    expect(reset).to_be_visible()
    expect(reset).to_have_text(STRINGS[lang]["reset"])
    reset.click()
    expect(progress).to_have_text(progress_text(lang, 0))
    assert ticked(page) == []
    assert page.evaluate("document.activeElement.className") == "training-reset"  # focus not lost

    label(page, "tyoaika").click()
    reset.focus()
    page.keyboard.press("Enter")
    expect(progress).to_have_text(progress_text(lang, 0))
    assert ticked(page) == []


@pytest.mark.parametrize("lang", DEMO)
def test_items_are_native_enabled_checkboxes_with_labels(open_page, lang):
    page = open_page(DEMO[lang])
    inputs = page.locator(f"{CHECKLIST} .training-item__input")
    assert inputs.evaluate_all("els => els.map(e => e.dataset.item)") == ITEMS
    for field in inputs.all():
        info = field.evaluate("""e => ({tag: e.tagName, type: e.type, disabled: e.disabled,
            labels: [...e.labels].map(l => l.textContent.trim())})""")
        assert info["tag"] == "INPUT" and info["type"] == "checkbox" and info["disabled"] is False, info
        assert len(info["labels"]) == 1 and info["labels"][0], info
        expect(page.get_by_role("checkbox", name=info["labels"][0], exact=True)).to_have_count(1)
    # hints describe their box
    assert box(page, "koeaika").get_attribute("aria-describedby") == f"{CHECKLIST[1:]}-koeaika-hint"
    assert page.locator(f"{CHECKLIST}[role=group]").get_attribute("aria-labelledby") == f"{CHECKLIST[1:]}-title"


def test_rows_are_big_enough_to_hit(open_page):
    page = open_page(DEMO["fi"])
    rows = page.locator(f"{CHECKLIST} .training-item")
    assert rows.count() == len(ITEMS)
    for row in rows.all():
        row_box, label_box, field_box = (x.bounding_box() for x in (row, row.locator("label"), row.locator("input")))
        name = row.locator("label").text_content()
        assert row_box["height"] >= 44 and label_box["height"] >= 44, (name, row_box, label_box)
        assert (field_box["width"] >= 24 and field_box["height"] >= 24) or \
               (label_box["width"] >= 24 and label_box["height"] >= 24), (name, field_box, label_box)
    buttons = page.locator(f"{CHECKLIST} button")
    expect(buttons).to_have_count(2)  # reset, and forget under the switch
    for button in buttons.all():
        b = button.bounding_box()
        assert b["height"] >= 44 and b["width"] >= 44, (button.text_content(), b)
    switch_row = page.locator(f"{CHECKLIST} .training-storage__row").bounding_box()
    assert switch_row["height"] >= 44, switch_row


def test_the_rows_mirror_right_to_left(open_page):
    """Logical properties: in a right-to-left page the box sits at the right of its label."""
    page = open_page(DEMO["fi"])
    box_left_of_label = """list => [...document.querySelectorAll(list + ' .training-item')].map(row =>
        row.querySelector('input').getBoundingClientRect().x < row.querySelector('label').getBoundingClientRect().x)"""
    assert page.evaluate(box_left_of_label, CHECKLIST) == [True] * len(ITEMS)
    page.evaluate("() => { document.documentElement.dir = 'rtl'; document.body.dir = 'rtl'; }")
    assert page.evaluate(box_left_of_label, CHECKLIST) == [False] * len(ITEMS)


def test_without_javascript_the_boxes_still_tick(browser, base_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url + DEMO["fi"])
        for item in ITEMS:
            expect(box(page, item)).to_be_enabled()
        label(page, "tes").click()
        expect(box(page, "tes")).to_be_checked()
        expect(page.locator(f"{CHECKLIST} .training-reset")).to_be_hidden()  # it would do nothing
        expect(page.locator(f"{CHECKLIST} .training-progress")).to_be_empty()
    finally:
        context.close()


def test_default_ticks_store_nothing(context, open_page):
    page = open_page(DEMO["fi"])
    for item in ("palkka", "tes", "koeaika"):
        label(page, item).click()
    page.locator(f"{CHECKLIST} .training-reset").click()
    label(page, "tyoaika").click()
    assert stored(page) == {"local": {}, "session": {}}
    assert context.cookies() == []
    page.reload()
    assert ticked(page) == []
    expect(page.locator(f"{CHECKLIST} .training-progress")).to_have_text("0 / 6 tehty")


@pytest.mark.parametrize("lang", DEMO)
def test_remembered_ticks_survive_a_reload_until_forgotten(context, open_page, lang):
    page = open_page(DEMO[lang])
    label(page, "palkka").click()
    label(page, "tes").click()
    page.locator(f"{CHECKLIST} .training-storage").get_by_label(STRINGS[lang]["remember"], exact=True).check()
    local = stored(page)["local"]
    assert local.pop("tr-keep") == "1"
    assert len(local) == 1, local
    [(key, value)] = local.items()
    ids = ["esimerkki", "ennen", "allekirjoitusta", "checklist", *ITEMS]
    assert re.fullmatch(r"tr-[0-9a-z]+", key) and not [i for i in ids if i in key], key
    assert not [i for i in ids if i in value], value  # item ids are hashed in the value too

    page.reload()
    assert ticked(page) == ["palkka", "tes"]
    expect(page.locator(f"{CHECKLIST} .training-progress")).to_have_text(progress_text(lang, 2))
    label(page, "tes").click()
    page.reload()
    assert ticked(page) == ["palkka"]
    page.locator(f"{CHECKLIST} .training-reset").click()
    assert list(stored(page)["local"]) == ["tr-keep"]  # cleared ticks leave no entry
    label(page, "koeaika").click()

    page.locator(f"{CHECKLIST} .training-storage").get_by_role(
        "button", name=STRINGS[lang]["forget"], exact=True).click()
    expect(page.locator(f"{CHECKLIST} .training-storage [role=status]")).to_have_text(STRINGS[lang]["forgotten"])
    assert stored(page) == {"local": {}, "session": {}}
    assert context.cookies() == []
    page.reload()
    assert ticked(page) == []


def test_each_language_keeps_its_own_ticks(open_page):
    fi = open_page(DEMO["fi"])
    fi.locator(f"{CHECKLIST} .training-storage input").check()
    label(fi, "palkka").click()
    en = open_page(DEMO["en"])
    label(en, "tes").click()
    fi.reload()
    assert ticked(fi) == ["palkka"]
    en.reload()
    assert ticked(en) == ["tes"]
    expect(en.locator(f"{CHECKLIST} .training-progress")).to_have_text("1 / 6 done")


def test_a_reworded_item_loses_its_tick(context, open_page, base_url):
    page = open_page(DEMO["fi"])
    page.locator(f"{CHECKLIST} .training-storage input").check()
    for item in ("palkka", "tyoaika", "tes"):
        label(page, item).click()
    before = stored(page)["local"]
    page.close()

    def reworded(route):  # the same page after an editor reworded the item "tyoaika"
        body = route.fetch().text()
        body, n = re.subn(r'(data-item="tyoaika" data-hash=")[0-9a-f]+"', r'\g<1>0123456789ab"', body)
        assert n == 1
        body = body.replace("Sopimuksessa lukee työaika.", "Sopimuksessa lukee työaika ja tauot.")
        route.fulfill(body=body, content_type="text/html")

    context.route(base_url + DEMO["fi"], reworded)
    page = open_page(DEMO["fi"])
    assert ticked(page) == ["palkka", "tes"]
    expect(page.locator(f"{CHECKLIST} .training-progress")).to_have_text("2 / 6 tehty")
    after = stored(page)["local"]
    assert after.keys() == before.keys()
    [key] = [k for k in after if k != "tr-keep"]
    assert after[key] != before[key]  # the stale tick is dropped from storage, too
    assert len(after[key]) < len(before[key])


def test_printed_checklist_keeps_empty_boxes_and_hides_the_controls(open_page):
    page = open_page(DEMO["fi"])
    label(page, "palkka").click()
    controls = [page.locator(f"{CHECKLIST} {selector}") for selector in
                (".training-progress", ".training-reset", ".training-storage")]
    for control in controls:
        expect(control).to_have_count(1)
        expect(control).to_be_visible()
    page.emulate_media(media="print")
    for item in ITEMS:
        expect(box(page, item)).to_be_visible()
        expect(label(page, item)).to_be_visible()
    for control in controls:
        expect(control).to_be_hidden()
    # the ticked box prints as empty as the others: a box to fill in by hand
    look = box(page, "palkka").evaluate("e => getComputedStyle(e).appearance")
    assert look == "none"


def test_the_progress_is_readable_in_the_dark_scheme(browser, base_url):
    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(base_url + DEMO["fi"])
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        label(page, "palkka").click()
        progress = page.locator(f"{CHECKLIST} .training-progress")
        expect(progress).to_have_text("1 / 6 tehty")
        colours = progress.evaluate("""e => { let bg = e;
            while (bg && getComputedStyle(bg).backgroundColor === 'rgba(0, 0, 0, 0)') bg = bg.parentElement;
            return [getComputedStyle(e).color, bg ? getComputedStyle(bg).backgroundColor : null] }""")
        assert colours[1] is not None and colours[0] != colours[1], colours
    finally:
        context.close()
