"""Security as middleware, in one place: headers (CSP), CSRF, the write token, body limits.

- Every response carries a Content-Security-Policy without ``unsafe-inline``:
  scripts and styles come from the package's own static files only.
- Writes need ``ARTIKEL100_TOKEN``. The API takes it in a header
  (``Authorization: Bearer`` or ``X-Artikel100-Token``) and never from a
  cookie, so a page on another site cannot make a browser write through it.
  Pages take it once on the sign-in form and keep an HMAC of it in an
  HttpOnly, SameSite=Strict cookie; every form POST also carries a CSRF
  token equal to the ``a100_csrf`` cookie (double submit). Comparisons are
  constant time (``hmac.compare_digest``).
- Request bodies are capped before they are read (uploads at
  ``Settings.max_upload``, everything else at 64 kB).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .settings import Settings

__all__ = [
    "CSP",
    "SecurityHeaders",
    "BodyLimit",
    "BodyTooLarge",
    "token_ok",
    "session_value",
    "signed_in",
    "csrf_token",
    "csrf_ok",
    "CSRF_COOKIE",
    "SESSION_COOKIE",
]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
CSRF_COOKIE = "a100_csrf"
SESSION_COOKIE = "a100_session"
_SMALL_BODY = 64 * 1024


class SecurityHeaders:
    """Adds CSP and the usual hardening headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                extra = {
                    b"content-security-policy": CSP.encode(),
                    b"x-content-type-options": b"nosniff",
                    b"referrer-policy": b"same-origin",
                    b"x-frame-options": b"DENY",
                    b"cross-origin-opener-policy": b"same-origin",
                    b"permissions-policy": b"camera=(), microphone=(), geolocation=()",
                }
                headers += [(k, v) for k, v in extra.items() if k not in names]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"the request body is larger than {limit // (1024 * 1024) or limit} "
                         f"{'MB' if limit >= 1024 * 1024 else 'bytes'}")


class BodyLimit:
    """Refuses bodies over the limit, by Content-Length at once and while streaming otherwise."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    def _limit(self, scope: Scope) -> int:
        path = scope.get("path", "")
        upload = path in ("/api/letters", "/uploaden") and scope.get("method") == "POST"
        return self.settings.max_upload + 64 * 1024 if upload else _SMALL_BODY

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope)
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await _too_large(scope, receive, send, limit)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited, send)


async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    from .errors import error_response

    request = Request(scope, receive)
    response = error_response(request, 413, "too_large", str(BodyTooLarge(limit)))
    await response(scope, receive, send)


def token_ok(settings: Settings, given: str | None) -> bool:
    """True when writes are on and ``given`` is the token (constant time)."""
    if not settings.token or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), settings.token.encode("utf-8"))


def session_value(settings: Settings) -> str:
    """The sign-in cookie's value: an HMAC of the token, never the token itself."""
    assert settings.token
    return hmac.new(settings.secret, b"session:" + settings.token.encode("utf-8"), hashlib.sha256).hexdigest()


def signed_in(request: Request, settings: Settings) -> bool:
    cookie = request.cookies.get(SESSION_COOKIE)
    if not settings.token or not cookie:
        return False
    return hmac.compare_digest(cookie.encode(), session_value(settings).encode())


def api_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-artikel100-token")


def csrf_token(request: Request) -> str:
    """The CSRF token of this browser (set as a cookie by the page that shows the form)."""
    value = request.cookies.get(CSRF_COOKIE)
    if value and len(value) == 43:
        return value
    if not hasattr(request.state, "new_csrf"):
        request.state.new_csrf = secrets.token_urlsafe(32)  # CsrfCookieMiddleware sets the cookie
    return request.state.new_csrf


def csrf_ok(request: Request, submitted: str | None) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted:
        return False
    return hmac.compare_digest(cookie.encode(), submitted.encode())
