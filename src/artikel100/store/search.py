"""Full-text search over the letters: Dutch stemming, diacritics folded.

Both databases search the same normalised text: lower case with diacritics
folded ("Syrië" -> "syrie") by ``fold``. PostgreSQL indexes it with its own
``dutch`` text search configuration (a Snowball stemmer and stop list);
SQLite indexes words we stem in Python with the same algorithm
(``dutch_porter`` in snowballstemmer, the Dutch stemmer PostgreSQL ships)
and drop PostgreSQL's Dutch stop words, in an FTS5 table. Queries are
normalised the same way, all words must match, so the two backends find the
same letters. Ranking (bm25 / ts_rank) differs in detail; snippets are
made here in Python from the cleaned text, identically for both.

In PostgreSQL a word found in nearly every letter ("militairen") makes a
query rank nearly every letter's tsvector, so what that costs per letter
decides the latency. The tsvectors therefore live in a narrow table, one
(letter id, tsvector) row per letter, stored inline and uncompressed
(``inline_index``): matching and ranking read them straight from the heap
pages instead of fetching each one from the TOAST table, twice (once for
``@@``, once for ``ts_rank``), as the first layout did.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from sqlalchemy import Connection, text

__all__ = [
    "fold",
    "words",
    "stems",
    "index_body",
    "create_index",
    "tune_index",
    "inline_index",
    "index_letter",
    "unindex_letter",
    "Hit",
    "search",
    "ranked",
    "snippet",
]

# PostgreSQL 15's tsearch_data/dutch.stop, so both backends ignore the same words.
STOP_WORDS = frozenset(
    """de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om
    hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar
    heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al waren veel
    meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt
    wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere""".split()
)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("dutch_porter")


def fold(value: str) -> str:
    """Lower case without diacritics: "Syrië" -> "syrie", "geïntegreerde" -> "geintegreerde"."""
    decomposed = unicodedata.normalize("NFKD", value.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(value: str) -> list[str]:
    """The folded words of ``value``, stop words kept."""
    return _WORD.findall(fold(value))


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    # Letters reuse a small vocabulary; caching makes stemming nearly free.
    return _STEMMER.stemWord(word)


@lru_cache(maxsize=200_000)
def _match_key(word: str) -> str:
    """The stem of one word as it appears in a letter (folded first).

    ``snippet`` looks at every word of every letter it shows; folding is
    the slow part (about 0.6 ms a letter), and surface forms repeat, so the
    whole step is cached per surface form.
    """
    return _stem(fold(word))


def stems(value: str) -> list[str]:
    """The stems of ``value``'s words, stop words dropped."""
    return [_stem(w) for w in words(value) if w not in STOP_WORDS]


def index_body(clean_text: str, dialect: str) -> str:
    """What goes into the index for a letter: stems for SQLite, folded text for PostgreSQL."""
    if dialect == "postgresql":
        return fold(clean_text)
    return " ".join(stems(clean_text))


def create_index(conn: Connection) -> None:
    """Create the dialect's full-text index (called by a migration)."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(
                "CREATE TABLE letter_search ("
                " letter_id INTEGER PRIMARY KEY REFERENCES letters(id) ON DELETE CASCADE,"
                " body TEXT NOT NULL,"
                " tsv tsvector GENERATED ALWAYS AS (to_tsvector('dutch', body)) STORED)"
            )
        )
        conn.execute(text("CREATE INDEX ix_letter_search_tsv ON letter_search USING GIN (tsv)"))
    else:
        # The body is already stemmed and folded: unicode61 only has to split on spaces.
        conn.execute(text("CREATE VIRTUAL TABLE letter_search USING fts5(body, tokenize='unicode61')"))


def tune_index(conn: Connection) -> None:
    """Store tsvectors uncompressed in PostgreSQL (a migration).

    Ranking reads every matching letter's tsvector; a word found in most
    letters makes that thousands of reads, and decompressing them was a third
    of the query time. Superseded by ``inline_index`` (migration 6), which
    replaces the table; kept because migration 4 still runs on new registries.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE letter_search ALTER COLUMN tsv SET STORAGE EXTERNAL"))


# PostgreSQL's largest toast_tuple_target: rows up to a page are left alone
# (neither compressed nor moved out of line) by the TOAST machinery.
_PG_TOAST_TARGET = 8160


def inline_index(conn: Connection) -> None:
    """Rebuild PostgreSQL's index as (letter_id, tsv) rows kept inline (a migration).

    Ranking a common word reads every letter's tsvector. With the folded
    body beside it the rows passed 2 kB, so PostgreSQL moved the tsvector
    out of line: each row cost two TOAST fetches (``@@``, then ``ts_rank``),
    about 60 of 75 ms for "militairen" over 10,000 letters. The body is not
    needed once the tsvector exists, so the new table drops it and computes
    the tsvector on insert (``index_letter``), and raises
    ``toast_tuple_target`` so vectors up to a page stay inline, uncompressed.
    STORAGE MAIN means a longer letter's vector is compressed in line first
    and only moved out as a last resort, so no letter is ever too big.
    The vectors are copied, not recomputed: they are the same
    ``to_tsvector('dutch', body)``, so the same letters match.
    """
    if conn.dialect.name != "postgresql":
        return
    conn.execute(
        text(
            "CREATE TABLE letter_search_inline ("
            " letter_id INTEGER PRIMARY KEY REFERENCES letters(id) ON DELETE CASCADE,"
            f" tsv tsvector NOT NULL) WITH (toast_tuple_target = {_PG_TOAST_TARGET})"
        )
    )
    conn.execute(text("ALTER TABLE letter_search_inline ALTER COLUMN tsv SET STORAGE MAIN"))
    # Inserting detoasts values that point into another table's TOAST, so the copies land inline.
    conn.execute(text("INSERT INTO letter_search_inline (letter_id, tsv) SELECT letter_id, tsv FROM letter_search"))
    conn.execute(text("DROP TABLE letter_search"))
    conn.execute(text("ALTER TABLE letter_search_inline RENAME TO letter_search"))
    conn.execute(text("ALTER INDEX letter_search_inline_pkey RENAME TO letter_search_pkey"))
    conn.execute(
        text(
            "ALTER TABLE letter_search RENAME CONSTRAINT letter_search_inline_letter_id_fkey"
            " TO letter_search_letter_id_fkey"
        )
    )
    conn.execute(text("CREATE INDEX ix_letter_search_tsv ON letter_search USING GIN (tsv)"))
    # Fresh statistics, so the planner at once picks a sequential scan for
    # words in most letters and the GIN index for rare ones.
    conn.execute(text("ANALYZE letter_search"))


