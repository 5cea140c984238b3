"""Events: dated things that happened or will happen, relative dates resolved."""

from __future__ import annotations

import re
from datetime import date

from ..facts import Event
from .literals import guarded  # speed: skip sentences lacking a pattern's words
from .dates import find_dates
from .sentences import Sentence

__all__ = ["find_events"]

_TODAY = guarded(re.compile(r"\b(?:vandaag|heden)\b"))


def find_events(sentences: list[Sentence], letter_date: date | None) -> list[Event]:
    """Every date the letter names, in the body and in footnotes (the dates of cited
    letters and resolutions are events of the record too), with its sentence as text."""
    out: list[Event] = []
    for sentence in sentences:
        if letter_date is not None:
            for m in _TODAY.finditer(sentence.text):
                # "het staakt-het-vuren, dat vandaag ingaat": the letter's own day
                span = (sentence.start + m.start(), sentence.start + m.end())
                out.append(Event(date=letter_date.isoformat(), text=sentence.text, spans=[span]))
        for d in find_dates(sentence.text, letter_date):
            if letter_date is not None and d.value == letter_date.isoformat():
                continue
            span = (sentence.start + d.start, sentence.start + d.end)
            out.append(Event(date=d.value, text=sentence.text, spans=[span]))
    return out
