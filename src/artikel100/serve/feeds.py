"""Feeds to subscribe to: deadlines as iCalendar, new letters as Atom."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from feedgen.feed import FeedGenerator

from ..store.calendar import to_ics
from . import i18n

__all__ = ["router", "deadlines_ics_body"]

router = APIRouter(tags=["feeds"])


@router.get("/deadlines.ics", summary="Deadlines (framework ends, commitments due) as an iCalendar feed",
            response_class=Response, responses={200: {"content": {"text/calendar": {}}}})
def deadlines_ics(request: Request) -> Response:
    snap = request.app.state.cache.get(request.app.state.settings.day())
    return Response(deadlines_ics_body(snap), media_type="text/calendar; charset=utf-8",
                    headers={"content-disposition": 'inline; filename="deadlines.ics"'})


@router.get("/letters.atom", summary="The newest letters as an Atom feed",
            response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
def letters_atom(request: Request) -> Response:
    snap = request.app.state.cache.get(request.app.state.settings.day())
    base = str(request.base_url).rstrip("/")
    atom = snap.caches["pages"].get_or_build(("letters.atom", base, i18n.current()), lambda: (_atom(snap, base), True))
    return Response(atom, media_type="application/atom+xml; charset=utf-8")


def _atom(snap: Any, base: str) -> bytes:
    fg = FeedGenerator()
    fg.id(f"{base}/letters.atom")
    fg.title(i18n.gettext("artikel100: new letters"))
    fg.link(href=f"{base}/", rel="alternate")
    fg.link(href=f"{base}/letters.atom", rel="self")
    fg.language(i18n.current())
    newest = sorted(snap.letters.values(), key=lambda L: (L.ingested_at or datetime.min, L.id), reverse=True)[:50]
    fg.updated(_aware(newest[0].ingested_at) if newest else datetime.now(timezone.utc))
    for L in reversed(newest):
        e = fg.add_entry()
        e.id(f"{base}/brieven/{L.id}")
        e.title(" · ".join(x for x in (L.kamerstuk, i18n.fmt_date(L.date), L.title) if x and x != "–") or f"#{L.id}")
        e.link(href=f"{base}/brieven/{L.id}")
        e.updated(_aware(L.ingested_at))
        e.summary(", ".join(snap.mission_name(m) for m in snap.missions_of_letter.get(L.id, [])) or None)
    return fg.atom_str(pretty=True)


def deadlines_ics_body(snap: Any) -> bytes:
    """The snapshot's deadlines as iCalendar, built once per registry state (by one request while others wait)."""
    return snap.caches["pages"].get_or_build(("deadlines.ics",), lambda: (to_ics(snap.deadlines), True))


def _aware(value: datetime | None) -> datetime:
    if value is None:
        return datetime.now(timezone.utc)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
