"""Deadlines as an iCalendar file, for a calendar application.

Each deadline is an all-day event with a UID stable across runs, so
re-importing the file updates events instead of duplicating them.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from icalendar import Calendar, Event

from .queries import Deadline

__all__ = ["to_ics", "write_ics"]


def to_ics(items: list[Deadline]) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//artikel100//registry deadlines//NL")
    cal.add("version", "2.0")
    stamp = datetime.now(timezone.utc)
    for d in items:
        ev = Event()
        ev.add("uid", d.uid)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", d.day)
        ev.add("dtend", d.day + timedelta(days=1))
        label = "Kader loopt af" if d.kind == "framework" else "Toezegging"
        ev.add("summary", f"{label}: {d.what[:120]}")
        ev.add("description", f"{d.what}\nBrief: {d.kamerstuk or d.letter_id} (status {d.status})")
        ev.add("categories", [d.kind])
        cal.add_component(ev)
    return cal.to_ical()


def write_ics(items: list[Deadline], path: Path) -> None:
    path.write_bytes(to_ics(items))
