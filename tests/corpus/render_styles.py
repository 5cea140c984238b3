"""Render test letters in the two printed forms real letters reach users in.

    python tests/corpus/render_styles.py tests/letters/NN_slug.clean.txt [...]
        [--no-ocr] [--no-pdf]

The letter's ``NN_slug.meta.json`` chooses the form with ``"style"``:

``"letterhead"``
    The ministry's own letter (the PDF the ministry sends): logo ribbon and
    ministry name at the top, "> Retouradres ..." line, the addressee block
    ("De Voorzitter van de Tweede Kamer der Staten-Generaal / Postbus 20018 /
    2500 EA DEN HAAG"), "Datum" and "Betreft" lines, and a right-margin column
    beside the body (the ministry's address, "Onze referentie", "Bijlage(n)"
    ...) on page 1; "Datum" and "Onze referentie" repeated in the margin of
    later pages and "Pagina N van M" on every page. The clean text's title is
    printed after "Betreft", its "Aan de Voorzitter ..." line becomes the
    addressee block and its "Den Haag, <date>" line the "Datum" line. The lines
    are drawn top to bottom, margin and body mixed, so the text layer (and
    OCR) interleaves margin words with body lines as real ministry PDFs do.
    Meta keys: ``ministry`` ("Defensie" or "Buitenlandse Zaken", default
    Defensie), ``reference`` ("BS2024012345"), optional ``margin`` (the page-1
    margin lines below the ministry address; default "Onze referentie" + the
    reference) and ``address_lines`` (the addressee block).
``"kst"``
    The Kamerstuk as printed on officielebekendmakingen.nl: "Tweede Kamer der
    Staten-Generaal 2", "Vergaderjaar ...", the dossier number and title, "Nr.
    N" beside the upper-case title, then the letter; the body is justified and
    hyphenated (a small Dutch syllable splitter; words also break after their
    own hyphens), footnote markers are superscript, footnotes sit at the foot of
    their page, page 1 ends with "kst-DOSSIER-NR ISSN 0921 - 7371
    's-Gravenhage YEAR" and later pages with "Tweede Kamer, vergaderjaar ...,
    DOSSIER, nr. N  PAGE". Meta key ``kst``: ``{"dossier": "27 925",
    "dossier_title": "...", "nr": "946", "vergaderjaar": "2023–2024",
    "year": "2023"}`` (``year`` defaults to the letter's year). A clean text
    that itself opens with the dossier line and "Nr. N <title>" (as copied
    from the site) has that header drawn once, not twice.

For each letter this writes, beside the clean text:

``NN_slug.pdf``        the PDF (reportlab, ``invariant=1``: reruns give the same bytes)
``NN_slug.layout.txt`` the text layer of that PDF as pypdfium2 reads it
                       (``get_text_range()`` per page, CRLF made LF, pages
                       joined by form feeds)
``NN_slug.ocr.txt``    the scanned form, made by ``render.ocr_pdf`` (150 dpi
                       grey, seeded degradation, ``tesseract -l nld``)
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))

from letter import Block, Letter, parse_letter  # noqa: E402
from render import Line, Run, _marks_for, _register_fonts, _Word, _words, hard_lines, write_forms  # noqa: E402

__all__ = ["STYLES", "hyphenate", "layout_styled", "draw_styled", "pdf_text", "render_styled", "style_of"]

STYLES = ("letterhead", "kst")
PAGE_W, PAGE_H = A4
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
SERIF, SERIF_BOLD = "DejaVuSerif", "DejaVuSerif-Bold"
_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_SERIF_REGISTERED = False


def _register() -> None:
    global _SERIF_REGISTERED
    _register_fonts()
    if not _SERIF_REGISTERED:
        pdfmetrics.registerFont(TTFont(SERIF, str(_FONT_DIR / "DejaVuSerif.ttf")))
        pdfmetrics.registerFont(TTFont(SERIF_BOLD, str(_FONT_DIR / "DejaVuSerif-Bold.ttf")))
        _SERIF_REGISTERED = True


def _w(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


# --- Dutch hyphenation --------------------------------------------------------

_VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûü")
# Consonant pairs that start a Dutch syllable and so stay together after a break.
_ONSETS = {"bl", "br", "ch", "gh", "th", "dr", "fl", "fr", "gl", "gr", "kl", "kn", "kr", "pl", "pr", "sch", "schr", "tr", "vl", "vr", "wr", "str", "spr"}


def _is_vowel(word: str, i: int) -> bool:
    c = word[i].lower()
    if c in _VOWELS:
        return True
    return c == "j" and i > 0 and word[i - 1].lower() == "i"  # the ij digraph


def hyphenate(word: str, min_left: int = 3, min_right: int = 3) -> list[int]:
    """Offsets in ``word`` where a typesetter may break it with a hyphen.

    A simple Dutch syllable rule: one consonant between vowels goes to the
    next syllable (ba-nen), of two or more the last goes (ver-ken, mis-sie),
    unless the last ones form a syllable onset (ge-bra-cht is avoided:
    "ch", "sch", "str" ... stay together). Only lower-case alphabetic stretches
    are split; acronyms, numbers and capitals-only words never are.
    """
    letters = re.match(r"^[^\W\d_]+", word)
    if not letters or word.isupper() or len(letters.group()) < min_left + min_right:
        return []
    core = letters.group()
    points = []
    i = 0
    n = len(core)
    while i < n:
        if _is_vowel(core, i):
            j = i
            while j < n and _is_vowel(core, j):
                j += 1
            k = j
            while k < n and not _is_vowel(core, k):
                k += 1
            if k >= n:
                break  # trailing consonants: no next syllable
            cluster = core[j:k].lower()
            if len(cluster) == 1:
                cut = j
            else:
                cut = k - 1
                for size in (4, 3, 2):
                    if len(cluster) > size and cluster[-size:] in _ONSETS:
                        cut = k - size
                        break
                else:
                    if len(cluster) >= 2 and cluster in _ONSETS:
                        cut = j
            if min_left <= cut <= len(word) - min_right and cut <= n - 2:
                points.append(cut)
            i = k
        else:
            i += 1
    return points


# --- the layout ---------------------------------------------------------------


@dataclass
class SPage:
    """One page: every line (margin, furniture and body) and the drawn shapes."""

    number: int
    lines: list[Line] = field(default_factory=list)
    rects: list[tuple[float, float, float, float]] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)


@dataclass
class _Geometry:
    body_x: float
    body_w: float
    top_first: float  # first body baseline on page 1 (set after the header)
    top: float  # first body baseline on later pages
    bottom: float
    size: float
    lead: float
    font: str
    bold: str
    foot_size: float
    foot_lead: float
    justify: bool
    sig_gap: int
    sig_col: float  # x offset of the second signature column


class _Flow:
    """Puts body lines on pages, keeping each footnote on its marker's page."""

    def __init__(self, letter: Letter, g: _Geometry, start_page) -> None:
        self.letter, self.g = letter, g
        self.start_page = start_page  # callback(page) adds the page furniture
        self.pages: list[SPage] = []
        self.notes: list[int] = []
        self.foot = {fn.number: self._foot_lines(fn.number, fn.text) for fn in letter.footnotes}
        self._new_page()

    def _foot_lines(self, number: int, text: str) -> list[list[Run]]:
        g = self.g
        label = f"{number} "
        indent = _w(label, g.font, g.foot_size)
        lines = wrap(_words(label + text, {}), g.font, g.foot_size, g.body_w, indent=indent, hyphens=g.justify)
        out = []
        for i, (ws, hy) in enumerate(lines):
            x = g.body_x + (indent if i else 0.0)
            width = g.body_w - (indent if i else 0.0)
            just = g.justify and i < len(lines) - 1
            out.append(line_runs(ws, hy, x, g.font, g.foot_size, width if just else None))
        return out

    def _notes_height(self, numbers: list[int]) -> float:
        n = sum(len(self.foot[k]) for k in numbers)
        return 0.0 if not n else 12.0 + n * self.g.foot_lead

    def _new_page(self) -> None:
        if self.pages:
            self._close()
        page = SPage(len(self.pages) + 1)
        self.pages.append(page)
        self.y = self.g.top_first if page.number == 1 else self.g.top
        self.fresh = True
        self.start_page(page)
        self.notes = []

    def _close(self) -> None:
        page, g = self.pages[-1], self.g
        lines = [r for k in self.notes for r in self.foot[k]]
        if not lines:
            return
        y = g.bottom + (len(lines) - 1) * g.foot_lead
        page.rules.append((g.body_x, y + g.foot_lead + 1.0, g.body_x + 120.0, y + g.foot_lead + 1.0))
        for runs in lines:
            page.lines.append(Line(y, runs))
            y -= g.foot_lead

    def finish(self) -> list[SPage]:
        self._close()
        return self.pages

    def fits(self, n: int, notes: list[int] | None = None) -> bool:
        need = self._notes_height(self.notes + (notes or []))
        return self.y - (n - 1) * self.g.lead >= self.g.bottom + need

    def ensure(self, n: int) -> None:
        if not self.fits(n):
            self._new_page()

    def blank(self, n: int = 1) -> None:
        if self.fresh:
            return
        self.y -= n * self.g.lead

    def place(self, runs: list[Run], notes: list[int] | None = None) -> None:
        if not self.fits(1, notes):
            self._new_page()
        if runs:
            self.pages[-1].lines.append(Line(self.y, runs))
        self.notes.extend(notes or [])
        self.y -= self.g.lead
        self.fresh = False


