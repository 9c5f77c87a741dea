"""The MkDocs adapter: the only part of ``training`` that imports MkDocs. ``SiteBuild`` owns
the state of one build and answers MkDocs' events; ``hooks/mkdocs_training.py`` forwards them
to it. Everything it calls (the checks, the blocks, the renderers) works without MkDocs."""

from .site_build import SiteBuild

__all__ = ["SiteBuild"]
