"""The HTML pages: Overzicht, Brieven, Brief, Missies, Missie, Toezeggingen, Zoeken, Uploaden.

Each route asks ``data``/``store`` the same questions the CLI and the API ask
and hands the answers to a template; templates only format.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Form, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from ..store.queries import letter_facts, mark_done
from ..store.proposals import reject_proposal
from . import i18n
from .charts import gantt, personnel_chart
from .data import Snapshot, letter_layout, letter_list
from .errors import ApiError
from .highlight import KIND_ORDER, display_kind, paragraphs, repair_paragraphs
from .search_view import SEARCH_KINDS
from .jobs import UploadRejected
from .search_view import search_results
from .security import SESSION_COOKIE, csrf_ok, session_value, signed_in, token_attempt

__all__ = ["router", "letter_page_model", "prerender", "page_key"]

router = APIRouter(include_in_schema=False)
_ = i18n.gettext


def _year(value: str | None) -> int | None:
    """A form's year field: empty means all years (browsers send "" for an unchosen option)."""
    return int(value) if value and value.isdigit() else None


def _snap(request: Request) -> Snapshot:
    return request.app.state.cache.get(request.app.state.settings.day())


def _render(request: Request, name: str, **ctx: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, ctx)


def cached_page(request: Request, snap: Snapshot, build: Any) -> Response:
    """A page that depends only on the snapshot, the language and the URL, rendered once per snapshot.

    Signed-in pages carry a per-browser CSRF token, so they are never cached.
    """
    if signed_in(request, request.app.state.settings):
        return build()

    def render() -> tuple[Any, bool]:
        response = build()
        if response.status_code != 200:
            return response, False  # an error page is answered, not kept
        return (response.body, response.media_type), True

    # One build per page; requests for the same page wait for it, others go ahead (caches.Bounded).
    hit = snap.caches["pages"].get_or_build(page_key(request), render)
    if isinstance(hit, Response):
        return hit
    return Response(hit[0], media_type=hit[1])


def page_key(request: Request) -> tuple[str, str]:
    """A cached page's key: the language and the path with its query (pages name no host)."""
    query = request.url.query
    return i18n.current(), request.url.path + ("?" + query if query else "")


# Mission pages rendered with each new snapshot, the busiest first (about 70 ms each on 10,000 letters).
PRERENDER_MISSIONS = 40


def prerender(app: Any, snap: Snapshot) -> None:
    """Renders into a new snapshot's cache, before it answers anyone, the pages visited most.

    The overview, the mission list, the busiest missions' pages and the
    deadline feed, in the default language: right after a start or a change
    their first visitors otherwise all waited for the same builds together.
    """
    from starlette.requests import Request as StarletteRequest

    from .feeds import deadlines_ics_body

    def request_for(path: str) -> Request:
        return StarletteRequest({"type": "http", "method": "GET", "path": path, "raw_path": path.encode(),
                                 "query_string": b"", "headers": [], "scheme": "http", "root_path": "",
                                 "server": ("artikel100", 80), "client": None, "app": app,
                                 "state": {"lang": i18n.DEFAULT_LANGUAGE}})

    busiest = sorted(snap.missions, key=lambda m: -len(snap.letters_of_mission.get(m.id, [])))[:PRERENDER_MISSIONS]
    pages: list[tuple[str, Any]] = [("/", lambda r: _overview(r, snap)),
                                    ("/missies", lambda r: _render(r, "missions.html", snap=snap))]
    pages += [(f"/missies/{m.id}", lambda r, mid=m.id: _mission_page(r, snap, mid, {})) for m in busiest]
    before = i18n.current()
    i18n.use_language(i18n.DEFAULT_LANGUAGE)
    try:
        for path, build in pages:
            request = request_for(path)

            def render(build: Any = build, request: Request = request) -> tuple[Any, bool]:
                response = build(request)
                return (response.body, response.media_type), response.status_code == 200

            snap.caches["pages"].get_or_build(page_key(request), render)
        deadlines_ics_body(snap)
    finally:
        i18n.use_language(before)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> Response:
    snap = _snap(request)
    return cached_page(request, snap, lambda: _overview(request, snap))


def _overview(request: Request, snap: Snapshot) -> HTMLResponse:
    today = snap.today
    active = [(m, d) for m in snap.missions for d in m.active]
    active.sort(key=lambda md: (md[0].name.lower(), md[1].unit or ""))
    upcoming = [d for d in snap.deadlines if d.status in ("due", "overdue")][:12]
    charts = snap.charts
    if charts is None:
        charts = (gantt(snap.deployments, snap.mission_names, today), personnel_chart(snap.deployments, today))
    return _render(request, "overview.html", snap=snap, active=active, deadlines=upcoming,
                   newest=snap.newest_letters(8), gantt=charts[0], personnel=charts[1])


