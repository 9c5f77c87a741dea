"""A quiz as HTML that works without JavaScript.

Without JavaScript a quiz is a set of fieldsets with native radios, checkboxes or a
text field, and each answer with its explanation sits in a closed ``<details>``.
``training.js`` then un-hides the Check / Try again buttons and the storage controls,
and reads what it needs from one ``<script type="application/json">`` per quiz.

Everything an editor wrote goes through ``safe.markup.Renderer`` (Markdown, raw HTML off,
URLs checked); everything else that reaches an attribute or the JSON is escaped here."""

from __future__ import annotations

from html import escape

from ..checklist.render import storage_placeholder
from ..facts.view import FactView
from ..safe.htmlparts import attr, json_for_script
from ..safe.markup import Renderer, Resolver
from ..strings import fill
from .model import ChoiceQuestion, Question, Quiz, TextAnswer, TrueFalse


def render_quiz(quiz: Quiz, strings: dict[str, str], resolve_link: Resolver | None = None,
                facts: FactView | None = None, storage_texts: bool = True) -> str:
    """HTML of a valid quiz in the language of ``strings`` (``storage_texts``: see
    ``checklist.render.storage_placeholder``)."""
    md = Renderer(resolve_link, facts=facts, strings=strings)
    base = f"training-quiz-{quiz.id}"
    out: list[str] = []
    if quiz.title:
        out.append(
            f'<div class="training-quiz" id="{attr(base)}" data-training-quiz="{attr(quiz.id)}" '
            f'role="group" aria-labelledby="{attr(base)}-title">'
        )
        out.append(f'<p class="training-quiz__title" id="{attr(base)}-title">{md.inline(quiz.title)}</p>')
    else:
        out.append(f'<div class="training-quiz" id="{attr(base)}" data-training-quiz="{attr(quiz.id)}">')
    data: dict[str, object] = {
        "strings": {k: strings[k] for k in ("correct", "incorrect", "choose_first", "write_first", "multiple_hint", "score")},
        "questions": {},
    }
    labels = Renderer(resolve_link, fact_links=False, facts=facts, strings=strings)  # a link inside a label would answer for the reader
    for number, q in enumerate(quiz.questions, start=1):
        out.append(_question(q, number, md, labels, strings))
        data["questions"][q.id] = question_data(q)  # type: ignore[index]
    out.append('<p class="training-score" hidden></p>')
    out.append(storage_placeholder(strings, storage_texts))
    out.append(f'<script type="application/json" class="training-data">{json_for_script(data)}</script>')
    out.append("</div>")
    return "\n".join(out)


def _choices(q: Question, strings: dict[str, str]) -> list[tuple[str, str, bool, str]]:
    """(value, Markdown text, correct, feedback) of each choice; true/false questions
    get their two choices from the interface strings."""
    if isinstance(q, TrueFalse):
        return [
            ("true", strings["true_label"], q.answer is True, q.feedback_true),
            ("false", strings["false_label"], q.answer is False, q.feedback_false),
        ]
    if isinstance(q, ChoiceQuestion):
        return [(str(o.index), o.text, o.correct, o.feedback) for o in q.options]
    return []


def question_data(q: Question) -> dict[str, object]:
    """What training.js needs of a question: its type, the hash of its answer, and the
    right choices or the accepted answers."""
    data: dict[str, object] = {"type": q.type, "hash": q.content_hash()}
    if isinstance(q, TextAnswer):
        data["answers"] = q.answers
    else:
        data["correct"] = [v for v, _, ok, _ in _choices(q, {"true_label": "", "false_label": ""}) if ok]
    return data


def _question(q: Question, number: int, md: Renderer, labels: Renderer, strings: dict[str, str]) -> str:
    qid = f"training-q-{q.id}"
    legend, more = md.parts(q.question)
    if not legend:
        legend = escape(fill(strings["question_n"], n=number))
    described = f' aria-describedby="{attr(qid)}-more"' if more else ""
    out = [
        f'<fieldset class="training-question" id="{attr(qid)}" data-question="{attr(q.id)}" '
        f'data-type="{attr(q.type)}"{described}>',
        f'<legend class="training-question__text">{legend}</legend>',
    ]
    if more:
        out.append(f'<div class="training-question__more" id="{attr(qid)}-more">{more}</div>')

    key_html: list[str] = []  # correct choices, for the answer in <details>
    if q.type == "text":
        out.append(
            f'<div class="training-text"><label class="training-text__label" for="{attr(qid)}-input">'
            f'{escape(strings["your_answer"])}</label>'
            f'<input class="training-text__input" type="text" id="{attr(qid)}-input" autocomplete="off" '
            f'autocapitalize="off" spellcheck="false" aria-describedby="{attr(qid)}-status"></div>'
        )
    else:
        kind = "checkbox" if q.type == "multiple" else "radio"
        for value, text, correct, feedback in _choices(q, strings):
            oid = f"{qid}-{value}"
            if q.type == "truefalse":
                label, extra = escape(text), ""  # an interface string, not Markdown
            else:
                label, extra = labels.parts(text)
                label = label or labels.inline(text)
            if correct:
                key_html.append(label + (f" {extra}" if extra else ""))
            extra_attr = f' aria-describedby="{attr(oid)}-more"' if extra else ""
            out.append(
                f'<div class="training-option">'
                f'<input class="training-option__input" type="{kind}" name="{attr(qid)}" id="{attr(oid)}" '
                f'value="{attr(value)}"{extra_attr}>'
                f'<label class="training-option__label" for="{attr(oid)}">{label}</label>'
                + (f'<div class="training-option__more" id="{attr(oid)}-more">{extra}</div>' if extra else "")
                + f'<div class="training-option__feedback" data-value="{attr(value)}" hidden>'
                f"{md.block(feedback)}</div></div>"
            )

    out.append(
        '<div class="training-actions" hidden>'
        f'<button type="button" class="training-check">{escape(strings["check"])}</button>'
        f'<button type="button" class="training-retry" hidden>{escape(strings["try_again"])}</button>'
        "</div>"
    )
    out.append(f'<p class="training-status" id="{attr(qid)}-status" role="status"></p>')
    out.append('<div class="training-feedback" hidden></div>')

    out.append(f'<details class="training-answer"><summary>{escape(strings["show_answer"])}</summary>')
    if q.type == "text":
        answers = ", ".join(escape(a) for a in q.answers)
        out.append(f'<p class="training-answer__key"><strong>{escape(strings["accepted_answers"])}</strong> {answers}</p>')
    elif len(key_html) == 1:
        out.append(
            f'<p class="training-answer__key"><strong>{escape(strings["correct_answer"])}</strong> {key_html[0]}</p>'
        )
    else:
        items = "".join(f"<li>{k}</li>" for k in key_html)
        out.append(
            f'<div class="training-answer__key"><p><strong>{escape(strings["correct_answers"])}</strong></p>'
            f"<ul>{items}</ul></div>"
        )
    if q.explanation:
        out.append(f'<div class="training-explanation">{md.block(q.explanation)}</div>')
    out.append("</details>")
    out.append("</fieldset>")
    return "\n".join(out)
