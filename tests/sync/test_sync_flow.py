"""A whole sync against the fake open data, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select

from artikel100.store import schema as s
from artikel100.store.queries import commitments, deadlines, letter_facts, missions, resolve_letter, timeline
from artikel100.sync import sync_status


def _rows(registry) -> dict[str, dict]:
    with registry.engine.connect() as conn:
        return {r.key: dict(r._mapping) for r in conn.execute(select(s.sync_documents))}


def _count(registry, table) -> int:
    with registry.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_first_sync_stores_each_letter_once_in_its_best_format(registry, fake, run_sync):
    report = run_sync(registry)
    assert not report.failed
    rows = _rows(registry)
    assert {k: r["state"] for k, r in rows.items()} == {
        "kst-29521-500": "stored", "kst-29521-501": "stored", "kst-29521-K": "stored", "kst-29521-502": "stored",
        "kst-29521-503": "stored", "kst-29521-504": "nofile", "tk:7d6c3a50-1f4e-4c2a-9b1e-0a1b2c3d4e06": "deleted",
    }
    formats = {k: (r["file_format"], r["file_url"].split("/")[-2] if r["file_url"] else None) for k, r in rows.items()}
    assert formats["kst-29521-501"] == ("xml", "xml")  # the KOOP XML before the Kamer's PDF
    assert formats["kst-29521-K"] == ("html", "html")  # the Eerste Kamer copy: HTML only
    assert formats["kst-29521-502"][0] == "pdf" and "/resource" in rows["kst-29521-502"]["file_url"]  # empty XML
    assert formats["kst-29521-503"][0] == "docx"
    # Each file was sent once; the motie, the deleted document and the empty XML's PDF never.
    served = fake.files_served()
    assert len(served) == len(set(served)) == 6  # 5 letters + the empty KOOP XML
    assert not any("4e06" in p or "505" in p for p in served)
    assert _count(registry, s.letters) == 5 and _count(registry, s.source_files) == 5
    assert report.files_fetched == 5


def test_metadata_is_stored_beside_the_facts_and_disagreements_are_kept(registry, run_sync):
    run_sync(registry)
    rows = _rows(registry)
    unifil = rows["kst-29521-501"]
    signers = [a["name"] for a in json.loads(unifil["signatories"])]
    assert signers == ["M.J. de Vries", "A.C. Jansen", "K. Bakker"]
    assert json.loads(unifil["disagreements"]) == [
        {"field": "signatories", "metadata": ["K. Bakker"], "extracted": []}]
    assert json.loads(rows["kst-29521-502"]["disagreements"]) == [
        {"field": "date", "metadata": "2026-10-02", "extracted": "2026-10-01"}]
    assert json.loads(rows["kst-29521-500"]["disagreements"]) == []
    with registry.engine.connect() as conn:
        status = sync_status(conn)
        assert {d["label"] for d in status.disagreements} == {"29521-501", "29521-502"}
        assert [d["label"] for d in status.deleted] == ["2026D19006"]
        letter = letter_facts(conn, resolve_letter(conn, "29521-K"))
        assert letter["published_as"] == ["29521-501", "29521-K"]


def test_the_letter_to_both_chambers_is_one_letter_with_two_numbers(registry, run_sync):
    run_sync(registry)
    rows = _rows(registry)
    tk, ek = rows["kst-29521-501"]["letter_id"], rows["kst-29521-K"]["letter_id"]
    assert tk != ek
    with registry.engine.connect() as conn:
        links = conn.execute(select(s.letter_links)).all()
        assert [(L.letter_id, L.same_as, L.reason) for L in links] == [(ek, tk, "other chamber")]
        unifil = [d for d in timeline(conn) if d.mission == "UNIFIL"]
        assert len(unifil) == 1 and len(unifil[0].steps) == 1
        assert unifil[0].steps[0].kamerstuk == "29521-501 + 29521-K"
        due = [c for c in commitments(conn, date(2026, 12, 1)) if "1 februari 2027" in c.text]
        assert len(due) == 1 and due[0].letter_id == tk


def test_missions_timeline_and_deadlines_show_the_synced_letters(registry, run_sync):
    run_sync(registry)
    today = date(2026, 12, 1)
    with registry.engine.connect() as conn:
        views = {m.id: m for m in missions(conn, today)}
        assert {"UNIFIL", "ALTHEA", "UNTSO", "KFOR"} <= set(views)
        assert views["UNIFIL"].framework_end == "2027-03-31" and views["UNIFIL"].personnel_now == 10
        ends = {(d.kind, d.day.isoformat(), d.kamerstuk) for d in deadlines(conn, today, "6m")}
        assert ("framework", "2026-12-31", "29521-502") in ends
        assert ("framework", "2027-03-31", "29521-501 + 29521-K") in ends
        assert ("commitment", "2027-02-01", "29521-501 + 29521-K") in ends


def test_a_second_run_fetches_nothing_and_stores_nothing(registry, fake, run_sync):
    run_sync(registry)
    served, letters = list(fake.files_served()), _count(registry, s.letters)
    before = len(fake.log)
    report = run_sync(registry)
    assert fake.files_served() == served and _count(registry, s.letters) == letters
    assert report.files_fetched == 0 and not report.dossiers[0].documents
    listings = [e.path for e in fake.log[before:]]
    assert len(listings) == report.requests == 2  # one SRU page and one OData page, from the cursors
    assert "ApiGewijzigdOp%20ge%202026-11-05T10%3A00%3A00.0000000Z" in listings[1] or \
        "ApiGewijzigdOp ge 2026-11-05T10:00:00.0000000Z" in listings[1].replace("%20", " ").replace("%3A", ":")


def test_pages_are_followed_through_next_links_and_next_record_positions(registry, fake, run_sync):
    run_sync(registry)
    odata = [e.path for e in fake.log if e.path.startswith("/OData/v4/2.0/Document?")]
    sru = [e.path for e in fake.log if e.path.startswith("/sru")]
    assert len(odata) == 3 and "$skip=2" in odata[1] and "$skip=4" in odata[2]
    assert len(sru) == 2 and "startRecord=3" in sru[1]
    first = fake.log[[e.path for e in fake.log].index(odata[0])]
    assert "Verwijderd" not in odata[0]  # tombstones wanted
    assert first.headers["User-Agent"].startswith("artikel100-sync/")


def test_an_empty_dossier_is_an_empty_result_not_an_error(registry, fake, run_sync):
    report = run_sync(registry, "27925")
    assert not report.failed and report.dossiers[0].listed == {} and _count(registry, s.sync_documents) == 0


def test_a_changed_document_is_fetched_again_and_its_old_letter_linked(registry, fake, run_sync):
    run_sync(registry)
    old = _rows(registry)["kst-29521-503"]["letter_id"]
    fake.phase = 2
    report = run_sync(registry)
    listed = report.dossiers[0].listed
    assert listed["changed"] == 2 and listed["deleted"] == 1
    rows = _rows(registry)
    new = rows["kst-29521-503"]["letter_id"]
    assert new != old and rows["kst-29521-503"]["file_format"] == "pdf"
    outcomes = {d.key: d.outcome for d in report.dossiers[0].documents}
    assert outcomes == {"kst-29521-502": "not modified", "kst-29521-503": "added"}
    with registry.engine.connect() as conn:
        assert conn.execute(select(s.letter_links.c.same_as, s.letter_links.c.reason)
                            .where(s.letter_links.c.letter_id == old)).one() == (new, "newer version")
        untso = [d for d in timeline(conn) if d.mission == "UNTSO"]
        assert len(untso) == 1 and [st.letter_id for st in untso[0].steps] == [new]
        assert untso[0].current.personnel == 14
    # The metadata-only change was asked for conditionally: a 304, no second download.
    resource = [e for e in fake.log if "4e02)/resource" in e.path]
    assert [e.status for e in resource] == [200, 304] and resource[1].headers.get("If-None-Match")


def test_a_deleted_document_is_marked_and_its_letter_kept(registry, fake, run_sync):
    run_sync(registry)
    letter = _rows(registry)["kst-29521-500"]["letter_id"]
    fake.phase = 2
    run_sync(registry)
    row = _rows(registry)["kst-29521-500"]
    assert row["state"] == "deleted" and row["deleted_at"] is not None and row["letter_id"] == letter
    with registry.engine.connect() as conn:
        assert conn.execute(select(s.letters.c.id).where(s.letters.c.id == letter)).first() is not None
        assert "29521-500" in {d["label"] for d in sync_status(conn).deleted}


def test_a_dry_run_lists_what_it_would_fetch_and_writes_nothing(registry, fake, run_sync):
    report = run_sync(registry, dry_run=True)
    planned = {d.key: d.url for d in report.dossiers[0].documents}
    assert set(planned) == {"kst-29521-500", "kst-29521-501", "kst-29521-K", "kst-29521-502", "kst-29521-503"}
    assert planned["kst-29521-501"].endswith("/xml/kst-29521-501.xml")
    assert fake.files_served() == [] and _count(registry, s.sync_documents) == 0
    assert _count(registry, s.sync_cursors) == 0
