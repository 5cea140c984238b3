"""Toetsingskader coverage: one letter point by point, and the registry in summary.

Extraction decides per letter what each point's status is
(``extract/toetsingskader.py``); this module reads those records and, for a
point covered by reference, looks the letter referred to up in the registry and
says whether *that* letter covers the point (following a chain of references
a few letters deep). An extension letter may by the cabinet's own rule cover
only what changed; its missing points are shown as missing all the same,
with that rule noted beside them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from ..extract.toetsingskader import points
from .common import Citation, LetterRow, letter_rows

__all__ = ["ReferredLetter", "PointCoverage", "LetterCoverage", "letter_coverage", "coverage_of_row", "coverage_of_extraction",
           "CoverageSummary", "coverage_summary", "POINT_LABELS"]

POINT_LABELS: dict[str, tuple[str, str]] = {p.id: (p.nl, p.en) for p in points()}
_EXTENSION = re.compile(
    r"\b(?:verleng\w*|voortzetting|voort\s+te\s+zetten|continuering|uitbreiding|wijziging)\b[^.]{0,80}\b(?:bijdrage|kader|inzet|deelname)\b"
    r"|\b(?:bijdrage|kader|inzet|deelname)\b[^.]{0,160}\b(?:verleng\w*|voort\s+te\s+zetten)\b|\baanvullende\s+artikel",
    re.IGNORECASE)
_MAX_CHAIN = 4
_ARTIKEL100 = re.compile(r"artikel[- ]?100(?!\d)", re.IGNORECASE)
_DECISION = re.compile(r"\bbesluit\s+van\s+het\s+kabinet|\bkabinetsbesluit|\bhet\s+kabinet\s+(?:heeft\s+)?(?:besloten|besluit)", re.IGNORECASE)
# A progress report or evaluation cites the artikel 100-brief it reports on; it is not one.
_REPORT = re.compile(r"\b(?:voortgangsrapportage|voortgangsbrief|stand[- ]van[- ]zaken\w*|jaarrapportage|eindevaluatie|evaluatie(?:rapport)?)\b", re.IGNORECASE)


@dataclass
class ReferredLetter:
    """A letter a point is covered by reference to, and what the registry knows of it."""

    ref: str  # "27925-943", a date "2023-07-07", or "" for "the earlier letter"
    letter_id: int | None = None  # None: not in the registry
    kamerstuk: str | None = None
    date: str | None = None
    status: str | None = None  # that letter's status for the point, when in the registry
    via: list[str] = field(default_factory=list)  # the letters a chain of references went through
    citations: list[Citation] = field(default_factory=list)  # the sentences that cover it there

    @property
    def label(self) -> str:
        return self.kamerstuk or self.ref or (f"letter {self.letter_id}" if self.letter_id else "an earlier letter")

    def to_json(self) -> dict[str, Any]:
        return {"ref": self.ref, "letter_id": self.letter_id, "kamerstuk": self.kamerstuk, "date": self.date,
                "status": self.status, "via": self.via, "citations": [c.to_json() for c in self.citations]}


@dataclass
class PointCoverage:
    point: str
    label: str  # Dutch, as the committee reads it
    label_en: str
    group: str
    status: str  # "covered" | "reference" | "missing"
    by: str  # "heading", "content", "heading+content", "reference", ""
    sections: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    refers_to: list[ReferredLetter] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"point": self.point, "label": self.label, "label_en": self.label_en, "group": self.group,
                "status": self.status, "by": self.by, "sections": self.sections,
                "citations": [c.to_json() for c in self.citations], "refers_to": [r.to_json() for r in self.refers_to]}


@dataclass
class LetterCoverage:
    """A letter's coverage of the toetsingskader, point by point."""

    letter_id: int | None
    kamerstuk: str | None
    date: str | None
    title: str | None
    missions: list[str]
    extension: bool  # extends or changes a deployment: may by rule cover only what changed
    points: list[PointCoverage]
    artikel100: bool = True  # an artikel 100-brief (not a progress report or evaluation)

    def count(self, status: str) -> int:
        return sum(1 for p in self.points if p.status == status)

    @property
    def note(self) -> str | None:
        if self.extension and self.count("missing"):
            return ("This letter extends or changes a deployment; by the cabinet's own rule such a letter may treat "
                    "only what changed. The points it does not treat are shown as missing all the same.")
        return None

    def to_json(self) -> dict[str, Any]:
        return {"letter_id": self.letter_id, "kamerstuk": self.kamerstuk, "date": self.date, "title": self.title,
                "missions": self.missions, "artikel100": self.artikel100, "extension": self.extension, "note": self.note,
                "counts": {s: self.count(s) for s in ("covered", "reference", "missing")},
                "points": [p.to_json() for p in self.points]}


