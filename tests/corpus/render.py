"""Render hand-written test letters into the forms artikel100 must read.

    python tests/corpus/render.py tests/letters/NN_slug.clean.txt [...]
        [--no-ocr] [--no-pdf]

For each ``NN_slug.clean.txt`` (with its ``NN_slug.meta.json``) this writes,
beside it:

``NN_slug.pdf``
    An A4 letter with a text layer: Kamerstuk header, running header on every
    page, wrapped body with bold headings, superscript footnote markers,
    footnotes at the foot of the page on which their marker falls, page
    numbers, and a two-column signature block where the clean text puts two
    roles on one line.
``NN_slug.layout.txt``
    The text of the pages as laid out (lines as wrapped, markers glued to their
    word, footnotes at the page foot, page numbers, pages joined by form
    feeds), written from the very same layout the PDF is drawn from.
``NN_slug.ocr.txt``
    The "scanned" form: the PDF pages rasterised at 150 dpi, degraded with
    Pillow (rotation, blur, noise, JPEG loss; seeded per letter so reruns give
    the same result) and read back with ``tesseract -l nld``, pages joined by
    form feeds.

Page images go to a temporary directory and are removed afterwards.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageChops, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))

from letter import Letter, parse_letter  # noqa: E402

__all__ = ["Run", "Line", "Page", "hard_lines", "layout_letter", "layout_text", "draw_pdf", "ocr_pdf", "render"]

# --- fonts and page geometry ------------------------------------------------

_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"
_FONTS_REGISTERED = False

PAGE_W, PAGE_H = A4
LEFT, RIGHT = 72.0, 72.0
TEXT_W = PAGE_W - LEFT - RIGHT
TOP = PAGE_H - 60.0  # baseline of the first line (below the running header)
RUNNING_Y = PAGE_H - 36.0
PAGE_NUMBER_Y = 36.0
BOTTOM = 64.0  # nothing of body or footnotes goes below this baseline

BODY_SIZE, BODY_LEAD = 10.0, 14.0
FOOT_SIZE, FOOT_LEAD = 8.0, 10.0
SUP_SIZE, SUP_RISE = 6.0, 3.8
HEADER_SIZE = 8.0
SIGNATURE_GAP = 2  # blank lines between a role and the name (room to sign)
COLUMN_X = LEFT + TEXT_W / 2 + 10.0  # left edge of the second signature column
TABLE_NUMBER_RIGHT = LEFT + 300.0  # right edge of the number column of tables


def _register_fonts() -> None:
    """Register DejaVu Sans once; it covers ë, ’, –, € and Š."""
    global _FONTS_REGISTERED
    if _FONTS_REGISTERED:
        return
    pdfmetrics.registerFont(TTFont(REGULAR, str(_FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(_FONT_DIR / "DejaVuSans-Bold.ttf")))
    _FONTS_REGISTERED = True


# --- the layout -------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A piece of text drawn at one position in one font.

    ``rise`` > 0 marks a superscript. ``gap`` says whether the text form puts a
    space between this run and the previous one on the line (a new column or a
    table cell) rather than gluing them (a marker after its word).
    """

    x: float
    text: str
    font: str
    size: float
    rise: float = 0.0
    gap: bool = False


@dataclass
class Line:
    """A line of a page: its baseline and its runs from left to right."""

    y: float
    runs: list[Run]

    @property
    def text(self) -> str:
        out = ""
        for i, run in enumerate(self.runs):
            out += (" " if i and run.gap else "") + run.text
        return out


@dataclass
class Page:
    """One laid-out page."""

    number: int
    header: Line | None = None
    body: list[Line] = field(default_factory=list)
    footnotes: list[Line] = field(default_factory=list)
    footer: Line | None = None


@dataclass(frozen=True)
class _Word:
    """A word to wrap: pieces of (text, superscript?) glued together.

    ``start``/``end`` are the word's offsets in its paragraph, so a wrapped
    line knows which markers (and so which footnotes) it carries.
    """

    pieces: tuple[tuple[str, bool], ...]
    start: int = 0
    end: int = 0


def _width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def _word_width(word: _Word, font: str, size: float) -> float:
    sup = size * SUP_SIZE / BODY_SIZE
    return sum(_width(t, font, sup if is_sup else size) for t, is_sup in word.pieces)


