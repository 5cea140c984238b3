"""Parse a hand-written test letter (``NN_slug.clean.txt`` + ``.meta.json``).

The clean text follows shared/eval/CONTRACT.md: paragraphs (one line each)
separated by one blank line, headings on their own line, the signature block,
then each footnote as its own paragraph ``N text``. The meta file says where the
footnote markers go and which Kamerstuk headers the printed letter carries.

A meta file with ``"excerpt": true`` marks the opening of a published page
(a web copy that stops where the page's excerpt stops, mid-sentence allowed):
it needs no signature block.

This module only recovers the structure the renderer needs; it is test tooling,
not part of the artikel100 package, so it may rely on the conventions of our
own hand-written letters.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

__all__ = ["Block", "Footnote", "SignatureRow", "Letter", "parse_letter", "split_names"]

BlockKind = Literal["title", "addressee", "date", "heading", "paragraph", "table_head", "table_row"]

# "de minister van Defensie," as rijksoverheid.nl prints it, too.
_ROLE = re.compile(r"^[Dd]e (?:[Mm]inister|[Ss]taatssecretaris)\b.*,$")
_FOOTNOTE = re.compile(r"^(\d{1,3}) (\S.*)$")
_TABLE_HEAD = re.compile(r"^Eenheid\b.*\baantal$", re.IGNORECASE)
_TABLE_ROW = re.compile(r"^(\S.{0,70}?) (\d[\d.]*)$")
# Lower-case name particles never start a new name ("Eimert van Middelkoop").
_PARTICLES = {"van", "de", "der", "den", "ter", "ten", "te", "het", "la", "le", "du", "d'", "in", "'t"}


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of the letter before the signature."""

    kind: BlockKind
    text: str


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str


@dataclass(frozen=True)
class SignatureRow:
    """A row of the signature block: one or two cells (two columns)."""

    kind: Literal["role", "name"]
    cells: tuple[str, ...]


@dataclass
class Letter:
    """A test letter as the renderer sees it.

    Attributes:
        path: the ``.clean.txt`` file.
        blocks: title, addressee, date and body blocks, in order.
        signature: the rows of the signature block.
        footnotes: the footnotes in order.
        markers: footnote number (as a string) -> the body words the marker follows.
        kamerstuk_header: the dossier line and ``Nr. N`` line printed before
            the title, or None.
        running_header: the line printed at the top of every page, or None.
    """

    path: Path
    blocks: list[Block]
    signature: list[SignatureRow]
    footnotes: list[Footnote]
    markers: dict[str, str] = field(default_factory=dict)
    kamerstuk_header: str | None = None
    running_header: str | None = None

    @property
    def stem(self) -> str:
        """``NN_slug``: the file name without ``.clean.txt``."""
        return self.path.name.removesuffix(".clean.txt")


def split_names(line: str, overrides: dict[str, list[str]] | None = None) -> tuple[str, ...]:
    """Split a line holding two signatories' names into the two names.

    The clean text prints two names on one line when the line above holds two
    roles ("Caspar Veldkamp Ruben Brekelmans"). A new name starts at a
    capitalised word that follows a surname (not an initial like ``A.`` and not
    a particle like ``van``); both halves need two words at least. Ties are
    broken towards the longer left name ("Hanke Bruins Slot Kajsa Ollongren");
    ``overrides`` (from the meta file's optional ``name_splits``) settles the
    rest.

    Args:
        line: the name line.
        overrides: exact line -> the names it holds.

    Returns:
        The two names, or the whole line as one cell when no split is found.
    """
    if overrides and line in overrides:
        return tuple(overrides[line])
    tokens = line.split()
    candidates = []
    for k in range(2, len(tokens) - 1):
        prev, cur = tokens[k - 1], tokens[k]
        if not cur[:1].isupper() or prev.endswith(".") or prev.lower() in _PARTICLES:
            continue
        candidates.append(k)
    if not candidates:
        return (line,)
    mid = len(tokens) / 2
    k = min(candidates, key=lambda c: (abs(c - mid), -c))
    return (" ".join(tokens[:k]), " ".join(tokens[k:]))


def _split_roles(line: str) -> tuple[str, ...]:
    """Split ``De minister van X, De minister van Y,`` into its two roles."""
    parts = re.split(r"(?<=,) (?=[Dd]e (?:[Mm]inister|[Ss]taatssecretaris)\b)", line)
    return tuple(parts)


def parse_letter(clean_path: Path) -> Letter:
    """Read ``NN_slug.clean.txt`` and its ``NN_slug.meta.json``.

    Args:
        clean_path: path to the clean text.

    Returns:
        The parsed letter.

    Raises:
        ValueError: when the text has no signature block.
    """
    text = clean_path.read_text(encoding="utf-8")
    paras = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    meta_path = clean_path.with_name(clean_path.name.removesuffix(".clean.txt") + ".meta.json")
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}

    # Footnotes: the trailing run of "N text" paragraphs.
    end = len(paras)
    # An excerpt without markers has no footnotes: a last paragraph that opens
    # with a number ("1 Aan de Voorzitter ..." in a transcription) is body text.
    while end > 0 and _FOOTNOTE.match(paras[end - 1]) and not (meta.get("excerpt") and not meta.get("markers")):
        end -= 1
    footnotes = [Footnote(int(m.group(1)), m.group(2)) for m in (_FOOTNOTE.match(p) for p in paras[end:]) if m]

    # Signature: the trailing run of role lines and short name lines before the
    # footnotes, starting at the first role line of that run.
    start = end
    while start > 0:
        p = paras[start - 1]
        if _ROLE.match(p) or (len(p.split()) <= 8 and not p.endswith((".", ":", ";"))):
            start -= 1
        else:
            break
    while start < end and not _ROLE.match(paras[start]):
        start += 1
    # The opening of a published page (an excerpt) may stop mid-sentence,
    # before any signature; whatever signature lines it prints stay body text.
    if start == end and not meta.get("excerpt"):
        raise ValueError(f"{clean_path}: no signature block found")
    overrides = meta.get("name_splits") or {}
    signature: list[SignatureRow] = []
    columns = 1
    for p in paras[start:end]:
        if _ROLE.match(p):
            cells = _split_roles(p)
            columns = len(cells)
            signature.append(SignatureRow("role", cells))
        else:
            cells = split_names(p, overrides) if columns == 2 else (p,)
            signature.append(SignatureRow("name", cells))

    blocks: list[Block] = []
    in_table = False
    for i, p in enumerate(paras[:start]):
        if i == 0:
            blocks.append(Block("title", p))
        elif p.startswith("Aan de Voorzitter"):
            blocks.append(Block("addressee", p))
        elif re.match(r"^[A-Z][\w' -]+, \d{1,2} \w+ \d{4}$", p) and not any(b.kind == "date" for b in blocks):
            blocks.append(Block("date", p))
        elif _TABLE_HEAD.match(p):
            in_table = True
            blocks.append(Block("table_head", p))
        elif in_table and _TABLE_ROW.match(p):
            blocks.append(Block("table_row", p))
        else:
            in_table = False
            heading = len(p.split()) <= 10 and not p.endswith((".", ":", ";", ",", ")")) and p[:1].isupper()
            blocks.append(Block("heading" if heading else "paragraph", p))

    return Letter(
        path=clean_path,
        blocks=blocks,
        signature=signature,
        footnotes=footnotes,
        markers=dict(meta.get("markers") or {}),
        kamerstuk_header=meta.get("kamerstuk_header"),
        running_header=meta.get("running_header"),
    )
