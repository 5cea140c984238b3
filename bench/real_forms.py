"""OCR'd renders of the real letters in ``../shared/real``, kept outside the repository.

    python bench/real_forms.py [--force]

Each ``../shared/real/texts/<id>.txt`` is printed as it stands (its lines
wrapped to an A4 page, 10 pt DejaVu Sans), rasterised, degraded like a scan and
read back with ``tesseract -l nld`` by the same code that makes the scanned
form of our own test letters (``tests/corpus/render.py``). The results go to
``$ARTIKEL100_CACHE`` (default ``~/.cache/artikel100``) ``/real-ocr/<id>.txt``,
named by the hash of the text, so a changed letter is rendered again and the
real letters' texts never enter this repository.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "corpus"))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

import render  # noqa: E402

REAL = Path(os.environ.get("ARTIKEL100_SHARED", ROOT.parent / "shared")) / "real" / "texts"
CACHE = Path(os.environ.get("ARTIKEL100_CACHE", Path.home() / ".cache" / "artikel100")) / "real-ocr"

_SIZE, _LEAD = 10.0, 13.0
_LEFT, _TOP, _BOTTOM = 64.0, A4[1] - 60.0, 60.0
_WIDTH = A4[0] - 2 * _LEFT


def _wrap(line: str) -> list[str]:
    """One source line as the printed lines it takes at the page's width."""
    out, current = [], ""
    for word in line.split():
        trial = f"{current} {word}" if current else word
        if current and stringWidth(trial, render.REGULAR, _SIZE) > _WIDTH:
            out.append(current)
            current = word
        else:
            current = trial
    return out + [current]


def draw_text_pdf(text: str, pdf_path: Path) -> None:
    """Print a plain text on A4 pages, blank lines kept."""
    render._register_fonts()
    canvas = Canvas(str(pdf_path), pagesize=A4)
    y = _TOP
    for source_line in text.splitlines():
        for printed in _wrap(source_line) if source_line.strip() else [""]:
            if y < _BOTTOM:
                canvas.showPage()
                y = _TOP
            canvas.setFont(render.REGULAR, _SIZE)
            canvas.drawString(_LEFT, y, printed)
            y -= _LEAD
    canvas.save()


def ocr_form(path: Path, force: bool = False) -> Path:
    """The OCR'd render of one real letter, made when missing or stale."""
    text = path.read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    out = CACHE / f"{path.stem}.{digest}.txt"
    if out.exists() and not force:
        return out
    CACHE.mkdir(parents=True, exist_ok=True)
    for stale in CACHE.glob(f"{path.stem}.*.txt"):
        stale.unlink()
    with tempfile.TemporaryDirectory(prefix="artikel100-real-") as tmp:
        pdf = Path(tmp) / f"{path.stem}.pdf"
        draw_text_pdf(text, pdf)
        out.write_text(render.ocr_pdf(pdf, path.stem), encoding="utf-8")
    return out


def ocr_forms(force: bool = False) -> dict[str, Path]:
    """Every real letter's OCR'd render, by letter id."""
    return {p.stem: ocr_form(p, force) for p in sorted(REAL.glob("*.txt"))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--force", action="store_true", help="render again even when cached")
    args = ap.parse_args()
    if not REAL.exists():
        print(f"{REAL}: not found (the real letters live in ../shared/real)", file=sys.stderr)
        return 2
    forms = ocr_forms(args.force)
    print(f"{len(forms)} OCR'd renders in {CACHE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
