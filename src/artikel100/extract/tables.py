"""Tables of personnel: a header naming a count, rows "Unit name 650", maybe "Totaal 1350".

Letters often sum up a contribution in such a table. Its total row is the head
count; without one, every row is a unit's own count. A table whose rows name
missions ("UNTSO, militaire waarnemers in Israël 12", "KFOR, stafofficieren 34")
sums up several contributions: each row's count is its mission's, and a total
across missions is no contribution's.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from ..facts import Contribution
from .sentences import Sentence
from .units import find_places

__all__ = ["table_personnel"]

# A table of personnel: a header naming a count, rows "Unit name 650", maybe "Totaal 1350".
_TABLE_HEADER = re.compile(r"^(?:[\w/]+\s+){0,4}(?:aantal|aantallen|omvang|personeel|sterkte)(?:\s+\w+)?$", re.IGNORECASE)
# (a label opens with a capital, or with a small letter before one: "eFP, gevechtsgroep in Rukla 270")
_TABLE_ROW = re.compile(r"^(?P<label>(?:[A-Z]|[a-z](?=[A-Z]))[^\d:;]{2,80}?)\s*[:\t ]\s*(?:circa\s+|ca\.\s+|max(?:imaal)?\.?\s+)?(?P<n>\d{1,4}(?:\.\d{3})?)[.,]?$")  # (OCR adds a dot or comma)
_TABLE_TOTAL = re.compile(r"^(?:Totaal|In totaal|Total)(?:\s+aantal)?(?:\s+(?:militairen|personen|personeel))?$", re.IGNORECASE)


def table_personnel(
    body: list[Sentence],
    main: str | None,
    section_mission: Callable[[int], str | None] | None,
    mentions: list[tuple[str, int, int]] | None = None,
) -> list[Contribution]:
    """Head counts from a personnel table: its total row, or every row when it has none,
    or each row's own count for the mission it names."""
    out: list[Contribution] = []
    body = _header_apart(body)
    i = 0
    while i < len(body):
        if not _TABLE_HEADER.match(body[i].text):
            i += 1
            continue
        rows, j = [], i + 1
        while j < len(body) and (m := _TABLE_ROW.match(body[j].text)):
            rows.append((body[j], m))
            j += 1
        named = {id(s): _row_mission(s, m, mentions or []) for s, m in rows}
        if len(rows) >= 2 and len({v for v in named.values() if v}) >= 2:
            for sentence, m in rows:
                if named[id(sentence)]:
                    span = (sentence.start + m.start("n"), sentence.start + m.end("n"))
                    out.append(Contribution(mission=named[id(sentence)], description=sentence.text, spans=[span],
                                            personnel=int(m.group("n").replace(".", ""))))
        elif len(rows) >= 2:
            totals = [(s, m) for s, m in rows if _TABLE_TOTAL.match(m.group("label").strip())]
            chosen = totals or rows
            # A table sums up the letter's contribution: its section's mission, else the letter's.
            # (the header row is a heading of its own: the section is the one before it)
            # (first the one mission the sentence that opens the table names: "... staan de volgende
            # eenheden gereed voor de VJTF:")
            lead = body[i - 1] if i > 0 and body[i - 1].text.rstrip().endswith(":") else None
            led = {m for m, s, _ in mentions or [] if lead and lead.start <= s < lead.end}
            mission = (next(iter(led)) if len(led) == 1 else None) \
                or (section_mission(max(0, body[i].start - 2)) if section_mission else None) or main
            for sentence, m in chosen:
                if mission:
                    span = (sentence.start + m.start("n"), sentence.start + m.end("n"))
                    out.append(
                        Contribution(
                            mission=mission, description=sentence.text, spans=[span],
                            personnel=int(m.group("n").replace(".", "")), unit=None if totals else m.group("label").strip(),
                        )
                    )
            # "Militaire liaisonofficieren Bor en Malakal 4": a row's label says where its people are
            for sentence, m in rows:
                for place in find_places(m.group("label")) if mission else []:
                    if place.kind != "country":
                        span = (sentence.start + place.start, sentence.start + place.end)
                        out.append(Contribution(mission=mission, description=sentence.text, spans=[span], location=place.name))
        i = max(j, i + 1)
    return out


# A header run together with the first row, which opens with a small letter ("Eenheid en plaats
# aantal eFP, gevechtsgroep in Rukla 270": repair reads the row as the header's line going on).
_HEADER_THEN_ROW = re.compile(r"^(?P<head>(?:[\w/]+\s+){0,4}(?:aantal|aantallen|omvang|personeel|sterkte))\s+(?=[a-z][A-Z])")


def _header_apart(body: list[Sentence]) -> list[Sentence]:
    """The lines with a header set apart from a first row run into it, and rows that repair ran
    together ("... Litouwen 270 Forward Land Forces Romania, compagnie in Cincu 265") apart."""
    out: list[Sentence] = []
    in_table = False
    for line in body:
        m = _HEADER_THEN_ROW.match(line.text)
        if m and _rows_of(line.text[m.end() :]):
            out.append(dataclasses.replace(line, text=line.text[: m.end("head")], end=line.start + m.end("head")))
            line, in_table = _cut(line, m.end()), True
        rows = _rows_of(line.text) if in_table else None
        if rows and len(rows) > 1:
            out.extend(_cut(line, a, b) for a, b in rows)
        else:
            out.append(line)
        in_table = bool(_TABLE_HEADER.match(line.text) or (in_table and rows))
    return out


# Where one row ends and the next begins: after a count, before a capital (or "eFP").
_ROW_BREAK = re.compile(r"(?<=\d)\s+(?=[A-Z]|[a-z][A-Z])")


def _rows_of(text: str) -> list[tuple[int, int]] | None:
    """The spans of the rows ``text`` is made of, or None when it is not rows."""
    spans, at = [], 0
    for m in _ROW_BREAK.finditer(text):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(text)))
    return spans if all(_TABLE_ROW.match(text[a:b]) for a, b in spans) else None


def _cut(line: Sentence, start: int, end: int | None = None) -> Sentence:
    end = len(line.text) if end is None else end
    return dataclasses.replace(line, text=line.text[start:end], start=line.start + start, end=line.start + end)


def _row_mission(sentence: Sentence, m: re.Match[str], mentions: list[tuple[str, int, int]]) -> str | None:
    """The mission a row's label names, if one does."""
    start, end = sentence.start + m.start("label"), sentence.start + m.end("label")
    return next((mid for mid, s, _ in mentions if start <= s < end), None)
