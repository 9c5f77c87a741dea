"""Quizzes as Moodle XML, the other format Moodle imports natively. Pure: no MkDocs, no files.

The same mapping as the GIFT export (see ``gift.py``), in the elements Moodle's own XML
reader expects (``question/format/xml/format.php``): every question named
``<prefix><question id>`` with the id also as its ``idnumber``; texts in Markdown format;
``single`` and ``multiple`` as ``multichoice`` (``single`` true or false, the same weights
as in GIFT, answers in the module's order, not shuffled); ``truefalse`` with the answers
``true`` and ``false``, each with the feedback shown when it is chosen; ``text`` as
``shortanswer`` with every accepted form at 100 % (case-insensitive); the explanation as
general feedback. XML needs no escaping beyond its own, which ElementTree does; control
characters, which XML 1.0 cannot carry, are left out.

``parse_moodle_xml`` reads back what is written here into the same shape ``parse_gift``
returns, so one set of round-trip checks covers both formats.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any, Iterable

from ..errors import ExportError
from ..quiz.model import Question, Quiz
from .gift import multiple_weights

# Characters XML 1.0 cannot carry at all (control characters, which no reader sees anyway).
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
TYPES = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse", "text": "shortanswer"}


def _plain(text: str) -> str:
    return NOT_XML.sub("", text).strip()


def _text(parent: ET.Element, tag: str, text: str, markdown: bool = True) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": "markdown"} if markdown else {})
    ET.SubElement(element, "text").text = _plain(text)
    return element


def _answer(parent: ET.Element, text: str, weight: str, feedback: str) -> None:
    answer = ET.SubElement(parent, "answer", {"fraction": weight, "format": "markdown"})
    ET.SubElement(answer, "text").text = _plain(text)
    _text(answer, "feedback", feedback)


def _choice(element: ET.Element, question: Question) -> None:
    if question.type == "single":
        right = [o for o in question.options if o.correct]
        if len(right) != 1:
            raise ExportError(f"single-choice {question.name} needs exactly one correct option, has {len(right)}")
        weights = ["100" if o.correct else "0" for o in question.options]
    else:
        weights = multiple_weights(question)
    ET.SubElement(element, "single").text = "true" if question.type == "single" else "false"
    ET.SubElement(element, "shuffleanswers").text = "0"
    ET.SubElement(element, "answernumbering").text = "abc"
    for option, weight in zip(question.options, weights):
        _answer(element, option.text, weight, option.feedback)


def _truefalse(element: ET.Element, question: Question) -> None:
    if question.answer is None:
        raise ExportError(f"{question.name} has no answer")
    _answer(element, "true", "100" if question.answer else "0", question.feedback_true)
    _answer(element, "false", "0" if question.answer else "100", question.feedback_false)


def _short(element: ET.Element, question: Question) -> None:
    if not question.answers:
        raise ExportError(f"{question.name} has no accepted answers")
    ET.SubElement(element, "usecase").text = "0"
    for form in question.answers:
        # Moodle reads * in a short answer as a wildcard; \* is a plain asterisk.
        _answer(element, form.replace("*", "\\*"), "100", "")


def question_element(question: Question, title_prefix: str = "") -> ET.Element:
    """One ``<question>``."""
    if not question.id:
        raise ExportError(f"{question.name} has no id to name it by")
    if question.type not in TYPES:
        raise ExportError(f"{question.name} has a type Moodle XML export does not know: '{question.type}'")
    element = ET.Element("question", {"type": TYPES[question.type]})
    _text(element, "name", title_prefix + question.id, markdown=False)
    _text(element, "questiontext", question.question)
    _text(element, "generalfeedback", question.explanation)
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "idnumber").text = question.id
    {"multichoice": _choice, "truefalse": _truefalse, "shortanswer": _short}[TYPES[question.type]](element, question)
    return element


def quizzes_to_moodle_xml(quizzes: Iterable[Quiz], category: str, *, title_prefix: str = "",
                          comment: str = "") -> str:
    """A Moodle XML file: the category first, then every question of ``quizzes``."""
    if "\n" in category or not category.strip():
        raise ExportError(f"a Moodle category must be one non-empty line, not {category!r}")
    root = ET.Element("quiz")
    if comment:
        root.append(ET.Comment(f" {comment} "))
    head = ET.SubElement(root, "question", {"type": "category"})
    _text(head, "category", category, markdown=False)
    for quiz in quizzes:
        for question in quiz.questions:
            root.append(question_element(question, title_prefix))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# --- reading ---------------------------------------------------------------------------


def _read(element: ET.Element, path: str) -> str:
    found = element.find(path)
    return (found.text or "") if found is not None else ""


def _kind(element: ET.Element) -> str:
    kind = element.get("type", "")
    if kind == "multichoice":
        return "single" if _read(element, "single") == "true" else "multiple"
    return {"truefalse": "truefalse", "shortanswer": "text"}.get(kind, kind)


def parse_moodle_xml(text: str) -> list[dict[str, Any]]:
    """Read Moodle XML of the kind ``quizzes_to_moodle_xml`` writes: one dict per question,
    shaped as ``gift.parse_gift`` returns them (short answers with ``\\*`` read back as ``*``)."""
    questions: list[dict[str, Any]] = []
    category = ""
    for element in ET.fromstring(text).iter("question"):
        if element.get("type") == "category":
            category = _read(element, "category/text")
            continue
        kind = _kind(element)
        answers = [{"text": _read(a, "text").replace("\\*", "*") if kind == "text" else _read(a, "text"),
                    "weight": float(a.get("fraction", "0")), "feedback": _read(a, "feedback/text")}
                   for a in element.findall("answer")]
        questions.append({
            "category": category, "title": _read(element, "name/text"), "type": kind,
            "format": element.find("questiontext").get("format", ""),
            "question": _read(element, "questiontext/text"), "answers": answers,
            "general_feedback": _read(element, "generalfeedback/text"),
        })
    return questions
