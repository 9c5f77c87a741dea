"""A module's SCORM package in a learning platform: scorm-again (a SCORM 1.2 runtime, from
package-lock.json) plays the platform in a harness page, the package runs in its frame, and
the tests read what the platform recorded. Also: the package on its own, from ``file://``."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from site_helpers import ROOT, serve, watch_policy

from training.safe.htmlparts import outer_html
from training.site.scorm import FOLDER, PackageModule, build_package, package_assets

RUNTIME = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
EXIT_URL = "https://www.ilmatieteenlaitos.fi/"
HARNESS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Learning platform</title>
<script src="scorm12.min.js"></script><script src="platform.js"></script></head>
<body><iframe id="sco" title="Course" src="package/index.html" style="width:100%;height:700px"></iframe></body></html>"""
# The platform: scorm-again's API on the harness window, with a record of the calls made to it.
PLATFORM = """window.API = new Scorm12API({autocommit: false, logLevel: 5});
window.calls = [];
for (const name of ["LMSInitialize", "LMSSetValue", "LMSCommit", "LMSFinish"]) {
  const original = window.API[name].bind(window.API);
  window.API[name] = (...args) => { window.calls.push([name, ...args]); return original(...args); };
}"""
RECORDED = """() => ({status: API.cmi.core.lesson_status, raw: API.cmi.core.score.raw, min: API.cmi.core.score.min,
  max: API.cmi.core.score.max, calls: calls.map(c => c[0]),
  time: (calls.filter(c => c[1] === "cmi.core.session_time").pop() || [])[2],  // write-only in the API
  names: [...new Set(calls.filter(c => c[0] === "LMSSetValue").map(c => c[1]))].sort()})"""
# Answers every question of the page, all right or all wrong, and checks each.
ANSWER_ALL = """right => {
  for (const quiz of document.querySelectorAll("[data-training-quiz]")) {
    const data = JSON.parse(quiz.querySelector(".training-data").textContent);
    for (const fieldset of quiz.querySelectorAll(".training-question")) {
      const d = data.questions[fieldset.dataset.question];
      const text = fieldset.querySelector(".training-text__input");
      if (text) text.value = right ? d.answers[0] : "zz";
      const inputs = [...fieldset.querySelectorAll(".training-option__input")];
      const wrong = inputs.find(i => !d.correct.includes(i.value));
      for (const input of inputs) input.checked = right ? d.correct.includes(input.value) : input === wrong;
      fieldset.querySelector(".training-check").click();
    }
  }
}"""


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    """``platform(zip_bytes)``: the harness with that package in its frame, served on loopback."""
    assert RUNTIME.is_file(), "scorm-again is missing: run `make test`, which installs package-lock.json"
    folder = tmp_path_factory.mktemp("platform")
    (folder / "index.html").write_text(HARNESS, encoding="utf-8")
    (folder / "platform.js").write_text(PLATFORM, encoding="utf-8")
    (folder / "scorm12.min.js").write_bytes(RUNTIME.read_bytes())
    (folder / "blank.html").write_text("<!doctype html><title>Next</title>", encoding="utf-8")
    with serve(folder) as base_url:
        def load(package: bytes) -> str:
            with zipfile.ZipFile(io.BytesIO(package)) as archive:
                archive.extractall(folder / "package")
            return base_url
        yield load


def open_in_platform(context, base_url: str):
    page = context.new_page()
    page.goto(base_url)
    frame = page.frame(url=re.compile(r"/package/index\.html$"))
    frame.wait_for_load_state("load")
    return page, frame


def leave(page, frame, base_url: str) -> dict:
    """The reader leaves the module (the frame moves on); what the platform recorded."""
    frame.goto(base_url + "blank.html")
    return page.evaluate(RECORDED)


