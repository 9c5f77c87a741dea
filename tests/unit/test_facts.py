"""The fact register: its schema and every mistake in it at its line, references from pages
(${id}) in every place Markdown is written, the contact cards, hand-written numbers, and the
site owner's re-check list."""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import markdown
import pytest
from bs4 import BeautifulSoup
from site_helpers import ROOT

from training.site.checks import check_docs, check_page
from training.facts import read_register
from training.facts.inline import FactsExtension
from training.blocks.contacts import parse_contacts
from training.facts.references import front_matter_problems, hand_written_numbers
from training.facts.register import load_register
from training.facts.report import markdown_table, recheck_problems, recheck_rows
from training.facts.view import FactView
from training.safe.markup import Renderer
from training.checklist.render import render_checklist
from training.quiz.render import render_quiz
from training.site.page_blocks import load_block
from training.strings import load_strings

TODAY = dt.date(2026, 12, 6)
LANGUAGES = ["fi", "en"]
REGISTER = """\
recheck_after_months:
  contact: 6
  figure: 12
facts:
  nas:
    kind: contact
    name:
      fi: Auttamisjärjestelmä
      en: Assistance System
    phone: +358 2954 63177
    email: apu@example.fi
    web: https://ihmiskauppa.fi/
    hours:
      fi: Ympäri vuorokauden
      en: 24 hours a day
    serves:
      fi: Kaikki
      en: Everyone
    anonymous: true
    source:
      title: Migri
      url: https://migri.fi/en/assistance
      dated: 2025-06
    confirmed: no
  emergency:
    kind: contact
    name:
      fi: Hätänumero
      en: Emergency number
    phone: "112"
    serves:
      fi: Kaikki
      en: Everyone
    source:
      title: Migri
      url: https://migri.fi/en/assistance
      dated: undated
    confirmed:
      on: 2026-11-01
      by: site owner
  sak-line:
    kind: contact
    name:
      fi: SAK
      en: SAK
    phone: 0800 414 004
    serves:
      fi: Työntekijät
      en: Workers
    source:
      title: SAK
      url: https://sak.fi/
      dated: undated
    confirmed:
      on: 2026-01-02
      by: site owner
  old-email:
    kind: contact
    name:
      fi: Vanha
      en: Old
    email: old@example.fi
    serves:
      fi: Ei ketään
      en: Nobody
    source:
      title: SAK
      url: https://sak.fi/
      dated: undated
    confirmed: no
    status: withdrawn
  fee:
    kind: figure
    name:
      fi: Maksu
      en: Fee
    value:
      fi: 180 euroa
      en: 180 euros
    source:
      title: Migri
      url: https://migri.fi/en/fee
      dated: undated
    confirmed:
      on: 2026-10-01
      by: site owner
"""


@pytest.fixture(scope="module")
def register():
    found, problems = load_register(REGISTER, "facts.yml", LANGUAGES, TODAY)
    assert problems == []
    return found


def problems_of(text: str) -> list[str]:
    return [str(p) for p in load_register(textwrap.dedent(text), "facts.yml", LANGUAGES, TODAY)[1]]


# --- the register ------------------------------------------------------------------------------


def test_a_valid_register_is_read_with_lines_and_settings(register):
    assert list(register.facts) == ["nas", "emergency", "sak-line", "old-email", "fee"]
    nas = register.facts["nas"]
    assert (nas.kind, nas.line, nas.phone, nas.tel, nas.anonymous) == ("contact", 5, "+358 2954 63177", "+358295463177", True)
    assert nas.text("hours", "en") == "24 hours a day" and nas.confirmed is None
    assert register.facts["emergency"].tel == "112"
    assert register.facts["sak-line"].tel == "+358800414004"
    assert register.facts["emergency"].confirmed.by == "site owner"
    assert register.recheck_months == {"contact": 6, "figure": 12}


