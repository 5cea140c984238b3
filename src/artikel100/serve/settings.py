"""What a running server needs to know: the registry, the write token, where uploads go."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..store.db import resolve_url

__all__ = ["Settings", "ENV_TOKEN", "MAX_UPLOAD_BYTES"]

ENV_TOKEN = "ARTIKEL100_TOKEN"
ENV_FILES = "ARTIKEL100_FILES"
# A letter is a few hundred kB; a scanned PDF a few tens of MB (the readers' own cap is 40 MB).
MAX_UPLOAD_BYTES = 25 * 1024 * 1024


@dataclass
class Settings:
    """A server's configuration.

    Attributes:
        db: the registry (a SQLite path or a PostgreSQL URL).
        token: the write token; None makes the server read-only.
        files: the folder uploaded letters are kept in (named by their hash).
        max_upload: the largest upload accepted, in bytes.
        today: a fixed "today" (tests, demos); None is the real date.
        secret: signs the session and CSRF cookies; random per process unless given.
        trusted_proxies: addresses or networks of reverse proxies whose X-Forwarded-For is
            believed (``serve --forwarded-allow-ips``, ``$ARTIKEL100_TRUSTED_PROXIES``); "*" trusts
            every peer. Empty: the peer of the connection is the client.
    """

    db: str
    token: str | None = None
    files: Path | None = None
    max_upload: int = MAX_UPLOAD_BYTES
    today: date | None = None
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    demo: bool = False  # ``artikel100 demo --serve``: a banner says "today" is set
    trusted_proxies: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, db: str | None = None, **kw: object) -> Settings:
        url = resolve_url(db)
        files = os.environ.get(ENV_FILES)
        kw.setdefault("token", os.environ.get(ENV_TOKEN) or None)
        kw.setdefault("files", Path(files) if files else None)
        if kw.get("trusted_proxies") is None:
            from .throttle import ENV_TRUSTED_PROXIES, parse_trusted_proxies

            kw["trusted_proxies"] = parse_trusted_proxies(os.environ.get(ENV_TRUSTED_PROXIES))
        return cls(db=url, **kw)  # type: ignore[arg-type]

    def files_dir(self) -> Path:
        """Where uploads are kept: $ARTIKEL100_FILES, else beside a SQLite registry, else ./artikel100-files."""
        if self.files is not None:
            return self.files
        if self.db.startswith("sqlite:///") and self.db != "sqlite:///:memory:":
            path = Path(self.db.removeprefix("sqlite:///"))
            return path.with_name(path.name + ".files")
        return Path("artikel100-files")

    def day(self) -> date:
        return self.today or date.today()
