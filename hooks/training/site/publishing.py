"""What a published site needs besides its pages: a real address, and the server's headers.

A build for publishing (``make publish``) must carry the address the site is published at:
canonical links, the sitemap and its language alternates are made from it, so a build with
the address of ``make serve`` would point search engines and readers at a computer that is
not there. ``address_problems`` says what is wrong with the addresses before anything is
built.

The server does its part for readers who may be watched: HTTPS only, no referrer, no MIME
sniffing, no framing, and the pages' Content-Security-Policy as a real header (a ``<meta>``
policy cannot forbid framing). ``server_files`` writes that once for three kinds of host:
Netlify and Cloudflare Pages (``_headers``, ``_redirects``), Apache (``.htaccess``) and nginx
(a snippet for the ``server`` block), from one list of headers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..safe.csp import inline_scripts, policy, source_hash

# The addresses mkdocs.yml falls back to when SITE_URL and REPO_URL are not set.
PLACEHOLDER_SITE_URL = "http://127.0.0.1:8000/"
PLACEHOLDER_REPO_URL = "https://github.com/tyoelamataidot/tyoelamataidot"
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1"}

# Material's own files carry a hash of their content in their names (bundle.a5f9d56c.min.js):
# a new version is a new name, so a browser may keep them for a year. Everything else (the
# pages, the site's own assets/*.js and *.css, search indexes) is checked again on each view.
FINGERPRINTED = r"\.[0-9a-f]{8}\.min\.(?:css|js)(?:\.map)?$"
# The same files as folders, for hosts whose rules have no regular expressions.
_FINGERPRINTED_FOLDERS = ("assets/stylesheets/*", "assets/javascripts/workers/*", "assets/javascripts/:file")
LONG_CACHE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Features the site never uses, denied to every page and to anything it might embed.
DENIED_FEATURES = ("accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "geolocation",
                   "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi", "payment",
                   "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
                   "xr-spatial-tracking", "browsing-topics")
COMPRESSED_TYPES = ("text/html", "text/css", "text/javascript", "application/javascript", "application/json",
                    "application/xml", "image/svg+xml")
LANGUAGE_FOLDERS = ("en/",)  # languages other than the default, each with its own 404 page


def address_problems(site_url: str | None, repo_url: str | None) -> list[str]:
    """What keeps these addresses from being published, each with what to do; none when they will do."""
    problems = []
    site = (site_url or "").strip()
    if not site:
        problems.append("SITE_URL is not set: set it to the address the site is published at, for example "
                        "SITE_URL=https://tyoelamataidot.fi/ (on GitHub, as the repository variable SITE_URL)")
    elif site.rstrip("/") == PLACEHOLDER_SITE_URL.rstrip("/") or urlsplit(site).hostname in _LOCAL_HOSTS:
        problems.append(f"SITE_URL is '{site}', the address of `make serve` on this computer: set it to the "
                        "address the site is published at, for example https://tyoelamataidot.fi/")
    elif not re.fullmatch(r"https://[^\s/?#]+(?:/[^\s?#]*)?", site):
        problems.append(f"SITE_URL is '{site}': write a full https:// address without '?' or '#', for example "
                        "https://tyoelamataidot.fi/ or https://example.github.io/tyoelamataidot/")
    repo = (repo_url or "").strip()
    if not repo:
        problems.append("REPO_URL is not set: set it to the address of the site's repository, for example "
                        "REPO_URL=https://github.com/example/tyoelamataidot (on GitHub, as the repository "
                        "variable REPO_URL)")
    elif repo.rstrip("/") == PLACEHOLDER_REPO_URL:
        problems.append(f"REPO_URL is '{repo}', the example address: set it to the address of the site's own "
                        "repository")
    elif not re.fullmatch(r"https://\S+", repo):
        problems.append(f"REPO_URL is '{repo}': write a full https:// address")
    return problems


def base_path(site_url: str) -> str:
    """The folder the site is published in: ``/`` or, for example, ``/tyoelamataidot/``."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def site_policy(pages: Iterable[str]) -> str:
    """The Content-Security-Policy for the header: the pages' own policy with every inline
    script of every page allowed by its hash, and no framing. Each page still carries its own
    stricter policy; a browser applies both."""
    hashes = {source_hash(script) for page in pages for script in inline_scripts(page)}
    return policy(sorted(hashes)) + "; frame-ancestors 'none'"


