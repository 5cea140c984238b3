"""The oversight checks (issue 9) as the letter page, the mission page and the API show them.

Thin views over ``artikel100.check``: the same calls the CLI makes
(``letter_coverage``, ``diff_letters``, ``monitoring``, ``coverage_summary``,
``check_task``), given what the snapshot already holds (the merged
deployments, each letter's missions) so that a page does not merge the
registry again. Every sentence a check cites becomes a link: in this letter
it marks the words in the text (``Marks``), in another letter it opens that
letter at the sentence.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from ..check import Citation, check_task, coverage_summary, diff_letters, letter_coverage, monitoring
from ..check.coverage import POINT_LABELS
from ..errors import InputError
from ..store import schema as s
from ..store.dates import parse_day
from .data import Snapshot

__all__ = ["OVERSIGHT_KINDS", "Marks", "letter_oversight", "mission_oversight", "task_form", "cite_json",
           "coverage_json", "diff_json", "summary_json", "task_json"]

# Kinds the oversight section shows; the fact list and the highlights leave them out
# (a coverage record's span is a whole section and would drown the facts).
OVERSIGHT_KINDS = frozenset({"coverage_point", "red_card_holder", "monitoring_visit", "observation", "follow_up",
                             "evaluation", "response", "motion", "debate", "task", "area"})


class Marks:
    """Spans of one letter that a link on its page marks, by mark id ("m1", "m2", ...)."""

    def __init__(self) -> None:
        self.spans: dict[str, list[tuple[int, int]]] = {}
        self._ids: dict[tuple[tuple[int, int], ...], str] = {}

    def add(self, spans: list[Any]) -> str | None:
        key = tuple((int(a), int(b)) for a, b in spans if int(a) < int(b))
        if not key:
            return None
        if key not in self._ids:
            self._ids[key] = f"m{len(self._ids) + 1}"
            self.spans[self._ids[key]] = list(key)
        return self._ids[key]


def _href(letter_id: int | None, span: tuple[int, int] | list[int] | None) -> str | None:
    if letter_id is None:
        return None
    if span:
        return f"/brieven/{letter_id}?markeer={int(span[0])}-{int(span[1])}#treffer"
    return f"/brieven/{letter_id}"


def cite_json(c: Citation, here: int | None = None, marks: Marks | None = None) -> dict[str, Any]:
    """A citation with the link that shows it: a mark on this page, or the sentence in another letter."""
    out = c.to_json()
    out["label"] = c.label
    out["url"] = _href(c.letter_id, c.span)
    out["mark"] = marks.add([c.span]) if marks is not None and c.span and c.letter_id == here else None
    return out


def _index(conn: Connection, snap: Snapshot) -> list[tuple[int, str | None, str | None, list[str]]]:
    """(id, kamerstuk, date, missions of its contributions) of every letter, once per snapshot (built with it)."""
    found = snap.coverage_index
    if found is None:
        per: dict[int, list[tuple[int, str]]] = {}
        q = (select(s.facts.c.letter_id, s.facts.c.mission, func.count())
             .where(s.facts.c.kind == "contribution", s.facts.c.mission.is_not(None))
             .group_by(s.facts.c.letter_id, s.facts.c.mission))
        for r in conn.execute(q):
            per.setdefault(r.letter_id, []).append((-r[2], r.mission))
        found = [(L.id, L.kamerstuk, L.date, [m for _n, m in sorted(per.get(L.id, []))]) for L in snap.letters.values()]
        snap.coverage_index = found
    return found


def coverage_json(cov: Any, marks: Marks | None = None) -> dict[str, Any]:
    """``LetterCoverage.to_json()`` with the url of every letter and sentence it names."""
    out = cov.to_json()
    out["url"] = _href(cov.letter_id, None)
    for p, src in zip(out["points"], cov.points):
        p["citations"] = [cite_json(c, cov.letter_id, marks) for c in src.citations]
        p["mark"] = marks.add([c.span for c in src.citations if c.span]) if marks is not None else None
        for r, ref in zip(p["refers_to"], src.refers_to):
            r["label"] = ref.label
            r["url"] = _href(ref.letter_id, None)
            r["citations"] = [cite_json(c) for c in ref.citations]
    return out


def diff_json(d: Any, marks: Marks | None = None) -> dict[str, Any]:
    out = d.to_json()
    out["url"] = _href(d.letter_id, None)
    out["against_url"] = _href(d.against_id, None)
    for dep, src in zip(out["deployments"], d.deployments):
        for c, ch in zip(dep["changes"], src.changes):
            c["citations"] = [cite_json(x, d.letter_id, marks) for x in ch.citations]
    for c, ch in zip(out["letter_changes"], d.letter_changes):
        c["citations"] = [cite_json(x, d.letter_id, marks) for x in ch.citations]
        if c["field"].startswith("coverage:"):
            c["point"] = c["field"].split(":", 1)[1]
            c["label"], c["label_en"] = POINT_LABELS.get(c["point"], (c["point"], c["point"]))
    return out


@dataclass
class LetterOversight:
    """What the letter page's oversight section shows (language-free data; the template words it)."""

    coverage: dict[str, Any]
    diff: dict[str, Any] | None
    red_cards: list[dict[str, Any]]
    tasks: list[dict[str, Any]]
    areas: list[dict[str, Any]]
    visits: list[dict[str, Any]]
    evaluations: list[dict[str, Any]]
    motions: list[dict[str, Any]]
    debates: list[dict[str, Any]]
    responses: list[dict[str, Any]] = field(default_factory=list)  # this letter reporting on earlier monitoring
    marks: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def _own(facts: dict[str, list[dict[str, Any]]], kind: str, marks: Marks, letter_id: int) -> list[dict[str, Any]]:
    """This letter's records of a kind, each with the mark and link of its words."""
    out = []
    for f in facts.get(kind, []):
        spans = f.get("spans") or []
        out.append({**f, "mark": marks.add(spans[:1]), "url": _href(letter_id, spans[0] if spans else None)})
    return out


