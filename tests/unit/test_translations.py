"""Translation freshness: the version a translation records, how the checks find a translation
behind its source page, what changed (from git), and `make translated`."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from training.site import checks, translations

SOURCE = "---\ntitle: Palkka\nreviewed: 2026-01-01\n---\n\n# Palkka\n\nPalkka maksetaan\nkerran kuussa.\n"
PAGE = SOURCE.replace("reviewed: 2026-01-01\n", "")  # a page that is no module has no review date


def test_the_version_ignores_whitespace_and_the_untranslated_keys():
    version = translations.digest(SOURCE)
    assert len(version) == 12
    assert translations.digest(SOURCE.replace("maksetaan\nkerran", "maksetaan   kerran")) == version
    assert translations.digest(SOURCE.replace("2026-01-01", "2026-06-01")) == version
    assert translations.digest(SOURCE.replace("kerran", "kaksi kertaa")) != version
    assert translations.digest(SOURCE.replace("title: Palkka", "title: Palkat")) != version


def test_recording_adds_or_updates_the_version_and_keeps_the_rest():
    plain = "# Pay\n\nPay comes once a month.\n"
    recorded = translations.record(plain, SOURCE)
    assert recorded == f"---\ntranslated_from: {translations.digest(SOURCE)}\n---\n\n{plain}"
    with_front = "---\ntitle: Pay\n---\n\n# Pay\n"
    assert translations.record(with_front, SOURCE) == (
        f"---\ntitle: Pay\ntranslated_from: {translations.digest(SOURCE)}\n---\n\n# Pay\n")
    updated = translations.record("---\ntitle: Pay\ntranslated_from: 0123456789ab\nid: x\n---\n# Pay\n", SOURCE)
    assert updated == f"---\ntitle: Pay\ntranslated_from: {translations.digest(SOURCE)}\nid: x\n---\n# Pay\n"


def test_a_recorded_version_is_read_with_its_line_and_a_broken_one_is_located():
    assert translations.recorded("---\ntitle: Pay\ntranslated_from: 0123456789ab\n---\n", "docs/en/a.md") == (
        "0123456789ab", 3, [])
    assert translations.recorded("# Pay\n", "docs/en/a.md") == (None, 1, [])
    _, line, problems = translations.recorded("---\ntranslated_from: latest\n---\n", "docs/en/a.md")
    assert (line, [str(p) for p in problems]) == (2, [
        "docs/en/a.md:2: 'translated_from' must be the 12-character version that `make translated "
        "FILE=docs/en/a.md` writes, not 'latest'"])


def write_pair(root: Path, source: str, translation: str) -> None:
    for language, text in (("fi", source), ("en", translation)):
        (root / "docs" / language).mkdir(parents=True, exist_ok=True)
        (root / "docs" / language / "palkka.md").write_text(text, encoding="utf-8")


def check(root: Path):
    return checks.check_docs(root / "docs", root, dt.date(2026, 12, 6), languages=["fi", "en"])


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                   check=True, capture_output=True)


def test_a_translation_falls_behind_when_its_source_changes_and_catches_up_when_recorded(tmp_path):
    write_pair(tmp_path, PAGE, translations.record("# Pay\n\nPay comes once a month.\n", PAGE))
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "pair")
    assert check(tmp_path).behind == {}

    (tmp_path / "docs/fi/palkka.md").write_text(PAGE.replace("kerran kuussa.", "kahdesti kuussa.\n\nUusi kappale."),
                                               encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "source changed")
    found = check(tmp_path)
    behind = found.behind[("en", "palkka.md")]
    assert (behind.path, behind.line, behind.source_path) == ("docs/en/palkka.md", 2, "docs/fi/palkka.md")
    assert behind.updated == dt.date.today()
    assert [str(p) for p in found.to_recheck if "behind" in p.message] == [
        "docs/en/palkka.md:2: the translation is behind docs/fi/palkka.md, which has changed since it was "
        "translated: lines 8-10 of the source changed; update the translation, then run `make translated "
        "FILE=docs/en/palkka.md`"]
    assert found.problems == []

    translation = tmp_path / "docs/en/palkka.md"
    translation.write_text(translations.record(translation.read_text(encoding="utf-8"),
                                               (tmp_path / "docs/fi/palkka.md").read_text(encoding="utf-8")),
                           encoding="utf-8")
    assert check(tmp_path).behind == {}


def test_without_history_the_translation_is_still_behind_without_details(tmp_path):
    write_pair(tmp_path, PAGE, "---\ntranslated_from: 0123456789ab\n---\n# Pay\n")
    behind = check(tmp_path).behind[("en", "palkka.md")]
    assert (behind.changed, behind.updated) == ("", None)
    assert str(behind.problem()).endswith("which has changed since it was translated; update the translation, "
                                          "then run `make translated FILE=docs/en/palkka.md`")


def test_a_translation_that_records_no_version_is_a_reminder_not_a_failure(tmp_path):
    write_pair(tmp_path, PAGE, "# Pay\n")
    found = check(tmp_path)
    assert found.problems == [] and found.behind == {}
    assert [str(p) for p in found.to_recheck] == [
        "docs/en/palkka.md:1: the translation does not say which version of docs/fi/palkka.md it was translated "
        "from, so nothing can tell when it falls behind: run `make translated FILE=docs/en/palkka.md` once it is "
        "up to date"]


def test_make_translated_records_one_translation_or_every_translation_of_a_source(tmp_path, monkeypatch, capsys):
    write_pair(tmp_path, PAGE, "# Pay\n")
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - i18n:\n      languages:\n        - locale: fi\n"
                                         "          default: true\n        - locale: en\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert translations.main(["docs/en/palkka.md"]) == 0
    assert check(tmp_path).to_recheck == []
    (tmp_path / "docs/fi/palkka.md").write_text(PAGE + "\nLisää.\n", encoding="utf-8")
    assert ("en", "palkka.md") in check(tmp_path).behind
    assert translations.main(["docs/fi/palkka.md"]) == 0
    assert check(tmp_path).behind == {}
    assert "docs/en/palkka.md: recorded as translated from the current docs/fi/palkka.md" in capsys.readouterr().out
    assert translations.main(["README.md"]) == 2
    assert translations.main([]) == 2


def test_every_real_translation_is_up_to_date_with_its_source():
    root = Path(__file__).resolve().parents[2]
    found = checks.check_docs(root / "docs", root, languages=["fi", "en"])
    assert found.behind == {}
    assert [p for p in found.to_recheck if "translat" in p.message] == []
