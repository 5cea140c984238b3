"""The write token's brute-force limit: which address is the client's, and how many guesses it had.

- The client is the peer of the connection, unless that peer is one of the
  trusted proxies (``Settings.trusted_proxies``, ``serve --forwarded-allow-ips``
  or ``$ARTIKEL100_TRUSTED_PROXIES``): then ``X-Forwarded-For`` is read from
  the right, past every trusted proxy, and the first address not among them is
  the client. A client cannot choose its address by sending the header itself:
  from an untrusted peer the header is ignored, and behind a trusted proxy the
  addresses the client wrote stand to the left of the one the proxy appended.
- Attempts are counted in the registry (table ``token_failures``), so all
  processes of ``serve --workers N`` share one count: N workers do not give N
  times the guesses. Each attempt is recorded before the token is compared,
  in the same transaction as the count, and removed again when the token was
  right, so guesses sent at once cannot slip past the limit together.
"""

from __future__ import annotations

import ipaddress
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, text

from ..store import Registry
from ..store import schema as s

__all__ = ["TokenThrottle", "Attempt", "client_address", "parse_trusted_proxies", "ENV_TRUSTED_PROXIES"]

ENV_TRUSTED_PROXIES = "ARTIKEL100_TRUSTED_PROXIES"

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_trusted_proxies(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Addresses and networks ("127.0.0.1", "10.0.0.0/8", "::1", or "*" for every peer), checked.

    Raises:
        ValueError: an entry is neither an address nor a network.
    """
    items = value.split(",") if isinstance(value, str) else list(value or ())
    out = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        if item != "*":
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"not an IP address or network: {item!r}") from None
        out.append(item)
    return tuple(out)


def _networks(trusted: tuple[str, ...]) -> tuple[bool, tuple[Network, ...]]:
    return "*" in trusted, tuple(ipaddress.ip_network(t, strict=False) for t in trusted if t != "*")


def _address(hop: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """One entry of X-Forwarded-For ("203.0.113.5", "203.0.113.5:4711", "[2001:db8::1]:443"), or None."""
    hop = hop.strip()
    if hop.startswith("[") and "]" in hop:
        hop = hop[1 : hop.index("]")]
    elif hop.count(":") == 1:
        hop = hop.split(":", 1)[0]
    try:
        return ipaddress.ip_address(hop)
    except ValueError:
        return None


def client_address(peer: str | None, forwarded_for: list[str], trusted: tuple[str, ...]) -> str:
    """The client's address: ``peer``, or what trusted proxies forwarded for it (see the module's docstring)."""
    if not peer:
        return "?"
    everyone, networks = _networks(trusted)
    if not trusted or not forwarded_for:
        return peer
    hops = [h for header in forwarded_for for h in header.split(",") if h.strip()]

    def is_trusted(addr: ipaddress.IPv4Address | ipaddress.IPv6Address | None) -> bool:
        return addr is not None and (everyone or any(addr in n for n in networks))

    current = _address(peer)
    if not is_trusted(current):
        return peer
    client = peer
    for hop in reversed(hops):
        addr = _address(hop)
        if addr is None:  # garbage in the header: the proxy that passed it on is what we know
            break
        client = str(addr)
        if not is_trusted(addr):
            break
    return client


@dataclass(frozen=True)
class Attempt:
    """One token attempt: refused for ``wait`` seconds, or recorded as row ``row_id``."""

    wait: int = 0
    row_id: int | None = None


class TokenThrottle:
    """Counts token attempts per client in the registry; a client over the limit is refused for a while.

    After ``limit`` wrong tokens within ``window`` seconds every attempt from
    that client, right or wrong, is refused until the oldest of them is
    ``window`` seconds old. The table holds at most the attempts of one window.
    """

    limit = 10
    window = 300.0

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def begin(self, client: str) -> Attempt:
        """Refuses ``client`` while it is over the limit; otherwise records this attempt (as a failure, for now)."""
        client = client[:64]
        now = time.time()
        with self.registry.write() as conn:
            if self.registry.dialect == "postgresql":  # SQLite's BEGIN IMMEDIATE already serialises writers
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": zlib.crc32(client.encode()) | 1 << 40})
            conn.execute(delete(s.token_failures).where(s.token_failures.c.at <= now - self.window))
            recent = conn.scalars(
                select(s.token_failures.c.at).where(s.token_failures.c.client == client)
                .order_by(s.token_failures.c.at.desc()).limit(self.limit)
            ).all()
            if len(recent) >= self.limit:
                return Attempt(wait=max(1, int(recent[-1] + self.window - now + 0.999)))
            row = conn.execute(insert(s.token_failures).values(client=client, at=now))
            return Attempt(row_id=row.inserted_primary_key[0])

    def succeeded(self, attempt: Attempt) -> None:
        """The token was right: the attempt does not count."""
        if attempt.row_id is not None:
            with self.registry.write() as conn:
                conn.execute(delete(s.token_failures).where(s.token_failures.c.id == attempt.row_id))

    def retry_after(self, client: str) -> int:
        """Seconds until ``client`` may try again (0: it may now); records nothing."""
        now = time.time()
        with self.registry.engine.connect() as conn:
            recent = conn.scalars(
                select(s.token_failures.c.at)
                .where(s.token_failures.c.client == client[:64], s.token_failures.c.at > now - self.window)
                .order_by(s.token_failures.c.at.desc()).limit(self.limit)
            ).all()
        return max(1, int(recent[-1] + self.window - now + 0.999)) if len(recent) >= self.limit else 0