def wrap(words: list[_Word], font: str, size: float, width: float, indent: float = 0.0,
         hyphens: bool = False) -> list[tuple[list[_Word], bool]]:
    """Greedy line breaking; with ``hyphens`` a word that does not fit is split.

    Returns (words, ends_with_hyphen) per line; a split word's halves are new
    ``_Word``s, the first carrying the printed hyphen.
    """
    space = _w(" ", font, size)
    out: list[tuple[list[_Word], bool]] = []
    cur: list[_Word] = []
    cur_w = 0.0
    queue = list(words)
    while queue:
        w = queue.pop(0)
        ww = _ww(w, font, size)
        avail = width - (indent if out else 0.0)
        if cur and cur_w + space + ww > avail:
            split = _split(w, avail - cur_w - space, font, size) if hyphens else None
            if split:
                head, tail = split
                cur.append(head)
                out.append((cur, True))
                queue.insert(0, tail)
            else:
                out.append((cur, False))
                queue.insert(0, w)
            cur, cur_w = [], 0.0
            continue
        cur_w = ww if not cur else cur_w + space + ww
        cur.append(w)
    if cur:
        out.append((cur, False))
    return out


def _ww(word: _Word, font: str, size: float) -> float:
    sup = size * 0.6
    return sum(_w(t, font, sup if s else size) for t, s in word.pieces)


