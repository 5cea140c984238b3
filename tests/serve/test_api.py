"""Every API endpoint on SQLite and PostgreSQL, over the example letters (and the seed when present)."""

from __future__ import annotations

import pytest

from conftest import SHARED_SEED, TOKEN


def _error_shape(resp, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


def test_letters_are_paged_newest_first_with_urls(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/letters", params={"per_page": 2}).json()
    assert body["total"] == (4 if SHARED_SEED.is_dir() else 3)
    assert len(body["items"]) == 2 and body["next"]
    dates = [x["date"] for x in body["items"]]
    assert dates == sorted(dates, reverse=True)
    first = body["items"][0]
    assert first["url"] == f"/brieven/{first['id']}"
    rest = client.get(body["next"]).json()
    assert {x["id"] for x in rest["items"]}.isdisjoint({x["id"] for x in body["items"]})


def test_letters_filter_by_mission_year_and_addressee(client) -> None:  # type: ignore[no-untyped-def]
    kfor = client.get("/api/letters", params={"mission": "KFOR"}).json()
    assert [x["date"][:4] for x in kfor["items"]] == ["2004"]
    assert client.get("/api/letters", params={"year": 2015}).json()["total"] == 1
    second = client.get("/api/letters", params={"addressee": "Tweede Kamer"}).json()
    assert second["total"] >= 1 and all(x["addressee"] == "Tweede Kamer" for x in second["items"])


def test_letter_has_text_and_facts_whose_spans_quote_it(client) -> None:  # type: ignore[no-untyped-def]
    lid = client.get("/api/letters", params={"year": 2025}).json()["items"][0]["id"]
    body = client.get(f"/api/letters/{lid}").json()
    text = body["text"]
    assert body["url"] == f"/brieven/{lid}" and "Baltic Air Policing" in text
    n = 0
    for kind, items in body["facts"].items():
        for f in items:
            for (a, b), quote in zip(f["spans"], f["quotes"]):
                assert text[a:b] == quote
                n += 1
    assert n > 10
    assert any(c.get("personnel") == 110 for c in body["facts"]["contribution"])
    refs = body["facts"]["reference"]
    assert refs and all(r["cited_url"] is None for r in refs)  # the cited letters are not in the registry
    assert body["sources"][0]["url"].startswith(f"/brieven/{lid}/origineel/")


def test_missing_letter_is_a_json_404(client) -> None:  # type: ignore[no-untyped-def]
    err = _error_shape(client.get("/api/letters/999999"), 404)
    assert err["code"] == "not_found" and "999999" in err["message"]
    _error_shape(client.get("/api/letters/abc"), 422)
    _error_shape(client.get("/api/no-such-endpoint"), 404)


def test_missions_and_one_mission_with_history(client) -> None:  # type: ignore[no-untyped-def]
    items = client.get("/api/missions").json()["items"]
    ids = {m["id"] for m in items}
    assert {"BAP", "KFOR", "RSM"} <= ids
    kfor = client.get("/api/missions/KFOR").json()
    assert kfor["url"] == "/missies/KFOR" and kfor["letters"]
    steps = [st for d in kfor["deployments"] for st in d["steps"]]
    assert steps and all(st["url"].startswith("/brieven/") for st in steps)
    assert any(d["personnel_now"] == 160 for d in kfor["deployments"])
    _error_shape(client.get("/api/missions/NOPE"), 404)


def test_deployments_on_a_day(client) -> None:  # type: ignore[no-untyped-def]
    on_2016 = client.get("/api/deployments", params={"at": "2016-06-01"}).json()["items"]
    assert "RSM" in {d["mission"] for d in on_2016}
    assert all(d["active"] for d in on_2016)
    on_2030 = client.get("/api/deployments", params={"at": "2030-01-01"}).json()["items"]
    assert "RSM" not in {d["mission"] for d in on_2030}
    _error_shape(client.get("/api/deployments", params={"at": "yesterday"}), 422)
    _error_shape(client.get("/api/deployments", params={"at": "2025-13-01"}), 422)


def test_deadlines_within_a_window(client) -> None:  # type: ignore[no-untyped-def]
    six = client.get("/api/deadlines", params={"within": "6m"}).json()["items"]
    days = [d["day"] for d in six]
    assert days == sorted(days) and any(d["kind"] == "framework" for d in six)
    wide = client.get("/api/deadlines", params={"within": "30y"}).json()["items"]
    assert len(wide) >= len(six)
    _error_shape(client.get("/api/deadlines", params={"within": "soon"}), 422)


def test_commitments_by_status(client) -> None:  # type: ignore[no-untyped-def]
    all_items = client.get("/api/commitments").json()["items"]
    assert len(all_items) >= 6
    open_items = client.get("/api/commitments", params={"status": "open"}).json()["items"]
    assert open_items and all(c["status"] == "open" for c in open_items)
    overdue = client.get("/api/commitments", params={"status": "overdue"}).json()["items"]
    assert all(c["status"] == "overdue" for c in overdue)
    assert all(c["letter_url"].startswith("/brieven/") for c in all_items)
    _error_shape(client.get("/api/commitments", params={"status": "maybe"}), 422)


def test_search_folds_diacritics_and_links_to_the_sentence(client) -> None:  # type: ignore[no-untyped-def]
    hits = client.get("/api/search", params={"q": "litouwen"}).json()["items"]
    assert hits and "[Litouwen]" in hits[0]["snippet"]
    a, b = hits[0]["sentence"]
    letter = client.get(f"/api/letters/{hits[0]['letter_id']}").json()
    assert "Litouwen" in letter["text"][a:b]
    assert hits[0]["url"] == f"/brieven/{hits[0]['letter_id']}?markeer={a}-{b}#treffer"
    assert client.get("/api/search", params={"q": "litouwen", "year": 2004}).json()["items"] == []
    _error_shape(client.get("/api/search"), 422)


def test_feeds(client) -> None:  # type: ignore[no-untyped-def]
    ics = client.get("/deadlines.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in ics.content and b"BEGIN:VEVENT" in ics.content
    atom = client.get("/letters.atom")
    assert atom.headers["content-type"].startswith("application/atom+xml")
    from lxml import etree

    root = etree.fromstring(atom.content)
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == client.get("/api/letters").json()["total"]


def test_openapi_document_lists_every_endpoint_and_its_ui_is_local(client) -> None:  # type: ignore[no-untyped-def]
    doc = client.get("/openapi.json").json()
    for path in ("/api/letters", "/api/letters/{letter_id}", "/api/missions", "/api/missions/{mission_id}",
                 "/api/deployments", "/api/deadlines", "/api/commitments", "/api/search", "/deadlines.ics",
                 "/letters.atom"):
        assert path in doc["paths"], path
    html = client.get("/api/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html and "http" not in html.split("<body>")[0]
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_upload_needs_the_token_and_lands_on_a_letter(client, app) -> None:  # type: ignore[no-untyped-def]
    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 maart 2025\n\n"
            "Hierbij informeert het kabinet uw Kamer, conform artikel 100 van de Grondwet, over het besluit "
            "om vanaf 1 april 2025 tot en met 31 maart 2026 een fregat met circa 150 militairen bij te dragen "
            "aan de EU-operatie Aspides in de Rode Zee.\n\nDe minister van Defensie,\n\nR. Brekelmans\n")
    files = {"file": ("aspides.txt", text.encode(), "text/plain")}
    _error_shape(client.post("/api/letters", files=files), 401)
    _error_shape(client.post("/api/letters", files=files, headers={"Authorization": "Bearer wrong"}), 401)
    resp = client.post("/api/letters", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 202, resp.text
    job = app.state.jobs.wait(resp.json()["job"]["id"], timeout=60)
    assert job.state == "done", job.error
    polled = client.get(resp.json()["url"]).json()
    assert polled["state"] == "done" and polled["letter_url"] == f"/brieven/{job.letter_id}"
    letter = client.get(f"/api/letters/{job.letter_id}").json()
    assert "Aspides" in letter["text"]
    _error_shape(client.get("/api/jobs/nope"), 404)


def test_bad_uploads_get_one_line_errors(client, app) -> None:  # type: ignore[no-untyped-def]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    err = _error_shape(client.post("/api/letters", files={"file": ("x.pdf", b"\x00\x01\x02binary\x00junk" * 50, "application/pdf")},
                                   headers=auth), 415)
    assert err["message"].startswith("x.pdf: ") and "\n" not in err["message"]
    resp = client.post("/api/letters", files={"file": ("letter.txt", b"", "text/plain")}, headers=auth)
    assert _error_shape(resp, 415)["message"] == "letter.txt: the file is empty"
    # Sniffed as a PDF by its bytes, whatever its name; the PDF reader's one-line message comes back.
    resp = client.post("/api/letters", files={"file": ("notes.txt", b"%PDF-1.7\n1 0 obj broken", "text/plain")},
                       headers=auth)
    job = app.state.jobs.wait(resp.json()["job"]["id"], timeout=60)
    assert job.state == "failed" and job.error.startswith("notes.txt: ") and "\n" not in job.error
    assert client.get(resp.json()["url"]).json()["error"] == job.error
    limit = app.state.settings.max_upload
    big = client.post("/api/letters", files={"file": ("big.txt", b"a" * (limit + 10), "text/plain")}, headers=auth)
    assert _error_shape(big, 413)


def test_marking_a_commitment_needs_the_token(client) -> None:  # type: ignore[no-untyped-def]
    items = client.get("/api/commitments").json()["items"]
    target = items[0]
    other = next(x for x in client.get("/api/letters").json()["items"] if x["id"] != target["letter_id"])
    _error_shape(client.post(f"/api/commitments/{target['id']}/done", json={"by": str(other["id"])}), 401)
    resp = client.post(f"/api/commitments/{target['id']}/done", json={"by": str(other["id"])},
                       headers={"X-Artikel100-Token": TOKEN})
    assert resp.status_code == 200 and resp.json()["status"] == "done" and resp.json()["done_by"] == other["id"]
    done = client.get("/api/commitments", params={"status": "done"}).json()["items"]
    assert target["id"] in {c["id"] for c in done}
    _error_shape(client.post("/api/commitments/999999/done", json={"by": "1"}, headers={"X-Artikel100-Token": TOKEN}), 404)


@pytest.mark.parametrize("path", ["/api/letters", "/api/missions", "/api/deployments", "/api/deadlines",
                                  "/api/commitments"])
def test_every_listed_object_has_the_url_of_its_page(client, path: str) -> None:  # type: ignore[no-untyped-def]
    items = client.get(path).json()["items"]
    assert items
    for item in items:
        assert item["url"].startswith("/") and client.get(item["url"].split("#")[0]).status_code == 200