def _words(text: str, marks: dict[int, str]) -> list[_Word]:
    """Split text into words, putting marker digits at the given offsets.

    Args:
        text: the paragraph.
        marks: character offset in ``text`` -> marker digits printed there.
    """
    words: list[_Word] = []
    for m in re.finditer(r"\S+", text):
        pieces: list[tuple[str, bool]] = []
        pos = m.start()
        for off in sorted(o for o in marks if m.start() < o <= m.end()):
            pieces.append((text[pos:off], False))
            pieces.append((marks[off], True))
            pos = off
        if pos < m.end():
            pieces.append((text[pos : m.end()], False))
        words.append(_Word(tuple(p for p in pieces if p[0]), m.start(), m.end()))
    return words


def hard_lines(text: str, words: list[_Word]) -> list[list[_Word]]:
    """The words of a block grouped by the source line they start on.

    Our own letters keep a paragraph on one line, so they give one group; a
    clean text copied from a web page keeps the page's line breaks (bullet
    items, metadata lines), which a print of that page shows as breaks too.
    """
    groups: list[list[_Word]] = []
    line = -1
    for w in words:
        n = text.count("\n", 0, w.start)
        if n != line or not groups:
            groups.append([])
            line = n
        groups[-1].append(w)
    return groups


def _wrap(words: list[_Word], font: str, size: float, width: float, indent: float = 0.0) -> list[list[_Word]]:
    """Greedy line breaking at spaces; a word wider than the line stands alone.

    ``indent`` narrows every line but the first (a hanging indent, for footnotes).
    """
    space = _width(" ", font, size)
    lines: list[list[_Word]] = []
    cur: list[_Word] = []
    cur_w = 0.0
    for w in words:
        ww = _word_width(w, font, size)
        avail = width - (indent if lines else 0.0)
        if cur and cur_w + space + ww > avail:
            lines.append(cur)
            cur, cur_w = [], 0.0
            avail = width - indent
        cur_w = ww if not cur else cur_w + space + ww
        cur.append(w)
    if cur:
        lines.append(cur)
    return lines


def _runs(words: list[_Word], x: float, font: str, size: float) -> list[Run]:
    """Runs for one wrapped line: plain text joined by spaces, markers raised."""
    runs: list[Run] = []
    space = _width(" ", font, size)
    sup = size * SUP_SIZE / BODY_SIZE
    buf, buf_x = "", x
    for i, w in enumerate(words):
        if i:
            buf += " "
            x += space
        for text, is_sup in w.pieces:
            if is_sup:
                if buf:
                    runs.append(Run(buf_x, buf, font, size))
                runs.append(Run(x, text, font, sup, rise=size * SUP_RISE / BODY_SIZE))
                x += _width(text, font, sup)
                buf, buf_x = "", x
            else:
                buf += text
                x += _width(text, font, size)
    if buf:
        runs.append(Run(buf_x, buf, font, size))
    return runs


