"""The module front matter schema, trainer blocks and the session plan."""

from __future__ import annotations

import datetime as dt

from training.site.checks import check_page
from training.errors import ContentError
from training.modules.module import parse_front_matter, parse_trainer
from training.site.page_blocks import load_block, read_page
from training.source import split_front_matter

PATH = "docs/fi/oikeudet/x.md"

VALID = """id: x
title: Otsikko
track: rights
order: 1
audiences: [participant, trainer]
duration:
  teaching: 10
  exercises: 5
objectives:
  - Osaat asian.
key_points:
  - Tärkeä asia.
prerequisites: []
legal: true
sources:
  - title: Työsopimuslaki
    url: https://www.finlex.fi/fi/lainsaadanto/2001/55
sources_as_of: 2026-01
"""


def messages(front: str) -> list[str]:
    return [str(p) for p in parse_front_matter(front, PATH)[1]]


def test_a_valid_module_is_read_with_every_field():
    module, problems = parse_front_matter(VALID, PATH)
    assert problems == []
    assert (module.id, module.track, module.order, module.minutes) == ("x", "rights", 1, 15)
    assert module.audiences == ["participant", "trainer"]
    assert (module.sources_as_of, module.reviewed, module.facts_dated) == (dt.date(2026, 1, 1), None, dt.date(2026, 1, 1))
    assert module.sources[0].url.startswith("https://www.finlex.fi/")
    assert module.line_of("duration") == 7  # front matter starts on file line 2


def test_a_page_without_id_is_not_a_module_but_its_keys_are_still_checked():
    assert parse_front_matter("title: Sivu\n", PATH) == (None, [])
    assert messages("titel: Sivu\n") == [f"{PATH}:2: unknown key 'titel' in the front matter: did you mean 'title'?"]


def test_an_unknown_key_in_a_module_is_an_error_with_its_line():
    assert messages(VALID + "audience: company\n") == [
        f"{PATH}:20: unknown key 'audience' in the module's front matter: did you mean 'audiences'?"]


def test_unknown_track_and_audience_are_named():
    front = VALID.replace("track: rights", "track: law").replace("[participant, trainer]", "[participant, boss]")
    assert messages(front) == [
        f"{PATH}:4: unknown track 'law': use one of working-life, rights, company, professionals",
        f"{PATH}:6: unknown audience 'boss': use any of participant, company, professional, trainer",
    ]


def test_missing_required_keys_are_all_reported():
    found = messages("id: x\ntitle: T\n")
    assert f"{PATH}:2: a module needs 'track:' in its front matter (see CONTRIBUTING.md, 'Training modules')" in found
    assert len(found) == 6  # track, order, audiences, duration, objectives, key_points


def test_legal_facts_need_sources_and_the_date_of_the_sources():
    front = VALID.split("sources:")[0]
    assert messages(front) == [
        f"{PATH}:15: a module with legal facts (legal: true) needs 'sources:' with the title and url of each official source",
        f"{PATH}:15: a module with legal facts (legal: true) needs 'sources_as_of: YYYY-MM', the date of the sources "
        "its text was written from",
    ]


def test_a_bad_date_and_a_bad_duration_are_located():
    front = VALID.replace("sources_as_of: 2026-01", "sources_as_of: tammikuu 2026").replace("teaching: 10", "teaching: ten")
    assert messages(front) == [
        f"{PATH}:8: 'teaching' in 'duration' must be a whole number of minutes or a position, not 'ten'",
        f"{PATH}:19: 'sources_as_of' must be a date written YYYY-MM or YYYY-MM-DD, not 'tammikuu 2026'",
    ]


