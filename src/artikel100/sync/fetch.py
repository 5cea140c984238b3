"""Fetching one publication's file: the best format first, each file once.

The order is the one the issue asks for: the Kamerstuk XML, then its HTML
(both from officielebekendmakingen), then the Tweede Kamer's own file (a PDF,
sometimes Word), then KOOP's PDF. A candidate that is missing (404), a
``fout404`` page served with 200, or XML/HTML without letter text (KOOP's
externally supplied parts can have an empty XML but a real PDF) falls through
to the next. The withdrawn-publication placeholder marks the publication
withdrawn.

A fetched file is written to the cache folder under its SHA-256, atomically
(a temp file renamed into place), so an interrupted sync finds either the
whole file or none. Conditional requests (``If-None-Match`` /
``If-Modified-Since``) ask again for a file fetched before.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from .endpoints import Endpoints
from .errors import FetchError
from .http import PoliteClient

__all__ = ["Candidate", "candidates", "Fetched", "fetch_best", "sniff_format", "WITHDRAWN"]

WITHDRAWN = "Deze publicatie is op verzoek van publicerende organisatie verwijderd"
_MIN_TEXT = 200  # characters of text below which a markup file holds no letter


@dataclass(frozen=True)
class Candidate:
    url: str
    label: str  # "koop xml", "koop html", "tk resource", "koop pdf"


def candidates(row: dict[str, Any], endpoints: Endpoints) -> list[Candidate]:
    tk = json.loads(row.get("tk_meta") or "{}")
    koop = json.loads(row.get("koop_meta") or "{}")
    urls = koop.get("urls") or {}
    out = [Candidate(endpoints.follow(urls[m], endpoints.koop), f"koop {m}") for m in ("xml", "html") if urls.get(m)]
    if tk.get("ContentType") and row.get("tk_id"):
        out.append(Candidate(endpoints.document_resource(row["tk_id"]), "tk resource"))
    if urls.get("pdf"):
        out.append(Candidate(endpoints.follow(urls["pdf"], endpoints.koop), "koop pdf"))
    return out


def sniff_format(data: bytes) -> str:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    low = head.lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low[:300]:
        return "html"
    if low.startswith(b"<"):
        return "xml"
    return "bin"


def _markup_text(data: bytes, fmt: str) -> str:
    try:
        if fmt == "xml":
            root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
        else:
            root = lxml_html.document_fromstring(data)
    except (etree.XMLSyntaxError, etree.ParserError, ValueError):
        return ""
    if root is None:
        return ""
    for junk in root.iter("script", "style", "head"):
        junk.text = ""
    return " ".join("".join(root.itertext()).split())


@dataclass
class Fetched:
    """What a fetch came to."""

    outcome: str  # "fetched" | "not modified" | "withdrawn" | "missing"
    candidate: Candidate | None = None
    path: Path | None = None
    sha256: str | None = None
    size: int = 0
    format: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    notes: tuple[str, ...] = ()


def _save(data: bytes, cache: Path, fmt: str) -> tuple[Path, str]:
    sha = hashlib.sha256(data).hexdigest()
    cache.mkdir(parents=True, exist_ok=True)
    final = cache / f"{sha}.{fmt}"
    if not final.exists():
        fd, tmp = tempfile.mkstemp(dir=cache, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, final)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    return final, sha


def skipped_urls(row: dict[str, Any]) -> dict[str, str]:
    """Candidates found wanting for the row's current change stamp."""
    data = json.loads(row.get("skipped") or "{}")
    return data.get("urls", {}) if data.get("for") == row.get("changed") else {}


def fetch_best(
    client: PoliteClient, row: dict[str, Any], endpoints: Endpoints, cache: Path,
    on_skip: Callable[[str, str], None] | None = None,
) -> Fetched:
    """Fetch the first usable candidate of ``row``.

    A candidate fetched before (same URL, an ETag or Last-Modified on the row)
    is asked for conditionally; 304 means the stored letter is current.

    Raises:
        FetchError: a candidate failed after every retry (the row stays pending).
    """
    todo = candidates(row, endpoints)
    # The file fetched last time is asked for first, conditionally: a changed
    # stamp often means changed metadata, and the better formats before it
    # were tried (and found wanting) then.
    todo.sort(key=lambda c: c.url != row.get("file_url"))
    known = skipped_urls(row)
    notes = [f"{url}: {why}" for url, why in known.items()]

    def skip(cand: Candidate, why: str) -> None:
        notes.append(f"{cand.label}: {why}")
        if on_skip is not None:
            on_skip(cand.url, why)  # remembered, so that a resumed run does not ask again

    for cand in (c for c in todo if c.url not in known):
        headers: dict[str, str] = {}
        if cand.url == row.get("file_url") and row.get("letter_id"):
            if row.get("etag"):
                headers["If-None-Match"] = row["etag"]
            if row.get("last_modified"):
                headers["If-Modified-Since"] = row["last_modified"]
        response = client.get(cand.url, headers)
        if response.status == 304:
            return Fetched("not modified", cand, etag=row.get("etag"), last_modified=row.get("last_modified"))
        if response.status in (404, 410, 204):
            skip(cand, f"HTTP {response.status}")
            continue
        if response.status != 200:
            raise FetchError(f"{cand.url}: HTTP {response.status}")
        data = response.content
        fmt = sniff_format(data)
        if fmt in ("xml", "html"):
            text = _markup_text(data, fmt)
            if WITHDRAWN.lower() in text.lower() and len(text) < 2000:
                return Fetched("withdrawn", cand, notes=tuple(notes))
            if "fout404" in text.lower() or len(text) < _MIN_TEXT:
                skip(cand, "no letter text")
                continue
        elif not data:
            skip(cand, "empty file")
            continue
        path, sha = _save(data, cache, fmt)
        return Fetched("fetched", cand, path, sha, len(data), fmt, response.header("ETag"),
                       response.header("Last-Modified"), tuple(notes))
    return Fetched("missing", notes=tuple(notes))
