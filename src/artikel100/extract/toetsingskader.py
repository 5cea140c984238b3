"""Which points of the toetsingskader a letter covers, covers by reference, or skips.

The points and the words letters use for them are data
(``data/toetsingskader.yaml``). A point is decided by headings *and* content,
because headings changed over 25 years and OCR loses some:

- **covered**: a section whose heading names the point has a sentence of its
  own on it (under a heading that names several points, the sentence must
  speak of this one), or sentences anywhere speak of it firmly enough
  (weights in ``_THRESHOLD``), counting the facts extraction found
  (a framework end date is evidence of "duration", an amount of "finances");
- **reference**: the only sentences on the point say an earlier letter still
  holds ("zijn ongewijzigd ten opzichte van", "wordt verwezen naar", "zijn
  grotendeels nog van toepassing"), and ``refers_to`` names that letter as
  precisely as the letter lets us: a footnote marker in the sentence, a
  Kamerstuk in it, a date ("d.d. 7 juli 2023") or a description ("de brief
  over de bredere veiligheidsinzet in Irak") matched against the letter's
  own citations, else the earlier letter it cites most;
- **missing**: neither.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from ..facts import Commitment, Contribution, CoveragePoint, Cost, Reference
from ..model import Footnote
from .dates import find_dates
from .literals import Prefiltered, is_context_free, required_literals
from .sentences import Sentence
from ..datafiles import load_yaml

__all__ = ["PointSpec", "points", "fold", "is_referring", "find_coverage"]

DATA = Path(__file__).with_name("data") / "toetsingskader.yaml"
_THRESHOLD = 1.5  # content weight for "covered" without a heading: two firm sentences, or one with a fact
_MAX_SPANS = 4


def fold(text: str) -> str:
    """Lower case without diacritics, apostrophes straight: the form the patterns read."""
    if text.isascii():  # no diacritics or curly quotes: only the case to fold (most sentences)
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return text.translate(_COMBINING).casefold()


_QUOTES = str.maketrans({"’": "'", "‘": "'"})
# The combining marks (NFKD leaves the diacritics of Latin letters as these), dropped in C.
_COMBINING = dict.fromkeys(
    c for lo, hi in ((0x300, 0x370), (0x1AB0, 0x1B00), (0x1DC0, 0x1E00), (0x20D0, 0x2100), (0xFE20, 0xFE30))
    for c in range(lo, hi) if unicodedata.combining(chr(c))
)


@dataclass(frozen=True)
class PointSpec:
    id: str
    group: str
    nl: str
    en: str
    heading: re.Pattern[str]
    strong: re.Pattern[str]
    weak: re.Pattern[str] | None
    names: re.Pattern[str]
    facts: tuple[str, ...] = ()
    own_mission: bool = False
    firm: bool = False


@lru_cache(maxsize=1)
def points() -> tuple[PointSpec, ...]:
    """The toetsingskader points, in the order letters treat them."""
    data = load_yaml(DATA)
    out = []
    for p in data["points"]:
        out.append(PointSpec(
            p["id"], p["group"], p["nl"], p["en"], re.compile(p["heading"]), re.compile(p["strong"]),
            re.compile(p["weak"]) if p.get("weak") else None, re.compile(p.get("names") or p["heading"]),
            tuple(p.get("facts") or ()), bool(p.get("own_mission")), bool(p.get("firm")),
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def _scan_words() -> dict[re.Pattern[str], frozenset[str]]:
    """The words each point's sentence pattern needs (see ``_Scan.hits``), read once."""
    out = {}
    for spec in points():
        for pattern in (spec.strong, spec.weak, spec.names):
            words = required_literals(pattern) if pattern is not None and is_context_free(pattern) else None
            if words is not None:
                out[pattern] = words
    return out


