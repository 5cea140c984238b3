"""The JSON API: everything the pages show, each object with the ``url`` of its page.

Errors are one shape (``errors.error_body``). Writes take the token in a
header, never from a cookie (see ``security``).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Body, File, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..store.dates import parse_day, parse_period
from ..store.merge import Deployment
from ..store.queries import CommitmentView, Deadline, MissionView, letter_facts, mark_done
from .data import LetterMeta, Snapshot, letter_layout, letter_list
from .errors import ApiError
from .jobs import UploadRejected
from .search_view import result_json, search_results
from .security import api_token, token_attempt

__all__ = ["router"]


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class Page(BaseModel):
    items: list[dict[str, Any]]
    page: int
    per_page: int
    total: int
    next: str | None = None


class Items(BaseModel):
    items: list[dict[str, Any]]
    total: int


_ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorBody, "description": d}
    for s, d in ((400, "Bad input"), (401, "No or wrong token"), (403, "Writes are off"), (404, "Not found"),
                 (413, "Too large"), (422, "Invalid parameter"))
}

router = APIRouter(prefix="/api", responses=_ERRORS, tags=["registry"])

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _snap(request: Request) -> Snapshot:
    return request.app.state.cache.get(request.app.state.settings.day())


def _day(value: str, name: str) -> date:
    try:
        return parse_day(value)
    except ValueError as exc:
        raise ApiError(422, f"{name}: {exc}") from exc


def letter_json(L: LetterMeta) -> dict[str, Any]:
    return {"id": L.id, "date": L.date, "kamerstuk": L.kamerstuk, "title": L.title, "addressee": L.addressee,
            "url": f"/brieven/{L.id}", "api_url": f"/api/letters/{L.id}"}


def _deployment_parts(d: Deployment) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """What a deployment's JSON holds that no day changes: fields, steps, conflicts."""
    fields = {"key": d.key, "mission": d.mission, "unit": d.unit, "start": d.start, "end": d.end}
    return (fields, [{**asdict(st), "url": f"/brieven/{st.letter_id}"} for st in d.steps],
            [asdict(c) for c in d.conflicts])


def deployment_json(d: Deployment, today: date, steps: int = 0, snap: Snapshot | None = None) -> dict[str, Any]:
    """A deployment as the API shows it on ``today`` (``steps``: only the newest N; 0: all).

    With the ``snap`` it came from, the day-free parts are built once per snapshot
    (a deployment of hundreds of letters is thousands of objects to convert).
    """
    if snap is None:
        fields, all_steps, conflicts = _deployment_parts(d)
        window = d.window()
    else:
        fields, all_steps, conflicts = snap.caches["deployments_json"].get_or_build(
            (d.mission, d.unit), lambda: (_deployment_parts(d), True))
        window = snap.window(d)
    return {**fields, "active": window.active_on(today), "personnel_now": window.personnel_at(today),
            "steps_total": len(all_steps), "steps": all_steps[-steps:] if steps else all_steps,
            "conflicts": conflicts, "url": f"/missies/{d.mission}"}


def mission_json(m: MissionView, today: date, full: bool = False, steps: int = 0,
                 snap: Snapshot | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": m.id, "name": m.name, "personnel_now": m.personnel_now,
                           "framework_end": m.framework_end, "active": [d.key for d in m.active],
                           "deployments": len(m.deployments), "url": f"/missies/{m.id}",
                           "api_url": f"/api/missions/{m.id}"}
    if full:
        out["deployments"] = [deployment_json(d, today, steps, snap) for d in m.deployments]
    return out


def deadline_json(d: Deadline, today: date) -> dict[str, Any]:
    return {"day": d.day.isoformat(), "days_left": (d.day - today).days, "kind": d.kind, "what": d.what,
            "mission": d.mission, "letter_id": d.letter_id, "kamerstuk": d.kamerstuk, "status": d.status,
            "uid": d.uid, "url": f"/brieven/{d.letter_id}"}


def commitment_json(c: CommitmentView) -> dict[str, Any]:
    return {**asdict(c), "url": f"/toezeggingen#c-{c.id}", "letter_url": f"/brieven/{c.letter_id}"}


