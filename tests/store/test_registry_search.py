"""Full-text search: Dutch stemming, diacritics folded, the same answers on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest

from artikel100.store import ingest, ingest_extraction, open_registry
from artikel100.store import ingest as ingest_module
from artikel100.store import migrations
from artikel100.store.search import fold, index_letter, search, snippet, stems
from store_builders import compose, document, mali_and_lithuania

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


def _results(registry, queries):
    with registry.engine.connect() as conn:
        return {q: [(h.letter_id, round(h.rank, 6), h.snippet) for h in search(conn, q, limit=1000)] for q in queries}


def test_migrating_to_inline_vectors_keeps_every_answer(db_url, monkeypatch):
    """A registry filled before migration 6 answers every query exactly as before it: letters, ranks, snippets."""
    import sys
    from sqlalchemy import text as sql

    ingest_impl = sys.modules["artikel100.store.ingest"]  # the module, not the function the package exports

    def legacy_index_letter(conn, letter_id, body):
        # What index_letter did before migration 6: PostgreSQL computed the tsvector from a body column.
        if conn.dialect.name != "postgresql":
            return index_letter(conn, letter_id, body)
        conn.execute(sql("DELETE FROM letter_search WHERE letter_id = :i"), {"i": letter_id})
        conn.execute(sql("INSERT INTO letter_search (letter_id, body) VALUES (:i, :b)"), {"i": letter_id, "b": body})

    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", [m for m in migrations.MIGRATIONS if m[0] < 6])
        patch.setattr(ingest_impl, "index_letter", legacy_index_letter)
        old = open_registry(db_url)
        try:
            for _name, text, ex in mali_and_lithuania():
                ingest_extraction(old, document(text), ex)
            if LETTERS.exists():
                ingest_module(old, [LETTERS], jobs=1)
            before = _results(old, QUERIES)
        finally:
            old.close()
    new = open_registry(db_url)  # applies migration 6
    try:
        with new.engine.connect() as conn:
            assert 6 in migrations.applied_versions(conn)
        assert _results(new, QUERIES) == before
        assert any(before.values())
    finally:
        new.close()


def test_postgresql_keeps_search_vectors_inline_and_accepts_long_letters(registry):
    """Ranking reads every matching vector: ordinary letters' vectors must not go to TOAST, yet any letter fits."""
    if registry.dialect != "postgresql":
        pytest.skip("a PostgreSQL storage property")
    from sqlalchemy import text as sql

    for _name, text, ex in mali_and_lithuania():
        ingest_extraction(registry, document(text), ex)
    with registry.engine.connect() as conn:
        columns = {r[0] for r in conn.execute(sql(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'letter_search'"))}
        toasted = conn.execute(sql(
            "SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE oid = 'letter_search'::regclass")).scalar_one()
    assert columns == {"letter_id", "tsv"}
    assert toasted == 0

    # Thousands of distinct words: a vector far beyond a page, which must be compressed or moved out, not refused.
    syllables = ["ka", "ro", "mi", "ne", "tu", "sa", "lo", "pe", "di", "vu", "ge", "ha", "zo", "fi"]
    vocabulary = [a + b + c + d for a in syllables for b in syllables for c in syllables for d in syllables[:2]]
    filler = [" ".join(vocabulary[i:i + 12]) + "." for i in range(0, len(vocabulary), 12)]
    text, ex = compose("2020-03-01", "29521-999", "Lange brief over de inlichtingeneenheid", {}, [], filler=filler)
    ingest_extraction(registry, document(text), ex)
    with registry.engine.connect() as conn:
        size = conn.execute(sql("SELECT max(pg_column_size(tsv)) FROM letter_search")).scalar_one()
        long_hits = search(conn, vocabulary[-1], limit=5)
        both = search(conn, "inlichtingeneenheid " + vocabulary[100], limit=5)
    assert len(text) > 30_000 and size > 8_000
    assert [h.title for h in long_hits] == ["Lange brief over de inlichtingeneenheid"]
    assert [h.title for h in both] == ["Lange brief over de inlichtingeneenheid"]
