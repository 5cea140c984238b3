"""The operation a letter is about, when its subject line describes it instead of naming it.

Letters about ad hoc operations carry their description in the subject, the
page title or a dossier of their own: "Nederlandse hulp na de aardbeving in
Haïti", "Inzet Defensie na orkaan Irma", "Kennisgevingsbrief over een mogelijke
Nederlandse bijdrage aan de versterking van de Turkse luchtverdediging",
"32 709 Evacuatie Nederlandse staatsburger uit Libië". Such a line, without its
lead-in ("Kamerbrief over", "Nederlandse bijdrage aan de"), is the letter's
operation when it names no mission itself, says what is done (its head is an
operation noun: inzet, hulp, evacuatie, versterking, begeleiding, ...), and the
letter's opening paragraph does not give the contribution to a mission it names.
The operation then receives the facts of sentences that name no mission.

A letter whose only named mission is one the catalogue does not know ("de Mine
Countermeasures Naval Group Black Sea (MCM Black Sea)" under the subject "Inzet van
mijnenbestrijdingsvaartuigen in de westelijke Zwarte Zee") names the operation its
subject describes: that name, not the description, is the operation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import CleanDocument
from .described import described_id
from .missions import catalogue, standing_forces

__all__ = ["Topic", "find_topic", "header_topic", "opening_topic"]

# Header fields that can carry the operation's description, most telling first.
_LABELS = ("subject", "site-subject", "site-title", "dossier")
# Lead-ins that say what kind of document it is or that it concerns the Dutch share.
_LABEL = re.compile(r"^(?:(?:Onderwerp|Betreft|Titel)\s*:|(?:Onderwerp|Betreft)\s)\s*", re.IGNORECASE)
# (OCR misreads a letter of it: "Kamefbrief over noodhulp ...")
_KAMERBRIEF = "|".join(["Kamerbrief"] + ["Kamerbrief"[:i] + r"[^\W\d_]" + "Kamerbrief"[i + 1 :] for i in range(1, 10)])
_DOCUMENT = re.compile(
    rf"^(?:(?:{_KAMERBRIEF}|Brief(?:\s+(?:regering|(?:van\s+de\s+)?(?:ministers?|staatssecretaris)))?|Artikel[- ]100[- ]brief|Kennisgevingsbrief"
    r"|Verlengingsbrief|Informatiebrief|Voortgangsrapportage|Stand\s+van\s+zaken(?:brief)?|Nieuws|Terugblik(?=\s+op\b))"
    r"\s*:?\s*(?:inzake|over|betreffende|m\.b\.t\.|op)?\s*)+",
    re.IGNORECASE,
)
# Answers to an MP's written questions: "Antwoorden op vragen van het lid Sjoerdsma (D66) over ...".
_QUESTIONS = re.compile(
    r"^(?:(?:Antwoord(?:en)?|Beantwoording)\s+(?:op\s+|van\s+)?(?:de\s+)?)?(?:schriftelijke\s+)?(?:Kamer)?vragen"
    r"(?:\s+van\s+(?:het|de)\s+(?:Kamer)?(?:lid|leden)\s+[^,;:]{1,80}?)?\s+(?:over|inzake|betreffende|m\.b\.t\.)\s+",
    re.IGNORECASE,
)
# "(een mogelijke) Nederlandse (militaire) bijdrage aan de", "Beëindiging van de ... bijdrage aan de"
_SHARE = re.compile(
    r"^(?:(?:Verzoek|Aanvraag)\s+(?:[\w-]+\s+){0,4}?om\s+)?"  # "Verzoek om een bijdrage aan de VN-operatie in Burundi"
    r"(?:(?:de|het|een)\s+)?(?:(?:Beëindiging|Verlenging|Voortzetting)\s+van\s+de\s+)?(?:(?:mogelijke|eventuele|eerste|verdere)\s+)*"
    r"(?:Nederlandse\s+)?(?:militaire\s+)?(?:bijdrage|deelname|deelneming|steun|ondersteuning)\s+(?:aan|voor)\s+(?:de|het)\s+",
    re.IGNORECASE,
)
# What becomes of an operation, before the operation: "de afronding van de Patriot-inzet in Slowakije".
_STAGE = re.compile(
    r"^(?:(?:de|het)\s+)?(?:afronding|beëindiging|beeindiging|verlenging|voortzetting|uitbreiding|aanpassing|wijziging"
    r"|afbouw|start|einde|evaluatie|voortgang|stand van zaken)\s+van\s+(?:de|het)\s+(?=\S+\s+\S)",
    re.IGNORECASE,
)
# A dossier on a field of policy, not one operation.
# (and an overview of them all: "Halfjaarlijks overzicht van de lopende militaire inzet")
_POLICY = re.compile(r"(?:Beleid|Beleidsbrief|Ontwikkelingen|Aangelegenheden|Vraagstukken|(?:\w+\s+)?[Oo]verzicht(?:en)?)\b", re.IGNORECASE)
_MAX_WORDS = 18  # a subject line; more is page text run together
_DOSSIER_NUMBER = re.compile(r"^\d{2}\s?\d{3}(?:-[A-Z]+)?\s+")
# What is done: the head of an operation's description.
_OPERATION_HEAD = re.compile(
    r"\b(?:inzet|(?:nood)?hulp(?:verlening|operatie)?|evacuatie(?:operatie)?|versterking|begeleiding|escorte|bescherming"
    r"|vertrek|repatri[eë]ring|(?:hulp|evacuatie|vertrek)?vluchten"
    r"|(?:lucht)?verdediging|beveiliging|bewaking"
    r"|steun(?:verlening)?|(?:militaire\s+)?bijstand|assistentie|luchtbrug|operatie|missie)\b",
    re.IGNORECASE,
)
# The opening paragraph gives the contribution to a mission it names: "bijdrage aan X".
# Or it names the operation: "De maatregelen worden uitgevoerd onder de naam Display Deterrence".
_RECEIVES = re.compile(
    r"\b(?:aan|bij|in het kader van|voor)\s+(?:de\s+|het\s+)?(?:[\w-]+\s+){0,3}$"
    r"|\b(?:onder de (?:code)?naam|genaamd|bekend als|heet|heten)\s+(?:(?:de\s+)?(?:operatie|missie)\s+)?['‘\"“]?$"
)


_NOT_GIVEN = re.compile(r"\b(?:niet|geen)\s+(?:\w+\s+){0,2}(?:aan|bij|voor)\s+(?:de\s+|het\s+)?(?:[\w-]+\s+){0,3}$")


# "bij de bestrijding van ebola" names what is done; "in de Golf van Guinee" only where
# ("Inzet van Defensie bij hulpdroppings boven Gaza": the article may be left out). What follows is
# an operation only when it is named by what is done ("bestrijding", "hulp", "evacuatie"); "Inzet
# van de Koninklijke Marechaussee aan de buitengrens van Litouwen" says where, and stays whole.
_UNIT_IN = re.compile(
    r"^(?i:Inzet|Uitzending|Deelname)\s+van\s+.{2,50}?\s+(?i:bij|aan|voor)\s+(?:(?i:de|het)\s+)?"
    r"(?=[a-zé][\w-]*?(?:ing|ingen|tie|ties|hulp|droppings?|operatie|missie|inzet|steun|bijstand|vluchten)\b)"
)
_SALUTATION = re.compile(r"(?:Zeer\s+)?[Gg]eachte\b")


@dataclass(frozen=True)
class Topic:
    """The operation the letter is about, described by a header line."""

    id: str
    name: str
    start: int  # span of the description in the cleaned text
    end: int


def _description(line: str, head: bool = True) -> str | None:
    """The operation a header line describes, without its lead-ins, or None (with ``head`` False,
    also a line whose head is no operation noun: "Veiligheid van de scheepvaart in de Perzische Golf")."""
    line = " ".join(_DOSSIER_NUMBER.sub("", line.strip()).split())
    line = re.split(r"\s*[;|]\s*", line)[-1]  # "28676 NAVO; Brief regering; <onderwerp>"
    # "<onderwerp> - <dossier's title> - Parlementaire monitor": a site's title, its parts after a dash
    line = re.split(r"\s+[-–]\s+", line)[0]
    phrase = _LABEL.sub("", line)
    phrase = _DOCUMENT.sub("", phrase)
    phrase = _QUESTIONS.sub("", phrase)
    phrase = _SHARE.sub("", phrase)
    phrase = _STAGE.sub("", phrase)
    phrase = re.sub(r"^(?:de|het)\s+", "", phrase).strip(" .:;|-")
    if not 2 <= len(phrase.split()) <= _MAX_WORDS or (head and not _OPERATION_HEAD.search(phrase)):
        return None
    if len(re.findall(r"[^\W\d_]{3,}", phrase)) < 2:
        return None  # "29-521": a dossier's number, no words
    if re.search(r"(?:missies|operaties)\b", phrase, re.IGNORECASE) and not re.search(r"\bmissie\b|\boperatie\b", phrase):
        return None  # "Nederlandse deelname aan vredesoperaties en humanitaire hulp": a standing dossier
    if _POLICY.match(phrase) or ">" in line:
        return None  # "Beleid ten aanzien van humanitaire hulp"; a breadcrumb "Home > Onderwerpen > Noodhulp"
    # "Inzet van Zr.Ms. Karel Doorman bij de bestrijding van ebola": the unit's, the operation is after "bij de"
    operation = _UNIT_IN.sub("", phrase)
    return operation if operation != phrase and len(operation.split()) >= 2 else phrase


def find_topic(doc: CleanDocument, mentions: list[tuple[str, int, int]]) -> Topic | None:
    """The described operation of the letter's header, or None (see the module docstring).

    Args:
        doc: the cleaned letter, its header blocks labelled by repair.
        mentions: every mission mention of the letter, as ``(id, start, end)``.
    """
    from ..structure import header_blocks

    named = {m for m, _, _ in mentions}
    if len(named) == 1 and next(iter(named)) not in catalogue():
        return None  # the letter's one uncatalogued operation is the one its subject describes
    blocks = header_blocks(doc)
    body = [b for b in doc.blocks if b.kind == "paragraph" and b.end - b.start >= 100 and b not in blocks]
    if body:
        opening = body[0]
        for mission, s, _ in mentions:
            before = doc.text[max(opening.start, s - 50) : s]
            # (a standing force carries the units, it is not the operation: "in het kader van de NRF";
            # "neemt niet aan Ace Guard deel" gives it nothing)
            if opening.start <= s < opening.end and _RECEIVES.search(before) and not _NOT_GIVEN.search(before) \
                    and mission not in standing_forces():
                return None  # "informeren wij u over de bijdrage aan de EU-trainingsmissie in Mali"
    for label in _LABELS:
        for block in blocks:
            if block.label != label:
                continue
            if any(block.start <= s < block.end for _, s, _ in mentions):
                return None  # the subject names the mission
            topic = _topic_of(doc, block.start, _wrapped_end(doc, block))
            if topic:
                return topic
    # A press copy has no labelled subject, but its heading says what the letter is:
    # "Kamerbrief inzake militaire bijstand na de tsunami in Zuidoost-Azië".
    # (OCR may run that heading and the salutation into one block: each line is read.)
    for block in doc.blocks:
        if block.kind == "paragraph" and (block.end - block.start >= 300 or _SALUTATION.match(doc.text, block.start)):
            break  # the letter itself has begun
        at = block.start
        for line in doc.text[block.start : block.end].split("\n"):
            start, at = at, at + len(line) + 1
            if _SALUTATION.match(line):
                break
            if _DOCUMENT.match(line) and not any(start <= s < at for _, s, _ in mentions):
                topic = _topic_of(doc, start, start + len(line))
                if topic:
                    return topic
    return None


def _wrapped_end(doc: CleanDocument, block) -> int:  # noqa: ANN001 (model.Block)
    """Where a header line ends that OCR or the print wrapped onto a line of its own:
    "... bijdrage aan de versterking" + "van de Turkse luchtverdediging"."""
    after = next((b for b in doc.blocks if b.start >= block.end), None)
    if after is None or after.label or "\n" in doc.text[after.start : after.end].strip():
        return block.end
    line = doc.text[after.start : after.end]
    return after.end if line[:1].islower() and len(line) < 100 else block.end


def header_topic(doc: CleanDocument, mentions: list[tuple[str, int, int]]) -> Topic | None:
    """What the letter's subject line, or else its dossier's title, is about, for a letter whose
    Dutch contributions go to no mission it names ("20 212 Veiligheid van de scheepvaart in de
    Perzische Golf" over two mine hunters): the subject names the operation when nothing else does."""
    from ..structure import header_blocks

    blocks = header_blocks(doc)
    for label in _LABELS:
        for block in blocks:
            if block.label == label and not any(block.start <= s < block.end for _, s, _ in mentions):
                topic = _topic_of(doc, block.start, _wrapped_end(doc, block), head=False)
                if topic:
                    return topic
    return None


def _topic_of(doc: CleanDocument, start: int, end: int, head: bool = True) -> Topic | None:
    line = doc.text[start:end]
    phrase = _description(line, head)
    if not phrase:
        return None
    start += line.find(phrase[:20])
    return Topic(described_id(phrase), phrase, start, start + len(phrase))


# "informeren wij u over de Nederlandse hulp na de tyfoon Haiyan, die ...": what the opening is about.
_ABOUT = re.compile(r"\b(?:over|inzake|betreffende)\s+(?:de|het)\s+(?P<phrase>[^,.;:()\n]{5,160})")
_RELATIVE = re.compile(r"\s+(?:die|dat|waarbij|waarmee|en over)\s")


def opening_topic(doc: CleanDocument, mentions: list[tuple[str, int, int]],
                  not_joined: Callable[[], set[str]]) -> Topic | None:
    """The operation the opening paragraph says the letter is about, for a letter whose subject line
    describes none and whose named missions are all others' or ones the Netherlands stays out of
    ("over de Nederlandse hulp na de tyfoon Haiyan" beside the American operation Damayan).

    Args:
        doc: the cleaned letter.
        mentions: every mission mention, as ``(id, start, end)``.
        not_joined: the missions the letter names only as others' (asked only when needed).
    """
    from ..structure import header_blocks

    blocks = header_blocks(doc)
    body = [b for b in doc.blocks if b.kind == "paragraph" and b.end - b.start >= 100 and b not in blocks]
    if not body:
        return None
    opening = body[0]
    if any(opening.start <= s < opening.end for _, s, _ in mentions):
        return None
    m = _ABOUT.search(doc.text, opening.start, opening.end)
    if m is None:
        return None
    phrase = m.group("phrase")
    cut = _RELATIVE.search(phrase)
    if cut and len(phrase[: cut.start()].split()) >= 2:
        phrase = phrase[: cut.start()]  # (a bare head keeps its relative clause: "hulp die Defensie verleent bij ...")

    description = _description(phrase)
    if description is None or {mission for mission, _, _ in mentions} - not_joined():
        return None
    start = doc.text.find(description[:20], m.start("phrase"), m.end("phrase"))
    start = start if start >= 0 else m.start("phrase")
    return Topic(described_id(description), description, start, start + len(description))