def _split(word: _Word, room: float, font: str, size: float) -> tuple[_Word, _Word] | None:
    """Split a plain word so its head plus a hyphen fits in ``room``."""
    if len(word.pieces) != 1 or word.pieces[0][1]:
        return None  # never split a word carrying a footnote marker
    text = word.pieces[0][0]
    points = [i + 1 for i, c in enumerate(text[:-1]) if c == "-" and i >= 2 and len(text) - i > 3]
    own = {p for p in points}
    if "-" not in text or not points:
        points = hyphenate(text)
    else:  # break a compound after its own hyphen, or inside its last part
        last = text.rfind("-") + 1
        points += [last + p for p in hyphenate(text[last:])]
    best = None
    for p in sorted(points):
        head = text[:p] if p in own else text[:p] + "-"
        if _w(head, font, size) <= room:
            best = (p, head)
    if not best:
        return None
    p, head = best
    # end = -1 marks "this half ends with a typeset hyphen" (see wrap()).
    return _Word(((head, False),), word.start, -1), _Word(((text[p:], False),), word.start + p, word.end)


def line_runs(words: list[_Word], hyphen: bool, x: float, font: str, size: float, justify_width: float | None) -> list[Run]:
    """Runs of one line, one per word (and per marker), spread to ``justify_width``."""
    space = _w(" ", font, size)
    sup = size * 0.6
    total = sum(_ww(w, font, size) for w in words)
    gap = space
    if justify_width is not None and len(words) > 1:
        gap = max(space, (justify_width - total) / (len(words) - 1))
    runs: list[Run] = []
    for i, w in enumerate(words):
        first = True
        for text, is_sup in w.pieces:
            if is_sup:
                runs.append(Run(x, text, font, sup, rise=size * 0.38))
                x += _w(text, font, sup)
            else:
                runs.append(Run(x, text, font, size, gap=bool(i) and first))
                x += _w(text, font, size)
            first = False
        x += gap
    return runs


