"""pymdownx.superfences glue: the formatters named in mkdocs.yml.

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - {name: quiz, class: training-quiz, format: !!python/name:training.fences.quiz_fence}
            - {name: checklist, class: training-checklist, format: !!python/name:training.fences.checklist_fence}
            - {name: progress-controls, class: training-storage, format: !!python/name:training.fences.progress_controls_fence}
            - {name: progress-summary, class: progress-summary, format: !!python/name:training.fences.progress_summary_fence}

A formatter only gets the block's text, so the page (its language, link resolver, path
and facts) comes from a context the MkDocs hook sets before each page
(``context.set_render_context``). Superfences swallows ordinary exceptions and would show a
broken block as code, so every failure here is raised as ``FenceError``, a
``SuperFencesException``, which superfences lets through and which fails the build.
"""

from __future__ import annotations

from typing import Any

from pymdownx.superfences import SuperFencesException

from .catalogue import parse_request, render_catalogue
from .context import RenderContext, get_render_context, set_render_context  # noqa: F401 (the hook sets it here)
from .errors import ContentError, Problem
from .facts.references import parse_contacts
from .model import Quiz
from .page import load_block, load_trainer
from .presentation import render_notes
from .render import render_checklist, render_progress_controls, render_quiz
from .scan import find_blocks
from .strings import load_strings
from .summary import parse_summary, render_summary



class FenceError(ContentError, SuperFencesException):
    """A block that cannot be rendered; ``str()`` is the located message(s)."""


# The last page scanned by _locate: every fence of a page looks itself up in one scan.
_scanned: tuple[str, int, list] = ("", 0, [])


def _locate(kind: str, source: str, md: Any, ctx: RenderContext) -> int:
    """File line of the fence that holds ``source``. Superfences does not say, but while
    it runs, ``md.lines`` still holds the page, so the same scan the hook uses finds it."""
    global _scanned
    lines = getattr(md, "lines", None)
    if isinstance(lines, list):
        text = "\n".join(lines)
        if (text, ctx.first_line) != _scanned[:2]:
            _scanned = (text, ctx.first_line, find_blocks(text, ctx.first_line))
        for block in _scanned[2]:
            if block.kind == kind and block.error is None and block.body == source:
                return block.line
    return 0


def _format(kind: str, source: str, md: Any) -> str:
    ctx = get_render_context()
    path = ctx.path or "(page)"
    line = 0
    try:
        line = _locate(kind, source, md, ctx)
        strings = load_strings(ctx.lang)
        if kind == "progress-controls":
            if source.strip():
                raise FenceError(
                    [Problem(path, line + 1, "the progress-controls block takes no content: delete the lines "
                             "between its opening and closing fence")]
                )
            return render_progress_controls(strings)
        if kind == "trainer":
            if not ctx.trainer_notes:
                return ""  # not on a module page: nothing presents it, and the checks reject it there
            return render_notes(load_trainer(source, path, line), strings, ctx.resolve_link)
        if kind == "modules":
            request, problems = parse_request(source, path, line)
            if problems:
                raise FenceError(problems)
            return render_catalogue(ctx.module_entries(), request, strings)
        if kind == "progress-summary":
            summary, problems = parse_summary(source, path, line)
            if problems:
                raise FenceError(problems)
            return render_summary(ctx.module_entries(), summary, strings)
        if kind == "contacts":
            if ctx.facts is None:
                raise FenceError([Problem(path, line, "a contacts block needs the fact register (facts.yml)")])
            uses, problems = parse_contacts(source, path, line, ctx.facts.register)
            if problems:
                raise FenceError(problems)
            return ctx.facts.cards([use.ident for use in uses])
        model = load_block(kind, source, path, line)
        if isinstance(model, Quiz):
            return render_quiz(model, strings, ctx.resolve_link)
        return render_checklist(model, strings, ctx.resolve_link)
    except FenceError:
        raise
    except ContentError as exc:
        raise FenceError(exc.problems) from None
    except Exception as exc:  # noqa: BLE001 - anything else would be swallowed by superfences
        raise FenceError(
            [Problem(path, line, f"the {kind} block could not be rendered ({type(exc).__name__}: {exc}): "
                     "this is a bug in hooks/training, please report it")]
        ) from exc


def quiz_fence(source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any) -> str:
    """Superfences formatter for ```quiz blocks."""
    return _format("quiz", source, md)


def checklist_fence(source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any) -> str:
    """Superfences formatter for ```checklist blocks."""
    return _format("checklist", source, md)


def progress_controls_fence(source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any) -> str:
    """Superfences formatter for ```progress-controls (the remember/forget controls)."""
    return _format("progress-controls", source, md)


def trainer_fence(source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any) -> str:
    """Superfences formatter for ```trainer: renders nothing; the notes go to the trainer page."""
    return _format("trainer", source, md)


def modules_fence(source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any) -> str:
    """Superfences formatter for ```modules: a catalogue generated from the modules' front matter."""
    return _format("modules", source, md)


def contacts_fence(source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any) -> str:
    """Superfences formatter for ```contacts: cards for contacts of the fact register."""
    return _format("contacts", source, md)


def progress_summary_fence(source: str, language: str, css_class: str, options: dict, md: Any, **kwargs: Any) -> str:
    """Superfences formatter for ```progress-summary: the reader's completion summary of a track."""
    return _format("progress-summary", source, md)
