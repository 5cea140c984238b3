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

__all__ = ["find_signatories", "metadata_signatories", "split_names"]

# "De minister", also as OCR prints it ("De. minister")
# (or "de minister van Defensie," as some letters set it, at the start of a line)
_ROLE_START = re.compile(
    r"(?:\b(?:De|DE)|(?:^|(?<=\n))de)[.,]?\s+(?=(?:[Mm]inister|MINISTER|[Ss]taatssecretaris|STAATSSECRETARIS)\b)"
)
# Inside a signature block, a role set in lower case after the name before it, which repair
# joined to that name's line: "M.J.M. Verhagen de minister van Defensie,".
_LOWER_ROLE = re.compile(r"(?<=[a-z] )de\s+(?=(?:minister|staatssecretaris)(?:-president)?\s+(?:van|voor)\s+[^,.]{3,60},)")
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
    role = re.sub(r"^(?:De|DE|de)[.,]?\s+", "", role)
    if role.isupper():
        role = role.lower()
    return role[:1].lower() + role[1:]


def _segments(text: str, base: int) -> list[tuple[str, object]]:
    """A block as runs of roles and runs of other text (names, a wrapped role's end), in order.

    OCR can glue a whole two-column signature block into one paragraph:
    "De minister van A, De minister van B, Name A Name B De minister van C, ..."
    """
    starts = sorted({m.start() for m in _ROLE_START.finditer(text)} | {m.start() for m in _LOWER_ROLE.finditer(text)})
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
        names_at = _names_start(segment) if comma < 0 else None
        if comma >= 0:
            role_end = s + comma + 1
        elif names_at is not None:
            role_end = s + names_at  # "De minister van Defensie Dr B.R. Bot": no comma, the name follows
        else:
            role_end = s + len(segment.rstrip())
        role_text = text[s:role_end].rstrip()
        role = _Role(role_text, base + s, base + s + len(role_text), role_text.endswith(",") or names_at is not None)
        if out and out[-1][0] == "roles":
            out[-1][1].append(role)  # type: ignore[union-attr]
        else:
            out.append(("roles", [role]))
        pos = role_end
    if text[pos:].strip():
        lead = pos + len(text[pos:]) - len(text[pos:].lstrip())
        out.append(("text", (base + lead, base + len(text.rstrip()))))
    return out


_NAME_OPENER = re.compile(r"(?:(?:mr|dr|drs|ir|ing|prof)\.?\s+)?(?:[A-Z][a-z]?\.)+", re.IGNORECASE)


def _names_start(segment: str) -> int | None:
    """Where the names begin in a role printed without its comma: at initials, a title or a given name."""
    words = list(re.finditer(r"\S+", segment))
    # "De minister van Defensie": the portfolio takes at least the word after van/voor.
    for m in words[4:]:
        token = m.group()
        if _INITIALS.match(token) or re.fullmatch(r"(?i:mr|dr|drs|ir|ing|prof)\.?", token) or token in _first_names():
            rest = segment[m.start() :]
            if _NAME_OPENER.match(rest) or token in _first_names():
                return m.start()
    return None


def _is_sentence(text: str) -> bool:
    if len(_ROLE_START.findall(text)) >= 2:
        return False  # a signature block the OCR glued together
    if len(text) > 200 or len(text.split()) > 16:
        return True
    return text.endswith((".", ":", ";")) and len(_SENTENCE_WORD.findall(text)) >= 3


def _read_block(doc: CleanDocument, run: list[Block]) -> list[Signatory]:
    """Pair the roles and names of one signature block (a run of blocks)."""
    signatories: list[Signatory] = []
    pending: list[_Role] = []
    named = True
    for block in run:
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
                rest = _NAME_NOISE.sub(" ", wrapped.group(2)).strip(" .,")
                if not rest or any(not r.complete for r in pending):
                    continue  # (or only the margin's date after it: "Zaken, 22 februari 2008")
                start += wrapped.start(2)
            if pending:
                signatories += _pair(doc, pending, (start, end))
                pending, named = [], True
    return signatories


def _opens_block(doc: CleanDocument, block: Block) -> bool:
    """A signature block opens with a role ("De minister van Defensie,") and is no sentence."""
    text = doc.text[block.start : block.end]
    return bool(_ROLE_START.match(text)) and not _is_sentence(text)


def _early_blocks(doc: CleanDocument, body: list[Block], tail_start: int) -> list[list[Block]]:
    """Signature blocks printed before the end: under a cover note, before the letter's sections."""
    runs: list[list[Block]] = []
    i = 0
    while i < len(body) and body[i].start < tail_start:
        if not _opens_block(doc, body[i]):
            i += 1
            continue
        run = [body[i]]
        i += 1
        # the run goes on over role and name lines: short, no sentence, no section heading
        while i < len(body) and body[i].start < tail_start:
            text = doc.text[body[i].start : body[i].end]
            if _is_sentence(text) or not (_ROLE_START.match(text) or _is_name(text)):
                break
            run.append(body[i])
            i += 1
        runs.append(run)
    return runs


