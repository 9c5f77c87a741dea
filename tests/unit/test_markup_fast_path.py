"""Plain one-line texts skip Markdown: the result must be exactly what Markdown makes of them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from training.safe.markup import _PLAIN, Renderer

# Letters (Finnish and others), digits, the punctuation the shortcut allows, and characters it
# must refuse, so that both paths are exercised.
ALPHABET = st.sampled_from(list("aäöÅzQ019 .,;:?!'\"()%/€–—’‘“”…+=-") + ["  ", "\n", "\t", "*", "_", "`",
                                                                           "[", "]", "<", ">", "&", "#", "\\",
                                                                           "|", "~", "Ω", "ß"])


def _markdown(text: str) -> str:
    """What the renderer's Markdown converter makes of the text, without the shortcut."""
    md = Renderer()._converter()
    md.reset()
    return md.convert(text).strip()


@settings(max_examples=600, deadline=None)
@given(st.lists(ALPHABET, min_size=1, max_size=40).map("".join))
def test_the_shortcut_gives_what_markdown_gives(text):
    assert Renderer().block(text) == ("" if not text.strip() else _markdown(text))


@settings(max_examples=300, deadline=None)
@given(st.from_regex(_PLAIN, fullmatch=True))
def test_texts_that_take_the_shortcut_give_what_markdown_gives(text):
    """Texts drawn from the shortcut's own pattern, so that every one of them takes it."""
    assert _PLAIN.fullmatch(text)
    assert Renderer().block(text) == _markdown(text)


def test_typical_options_take_the_shortcut_and_syntax_does_not():
    assert _PLAIN.fullmatch("Kyllä, 7 päivän kuluessa.")
    assert _PLAIN.fullmatch("Palkka maksetaan käteisellä.\n")
    for text in ("*Ei*", "Katso [sivu](a.md)", "1. kohta", "- kohta", "a & b", "# Otsikko", "Loppu  "):
        assert not _PLAIN.fullmatch(text), text