@router.get("/letters", response_model=Page, summary="Letters, newest first (paged, filterable)")
def api_letters(request: Request, page: int = Query(1, ge=1, le=100000), per_page: int = Query(25, ge=1, le=200),
                mission: str | None = Query(None, max_length=80), year: int | None = Query(None, ge=1800, le=2200),
                addressee: str | None = Query(None, max_length=80)) -> JSONResponse:
    snap = _snap(request)
    with request.app.state.registry.engine.connect() as conn:
        items, total = letter_list(conn, snap, page=page, per_page=per_page, mission=mission, year=year,
                                   addressee=addressee)
    more = page * per_page < total
    nxt = str(request.url.include_query_params(page=page + 1)) if more else None
    return JSONResponse({"items": [letter_json(L) for L in items], "page": page, "per_page": per_page, "total": total,
            "next": nxt})


@router.post("/letters", status_code=202, summary="Upload a letter (token); returns the job that reads it")
async def api_upload(request: Request, file: UploadFile = File(...)) -> JSONResponse:
    settings = request.app.state.settings
    if not settings.token:
        raise ApiError(403, "this server is read-only: start it with ARTIKEL100_TOKEN set to allow uploads")
    if not token_attempt(request, api_token(request)):
        raise ApiError(401, "a valid token is needed: Authorization: Bearer $ARTIKEL100_TOKEN")
    data = await file.read(settings.max_upload + 1)
    name = (file.filename or "upload").replace("\\", "/").rsplit("/", 1)[-1][:120] or "upload"
    if len(data) > settings.max_upload:
        raise ApiError(413, f"{name}: the file is larger than {settings.max_upload // (1024 * 1024)} MB")
    try:
        job = request.app.state.jobs.submit(data, name)
    except UploadRejected as exc:
        raise ApiError(415, str(exc)) from exc
    return JSONResponse({"job": job.as_json(), "url": f"/api/jobs/{job.id}"}, status_code=202,
                        headers={"location": f"/api/jobs/{job.id}"})


@router.get("/jobs/{job_id}", summary="An upload job: queued, running, done (with the letter) or failed")
def api_job(request: Request, job_id: str = Path(..., max_length=40)) -> JSONResponse:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise ApiError(404, f"{job_id}: no such upload job")
    return JSONResponse(job.as_json())


@router.get("/letters/{letter_id}", summary="One letter: metadata, text, facts with spans and quoted words")
def api_letter(request: Request, letter_id: int = Path(..., ge=1, le=2**31 - 1)) -> JSONResponse:
    snap = _snap(request)
    with request.app.state.registry.engine.connect() as conn:
        data = letter_facts(conn, letter_id, snap.links)
        lay = letter_layout(conn, letter_id)
    for ref in data["facts"].get("reference", []):
        cited = snap.by_kamerstuk.get(ref.get("kamerstuk") or "")
        ref["cited_url"] = f"/brieven/{cited}" if cited else None
    return JSONResponse({**data, "text": lay["text"], "footnotes": lay["footnotes"], "url": f"/brieven/{letter_id}",
            "report_url": f"/brieven/{letter_id}/rapport.html",
            "sources": [{**x, "url": f"/brieven/{letter_id}/origineel/{x['sha256']}"} for x in data["sources"]]})


@router.get("/missions", response_model=Items, summary="Missions with their active Dutch deployments")
def api_missions(request: Request) -> JSONResponse:
    snap = _snap(request)
    items = [mission_json(m, snap.today) for m in snap.missions]
    return JSONResponse({"items": items, "total": len(items)})


@router.get("/missions/{mission_id}", summary="One mission: each deployment's history, conflicts, letters")
def api_mission(request: Request, mission_id: str = Path(..., max_length=80),
                steps: int = Query(0, ge=0, le=100000, description="only the newest N steps of each history (0: all)")
                ) -> JSONResponse:
    snap = _snap(request)
    m = next((m for m in snap.missions if m.id == mission_id), None)
    if m is None:
        raise ApiError(404, f"{mission_id}: no such mission in the registry")
    out = mission_json(m, snap.today, full=True, steps=steps, snap=snap)
    out["letters"] = [letter_json(snap.letters[i]) for i in sorted(set(snap.letters_of_mission.get(m.id, [])))]
    return JSONResponse(out)


