"""Real OCR end to end: a test letter printed, scanned (degraded page images in a
multi-page TIFF), read by artikel100's own OCR reader and repaired."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from artikel100 import clean_file, read_document
from letters_corpus import letters, word_errors

sys.path.insert(0, str(Path(__file__).resolve().parent / "corpus"))
from render import _seed, degrade  # noqa: E402  the corpus renderer's scanner

pytestmark = [
    pytest.mark.ocr,
    pytest.mark.skipif(not (shutil.which("tesseract") and shutil.which("pdftoppm")), reason="needs tesseract and poppler"),
]


def _scan(pdf: Path, stem: str, out: Path) -> Path:
    subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), str(out / "p")], check=True)
    pages = sorted(out.glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    images = [degrade(Image.open(p), random.Random(_seed(stem, n))) for n, p in enumerate(pages, start=1)]
    tiff = out / f"{stem}.tiff"
    images[0].save(tiff, save_all=True, append_images=images[1:], dpi=(200, 200))
    return tiff


def test_a_scanned_letter_is_read_by_ocr_and_repair_halves_its_word_errors(tmp_path: Path) -> None:
    letter = next(l for l in letters() if l.path("pdf").exists() and not l.meta.get("style"))
    tiff = _scan(letter.path("pdf"), letter.stem, tmp_path)
    raw = read_document(tiff)
    assert raw.format == "image" and len(raw.pages) >= 2
    assert all(page.method == "ocr" for page in raw.pages)
    header = " ".join(letter.header_words())
    before, words = word_errors(letter.clean_text, " ".join(raw.source_text.split()).replace(header, "", 1))
    after, _ = word_errors(letter.clean_text, " ".join(clean_file(tiff).text.split()).replace(header, "", 1))
    assert before > 0
    assert after <= before / 2, f"{before} word errors before repair, {after} after, of {words}"
