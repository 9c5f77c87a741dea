"""The machine and the versions a benchmark ran with, for BENCHMARKS.md."""

from __future__ import annotations

import os
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions", "mkdocs-quiz",
            "Markdown", "PyYAML")


def _first(path: str, key: str) -> str:
    """The value of the first ``key: value`` (or ``key=value``) line of a system file."""
    try:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            name, sep, value = line.partition(":" if ":" in line else "=")
            if sep and name.strip() == key:
                return value.strip().strip('"')
    except OSError:
        pass
    return "unknown"


def machine() -> dict[str, str]:
    """CPU model, cores, memory, operating system and Python."""
    mem_kb = _first("/proc/meminfo", "MemTotal").split()[0]
    memory = f"{int(mem_kb) / 1024 ** 2:.0f} GiB" if mem_kb.isdigit() else "unknown"
    return {
        "CPU": _first("/proc/cpuinfo", "model name"),
        "cores": str(os.cpu_count()),
        "memory": memory,
        "OS": _first("/etc/os-release", "PRETTY_NAME"),
        "Python": platform.python_version(),
    }


def versions() -> dict[str, str]:
    """Installed versions of the packages the builds depend on."""
    found = {}
    for name in PACKAGES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found
