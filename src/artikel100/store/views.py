"""Plain SQL views over the facts, so ``datasette`` and ``sqlite-utils`` show typed columns.

Facts are stored as JSON (``facts.data``); these views pull the fields out
with the dialect's JSON functions and cast them, so a tool that knows nothing
of artikel100 sees ``personnel`` as an integer and ``framework`` as a
boolean, not a JSON blob. ``quote`` is the words of a fact's first span,
cut from the cleaned text in SQL (both databases count characters, as
Python does).

``deployments`` is the plain-SQL cousin of ``merge.load_deployments``: one
row per mission and unit *as the letters name it*, with the first and latest
letter, the earliest start and the end and personnel of the latest letter
that states them. ``merge`` (what the CLI and the web UI show) also folds
unit names into kinds and keeps a history of steps and conflicts, which
plain SQL cannot; the view is for browsing, the merge is the answer.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

__all__ = ["VIEW_NAMES", "create_views", "drop_views"]

VIEW_NAMES = ["contributions", "commitments", "references", "deployments"]


def _dialect_sql(dialect: str) -> dict[str, str]:
    if dialect == "postgresql":
        def j(field: str) -> str:
            return f"(f.data::jsonb ->> '{field}')"

        def span(i: int) -> str:
            return f"CAST(f.data::jsonb -> 'spans' -> 0 ->> {i} AS INTEGER)"

        boolean = "BOOLEAN"
        same = "IS NOT DISTINCT FROM"
    else:
        def j(field: str) -> str:
            return f"json_extract(f.data, '$.{field}')"

        def span(i: int) -> str:
            return f"CAST(json_extract(f.data, '$.spans[0][{i}]') AS INTEGER)"

        boolean = "INTEGER"  # SQLite has no boolean type: 0 or 1
        same = "IS"
    quote = (f"substr(t.text, {span(0)} + 1, {span(1)} - {span(0)})")
    common = (
        "f.id AS fact_id, f.letter_id, l.date AS letter_date, l.kamerstuk AS letter_kamerstuk"
    )
    joins = (
        "FROM facts f JOIN letters l ON l.id = f.letter_id "
        "JOIN letter_texts t ON t.letter_id = f.letter_id"
    )
    return {
        "contributions": (
            f"SELECT {common}, f.mission, CAST({j('unit')} AS TEXT) AS unit,"
            f" CAST({j('personnel')} AS INTEGER) AS personnel, CAST({j('quantity')} AS INTEGER) AS quantity,"
            f" CAST({j('start')} AS TEXT) AS start, CAST({j('end')} AS TEXT) AS \"end\","
            f" CAST({j('location')} AS TEXT) AS location, CAST({j('framework')} AS {boolean}) AS framework,"
            f" CAST({j('supersedes_end')} AS TEXT) AS supersedes_end,"
            f" CAST({j('description')} AS TEXT) AS description,"
            f" {span(0)} AS span_start, {span(1)} AS span_end, {quote} AS quote"
            f" {joins} WHERE f.kind = 'contribution'"
        ),
        "commitments": (
            f"SELECT {common}, CAST({j('text')} AS TEXT) AS text, CAST({j('due')} AS TEXT) AS due,"
            f" CAST({j('conditional')} AS {boolean}) AS conditional,"
            f" CAST(COALESCE(m.done, {'FALSE' if dialect == 'postgresql' else '0'}) AS {boolean}) AS done,"
            f" fl.id AS done_by_letter_id, {span(0)} AS span_start, {span(1)} AS span_end"
            f" {joins}"
            f" LEFT JOIN commitment_marks m ON m.letter_sha256 = l.text_sha256 AND m.commitment_text = {j('text')}"
            f" LEFT JOIN letters fl ON fl.text_sha256 = m.by_letter_sha256"
            f" WHERE f.kind = 'commitment'"
        ),
        "references": (
            f"SELECT {common}, f.ref AS cited, CAST({j('kind')} AS TEXT) AS kind,"
            f" CAST({j('in_footnote')} AS INTEGER) AS in_footnote,"
            f" (SELECT MIN(c.id) FROM letters c WHERE c.kamerstuk = f.ref) AS cited_letter_id,"
            f" {span(0)} AS span_start, {span(1)} AS span_end, {quote} AS quote"
            f" {joins} WHERE f.kind = 'reference'"
        ),
        "deployments": (
            "SELECT c.mission, c.unit, COUNT(DISTINCT c.letter_id) AS letters,"
            " MIN(c.letter_date) AS first_letter_date, MAX(c.letter_date) AS latest_letter_date,"
            " MIN(c.start) AS start,"
            f" (SELECT c2.\"end\" FROM contributions c2 WHERE c2.mission {same} c.mission AND c2.unit {same} c.unit"
            "  AND c2.\"end\" IS NOT NULL ORDER BY c2.letter_date DESC, c2.letter_id DESC LIMIT 1) AS \"end\","
            f" (SELECT c3.personnel FROM contributions c3 WHERE c3.mission {same} c.mission AND c3.unit {same} c.unit"
            "  AND c3.personnel IS NOT NULL ORDER BY c3.letter_date DESC, c3.letter_id DESC LIMIT 1) AS personnel"
            " FROM contributions c GROUP BY c.mission, c.unit"
        ),
    }


def create_views(conn: Connection) -> None:
    """Create (or re-create) the views; a migration calls it."""
    sql = _dialect_sql(conn.dialect.name)
    drop_views(conn)
    for name in VIEW_NAMES:
        conn.execute(text(f'CREATE VIEW "{name}" AS {sql[name]}'))


def drop_views(conn: Connection) -> None:
    for name in reversed(VIEW_NAMES):
        conn.execute(text(f'DROP VIEW IF EXISTS "{name}"'))