def _flow_body(flow: _Flow, letter: Letter, skip: set[str], kst: bool) -> None:
    """Title (unless skipped), addressee, date, paragraphs, tables, signature."""
    g = flow.g
    previous = None
    for block in letter.blocks:
        if block.kind in skip:
            continue
        if previous == "table_row" and block.kind != "table_row":
            flow.blank()
        previous = block.kind
        if block.kind in ("table_head", "table_row"):
            name, number = block.text.rsplit(" ", 1)
            font = g.bold if block.kind == "table_head" or name.lower().startswith("totaal") else g.font
            if block.kind == "table_head":
                flow.ensure(3)
            right = g.body_x + min(g.body_w - 10.0, 300.0)
            # A name too long for the number column pushes the number right, not under it.
            right = max(right, g.body_x + _w(name, font, g.size) + 12.0 + _w(number, font, g.size))
            flow.place([Run(g.body_x, name, font, g.size), Run(right - _w(number, font, g.size), number, font, g.size, gap=True)])
            continue
        font = g.bold if block.kind in ("title", "heading") else g.font
        marks, numbers = _marks_for(letter, block.text)
        if block.kind == "heading":
            flow.ensure(3)
        # The source's own line breaks (bullet items) stay breaks; each piece is justified apart.
        for segment in hard_lines(block.text, _words(block.text, marks)):
            lines = wrap(segment, font, g.size, g.body_w, hyphens=g.justify and block.kind == "paragraph")
            for i, (ws, hy) in enumerate(lines):
                notes = [n for off, n in sorted(numbers.items()) if _line_has(ws, off)]
                just = g.justify and block.kind == "paragraph" and i < len(lines) - 1
                flow.place(line_runs(ws, hy, g.body_x, font, g.size, g.body_w if just else None), notes)
        flow.blank()

    # Signature block.
    flow.blank()
    if kst:
        # Stacked, one signatory under the other, no room to sign.
        roles: list[str] = []
        names: list[str] = []
        for row in letter.signature:
            (roles if row.kind == "role" else names).extend(row.cells)
        for k, (role, name) in enumerate(zip(roles, names)):
            flow.ensure(2)
            role = role[:1].upper() + role[1:]
            role = re.sub(r"^De [Mm]inister", "De Minister", role)
            role = re.sub(r"^De [Ss]taatssecretaris", "De Staatssecretaris", role)
            for ws, _ in wrap(_words(role, {}), g.font, g.size, g.body_w):
                flow.place(line_runs(ws, False, g.body_x, g.font, g.size, None))
            flow.place([Run(g.body_x, name, g.font, g.size)])
            if k + 1 < len(roles):
                flow.blank()
        return
    rows = letter.signature
    for i, row in enumerate(rows):
        if row.kind == "role":
            flow.ensure(2 + g.sig_gap)
        cells = row.cells[:2]
        width = g.body_w if len(cells) == 1 else g.sig_col - 10.0
        xs = [g.body_x, g.body_x + g.sig_col]
        wrapped = [[" ".join(t for w in ws for t, _ in w.pieces) for ws, _ in wrap(_words(c, {}), g.font, g.size, width)] for c in cells]
        for k in range(max(len(c) for c in wrapped)):
            flow.place([Run(xs[j], c[k], g.font, g.size, gap=bool(j)) for j, c in enumerate(wrapped) if k < len(c)])
        if row.kind == "role":
            flow.blank(g.sig_gap)
        elif i + 1 < len(rows):
            flow.blank()


def _line_has(words: list[_Word], off: int) -> bool:
    first = words[0].start
    last = words[-1]
    end = last.end if last.end >= 0 else last.start + len(last.pieces[0][0]) - 1
    return first < off <= end


# --- letterhead ----------------------------------------------------------------

