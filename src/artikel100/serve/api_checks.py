"""The JSON API of the oversight checks: coverage, diff, the Red Card check and the summary.

The same library calls as ``artikel100 check``, ``diff`` and ``check-task``
(through ``oversight``), each object with the ``url`` of its page, errors in
the API's one shape.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Connection, select

from ..check import check_task, coverage_summary, diff_letters, letter_coverage
from ..errors import InputError
from ..store import schema as s
from .api import _ERRORS, DATE, _day, _snap
from .errors import ApiError
from .oversight import _index, coverage_json, diff_json, summary_json, task_json

__all__ = ["router"]

router = APIRouter(prefix="/api", responses=_ERRORS, tags=["checks"])


def _exists(conn: Connection, letter_id: int, name: str = "letter") -> None:
    if conn.execute(select(s.letters.c.id).where(s.letters.c.id == letter_id)).first() is None:
        raise ApiError(404, f"{name} {letter_id}: no such letter in the registry")


@router.get("/letters/{letter_id}/check", summary="Toetsingskader coverage of one letter, point by point")
def api_letter_check(request: Request, letter_id: int = Path(..., ge=1, le=2**31 - 1)) -> JSONResponse:
    snap = _snap(request)
    with request.app.state.registry.engine.connect() as conn:
        _exists(conn, letter_id)
        out = coverage_json(letter_coverage(conn, letter_id, _index(conn, snap)))
    out["url"] = f"/brieven/{letter_id}#toetsingskader"
    return JSONResponse(out)


@router.get("/letters/{letter_id}/diff",
            summary="What changed against the previous letter of the same deployments (or against=ID)")
def api_letter_diff(request: Request, letter_id: int = Path(..., ge=1, le=2**31 - 1),
                    against: int | None = Query(None, ge=1, le=2**31 - 1,
                                                description="compare with this letter instead of the previous one")
                    ) -> JSONResponse:
    if against == letter_id:
        raise ApiError(422, "against: a letter is not compared with itself")
    snap = _snap(request)
    with request.app.state.registry.engine.connect() as conn:
        _exists(conn, letter_id)
        if against is not None:
            _exists(conn, against, "against: letter")
        out = diff_json(diff_letters(conn, letter_id, against, deployments=snap.deployments))
    out["url"] = f"/brieven/{letter_id}#wijzigingen"
    return JSONResponse(out)


@router.get("/check-task", summary="The Red Card check: is a task inside the national framework in force on a date?")
def api_check_task(request: Request, mission: str = Query(..., min_length=1, max_length=80, description="id or name: NMI"),
                   date: str = Query(..., pattern=DATE, description="the day of the task, YYYY-MM-DD"),
                   unit: str | None = Query(None, max_length=80, description="the deployment: force protection, ..."),
                   place: str | None = Query(None, max_length=120),
                   personnel: int | None = Query(None, ge=0, le=1_000_000),
                   task: str | None = Query(None, max_length=200, description="what is asked, in words")) -> JSONResponse:
    day = _day(date, "date")
    with request.app.state.registry.engine.connect() as conn:
        try:
            result = check_task(conn, mission, day, unit=unit or None, place=place or None, personnel=personnel,
                                task=task or None)
        except InputError as exc:
            missing_mission = "no Dutch deployment" in str(exc)
            raise ApiError(404 if missing_mission else 422, ("mission: " if missing_mission else "unit: ") + str(exc)) from exc
    return JSONResponse(task_json(result))


@router.get("/checks", summary="Toetsingskader coverage in summary: per point, per mission and per year")
def api_checks(request: Request, mission: str | None = Query(None, max_length=80),
               year: int | None = Query(None, ge=1800, le=2200)) -> JSONResponse:
    snap = _snap(request)
    if mission and mission not in snap.mission_names and mission not in snap.letters_of_mission:
        raise ApiError(404, f"{mission}: no such mission in the registry")

    def build() -> tuple[dict[str, Any], bool]:
        ids: list[int] | None = None
        if mission:
            ids = sorted(set(snap.letters_of_mission.get(mission, [])))
        if year:
            in_year = {i for i, L in snap.letters.items() if (L.date or "").startswith(str(year))}
            ids = sorted(in_year if ids is None else set(ids) & in_year)
        with request.app.state.registry.engine.connect() as conn:
            summary = coverage_summary(conn, mission, ids=ids) if ids != [] else None
        out: dict[str, Any] = summary_json(summary, snap, mission) if summary else {
            "letters": 0, "others": 0, "by_point": {}, "by_mission": {}, "by_year": {}, "points": [], "mission": mission}
        out["year"] = year
        out["url"] = f"/missies/{mission}#toetsing" if mission and mission in snap.mission_names else (
            f"/brieven?jaar={year}" if year else "/missies")
        for y, block in out["by_year"].items():
            block["url"] = f"/brieven?jaar={y}" if y.isdigit() else None
        return out, True

    return JSONResponse(snap.caches["checks"].get_or_build((mission, year), build))
