"""Merging letters into deployments: one history per Dutch deployment.

A deployment is keyed by (mission id, unit kind). The unit kind normalises
``Contribution.unit`` (and, when that is empty, the description) into a few
kinds ("force protection", "helikopterdetachement", "staff", ...); with no
recognisable unit the key is the mission alone.

Within one letter, a deployment's contributions are folded into one state
(framework sentences first, because they carry the national framework's
dates). Across letters, ordered by letter date, each state becomes a step:
decided, extended, resized, ended (early), or confirmed, citing its letter
and spans. A letter that extends a framework "ending 31 December 2024" shows
that end as an earlier, cited step, so the history has both dates and the
later is current. Conflicts are recorded beside the history, never resolved.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from . import schema as s
from .dates import agree, first_day, last_day
from .links import copies, kamerstukken
from .search import fold

__all__ = ["unit_kind", "Step", "Conflict", "Deployment", "Window", "ContributionRow", "merge", "load_deployments"]

# (pattern over folded text, kind). Order matters: the first match wins, and
# a helicopter detachment's "staf" must not make it a staff deployment.
_UNIT_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"force[ -]?protection|infanteriecompagnie|beveiligingseenheid|compagnie|beveiliging"), "force protection"),
    (re.compile(r"helikopter|helicopter|chinook|apache|cougar|nh90"), "helikopterdetachement"),
    (re.compile(r"f-?35|f-?16|jachtvlieg|gevechtsvlieg|fighter"), "jachtvliegtuigen"),
    (re.compile(r"mq-?9|reaper|drone|unmanned"), "drones"),
    (re.compile(r"fregat|frigate|zr\.? ?ms|marineschip|mijnenjager|onderzeeboot|schip|ship|vessel"), "marine"),
    (re.compile(r"patriot|luchtverdediging|air defen"), "luchtverdediging"),
    (re.compile(r"special (operations )?forces|\bsof\b|speciale eenheden|korps commandotroepen"), "special forces"),
    (re.compile(r"trainer|opleid|training"), "trainers"),
    (re.compile(r"adviseur|advis|mentor"), "adviseurs"),
    (re.compile(r"commandant|command|\bstaf\b|staff|stafofficier|hoofdkwartier|headquarters|liaison|verbindingsofficier"), "staff"),
]

_ENDING = re.compile(r"beeindig|terugtrek|teruggetrokken|vervroegd|wordt gestopt|stopt de bijdrage|afbouw")


def unit_kind(unit: str | None, description: str = "") -> str | None:
    """The normalised kind of unit, or None when neither says.

    >>> unit_kind("infanteriecompagnie")
    'force protection'
    >>> unit_kind(None, "drie chinookhelikopters")
    'helikopterdetachement'
    """
    for source in (unit, description if not unit else None):
        if not source:
            continue
        folded = fold(source)
        for pattern, kind in _UNIT_KINDS:
            if pattern.search(folded):
                return kind
        if source is unit:
            return " ".join(folded.split())
    return None


@dataclass
class ContributionRow:
    """A contribution fact as stored, with the letter it came from."""

    letter_id: int
    letter_date: str | None
    kamerstuk: str | None
    fact: dict[str, Any]  # Contribution as JSON


@dataclass
class Step:
    """One letter's change to a deployment."""

    kind: str  # "decided" | "extended" | "resized" | "ended" | "confirmed" | "cited"
    letter_id: int
    letter_date: str | None
    kamerstuk: str | None
    start: str | None
    end: str | None
    personnel: int | None
    spans: list[list[int]] = field(default_factory=list)
    description: str = ""

    @property
    def kinds(self) -> list[str]:
        return self.kind.split("+")


@dataclass
class Conflict:
    """Letters that disagree about a deployment; shown as is."""

    field: str  # "end" | "personnel" | "supersedes_end"
    message: str
    letters: list[int]


@dataclass
class Deployment:
    mission: str
    unit: str | None
    steps: list[Step] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.mission}/{self.unit}" if self.unit else self.mission

    @property
    def current(self) -> Step:
        return self.steps[-1]

    @property
    def substantive(self) -> bool:
        """False for a mere mention: no letter gave a date or a number of personnel."""
        return any(st.start or st.end or st.personnel is not None for st in self.steps)

    @property
    def start(self) -> str | None:
        """The earliest start known, else the deciding letter's date."""
        starts = [st.start for st in self.steps if st.start]
        if starts:
            return min(starts, key=lambda v: first_day(v) or date.max)
        return self.steps[0].letter_date

    @property
    def end(self) -> str | None:
        """The end of the current framework."""
        return self.current.end

    def personnel_at(self, day: date) -> int | None:
        """Personnel of the last step decided on or before ``day`` (else the first step's)."""
        return self.window().personnel_at(day)

    def active_on(self, day: date) -> bool:
        """True when the framework covers ``day``; an open end counts as active, a mention never."""
        return self.window().active_on(day)

    def window(self) -> Window:
        """The dates and head counts ``active_on`` and ``personnel_at`` read, parsed now.

        A caller asking about many days (a chart, the web app's snapshot) keeps
        the window instead of walking the history for every day.
        """
        known = tuple((first_day(st.letter_date) or date.min, st.personnel) for st in self.steps
                      if st.personnel is not None)
        if not self.substantive:
            return Window(False, None, None, known)
        return Window(True, first_day(self.start), last_day(self.end), known)


