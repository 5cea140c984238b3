"""The Red Card check: is a task inside the nationaal kader in force on its date?

``check_task`` answers point by point, as the Red Card Holder would ask:
period (is there a framework on that date), place (is the place inside the
area the letter states, by the gazetteer), personnel (against the stated
ceiling, "circa 145" read as a reader would), and the task itself (among the
tasks the letter gives, or ruled out by it: a combat task under a non-combat
framework). Each answer is "inside", "outside" or "cannot tell" and cites the
letter and the sentence that decide it. The overall answer is "outside" when
any point is, "cannot tell" when any point cannot be told, else "inside".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection

from ..errors import InputError
from ..extract.missions import lookup
from ..extract.tasks import activities_of
from ..extract.units import find_places, guess_places
from ..store.dates import first_day, last_day
from ..store.merge import Deployment, Step, load_deployments, unit_kind
from .common import Citation, letter_rows, sentence_around, stating
from ..gazetteer import gazetteer

__all__ = ["PointAnswer", "TaskCheck", "check_task", "personnel_allowance"]

INSIDE, OUTSIDE, UNKNOWN = "inside", "outside", "cannot tell"


@dataclass
class PointAnswer:
    point: str  # "period" | "place" | "personnel" | "task" | "unit"
    answer: str  # "inside" | "outside" | "cannot tell"
    reason: str  # one sentence in English; ``asked`` and ``framework`` for other languages
    asked: Any = None
    framework: Any = None
    citations: list[Citation] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"point": self.point, "answer": self.answer, "reason": self.reason, "asked": self.asked,
                "framework": self.framework, "citations": [c.to_json() for c in self.citations]}


@dataclass
class TaskCheck:
    mission: str
    unit: str | None  # the deployment's unit kind
    day: date
    deployment: str | None  # "NMI/force protection"
    answer: str
    points: list[PointAnswer]
    alternatives: list[str] = field(default_factory=list)  # other frameworks of the mission in force that day
    task: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"mission": self.mission, "unit": self.unit, "date": self.day.isoformat(), "deployment": self.deployment,
                "answer": self.answer, "task": self.task, "alternatives": self.alternatives,
                "points": [p.to_json() for p in self.points]}


def _overall(points: list[PointAnswer]) -> str:
    answers = {p.answer for p in points}
    return OUTSIDE if OUTSIDE in answers else UNKNOWN if UNKNOWN in answers or not points else INSIDE


class _Letters:
    """The letters of a deployment's history, read once."""

    def __init__(self, conn: Connection, ids: list[int]) -> None:
        self.rows = letter_rows(conn, sorted(set(ids)))

    def sentence(self, letter_id: int, span: list[int] | tuple[int, int]) -> Citation:
        row = self.rows[letter_id]
        a, b = sentence_around(row.text, int(span[0]), int(span[1]))
        return row.cite((a, b))


def _covers(step: Step, day: date, dep: Deployment) -> bool:
    # A framework the letter cites as ending has no known start: it ran before.
    # A first decision without a start runs from its letter's date.
    start = first_day(step.start) or (first_day(step.letter_date) if step is dep.steps[0] and step.kind != "cited" else None)
    end = last_day(step.end)
    if end is None:
        # "vanaf 1 januari 2024" with no end runs until the latest end a later letter gives
        later = dep.steps[dep.steps.index(step) + 1 :]
        end = max((d for st in later if (d := last_day(st.end))), default=None)
    return (start is None or start <= day) and (end is None or day <= end)


def _step_sentence(letters: _Letters, step: Step, value: str | int | None, words: re.Pattern[str] | None = None) -> Citation | None:
    """The sentence of a step that states ``value`` (a date or a number), else its first."""
    return stating(letters.rows[step.letter_id], step.spans, value, words)


