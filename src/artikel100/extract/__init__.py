"""Extract: facts with spans from a cleaned letter.

``extract(doc)`` runs structure (header, sections, signatures), splits the
text into sentences once, and hands them to one finder per kind of fact.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..facts import Extraction, Mission
from ..model import CleanDocument
from .commitments import find_commitments
from .contributions import find_contributions, not_joined
from .costs import find_costs
from .events import find_events
from .missions import find_missions, mission_mentions
from .references import find_citations, find_references
from .risks import find_findings, find_risks
from .sentences import Sentence, block_lines, split_sentences
from .topic import find_topic, header_topic, opening_topic

__all__ = ["extract", "body_text", "VERSION"]


def _fingerprint() -> str:
    """A short hash of the code and data that turn a file into facts.

    The registry stamps every fact with it, so a letter ingested again after
    artikel100 improved gets its facts replaced even without a release.
    """
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for folder in ("read", "repair", "extract"):  # extract/data/toetsingskader.yaml included
        for path in sorted((package / folder).rglob("*")):
            if path.suffix in (".py", ".yaml", ".txt"):
                digest.update(path.read_bytes())
    for name in ("structure.py", "signatures.py", "model.py", "facts.py"):
        digest.update((package / name).read_bytes())
    return digest.hexdigest()[:10]


#: Stamped on stored facts (see ``artikel100.store``).
VERSION = _fingerprint()


# Header fields that name what the letter is about: a mission they name is one the letter mentions.
_SUBJECT_LABELS = frozenset({"title", "subject", "site-subject", "site-title"})


def body_text(doc: CleanDocument, keep: frozenset[str] = frozenset()) -> str:
    """``doc.text`` with the header blocks blanked (same length, so offsets hold).

    The header's fields (dossier title, metadata, addressee, date) are the letter's
    own facts, read by structure; they never become missions, places, references
    or contributions. ``keep`` names header fields left in (the subject lines).
    """
    from ..structure import header_blocks

    chars = list(doc.text)
    for block in header_blocks(doc):
        if block.label in keep:
            continue
        for i in range(block.start, block.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _with_subject_lines(doc: CleanDocument, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences with the letter's subject lines before them, as context (which unit
    goes to which mission) for the contributions; they carry no facts of their own."""
    from ..structure import header_blocks

    subjects = [
        Sentence(doc.text[b.start : b.end], b.start, b.end, b.kind, None, b.start)
        for b in header_blocks(doc)
        if b.label in _SUBJECT_LABELS
    ]
    return sorted(subjects + sentences, key=lambda s: s.start)


