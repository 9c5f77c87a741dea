"""The results as a table for the terminal and as BENCHMARKS.md."""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field

from serve import ServeRun
from timing import Timing
from weight import Added


@dataclass
class Row:
    """One line of the summary: what was measured, the figures, the target and whether it is met."""

    what: str
    figures: str
    result: str
    target: str
    met: bool | None  # None: no target


@dataclass
class Results:
    """Everything one run of the benchmark measured."""

    repetitions: int
    jobs: int
    proportions: list[str]
    timings: dict[str, Timing]
    scaling: list[int]
    compare: int
    ours_bytes: Added | None = None
    theirs_bytes: Added | None = None
    serve: list[ServeRun] = field(default_factory=list)
    serve_edits: int = 0


def pct(a: float, b: float) -> str:
    return f"{(a / b - 1) * 100:+.1f} %"


def ratio(a: float, b: float) -> float:
    return a / b if b else float("inf")


def rows(r: Results) -> list[Row]:
    """The summary rows, in the order of the task: overhead, scaling, mkdocs-quiz, serve."""
    t = r.timings
    out: list[Row] = []
    engine, plain = t[f"engine-{r.compare}"], t[f"plain-{r.compare}"]
    # Built side by side in each round: the ratio of each round's pair is the steadier figure.
    paired = [ratio(e, p) for e, p in zip(engine.cpu_seconds, plain.cpu_seconds)]
    overhead = statistics.median(paired) - 1
    out.append(Row(
        f"Engine overhead, {r.compare} modules per language",
        f"with blocks {engine.median:.1f} s (CPU {engine.cpu_median:.1f} s); as plain Markdown "
        f"{plain.median:.1f} s (CPU {plain.cpu_median:.1f} s); CPU ratio of each round's pair: "
        + ", ".join(f"{x:.2f}" for x in paired),
        f"CPU {overhead * 100:+.1f} % (median of the pairs; of the medians {pct(engine.cpu_median, plain.cpu_median)})",
        "≤ +5 %", overhead <= 0.05))
    low, high = t[f"engine-{r.scaling[0]}"], t[f"engine-{r.scaling[-1]}"]
    per_page = ", ".join(f"N={n}: {t[f'engine-{n}'].per_page_ms(True):.1f} ms"
                         f" ({t[f'engine-{n}'].per_page_ms():.1f} wall)" for n in r.scaling)
    growth = ratio(high.per_page_ms(True), low.per_page_ms(True))
    fixed = t.get("engine-1")
    marginal = ""
    if fixed is not None:
        def net(x: Timing) -> float:
            return (x.cpu_median - fixed.cpu_median) / max(1, x.pages - fixed.pages)
        marginal = f"; without the fixed start-up cost {ratio(net(high), net(low)):.2f}×"
    out.append(Row(
        f"Scaling, CPU time per page, N={r.scaling[-1]} against N={r.scaling[0]}", per_page,
        f"{growth:.2f}× (wall {ratio(high.per_page_ms(), low.per_page_ms()):.2f}×){marginal}",
        "≤ 1.3×", growth <= 1.3))
    ours, theirs = t[f"quiz-ours-{r.compare}"], t[f"mkdocs-quiz-{r.compare}"]
    speed = ratio(ours.cpu_median, theirs.cpu_median)
    out.append(Row(
        f"Build time against mkdocs-quiz, {r.compare} modules (one quiz each) per language",
        f"ours {ours.median:.1f} s (CPU {ours.cpu_median:.1f} s); mkdocs-quiz {theirs.median:.1f} s "
        f"(CPU {theirs.cpu_median:.1f} s)",
        f"ours/theirs: CPU {speed:.2f}, wall {ratio(ours.median, theirs.median):.2f}",
        "≤ 1.00", speed <= 1.0))
    if r.ours_bytes and r.theirs_bytes:
        ob, tb = r.ours_bytes, r.theirs_bytes
        out.append(Row(
            "Bytes the quiz tooling adds to a module page (gzip)",
            f"ours {ob.html_gzip / 1024:.1f} KiB HTML + {ob.assets_gzip / 1024:.1f} KiB CSS/JS files "
            f"(raw HTML {ob.html_raw / 1024:.1f} KiB); mkdocs-quiz {tb.html_gzip / 1024:.1f} KiB, CSS/JS inline "
            f"(raw {tb.html_raw / 1024:.1f} KiB)",
            f"ours {ob.total_gzip / 1024:.1f} KiB, mkdocs-quiz {tb.total_gzip / 1024:.1f} KiB",
            "ours fewer", ob.total_gzip < tb.total_gzip))
    for run in r.serve:
        base = r.serve[0]
        against = (f" (CPU {pct(run.cpu_median, base.cpu_median)}, wall {pct(run.median, base.median)} "
                   f"against {base.name})" if run is not base else "")
        out.append(Row(f"Serve: rebuild after saving a page, {run.name}",
                       ", ".join(f"{s:.1f} s (CPU {c:.1f} s, {n} build{'s' if n > 1 else ''})"
                                 for s, c, n in zip(run.seconds, run.cpu_seconds, run.rebuilds)),
                       f"median {run.median:.1f} s, CPU {run.cpu_median:.1f} s{against}", "", None))
    return out


def _mark(met: bool | None) -> str:
    return "" if met is None else ("yes" if met else "NO")