def is_artikel100_letter(text: str) -> bool:
    """An artikel 100-brief: its opening cites article 100, and its first sentence is no report's."""
    head = text[:2500]
    body = re.split(r"\n\s*\n", head)
    opening = next((b for b in body if len(b) > 120 and not b.isupper()), head)
    if _REPORT.search(opening.split(". ")[0]):
        return False
    # Not every extension letter quotes the article; it announces the cabinet's decision.
    return bool(_ARTIKEL100.search(head) or _DECISION.search(opening))


def _is_extension(row: LetterRow) -> bool:
    if any(c.get("supersedes_end") for c in row.facts.get("contribution", [])):
        return True
    return bool(_EXTENSION.search(row.text[:2500]))


class _Resolver:
    """Finds the letters a reference names, in the registry (when there is one)."""

    def __init__(self, conn: Connection | None, index: list[tuple[int, str | None, str | None, list[str]]] | None = None) -> None:
        self.conn = conn
        self._rows: dict[int, LetterRow] = {}
        # (id, kamerstuk, date, missions) of every letter; a caller holding it (the web app's snapshot) passes it in
        self._index = index

    def _all(self) -> list[tuple[int, str | None, str | None, list[str]]]:
        if self._index is None:
            self._index = []
            if self.conn is not None:
                for r in letter_rows(self.conn, kinds=["contribution"], with_text=False).values():
                    self._index.append((r.id, r.kamerstuk, r.date, r.missions()))  # type: ignore[arg-type]
        return self._index

    def row(self, letter_id: int) -> LetterRow:
        if letter_id not in self._rows:
            assert self.conn is not None
            self._rows[letter_id] = letter_rows(self.conn, [letter_id], kinds=["coverage_point", "contribution"])[letter_id]
        return self._rows[letter_id]

    def find(self, ref: str, me: LetterRow) -> int | None:
        missions = set(me.missions())
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref):
            same = [i for i, _k, d, ms in self._all() if d == ref and i != me.id]
            shared = [i for i in same if set(_ms(self._all(), i)) & missions]
            return (shared or same or [None])[0]
        if ref:
            return next((i for i, k, _d, _ms in self._all() if k == ref and i != me.id), None)
        # "the earlier letter": the latest earlier letter on one of this letter's missions
        earlier = [(d or "", i) for i, _k, d, ms in self._all()
                   if i != me.id and d and me.date and d < me.date and set(ms) & missions]
        return max(earlier)[1] if earlier else None


def _ms(index: list[tuple[int, str | None, str | None, list[str]]], letter_id: int) -> list[str]:
    return next((ms for i, _k, _d, ms in index if i == letter_id), [])


def _referred(resolver: _Resolver, ref: str, point: str, me: LetterRow, depth: int = 0) -> ReferredLetter:
    out = ReferredLetter(ref)
    if resolver.conn is None:
        return out
    letter_id = resolver.find(ref, me)
    if letter_id is None:
        return out
    row = resolver.row(letter_id)
    out.letter_id, out.kamerstuk, out.date = row.id, row.kamerstuk, row.date
    cov = next((c for c in row.facts.get("coverage_point", []) if c["point"] == point), None)
    if cov is None:
        return out
    out.status = cov["status"]
    if cov["status"] == "covered":
        out.citations = [row.cite(sp) for sp in cov.get("spans", [])[:2]]
    elif cov["status"] == "reference" and depth < _MAX_CHAIN:
        for further in cov.get("refers_to") or [""]:
            deeper = _referred(resolver, further, point, row, depth + 1)
            if deeper.letter_id is not None and deeper.letter_id != me.id:
                out.via = [row.kamerstuk or f"letter {row.id}", *deeper.via]
                out.letter_id, out.kamerstuk, out.date = deeper.letter_id, deeper.kamerstuk, deeper.date
                out.status, out.citations = deeper.status, deeper.citations
                break
    return out


