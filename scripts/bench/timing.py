"""Timed strict builds, one at a time, and their medians."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


@dataclass
class Timing:
    """The timed builds of one synthetic site."""

    name: str
    project: Path
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    pages: int = 0  # HTML pages in the built site (both languages, generated pages included)

    @property
    def median(self) -> float:
        """Median wall-clock seconds."""
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        """Median CPU seconds (user + system) of the build process: what other people's
        work on the same machine disturbs least."""
        return statistics.median(self.cpu_seconds)

    def per_page_ms(self, cpu: bool = False) -> float:
        """Milliseconds per built page."""
        total = self.cpu_median if cpu else self.median
        return 1000 * total / self.pages if self.pages else 0.0


def count_pages(site: Path) -> int:
    """Built HTML pages, the 404 pages left out."""
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(project: Path, site_dir: Path) -> tuple[float, float]:
    """One strict ``mkdocs build`` of ``project``: its wall-clock and CPU seconds. Stops
    the benchmark with MkDocs' own output if the build fails: a failed build measures nothing."""
    cpu = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, text=True, env={**os.environ, **QUIET},
    )
    seconds = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"the build of {project} failed:\n{result.stdout[-4000:]}{result.stderr[-4000:]}")
    return seconds, _children_cpu() - cpu


def time_builds(timings: list[Timing], repetitions: int, report=print) -> None:
    """Build every site ``repetitions`` times, in rounds (site A, B, C, then A, B, C again),
    so that a slow spell on the machine spreads over all sites instead of hitting one."""
    for round_number in range(1, repetitions + 1):
        for timing in timings:
            site = timing.project / "site"
            seconds, cpu = build(timing.project, site)
            timing.seconds.append(seconds)
            timing.cpu_seconds.append(cpu)
            timing.pages = count_pages(site)
            report(f"  round {round_number}/{repetitions}: {timing.name:<24} {seconds:6.1f} s "
                   f"(CPU {cpu:6.1f} s, {timing.pages} pages)")
