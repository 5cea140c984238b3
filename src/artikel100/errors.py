"""The exceptions artikel100 raises.

    Artikel100Error                 base of everything we raise on purpose
    ├── InputError                  the input is at fault; the message names the file
    │   ├── UnreadableInput         empty, binary junk, truncated/encrypted PDF, too large
    │   ├── NoTextFound             a readable file with no usable text (blank scan)
    │   └── NotALetter              text, but not a Dutch parliamentary letter
    ├── StoreError                  the registry database refused or is inconsistent
    └── InternalError               a defect in artikel100 itself

The CLI turns an ``InputError`` into one line ``artikel100: FILE: problem`` and a
non-zero exit; anything else that escapes is a bug.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "Artikel100Error",
    "InputError",
    "UnreadableInput",
    "NoTextFound",
    "NotALetter",
    "StoreError",
    "InternalError",
]


class Artikel100Error(Exception):
    """Base class of every exception artikel100 raises on purpose."""


class InputError(Artikel100Error):
    """The input is at fault. ``str()`` is one line naming the file."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)


class UnreadableInput(InputError):
    """The file cannot be read as any supported format."""


class NoTextFound(InputError):
    """The file was read but holds no usable text."""


class NotALetter(InputError):
    """The text is readable but is not a Dutch letter to parliament."""


class StoreError(Artikel100Error):
    """The registry database refused an operation."""


class InternalError(Artikel100Error):
    """A defect in artikel100 itself."""
