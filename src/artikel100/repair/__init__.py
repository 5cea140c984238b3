"""Repair: raw reader output in, clean structured text out.

The stages, in order: split into lines; mark page furniture and the ministry
letterhead's margin column; find footnote bodies and their markers; build
paragraphs (headings split off, page breaks joined, line-end hyphens resolved;
text without blank lines, as PDF text layers give it, split by line shape);
assemble the text (body, then footnotes as ``N text`` paragraphs) with its
offset map; fix punctuation noise, then OCR's word errors.

Text from a reader that knows the structure (HTML, XML, DOCX: ``flowing``) keeps
its paragraphs; only the character repairs apply, and they leave clean text as
it is.
"""

from __future__ import annotations

import re

from ..model import Block, CleanDocument, Footnote, RawDocument
from .builder import TextBuilder, apply_edits
from .footnotes import Marker, find_footnotes, find_markers, find_orphan_markers
from .furniture import mark_furniture, mark_repeated
from .header import mark_header, mark_trailer
from .letterhead import Cut, mark_letterhead
from .lexicon import lexicon
from .lines import Line, is_dense, split_lines, typical_width
from .ocrfix import find_word_edits
from .punctuation import punctuation_edits
from .paragraphs import HyphenJudge, Paragraph, build_paragraphs, header_paragraph, is_heading_line

__all__ = ["repair"]

# Runs of letters joined by hyphens ("staakt-het-vuren"), or a run alone: the runs are the
# words, the joined ones (with a hyphen) the hyphenated words. The runs are possessive: a shorter
# run is followed by a letter, never the hyphen, so giving letters back cannot help.
_CHAIN = re.compile(r"[^\W\d_]++(?:-[^\W\d_]++)*")
_WORD = re.compile(r"[^\W\d_]+")
_LINE_END_HYPHEN = re.compile(r"([^\W\d_]+)-$")
# OCR junk before a letter's title ("AR BRIEF VAN ..."): a few letters, no digits.
_TITLE_JUNK = re.compile(r"^[^\W\d]{1,3}\s+(?=BRIEF VAN\b)")


def repair(raw: RawDocument) -> CleanDocument:
    """Repair a raw document into the canonical cleaned text."""
    lines = split_lines(raw)
    if raw.flowing:
        lines = mark_header(lines)
        mark_trailer(lines)
        paragraphs, footnote_paras = _flowing_paragraphs(lines)
        markers: list[Marker] = []
        cuts: list[Cut] = []
    else:
        mark_furniture(lines)
        lines = mark_header(lines)
        mark_trailer(lines)
        cuts = mark_letterhead(lines)
        width = typical_width(lines)
        dense = is_dense(lines)
        bodies = find_footnotes(lines, width, dense)
        mark_repeated(lines)
        markers = find_markers(lines, bodies)
        markers += find_orphan_markers(lines, bodies, markers)
        paragraphs = build_paragraphs(lines, width, dense)
        footnote_paras = [
            Paragraph([lines[j] for j in body.lines], "footnote", number=body.number) for body in bodies
        ]
    judge = _hyphen_judge(lines)
    builder = TextBuilder(raw.source_text)
    anchors: dict[int, int] = {}
    kinds: list[tuple[str, int | None, str | None]] = []
    for i, para in enumerate(paragraphs + footnote_paras):
        if i:
            builder.glue("\n\n", para.lines[0].start, para.lines[0].start)
        _emit(builder, para, judge, markers, cuts, anchors, title=(i == 0))
        kinds.append((para.kind, para.number, para.label))
    # Punctuation noise first, so that words it split are whole when the word rules look.
    assembled = builder.text()
    text, offsets, repairs = apply_edits(assembled, builder.offsets, punctuation_edits(assembled, lexicon()))
    text, offsets, word_repairs = apply_edits(text, offsets, find_word_edits(text, lexicon()))
    repairs += word_repairs
    blocks = _blocks(text, kinds)
    footnotes = [
        Footnote(b.number, b.start, b.end, _shifted(anchors.get(b.number), repairs, builder, text))
        for b in blocks
        if b.kind == "footnote" and b.number is not None
    ]
    return CleanDocument(text=text, blocks=blocks, offsets=offsets, raw=raw, footnotes=footnotes, repairs=repairs)


_FLOWING_FOOTNOTE = re.compile(r"^(\d{1,3}) \S")