class _Paginator:
    """Places body lines on pages and keeps each footnote on its marker's page."""

    def __init__(self, letter: Letter) -> None:
        self.letter = letter
        self.pages: list[Page] = []
        self.y = TOP
        self.pending_notes: list[int] = []
        self.footnote_lines = {fn.number: self._footnote_lines(fn.number, fn.text) for fn in letter.footnotes}
        self._new_page()

    def _footnote_lines(self, number: int, text: str) -> list[list[Run]]:
        label = f"{number} "
        indent = _width(label, REGULAR, FOOT_SIZE)
        words = _words(label + text, {})
        wrapped = _wrap(words, REGULAR, FOOT_SIZE, TEXT_W, indent=indent)
        return [_runs(ws, LEFT + (indent if i else 0.0), REGULAR, FOOT_SIZE) for i, ws in enumerate(wrapped)]

    def _notes_height(self, numbers: list[int]) -> float:
        n = sum(len(self.footnote_lines[k]) for k in numbers)
        return 0.0 if not n else 12.0 + n * FOOT_LEAD  # 12 pt for the rule above

    def _new_page(self) -> None:
        if self.pages:
            self._close_page()
        page = Page(number=len(self.pages) + 1)
        if self.letter.running_header:
            page.header = Line(RUNNING_Y, [Run(LEFT, self.letter.running_header, REGULAR, HEADER_SIZE)])
        self.pages.append(page)
        self.y = TOP
        self.pending_notes = []

    def _close_page(self) -> None:
        page = self.pages[-1]
        notes = [runs for k in self.pending_notes for runs in self.footnote_lines[k]]
        # The last footnote line sits on BOTTOM; the rule goes just above the first.
        y = BOTTOM + (len(notes) - 1) * FOOT_LEAD
        for runs in notes:
            page.footnotes.append(Line(y, runs))
            y -= FOOT_LEAD
        label = str(page.number)
        page.footer = Line(PAGE_NUMBER_Y, [Run(PAGE_W / 2 - _width(label, REGULAR, 9.0) / 2, label, REGULAR, 9.0)])

    def finish(self) -> list[Page]:
        self._close_page()
        return self.pages

    def blank(self, n: int = 1) -> None:
        """Vertical space of ``n`` empty lines (dropped at the top of a page)."""
        if self.y >= TOP:
            return
        for _ in range(n):
            self.y -= BODY_LEAD
            self.pages[-1].body.append(Line(self.y + BODY_LEAD, []))

    def fits(self, lines: int, notes: list[int] | None = None) -> bool:
        need = self._notes_height(self.pending_notes + (notes or []))
        return self.y - (lines - 1) * BODY_LEAD >= BOTTOM + need

    def place(self, runs: list[Run], notes: list[int]) -> None:
        """Place one line, breaking the page first when it or its footnotes do not fit."""
        if not self.fits(1, notes):
            self._new_page()
        self.pages[-1].body.append(Line(self.y, runs))
        self.pending_notes.extend(notes)
        self.y -= BODY_LEAD

    def ensure(self, lines: int) -> None:
        """Start a new page unless ``lines`` more lines fit (keeps headings with text)."""
        if not self.fits(lines):
            self._new_page()


def _marks_for(letter: Letter, text: str) -> tuple[dict[int, str], dict[int, int]]:
    """Marker offsets in one paragraph: offset -> digits, and offset -> footnote number."""
    marks: dict[int, str] = {}
    numbers: dict[int, int] = {}
    for num, phrase in letter.markers.items():
        i = text.find(phrase)
        if i >= 0:
            off = i + len(phrase)
            marks[off] = marks.get(off, "") + num
            numbers[off] = int(num)
    return marks, numbers


def _number_x(name: str, number: str, font: str) -> float:
    """Left edge of a table row's number: right-aligned on the number column,
    or just past a name too long for it (never drawn over the name)."""
    right = max(TABLE_NUMBER_RIGHT, LEFT + _width(name, font, BODY_SIZE) + 12.0 + _width(number, font, BODY_SIZE))
    return right - _width(number, font, BODY_SIZE)


