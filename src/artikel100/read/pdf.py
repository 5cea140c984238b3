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
import mmap
import re
import zlib
from collections.abc import Callable
from pathlib import Path

from ..lazy import lazy_module

pdfium = lazy_module("pypdfium2")
Image = lazy_module("PIL.Image")

from ..errors import InputError, NoTextFound, UnreadableInput
from ..model import Page, RawDocument
from .base import restore_hyphen_breaks
from .language import known_word_share
from .limits import limits, mb
from .ocr import OcrPage, OcrResult, ocr_pages

__all__ = ["PdfReader", "text_layer_is_usable", "OCR_DPI"]

OCR_DPI = 300
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
        _check_streams(path)
        pdf = _open(path)
        try:
            bound = limits().max_pages
            if len(pdf) > bound:
                raise UnreadableInput(path, f"the PDF has {len(pdf):,} pages; artikel100 reads at most {bound:,}")
            return self._read_open(pdf, path)
        finally:
            pdf.close()

    def _read_open(self, pdf: pdfium.PdfDocument, path: Path) -> RawDocument:
        texts: list[str] = []
        to_ocr: list[int] = []  # 0-based indexes of pages that need OCR
        warnings: list[str] = []
        broken = 0
        for index in range(len(pdf)):
            try:
                page = pdf[index]
            except pdfium.PdfiumError:
                broken += 1
                warnings.append(f"{path}: page {index + 1}: the page is damaged and was left out")
                texts.append("")
                continue
            try:
                text = _page_text(page)
                coverage = _image_coverage(page)
                # A page with nothing drawn on it is blank, not a scan: no OCR.
                has_objects = next(iter(page.get_objects(max_depth=1)), None) is not None
            except pdfium.PdfiumError:
                broken += 1
                warnings.append(f"{path}: page {index + 1}: the page is damaged and was left out")
                texts.append("")
                continue
            finally:
                page.close()
            texts.append(text)
            if not text_layer_is_usable(text, coverage) and (text.strip() or has_objects):
                to_ocr.append(index)
        if broken == len(texts):
            raise UnreadableInput(path, "the PDF is corrupt: no page can be read")
        ocr_bound = limits().max_ocr_pages
        if len(to_ocr) > ocr_bound:
            raise UnreadableInput(
                path, f"{len(to_ocr):,} pages of the PDF need OCR; artikel100 OCRs at most {ocr_bound:,} pages of a file"
            )

        methods = ["pdf-text"] * len(texts)
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
                elif not text_layer_is_usable(texts[i]):
                    # The layer is junk and the page shows no text: there is none.
                    texts[i] = ""
                    methods[i] = "ocr"
                # else: OCR found nothing where the layer had a little real
                # text (a photo with a caption); the layer is the better guess.

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


# A stream compressed with Flate, whose dictionary names the filter shortly before.
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_STREAM = re.compile(rb"stream\r?\n")
_STREAM_SEARCH = 4096


def _check_streams(path: Path) -> None:
    """Refuse a PDF whose compressed streams unpack to more than a letter ever holds.

    pdfium inflates a page's content streams whole when it opens the page: a
    1 MB file can hold a gigabyte of zeros. We inflate each Flate stream
    ourselves first, in pieces and only as far as the limit, so the bomb
    costs a bounded fraction of a second instead of all the memory.

    Raises:
        UnreadableInput: one stream or all together exceed the limit.
    """
    bound = limits().max_unpacked_bytes
    total_bound = 8 * bound
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        seen: set[int] = set()
        total = 0
        for flate in _FLATE.finditer(data):
            stream = _STREAM.search(data, flate.end(), flate.end() + _STREAM_SEARCH)
            if stream is None or stream.end() in seen:
                continue
            seen.add(stream.end())
            size = _inflated_size(data, stream.end(), bound + 1)
            total += size
            if size > bound:
                raise UnreadableInput(
                    path, f"a stream in the PDF unpacks to more than {mb(bound)} (a decompression bomb?)"
                )
            if total > total_bound:
                raise UnreadableInput(
                    path, f"the PDF's streams unpack to more than {mb(total_bound)} (a decompression bomb?)"
                )


def _inflated_size(data: mmap.mmap, start: int, cap: int) -> int:
    """How many bytes the zlib stream at ``start`` inflates to, counting no further than ``cap``."""
    inflater = zlib.decompressobj()
    size, pos = 0, start
    try:
        while size < cap and pos < len(data) and not inflater.eof:
            chunk = data[pos : pos + 65536]
            pos += len(chunk)
            size += len(inflater.decompress(chunk, cap - size))
            while inflater.unconsumed_tail and size < cap:
                size += len(inflater.decompress(inflater.unconsumed_tail, cap - size))
    except zlib.error:
        pass  # damaged data: pdfium stops there too
    return size


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
    for obj in page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE]):
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
            bound = limits().max_render_pixels
            if pixels > bound:
                scale *= math.sqrt(bound / pixels)
            bitmap = page.render(scale=scale, grayscale=True)
            try:
                return bitmap.to_pil().copy()  # copy: the bitmap's buffer dies with it
            finally:
                bitmap.close()
        finally:
            page.close()

    return render
