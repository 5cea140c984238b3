"""Uploads: a file in, a background job that reads and stores it, the letter's id out.

OCR of a scan takes minutes, so no request waits for it: the upload is saved
(named by its hash, in the registry's files folder) and a job reads, repairs,
extracts and stores it in a worker thread while the browser polls the job.
The file is judged by its first bytes, never by its name.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..read.unsupported import known_format
from ..store.db import Registry
from ..store.ingest import prepare, store_prepared

__all__ = ["Job", "Jobs", "sniff_upload", "UploadRejected"]

# The formats artikel100 reads, by their first bytes; text is anything that decodes.
_MAGIC = [
    (b"%PDF-", "pdf"), (b"\x89PNG\r\n\x1a\n", "image"), (b"\xff\xd8\xff", "image"), (b"II*\x00", "image"),
    (b"MM\x00*", "image"), (b"GIF8", "image"), (b"BM", "image"), (b"PK\x03\x04", "docx"),
]


class UploadRejected(Exception):
    """The upload is not a letter artikel100 reads; the message is one line."""


def sniff_upload(head: bytes, name: str) -> str:
    """The format the first bytes show, or ``UploadRejected``."""
    if not head:
        raise UploadRejected(f"{name}: the file is empty")
    for magic, fmt in _MAGIC:
        if head.startswith(magic) or (fmt == "pdf" and magic in head[:1024]):
            return fmt
    known = known_format(head)  # a program, an archive, a database: said as the CLI says it
    if known:
        raise UploadRejected(f"{name}: {known}")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    sample = head[:4096]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadRejected(f"{name}: binary data, not text")
    return "text"


@dataclass
class Job:
    id: str
    name: str
    state: str = "queued"  # queued | running | done | failed
    letter_id: int | None = None
    outcome: str | None = None
    error: str | None = None
    started: float = field(default_factory=time.time)
    finished: float | None = None

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "state": self.state, "letter_id": self.letter_id,
                "outcome": self.outcome, "error": self.error,
                "seconds": round((self.finished or time.time()) - self.started, 1),
                "url": f"/uploaden/{self.id}",
                "letter_url": f"/brieven/{self.letter_id}" if self.letter_id else None}


class Jobs:
    """A small queue of upload jobs: one worker, so OCR never takes both cores from readers."""

    def __init__(self, registry: Registry, folder: Path, on_stored=None) -> None:  # type: ignore[no-untyped-def]
        self.registry = registry
        self.folder = folder
        self.on_stored = on_stored
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="artikel100-upload")

    def submit(self, data: bytes, name: str) -> Job:
        """Save ``data`` under its hash and queue it. Raises ``UploadRejected``."""
        sniff_upload(data[:8192], name)
        digest = hashlib.sha256(data).hexdigest()
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / digest  # named by content: nothing from the request reaches the path
        if not path.exists():
            tmp = path.with_suffix(".part")
            tmp.write_bytes(data)
            tmp.replace(path)
        job = Job(secrets.token_urlsafe(12), name)
        with self._lock:
            self._jobs[job.id] = job
            if len(self._jobs) > 500:  # keep memory flat on a long-running server
                for old in sorted(self._jobs.values(), key=lambda j: j.started)[:100]:
                    if old.state in ("done", "failed"):
                        self._jobs.pop(old.id, None)
        self._save(job)
        self._pool.submit(self._run, job, path)
        return job

    def get(self, job_id: str) -> Job | None:
        """A job of this process, else one another worker process runs (its state is in a file)."""
        job = self._jobs.get(job_id)
        if job is not None or not re.fullmatch(r"[A-Za-z0-9_-]{8,40}", job_id):
            return job
        try:
            data = json.loads((self.folder / "jobs" / f"{job_id}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return Job(**data)

    def _save(self, job: Job) -> None:
        folder = self.folder / "jobs"
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f"{job.id}.part"
        tmp.write_text(json.dumps(asdict(job)), encoding="utf-8")
        tmp.replace(folder / f"{job.id}.json")

    def _run(self, job: Job, path: Path) -> None:
        job.state = "running"
        self._save(job)
        try:
            p = prepare(path, self.registry.dialect)
            if p.error is not None:
                # The reader's message names our stored file; the user knows the name they chose.
                job.error = p.error.replace(str(path), job.name)
                job.state = "failed"
                return
            p.path = f"(upload) {job.name}"
            job.outcome, job.letter_id = store_prepared(self.registry, p)
            job.state = "done"
            if self.on_stored:
                self.on_stored()
        except Exception as exc:  # a defect must not kill the worker
            job.error = f"{job.name}: {exc}".replace(str(path), job.name)
            job.state = "failed"
        finally:
            job.finished = time.time()
            self._save(job)

    def wait(self, job_id: str, timeout: float = 60.0) -> Job | None:
        """Block until the job ends (for tests and the CLI)."""
        end = time.time() + timeout
        while time.time() < end:
            job = self.get(job_id)
            if job is None or job.state in ("done", "failed"):
                return job
            time.sleep(0.05)
        return self.get(job_id)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
