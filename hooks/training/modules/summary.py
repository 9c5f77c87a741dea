"""The ``progress-summary`` block: a reader's completion summary of a track's modules.

The build writes the table of modules (title, link, number of quiz questions) and, in one
``<script type="application/json">``, what ``training.js`` needs to find the reader's stored
answers: per module, its quiz ids and question ids, with each question's content hash and
right answers. The script fills in "done" and the score from what this browser keeps, and
only when the reader has opted in to keeping progress. Nothing is ever sent anywhere.

````markdown
```progress-summary
track: company      # optional: one track only; empty lists every module
```
````
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..checklist.render import storage_placeholder
from ..errors import Problem
from ..quiz.render import question_data
from ..safe.htmlparts import json_for_script
from ..strings import fill
from ..yamlread import YamlReader
from .catalogue import ModuleEntry
from .module import TRACKS

KIND = "progress-summary"
SUMMARY_KEYS = ("track",)
_WHERE = "the progress-summary block"


@dataclass
class SummaryRequest:
    """What a ``progress-summary`` block asks for: one track, or every module."""

    track: str = ""
    line: int = 0


def parse_summary(body: str, path: str, line: int) -> tuple[SummaryRequest, list[Problem]]:
    """Read a ``progress-summary`` block (``line`` is its opening fence). The body is empty
    or ``track: <track>``; anything else is a problem."""
    request = SummaryRequest(line=line)
    if not body.strip():
        return request, []
    r = YamlReader(path, body, line + 1)
    root = r.compose(KIND, line)
    if root is None:
        return request, r.problems
    read = r.mapping(root, SUMMARY_KEYS, lambda v: _WHERE,
                     f"{_WHERE} takes no content except 'track: ...': write for example 'track: company', "
                     "or leave the block empty to list every module")
    if read is None:
        return request, r.problems
    values, key_lines = read
    if "track" in values:
        reported = len(r.problems)
        value = r.text(values["track"], "track", _WHERE)
        if len(r.problems) > reported:
            pass  # not text: already said so
        elif value not in TRACKS:
            r.report(key_lines["track"], f"'track: {value}' is not known: use one of {', '.join(TRACKS)}")
        else:
            request.track = value
    return request, r.problems


def summary_data(entries: list[ModuleEntry], strings: dict[str, str]) -> dict[str, object]:
    """What the script needs: its strings, and per module id a list of its quiz questions as
    ``[quiz id, question id, {type, hash, correct | answers}]``. The ids are those the
    storage keys are made from; the hash and answers are those the quiz itself uses."""
    return {
        "strings": {"done": strings["summary_done"], "not_done": strings["summary_not_done"],
                    "score": strings["summary_score_value"]},
        "modules": {e.module.id: [[quiz.id, q.id, question_data(q)] for quiz in e.quizzes for q in quiz.questions]
                    for e in entries},
    }


def render_summary(entries: list[ModuleEntry], request: SummaryRequest, strings: dict[str, str],
                   storage_texts: bool = True) -> str:
    """The HTML of a ``progress-summary`` block, in the language of ``strings``. Without
    JavaScript (or before the reader opts in) it is a plain list of the modules."""
    e = escape
    chosen = [x for x in entries if not request.track or x.module.track == request.track]
    if not chosen:
        return f'<p class="training-summary">{e(strings["catalogue_empty"])}</p>'
    heads = "".join(f'<th scope="col">{e(strings[k])}</th>'
                    for k in ("summary_module", "summary_questions", "summary_status", "summary_score"))
    rows = "".join(
        f'<tr data-module="{e(x.module.id)}"><td><a href="{e(x.url)}">{e(x.module.title)}</a></td>'
        f'<td>{sum(len(quiz.questions) for quiz in x.quizzes)}</td><td></td><td></td></tr>'
        for x in chosen)
    off = fill(strings["summary_off"], remember=strings["remember"])
    return "\n".join([
        '<div class="training-summary" data-training-summary>',
        # The script shows this note while the reader keeps nothing; it must stay the first <p>.
        f'<p class="training-summary__off" hidden>{e(off)}</p>',
        f"<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>",
        f'<button type="button" class="training-summary__print" hidden>{e(strings["summary_print"])}</button>',
        storage_placeholder(strings, storage_texts),
        f'<script type="application/json" class="training-data">{json_for_script(summary_data(chosen, strings))}</script>',
        "</div>",
    ])
