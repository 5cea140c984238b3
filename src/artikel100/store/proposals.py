"""Rejecting a letter proposed as fulfilling a commitment (``queries.commitments`` proposes them)."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import Connection, delete, insert, select

from . import schema as s
from .queries import commitment_and_letter

__all__ = ["reject_proposal", "rejected_proposals"]


def reject_proposal(conn: Connection, commitment_id: int, proposed_letter: str) -> None:
    """Record that ``proposed_letter`` does not fulfil commitment ``commitment_id``.

    Raises:
        StoreError: no such commitment or letter.
    """
    letter_sha, text, proposed_sha = commitment_and_letter(conn, commitment_id, proposed_letter)
    values = {"letter_sha256": letter_sha, "commitment_text": text, "proposed_sha256": proposed_sha}
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
