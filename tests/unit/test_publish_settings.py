"""The addresses a publishing build accepts, and the server settings for a site in a folder."""

from __future__ import annotations

import pytest

from training.site.publishing import PLACEHOLDER_REPO_URL, PLACEHOLDER_SITE_URL, address_problems, base_path, security_headers, server_files, site_policy

REPO = "https://github.com/example/tyoelamataidot"


@pytest.mark.parametrize("site_url", ["https://tyoelamataidot.fi/", "https://tyoelamataidot.fi",
                                      "https://example.github.io/tyoelamataidot/"])
def test_a_real_https_address_is_accepted(site_url):
    assert address_problems(site_url, REPO) == []


@pytest.mark.parametrize("site_url, expected", [
    (None, "SITE_URL is not set"),
    ("  ", "SITE_URL is not set"),
    (PLACEHOLDER_SITE_URL, "the address of `make serve`"),
    ("http://127.0.0.1:8000", "the address of `make serve`"),
    ("https://localhost/", "the address of `make serve`"),
    ("http://tyoelamataidot.fi/", "write a full https:// address"),
    ("tyoelamataidot.fi", "write a full https:// address"),
    ("https://tyoelamataidot.fi/?lang=fi", "write a full https:// address"),
])
def test_a_missing_local_or_unencrypted_site_address_is_refused(site_url, expected):
    [problem] = address_problems(site_url, REPO)
    assert problem.startswith("SITE_URL") and expected in problem


@pytest.mark.parametrize("repo_url, expected", [
    (None, "REPO_URL is not set"), (PLACEHOLDER_REPO_URL, "the example address"),
    (PLACEHOLDER_REPO_URL + "/", "the example address"), ("git@github.com:a/b.git", "write a full https://"),
])
def test_a_missing_or_example_repository_address_is_refused(repo_url, expected):
    [problem] = address_problems("https://tyoelamataidot.fi/", repo_url)
    assert problem.startswith("REPO_URL") and expected in problem


def test_a_site_in_a_folder_gets_its_settings_and_404_pages_in_that_folder():
    assert base_path("https://example.github.io/tyoelamataidot") == "/tyoelamataidot/"
    assert base_path("https://tyoelamataidot.fi") == "/"
    files = {f.name: f for f in server_files(security_headers(site_policy([])), "/tt/")}
    assert files["_redirects"].text.splitlines()[1:] == ["/tt/en/*  /tt/en/404.html  404", "/tt/*  /tt/404.html  404"]
    assert "/tt/*\n" in files["_headers"].text and "/tt/assets/stylesheets/*\n" in files["_headers"].text
    assert "ErrorDocument 404 /tt/404.html" in files[".htaccess"].text
    assert "location /tt/en/ {\n    error_page 404 /tt/en/404.html;" in files["nginx.conf"].text
    assert [f.name for f in files.values() if not f.in_site] == ["nginx.conf"]


def test_the_header_policy_allows_each_inline_script_of_any_page_and_forbids_framing():
    policy = site_policy(["<script>a()</script>", "<script>b()</script><script src='x.js'></script>",
                          '<script type="application/json">{}</script>'])
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src")).split()
    assert script_src[:2] == ["script-src", "'self'"] and len(script_src) == 4
    assert policy.endswith("frame-ancestors 'none'") and "unsafe" not in policy