BROKEN = """\
facts:
  nas:
    kind: contact
    name:
      fi: Auttamisjärjestelmä
    phone: 0295 46 31 77x
    web: http://ihmiskauppa.fi
    serves:
      fi: Kaikki
      en: Everyone
      sv: Alla
    colour: red
    source:
      title: Migri
      url: http://migri.fi
      dated: last spring
    confirmed:
      on: 2027-01-01
      by: site owner
  fee:
    kind: figure
    name:
      fi: Maksu
      en: Fee
    source:
      url: https://migri.fi
      dated: undated
    confirmed: yes
    status: gone
  Bad_Id:
    kind: contact
  nothing:
    kind: contact
    name:
      fi: Ei
      en: No
    serves:
      fi: Ei
      en: No
    confirmed: no
  nas:
    kind: figure
"""


def test_every_mistake_in_the_register_is_reported_at_its_line_all_at_once():
    assert problems_of(BROKEN) == [
        "facts.yml:5: 'name' of fact 'nas' has no text for 'en': add 'en: …' under it",
        "facts.yml:6: the phone number of fact 'nas' may hold only digits and spaces, with '+' first for an "
        "international number ('+358 2954 63177'), not '0295 46 31 77x'",
        "facts.yml:7: the web address of fact 'nas' must start with https://, not 'http://ihmiskauppa.fi'",
        "facts.yml:11: unknown key 'sv' in 'serves' of fact 'nas': use only fi, en",
        "facts.yml:12: unknown key 'colour' in fact 'nas': use only kind, source, confirmed, status, name, hours, "
        "languages, serves, cost, note, phone, email, web, anonymous, value",
        "facts.yml:15: the source of fact 'nas' needs a 'url:' that starts with https://, not 'http://migri.fi'",
        "facts.yml:16: 'dated' of the source of fact 'nas' must be the date the page shows (YYYY-MM-DD or YYYY-MM), "
        "or 'undated', not 'last spring'",
        "facts.yml:18: fact 'nas' is confirmed on 2027-01-01, a date still to come: write the day the check was made",
        "facts.yml:20: fact 'fee' needs 'value:' with a text for each language (fi, en)",
        "facts.yml:25: the source of fact 'fee' needs 'title:', the name of the official page",
        "facts.yml:28: 'confirmed' of fact 'fee' needs the day and who checked it, not just 'yes': write 'on: "
        "YYYY-MM-DD' and 'by: ROLE' on indented lines under it",
        "facts.yml:29: unknown status 'gone' for fact 'fee': use current, withdrawn (the service has ended) or "
        "changed (the value is known to be wrong and the new one is not yet known)",
        "facts.yml:30: fact id 'Bad_Id' may use only a-z, 0-9 and '-'",
        "facts.yml:32: fact 'nothing' needs 'source:' with the 'title:', 'url:' (https://) and 'dated:' of the "
        "official page it comes from",
        "facts.yml:32: fact 'nothing' needs at least one way to reach it: 'phone:', 'email:' or 'web:'",
        "facts.yml:41: fact 'nas' appears twice (first on line 2): keep only one",
    ]