@pytest.mark.parametrize("right, status, raw", [(True, "passed", "100"), (False, "failed", "0")])
def test_the_platform_records_passed_or_failed_with_the_score_and_the_time(site_dir, platform, context,
                                                                          right, status, raw):
    base_url = platform((site_dir / FOLDER / "palkka.fi.zip").read_bytes())
    page, frame = open_in_platform(context, base_url)
    assert page.evaluate(RECORDED)["status"] == "incomplete"
    frame.evaluate(ANSWER_ALL, right)
    recorded = page.evaluate(RECORDED)
    assert (recorded["status"], recorded["raw"], recorded["min"], recorded["max"]) == (status, raw, "0", "100")
    recorded = leave(page, frame, base_url)
    assert re.fullmatch(r"\d\d:\d\d:\d\d", recorded["time"]) and recorded["calls"][-2:] == ["LMSCommit", "LMSFinish"]
    assert recorded["calls"][0] == "LMSInitialize"
    # Nothing but the status, the score and the time: no answers, no text, no ids.
    assert recorded["names"] == ["cmi.core.lesson_status", "cmi.core.score.max", "cmi.core.score.min",
                                 "cmi.core.score.raw", "cmi.core.session_time"]
    assert page.evaluate("() => localStorage.length + sessionStorage.length") == 0


def test_a_module_without_a_quiz_is_completed_when_the_reader_reaches_its_end(site_dir, platform, context):
    page = (site_dir / "oikeudet/palkka/index.html").read_text(encoding="utf-8")
    without_quiz = page
    while quiz := outer_html(without_quiz, "div", "training-quiz"):
        without_quiz = without_quiz.replace(quiz, "")
    package = build_package(PackageModule("palkka", "Palkka", "fi"), without_quiz,
                            (site_dir / "apua/index.html").read_text(encoding="utf-8"), "Apua", "apua/",
                            package_assets(site_dir))
    base_url = platform(package.zip_bytes())
    browser_page, frame = open_in_platform(context, base_url)
    assert frame.locator(".training-question").count() == 0
    assert browser_page.evaluate(RECORDED)["status"] == "incomplete"
    frame.locator(".module-footer").scroll_into_view_if_needed()
    browser_page.wait_for_function("() => API.cmi.core.lesson_status === 'completed'", timeout=5000)
    assert leave(browser_page, frame, base_url)["calls"][-1] == "LMSFinish"


def test_the_quick_exit_leaves_the_whole_window_from_inside_the_platform(site_dir, platform, browser):
    context = browser.new_context()
    context.route(EXIT_URL + "**", lambda route: route.fulfill(body="<title>Weather</title>Weather",
                                                               content_type="text/html"))
    try:
        base_url = platform((site_dir / FOLDER / "palkka.en.zip").read_bytes())
        page, frame = open_in_platform(context, base_url)
        frame.locator("h1").click()  # the reader is in the course
        for _ in range(3):
            page.keyboard.press("Shift")
        page.wait_for_url(EXIT_URL, timeout=3000)
        assert page.url == EXIT_URL
    finally:
        context.close()


def test_a_package_opened_on_its_own_works_from_its_files_and_stores_nothing(site_dir, browser, tmp_path):
    with zipfile.ZipFile(site_dir / FOLDER / "palkka.en.zip") as archive:
        archive.extractall(tmp_path)
    context = browser.new_context()
    refused = watch_policy(context)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    context.route(re.compile(r"^(?!file:)"), lambda route: route.abort())  # nothing else can load
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(tmp_path.joinpath("index.html").as_uri())
        page.evaluate(ANSWER_ALL, True)
        assert page.locator(".training-status.is-correct").count() == page.locator(".training-question").count()
        page.locator(".help-bar a", has_text="help").first.click()
        assert page.url.endswith("/apua.html") and page.locator("h1").count() == 1
        inside = tmp_path.as_uri()
        assert [url for url in requests if not url.startswith(inside)] == []
        assert page.evaluate("() => localStorage.length + sessionStorage.length + document.cookie.length") == 0
        assert errors == [] and refused == []
    finally:
        context.close()


def test_the_package_files_are_those_of_the_build(site_dir):
    """The packages the tests run are the ones the build wrote (and `make scorm` copies)."""
    assert len(list((site_dir / FOLDER).glob("*.zip"))) >= 40
    assert Path(RUNTIME).stat().st_size > 10_000
