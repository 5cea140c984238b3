"""Lines into paragraphs: blocks, headings, page-break joins and line-end hyphens."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import Lexicon
from .lines import Line, is_terminated

__all__ = ["Paragraph", "build_paragraphs", "HyphenJudge", "is_heading_line", "is_header", "header_paragraph"]

_WORD_BEFORE_HYPHEN = re.compile(r"([^\W_]+)-$")
_WORD_AFTER = re.compile(r"^([^\W_]+)")
# Soft hyphens: OCR's "¬", Unicode's soft hyphen, and the U+FFFE that PDF text layers
# (pdfium) give for a typesetter's hyphen at a line end.
_SOFT_HYPHENS = ("¬", "\u00ad", "\ufffe", "\u0002")
# Dutch words that follow a hyphenated first half of a pair: "bewakings- en beveiligingstaken".
_PAIR_WORDS = frozenset({"en", "of", "tot", "noch", "als", "dan"})


@dataclass
class Paragraph:
    lines: list[Line]
    kind: str = "paragraph"  # paragraph | heading | title | header | footnote
    break_before: bool = False  # a page break or removed material stands between it and the last
    number: int | None = None  # footnote number
    label: str | None = None  # a header block's field (see repair.header)
    extra_gaps: list[int] = field(default_factory=list)

    @property
    def first(self) -> str:
        return self.lines[0].text

    @property
    def last(self) -> str:
        return self.lines[-1].text


# Lines that always open a block of their own, even when the OCR lost the blank
# line before them: the addressee, the place and date, a signature's role.
_OPENS_BLOCK = re.compile(
    r"^(?:Aan de [Vv]oorzitter\b|(?:Den[ -]Haag|[’'‘`]s-Gravenhage)\W+\d{1,2}\s+[a-z]+\s+\d{4}|Geachte\b|Hoogachtend\b"
    r"|Datum\s+\d{1,2}\s+[a-z]+\s+\d{4}$|Betreft\b|Met deze brief\b)"
)
_ROLE_LINE = re.compile(r"^(?:De|DE)\s+(?:[Mm]inister|MINISTER|[Ss]taatssecretaris|STAATSSECRETARIS)\b.{0,120},$")


# A list item: "- twee stafofficieren ...;" after a line that announces or continues a list.
_ITEM = re.compile(r"^(?:[-–•▪·*]|\(?[a-z]\)|\d{1,2}[.)])\s+\S")


def _opens_block(line: Line, before: Line | None = None) -> bool:
    if _OPENS_BLOCK.match(line.text) or _ROLE_LINE.match(line.text):
        return True
    # each item of a list is a block of its own, so that its facts keep to it
    return before is not None and bool(_ITEM.match(line.text)) and (
        before.text.rstrip().endswith((":", ";", ",")) or bool(_ITEM.match(before.text))
    )


def is_header(para: Paragraph) -> bool:
    """A block of the letter's header (dossier, title, addressee, date, ...): never joined or re-split."""
    return para.kind in ("header", "title")


def header_paragraph(line: Line, blocks: list[Paragraph]) -> None:
    """Add a header line to the blocks: to the last one when it holds the same field."""
    last = blocks[-1] if blocks else None
    if last is not None and is_header(last) and last.lines[-1].group == line.group:
        last.lines.append(line)
    else:
        blocks.append(Paragraph([line], "title" if line.label == "title" else "header", label=line.label))


def _blocks(lines: list[Line]) -> list[Paragraph]:
    blocks: list[Paragraph] = []
    current: list[Line] = []
    gap_break = False

    def flush() -> None:
        nonlocal current, gap_break
        if current:
            blocks.append(Paragraph(current, break_before=gap_break))
            gap_break = False
        current = []

    for line in lines:
        if line.kind == "header":
            flush()
            header_paragraph(line, blocks)
            continue
        if line.kind == "body":
            if line.page_break_before:
                flush()
                gap_break = True
            elif current and _opens_block(line, current[-1]):
                flush()
            current.append(line)
        else:
            flush()
            if line.kind in ("furniture", "footnote"):
                gap_break = True
    flush()
    return blocks


_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\S)")


