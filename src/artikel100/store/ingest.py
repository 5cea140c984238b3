"""Ingest: letter files in, one transaction per letter out.

Reading and extracting run in worker processes (one per core); only the
parent writes, one letter per transaction. That makes a batch atomic per
letter: a bad file is reported and skipped, and a crash (even SIGKILL) can
only lose the letter in flight, whose transaction the database rolls back.

Idempotence comes from two hashes: a source file's bytes (the same file is
never processed twice) and the cleaned text (the same letter read from two
formats is one letter with two source files). A letter extracted by an older
artikel100 has its facts replaced, in one transaction, when it is met again.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, and_, bindparam, delete, insert, or_, select, text, update
from sqlalchemy.exc import DataError, IntegrityError, SQLAlchemyError

from ..errors import InputError, StoreError
from ..facts import Extraction
from ..model import CleanDocument
from ..pipeline import Result, process
from ..read import check_file, os_problem
from . import schema as s
from .db import Backoff, Registry, first_line, is_transient
from .search import index_body, index_letter, words

__all__ = [
    "LETTER_SUFFIXES",
    "collect_paths",
    "extractor_version",
    "Prepared",
    "prepare",
    "prepare_document",
    "document_layout",
    "store_prepared",
    "ingest_extraction",
    "LetterRejected",
    "FileOutcome",
    "IngestReport",
    "ingest",
]

LETTER_SUFFIXES = frozenset(
    ".txt .pdf .html .htm .xhtml .xml .docx .png .jpg .jpeg .tif .tiff .gif .bmp .webp".split()
)
# The corpus keeps a reference cleaned text ``X.clean.txt`` beside a letter
# ``X.txt``/``X.pdf``: it is the same letter, so it is skipped when such a
# sibling exists (a ``.clean.txt`` alone is the letter itself).
_REFERENCE_TEXT = ".clean.txt"

Outcome = Literal["added", "replaced", "unchanged", "duplicate", "failed"]


def extractor_version() -> str:
    """The version stamped on facts: artikel100's, plus extract's own if it declares one."""
    from .. import __version__
    from .. import extract

    own = getattr(extract, "VERSION", None)
    return f"{__version__}+{own}" if own else __version__


def is_letter_file(path: Path) -> bool:
    name = path.name.lower()
    return path.suffix.lower() in LETTER_SUFFIXES and not name.startswith(".")


def _drop_reference_texts(letters: list[Path], skipped: list[Path]) -> list[Path]:
    originals = {
        (p.parent, p.name[: -len(p.suffix)]) for p in letters if not p.name.lower().endswith(_REFERENCE_TEXT)
    }
    kept = []
    for p in letters:
        if p.name.lower().endswith(_REFERENCE_TEXT) and (p.parent, p.name[: -len(_REFERENCE_TEXT)]) in originals:
            skipped.append(p)
        else:
            kept.append(p)
    return kept


def collect_paths(inputs: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Path]]:
    """Expand files, folders (recursively) and globs into letter files.

    Returns:
        (letters, skipped): letter files in a stable order, and the non-letter
        files met on the way (``.gold.json``, ``.meta.json``, ...).
    """
    letters: list[Path] = []
    skipped: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path, named: bool = False) -> None:
        if path in seen:
            return
        seen.add(path)
        # A file named on its own is read whatever its name: formats are told by content.
        (letters if named or is_letter_file(path) else skipped).append(path)

    for item in inputs:
        raw = str(item)
        path = Path(raw)
        if path.is_dir():
            # Not only regular files: a broken link or a pipe named like a
            # letter is reported as a failed file rather than passed over.
            for child in sorted(p for p in path.rglob("*") if not p.is_dir()):
                add(child)
        elif path.exists() or path.is_symlink():
            add(path, named=True)
        elif not glob.has_magic(raw):
            # A missing plain path is kept so the reader reports it as one failed file.
            if path not in seen:
                seen.add(path)
                letters.append(path)
        else:
            for match in sorted(glob.glob(raw, recursive=True)):
                m = Path(match)
                if m.is_dir():
                    for child in sorted(p for p in m.rglob("*") if not p.is_dir()):
                        add(child)
                else:
                    add(m)
    return _drop_reference_texts(letters, skipped), skipped


@dataclass
class Prepared:
    """One processed file, ready to store: picklable, so workers can send it back."""

    path: str
    sha256: str
    size: int
    format: str = "text"
    text: str = ""
    offsets: list[list[int]] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # Extraction.to_json()
    status: str = "success"
    warnings: list[str] = field(default_factory=list)
    search_body: str = ""
    error: str | None = None
    # The layout the web UI shows: source text (for the repair view), blocks, footnotes.
    layout: dict[str, Any] = field(default_factory=dict)


def _sha256_file(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def prepare_document(
    doc: CleanDocument,
    extraction: Extraction,
    dialect: str,
    *,
    path: str = "",
    sha256: str | None = None,
    size: int | None = None,
    status: str = "success",
    warnings: list[str] | None = None,
) -> Prepared:
    """A Prepared from objects already in memory (tests, the API, ``prepare``)."""
    if sha256 is None:
        data = doc.raw.source_text.encode("utf-8")
        sha256, size = hashlib.sha256(data).hexdigest(), len(data)
    return Prepared(
        path=path,
        sha256=sha256,
        size=size or 0,
        format=doc.raw.format,
        text=doc.text,
        offsets=[list(seg) for seg in doc.offsets.segments],
        page_starts=doc.raw.page_starts(),
        facts=extraction.to_json(),
        status=status,
        warnings=list(warnings or []),
        search_body=index_body(doc.text, dialect),
        layout=document_layout(doc),
    )


def document_layout(doc: CleanDocument) -> dict[str, Any]:
    """What ``letter_layout`` keeps of a document beyond its text (see migration 7)."""
    return {
        "source_text": doc.raw.source_text,
        "blocks": [[b.kind, b.start, b.end, b.number] for b in doc.blocks],
        "footnotes": [[f.number, f.start, f.end, f.marker_at] for f in doc.footnotes],
    }


def prepare(path: Path, dialect: str, processor: Callable[[Path], Result] = process) -> Prepared:
    """Read, repair and extract one file (runs in a worker). Never raises for a bad file."""
    try:
        sha, size = _sha256_file(path)
    except OSError as exc:
        return Prepared(str(path), "", 0, error=f"{path}: {os_problem(exc, existed=True)}")
    try:
        result = processor(path)
        if result.document is None or result.extraction is None or result.status == "failure":
            return Prepared(str(path), sha, size, error="; ".join(result.errors) or f"{path}: no text")
        return prepare_document(
            result.document, result.extraction, dialect, path=str(path), sha256=sha, size=size,
            status=result.status, warnings=result.errors,
        )
    except InputError as exc:
        return Prepared(str(path), sha, size, error=str(exc))
    except Exception as exc:  # a defect in a stage must not stop the batch
        return Prepared(str(path), sha, size, error=f"{path}: internal error: {type(exc).__name__}: {exc}")


def _text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(text: str) -> str:
    """A hash of the letter's words of four letters or more, folded.

    Punctuation, numbers (page numbers, running headers' dates), line breaks
    and hyphenation drop out, so the PDF, text layer and cleaned text of one
    letter usually agree; OCR errors in words still make a difference.
    """
    kept = [w for w in words(text) if len(w) >= 4 and w.isalpha()]
    return hashlib.sha256(" ".join(kept).encode("utf-8")).hexdigest()


def _fact_rows(letter_id: int, facts: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for attr, kind in s.FACT_KINDS.items():
        for ordinal, item in enumerate(facts.get(attr) or []):
            rows.append(
                {
                    "letter_id": letter_id,
                    "kind": kind,
                    "ordinal": ordinal,
                    "mission": item.get("id") if kind == "mission" else item.get("mission"),
                    "ref": item.get("kamerstuk") if kind in ("reference", "motion") else (
                        item.get("point") if kind == "coverage_point" else None),
                    "date": item.get("end") or item.get("due") or (
                        item.get("date") if kind in ("event", "monitoring_visit", "debate") else None),
                    "data": json.dumps(item, ensure_ascii=False),
                }
            )
    return rows


def _letter_values(p: Prepared, version: str) -> dict[str, Any]:
    info = p.facts.get("letter") or {}
    return {
        "text_sha256": _text_sha(p.text),
        "fingerprint": fingerprint(p.text),
        "date": info.get("date"),
        "addressee": info.get("addressee"),
        "kamerstuk": info.get("kamerstuk"),
        "title": info.get("title"),
        "place": info.get("place"),
        "letter_json": json.dumps(info, ensure_ascii=False),
        "status": p.status,
        "warnings": json.dumps(p.warnings, ensure_ascii=False),
        "extractor_version": version,
        "ingested_at": datetime.now(timezone.utc),
    }


def _has_layout_table(conn: Connection) -> bool:
    """True once migration 7 made ``letter_layout`` (a registry opened without migrating may lack it)."""
    return conn.execute(
        select(s.schema_migrations.c.version).where(s.schema_migrations.c.version == 7)
    ).first() is not None


def _write_contents(conn: Connection, letter_id: int, p: Prepared) -> None:
    """Replace the letter's text, facts and index entry with ``p``'s."""
    conn.execute(delete(s.facts).where(s.facts.c.letter_id == letter_id))
    conn.execute(delete(s.letter_texts).where(s.letter_texts.c.letter_id == letter_id))
    conn.execute(
        insert(s.letter_texts).values(
            letter_id=letter_id, text=p.text, offsets=json.dumps(p.offsets), page_starts=json.dumps(p.page_starts)
        )
    )
    if _has_layout_table(conn):
        conn.execute(delete(s.letter_layout).where(s.letter_layout.c.letter_id == letter_id))
    if p.layout and _has_layout_table(conn):
        conn.execute(insert(s.letter_layout).values(
            letter_id=letter_id, source_text=p.layout["source_text"],
            blocks=json.dumps(p.layout["blocks"]), footnotes=json.dumps(p.layout["footnotes"]),
        ))
    rows = _fact_rows(letter_id, p.facts)
    if rows:
        conn.execute(insert(s.facts), rows)
    index_letter(conn, letter_id, p.search_body)


# An arbitrary constant: the key of the PostgreSQL advisory lock that makes
# storing letters one writer at a time, as SQLite's BEGIN IMMEDIATE does.
_PG_STORE_LOCK = 100_100_2011


def _store(conn: Connection, p: Prepared, version: str, force: bool = False) -> tuple[Outcome, int]:
    if conn.dialect.name == "postgresql":
        # Two renderings of one letter ingested at once by two processes share
        # no unique key (only a fingerprint): without this both would be added.
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_STORE_LOCK})
    values = _letter_values(p, version)
    known = conn.execute(
        select(s.source_files.c.letter_id, s.letters.c.extractor_version, s.letters.c.text_sha256)
        .join(s.letters, s.letters.c.id == s.source_files.c.letter_id)
        .where(s.source_files.c.sha256 == p.sha256)
    ).first()
    if known is not None and known.extractor_version == version and not force:
        return "unchanged", known.letter_id
    same_text = conn.execute(
        select(s.letters.c.id, s.letters.c.extractor_version)
        .where(or_(
            s.letters.c.text_sha256 == values["text_sha256"],
            # Same words, and the same date and Kamerstuk: numbers are not in the
            # fingerprint, so two letters that differ only in them stay apart.
            and_(
                s.letters.c.fingerprint == values["fingerprint"],
                s.letters.c.date.is_not_distinct_from(values["date"]),
                s.letters.c.kamerstuk.is_not_distinct_from(values["kamerstuk"]),
            ),
        ))
        .order_by(s.letters.c.id)
    ).first()
    if known is not None:
        # Met before, extracted by another version: replace its facts in place.
        if same_text is not None and same_text.id != known.letter_id:
            # Better repair made it identical to another letter: fold into that one.
            conn.execute(update(s.source_files).where(s.source_files.c.sha256 == p.sha256).values(letter_id=same_text.id))
            _drop_if_orphan(conn, known.letter_id)
            letter_id = same_text.id
        else:
            letter_id = known.letter_id
        conn.execute(update(s.letters).where(s.letters.c.id == letter_id).values(**values))
        _write_contents(conn, letter_id, p)
        return "replaced", letter_id
    if same_text is not None:
        letter_id = same_text.id
        outcome: Outcome = "duplicate"
        if same_text.extractor_version != version or force:
            conn.execute(update(s.letters).where(s.letters.c.id == letter_id).values(**values))
            _write_contents(conn, letter_id, p)
            outcome = "replaced"
    else:
        letter_id = conn.execute(insert(s.letters).values(**values).returning(s.letters.c.id)).scalar_one()
        _write_contents(conn, letter_id, p)
        outcome = "added"
    conn.execute(
        insert(s.source_files).values(
            sha256=p.sha256, letter_id=letter_id, path=p.path or "(memory)", format=p.format,
            size=p.size, first_seen=datetime.now(timezone.utc),
        )
    )
    return outcome, letter_id


def _drop_if_orphan(conn: Connection, letter_id: int) -> None:
    left = conn.execute(select(s.source_files.c.id).where(s.source_files.c.letter_id == letter_id).limit(1)).first()
    if left is None:
        from .search import unindex_letter

        unindex_letter(conn, letter_id)
        conn.execute(delete(s.letters).where(s.letters.c.id == letter_id))


class LetterRejected(StoreError):
    """The database refused this letter's values; the batch goes on without it."""


def store_prepared(
    registry: Registry, p: Prepared, version: str | None = None, *, force: bool = False,
    then: Callable[[Connection, Outcome, int], None] | None = None,
) -> tuple[Outcome, int]:
    """Store one processed letter in one transaction.

    ``force`` replaces the facts of a letter already stored by this version
    (a development build whose extraction changed without a version bump).
    ``then(conn, outcome, letter_id)`` runs inside the same transaction, so a
    caller's own record of the letter (sync's state) commits with it or not at all.

    Returns:
        (outcome, letter id).

    Raises:
        StoreError: the database refused.
    """
    version = version or extractor_version()
    backoff, conflicts = Backoff(RETRY_FOR_S, first=0.25, most=5.0), 0
    while True:
        try:
            with registry.write() as conn:
                outcome, letter_id = _store(conn, p, version, force)
                if then is not None:
                    then(conn, outcome, letter_id)
                return outcome, letter_id
        except IntegrityError as exc:
            # Another writer stored the same content between our read and write
            # (a shared registry); the next pass sees its row.
            conflicts += 1
            if conflicts > 2:
                raise StoreError(f"{p.path}: cannot store the letter: {first_line(exc)}") from exc
        except DataError as exc:
            raise LetterRejected(f"{p.path}: the database refused a value: {first_line(exc)}") from exc
        except SQLAlchemyError as exc:
            # A server restarting, a connection dropped, a lock held too long:
            # wait and try again; the transaction was rolled back whole.
            if not is_transient(exc) or not backoff.wait():
                raise StoreError(f"{p.path}: cannot store the letter: {first_line(exc)}") from exc


# How long one letter's store may wait for the database to come back.
RETRY_FOR_S = 60.0


def ingest_extraction(
    registry: Registry, doc: CleanDocument, extraction: Extraction, *, path: str = "", version: str | None = None
) -> tuple[Outcome, int]:
    """Store a letter already read and extracted in memory."""
    return store_prepared(registry, prepare_document(doc, extraction, registry.dialect, path=path), version)


@dataclass
class FileOutcome:
    path: str
    outcome: Outcome
    letter_id: int | None = None
    error: str | None = None


@dataclass
class IngestReport:
    files: list[FileOutcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # non-letter files

    def count(self, outcome: Outcome) -> int:
        return sum(1 for f in self.files if f.outcome == outcome)

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if f.outcome == "failed"]


def _known_current(registry: Registry, hashes: list[str], version: str) -> dict[str, int]:
    """Source hashes already stored by this version -> letter id."""
    out: dict[str, int] = {}
    stmt = (
        select(s.source_files.c.sha256, s.source_files.c.letter_id)
        .join(s.letters, s.letters.c.id == s.source_files.c.letter_id)
        .where(s.source_files.c.sha256.in_(bindparam("h", expanding=True)), s.letters.c.extractor_version == version)
    )
    try:
        with registry.engine.connect() as conn:
            for i in range(0, len(hashes), 500):
                out.update({r.sha256: r.letter_id for r in conn.execute(stmt, {"h": hashes[i : i + 500]})})
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the registry: {first_line(exc)}") from exc
    return out


def _prepared_stream(
    paths: list[Path], dialect: str, processor: Callable[[Path], Result], jobs: int
) -> Iterator[Prepared]:
    if jobs <= 1 or len(paths) < 3:
        for path in paths:
            yield prepare(path, dialect, processor)
        return
    # A bounded window of work in flight keeps memory flat on big batches.
    todo = iter(paths)
    while True:
        pending: deque[tuple[Path, Future[Prepared]]] = deque()
        broken = False
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for path in todo:
                pending.append((path, pool.submit(prepare, path, dialect, processor)))
                if len(pending) >= jobs * 8:
                    break
            while pending:
                path, future = pending[0]
                try:
                    prepared = future.result()
                except BrokenProcessPool:
                    broken = True  # a worker died (a crash in a reader's C code, the OOM killer)
                    break
                pending.popleft()
                yield prepared
                nxt = next(todo, None)
                if nxt is not None:
                    pending.append((nxt, pool.submit(prepare, nxt, dialect, processor)))
        if not broken:
            return
        # Every file in flight is lost with the pool: read each again alone,
        # so only the one that kills its process fails, then go on.
        for path, _ in pending:
            yield _prepare_alone(path, dialect, processor)


def _prepare_alone(path: Path, dialect: str, processor: Callable[[Path], Result]) -> Prepared:
    with ProcessPoolExecutor(max_workers=1) as solo:
        try:
            return solo.submit(prepare, path, dialect, processor).result()
        except BrokenProcessPool:
            return Prepared(str(path), "", 0, error=f"{path}: reading this file crashed its worker process")


def ingest(
    registry: Registry,
    inputs: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    processor: Callable[[Path], Result] = process,
    version: str | None = None,
    force: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_file: Callable[[FileOutcome], None] | None = None,
) -> IngestReport:
    """Ingest files, folders and globs into the registry.

    Args:
        registry: the open registry.
        inputs: files, folders (searched recursively) and glob patterns.
        jobs: worker processes; default one per core.
        processor: path -> Result; ``pipeline.process`` unless a caller
            brings its own (it must be a module-level function).
        version: the extractor version to stamp; default ``extractor_version()``.
        force: re-extract files already stored by this version too.
        on_start: called once with the number of letter files found.
        on_file: called after each file with its outcome.

    Returns:
        What happened to each file. A bad file is a "failed" entry, never an exception.

    Raises:
        StoreError: the database itself failed (the batch stops; stored letters stay).
    """
    version = version or extractor_version()
    paths, skipped = collect_paths(inputs)
    report = IngestReport(skipped=[str(p) for p in skipped])
    if on_start:
        on_start(len(paths))

    def done(outcome: FileOutcome) -> None:
        report.files.append(outcome)
        if on_file:
            on_file(outcome)

    hashes: dict[Path, str] = {}
    todo: list[Path] = []
    for path in paths:
        try:
            check_file(path)  # before hashing: reading a pipe would wait forever
            hashes[path] = _sha256_file(path)[0]
            todo.append(path)
        except InputError as exc:
            done(FileOutcome(str(path), "failed", error=str(exc)))
        except OSError as exc:
            done(FileOutcome(str(path), "failed", error=f"{path}: {os_problem(exc, existed=path.is_symlink() or path.exists())}"))
    known = {} if force else _known_current(registry, list(hashes.values()), version)
    fresh = []
    for path in todo:
        if hashes[path] in known:
            done(FileOutcome(str(path), "unchanged", known[hashes[path]]))
        else:
            fresh.append(path)
    for p in _prepared_stream(fresh, registry.dialect, processor, jobs or os.cpu_count() or 1):
        if p.error is not None:
            done(FileOutcome(p.path, "failed", error=p.error))
            continue
        try:
            outcome, letter_id = store_prepared(registry, p, version, force=force)
        except LetterRejected as exc:
            done(FileOutcome(p.path, "failed", error=str(exc)))
            continue
        done(FileOutcome(p.path, outcome, letter_id))
    return report