def index_letter(conn: Connection, letter_id: int, body: str) -> None:
    """(Re)index one letter; ``body`` comes from ``index_body``."""
    unindex_letter(conn, letter_id)
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("INSERT INTO letter_search (letter_id, tsv) VALUES (:i, to_tsvector('dutch', :b))"),
            {"i": letter_id, "b": body},
        )
    else:
        conn.execute(text("INSERT INTO letter_search (rowid, body) VALUES (:i, :b)"), {"i": letter_id, "b": body})


def unindex_letter(conn: Connection, letter_id: int) -> None:
    column = "letter_id" if conn.dialect.name == "postgresql" else "rowid"
    conn.execute(text(f"DELETE FROM letter_search WHERE {column} = :i"), {"i": letter_id})


@dataclass
class Hit:
    """One letter found by ``search``."""

    letter_id: int
    date: str | None
    kamerstuk: str | None
    title: str | None
    rank: float
    snippet: str  # with the matched words between ``[`` and ``]`` markers (see ``snippet``)


def search(conn: Connection, query: str, limit: int = 20) -> list[Hit]:
    """Letters that contain every word of ``query`` (stemmed, folded), best first."""
    query_stems = sorted(set(stems(query)))
    rows = ranked(conn, query, limit)
    if not rows:
        return []
    ids = [r[0] for r in rows]
    meta = {
        r.id: r
        for r in conn.execute(
            text(
                "SELECT l.id, l.date, l.kamerstuk, l.title, t.text FROM letters l"
                " JOIN letter_texts t ON t.letter_id = l.id WHERE l.id IN :ids"
            ).bindparams(_expanding("ids")),
            {"ids": ids},
        )
    }
    return [
        Hit(i, meta[i].date, meta[i].kamerstuk, meta[i].title, float(rank), snippet(meta[i].text, query_stems))
        for i, rank in rows
        if i in meta
    ]


def ranked(conn: Connection, query: str, limit: int = 20) -> list[tuple[int, float]]:
    """(letter id, rank) of the letters ``search`` finds, best first, without their texts or snippets."""
    query_stems = sorted(set(stems(query)))
    if not query_stems:
        return []
    if conn.dialect.name == "postgresql":
        sql = text(
            "SELECT s.letter_id, ts_rank(s.tsv, q) AS rank"
            " FROM letter_search s, plainto_tsquery('dutch', :q) q"
            " WHERE s.tsv @@ q ORDER BY rank DESC, s.letter_id LIMIT :n"
        )
        rows = conn.execute(sql, {"q": " ".join(w for w in words(query) if w not in STOP_WORDS), "n": limit}).all()
    else:
        match = " ".join('"' + s.replace('"', '""') + '"' for s in query_stems)
        sql = text(
            "SELECT rowid, -bm25(letter_search) AS rank FROM letter_search"
            " WHERE letter_search MATCH :m ORDER BY rank DESC, rowid LIMIT :n"
        )
        rows = conn.execute(sql, {"m": match, "n": limit}).all()
    return [(int(r[0]), float(r[1])) for r in rows]


def _expanding(name: str):  # type: ignore[no-untyped-def]
    from sqlalchemy import bindparam

    return bindparam(name, expanding=True)


def snippet(clean_text: str, query_stems: list[str], width: int = 160) -> str:
    """A window of ``clean_text`` around the densest match, matches in ``[...]``.

    The brackets are plain markers so callers choose the highlighting (the CLI
    turns them into rich styles); literal brackets in the text become parentheses.
    """
    wanted = set(query_stems)
    # The surface forms that match, from the letter's distinct words (a few hundred, not thousands).
    forms = {w: key for w in set(_WORD.findall(clean_text)) if (key := _match_key(w)) in wanted}
    found = []  # (start, end, stem) of each matching word
    if forms:
        for m in _WORD.finditer(clean_text):
            key = forms.get(m.group())
            if key is not None:
                found.append((m.start(), m.end(), key))
    if not found:
        return clean_text[:width].replace("[", "(").replace("]", ")")
    # The match with the most distinct query words nearby wins.
    best, best_score = found[0], -1
    for start, _end, _key in found:
        near = {k for s, _e, k in found if start <= s < start + width}
        if len(near) > best_score:
            best, best_score = (start, _end, _key), len(near)
    lo = max(0, best[0] - width // 4)
    hi = min(len(clean_text), lo + width)
    out, pos = [], lo
    for s, e, _k in found:
        if s < lo or e > hi:
            continue
        out.append(clean_text[pos:s].replace("[", "(").replace("]", ")"))
        out.append("[" + clean_text[s:e] + "]")
        pos = e
    out.append(clean_text[pos:hi].replace("[", "(").replace("]", ")"))
    body = " ".join("".join(out).split())
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(clean_text) else "")
