"""Front matter line counting and the [VERIFY] marker."""

from __future__ import annotations

from training.source import split_front_matter
import markdown

from training.facts.inline import FactsExtension
from training.facts.references import text_lines
from training.safe.markup import Renderer
from training.site.page_blocks import read_page
from training.site.unconfirmed import find_unconfirmed, prose_lines


def test_a_page_without_front_matter_starts_at_line_one():
    assert split_front_matter("# Title\n\nText\n") == ("", "# Title\n\nText\n", 1)


def test_front_matter_and_the_blank_lines_after_it_are_counted():
    source = "---\nid: x\ntitle: y\n---\n\n\n# Title\n"
    front, body, first_line = split_front_matter(source)
    assert front == "id: x\ntitle: y\n"
    assert body == "# Title\n"
    assert first_line == 7


PAGE = """# Help

Call [+358 1](tel:+3581) [VERIFY] now.

| Who | Number |
|---|---|
| RIKU | 116 006 [VERIFY] |

Write `[VERIFY]` after a fact to mark it.

```markdown
Call 123 [VERIFY]
```

```quiz
id: q
questions:
  - id: a
    type: truefalse
    question: The line is open at night [VERIFY].
    answer: true
```
"""


def lines_of(markdown: str, first_line: int):
    blocks = read_page(markdown, "docs/fi/apua.md", first_line)
    return text_lines(list(prose_lines(markdown, first_line)), blocks.fenced)


def test_markers_in_prose_and_in_blocks_are_found_with_their_line_and_text():
    found = find_unconfirmed(lines_of(PAGE, 3), "docs/fi/apua.md")
    assert [(f.line, f.context) for f in found] == [
        (5, "Call +358 1"), (9, "RIKU | 116 006"), (22, "The line is open at night")]
    assert str(found[0]) == "docs/fi/apua.md:5: to be confirmed by the site owner: Call +358 1"


def test_markers_become_a_visible_note_in_prose_and_blocks_but_code_is_left_alone():
    html = markdown.Markdown(extensions=["tables", "pymdownx.superfences", FactsExtension()]).convert(PAGE)
    assert html.count('<span class="to-confirm">(to be confirmed)</span>') == 2
    assert "Write <code>[VERIFY]</code> after" in html and "Call 123 [VERIFY]" in html
    quiz = Renderer().block("The line is open at night [VERIFY].")
    assert '<span class="to-confirm">(to be confirmed)</span>' in quiz


def test_the_label_is_escaped(monkeypatch):
    assert "(a &lt;b&gt;)" in Renderer(strings={"to_confirm": "a <b>"}).block("x [VERIFY]")
