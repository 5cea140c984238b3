"""Tables built once and kept as a pickle in the user's cache directory.

Loading GeoNames or wordfreq's lists costs a process about half a second to a
second; the built tables are kept in ``artikel100/`` under ``$ARTIKEL100_CACHE``
(else ``$XDG_CACHE_HOME``, else ``~/.cache``), named by the
version of the data they came from. A missing or damaged file is rebuilt; a
read-only directory means each process builds its tables again.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

__all__ = ["cache_path", "load", "save"]


def cache_path(name: str) -> Path:
    """Where the cached table ``name`` (a file name with its data's version) is kept."""
    base = os.environ.get("ARTIKEL100_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "artikel100" / name


def load(name: str) -> object | None:
    """The cached table, or None when there is none or it cannot be read."""
    try:
        with cache_path(name).open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # no cache yet, or a damaged one: the caller builds it anew
        return None


def save(name: str, data: object) -> None:
    """Keep ``data``; atomically, so that a reader never sees half a file."""
    try:
        path = cache_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a read-only cache directory: build the tables in each process