@lru_cache(maxsize=1)
def _word_finder() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One pattern that finds, at every place, the longest of the scan words starting there,
    and for each word the scan words it starts with (they start there too).

    The words form a trie written as a pattern ("gronden voor (?:de (?:inzet|...)|...)"): one
    pass over a letter instead of a ``str.find`` over it per word (there are some 650). The
    lookahead lets matches overlap ("nederlandse belangen" and "belangen" inside it)."""
    words = sorted({w for ws in _scan_words().values() for w in ws})
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def written(node: dict[str, dict]) -> str:
        alternatives = [re.escape(c) + written(child) for c, child in sorted(node.items()) if c]
        if not alternatives:
            return ""
        if "" in node:  # a word ends here: a longer one first, else this one
            return "(?:" + "|".join(alternatives) + ")?"
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    known = set(words)
    starts_with = {w: tuple(w[:k] for k in range(1, len(w) + 1) if w[:k] in known) for w in words}
    return re.compile(f"(?=({written(trie)}))"), starts_with


# A sentence that says an earlier letter still holds, over folded text.
_REFERRING = re.compile(
    r"ongewijzigd (ten opzichte van|t\.o\.v\.|sinds|sedert)"
    r"|\b(zijn|is|blijven|blijft|gelden|geldt)\b[^.]{0,60}?\b(nog (steeds |altijd )?|onverminderd |grotendeels |onveranderd |volledig )+(van toepassing|van kracht|geldig|actueel|relevant)\b"
    r"|\b(gelden|geldt)\b[^.]{0,40}\bonverminderd\b"
    r"|\b(zijn|is|blijven|blijft)\s+((grotendeels|nagenoeg|vrijwel|in hoofdlijnen|eveneens|ook|evenzeer|daarbij)\s+)*(ongewijzigd|onveranderd|gelijk gebleven)\b"
    r"|\b(wordt|worden)\s+(u\s+)?(hier\s+|daarvoor\s+|hiervoor\s+|kortheidshalve\s+|graag\s+)?verwezen\s+naar"
    r"|\bverwijs\s+(ik|wij)|\bverwijzen\s+(wij|we)\b|\bverwijzen\s+naar\s+(de|het)\s+(eerdere|vorige)"
    r"|\b(beschreven|uiteengezet|geschetst|toegelicht|weergegeven|behandeld)\s+in\s+(de\s+|het\s+|genoemde\s+|eerdere\s+|vorige\s+|bovengenoemde\s+|voornoemde\s+)+[^.]{0,60}?(brief|brieven|kamerstuk)"
    r"|\bzie\s+(ook\s+)?(de\s+|het\s+)?(eerdere\s+|vorige\s+)[^.]{0,30}(brief|kamerstuk)"
)
# "... gelden onverminderd: het bevorderen van ...": the letter restates after the colon.
_RESTATED = re.compile(r":\s*\S[^:]{40,}$")
# The constitutional formula every letter opens with is no treatment of a point.
_FORMULA = re.compile(r"artikel[- ]100\b[^.]{0,20}\bgrondwet|overeenkomstig artikel 100|conform artikel 100")
_EARLIER_LETTER = re.compile(
    r"\b(eerdere|vorige|genoemde|voornoemde|bovengenoemde|laatste|oorspronkelijke)\s+[^.]{0,25}?(brief|brieven)\b"
)
_ABOUT = re.compile(r"\b(?:brief|brieven|kamerbrief)\s+(?:over|inzake|betreffende|aangaande)\s+(?P<about>[^.,;()]{5,120})")
_STOP = re.compile(r"(?:kamerstuk|kamerbrie|brie|artikel|over|voor|naar|deze|eerdere|vorige|genoemde|nederland)")
# Most sentences hold none of the words these patterns need: ask for the words first.
_REFERRING_FAST = Prefiltered(_REFERRING)
_EARLIER_LETTER_FAST = Prefiltered(_EARLIER_LETTER)


def is_referring(sentence: str) -> bool:
    """True when the sentence says an earlier letter still holds for what it names."""
    return bool(_REFERRING_FAST.search(fold(sentence)))


@dataclass
class _Citation:
    """A letter the letter cites, with the words around it (for matching descriptions)."""

    kamerstuk: str
    words: frozenset[str]
    dates: frozenset[str]


def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]{4,}", fold(text)) if not _STOP.match(w))


def _overlap(wanted: frozenset[str], have: frozenset[str]) -> int:
    """Words of a description found in a citation's words ("brede" finds "bredere")."""
    return sum(1 for w in wanted if any(h.startswith(w) or w.startswith(h) for h in have))