@pytest.mark.parametrize("text, expected", [
    ("facts:\n\tnas: 1\n", "facts.yml:2: a tab is used for indentation: indent with spaces only"),
    ("facts:\n  nas:\n    kind: [contact\n", "facts.yml:3: a list in brackets '[' is never closed"),
    ("facts: [1, 2]\n", "facts.yml:1: 'facts:' must hold one entry per fact"),
    ("- nas\n", "facts.yml:1: facts.yml must hold 'facts:'"),
    ("recheck_after_months:\n  contact: six\nfacts: {}\n",
     "facts.yml:2: 'contact' in 'recheck_after_months' must be a whole number of months, not 'six'"),
    ("recheck_after_months:\n  contact: 6\n", "facts.yml:1: the register needs 'facts:'"),
    ("facts:\n  nas:\n    name:\n      fi: A\n      en: B\n",
     "facts.yml:2: fact 'nas' needs 'kind: contact' or 'kind: figure'"),
    ("facts:\n  nas:\n    kind: person\n", "facts.yml:3: fact 'nas' needs 'kind: contact' or 'kind: figure', not 'person'"),
    ("facts:\n  x:\n    kind: figure\n    name: {fi: A, en: B}\n    value: {fi: A, en: B}\n    phone: '1'\n"
     "    source: {title: T, url: 'https://a.fi', dated: undated}\n    confirmed: no\n",
     "facts.yml:6: 'phone' is not used by a figure (fact 'x')"),
    ("facts:\n  x:\n    kind: figure\n    name: {fi: A, en: B}\n    value: {fi: A, en: B}\n"
     "    source: {title: T, url: 'https://a.fi', dated: undated}\n",
     "facts.yml:2: fact 'x' needs 'confirmed:'"),
    ("facts:\n  x:\n    kind: figure\n    name: {fi: A, en: B}\n    value: {fi: A, en: B}\n"
     "    source: {title: T, url: 'https://a.fi', dated: undated}\n    confirmed: {on: 2026-01-01}\n",
     "facts.yml:7: 'confirmed' of fact 'x' needs 'by:'"),
    ("facts:\n  x:\n    kind: figure\n    name: {fi: A, en: B}\n    value: {fi: A, en: B}\n"
     "    source: {title: T, url: 'https://a.fi', dated: undated}\n    confirmed: {on: 1.1.2026, by: owner}\n",
     "facts.yml:7: 'on' of 'confirmed' (fact 'x') must be the date written YYYY-MM-DD, not '1.1.2026'"),
    ("facts:\n  x:\n    kind: contact\n    name: {fi: A, en: B}\n    serves: {fi: A, en: B}\n    email: not-an-address\n"
     "    source: {title: T, url: 'https://a.fi', dated: undated}\n    confirmed: no\n",
     "facts.yml:6: 'not-an-address' is not an e-mail address (fact 'x')"),
    ("facts:\n  x:\n    kind: contact\n    name: {fi: A, en: B}\n    serves: Kaikki\n    web: https://a.fi\n"
     "    source: {title: T, url: 'https://a.fi', dated: undated}\n    confirmed: no\n",
     "facts.yml:5: 'serves' of fact 'x' needs one text per language"),
    ("facts:\n  x:\n    kind: contact\n    name: {fi: A, en: B}\n    serves: {fi: A, en: B}\n    web: https://a.fi\n"
     "    anonymous: maybe\n    source: {title: T, url: 'https://a.fi', dated: undated}\n    confirmed: no\n",
     "facts.yml:7: 'anonymous' in fact 'x' must be true or false, not 'maybe'"),
    ("facts:\n  x:\n    kind: contact\n    name: {fi: A, en: B}\n    serves: {fi: A, en: B}\n    web: https://a.fi\n"
     "    source: 'https://a.fi'\n    confirmed: no\n",
     "facts.yml:7: the source of fact 'x' must be 'title:', 'url:' and 'dated:'"),
    ("facts:\n  x:\n    kind: contact\n    name: {fi: A, en: B}\n    serves: {fi: A, en: B}\n    web: https://a.fi\n"
     "    source:\n      title: T\n      url: https://www.avi.fi/en/services\n      dated: undated\n    confirmed: no\n",
     "facts.yml:9: the source of fact 'x' (https://www.avi.fi/en/services): the Regional State Administrative "
     "Agencies (AVI) ceased on 1 January 2026: cite tyosuojelu.fi or the Finnish Supervisory Agency's own page"),
])
def test_each_kind_of_register_mistake_is_located(text, expected):
    found = problems_of(text)
    assert any(problem.startswith(expected) for problem in found), found


def test_a_register_that_is_not_utf8_names_its_line(tmp_path):
    (tmp_path / "facts.yml").write_bytes(b"facts:\n  nas:\n    name: \xff\n")
    assert [str(p) for p in read_register(tmp_path, LANGUAGES, TODAY)[1]] == [
        "facts.yml:3: this line is not UTF-8 text: save the file as UTF-8"]


def test_no_register_is_an_empty_one(tmp_path):
    found, problems = read_register(tmp_path, LANGUAGES, TODAY)
    assert (found.facts, problems) == ({}, [])


def test_the_real_register_is_valid_and_every_fact_has_an_official_https_source():
    found, problems = read_register(ROOT, LANGUAGES, dt.date.today())
    assert problems == []
    assert len(found.facts) >= 15
    assert all(f.source.url.startswith("https://") and f.source.title for f in found.facts.values())
    # Nobody has confirmed a fact at its live source yet: the register must not claim it.
    assert [f.id for f in found.facts.values() if f.confirmed is not None] == []


# --- references on a page ------------------------------------------------------------------------

PATH = "docs/fi/sivu.md"


