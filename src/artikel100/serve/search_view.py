"""Search results for the page and the API: ``store.search`` plus filters and a link to the sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text

from ..store.search import _WORD, _match_key, ranked, snippet, stems
from .data import Snapshot

__all__ = ["SearchResult", "search_results", "snippet_parts"]

# Fact kinds as stored; a search can ask for letters that state one of them.
SEARCH_KINDS = ["contribution", "cost", "reference", "commitment", "risk", "event"]
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n")


@dataclass
class SearchResult:
    letter_id: int
    date: str | None
    kamerstuk: str | None
    title: str | None
    addressee: str | None
    rank: float
    snippet: str
    sentence: tuple[int, int] | None  # the clean range of the first sentence that matches

    @property
    def parts(self) -> list[tuple[str, bool]]:
        return snippet_parts(self.snippet)

    @property
    def url(self) -> str:
        if self.sentence:
            return f"/brieven/{self.letter_id}?markeer={self.sentence[0]}-{self.sentence[1]}#treffer"
        return f"/brieven/{self.letter_id}"


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """``search.snippet``'s ``[word]`` markers as (text, matched) pairs for the template to escape."""
    return [(part, bool(i % 2)) for i, part in enumerate(re.split(r"\[([^\]]*)\]", snippet)) if part]


def _sentence_of(body: str, query_stems: set[str]) -> tuple[int, int] | None:
    for m in _WORD.finditer(body):
        if _match_key(m.group()) in query_stems:
            starts = [x.end() for x in _SENTENCE_END.finditer(body, 0, m.start())]
            start = starts[-1] if starts else 0
            nxt = _SENTENCE_END.search(body, m.end())
            return start, nxt.start() if nxt else len(body)
    return None


def search_results(conn: Connection, snap: Snapshot, q: str, *, mission: str | None = None, year: int | None = None,
                   addressee: str | None = None, kind: str | None = None, limit: int = 20) -> list[SearchResult]:
    """Letters matching ``q``, best first, within the filters; each with the sentence to link to.

    Answers are kept per registry state (``caches.LIMITS["search"]``): ranking a word
    that most letters contain reads all of them, about 10 ms on 10,000 letters.
    """
    key = (q, mission, year, addressee, kind, limit)
    return snap.caches["search"].get_or_build(
        key, lambda: (_search_results(conn, snap, q, mission, year, addressee, kind, limit), True))


def _search_results(conn: Connection, snap: Snapshot, q: str, mission: str | None, year: int | None,
                    addressee: str | None, kind: str | None, limit: int) -> list[SearchResult]:
    filtered = bool(mission or year or addressee or kind)
    out = []
    for letter_id, rank in ranked(conn, q, limit=500 if filtered else limit):
        L = snap.letters.get(letter_id)
        if L is None:
            continue
        if mission and mission not in snap.missions_of_letter.get(letter_id, []):
            continue
        if year and not (L.date or "").startswith(str(year)):
            continue
        if addressee and (L.addressee or "").lower() != addressee.lower():
            continue
        if kind and not snap.fact_counts.get(letter_id, {}).get(kind):
            continue
        out.append(SearchResult(letter_id, L.date, L.kamerstuk, L.title, L.addressee, rank, "", None))
        if len(out) >= limit:
            break
    if out:
        # One read of the texts for the snippets and the sentences, and only of the letters shown.
        query_stems = sorted(set(stems(q)))
        wanted = set(query_stems)
        bodies = dict(conn.execute(
            text("SELECT letter_id, text FROM letter_texts WHERE letter_id IN :ids").bindparams(
                bindparam("ids", expanding=True)), {"ids": [r.letter_id for r in out]}).all())
        out = [r for r in out if r.letter_id in bodies]  # as store.search: a letter without a text is no hit
        for r in out:
            r.snippet = snippet(bodies[r.letter_id], query_stems)
            r.sentence = _sentence_of(bodies[r.letter_id], wanted)
    return out


def result_json(r: SearchResult) -> dict[str, Any]:
    return {"letter_id": r.letter_id, "date": r.date, "kamerstuk": r.kamerstuk, "title": r.title,
            "addressee": r.addressee, "rank": r.rank, "snippet": r.snippet,
            "sentence": list(r.sentence) if r.sentence else None, "url": r.url}