_MINISTRIES = {
    "Defensie": {
        "retour": "> Retouradres Postbus 20701 2500 ES Den Haag",
        "address": ["Ministerie van Defensie", "Kalvermarkt 32", "2511 CB Den Haag", "Postbus 20701", "2500 ES Den Haag", "www.defensie.nl"],
    },
    "Buitenlandse Zaken": {
        "retour": "> Retouradres Postbus 20061 2500 EB Den Haag",
        "address": ["Ministerie van Buitenlandse Zaken", "Rijnstraat 8", "2515 XP Den Haag", "Postbus 20061", "Nederland", "www.rijksoverheid.nl"],
    },
}
_ADDRESS = {
    "Tweede Kamer": ["De Voorzitter van de Tweede Kamer", "der Staten-Generaal", "Postbus 20018", "2500 EA  DEN HAAG"],
    "Eerste Kamer": ["De Voorzitter van de Eerste Kamer", "der Staten-Generaal", "Postbus 20017", "2500 EA  DEN HAAG"],
}
_MARGIN_LABELS = {"Onze referentie", "Uw referentie", "Bijlage(n)", "Datum", "Contactpersoon", "Afschrift aan", "Uw brief van", "Directie", "Ons kenmerk"}
MARGIN_X = 436.0
MARGIN_SIZE, MARGIN_LEAD = 7.0, 9.5


def _letter_date(letter: Letter) -> str:
    for b in letter.blocks:
        if b.kind == "date":
            return b.text.split(", ", 1)[1]
    return ""


def _layout_letterhead(letter: Letter, meta: dict) -> list[SPage]:
    ministry = meta.get("ministry", "Defensie")
    info = _MINISTRIES[ministry]
    reference = meta.get("reference", "")
    date = _letter_date(letter)
    kamer = "Eerste Kamer" if any(b.kind == "addressee" and "Eerste Kamer" in b.text for b in letter.blocks) else "Tweede Kamer"
    address = meta.get("address_lines") or _ADDRESS[kamer]
    margin = meta.get("margin") or ["Onze referentie", reference]
    title = letter.blocks[0].text
    g = _Geometry(body_x=72.0, body_w=340.0, top_first=0.0, top=PAGE_H - 80.0, bottom=78.0,
                  size=10.0, lead=13.5, font=REGULAR, bold=BOLD, foot_size=7.5, foot_lead=9.5,
                  justify=False, sig_gap=3, sig_col=175.0)

    # Page 1 header: where the body starts depends on how the subject wraps.
    subject = [" ".join(t for w in ws for t, _ in w.pieces) for ws, _ in wrap(_words(title, {}), REGULAR, 10.0, g.body_w - 62.0)]
    datum_y = 598.0
    g.top_first = datum_y - 14.0 * len(subject) - 30.0

    def margin_line(y: float, text: str) -> Line:
        font = BOLD if text in _MARGIN_LABELS or text == info["address"][0] else REGULAR
        return Line(y, [Run(MARGIN_X, text, font, MARGIN_SIZE)])

    def start_page(page: SPage) -> None:
        # The logo: the ribbon hanging from the top edge and the ministry's name.
        page.rects.append((PAGE_W / 2 - 14.0, PAGE_H - 78.0, 28.0, 78.0))
        page.lines.append(Line(PAGE_H - 58.0, [Run(PAGE_W / 2 + 22.0, "Ministerie van " + ministry, REGULAR, 11.0)]))
        y = PAGE_H - 130.0
        if page.number == 1:
            page.lines.append(Line(y, [Run(g.body_x, info["retour"], REGULAR, 6.5)]))
            for i, text in enumerate(address):
                page.lines.append(Line(y - 20.0 - 13.5 * i, [Run(g.body_x, text, REGULAR, 10.0)]))
            page.lines.append(Line(datum_y, [Run(g.body_x, "Datum", REGULAR, 7.0), Run(g.body_x + 62.0, date, REGULAR, 10.0, gap=True)]))
            for i, text in enumerate(subject):
                runs = [Run(g.body_x + 62.0, text, REGULAR, 10.0)]
                if i == 0:
                    runs.insert(0, Run(g.body_x, "Betreft", REGULAR, 7.0))
                    runs[1] = Run(g.body_x + 62.0, text, REGULAR, 10.0, gap=True)
                page.lines.append(Line(datum_y - 14.0 * (i + 1), runs))
            col = info["address"] + [""] + list(margin)
        else:
            col = ["Datum", date, "", "Onze referentie", reference]
        my = y
        for text in col:
            if text:
                page.lines.append(margin_line(my, text))
            my -= MARGIN_LEAD

    flow = _Flow(letter, g, start_page)
    _flow_body(flow, letter, {"title", "addressee", "date"}, kst=False)
    pages = flow.finish()
    for page in pages:
        page.lines.append(margin_line(50.0, f"Pagina {page.number} van {len(pages)}"))
    return pages