def page_problems(source: str, register, rel: str = "sivu.md") -> list[str]:
    _, problems, _, _ = check_page(source, PATH, "fi", rel, register, TODAY)
    return [str(p) for p in problems]


def test_unknown_ids_fields_and_retired_facts_fail_at_their_line(register):
    source = "\n".join([
        "# Sivu",
        "Soita ${nsa}.",
        "Soita ${nas.fax}.",
        "Maksu ${fee.phone}.",
        "Kirjoita ${old-email.email}.",
        "Tyhjä ${}.",
        "```quiz",
        "id: q",
        "questions:",
        "  - id: a",
        "    type: text",
        "    question: Mikä numero?",
        "    answers: ['${emergency}']",
        "```",
        "```trainer",
        "minutes: 1",
        "notes: Kerro ${emergenci}.",
        "```",
    ])
    assert page_problems(source, register) == [
        f"{PATH}:2: unknown fact 'nsa' in '${{nsa}}': did you mean 'nas'?",
        f"{PATH}:3: a contact has no field 'fax' ('${{nas.fax}}'): use one of name, phone, email, web, hours, "
        "languages, serves, cost, note, or ${nas} alone",
        f"{PATH}:4: a figure has no field 'phone' ('${{fee.phone}}'): use one of name, value, note, or ${{fee}} alone",
        f"{PATH}:5: fact 'old-email' is marked withdrawn in facts.yml:57 (the service has ended): take it off this "
        "page, or give the register its new value and set 'status: current'",
        f"{PATH}:6: '${{}}' names no fact: write ${{id}} or ${{id.field}} with an id from facts.yml",
        f"{PATH}:10: question 'a': an accepted answer cannot be a fact (${{…}}): write the answer out, or ask the "
        "question another way",
        f"{PATH}:15: trainer blocks belong in modules: give the page module front matter (see CONTRIBUTING.md) "
        "or remove the block",
        f"{PATH}:17: unknown fact 'emergenci' in '${{emergenci}}': did you mean 'emergency'?",
    ]


def test_a_field_the_fact_does_not_have_is_named_with_the_register_line(register):
    assert page_problems("Kello ${emergency.hours}.\n", register) == [
        f"{PATH}:1: fact 'emergency' has no 'hours' in facts.yml (line 25): add it there, or show another field"]


def test_front_matter_may_show_facts_in_key_points_only():
    front = "id: x\ntitle: Soita ${nas}\nobjectives:\n  - Tiedät ${nas}\nkey_points:\n  - Hätänumero on ${emergency}.\n"
    assert [str(p) for p in front_matter_problems(front, PATH)] == [
        f"{PATH}:3: facts cannot be used in 'title': only key points show them; write the fact in the page's text instead",
        f"{PATH}:5: facts cannot be used in 'objectives': only key points show them; write the fact in the page's "
        "text instead",
    ]


def test_references_in_code_and_in_code_blocks_are_left_as_written(register):
    source = "# Sivu\n\nKirjoita `${nsa}` näin.\n\n```markdown\nSoita ${nsa}.\n```\n"
    assert page_problems(source, register) == []


NUMBERS = [
    ("Soita 112 heti.", "112"),
    ("Soita [112](tel:112).", "112"),
    ("Numero +358 2954 63177.", "+358 2954 63177"),
    ("Numero 0800 414 004 on auki.", "0800 414 004"),
    ("Numero 09 2525 0111.", "09 2525 0111"),
    ("Auttava puhelin 116 006.", "116 006"),
    ("Soita [tästä](tel:+358406329293).", "+358406329293"),
    ("| RIKU | 116006 |", "116006"),
]


@pytest.mark.parametrize("line, number", NUMBERS)
def test_a_phone_number_written_by_hand_is_an_error(register, line, number):
    found = [str(p) for p in hand_written_numbers([(7, line)], PATH, register)]
    assert len(found) == 1 and found[0].startswith(f"{PATH}:7: phone number '{number}' written by hand"), found


