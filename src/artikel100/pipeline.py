"""The flow in one place: read -> repair -> structure -> extract.

Each stage is a function from one typed value to the next; this module only
strings them together and collects what went wrong on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .errors import InputError
from .facts import Extraction
from .model import CleanDocument, RawDocument
from .read import read_document, read_text
from .read.language import check_dutch, check_letter
from .repair import repair
from .extract import extract

__all__ = ["Result", "process", "process_text", "clean_file"]

Status = Literal["success", "partial", "failure"]


@dataclass
class Result:
    """The outcome of processing one file.

    ``status`` is "partial" when the letter was read but some pages or stages
    reported problems (listed in ``errors``), "failure" when nothing usable came out.
    """

    path: Path | None
    status: Status
    document: CleanDocument | None = None
    extraction: Extraction | None = None
    errors: list[str] = field(default_factory=list)


def _read(path: str | Path) -> RawDocument:
    raw = read_document(path)
    check_dutch(raw.source_text, raw.path)
    check_letter(raw.source_text, raw.path)
    return raw


def clean_file(path: str | Path) -> CleanDocument:
    """Read and repair one file.

    Raises:
        InputError: the file is unreadable or not a Dutch letter.
    """
    return repair(_read(path))


def _run(raw: RawDocument) -> Result:
    clean = repair(raw)
    extraction = extract(clean)
    status: Status = "partial" if raw.warnings else "success"
    return Result(raw.path, status, clean, extraction, list(raw.warnings))


def process(path: str | Path) -> Result:
    """Read, repair and extract one file.

    Raises:
        InputError: the file is unreadable or not a letter.
    """
    return _run(_read(path))


def process_text(text: str) -> Result:
    """Repair and extract text already in memory."""
    return _run(read_text(text))


def process_many(paths: list[Path]) -> list[Result]:
    """Process a batch; a bad file becomes a failed Result, the rest goes on."""
    results = []
    for path in paths:
        try:
            results.append(process(path))
        except InputError as exc:
            results.append(Result(path, "failure", errors=[str(exc)]))
    return results
