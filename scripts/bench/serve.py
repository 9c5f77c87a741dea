"""How long ``mkdocs serve`` takes to rebuild the real site after an editor saves a page.

The real site (mkdocs.yml, facts.yml, docs/, overrides/, hooks/) is copied to a temporary
folder, so that the edits never touch the working tree. Each edit appends a line to a module
page; the time runs from the save to MkDocs' "Reloading browsers", after the last rebuild the
save caused (the build writes nothing into docs/, so one save is one rebuild).
"""

from __future__ import annotations

import os
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from timing import QUIET

COPIED = ("mkdocs.yml", "translations.yml", "facts.yml", "docs", "overrides", "hooks")
EDITED_PAGE = Path("docs/fi/oikeudet/palkka.md")
READY = "Serving on"
CHANGED = "Detected file changes"
RELOADED = "Reloading browsers"
FAILED = "An error happened during the rebuild"
TIMEOUT = 240.0
SETTLE = 1.5  # seconds to wait for a second rebuild caused by the first


@dataclass
class ServeRun:
    """The rebuild times of one way of serving."""

    name: str
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    rebuilds: list[int] = field(default_factory=list)  # builds each save caused

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_seconds) if self.cpu_seconds else 0.0


def _cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far; 0 where /proc is missing."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def copy_site(repo: Path, target: Path) -> Path:
    """The real site's sources in ``target`` (caches left out)."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in COPIED:
        source = repo / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        elif source.exists():
            shutil.copy2(source, target / name)
    return target


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Log:
    """The lines ``mkdocs serve`` prints, read in the background as they come."""

    def __init__(self, process: subprocess.Popen):
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(process,), daemon=True).start()

    def _read(self, process: subprocess.Popen) -> None:
        for line in process.stdout:
            self.lines.put(line.rstrip())
        self.lines.put(None)  # the server has stopped

    def wait_for(self, text: str, timeout: float) -> bool:
        """Read lines until one contains ``text`` (True) or ``timeout`` seconds pass (False)."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                return False
            if line is None:
                raise SystemExit("mkdocs serve stopped:\n" + "\n".join(self.seen[-40:]))
            self.seen.append(line)
            if FAILED in line:
                raise SystemExit("mkdocs serve failed to rebuild:\n" + "\n".join(self.seen[-40:]))
            if text in line:
                return True
        return False


def measure_serve(site: Path, name: str, edits: int, args: tuple[str, ...] = (),
                  env: dict[str, str] | None = None, report=print) -> ServeRun:
    """Start ``mkdocs serve`` on the copied site, save the page ``edits`` times, one after
    the other, and time each rebuild; the server is stopped afterwards in every case."""
    run = ServeRun(name)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{_free_port()}", *args]
    process = subprocess.Popen(command, cwd=site, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, **QUIET, **(env or {})})
    try:
        log = _Log(process)
        if not log.wait_for(READY, TIMEOUT):
            raise SystemExit("mkdocs serve did not start:\n" + "\n".join(log.seen[-40:]))
        page = site / EDITED_PAGE
        for number in range(1, edits + 1):
            time.sleep(SETTLE)  # let the watcher settle after the last build
            cpu = _cpu(process.pid)
            started = time.perf_counter()
            with page.open("a", encoding="utf-8") as file:
                file.write(f"\nTämä rivi on lisätty nopeustestissä ({number}).\n")
            if not log.wait_for(RELOADED, TIMEOUT):
                raise SystemExit("mkdocs serve did not rebuild:\n" + "\n".join(log.seen[-40:]))
            finished, used, rebuilds = time.perf_counter(), _cpu(process.pid) - cpu, 1
            while log.wait_for(CHANGED, SETTLE):  # a rebuild caused by the rebuild
                if not log.wait_for(RELOADED, TIMEOUT):
                    raise SystemExit("mkdocs serve did not rebuild:\n" + "\n".join(log.seen[-40:]))
                finished, used, rebuilds = time.perf_counter(), _cpu(process.pid) - cpu, rebuilds + 1
            run.seconds.append(finished - started)
            run.cpu_seconds.append(used)
            run.rebuilds.append(rebuilds)
            report(f"  {name:<34} edit {number}/{edits}: {finished - started:5.1f} s "
                   f"(CPU {used:5.1f} s, {rebuilds} build{'s' if rebuilds > 1 else ''})")
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return run