def security_headers(content_policy: str) -> list[tuple[str, str]]:
    """The response headers every file of the site is sent with."""
    return [
        ("Strict-Transport-Security", "max-age=63072000"),
        ("Content-Security-Policy", content_policy),
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Permissions-Policy", ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)),
    ]


@dataclass(frozen=True)
class ServerFile:
    """A configuration file for a kind of host: where it goes and what it says."""

    name: str  # relative to the folder it is written to
    in_site: bool  # True: the host reads it from the published folder; False: copied into the server's configuration
    text: str


def server_files(headers: list[tuple[str, str]], base: str) -> list[ServerFile]:
    """The server configuration for each kind of host, for a site published under ``base``."""
    return [
        ServerFile("_headers", True, _netlify_headers(headers, base)),
        ServerFile("_redirects", True, _netlify_redirects(base)),
        ServerFile(".htaccess", True, _apache(headers, base)),
        ServerFile("nginx.conf", False, _nginx(headers, base)),
    ]


def _not_found_pages(base: str) -> list[tuple[str, str]]:
    """(folder, its 404 page), the most specific folder first."""
    return [(base + folder, base + folder + "404.html") for folder in LANGUAGE_FOLDERS] + [(base, base + "404.html")]


def _netlify_headers(headers: list[tuple[str, str]], base: str) -> str:
    lines = ["# Response headers for Netlify and Cloudflare Pages, which read this file from the",
             "# published folder. Files not named below keep the host's default caching, which",
             "# checks them again on every view.", f"{base}*"]
    lines += [f"  {name}: {value}" for name, value in headers]
    for folder in _FINGERPRINTED_FOLDERS:
        lines += [f"{base}{folder}", f"  Cache-Control: {LONG_CACHE}"]
    return "\n".join(lines) + "\n"


def _netlify_redirects(base: str) -> str:
    lines = ["# Each language's own 404 page (Netlify and Cloudflare Pages)."]
    lines += [f"{folder}*  {page}  404" for folder, page in _not_found_pages(base)]
    return "\n".join(lines) + "\n"


def _apache(headers: list[tuple[str, str]], base: str) -> str:
    def quoted(value: str) -> str:
        return '"' + value.replace('"', '\\"') + '"'

    lines = ["# Apache reads this file from the published folder (AllowOverride FileInfo must allow it).",
             "<IfModule mod_headers.c>"]
    lines += [f"  Header always set {name} {quoted(value)}" for name, value in headers]
    lines += [f"  Header set Cache-Control {quoted(REVALIDATE)}",
              f"  <FilesMatch {quoted(FINGERPRINTED)}>",
              f"    Header set Cache-Control {quoted(LONG_CACHE)}",
              "  </FilesMatch>",
              "</IfModule>",
              "<IfModule mod_deflate.c>",
              "  AddOutputFilterByType DEFLATE " + " ".join(COMPRESSED_TYPES),
              "</IfModule>"]
    *languages, (_, default_page) = _not_found_pages(base)
    lines.append(f"ErrorDocument 404 {default_page}")
    for folder, page in languages:
        lines += [f'<If "%{{REQUEST_URI}} =~ m#^{folder}#">', f"  ErrorDocument 404 {page}", "</If>"]
    return "\n".join(lines) + "\n"


def _nginx(headers: list[tuple[str, str]], base: str) -> str:
    def header_lines(cache: str, indent: str) -> list[str]:
        # nginx drops the add_header lines of the server block in a location that has its own,
        # so every location repeats them all.
        return [f"{indent}add_header {name} {_nginx_quoted(value)} always;"
                for name, value in [*headers, ("Cache-Control", cache)]]

    lines = ["# Copy into the server { } block that serves the published folder (its root).",
             "gzip on;", "gzip_vary on;",
             "gzip_types " + " ".join(t for t in COMPRESSED_TYPES if t != "text/html") + ";",
             "charset utf-8;"]
    *languages, (default_folder, default_page) = _not_found_pages(base)
    # A regular expression with braces must be quoted in nginx.
    lines += [f"location ~* {_nginx_quoted(FINGERPRINTED.replace('(?:', '('))} {{", *header_lines(LONG_CACHE, "    "),
              "}"]
    for folder, page in languages:
        lines += [f"location {folder} {{", f"    error_page 404 {page};", *header_lines(REVALIDATE, "    "), "}"]
    lines += [f"location {default_folder} {{", f"    error_page 404 {default_page};",
              *header_lines(REVALIDATE, "    "), "}"]
    return "\n".join(lines) + "\n"


def _nginx_quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
