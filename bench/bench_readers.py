"""Benchmark the readers: pages per second per format, and our OCR against bare tesseract.

Usage: ``python bench/bench_readers.py [--letters N] [--ocr-pages N] [--no-write]``

The letters are made from the seed letter (``../shared/seed``): its paragraphs
laid out on A4 with reportlab (text-layer PDF), "scanned" with pdftoppm at
300 dpi (image-only PDF and PNGs), and written as kamerstuk HTML and XML,
DOCX and cp1252 text. Pages per second for the flowing formats (one page per
document) count the printed pages of the same letter, so the figures compare.

The OCR ratio is our reader's wall time over bare ``tesseract IMG stdout -l
nld``, run one page after the other as a shell loop would (tesseract's own
OpenMP threads on, its default, and off), on the same page
images. Below 1 means our page-parallel OCR is faster than the loop.
"""

from __future__ import annotations

import argparse
import html
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks_md import BENCHMARKS, replace_section

from artikel100.read import read_document

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_58c76a8e68136705.clean.txt"


def paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def make_pdf(path: Path, paras: list[str]) -> int:
    """A text-layer PDF of the paragraphs; returns its page count."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    doc = SimpleDocTemplate(str(path), pagesize=A4)
    doc.build([Paragraph(html.escape(p), style) for p in paras])
    return doc.page


def make_html(path: Path, paras: list[str]) -> None:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    path.write_text(
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"></head><body><main>'
        '<div id="broodtekst"><table><tr><td class="kamerstuknr">27 925</td>'
        '<td class="dossiertitel">Bestrijding internationaal terrorisme</td></tr></table>'
        f'<p class="stuknr">Nr. 990</p>{body}</div></main></body></html>',
        encoding="utf-8",
    )


def make_xml(path: Path, paras: list[str]) -> None:
    body = "\n".join(f"<al>{html.escape(p)}</al>" for p in paras)
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><officiele-publicatie><kamerstuk>'
        "<dossier><dossiernummer>27925</dossiernummer><titel>Bestrijding internationaal terrorisme</titel></dossier>"
        f"<stuk><stuknr><ondernummer>990</ondernummer></stuknr><titel>BRIEF</titel><brief>{body}</brief></stuk>"
        "</kamerstuk></officiele-publicatie>",
        encoding="utf-8",
    )


def make_docx(path: Path, paras: list[str]) -> None:
    import docx

    document = docx.Document()
    for p in paras:
        document.add_paragraph(p)
    document.save(path)


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def bench(letters: int, ocr_pages: int) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    paras = paragraphs()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files: dict[str, list[Path]] = {k: [] for k in ("pdf", "html", "xml", "docx", "text")}
        printed_pages = 0
        for i in range(letters):
            # Each letter a different rotation of the seed's paragraphs.
            p = paras[i:] + paras[:i]
            pdf = folder / f"letter{i}.pdf"
            printed_pages += make_pdf(pdf, p)
            files["pdf"].append(pdf)
            for fmt, make in (("html", make_html), ("xml", make_xml), ("docx", make_docx)):
                path = folder / f"letter{i}.{fmt}"
                make(path, p)
                files[fmt].append(path)
            text = folder / f"letter{i}.txt"
            text.write_bytes("\n\n".join(p).encode("cp1252", "replace"))
            files["text"].append(text)

        for fmt, paths in files.items():
            seconds = timed(lambda paths=paths: [read_document(x) for x in paths], repeat=3)
            rows.append((f"{fmt} ({letters} letters, {printed_pages} printed pages)", f"{printed_pages / seconds:,.0f} pages/s", f"{seconds / letters * 1000:.1f} ms/letter"))

        # OCR: the first pages of the first letter, scanned at 300 dpi.
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-l", str(ocr_pages), str(files["pdf"][0]), str(folder / "scan")], check=True)
        pngs = sorted(folder.glob("scan-*.png"))[:ocr_pages]
        from PIL import Image

        images = [Image.open(p).convert("L") for p in pngs]
        scan_pdf = folder / "scan.pdf"
        tiff = folder / "scan.tiff"
        images[0].save(scan_pdf, save_all=True, append_images=images[1:], resolution=300)
        images = [Image.open(p).convert("L") for p in pngs]
        images[0].save(tiff, save_all=True, append_images=images[1:], compression="tiff_lzw", dpi=(300, 300))

        bare = timed(lambda: [subprocess.run(["tesseract", str(p), "stdout", "-l", "nld"], capture_output=True, check=True) for p in pngs])
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        bare1 = timed(lambda: [subprocess.run(["tesseract", str(p), "stdout", "-l", "nld"], capture_output=True, check=True, env=env) for p in pngs])
        ours_images = timed(lambda: read_document(tiff))
        ours_pdf = timed(lambda: read_document(scan_pdf))
        n = len(pngs)
        rows.append((f"bare tesseract, one page after the other ({n} pages, 300 dpi)", f"{n / bare:.2f} pages/s", "1.00 (reference)"))
        rows.append((f"bare tesseract with OMP_THREAD_LIMIT=1, one after the other ({n} pages)", f"{n / bare1:.2f} pages/s", f"{bare1 / bare:.2f} x bare time"))
        rows.append((f"image reader, multi-page TIFF ({n} pages)", f"{n / ours_images:.2f} pages/s", f"{ours_images / bare:.2f} x bare time"))
        rows.append((f"pdf reader, scanned PDF incl. rendering ({n} pages)", f"{n / ours_pdf:.2f} pages/s", f"{ours_pdf / bare:.2f} x bare time"))
    return rows


def machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    # Other engineers share the cores: the load says how much the OCR figures can be trusted.
    return f"{platform.machine()}, {cores} cores (shared; load average {load} at the end), Python {platform.python_version()}, {version}"


def write_section(rows: list[tuple[str, str, str]]) -> None:
    lines = [
        "## Readers",
        "",
        f"`python bench/bench_readers.py` on {machine()}, {time.strftime('%Y-%m-%d')}.",
        "Letters are the seed letter's paragraphs laid out per format; OCR pages are 300 dpi scans of it.",
        "",
        "| reader | speed | per letter / against bare tesseract |",
        "|---|---|---|",
        *[f"| {a} | {b} | {c} |" for a, b, c in rows],
        "",
    ]
    replace_section("Readers", "\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=4)
    parser.add_argument("--ocr-pages", type=int, default=4)
    parser.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args()
    rows = bench(args.letters, args.ocr_pages)
    width = max(len(a) for a, _, _ in rows)
    for a, b, c in rows:
        print(f"{a:<{width}}  {b:>16}  {c}")
    if not args.no_write:
        write_section(rows)
        print(f"written to {BENCHMARKS}", file=sys.stderr)


if __name__ == "__main__":
    main()
