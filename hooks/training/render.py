"""Turn a quiz or checklist model into HTML that works without JavaScript.

Without JavaScript a quiz is a set of fieldsets with native radios, checkboxes or a
text field, and each answer with its explanation sits in a closed ``<details>``.
``training.js`` then un-hides the Check / Try again buttons and the storage controls,
and reads what it needs from one ``<script type="application/json">`` per quiz.

Everything an editor wrote goes through ``markup.Renderer`` (Markdown, raw HTML off,
URLs checked); everything else that reaches an attribute or the JSON is escaped here.
"""

from __future__ import annotations

import json
from html import escape
from typing import Callable

from .facts.view import FactView
from .markup import Renderer
from .model import Checklist, Question, Quiz
from .strings import fill

Resolver = Callable[[str], str]


def _a(value: object) -> str:
    """Escape a value for a double-quoted attribute."""
    return escape(str(value), quote=True)


def json_for_script(data: object) -> str:
    """JSON that is safe inside <script>: '<', '>' and '&' become \\u escapes, so no
    text can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _storage_placeholder(strings: dict[str, str]) -> str:
    """Empty without JavaScript (nothing can be stored then); the script builds the
    "remember" switch and the "forget" button from these strings."""
    keys = ("remember", "remember_help", "forget", "remembered", "forgotten")
    data = " ".join(f'data-{k.replace("_", "-")}="{_a(strings[k])}"' for k in keys)
    return f'<div class="training-storage" data-training-storage {data}></div>'


def render_progress_controls(strings: dict[str, str]) -> str:
    """The storage controls on their own (for the privacy page)."""
    return _storage_placeholder(strings)


def render_quiz(quiz: Quiz, strings: dict[str, str], resolve_link: Resolver | None = None,
                facts: FactView | None = None) -> str:
    """HTML of a valid quiz in the language of ``strings``."""
    md = Renderer(resolve_link, facts=facts, strings=strings)
    base = f"training-quiz-{quiz.id}"
    out: list[str] = []
    if quiz.title:
        out.append(
            f'<div class="training-quiz" id="{_a(base)}" data-training-quiz="{_a(quiz.id)}" '
            f'role="group" aria-labelledby="{_a(base)}-title">'
        )
        out.append(f'<p class="training-quiz__title" id="{_a(base)}-title">{md.inline(quiz.title)}</p>')
    else:
        out.append(f'<div class="training-quiz" id="{_a(base)}" data-training-quiz="{_a(quiz.id)}">')
    data: dict[str, object] = {
        "strings": {k: strings[k] for k in ("correct", "incorrect", "choose_first", "write_first", "multiple_hint", "score")},
        "questions": {},
    }
    labels = Renderer(resolve_link, fact_links=False, facts=facts, strings=strings)  # a link inside a label would answer for the reader
    for number, q in enumerate(quiz.questions, start=1):
        out.append(_question(q, number, md, labels, strings))
        data["questions"][q.id] = _question_data(q)  # type: ignore[index]
    out.append('<p class="training-score" hidden></p>')
    out.append(_storage_placeholder(strings))
    out.append(f'<script type="application/json" class="training-data">{json_for_script(data)}</script>')
    out.append("</div>")
    return "\n".join(out)


def _choices(q: Question, strings: dict[str, str]) -> list[tuple[str, str, bool, str]]:
    """(value, Markdown text, correct, feedback) of each choice; true/false questions
    get their two choices from the interface strings."""
    if q.type == "truefalse":
        return [
            ("true", strings["true_label"], q.answer is True, q.feedback_true),
            ("false", strings["false_label"], q.answer is False, q.feedback_false),
        ]
    return [(str(o.index), o.text, o.correct, o.feedback) for o in q.options]


def _question_data(q: Question) -> dict[str, object]:
    data: dict[str, object] = {"type": q.type, "hash": q.content_hash()}
    if q.type == "text":
        data["answers"] = q.answers
    else:
        data["correct"] = [v for v, _, ok, _ in _choices(q, {"true_label": "", "false_label": ""}) if ok]
    return data


def _question(q: Question, number: int, md: Renderer, labels: Renderer, strings: dict[str, str]) -> str:
    qid = f"training-q-{q.id}"
    legend, more = md.parts(q.question)
    if not legend:
        legend = escape(fill(strings["question_n"], n=number))
    described = f' aria-describedby="{_a(qid)}-more"' if more else ""
    out = [
        f'<fieldset class="training-question" id="{_a(qid)}" data-question="{_a(q.id)}" '
        f'data-type="{_a(q.type)}"{described}>',
        f'<legend class="training-question__text">{legend}</legend>',
    ]
    if more:
        out.append(f'<div class="training-question__more" id="{_a(qid)}-more">{more}</div>')

    key_html: list[str] = []  # correct choices, for the answer in <details>
    if q.type == "text":
        out.append(
            f'<div class="training-text"><label class="training-text__label" for="{_a(qid)}-input">'
            f'{escape(strings["your_answer"])}</label>'
            f'<input class="training-text__input" type="text" id="{_a(qid)}-input" autocomplete="off" '
            f'autocapitalize="off" spellcheck="false" aria-describedby="{_a(qid)}-status"></div>'
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
            extra_attr = f' aria-describedby="{_a(oid)}-more"' if extra else ""
            out.append(
                f'<div class="training-option">'
                f'<input class="training-option__input" type="{kind}" name="{_a(qid)}" id="{_a(oid)}" '
                f'value="{_a(value)}"{extra_attr}>'
                f'<label class="training-option__label" for="{_a(oid)}">{label}</label>'
                + (f'<div class="training-option__more" id="{_a(oid)}-more">{extra}</div>' if extra else "")
                + f'<div class="training-option__feedback" data-value="{_a(value)}" hidden>'
                f"{md.block(feedback)}</div></div>"
            )

    out.append(
        '<div class="training-actions" hidden>'
        f'<button type="button" class="training-check">{escape(strings["check"])}</button>'
        f'<button type="button" class="training-retry" hidden>{escape(strings["try_again"])}</button>'
        "</div>"
    )
    out.append(f'<p class="training-status" id="{_a(qid)}-status" role="status"></p>')
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


def render_checklist(checklist: Checklist, strings: dict[str, str], resolve_link: Resolver | None = None,
                     facts: FactView | None = None) -> str:
    """HTML of a valid checklist in the language of ``strings``."""
    md = Renderer(resolve_link, facts=facts, strings=strings)
    labels = Renderer(resolve_link, fact_links=False, facts=facts, strings=strings)  # a link inside a label would tick the box for the reader
    base = f"training-checklist-{checklist.id}"
    out: list[str] = []
    if checklist.title:
        out.append(
            f'<div class="training-checklist" id="{_a(base)}" data-training-checklist="{_a(checklist.id)}" '
            f'role="group" aria-labelledby="{_a(base)}-title">'
        )
        out.append(f'<p class="training-checklist__title" id="{_a(base)}-title">{md.inline(checklist.title)}</p>')
    else:
        out.append(
            f'<div class="training-checklist" id="{_a(base)}" data-training-checklist="{_a(checklist.id)}">'
        )
    out.append('<ul class="training-checklist__items">')
    for item in checklist.items:
        iid = f"{base}-{item.id}"
        label, extra = labels.parts(item.text)
        label = label or labels.inline(item.text)
        hint = "\n".join(x for x in (extra, md.block(item.hint)) if x)
        described = f' aria-describedby="{_a(iid)}-hint"' if hint else ""
        out.append(
            f'<li class="training-item"><input class="training-item__input" type="checkbox" id="{_a(iid)}" '
            f'data-item="{_a(item.id)}" data-hash="{_a(item.content_hash())}"{described}>'
            f'<label class="training-item__label" for="{_a(iid)}">{label}</label>'
            + (f'<div class="training-item__hint" id="{_a(iid)}-hint">{hint}</div>' if hint else "")
            + "</li>"
        )
    out.append("</ul>")
    out.append(
        f'<p class="training-progress" role="status" data-template="{_a(strings["progress"])}"></p>'
    )
    out.append(f'<button type="button" class="training-reset" hidden>{escape(strings["reset"])}</button>')
    out.append(_storage_placeholder(strings))
    out.append("</div>")
    return "\n".join(out)