@dataclass(frozen=True)
class Window:
    """A deployment's framework and head counts, parsed: answers about any day without the history."""

    substantive: bool
    start: date | None
    end: date | None
    personnel: tuple[tuple[date, int], ...]  # (letter day, personnel) of each step that gives a number, in order

    def active_on(self, day: date) -> bool:
        return self.substantive and (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def personnel_at(self, day: date) -> int | None:
        for letter_day, personnel in reversed(self.personnel):
            if letter_day <= day:
                return personnel
        return self.personnel[-1][1] if self.personnel else None


@dataclass
class _State:
    letter: ContributionRow
    start: str | None = None
    end: str | None = None
    personnel: int | None = None
    supersedes_end: str | None = None
    ended: bool = False
    spans: list[list[int]] = field(default_factory=list)
    description: str = ""


def _later(a: str, b: str) -> bool:
    day_a, day_b = last_day(a), last_day(b)
    return bool(day_a and day_b and day_a > day_b)


def _fold_letter(rows: list[ContributionRow], conflicts: list[Conflict]) -> _State:
    """One letter's contributions to one deployment as one state."""
    ordered = sorted(rows, key=lambda r: not r.fact.get("framework"))
    st = _State(ordered[0], description=ordered[0].fact.get("description", ""))
    superseded = [r.fact["supersedes_end"] for r in rows if r.fact.get("supersedes_end")]
    for row in ordered:
        f = row.fact
        if f.get("end") and not f.get("supersedes_end") and any(agree(f["end"], old) for old in superseded):
            # "Het kader verloopt op 31 december 2024" beside "het kabinet verlengt het
            # tot juni 2025": the first states the end being replaced, not a new end.
            f = {**f, "end": None, "supersedes_end": f["end"]}
        st.spans.extend([list(x) for x in f.get("spans") or []])
        for name in ("start", "end", "supersedes_end"):
            value = f.get(name)
            if not value:
                continue
            current = getattr(st, name)
            if current is None:
                setattr(st, name, value)
            elif agree(current, value):
                if len(value) > len(current):
                    setattr(st, name, value)  # the more precise of two agreeing dates
            elif f.get("framework") and ordered[0].fact.get("framework") and name == "end":
                conflicts.append(
                    Conflict("end", f"letter {row.letter_id} gives two framework ends: {current} and {value}", [row.letter_id])
                )
            elif name == "end" and _later(value, current):
                # "De huidige bijdrage loopt eind 2014 af" beside "... tot eind 2015": a letter
                # that gives one deployment two ends moves it to the later one.
                st.supersedes_end = st.supersedes_end or current
                st.end = value
        if f.get("personnel") is not None and st.personnel is None:
            st.personnel = int(f["personnel"])
        if _ENDING.search(fold(f.get("description") or "")):
            st.ended = True
    return st


def _step_kind(prev: Step, st: _State) -> str:
    kinds = []
    prev_end, new_end = last_day(prev.end), last_day(st.end)
    if st.ended or (prev_end and new_end and new_end < prev_end):
        kinds.append("ended")
    elif prev_end and new_end and new_end > prev_end:
        kinds.append("extended")
    elif st.supersedes_end and st.end and not agree(st.supersedes_end, st.end):
        kinds.append("extended")
    if st.personnel is not None and prev.personnel is not None and st.personnel != prev.personnel:
        kinds.append("resized")
    return "+".join(kinds) or "confirmed"


def _history(mission: str, unit: str | None, rows: list[ContributionRow]) -> Deployment:
    dep = Deployment(mission, unit)
    by_letter: dict[int, list[ContributionRow]] = {}
    for row in rows:
        by_letter.setdefault(row.letter_id, []).append(row)
    states = [_fold_letter(group, dep.conflicts) for group in by_letter.values()]
    states.sort(key=lambda st: (first_day(st.letter.letter_date) or date.min, st.letter.letter_id))
    prev: Step | None = None
    for st in states:
        L = st.letter
        if prev is None and st.supersedes_end:
            # The letter cites the framework it extends: show it as the earlier step.
            prev = Step("cited", L.letter_id, L.letter_date, L.kamerstuk, None, st.supersedes_end, None,
                        list(st.spans), "framework as cited by this letter")
            dep.steps.append(prev)
        if prev is not None and st.supersedes_end and prev.kind != "cited" and not agree(st.supersedes_end, prev.end):
            dep.conflicts.append(Conflict(
                "supersedes_end",
                f"letter {L.letter_id} extends a framework ending {st.supersedes_end}, "
                f"but letter {prev.letter_id} set it to end {prev.end}",
                [prev.letter_id, L.letter_id],
            ))
        if prev is not None and prev.letter_date and prev.letter_date == L.letter_date and prev.kind != "cited":
            for name in ("end", "personnel"):
                a, b = getattr(prev, name), getattr(st, name)
                if a is not None and b is not None and (a != b if name == "personnel" else not agree(a, b)):
                    dep.conflicts.append(Conflict(
                        name, f"letters {prev.letter_id} and {L.letter_id} of {L.letter_date} disagree on {name}: {a} vs {b}",
                        [prev.letter_id, L.letter_id],
                    ))
        kind = "decided" if prev is None else _step_kind(prev, st)
        step = Step(
            kind, L.letter_id, L.letter_date, L.kamerstuk,
            st.start or (prev.start if prev else None),
            st.end or (prev.end if prev and "ended" not in kind else (L.letter_date if "ended" in kind else None)),
            st.personnel if st.personnel is not None else (prev.personnel if prev else None),
            st.spans, st.description,
        )
        dep.steps.append(step)
        prev = step
    return dep


def _keys(rows: list[ContributionRow]) -> list[tuple[str, str | None]]:
    """Each row's deployment key, resolving unit-less rows within their letter.

    A sentence like "het kabinet verlengt het kader voor deze bijdrage" names
    no unit; it belongs to the unit whose framework end it supersedes, or to
    the mission's only unit in that letter, else to the mission alone.
    """
    kinds = [unit_kind(r.fact.get("unit"), r.fact.get("description") or "") for r in rows]
    out = []
    for row, kind in zip(rows, kinds):
        mission = row.fact.get("mission") or "?"
        if kind is None:
            siblings = [(r, k) for r, k in zip(rows, kinds)
                        if k and r.letter_id == row.letter_id and r.fact.get("mission") == mission]
            old = row.fact.get("supersedes_end")
            ending = {k for r, k in siblings if old and r.fact.get("end") and agree(r.fact["end"], old)
                      and (r.fact.get("end") or "")[:7] == old[:7]}
            if len(ending) == 1:
                kind = ending.pop()
            elif len({k for _r, k in siblings}) == 1:
                kind = siblings[0][1]
        out.append((mission, kind))
    return out


def merge(rows: list[ContributionRow]) -> list[Deployment]:
    """Group contributions into deployments with histories, sorted by mission and unit."""
    groups: dict[tuple[str, str | None], list[ContributionRow]] = {}
    for row, key in zip(rows, _keys(rows)):
        groups.setdefault(key, []).append(row)
    deps = [_history(m, u, g) for (m, u), g in groups.items()]
    return sorted(deps, key=lambda d: (d.mission, d.unit or ""))


def load_deployments(conn: Connection, mission: str | None = None) -> list[Deployment]:
    """All deployments in the registry (or one mission's)."""
    stmt = (
        select(s.facts.c.letter_id, s.facts.c.data, s.letters.c.date, s.letters.c.kamerstuk)
        .join(s.letters, s.letters.c.id == s.facts.c.letter_id)
        .where(s.facts.c.kind == "contribution")
        .order_by(s.facts.c.letter_id, s.facts.c.ordinal)
    )
    if mission:
        stmt = stmt.where(s.facts.c.mission == mission)
    # A copy of a letter (to the other chamber, or an older version) is not a
    # second step; the letter it repeats shows every Kamerstuk it was published as.
    linked, numbers = copies(conn), kamerstukken(conn)
    rows = [ContributionRow(r.letter_id, r.date, _kamerstuk_label(r.kamerstuk, numbers.get(r.letter_id)),
                            json.loads(r.data))
            for r in conn.execute(stmt) if r.letter_id not in linked]
    return merge(rows)


def _kamerstuk_label(extracted: str | None, published: list[str] | None) -> str | None:
    """"29521-501 + 29521-K" for a letter sent to both chambers; else the one number known."""
    return " + ".join(published) if published else extracted