def layout_letter(letter: Letter) -> list[Page]:
    """Lay out a letter on A4 pages.

    Args:
        letter: the parsed letter.

    Returns:
        The pages with every line at its final position.

    Raises:
        ValueError: when a marker phrase is not found exactly once in the body.
    """
    _register_fonts()
    body_texts = [b.text for b in letter.blocks]
    for num, phrase in letter.markers.items():
        count = sum(t.count(phrase) for t in body_texts)
        if count != 1:
            raise ValueError(f"{letter.path.name}: marker {num} {phrase!r} found {count} times in the body")

    pg = _Paginator(letter)
    if letter.kamerstuk_header:
        for i, line in enumerate(letter.kamerstuk_header.split("\n")):
            font = BOLD if i == 0 else REGULAR
            pg.place([Run(LEFT, line, font, BODY_SIZE + 1)], [])
        pg.blank()

    previous = None
    for block in letter.blocks:
        if previous == "table_row" and block.kind != "table_row":
            pg.blank()  # a table ends with one blank line like any paragraph
        previous = block.kind
        if block.kind == "table_row":
            name, number = block.text.rsplit(" ", 1)
            font = BOLD if name.lower().startswith("totaal") else REGULAR
            x_num = _number_x(name, number, font)
            pg.place([Run(LEFT, name, font, BODY_SIZE), Run(x_num, number, font, BODY_SIZE, gap=True)], [])
            continue
        if block.kind == "table_head":
            pg.ensure(3)
            name, number = block.text.rsplit(" ", 1)
            x_num = _number_x(name, number, BOLD)
            pg.place([Run(LEFT, name, BOLD, BODY_SIZE), Run(x_num, number, BOLD, BODY_SIZE, gap=True)], [])
            continue
        font = BOLD if block.kind in ("title", "heading") else REGULAR
        marks, numbers = _marks_for(letter, block.text)
        if block.kind == "heading":
            pg.ensure(3)  # a heading never ends a page
        for k, segment in enumerate(hard_lines(block.text, _words(block.text, marks))):
            # A web page's own line breaks (bullets, metadata lines) stay line breaks;
            # only the first line of a title that has them is set in bold.
            seg_font = REGULAR if block.kind == "title" and k else font
            for ws in _wrap(segment, seg_font, BODY_SIZE, TEXT_W):
                notes = [n for off, n in sorted(numbers.items()) if ws[0].start < off <= ws[-1].end]
                pg.place(_runs(ws, LEFT, seg_font, BODY_SIZE), notes)
        pg.blank()

    # The signature block: roles, room to sign, names; two cells = two columns.
    pg.blank()
    rows = letter.signature
    for i, row in enumerate(rows):
        if row.kind == "role":
            pg.ensure(2 + SIGNATURE_GAP)
        # Two cells share the width; a long role wraps inside its own column,
        # so the line under it may hold the rest of the left role only.
        cells = row.cells[:2]
        width = TEXT_W if len(cells) == 1 else COLUMN_X - LEFT - 12.0
        xs = [LEFT, COLUMN_X]
        wrapped_cells = [[" ".join(t for w in ws for t, _ in w.pieces) for ws in _wrap(_words(cell, {}), REGULAR, BODY_SIZE, width)]
                         for cell in cells]
        for k in range(max(len(c) for c in wrapped_cells)):
            runs = [Run(xs[j], c[k], REGULAR, BODY_SIZE, gap=bool(j)) for j, c in enumerate(wrapped_cells) if k < len(c)]
            pg.place(runs, [])
        if row.kind == "role":
            pg.blank(SIGNATURE_GAP)
        elif i + 1 < len(rows):
            pg.blank()
    return pg.finish()


def layout_text(pages: list[Page]) -> str:
    """The text a reader sees on the pages, pages joined by form feeds.

    Body lines keep their vertical blank lines; one blank line separates the
    body from the footnotes and the footnotes from the page number.
    """
    out = []
    for page in pages:
        lines: list[str] = []
        if page.header:
            lines += [page.header.text, ""]
        body = [ln.text for ln in page.body]
        while body and not body[-1]:
            body.pop()
        lines += body
        if page.footnotes:
            lines += [""] + [ln.text for ln in page.footnotes]
        if page.footer:
            lines += ["", page.footer.text]
        out.append("\n".join(lines) + "\n")
    return "\f".join(out)


def draw_pdf(letter: Letter, pages: list[Page], pdf_path: Path) -> None:
    """Draw the laid-out pages into a PDF with a text layer.

    ``invariant=1`` fixes the dates and document id reportlab writes, so a
    rerun produces the same bytes and git sees no change.
    """
    _register_fonts()
    c = Canvas(str(pdf_path), pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(letter.blocks[0].text if letter.blocks else letter.stem)
    c.setAuthor("artikel100 test corpus")
    for page in pages:
        lines = ([page.header] if page.header else []) + page.body + page.footnotes + ([page.footer] if page.footer else [])
        for line in lines:
            for run in line.runs:
                t = c.beginText()
                t.setFont(run.font, run.size)
                t.setTextOrigin(run.x, line.y + run.rise)
                t.textOut(run.text)
                c.drawText(t)
        if page.footnotes:
            top = page.footnotes[0].y + FOOT_LEAD + 1.0
            c.setLineWidth(0.5)
            c.line(LEFT, top, LEFT + 120.0, top)
        c.showPage()
    c.save()


# --- the scanned form -------------------------------------------------------


def _seed(stem: str, page: int) -> int:
    """A seed that is the same on every run and machine (unlike ``hash``)."""
    return zlib.crc32(f"{stem}:{page}".encode())


def degrade(img: Image.Image, rng: random.Random) -> Image.Image:
    """Make a clean page image look scanned.

    A small rotation, a slight blur, gaussian-like noise, salt-and-pepper
    specks and JPEG loss, all drawn from ``rng``. Noise comes from ``rng``
    bytes rather than ``Image.effect_noise`` because the latter uses C's
    ``rand`` and would differ between runs.
    """
    img = img.convert("L")
    angle = rng.uniform(0.3, 1.0) * rng.choice((-1, 1))
    img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(radius=rng.uniform(0.35, 0.7)))
    w, h = img.size
    # The sum of two uniform images is triangular, close enough to gaussian;
    # scaled so its spread is about 8-14 grey levels.
    u1 = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    u2 = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    tri = ImageChops.add(u1, u2, scale=2.0)
    spread = rng.uniform(0.15, 0.27)
    noise = tri.point(lambda v: max(0, min(255, round(128 + (v - 128) * spread))))
    img = ImageChops.add(img, noise, scale=1.0, offset=-128)
    px = img.load()
    for _ in range(int(w * h * rng.uniform(0.0004, 0.0012))):
        px[rng.randrange(w), rng.randrange(h)] = 0 if rng.random() < 0.5 else 255
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=rng.randint(30, 55))
    buf.seek(0)
    return Image.open(buf).convert("L")


