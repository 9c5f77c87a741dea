"""The fact register (``facts.yml``): every contact and figure a reader may act on, written
once, with its official source and the date a person last confirmed it there.

Two kinds of fact:

- a **contact**: a helpline, service or authority, with its phone number, e-mail, web
  address, opening hours, languages, who it serves, what a call costs and whether one can
  stay anonymous;
- a **figure**: an amount, a rate, a date or a deadline, with its value in each language.

Text that differs by language (names, hours, who a service serves, …) is written once per
configured language. Every problem is reported with its line in ``facts.yml``, all at once,
by ``load_register``. Pure: no MkDocs, no files.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

from yaml.nodes import MappingNode, Node, ScalarNode

from ..errors import Problem
from ..ids import valid_id
from ..site.source_address import weak_source
from ..yamlread import YamlReader

KINDS = ("contact", "figure")
STATUSES = ("current", "withdrawn", "changed")
# Text written once per language, by kind; the first is each fact's name.
LANGUAGE_TEXTS = {
    "contact": ("name", "hours", "languages", "serves", "cost", "note"),
    "figure": ("name", "value", "note"),
}
REQUIRED_TEXTS = {"contact": ("name", "serves"), "figure": ("name", "value")}
# Written once for every language.
PLAIN_KEYS = {"contact": ("phone", "email", "web", "anonymous"), "figure": ()}
COMMON_KEYS = ("kind", "source", "confirmed", "status")
SOURCE_KEYS = ("title", "url", "dated")
CONFIRMED_KEYS = ("on", "by")
SETTINGS_KEYS = ("recheck_after_months", "facts")
RECHECK_KEYS = ("contact", "figure")
DEFAULT_RECHECK_MONTHS = {"contact": 6, "figure": 12}
_PHONE = re.compile(r"\+?[0-9][0-9 ]*[0-9]")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.I)


@dataclass(frozen=True)
class FactSource:
    """The official page a fact was read from, and the date that page shows."""

    title: str
    url: str
    dated: str  # the date shown on the page (YYYY-MM-DD, or YYYY-MM), or "undated"


@dataclass(frozen=True)
class Confirmation:
    """A person checked the fact at its source on a day."""

    on: dt.date
    by: str  # a role ("site owner"), not necessarily a name


@dataclass
class Fact:
    """One entry of the register."""

    id: str
    kind: str
    line: int
    texts: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> language -> text
    phone: str = ""  # as written for reading: "+358 2954 63177", "0800 414 004", "112"
    email: str = ""
    web: str = ""
    anonymous: bool | None = None  # None: not known
    source: FactSource = FactSource("", "", "undated")
    confirmed: Confirmation | None = None
    status: str = "current"

    def text(self, key: str, language: str) -> str:
        """A per-language text ("" when this fact has none)."""
        return self.texts.get(key, {}).get(language, "")

    @property
    def tel(self) -> str:
        """The ``tel:`` address of the phone number: national numbers get Finland's +358,
        service numbers (112, 116 006) stay as they are."""
        digits = self.phone.replace(" ", "")
        if digits.startswith("0") and len(digits) > 6:
            return "+358" + digits[1:]
        return digits

    def recheck_due(self, months: dict[str, int]) -> dt.date | None:
        """When the fact should be checked again at its source (None: it never was)."""
        if self.confirmed is None:
            return None
        return add_months(self.confirmed.on, months[self.kind])


@dataclass
class Register:
    """Every fact by id, the file they come from and how often each kind is re-checked."""

    path: str = "facts.yml"
    facts: dict[str, Fact] = field(default_factory=dict)
    recheck_months: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_RECHECK_MONTHS))

    def get(self, ident: str) -> Fact | None:
        return self.facts.get(ident)

    def closest(self, ident: str) -> str | None:
        """The existing id closest to a misspelt one."""
        found = difflib.get_close_matches(ident, list(self.facts), n=1, cutoff=0.6)
        return found[0] if found else None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` calendar months on (the 31st becomes the month's last day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has at least 28 days")


def load_register(text: str, path: str, languages: list[str], today: dt.date) -> tuple[Register, list[Problem]]:
    """Read ``facts.yml``. Returns the facts that could be read and every problem found.

    ``languages`` are the site's languages: each per-language text needs all of them.
    """
    register = Register(path=path)
    r = YamlReader(path, text, 1)
    root = r.compose("fact register", 1)
    if root is None:
        return register, r.problems
    read = r.mapping(root, SETTINGS_KEYS, lambda v: path,
                     f"{path} must hold 'facts:' with one entry per fact (see CONTRIBUTING.md, 'Facts')")
    if read is None:
        return register, r.problems
    values, _ = read
    if "recheck_after_months" in values:
        _read_recheck(r, values["recheck_after_months"], register)
    if "facts" not in values:
        r.report(1, "the register needs 'facts:', with one entry per fact under it")
        return register, r.problems
    node = values["facts"]
    if not isinstance(node, MappingNode):
        r.report(r.line(node), "'facts:' must hold one entry per fact: its id, a colon, and its keys indented below")
        return register, r.problems
    for key_node, value_node in node.value:
        ident = key_node.value if isinstance(key_node, ScalarNode) else ""
        line = r.line(key_node)
        if not valid_id(ident):
            r.report(line, f"fact id '{ident}' may use only a-z, 0-9 and '-'")
            continue
        if ident in register.facts:
            r.report(line, f"fact '{ident}' appears twice (first on line {register.facts[ident].line}): keep only one")
            continue
        fact = _read_fact(r, ident, line, value_node, languages, today)
        if fact is not None:
            register.facts[ident] = fact
    return register, sorted(r.problems)


def _read_recheck(r: YamlReader, node: Node, register: Register) -> None:
    read = r.mapping(node, RECHECK_KEYS, lambda v: "'recheck_after_months'",
                     "'recheck_after_months' holds 'contact: MONTHS' and 'figure: MONTHS' on indented lines")
    if read is None:
        return
    values, _ = read
    for kind, value in values.items():
        months = r.text(value, kind, "'recheck_after_months'")
        if not months.isdigit() or int(months) == 0:
            r.report(r.line(value), f"'{kind}' in 'recheck_after_months' must be a whole number of months, not '{months}'")
        else:
            register.recheck_months[kind] = int(months)


def _read_fact(r: YamlReader, ident: str, line: int, node: Node, languages: list[str],
               today: dt.date) -> Fact | None:
    place = f"fact '{ident}'"
    every_key = COMMON_KEYS + tuple(dict.fromkeys(k for kind in KINDS for k in LANGUAGE_TEXTS[kind] + PLAIN_KEYS[kind]))
    read = r.mapping(node, every_key, lambda v: place,
                     f"{place} must be 'key: value' lines indented under its id")
    if read is None:
        return None
    values, lines = read
    kind = r.text(values.get("kind"), "kind", place)
    if kind not in KINDS:
        r.report(lines.get("kind", line), f"{place} needs 'kind: contact' or 'kind: figure'"
                 + (f", not '{kind}'" if kind else ""))
        return None
    fact = Fact(ident, kind, line)
    allowed = COMMON_KEYS + LANGUAGE_TEXTS[kind] + PLAIN_KEYS[kind]
    for key in values:
        if key not in allowed:
            r.report(lines[key], f"'{key}' is not used by a {kind} ({place}): use only {', '.join(allowed)}")
    for key in LANGUAGE_TEXTS[kind]:
        if key in values:
            fact.texts[key] = _read_languages(r, values[key], key, place, languages)
    for key in REQUIRED_TEXTS[kind]:
        if key not in values:
            r.report(line, f"{place} needs '{key}:' with a text for each language ({', '.join(languages)})")
    if kind == "contact":
        _read_contact(r, values, lines, fact, place, line)
    _read_source(r, values.get("source"), fact, place, lines.get("source", line))
    _read_confirmed(r, values.get("confirmed"), fact, place, line, today)
    status = r.text(values.get("status"), "status", place) or "current"
    if status not in STATUSES:
        r.report(lines["status"], f"unknown status '{status}' for {place}: use current, withdrawn (the service "
                 "has ended) or changed (the value is known to be wrong and the new one is not yet known)")
    fact.status = status
    return fact


def _read_languages(r: YamlReader, node: Node, key: str, place: str, languages: list[str]) -> dict[str, str]:
    shape = f"'{key}' of {place} needs one text per language, on indented lines: " + ", ".join(
        f"'{lang}: …'" for lang in languages)
    read = r.mapping(node, tuple(languages), lambda v: f"'{key}' of {place}", shape)
    if read is None:
        return {}
    values, _ = read
    texts = {lang: r.text(value, lang, f"'{key}' of {place}") for lang, value in values.items()}
    for lang in languages:
        if not texts.get(lang):
            r.report(r.line(node), f"'{key}' of {place} has no text for '{lang}': add '{lang}: …' under it")
    return texts


def _read_contact(r: YamlReader, values: dict[str, Node], lines: dict[str, int], fact: Fact,
                  place: str, line: int) -> None:
    fact.phone = " ".join(r.text(values.get("phone"), "phone", place).split())
    if fact.phone and not _PHONE.fullmatch(fact.phone):
        r.report(lines["phone"], f"the phone number of {place} may hold only digits and spaces, with '+' "
                 f"first for an international number ('+358 2954 63177'), not '{fact.phone}'")
    fact.email = r.text(values.get("email"), "email", place)
    if fact.email and not _EMAIL.fullmatch(fact.email):
        r.report(lines["email"], f"'{fact.email}' is not an e-mail address ({place})")
    fact.web = r.text(values.get("web"), "web", place)
    if fact.web and not _is_https(fact.web):
        r.report(lines["web"], f"the web address of {place} must start with https://, not '{fact.web}'")
    if not (fact.phone or fact.email or fact.web):
        r.report(line, f"{place} needs at least one way to reach it: 'phone:', 'email:' or 'web:'")
    if "anonymous" in values:
        fact.anonymous = r.boolean(values["anonymous"], "anonymous", place)


def _read_source(r: YamlReader, node: Node | None, fact: Fact, place: str, line: int) -> None:
    """``line``: of the 'source:' key, or of the fact when it has none."""
    if node is None:
        r.report(line, f"{place} needs 'source:' with the 'title:', 'url:' (https://) and 'dated:' of the "
                 "official page it comes from")
        return
    read = r.mapping(node, SOURCE_KEYS, lambda v: f"the source of {place}",
                     f"the source of {place} must be 'title:', 'url:' and 'dated:' on lines indented under it")
    if read is None:
        return
    values, _ = read
    title = r.text(values.get("title"), "title", "the source")
    url = r.text(values.get("url"), "url", "the source")
    dated = r.text(values.get("dated"), "dated", "the source")
    if not title:
        r.report(line, f"the source of {place} needs 'title:', the name of the official page")
    if not _is_https(url):
        r.report(r.line(values.get("url", node)), f"the source of {place} needs a 'url:' that starts with https://"
                 + (f", not '{url}'" if url else ""))
    elif weak := weak_source(url):
        r.report(r.line(values["url"]), f"the source of {place} ({url}): {weak}")
    if dated != "undated" and not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", dated):
        r.report(r.line(values.get("dated", node)), f"'dated' of the source of {place} must be the date the page "
                 f"shows (YYYY-MM-DD or YYYY-MM), or 'undated'" + (f", not '{dated}'" if dated else ""))
    fact.source = FactSource(title, url, dated)


def _read_confirmed(r: YamlReader, node: Node | None, fact: Fact, place: str, line: int, today: dt.date) -> None:
    if node is None:
        r.report(line, f"{place} needs 'confirmed:': 'no' until a person has checked it at its source, then "
                 "'on: YYYY-MM-DD' and 'by: ROLE' on indented lines")
        return
    if isinstance(node, ScalarNode):
        if r.boolean(node, "confirmed", place) is True:
            r.report(r.line(node), f"'confirmed' of {place} needs the day and who checked it, not just 'yes': "
                     "write 'on: YYYY-MM-DD' and 'by: ROLE' on indented lines under it")
        return
    read = r.mapping(node, CONFIRMED_KEYS, lambda v: f"'confirmed' of {place}",
                     f"'confirmed' of {place} must be 'no', or 'on: YYYY-MM-DD' and 'by: ROLE' on indented lines")
    if read is None:
        return
    values, _ = read
    text = r.text(values.get("on"), "on", "'confirmed'")
    by = r.text(values.get("by"), "by", "'confirmed'")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        r.report(r.line(values.get("on", node)), f"'on' of 'confirmed' ({place}) must be the date written "
                 f"YYYY-MM-DD, not '{text}'")
        return
    if day > today:
        r.report(r.line(values["on"]), f"{place} is confirmed on {text}, a date still to come: write the day "
                 "the check was made")
        return
    if not by:
        r.report(r.line(node), f"'confirmed' of {place} needs 'by:', the role of the person who checked it "
                 "(for example 'site owner')")
        return
    fact.confirmed = Confirmation(day, by)


def _is_https(url: str) -> bool:
    return url.startswith("https://") and len(url) > len("https://") and not re.search(r"[\s\"'<>]", url)