def terminal_table(r: Results) -> str:
    """A plain-text table of the summary and of every timed site."""
    lines = []
    for row in rows(r):
        lines += [f"{row.what}", f"    {row.figures}", f"    => {row.result}" +
                  (f"   target {row.target}: {_mark(row.met)}" if row.target else "")]
    lines += ["", f"{'site':<24} {'pages':>6} {'wall s':>8} {'CPU s':>8} {'CPU ms/page':>12}  runs (wall s)"]
    for timing in r.timings.values():
        runs = ", ".join(f"{s:.1f}" for s in timing.seconds)
        lines.append(f"{timing.name:<24} {timing.pages:>6} {timing.median:>8.1f} {timing.cpu_median:>8.1f} "
                     f"{timing.per_page_ms(True):>12.1f}  {runs}")
    return "\n".join(lines)


EXPLAINED = """\
What each row measures:

- **Engine overhead**: a synthetic site with N training modules per language (Finnish and
  English, same ids) built with the real configuration (theme, `overrides/`, i18n plugin,
  `hooks/mkdocs_training.py`, the custom fences, the same Markdown extensions and
  `theme.features`), against the same pages with every quiz and checklist block replaced by
  plain Markdown with the same texts (bold lines and lists). Trainer blocks, module front
  matter and prose are the same in both. The difference is what our quizzes and
  checklists cost: checks, parsing, rendering, the answer keys on the trainer pages and
  the search index of the larger pages. The two sites build side by side in each round,
  so that both meet the same conditions; the speed of a shared machine can change by a
  third within a minute.
- **Scaling**: CPU time per built page of the full synthetic site at N={high} modules per
  language against N={low}. The start-up of MkDocs (imports, templates, theme files) is a
  fixed cost that the per-page figure spreads over more pages as N grows; the second
  figure removes it (measured on a site of one module) and compares only the cost that
  grows with the pages. Navigation: tracks, each in parts of ten modules, with the real
  site's `navigation.prune`, so each page carries only its own part of the menu.
- **Against mkdocs-quiz**: the same modules, with the quizzes written for our engine or,
  question for question, for the mkdocs-quiz plugin (checklists as plain Markdown in both;
  everything else identical, our hook included). A single or multiple choice question maps
  to mkdocs-quiz's task-list answers, per-option feedback to its `>` lines, true/false to a
  two-answer question, a text question to a `[[blank]]` with the first accepted answer
  (mkdocs-quiz accepts only one), and the explanation to the content after the answers.
  mkdocs-quiz runs with its defaults. The bytes are those a first visit downloads for the
  quizzes of an average module page: the page's extra HTML over the plain variant, plus
  for ours the `training.css` and `training.js` files (cached after the first page;
  mkdocs-quiz repeats its CSS and JavaScript inside every page). The HTML is taken as the
  plugins leave it, in an untimed build of each site: the site's own hook then takes inline
  scripts and styles out of every page, mkdocs-quiz's too.
- **Serve**: the time from saving a module page of the real site (a copy of it) to
  MkDocs' "Reloading browsers", while `mkdocs serve` runs; `make serve ONLY=fi` builds
  the Finnish pages only.
"""


def _at_a_time(jobs: int) -> str:
    if jobs <= 1:
        return "one build at a time"
    # Two builds share the memory bandwidth and caches, so each costs a little more CPU time than
    # alone; every site is measured the same way, and a slow spell of the machine hits both.
    return (f"{jobs} builds at a time, one per core (each build's CPU time is its own, a little above "
            "what it would be alone, the same for every site)")


def markdown(r: Results, machine: dict[str, str], versions: dict[str, str], command: str) -> str:
    """BENCHMARKS.md."""
    today = dt.date.today().isoformat()
    pairs = len(r.timings[f"engine-{r.compare}"].cpu_seconds)
    out = [
        "# Benchmarks", "",
        f"Written by `{command}` on {today}. Each timed build is a strict `mkdocs build` of a synthetic "
        f"site in a temporary folder, run {r.repetitions} times in rounds (the two sites of the overhead "
        f"row {pairs} times, side by side), "
        f"{_at_a_time(r.jobs)}; figures are medians. Wall-clock time is what a person waits; CPU time "
        "(user + system of the build process) is what other work on a shared machine disturbs least, so "
        "the targets are judged on it.", "",
        "## Machine", "",
        "| | |", "|---|---|",
        *[f"| {k} | {v} |" for k, v in machine.items()],
        *[f"| {k} | {v} |" for k, v in versions.items()], "",
        "## Results", "",
        "| Measurement | Figures | Result | Target | Met |", "|---|---|---|---|---|",
        *[f"| {row.what} | {row.figures} | {row.result} | {row.target} | {_mark(row.met)} |" for row in rows(r)],
        "",
        EXPLAINED.format(low=r.scaling[0], high=r.scaling[-1]),
        "## Every timed site", "",
        "| Site | Pages | Wall, median | CPU, median | CPU per page | Runs (wall) |",
        "|---|---:|---:|---:|---:|---|",
        *[f"| {x.name} | {x.pages} | {x.median:.1f} s | {x.cpu_median:.1f} s | {x.per_page_ms(True):.1f} ms | "
          f"{', '.join(f'{s:.1f}' for s in x.seconds)} |" for x in r.timings.values()],
        "",
        "## Proportions of the synthetic modules", "",
        "Measured on the real modules under `docs/fi/` and `docs/en/`:", "",
        "```text", *r.proportions, "```", "",
    ]
    return "\n".join(out)
