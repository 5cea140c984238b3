"""The registry commands, run through click on a real registry (both backends)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from artikel100.cli import main
from artikel100.store import ingest, ingest_extraction
from seed_facts import seed_processor
from store_builders import Fact, compose, document, mali_and_lithuania, write_letter


def run(db_url, *args, ok=(0,)):
    result = CliRunner().invoke(main, [*args, "--db", db_url], catch_exceptions=False)
    assert result.exit_code in ok, result.output
    return result


@pytest.fixture
def seeded(registry, db_url, seed_dir):
    ingest(registry, [seed_dir], processor=seed_processor)
    return db_url


def progress_report(date_: str = "2025-05-20"):
    return compose(date_, "27925-980", "Voortgangsrapportage NMI en OIR", {"NMI": "NAVO Missie Irak"}, [
        Fact("contribution", "De force protection-compagnie van circa 145 militairen is in Bagdad gestationeerd.",
             fields=dict(mission="NMI", personnel=145, unit="force protection")),
    ])


def test_ingest_reports_a_bad_file_in_one_line_and_exits_non_zero(db_url, tmp_path):
    for name, text, ex in mali_and_lithuania()[:2]:
        write_letter(tmp_path, name, text, ex)
    (tmp_path / "broken.txt").write_bytes(b"")
    (tmp_path / "notes.meta.json").write_text("{}")
    result = run(db_url, "ingest", str(tmp_path), "-j", "1", ok=(2,))
    lines = [ln for ln in result.output.splitlines() if ln.startswith("artikel100:")]
    assert len(lines) == 1 and "broken.txt" in lines[0]
    assert "added" in result.output and "not letters" in result.output
    assert run(db_url, "ingest", str(tmp_path / "*.txt"), ok=(2,)).exit_code == 2


def test_deadlines_for_the_seed_show_its_frameworks_and_commitments_with_dates(seeded, tmp_path):
    out = run(seeded, "deadlines", "--within", "10y", "--today", "2026-11-27").output
    assert "2025-06-30" in out and "2025-05-31" in out
    assert "framework" in out and "commitment" in out
    ics = tmp_path / "d.ics"
    run(seeded, "deadlines", "--within", "10y", "--today", "2024-12-01", "--ics", str(ics))
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    starts = sorted(str(e.decoded("dtstart")) for e in events)
    assert "2025-06-30" in starts and "2025-05-31" in starts
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_fail_if_due_exits_non_zero_only_when_something_is_due(seeded):
    assert run(seeded, "deadlines", "--within", "1m", "--today", "2025-06-15", "--fail-if-due", ok=(3,)).exit_code == 3
    assert run(seeded, "deadlines", "--within", "1m", "--today", "2024-01-01", "--fail-if-due").exit_code == 0


def test_a_later_progress_report_is_proposed_and_can_be_marked_as_fulfilling(seeded, registry):
    text, ex = progress_report()
    ingest_extraction(registry, document(text), ex)
    out = json.loads(run(seeded, "show", "27925-980", "--json").output)
    report_id = out["id"]
    rows = run(seeded, "commitments", "--open", "--today", "2025-01-01").output
    assert f"letter {report_id}?" in rows
    from artikel100.store.queries import commitments
    from datetime import date

    with registry.engine.connect() as conn:
        (promise,) = [c for c in commitments(conn, date(2025, 1, 1)) if c.due == "2025-05"]
    assert promise.proposed == [report_id]
    run(seeded, "commitments", "done", str(promise.id), "--by", "27925-980")
    with registry.engine.connect() as conn:
        after = {c.id: c for c in commitments(conn, date(2026, 1, 1))}
        assert after[promise.id].status == "done" and after[promise.id].done_by == report_id
        assert promise.id not in {c.id for c in commitments(conn, date(2026, 1, 1), open_only=True)}
    # the mark survives re-extraction by a newer artikel100
    ingest(registry, [promise_path(registry)], processor=seed_processor, version="9.9")
    with registry.engine.connect() as conn:
        again = [c for c in commitments(conn, date(2026, 1, 1)) if c.due == "2025-05"]
    assert again[0].status == "done"
    assert "no such letter" in run(seeded, "commitments", "done", str(again[0].id), "--by", "1-1", ok=(2,)).output


def test_a_rejected_proposal_stays_rejected_and_names_no_commitment_that_is_not_there(seeded, registry):
    from datetime import date

    from artikel100.errors import StoreError
    from artikel100.store.proposals import reject_proposal, rejected_proposals
    from artikel100.store.queries import commitments

    text, ex = progress_report()
    ingest_extraction(registry, document(text), ex)
    with registry.engine.connect() as conn:
        (promise,) = [c for c in commitments(conn, date(2025, 1, 1)) if c.due == "2025-05"]
    (report_id,) = promise.proposed
    with registry.write() as conn:
        reject_proposal(conn, promise.id, "27925-980")
        reject_proposal(conn, promise.id, str(report_id))  # twice: still one rejection
        with pytest.raises(StoreError, match="no such commitment"):
            reject_proposal(conn, 10**9, "27925-980")
        with pytest.raises(StoreError, match="no such letter"):
            reject_proposal(conn, promise.id, "1-1")
    with registry.engine.connect() as conn:
        assert rejected_proposals(conn) == {(promise.id, report_id)}
    # keyed by text hashes and the commitment's words: a re-extraction keeps it
    ingest(registry, [promise_path(registry)], processor=seed_processor, version="9.9")
    with registry.engine.connect() as conn:
        (again,) = [c for c in commitments(conn, date(2025, 1, 1)) if c.due == "2025-05"]
        assert rejected_proposals(conn) == {(again.id, report_id)}


def promise_path(registry):
    from sqlalchemy import select
    from artikel100.store import schema as s

    with registry.engine.connect() as conn:
        return conn.execute(select(s.source_files.c.path).order_by(s.source_files.c.id)).scalars().first()


def test_missions_and_timeline_answer_for_a_given_day(registry, db_url):
    for _n, text, ex in mali_and_lithuania():
        ingest_extraction(registry, document(text), ex)
    out = run(db_url, "missions", "--today", "2015-07-01").output
    assert "MINUSMA" in out and "250" in out and "2015-12-31" in out
    out = run(db_url, "timeline", "--at", "2019-03-01").output
    assert "EFP/force protection" in out and "MINUSMA" not in out
    out = run(db_url, "timeline", "--mission", "EFP").output
    assert "decided" in out and "extended" in out and "ended" in out
    assert "29521-201" in run(db_url, "missing").output


def test_search_show_and_export(seeded, registry):
    for _n, text, ex in mali_and_lithuania():
        ingest_extraction(registry, document(text), ex)
    out = run(seeded, "search", "syrie").output
    assert "Syrië" in out
    assert "no letters found" in run(seeded, "search", "zeppelin").output
    shown = run(seeded, "show", "29521-223").output
    assert "MINUSMA" in shown and "380" in shown
    data = json.loads(run(seeded, "export", "--format", "json").output)
    assert len(data["letters"]) == 7
    fp = next(d for d in data["deployments"] if d["mission"] == "NMI" and d["unit"] == "force protection")
    assert [st["end"] for st in fp["steps"]] == ["2024-12-31", "2025-06-30"]
    rows = list(csv.DictReader(io.StringIO(run(seeded, "export", "--format", "csv").output)))
    contribution = next(r for r in rows if r["kind"] == "contribution" and r["kamerstuk"] == "29521-223")
    assert contribution["personnel"] == "380" and "380 militairen" in contribution["quote"]
