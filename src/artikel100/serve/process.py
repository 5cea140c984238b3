"""What a server process sets up for itself before it takes requests."""

from __future__ import annotations

import ctypes
import ctypes.util

__all__ = ["few_malloc_arenas", "MALLOC_ARENAS"]

# glibc gives each thread that allocates its own malloc arena, up to 8 per core; memory freed in
# one stays with it. Two keep a long-running server's heap from growing with every burst of
# threads (issue 11); the GIL lets only one thread run Python at a time anyway.
MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # mallopt's parameter number, from glibc's malloc.h


def few_malloc_arenas() -> bool:
    """Limits this process to ``MALLOC_ARENAS`` malloc arenas (glibc only; elsewhere nothing happens)."""
    name = ctypes.util.find_library("c")
    if not name:
        return False
    try:
        libc = ctypes.CDLL(name)
        return bool(libc.mallopt(_M_ARENA_MAX, MALLOC_ARENAS))
    except (OSError, AttributeError):  # not glibc (musl, macOS): no mallopt, or no such option
        return False
