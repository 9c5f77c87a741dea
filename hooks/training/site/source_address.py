"""Source addresses a module or the fact register should not cite, whatever the page says.

A source is there so that a reader, an editor or a reviewer can check a fact where it was
made. That fails when the authority no longer exists, when the address is a copy of someone
else's document, and when the address does not say what it points to: the checks name such
a source at its line, with what to cite instead.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

# (host, why it cannot be the source of a current fact, and what to cite instead)
_RETIRED_HOSTS = (
    (re.compile(r"(?:.+\.)?avi\.fi"), "the Regional State Administrative Agencies (AVI) ceased on 1 January "
     "2026: cite tyosuojelu.fi or the Finnish Supervisory Agency's own page"),
    (re.compile(r"(?:.+\.)?te-palvelut\.fi"), "the TE Offices closed on 1 January 2025: cite tem.fi, "
     "tyomarkkinatori.fi or the employment area's own page"),
    (re.compile(r"(?:.+\.)?(?:docslib\.org|docplayer\.[a-z]+|pdfslide\.[a-z]+|9pdf\.co|scribd\.com)"),
     "a copy of a document on a file-sharing site: cite the publisher's own page"),
)
# Finlex before its 2025 renewal: /fi/laki/ajantasa/2001/20010055 and /fi/laki/alkup/…
_OLD_FINLEX = re.compile(r"/(?:fi|sv)/laki/(?:ajantasa|alkup)/")
# Content-management numbers instead of a readable address: ?p=63811, ?page_id=12, /node/13223
_OPAQUE_QUERY = ("p", "page_id")
_OPAQUE_PATH = re.compile(r"/node/\d+/?$")


def weak_source(url: str) -> str | None:
    """Why ``url`` (an https address) is no source to cite, or None when nothing is known against it."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    for pattern, why in _RETIRED_HOSTS:
        if pattern.fullmatch(host):
            return why
    if host == "finlex.fi" and _OLD_FINLEX.match(parts.path):
        return ("Finlex's address from before its 2025 renewal: write "
                "https://www.finlex.fi/fi/lainsaadanto/YEAR/NUMBER (for example …/lainsaadanto/2001/55)")
    query = parse_qs(parts.query)
    if any(query.get(key, [""])[0].isdigit() for key in _OPAQUE_QUERY) or _OPAQUE_PATH.search(parts.path):
        return ("an address that does not say what it points to (a page number such as ?p=… or /node/…): "
                "open the page and copy its readable address")
    return None
