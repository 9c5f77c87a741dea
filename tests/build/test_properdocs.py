"""ProperDocs, the maintained fork of MkDocs 1.x, builds the same site as MkDocs: the fallback
for when MkDocs or Material stops working (CONTRIBUTING, "Building with ProperDocs"). The
shared build is made by ``SITE_BUILDER`` (MkDocs unless told); this test builds with the other."""

from __future__ import annotations

import re

from site_helpers import OTHER_BUILDER, ROOT, file_digests, mkdocs_build

# The one difference allowed: the generator tag names the program that built the page
# ("mkdocs-1.6.1, mkdocs-material-…" against "mkdocs-ProperDocs 1.6.7, mkdocs-material-…").
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_every_file_as_mkdocs_does(site_dir, tmp_path):
    result = mkdocs_build(ROOT, tmp_path, program=OTHER_BUILDER)
    assert result.returncode == 0, result.stderr
    ours, theirs = file_digests(site_dir), file_digests(tmp_path)
    assert sorted(ours.keys() ^ theirs.keys()) == []
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert [name for name in differing if not name.endswith(".html")] == []
    generator_tags = set()
    for name in differing:
        mine, fork = ((site / name).read_bytes() for site in (site_dir, tmp_path))
        generator_tags |= {tag for html in (mine, fork) for tag in GENERATOR.findall(html)}
        assert GENERATOR.sub(b"", mine) == GENERATOR.sub(b"", fork), name
    # The comparison ran on every page: each differs from its twin in its generator tag only.
    pages = [name for name in ours if name.endswith(".html")]
    assert len(pages) >= 100 and sorted(differing) == sorted(pages)
    assert any(b"ProperDocs" in tag for tag in generator_tags)