@router.get("/brieven", response_class=HTMLResponse)
def letters_page(request: Request, page: int = Query(1, ge=1, le=100000), missie: str | None = None,
                 jaar: str | None = Query(None, max_length=4), aan: str | None = None) -> HTMLResponse:
    snap = _snap(request)
    with request.app.state.registry.engine.connect() as conn:
        items, total = letter_list(conn, snap, page=page, mission=missie or None, year=_year(jaar), addressee=aan or None)
    return _render(request, "letters.html", snap=snap, items=items, total=total, page=page, per_page=25,
                   missie=missie or "", jaar=_year(jaar), aan=aan or "")


def _facts_for_display(data: dict[str, Any], snap: Snapshot) -> list[dict[str, Any]]:
    """Every fact with spans, in the side list's order, with what the template shows of it."""
    out = []
    for kind, items in data["facts"].items():
        for f in items:
            item = {"kind": kind, "display": display_kind(kind, f), "fact": f, "id": f["id"]}
            if kind == "reference":
                item["cited_id"] = snap.by_kamerstuk.get(f.get("kamerstuk") or "")
            out.append(item)
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    out.sort(key=lambda x: (rank.get(x["display"], 99), (x["fact"].get("spans") or [[10**9]])[0][0]))
    return out


def letter_page_model(conn: Any, snap: Snapshot, letter_id: int, *, view: str = "facts",
                      hit: tuple[int, int] | None = None, checks: bool = False) -> dict[str, Any]:
    """Everything the letter page (and the one-file report) shows of one letter (``checks``: and its oversight)."""
    from .oversight import OVERSIGHT_KINDS, letter_oversight

    data = letter_facts(conn, letter_id, snap.links)
    lay = letter_layout(conn, letter_id)
    text = lay["text"]
    oversight = letter_oversight(conn, snap, letter_id, data["facts"]) if checks else None
    data["facts"] = {k: v for k, v in data["facts"].items() if k not in OVERSIGHT_KINDS}
    facts_with_spans = {k: v for k, v in data["facts"].items() if k != "mission"}
    changes = None
    if view == "repair" and lay["source_text"] is not None:
        paras, changes = repair_paragraphs(text, lay["source_text"], lay["offsets"], lay["blocks"], lay["page_starts"])
    else:
        paras = paragraphs(text, facts_with_spans, blocks=lay["blocks"], footnotes=lay["footnotes"],
                           offsets=lay["offsets"], page_starts=lay["page_starts"], hit=hit,
                           marks=oversight.marks if oversight else None)
    pages = {p.page for p in paras if p.page}
    facts = _facts_for_display(data, snap)
    kinds = []
    for f in facts:
        if f["display"] not in kinds and f["kind"] != "mission":
            kinds.append(f["display"])
    return {
        "letter": data, "paragraphs": paras, "facts": [f for f in facts if f["kind"] != "mission"],
        "missions": data["facts"].get("mission", []), "kinds": kinds, "view": view,
        "changes": changes, "has_source": lay["source_text"] is not None, "many_pages": len(pages) > 1,
        "footnote_ids": {int(fn[0]) for fn in lay["footnotes"] if fn[3] is not None},
        "text_length": len(text), "checks": oversight,
    }


@router.get("/brieven/{letter_id}", response_class=HTMLResponse)
def letter_page(request: Request, letter_id: int = PathParam(..., ge=1, le=2**31 - 1), weergave: str = "feiten", markeer: str | None = None) -> HTMLResponse:
    snap = _snap(request)
    hit = None
    if markeer and re.fullmatch(r"\d{1,9}-\d{1,9}", markeer):
        a, b = (int(x) for x in markeer.split("-"))
        hit = (a, b) if a < b else None
    with request.app.state.registry.engine.connect() as conn:
        model = letter_page_model(conn, snap, letter_id, view="repair" if weergave == "herstel" else "facts", hit=hit,
                                  checks=True)
    return _render(request, "letter.html", snap=snap, **model)