def is_heading_line(text: str, width: int, limit: float = 0.6) -> bool:
    # A numbered heading ("2. EUFOR Althea", "3.1 Risico's") is judged by its words, one that
    # OCR opened with a speck ("_EUFOR Althea", "‘Kosten") by what follows it.
    text = _SECTION_NUMBER.sub("", text.lstrip("_‘’'`"), count=1)
    return (
        bool(text)
        and len(text) < limit * width
        and (not is_terminated(text) or text.endswith(")"))
        and not text[-1:].isdigit()
        and not text.endswith((",", "-"))
        and text[:1].isupper()
        and len(text.split()) <= 10
    )


def _split_headings(blocks: list[Paragraph], width: int) -> list[Paragraph]:
    """A short unterminated first line over a capitalised second is a heading
    whose blank line the OCR lost."""
    out: list[Paragraph] = []
    for block in blocks:
        if is_header(block):
            out.append(block)
        elif (
            len(block.lines) >= 2
            and is_heading_line(block.first, width)
            and block.lines[1].text[:1].isupper()
            and len(block.lines[1].text) > 0.6 * width
        ):
            out.append(Paragraph(block.lines[:1], "heading", block.break_before))
            out.append(Paragraph(block.lines[1:]))
        else:
            # A line of its own may be longer: the blank lines set it apart.
            if len(block.lines) == 1 and is_heading_line(block.first, width, limit=0.9):
                block.kind = "heading"
            out.append(block)
    return out


def _unclosed(block: Paragraph) -> bool:
    text = " ".join(line.text for line in block.lines)
    return text.count("(") > text.count(")")


def _continues(prev: Paragraph, nxt: Paragraph, width: int) -> bool:
    """True when ``nxt`` is the rest of ``prev``'s sentence, split by a page or a lost line."""
    last = prev.last
    if last.endswith(",") and _unclosed(prev) and nxt.first[:1].islower():
        return True  # "(tot en met 2020," / "met jaarlijks ijkmoment)": inside a parenthesis
    if _unclosed(prev) and _CITATION_CUT.search(last) and nxt.first[:1].isdigit():
        return True  # "(Kamerstuk 36" / "600 X, nr. 91).", "(Kamerstuk 20 212, nr." / "5).": a citation
    if last.endswith(",") and nxt.first[:1].islower() and prev.kind == "paragraph" and len(prev.lines) >= 2 \
            and not _ITEM.match(prev.first) and not _ITEM.match(nxt.first):
        return True  # "... aan UNMIN" / "beschikbaar te stellen," / (blank) / "voor de duur van ...": prose OCR broke
    if is_terminated(last) or last.endswith(","):
        return False
    if _OPEN_END.search(last) and prev.kind != "heading":
        return True  # "zal uw" / "Kamer ...": no paragraph ends on an article or a preposition
    starts_lower = nxt.first[:1].islower()
    if prev.kind == "heading" and not starts_lower:
        return False
    if nxt.break_before:
        # A page break: a wrapped (full-width) line or an open hyphen goes on.
        return starts_lower or last.endswith("-") or len(last) >= 0.8 * width
    return starts_lower


_CITATION_CUT = re.compile(r"\bKamerstuk(?:ken)?\b[^()]*(?:\d|\bnrs?\.)$")
_OPEN_END = re.compile(r"\b(?:de|het|een|uw|van|in|op|te|met|voor|aan|door|naar|bij|om|tot|dat|die|en|of|zal|zullen|wordt|worden)$")


def _merge_continuations(blocks: list[Paragraph], width: int) -> list[Paragraph]:
    out: list[Paragraph] = []
    for block in blocks:
        items = out and _ITEM.match(block.first) and _ITEM.match(out[-1].first)
        if out and not items and not is_header(block) and not is_header(out[-1]) and _continues(out[-1], block, width):
            out[-1].lines.extend(block.lines)
            out[-1].kind = "paragraph"
        else:
            out.append(block)
    return out