def _citations(text: str, references: list[Reference]) -> list[_Citation]:
    """Each cited Kamerstuk with the words that describe it: the stretch of text
    before it back to the previous citation (a footnote listing two letters
    gives each its own description)."""
    spans = sorted((a, b, r.kamerstuk) for r in references if r.kind == "kamerstuk" for a, b in r.spans)
    out = []
    prev_end = 0
    for a, b, key in spans:
        lo = max(prev_end, text.rfind("\n", 0, a) + 1, a - 250)
        chunk = text[lo:b]
        out.append(_Citation(key, _content_words(chunk), frozenset(d.value for d in find_dates(chunk, None))))
        prev_end = b
    return out


def _refers_to(
    s: Sentence, text: str, footnotes: list[Footnote], references: list[Reference],
    citations: list[_Citation], fallback: list[str],
) -> list[str]:
    """The letters a referring sentence points at, most precise evidence first."""
    marked = [f.number for f in footnotes if f.marker_at is not None and s.start <= f.marker_at <= s.end + 1]
    by_note = [r.kamerstuk for r in references if r.kind == "kamerstuk" and r.in_footnote in marked]
    inline = [r.kamerstuk for r in references if r.kind == "kamerstuk" and any(s.start <= a < s.end for a, _ in r.spans)]
    found = list(dict.fromkeys(by_note + inline))
    dates = [d.value for d in find_dates(s.text, None) if len(d.value) == 10]
    about = _ABOUT.search(s.text)
    if not found and (dates or about):
        wanted = _content_words(about.group("about")) if about else frozenset()
        scored = []
        for c in citations:
            score = 3 * len(c.dates & set(dates)) + _overlap(wanted, c.words)
            if score >= 2:
                scored.append((score, c.kamerstuk))
        if scored:
            best = max(score for score, _ in scored)
            found = list(dict.fromkeys(k for score, k in scored if score == best))
        elif dates:
            found = dates  # a letter known only by its date: the registry may know it
    return found or list(fallback)


def _fallback(sentences: list[Sentence], text: str, footnotes: list[Footnote], references: list[Reference],
              citations: list[_Citation], folds: list[str] | None = None,
              found: dict[Sentence, list[str]] | None = None) -> list[str]:
    """The earlier letter the letter leans on most: cited most often where it says "the earlier letter".

    ``folds`` holds ``fold`` of each sentence's text when the caller has it; ``found`` gets each
    sentence's letters as ``_refers_to`` gives them without a fallback (the points ask again)."""
    counts: Counter[str] = Counter()
    for i, s in enumerate(sentences):
        # "de eerdere brief", or any sentence that refers back and cites a letter
        folded = folds[i] if folds is not None else fold(s.text)
        if _EARLIER_LETTER_FAST.search(folded) or _REFERRING_FAST.search(folded):
            letters = _refers_to(s, text, footnotes, references, citations, [])
            if found is not None:
                found[s] = letters
            counts.update(letters)
    counts = Counter({k: v for k, v in counts.items() if re.fullmatch(r"\d{5}(-[A-Z]+)?-\w+", k)})
    if not counts:
        return []
    top = max(counts.values())
    return [k for k, v in counts.items() if v == top]


@dataclass
class _Heading:
    text: str
    start: int
    end: int
    points: tuple[str, ...]


def _headings(sections: list, body: list[Sentence]) -> list[_Heading]:  # noqa: ANN001 (structure.Section)
    """Sections with the points their headings name; an empty section's heading
    also heads the next ("Risico's" over "Veiligheidsrisico's")."""
    out: list[_Heading] = []
    inherited: tuple[str, ...] = ()
    for sec in sections:
        folded = fold(sec.heading).strip()
        if folded.startswith("aan de voorzitter"):
            continue
        named = tuple(p.id for p in points() if p.heading.search(folded))
        empty = not any(sec.start <= s.start <= sec.end for s in body)
        if empty:
            inherited = named
            continue
        out.append(_Heading(sec.heading, sec.start, sec.end, named or inherited))
        inherited = ()
    return out


class _GenericMissions:
    """Sentences with the letter's own missions named "de missie", so that
    "risico's tegen NMI" reads as a risk to the mission."""

    def __init__(self, mentions: list[tuple[str, int, int]], own: set[str]) -> None:
        # The own missions' mentions, last first (replacing from the end keeps offsets right),
        # sorted once for all sentences; starts negated for bisect.
        self.ordered = [m for m in sorted(mentions, key=lambda m: -m[1]) if m[0] in own]
        self.keys = [-a for _, a, _ in self.ordered]

    def text(self, s: Sentence) -> str:
        text = s.text
        lo, hi = bisect_left(self.keys, -s.end), bisect_right(self.keys, -s.start)
        for _mission, a, b in self.ordered[lo:hi]:  # s.start <= a <= s.end
            if b <= s.end:
                text = text[: a - s.start] + "de missie" + text[b - s.start :]
        return text