# --- kst --------------------------------------------------------------------------

KST_HANG = 62.0
KST_BODY = 160.0


def _header_from_text(letter: Letter, dossier: str, nr: str) -> Letter:
    """The letter without the dossier line and "Nr. N ..." line its clean text opens with.

    A clean text copied from officielebekendmakingen.nl prints the Kamerstuk
    header itself ("29 521 Nederlandse deelname aan vredesmissies", then
    "Nr. 291 BRIEF VAN ..."); the print draws that header, so it is taken out
    of the body (and the title after "Nr. N" kept) rather than printed twice.
    """
    b = letter.blocks
    if len(b) < 2 or not b[0].text.startswith(dossier) or not re.match(rf"Nr\. {re.escape(nr)}\b", b[1].text):
        return letter
    title = b[1].text[len(f"Nr. {nr}"):].strip()
    return replace(letter, blocks=[Block("title", title)] + b[2:])


def _layout_kst(letter: Letter, meta: dict) -> list[SPage]:
    k = meta["kst"]
    dossier, nr = k["dossier"], k["nr"]
    letter = _header_from_text(letter, dossier, nr)
    jaar = k["vergaderjaar"]
    date = _letter_date(letter)
    year = k.get("year") or date.rsplit(" ", 1)[-1]
    g = _Geometry(body_x=KST_BODY, body_w=PAGE_W - KST_BODY - 62.0, top_first=0.0, top=PAGE_H - 70.0, bottom=84.0,
                  size=9.5, lead=12.5, font=SERIF, bold=SERIF_BOLD, foot_size=7.5, foot_lead=9.0,
                  justify=True, sig_gap=0, sig_col=180.0)
    title = letter.blocks[0].text
    title_lines = [" ".join(t for w in ws for t, _ in w.pieces) for ws, _ in wrap(_words(title, {}), SERIF, 9.5, g.body_w)]
    nr_y = PAGE_H - 170.0
    g.top_first = nr_y - 12.5 * len(title_lines) - 22.0

    def start_page(page: SPage) -> None:
        if page.number != 1:
            return
        top = PAGE_H - 62.0
        page.lines.append(Line(top, [Run(KST_HANG, "Tweede Kamer der Staten-Generaal", SERIF_BOLD, 13.0),
                                     Run(PAGE_W - 62.0 - _w("2", SERIF_BOLD, 26.0), "2", SERIF_BOLD, 26.0, gap=True)]))
        page.lines.append(Line(top - 18.0, [Run(KST_HANG, f"Vergaderjaar {jaar}", SERIF, 9.5)]))
        page.rules.append((KST_HANG, top - 28.0, PAGE_W - 62.0, top - 28.0))
        page.lines.append(Line(PAGE_H - 130.0, [Run(KST_HANG, dossier, SERIF_BOLD, 9.5),
                                                Run(KST_BODY, k["dossier_title"], SERIF_BOLD, 9.5, gap=True)]))
        for i, text in enumerate(title_lines):
            runs = [Run(KST_BODY, text, SERIF, 9.5, gap=True)]
            if i == 0:
                runs.insert(0, Run(KST_HANG, f"Nr. {nr}", SERIF_BOLD, 9.5))
            page.lines.append(Line(nr_y - 12.5 * i, runs))

    flow = _Flow(letter, g, start_page)
    _flow_body(flow, letter, {"title"}, kst=True)
    pages = flow.finish()
    flat = dossier.replace(" ", "")
    for page in pages:
        if page.number == 1:
            page.lines.append(Line(40.0, [Run(KST_HANG, f"kst-{flat}-{nr}", SERIF, 7.0),
                                          Run(KST_BODY + 80.0, "ISSN 0921 - 7371", SERIF, 7.0, gap=True),
                                          Run(PAGE_W - 62.0 - _w(f"'s-Gravenhage {year}", SERIF, 7.0), f"'s-Gravenhage {year}", SERIF, 7.0, gap=True)]))
        else:
            label = str(page.number)
            page.lines.append(Line(40.0, [Run(KST_BODY, f"Tweede Kamer, vergaderjaar {jaar}, {dossier}, nr. {nr}", SERIF, 7.0),
                                          Run(PAGE_W - 62.0 - _w(label, SERIF, 9.0), label, SERIF, 9.0, gap=True)]))
    return pages


