"""Footnotes: find their bodies at the foot of pages and their markers in the text.

OCR reads a superscript marker in many ways (``Irak!``, ``Irak.2``,
``stabilisatieprojecten3``, ``is.*4``); a footnote body can sit in the middle
of a sentence that continues on the next page. Footnotes are numbered 1, 2, 3
... through a letter, which is what makes them recognisable: a line that opens
with the next expected number, at the start of a block, is a footnote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import Line, is_terminated

__all__ = ["FootnoteBody", "Marker", "find_footnotes", "find_markers"]

_START = re.compile(r"^(\d{1,2})(?:\s+|[-–]\s*|(?=[A-Z]))(\S.*)$")
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# What a footnote's own text tends to hold.
_FOOTNOTE_WORDS = re.compile(r"Kamerstuk|Handelingen|d\.d\.|http|www\.|zie |Zie |nr\.|blz\.|resolutie", re.IGNORECASE)


@dataclass
class FootnoteBody:
    number: int
    lines: list[int]  # indices into the line list


@dataclass
class Marker:
    number: int
    line: int  # index of the body line that carries it
    start: int  # source offsets of the characters to remove
    end: int
    anchor: int  # source offset just after the word the marker belongs to


def find_footnotes(lines: list[Line], width: int) -> list[FootnoteBody]:
    """Find footnote bodies and mark their lines ``footnote``."""
    found: list[FootnoteBody] = []
    expected = 1
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _START.match(line.text) if line.kind == "body" else None
        if m and int(m.group(1)) == expected and _opens_block(lines, i):
            indices = _footnote_lines(lines, i, expected, width)
            text = " ".join(lines[j].text for j in indices)
            if _looks_like_footnote(text, lines, i, expected):
                for j in indices:
                    lines[j].kind = "footnote"
                found.append(FootnoteBody(expected, indices))
                expected += 1
                i = indices[-1] + 1
                continue
        i += 1
    return found


def _opens_block(lines: list[Line], i: int) -> bool:
    if i == 0 or lines[i].page_break_before:
        return True
    prev = lines[i - 1]
    return prev.blank or prev.kind in ("footnote", "furniture")


def _footnote_lines(lines: list[Line], i: int, number: int, width: int) -> list[int]:
    indices = [i]
    for j in range(i + 1, len(lines)):
        nxt = lines[j]
        if nxt.kind != "body" or nxt.page_break_before:
            break
        if nxt.indented and not lines[i].indented:
            break  # OCR indents the first lines of a new page
        m = _START.match(nxt.text)
        if m and int(m.group(1)) == number + 1:
            break
        prev = lines[indices[-1]].text
        if is_terminated(prev) and (nxt.text[:1].islower() or len(prev) < 0.75 * width):
            break  # the footnote ended; the body's sentence resumes
        indices.append(j)
    return indices


def _looks_like_footnote(text: str, lines: list[Line], i: int, number: int) -> bool:
    """Guard against numbered headings ("2 Politieke context") read as footnotes."""
    if _FOOTNOTE_WORDS.search(text):
        return True
    if is_terminated(text) and len(text) > 25:
        return True
    return any(_marker_in(lines[k].text, number) for k in range(max(0, i - 80), i) if lines[k].kind == "body")


def _marker_pattern(number: int) -> re.Pattern[str]:
    digits = re.escape(str(number))
    sup = re.escape(str(number).translate(_SUPERSCRIPTS))
    alt = f"{digits}|{sup}" + ("|!" if number == 1 else "")
    # word, optional punctuation glued to it, optional OCR junk, the number
    # The marker stands after a word, a closing bracket ("(2015)2"), or a year
    # after a month name ("31 december 20163").
    return re.compile(
        rf"(?:(?P<word>[^\W\d_]{{2,}}|\))|\b(?:{_MONTHS}) (?P<year>(?:19|20)\d\d))"
        rf"(?P<punct>[.,;:)’'\"]?)(?P<junk>[*'’^°]?)(?P<num>{alt})(?![\w\d])"
    )


_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_PATTERNS: dict[int, re.Pattern[str]] = {}


def _pattern(number: int) -> re.Pattern[str]:
    if number not in _PATTERNS:
        _PATTERNS[number] = _marker_pattern(number)
    return _PATTERNS[number]


def _acceptable(m: re.Match[str]) -> bool:
    if m.group("year"):
        return True
    word = m.group("word")
    if m.group("num") == "!":
        return not m.group("punct") and not m.group("junk")
    if not m.group("punct") and word.isupper() and len(word) <= 5:
        return False  # G7, MQ9, COVID19: names that end in digits
    return True


def _marker_in(text: str, number: int) -> re.Match[str] | None:
    last = None
    for m in _pattern(number).finditer(text):
        if _acceptable(m):
            last = m
    return last


def find_markers(lines: list[Line], bodies: list[FootnoteBody]) -> list[Marker]:
    """For each footnote, the nearest marker above it, after the previous one."""
    markers: list[Marker] = []
    floor = 0
    for body in bodies:
        first = body.lines[0]
        for k in range(first - 1, floor - 1, -1):
            line = lines[k]
            if line.kind != "body":
                continue
            m = _marker_in(line.text, body.number)
            if m:
                start = line.start + m.start("junk")
                end = line.start + m.end("num")
                anchor = line.start + m.end("word" if m.group("word") else "year")
                markers.append(Marker(body.number, k, start, end, anchor))
                floor = k
                break
    return markers
