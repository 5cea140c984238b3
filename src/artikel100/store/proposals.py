"""Rejecting a letter proposed as fulfilling a commitment (``queries.commitments`` proposes them)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import Connection, delete, insert, select

from ..errors import StoreError
from . import schema as s
from .queries import resolve_letter

__all__ = ["reject_proposal", "rejected_proposals"]


def reject_proposal(conn: Connection, commitment_id: int, proposed_letter: str) -> None:
    """Record that ``proposed_letter`` does not fulfil commitment ``commitment_id``.

    Raises:
        StoreError: no such commitment or letter.
    """
    row = conn.execute(select(s.facts.c.letter_id, s.facts.c.data)
                       .where(s.facts.c.id == commitment_id, s.facts.c.kind == "commitment")).first()
    if row is None:
        raise StoreError(f"{commitment_id}: no such commitment in the registry")
    by_id = resolve_letter(conn, proposed_letter)
    sha = {r.id: r.text_sha256 for r in conn.execute(select(s.letters.c.id, s.letters.c.text_sha256)
                                                     .where(s.letters.c.id.in_([row.letter_id, by_id])))}
    text = json.loads(row.data)["text"]
    values = {"letter_sha256": sha[row.letter_id], "commitment_text": text, "proposed_sha256": sha[by_id]}
    conn.execute(delete(s.proposal_rejections).where(*[getattr(s.proposal_rejections.c, k) == v for k, v in values.items()]))
    conn.execute(insert(s.proposal_rejections).values(**values, rejected_at=datetime.now(timezone.utc)))


def rejected_proposals(conn: Connection) -> set[tuple[int, int]]:
    """(commitment fact id, proposed letter id) pairs a user rejected."""
    by_sha = {r.text_sha256: r.id for r in conn.execute(select(s.letters.c.id, s.letters.c.text_sha256))}
    rejected = {(r.letter_sha256, r.commitment_text, r.proposed_sha256) for r in conn.execute(select(s.proposal_rejections))}
    if not rejected:
        return set()
    out = set()
    for r in conn.execute(select(s.facts.c.id, s.facts.c.letter_id, s.facts.c.data).where(s.facts.c.kind == "commitment")):
        text = json.loads(r.data)["text"]
        for lsha, ctext, psha in rejected:
            if ctext == text and by_sha.get(lsha) == r.letter_id and psha in by_sha:
                out.add((r.id, by_sha[psha]))
    return out
