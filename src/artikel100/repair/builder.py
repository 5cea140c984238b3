"""Build a cleaned text piece by piece while keeping its map to the source.

Repair never edits strings in place: it copies source ranges, inserts glue
that stands for the source characters it replaces, and applies token edits
through ``apply_edits``, which composes the offset maps. So every character of
the cleaned text can always be traced back to the source.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..model import OffsetMap, Repair

__all__ = ["TextBuilder", "Edit", "apply_edits"]


class TextBuilder:
    """Appends source slices and glue, recording an OffsetMap as it goes."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._parts: list[str] = []
        self._pos = 0
        self.offsets = OffsetMap()

    @property
    def pos(self) -> int:
        return self._pos

    def copy(self, start: int, end: int) -> None:
        """Append ``source[start:end]`` verbatim."""
        if end <= start:
            return
        self._append(self.source[start:end], start, end)

    def glue(self, text: str, source_start: int, source_end: int) -> None:
        """Append text that stands for ``source[source_start:source_end]`` (a joined newline)."""
        if text:
            self._append(text, source_start, max(source_start, source_end))

    def _append(self, text: str, s0: int, s1: int) -> None:
        self._parts.append(text)
        self.offsets.add(self._pos, self._pos + len(text), s0, s1)
        self._pos += len(text)

    def text(self) -> str:
        return "".join(self._parts)

    def endswith(self, suffix: str) -> bool:
        return self.text_tail(len(suffix)) == suffix

    def text_tail(self, n: int) -> str:
        tail = ""
        for part in reversed(self._parts):
            tail = part + tail
            if len(tail) >= n:
                break
        return tail[-n:] if n else ""


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``new``; ``kind`` names the rule."""

    start: int
    end: int
    new: str
    kind: str


def apply_edits(
    text: str, offsets: OffsetMap, edits: list[Edit]
) -> tuple[str, OffsetMap, list[Repair]]:
    """Apply non-overlapping edits and return the new text with a composed map.

    Overlapping edits are dropped (the first, by start offset, wins).
    """
    out: list[str] = []
    new_map = OffsetMap()
    repairs: list[Repair] = []
    pos = 0  # in the old text
    npos = 0  # in the new text
    ends = _sorted_ends(offsets)

    def copy_through(a: int, b: int) -> None:
        nonlocal npos
        if b <= a:
            return
        # Split along the old map's segments so verbatim runs stay exact.
        for c0, c1, s0, s1 in _segments_between(offsets, a, b, ends):
            new_map.add(npos, npos + (c1 - c0), s0, s1)
            npos += c1 - c0
        out.append(text[a:b])

    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < pos:
            continue
        copy_through(pos, edit.start)
        s0, s1 = offsets.span_to_source(edit.start, edit.end) if edit.end > edit.start else (
            offsets.to_source(edit.start),
            offsets.to_source(edit.start),
        )
        if edit.new:
            new_map.add(npos, npos + len(edit.new), s0, s1)
            npos += len(edit.new)
            out.append(edit.new)
        repairs.append(Repair(edit.kind, s0, s1, text[edit.start : edit.end], edit.new))
        pos = edit.end
    copy_through(pos, len(text))
    return "".join(out), new_map, repairs


def _sorted_ends(offsets: OffsetMap) -> list[int] | None:
    """The segments' clean ends when both their starts and their ends never decrease (as the
    builder makes them), so that the segments of a stretch can be found by bisection; else None."""
    starts = [s[0] for s in offsets.segments]
    ends = [s[1] for s in offsets.segments]
    # (sorting a sorted list is one pass in C; equal lists mean neither decreases)
    return ends if starts == sorted(starts) and ends == sorted(ends) else None


def _segments_between(
    offsets: OffsetMap, a: int, b: int, ends: list[int] | None = None
) -> list[tuple[int, int, int, int]]:
    """The old map's segments clipped to ``[a, b)``, as (c0, c1, s0, s1).

    ``ends`` (``_sorted_ends``) lets the scan start at the first segment that ends after ``a``
    and stop at the first that starts at ``b`` or later (speed: every stretch copied read the
    whole map); the segments skipped are those the full scan skips."""
    if not offsets.segments:
        return [(a, b, a, b)]
    result = []
    segments = offsets.segments
    if ends is not None:
        segments = segments[bisect_right(ends, a) :]  # (a copy of the references only, in C)
    for c0, c1, s0, s1 in segments:
        if ends is not None and c0 >= b:
            break
        if c1 <= a or c0 >= b:
            continue
        lo, hi = max(c0, a), min(c1, b)
        if c1 - c0 == s1 - s0:
            result.append((lo, hi, s0 + (lo - c0), s0 + (hi - c0)))
        else:
            result.append((lo, hi, s0, s1))
    return result
