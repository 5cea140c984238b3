"""The questions the commands ask: missions, timeline, deadlines, commitments,
one letter, and which cited Kamerstukken the registry lacks.

"Today" is always a parameter, so answers about deadlines do not depend on
the real date in tests.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Connection, delete, insert, inspect, select

from ..errors import StoreError
from . import schema as s
from .dates import first_day, last_day, parse_period
from .links import copies, kamerstukken
from .merge import Deployment, _kamerstuk_label, load_deployments
from .search import fold

__all__ = [
    "MissionView",
    "missions",
    "timeline",
    "Deadline",
    "deadlines",
    "CommitmentView",
    "commitments",
    "mark_done",
    "commitment_and_letter",
    "resolve_letter",
    "letter_facts",
    "missing_kamerstukken",
]


@dataclass
class MissionView:
    id: str
    name: str
    active: list[Deployment]
    deployments: list[Deployment]
    personnel_now: int | None
    framework_end: str | None  # the latest current framework end among active deployments


def _mission_names(conn: Connection) -> dict[str, str]:
    rows = conn.execute(
        select(s.facts.c.mission, s.facts.c.data)
        .join(s.letters, s.letters.c.id == s.facts.c.letter_id)
        .where(s.facts.c.kind == "mission")
        .order_by(s.letters.c.date, s.letters.c.id)
    )
    return {r.mission: json.loads(r.data).get("name") or r.mission for r in rows}  # the latest name wins


def missions(conn: Connection, today: date, deployments: list[Deployment] | None = None) -> list[MissionView]:
    """Every mission with deployments, with those active on ``today``.

    ``deployments``: the registry's merged deployments when the caller holds them (else merged here).
    """
    names = _mission_names(conn)
    by_mission: dict[str, list[Deployment]] = {}
    for dep in load_deployments(conn) if deployments is None else deployments:
        by_mission.setdefault(dep.mission, []).append(dep)
    out = []
    for mid in sorted(set(by_mission) | set(names)):
        deps = by_mission.get(mid, [])
        active = [d for d in deps if d.active_on(today)]
        people = [d.personnel_at(today) for d in active]
        ends = [d.end for d in active if d.end]
        out.append(MissionView(
            mid, names.get(mid, mid), active, deps,
            sum(p for p in people if p) if any(people) else None,
            max(ends, key=lambda v: last_day(v) or date.min) if ends else None,
        ))
    return out


def timeline(conn: Connection, mission: str | None = None, at: date | None = None,
             deployments: list[Deployment] | None = None) -> list[Deployment]:
    """Deployments over time, by start; with ``at``, only those deployed on that day.

    ``deployments``: all merged deployments when the caller holds them (else merged here).
    """
    if deployments is None:
        deps = load_deployments(conn, mission)
    else:
        deps = [d for d in deployments if not mission or d.mission == mission]
    if at is not None:
        deps = [d for d in deps if d.active_on(at)]
    return sorted(deps, key=lambda d: (first_day(d.start) or date.min, d.mission, d.unit or ""))


@dataclass
class Deadline:
    day: date
    kind: str  # "framework" | "commitment"
    what: str
    mission: str | None
    letter_id: int
    kamerstuk: str | None
    status: str  # "due" (ahead), "expired" (a framework behind us), "overdue" (an open commitment)
    ref: str = ""  # deployment key or commitment id

    @property
    def uid(self) -> str:
        return f"{self.kind}-{re.sub(r'[^A-Za-z0-9]+', '-', self.ref)}-{self.day.isoformat()}@artikel100"


def deadlines(conn: Connection, today: date, within: str = "6m", *, deployments: list[Deployment] | None = None,
              commitment_views: list[CommitmentView] | None = None) -> list[Deadline]:
    """Framework ends and commitment due dates within ``within`` of ``today``, soonest first.

    The window reaches back as far as it reaches ahead, so frameworks that
    lapsed and commitments left overdue stay in sight (a framework that ended
    with no later letter may mean the registry lacks that letter).
    ``deployments`` and ``commitment_views`` (``commitments(conn, today)``) are
    what the caller already holds; else they are read here.
    """
    period = parse_period(within)
    lo, hi = today - period, today + period
    out: list[Deadline] = []
    for dep in load_deployments(conn) if deployments is None else deployments:
        end = last_day(dep.end)
        if end is None or not lo <= end <= hi:
            continue
        cur = dep.current
        out.append(Deadline(end, "framework", f"{dep.key}: framework ends {dep.end}", dep.mission,
                            cur.letter_id, cur.kamerstuk, "due" if end >= today else "expired", dep.key))
    views = commitments(conn, today, open_only=True) if commitment_views is None else commitment_views
    for c in views:
        if not c.due or c.status == "done":
            continue
        due = last_day(c.due)
        assert due is not None
        if lo <= due <= hi:
            out.append(Deadline(due, "commitment", c.text, None, c.letter_id, c.kamerstuk,
                                "due" if due >= today else "overdue", str(c.id)))
    return sorted(out, key=lambda d: (d.day, d.kind, d.ref))


@dataclass
class CommitmentView:
    id: int  # the fact id; marks survive re-extraction, ids may not
    letter_id: int
    letter_date: str | None
    kamerstuk: str | None
    text: str
    due: str | None
    conditional: bool
    spans: list[list[int]]
    status: str  # "open" | "overdue" | "done"
    done_by: int | None = None  # the fulfilling letter, when marked
    proposed: list[int] = field(default_factory=list)  # later letters that seem to fulfil it


# The documents a commitment promises; a later letter of that kind fulfils it.
_DELIVERABLES = ["voortgangsrapportage", "eindevaluatie", "tussenevaluatie", "evaluatie", "rapportage",
                 "verslag", "monitoringsbezoek", "jaarrapportage", "kabinetsreactie"]


def _deliverable(text: str) -> str | None:
    folded = fold(text)
    return next((d for d in _DELIVERABLES if d in folded), None)


def commitments(conn: Connection, today: date, open_only: bool = False) -> list[CommitmentView]:
    """Every commitment, its status, and letters proposed as fulfilling it."""
    letters = {r.id: r for r in conn.execute(select(s.letters.c.id, s.letters.c.date, s.letters.c.kamerstuk,
                                                      s.letters.c.title, s.letters.c.text_sha256))}
    by_sha = {r.text_sha256: r.id for r in letters.values()}
    marks = {(m.letter_sha256, m.commitment_text): m for m in conn.execute(select(s.commitment_marks))}
    missions_of: dict[int, set[str]] = {}
    for r in conn.execute(select(s.facts.c.letter_id, s.facts.c.mission).where(s.facts.c.kind.in_(["mission", "contribution"]))):
        if r.mission:
            missions_of.setdefault(r.letter_id, set()).add(r.mission)
    # Letters by the kind of document their title names, folded once.
    titled: dict[str, list[int]] = {}
    for L in letters.values():
        if L.title:
            folded = fold(L.title)
            for kind in _DELIVERABLES:
                if kind in folded:
                    titled.setdefault(kind, []).append(L.id)
    out = []
    linked = copies(conn)  # a copy's commitments are its letter's: count them once
    numbers = kamerstukken(conn)
    rows = conn.execute(select(s.facts.c.id, s.facts.c.letter_id, s.facts.c.data)
                        .where(s.facts.c.kind == "commitment").order_by(s.facts.c.letter_id, s.facts.c.ordinal))
    for r in rows:
        if r.letter_id in linked:
            continue
        data = json.loads(r.data)
        L = letters[r.letter_id]
        mark = marks.get((L.text_sha256, data["text"]))
        due = last_day(data.get("due"))
        status = "done" if mark and mark.done else ("overdue" if due and due < today else "open")
        view = CommitmentView(r.id, r.letter_id, L.date, _kamerstuk_label(L.kamerstuk, numbers.get(r.letter_id)),
                              data["text"], data.get("due"),
                              bool(data.get("conditional")), data.get("spans", []), status,
                              by_sha.get(mark.by_letter_sha256) if mark else None)
        if status != "done":
            view.proposed = _proposals(view, letters, missions_of, titled)
        if not open_only or status != "done":
            out.append(view)
    return out


def _proposals(
    c: CommitmentView, letters: dict[int, Any], missions_of: dict[int, set[str]], titled: dict[str, list[int]]
) -> list[int]:
    """Later letters whose title names the promised document, on a shared mission."""
    kind = _deliverable(c.text)
    if kind is None:
        return []
    since = first_day(c.letter_date) or date.min
    mine = missions_of.get(c.letter_id, set())
    found = []
    for letter_id in titled.get(kind, []):
        L = letters[letter_id]
        if L.id == c.letter_id:
            continue
        if (first_day(L.date) or date.min) < since:
            continue
        if mine and not (mine & missions_of.get(L.id, set())):
            continue
        found.append(L.id)
    return sorted(found, key=lambda i: (letters[i].date or "", i))


def resolve_letter(conn: Connection, ref: str) -> int:
    """A letter by id, Kamerstuk ("27925-946" or "27 925, nr. 946") or text-hash prefix.

    Raises:
        StoreError: no such letter, or the reference is ambiguous.
    """
    ref = ref.strip()
    # ASCII digits only ("٣" is not letter 3), and no more than a database integer holds.
    if ref.isascii() and ref.isdigit() and len(ref) <= 18 and conn.execute(select(s.letters.c.id).where(s.letters.c.id == int(ref))).first():
        return int(ref)
    m = re.fullmatch(r"(\d[\d ]*\d)\s*(?:,\s*nr\.?\s*|,\s*|-)(\d+|[A-Z]{1,3})", ref)
    if m:
        kst = m.group(1).replace(" ", "") + "-" + m.group(2)
        ids = _letters_published_as(conn, kst)
    elif re.fullmatch(r"[0-9a-f]{6,64}", ref):
        ids = list(conn.scalars(select(s.letters.c.id).where(s.letters.c.text_sha256.startswith(ref))))
    else:
        ids = []
    if len(ids) == 1:
        return ids[0]
    raise StoreError(f"{ref}: " + ("more than one letter matches" if ids else "no such letter in the registry"))


def _letters_published_as(conn: Connection, kst: str) -> list[int]:
    """Letters whose extracted or published Kamerstuk is ``kst``."""
    ids = set(conn.scalars(select(s.letters.c.id).where(s.letters.c.kamerstuk == kst)))
    if inspect(conn).has_table("letter_kamerstukken"):
        ids |= set(conn.scalars(select(s.letter_kamerstukken.c.letter_id).where(s.letter_kamerstukken.c.kamerstuk == kst)))
    return sorted(ids)


def commitment_and_letter(conn: Connection, commitment_id: int, letter: str) -> tuple[str, str, str]:
    """(text hash of the commitment's letter, the commitment's text, text hash of ``letter``).

    What a user's decision about a commitment and another letter is keyed by
    (``mark_done``, ``proposals.reject_proposal``): hashes and text, not ids,
    so that it survives re-extraction.

    Raises:
        StoreError: no such commitment or letter.
    """
    row = conn.execute(select(s.facts.c.letter_id, s.facts.c.data)
                       .where(s.facts.c.id == commitment_id, s.facts.c.kind == "commitment")).first()
    if row is None:
        raise StoreError(f"{commitment_id}: no such commitment in the registry")
    other = resolve_letter(conn, letter)
    sha = {r.id: r.text_sha256 for r in conn.execute(select(s.letters.c.id, s.letters.c.text_sha256)
                                                     .where(s.letters.c.id.in_([row.letter_id, other])))}
    return sha[row.letter_id], json.loads(row.data)["text"], sha[other]


def mark_done(conn: Connection, commitment_id: int, by_letter: str) -> CommitmentView:
    """Record that ``by_letter`` fulfilled commitment ``commitment_id``.

    Raises:
        StoreError: no such commitment or letter.
    """
    letter_sha, text, by_sha = commitment_and_letter(conn, commitment_id, by_letter)
    conn.execute(delete(s.commitment_marks).where(s.commitment_marks.c.letter_sha256 == letter_sha,
                                                  s.commitment_marks.c.commitment_text == text))
    conn.execute(insert(s.commitment_marks).values(letter_sha256=letter_sha, commitment_text=text, done=True,
                                                   by_letter_sha256=by_sha, marked_at=datetime.now(timezone.utc)))
    return next(c for c in commitments(conn, date.today()) if c.id == commitment_id)


def letter_facts(conn: Connection, letter_id: int,
                 links: tuple[dict[int, int], dict[int, list[str]]] | None = None) -> dict[str, Any]:
    """One letter: its metadata, source files and facts (as JSON, spans with their words).

    ``links``: ``(copies(conn), kamerstukken(conn))`` when the caller holds them
    (the web app reads them once per registry state, not for every letter).
    """
    L = conn.execute(select(s.letters).where(s.letters.c.id == letter_id)).first()
    if L is None:
        raise StoreError(f"{letter_id}: no such letter in the registry")
    text = conn.execute(select(s.letter_texts.c.text).where(s.letter_texts.c.letter_id == letter_id)).scalar_one()
    facts: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(select(s.facts).where(s.facts.c.letter_id == letter_id).order_by(s.facts.c.kind, s.facts.c.ordinal)):
        item = json.loads(r.data)
        item["quotes"] = [text[a:b] for a, b in item.get("spans", [])]
        facts.setdefault(r.kind, []).append({"id": r.id, **item})
    sources = [dict(r._mapping) for r in conn.execute(
        select(s.source_files.c.path, s.source_files.c.sha256, s.source_files.c.format, s.source_files.c.size)
        .where(s.source_files.c.letter_id == letter_id))]
    linked, numbers = links if links is not None else (copies(conn), kamerstukken(conn))
    return {
        "id": L.id, "date": L.date, "kamerstuk": L.kamerstuk, "title": L.title, "addressee": L.addressee,
        "published_as": numbers.get(linked.get(L.id, L.id), []),
        "same_as": linked.get(L.id),
        "letter": json.loads(L.letter_json), "extractor_version": L.extractor_version, "status": L.status,
        "sources": sources, "facts": facts,
    }


def missing_kamerstukken(conn: Connection) -> list[tuple[str, list[int]]]:
    """Kamerstukken that letters cite but the registry lacks, with the citing letters."""
    have = set(conn.scalars(select(s.letters.c.kamerstuk).where(s.letters.c.kamerstuk.is_not(None))))
    cited: dict[str, set[int]] = {}
    for r in conn.execute(select(s.facts.c.ref, s.facts.c.letter_id, s.facts.c.data).where(s.facts.c.kind == "reference")):
        if r.ref and json.loads(r.data).get("kind", "kamerstuk") == "kamerstuk" and r.ref not in have:
            cited.setdefault(r.ref, set()).add(r.letter_id)
    return sorted((k, sorted(v)) for k, v in cited.items())
