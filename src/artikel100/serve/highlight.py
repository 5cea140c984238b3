"""A letter's text as data for the template: paragraphs of segments, built from spans.

Highlights are never made by splicing HTML into the letter. The text is cut
at every span boundary (and footnote marker) into plain-text segments; each
segment lists the facts whose spans cover it, and the template writes each
segment through Jinja's autoescape. A ``<script>`` in a letter stays text.

Any fact kind with ``spans`` is shown, so a kind that extraction adds later
appears without a change here; ``display_kind`` only refines a contribution
into the part of it the words state (personnel, place, period).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ..model import OffsetMap

__all__ = ["Segment", "Paragraph", "display_kind", "paragraphs", "repair_changes", "Change", "KIND_ORDER"]

# The order kinds are listed in and, for a segment several facts cover, which colour wins on a tie.
KIND_ORDER = ["personnel", "period", "place", "contribution", "cost", "reference", "commitment", "risk",
              "event", "mission", "finding"]


def display_kind(kind: str, fact: dict[str, Any]) -> str:
    """The kind a highlight shows: a contribution's sentence part, else the fact's kind."""
    if kind == "contribution":
        if fact.get("personnel") is not None:
            return "personnel"
        if fact.get("location"):
            return "place"
        if fact.get("start") or fact.get("end"):
            return "period"
    return kind


@dataclass
class Segment:
    text: str
    start: int
    facts: list[int] = field(default_factory=list)  # fact ids covering it
    kind: str | None = None  # the display kind of its innermost fact
    spans: list[str] = field(default_factory=list)  # "FACT-I" of each covering span (for marking)
    anchors: list[str] = field(default_factory=list)  # span ids that start here
    footnote: int | None = None  # a footnote marker follows this segment
    hit: bool = False  # inside the range a search result points to
    marks: list[str] = field(default_factory=list)  # ids of the marks (a check's cited sentences) covering it


@dataclass
class Paragraph:
    kind: str
    start: int
    end: int
    page: int | None
    segments: list[Segment]
    number: int | None = None  # footnote number


def _page_of(offsets: OffsetMap, page_starts: list[int], clean_offset: int) -> int | None:
    if not page_starts:
        return None
    return bisect.bisect_right(page_starts, offsets.to_source(clean_offset))


def _blocks(text: str, blocks: list[list[Any]]) -> list[tuple[str, int, int, int | None]]:
    """Stored blocks, or paragraphs split at blank lines for letters stored without a layout."""
    if blocks:
        return [(b[0], b[1], b[2], b[3]) for b in blocks if b[0] != "furniture"]
    out, pos = [], 0
    for piece in text.split("\n\n"):
        if piece.strip():
            out.append(("paragraph", pos, pos + len(piece), None))
        pos += len(piece) + 2
    return out


def paragraphs(
    text: str,
    facts: dict[str, list[dict[str, Any]]],
    *,
    blocks: list[list[Any]] | None = None,
    footnotes: list[list[Any]] | None = None,
    offsets: list[list[int]] | None = None,
    page_starts: list[int] | None = None,
    hit: tuple[int, int] | None = None,
    marks: dict[str, list[tuple[int, int]]] | None = None,
) -> list[Paragraph]:
    """The letter as paragraphs of segments.

    Args:
        text: the cleaned text.
        facts: kind -> facts as stored (each with ``id`` and ``spans``).
        blocks: ``[kind, start, end, number]`` rows of ``letter_layout``.
        footnotes: ``[number, start, end, marker_at]`` rows.
        offsets: the offset map's segments; with ``page_starts``, gives each paragraph its page.
        hit: a clean range to mark (a search result's sentence).
        marks: mark id -> clean ranges that a link elsewhere on the page marks (a check's cited sentences).
    """
    spans: list[tuple[int, int, int, str, str]] = []  # start, end, fact id, display kind, span id
    for kind, items in facts.items():
        for f in items:
            dk = display_kind(kind, f)
            for i, sp in enumerate(f.get("spans") or []):
                a, b = int(sp[0]), int(sp[1])
                if 0 <= a < b <= len(text):  # never invent an offset: bad spans stay unshown
                    spans.append((a, b, int(f["id"]), dk, f"{f['id']}-{i}"))
    markers = {int(fn[3]): int(fn[0]) for fn in footnotes or [] if fn[3] is not None}
    marked = [(int(a), int(b), mid) for mid, sps in (marks or {}).items() for a, b in sps if 0 <= int(a) < int(b) <= len(text)]
    omap = OffsetMap([tuple(s) for s in offsets or []])  # type: ignore[misc]
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    out = []
    for bkind, start, end, number in _blocks(text, blocks or []):
        cuts = {start, end}
        inside = [s for s in spans if s[0] < end and s[1] > start]
        for a, b, *_ in inside:
            cuts.update((max(a, start), min(b, end)))
        cuts.update(m for m in markers if start < m < end)
        marked_here = [m for m in marked if m[0] < end and m[1] > start]
        for a, b, _mid in marked_here:
            cuts.update((max(a, start), min(b, end)))
        if hit:
            cuts.update(x for x in hit if start < x < end)
        points = sorted(cuts)
        segs = []
        for a, b in zip(points, points[1:]):
            cover = [s for s in inside if s[0] <= a and s[1] >= b]
            seg = Segment(text[a:b], a)
            if cover:
                cover.sort(key=lambda s: (s[1] - s[0], rank.get(s[3], 99)))
                seg.kind = cover[0][3]
                seg.facts = list(dict.fromkeys(s[2] for s in cover))
                seg.spans = [s[4] for s in cover]
                seg.anchors = [s[4] for s in cover if s[0] == a]
            if b in markers:
                seg.footnote = markers[b]
            if hit and hit[0] <= a and b <= hit[1]:
                seg.hit = True
            seg.marks = list(dict.fromkeys(m[2] for m in marked_here if m[0] <= a and b <= m[1]))
            segs.append(seg)
        page = _page_of(omap, page_starts or [], start) if offsets is not None else None
        out.append(Paragraph(bkind, start, end, page, segs, number))
    return out


@dataclass
class Change:
    """One repair, in clean coordinates: the source said ``before``, the text says ``after``."""

    start: int
    end: int
    before: str
    after: str


def repair_changes(text: str, source: str, offsets: list[list[int]]) -> list[Change]:
    """What repair changed, through the offset map, leaving out pure whitespace (line joins)."""
    out = []
    for c0, c1, s0, s1 in offsets:
        after, before = text[c0:c1], source[s0:s1]
        if after == before or (not after.strip() and not before.strip()):
            continue
        if " ".join(after.split()) == " ".join(before.split()):
            continue
        out.append(Change(c0, c1, before, after))
    return out


def repair_paragraphs(text: str, source: str, offsets: list[list[int]], blocks: list[list[Any]] | None,
                      page_starts: list[int] | None) -> tuple[list[Paragraph], int]:
    """Paragraphs whose segments carry changes: ``kind`` "change" and the source words in ``spans``."""
    changes = repair_changes(text, source, offsets)
    omap = OffsetMap([tuple(s) for s in offsets])  # type: ignore[misc]
    out = []
    for bkind, start, end, number in _blocks(text, blocks or []):
        inside = [c for c in changes if c.start < end and c.end > start]
        points = sorted({start, end, *[max(c.start, start) for c in inside], *[min(c.end, end) for c in inside]})
        segs = []
        for a, b in zip(points, points[1:]):
            seg = Segment(text[a:b], a)
            for c in inside:
                if c.start <= a and c.end >= b:
                    seg.kind = "change"
                    seg.spans = [c.before] if c.start == a else []
            segs.append(seg)
        out.append(Paragraph(bkind, start, end, _page_of(omap, page_starts or [], start), segs, number))
    return out, len(changes)
