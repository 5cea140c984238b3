"""The test letters in tests/letters and the seed letter in ../shared, for the tests."""

from __future__ import annotations

import difflib
import json
import os
from dataclasses import dataclass
from pathlib import Path

LETTERS = Path(__file__).resolve().parent / "letters"
SHARED = Path(os.environ.get("ARTIKEL100_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SEED = SHARED / "seed" / "000_58c76a8e68136705"


@dataclass(frozen=True)
class Letter:
    stem: str

    def path(self, form: str) -> Path:
        """``clean`` -> NN.clean.txt, ``layout``/``ocr`` -> NN.<form>.txt, ``pdf`` -> NN.pdf."""
        return LETTERS / (f"{self.stem}.pdf" if form == "pdf" else f"{self.stem}.{form}.txt")

    @property
    def clean_text(self) -> str:
        return self.path("clean").read_text(encoding="utf-8")

    @property
    def gold(self) -> dict:
        return json.loads((LETTERS / f"{self.stem}.gold.json").read_text(encoding="utf-8"))

    @property
    def meta(self) -> dict:
        path = LETTERS / f"{self.stem}.meta.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    @property
    def furniture(self) -> bool:
        """The clean text is a published page with its furniture (site menus, metadata, a
        letterhead table), as a user feeds it in; repair is meant to take that out."""
        return bool(self.meta.get("furniture"))

    def header_words(self) -> list[str]:
        """Words of the printed Kamerstuk header, which the clean original leaves out."""
        return (self.meta.get("kamerstuk_header") or "").split()


def letters() -> list[Letter]:
    return [Letter(p.name[: -len(".clean.txt")]) for p in sorted(LETTERS.glob("*.clean.txt"))]


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(word edits, reference words), as shared/eval/score.py counts them."""
    ref, hyp = reference.split(), hypothesis.split()
    sm = difflib.SequenceMatcher(None, ref, hyp, autojunk=False)
    edits = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")
    return edits, len(ref)
