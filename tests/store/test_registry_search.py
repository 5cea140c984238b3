"""Full-text search: Dutch stemming, diacritics folded, the same answers on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest

from artikel100.store import ingest, ingest_extraction
from artikel100.store.search import fold, search, snippet, stems
from store_builders import document, mali_and_lithuania

LETTERS = Path(__file__).resolve().parents[1] / "letters"

QUERIES = [
    "syrie", "Syrië", "militair", "militairen", "force protection", "helikopters", "verlenging",
    "inlichtingeneenheid", "Litouwen", "NAVO missie", "burgerslachtoffers", "geïntegreerde benadering",
    "voortgangsrapportage", "Mali", "Afghanistan", "piraterij", "fregat", "de het een",
]


@pytest.fixture
def corpus(registry, seed_dir):
    ingest(registry, [seed_dir])
    for _name, text, ex in mali_and_lithuania():
        ingest_extraction(registry, document(text), ex)
    if LETTERS.exists():
        ingest(registry, [LETTERS], jobs=1)
    return registry


def test_folding_and_stemming():
    assert fold("Syrië") == "syrie" and fold("geïntegreerde") == "geintegreerde"
    assert stems("militairen") == stems("militair") == stems("Militaire")
    assert stems("Syrië") == stems("syrie")
    assert stems("de het een") == []


def test_syrie_finds_syrie_with_diaeresis_and_militair_finds_militairen(corpus):
    with corpus.engine.connect() as conn:
        hits = search(conn, "syrie")
        assert hits and "Syrië" in hits[0].snippet and "[Syrië]" in hits[0].snippet
        militairen = search(conn, "militair", limit=100)
    assert any("[militairen]" in h.snippet for h in militairen)


def test_every_backend_finds_exactly_the_letters_that_hold_every_query_word(corpus):
    """The answer is defined independently of the database: all query stems occur in the letter."""
    from sqlalchemy import text as sql

    with corpus.engine.connect() as conn:
        texts = dict(conn.execute(sql("SELECT letter_id, text FROM letter_texts")).all())
        for query in QUERIES:
            wanted = set(stems(query))
            expected = {i for i, t in texts.items() if wanted and wanted <= set(stems(t))}
            found = {h.letter_id for h in search(conn, query, limit=1000)}
            assert found == expected, query


def test_hits_are_ranked_and_snippets_highlight_the_matches(corpus):
    with corpus.engine.connect() as conn:
        hits = search(conn, "inlichtingeneenheid", limit=10)
    assert len(hits) >= 3
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)
    assert all("[inlichtingeneenheid]" in h.snippet.lower() for h in hits)


def test_snippet_marks_stemmed_matches_and_escapes_brackets():
    text = "Nederland stuurt [ca.] 145 militairen naar Syrië en de militair blijft."
    out = snippet(text, stems("militair syrie"))
    assert "[militairen]" in out and "[Syrië]" in out and "[militair]" in out and "(ca.)" in out
