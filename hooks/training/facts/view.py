"""The register as one language shows it: a referenced fact as HTML (``${nas}``), as
Markdown for the quiz exports, and contact cards for the ``contacts`` block.

Every text from the register goes through the safe Markdown renderer (``safe.markup``), and
every value placed in an attribute or between tags here is escaped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import escape

from ..safe.markup import Renderer
from ..strings import fill, format_date
from .register import Fact, Register

# What ``${id}`` shows by itself: a contact's phone (or else its web page, or its e-mail),
# a figure's value.
DEFAULT_FIELD = {"contact": ("phone", "web", "email"), "figure": ("value",)}
# Fields a reference may ask for, by kind; the name never carries the "to be confirmed" mark.
FIELDS = {
    "contact": ("name", "phone", "email", "web", "hours", "languages", "serves", "cost", "note"),
    "figure": ("name", "value", "note"),
}
REFERENCE = re.compile(r"\$\{([^{}\n]*)\}")


def parse_reference(content: str) -> tuple[str, str]:
    """``nas.phone`` -> (``nas``, ``phone``); ``nas`` -> (``nas``, ``""``)."""
    ident, _, key = content.strip().partition(".")
    return ident.strip(), key.strip()


def field_of(fact: Fact, key: str) -> str:
    """The field ``key`` names, or the fact's default field when ``key`` is empty."""
    if key:
        return key
    return next((k for k in DEFAULT_FIELD[fact.kind] if has_field(fact, k)), DEFAULT_FIELD[fact.kind][0])


def has_field(fact: Fact, key: str) -> bool:
    """Whether the fact holds a value for ``key``."""
    return bool(getattr(fact, key, "") if key in ("phone", "email", "web") else fact.texts.get(key))


def reach(fact: Fact, key: str) -> tuple[str, str]:
    """(what a reader sees, where its link goes) of a contact's phone, e-mail or web address."""
    if key == "phone":
        return fact.phone, f"tel:{fact.tel}"
    if key == "email":
        return fact.email, f"mailto:{fact.email}"
    return web_label(fact.web), fact.web


def web_label(url: str) -> str:
    """A web address as a reader would write it: ``https://www.riku.fi/en/`` -> ``www.riku.fi/en``."""
    return url.removeprefix("https://").rstrip("/")


def source_date(dated: str, strings: dict[str, str]) -> str:
    """The date an official page shows, as written in the register (``2025-06-11``, ``2025-06``,
    ``undated``), for a reader."""
    if dated == "undated":
        return strings["fact_undated"]
    if len(dated) == 7:
        return f"{int(dated[5:])}/{dated[:4]}"
    return format_date(dt.date.fromisoformat(dated), strings)


