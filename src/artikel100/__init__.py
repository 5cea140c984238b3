"""artikel100: Dutch artikel 100-brieven as data with provenance.

The flow is read -> repair -> structure -> extract -> store -> serve; each
stage is a function from one typed value to the next.
"""

from __future__ import annotations

from .errors import Artikel100Error, InputError, NoTextFound, NotALetter, UnreadableInput
from .facts import Extraction
from .model import CleanDocument, RawDocument
from .pipeline import Result, clean_file, process, process_text
from .read import read_document

__all__ = [
    "Artikel100Error",
    "CleanDocument",
    "Extraction",
    "InputError",
    "NoTextFound",
    "NotALetter",
    "RawDocument",
    "Result",
    "UnreadableInput",
    "clean_file",
    "process",
    "process_text",
    "read_document",
]
__version__ = "0.1.0"