def _original_path(request: Request, sha: str, recorded: str) -> Path | None:
    """The stored file with this hash: in the registry's files folder, else where it was ingested.

    The path never comes from the request: the request names a hash the
    registry recorded for this letter, and a file is only served when its
    bytes still have that hash.
    """
    candidates = [request.app.state.settings.files_dir() / sha]
    if recorded and not recorded.startswith("("):
        candidates.append(Path(recorded))
    for path in candidates:
        try:
            if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == sha:
                return path
        except OSError:
            continue
    return None


_MEDIA = {"pdf": "application/pdf", "text": "text/plain; charset=utf-8", "html": "text/plain; charset=utf-8",
          "xml": "text/plain; charset=utf-8", "image": "application/octet-stream",
          "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@router.get("/brieven/{letter_id}/origineel/{sha}")
def original(request: Request, letter_id: int = PathParam(..., ge=1, le=2**31 - 1),
             sha: str = PathParam(..., max_length=64)) -> Response:
    if not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise ApiError(404, f"{sha}: no such source file")
    with request.app.state.registry.engine.connect() as conn:
        data = letter_facts(conn, letter_id)
    src = next((x for x in data["sources"] if x["sha256"] == sha), None)
    if src is None:
        raise ApiError(404, f"letter {letter_id} has no source file {sha[:12]}")
    path = _original_path(request, sha, src["path"])
    if path is None:
        raise ApiError(404, f"{Path(src['path']).name}: the original file is no longer where it was read")
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(src["path"].removeprefix("(upload) ")).name) or sha[:12]
    # Served as an attachment, never rendered: an HTML original must not run in our origin.
    return FileResponse(path, media_type=_MEDIA.get(src["format"], "application/octet-stream"), filename=name,
                        content_disposition_type="attachment")


