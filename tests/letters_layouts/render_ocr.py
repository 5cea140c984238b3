"""Render the publication-layout letters as printed pages and read them back with Tesseract.

    python tests/letters_layouts/render_ocr.py [NNN_slug.txt ...]

Each ``NNN_slug.txt`` is the text as a site or the official print publishes it;
this draws it on A4 pages line by line (long lines wrapped, as a browser's print
does), degrades the page images as ``tests/corpus/render.py`` does for the other
test letters, and writes what ``tesseract -l nld`` reads as ``NNN_slug.ocr.txt``.
"""

from __future__ import annotations

import sys
import tempfile
import textwrap
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "corpus"))

from render import REGULAR, _register_fonts, ocr_pdf  # noqa: E402

__all__ = ["render"]


def render(path: Path) -> Path:
    """Write ``<stem>.ocr.txt`` beside the letter and return its path."""
    _register_fonts()
    lines: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        lines += textwrap.wrap(line, 95) or [""]
    out = path.with_name(path.name[: -len(".txt")] + ".ocr.txt")
    with tempfile.TemporaryDirectory(prefix="artikel100-layouts-") as tmp:
        pdf = Path(tmp) / "letter.pdf"
        canvas = Canvas(str(pdf), pagesize=A4)
        y = 800
        for line in lines:
            if y < 60:
                canvas.showPage()
                y = 800
            canvas.setFont(REGULAR, 9)
            canvas.drawString(50, y, line)
            y -= 12
        canvas.save()
        out.write_text(ocr_pdf(pdf, path.stem), encoding="utf-8")
    return out


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(p for p in HERE.glob("*.txt") if not p.name.endswith(".ocr.txt"))
    for path in paths:
        print(render(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
