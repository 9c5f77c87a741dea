"""Normalisation of typed answers, shared by validation (here) and the browser
(``normalize`` in docs/assets/training.js, which must stay equivalent).

Finnish inflects words, so a text question lists several accepted forms; what the
reader types is compared after ignoring case, extra spaces and punctuation.
"""

from __future__ import annotations

import unicodedata

# JavaScript's \s is Unicode's separators plus these; treating exactly the same
# characters as spaces keeps Python and the browser in agreement.
_EXTRA_SPACES = frozenset("\t\n\v\f\r\ufeff")


def normalize_answer(text: str) -> str:
    """Fold case, drop everything except letters, digits and combining marks (so
    punctuation goes, at the ends and inside), and collapse runs of spaces to one.

    >>> normalize_answer("  Työ-sopimus!  ")
    'työsopimus'
    """
    # Case folding as upper- then lowercasing: unlike str.casefold() this is exactly what
    # the browser can do too (JavaScript has no casefold). The final sigma is the one
    # letter both languages lowercase by context, so it is folded by hand.
    upper = unicodedata.normalize("NFKC", text).upper()
    folded = unicodedata.normalize("NFKC", upper.lower()).replace("\u03c2", "\u03c3")
    kept = []
    for ch in folded:
        category = unicodedata.category(ch)[0]
        if category in "LNM":
            kept.append(ch)
        elif category == "Z" or ch in _EXTRA_SPACES:
            kept.append(" ")
    # Removing a character can bring a letter and a combining mark together: compose again.
    return unicodedata.normalize("NFC", " ".join("".join(kept).split()))
