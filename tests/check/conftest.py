"""Our own oversight letters (tests/check/letters), the seed, and registries holding them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from letters_corpus import SEED  # noqa: E402

LETTERS = Path(__file__).resolve().parent / "letters"
SEED_TXT = SEED.with_suffix(".txt")
FIRST = "01_nmi_eerste_brief_2023"  # stands in for 27925-943, which the seed extends
PROGRESS_NMI = "02_voortgang_nmi_2025"
EXTENSION = "03_atalanta_verlenging_2010"
NO_RISKS = "04_atalanta_eerste_brief_2009"
MONITORING = "05_efp_monitoring_2022"
PROGRESS_EFP = "06_efp_voortgang_2023"

needs_seed = pytest.mark.skipif(not SEED_TXT.exists(), reason="the seed letter needs ../shared (not present)")


def letter(stem: str, form: str = "layout") -> Path:
    """A letter of ours: ``clean``, ``layout`` (the PDF's text layer, with its Kamerstuk header), ``ocr`` or ``pdf``."""
    return LETTERS / (f"{stem}.pdf" if form == "pdf" else f"{stem}.{form}.txt")


def fill(registry, *paths: Path) -> dict[str, int]:  # noqa: ANN001
    """Ingest letters into the registry; returns file stem -> letter id."""
    from artikel100.store import ingest

    report = ingest(registry, [str(p) for p in paths], jobs=1)
    assert not report.failed, report.failed
    return {Path(f.path).name.split(".")[0]: f.letter_id for f in report.files}
