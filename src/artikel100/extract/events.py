"""Events: dated things that happened or will happen, relative dates resolved."""

from __future__ import annotations

import re
from datetime import date

from ..facts import Event
from .dates import find_dates
from .sentences import Sentence

__all__ = ["find_events"]

# "d.d. 7 juli 2023" dates a cited document, not an event.
_DOCUMENT_DATE = re.compile(r"(?:d\.d\.|van|gedateerd)\s*$")


def find_events(sentences: list[Sentence], letter_date: date | None) -> list[Event]:
    """Every date a body sentence gives a day or month for, with that sentence as text."""
    out: list[Event] = []
    for sentence in sentences:
        if sentence.footnote is not None:
            continue
        for d in find_dates(sentence.text, letter_date):
            if _DOCUMENT_DATE.search(sentence.text[: d.start]):
                continue
            if letter_date is not None and d.value == letter_date.isoformat():
                continue
            span = (sentence.start + d.start, sentence.start + d.end)
            out.append(Event(date=d.value, text=sentence.text, spans=[span]))
    return out
