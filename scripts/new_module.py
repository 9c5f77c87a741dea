"""`make new-module`: a Finnish/English module pair with valid front matter and marked
placeholders. The build fails until every ``TODO:`` is replaced, so a half-written module
can never be published."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from training.modules.module import TRACKS
from training.ids import valid_id

LANGUAGES = {"fi": "Testaa itsesi", "en": "Test yourself"}

TEMPLATE = """---
id: {id}
title: "TODO: {title_hint}"
track: {track}
order: {order}
audiences: [participant, trainer]
duration:
  teaching: 20
  exercises: 10
objectives:
  - "TODO: what the reader can do after this module"
key_points:
  - "TODO: the most important point"
prerequisites: []
legal: true
sources:
  - title: "TODO: name of the official source"
    url: https://www.finlex.fi/
sources_as_of: {month}  # the month of the sources you write from; change it if they are older
---

## TODO: the first question the reader asks

TODO: the answer, in short sentences.

```trainer
minutes: 20
notes: |
  TODO: how to open the topic, what to ask, what questions to expect.
```

## {quiz_heading}

```quiz
id: {id}-testi
questions:
  - id: {id}-kysymys-1
    type: single
    question: "TODO: the question"
    options:
      - text: "TODO: the right answer"
        correct: true
      - text: "TODO: a wrong answer"
    explanation: "TODO: why, and where to check it"
```

```trainer
minutes: 10
notes: |
  TODO: how to go through the quiz with the group.
```
"""


def create(docs: Path, rel: str, module_id: str, track: str, order: int) -> list[Path]:
    """Write the pair, refusing to overwrite anything."""
    targets = [docs / lang / rel for lang in LANGUAGES]
    existing = [t for t in targets if t.exists()]
    if existing:
        raise SystemExit(f"{existing[0]} already exists: choose another FILE.")
    for lang, target in zip(LANGUAGES, targets):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(TEMPLATE.format(
            id=module_id, track=track, order=order, month=dt.date.today().strftime("%Y-%m"),
            title_hint="otsikko suomeksi" if lang == "fi" else "title in English",
            quiz_heading=LANGUAGES[lang]), encoding="utf-8")
    return targets


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--id", required=True, help="stable module id, a-z 0-9 and '-'")
    parser.add_argument("--track", required=True, choices=TRACKS)
    parser.add_argument("--file", required=True, help="path inside the language folder, e.g. oikeudet/loma.md")
    parser.add_argument("--order", type=int, default=99, help="position in the track")
    parser.add_argument("--docs", default="docs")
    args = parser.parse_args(argv)
    if not valid_id(args.id):
        parser.error(f"--id {args.id!r}: use only a-z, 0-9 and '-'")
    if not args.file.endswith(".md"):
        parser.error("--file must end with .md")
    for path in create(Path(args.docs), args.file, args.id, args.track, args.order):
        print(f"created {path}")
    print("Replace every 'TODO:' (the build fails until you do), then add the page to 'nav' in mkdocs.yml.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
