"""PDF: the text layer where it is good, OCR page by page where it is not.

Letters reach us both as born-digital PDFs (a clean text layer) and as scans
(no text layer, or one made by a poor OCR long ago). The choice is made per
page: a born-digital letter with one scanned annex page gets its text layer
for the letter and OCR for the annex.

pypdfium2 reads the text layer with the lines as laid out on the page and
renders pages for OCR; it is not thread-safe, so it is only ever called from
this thread, while the OCR itself runs in parallel in ``ocr.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from ..errors import InputError, NoTextFound, UnreadableInput
from ..model import Page, RawDocument
from .base import restore_hyphen_breaks
from .language import known_word_share
from .ocr import OcrPage, OcrResult, ocr_pages

__all__ = ["PdfReader", "text_layer_is_usable", "OCR_DPI"]

OCR_DPI = 300
# A poster-sized page at 300 dpi would be gigabytes of pixels; cap the render.
_MAX_RENDER_PIXELS = 60_000_000
# A page covered by images but with fewer characters than this in its text
# layer is a scan with at most a stamped header in the layer: OCR it.
_MIN_CHARS_ON_IMAGE_PAGE = 200
_IMAGE_PAGE_COVERAGE = 0.5

# Control characters other than pdfium's hyphen mark (see restore_hyphen_breaks) are font junk.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CID = re.compile(r"\(cid:\d+\)")


class PdfReader:
    """Reads PDFs: text layer per page, OCR for pages without a usable one."""

    format = "pdf"

    def sniff(self, head: bytes, path: Path) -> bool:
        # The header may follow a little junk (some mail gateways prepend a line).
        return b"%PDF-" in head[:1024]

    def read(self, path: Path) -> RawDocument:
        """Read every page; OCR the ones whose text layer is missing or junk.

        Raises:
            UnreadableInput: the PDF is truncated, corrupt or needs a password.
            NoTextFound: no page holds any text, not even after OCR.
            InputError: a page needs OCR and tesseract is missing.
        """
        _check_complete(path)
        pdf = _open(path)
        try:
            return self._read_open(pdf, path)
        finally:
            pdf.close()

    def _read_open(self, pdf: pdfium.PdfDocument, path: Path) -> RawDocument:
        texts: list[str] = []
        to_ocr: list[int] = []  # 0-based indexes of pages that need OCR
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                text = _page_text(page)
                coverage = _image_coverage(page)
                # A page with nothing drawn on it is blank, not a scan: no OCR.
                has_objects = next(iter(page.get_objects(max_depth=1)), None) is not None
            finally:
                page.close()
            texts.append(text)
            if not text_layer_is_usable(text, coverage) and (text.strip() or has_objects):
                to_ocr.append(index)

        methods = ["pdf-text"] * len(texts)
        warnings: list[str] = []
        if to_ocr:
            jobs = [OcrPage(i + 1, _renderer(pdf, i), OCR_DPI) for i in to_ocr]
            try:
                results = ocr_pages(jobs, path, total=len(jobs))
            except InputError as exc:
                # Without tesseract a born-digital letter with one scanned
                # annex still has its letter; only a scan as a whole fails.
                if len(to_ocr) == len(texts):
                    raise
                results = [OcrResult(i + 1, None, exc.problem) for i in to_ocr]
            for result in results:
                i = result.number - 1
                if result.text is None:
                    warnings.append(f"{path}: page {result.number}: OCR failed ({result.error})")
                    texts[i] = ""
                    methods[i] = "ocr"
                elif result.text.strip() or not texts[i].strip():
                    texts[i] = result.text
                    methods[i] = "ocr"
                # else: OCR found nothing where the layer had a little text
                # (a photo with a caption); the layer is the better guess.

        if not any(t.strip() for t in texts):
            raise NoTextFound(path, "no text found on any page of the PDF")
        pages = [Page(i + 1, texts[i], methods[i]) for i in range(len(texts))]
        return RawDocument(path=path, format=self.format, pages=pages, warnings=warnings)


def _check_complete(path: Path) -> None:
    # pdfium rebuilds a damaged cross-reference table and happily shows the
    # first pages of a download cut short; we would rather say so than
    # extract half a letter. Every complete PDF ends with %%EOF (give or take
    # a little trailing whitespace or junk).
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - 4096))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise UnreadableInput(path, "the PDF is truncated (no end-of-file marker)")


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise UnreadableInput(path, "the PDF is encrypted with a password") from None
        if "security" in message:
            raise UnreadableInput(path, "the PDF uses an encryption artikel100 cannot open") from None
        raise UnreadableInput(path, "the PDF is corrupt and cannot be read") from None
    if len(pdf) == 0:
        pdf.close()
        raise UnreadableInput(path, "the PDF has no pages")
    return pdf


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        raw = textpage.get_text_range()
        raw = _mark_paragraph_gaps(textpage, raw)
    finally:
        textpage.close()
    text = restore_hyphen_breaks(raw.replace("\r\n", "\n").replace("\r", "\n"))
    # A form feed inside a page would split it in two in RawDocument.source_text.
    text = _CONTROL.sub("", text.replace("\f", "\n"))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


# A gap between lines this many times the usual line spacing is an empty line.
_PARAGRAPH_GAP = 1.6


def _mark_paragraph_gaps(textpage: pdfium.PdfTextPage, raw: str) -> str:
    """Put an empty line where the page shows a vertical gap between lines.

    pdfium gives one text line per printed line but drops the empty lines
    between paragraphs, which is the best paragraph signal a letter has (OCR
    output keeps them). We measure each line's baseline and put them back.
    """
    if textpage.count_chars() != len(raw):
        return raw  # characters outside the BMP shift the indexes; keep pdfium's text
    lines = raw.split("\r\n")
    baselines: list[float | None] = []
    pos = 0
    for line in lines:
        baseline = None
        for offset, char in enumerate(line):
            if not char.isspace():
                baseline = textpage.get_charbox(pos + offset, loose=True)[1]
                break
        baselines.append(baseline)
        pos += len(line) + 2
    gaps = [a - b for a, b in zip(baselines, baselines[1:]) if a is not None and b is not None and a > b]
    if len(gaps) < 2:
        return raw
    usual = sorted(gaps)[len(gaps) // 2]
    out = [lines[0]]
    for i in range(1, len(lines)):
        above, here = baselines[i - 1], baselines[i]
        if above is not None and here is not None and above - here > _PARAGRAPH_GAP * usual:
            out.append("")
        out.append(lines[i])
    return "\r\n".join(out)


def _image_coverage(page: pdfium.PdfPage) -> float:
    """The share of the page area under images (overlaps counted twice, capped at 1)."""
    width, height = page.get_size()
    if width <= 0 or height <= 0:
        return 0.0
    area = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = obj.get_bounds()
        area += max(0.0, right - left) * max(0.0, top - bottom)
    return min(1.0, area / (width * height))


def text_layer_is_usable(text: str, image_coverage: float = 0.0) -> bool:
    """Whether a page's text layer can be trusted over OCR.

    A layer is junk when it is empty, made of ``(cid:NN)`` codes, mostly
    non-letters (a font without a Unicode map gives symbols), mostly letters
    that make no words (a font with shifted codes gives "Wkh plqlvwhu"), or
    far too short for a page that is one big image (a scan with a stamp).

    Args:
        text: the page's text layer.
        image_coverage: the share of the page covered by images, 0..1.
    """
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return False
    if len(_CID.findall(text)) >= 3:
        return False
    letters = sum(c.isalpha() for c in chars)
    alnum = letters + sum(c.isdigit() for c in chars)
    bad = sum(c == "\ufffd" or 0xE000 <= ord(c) <= 0xF8FF for c in chars)
    if alnum < 0.5 * len(chars) or letters < 0.25 * len(chars) or bad > 0.05 * len(chars):
        return False
    if image_coverage >= _IMAGE_PAGE_COVERAGE and len(chars) < _MIN_CHARS_ON_IMAGE_PAGE:
        return False
    share = known_word_share(text)
    return share is None or share >= 0.4


def _renderer(pdf: pdfium.PdfDocument, index: int) -> Callable[[], Image.Image]:
    """A loader for ``OcrPage``: renders page ``index`` in grey at ``OCR_DPI``."""

    def render() -> Image.Image:
        page = pdf[index]
        try:
            width, height = page.get_size()
            scale = OCR_DPI / 72
            pixels = width * scale * height * scale
            if pixels > _MAX_RENDER_PIXELS:
                scale *= math.sqrt(_MAX_RENDER_PIXELS / pixels)
            bitmap = page.render(scale=scale, grayscale=True)
            try:
                return bitmap.to_pil().copy()  # copy: the bitmap's buffer dies with it
            finally:
                bitmap.close()
        finally:
            page.close()

    return render
