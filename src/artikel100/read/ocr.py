"""OCR with the ``tesseract`` binary: one subprocess per page, pages in parallel.

Scanned PDFs and images both end here. Pages are handed over as Pillow images
(rendered or decoded by the caller, in the caller's thread, because pypdfium2
is not thread-safe) and sent to ``tesseract`` over stdin as uncompressed PGM,
which costs ~20 ms per A4 page at 300 dpi against ~50 ms for PNG. Each
``tesseract`` runs with ``OMP_THREAD_LIMIT=1``: its own OpenMP threads fight
each other when several pages run at once and make the whole slower.

A page that fails OCR becomes ``None`` in the results; the caller turns it
into an empty page plus a warning so one bad page does not lose the letter.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..lazy import lazy_module

Image = lazy_module("PIL.Image")
_rich_console = lazy_module("rich.console")
_rich_progress = lazy_module("rich.progress")

from ..errors import InputError, UnreadableInput
from .limits import limits

__all__ = [
    "OcrPage",
    "OcrResult",
    "ocr_pages",
    "ocr_image_bytes",
    "image_to_pgm",
    "require_tesseract",
    "LANGUAGE",
    "PROGRESS_MIN_PAGES",
]

LANGUAGE = "nld"
# Documents longer than this get a progress bar on stderr; short ones finish
# before a bar would be worth its noise.
PROGRESS_MIN_PAGES = 3
# How long one page and one file may take: ``limits.Limits.ocr_page_timeout_s``
# and ``ocr_file_budget_s`` (a dense A4 page takes 1-3 s).
_INSTALL_HINT = "tesseract is not installed; run: apt-get install tesseract-ocr tesseract-ocr-nld"


@dataclass(frozen=True)
class OcrPage:
    """A page waiting for OCR.

    Attributes:
        number: the 1-based page number in the document.
        load: returns the page image; called in the caller's thread, one page
            at a time, just before the page is queued, so at most a few page
            images are in memory at once.
        dpi: the resolution of the image when known (tells tesseract the scale).
    """

    number: int
    load: Callable[[], Image.Image]
    dpi: int | None = None


@dataclass(frozen=True)
class OcrResult:
    """The text of one page, or why OCR failed on it."""

    number: int
    text: str | None
    error: str | None = None


@functools.lru_cache(maxsize=1)
def _tesseract_languages(binary: str) -> frozenset[str]:
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    # The first line is a header ("List of available languages in ...").
    return frozenset(line.strip() for line in out.stdout.splitlines()[1:] if line.strip())


def require_tesseract(path: str | Path | None, language: str = LANGUAGE) -> str:
    """The path of the tesseract binary, checked to have the language data.

    Raises:
        InputError: tesseract or its Dutch data is missing; the message says
            how to install them.
    """
    binary = shutil.which(os.environ.get("ARTIKEL100_TESSERACT", "tesseract"))
    if binary is None:
        raise InputError(path, f"needs OCR but {_INSTALL_HINT}")
    if language not in _tesseract_languages(binary):
        raise InputError(
            path, f"needs OCR but tesseract has no '{language}' data; run: apt-get install tesseract-ocr-{language}"
        )
    return binary


def image_to_pgm(image: Image.Image) -> bytes:
    """The image as 8-bit grey PGM, the cheapest format tesseract reads from stdin."""
    if image.mode != "L":  # (a bilevel "1" image too: saved as PPM it would be a P4 bitmap)
        if image.mode in ("RGBA", "LA", "P"):
            # Transparent pixels are black in the raw data; put them on white paper.
            image = image.convert("RGBA")
            paper = Image.new("RGBA", image.size, "white")
            paper.alpha_composite(image)
            image = paper
        image = image.convert("L")
    buf = io.BytesIO()
    image.save(buf, format="PPM")
    return buf.getvalue()


def ocr_image_bytes(binary: str, data: bytes, dpi: int | None = None, language: str = LANGUAGE) -> str:
    """Run one tesseract on one image given as bytes; return its text.

    Raises:
        RuntimeError: tesseract failed or timed out (the message says why).
    """
    cmd = [binary, "stdin", "stdout", "-l", language]
    if dpi:
        cmd += ["--dpi", str(dpi)]
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    timeout = limits().ocr_page_timeout_s
    try:
        proc = subprocess.run(cmd, input=data, capture_output=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"tesseract took more than {timeout:g} s on the page") from exc
    except OSError as exc:
        raise RuntimeError(f"tesseract could not run: {exc}") from exc
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"tesseract failed: {message[-1] if message else f'exit {proc.returncode}'}")
    return _tidy(proc.stdout.decode("utf-8", "replace"))


def _tidy(text: str) -> str:
    # tesseract ends every page with a form feed, our page separator; drop it
    # and any stray one so page boundaries stay ours.
    text = text.replace("\f", "\n").replace("\r\n", "\n")
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


def _workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _progress(total: int) -> _rich_progress.Progress | None:
    if total <= PROGRESS_MIN_PAGES:
        return None
    console = _rich_console.Console(file=sys.stderr)
    if not console.is_terminal:
        # In a pipe or a log the bar is noise, and would break the promise of
        # one line on stderr per bad file.
        return None
    return _rich_progress.Progress(
        _rich_progress.TextColumn("[bold]OCR[/bold] {task.description}"),
        _rich_progress.BarColumn(),
        _rich_progress.MofNCompleteColumn(),
        _rich_progress.TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def ocr_pages(
    pages: Iterable[OcrPage],
    path: str | Path | None,
    total: int,
    *,
    language: str = LANGUAGE,
    workers: int | None = None,
) -> list[OcrResult]:
    """OCR pages in parallel over the cores; results come back in page order.

    Args:
        pages: the pages to OCR; their images are loaded lazily, in this thread.
        path: the file the pages come from (for error messages and the bar).
        total: how many pages ``pages`` yields (for the progress bar).
        language: the tesseract language.
        workers: parallel tesseract processes; default one per core.

    Raises:
        InputError: tesseract is not installed.
        UnreadableInput: the OCR of all pages took longer than the file's budget.
    """
    binary = require_tesseract(path, language)
    budget = limits().ocr_file_budget_s
    deadline = time.monotonic() + budget
    workers = workers or _workers()
    progress = _progress(total)
    results: list[OcrResult] = []
    # Threads are enough: each one waits on its tesseract process, which does
    # the work outside the GIL.
    with ThreadPoolExecutor(max_workers=workers) as pool:
        task = progress.add_task(Path(path).name if path else "", total=total) if progress else None
        if progress:
            progress.start()
        try:
            pending: list[tuple[int, Future[str]]] = []
            for page in pages:
                # Keep no more than two images per worker in flight: a 300 dpi
                # A4 page is 8.7 MB of grey pixels.
                while len(pending) >= 2 * workers:
                    results.append(_collect(*pending.pop(0), progress, task))
                if time.monotonic() > deadline:
                    for _, future in pending:
                        future.cancel()
                    raise UnreadableInput(
                        path, f"OCR took more than {budget:g} s for the file ({len(results)} of {total} pages done)"
                    )
                try:
                    data = image_to_pgm(page.load())
                except Exception as exc:  # a page that cannot be rendered is a page-level failure
                    results.append(OcrResult(page.number, None, f"could not render the page: {exc}"))
                    if progress and task is not None:
                        progress.advance(task)
                    continue
                pending.append((page.number, pool.submit(ocr_image_bytes, binary, data, page.dpi, language)))
            for number, future in pending:
                results.append(_collect(number, future, progress, task))
        finally:
            if progress:
                progress.stop()
    results.sort(key=lambda r: r.number)
    return results


def _collect(number: int, future: Future[str], progress: _rich_progress.Progress | None, task: object) -> OcrResult:
    try:
        result = OcrResult(number, future.result())
    except RuntimeError as exc:
        result = OcrResult(number, None, str(exc))
    if progress is not None and task is not None:
        progress.advance(task)  # type: ignore[arg-type]
    return result
