"""The Content-Security-Policy every page carries, as a ``<meta http-equiv>`` element.

Scripts only from the site itself, plus the few inline scripts the theme writes, allowed by
their hashes (computed from the finished page, after ``sanitize`` has taken any script an
editor wrote out of its content); no ``'unsafe-inline'``, no ``'unsafe-eval'``. Styles and
fonts from the site only (images also as ``data:``, which the theme's icons are); connections,
workers and the manifest to the site only; no plugins, frames or ``<base>``; forms post to the
site only. In the offline pack the site is ``file:``, which ``'self'`` does not match in every
browser, and the search worker runs in a frame whose one inline script is hashed too (see
``offline_worker_script``).

A policy in ``<meta>`` cannot forbid framing or report violations: the server should send the
same policy as a header, with ``frame-ancestors 'none'`` (CONTRIBUTING, "Security policy").
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.IGNORECASE)
_HEAD = re.compile(r"<meta charset=[^>]*>|<head[^>]*>", re.IGNORECASE)
_CONFIG = re.compile(r'<script id="__config" type="application/json">(?P<json>.*?)</script>', re.DOTALL)


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script of a page that a browser would run."""
    return [m.group("body") for m in _SCRIPT.finditer(page)
            if "src=" not in m.group("attrs") and not _DATA_TYPE.search(m.group("attrs"))]


def source_hash(text: str) -> str:
    """A CSP hash source for an inline script: ``'sha256-…'``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(script_hashes: list[str], offline: bool = False) -> str:
    """The policy for a page with these inline-script hashes."""
    site = "'self' file:" if offline else "'self'"
    directives = [
        ("default-src", "'none'"),
        ("script-src", " ".join([site, *sorted(set(script_hashes))])),
        ("style-src", site),
        ("img-src", f"{site} data:"),
        ("font-src", site),
        ("connect-src", site),
        ("worker-src", site),
        ("manifest-src", site),
        ("frame-src", site if offline else "'none'"),
        ("object-src", "'none'"),
        ("base-uri", "'none'"),
        ("form-action", "'self'"),
    ]
    return "; ".join(f"{name} {value}" for name, value in directives)


def offline_worker_script(shim: str, page: str) -> str | None:
    """The inline script the iframe-worker shim writes into its frame on this page (it runs
    Material's search worker from ``file:``), or None on a page without search."""
    config = _CONFIG.search(page)
    functions = {name: re.search(rf"function {name}\([^)]*\)\{{", shim) for name in ("c", "d")}
    if config is None or not all(functions.values()):
        return None
    worker = json.loads(config.group("json")).get("search")
    if not worker:
        return None
    sources = {name: _function_source(shim, match.start()) for name, match in functions.items()}
    return (f"postMessage={sources['c']};importScripts={sources['d']};addEventListener(\"error\",({{error}})=>"
            f"{{parent.dispatchEvent(new ErrorEvent(\"error\",{{filename:\"{worker}\",error}}))}})")


def _function_source(code: str, start: int) -> str:
    """The text of a function from its ``function`` keyword to its closing brace."""
    depth, index = 0, code.index("{", start)
    for index in range(index, len(code)):
        depth += {"{": 1, "}": -1}.get(code[index], 0)
        if depth == 0:
            break
    return code[start: index + 1]


def with_policy(page: str, offline: bool = False, shim: str = "") -> str:
    """The page with its policy as the first element of its ``<head>`` that may come before a script."""
    hashes = [source_hash(script) for script in inline_scripts(page)]
    if offline and shim and (framed := offline_worker_script(shim, page)) is not None:
        hashes.append(source_hash(framed))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, offline)}">'
    head = _HEAD.search(page)
    if head is None:
        return meta + page
    return page[: head.end()] + meta + page[head.end():]