def extract(doc: CleanDocument) -> Extraction:
    """Every fact the letter states, each with spans into ``doc.text``."""
    from ..structure import structure

    info = structure(doc)
    sentences = split_sentences(doc, info.body_end)
    body = [s for s in sentences if s.footnote is None]
    footnotes = {f.number: (f.start, f.end) for f in doc.footnotes}
    text = body_text(doc)
    about = body_text(doc, keep=_SUBJECT_LABELS)
    mentions = mission_mentions(about, info.letter_date)
    others: list[set[str]] = []  # not_joined of these mentions, once asked (it is not cheap)

    def not_joined_once() -> set[str]:
        if not others:
            others.append(not_joined(_with_subject_lines(doc, sentences), mentions, info.body_end))
        return others[0]

    topic = find_topic(doc, mentions) or opening_topic(doc, mentions, not_joined_once)
    if topic is not None:
        mentions = sorted([*mentions, (topic.id, topic.start, topic.end)], key=lambda m: (m[1], m[2]))

    def section_of(offset: int) -> str | None:
        section = info.section_at(offset)
        return section.heading if section else None

    heading_missions: dict[int, str | None] = {}  # id(section) -> its heading's one mission (speed: once per section)

    def section_mission(offset: int) -> str | None:
        """The one mission a section's heading names ("Bijdrage aan NTM-I")."""
        section = info.section_at(offset)
        if not section:
            return None
        if id(section) not in heading_missions:
            named = {m for m, s, _ in mentions if section.start <= s < section.start + len(section.heading)}
            heading_missions[id(section)] = named.pop() if len(named) == 1 else None
        return heading_missions[id(section)]

    contributions = find_contributions(
        _with_subject_lines(doc, sentences), mentions, info.letter_date, info.body_end, section_mission, block_lines(doc),
        topic=topic.id if topic else None,
        others=others[0] if others and topic is None else None,  # (a topic adds a mention: asked again)
    )
    if not contributions and topic is None and (fallback := header_topic(doc, mentions)) is not None:
        # Dutch facts that no named mission receives belong to what the subject is about.
        with_fallback = sorted([*mentions, (fallback.id, fallback.start, fallback.end)], key=lambda m: (m[1], m[2]))
        contributions = find_contributions(
            _with_subject_lines(doc, sentences), with_fallback, info.letter_date, info.body_end, section_mission,
            block_lines(doc), topic=fallback.id,
        )
        if contributions:
            topic, mentions = fallback, with_fallback
    missions = find_missions(about, info.letter_date)
    if topic is not None:
        missions.insert(0, Mission(id=topic.id, name=topic.name, spans=[(topic.start, topic.end)], known=False,
                                   aliases=[topic.name]))
    extraction = Extraction(
        text=doc.text,
        letter=info.letter,
        missions=missions,
        contributions=[c for c in contributions if c.status != "considered"],
        considered=[c for c in contributions if c.status == "considered"],
        costs=find_costs(body, doc.text),
        # A letter does not cite itself: its own number in a header or footer is no reference.
        references=[r for r in find_references(text, footnotes) if r.kamerstuk != info.letter.kamerstuk],
        citations=find_citations(text),
        commitments=find_commitments(sentences, info.letter_date),
        events=find_events(sentences, info.letter_date),
        risks=find_risks(body, section_of),
        findings=find_findings(body, section_of),
    )
    add_oversight(extraction, doc, info, sentences, mentions, section_of)
    return extraction


def add_oversight(extraction: Extraction, doc: CleanDocument, info, sentences, mentions, section_of) -> None:  # noqa: ANN001
    """The oversight facts (issue 9): toetsingskader coverage, the red card holder,
    monitoring and evaluation, motions and debates, tasks and areas. They read
    the facts found above (contributions give the letter's own missions)."""
    from .instruments import find_debates, find_motions
    from .oversight import Scope, find_evaluations, find_monitoring, find_red_card_holders, find_responses
    from .tasks import find_areas, find_tasks
    from .toetsingskader import find_coverage

    e = extraction
    scope = Scope.of(mentions, e.contributions)
    e.coverage_points = find_coverage(
        doc.text, info.sections, sentences, doc.footnotes, e.references, e.contributions, e.costs, e.commitments, mentions,
    )
    e.red_card_holders = find_red_card_holders(sentences, scope)
    e.monitoring_visits, e.observations, e.follow_ups = find_monitoring(
        sentences, section_of, info.letter_date, e.commitments, scope)
    e.evaluations = find_evaluations(sentences, info.letter_date, e.commitments, scope)
    for obs in e.observations:  # a finding of an evaluation: the evaluation just before it, in its section
        if obs.visit is None:
            here = section_of(obs.spans[0][0])
            before = [i for i, ev in enumerate(e.evaluations)
                      if ev.spans[0][0] < obs.spans[0][0] and section_of(ev.spans[0][0]) == here]
            obs.evaluation = before[-1] if before else None
    e.responses = find_responses(sentences, info.letter_date, e.references, scope)
    e.motions = find_motions(sentences)
    e.debates = find_debates(sentences, info.letter_date)
    e.tasks = find_tasks(sentences, section_of, scope)
    e.areas = find_areas(sentences, section_of, scope)
