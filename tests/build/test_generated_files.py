"""The build's own files (trainer pages, presentations, quiz exports) exist only in the built
site: ``docs/`` is exactly as the editors left it."""

from __future__ import annotations

from site_helpers import SharedBuild


def test_the_build_writes_nothing_into_docs(site_dir, run_dir):
    assert SharedBuild(run_dir).docs_changed() == []
    made = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")
            if p.name.endswith((".gift", ".moodle.xml")) or p.parent.name.endswith(("-kouluttajalle", "-esitys"))]
    assert len(made) == 42 * 4  # 21 module pairs: trainer page, presentation, GIFT and Moodle XML each