def _split_dense(blocks: list[Paragraph], width: int) -> list[Paragraph]:
    """Paragraphs in text without blank lines (a PDF text layer): a paragraph ends
    on a short line that ends a sentence, a heading is a short line between two
    paragraphs, and a signature's role line stands alone."""
    out: list[Paragraph] = []
    for block in blocks:
        if is_header(block):
            out.append(block)
            continue
        current: list[Line] = []
        lines = block.lines
        for i, line in enumerate(lines):
            current.append(line)
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is None:
                break
            after = lines[i + 2] if i + 2 < len(lines) else None
            ends_paragraph = is_terminated(line.text) and len(line.text) < 0.8 * width and nxt.text[:1].isupper()
            heading_next = (
                (is_terminated(line.text) or len(current) == 1 and is_heading_line(line.text, width))
                and is_heading_line(nxt.text, width)
                and (after is None or after.text[:1].isupper())
            )
            lone = _ROLE_LINE.match(line.text) or (len(current) == 1 and is_heading_line(line.text, width) and nxt.text[:1].isupper())
            if ends_paragraph or heading_next or lone:
                out.append(Paragraph(current, break_before=block.break_before and current[0] is lines[0]))
                current = []
        if current:
            out.append(Paragraph(current, break_before=block.break_before and current[0] is lines[0]))
    return out


# A row's label has no sentence in it; the dots of a ship's "Zr.Ms." or "Hr.Ms." are no full stops.
_TABLE_ROW = re.compile(
    r"^[A-Z](?:[^.;:]|(?<=[HZ]r)\.|(?<=[HZ]r\.Ms)\.){1,80}?\s(?:ca\.\s|circa\s)?\d{1,5}$"
    r"|^[A-Z]\w*(?:\s[\w/]+){0,4}\s(?:aantal|Aantal)$"
)


def _split_table_rows(blocks: list[Paragraph]) -> list[Paragraph]:
    """A table the OCR printed without blank lines ("Eenheid aantal" / "Fregat ... 155" /
    "Totaal 235"): each row stands alone, never joined into a sentence."""
    out: list[Paragraph] = []
    for block in blocks:
        rows = [bool(_TABLE_ROW.match(l.text)) for l in block.lines]
        if (sum(rows) >= 3 or len(block.lines) >= 2 and all(rows)) and not is_header(block):
            current: list[Line] = []
            for line, is_row in zip(block.lines, rows):
                if is_row:
                    if current:
                        out.append(Paragraph(current, break_before=block.break_before and current[0] is block.lines[0]))
                        current = []
                    out.append(Paragraph([line], break_before=block.break_before and line is block.lines[0]))
                else:
                    current.append(line)
            if current:
                out.append(Paragraph(current))
        else:
            out.append(block)
    return out


def build_paragraphs(lines: list[Line], width: int, dense: bool = False) -> list[Paragraph]:
    """Body lines (kind ``body``) into paragraphs, headings split off.

    ``dense`` text has no blank lines between paragraphs (a PDF's text layer).
    """
    blocks = _split_table_rows(_blocks(lines))
    if dense:
        blocks = _split_dense(blocks, width)
    blocks = _split_headings(blocks, width)
    return _merge_continuations(blocks, width)


class HyphenJudge:
    """Decides what a line-end hyphen means, with the lexicon and the letter's own words."""

    def __init__(self, lexicon: Lexicon, vocabulary: set[str], typeset: bool) -> None:
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        self.typeset = typeset  # the letter was hyphenated by a typesetter

    def join(self, before: str, after: str) -> str:
        """The glue between a line ending in ``before`` and one starting with ``after``.

        Returns "" (join, hyphen kept), " " (plain join), "-" (hyphen removed: the
        caller drops the hyphen) or "- " (keep hyphen and a space: "bewakings- en").
        """
        if before.endswith(_SOFT_HYPHENS):
            return "-"
        if after[:1] in ".,;:)!?":
            return ""  # a superscript marker pushed its full stop onto the next line
        if not before.endswith("-") or before.endswith((" -", "--")):
            return " "
        m1, m2 = _WORD_BEFORE_HYPHEN.search(before), _WORD_AFTER.match(after)
        if not m1 or not m2:
            return ""
        head, tail = m1.group(1), m2.group(1)
        if tail in _PAIR_WORDS:
            return "- "
        if head[-1].isdigit() or head[-1].isupper() or tail[0].isupper() or tail[0].isdigit():
            return ""  # VN-Veiligheidsraad, 100-brief, NMI-adviseurs
        return "-" if self.is_broken_word(head, tail) else ""

    def is_broken_word(self, head: str, tail: str) -> bool:
        joined = (head + tail).casefold()
        hyphenated = f"{head}-{tail}".casefold()
        if hyphenated in self.vocabulary:
            return False
        if joined in self.vocabulary or self.lexicon.known(joined):
            return True
        if self.lexicon.known(hyphenated):
            return False
        # No evidence either way: a typesetter's hyphen breaks words, a typist's does not.
        return self.typeset
