"""The site's own scripts and styles as served: minified copies of the readable files in
``docs/assets``. Comments and indentation are for editors; readers on little data should
not pay for them."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minified(name: str, text: str) -> str:
    """``text`` of the script or style sheet ``name``, minified (other files unchanged)."""
    minify = MINIFIERS.get(Path(name).suffix)
    return minify(text) if minify else text


def minify_folder(folder: Path) -> list[Path]:
    """Minify, in place, every script and style sheet directly in ``folder`` (Material's own
    are already minified and live in subfolders). Returns the files changed."""
    changed = []
    for path in sorted(folder.glob("*")):
        if path.suffix not in MINIFIERS:
            continue
        text = path.read_text(encoding="utf-8")
        smaller = minified(path.name, text)
        if smaller != text:
            path.write_text(smaller, encoding="utf-8")
            changed.append(path)
    return changed
