"""What changed between a letter and the one before it on the same deployment.

``diff_letters`` compares, per deployment the letter touches, the framework
before and after (period, personnel), which units the letter adds or ends,
and over the two letters their tasks, places, costs and toetsingskader
coverage. "Before" is the previous letter of the same deployment in the
registry; when the registry lacks it, it is the framework as the letter
itself cites it ("het nationaal kader ... verloopt op 31 december 2024"),
and the letter it extends is named from its references.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection

from ..errors import StoreError
from ..store.merge import Deployment, Step, load_deployments, unit_kind
from .common import Citation, LetterRow, letter_rows, sentence_around, stating
from .coverage import POINT_LABELS

__all__ = ["Change", "DeploymentChange", "LetterDiff", "diff_letters"]


@dataclass
class Change:
    field: str  # "end", "start", "personnel", "tasks", "places", "costs", "coverage:risks_personnel"
    before: Any
    after: Any
    citations: list[Citation] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.before != self.after

    def to_json(self) -> dict[str, Any]:
        return {"field": self.field, "before": self.before, "after": self.after, "changed": self.changed,
                "citations": [c.to_json() for c in self.citations]}


@dataclass
class DeploymentChange:
    deployment: str  # "NMI/force protection"
    kind: str  # the step: "extended", "resized", "ended", "decided" (a unit added), "confirmed", "not mentioned"
    before_letter: str | None  # "27925-943", "letter 3", or "as cited by this letter"
    changes: list[Change] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"deployment": self.deployment, "kind": self.kind, "before_letter": self.before_letter,
                "changes": [c.to_json() for c in self.changes]}


@dataclass
class LetterDiff:
    letter_id: int
    kamerstuk: str | None
    date: str | None
    against_id: int | None
    against: str | None  # label of the letter compared with
    note: str | None
    deployments: list[DeploymentChange] = field(default_factory=list)
    letter_changes: list[Change] = field(default_factory=list)  # costs, coverage: letter against letter

    def to_json(self) -> dict[str, Any]:
        return {"letter_id": self.letter_id, "kamerstuk": self.kamerstuk, "date": self.date,
                "against_id": self.against_id, "against": self.against, "note": self.note,
                "deployments": [d.to_json() for d in self.deployments],
                "letter_changes": [c.to_json() for c in self.letter_changes]}


def _label(row: LetterRow | None) -> str | None:
    if row is None:
        return None
    return row.kamerstuk or f"letter {row.id}" + (f" ({row.date})" if row.date else "")


def _cite(row: LetterRow, spans: list[list[int]], limit: int = 1) -> list[Citation]:
    out: list[Citation] = []
    for sp in spans:
        c = row.cite(sentence_around(row.text, sp[0], sp[1]))
        if all(c.span != o.span for o in out):
            out.append(c)
        if len(out) >= limit:
            break
    return out


def _activities(row: LetterRow | None, dep: Deployment) -> list[str]:
    if row is None:
        return []
    kinds: set[str] = set()
    for t in row.facts.get("task", []):
        if t.get("mission") == dep.mission and not t.get("excluded") and (
                not t.get("unit") or unit_kind(t["unit"]) == dep.unit):
            kinds.update(t.get("activities", []))
    return sorted(kinds)


def _places(row: LetterRow | None, dep: Deployment) -> list[str]:
    if row is None:
        return []
    out: list[str] = []
    for a in row.facts.get("area", []):
        if a.get("mission") == dep.mission and (not a.get("unit") or unit_kind(a["unit"]) == dep.unit):
            out += ([a["base"]] if a.get("base") else []) + a.get("places", [])
    return list(dict.fromkeys(out))


def _costs(row: LetterRow | None) -> float | None:
    if row is None or not row.facts.get("cost"):
        return None
    return sum(c["amount_eur"] for c in row.facts["cost"])


def _coverage(row: LetterRow | None) -> dict[str, str]:
    return {c["point"]: c["status"] for c in (row.facts.get("coverage_point", []) if row else [])}


def _previous(dep: Deployment, letter_id: int, against: int | None) -> tuple[Step | None, Step | None]:
    """(the step before, the letter's own step) in a deployment's history."""
    mine = [i for i, st in enumerate(dep.steps) if st.letter_id == letter_id and st.kind != "cited"]
    if not mine:
        return None, None
    i = mine[-1]
    if against is not None:
        before = [st for st in dep.steps[:i] if st.letter_id == against] or [
            st for st in dep.steps if st.letter_id == against]
        return (before[-1] if before else None), dep.steps[i]
    return (dep.steps[i - 1] if i > 0 else None), dep.steps[i]


def _mission_value(all_deps: list[Deployment], dep: Deployment, letter_id: int, name: str,
                   changed_only: bool = False) -> str | None:
    """A date the letter sets for the mission as a whole ("het nationaal kader loopt tot ..."),
    for a unit whose own history has none (``changed_only``: only where that letter changed it)."""
    whole = next((d for d in all_deps if d.mission == dep.mission and d.unit is None), None)
    if whole is None or whole is dep:
        return None
    return next((getattr(st, name) for st in reversed(whole.steps) if st.letter_id == letter_id and getattr(st, name)
                 and not (changed_only and st.kind == "confirmed")), None)


def diff_letters(conn: Connection, letter_id: int, against: int | None = None,
                 deployments: list[Deployment] | None = None) -> LetterDiff:
    """The difference between a letter and the previous letter of its deployments (or ``against``).

    ``deployments`` are the registry's merged deployments when the caller holds them
    (the web app's snapshot); else they are merged here.

    Raises:
        StoreError: no such letter.
    """
    all_deps = load_deployments(conn) if deployments is None else deployments
    deps = [d for d in all_deps if any(st.letter_id == letter_id for st in d.steps)]
    befores = Counter(prev.letter_id for d in deps if (prev := _previous(d, letter_id, against)[0]) is not None
                      and prev.letter_id != letter_id)
    other_id = against if against is not None else (befores.most_common(1)[0][0] if befores else None)
    ids = [letter_id] + ([other_id] if other_id is not None else [])
    rows = letter_rows(conn, ids)
    if letter_id not in rows:
        raise StoreError(f"{letter_id}: no such letter in the registry")
    me, other = rows[letter_id], rows.get(other_id) if other_id is not None else None
    note = None
    if other is None:
        cited = Counter(r for c in me.facts.get("coverage_point", []) for r in c.get("refers_to") or [] if "-" in r[5:])
        extends = ", ".join(k for k, _ in cited.most_common(2))
        cites_old = any(st.kind == "cited" and st.letter_id == letter_id for d in deps for st in d.steps)
        note = "the registry has no earlier letter on these deployments" + (
            "; 'before' is the framework as this letter cites it" if cites_old else "") + (
            f" (it refers back to {extends})" if extends else "")
    out = LetterDiff(letter_id, me.kamerstuk, me.date, other_id, _label(other), note)
    for dep in deps:
        prev, step = _previous(dep, letter_id, against)
        if step is None:
            continue
        if prev is None and step.kind == "decided":
            # No earlier letter on this deployment: new in this letter, or only new to the registry.
            kind = "added" if other is not None and dep.mission in other.missions() else "first seen"
        else:
            kind = step.kind
        prev_row = rows.get(prev.letter_id) if prev is not None else None
        change = DeploymentChange(dep.key, kind, "as cited by this letter" if prev is not None and prev.kind == "cited"
                                  else _label(prev_row) or (_label(other) if kind == "added" else None))
        for name in ("start", "end", "personnel"):
            a = getattr(prev, name) if prev is not None else None
            b = getattr(step, name)
            if name != "personnel" and dep.substantive:
                if a is None and prev is not None:
                    a = _mission_value(all_deps, dep, prev.letter_id, name)
                if b is None and a is not None:
                    b = _mission_value(all_deps, dep, letter_id, name, changed_only=True) or a
            if a is None and b is None:
                continue
            c = stating(me, step.spans, b) if a != b else None
            cites = [c] if c else []
            change.changes.append(Change(name, a, b, cites))
        tasks_before, tasks_after = _activities(prev_row if prev is not None and prev.kind != "cited" else None, dep), _activities(me, dep)
        if tasks_before or tasks_after:
            change.changes.append(Change("tasks", tasks_before or None, tasks_after or None))
        places_before = _places(prev_row if prev is not None and prev.kind != "cited" else None, dep)
        places_after = _places(me, dep)
        if places_before or places_after:
            change.changes.append(Change("places", places_before or None, places_after or None))
        if dep.substantive or change.changes:
            out.deployments.append(change)
    if other is not None:
        mine = {d.key for d in deps}
        for dep in all_deps:
            if dep.key not in mine and any(st.letter_id == other.id for st in dep.steps) and dep.substantive:
                out.deployments.append(DeploymentChange(dep.key, "not mentioned", _label(other)))
    # What the letter changes first, then what is only new to the registry, then the rest.
    order = {"first seen": 1, "confirmed": 2, "not mentioned": 3}
    out.deployments.sort(key=lambda d: (order.get(d.kind, 0), d.deployment))
    out.letter_changes.append(Change("costs_eur", _costs(other), _costs(me),
                                     _cite(me, [sp for c in me.facts.get("cost", []) for sp in c["spans"]])))
    before_cov, after_cov = _coverage(other), _coverage(me)
    for point, (nl, _en) in POINT_LABELS.items():
        a, b = before_cov.get(point), after_cov.get(point)
        if other is not None and a != b:
            out.letter_changes.append(Change(f"coverage:{point}", a, b))
    return out
