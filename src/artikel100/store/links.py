"""One letter under several Kamerstukken.

The cabinet often sends one letter to both chambers: the Tweede Kamer's copy
is Kamerstuk 29521-501, the Eerste Kamer's 29521-K, and the words are the
same but for the addressee. Both are stored (each is a source someone may
cite), but the copy is *linked* to the letter it repeats, so deployments and
commitments count the letter once and show both numbers. A letter superseded
by a newer version of the same published document is linked the same way.

``copies`` and ``kamerstukken`` are what ``merge`` and ``queries`` read;
``link`` and ``add_kamerstuk`` are what ``sync`` writes.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Connection, delete, insert, inspect, select, update

from . import schema as s
from .search import words

__all__ = ["OTHER_CHAMBER", "NEWER_VERSION", "copies", "kamerstukken", "link", "add_kamerstuk", "similarity"]

OTHER_CHAMBER = "other chamber"
NEWER_VERSION = "newer version"


def _has_links(conn: Connection) -> bool:
    # A registry opened without migrating (an older file, read-only) has no such table.
    return inspect(conn).has_table("letter_links")


def copies(conn: Connection) -> dict[int, int]:
    """Linked letters -> the letter they repeat (followed to the end of the chain)."""
    if not _has_links(conn):
        return {}
    direct = {r.letter_id: r.same_as for r in conn.execute(select(s.letter_links.c.letter_id, s.letter_links.c.same_as))}
    out = {}
    for letter_id, target in direct.items():
        seen = {letter_id}
        while target in direct and target not in seen:
            seen.add(target)
            target = direct[target]
        out[letter_id] = target
    return out


def kamerstukken(conn: Connection) -> dict[int, list[str]]:
    """Each letter's Kamerstukken, its copies' included, in a stable order."""
    if not _has_links(conn):
        return {}
    to = copies(conn)
    out: dict[int, list[str]] = {}
    rows = conn.execute(select(s.letter_kamerstukken.c.letter_id, s.letter_kamerstukken.c.kamerstuk)
                        .order_by(s.letter_kamerstukken.c.id))
    for r in rows:
        found = out.setdefault(to.get(r.letter_id, r.letter_id), [])
        if r.kamerstuk not in found:
            found.append(r.kamerstuk)
    return out


def link(conn: Connection, letter_id: int, same_as: int, reason: str) -> None:
    """Record that ``letter_id`` repeats ``same_as``; a link the other way is dropped first."""
    if letter_id == same_as:
        return
    conn.execute(delete(s.letter_links).where(s.letter_links.c.letter_id == same_as,
                                              s.letter_links.c.same_as == letter_id))
    # Letters that pointed at the copy now point at what it repeats.
    conn.execute(update(s.letter_links).where(s.letter_links.c.same_as == letter_id).values(same_as=same_as))
    conn.execute(delete(s.letter_links).where(s.letter_links.c.letter_id == letter_id))
    conn.execute(insert(s.letter_links).values(letter_id=letter_id, same_as=same_as, reason=reason,
                                               linked_at=datetime.now(timezone.utc)))


def add_kamerstuk(conn: Connection, letter_id: int, kamerstuk: str, chamber: str | None, source: str = "metadata") -> None:
    """Record that ``letter_id`` is published as ``kamerstuk`` (once)."""
    known = conn.execute(select(s.letter_kamerstukken.c.id).where(
        s.letter_kamerstukken.c.letter_id == letter_id, s.letter_kamerstukken.c.kamerstuk == kamerstuk)).first()
    if known is None:
        conn.execute(insert(s.letter_kamerstukken).values(letter_id=letter_id, kamerstuk=kamerstuk,
                                                          chamber=chamber, source=source))


def _shingles(text: str, n: int = 3) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(max(len(w) - n + 1, 1))}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' word trigrams (1.0: the same words)."""
    x, y = _shingles(a), _shingles(b)
    return len(x & y) / len(x | y) if x or y else 1.0
