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

from ..dutch import MONTH_NAMES_RE
from .lines import Line, is_terminated

__all__ = ["FootnoteBody", "Marker", "find_footnotes", "find_markers", "find_orphan_markers"]

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


def find_footnotes(lines: list[Line], width: int, dense: bool = False) -> list[FootnoteBody]:
    """Find footnote bodies and mark their lines ``footnote``.

    In ``dense`` text (no blank lines) a footnote opens after any line that ends a sentence.
    """
    found: list[FootnoteBody] = []
    expected = 1
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _START.match(line.text) if line.kind == "body" else None
        if m and int(m.group(1)) == expected and _opens_block(lines, i, dense):
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


def _opens_block(lines: list[Line], i: int, dense: bool) -> bool:
    if i == 0 or lines[i].page_break_before:
        return True
    prev = lines[i - 1]
    if prev.blank or prev.kind in ("footnote", "furniture"):
        return True
    # Without blank lines: after a full stop, or at the foot of a page even in mid-sentence.
    return dense and (is_terminated(prev.text) or _near_page_end(lines, i))


def _near_page_end(lines: list[Line], i: int, room: int = 6) -> bool:
    """Only a few lines (footnotes, a footer) stand between line ``i`` and the next page."""
    count = 0
    for line in lines[i + 1 :]:
        if line.page_break_before:
            return True
        if line.kind == "body":
            count += 1
            if count > room:
                return False
    return True


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


# A footnote is a note: not a page of text, and never the letter's salutation or opening.
_LONGEST_FOOTNOTE = 1200
_LETTER_OPENING = re.compile(r"\bGeachte\s+(?:voorzitter|Voorzitter|heer|mevrouw)\b|\bMet deze brief\b")


def _looks_like_footnote(text: str, lines: list[Line], i: int, number: int) -> bool:
    """Guard against numbered headings ("2 Politieke context") and a line that opens
    with a date ("1 juni 2024 tot en met ...") read as footnotes."""
    if len(text) > _LONGEST_FOOTNOTE or _LETTER_OPENING.search(text):
        return False  # a transcript's page number before the whole letter ("1 > Retouradres ... Geachte voorzitter")
    first = text.split()[1] if len(text.split()) > 1 else ""
    if first.casefold().strip(".,") in _MONTHS.split("|") or (first[:1].islower() and first not in _LOWER_OPENERS):
        return False
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
        # (not a day or a thousands group: "met ingang van'1 januari", "ten hoogste '1 608")
        rf"(?P<punct>[.,;:)’'\"]?)(?P<junk>[*'’^°]?)(?P<num>{alt})(?![\w\d])(?!\s(?i:{_MONTHS})\b|\s\d{{3}}\b)"
    )


_LOWER_OPENERS = frozenset({"zie", "idem", "www", "http", "https", "vgl.", "o.a.", "bijv."})
_MONTHS = MONTH_NAMES_RE
_PATTERNS: dict[int, re.Pattern[str]] = {}


def _pattern(number: int) -> re.Pattern[str]:
    if number not in _PATTERNS:
        _PATTERNS[number] = _marker_pattern(number)
    return _PATTERNS[number]


def _acceptable(m: re.Match[str], acronyms: frozenset[str]) -> bool:
    if m.group("year"):
        return True
    word = m.group("word")
    if m.group("num") == "!":
        return not m.group("punct") and not m.group("junk")
    if not m.group("punct") and word.isupper() and len(word) <= 5:
        # G7, MQ9, F16 are names that end in digits; UNMIK2 is UNMIK with a marker,
        # which the letter shows by using UNMIK on its own elsewhere.
        return word in acronyms
    return True


def _marker_in(text: str, number: int, acronyms: frozenset[str] = frozenset()) -> re.Match[str] | None:
    if str(number) not in text and str(number).translate(_SUPERSCRIPTS) not in text and not (number == 1 and "!" in text):
        return None  # the pattern is costly; most lines hold no such number
    last = None
    for m in _pattern(number).finditer(text):
        if _acceptable(m, acronyms):
            last = m
    return last


def _acronyms(lines: list[Line]) -> frozenset[str]:
    """Acronyms the letter uses on their own (not glued to a digit)."""
    words = _ACRONYM.findall(" ".join(l.text for l in lines if l.kind == "body"))
    return frozenset(words)


# "\b[A-Z]{2,5}\b(?!\d)", its first capital first and the \b looked behind it (speed: re finds an
# opening class in C, and tried the \b at every character of the letter).
_ACRONYM = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{1,4}\b(?!\d)")


def find_markers(lines: list[Line], bodies: list[FootnoteBody]) -> list[Marker]:
    """For each footnote, the nearest marker above it, after the previous one."""
    markers: list[Marker] = []
    floor = 0
    acronyms = _acronyms(lines)
    for body in bodies:
        first = body.lines[0]
        for k in range(first - 1, floor - 1, -1):
            line = lines[k]
            if line.kind != "body":
                continue
            m = _marker_in(line.text, body.number, acronyms)
            if m:
                start = line.start + m.start("junk")
                end = line.start + m.end("num")
                anchor = line.start + m.end("word" if m.group("word") else "year")
                markers.append(Marker(body.number, k, start, end, anchor))
                floor = k
                break
    return markers


def find_orphan_markers(lines: list[Line], bodies: list[FootnoteBody], markers: list[Marker]) -> list[Marker]:
    """Markers whose footnotes the text does not hold: a web page or an excerpt keeps
    "EUFOR Althea1", "31 juli 2025.2" and "geïnformeerd.3" but not the notes.

    They continue the numbering after the last footnote found (1 when there is none)
    and come in text order, each after the one before; a lone marker counts only
    when it is 1 and glued to a written word, not to an acronym ("G7", "MQ9").
    """
    expected = (bodies[-1].number + 1) if bodies else 1
    floor_line = markers[-1].line if markers else 0
    floor_pos = markers[-1].end if markers else -1
    acronyms = _acronyms(lines)
    chain: list[Marker] = []
    k = floor_line
    while k < len(lines):
        line = lines[k]
        m = None
        if line.kind == "body":
            m = _first_marker(line.text, expected, acronyms, floor_pos - line.start)
        if m is None:
            k += 1
            continue
        start, end = line.start + m.start("junk"), line.start + m.end("num")
        anchor = line.start + m.end("word" if m.group("word") else "year")
        chain.append(Marker(expected, k, start, end, anchor))
        expected += 1
        floor_pos = end
    if len(chain) == 1:
        word = lines[chain[0].line].text
        m = _first_marker(word, chain[0].number, acronyms, chain[0].start - lines[chain[0].line].start)
        if m is None or m.group("num") == "!" or not (m.group("word") or "").strip(")")[-1:].islower():
            return []
    return chain


def _first_marker(text: str, number: int, acronyms: frozenset[str], floor: int) -> re.Match[str] | None:
    """The first acceptable marker ``number`` in ``text`` at or after offset ``floor``."""
    if str(number) not in text and str(number).translate(_SUPERSCRIPTS) not in text:
        return None
    for m in _pattern(number).finditer(text):
        if m.start("junk") >= floor and m.group("num") != "!" and _acceptable(m, acronyms):
            return m
    return None