def _is_name(text: str) -> bool:
    """A line that can be a signatory's name: initials or capitalised words, no sentence."""
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= 12 or re.search(r"\d", text):
        return False
    # an initial OCR read in lower case ("M. j. M. Verhagen") is still an initial
    capitalised = [w for w in words if w[:1].isupper() or re.fullmatch(r"[a-z]\.", w) or w.casefold() in _PARTICLES or w in ("-", "–")]
    return len(capitalised) == len(words) and (any(_INITIALS.match(w) for w in words) or len(words) <= 6)


def _cut_off(doc: CleanDocument, signatory: Signatory) -> bool:
    """A name the excerpt's end cut through ("W.B. Ho" at the very end of the text)."""
    name_end = signatory.spans[-1][1] if signatory.spans else 0
    if doc.text[name_end:].strip():
        return False
    last = signatory.name.split()[-1] if signatory.name.split() else ""
    return len(last) < 3 and not last.endswith(".")


def find_signatories(doc: CleanDocument, blocks: list[Block]) -> tuple[list[Signatory], int]:
    """The signatories and the offset where the signature block at the letter's end starts.

    A signature block also counts where the letter prints it earlier, under a
    short cover note; a name the end of an excerpt cuts through is no signatory.
    """
    body = [b for b in blocks if b.kind not in ("footnote", "header", "title")]
    tail: list[Block] = []
    for block in reversed(body):
        if _is_sentence(doc.text[block.start : block.end]):
            break
        tail.insert(0, block)
    while tail and not _ROLE_START.search(doc.text[tail[0].start : tail[0].end]):
        tail.pop(0)  # "Hoogachtend," and the like open the block
    begin = tail[0].start if tail else (body[-1].end if body else 0)
    signatories: list[Signatory] = []
    for run in _early_blocks(doc, body, begin if tail else len(doc.text) + 1):
        signatories += [s for s in _read_block(doc, run) if _is_name(s.name)]
    signatories += _read_block(doc, tail)
    signatories = [s for s in signatories if not _cut_off(doc, s)]
    return signatories, begin


# Berthub's metadata: "Eerste ondertekenaar: K.H. Ollongren, minister van Defensie", and for a
# joint letter "- Mede ondertekenaar: ..." after it, on the same line or the next.
_METADATA_SIGNER = re.compile(
    r"(?:Eerste|Mede|Tweede)?\s?ondertekenaar:\s*(?P<name>[^,\n]{3,60}?),\s*"
    r"(?P<role>(?:minister|staatssecretaris|minister-president)\b[^,\n;]*?)\s*"
    r"(?=$|[,;\n]|\s*-\s*(?:Eerste|Mede|Tweede)?\s?ondertekenaar|\s-\s)",
    re.IGNORECASE,
)


def metadata_signatories(doc: CleanDocument, blocks: list[Block]) -> list[Signatory]:
    """Signatories a site's metadata names, with their roles as it prints them."""
    out: list[Signatory] = []
    for block in blocks:
        text = doc.text[block.start : block.end]
        for m in _METADATA_SIGNER.finditer(text):
            name = _clean_name(m.group("name"))
            if _is_name(name):
                spans = [(block.start + m.start("role"), block.start + m.end("role")), (block.start + m.start("name"), block.start + m.end("name"))]
                out.append(Signatory(name=name, role=_role_text(m.group("role")), spans=spans))
    return out


# What the margin column or the OCR leaves among names: a date, a stray lower-case
# word or a lone capital without the dot of an initial ("E Christophe van der Maat").
_NAME_NOISE = re.compile(
    r"\b\d{1,2}\s+[a-z]+\s+\d{4}\b"
    r"|(?:^|(?<=\s))(?:(?!(?:van|de|der|den|ter|ten|het|la|le|du|da|di|von|zu|op)\b)[a-z]{1,3}|[A-Z])(?=\s+[A-Z][a-z])"
)


# Titles printed before a name ("Dr B.R. Bot", "mr. F.H.G. de Grave"): not part of it.
_HONORIFIC = re.compile(r"(?:(?<=\s)|^)(?:mr|dr|drs|ir|ing|prof|ds)\.?\s+(?=(?:[A-Z]\.|[A-Z][a-z]))", re.IGNORECASE)
# Two names run together by the copy: "B.R. BotH. G. J. Kamp".
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z]\.)")


# OCR reads the J of initials as a bracket and drops the dot before it: "J.S). Hillen", "C.C}, Veldkamp".
_BRACKET_J = re.compile(r"(?<=\b[A-Z]\.[A-Z])[)}\]][.,]")


def _clean_name(text: str) -> str:
    text = _BRACKET_J.sub(".J.", text)
    text = _GLUED.sub(" ", text)
    return " ".join(_HONORIFIC.sub("", text).split())


def _pair(doc: CleanDocument, roles: list[_Role], names_span: tuple[int, int]) -> list[Signatory]:
    text = doc.text[names_span[0] : names_span[1]].strip().rstrip(".")
    text = _clean_name(_NAME_NOISE.sub(" ", text))
    out = []
    pos = names_span[0]
    for name, role in zip(split_names(text, len(roles)), roles):
        at = doc.text.find(name, pos, names_span[1])
        span = (at, at + len(name)) if at >= 0 else names_span
        pos = span[1]
        out.append(Signatory(name=name, role=_role_text(role.text), spans=[(role.start, role.end), span]))
    return out
