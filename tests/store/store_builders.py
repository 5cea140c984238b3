"""Realistic letters made in tests: text plus the facts an extractor would find.

``compose`` writes a short artikel 100-brief from a few sentences and returns
the text and an ``Extraction`` whose spans point at the quoted words, the
shape the extract stage produces. ``write_letter`` puts the text in a file and
the facts beside it (``X.facts.json``, not a letter file), and
``sidecar_processor`` is a pipeline stand-in that reads the file with the real
reader and takes the facts from the sidecar, so ingest can be tested on files
before the extract stage finds these facts itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artikel100.facts import (
    Commitment,
    Contribution,
    Event,
    Extraction,
    LetterInfo,
    Mission,
    Reference,
    Signatory,
)
from artikel100.model import Block, CleanDocument, OffsetMap, Page, RawDocument
from artikel100.pipeline import Result
from artikel100.read import read_document

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()


def dutch_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {MONTHS[m - 1]} {y}"


@dataclass
class Fact:
    """A fact to put in a letter: the sentence that states it and its fields."""

    kind: str  # "contribution" | "commitment" | "reference" | "event"
    sentence: str
    quote: str | None = None  # the words the span covers; the sentence by default
    fields: dict[str, Any] = field(default_factory=dict)


def compose(
    date: str,
    kamerstuk: str | None,
    title: str,
    missions: dict[str, str],
    facts: list[Fact],
    filler: list[str] | None = None,
) -> tuple[str, Extraction]:
    """Write a letter and the Extraction of its facts."""
    parts = [
        title.upper(),
        "",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "",
        f"Den Haag, {dutch_date(date)}",
        "",
    ]
    for sentence in filler or []:
        parts += [sentence, ""]
    for fact in facts:
        parts += [fact.sentence, ""]
    parts += ["De minister van Defensie,", "", "R.P. Brekelmans", ""]
    text = "\n".join(parts)

    def span(words: str, after: int = 0) -> tuple[int, int]:
        at = text.index(words, after)
        return (at, at + len(words))

    ex = Extraction(
        text=text,
        letter=LetterInfo(
            date=date, addressee="Tweede Kamer", kamerstuk=kamerstuk, title=title, place="Den Haag",
            signatories=[Signatory("R.P. Brekelmans", "minister van Defensie", [span("R.P. Brekelmans")])],
            spans={"date": [span(dutch_date(date))]},
        ),
    )
    for mid, name in missions.items():
        ex.missions.append(Mission(mid, name, [span(name)] if name in text else []))
    for fact in facts:
        sp = [span(fact.quote or fact.sentence)]
        if fact.kind == "contribution":
            ex.contributions.append(Contribution(spans=sp, description=fact.fields.pop("description", fact.sentence), **fact.fields))
        elif fact.kind == "commitment":
            ex.commitments.append(Commitment(text=fact.sentence, spans=sp, **fact.fields))
        elif fact.kind == "reference":
            ex.references.append(Reference(spans=sp, **fact.fields))
        elif fact.kind == "event":
            ex.events.append(Event(text=fact.sentence, spans=sp, **fact.fields))
    return text, ex


def document(text: str, path: Path | None = None) -> CleanDocument:
    """A CleanDocument whose clean text is exactly ``text`` (identity offsets)."""
    offsets = OffsetMap()
    offsets.add(0, len(text), 0, len(text))
    raw = RawDocument(path=path, format="text", pages=[Page(1, text)])
    return CleanDocument(text=text, blocks=[Block("paragraph", 0, len(text))], offsets=offsets, raw=raw)


def extraction_from_json(data: dict[str, Any]) -> Extraction:
    """The inverse of ``Extraction.to_json()``."""
    letter = dict(data["letter"])
    letter["signatories"] = [
        Signatory(s["name"], s["role"], [tuple(x) for x in s["spans"]]) for s in letter.get("signatories", [])
    ]
    letter["spans"] = {k: [tuple(x) for x in v] for k, v in letter.get("spans", {}).items()}
    classes = {
        "missions": Mission, "contributions": Contribution, "references": Reference,
        "commitments": Commitment, "events": Event,
    }
    out = Extraction(text=data["text"], letter=LetterInfo(**letter))
    for attr, cls in classes.items():
        for item in data.get(attr, []):
            item = dict(item)
            item["spans"] = [tuple(x) for x in item["spans"]]
            getattr(out, attr).append(cls(**item))
    return out


def write_letter(folder: Path, name: str, text: str, ex: Extraction) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    (folder / f"{name}.facts.json").write_text(json.dumps(ex.to_json(), ensure_ascii=False), encoding="utf-8")
    return path


def sidecar_processor(path: Path) -> Result:
    """Read ``path`` with the real reader; take its facts from ``X.facts.json``."""
    raw = read_document(path)
    text = raw.source_text
    ex = extraction_from_json(json.loads(path.with_suffix(".facts.json").read_text(encoding="utf-8")))
    assert ex.text == text, f"{path}: the sidecar's text differs from the file"
    return Result(path, "success", document(text, path), ex)


# --- two missions' histories: decision, extension, resize, early end -------------

def mali_and_lithuania() -> list[tuple[str, str, Extraction]]:
    """Six letters about two missions, as (name, text, extraction), in no particular order."""
    out = []

    def add(name: str, *args: Any, **kwargs: Any) -> None:
        text, ex = compose(*args, **kwargs)
        out.append((name, text, ex))

    add("m1_decision", "2013-11-01", "29521-223", "Besluit bijdrage MINUSMA", {"MINUSMA": "MINUSMA"}, [
        Fact("contribution", "Het kabinet heeft besloten om met ingang van 1 januari 2014 tot en met 31 december 2014 "
             "een inlichtingeneenheid van circa 380 militairen bij te dragen aan MINUSMA.",
             fields=dict(mission="MINUSMA", personnel=380, start="2014-01-01", end="2014-12-31",
                         unit="inlichtingeneenheid", framework=True)),
        Fact("commitment", "Het kabinet zal uw Kamer in de jaarlijkse voortgangsrapportage (juni 2014) over de inzet informeren.",
             quote="voortgangsrapportage (juni 2014)", fields=dict(due="2014-06")),
    ])
    add("m2_extension", "2014-11-14", "29521-265", "Verlenging bijdrage MINUSMA", {"MINUSMA": "MINUSMA"}, [
        Fact("contribution", "Het kabinet verlengt de bijdrage van de inlichtingeneenheid aan MINUSMA tot en met 31 december 2015.",
             fields=dict(mission="MINUSMA", end="2015-12-31", supersedes_end="2014-12-31",
                         unit="inlichtingeneenheid", framework=True)),
        Fact("reference", "Zie de artikel 100-brief van 1 november 2013 (Kamerstuk 29 521, nr. 223).",
             quote="Kamerstuk 29 521, nr. 223", fields=dict(kamerstuk="29521-223")),
    ])
    add("m3_resize", "2015-06-12", "29521-290", "Voortgangsrapportage MINUSMA en aanpassing bijdrage",
        {"MINUSMA": "MINUSMA"}, [
        Fact("contribution", "De inlichtingeneenheid wordt verkleind tot circa 250 militairen.",
             fields=dict(mission="MINUSMA", personnel=250, unit="inlichtingeneenheid")),
        Fact("reference", "Eerder meldde het kabinet de brede inzet (Kamerstuk 29 521, nr. 201).",
             quote="Kamerstuk 29 521, nr. 201", fields=dict(kamerstuk="29521-201")),
    ])
    add("l1_decision", "2016-10-06", "28676-250", "Besluit bijdrage eFP Litouwen", {"EFP": "enhanced Forward Presence"}, [
        Fact("contribution", "Nederland levert van 1 januari 2017 tot en met 31 december 2018 een infanteriecompagnie "
             "van circa 250 militairen aan de enhanced Forward Presence in Litouwen.",
             fields=dict(mission="EFP", personnel=250, start="2017-01-01", end="2018-12-31",
                         unit="infanteriecompagnie", location="Litouwen", framework=True)),
    ])
    add("l2_extension", "2018-09-21", "28676-301", "Verlenging eFP", {"EFP": "enhanced Forward Presence"}, [
        Fact("contribution", "Het kabinet verlengt het nationaal kader voor de compagnie tot en met 31 december 2020.",
             fields=dict(mission="EFP", end="2020-12-31", supersedes_end="2018-12-31",
                         unit="compagnie", framework=True)),
    ])
    add("l3_early_end", "2019-05-17", "28676-320", "Beëindiging bijdrage eFP", {"EFP": "enhanced Forward Presence"}, [
        Fact("contribution", "Het kabinet beëindigt de bijdrage van de force protection-compagnie vervroegd per 30 juni 2019.",
             fields=dict(mission="EFP", end="2019-06-30", unit="force protection")),
    ])
    return out
