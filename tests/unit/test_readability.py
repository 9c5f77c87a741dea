"""Plain-language measures, and the target on every participant page of the real docs."""

from __future__ import annotations

from site_helpers import ROOT
from training.site.checks import check_docs
from training.site.config import configured_languages
from training.site.readability import LONGEST_LIMIT, is_participant_page, measure

PAGE = """# Palkka

Suomessa ei ole lakisääteistä vähimmäispalkkaa. Palkka tulee [työehtosopimuksesta](tes.md).

- Saat **palkkalaskelman** jokaisena palkkapäivänä.
- Tarkista se.

```quiz
id: x
questions: [this is not prose and is not counted at all even if it is very long indeed]
```

!!! info "Yleistä tietoa"
    Tämä ei ole oikeudellista neuvontaa.
"""


def test_sentences_are_split_at_stops_and_line_ends_and_words_counted():
    result = measure(PAGE, "docs/fi/palkka.md", first_line=1)
    assert [(line, words) for line, words, _ in result.sentences] == [
        (1, 1), (3, 5), (3, 3), (5, 4), (6, 2), (13, 2), (14, 5)]
    assert result.sentences[2][2] == "Palkka tulee työehtosopimuksesta."
    assert round(result.average, 2) == round(22 / 7, 2)
    assert result.meets_target


def test_a_sentence_over_the_limit_fails_the_target():
    long = " ".join(["sana"] * (LONGEST_LIMIT + 1)) + "."
    result = measure(f"# Otsikko\n\n{long}\n", "docs/fi/x.md")
    assert [words for _, words, _ in result.too_long] == [LONGEST_LIMIT + 1]
    assert not result.meets_target


def test_participant_pages_are_modules_for_participants_and_the_pages_they_start_from():
    assert is_participant_page("apua.md", None)
    assert is_participant_page("oikeudet/palkka.md", ["participant", "trainer"])
    assert not is_participant_page("yritykset/velvollisuudet.md", ["company", "trainer"])


def test_every_participant_page_meets_the_plain_language_target():
    report = check_docs(ROOT / "docs", ROOT, languages=configured_languages(ROOT / "mkdocs.yml"))
    measured = [p.readability for p in report.pages if p.readability]
    assert len(measured) >= 40
    missed = [f"{r.path}: average {r.average:.1f}, {len(r.too_long)} over {LONGEST_LIMIT}"
              for r in measured if not r.meets_target]
    assert not missed, missed
