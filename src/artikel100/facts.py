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
    "CoveragePoint",
    "RedCardHolder",
    "MonitoringVisit",
    "Observation",
    "FollowUp",
    "Evaluation",
    "Response",
    "Motion",
    "Debate",
    "Task",
    "Area",
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


# --- Oversight: the toetsingskader, the red card, monitoring and evaluation ---


@dataclass
class CoveragePoint:
    """How the letter deals with one point of the toetsingskader (assessment framework).

    ``status`` is "covered" (the letter treats the point: ``spans`` are the
    sentences that do), "reference" (it says an earlier letter still holds:
    ``spans`` are the sentences that say so) or "missing". ``refers_to`` names
    the letters referred to ("27925-943"), as precisely as the letter does.
    """

    point: str  # an id of extract/data/toetsingskader.yaml: "legal_basis", "risks_personnel", ...
    status: str  # "covered" | "reference" | "missing"
    spans: list[Span] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # headings of the sections that cover it
    refers_to: list[str] = field(default_factory=list)  # Kamerstukken, or a letter's date "2023-07-07"
    reference_spans: list[Span] = field(default_factory=list)  # sentences that refer back
    by: str = ""  # "heading" | "content" | "heading+content" | "facts": how it was decided


@dataclass
class RedCardHolder:
    """Who holds the national red card: checks that tasks fit the nationaal kader."""

    holder: str  # "de Nederlandse Senior National Representative"
    text: str
    spans: list[Span]
    mission: str | None = None
    unit: str | None = None
    on_behalf_of: str | None = None  # "CDS"
    duty: str | None = None  # the sentence that says what the holder checks


@dataclass
class MonitoringVisit:
    """A monitoring visit (or one announced): when, by whom, where."""

    text: str
    spans: list[Span]
    date: str | None = None
    by: str | None = None
    place: str | None = None
    mission: str | None = None
    status: str = "done"  # "done" | "planned"


@dataclass
class Observation:
    """A finding, point of attention or recommendation of monitoring or evaluation."""

    text: str
    spans: list[Span]
    kind: str = "finding"  # "finding" | "attention" | "recommendation"
    visit: int | None = None  # index into Extraction.monitoring_visits
    evaluation: int | None = None  # index into Extraction.evaluations
    mission: str | None = None


@dataclass
class FollowUp:
    """The follow-up promised to observations: a commitment linked to what it answers."""

    text: str
    spans: list[Span]
    due: str | None = None
    answers: list[int] = field(default_factory=list)  # indexes into Extraction.observations
    commitment: int | None = None  # index into Extraction.commitments
    mission: str | None = None


@dataclass
class Evaluation:
    """An evaluation announced or delivered (interim, final, by IOB or an independent party)."""

    text: str
    spans: list[Span]
    kind: str = "evaluation"  # "final" | "interim" | "annual" | "post-mission" | "evaluation"
    status: str = "announced"  # "announced" | "delivered" | "framework"
    by: str | None = None  # "IOB" | "independent" | "internal" | an organisation as named
    due: str | None = None
    mission: str | None = None


@dataclass
class Response:
    """A passage of a later letter that reports on earlier monitoring or evaluation."""

    text: str
    spans: list[Span]
    about: str = "recommendations"  # "visit" | "recommendations" | "evaluation"
    date: str | None = None  # the date of the visit or letter it names ("augustus 2024")
    cites: list[str] = field(default_factory=list)  # Kamerstukken cited in the passage
    mission: str | None = None


@dataclass
class Motion:
    """A motion of parliament the letter cites: a reference of its own kind."""

    text: str
    spans: list[Span]
    kamerstuk: str | None = None  # "27925-699"
    submitters: list[str] = field(default_factory=list)  # ["Bosman"], ["Kerstens", "Van Ojik"]
    co_signed: bool = False  # "c.s."
    name: str = ""  # as the letter names it: "Bosman c.s."
    subject: str | None = None  # "over de evaluatie van missies"


@dataclass
class Debate:
    """A debate or committee meeting the letter cites, with its date."""

    text: str
    spans: list[Span]
    kind: str = "debat"  # "commissiedebat" | "notaoverleg" | "algemeen overleg" | "plenair debat" | ...
    date: str | None = None
    subject: str | None = None
    commitment: bool = False  # a toezegging made there ("zoals toegezegd tijdens ...")


@dataclass
class Task:
    """A task the letter gives a Dutch unit, with what kind of task it is."""

    text: str
    spans: list[Span]
    mission: str | None = None
    unit: str | None = None
    activities: list[str] = field(default_factory=list)  # "escort", "protection", "training", "combat", ...
    excluded: bool = False  # "offensieve operaties vormen geen onderdeel van de opdracht"


@dataclass
class Area:
    """Where the letter lets a Dutch unit operate: its base and its area."""

    text: str
    spans: list[Span]
    mission: str | None = None
    unit: str | None = None
    places: list[str] = field(default_factory=list)  # the area: ["Bagdad"]
    base: str | None = None  # "Camp Union III"
    vicinity: bool = False  # "en directe omgeving", "en omstreken"
    parts: dict[str, str] = field(default_factory=dict)  # "in het zuiden van Kosovo": {"Kosovo": "zuiden"}


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
    # Oversight (issue 9): extract/toetsingskader.py, oversight.py, instruments.py, tasks.py
    coverage_points: list[CoveragePoint] = field(default_factory=list)
    red_card_holders: list[RedCardHolder] = field(default_factory=list)
    monitoring_visits: list[MonitoringVisit] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)
    evaluations: list[Evaluation] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    motions: list[Motion] = field(default_factory=list)
    debates: list[Debate] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The object ``artikel100 extract --json`` prints (CONTRACT.md)."""
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, dict):
                        for name in ("spans", "reference_spans"):
                            if name in item:
                                item[name] = [list(s) for s in item[name]]
        out["letter"]["signatories"] = [
            {"name": s["name"], "role": s["role"], "spans": [list(x) for x in s["spans"]]}
            for s in out["letter"]["signatories"]
        ]
        out["letter"]["spans"] = {k: [list(x) for x in v] for k, v in out["letter"]["spans"].items()}
        return out