def letter_oversight(conn: Connection, snap: Snapshot, letter_id: int,
                     facts: dict[str, list[dict[str, Any]]]) -> LetterOversight:
    """The oversight section of one letter's page (``facts``: ``letter_facts(...)["facts"]``); once per snapshot."""
    return snap.caches["letter_oversight"].get_or_build(
        letter_id, lambda: (_letter_oversight(conn, snap, letter_id, facts), True))


def _letter_oversight(conn: Connection, snap: Snapshot, letter_id: int,
                      facts: dict[str, list[dict[str, Any]]]) -> LetterOversight:
    marks = Marks()
    cov = letter_coverage(conn, letter_id, _index(conn, snap))
    coverage = coverage_json(cov, marks)
    diff = None
    if facts.get("contribution"):
        diff = diff_json(diff_letters(conn, letter_id, deployments=snap.deployments_for_diff(letter_id)), marks)
    visits: list[dict[str, Any]] = []
    evaluations: list[dict[str, Any]] = []
    if facts.get("monitoring_visit") or facts.get("evaluation"):
        mine = snap.missions_of_letter.get(letter_id, [])
        L = snap.letters.get(letter_id)
        later = {i for m in mine for i in snap.letters_of_mission.get(m, [])
                 if (snap.letters[i].date or "") > (L.date or "" if L else "")}
        m = monitoring(conn, snap.today, ids=sorted(later | {letter_id}))
        for v in m.visits:
            if v.letter_id == letter_id:
                visits.append(_visit_json(v, letter_id, marks))
        for e in m.evaluations:
            if e.letter_id == letter_id:
                evaluations.append(_evaluation_json(e, letter_id, marks))
    motions = _own(facts, "motion", marks, letter_id)
    for mo in motions:
        cited = snap.by_kamerstuk.get(mo.get("kamerstuk") or "")
        mo["cited_url"] = f"/brieven/{cited}" if cited and cited != letter_id else None
    out = LetterOversight(coverage, diff, _own(facts, "red_card_holder", marks, letter_id),
                          _distinct(_own(facts, "task", marks, letter_id), ("excluded", "activities", "unit", "mission")),
                          _distinct(_own(facts, "area", marks, letter_id), ("places", "base", "vicinity", "unit", "mission")),
                          visits, evaluations, motions, _own(facts, "debate", marks, letter_id))
    out.responses = _own(facts, "response", marks, letter_id)
    if diff is not None:
        _diff_letters_named(diff, facts, snap)
    out.marks = marks.spans
    return out


