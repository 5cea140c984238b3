"""A polite HTTP client: one request at a time, a rate limit, retries that back off.

Every request the sync makes goes through ``PoliteClient.get``:

- requests start at least ``Politeness.delay`` seconds apart (one at a time:
  the client is synchronous and shares one connection);
- HTTP 429 and 5xx, timeouts, dropped connections and truncated bodies are
  retried with exponential backoff (``backoff``, doubling, capped at
  ``max_wait``), and a ``Retry-After`` header (seconds or an HTTP date) is
  waited out instead when the server sends one;
- a response whose body does not validate (a JSON page that does not parse)
  is retried like a server error, then reported;
- a clear ``User-Agent`` names artikel100 and, when given, a contact.

The clock and the sleep are injectable, so tests run the backoff in
milliseconds and can check the waits themselves.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt

from .errors import BadPayload, FetchError

__all__ = ["Politeness", "PoliteClient", "user_agent", "retry_after_seconds"]


@dataclass
class Politeness:
    """How hard the client may push a server.

    Attributes:
        delay: minimum seconds between the starts of two requests.
        timeout: seconds to connect, and to wait for each read.
        retries: attempts after the first for a failing request.
        backoff: the first wait after a failure; doubled on each retry.
        max_wait: the longest wait between two attempts.
        max_retry_after: a longer ``Retry-After`` than this gives up at once.
    """

    delay: float = 0.5
    timeout: float = 30.0
    retries: int = 5
    backoff: float = 1.0
    max_wait: float = 120.0
    max_retry_after: float = 900.0


def user_agent(contact: str | None = None) -> str:
    from .. import __version__

    base = f"artikel100-sync/{__version__} (artikel 100-brieven registry; one request at a time; python-httpx)"
    return f"{base} contact: {contact}" if contact else base


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds to wait: delta-seconds or an HTTP date; None when absent or unparsable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class _Retryable(Exception):
    """A failure worth another attempt; ``wait`` is the server's Retry-After, if any."""

    def __init__(self, message: str, wait: float | None = None) -> None:
        super().__init__(message)
        self.wait = wait


@dataclass
class Response:
    """A response read to the end."""

    url: str
    status: int
    headers: httpx.Headers
    content: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


@dataclass
class PoliteClient:
    """Synchronous GETs under ``Politeness``.

    Attributes:
        politeness: the limits.
        contact: appended to the User-Agent (an e-mail address or URL).
        transport: an httpx transport (tests may pass one; normally None).
        sleep / clock: injectable for tests.
        requests: the number of HTTP requests sent, retries included.
    """

    politeness: Politeness = field(default_factory=Politeness)
    contact: str | None = None
    transport: httpx.BaseTransport | None = None
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    requests: int = 0
    waits: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        p = self.politeness
        self._http = httpx.Client(
            headers={"User-Agent": user_agent(self.contact)},
            timeout=httpx.Timeout(p.timeout),
            follow_redirects=True,
            transport=self.transport,
        )
        self._last_start: float | None = None

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _pace(self) -> None:
        if self._last_start is not None:
            gap = self.politeness.delay - (self.clock() - self._last_start)
            if gap > 0:
                self.sleep(gap)
        self._last_start = self.clock()

    def _once(self, url: str, headers: dict[str, str], validate: Callable[[Response], None] | None) -> Response:
        self._pace()
        self.requests += 1
        try:
            with self._http.stream("GET", url, headers=headers) as r:
                content = r.read()
                expected = r.headers.get("Content-Length")
                if expected and expected.isdigit() and "Content-Encoding" not in r.headers \
                        and r.num_bytes_downloaded < int(expected):
                    raise _Retryable(f"{url}: the download stopped after {r.num_bytes_downloaded} of {expected} bytes")
                response = Response(str(r.url), r.status_code, r.headers, content)
        except httpx.TimeoutException as exc:
            raise _Retryable(f"{url}: timed out ({type(exc).__name__})") from exc
        except (httpx.TransportError, httpx.DecodingError) as exc:
            raise _Retryable(f"{url}: {_first_line(exc) or type(exc).__name__}") from exc
        if response.status == 429 or response.status >= 500:
            wait = retry_after_seconds(response.header("Retry-After"))
            if wait is not None and wait > self.politeness.max_retry_after:
                raise FetchError(f"{url}: HTTP {response.status}, the server asks to wait {wait:.0f} s; try again later")
            raise _Retryable(f"{url}: HTTP {response.status}", wait)
        if validate is not None and 200 <= response.status < 300:
            try:
                validate(response)
            except BadPayload as exc:
                raise _Retryable(f"{url}: {exc}") from exc
        return response

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        p = self.politeness
        backoff = min(p.max_wait, p.backoff * (2 ** (state.attempt_number - 1)))
        wait = getattr(exc, "wait", None)
        chosen = max(wait, 0.0) if wait is not None else backoff
        self.waits.append(chosen)
        return chosen

    def get(
        self, url: str, headers: dict[str, str] | None = None, *, validate: Callable[[Response], None] | None = None
    ) -> Response:
        """GET ``url`` and read the body, retrying what is worth retrying.

        Returns:
            The response (any status below 500 but 429; 304 for a conditional hit).

        Raises:
            FetchError: every attempt failed; the message names the URL and the last problem.
        """
        retrying = Retrying(
            stop=stop_after_attempt(self.politeness.retries + 1),
            wait=self._wait,
            retry=retry_if_exception_type(_Retryable),
            sleep=self.sleep,
            reraise=True,
        )
        try:
            return retrying(self._once, url, dict(headers or {}), validate)
        except _Retryable as exc:
            attempts = self.politeness.retries + 1
            raise FetchError(f"{exc} (gave up after {attempts} attempts)") from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else ""
