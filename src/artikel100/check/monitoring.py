"""Monitoring and evaluation across the registry, and the later letters that report on them.

A visit comes with its findings, points of attention and recommendations and
the follow-up promised (a commitment with its due date). When a later letter
on the same mission reports on it (a ``response`` record naming the visit's
month, citing the visiting letter, or speaking of its recommendations), the
link is proposed, and for each recommendation the later sentence that answers
it best (by shared words). An evaluation announced is proposed as delivered
by a later letter that reports an evaluation of the same kind delivered. A
user confirms or rejects a proposal (``confirm_link``); decisions survive
re-extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from ..errors import StoreError
from ..extract.toetsingskader import fold
from ..store import schema as s
from ..store.dates import agree, first_day, last_day
from .common import Citation, LetterRow, letter_rows, sentence_around

__all__ = ["Proposal", "ObservationView", "VisitView", "EvaluationView", "Monitoring", "monitoring", "confirm_link"]

_KINDS = ["monitoring_visit", "observation", "follow_up", "evaluation", "response", "contribution", "reference", "commitment"]
_STOP = re.compile(r"^(?:de|het|een|van|voor|zijn|wordt|worden|deze|die|dat|met|ook|maar|niet|door|naar|over|als|bij|aan|heeft|hebben|kan|kunnen)$")


@dataclass
class Proposal:
    """A later letter that seems to report on a record."""

    letter_id: int
    kamerstuk: str | None
    date: str | None
    why: str
    citations: list[Citation] = field(default_factory=list)
    status: str = "proposed"  # "proposed" | "confirmed" | "rejected"

    def to_json(self) -> dict[str, Any]:
        return {"letter_id": self.letter_id, "kamerstuk": self.kamerstuk, "date": self.date, "why": self.why,
                "status": self.status, "citations": [c.to_json() for c in self.citations]}


@dataclass
class ObservationView:
    kind: str  # "finding" | "attention" | "recommendation"
    citation: Citation
    answered_by: Citation | None = None  # the later sentence that best answers it

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "citation": self.citation.to_json(),
                "answered_by": self.answered_by.to_json() if self.answered_by else None}


@dataclass
class VisitView:
    id: str  # "LETTER:INDEX"
    letter_id: int
    kamerstuk: str | None
    letter_date: str | None
    mission: str | None
    date: str | None
    by: str | None
    place: str | None
    status: str  # "done" | "planned"
    citation: Citation
    observations: list[ObservationView] = field(default_factory=list)
    follow_ups: list[dict[str, Any]] = field(default_factory=list)  # {"citation", "due", "status"}
    proposals: list[Proposal] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "letter_id": self.letter_id, "kamerstuk": self.kamerstuk, "letter_date": self.letter_date,
                "mission": self.mission, "date": self.date, "by": self.by, "place": self.place, "status": self.status,
                "citation": self.citation.to_json(), "observations": [o.to_json() for o in self.observations],
                "follow_ups": [{**f, "citation": f["citation"].to_json()} for f in self.follow_ups],
                "proposals": [p.to_json() for p in self.proposals]}


@dataclass
class EvaluationView:
    id: str
    letter_id: int
    kamerstuk: str | None
    letter_date: str | None
    mission: str | None
    kind: str
    status: str  # "announced" | "delivered" | "framework"
    by: str | None
    due: str | None
    overdue: bool
    citation: Citation
    proposals: list[Proposal] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "letter_id": self.letter_id, "kamerstuk": self.kamerstuk, "letter_date": self.letter_date,
                "mission": self.mission, "kind": self.kind, "status": self.status, "by": self.by, "due": self.due,
                "overdue": self.overdue, "citation": self.citation.to_json(), "proposals": [p.to_json() for p in self.proposals]}


@dataclass
class Monitoring:
    visits: list[VisitView]
    evaluations: list[EvaluationView]

    def to_json(self) -> dict[str, Any]:
        return {"visits": [v.to_json() for v in self.visits], "evaluations": [e.to_json() for e in self.evaluations]}


def _words(text: str) -> set[str]:
    return {w[:8] for w in re.findall(r"[a-z]{4,}", fold(text)) if not _STOP.match(w)}


def _sentences(row: LetterRow, span: list[int] | tuple[int, int]) -> list[tuple[int, int]]:
    """The sentences from ``span`` to the end of its section (the next heading-like line)."""
    out = []
    pos = int(span[0])
    limit = len(row.text)
    nxt = re.search(r"\n\n[^\n.]{3,80}\n\n", row.text[pos:])
    if nxt:
        limit = pos + nxt.start()
    while pos < limit:
        a, b = sentence_around(row.text, pos, pos + 1)
        if b <= pos:
            pos += 1
            continue
        out.append((a, b))
        pos = b + 1
        while pos < limit and row.text[pos].isspace():
            pos += 1
    return out


def _marks(conn: Connection) -> dict[tuple[str, str, str, str], str]:
    return {(m.letter_sha256, m.kind, m.record_text, m.by_letter_sha256): m.status
            for m in conn.execute(select(s.oversight_links))}


def _shas(conn: Connection) -> dict[int, str]:
    return dict(conn.execute(select(s.letters.c.id, s.letters.c.text_sha256)).all())


def _later(rows: dict[int, LetterRow], row: LetterRow, mission: str | None) -> list[LetterRow]:
    since = first_day(row.date) or date.min
    return sorted((r for r in rows.values() if r.id != row.id and (first_day(r.date) or date.min) > since
                   and (mission is None or mission in r.missions() or any(x.get("mission") == mission for x in r.facts.get("response", [])))),
                  key=lambda r: (r.date or "", r.id))


def _visit_proposals(row: LetterRow, visit: dict[str, Any], later: list[LetterRow]) -> list[Proposal]:
    out = []
    for r in later:
        hits = []
        for resp in r.facts.get("response", []):
            why = None
            if visit.get("date") and resp.get("date") and agree(resp["date"], visit["date"]) and resp.get("about") == "visit":
                why = f"reports on the monitoring visit of {visit['date']}"
            elif row.kamerstuk and row.kamerstuk in (resp.get("cites") or []):
                why = f"reports on the follow-up promised in {row.kamerstuk}"
            elif row.date and resp.get("date") == row.date:
                why = f"reports on the follow-up promised in the letter of {row.date}"
            elif resp.get("about") in ("recommendations", "visit") and resp.get("mission") == visit.get("mission"):
                why = "reports on earlier recommendations on the same mission"
            if why:
                hits.append((why, resp))
        if hits:
            why, resp = hits[0]
            out.append(Proposal(r.id, r.kamerstuk, r.date, why, [r.cite(resp["spans"][0])]))
    return out


def _best_answer(obs: Citation, later: LetterRow, starts: list[list[int]]) -> Citation | None:
    """The sentence of the later letter's report that shares most words with an observation."""
    want = _words(obs.quote)
    best, best_score = None, 0.0
    for start in starts:
        for a, b in _sentences(later, start):
            have = _words(later.text[a:b])
            score = len(want & have) / max(4, len(want))
            if score > best_score:
                best, best_score = (a, b), score
    return later.cite(best) if best and best_score >= 0.25 else None