def _distinct(items: list[dict[str, Any]], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """One line per different statement (a letter repeats its tasks); the first sentence stating it is linked."""
    seen: dict[str, dict[str, Any]] = {}
    for it in items:
        seen.setdefault(json.dumps([it.get(k) for k in keys], sort_keys=True), it)
    return list(seen.values())


def _diff_letters_named(diff: dict[str, Any], facts: dict[str, list[dict[str, Any]]], snap: Snapshot) -> None:
    """The letters a diff names by label, as ids the page links; and what the letter refers back to."""
    import re
    from collections import Counter

    for dep in diff["deployments"]:
        label = dep.get("before_letter") or ""
        m = re.match(r"letter (\d+)", label)
        dep["before_id"] = int(m.group(1)) if m else snap.by_kamerstuk.get(label.split(" ")[0])
    diff["cites_old"] = any(d.get("before_letter") == "as cited by this letter" for d in diff["deployments"])
    cited = Counter(r for c in facts.get("coverage_point", []) for r in c.get("refers_to") or [] if "-" in r[5:])
    diff["extends"] = [k for k, _n in cited.most_common(2)] if diff.get("against_id") is None else []


def _proposals(props: list[Any]) -> list[dict[str, Any]]:
    return [{**p.to_json(), "url": _href(p.letter_id, p.citations[0].span if p.citations else None),
             "citations": [cite_json(c) for c in p.citations]} for p in props]


def _visit_json(v: Any, here: int, marks: Marks) -> dict[str, Any]:
    out = v.to_json()
    out["citation"] = cite_json(v.citation, here, marks)
    for o, src in zip(out["observations"], v.observations):
        o["citation"] = cite_json(src.citation, here, marks)
        o["answered_by"] = cite_json(src.answered_by) if src.answered_by else None
    for f, src in zip(out["follow_ups"], v.follow_ups):
        f["citation"] = cite_json(src["citation"], here, marks)
    out["proposals"] = _proposals(v.proposals)
    return out


def _evaluation_json(e: Any, here: int, marks: Marks) -> dict[str, Any]:
    out = e.to_json()
    out["citation"] = cite_json(e.citation, here, marks)
    out["proposals"] = _proposals(e.proposals)
    return out


def summary_json(summary: Any, snap: Snapshot, mission: str | None = None) -> dict[str, Any]:
    out = summary.to_json()
    out["mission"] = mission
    out["url"] = f"/missies/{mission}#toetsing" if mission else None
    out["points"] = [{"point": p, "label": nl, "label_en": en, **out["by_point"].get(p, {})}
                     for p, (nl, en) in POINT_LABELS.items()]
    for m, block in out["by_mission"].items():
        block["url"] = f"/missies/{m}#toetsing" if m in snap.mission_names else None
    return out


def mission_oversight(conn: Connection, snap: Snapshot, mission_id: str) -> dict[str, Any]:
    """The mission page's summary: how its letters cover the toetsingskader (once per snapshot)."""
    def build() -> tuple[dict[str, Any], bool]:
        ids = sorted(set(snap.letters_of_mission.get(mission_id, [])))
        summary = coverage_summary(conn, mission_id, ids=ids) if ids else None
        skipped = _skipped_by(conn, snap, mission_id, ids)
        return {"summary": summary_json(summary, snap, mission_id) if summary else None, "skipped_by": skipped}, True

    return snap.caches["mission_oversight"].get_or_build(mission_id, build)


def warm_missions(conn: Connection, snap: Snapshot) -> None:
    """Every mission's summary, computed while the snapshot is built (about 1 s per 10,000 letters).

    Each is a pass over all of the mission's letters; computed on the first
    visit, right after the server started or the registry changed, they made
    the first visitors of every mission page wait together.
    """
    from .caches import LIMITS

    busiest = sorted(snap.missions, key=lambda m: -len(snap.letters_of_mission.get(m.id, [])))
    for m in busiest[:LIMITS["mission_oversight"].size]:
        mission_oversight(conn, snap, m.id)


def _skipped_by(conn: Connection, snap: Snapshot, mission_id: str, ids: list[int]) -> dict[str, list[int]]:
    """Per point, the mission's letters that leave it out (newest first), for the summary's links."""
    from ..check.coverage import is_artikel100_letter

    out: dict[str, list[int]] = {}
    if not ids:
        return out
    texts = dict(conn.execute(select(s.letter_texts.c.letter_id, func.substr(s.letter_texts.c.text, 1, 2500))
                              .where(s.letter_texts.c.letter_id.in_(ids))).all())
    index = {i: ms for i, _k, _d, ms in _index(conn, snap)}
    rows = conn.execute(select(s.facts.c.letter_id, s.facts.c.data)
                        .where(s.facts.c.letter_id.in_(ids), s.facts.c.kind == "coverage_point"))
    for r in rows:
        if mission_id not in index.get(r.letter_id, []) or not is_artikel100_letter(texts.get(r.letter_id) or ""):
            continue
        c = json.loads(r.data)
        if c["status"] == "missing":
            out.setdefault(c["point"], []).append(r.letter_id)
    for point, lids in out.items():
        lids.sort(key=lambda i: (snap.letters[i].date or "", i), reverse=True)
    return out


TASK_FIELDS = ("datum", "eenheid", "plaats", "personeel", "taak")


def task_form(conn: Connection, mission_id: str, query: dict[str, str]) -> dict[str, Any]:
    """The Red Card form on the mission page: the values asked and, when a date is given, the answer."""
    values = {k: (query.get(k) or "").strip()[:200] for k in TASK_FIELDS}
    out: dict[str, Any] = {"values": values, "result": None, "error": None, "asked": bool(values["datum"])}
    if not values["datum"]:
        return out
    try:
        day = parse_day(values["datum"])
    except ValueError as exc:
        out["error"] = ("datum", str(exc))
        return out
    personnel = None
    if values["personeel"]:
        if not values["personeel"].isdigit() or int(values["personeel"]) > 1_000_000:
            out["error"] = ("personeel", values["personeel"])
            return out
        personnel = int(values["personeel"])
    try:
        result = check_task(conn, mission_id, day, unit=values["eenheid"] or None, place=values["plaats"] or None,
                            personnel=personnel, task=values["taak"] or None)
    except InputError as exc:
        out["error"] = ("input", str(exc))
        return out
    out["result"] = task_json(result)
    return out


def task_json(result: Any) -> dict[str, Any]:
    out = result.to_json()
    out["url"] = f"/missies/{result.mission}?" + _task_query(out) + "#rode-kaart"
    for p, src in zip(out["points"], result.points):
        p["citations"] = [cite_json(c) for c in src.citations]
    return out


def _task_query(out: dict[str, Any]) -> str:
    from urllib.parse import urlencode

    asked = {p["point"]: p["asked"] for p in out["points"]}
    q = {"datum": out["date"], "eenheid": out["unit"] or "", "plaats": asked.get("place") or "",
         "personeel": asked.get("personnel") if asked.get("personnel") is not None else "", "taak": out.get("task") or ""}
    return urlencode({k: v for k, v in q.items() if v != ""})

