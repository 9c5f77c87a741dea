"""A default visit of every page: no request leaves 127.0.0.1, nothing is stored."""

from __future__ import annotations

from urllib.parse import urlsplit

STORAGE_SNAPSHOT = """async () => ({
  local: localStorage.length,
  session: sessionStorage.length,
  indexedDB: (await indexedDB.databases()).length,
  caches: (await caches.keys()).length,
  serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


def test_a_visit_of_every_page_stays_on_loopback_and_stores_nothing(context, pages, base_url):
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    for built in pages:
        page.goto(base_url + built.url_path, wait_until="networkidle")
        stored = page.evaluate(STORAGE_SNAPSHOT)
        assert not any(stored.values()), f"{built}: {stored}"
    hosts = {urlsplit(url).hostname for url in requests if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}, hosts
    assert len(requests) >= len(pages)
    assert context.cookies() == []
