"""Dutch words that several stages read: repair, structure and extraction alike."""

from __future__ import annotations

__all__ = ["MONTH_NAMES", "MONTH_NAMES_RE"]

#: The months, in order, as letters write them in full.
MONTH_NAMES: tuple[str, ...] = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
#: The month names as a regular-expression alternation (without a group).
MONTH_NAMES_RE = "|".join(MONTH_NAMES)
#: The label "Datum" of a letterhead, as OCR also reads it: its "m" as "rn", "rh" or "n".
DATUM_RE = r"Datu(?:m|rn|rh|n)"
