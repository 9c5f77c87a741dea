"""Every class of editor mistake stops the checks with ``docs/<lang>/page.md:LINE: what is
wrong: how to fix it``, on the line where the mistake is, once, and without a cascade of
other problems; never a traceback, never a silent wrong render.

Each case changes one line of a module that is otherwise right in both languages (the
Finnish copy is broken, the English one stays right), so the only problem the checks may
report is the one the case names.
"""

from __future__ import annotations

import datetime as dt

import pytest

from test_checks import DEFAULTS, MODULE, report, write
from training.safe.markup import Renderer

PATH = "docs/fi/a.md"
GOOD = MODULE.format(**DEFAULTS)
TODAY = dt.date(2026, 11, 25)


def problems_after(tmp_path, old: str, new: str, encoding: str = "utf-8") -> list[str]:
    """The problems of the docs when ``old`` in the Finnish module becomes ``new``."""
    assert old in GOOD, old
    write(tmp_path, "en", "a.md")
    path = tmp_path / "docs/fi/a.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(GOOD.replace(old, new, 1).encode(encoding, errors="surrogateescape"))
    found = report(tmp_path, today=TODAY)
    assert found.warnings == [], found.warnings  # a broken block must not make the plan look wrong
    return [str(p) for p in found.problems]


def line_of(text: str) -> int:
    """The file line where ``text`` starts in the good module."""
    return GOOD[: GOOD.index(text)].count("\n") + 1


def test_the_good_module_has_no_problem(tmp_path):
    assert problems_after(tmp_path, "id: m", "id: m") == []


# --- bytes that are not UTF-8 ----------------------------------------------------------------

NOT_UTF8 = "this line holds a byte that is not UTF-8 text ({byte}): save the file as UTF-8, or retype " \
           "the characters around it"


@pytest.mark.parametrize("old, new, byte", [
    ("    text: Kohta", "    text: Koht\udce4", "0xe4"),          # a Latin-1 ä in a block
    ("title: Otsikko", "title: Otsik\udcf6", "0xf6"),             # in the front matter
    ("## Osio", "## Osi\udcc3", "0xc3"),                          # a cut multi-byte character in prose
    ("notes: Ohje.", "notes: Ohje \udc80.", "0x80"),              # a lone continuation byte
])
def test_a_byte_that_is_not_utf8_is_named_at_its_line(tmp_path, old, new, byte):
    assert problems_after(tmp_path, old, new) == [f"{PATH}:{line_of(old)}: {NOT_UTF8.format(byte=byte)}"]


def test_a_page_saved_as_utf16_is_named_at_its_first_line(tmp_path):
    write(tmp_path, "en", "a.md")
    (tmp_path / "docs/fi").mkdir(parents=True)
    (tmp_path / "docs/fi/a.md").write_bytes(GOOD.encode("utf-16"))
    assert [str(p) for p in report(tmp_path, today=TODAY).problems] == [
        f"{PATH}:1: {NOT_UTF8.format(byte='0xff')}"]


# --- a byte-order mark is accepted -------------------------------------------------------------

def test_a_byte_order_mark_is_dropped_and_lines_still_count_from_the_top(tmp_path):
    assert problems_after(tmp_path, "---\nid: m", "\ufeff---\nid: m") == []
    assert problems_after(tmp_path, "---\nid: m", "\ufeff---\nid: m\ntrack rights") == [f"{PATH}:3: {COLON}"]