def _period(dep: Deployment, day: date, letters: _Letters) -> tuple[PointAnswer, Step | None]:
    covering = [st for st in dep.steps if _covers(st, day, dep)]
    if covering:
        st = covering[-1]
        cite = _step_sentence(letters, st, st.end, re.compile(r"kader|verleng|periode|tot en met|loopt", re.IGNORECASE))
        span = (f"{st.start} to {st.end}" if st.start and st.end else f"until {st.end}" if st.end
                else f"from {st.start}, with no end stated" if st.start else "with no dates stated")
        how = "as the letter cites the framework it extends" if st.kind == "cited" else f"{st.kind} by this letter"
        return PointAnswer("period", INSIDE, f"{day} falls in the framework {span} ({how})",
                           day.isoformat(), {"start": st.start, "end": st.end}, [cite] if cite else []), st
    ends = [st for st in dep.steps if last_day(st.end) and last_day(st.end) < day]  # type: ignore[operator]
    if ends:
        st = max(ends, key=lambda s: last_day(s.end))  # type: ignore[arg-type,return-value]
        cite = _step_sentence(letters, st, st.end)
        return PointAnswer("period", OUTSIDE, f"the framework ended on {st.end}, before {day}; no later letter in the "
                           "registry extends it", day.isoformat(), {"start": st.start, "end": st.end}, [cite] if cite else []), None
    starts = [st for st in dep.steps if first_day(st.start) and first_day(st.start) > day]  # type: ignore[operator]
    if starts:
        st = starts[0]
        cite = _step_sentence(letters, st, st.start)
        return PointAnswer("period", OUTSIDE, f"the framework starts on {st.start}, after {day}", day.isoformat(),
                           {"start": st.start, "end": st.end}, [cite] if cite else []), None
    return PointAnswer("period", UNKNOWN, "the letters in the registry give this deployment no dates",
                       day.isoformat(), None), dep.current


_QUALIFIER = re.compile(
    r"(?P<q>circa|ca\.|ongeveer|zo'n|zo’n|rond(?:om)?|ruim|bijna|maximaal|ten hoogste|hooguit|niet meer dan|maximum van|tot|in totaal|totaal)"
    r"\s+(?:(?:\w+\s+){0,2})?$", re.IGNORECASE)


def personnel_allowance(ceiling: int, qualifier: str | None) -> tuple[int, int, str]:
    """How many people a stated number allows: (inside up to, outside beyond, how it was read).

    "maximaal 145" is a hard ceiling; "circa 145" allows what a reader would,
    about five per cent (at least 5 people) without question, and up to ten
    per cent is a matter of reading; a bare "145" counts as stated.
    """
    q = (qualifier or "").casefold()
    if q in ("maximaal", "ten hoogste", "hooguit", "niet meer dan", "maximum van", "tot"):
        return ceiling, ceiling, f"'{qualifier} {ceiling}' is a ceiling"
    if q in ("circa", "ca.", "ongeveer", "zo'n", "zo’n", "rond", "rondom", "ruim", "bijna"):
        soft = ceiling + max(5, int(ceiling * 0.05 + 0.5))
        hard = ceiling + max(10, int(ceiling * 0.10 + 0.5))
        return soft, hard, (f"'{qualifier} {ceiling}' is read as up to about {soft}; "
                            f"more than {hard} is beyond it")
    return ceiling, ceiling, f"the letter states {ceiling}"


def _personnel(asked: int, step: Step | None, letters: _Letters) -> PointAnswer:
    if step is None or step.personnel is None:
        return PointAnswer("personnel", UNKNOWN, "the letters in the registry state no number of personnel for this "
                           "framework", asked, None)
    cite = _step_sentence(letters, step, step.personnel)
    qualifier = None
    if cite is not None:
        m = re.search(rf"(?<![\d.]){step.personnel}(?![\d])", cite.quote.replace(".", ""))
        if m:
            q = _QUALIFIER.search(cite.quote.replace(".", "")[: m.start()])
            qualifier = q.group("q") if q else None
    soft, hard, how = personnel_allowance(step.personnel, qualifier)
    framework = {"personnel": step.personnel, "qualifier": qualifier, "allows": soft, "beyond": hard}
    if asked <= soft:
        answer, reason = INSIDE, f"{asked} is within the framework ({how})"
    elif asked > hard:
        answer, reason = OUTSIDE, f"{asked} is more than the framework allows ({how})"
    else:
        answer, reason = UNKNOWN, f"{asked} is above {step.personnel}; {how}, so it depends on how the letter is read"
    return PointAnswer("personnel", answer, reason, asked, framework, [cite] if cite else [])


def _letters_of(dep: Deployment, upto: Step | None) -> list[int]:
    """The deployment's letters up to the step in force, latest first."""
    steps = dep.steps if upto is None else dep.steps[: dep.steps.index(upto) + 1]
    return list(dict.fromkeys(st.letter_id for st in reversed(steps)))


def _matches(fact: dict[str, Any], dep: Deployment) -> bool:
    if fact.get("mission") and fact["mission"] != dep.mission:
        return False
    kind = unit_kind(fact.get("unit")) if fact.get("unit") else None
    return kind is None or dep.unit is None or kind == dep.unit