@dataclass
class FactView:
    """The facts of one register, rendered in one language."""

    register: Register
    language: str
    strings: dict[str, str]

    def fact(self, ident: str) -> Fact:
        found = self.register.get(ident)
        if found is None:  # the checks stop the build before any page renders an unknown id
            raise KeyError(ident)
        return found

    # -- one reference --------------------------------------------------------------------

    def html(self, ident: str, key: str = "", links: bool = True) -> str:
        """HTML for ``${ident.key}``: a phone number as a ``tel:`` link, an e-mail as a
        ``mailto:`` link, a web address as a link, any text as safe inline Markdown; and
        after anything but a name, the "to be confirmed" mark while nobody has checked the
        fact at its source. ``links=False`` inside a label (a quiz option, a checklist item):
        no link, which would answer for the reader, and no mark, which would point at the
        right option."""
        fact = self.fact(ident)
        key = field_of(fact, key)
        if key in ("phone", "email", "web"):
            value = self._reach(fact, key, links)
        else:
            value = Renderer(fact_links=links, facts=self, strings=self.strings).inline(fact.text(key, self.language))
        mark = "" if key == "name" or not links else self.unconfirmed_mark(fact)
        return f'<span class="fact" data-fact="{escape(fact.id)}">{value}{mark}</span>'

    def markdown(self, ident: str, key: str = "", links: bool = True) -> str:
        """Markdown for ``${ident.key}``, for text that stays Markdown (the quiz exports);
        ``links=False`` for an answer option, as on the page (no link, no mark)."""
        fact = self.fact(ident)
        key = field_of(fact, key)
        if key in ("phone", "email", "web"):
            shown, href = reach(fact, key)
            value = f"[{shown}]({href})" if links else shown
        else:
            value = fact.text(key, self.language)
        if key != "name" and links and fact.confirmed is None:
            value += f" ({self.strings['to_confirm']})"
        return value

    def substitute(self, text: str, links: bool = True) -> str:
        """``text`` with every reference replaced by its Markdown (see ``markdown``)."""
        return REFERENCE.sub(lambda m: self.markdown(*parse_reference(m.group(1)), links=links), text)

    def unconfirmed_mark(self, fact: Fact) -> str:
        if fact.confirmed is not None:
            return ""
        return f' <span class="to-confirm">({escape(self.strings["to_confirm"])})</span>'

    @staticmethod
    def _reach(fact: Fact, key: str, links: bool = True) -> str:
        """A phone number, e-mail or web address, as a link unless ``links`` is off."""
        shown, href = reach(fact, key)
        return f'<a href="{escape(href)}">{escape(shown)}</a>' if links else escape(shown)

    # -- contact cards ----------------------------------------------------------------------

    def cards(self, idents: list[str]) -> str:
        """The ``contacts`` block: a card for each contact, in the order given."""
        return '<div class="contact-cards">\n' + "\n".join(self.card(self.fact(i)) for i in idents) + "\n</div>"

    def card(self, fact: Fact) -> str:
        """One contact: its name, how to reach it, when, in which languages, what a call
        costs, whom it serves, whether one can stay anonymous, and when it was last checked."""
        t, lang, inline = self.strings, self.language, Renderer(facts=self, strings=self.strings).inline
        rows = [(t[f"contact_{key}"], self._reach(fact, key)) for key in ("phone", "email", "web") if has_field(fact, key)]
        for key in ("hours", "languages", "cost", "serves"):
            if fact.text(key, lang):
                rows.append((t[f"contact_{key}"], inline(fact.text(key, lang))))
        if fact.anonymous is not None:
            rows.append((t["contact_anonymous"], escape(t["yes" if fact.anonymous else "no"])))
        out = [f'<section class="contact-card" data-fact="{escape(fact.id)}">',
               f'<h3 class="contact-card__name">{inline(fact.text("name", lang))}</h3>',
               '<dl class="contact-card__facts">']
        out += [f"<div><dt>{escape(term)}</dt><dd>{value}</dd></div>" for term, value in rows]
        out.append("</dl>")
        if fact.text("note", lang):
            out.append(f'<p class="contact-card__note">{inline(fact.text("note", lang))}</p>')
        out.append(f'<p class="contact-card__checked">{self.checked(fact)}</p>')
        out.append("</section>")
        return "\n".join(out)

    def checked(self, fact: Fact) -> str:
        """When the fact was last checked at its source, or that it has not been yet, with the
        source and the date the source page shows."""
        source = (f'<a href="{escape(fact.source.url)}">{escape(fact.source.title)}</a>, '
                  f"{escape(source_date(fact.source.dated, self.strings))}")
        if fact.confirmed is None:
            return (f'<span class="to-confirm">{escape(self.strings["fact_not_confirmed"])}</span> '
                    f"{escape(self.strings['fact_source'])} {source}")
        said = fill(self.strings["fact_confirmed"], date=format_date(fact.confirmed.on, self.strings),
                    by=fact.confirmed.by)
        return f"{escape(said)} {escape(self.strings['fact_source'])} {source}"