@router.get("/deployments", response_model=Items, summary="Deployments, or those deployed on a day (at=DATE)")
def api_deployments(request: Request, at: str | None = Query(None, pattern=DATE),
                    mission: str | None = Query(None, max_length=80),
                    steps: int = Query(10, ge=0, le=100000, description="the newest N steps of each history (0: all)")
                    ) -> JSONResponse:
    snap = _snap(request)
    day = _day(at, "at") if at else None
    deps = [d for d in snap.deployments if (mission is None or d.mission == mission)
            and (day is None or snap.window(d).active_on(day))]
    return JSONResponse({"items": [deployment_json(d, day or snap.today, steps, snap) for d in deps], "total": len(deps)})


@router.get("/deadlines", response_model=Items, summary="Framework ends and commitment due dates around today")
def api_deadlines(request: Request, within: str = Query("6m", pattern=r"^\d{1,3}[dwmy]$")) -> JSONResponse:
    from ..store.queries import deadlines

    try:
        parse_period(within)
    except ValueError as exc:
        raise ApiError(422, f"within: {exc}") from exc
    snap = _snap(request)
    if within == "6m":
        items = snap.deadlines
    else:
        try:
            with request.app.state.registry.engine.connect() as conn:
                items = deadlines(conn, snap.today, within)
        except (ValueError, OverflowError) as exc:  # a window reaching past year 1 or 9999
            raise ApiError(422, f"within: {within} reaches outside the calendar") from exc
    return JSONResponse({"items": [deadline_json(d, snap.today) for d in items], "total": len(items)})


@router.get("/commitments", response_model=Page, summary="Commitments by status, mission, minister, year (paged)")
def api_commitments(request: Request, page: int = Query(1, ge=1, le=100000), per_page: int = Query(100, ge=1, le=1000),
                    status: Literal["open", "due", "overdue", "done", "proposed"] | None = Query(None),
                    mission: str | None = Query(None, max_length=80), minister: str | None = Query(None, max_length=80),
                    year: int | None = Query(None, ge=1800, le=2200)) -> JSONResponse:
    from .pages import filter_commitments

    snap = _snap(request)
    items = filter_commitments(snap, status, mission, minister, year)
    shown = items[(page - 1) * per_page: page * per_page]
    nxt = str(request.url.include_query_params(page=page + 1)) if page * per_page < len(items) else None
    return JSONResponse({"items": [commitment_json(c) for c in shown], "page": page, "per_page": per_page, "total": len(items),
            "next": nxt})


class DoneBody(BaseModel):
    by: str = Field(..., min_length=1, max_length=80, description="the fulfilling letter: id, Kamerstuk or hash")


@router.post("/commitments/{commitment_id}/done", summary="Mark a commitment fulfilled by a letter (token)")
def api_commitment_done(request: Request, commitment_id: int = Path(..., ge=1, le=2**31 - 1), body: DoneBody = Body(...)) -> JSONResponse:
    settings = request.app.state.settings
    if not settings.token:
        raise ApiError(403, "this server is read-only: start it with ARTIKEL100_TOKEN set to allow changes")
    if not token_attempt(request, api_token(request)):
        raise ApiError(401, "a valid token is needed: Authorization: Bearer $ARTIKEL100_TOKEN")
    with request.app.state.registry.write() as conn:
        view = mark_done(conn, commitment_id, body.by)
    request.app.state.cache.invalidate()
    return JSONResponse(commitment_json(view))


@router.get("/search", response_model=Items, summary="Dutch full-text search with snippets")
def api_search(request: Request, q: str = Query(..., min_length=1, max_length=200),
               mission: str | None = Query(None, max_length=80), year: int | None = Query(None, ge=1800, le=2200),
               addressee: str | None = Query(None, max_length=80),
               kind: Literal["contribution", "cost", "reference", "commitment", "risk", "event"] | None = Query(None),
               limit: int = Query(20, ge=1, le=100)) -> JSONResponse:
    snap = _snap(request)
    with request.app.state.registry.engine.connect() as conn:
        hits = search_results(conn, snap, q, mission=mission, year=year, addressee=addressee, kind=kind, limit=limit)
    return JSONResponse({"items": [result_json(h) for h in hits], "total": len(hits)})