def test_a_byte_order_mark_on_both_copies_keeps_them_in_step(tmp_path):
    for lang in ("fi", "en"):
        path = write(tmp_path, lang, "a.md")
        path.write_text("\ufeff" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert report(tmp_path, today=TODAY).problems == []


# --- fence names one step from a block's name ---------------------------------------------------

@pytest.mark.parametrize("fence, kind", [
    ("quizzes", "quiz"), ("quizes", "quiz"), ("Quiz", "quiz"), ("QUIZ", "quiz"), ("quis", "quiz"),
    ("qiuz", "quiz"), ("quizz", "quiz"),
])
def test_a_misspelt_quiz_fence_is_an_error_with_the_right_name(tmp_path, fence, kind):
    assert problems_after(tmp_path, "```quiz", f"```{fence}") == [
        f"{PATH}:{line_of('```quiz')}: unknown block type '{fence}': write ```{kind}"]


@pytest.mark.parametrize("fence, kind", [
    ("checklists", "checklist"), ("checklsit", "checklist"), ("Checklist", "checklist"), ("cheklist", "checklist"),
    ("check-list", "checklist"),
])
def test_a_misspelt_checklist_fence_is_an_error_with_the_right_name(tmp_path, fence, kind):
    assert problems_after(tmp_path, "```checklist", f"```{fence}") == [
        f"{PATH}:{line_of('```checklist')}: unknown block type '{fence}': write ```{kind}"]


@pytest.mark.parametrize("fence, kind", [("trainers", "trainer"), ("trainr", "trainer"), ("Trainer", "trainer")])
def test_a_misspelt_trainer_fence_is_an_error_with_the_right_name(tmp_path, fence, kind):
    assert problems_after(tmp_path, "```trainer", f"```{fence}") == [
        f"{PATH}:{line_of('```trainer')}: unknown block type '{fence}': write ```{kind}"]


@pytest.mark.parametrize("fence, kind", [
    ("contact", "contacts"), ("progress-summaries", "progress-summary"), ("progress_summary", "progress-summary"),
    ("progress-control", "progress-controls"), ("module", "modules"), ("~~~quizz", "quiz"),
])
def test_other_misspelt_block_names_are_errors_too(fence, kind):
    from training.site.page_blocks import read_page
    opening = fence if fence.startswith("~") else f"```{fence}"
    closing = "~~~" if fence.startswith("~") else "```"
    page = read_page(f"Teksti.\n\n{opening}\nid: x\n{closing}\n", PATH)
    assert [str(p) for p in page.problems] == [
        f"{PATH}:3: unknown block type '{fence.lstrip('~')}': write {closing}{kind}"]


@pytest.mark.parametrize("fence", ["python", "yaml", "text", "markdown", "bash", "json", "html", "mermaid", "toml"])
def test_code_in_another_language_stays_code(fence):
    from training.site.page_blocks import read_page
    assert read_page(f"```{fence}\nquiz: 1\n```\n", PATH).problems == []


# --- [VERIFY] inside a block ----------------------------------------------------------------------

@pytest.mark.parametrize("old, new, context", [
    ("    question: Kysymys?", "    question: Kysymys [VERIFY]?", "Kysymys"),
    ("      - text: A", "      - text: A [VERIFY]", "A"),
    ("    text: Kohta", "    text: Kohta [VERIFY]", "Kohta"),
    ("notes: Ohje.", "notes: Ohje on 10 päivää [VERIFY].", "Ohje on 10 päivää"),
    ("notes: Ohje.", "notes: Ohje.\nsensitive: |\n  Aihe voi olla raskas [VERIFY].", "Aihe voi olla raskas"),
])
def test_verify_in_a_block_is_listed_at_its_line(tmp_path, old, new, context):
    assert problems_after(tmp_path, old, new) == []
    found = report(tmp_path, today=TODAY).unconfirmed
    marked_line = line_of(old) + new.count("\n")
    assert [(u.path, u.line, u.context) for u in found] == [(PATH, marked_line, context)]


def test_verify_in_block_text_is_shown_as_to_be_confirmed():
    html = Renderer().block("Ohje on 10 päivää [VERIFY].")
    assert '<span class="to-confirm">' in html and "[VERIFY]" not in html


def test_verify_in_a_key_point_is_listed_at_its_line(tmp_path):
    assert problems_after(tmp_path, "key_points:\n  - Otsikko", "key_points:\n  - Otsikko [VERIFY]") == []
    found = report(tmp_path, today=TODAY).unconfirmed
    assert [(u.path, u.line, u.context) for u in found] == [(PATH, line_of("key_points:") + 1, "Otsikko")]


# --- links in block text ---------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, address", [
    ("notes: Ohje.", "notes: Katso [sivu](puuttuu.md).", "puuttuu.md"),
    ("notes: Ohje.", "notes: Katso [sivu](../muu/puuttuu.md#osio).", "../muu/puuttuu.md#osio"),
    ("    text: Kohta", "    text: Lue [ohje](ohje.md \"Ohje\")", "ohje.md"),
    ("      - text: A", "      - text: A\n        feedback: Katso [tämä](<ei ole.md>).", "ei ole.md"),
    ("    question: Kysymys?", "    question: Mikä? [Vihje](vihje.md)", "vihje.md"),
])
def test_a_block_link_to_a_missing_page_is_named_at_its_line(tmp_path, old, new, address):
    problems = problems_after(tmp_path, old, new)
    line = line_of(old) + new.count("\n")
    assert len(problems) == 1 and problems[0].startswith(f"{PATH}:{line}: the link '{address}")
    assert "points to no page" in problems[0] and "correct the address" in problems[0]


