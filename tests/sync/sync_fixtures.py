"""The fake open data: fixture letters rendered in the published formats.

``fixtures/documents.json`` lists the documents (Tweede Kamer OData fields,
spelled as ``shared/research/open-data.md`` gives them, and each one's KOOP
record); ``fixtures/letters/*.txt`` are letters of our own writing, a small
header (title, date, signatures) and paragraphs. This module renders a letter
as the Kamerstuk XML (``officiele-publicatie/kamerstuk/...``, section 4.1),
the officielebekendmakingen HTML page, a PDF (reportlab, ``invariant=1`` so
the bytes are the same on every run) and a Word file (python-docx, zip
stamps fixed), so a file's bytes and ETag do not change between runs.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape as html_escape
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures"

__all__ = ["FIXTURES", "Letter", "load_letter", "catalogue", "render", "MIME"]

MIME = {
    "xml": "text/xml",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass
class Letter:
    title: str
    date: str  # "11 september 2026"
    signatures: list[tuple[str, str]]
    paragraphs: list[str] = field(default_factory=list)

    @staticmethod
    def is_heading(paragraph: str) -> bool:
        return len(paragraph.split()) <= 5 and not paragraph.rstrip().endswith((".", ":", ";"))


@lru_cache(maxsize=None)
def load_letter(name: str) -> Letter:
    head, _, body = (FIXTURES / "letters" / f"{name}.txt").read_text(encoding="utf-8").partition("\n---\n")
    meta = yaml.safe_load(head)
    paragraphs = [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]
    return Letter(meta["title"], meta["date"], [tuple(s) for s in meta["signatures"]], paragraphs)


@lru_cache(maxsize=None)
def catalogue() -> dict[str, Any]:
    return json.loads((FIXTURES / "documents.json").read_text(encoding="utf-8"))


def _spaced(dossier: int | str) -> str:
    text = str(dossier)
    return f"{int(text):,}".replace(",", " ") if text.isdigit() and len(text) > 3 else text


def _addressee(chamber: str) -> str:
    return f"Aan de Voorzitter van de {chamber} der Staten-Generaal"


def render_xml(letter: Letter, dossier: int, dossier_title: str, nr: str, chamber: str, year: str) -> bytes:
    parts = []
    for p in letter.paragraphs:
        parts.append(f"<tussenkop>{xml_escape(p)}</tussenkop>" if Letter.is_heading(p) else f"<al>{xml_escape(p)}</al>")
    signs = "".join(f"<ondertekening><functie>{xml_escape(r)}</functie><naam><achternaam>{xml_escape(n)}</achternaam></naam></ondertekening>"
                    for r, n in letter.signatures)
    day, month, yr = letter.date.split()
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
    iso = f"{yr}-{months.index(month) + 1:02d}-{int(day):02d}"
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie>
<metadata><meta name="DC.identifier" content="kst-{dossier}-{nr}"/></metadata>
<kamerstuk>
<kamerstukkop><tekstregel inhoud="kameraanduiding">{chamber} der Staten-Generaal</tekstregel><tekstregel inhoud="vergaderjaar">Vergaderjaar {year}</tekstregel></kamerstukkop>
<dossier><dossiernummer><dossiernr>{_spaced(dossier)}</dossiernr></dossiernummer><titel>{xml_escape(dossier_title)}</titel></dossier>
<stuk>
<stuknr><ondernummer>Nr. {nr}</ondernummer></stuknr>
<titel>{xml_escape(letter.title)}</titel>
<algemeen><vrije-tekst><tekst>
<al>{_addressee(chamber)}</al>
<al>Den Haag, <datum isodatum="{iso}">{letter.date}</datum></al>
{chr(10).join(parts)}
</tekst></vrije-tekst></algemeen>
<tekst-sluiting>{signs}</tekst-sluiting>
</stuk>
</kamerstuk>
</officiele-publicatie>
"""
    return xml.encode("utf-8")


def render_html(letter: Letter, dossier: int, dossier_title: str, nr: str, chamber: str, year: str) -> bytes:
    body = []
    for p in letter.paragraphs:
        body.append(f'<p class="tussenkop"><strong>{html_escape(p)}</strong></p>' if Letter.is_heading(p) else f"<p>{html_escape(p)}</p>")
    signs = "".join(f'<div class="ondertekening"><p class="functie">{html_escape(r)}</p><p class="naam">{html_escape(n)}</p></div>'
                    for r, n in letter.signatures)
    page = f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>{chamber[:1]}K {dossier}-{nr} | Overheid.nl</title>
<script>window.dataLayer = [];</script></head>
<body><header><nav class="breadcrumb">Home &gt; Kamerstukken</nav></header>
<main><div id="broodtekst" class="broodtekst">
<p class="kameraanduiding">{chamber} der Staten-Generaal</p><p class="vergaderjaar">Vergaderjaar {year}</p>
<p class="dossiernummer">{_spaced(dossier)}</p><p class="dossiertitel">{html_escape(dossier_title)}</p>
<p class="stuknr">{nr}</p>
<h1 class="stuktitel">{html_escape(letter.title)}</h1>
<p>{_addressee(chamber)}</p>
<p>Den Haag, {letter.date}</p>
{chr(10).join(body)}
{signs}
</div></main><footer>Overheid.nl</footer></body></html>
"""
    return page.encode("utf-8")


def render_pdf(letter: Letter, dossier: int, dossier_title: str, nr: str, chamber: str, year: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=1, title=f"kst-{dossier}-{nr}")
    story = [Paragraph(f"{chamber} der Staten-Generaal", styles["Normal"]),
             Paragraph(f"Vergaderjaar {year}", styles["Normal"]), Spacer(1, 12),
             Paragraph(f"{_spaced(dossier)} {xml_escape(dossier_title)}", styles["Heading3"]),
             Paragraph(f"Nr. {nr} {xml_escape(letter.title)}", styles["Heading3"]), Spacer(1, 12),
             Paragraph(f"Den Haag, {letter.date}", styles["Normal"]), Spacer(1, 24),
             Paragraph(_addressee(chamber), styles["Normal"]), Spacer(1, 24)]
    for p in letter.paragraphs:
        story += [Paragraph(xml_escape(p), styles["Heading4" if Letter.is_heading(p) else "Normal"]), Spacer(1, 12)]
    for role, name in letter.signatures:
        story += [Spacer(1, 10), Paragraph(xml_escape(role), styles["Normal"]), Paragraph(xml_escape(name), styles["Normal"])]
    doc.build(story)
    return out.getvalue()


def render_docx(letter: Letter, dossier: int, dossier_title: str, nr: str, chamber: str, year: str) -> bytes:
    import docx

    d = docx.Document()
    for line in (letter.title, _addressee(chamber), f"Den Haag, {letter.date}"):
        d.add_paragraph(line)
    for p in letter.paragraphs:
        (d.add_heading(p, level=2) if Letter.is_heading(p) else d.add_paragraph(p))
    for role, name in letter.signatures:
        d.add_paragraph(role)
        d.add_paragraph(name)
    raw = io.BytesIO()
    d.save(raw)
    # The same bytes every run: fixed zip stamps (python-docx writes the clock's).
    fixed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0)), src.read(info.filename))
    return fixed.getvalue()


RENDERERS = {"xml": render_xml, "html": render_html, "pdf": render_pdf, "docx": render_docx}


@lru_cache(maxsize=None)
def render(letter: str, fmt: str, dossier: int, nr: str, chamber: str, year: str) -> bytes:
    title = catalogue()["dossiers"][str(dossier)]
    return RENDERERS[fmt](load_letter(letter), dossier, title, nr, chamber, year)
