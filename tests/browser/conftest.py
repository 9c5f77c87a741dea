"""Fixtures of the browser tests: the whole-site sweep."""

from __future__ import annotations

import pytest
from sweep import Visit, visit_every_page


@pytest.fixture(scope="session")
def sweep(browser, pages, base_url, run_dir):
    """``sweep(viewport)``: the visits of every page in that viewport, made on first use.

    Tests that read one viewport's sweep carry its xdist group (``sweep.in_group``), so the
    sweep runs once per test run, on the worker that has them. Should a second worker start
    the same sweep, the groups are not being honoured, and the test run says so.
    """
    done: dict[str, list[Visit]] = {}

    def visits(viewport: str) -> list[Visit]:
        if viewport not in done:
            try:
                (run_dir / f"sweep-{viewport}.started").touch(exist_ok=False)
            except FileExistsError:
                pytest.fail(f"The {viewport} sweep ran a second time in this run: `--dist loadgroup` is not "
                            "keeping its tests on one worker (see the pytest pin in pyproject.toml).",
                            pytrace=False)
            done[viewport] = visit_every_page(browser, pages, base_url, viewport)
        return done[viewport]

    return visits