def test_a_block_link_to_an_existing_page_is_no_problem(tmp_path):
    for lang in ("fi", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / lang / "ohje.md").write_text("# Ohje\n", encoding="utf-8")
    assert problems_after(tmp_path, "notes: Ohje.", "notes: Katso [ohje](ohje.md#osio).") == []


@pytest.mark.parametrize("link", ["[x](http://example.org/a)", "<http://example.org/a>",
                                  '<a href="http://example.org/a">x</a>', "[x](HTTP://example.org/a)"])
def test_an_unencrypted_link_is_named_at_its_line(tmp_path, link):
    problems = problems_after(tmp_path, "notes: Ohje.", f"notes: Katso {link}.")
    assert len(problems) == 1 and problems[0].startswith(f"{PATH}:{line_of('notes: Ohje.')}: the link '")
    assert problems[0].endswith("is not encrypted and would be removed: write its https:// address")


# --- sources ------------------------------------------------------------------------------------

RETIRED = {
    "https://avi.fi/en/services": "the Regional State Administrative Agencies (AVI) ceased on 1 January 2026",
    "https://www.avi.fi/": "the Regional State Administrative Agencies (AVI) ceased on 1 January 2026",
    "https://tyosuojelu.avi.fi/x": "the Regional State Administrative Agencies (AVI) ceased on 1 January 2026",
    "https://toimistot.te-palvelut.fi/a": "the TE Offices closed on 1 January 2025",
    "https://www.te-palvelut.fi/": "the TE Offices closed on 1 January 2025",
    "https://docslib.org/doc/1/x": "a copy of a document on a file-sharing site",
    "https://docplayer.fi/42663157-x.html": "a copy of a document on a file-sharing site",
    "https://www.scribd.com/document/1": "a copy of a document on a file-sharing site",
    "https://www.finlex.fi/fi/laki/ajantasa/2001/20010055": "Finlex's address from before its 2025 renewal",
    "https://finlex.fi/fi/laki/alkup/1986/19860609": "Finlex's address from before its 2025 renewal",
    "https://www.sak.fi/?p=63811": "an address that does not say what it points to",
    "https://example.fi/index.php?page_id=12&lang=en": "an address that does not say what it points to",
    "https://www.vantaa.fi/en/node/13223": "an address that does not say what it points to",
}


@pytest.mark.parametrize("url, why", RETIRED.items())
def test_a_source_from_a_closed_authority_a_copy_or_a_page_number_is_named_at_its_url_line(tmp_path, url, why):
    problems = problems_after(tmp_path, "url: https://www.finlex.fi/", f"url: {url}")
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{PATH}:{line_of('url: https://www.finlex.fi/')}: source 1 ({url}): {why}")


@pytest.mark.parametrize("url", [
    "https://www.finlex.fi/fi/lainsaadanto/2001/55", "https://tyosuojelu.fi/en/working-hours",
    "https://www.davi.fi/", "https://migri.fi/en/-/news?p=abc", "https://example.fi/node/guide",
    "https://issuu.com/heuni/docs/report",
])
def test_a_readable_source_of_the_publisher_is_no_problem(tmp_path, url):
    assert problems_after(tmp_path, "url: https://www.finlex.fi/", f"url: {url}") == []


# --- mastery ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["120", "abc", "-5", "80.5", "'80 %'"])
def test_a_mastery_that_is_no_whole_per_cent_is_named_at_its_line(tmp_path, value):
    problems = problems_after(tmp_path, "legal: true", f"legal: true\nmastery: {value}")
    assert problems == [f"{PATH}:{line_of('legal: true') + 1}: 'mastery' must be a whole per cent from 0 to 100 "
                        f"(the share of quiz answers that passes the module in a learning platform), not "
                        f"'{value.strip(chr(39))}'"]


def test_a_mastery_of_a_whole_per_cent_in_both_languages_is_no_problem(tmp_path):
    for language in ("fi", "en"):
        write(tmp_path, language, "a.md", dates="sources_as_of: 2026-01\nmastery: 60")
    assert report(tmp_path, today=TODAY).problems == []


def test_a_mastery_in_one_language_only_is_named_in_the_other(tmp_path):
    write(tmp_path, "fi", "a.md", dates="sources_as_of: 2026-01\nmastery: 60")
    write(tmp_path, "en", "a.md")
    assert [str(p) for p in report(tmp_path, today=TODAY).problems] == [
        "docs/en/a.md:2: 'mastery' is 80 here but 60 in the other language (compare docs/fi/a.md)"]


