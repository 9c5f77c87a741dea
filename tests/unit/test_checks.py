"""Whole-docs checks: translation parity, the allow-list, freshness, ids, annotations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from training.site import checks

MODULE = """---
id: {id}
title: {title}
track: rights
order: 1
audiences: [{audiences}]
duration:
  teaching: {teaching}
  exercises: 5
objectives:
  - {title}
key_points:
  - {title}
legal: true
sources:
  - title: Lähde
    url: https://www.finlex.fi/
{dates}
---

## Osio

```trainer
minutes: {minutes}
notes: Ohje.
```

```quiz
id: q
questions:
  - id: {question}
    type: single
    question: Kysymys?
    options:
      - text: A
        correct: {first}
      - text: B
        correct: {second}
```

```checklist
id: c
items:
  - id: {item}
    text: Kohta
```
"""

DEFAULTS = dict(id="m", title="Otsikko", audiences="participant", teaching=10, minutes=15,
                dates="sources_as_of: 2026-01", question="q1", first="true", second="false", item="i1")


def write(root: Path, lang: str, rel: str, **changes) -> Path:
    path = root / "docs" / lang / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MODULE.format(**{**DEFAULTS, **changes}), encoding="utf-8")
    return path


def report(root: Path, today=dt.date(2026, 11, 25)):
    return checks.check_docs(root / "docs", root, today, languages=["fi", "en"])


def test_matching_languages_have_no_problem(tmp_path):
    write(tmp_path, "fi", "a.md")
    write(tmp_path, "en", "a.md", title="Title")
    found = report(tmp_path)
    assert found.problems == [] and found.warnings == []
    assert [m.id for m in found.modules("en")] == ["m"]


def test_a_page_missing_in_one_language_is_reported_unless_allowed(tmp_path):
    write(tmp_path, "fi", "a.md")
    assert [str(p) for p in report(tmp_path).problems] == [
        "docs/fi/a.md:1: this page has no en counterpart: create docs/en/a.md, or name it with a "
        "reason in translations.yml under 'untranslated'"]
    (tmp_path / "translations.yml").write_text("untranslated:\n  - path: a.md\n    reason: new\n")
    assert report(tmp_path).problems == []


def test_every_difference_of_a_module_is_located_in_the_other_language(tmp_path):
    write(tmp_path, "fi", "a.md")
    write(tmp_path, "en", "a.md", id="n", audiences="company", teaching=20, minutes=25,
          question="q2", first="false", second="true", item="i2")
    problems = [str(p) for p in report(tmp_path).problems]
    compare = "(compare docs/fi/a.md)"
    assert problems == [
        f"docs/en/a.md:2: 'id' is 'n' here but 'm' in the other language {compare}",
        f"docs/en/a.md:6: 'audiences' is ['company'] here but ['participant'] in the other language {compare}",
        f"docs/en/a.md:7: 'duration' is 20+5 minutes here but 10+5 in the other language {compare}",
        f"docs/en/a.md:28: quiz 'q' lacks question 'q1' that the other language has {compare}",
        f"docs/en/a.md:31: question 'q2' does not exist in the other language {compare}",
        f"docs/en/a.md:41: checklist 'c' has items ['i2'] here but ['i1'] in the other language: "
        f"use the same item ids in the same order {compare}",
    ]


def test_changed_correct_options_are_a_parity_problem(tmp_path):
    write(tmp_path, "fi", "a.md")
    write(tmp_path, "en", "a.md", first="false", second="true")
    assert [str(p) for p in report(tmp_path).problems] == [
        "docs/en/a.md:31: question 'q1' differs in type or in which options are correct: the languages "
        "must agree option by option (compare docs/fi/a.md)"]


def stale(found) -> list[str]:
    return [str(w) for w in found.to_recheck if "more than 12 months ago" in w.message]


def test_facts_older_than_a_year_are_reminders_not_failures(tmp_path):
    write(tmp_path, "fi", "a.md", dates="sources_as_of: 2025-10")
    write(tmp_path, "en", "a.md", dates="sources_as_of: 2025-10")
    found = report(tmp_path)
    assert found.problems == [] and found.warnings == []
    assert stale(found) == [
        f"docs/{lang}/a.md:18: the facts date from 2025-10-01, more than 12 months ago: compare the page with the "
        "live official sources, then set 'reviewed' and 'reviewer'" for lang in ("en", "fi")]
    assert stale(report(tmp_path, today=dt.date(2026, 9, 30))) == []


def test_the_latest_real_date_counts_a_review_after_the_sources(tmp_path):
    reviewed = "sources_as_of: 2025-01\nreviewed: 2026-06-01\nreviewer: sisällöntuottaja"
    write(tmp_path, "fi", "a.md", dates=reviewed)
    write(tmp_path, "en", "a.md", dates=reviewed)
    assert stale(report(tmp_path)) == []
    assert len(stale(report(tmp_path, today=dt.date(2027, 6, 2)))) == 2


def test_a_module_cannot_be_a_folders_index_page(tmp_path):
    for lang in ("fi", "en"):
        write(tmp_path, lang, "oikeudet/index.md")
    problems = [str(p) for p in report(tmp_path).problems]
    assert problems == [
        f"docs/{lang}/oikeudet/index.md:2: a module cannot be a folder's index.md: rename the file, for example "
        "to 'oikeudet/m.md', and link to it from the index" for lang in ("en", "fi")]


def test_ids_must_be_unique_across_the_pages_of_a_language(tmp_path):
    for lang in ("fi", "en"):
        write(tmp_path, lang, "a.md")
        write(tmp_path, lang, "b.md")
    problems = [str(p) for p in report(tmp_path).problems]
    assert "docs/fi/b.md:2: module id 'm' is also used by docs/fi/a.md: give each module its own id" in problems
    assert any(p.startswith("docs/fi/a.md:29: quiz id 'q' is also used in docs/fi/b.md:29") for p in problems)


def test_make_check_prints_github_annotations_and_fails_on_problems(tmp_path, monkeypatch, capsys):
    write(tmp_path, "fi", "a.md")
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: !ENV [SITE_URL, x]\nplugins:\n  - search\n  - i18n:\n      languages:\n"
        "        - locale: fi\n        - locale: en\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert checks.main(["docs"]) == 1
    out = capsys.readouterr().out
    assert "::error file=docs/fi/a.md,line=1::this page has no en counterpart" in out
