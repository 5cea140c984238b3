"""Ingest: idempotent, atomic per letter, replaced when artikel100 improves."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from artikel100.store import ingest, ingest_extraction, open_registry
from artikel100.store import schema as s
from artikel100.store.ingest import collect_paths
from seed_facts import seed_processor
from store_builders import compose, document, Fact, mali_and_lithuania, sidecar_processor, write_letter

HERE = Path(__file__).resolve().parent
LETTERS = HERE.parent / "letters"


def count(registry, table) -> int:
    with registry.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_ingesting_the_seed_folder_stores_the_letter_once_and_skips_gold_and_reference_text(registry, seed_dir):
    report = ingest(registry, [seed_dir])
    assert [f.outcome for f in report.files] == ["added"]
    assert any(p.endswith(".gold.json") for p in report.skipped)
    assert any(p.endswith(".clean.txt") for p in report.skipped)
    again = ingest(registry, [seed_dir])
    assert [f.outcome for f in again.files] == ["unchanged"]
    assert count(registry, s.letters) == 1
    assert count(registry, s.source_files) == 1


def test_stored_text_offsets_and_fact_spans_point_at_the_quoted_words(registry, seed_dir):
    ingest(registry, [seed_dir], processor=seed_processor)
    with registry.engine.connect() as conn:
        text = conn.execute(select(s.letter_texts.c.text)).scalar_one()
        offsets = json.loads(conn.execute(select(s.letter_texts.c.offsets)).scalar_one())
        rows = conn.execute(select(s.facts.c.kind, s.facts.c.data)).all()
        version = conn.execute(select(s.letters.c.extractor_version)).scalar_one()
    assert offsets and all(len(seg) == 4 for seg in offsets)
    assert version
    kinds = {r.kind for r in rows}
    assert {"mission", "contribution", "reference", "commitment"} <= kinds
    for row in rows:
        for start, end in json.loads(row.data)["spans"]:
            assert 0 <= start < end <= len(text)
    frame = next(json.loads(r.data) for r in rows if r.kind == "contribution")
    start, end = frame["spans"][0]
    assert text[start:end].endswith("verloopt op 31 december 2024")


def test_the_same_letter_from_two_files_is_one_letter_with_two_sources(registry, tmp_path):
    name, text, ex = mali_and_lithuania()[0]
    a = write_letter(tmp_path, "a", text, ex)
    (tmp_path / "b").mkdir()
    b = write_letter(tmp_path / "b", "a", text, ex)
    (tmp_path / "c.txt").write_bytes(text.encode("utf-8-sig"))  # a BOM: other bytes, same text
    (tmp_path / "c.facts.json").write_text((tmp_path / "a.facts.json").read_text())
    report = ingest(registry, [a, b, tmp_path / "c.txt"], processor=sidecar_processor, jobs=1)
    assert sorted(f.outcome for f in report.files) == ["added", "duplicate", "unchanged"]
    assert count(registry, s.letters) == 1
    assert count(registry, s.source_files) == 2


def test_reingesting_after_artikel100_improved_replaces_the_facts(registry):
    _, text, ex = mali_and_lithuania()[0]
    doc = document(text)
    assert ingest_extraction(registry, doc, ex, version="0.1")[0] == "added"
    assert ingest_extraction(registry, doc, ex, version="0.1")[0] == "unchanged"
    before = count(registry, s.facts)
    ex.commitments.clear()
    outcome, letter_id = ingest_extraction(registry, doc, ex, version="0.2")
    assert outcome == "replaced"
    assert count(registry, s.facts) == before - 1
    assert count(registry, s.letters) == 1
    with registry.engine.connect() as conn:
        assert conn.execute(select(s.letters.c.extractor_version)).scalar_one() == "0.2"


def test_a_bad_file_is_reported_and_skipped_while_the_rest_goes_on(registry, tmp_path):
    for name, text, ex in mali_and_lithuania()[:3]:
        write_letter(tmp_path, name, text, ex)
    (tmp_path / "m1z_empty.txt").write_bytes(b"")
    (tmp_path / "m2z_junk.txt").write_bytes(bytes(range(256)) * 20)
    report = ingest(registry, [tmp_path], processor=sidecar_processor, jobs=2)
    assert len(report.failed) == 2
    assert all(f.error and "\n" not in f.error for f in report.failed)
    assert report.count("added") == 3
    assert count(registry, s.letters) == 3


def test_globs_and_missing_paths(tmp_path):
    (tmp_path / "x.txt").write_text("x")
    (tmp_path / "x.meta.json").write_text("{}")
    letters, skipped = collect_paths([str(tmp_path / "*"), tmp_path / "nope.pdf"])
    assert letters == [tmp_path / "x.txt", tmp_path / "nope.pdf"]
    assert skipped == [tmp_path / "x.meta.json"]


def test_the_test_letters_ingest_end_to_end(registry):
    if not any(LETTERS.glob("*.txt")):
        return
    report = ingest(registry, [LETTERS], jobs=2)
    stored = report.count("added") + report.count("duplicate")
    assert stored + len(report.failed) == len(report.files)
    assert stored >= 1
    assert count(registry, s.letters) == report.count("added")


_KILLED_BATCH = """
import sys
sys.path.insert(0, {here!r})
from artikel100.store import ingest, open_registry
from store_builders import sidecar_processor
reg = open_registry({db!r})
ingest(reg, [{folder!r}], processor=sidecar_processor, jobs=1)
"""


def _many_letters(folder: Path, n: int) -> dict[str, int]:
    """n letters with many facts each; returns each letter's number of facts."""
    expected = {}
    for i in range(n):
        facts = [
            Fact("commitment", f"Het kabinet informeert uw Kamer over punt {i}-{k} in de voortgangsrapportage.",
                 fields=dict(due="2030-01"))
            for k in range(40)
        ]
        text, ex = compose(f"2020-01-{1 + i % 28:02d}", f"99999-{i}", f"Brief {i}", {}, facts)
        write_letter(folder, f"l{i:03d}", text, ex)
        expected[f"99999-{i}"] = len(facts)
        if i == n // 2:
            (folder / f"l{i:03d}z_corrupt.txt").write_bytes(b"\x00\x01\x02" * 100)
    return expected


