"""Images of letter pages (PNG, TIFF with one or more pages, JPEG): OCR.

A scanner or a phone gives us these. Each frame of a multi-page TIFF is a
page. Small images (a screenshot, a fax at 100 dpi) are scaled up first:
tesseract's models expect letters 20-40 pixels high, as at 300 dpi.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

from ..lazy import lazy_module

from ..errors import NoTextFound, UnreadableInput
from ..model import Page, RawDocument
from .limits import Limits, limits
from .ocr import OcrPage, ocr_pages

__all__ = ["ImageReader"]

_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"II*\x00",  # TIFF, little-endian
    b"MM\x00*",  # TIFF, big-endian
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
)
# An A4 page at 300 dpi is 2480 x 3508; below ~1600 pixels on the long side
# body text is under 20 pixels high and tesseract starts to drop letters.
_MIN_LONG_SIDE = 1600
Image = lazy_module("PIL.Image")
ImageOps = lazy_module("PIL.ImageOps")


class ImageReader:
    """Reads page images by OCR, one page per image frame."""

    format = "image"

    def sniff(self, head: bytes, path: Path) -> bool:
        if head.startswith(_MAGIC):
            return True
        # BMP: "BM", the file size, then four zero bytes (a text may begin "BM").
        if head.startswith(b"BM") and head[6:10] == b"\x00\x00\x00\x00":
            return True
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"

    def read(self, path: Path) -> RawDocument:
        """OCR every frame of the image.

        Raises:
            UnreadableInput: the image is corrupt, truncated or too large.
            NoTextFound: no frame holds any text.
            InputError: tesseract is missing.
        """
        image = _open(path)
        try:
            frames = _frames(image, path)
            # An image we scale up no longer has its stored resolution.
            dpi = _dpi(image) if max(image.size) >= _MIN_LONG_SIDE else None
            jobs = [OcrPage(i + 1, _frame_loader(image, i), dpi) for i in range(frames)]
            results = ocr_pages(jobs, path, total=frames)
        finally:
            image.close()
        warnings: list[str] = []
        pages: list[Page] = []
        for result in results:
            if result.text is None:
                warnings.append(f"{path}: page {result.number}: OCR failed ({result.error})")
            pages.append(Page(result.number, result.text or "", "ocr"))
        if not any(p.text.strip() for p in pages):
            if warnings and len(warnings) == len(pages):
                raise UnreadableInput(path, f"OCR failed on every page ({results[0].error})")
            raise NoTextFound(path, "no text found in the image")
        return RawDocument(path=path, format=self.format, pages=pages, warnings=warnings)


def _open(path: Path) -> Image.Image:
    # Decompression-bomb guard: more than a poster at 300 dpi is not a letter
    # (limits.Limits.max_image_pixels); Pillow refuses twice its own bound outright.
    Image.MAX_IMAGE_PIXELS = max(Image.MAX_IMAGE_PIXELS or 0, Limits().max_image_pixels)
    # Pillow only warns about a frame beyond MAX_IMAGE_PIXELS (another frame of
    # a GIF or TIFF than the first, met while counting frames) and decodes it:
    # seconds and a gigabyte. As an error it is refused like any bomb.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return _open_guarded(path)


def _open_guarded(path: Path) -> Image.Image:
    try:
        image = Image.open(path)
    # Pillow's decoders answer crafted files with many kinds of exception
    # (struct.error, SyntaxError, IndexError, ...): all mean a broken image.
    except Exception as exc:  # noqa: BLE001
        raise UnreadableInput(path, f"the image cannot be read ({_reason(exc)})") from None
    width, height = image.size
    if width * height > limits().max_image_pixels:
        image.close()
        raise UnreadableInput(path, f"the image is {width} x {height} pixels, too large for a letter page")
    if _frames(image, path) == 1:
        # Decode now so a truncated file is the file's problem, not a page's.
        try:
            image.load()
        except Exception as exc:  # noqa: BLE001 (as above)
            image.close()
            raise UnreadableInput(path, f"the image cannot be read ({_reason(exc)})") from None
    return image


def _frames(image: Image.Image, path: Path) -> int:
    """The number of pages, refused beyond what one file may hold or OCR."""
    try:
        # Counting a TIFF's frames walks all of them: damage shows here first.
        frames = getattr(image, "n_frames", 1)
    except Exception as exc:  # noqa: BLE001 (as in _open)
        image.close()
        raise UnreadableInput(path, f"the image cannot be read ({_reason(exc)})") from None
    bound = limits()
    if frames > min(bound.max_pages, bound.max_ocr_pages):
        image.close()
        raise UnreadableInput(
            path, f"the image has {frames:,} pages; artikel100 OCRs at most {min(bound.max_pages, bound.max_ocr_pages):,}"
        )
    return frames


def _reason(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text.replace(" or reading beyond end of file", "")


def _dpi(image: Image.Image) -> int | None:
    dpi = image.info.get("dpi")
    try:
        value = int(round(float(dpi[0]))) if dpi else None
    except (TypeError, ValueError, IndexError):
        return None
    # Many writers store 1 or 72 meaning "unknown"; let tesseract estimate.
    return value if value and value >= 100 else None


def _frame_loader(image: Image.Image, index: int) -> Callable[[], Image.Image]:
    """Decode frame ``index`` to grey, upright and large enough to OCR."""

    def load() -> Image.Image:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)  # as in _open
                image.seek(index)
                frame = image.copy()
                frame.load()
        except Exception as exc:  # noqa: BLE001 (as in _open)
            raise RuntimeError(f"frame {index + 1} is damaged: {_reason(exc)}") from exc
        # Phones store portrait photos sideways with an EXIF rotation tag.
        frame = ImageOps.exif_transpose(frame) or frame
        if frame.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
            frame = ImageOps.autocontrast(frame.convert("I").point(lambda v: v / 256).convert("L"))
        long_side = max(frame.size)
        if 0 < long_side < _MIN_LONG_SIDE:
            factor = min(4, -(-_MIN_LONG_SIDE // long_side))
            frame = frame.resize((frame.width * factor, frame.height * factor), Image.LANCZOS)
        return frame

    return load
