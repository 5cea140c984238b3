"""Security as middleware, in one place: headers (CSP), CSRF, the write token, body limits.

- Every response carries a Content-Security-Policy without ``unsafe-inline``:
  scripts and styles come from the package's own static files only.
- Writes need ``ARTIKEL100_TOKEN``. The API takes it in a header
  (``Authorization: Bearer`` or ``X-Artikel100-Token``) and never from a
  cookie, so a page on another site cannot make a browser write through it.
  Pages take it once on the sign-in form and keep an HMAC of it in an
  HttpOnly, SameSite=Strict cookie; every form POST also carries a CSRF
  token. Before sign-in that token is the ``a100_csrf`` cookie (double
  submit); once signed in it is an HMAC of this browser's own session (each
  sign-in gets a fresh random session id), so a token planted or copied from
  another browser is refused. Comparisons are constant time
  (``hmac.compare_digest`` over fixed-length digests).
- Wrong tokens are throttled per client (``throttle.TokenThrottle``): after
  ``TokenThrottle.limit`` failures in ``TokenThrottle.window`` seconds every
  attempt from that client, right or wrong, gets 429 until the window passes.
  The count is kept in the registry, shared by every server process; behind a
  reverse proxy the client is the address the trusted proxies forwarded.
- Request bodies are capped before they are read (uploads at
  ``Settings.max_upload``, everything else at 64 kB).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .settings import Settings
from .throttle import Attempt, TokenThrottle, client_address

__all__ = [
    "CSP",
    "SecurityHeaders",
    "BodyLimit",
    "BodyTooLarge",
    "token_ok",
    "token_attempt",
    "TokenThrottle",
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
    """Adds CSP and the usual hardening headers to every HTTP response, errors included.

    A defect's exception is answered here (logged, then the one error shape
    with status 500 and no internals): Starlette's own last-resort handler
    sits outside every middleware, so its 500s would go out without the headers.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
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

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:
            if started:
                raise
            from .errors import error_response

            logging.getLogger("artikel100.serve").exception("%s %s failed", scope.get("method"), scope.get("path"))
            response = error_response(Request(scope), 500, "internal_error", f"internal error: {type(exc).__name__}")
            await response(scope, receive, send_with_headers)


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
        seen, exceeded = 0, False

        async def limited() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    exceeded = True
                    raise BodyTooLarge(limit)
            return message

        async def unless_exceeded(message: Message) -> None:
            # A route whose body stopped mid-way answers "cannot parse the body" (400); the answer is 413.
            if not exceeded:
                await send(message)

        try:
            await self.app(scope, limited, unless_exceeded)
        except Exception:
            if not exceeded:
                raise
        if exceeded:
            await _too_large(scope, receive, send, limit)


async def _too_large(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
    from .errors import error_response

    request = Request(scope, receive)
    response = error_response(request, 413, "too_large", str(BodyTooLarge(limit)))
    await response(scope, receive, send)


def _digest(value: str) -> bytes:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).digest()


def token_ok(settings: Settings, given: str | None) -> bool:
    """True when writes are on and ``given`` is the token.

    Both sides are hashed first, so the comparison takes the same time
    whatever the length and content of the guess.
    """
    if not settings.token or not given:
        return False
    return hmac.compare_digest(_digest(given), _digest(settings.token))


def token_attempt(request: Request, given: str | None) -> bool:
    """``token_ok`` for a request, throttled per client address across all server processes.

    Raises:
        ApiError: 429 while the client has too many recent failures (even
            when this guess is right: otherwise guessing would go on).
    """
    from .errors import ApiError

    settings: Settings = request.app.state.settings
    throttle: TokenThrottle = request.app.state.throttle
    client = client_address(request.client.host if request.client else None,
                            request.headers.getlist("x-forwarded-for"), settings.trusted_proxies)
    attempt = throttle.begin(client) if given else Attempt(wait=throttle.retry_after(client))
    if attempt.wait:
        raise ApiError(429, f"too many wrong tokens from this address; try again in {attempt.wait} s",
                       headers={"retry-after": str(attempt.wait)})
    if token_ok(settings, given):
        throttle.succeeded(attempt)
        return True
    return False


def session_value(settings: Settings) -> str:
    """A new sign-in cookie: a random session id and an HMAC of it with the token (never the token)."""
    assert settings.token
    sid = secrets.token_urlsafe(18)
    return f"{sid}.{_session_mac(settings, sid)}"


def _session_mac(settings: Settings, sid: str) -> str:
    assert settings.token
    return hmac.new(settings.secret, f"session:{sid}:".encode() + settings.token.encode("utf-8"),
                    hashlib.sha256).hexdigest()


def signed_in(request: Request, settings: Settings) -> bool:
    cookie = request.cookies.get(SESSION_COOKIE)
    if not settings.token or not cookie or "." not in cookie:
        return False
    sid, mac = cookie.split(".", 1)
    return hmac.compare_digest(mac.encode(), _session_mac(settings, sid).encode())


def api_token(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-artikel100-token")


def _session_csrf(request: Request) -> str:
    """The CSRF token of a signed-in browser: bound to its own session cookie."""
    settings = request.app.state.settings
    return hmac.new(settings.secret, b"csrf:" + request.cookies[SESSION_COOKIE].encode(), hashlib.sha256).hexdigest()


def csrf_token(request: Request) -> str:
    """The CSRF token for this browser's forms.

    Signed in: derived from the session. Otherwise: the ``a100_csrf`` cookie
    (set by CsrfCookieMiddleware when the page hands out a new one).
    """
    if signed_in(request, request.app.state.settings):
        return _session_csrf(request)
    value = request.cookies.get(CSRF_COOKIE)
    if value and len(value) == 43:
        return value
    if not hasattr(request.state, "new_csrf"):
        request.state.new_csrf = secrets.token_urlsafe(32)  # CsrfCookieMiddleware sets the cookie
    return request.state.new_csrf


def csrf_ok(request: Request, submitted: str | None) -> bool:
    if not submitted:
        return False
    if signed_in(request, request.app.state.settings):
        expected = _session_csrf(request)
    else:
        expected = request.cookies.get(CSRF_COOKIE) or ""
        if not expected:
            return False
    return hmac.compare_digest(_digest(expected), _digest(submitted))
