"""The overview's charts as server-side SVG: a Gantt of national frameworks and personnel over time.

No chart script: the geometry is computed here and the template writes the
SVG (so the charts show without JavaScript and print). Each chart has a
table beside it with the same figures, for screen readers and for copying.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..store.dates import first_day, last_day
from ..store.merge import Deployment

__all__ = ["Bar", "Gantt", "gantt", "PersonnelChart", "personnel_chart"]

WIDTH = 900
LABEL_W = 170
ROW_H = 22


@dataclass
class Bar:
    x: float
    width: float
    y: float
    label: str
    mission: str
    start: date
    end: date | None  # None: no end known (drawn to today)
    active: bool


@dataclass
class Gantt:
    width: int
    height: int
    rows: list[tuple[str, str, float]]  # mission id, label, y
    bars: list[Bar]
    ticks: list[tuple[float, int]]  # x, year
    today_x: float | None
    lo: date | None = None
    hi: date | None = None


def _scale(lo: date, hi: date, width: float):  # type: ignore[no-untyped-def]
    span = max(1, (hi - lo).days)
    return lambda d: LABEL_W + (d - lo).days / span * (width - LABEL_W - 10)


def _ticks(lo: date, hi: date, x) -> list[tuple[float, int]]:  # type: ignore[no-untyped-def]
    years = list(range(lo.year + 1, hi.year + 1))
    step = max(1, len(years) // 12 + (1 if len(years) % 12 else 0)) if len(years) > 12 else 1
    return [(x(date(y, 1, 1)), y) for y in years if (y - lo.year) % step == 0]


def gantt(deployments: list[Deployment], names: dict[str, str], today: date) -> Gantt:
    """One row per mission, one bar per deployment from its start to its framework's end."""
    deps = [d for d in deployments if d.substantive and first_day(d.start)]
    if not deps:
        return Gantt(WIDTH, 0, [], [], [], None)
    lo = min(first_day(d.start) for d in deps)  # type: ignore[type-var]
    hi = max([last_day(d.end) or today for d in deps] + [today])
    lo, hi = date(lo.year, 1, 1), date(hi.year, 12, 31)  # type: ignore[union-attr]
    x = _scale(lo, hi, WIDTH)
    missions = sorted({d.mission for d in deps}, key=lambda m: min(first_day(d.start) for d in deps if d.mission == m))  # type: ignore[type-var,return-value]
    rows = [(m, names.get(m, m), 24 + i * ROW_H) for i, m in enumerate(missions)]
    y_of = {m: y for m, _label, y in rows}
    bars = []
    for d in deps:
        start = first_day(d.start)
        assert start is not None
        end = last_day(d.end)
        x0, x1 = x(start), x(max(start, end or today))
        bars.append(Bar(x0, max(3.0, x1 - x0), y_of[d.mission], d.unit or d.mission, d.mission, start, end,
                        d.active_on(today)))
    tx = x(today) if lo <= today <= hi else None
    return Gantt(WIDTH, 24 + len(rows) * ROW_H + 8, rows, bars, _ticks(lo, hi, x), tx, lo, hi)


@dataclass
class PersonnelChart:
    width: int
    height: int
    points: str  # SVG polyline points
    ticks: list[tuple[float, int]]
    y_ticks: list[tuple[float, int]]
    series: list[tuple[date, int]] = field(default_factory=list)
    peak: int = 0

    @property
    def table(self) -> list[tuple[date, int]]:
        """The series for the table beside the chart: every change, or one row a year when there are many."""
        if len(self.series) <= 60:
            return self.series
        seen: dict[int, tuple[date, int]] = {}
        for day, n in self.series:
            seen.setdefault(day.year, (day, n))
        return list(seen.values())


def personnel_chart(deployments: list[Deployment], today: date, height: int = 220) -> PersonnelChart:
    """Dutch personnel deployed, summed over deployments, at every date a letter changed it."""
    deps = [d for d in deployments if d.substantive and first_day(d.start)]
    days: set[date] = {today}
    for d in deps:
        for v in (first_day(d.start), last_day(d.end)):
            if v:
                days.add(v)
        for st in d.steps:
            v = first_day(st.letter_date)
            if v:
                days.add(v)
    if not deps:
        return PersonnelChart(WIDTH, 0, "", [], [])
    ordered = sorted(days)
    if len(ordered) > 400:  # thousands of letters: sample the first of each month instead of every change
        lo_d, hi_d = ordered[0], ordered[-1]
        ordered = [date(y, m, 1) for y in range(lo_d.year, hi_d.year + 1) for m in range(1, 13)
                   if lo_d <= date(y, m, 1) <= hi_d] + [hi_d]
    windows = [d.window() for d in deps]  # parsed once, asked about every day
    series = [(day, sum(w.personnel_at(day) or 0 for w in windows if w.active_on(day))) for day in ordered]
    lo, hi = date(ordered[0].year, 1, 1), date(ordered[-1].year, 12, 31)
    x = _scale(lo, hi, WIDTH)
    peak = max((n for _d, n in series), default=0) or 1
    top, bottom = 12, height - 28

    def y(n: int) -> float:
        return bottom - n / peak * (bottom - top)

    pts, prev = [], None
    for day, n in series:
        if prev is not None:
            pts.append(f"{x(day):.1f},{y(prev):.1f}")  # a step: the level holds until the change
        pts.append(f"{x(day):.1f},{y(n):.1f}")
        prev = n
    magnitude = 10 ** max(0, len(str(peak)) - 1)
    step = max(1, (peak // 4) // magnitude * magnitude or magnitude)
    y_ticks = [(y(v), v) for v in range(0, peak + 1, step)]
    return PersonnelChart(WIDTH, height, " ".join(pts), _ticks(lo, hi, x), y_ticks, series, peak)
