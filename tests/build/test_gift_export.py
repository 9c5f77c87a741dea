"""The quiz export in the built site: a GIFT file per module and language, linked from the
module's trainer page, which reads back to the questions of the module's own Markdown."""

from __future__ import annotations

import pytest

from site_helpers import LANGUAGES, ROOT, parse_html
from training.catalogue import trainer_file
from training.checks import check_docs
from training.exports import gift_file
from training.gift import parse_gift


@pytest.fixture(scope="module")
def modules_with_questions():
    report = check_docs(ROOT / "docs", ROOT, languages=list(LANGUAGES))
    return [p for p in report.pages if p.module and any(q.questions for q in p.blocks.quizzes)]


def built(site_dir, language: str, rel: str):
    return site_dir / ("" if language == LANGUAGES[0] else language) / rel


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_module_with_questions_has_its_gift_file_linked_from_its_trainer_page(
        site_dir, modules_with_questions, language):
    modules = [p for p in modules_with_questions if p.language == language]
    assert len(modules) >= 20, len(modules)
    exported = 0
    for page in modules:
        gift = built(site_dir, language, gift_file(page.rel, language))
        parsed = parse_gift(gift.read_text(encoding="utf-8"))
        questions = [q for quiz in page.blocks.quizzes for q in quiz.questions]
        assert [q["title"] for q in parsed] == [f"{language}/{q.id}" for q in questions], gift
        assert [(q["type"], q["question"]) for q in parsed] == [(q.type, q.question) for q in questions]
        assert {q["category"] for q in parsed} == {f"$course$/top/{page.module.title}"}
        exported += len(parsed)

        trainer = built(site_dir, language, trainer_file(page.rel)[: -len(".md")] + "/index.html")
        links = parse_html(trainer).select("article a[download]")
        assert [a["href"] for a in links] == [f"../{gift.name}"], trainer
        assert links[0]["download"] == gift.name
    assert exported == sum(len(q.questions) for p in modules for q in p.blocks.quizzes)


def test_the_two_languages_export_the_same_question_ids(site_dir, modules_with_questions):
    ids = {language: sorted(q.id for p in modules_with_questions if p.language == language
                            for quiz in p.blocks.quizzes for q in quiz.questions) for language in LANGUAGES}
    assert ids["fi"] == ids["en"] and len(ids["fi"]) >= 100
