"""Front matter line counting and the [VERIFY] marker."""

from __future__ import annotations

from training.source import split_front_matter
from training.unconfirmed import find_unconfirmed, mark_unconfirmed


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
"""


def test_markers_in_prose_are_found_with_their_line_and_text():
    found = find_unconfirmed(PAGE, "docs/fi/apua.md", first_line=3)
    assert [(f.line, f.context) for f in found] == [(5, "Call +358 1"), (9, "RIKU | 116 006")]
    assert str(found[0]) == "docs/fi/apua.md:5: to be confirmed by the site owner: Call +358 1"


def test_markers_become_a_visible_note_but_code_is_left_alone():
    marked = mark_unconfirmed(PAGE, "to be confirmed")
    assert marked.count('<span class="to-confirm">(to be confirmed)</span>') == 2
    assert "Write `[VERIFY]` after" in marked
    assert "Call 123 [VERIFY]" in marked


def test_the_label_is_escaped():
    assert "(a &lt;b&gt;)" in mark_unconfirmed("x [VERIFY]", "a <b>")
