"""The facts extract finds in a letter, each with spans into the cleaned text.

Spans are half-open ``(start, end)`` character offsets into
``CleanDocument.text``; ``text[start:end]`` is the words that state the fact.
A date is a string as precise as the letter is: ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``. ``Extraction.to_json()`` is the shape of
``shared/eval/CONTRACT.md``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "Span",
    "Signatory",
    "LetterInfo",
    "Mission",
    "Contribution",
    "Cost",
    "Reference",
    "Commitment",
    "Event",
    "Risk",
    "Finding",
    "Extraction",
]

Span = tuple[int, int]


@dataclass
class Signatory:
    name: str
    role: str | None
    spans: list[Span] = field(default_factory=list)


@dataclass
class LetterInfo:
    date: str | None = None
    addressee: str | None = None  # "Tweede Kamer" | "Eerste Kamer"
    kamerstuk: str | None = None  # "27925-946"
    title: str | None = None
    subject: str | None = None  # "Betreft ...", "Onderwerp: ...", a site's "Brief regering : ..."
    place: str | None = None
    signatories: list[Signatory] = field(default_factory=list)
    spans: dict[str, list[Span]] = field(default_factory=dict)  # field name -> spans


@dataclass
class Mission:
    id: str
    name: str
    spans: list[Span]
    known: bool = True  # False: not in the catalogue, id made from the name
    organisation: str | None = None  # "NATO", "UN", "EU", "coalition", ...
    aliases: list[str] = field(default_factory=list)  # the forms the letter used


@dataclass
class Contribution:
    mission: str  # a Mission.id
    description: str
    spans: list[Span]
    personnel: int | None = None
    start: str | None = None
    end: str | None = None
    location: str | None = None
    unit: str | None = None  # "infanteriecompagnie", "F-35", ...
    quantity: int | None = None  # "drie" chinooks, "vier" F-35's
    framework: bool = False  # the sentence sets or extends a nationaal kader
    supersedes_end: str | None = None  # the end date this one extends
    # "decided", "past" (made before this letter), or "considered" (the cabinet investigates
    # or only could make it; kept apart in Extraction.considered, never a deployment)
    status: str = "decided"


@dataclass
class Cost:
    amount_eur: float
    description: str
    spans: list[Span]
    budget: str | None = None


@dataclass
class Reference:
    kamerstuk: str  # "27925-943"; for other kinds the normalised citation
    spans: list[Span]
    kind: str = "kamerstuk"  # "kamerstuk" | "handelingen" | "resolution"
    in_footnote: int | None = None


@dataclass
class Commitment:
    text: str
    spans: list[Span]
    due: str | None = None
    conditional: bool = False


@dataclass
class Event:
    date: str
    text: str
    spans: list[Span]


@dataclass
class Risk:
    text: str
    spans: list[Span]
    threat: str | None = None
    source: str | None = None  # who or what poses it: "aan Iran gelieerde sjiitische milities"
    level: str | None = None


@dataclass
class Finding:
    text: str
    spans: list[Span]
    kind: str = "finding"  # "finding" | "recommendation"


@dataclass
class Extraction:
    """Everything extract finds in one letter."""

    text: str
    letter: LetterInfo
    missions: list[Mission] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    considered: list[Contribution] = field(default_factory=list)  # contributions not decided
    costs: list[Cost] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    citations: list[Reference] = field(default_factory=list)  # Handelingen, UN resolutions
    commitments: list[Commitment] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The object ``artikel100 extract --json`` prints (CONTRACT.md)."""
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, dict) and "spans" in item:
                        item["spans"] = [list(s) for s in item["spans"]]
        out["letter"]["signatories"] = [
            {"name": s["name"], "role": s["role"], "spans": [list(x) for x in s["spans"]]}
            for s in out["letter"]["signatories"]
        ]
        out["letter"]["spans"] = {k: [list(x) for x in v] for k, v in out["letter"]["spans"].items()}
        return out