def _place(asked: str, dep: Deployment, ids: list[int], letters: _Letters) -> PointAnswer:
    g = gazetteer()
    for letter_id in ids:
        row = letters.rows[letter_id]
        areas = [a for a in row.facts.get("area", []) if _matches(a, dep) and (a.get("places") or a.get("base"))]
        if not areas:
            continue
        named = [(a, p) for a in areas for p in [*a.get("places", []), *([a["base"]] if a.get("base") else [])]]
        hint = next((r.country for _a, p in named if (r := g.resolve(p)) is not None and r.country), None)
        place = g.resolve(asked, hint)
        if place is None:
            return PointAnswer("place", UNKNOWN, f"the gazetteer does not know {asked}", asked,
                               _area_json(areas), [row.cite(a["spans"][0]) for a in areas[:1]])
        results = []
        for area, name in named:
            info = g.resolve(name, hint)
            if info is not None:
                result = g.inside(place, info, bool(area.get("vicinity")))
                part = (area.get("parts") or {}).get(name)
                if part and result.answer == INSIDE and _key_of(place) != _key_of(info):
                    # "in het zuiden van Kosovo": in Kosovo, but the gazetteer cannot say which part
                    result = type(result)(UNKNOWN, f"{result.reason}; whether in 'het {part} van {name}', as the "
                                                   "letter has it, the gazetteer cannot say", result.distance_km)
                results.append((result, area, name))
        if not results:
            continue
        # Outside only when outside even the widest area stated ("Bagdad en directe omgeving").
        results.sort(key=lambda r: not r[1].get("vicinity"))
        for wanted in (INSIDE, UNKNOWN, OUTSIDE):
            hit = next((r for r in results if r[0].answer == wanted), None)
            if hit:
                containment, area, _name = hit
                return PointAnswer("place", wanted, containment.reason, asked, _area_json(areas),
                                   [row.cite(area["spans"][0])])
    # No area stated: the places the letter gives the contribution.
    for letter_id in ids:
        row = letters.rows[letter_id]
        located = [c for c in row.facts.get("contribution", []) if c.get("location") and _matches(c, dep)]
        if located:
            place = g.resolve(asked)
            for c in located:
                info = g.resolve(c["location"])
                if place is not None and info is not None:
                    result = g.inside(place, info)
                    if result.answer != OUTSIDE:
                        return PointAnswer("place", result.answer, result.reason + " (the letter names no area, only "
                                           "where the unit is)", asked, [c["location"] for c in located],
                                           [letters.sentence(letter_id, c["spans"][0])])
            return PointAnswer("place", UNKNOWN, f"the letter names where the unit is ({', '.join(sorted({c['location'] for c in located}))}) "
                               f"but no area it may work in; {asked} is not among those places", asked,
                               [c["location"] for c in located], [letters.sentence(letter_id, located[0]["spans"][0])])
    return PointAnswer("place", UNKNOWN, "the letters in the registry state no area for this framework", asked, None)


def _key_of(place) -> str:  # noqa: ANN001 (gazetteer.PlaceInfo)
    return place.canonical.casefold()


def _area_json(areas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"places": a.get("places", []), "base": a.get("base"), "vicinity": bool(a.get("vicinity"))} for a in areas]


def _task(asked: str, dep: Deployment, ids: list[int], letters: _Letters) -> PointAnswer:
    kinds = activities_of(asked)
    given: dict[str, Citation] = {}
    excluded: list[Citation] = []
    for letter_id in ids:
        row = letters.rows[letter_id]
        for t in row.facts.get("task", []):
            if t.get("mission") not in (None, dep.mission):
                continue
            if t.get("excluded"):
                excluded.append(row.cite(t["spans"][0]))
            elif _matches(t, dep):
                for k in t.get("activities", []):
                    given.setdefault(k, row.cite(t["spans"][0]))
    framework = {"tasks": sorted(given), "non_combat": bool(excluded)}
    if not kinds:
        return PointAnswer("task", UNKNOWN, "the task's words name no kind of task the check knows", asked, framework,
                           list(given.values())[:2])
    if "combat" in kinds:
        if excluded:
            return PointAnswer("task", OUTSIDE, "a combat task, and the letter rules combat out for this deployment",
                               asked, framework, excluded[:2])
        if "combat" not in given:
            return PointAnswer("task", UNKNOWN, "a combat task; the letters in the registry neither give nor rule out "
                               "combat tasks for this deployment", asked, framework, list(given.values())[:2])
    inside = [k for k in kinds if k in given]
    other = [k for k in kinds if k not in given and k != "combat"]
    if inside and not other:
        return PointAnswer("task", INSIDE, f"{', '.join(inside)}: among the tasks the letter gives this deployment",
                           asked, framework, [given[k] for k in dict.fromkeys(inside)])
    if not given:
        return PointAnswer("task", UNKNOWN, "the letters in the registry describe no tasks for this deployment",
                           asked, framework)
    return PointAnswer("task", UNKNOWN, f"{', '.join(other)} is not among the tasks the letter gives this deployment "
                       f"({', '.join(sorted(given))}); whether it fits is for the Red Card Holder to judge",
                       asked, framework, [given[k] for k in inside] + list(given.values())[:1])


