"""The signature block: each signing minister's name paired with the role above it.

Handles one signatory per block ("De minister van Defensie," / "Name"), two
columns read as one line ("De minister van Buitenlandse Zaken, De minister van
Defensie," / "Caspar Veldkamp Ruben Brekelmans"), a role that wraps in its
column ("De minister voor Buitenlandse Handel en De staatssecretaris van
Defensie," / "Ontwikkelingssamenwerking,") and roles and names on one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .facts import Signatory
from .model import Block, CleanDocument

__all__ = ["find_signatories", "split_names"]

# "De minister", also as OCR prints it ("De. minister")
_ROLE_START = re.compile(r"\b(?:De|DE)[.,]?\s+(?=(?:[Mm]inister|MINISTER|[Ss]taatssecretaris|STAATSSECRETARIS)\b)")
_ROLE_WORD = re.compile(r"^(?:[Mm]inister|MINISTER|[Ss]taatssecretaris|STAATSSECRETARIS)")
_PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "het", "'t", "in", "la", "le", "du"})
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.)+$")
_SENTENCE_WORD = re.compile(r"\b[a-zé]{4,}\b")
_WRAPPED_ROLE = re.compile(r"^([A-Z][^,.]{1,60}),\s*(.*)$")
# "De minister-president, minister van Algemene Zaken,": one role held by one person.
_SECOND_ROLE = re.compile(r"^\s*(?:minister|staatssecretaris)\s+(?:van|voor)\s+[^,]{3,60},")


@dataclass
class _Role:
    text: str
    start: int
    end: int
    complete: bool  # ended with its comma


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    path = Path(__file__).with_name("extract") / "data" / "first_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def split_names(line: str, count: int) -> list[str]:
    """Split a line holding ``count`` names printed side by side."""
    parts = [p for p in re.split(r"\s{2,}|\t", line.strip()) if p]
    if len(parts) == count or count == 1:
        return parts if len(parts) == count else [line.strip()]
    tokens = line.split()
    # Where a name may start: initials after a surname, or a capitalised token not after a particle.
    starts = []
    for i in range(1, len(tokens)):
        prev, tok = tokens[i - 1], tokens[i]
        if _INITIALS.match(tok):
            if not _INITIALS.match(prev):
                starts.append(i)
        elif tok[:1].isupper() and prev.casefold() not in _PARTICLES and not _INITIALS.match(prev) and not prev.endswith("-"):
            starts.append(i)
    if len(starts) < count - 1:
        return [line.strip()]
    initial_starts = [i for i in starts if _INITIALS.match(tokens[i])]
    if len(initial_starts) == count - 1:
        chosen = initial_starts
    else:
        # Prefer boundaries at given names, then an even split.
        names = _first_names()
        per = len(tokens) / count

        def cost(i: int, k: int) -> float:
            return abs(i - per * k) - (2.0 if tokens[i] in names else 0.0)

        chosen = sorted({min(starts, key=lambda i: cost(i, k)) for k in range(1, count)})
    bounds = [0, *chosen, len(tokens)]
    return [" ".join(tokens[a:b]) for a, b in zip(bounds, bounds[1:])]


def _role_text(role: str) -> str:
    role = " ".join(role.split()).rstrip(",").strip()
    role = re.sub(r"^(?:De|DE)[.,]?\s+", "", role)
    if role.isupper():
        role = role.lower()
    return role[:1].lower() + role[1:]


def _segments(text: str, base: int) -> list[tuple[str, object]]:
    """A block as runs of roles and runs of other text (names, a wrapped role's end), in order.

    OCR can glue a whole two-column signature block into one paragraph:
    "De minister van A, De minister van B, Name A Name B De minister van C, ..."
    """
    starts = [m.start() for m in _ROLE_START.finditer(text)]
    out: list[tuple[str, object]] = []
    pos = 0
    for i, s in enumerate(starts):
        if text[pos:s].strip():
            lead = pos + len(text[pos:s]) - len(text[pos:s].lstrip())
            out.append(("text", (base + lead, base + len(text[:s].rstrip()))))
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        segment = text[s:end]
        comma = segment.find(",")
        second = _SECOND_ROLE.match(segment[comma + 1 :]) if comma >= 0 else None
        if second:
            comma += 1 + second.end() - 1
        role_end = s + comma + 1 if comma >= 0 else s + len(segment.rstrip())
        role_text = text[s:role_end].rstrip()
        role = _Role(role_text, base + s, base + s + len(role_text), role_text.endswith(","))
        if out and out[-1][0] == "roles":
            out[-1][1].append(role)  # type: ignore[union-attr]
        else:
            out.append(("roles", [role]))
        pos = role_end
    if text[pos:].strip():
        lead = pos + len(text[pos:]) - len(text[pos:].lstrip())
        out.append(("text", (base + lead, base + len(text.rstrip()))))
    return out


def _is_sentence(text: str) -> bool:
    if len(_ROLE_START.findall(text)) >= 2:
        return False  # a signature block the OCR glued together
    if len(text) > 200 or len(text.split()) > 16:
        return True
    return text.endswith((".", ":", ";")) and len(_SENTENCE_WORD.findall(text)) >= 3


def find_signatories(doc: CleanDocument, blocks: list[Block]) -> tuple[list[Signatory], int]:
    """The signatories and the offset where the signature block starts."""
    body = [b for b in blocks if b.kind != "footnote"]
    tail: list[Block] = []
    for block in reversed(body):
        if _is_sentence(doc.text[block.start : block.end]):
            break
        tail.insert(0, block)
    while tail and not _ROLE_START.search(doc.text[tail[0].start : tail[0].end]):
        tail.pop(0)  # "Hoogachtend," and the like open the block
    signatories: list[Signatory] = []
    pending: list[_Role] = []
    named = True
    for block in tail:
        for kind, value in _segments(doc.text[block.start : block.end], block.start):
            if kind == "roles":
                pending = list(value) if named else pending + list(value)  # type: ignore[arg-type]
                named = False
                continue
            start, end = value  # type: ignore[misc]
            text = doc.text[start:end]
            open_roles = [r for r in pending if not r.complete]
            wrapped = _WRAPPED_ROLE.match(text)
            if open_roles and wrapped and not _INITIALS.match(text.split()[0]):
                # the rest of a role that wrapped in its column ("Zaken,"), maybe with names after it
                open_roles[0].text += " " + wrapped.group(1) + ","
                open_roles[0].complete = True
                if not wrapped.group(2).strip() or any(not r.complete for r in pending):
                    continue
                start += wrapped.start(2)
            if pending:
                signatories += _pair(doc, pending, (start, end))
                pending, named = [], True
    begin = tail[0].start if tail else (body[-1].end if body else 0)
    return signatories, begin


# What the margin column or the OCR leaves among names: a date, a stray lower-case
# word or a lone capital without the dot of an initial ("E Christophe van der Maat").
_NAME_NOISE = re.compile(
    r"\b\d{1,2}\s+[a-z]+\s+\d{4}\b"
    r"|(?:^|(?<=\s))(?:(?!(?:van|de|der|den|ter|ten|het|la|le|du|da|di|von|zu|op)\b)[a-z]{1,3}|[A-Z])(?=\s+[A-Z][a-z])"
)


def _pair(doc: CleanDocument, roles: list[_Role], names_span: tuple[int, int]) -> list[Signatory]:
    text = doc.text[names_span[0] : names_span[1]].strip().rstrip(".")
    text = " ".join(_NAME_NOISE.sub(" ", text).split())
    out = []
    pos = names_span[0]
    for name, role in zip(split_names(text, len(roles)), roles):
        at = doc.text.find(name, pos, names_span[1])
        span = (at, at + len(name)) if at >= 0 else names_span
        pos = span[1]
        out.append(Signatory(name=name, role=_role_text(role.text), spans=[(role.start, role.end), span]))
    return out
