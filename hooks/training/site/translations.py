"""Translation freshness: a translated page records which version of its source-language page
it was translated from (``translated_from:``, a short digest of that page's text), so that
the checks can say when the source has changed since, and the built translation can say so
to its readers.

The digest ignores whitespace (re-wrapping a paragraph changes nothing) and the keys that are
not translated (``reviewed``, ``reviewer``). ``make translated FILE=…`` records the current
version. Pure but for ``history``, which asks git what changed and when, where git is there.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem
from ..source import FRONT_MATTER, split_front_matter
from ..strings import fill, format_date

KEY = "translated_from"
# Front matter keys that do not belong to the text a translator translates.
UNTRANSLATED_KEYS = ("translated_from", "reviewed", "reviewer")
_KEY_LINE = re.compile(rf"^{KEY}:[ \t]*(?P<value>.*?)[ \t]*$", re.M)
_DIGEST = re.compile(r"[0-9a-f]{12}")


def source_text(source: str) -> str:
    """What a translation translates: the page without its untranslated keys, whitespace collapsed."""
    front, body, _ = split_front_matter(source)
    kept = [line for line in front.split("\n") if not re.match(rf"({'|'.join(UNTRANSLATED_KEYS)}):", line)]
    return " ".join(("\n".join(kept) + "\n" + body).split())


def digest(source: str) -> str:
    """The version of a page, as ``translated_from`` records it."""
    return hashlib.sha256(source_text(source).encode("utf-8")).hexdigest()[:12]


def recorded(source: str, path: str) -> tuple[str | None, int, list[Problem]]:
    """A translation's ``translated_from`` value, its file line, and what is wrong with it."""
    front, _, _ = split_front_matter(source)
    match = _KEY_LINE.search(front)
    if match is None:
        return None, 1, []
    line = front[: match.start()].count("\n") + 2  # the front matter starts on line 2
    value = match.group("value").strip("'\"")
    if not _DIGEST.fullmatch(value):
        return None, line, [Problem(path, line, f"'{KEY}' must be the 12-character version that "
                                    f"`make translated FILE={path}` writes, not '{value}'")]
    return value, line, []


def record(translation: str, source: str) -> str:
    """The translation's text with ``translated_from`` set to the source's current version."""
    line = f"{KEY}: {digest(source)}"
    match = FRONT_MATTER.match(translation)
    if match is None:
        return f"---\n{line}\n---\n\n{translation}"
    front = match.group(1)
    new_front = _KEY_LINE.sub(line, front, count=1) if _KEY_LINE.search(front) else front + line + "\n"
    return translation[: match.start(1)] + new_front + translation[match.end(1):]


@dataclass(frozen=True)
class Behind:
    """A translation whose source page has changed since it was translated."""

    path: str  # the translation
    line: int  # of its translated_from
    source_path: str
    changed: str  # what changed, as far as the history tells ("" when it cannot)
    updated: dt.date | None  # when the source last changed, where that is known

    def notice(self, strings: dict[str, str], source_language: str) -> str:
        """What the translation tells its readers, in its own language."""
        said = strings["translation_behind" if self.updated else "translation_behind_undated"]
        return fill(said, language=strings[f"language_{source_language}"],
                    date=format_date(self.updated, strings) if self.updated else "")

    def problem(self) -> Problem:
        what = f": {self.changed}" if self.changed else ""
        return Problem(self.path, self.line,
                       f"the translation is behind {self.source_path}, which has changed since it was translated"
                       f"{what}; update the translation, then run `make translated FILE={self.path}`")


def history(root: Path, source_path: str, recorded_digest: str) -> tuple[str, dt.date | None]:
    """What changed in ``source_path`` since the version with ``recorded_digest``, and the day
    it last changed, from git where the history is there (a shallow clone may lack it)."""
    current = (root / source_path).read_text(encoding="utf-8")
    updated = _last_changed(root, source_path)
    for commit in _git(root, "log", "--format=%H", "-n", "200", "--", source_path).split():
        old = _git(root, "show", f"{commit}:{source_path}")
        if old and digest(old) == recorded_digest:
            return _changed_lines(old, current), updated
    return "", updated


def _changed_lines(old: str, new: str) -> str:
    """The lines of the new text that differ from the old one, as 'lines 12-14, 40'."""
    matcher = difflib.SequenceMatcher(None, [" ".join(x.split()) for x in old.rstrip().split("\n")],
                                      [" ".join(x.split()) for x in new.rstrip().split("\n")], autojunk=False)
    spans = [(j1 + 1, max(j1 + 1, j2)) for tag, _, _, j1, j2 in matcher.get_opcodes() if tag != "equal"]
    shown = [f"{a}" if a == b else f"{a}-{b}" for a, b in spans[:5]]
    more = f" and {len(spans) - 5} more" if len(spans) > 5 else ""
    return f"lines {', '.join(shown)}{more} of the source changed" if shown else ""


def _last_changed(root: Path, path: str) -> dt.date | None:
    """The day a file last changed: its last commit, or today while it has uncommitted edits."""
    if _git(root, "status", "--porcelain", "--", path):
        return dt.date.today()
    day = _git(root, "log", "-1", "--format=%cs", "--", path).strip()
    try:
        return dt.date.fromisoformat(day)
    except ValueError:
        return None


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""


def main(argv: list[str]) -> int:
    """``make translated FILE=docs/en/x.md``: record that the translation is up to date with its
    source page (``FILE=docs/fi/x.md`` records it for every translation of that page)."""
    if len(argv) != 1:
        print("usage: make translated FILE=docs/<language>/<page>.md", file=sys.stderr)
        return 2
    from .config import configured_languages

    path = Path(argv[0])
    parts = path.parts
    languages = configured_languages(Path("mkdocs.yml")) if Path("mkdocs.yml").exists() else []
    if len(parts) < 3 or parts[0] != "docs" or parts[1] not in languages or not path.is_file():
        print(f"{path}: give a page under docs/<language>/ ({', '.join(languages)})", file=sys.stderr)
        return 2
    rel = Path(*parts[2:])
    source = Path("docs", languages[0], rel)
    targets = [Path("docs", lang, rel) for lang in languages[1:]] if parts[1] == languages[0] else [path]
    for target in targets:
        if not target.is_file():
            print(f"{target}: no such translation yet", file=sys.stderr)
            continue
        target.write_text(record(target.read_text(encoding="utf-8"), source.read_text(encoding="utf-8")),
                          encoding="utf-8")
        print(f"{target}: recorded as translated from the current {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