def test_a_known_number_suggests_its_fact_and_a_retired_one_says_so(register):
    found = [str(p) for p in hand_written_numbers([(3, "Soita 0295 463 177 tai +358 800 414 004.")], PATH, register)]
    assert found == [
        f"{PATH}:3: phone number '0295 463 177' written by hand: write ${{nas}} instead, so that it is kept up to "
        "date in one place",
        f"{PATH}:3: phone number '+358 800 414 004' written by hand: write ${{sak-line}} instead, so that it is "
        "kept up to date in one place",
    ]


@pytest.mark.parametrize("line", [
    "Laki 1233/2006 ja HE 199/2025.", "Maksu on 9 000 euroa.", "Voimassa 1.1.2026 alkaen.", "Sakko 2 000–20 000 €.",
    "60 % veroa.", "Yli 5 000 työntekijää.", "Vuonna 2024 tunnistettiin 130 uhria ja 1 339 tilausta.",
    "Soita ${nas}.", "Kello 9–11 ja 12–15.", "Puhelin 10 päivää.",
])
def test_numbers_that_are_no_phone_numbers_pass(register, line):
    assert hand_written_numbers([(1, line)], PATH, register) == []


def test_the_demo_page_may_write_numbers_by_hand(register):
    assert page_problems("Soita 112.\n", register, rel="toimittajille/esimerkki.md") == []
    assert page_problems("Soita 112.\n", register) != []


# --- rendering -------------------------------------------------------------------------------------


@pytest.fixture
def facts_context(register) -> FactView:
    """The register of a Finnish page that may show the test register's facts."""
    return FactView(register, "fi", load_strings("fi"))


def prose(text: str, view: FactView) -> BeautifulSoup:
    """A page's Markdown as MkDocs renders it, with this site's extensions."""
    html = markdown.Markdown(extensions=["tables", "admonition", FactsExtension(view)]).convert(text)
    return BeautifulSoup(html, "html.parser")


def test_a_phone_number_is_a_tel_link_for_reading_with_the_unconfirmed_mark(facts_context):
    soup = prose("Soita ${nas}.", facts_context)
    fact = soup.select_one("span.fact[data-fact=nas]")
    assert fact.a["href"] == "tel:+358295463177" and fact.a.get_text() == "+358 2954 63177"
    assert fact.select_one(".to-confirm").get_text() == "(tieto tarkistetaan)"


def test_a_confirmed_fact_and_a_name_carry_no_mark(facts_context):
    soup = prose("Soita ${emergency}. Nimi: ${nas.name}. Maksu: ${fee}.", facts_context)
    assert soup.select(".to-confirm") == []
    assert [s.get_text() for s in soup.select(".fact")] == ["112", "Auttamisjärjestelmä", "180 euroa"]


def test_every_field_renders_in_the_page_language(register):
    soup = prose("${nas.email} ${nas.web} ${nas.hours} ${nas.serves} ${fee.value}",
                 FactView(register, "en", load_strings("en")))
    facts = soup.select(".fact")
    assert facts[0].a["href"] == "mailto:apu@example.fi"
    assert facts[1].a["href"] == "https://ihmiskauppa.fi/" and facts[1].a.get_text() == "ihmiskauppa.fi"
    assert [f.get_text(" ", strip=True) for f in facts[2:]] == [
        "24 hours a day (to be confirmed)", "Everyone (to be confirmed)", "180 euros"]


@pytest.mark.parametrize("markdown_text, selector", [
    ("- Soita ${nas}\n- Tai ${emergency}\n", "li .fact"),
    ("| Kuka | Numero |\n|---|---|\n| Apu | ${nas} |\n", "td .fact"),
    ('!!! note "Apua"\n    Soita ${nas}.\n', ".admonition .fact"),
    ("## Soita ${nas}\n", "h2 .fact"),
])
def test_facts_render_in_lists_tables_admonitions_and_headings(facts_context, markdown_text, selector):
    assert prose(markdown_text, facts_context).select_one(selector + " a[href^='tel:']") is not None


