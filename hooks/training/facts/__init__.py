"""The fact register: contacts and figures written once in ``facts.yml``, referenced from
pages as ``${id}``, listed for the site owner to re-check (see CONTRIBUTING.md, "Facts")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import Problem
from .register import Register, load_register

REGISTER_FILE = "facts.yml"


def read_register(root: Path, languages: list[str], today: dt.date) -> tuple[Register, list[Problem]]:
    """The register at ``root/facts.yml`` (empty when there is none) and its problems."""
    path = root / REGISTER_FILE
    if not path.is_file():
        return Register(path=REGISTER_FILE), []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return Register(path=REGISTER_FILE), [Problem(REGISTER_FILE, line, "this line is not UTF-8 text: "
                                                      "save the file as UTF-8")]
    return load_register(text, REGISTER_FILE, languages, today)
