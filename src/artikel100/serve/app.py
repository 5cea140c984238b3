"""The web application: FastAPI with Jinja2 pages and a JSON API over one registry.

``create_app(settings)`` wires the parts: security middleware (``security``),
the language of each request (``i18n``), the page routes (``pages``), the API
(``api``), feeds (``feeds``), static files shipped in the package, and one
error handler for pages and JSON (``errors``).
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
import jinja2
from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Receive, Scope, Send

from .. import __version__
from ..store import open_registry
from . import i18n
from .data import SnapshotCache
from .errors import install_error_handlers
from .jobs import Jobs
from .security import CSRF_COOKIE, BodyLimit, SecurityHeaders, TokenThrottle, csrf_token, signed_in
from .settings import Settings

__all__ = ["create_app", "STATIC_DIR", "TEMPLATE_DIR", "REQUEST_THREADS"]

# Requests answered at once per process (the rest wait their turn in the event loop). Python runs
# one thread at a time; anyio's default of 40 threads only added stacks, malloc arenas and database
# connections under a burst, memory each process then kept (issue 11).
REQUEST_THREADS = 8

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
TEMPLATE_DIR = HERE / "templates"

API_DESCRIPTION = """JSON over the artikel100 registry: letters with their facts and spans, missions,
deployments, deadlines, commitments and search, and the oversight checks (toetsingskader coverage,
what changed between letters, the Red Card check). Every object has the `url` of its web page.
Errors always have the shape `{"error": {"status", "code", "message"}}`.
Writes (uploading a letter) need the token: `Authorization: Bearer $ARTIKEL100_TOKEN`."""


class LanguageMiddleware:
    """Sets the request's language from ``?lang=`` or the ``lang`` cookie; remembers a switch."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        asked = request.query_params.get("lang")
        lang = i18n.pick_language(asked, request.cookies.get("lang"))
        i18n.use_language(lang)
        scope.setdefault("state", {})["lang"] = lang

        async def send_cookie(message):  # type: ignore[no-untyped-def]
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if asked in i18n.LANGUAGES:
                    headers.append((b"set-cookie", f"lang={lang}; Path=/; Max-Age=31536000; SameSite=Lax".encode()))
                headers.append((b"content-language", lang.encode()))
                headers.append((b"vary", b"Cookie"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_cookie)


class CsrfCookieMiddleware:
    """Sets the CSRF cookie when a page handed out a new CSRF token (pure ASGI: no per-request task)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_cookie(message):  # type: ignore[no-untyped-def]
            if message["type"] == "http.response.start":
                new = scope.get("state", {}).get("new_csrf")
                if new:
                    message["headers"] = list(message.get("headers", [])) + [
                        (b"set-cookie", f"{CSRF_COOKIE}={new}; HttpOnly; Path=/; SameSite=strict".encode())]
            await send(message)

        await self.app(scope, receive, send_cookie)


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=True,  # every template, whatever its name: letter text is untrusted
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(i18n.gettext, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(date=i18n.fmt_date, number=i18n.fmt_number, money=i18n.fmt_money)
    env.globals["days_left"] = _days_left
    env.globals["ui_lang"] = i18n.current  # for macros, which do not see the page context
    return Jinja2Templates(env=env)


def _days_left(end: str | None, today: Any) -> str:
    from ..store.dates import last_day

    day = last_day(end) if end else None
    return "–" if day is None else i18n.fmt_number((day - today).days)


def create_app(settings: Settings) -> FastAPI:
    """The ASGI application for ``settings``' registry."""
    registry = open_registry(settings.db)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # type: ignore[no-untyped-def]
        # Merge the registry, compile the templates and load the catalogues and CLDR data
        # before taking requests, so that no user waits for them (seconds on a large registry).
        _app.state.cache.get(settings.day())
        for name in templates.env.list_templates(extensions=["html"]):
            templates.env.get_template(name)
        i18n.warm_up()
        anyio.to_thread.current_default_thread_limiter().total_tokens = REQUEST_THREADS
        yield
        _app.state.jobs.close()
        registry.close()

    app = FastAPI(
        title="artikel100 API", version=__version__, description=API_DESCRIPTION,
        docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.registry = registry
    from .pages import prerender

    app.state.cache = SnapshotCache(registry, on_built=lambda snap: prerender(app, snap))
    app.state.throttle = TokenThrottle(registry)
    app.state.jobs = Jobs(registry, settings.files_dir(), on_stored=app.state.cache.invalidate)
    templates = _templates()
    app.state.templates = templates

    def context(request: Request) -> dict[str, Any]:
        lang = request.scope.get("state", {}).get("lang", i18n.DEFAULT_LANGUAGE)
        other = "en" if lang == "nl" else "nl"
        query = dict(request.query_params)
        query["lang"] = other
        from urllib.parse import urlencode

        return {
            # One leading slash: a request for "//host/x" must not make a link to another site.
            "lang": lang, "other_lang": other, "switch_url": "/" + request.url.path.lstrip("/\\") + "?" + urlencode(query),
            "version": __version__, "writable": bool(settings.token),
            "signed_in": signed_in(request, settings), "csrf": csrf_token(request),
            "today": settings.day(), "path": request.url.path, "demo": settings.demo,
        }

    templates.context_processors.append(context)

    from . import api, api_checks, feeds, pages

    app.include_router(api.router)
    app.include_router(api_checks.router)
    app.include_router(feeds.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    install_error_handlers(app)
    app.add_middleware(CsrfCookieMiddleware)
    app.add_middleware(LanguageMiddleware)
    app.add_middleware(BodyLimit, settings=settings)
    app.add_middleware(SecurityHeaders)

    return app