# --- drawing, reading, rendering -----------------------------------------------------


def style_of(clean_path: Path) -> str | None:
    """The ``"style"`` of a letter's meta file, or None for the classic form."""
    meta_path = clean_path.with_name(clean_path.name.removesuffix(".clean.txt") + ".meta.json")
    if not meta_path.exists():
        return None
    return json.loads(meta_path.read_text(encoding="utf-8")).get("style")


def _meta(clean_path: Path) -> dict:
    meta_path = clean_path.with_name(clean_path.name.removesuffix(".clean.txt") + ".meta.json")
    return json.loads(meta_path.read_text(encoding="utf-8"))


def layout_styled(letter: Letter, meta: dict) -> list[SPage]:
    """Lay out a letter in the style its meta file names."""
    _register()
    style = meta.get("style")
    if style == "letterhead":
        return _layout_letterhead(letter, meta)
    if style == "kst":
        return _layout_kst(letter, meta)
    raise ValueError(f"{letter.path.name}: unknown style {style!r} (want one of {STYLES})")


def draw_styled(letter: Letter, pages: list[SPage], pdf_path: Path) -> None:
    """Draw the pages, each page's lines from top to bottom and left to right.

    That order is what makes a text layer interleave margin and body lines.
    """
    _register()
    c = Canvas(str(pdf_path), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(letter.blocks[0].text if letter.blocks else letter.stem)
    c.setAuthor("artikel100 test corpus")
    for page in pages:
        c.setFillGray(0.25)
        for x, y, w, h in page.rects:
            c.rect(x, y, w, h, stroke=0, fill=1)
        c.setFillGray(0.0)
        c.setLineWidth(0.5)
        for x1, y1, x2, y2 in page.rules:
            c.line(x1, y1, x2, y2)
        for line in sorted(page.lines, key=lambda ln: (-ln.y, ln.runs[0].x if ln.runs else 0.0)):
            for run in line.runs:
                t = c.beginText()
                t.setFont(run.font, run.size)
                t.setTextOrigin(run.x, line.y + run.rise)
                t.textOut(run.text)
                c.drawText(t)
        c.showPage()
    c.save()


def pdf_text(pdf_path: Path) -> str:
    """The PDF's text layer as pypdfium2 reads it, pages joined by form feeds."""
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        texts = []
        for i in range(len(pdf)):
            tp = pdf[i].get_textpage()
            texts.append(tp.get_text_range().replace("\r\n", "\n").replace("\r", "\n").rstrip("\n") + "\n")
            tp.close()
    finally:
        pdf.close()
    return "\f".join(texts)


def render_styled(clean_path: Path, *, pdf: bool = True, ocr: bool = True) -> list[Path]:
    """Write ``.pdf``, ``.layout.txt`` and ``.ocr.txt`` of one styled letter."""
    letter = parse_letter(clean_path)
    meta = _meta(clean_path)

    def draw(pdf_path: Path) -> str:
        draw_styled(letter, layout_styled(letter, meta), pdf_path)
        return pdf_text(pdf_path)

    return write_forms(clean_path.with_name(letter.stem), draw, pdf=pdf, ocr=ocr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("letters", nargs="+", type=Path, help="NN_slug.clean.txt files with a style in their meta")
    ap.add_argument("--no-ocr", action="store_true", help="skip the scanned form (.ocr.txt)")
    ap.add_argument("--no-pdf", action="store_true", help="only redo the OCR, from the existing PDF")
    args = ap.parse_args(argv)
    status = 0
    for path in args.letters:
        try:
            for out in render_styled(path, pdf=not args.no_pdf, ocr=not args.no_ocr):
                print(out)
        except (ValueError, KeyError, subprocess.CalledProcessError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