def test_facts_render_in_quiz_checklist_and_their_labels_have_no_link(facts_context, register):
    quiz = load_block("quiz", textwrap.dedent("""\
        id: apu
        questions:
          - id: numero
            type: single
            question: Mihin soitat? Katso ${nas.name}.
            options:
              - text: "${emergency}"
                correct: true
                feedback: Oikein, ${emergency} on hätänumero.
              - text: Ei mihinkään
            explanation: Hätänumero on ${emergency} [VERIFY].
        """), PATH, 3)
    soup = BeautifulSoup(render_quiz(quiz, load_strings("fi"), facts=facts_context), "html.parser")
    assert soup.select_one("label .fact").get_text() == "112" and soup.select("label a") == []
    assert soup.select("label .to-confirm") == []  # a mark on one option would point at the answer
    assert soup.select_one(".training-option__feedback .fact a")["href"] == "tel:112"
    assert soup.select_one(".training-explanation .fact a")["href"] == "tel:112"
    assert soup.select_one(".training-explanation .to-confirm").get_text() == "(tieto tarkistetaan)"
    checklist = load_block("checklist", "id: lista\nitems:\n  - id: a\n    text: Tallenna ${nas}\n"
                                        "    hint: Numero ${nas} toimii aina.\n", PATH, 3)
    soup = BeautifulSoup(render_checklist(checklist, load_strings("fi"), facts=facts_context), "html.parser")
    assert soup.select("label a") == [] and soup.select_one(".training-item__hint a")["href"] == "tel:+358295463177"


def test_facts_in_a_trainer_note_render_in_its_notes(facts_context):
    html = Renderer(facts=facts_context).block("Jos joku on vaarassa, soita ${emergency}.")
    assert 'href="tel:112"' in html


def test_the_exports_write_facts_out_as_markdown(register):
    view = FactView(register, "en", load_strings("en"))
    assert view.substitute("Call ${nas} or ${emergency}.") == (
        "Call [+358 2954 63177](tel:+358295463177) (to be confirmed) or [112](tel:112).")
    assert view.substitute("${nas}", links=False) == "+358 2954 63177"  # an option: no mark to give the answer away


def test_register_text_is_escaped_and_cannot_carry_script(tmp_path):
    hostile = REGISTER.replace("fi: Ympäri vuorokauden", "fi: '<img src=x onerror=alert(1)> [x](javascript:alert(1))'")
    found, problems = load_register(hostile, "facts.yml", LANGUAGES, TODAY)
    assert problems == []
    view = FactView(found, "fi", load_strings("fi"))
    soup = prose("${nas.hours}", view)
    card = BeautifulSoup(view.cards(["nas"]), "html.parser")
    for tree in (soup, card):
        assert tree.select("img") == [] and not tree.select("a[href^=javascript]")
        assert "<img" in tree.get_text()


# --- the contacts block ----------------------------------------------------------------------------


@pytest.mark.parametrize("language, labels", [
    ("fi", ["Puhelin", "Sähköposti", "Verkkosivu", "Auki", "Kenelle", "Voit asioida nimettömänä"]),
    ("en", ["Phone", "E-mail", "Website", "Open", "For whom", "You can stay anonymous"]),
])
def test_a_contact_card_in_each_language(register, language, labels):
    strings = load_strings(language)
    soup = BeautifulSoup(FactView(register, language, strings).cards(["nas", "emergency"]), "html.parser")
    nas, emergency = soup.select(".contact-card")
    assert nas.h3.get_text() == register.facts["nas"].text("name", language)
    assert [dt_.get_text() for dt_ in nas.select("dt")] == labels
    assert nas.select_one("a[href='tel:+358295463177']").get_text() == "+358 2954 63177"
    assert nas.select_one(".contact-card__checked .to-confirm").get_text() == strings["fact_not_confirmed"]
    assert nas.select_one(".contact-card__checked a")["href"] == "https://migri.fi/en/assistance"
    checked = emergency.select_one(".contact-card__checked").get_text(" ", strip=True)
    assert ("1.11.2026" if language == "fi" else "1 November 2026") in checked and "site owner" in checked
    assert emergency.select(".to-confirm") == []