@router.get("/brieven/{letter_id}/rapport.html")
def report_download(request: Request, letter_id: int = PathParam(..., ge=1, le=2**31 - 1)) -> Response:
    from .report import render_report

    snap = _snap(request)
    with request.app.state.registry.engine.connect() as conn:
        html = render_report(conn, snap, letter_id, lang=i18n.current())
    name = f"brief-{letter_id}.html"
    return Response(html, media_type="text/html; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}"'})


@router.get("/missies", response_class=HTMLResponse)
def missions_page(request: Request) -> Response:
    snap = _snap(request)
    return cached_page(request, snap, lambda: _render(request, "missions.html", snap=snap))


def mission_model(conn: Any, snap: Snapshot, mission_id: str) -> dict[str, Any]:
    view = next((m for m in snap.missions if m.id == mission_id), None)
    if view is None:
        raise ApiError(404, f"{mission_id}: no such mission in the registry")
    from sqlalchemy import select

    from ..store import schema as s

    letter_ids = sorted(set(snap.letters_of_mission.get(mission_id, [])),
                        key=lambda i: (snap.letters[i].date or "", i))
    import json

    costs: list[dict[str, Any]] = []
    risks: list[dict[str, Any]] = []
    if letter_ids:
        for r in conn.execute(select(s.facts.c.id, s.facts.c.letter_id, s.facts.c.kind, s.facts.c.data)
                              .where(s.facts.c.letter_id.in_(letter_ids), s.facts.c.kind.in_(["cost", "risk"]))
                              .order_by(s.facts.c.letter_id, s.facts.c.ordinal)):
            item = {"id": r.id, "letter_id": r.letter_id, **json.loads(r.data)}
            (costs if r.kind == "cost" else risks).append(item)
    mine = set(letter_ids)
    commits = [c for c in snap.commitments if c.letter_id in mine]
    deps = [d for d in snap.deployments if d.mission == mission_id]
    cap = MISSION_LIST_CAP
    # The conflicts name letters; their cards show each letter's steps (a lookup, not a scan of the history).
    steps_by_letter: dict[str, dict[int, list[Any]]] = {}
    for d in deps:
        per = steps_by_letter.setdefault(d.key, {})
        for st in d.steps:
            per.setdefault(st.letter_id, []).append(st)
    return {"mission": view, "deployments": deps, "steps_by_letter": steps_by_letter, "letter_ids": letter_ids[-cap:][::-1], "letters_total": len(letter_ids),
            "costs": costs[-cap:], "costs_total": len(costs), "risks": risks[-cap:], "risks_total": len(risks),
            "commitments": commits[-cap:], "commitments_total": len(commits), "steps_cap": cap}


# A mission page lists the newest of each (a mission of hundreds of letters would make a page of megabytes).
MISSION_LIST_CAP = 30


@router.get("/missies/{mission_id}", response_class=HTMLResponse)
def mission_page(request: Request, mission_id: str = PathParam(..., max_length=80)) -> Response:
    from .oversight import TASK_FIELDS

    snap = _snap(request)
    asked = {k: request.query_params.get(k, "") for k in TASK_FIELDS}
    if any(asked.values()):  # a Red Card question: answered each time, not cached
        return _mission_page(request, snap, mission_id, asked)
    return cached_page(request, snap, lambda: _mission_page(request, snap, mission_id, asked))


def _mission_page(request: Request, snap: Snapshot, mission_id: str, asked: dict[str, str]) -> HTMLResponse:
    from .oversight import mission_oversight, task_form

    with request.app.state.registry.engine.connect() as conn:
        model = mission_model(conn, snap, mission_id)
        model["checks"] = mission_oversight(conn, snap, mission_id)
        model["task"] = task_form(conn, mission_id, asked)
    units = sorted({d.unit for d in model["deployments"] if d.unit and d.substantive})
    return _render(request, "mission.html", snap=snap, task_units=units, **model)


def filter_commitments(snap: Snapshot, status: str | None, mission: str | None, minister: str | None,
                       year: int | None) -> list[Any]:
    """The snapshot's commitments with this status (as shown: "due", "proposed"), mission, minister and year."""
    return snap.caches["commitment_filters"].get_or_build(
        (status, mission, minister, year), lambda: (_filter_commitments(snap, status, mission, minister, year), True))


def _filter_commitments(snap: Snapshot, status: str | None, mission: str | None, minister: str | None,
                        year: int | None) -> list[Any]:
    out = []
    for c in snap.commitments:
        L = snap.letters[c.letter_id]
        shown = "proposed" if c.status != "done" and c.proposed else c.status
        if c.status == "open" and c.due and c.due[:10] <= snap.today.isoformat()[: len(c.due)]:
            shown = "due"
        if status and status not in (c.status, shown):
            continue
        if mission and mission not in snap.missions_of_letter.get(c.letter_id, []):
            continue
        if minister and not any(minister.lower() in (r or "").lower() for r in L.signatories):
            continue
        if year and not (L.date or "").startswith(str(year)):
            continue
        out.append(c)
    return out


@router.get("/toezeggingen", response_class=HTMLResponse)
def commitments_page(request: Request, status: str | None = None, missie: str | None = None,
                     minister: str | None = None, jaar: str | None = Query(None, max_length=4),
                     gemarkeerd: str | None = Query(None, max_length=12),
                     page: int = Query(1, ge=1, le=100000)) -> Response:
    snap = _snap(request)
    return cached_page(request, snap, lambda: _commitments_page(request, snap, status, missie, minister, jaar,
                                                                gemarkeerd, page))


def _commitments_page(request: Request, snap: Snapshot, status: str | None, missie: str | None, minister: str | None,
                      jaar: str | None, gemarkeerd: str | None, page: int) -> HTMLResponse:
    items = filter_commitments(snap, status or None, missie or None, minister or None, _year(jaar))
    ministers = snap.ministers
    per_page = 100
    shown = items[(page - 1) * per_page: page * per_page]
    from urllib.parse import urlencode

    query = urlencode({k: v for k, v in (("status", status), ("missie", missie), ("minister", minister), ("jaar", jaar)) if v})
    return _render(request, "commitments.html", snap=snap, items=shown, total=len(items), page=page, per_page=per_page,
                   query=query, status=status or "", missie=missie or "", minister=minister or "", jaar=_year(jaar),
                   ministers=ministers, marked=gemarkeerd)


def _require_write(request: Request, csrf: str | None) -> None:
    settings = request.app.state.settings
    if not settings.token:
        raise ApiError(403, _("This server is read-only: start it with ARTIKEL100_TOKEN set to allow changes."))
    if not csrf_ok(request, csrf):
        raise ApiError(403, _("The form has expired or came from another site; reload the page and try again."), "csrf")
    if not signed_in(request, settings):
        raise ApiError(401, _("Sign in with the token first."))


@router.post("/toezeggingen/{commitment_id}/vervuld")
def commitment_done(request: Request, commitment_id: int = PathParam(..., ge=1, le=2**31 - 1), door: str = Form(..., max_length=80),
                    csrf: str | None = Form(None)) -> Response:
    _require_write(request, csrf)
    with request.app.state.registry.write() as conn:
        mark_done(conn, commitment_id, door)
    request.app.state.cache.invalidate()
    return RedirectResponse(f"/toezeggingen?gemarkeerd={commitment_id}#c-{commitment_id}", status_code=303)


@router.post("/toezeggingen/{commitment_id}/afwijzen")
def commitment_reject(request: Request, commitment_id: int = PathParam(..., ge=1, le=2**31 - 1), brief: str = Form(..., max_length=80),
                      csrf: str | None = Form(None)) -> Response:
    _require_write(request, csrf)
    with request.app.state.registry.write() as conn:
        reject_proposal(conn, commitment_id, brief)
    request.app.state.cache.invalidate()
    return RedirectResponse(f"/toezeggingen#c-{commitment_id}", status_code=303)


@router.get("/zoeken", response_class=HTMLResponse)
def search_page(request: Request, q: str = Query("", max_length=200), missie: str | None = None,
                jaar: str | None = Query(None, max_length=4), aan: str | None = None,
                soort: str | None = None) -> HTMLResponse:
    snap = _snap(request)
    hits = []
    if q.strip():
        with request.app.state.registry.engine.connect() as conn:
            hits = search_results(conn, snap, q, mission=missie or None, year=_year(jaar), addressee=aan or None,
                                  kind=soort or None)
    return _render(request, "search.html", snap=snap, q=q, hits=hits, missie=missie or "", jaar=_year(jaar),
                   aan=aan or "", soort=soort or "", kinds=SEARCH_KINDS)


@router.get("/aanmelden", response_class=HTMLResponse)
def sign_in_page(request: Request, verder: str = "/uploaden", fout: int = 0) -> HTMLResponse:
    return _render(request, "signin.html", next=_safe_next(verder), error=bool(fout))


def _safe_next(value: str) -> str:
    """Only a path on this site (no scheme, no host, no '//' or backslash tricks)."""
    return value if re.fullmatch(r"/[A-Za-z0-9/_\-?=&.#%]*", value or "") and not value.startswith("//") else "/"


@router.post("/aanmelden")
def sign_in(request: Request, token: str = Form(..., max_length=500), csrf: str | None = Form(None),
            verder: str = Form("/uploaden")) -> Response:
    settings = request.app.state.settings
    if not settings.token:
        raise ApiError(403, _("This server is read-only: start it with ARTIKEL100_TOKEN set to allow changes."))
    if not csrf_ok(request, csrf):
        raise ApiError(403, _("The form has expired or came from another site; reload the page and try again."), "csrf")
    if not token_attempt(request, token):
        return RedirectResponse(f"/aanmelden?fout=1&verder={_safe_next(verder)}", status_code=303)
    response = RedirectResponse(_safe_next(verder), status_code=303)
    response.set_cookie(SESSION_COOKIE, session_value(settings), httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")
    return response


@router.post("/afmelden")
def sign_out(request: Request, csrf: str | None = Form(None)) -> Response:
    if not csrf_ok(request, csrf):
        raise ApiError(403, _("The form has expired or came from another site; reload the page and try again."), "csrf")
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/uploaden", response_class=HTMLResponse)
def upload_page(request: Request) -> Response:
    settings = request.app.state.settings
    if settings.token and not signed_in(request, settings):
        return RedirectResponse("/aanmelden?verder=/uploaden", status_code=303)
    return _render(request, "upload.html", max_mb=settings.max_upload // (1024 * 1024), error=None)


@router.post("/uploaden")
async def upload(request: Request, file: UploadFile, csrf: str | None = Form(None)) -> Response:
    _require_write(request, csrf)
    settings = request.app.state.settings
    data = await file.read(settings.max_upload + 1)
    name = Path(file.filename or "upload").name[:120]
    if len(data) > settings.max_upload:
        raise ApiError(413, f"{name}: " + _("the file is larger than {mb} MB").format(mb=settings.max_upload // (1024 * 1024)))
    try:
        job = request.app.state.jobs.submit(data, name)
    except UploadRejected as exc:
        response = _render(request, "upload.html", max_mb=settings.max_upload // (1024 * 1024), error=str(exc))
        response.status_code = 400
        return response
    return RedirectResponse(f"/uploaden/{job.id}", status_code=303)


@router.get("/uploaden/{job_id}", response_class=HTMLResponse)
def upload_status(request: Request, job_id: str = PathParam(..., max_length=40)) -> Response:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise ApiError(404, f"{job_id}: no such upload")
    if job.state == "done":
        return RedirectResponse(f"/brieven/{job.letter_id}", status_code=303)
    return _render(request, "upload_status.html", job=job)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    return _render(request, "api_docs.html")


@router.get("/favicon.ico")
def favicon() -> Response:
    # No icon of our own (and no logo): answer so browsers stop asking.
    return Response(status_code=204)
