"""The seed letter's facts as the extract stage is meant to find them (gold.json),
with spans located in whatever clean text the current repair produces."""

from __future__ import annotations

from pathlib import Path

from artikel100.facts import Commitment, Contribution, Extraction, LetterInfo, Mission, Reference, Signatory
from artikel100.pipeline import Result, process


def seed_extraction(text: str) -> Extraction:
    def span(words: str) -> tuple[int, int]:
        at = text.index(words)
        return (at, at + len(words))

    fp_frame = ("Het nationaal kader voor de force protection-bijdrage aan NMI verloopt op 31 december 2024",
                "Het kabinet verlengt het nationaal kader voor deze bijdrage met een half jaar tot en met juni 2025")
    return Extraction(
        text=text,
        letter=LetterInfo(
            date="2024-11-22", addressee="Eerste Kamer", place="Den Haag",
            title="Aanvullende artikel 100-brief NMI force protection",
            signatories=[Signatory("Ruben Brekelmans", "minister van Defensie", [])],
            spans={"date": [span("22 november 2024")]},
        ),
        missions=[
            Mission("NMI", "NATO Mission Iraq", [span("NAVO Missie Irak (NMI)")], organisation="NATO"),
            Mission("OIR", "Operation Inherent Resolve", [span("Operation Inherent Resolve")], organisation="coalition"),
        ],
        contributions=[
            Contribution("NMI", " ".join(fp_frame), [span(fp_frame[0]), span(fp_frame[1])], end="2025-06",
                         unit="force protection", framework=True, supersedes_end="2024-12-31"),
            Contribution("NMI", "infanteriecompagnie van circa 145 militairen",
                         [span("circa 145 militairen voor de aanvullende periode van 1 januari 2025 tot en met 30 juni 2025")],
                         personnel=145, start="2025-01-01", end="2025-06-30", unit="infanteriecompagnie", location="Bagdad"),
            Contribution("NMI", "helikopterdetachement van drie chinooks",
                         [span("een helikopterdetachement bestaande uit drie chinookhelikopters en 120 militairen")],
                         personnel=120, unit="helikopterdetachement", quantity=3),
            Contribution("NMI", "commando van NMI", [span("voert Nederland tot en met mei 2025 het commando van NMI")],
                         end="2025-05", unit="staff"),
        ],
        references=[
            Reference("27925-943", [span("Kamerstuk 27 925, nr. 943")], in_footnote=1),
            Reference("27925-946", [span("Kamerstuk 27 925, nr. 946")], in_footnote=1),
        ],
        commitments=[
            Commitment("Het kabinet zal uw Kamer informeren in de volgende voortgangsrapportage (mei 2025).",
                       [span("in de volgende voortgangsrapportage (mei 2025)")], due="2025-05"),
            Commitment("Bij een onderzoek naar burgerslachtoffers wordt de Kamer daarover afzonderlijk geïnformeerd.",
                       [span("wordt de Kamer daarover")], conditional=True),
        ],
    )


def seed_processor(path: Path) -> Result:
    """The real pipeline, with the seed's gold facts in place of today's extraction."""
    result = process(path)
    assert result.document is not None
    result.extraction = seed_extraction(result.document.text)
    return result