def test_a_contacts_block_reports_unknown_ids_and_figures_at_their_lines(register):
    uses, problems = parse_contacts("- nas\n- nsa\n- fee\n- [a, b]\n", PATH, 10, register)
    assert [u.ident for u in uses] == ["nas", "nsa", "fee"]
    assert [str(p) for p in problems] == [
        f"{PATH}:12: unknown fact 'nsa' in '${{nsa}}': did you mean 'nas'?",
        f"{PATH}:13: 'fee' is a figure, not a contact: a contacts block shows contacts only; write ${{fee}} in the "
        "text instead",
        f"{PATH}:14: each entry of a contacts block is one contact id from the register ('- nas')",
    ]
    assert [str(p) for p in parse_contacts("", PATH, 10, register)[1]] == [
        f"{PATH}:10: the contacts block is empty: list the ids of its contacts, one per line ('- nas')"]
    assert [str(p) for p in parse_contacts("nas: 1\n", PATH, 10, register)[1]] == [
        f"{PATH}:11: a contacts block lists contact ids, one per line, each after '- ' ('- nas')"]


# --- the owner's re-check list ---------------------------------------------------------------------


def test_the_recheck_list_puts_unconfirmed_then_overdue_first(register):
    rows = recheck_rows(register, [], TODAY)
    assert [(r.fact.id, r.state(TODAY)) for r in rows] == [
        ("nas", "not yet confirmed"), ("sak-line", "due for a new check"), ("old-email", "withdrawn"),
        ("emergency", "confirmed"), ("fee", "confirmed")]
    assert [r.due.isoformat() if r.due else None for r in rows] == [None, "2026-07-02", None, "2027-05-01", "2027-10-01"]
    assert [str(p) for p in recheck_problems(rows, register, TODAY)] == [
        "facts.yml:5: fact 'nas' has not been confirmed at its source yet (https://migri.fi/en/assistance): "
        "check it there, then set 'confirmed:'",
        "facts.yml:41: fact 'sak-line' was last confirmed on 2026-01-02, more than 6 months ago: check it again at "
        "https://sak.fi/ and update 'confirmed:'",
    ]


def test_the_recheck_list_as_a_markdown_table_names_sources_and_pages(register):
    page, _, _, _ = check_page("# A\n\nSoita ${nas}.\n", PATH, "fi", "a.md", register, TODAY)
    table = markdown_table(recheck_rows(register, page.fact_uses, TODAY), register, "fi", TODAY)
    lines = table.splitlines()
    assert lines[0] == "# Facts to check at their source (2026-12-06)"
    header = lines.index("| Fact | Value | Source | Status | Last confirmed | Next check | Shown on |")
    first = lines[header + 2]
    assert first.startswith("| `nas` (Auttamisjärjestelmä, `facts.yml:5`) | +358 2954 63177, apu@example.fi, "
                            "https://ihmiskauppa.fi/ | [Migri](https://migri.fi/en/assistance) (2025-06) | "
                            "not yet confirmed | never | now | `docs/fi/sivu.md:3` |")
    assert "| `fee` (Maksu, `facts.yml:" in table and "| 180 euroa |" in table and "| not used |" in table


def test_make_facts_prints_and_writes_the_list(tmp_path, monkeypatch):
    import shutil

    from training.facts.report import main

    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "facts.yml").write_text(REGISTER.replace("fi: Ympäri", "fi: Aina"), encoding="utf-8")
    for language in LANGUAGES:
        (tmp_path / "docs" / language).mkdir(parents=True)
        (tmp_path / "docs" / language / "apua.md").write_text("# Apu\n\nSoita ${nas}.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["docs"]) == 0
    written = (tmp_path / "dist" / "facts-to-check.md").read_text(encoding="utf-8")
    assert "`docs/fi/apua.md:3`, `docs/en/apua.md:3`" in written
    assert re.search(r"\| `nas` .*\| not yet confirmed \|", written)


def test_the_real_docs_use_no_number_by_hand_and_only_known_facts():
    report = check_docs(ROOT / "docs", ROOT, languages=LANGUAGES, config_file=ROOT / "mkdocs.yml")
    assert report.problems == []
    used = {use.ident for use in report.fact_uses}
    assert {"emergency", "nas", "sak-advice", "osh"} <= used
    assert report.help_contact.ident == "nas"


def test_a_number_in_front_matter_is_no_phone_number_but_text_there_is_read(register):
    front = "---\ntitle: Soita 112\norder: 112\nduration:\n  teaching: 116\n---\n# Sivu\n"
    assert [p for p in page_problems(front, register) if "written by hand" in p] == [
        f"{PATH}:2: phone number '112' written by hand: write ${{emergency}} instead, so that it is kept up to "
        "date in one place"]