def test_a_review_is_a_person_on_a_day_that_has_been():
    today = dt.date(2026, 12, 6)
    module, problems = parse_front_matter(VALID + "reviewed: 2026-12-01\nreviewer: sisällöntuottaja\n", PATH, today)
    assert problems == [] and module.reviewed == dt.date(2026, 12, 1) and module.facts_dated == dt.date(2026, 12, 1)
    assert [str(p) for p in parse_front_matter(VALID + "reviewed: 2026-12-07\nreviewer: X\n", PATH, today)[1]] == [
        f"{PATH}:20: 'reviewed' is 2026-12-07, a date still to come: write a date no later than today"]
    assert [str(p) for p in parse_front_matter(VALID + "reviewed: 2026-12-01\n", PATH, today)[1]] == [
        f"{PATH}:20: 'reviewed' needs 'reviewer:', the role of the person who compared the page with the live "
        "official sources that day; without such a check, leave both out"]
    assert [str(p) for p in parse_front_matter(VALID + "reviewer: X\n", PATH, today)[1]] == [
        f"{PATH}:20: 'reviewer' needs 'reviewed: YYYY-MM-DD', the day of the review"]
    assert [str(p) for p in parse_front_matter(VALID.replace("2026-01", "2027-01"), PATH, today)[1]] == [
        f"{PATH}:19: 'sources_as_of' is 2027-01, a date still to come: write a date no later than today"]


def test_a_trainer_block_needs_minutes_and_notes():
    note, problems = parse_trainer("minutes: 5\nnotes: Avaa aihe.\n", PATH, 10)
    assert (note.minutes, note.notes, problems) == (5, "Avaa aihe.", [])
    _, problems = parse_trainer("notes: x\nminuts: 5\n", PATH, 10)
    assert [str(p) for p in problems] == [
        f"{PATH}:12: unknown key 'minuts' in the trainer block: did you mean 'minutes'?",
        f"{PATH}:10: the trainer block needs 'minutes:', the time this section takes in a session",
    ]


def page(front: str, body: str) -> str:
    return f"---\n{front}---\n\n{body}"


BODY = """## Ensimmäinen

Teksti.

```trainer
minutes: 10
notes: Aloita.
```

## Toinen

```trainer
minutes: {minutes}
notes: Jatka.
```
"""


def test_the_plan_warns_when_the_minutes_do_not_add_up():
    _, problems, warnings, _ = check_page(page(VALID, BODY.format(minutes=5)), PATH, "fi", "oikeudet/x.md")
    assert problems == [] and warnings == []
    _, problems, warnings, _ = check_page(page(VALID, BODY.format(minutes=9)), PATH, "fi", "oikeudet/x.md")
    assert [str(w) for w in warnings] == [
        f"{PATH}:7: the trainer blocks add up to 19 minutes, but 'duration' declares 15 "
        "(10 teaching + 5 exercises): make them agree"]


def test_sections_carry_their_notes_and_lines():
    source = page(VALID, BODY.format(minutes=5))
    built, *_ = check_page(source, PATH, "fi", "oikeudet/x.md")
    first_line = split_front_matter(source)[2]
    assert [(s.title, s.line, s.minutes) for s in built.sections] == [
        ("Ensimmäinen", first_line, 10), ("Toinen", first_line + 9, 5)]


def test_placeholders_from_the_scaffold_fail():
    front = VALID.replace("title: Otsikko", 'title: "TODO: otsikko"')
    _, problems, _, _ = check_page(page(front, "TODO: kirjoita teksti.\n"), PATH, "fi", "oikeudet/x.md")
    assert [str(p) for p in problems] == [
        f"{PATH}:3: placeholder 'title: \"TODO: otsikko\"' left from `make new-module`: write the real text",
        f"{PATH}:22: placeholder 'TODO: kirjoita teksti.' left from `make new-module`: write the real text",
    ]


def test_trainer_blocks_outside_a_module_are_an_error():
    _, problems, _, _ = check_page("# Sivu\n\n```trainer\nminutes: 5\nnotes: x\n```\n", "docs/fi/a.md", "fi", "a.md")
    assert [str(p) for p in problems] == [
        "docs/fi/a.md:3: trainer blocks belong in modules: give the page module front matter "
        "(see CONTRIBUTING.md) or remove the block"]


def test_a_checked_trainer_block_keeps_its_line_and_a_broken_one_is_located():
    body = "minutes: 5\nnotes: Kysy ryhmältä."  # as superfences hands it over: no last newline
    page = read_page(f"## Osio\n\n```trainer\n{body}\n```\n", PATH, first_line=10)
    [checked] = page.checked
    assert (checked.kind, checked.line, checked.model) == ("trainer", 12, page.trainer_notes[0])
    try:
        load_block("trainer", "minutes: viisi\nnotes: N.\n", PATH, 12)
    except ContentError as error:
        assert str(error).startswith(f"{PATH}:13: ")
    else:
        raise AssertionError("a broken trainer block must raise ContentError")