def _by_task(conn: Connection, deps: list[Deployment], task: str) -> list[Deployment]:
    """The deployments whose letters give a task of the kind asked (or name its unit)."""
    from ..extract.units import find_units

    hinted = {unit_kind(u.kind) for u in find_units(task)}
    kinds = set(activities_of(task)) - {"combat"}
    out = []
    for d in deps:
        if d.unit in hinted:
            out.append(d)
            continue
        rows = letter_rows(conn, [st.letter_id for st in d.steps], kinds=["task"], with_text=False)
        if any(kinds & set(t.get("activities", [])) for r in rows.values() for t in r.facts.get("task", [])
               if not t.get("excluded") and _matches(t, d) and t.get("unit")):
            out.append(d)
    return out


def _place_in_task(task: str) -> str | None:
    """A place named in the task's words ("escort ... to a meeting in Erbil")."""
    places = find_places(task) or guess_places(task)
    if places:
        return places[-1].name
    g = gazetteer()
    for m in re.finditer(r"\b(?:in|to|at|near|naar|bij|te|nabij)\s+(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})", task):
        if g.resolve(m.group("name")) is not None:
            return m.group("name")
    return None


def check_task(
    conn: Connection, mission: str, day: date, *, unit: str | None = None, place: str | None = None,
    personnel: int | None = None, task: str | None = None,
) -> TaskCheck:
    """Is the task inside the nationaal kader of ``mission`` in force on ``day``?

    Raises:
        InputError: the registry knows no such mission or no Dutch deployment on it.
    """
    mission_id = lookup(mission) or mission
    deps = [d for d in load_deployments(conn, mission_id) if d.substantive]
    if not deps:
        raise InputError(None, f"{mission}: the registry has no Dutch deployment on this mission")
    wanted = unit_kind(unit) if unit else None
    if wanted:
        deps = [d for d in deps if d.unit == wanted] or []
        if not deps:
            known = ", ".join(sorted(d.key for d in load_deployments(conn, mission_id) if d.substantive))
            raise InputError(None, f"{unit}: no such unit in the registry's deployments on {mission_id} ({known})")
    in_force = [d for d in deps if any(_covers(st, day, d) for st in d.steps)]
    if not wanted and task and len(in_force) > 1:
        in_force = _by_task(conn, in_force, task) or in_force
    pool = in_force or deps
    pool = sorted(pool, key=lambda d: (d.unit is None, -(d.current.personnel or 0), d.key))
    dep = pool[0]
    # "Het nationaal kader loopt tot en met 31 december 2024" often names no unit: the
    # mission's framework then holds for a unit whose own history has no dates.
    framework = dep
    if dep.unit is not None and not any(st.end for st in dep.steps):
        framework = next((d for d in load_deployments(conn, mission_id) if d.unit is None and
                          any(st.end for st in d.steps)), dep)
    letters = _Letters(conn, [st.letter_id for st in dep.steps + (framework.steps if framework is not dep else [])])
    period, step = _period(framework, day, letters)
    if framework is not dep:
        period.reason += f" (the framework the letter sets for {dep.mission} as a whole)"
        step = next((st for st in reversed(dep.steps) if step is None or st.letter_id == step.letter_id), None) if step else None
    points = [period]
    ids = _letters_of(dep, step)
    if place is None and task:
        place = _place_in_task(task)
    if place:
        points.append(_place(place, dep, ids, letters))
    named = _place_in_task(task) if task else None
    if named and place and gazetteer().resolve(named) != gazetteer().resolve(place):
        answer = _place(named, dep, ids, letters)  # "--place Bagdad --task '... in Erbil'": both count
        answer.reason = f"the task names {named}: {answer.reason}"
        points.append(answer)
    if personnel is not None:
        points.append(_personnel(personnel, step or dep.current, letters))
    if task:
        points.append(_task(task, dep, ids, letters))
    return TaskCheck(dep.mission, dep.unit, day, dep.key, _overall(points), points,
                     [d.key for d in in_force if d is not dep], task)