class _Scan:
    """Which sentences a pattern matches: a pattern searched sentence by sentence for each
    of the points was most of the time extraction took. The sentences holding one of the
    words a pattern needs are found with ``str.find`` over all of them joined, and only
    those are searched; a pattern without such words gets one pass over the joined text."""

    _SEPARATOR = ".\x00."  # no pattern reads across a full stop and a NUL

    def __init__(self, folded: list[str]) -> None:
        self.folded = folded
        self.joined = self._SEPARATOR.join(folded)
        self.starts: list[int] = []
        at = 0
        for f in folded:
            self.starts.append(at)
            at += len(f) + len(self._SEPARATOR)
        self._sentences_of: dict[str, set[int]] | None = None  # each scan word's sentences, found at first use

    def hits(self, pattern: re.Pattern[str] | None) -> set[int]:
        if pattern is None:
            return set()
        words = _scan_words().get(pattern)
        if words is not None:
            # A pattern that reads nothing beyond what it matches finds, in the joined text,
            # exactly the sentences that match alone; only those holding one of its words can.
            return {i for i in self._holding(words) if pattern.search(self.folded[i])}
        found: set[int] = set()
        at = 0
        while (m := pattern.search(self.joined, at)) is not None:
            i = bisect_right(self.starts, m.start()) - 1
            if pattern.search(self.folded[i]):  # the sentence alone matches: exact, as before
                found.add(i)
            if i + 1 == len(self.starts):
                break
            at = self.starts[i + 1]
        return found

    def _holding(self, words: frozenset[str]) -> set[int]:
        """The sentences in which one of ``words`` starts (every scan word's found in one pass)."""
        if self._sentences_of is None:
            finder, starts_with = _word_finder()
            found: dict[str, set[int]] = {}
            starts = self.starts
            for m in finder.finditer(self.joined):
                i = bisect_right(starts, m.start()) - 1
                for w in starts_with[m.group(1)]:
                    found.setdefault(w, set()).add(i)
            self._sentences_of = found
        out: set[int] = set()
        found = self._sentences_of
        for w in found.keys() & words:  # (the words of the letter, intersected in C)
            out |= found[w]
        return out