def monitoring(conn: Connection, today: date, mission: str | None = None, ids: list[int] | None = None) -> Monitoring:
    """Every visit and evaluation in the registry, with follow-up status and proposed links.

    ``ids`` reads only those letters (the letters of a mission, say): visits and
    evaluations in them, and later letters among them proposed as reports.
    """
    rows = letter_rows(conn, ids, kinds=_KINDS)
    marks, shas = _marks(conn), _shas(conn)
    visits: list[VisitView] = []
    evaluations: list[EvaluationView] = []
    for row in sorted(rows.values(), key=lambda r: (r.date or "", r.id)):
        for i, v in enumerate(row.facts.get("monitoring_visit", [])):
            if mission and v.get("mission") != mission:
                continue
            view = VisitView(f"{row.id}:{i}", row.id, row.kamerstuk, row.date, v.get("mission"), v.get("date"), v.get("by"),
                             v.get("place"), v.get("status", "done"), row.cite(v["spans"][0]))
            later = _later(rows, row, v.get("mission"))
            view.proposals = _visit_proposals(row, v, later)
            _apply_marks(view.proposals, marks, shas.get(row.id, ""), "monitoring_visit", v["text"], shas)
            chosen = next((p for p in view.proposals if p.status == "confirmed"),
                          next((p for p in view.proposals if p.status == "proposed"), None))
            answer_row = rows.get(chosen.letter_id) if chosen else None
            starts = [resp["spans"][0] for resp in answer_row.facts.get("response", [])] if answer_row else []
            for o in row.facts.get("observation", []):
                if o.get("visit") == i:
                    cit = row.cite(o["spans"][0])
                    answered = _best_answer(cit, answer_row, starts) if answer_row and o["kind"] != "finding" else None
                    view.observations.append(ObservationView(o["kind"], cit, answered))
            for f in row.facts.get("follow_up", []):
                if any(row.facts["observation"][j].get("visit") == i for j in f.get("answers", [])
                       if j < len(row.facts.get("observation", []))):
                    due = last_day(f.get("due"))
                    status = "reported" if chosen else ("overdue" if due and due < today else "open")
                    view.follow_ups.append({"citation": row.cite(f["spans"][0]), "due": f.get("due"), "status": status})
            visits.append(view)
        for i, e in enumerate(row.facts.get("evaluation", [])):
            if mission and e.get("mission") != mission:
                continue
            due = last_day(e.get("due"))
            view = EvaluationView(f"{row.id}:{i}", row.id, row.kamerstuk, row.date, e.get("mission"), e.get("kind", "evaluation"),
                                  e.get("status", "announced"), e.get("by"), e.get("due"), False, row.cite(e["spans"][0]))
            if view.status == "announced":
                for r in _later(rows, row, e.get("mission")):
                    for d in r.facts.get("evaluation", []):
                        if d.get("status") == "delivered" and d.get("kind") in (view.kind, "evaluation") and d.get("mission") == view.mission:
                            view.proposals.append(Proposal(r.id, r.kamerstuk, r.date,
                                                           f"reports a {d.get('kind')} evaluation delivered", [r.cite(d["spans"][0])]))
                            break
                _apply_marks(view.proposals, marks, shas.get(row.id, ""), "evaluation", e["text"], shas)
                view.overdue = bool(due and due < today and not any(p.status != "rejected" for p in view.proposals))
            evaluations.append(view)
    return Monitoring(visits, evaluations)


