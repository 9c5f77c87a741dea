"""`make bench`: build-time and page-weight benchmarks, written to BENCHMARKS.md.

Generates synthetic sites in a temporary folder (proportions measured on the real
modules), times strict builds one at a time, compares with the mkdocs-quiz plugin and
times `mkdocs serve` rebuilds of a copy of the real site. Not a test: it measures.

    python scripts/bench/run.py                      # the full run (about 7 minutes on 2 cores)
    python scripts/bench/run.py --modules 10,20 --compare 10 --repetitions 1 --serve-edits 1 \\
        --output /tmp/bench.md                       # a quick try while developing
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from corpus import harvest
from machine import machine, versions
from proportions import real_proportions
from report import Results, markdown, terminal_table
from serve import copy_site, measure_serve
from shapes import module_shapes
from synthetic import write_site
from timing import Timing, kept_build, time_builds
from weight import OUR_ASSETS, added

REPO = Path(__file__).resolve().parents[2]
LANGUAGES = ("fi", "en")


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--modules", default="100,500,1000",
                        help="modules per language for the scaling row, smallest first (default 100,500,1000)")
    parser.add_argument("--compare", type=int, default=100,
                        help="modules per language for the overhead and mkdocs-quiz rows (default 100)")
    parser.add_argument("--repetitions", type=int, default=3, help="timed builds per site (default 3)")
    parser.add_argument("--pairs", type=int, default=5,
                        help="side-by-side builds of the overhead pair, at least --repetitions (default 5)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                        help="builds at a time, at most one per core (default: 2, or 1 on a single core)")
    parser.add_argument("--serve-edits", type=int, default=3, help="saved edits per way of serving (default 3)")
    parser.add_argument("--output", default=str(REPO / "BENCHMARKS.md"), help="where to write the report")
    parser.add_argument("--keep", action="store_true", help="keep the temporary sites (their path is printed)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = _arguments(argv)
    scaling = sorted(int(n) for n in args.modules.split(","))
    started = time.perf_counter()
    # In memory where there is a tmpfs: the builds write hundreds of MB, and a disk adds noise.
    work = Path(tempfile.mkdtemp(prefix="bench-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None))
    print(f"Benchmark in {work}")
    try:
        proportions = real_proportions(REPO)
        print("\n".join(proportions.lines()))
        pools = {language: harvest(REPO / "docs", language) for language in LANGUAGES}

        # Every site first, then the timed builds in rounds.
        sites: list[tuple[str, int, str]] = [("engine", 1, "engine")]
        sites += [("engine", n, "engine") for n in scaling if n != 1]
        sites += [(variant, args.compare, variant) for variant in ("plain", "quiz-ours", "mkdocs-quiz")]
        if args.compare not in scaling:
            sites.append(("engine", args.compare, "engine"))
        timings: dict[str, Timing] = {}
        for name, n, variant in sites:
            shapes = module_shapes(proportions, n)
            project = write_site(REPO, work / f"{name}-{n}", shapes, pools, variant)
            timings[f"{name}-{n}"] = Timing(f"{name}-{n}", project, n)
        print(f"\nTimed builds ({args.repetitions} rounds, {args.jobs} at a time):")
        # The overhead compares two builds of the same size: side by side, a slow spell of a
        # shared machine (it comes and goes within seconds) slows both alike.
        pair = [timings[f"engine-{args.compare}"], timings[f"plain-{args.compare}"]]
        time_builds([[t for t in timings.values() if t not in pair], pair], args.repetitions, args.jobs)
        if args.pairs > args.repetitions:
            # More pairs cost little (two small builds at once) and steady the overhead's median.
            print(f"\nMore side-by-side builds of the overhead pair ({args.pairs - args.repetitions}):")
            time_builds([pair], args.pairs - args.repetitions, args.jobs)

        compare = args.compare
        rels = [m.rel for m in module_shapes(proportions, compare)]
        # Once more, untimed, keeping each page's content as the plugins leave it (see weight.py).
        content = {}
        for name in ("plain", "quiz-ours", "mkdocs-quiz"):
            content[name] = work / f"{name}-{compare}" / "content"
            kept_build(timings[f"{name}-{compare}"].project, work / f"{name}-{compare}" / "site", content[name])
        site = work / f"quiz-ours-{compare}" / "site"
        ours_bytes = added(content["quiz-ours"], content["plain"], rels, site, OUR_ASSETS)
        theirs_bytes = added(content["mkdocs-quiz"], content["plain"], rels, site)

        print(f"\nmkdocs serve on a copy of the real site ({args.serve_edits} saved edits each):")
        real = copy_site(REPO, work / "real")
        # `mkdocs serve --dirty` is no option: MkDocs warns that a dirty build is inaccurate,
        # and the site builds in strict mode, where the warning stops the build.
        serve = [measure_serve(real, "both languages (make serve)", args.serve_edits),
                 measure_serve(real, "Finnish only (make serve ONLY=fi)", args.serve_edits,
                               env={"BUILD_EN": "false"})]

        results = Results(args.repetitions, args.jobs, proportions.lines(), timings, scaling, compare,
                          ours_bytes, theirs_bytes, serve, args.serve_edits)
        print("\n" + terminal_table(results))
        command = "make bench" if not argv else "python scripts/bench/run.py " + " ".join(argv)
        Path(args.output).write_text(markdown(results, machine(), versions(), command), encoding="utf-8")
        print(f"\nWrote {args.output} in {(time.perf_counter() - started) / 60:.1f} minutes.")
    finally:
        if args.keep:
            print(f"The sites are kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
