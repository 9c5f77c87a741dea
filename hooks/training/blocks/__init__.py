"""The fenced blocks an editor writes in a page (```` ```quiz ````, ```` ```checklist ````, …).

One module per kind, each on ``base.BlockKind`` and exposing it as ``KIND``: a module in
this folder is registered by being here. ``fence`` renders them all through one superfences
formatter. Adding a kind: its module here, its interface strings, its section in
CONTRIBUTING.md.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import MappingProxyType
from typing import Mapping

from .base import BlockKind, BlockSource, CheckedBlock

# Modules of this folder that hold no kind.
_INFRASTRUCTURE = frozenset({"base", "fence"})


def _discover() -> Mapping[str, BlockKind]:
    kinds: dict[str, BlockKind] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name in _INFRASTRUCTURE:
            continue
        kind = getattr(importlib.import_module(f"{__name__}.{info.name}"), "KIND", None)
        if not isinstance(kind, BlockKind):
            raise TypeError(f"{__name__}.{info.name} defines no KIND (a BlockKind): every module here is a block kind")
        if kind.name in kinds:
            raise TypeError(f"block kind '{kind.name}' is defined twice")
        kinds[kind.name] = kind
    return MappingProxyType(kinds)


# Every block kind by its fence name; read-only, made once when the package is imported.
BLOCK_KINDS: Mapping[str, BlockKind] = _discover()

__all__ = ["BLOCK_KINDS", "BlockKind", "BlockSource", "CheckedBlock"]