def _fact_spans(spec: PointSpec, contributions: list[Contribution], costs: list[Cost],
                commitments: list[Commitment]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for kind in spec.facts:
        if kind == "period":  # a framework's end, or a contribution's start and end
            spans += [sp for c in contributions if (c.framework and (c.end or c.start)) or (c.start and c.end) for sp in c.spans]
        elif kind == "personnel":
            spans += [sp for c in contributions if c.personnel for sp in c.spans]
        elif kind == "costs":
            spans += [sp for c in costs for sp in c.spans]
        elif kind == "commitments":
            spans += [sp for c in commitments for sp in c.spans]
    return spans


def find_coverage(
    text: str,
    sections: list,  # structure.Section
    sentences: list[Sentence],
    footnotes: list[Footnote],
    references: list[Reference],
    contributions: list[Contribution],
    costs: list[Cost],
    commitments: list[Commitment],
    mentions: list[tuple[str, int, int]],
) -> list[CoveragePoint]:
    """One CoveragePoint per toetsingskader point, in the framework's order."""
    body = [s for s in sentences if s.footnote is None]
    heads = _headings(sections, body)
    citations = _citations(text, references)
    folds = [fold(s.text) for s in body]  # (speed: the fallback and the points read them alike)
    without_fallback: dict[Sentence, list[str]] = {}  # (speed: the points ask for the same sentences)
    fallback = _fallback(body, text, footnotes, references, citations, folds, without_fallback)
    own = {c.mission for c in contributions}

    def heading_of(s: Sentence) -> _Heading | None:
        return next((h for h in heads if h.start <= s.start <= h.end), None)

    by_start = sorted((a, m) for m, a, _ in mentions)
    mention_starts = [a for a, _ in by_start]

    def other_mission_only(s: Sentence) -> bool:
        named = {m for _, m in by_start[bisect_left(mention_starts, s.start) : bisect_left(mention_starts, s.end)]}
        return bool(named) and not (named & own)

    generic = _GenericMissions(mentions, own)
    info = []
    for s, plain in zip(body, folds):
        named = generic.text(s)
        folded = plain if named is s.text else fold(named)
        referring = bool(_REFERRING_FAST.search(folded))
        info.append((s, folded, referring, referring and bool(_RESTATED.search(s.text)), bool(_FORMULA.search(folded))))

    scan = _Scan([folded for _, folded, *_ in info])
    heads_of = [heading_of(s) for s in body]  # the same for every point: once per sentence
    others_only = [other_mission_only(s) for s in body]
    refers: dict[Sentence, list[str]] = {}  # a referring sentence's letters, the same for every point

    def refers_to(s: Sentence) -> list[str]:
        if s not in refers:
            known = without_fallback.get(s)  # _refers_to's letters, or the fallback's when it finds none
            refers[s] = (known or list(fallback)) if known is not None else _refers_to(
                s, text, footnotes, references, citations, fallback)
        return refers[s]

    # A sentence counts for a point only when it refers back, sits under the point's heading,
    # matches its words or holds one of its facts: only those are visited (in text order).
    starts = [s.start for s in body]
    disjoint = all(a.end <= b.start for a, b in zip(body, body[1:]))  # then a fact lies in one sentence
    under_of: dict[str, list[int]] = {}
    for i, head in enumerate(heads_of):
        for pid in head.points if head is not None else ():
            under_of.setdefault(pid, []).append(i)
    referring_at = {i for i, x in enumerate(info) if x[2]}

    out = []
    for spec in points():
        fact_starts = sorted(a for a, _ in _fact_spans(spec, contributions, costs, commitments))
        strong, weak, names = scan.hits(spec.strong), scan.hits(spec.weak), scan.hits(spec.names)
        todo: range | list[int] = range(len(info))
        if disjoint:
            with_fact = {j for a in fact_starts if (j := bisect_right(starts, a) - 1) >= 0 and a < body[j].end}
            todo = sorted(strong | weak | with_fact | referring_at | set(under_of.get(spec.id, ())))
        by_heading: list[Sentence] = []
        by_content: list[tuple[float, Sentence]] = []
        referring: list[Sentence] = []
        section_names: list[str] = []
        for i in todo:
            s, folded, is_ref, restated, formula = info[i]
            head = heads_of[i]
            under = head is not None and spec.id in head.points
            names_it = i in names
            # A referring sentence counts for what it names, or, naming nothing, for its section's points.
            if is_ref and (names_it or (under and not _names_any(folded))):
                referring.append(s)
                if not restated:
                    continue
            if formula or (spec.own_mission and others_only[i]):
                continue
            weight = 1.0 if i in strong else 0.5 if i in weak else 0.0
            # Under a heading that names several points, a sentence counts for those it speaks of.
            if under and (len(head.points) == 1 or weight):  # type: ignore[union-attr]
                by_heading.append(s)
                if head.text not in section_names:  # type: ignore[union-attr]
                    section_names.append(head.text)  # type: ignore[union-attr]
                continue
            k = bisect_left(fact_starts, s.start)  # a fact starts in the sentence
            if k < len(fact_starts) and fact_starts[k] < s.end:
                weight += 0.5
            if weight:
                by_content.append((weight, s))
        content_weight = sum(w for w, _ in by_content)
        refs = list(dict.fromkeys(k for s in referring for k in refers_to(s)))
        point = CoveragePoint(spec.id, "missing", refers_to=refs, reference_spans=[(s.start, s.end) for s in referring])
        threshold = 1.0 if spec.firm else _THRESHOLD
        if by_heading or content_weight >= threshold:
            point.status = "covered"
            point.by = "+".join(x for x, ok in (("heading", by_heading), ("content", content_weight >= threshold)) if ok)
            best = by_heading + [s for _, s in sorted(by_content, key=lambda ws: -ws[0])]
            point.spans = [(s.start, s.end) for s in best[:_MAX_SPANS]]  # the strongest first
            point.sections = section_names
        elif referring:
            point.status = "reference"
            point.by = "reference"
            point.spans = [(s.start, s.end) for s in referring]
        out.append(point)
    return out


def _names_any(folded: str) -> bool:
    return any(p.names.search(folded) for p in points())