def coverage_of_row(row: LetterRow, conn: Connection | None = None,
                    index: list[tuple[int, str | None, str | None, list[str]]] | None = None) -> LetterCoverage:
    """Coverage of one letter whose facts are at hand (from the registry or a fresh extraction).

    ``index`` lists (id, kamerstuk, date, missions) of the registry's letters, when the caller
    has it; else it is read from ``conn`` the first time a reference needs it.
    """
    resolver = _Resolver(conn, index)
    stored = {c["point"]: c for c in row.facts.get("coverage_point", [])}
    out = []
    for spec in points():
        c = stored.get(spec.id, {"status": "missing", "spans": []})
        p = PointCoverage(spec.id, spec.nl, spec.en, spec.group, c["status"], c.get("by", ""), list(c.get("sections") or []),
                          [row.cite(sp) for sp in c.get("spans") or []])
        if c["status"] == "reference" or c.get("refers_to"):
            p.refers_to = [_referred(resolver, ref, spec.id, row) for ref in (c.get("refers_to") or [""])]
        out.append(p)
    return LetterCoverage(row.id, row.kamerstuk, row.date, row.title, row.missions(), _is_extension(row), out,
                          is_artikel100_letter(row.text))


def letter_coverage(conn: Connection, letter_id: int,
                    index: list[tuple[int, str | None, str | None, list[str]]] | None = None) -> LetterCoverage:
    """Coverage of a letter in the registry (``queries.resolve_letter`` finds its id; ``index``: see ``coverage_of_row``)."""
    row = letter_rows(conn, [letter_id], kinds=["coverage_point", "contribution"])[letter_id]
    return coverage_of_row(row, conn, index)


@dataclass
class CoverageSummary:
    """Which points letters cover, cover by reference and skip: overall, per mission, per year."""

    letters: int  # artikel 100-brieven counted
    by_point: dict[str, Counter[str]]  # point -> status -> letters
    by_mission: dict[str, dict[str, Any]]  # mission -> {"letters": n, "missing": Counter(point), "reference": Counter}
    by_year: dict[str, dict[str, Any]]
    others: int = 0  # letters left out: progress reports, evaluations and other letters

    def most_skipped(self, group: dict[str, Any], n: int = 3) -> list[tuple[str, int]]:
        return group["missing"].most_common(n)

    def to_json(self) -> dict[str, Any]:
        def block(g: dict[str, Any]) -> dict[str, Any]:
            return {"letters": g["letters"], "missing": dict(g["missing"]), "reference": dict(g["reference"])}

        return {"letters": self.letters, "others": self.others,
                "by_point": {p: {s: c.get(s, 0) for s in ("covered", "reference", "missing")} for p, c in self.by_point.items()},
                "by_mission": {m: block(g) for m, g in self.by_mission.items()},
                "by_year": {y: block(g) for y, g in self.by_year.items()}}


def coverage_summary(conn: Connection, mission: str | None = None, ids: list[int] | None = None) -> CoverageSummary:
    """Every letter with coverage records (or those of ``ids``), counted per point, per mission and per year."""
    every = [r for r in letter_rows(conn, ids, kinds=["coverage_point", "contribution"]).values() if r.facts.get("coverage_point")]
    rows = [r for r in every if is_artikel100_letter(r.text)]
    others = len(every) - len(rows)
    if mission:
        rows = [r for r in rows if mission in r.missions()]
    by_point: dict[str, Counter[str]] = {p.id: Counter() for p in points()}
    by_mission: dict[str, dict[str, Any]] = {}
    by_year: dict[str, dict[str, Any]] = {}
    for r in rows:
        groups = [by_mission.setdefault(m, _group()) for m in (r.missions()[:1] or ["(none)"])]
        groups.append(by_year.setdefault((r.date or "????")[:4], _group()))
        for g in groups:
            g["letters"] += 1
        for c in r.facts["coverage_point"]:
            by_point.setdefault(c["point"], Counter())[c["status"]] += 1
            if c["status"] in ("missing", "reference"):
                for g in groups:
                    g[c["status"]][c["point"]] += 1
    return CoverageSummary(len(rows), by_point, dict(sorted(by_mission.items())), dict(sorted(by_year.items())), others)


def _group() -> dict[str, Any]:
    return {"letters": 0, "missing": Counter(), "reference": Counter()}


def coverage_of_extraction(extraction: Any, conn: Connection | None = None) -> LetterCoverage:
    """Coverage of a letter read from a file (not in the registry); ``conn`` looks up the letters it refers to."""
    from .common import facts_of

    data = extraction.to_json() if hasattr(extraction, "to_json") else extraction
    info = data.get("letter") or {}
    row = LetterRow(None, info.get("date"), info.get("kamerstuk"), info.get("title"), data.get("text", ""), facts_of(data))
    return coverage_of_row(row, conn)
