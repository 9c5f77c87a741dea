"""The site owner's re-check list (``make facts``): every fact of the register with its value,
source, status, last confirmation and the pages that show it; the facts nobody has confirmed
yet first, then those due for a new check (contacts after 6 months, figures after 12, as
``facts.yml`` sets), then the rest."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import Problem
from .references import FactUse
from .register import Fact, Register


@dataclass(frozen=True)
class RecheckRow:
    """One fact on the owner's list."""

    fact: Fact
    due: dt.date | None  # when it should be checked again (None: it never was)
    uses: tuple[FactUse, ...]

    def state(self, today: dt.date) -> str:
        if self.fact.status != "current":
            return self.fact.status
        if self.fact.confirmed is None:
            return "not yet confirmed"
        return "due for a new check" if self.due is not None and self.due <= today else "confirmed"


def recheck_rows(register: Register, uses: list[FactUse], today: dt.date) -> list[RecheckRow]:
    """Every fact, in the order the owner should work through them."""
    rows = [RecheckRow(fact, fact.recheck_due(register.recheck_months),
                       tuple(u for u in uses if u.ident == fact.id))
            for fact in register.facts.values()]
    order = {"not yet confirmed": 0, "due for a new check": 1, "withdrawn": 2, "changed": 2, "confirmed": 3}
    return sorted(rows, key=lambda row: (order[row.state(today)], row.due or dt.date.min, row.fact.id))


def recheck_problems(rows: list[RecheckRow], register: Register, today: dt.date) -> list[Problem]:
    """The facts to check at their source now, as warnings at their line in the register."""
    found = []
    for row in rows:
        fact, state = row.fact, row.state(today)
        if state == "not yet confirmed":
            found.append(Problem(register.path, fact.line, f"fact '{fact.id}' has not been confirmed at its "
                                 f"source yet ({fact.source.url}): check it there, then set 'confirmed:'"))
        elif state == "due for a new check":
            found.append(Problem(register.path, fact.line, f"fact '{fact.id}' was last confirmed on "
                                 f"{fact.confirmed.on.isoformat()}, more than "
                                 f"{register.recheck_months[fact.kind]} months ago: check it again at "
                                 f"{fact.source.url} and update 'confirmed:'"))
    return found


def value_of(fact: Fact, language: str) -> str:
    """What a reader acts on: a contact's phone, e-mail and web address, a figure's value."""
    if fact.kind == "figure":
        return fact.text("value", language)
    return ", ".join(v for v in (fact.phone, fact.email, fact.web) if v)


def markdown_table(rows: list[RecheckRow], register: Register, language: str, today: dt.date) -> str:
    """The list as a Markdown table (``make facts`` writes it for the owner)."""
    def cell(text: str) -> str:
        return " ".join(text.replace("|", "\\|").split())

    lines = [
        f"# Facts to check at their source ({today.isoformat()})",
        "",
        f"From `{register.path}`. Check each fact on its official page; then set its `confirmed:` "
        "(`on:` the day, `by:` your role), or correct it. Contacts are due again after "
        f"{register.recheck_months['contact']} months, figures after {register.recheck_months['figure']}.",
        "",
        "| Fact | Value | Source | Status | Last confirmed | Next check | Shown on |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        fact = row.fact
        source = f"[{cell(fact.source.title)}]({fact.source.url}) ({fact.source.dated})"
        confirmed = f"{fact.confirmed.on.isoformat()} ({cell(fact.confirmed.by)})" if fact.confirmed else "never"
        pages = ", ".join(dict.fromkeys(f"`{u.path}:{u.line}`" for u in row.uses)) or "not used"
        lines.append(f"| `{fact.id}` ({cell(fact.text('name', language))}, `{register.path}:{fact.line}`) "
                     f"| {cell(value_of(fact, language))} | {source} | {row.state(today)} | {confirmed} "
                     f"| {row.due.isoformat() if row.due else 'now'} | {pages} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    """``make facts``: print the re-check list and write it to ``dist/facts-to-check.md``."""
    import sys  # noqa: PLC0415
    from pathlib import Path  # noqa: PLC0415

    from ..site.checks import check_docs
    from ..site.config import configured_languages

    config = Path("mkdocs.yml")
    languages = configured_languages(config) if config.exists() else None
    report = check_docs(Path(argv[0] if argv else "docs"), Path.cwd(), languages=languages, config_file=config)
    today = dt.date.today()
    table = markdown_table(recheck_rows(report.register, report.fact_uses, today), report.register,
                           (languages or ["en"])[0], today)
    target = Path("dist/facts-to-check.md")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(table, encoding="utf-8")
    print(table)
    print(f"Written to {target}.")
    for problem in report.problems:
        print(f"ERROR {problem}", file=sys.stderr)
    return 1 if report.problems else 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