# --- slide text ------------------------------------------------------------------------------------

def test_slide_text_longer_than_a_room_can_read_is_named_at_its_line(tmp_path):
    long = "\n".join(f"  - Kohta numero {n} on tässä aika pitkä lause, jossa on monta sanaa." for n in range(6))
    problems = problems_after(tmp_path, "notes: Ohje.\n", f"slide:\n{long}\nnotes: Ohje.\n")
    assert problems == [f"{PATH}:{line_of('notes: Ohje.')}: the slide has 6 points and 72 words, more than a room "
                        "can read from a projector (at most 6 points and 60 words): keep the points short and put "
                        "the detail in 'notes'"]


@pytest.mark.parametrize("slide, below", [("slide:\n", 0), ("slide: Yksi kohta\n", 0), ("slide:\n  - \n", 0),
                                          ("slide: {a: b}\n", 0), ("slide: []\n", 0), ("slide:\n  - [a, b]\n", 1)])
def test_slide_text_that_is_no_list_of_points_is_named_once_where_it_is(tmp_path, slide, below):
    problems = problems_after(tmp_path, "notes: Ohje.\n", f"{slide}notes: Ohje.\n")
    assert len(problems) == 1 and problems[0].startswith(f"{PATH}:{line_of('notes: Ohje.') + below}: "), problems


def test_slide_text_in_one_language_only_is_named_in_the_other(tmp_path):
    write(tmp_path, "fi", "a.md")
    english = tmp_path / "docs/en/a.md"
    write(tmp_path, "en", "a.md")
    english.write_text(english.read_text(encoding="utf-8").replace("notes: Ohje.\n", "slide:\n  - Point.\nnotes: Ohje.\n"),
                       encoding="utf-8")
    found = [str(p) for p in report(tmp_path, today=TODAY).problems]
    assert len(found) == 1 and found[0].startswith(f"docs/en/a.md:{line_of('```trainer')}: section ")
    assert found[0].endswith("has slide text here but not in the other language (compare docs/fi/a.md)")


# --- order and dates --------------------------------------------------------------------------------

def two_modules(tmp_path, second_track: str) -> list[str]:
    """The problems of two modules at order 1, the second in ``second_track``, in both languages."""
    for lang in ("fi", "en"):
        write(tmp_path, lang, "a.md")
        path = write(tmp_path, lang, "b.md", id="n", question="q2", item="i2")
        path.write_text(path.read_text(encoding="utf-8").replace("track: rights", f"track: {second_track}")
                        .replace("id: q\n", "id: q-b\n").replace("id: c\n", "id: c-b\n"), encoding="utf-8")
    return [str(p) for p in report(tmp_path, today=TODAY).problems]


def test_two_modules_in_one_position_of_a_track_are_an_error_at_the_second(tmp_path):
    assert two_modules(tmp_path, "rights") == [
        f"docs/{lang}/b.md:5: order 1 in track 'rights' is also used by docs/{lang}/a.md: give each module "
        "of a track its own position" for lang in ("en", "fi")]


def test_the_same_order_in_another_track_is_no_problem(tmp_path):
    assert two_modules(tmp_path, "company") == []


@pytest.mark.parametrize("dates, line, message", [
    ("sources_as_of: 2026-01\nreviewed: 2026-11-26\nreviewer: juristi", 19,
     "'reviewed' is 2026-11-26, a date still to come: write a date no later than today"),
    ("sources_as_of: 2026-01\nreviewed: 2031-01-01\nreviewer: juristi", 19,
     "'reviewed' is 2031-01-01, a date still to come: write a date no later than today"),
    ("sources_as_of: 2026-12", 18, "'sources_as_of' is 2026-12, a date still to come: write a date no later than today"),
])
def test_a_date_still_to_come_is_an_error_at_its_line(tmp_path, dates, line, message):
    assert problems_after(tmp_path, "sources_as_of: 2026-01", dates) == [f"{PATH}:{line}: {message}"]


def test_a_review_today_is_no_problem(tmp_path):
    assert problems_after(tmp_path, "sources_as_of: 2026-01",
                          "sources_as_of: 2026-01\nreviewed: 2026-11-25\nreviewer: juristi") == []


# --- YAML: tabs, colons, brackets, quotes ------------------------------------------------------------

