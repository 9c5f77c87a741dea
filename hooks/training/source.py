"""Where the Markdown body of a page starts in its source file."""

from __future__ import annotations

import re

# The same pattern MkDocs uses for YAML front matter (mkdocs.utils.meta).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def split_front_matter(source: str) -> tuple[str, str, int]:
    """Split a page source into (front matter text, body, file line of the body's first line).

    MkDocs drops the front matter and the blank lines after it before handing the body to
    plugins; the returned line number lets every message point at the real line in the file.
    """
    match = FRONT_MATTER.match(source)
    if not match:
        return "", source, 1
    body = source[match.end():].lstrip("\n")
    return match.group(1), body, source[: len(source) - len(body)].count("\n") + 1
