"""Copy a registry to another database (SQLite to PostgreSQL, say), rows and search index.

    python bench/copy_registry.py --from /tmp/bench.db --to postgresql://postgres@127.0.0.1:5432/bench

Ingesting 10,000 generated letters into PostgreSQL takes half an hour on the
shared machine (``bench_ingest.py`` reads, repairs and extracts each one);
the web benchmarks only need the same registry on the other backend. This
copies every table's rows in dependency order, keeping the ids, moves the
sequences past them, and builds the target's full-text index from each
letter's stored clean text with ``store.search.index_body``/``index_letter``,
as ingest does. The target must be empty; it is migrated first.
"""

from __future__ import annotations

import argparse
import sys
import time

from sqlalchemy import func, insert, select, text

from artikel100.store import open_registry
from artikel100.store import schema as s
from artikel100.store.search import index_body, index_letter

BATCH = 2000


def copy_registry(source: str, target: str) -> dict[str, int]:
    """Copies ``source`` into the empty registry ``target``; returns rows copied per table."""
    src, dst = open_registry(source), open_registry(target)
    copied: dict[str, int] = {}
    try:
        with dst.write() as out:
            if out.execute(select(func.count()).select_from(s.letters)).scalar_one():
                raise SystemExit(f"{target}: not empty")
        tables = [t for t in s.metadata.sorted_tables if t.name != "schema_migrations"]
        with src.engine.connect() as conn, dst.write() as out:
            for table in tables:
                n = 0
                result = conn.execute(select(table)).mappings()
                while batch := result.fetchmany(BATCH):
                    out.execute(insert(table), [dict(r) for r in batch])
                    n += len(batch)
                copied[table.name] = n
            if dst.dialect == "postgresql":
                for table in tables:
                    if "id" in table.c and table.c.id.autoincrement is not False and copied[table.name]:
                        out.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                         f"(SELECT max(id) FROM {table.name}))"))
            for letter_id, body in conn.execute(select(s.letter_texts.c.letter_id, s.letter_texts.c.text)):
                index_letter(out, letter_id, index_body(body, dst.dialect))
            if dst.dialect == "postgresql":
                out.execute(text("ANALYZE"))
    finally:
        src.close()
        dst.close()
    return copied


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="source", required=True, help="the registry to copy (path or URL)")
    ap.add_argument("--to", dest="target", required=True, help="an empty registry (path or URL)")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    copied = copy_registry(args.source, args.target)
    print(", ".join(f"{k} {v:,}" for k, v in copied.items() if v), f"in {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
