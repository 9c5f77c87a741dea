"""Timed strict builds, as many at a time as asked (one per core), and their medians."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


@dataclass
class Timing:
    """The timed builds of one synthetic site."""

    name: str
    project: Path
    modules: int = 0  # per language: the larger sites start first, so that the cores finish together
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


def build(project: Path, site_dir: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """One strict ``mkdocs build`` of ``project``: its wall-clock and CPU seconds (user + system
    of that build alone, also while others run). Stops the benchmark with MkDocs' own output
    if the build fails: a failed build measures nothing."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
            cwd=project, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, **QUIET, **(env or {})},
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            output.seek(0)
            raise SystemExit(f"the build of {project} failed:\n{output.read()[-8000:].decode(errors='replace')}")
    return seconds, usage.ru_utime + usage.ru_stime


def kept_build(project: Path, site_dir: Path, content: Path) -> None:
    """An untimed build that keeps each page's content as the plugins leave it (``content_hook``)."""
    build(project, site_dir, {"BENCH_CONTENT": str(content)})


def time_builds(phases: list[list[Timing]], repetitions: int, jobs: int = 1, report=print) -> None:
    """Build every site ``repetitions`` times, in rounds (site A, B, C, then A, B, C again),
    so that a slow spell on the machine spreads over all sites instead of hitting one. A round
    runs its phases one after the other, each with ``jobs`` builds at a time, the largest sites
    first; two sites alone in a phase build side by side, under the same conditions."""
    def timed(timing: Timing, round_number: int) -> None:
        site = timing.project / "site"
        seconds, cpu = build(timing.project, site)
        timing.seconds.append(seconds)
        timing.cpu_seconds.append(cpu)
        timing.pages = count_pages(site)
        report(f"  round {round_number}/{repetitions}: {timing.name:<24} {seconds:6.1f} s "
               f"(CPU {cpu:6.1f} s, {timing.pages} pages)")

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        for round_number in range(1, repetitions + 1):
            for phase in phases:
                order = sorted(phase, key=lambda t: -t.modules)
                for done in [pool.submit(timed, timing, round_number) for timing in order]:
                    done.result()  # a failed build stops the benchmark here
