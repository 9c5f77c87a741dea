"""The quiz export in the built site: a GIFT and a Moodle XML file per module and language,
linked from the module's trainer page, which read back to the questions of the module's own
Markdown."""

from __future__ import annotations

import pytest

from site_helpers import LANGUAGES, ROOT, parse_html
from training.modules.catalogue import trainer_file
from training.site.checks import check_docs
from training.exports.formats import GIFT, MOODLE_XML, export_file
from training.exports.gift import parse_gift
from training.exports.moodle_xml import parse_moodle_xml

READERS = {GIFT: parse_gift, MOODLE_XML: parse_moodle_xml}


@pytest.fixture(scope="module")
def modules_with_questions():
    report = check_docs(ROOT / "docs", ROOT, languages=list(LANGUAGES))
    return [p for p in report.pages if p.module and any(q.questions for q in p.blocks.quizzes)]


def built(site_dir, language: str, rel: str):
    return site_dir / ("" if language == LANGUAGES[0] else language) / rel


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_module_with_questions_has_its_export_files_linked_from_its_trainer_page(
        site_dir, modules_with_questions, language):
    modules = [p for p in modules_with_questions if p.language == language]
    assert len(modules) >= 20, len(modules)
    exported = {kind: 0 for kind in READERS}
    for page in modules:
        questions = [q for quiz in page.blocks.quizzes for q in quiz.questions]
        files = {kind: built(site_dir, language, export_file(page.rel, language, kind)) for kind in READERS}
        for kind, file in files.items():
            parsed = READERS[kind](file.read_text(encoding="utf-8"))
            assert [q["title"] for q in parsed] == [f"{language}/{q.id}" for q in questions], file
            assert [(q["type"], q["question"]) for q in parsed] == [(q.type, q.question) for q in questions]
            assert {q["category"] for q in parsed} == {f"$course$/top/{page.module.title}"}
            exported[kind] += len(parsed)

        trainer = built(site_dir, language, trainer_file(page.rel)[: -len(".md")] + "/index.html")
        links = parse_html(trainer).select("article a[download]:not([href*='scorm/'])")
        assert [(a["href"], a["download"]) for a in links] == [
            (f"../{f.name}", f.name) for f in files.values()], trainer
    total = sum(len(q.questions) for p in modules for q in p.blocks.quizzes)
    assert exported == {kind: total for kind in READERS}


def test_the_two_languages_export_the_same_question_ids(site_dir, modules_with_questions):
    ids = {language: sorted(q.id for p in modules_with_questions if p.language == language
                            for quiz in p.blocks.quizzes for q in quiz.questions) for language in LANGUAGES}
    assert ids["fi"] == ids["en"] and len(ids["fi"]) >= 100