def test_a_batch_killed_midway_and_with_a_corrupt_file_leaves_every_letter_whole(db_url, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    expected = _many_letters(folder, 60)
    open_registry(db_url).close()
    script = _KILLED_BATCH.format(here=str(HERE), db=db_url, folder=str(folder))
    proc = subprocess.Popen([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), *sys.path])})
    reg = open_registry(db_url)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and count(reg, s.letters) < 10:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reg.close()
    reg = open_registry(db_url)
    partial = count(reg, s.letters)
    assert 10 <= partial < 60, "the kill should land mid-batch"
    report = ingest(reg, [folder], processor=sidecar_processor, jobs=2)
    assert len(report.failed) == 1 and "corrupt" in report.failed[0].path
    with reg.engine.connect() as conn:
        per_letter = dict(conn.execute(
            select(s.letters.c.kamerstuk, func.count(s.facts.c.id))
            .join(s.facts, s.facts.c.letter_id == s.letters.c.id, isouter=True)
            .group_by(s.letters.c.kamerstuk)
        ).all())
        texts = conn.execute(select(func.count()).select_from(s.letter_texts)).scalar_one()
    assert per_letter == expected
    assert texts == 60
    assert count(reg, s.source_files) == 60
    reg.close()


def test_renderings_that_differ_only_in_layout_and_numbers_are_one_letter(registry):
    _, text, ex = mali_and_lithuania()[0]
    ingest_extraction(registry, document(text), ex)
    layout = text.replace("\n\n", "\n \n").replace("Den Haag,", "Den Haag ,\n1\n")
    outcome, _ = ingest_extraction(registry, document(layout), ex)
    assert outcome == "duplicate"
    assert count(registry, s.letters) == 1 and count(registry, s.source_files) == 2


def test_migrations_are_recorded_and_a_later_one_backfills_old_rows(db_url):
    from sqlalchemy import text as sql

    from artikel100.store.migrations import MIGRATIONS, migrate

    reg = open_registry(db_url)
    _, text, ex = mali_and_lithuania()[0]
    ingest_extraction(reg, document(text), ex)
    with reg.engine.connect() as conn:
        assert sorted(conn.execute(sql("SELECT version FROM schema_migrations")).scalars()) == [v for v, _, _ in MIGRATIONS]
    assert migrate(reg) == []
    with reg.write() as conn:  # as if the registry predates fingerprints
        conn.execute(sql("UPDATE letters SET fingerprint = NULL"))
        conn.execute(sql("DELETE FROM schema_migrations WHERE version = 3"))
    reg.close()
    reg = open_registry(db_url)
    with reg.engine.connect() as conn:
        assert conn.execute(sql("SELECT fingerprint FROM letters")).scalar_one()
        assert 3 in set(conn.execute(sql("SELECT version FROM schema_migrations")).scalars())
    reg.close()


def test_a_letter_the_database_refuses_fails_alone_and_the_batch_goes_on(registry, tmp_path):
    letters = mali_and_lithuania()[:3]
    for name, text, ex in letters:
        if name == "m2_extension":
            ex.letter.title += "\x00"  # PostgreSQL text cannot hold NUL; SQLite can
        write_letter(tmp_path, name, text, ex)
    report = ingest(registry, [tmp_path], processor=sidecar_processor, jobs=1)
    assert report.count("added") + len(report.failed) == 3
    assert len(report.failed) == (1 if registry.dialect == "postgresql" else 0)
    assert all("m2_extension" in f.path and "\n" not in f.error for f in report.failed)


def test_force_reextracts_letters_stored_by_the_same_version(registry, seed_dir):
    ingest(registry, [seed_dir])
    report = ingest(registry, [seed_dir], processor=seed_processor, force=True)
    assert [f.outcome for f in report.files] == ["replaced"]
    assert count(registry, s.letters) == 1
    with registry.engine.connect() as conn:
        kinds = set(conn.execute(select(s.facts.c.kind)).scalars())
    assert "contribution" in kinds


_CONCURRENT = """
import sys
sys.path.insert(0, {here!r})
from artikel100.store import ingest, open_registry
from store_builders import sidecar_processor
report = ingest(open_registry({db!r}), [{folder!r}], processor=sidecar_processor, jobs=1)
assert not report.failed, report.failed
"""


def test_two_users_ingesting_the_same_folder_at_once_store_each_letter_once(db_url, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    expected = _many_letters(folder, 30)
    for corrupt in folder.glob("*corrupt*"):
        corrupt.unlink()
    open_registry(db_url).close()
    script = _CONCURRENT.format(here=str(HERE), db=db_url, folder=str(folder))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), *sys.path])}
    procs = [subprocess.Popen([sys.executable, "-c", script], env=env) for _ in range(2)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    reg = open_registry(db_url)
    assert count(reg, s.letters) == len(expected) == count(reg, s.source_files)
    assert count(reg, s.facts) == sum(expected.values())
    reg.close()