def _flowing_paragraphs(lines: list[Line]) -> tuple[list[Paragraph], list[Paragraph]]:
    """A reader that knows the structure gives one paragraph per line and the
    footnotes last, as ``N text`` lines numbered 1, 2, 3 ..."""
    body = [l for l in lines if l.kind in ("body", "header")]
    notes: list[Paragraph] = []
    expected = None
    # Walk back from the end over the footnote lines N, N-1, ..., 1.
    for line in reversed(body):
        m = _FLOWING_FOOTNOTE.match(line.text) if line.kind == "body" else None
        if not m or (expected is not None and int(m.group(1)) != expected):
            break
        notes.insert(0, Paragraph([line], "footnote", number=int(m.group(1))))
        expected = int(m.group(1)) - 1
        if expected == 0:
            break
    if notes and notes[0].number != 1:
        notes = []
    width = max((len(l.text) for l in body), default=80)
    paragraphs: list[Paragraph] = []
    for l in body[: len(body) - len(notes)]:
        if l.kind == "header":
            header_paragraph(l, paragraphs)
        else:
            heading = is_heading_line(l.text, width, limit=1.0) and len(l.text) < 90
            paragraphs.append(Paragraph([l], "heading" if heading else "paragraph"))
    return paragraphs, notes


def _hyphen_judge(lines: list[Line]) -> HyphenJudge:
    lex = lexicon()
    body = " ".join(l.text for l in lines if l.kind == "body")
    # Each distinct word folded once: the hyphenated words and the runs of letters in them
    # (one scan; a chain's runs are the text's maximal runs of letters).
    chains = set(_CHAIN.findall(body))
    words = {c for c in chains if "-" in c} | {run for c in chains for run in c.split("-")}
    vocabulary = {w.casefold() for w in words}
    joined = hyphenated = 0
    for a, b in zip(lines, lines[1:]):
        # Only a line that ends in a hyphen can match (checked first: most lines do not).
        m = _LINE_END_HYPHEN.search(a.text) if a.text.endswith(("-", "-\n")) else None
        n = _WORD.match(b.text)
        if not m or not n or not m.group(1).islower() or not n.group().islower():
            continue
        if lex.known(m.group(1) + n.group()):
            joined += 1
        elif lex.known(f"{m.group(1)}-{n.group()}"):
            hyphenated += 1
    return HyphenJudge(lex, vocabulary, typeset=joined >= 3 and joined > 2 * hyphenated)


def _emit(
    builder: TextBuilder,
    para: Paragraph,
    judge: HyphenJudge,
    markers: list[Marker],
    cuts: list[Cut],
    anchors: dict[int, int],
    title: bool,
) -> None:
    """Copy a paragraph's lines into the builder, joining lines and leaving out
    footnote markers and margin words."""
    for k, line in enumerate(para.lines):
        start = line.start
        if title and k == 0:
            junk = _TITLE_JUNK.match(line.text)
            if junk:
                start += junk.end()
        here = [m for m in markers if line.start <= m.start < line.end]
        here += [c for c in cuts if line.start <= c.start < line.end]
        pos = start
        for m in sorted(here, key=lambda m: m.start):
            if m.start < pos:
                continue
            if isinstance(m, Marker):
                builder.copy(pos, m.anchor)
                anchors[m.number] = builder.pos
                builder.copy(m.anchor, m.start)
            else:
                builder.copy(pos, m.start)
            pos = m.end
        end = max(pos, line.end)
        if k + 1 < len(para.lines):
            nxt = para.lines[k + 1]
            glue = judge.join(builder.source[pos:end], nxt.text)
            if glue == "-":
                end -= 1  # drop the hyphen of a broken word
                glue = ""
            elif glue == "- ":
                glue = " "
            builder.copy(pos, end)
            builder.glue(glue, end, nxt.start)
        else:
            builder.copy(pos, end)


def _blocks(text: str, kinds: list[tuple[str, int | None, str | None]]) -> list[Block]:
    blocks: list[Block] = []
    pos = 0
    for piece, (kind, number, label) in zip(text.split("\n\n"), kinds):
        blocks.append(Block(kind, pos, pos + len(piece), number, label))  # type: ignore[arg-type]
        pos += len(piece) + 2
    return blocks


def _shifted(anchor: int | None, repairs: list, builder: TextBuilder, text: str) -> int | None:
    """An offset in the pre-repair text moved past the OCR edits before it."""
    if anchor is None:
        return None
    source_anchor = builder.offsets.to_source(max(0, anchor - 1)) + 1
    shift = sum(len(r.after) - len(r.before) for r in repairs if r.source_end <= source_anchor)
    return min(len(text), anchor + shift)