def _apply_marks(proposals: list[Proposal], marks: dict[tuple[str, str, str, str], str], sha: str, kind: str,
                 text: str, shas: dict[int, str]) -> None:
    for p in proposals:
        p.status = marks.get((sha, kind, text, shas.get(p.letter_id, "")), "proposed")


def confirm_link(conn: Connection, record_id: str, by_letter: int, *, kind: str = "monitoring_visit",
                 reject: bool = False) -> None:
    """Record a user's decision on a proposed link (``record_id`` is "LETTER:INDEX" of a visit or evaluation).

    Raises:
        StoreError: no such record or letter.
    """
    try:
        letter_id, index = (int(x) for x in record_id.split(":"))
    except ValueError as exc:
        raise StoreError(f"{record_id}: a record id is LETTER:INDEX, e.g. 3:0") from exc
    row = conn.execute(select(s.facts.c.data).where(s.facts.c.letter_id == letter_id, s.facts.c.kind == kind,
                                                    s.facts.c.ordinal == index)).first()
    if row is None:
        raise StoreError(f"{record_id}: no such {kind.replace('_', ' ')} in the registry")
    import json

    text = json.loads(row.data)["text"]
    shas = _shas(conn)
    if by_letter not in shas:
        raise StoreError(f"{by_letter}: no such letter in the registry")
    key = dict(letter_sha256=shas[letter_id], kind=kind, record_text=text, by_letter_sha256=shas[by_letter])
    conn.execute(delete(s.oversight_links).where(*(getattr(s.oversight_links.c, k) == v for k, v in key.items())))
    conn.execute(insert(s.oversight_links).values(**key, status="rejected" if reject else "confirmed",
                                                  marked_at=datetime.now(timezone.utc)))
