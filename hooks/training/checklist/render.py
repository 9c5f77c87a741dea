"""A checklist as HTML that works without JavaScript, and the storage controls
(``progress-controls``) that ``training.js`` builds on."""

from __future__ import annotations

from html import escape

from ..facts.view import FactView
from ..safe.htmlparts import attr
from ..safe.markup import Renderer, Resolver
from .model import Checklist


def storage_placeholder(strings: dict[str, str], texts: bool = True) -> str:
    """Empty without JavaScript (nothing can be stored then); the script builds the
    "remember" switch and the "forget" button from these strings. A page says them once
    (``texts``: on its first controls); the script finds them there for the others."""
    keys = ("remember", "remember_help", "forget", "remembered", "forgotten")
    data = "".join(f' data-{k.replace("_", "-")}="{attr(strings[k])}"' for k in keys) if texts else ""
    return f'<div class="training-storage" data-training-storage{data}></div>'


def render_progress_controls(strings: dict[str, str], storage_texts: bool = True) -> str:
    """The storage controls on their own (for the privacy page)."""
    return storage_placeholder(strings, storage_texts)


def render_checklist(checklist: Checklist, strings: dict[str, str], resolve_link: Resolver | None = None,
                     facts: FactView | None = None, storage_texts: bool = True) -> str:
    """HTML of a valid checklist in the language of ``strings`` (``storage_texts``: see
    ``storage_placeholder``)."""
    md = Renderer(resolve_link, facts=facts, strings=strings)
    labels = Renderer(resolve_link, fact_links=False, facts=facts, strings=strings)  # a link inside a label would tick the box for the reader
    base = f"training-checklist-{checklist.id}"
    out: list[str] = []
    if checklist.title:
        out.append(
            f'<div class="training-checklist" id="{attr(base)}" data-training-checklist="{attr(checklist.id)}" '
            f'role="group" aria-labelledby="{attr(base)}-title">'
        )
        out.append(f'<p class="training-checklist__title" id="{attr(base)}-title">{md.inline(checklist.title)}</p>')
    else:
        out.append(
            f'<div class="training-checklist" id="{attr(base)}" data-training-checklist="{attr(checklist.id)}">'
        )
    out.append('<ul class="training-checklist__items">')
    for item in checklist.items:
        iid = f"{base}-{item.id}"
        label, extra = labels.parts(item.text)
        label = label or labels.inline(item.text)
        hint = "\n".join(x for x in (extra, md.block(item.hint)) if x)
        described = f' aria-describedby="{attr(iid)}-hint"' if hint else ""
        out.append(
            f'<li class="training-item"><input class="training-item__input" type="checkbox" id="{attr(iid)}" '
            f'data-item="{attr(item.id)}" data-hash="{attr(item.content_hash())}"{described}>'
            f'<label class="training-item__label" for="{attr(iid)}">{label}</label>'
            + (f'<div class="training-item__hint" id="{attr(iid)}-hint">{hint}</div>' if hint else "")
            + "</li>"
        )
    out.append("</ul>")
    out.append(
        f'<p class="training-progress" role="status" data-template="{attr(strings["progress"])}"></p>'
    )
    out.append(f'<button type="button" class="training-reset" hidden>{escape(strings["reset"])}</button>')
    out.append(storage_placeholder(strings, storage_texts))
    out.append("</div>")
    return "\n".join(out)