TAB = "a tab is used for indentation: indent with spaces only"
COLON = "a key without its colon: write 'key: value', or put text that contains ': ' in quotes"
BRACKET = "a list in brackets '[' is never closed: end it with ']' on the same line, or put the text in quotes"
BRACE = "a group in braces '{' is never closed: end it with '}' on the same line, or put the text in quotes"
QUOTE = "a text in quotes is never closed: end it with the same quote mark it starts with"


@pytest.mark.parametrize("old, new", [
    ("track: rights", "\ttrack: rights"),
    ("  teaching: 10", "\tteaching: 10"),
    ("  - Otsikko\nkey_points", "\t- Otsikko\nkey_points"),
])
def test_a_tab_in_the_front_matter_is_named_at_its_line(tmp_path, old, new):
    assert problems_after(tmp_path, old, new) == [f"{PATH}:{line_of(old)}: {TAB}"]


@pytest.mark.parametrize("old, new, kind", [
    ("    text: Kohta", "\ttext: Kohta", "checklist"),
    ("    type: single", "\ttype: single", "quiz"),
    ("        correct: {first}".format(**DEFAULTS), "\t\tcorrect: true", "quiz"),
    ("notes: Ohje.", "notes: |\n\tOhje.", "trainer"),
])
def test_a_tab_in_a_block_is_named_at_its_line(tmp_path, old, new, kind):
    line = line_of(old) + new.count("\n")
    assert problems_after(tmp_path, old, new) == [
        f"{PATH}:{line}: a tab is used for indentation in the {kind} block: indent with spaces only"]


@pytest.mark.parametrize("old, new", [
    ("id: m", "id m"), ("title: Otsikko", "title Otsikko"), ("legal: true", "legal true"),
    ("track: rights", "track rights"),
    ("minutes: 15", "minutes 15"), ("notes: Ohje.", "notes Ohje."),
    ("    type: single", "    type single"), ("      - text: A", "      - text A"),
    ("        correct: true", "        correct true"), ("  - id: i1", "  - id i1"), ("    text: Kohta", "    text Kohta"),
    ("  - id: q1", "  - id q1"),
])
def test_a_key_without_its_colon_is_named_at_its_line(tmp_path, old, new):
    assert problems_after(tmp_path, old, new) == [f"{PATH}:{line_of(old)}: {COLON}"]


@pytest.mark.parametrize("old, new, message", [
    ("audiences: [participant]", "audiences: [participant", BRACKET),
    ("audiences: [participant]", "audiences: [participant, trainer", BRACKET),
    ("      - text: A", "      - text: [A, B", BRACKET),
    ("    text: Kohta", "    text: {Kohta", BRACE),
    ("title: Otsikko", 'title: "Otsikko', QUOTE),
    ("title: Otsikko", "title: 'Otsikko", QUOTE),
    ("    question: Kysymys?", '    question: "Kysymys?', QUOTE),
    ("      - text: A", "      - text: 'A", QUOTE),
    ("notes: Ohje.", "notes: 'Ohje.", QUOTE),
])
def test_an_unclosed_bracket_or_quote_is_named_where_it_opens(tmp_path, old, new, message):
    assert problems_after(tmp_path, old, new) == [f"{PATH}:{line_of(old)}: {message}"]


# --- a module without its id ------------------------------------------------------------------------

NO_ID = ("this page has module keys (track, order, audiences, duration) but no 'id:': give the module its id "
         "(a-z, 0-9 and '-', the same in both languages), or remove the module keys")


@pytest.mark.parametrize("new", ["", "# id: m\n", "\n"])
def test_a_module_without_its_id_says_exactly_that(tmp_path, new):
    assert problems_after(tmp_path, "---\nid: m\n", "---\n" + new) == [f"{PATH}:2: {NO_ID}"]


# --- the list of untranslated pages --------------------------------------------------------------

@pytest.mark.parametrize("text, line, message", [
    (b"untranslated:\n  - path: a.md\n    reason: [kesken\n", 3, BRACKET),
    (b"untranslated:\n  - path: a.md\n\treason: kesken\n", 3, TAB),
    (b"untranslated:\n  - path: a.md\n    reason: kesk\xe4n\n", 3, NOT_UTF8.format(byte="0xe4")),
])
def test_a_broken_list_of_untranslated_pages_is_named_at_its_line(tmp_path, text, line, message):
    write(tmp_path, "fi", "a.md")
    (tmp_path / "translations.yml").write_bytes(text)
    problems = [str(p) for p in report(tmp_path, today=TODAY).problems]
    assert problems[1:] == [f"translations.yml:{line}: {message}"]

