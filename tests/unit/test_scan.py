"""Finding quiz and checklist fences: the same blocks, bodies and lines as superfences."""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from training.site.scan import find_blocks

QUIZ = "```quiz\nid: q\n```"


def kinds_and_lines(text: str, first_line: int = 1) -> list[tuple[str, int]]:
    return [(b.kind, b.line) for b in find_blocks(text, first_line) if b.error is None]


def test_a_top_level_fence_is_found_at_its_file_line():
    text = "# Title\n\nText\n\n" + QUIZ + "\n"
    [block] = find_blocks(text)
    assert (block.kind, block.line, block.body, block.error) == ("quiz", 5, "id: q", None)


def test_first_line_counts_the_front_matter():
    [block] = find_blocks(QUIZ, first_line=7)
    assert block.line == 7


def test_tildes_longer_fences_and_all_three_kinds():
    text = "~~~checklist\nid: c\n~~~\n\n````quiz\nid: q\n````\n\n```progress-controls\n```\n"
    assert kinds_and_lines(text) == [("checklist", 1), ("quiz", 5), ("progress-controls", 9)]


def test_a_longer_closing_fence_does_not_close_a_shorter_one():
    # "````" is content of a ``` block, exactly as in superfences.
    [block] = find_blocks("```quiz\nid: q\n````\n```\n")
    assert block.body == "id: q\n````"


def test_fences_indented_in_admonitions_tabs_and_lists_are_dedented():
    text = (
        '!!! note "x"\n\n    ```quiz\n    id: a\n    questions:\n      - id: b\n    ```\n\n'
        '=== "Tab"\n\n    ```checklist\n    id: c\n    ```\n\n'
        "- item\n\n  ```quiz\n  id: d\n  ```\n"
    )
    blocks = find_blocks(text)
    assert [(b.kind, b.line, b.body) for b in blocks] == [
        ("quiz", 3, "id: a\nquestions:\n  - id: b"),
        ("checklist", 11, "id: c"),
        ("quiz", 17, "id: d"),
    ]


def test_fences_inside_a_blockquote():
    [block] = find_blocks("> ```quiz\n> id: q\n> ```\n")
    assert (block.line, block.body) == (1, "id: q")


def test_an_example_inside_another_fence_is_not_a_block():
    text = "````markdown\n```quiz\nid: shown\n```\n````\n\n~~~\n```checklist\nid: x\n```\n~~~\n\n" + QUIZ
    assert kinds_and_lines(text) == [("quiz", 13)]


def test_an_indented_example_in_tabs_is_not_a_block_either():
    text = '=== "Source"\n\n    ````markdown\n    ```quiz\n    id: shown\n    ```\n    ````\n'
    assert find_blocks(text) == []


def test_other_languages_are_skipped():
    assert find_blocks("```python\nprint(1)\n```\n```yaml\nid: q\n```\n") == []


def test_an_unclosed_block_is_an_error_at_its_opening_line():
    [block] = find_blocks("Text\n\n```quiz\nid: q\n", first_line=3)
    assert block.error_line == 5
    assert block.error == (
        "the ```quiz block is never closed, so it is shown as plain text: add a line ``` after "
        "its last line, indented like the opening line"
    )


def test_a_line_indented_too_little_ends_the_block_with_an_error_at_that_line():
    text = "- item\n\n    ```checklist\n    id: c\n  items:\n    ```\n"
    [block] = find_blocks(text)
    assert (block.kind, block.line, block.error_line) == ("checklist", 3, 5)
    assert block.error == (
        "this line is indented less than the opening ```checklist on line 3, so the block stops "
        "here and is shown as plain text: indent every line of the block at least as far as its "
        "opening line"
    )


def test_text_after_the_block_name_is_an_error():
    [block] = find_blocks('```quiz title="Testi"\nid: q\n```\n')
    assert block.error == (
        "unexpected text 'title=\"Testi\"' after ```quiz, so the block is not rendered: write "
        "the opening line as just ```quiz"
    )


def test_a_misspelt_block_name_is_an_error_and_not_silently_code():
    blocks = find_blocks("```Quiz\nid: q\n```\n\n~~~checklists\nid: c\n~~~\n")
    assert [(b.kind, b.line, b.error) for b in blocks] == [
        ("quiz", 1, "unknown block type 'Quiz': write ```quiz"),
        ("checklist", 5, "unknown block type 'checklists': write ~~~checklist"),
    ]


def test_windows_line_endings_and_tabs():
    [block] = find_blocks("```quiz\r\nid: q\r\nquestions:\r\n\t- id: a\r\n```\r\n")
    assert block.body == "id: q\nquestions:\n    - id: a"


# --- the scanner agrees with superfences itself --------------------------------------


def superfences_calls(text: str) -> list[tuple[str, str]]:
    """(kind, source) of every call superfences makes to a custom formatter."""
    calls: list[tuple[str, str]] = []

    def recorder(kind):
        def fmt(source, language, css_class, options, md, **kwargs):
            calls.append((kind, source))
            return ""

        return fmt

    md = markdown.Markdown(
        extensions=["admonition", "pymdownx.tabbed", "pymdownx.superfences"],
        extension_configs={
            "pymdownx.tabbed": {"alternate_style": True},
            "pymdownx.superfences": {
                "custom_fences": [
                    {"name": k, "class": k, "format": recorder(k)}
                    for k in ("quiz", "checklist", "progress-controls")
                ]
            },
        },
    )
    md.convert(text)
    return calls


LINES = st.sampled_from(
    [
        "```quiz", "```checklist", "~~~quiz", "````quiz", "```", "~~~", "````", "````markdown",
        "```python", "    ```quiz", "    ```", "  ```checklist", "  ```", "> ```quiz", "> ```",
        "> id: q", "id: q", "    id: q", "  id: q", "", "text", "- item", '!!! note "x"',
        '=== "Tab"', "```quiz x", "```{.quiz}", "\t```quiz", "\tid: q", "```progress-controls",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=14))
def test_the_scanner_finds_exactly_the_blocks_superfences_formats(lines):
    text = "\n".join(lines)
    found = [(b.kind, b.body) for b in find_blocks(text) if b.error is None]
    assert found == superfences_calls(text)


def test_the_demo_pages_agree_with_superfences():
    for lang in ("fi", "en"):
        from pathlib import Path

        text = (Path(__file__).parents[2] / f"docs/{lang}/toimittajille/esimerkki.md").read_text(encoding="utf-8")
        found = [(b.kind, b.body) for b in find_blocks(text) if b.error is None]
        assert found == superfences_calls(text)
        assert len(found) == 5