def ocr_pdf(pdf_path: Path, stem: str) -> str:
    """Rasterise, degrade and OCR every page of a PDF; pages joined by form feeds."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    texts = []
    with tempfile.TemporaryDirectory(prefix="artikel100-render-") as tmp:
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf_path), str(Path(tmp) / "p")], check=True)
        images = sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        for number, image_path in enumerate(images, start=1):
            img = degrade(Image.open(image_path), random.Random(_seed(stem, number)))
            buf = io.BytesIO()
            img.save(buf, format="PNG")
            # One page at a time, one thread: the machine is shared.
            result = subprocess.run(
                ["tesseract", "-", "-", "-l", "nld"], input=buf.getvalue(), capture_output=True, check=True, env=env
            )
            texts.append(result.stdout.decode("utf-8").rstrip("\f\n ") + "\n")
    return "\f".join(texts)


def render(clean_path: Path, *, pdf: bool = True, ocr: bool = True) -> list[Path]:
    """Write the PDF, layout text and OCR text of one letter beside it.

    Args:
        clean_path: ``tests/letters/NN_slug.clean.txt``.
        pdf: write ``.pdf`` and ``.layout.txt``.
        ocr: write ``.ocr.txt`` (needs the PDF; made first when missing).

    Returns:
        The files written.
    """
    letter = parse_letter(clean_path)

    def draw(pdf_path: Path) -> str:
        pages = layout_letter(letter)
        draw_pdf(letter, pages, pdf_path)
        return layout_text(pages)

    return write_forms(clean_path.with_name(letter.stem), draw, pdf=pdf, ocr=ocr)


def write_forms(base: Path, draw: Callable[[Path], str], *, pdf: bool, ocr: bool) -> list[Path]:
    """Write ``<base>.pdf`` with ``draw`` (which returns the text layer) and ``<base>.layout.txt``
    when asked or missing, then ``<base>.ocr.txt`` from the PDF."""
    pdf_path = base.with_name(base.name + ".pdf")
    written = []
    if pdf or not pdf_path.exists():
        layout_path = base.with_name(base.name + ".layout.txt")
        layout_path.write_text(draw(pdf_path), encoding="utf-8")
        written += [pdf_path, layout_path]
    if ocr:
        ocr_path = base.with_name(base.name + ".ocr.txt")
        ocr_path.write_text(ocr_pdf(pdf_path, base.name), encoding="utf-8")
        written.append(ocr_path)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("letters", nargs="+", type=Path, help="NN_slug.clean.txt files")
    ap.add_argument("--no-ocr", action="store_true", help="skip the scanned form (.ocr.txt)")
    ap.add_argument("--no-pdf", action="store_true", help="only redo the OCR, from the existing PDF")
    args = ap.parse_args(argv)
    status = 0
    for path in args.letters:
        if not path.name.endswith(".clean.txt"):
            print(f"{path}: not a .clean.txt file", file=sys.stderr)
            status = 1
            continue
        try:
            for out in render(path, pdf=not args.no_pdf, ocr=not args.no_ocr):
                print(out)
        except (ValueError, subprocess.CalledProcessError) as exc:
            print(f"{path}: {exc}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
