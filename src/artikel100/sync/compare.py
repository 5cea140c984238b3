"""The publisher's metadata against what extraction read in the letter.

The Kamer's metadata (Kamerstuk number, date, chamber, the DocumentActors who
signed) is a second witness. Where both say something and they differ, the
difference is recorded as a disagreement and shown by ``sync --status``;
neither side is overwritten. Where extraction found nothing, the metadata
simply fills the gap (``letter_kamerstukken``) and nothing is reported.
"""

from __future__ import annotations

import re
from typing import Any

from ..store.search import fold

__all__ = ["Disagreement", "disagreements", "surname"]

Disagreement = dict[str, Any]  # {"field", "metadata", "extracted"}

_INITIALS = re.compile(r"^(?:[a-z]{1,3}\.)+$")
_PARTICLES = {"van", "de", "der", "den", "het", "ten", "ter", "te", "in", "t", "'t", "op"}


def surname(name: str) -> str:
    """The last name, folded, for comparing ``R.P. Brekelmans`` with ``Ruben Brekelmans``."""
    parts = [p for p in fold(name).replace(",", " ").split() if not _INITIALS.match(p)]
    parts = [p for p in parts if p not in _PARTICLES] or parts
    return parts[-1] if parts else ""


def _kamerstuk(value: str | None) -> str | None:
    if not value:
        return None
    m = re.fullmatch(r"\s*(\d[\d ]*\d)(?:-([A-Z]+))?\s*(?:,\s*(?:nr\.?\s*)?|-)\s*(\d+|[A-Z]{1,3})\s*", value)
    if not m:
        return value.replace(" ", "")
    return f"{m.group(1).replace(' ', '')}{'-' + m.group(2) if m.group(2) else ''}-{m.group(3)}"


def disagreements(meta: dict[str, Any], letter: dict[str, Any]) -> list[Disagreement]:
    """Where the metadata and the extracted ``LetterInfo`` (as JSON) both speak and differ.

    Args:
        meta: {"kamerstuk", "date", "chamber", "signatories": [{"name", "role"}]}.
        letter: ``Extraction.to_json()["letter"]``.
    """
    out: list[Disagreement] = []
    a, b = _kamerstuk(meta.get("kamerstuk")), _kamerstuk(letter.get("kamerstuk"))
    if a and b and a != b:
        out.append({"field": "kamerstuk", "metadata": a, "extracted": b})
    a, b = meta.get("date"), letter.get("date")
    if a and b and not (a.startswith(b) or b.startswith(a)):
        out.append({"field": "date", "metadata": a, "extracted": b})
    a, b = meta.get("chamber"), letter.get("addressee")
    if a and b and fold(a) != fold(b):
        out.append({"field": "chamber", "metadata": a, "extracted": b})
    named = {surname(s["name"]): s["name"] for s in meta.get("signatories") or [] if s.get("name")}
    found = {surname(s["name"]): s["name"] for s in letter.get("signatories") or [] if s.get("name")}
    named.pop("", None)
    found.pop("", None)
    if named and found and set(named) != set(found):
        out.append({
            "field": "signatories",
            "metadata": sorted(named[k] for k in set(named) - set(found)),
            "extracted": sorted(found[k] for k in set(found) - set(named)),
        })
    return out
