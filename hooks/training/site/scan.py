"""Find the quiz, checklist, progress-controls, progress-summary, trainer and modules fences
in a page's Markdown.

The blocks are rendered by pymdownx.superfences, so this scanner follows the same rules
(taken from pymdown-extensions 13.x ``SuperFencesBlockPreprocessor``): a fence may be
indented or inside a blockquote; its content must stay at least as indented; the
closing fence repeats the opening one exactly; and whatever is inside another fence
(for example a ````markdown example that shows quiz syntax) is not a block. Keeping the
rules the same means the build-time check sees exactly the blocks the renderer sees.

Where superfences would silently *not* render a block (never closed, a line indented
too little, extra text on the opening line, a misspelt block name), the scanner returns
the block with ``error`` set, so the build can fail instead of showing the YAML as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping


def block_kinds() -> Mapping[str, object]:
    """Every block kind by its fence name (``blocks``): one scan serves them all."""
    from ..blocks import BLOCK_KINDS

    return BLOCK_KINDS

# The opening-fence pattern of pymdownx.superfences, unchanged.
_FENCE_START = re.compile(
    r"""(?x)
    (?P<fence>~{3,}|`{3,})
    (?:[ \t]*\.?(?P<lang>[\w#.+-]+)(?=[\t ]|$))?
    (?:
        [ \t]*(\{(?P<attrs>[^\n]*)\}) |
        (?P<options>
            (?:
                (?:[ \t]*[a-zA-Z][a-zA-Z0-9_]*(?:=(?P<quot>"|').*?(?P=quot))?)(?=[\t ]|$)
            )+
        ) |
        (?P<unrecognized>
            (?:([ \t]*[^\s]+)(?=[\t ]|$))+
        )
    )?[ \t]*$
    """
)
_OPTION_KEY = re.compile(r"(?P<key>[a-zA-Z][a-zA-Z0-9_]*)(?:=(?P<quot>\"|')(?P<value>.*?)(?P=quot))?")
# Options that the default (highlighting) fence accepts; any other option makes
# superfences refuse the fence line, and the lines stay ordinary Markdown.
_HIGHLIGHT_OPTIONS = {"hl_lines", "linenums", "title", "title_mode"}
_PREFIX_CHARS = "> \t"
_TAB_LENGTH = 4  # Python-Markdown's default, used by MkDocs


@dataclass(frozen=True)
class FencedBlock:
    """A quiz, checklist or progress-controls fence found in a page.

    ``line`` is the file line of the opening fence; the body (dedented exactly as
    superfences dedents it) starts on ``line + 1``. When superfences would not render
    the block, ``error`` says why and ``error_line`` where; the body is then not usable.
    """

    kind: str
    body: str
    line: int
    fence: str = "```"
    error: str | None = None
    error_line: int = 0


def normalize_source(markdown: str) -> str:
    """Normalise whitespace like Python-Markdown's first preprocessor does (line count kept)."""
    text = markdown.replace("\x02", "").replace("\x03", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.expandtabs(_TAB_LENGTH)
    return re.sub(r"(?<=\n) +\n", "\n", text)


def _near_kind(lang: str) -> str | None:
    """The block kind an editor probably meant by a misspelt fence name, if any: one edit away
    (``quis``, ``checklsit``), another case (``Quiz``), or a plural or other ending (``quizzes``,
    ``checklists``, ``trainers``, ``contact``)."""
    if lang in block_kinds():
        return None
    lowered = lang.lower().lstrip(".")
    for kind in sorted(block_kinds()):
        if lowered == kind or _one_edit(lowered, kind) or lowered.startswith(kind) \
                or _singular(lowered) == _singular(kind):
            return kind
    return None


def _singular(word: str) -> str:
    """A fence name without an English plural ending: ``quizzes`` and ``quizes`` are ``quiz``,
    ``progress-summaries`` is ``progress-summary``, ``contacts`` is ``contact``."""
    for ending, replacement in (("zzes", "z"), ("ies", "y"), ("zes", "z"), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + replacement
    return word


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter inserted, deleted, changed, or two swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _header(m: re.Match[str]) -> tuple[bool, str, str]:
    """Decide, like superfences, whether a fence line opens a fence.

    Returns (opens_a_fence, language, extra_text) where extra_text is what follows the
    language when it is more than superfences accepts for a custom fence.
    """
    lang = m.group("lang") or ""
    if m.group("attrs") is not None:
        if not lang:
            classes = [t[1:] for t in m.group("attrs").split() if t.startswith(".") and len(t) > 1]
            lang = classes[0] if classes else ""
        return True, lang, ""
    if m.group("unrecognized"):
        return False, lang, m.group("unrecognized").strip()
    if m.group("options"):
        keys = {o.group("key") for o in _OPTION_KEY.finditer(m.group("options"))}
        return keys <= _HIGHLIGHT_OPTIONS, lang, m.group("options").strip()
    return True, lang, ""


class _Open:
    """State of the fence being read (mirrors the fields superfences keeps)."""

    def __init__(self, index: int, ws: str, fence: str, lang: str, error: str | None):
        self.index = index
        self.ws = ws
        self.width = len(ws)
        self.quote_level = ws.count(">")
        self.fence = fence
        self.end = re.compile(re.escape(fence) + r"[ \t]*$")
        self.lang = lang
        self.error = error
        self.code: list[str] = []
        self.empty_lines = 0


def _split_line(line: str, width: int) -> tuple[str, str]:
    """Take up to ``width`` prefix characters (spaces and '>') off a line."""
    n = 0
    while n < len(line) and n < width and line[n] in _PREFIX_CHARS:
        n += 1
    return line[:n], line[n:]


def find_blocks(markdown: str, first_line: int = 1) -> list[FencedBlock]:
    """Find the quiz, checklist and progress-controls fences in ``markdown``.

    ``first_line`` is the file line of the first line of ``markdown`` (front matter
    lines + 1). Fences nested inside other fences are skipped, as superfences skips them.
    Blocks that superfences would not render come back with ``error`` set.
    """
    lines = normalize_source(markdown).split("\n")
    found: list[FencedBlock] = []
    cur: _Open | None = None

    def file_line(index: int) -> int:
        return first_line + index

    def abandon(index: int) -> None:
        # superfences drops the fence here and the block shows up as plain text.
        assert cur is not None
        _broken(cur, found, file_line, index,
                f"this line is indented less than the opening {cur.fence}{cur.lang} "
                f"on line {file_line(cur.index)}, so the block stops here and is shown as "
                f"plain text: indent every line of the block at least as far as its opening line")

    for index, line in enumerate(lines):
        if cur is None:
            ws_len = len(line) - len(line.lstrip(_PREFIX_CHARS))
            m = _FENCE_START.match(line, ws_len)
            if m is None:
                continue
            opens, lang, extra = _header(m)
            fence = m.group("fence")
            error = None
            if lang in block_kinds() and extra:
                error = (
                    f"unexpected text '{extra}' after {fence}{lang}, so the block is not "
                    f"rendered: write the opening line as just {fence}{lang}"
                )
            elif lang and (near := _near_kind(lang)):
                error = f"unknown block type '{lang}': write {fence}{near}"
                if extra:
                    error += " with nothing after it"
                lang = near
            if error is not None:
                found.append(
                    FencedBlock(
                        kind=lang,
                        body="",
                        line=file_line(index),
                        fence=fence,
                        error=error,
                        error_line=file_line(index),
                    )
                )
            if opens:
                cur = _Open(index, line[:ws_len], fence, lang, error)
            continue

        ws, content = _split_line(line, cur.width)
        quote_level = ws.count(">")
        if cur.quote_level:
            if quote_level > cur.quote_level:
                abandon(index)
                cur = None
            elif content == "":
                cur.code.append(ws + content)
                cur.empty_lines += 1
            elif len(ws) < cur.width or (cur.empty_lines and quote_level < cur.quote_level):
                abandon(index)
                cur = None
            elif cur.end.match(content):
                cur = _close(cur, found, file_line)
            else:
                cur.empty_lines = 0
                cur.code.append(ws + content)
        elif quote_level:
            # A blockquote line inside a fence that did not start in one ends it.
            abandon(index)
            cur = None
        elif (ws + content).strip() == "":
            cur.code.append(ws + content)
            cur.empty_lines += 1
        elif len(ws) != cur.width and content != "":
            abandon(index)
            cur = None
        elif cur.end.match(content) and not content.startswith((" ", "\t")):
            cur = _close(cur, found, file_line)
        else:
            cur.empty_lines = 0
            cur.code.append(ws + content)

    if cur is not None:
        _broken(cur, found, file_line, cur.index,
                f"the {cur.fence}{cur.lang} block is never closed, so it is shown as plain "
                f"text: add a line {cur.fence} after its last line, indented like the opening line")
    found.sort(key=lambda b: (b.line, b.error_line))
    return found


def _broken(cur: _Open, found: list[FencedBlock], file_line: Callable[[int], int], index: int, error: str) -> None:
    """Record one of our fences that superfences would not render, with why and where."""
    if cur.lang in block_kinds() and cur.error is None:
        found.append(FencedBlock(kind=cur.lang, body="", line=file_line(cur.index), fence=cur.fence,
                                 error=error, error_line=file_line(index)))


def _close(cur: _Open, found: list[FencedBlock], file_line: Callable[[int], int]) -> None:
    """Record a closed fence if it is one of ours. Returns None: no fence is open now."""
    if cur.lang in block_kinds() and cur.error is None:
        body = "\n".join(code[cur.width :] for code in cur.code)
        found.append(FencedBlock(kind=cur.lang, body=body, line=file_line(cur.index), fence=cur.fence))
    return None
