"""The oversight checks in the API (issue 9), on SQLite and PostgreSQL: coverage, diff, the Red Card check, the summary.

The registry holds the examples, the seed (when ../shared is there) and the check package's own letters,
which refer to each other: 29521-141 extends 29521-120 (Atalanta), 27925-943 is the letter the seed extends.
"""

from __future__ import annotations

import pytest

from conftest import SHARED_SEED

needs_seed = pytest.mark.skipif(not SHARED_SEED.is_dir(), reason="the seed letter needs ../shared (not present)")
STATUSES = {"covered", "reference", "missing"}


def _error(resp, status: int, code: str) -> str:  # type: ignore[no-untyped-def]
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["code"] == code and body["error"]["message"]
    return body["error"]["message"]


@pytest.fixture(scope="module")
def ids(checks_client) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Kamerstuk (or date, for letters without one) -> letter id."""
    items = checks_client.get("/api/letters", params={"per_page": 200}).json()["items"]
    return {(x["kamerstuk"] or x["date"]): x["id"] for x in items}


def test_check_lists_every_point_with_the_sentences_that_cover_it(checks_client, ids) -> None:  # type: ignore[no-untyped-def]
    lid = ids["2025-04-04"]  # the Baltic Air Policing example, always shipped
    body = checks_client.get(f"/api/letters/{lid}/check").json()
    text = checks_client.get(f"/api/letters/{lid}").json()["text"]
    assert body["url"] == f"/brieven/{lid}#toetsingskader" and body["letter_id"] == lid
    assert len(body["points"]) == 18 and {p["status"] for p in body["points"]} <= STATUSES
    assert sum(body["counts"].values()) == 18
    covered = [p for p in body["points"] if p["status"] == "covered"]
    assert {"finances", "risks_personnel"} <= {p["point"] for p in covered}
    for p in covered:
        assert p["citations"], p["point"]
        for c in p["citations"]:
            a, b = c["span"]
            assert text[a:b] == c["quote"] and c["url"] == f"/brieven/{lid}?markeer={a}-{b}#treffer"
    assert checks_client.get(covered[0]["citations"][0]["url"].split("#")[0]).status_code == 200


def test_a_point_covered_by_reference_names_the_letter_and_whether_it_covers_it(checks_client, ids) -> None:  # type: ignore[no-untyped-def]
    ext, first = ids["29521-141"], ids["29521-120"]
    body = checks_client.get(f"/api/letters/{ext}/check").json()
    assert body["extension"] is True and body["note"]
    by_ref = {p["point"]: p for p in body["points"] if p["status"] == "reference"}
    legal = by_ref["legal_basis"]["refers_to"][0]
    assert legal["letter_id"] == first and legal["kamerstuk"] == "29521-120" and legal["url"] == f"/brieven/{first}"
    assert legal["status"] == "covered" and legal["citations"][0]["url"].startswith(f"/brieven/{first}?markeer=")
    # The letter it refers to does not cover every point it refers for: said, not hidden.
    assert any(p["refers_to"][0]["status"] == "missing" for p in by_ref.values())


@needs_seed
def test_the_seed_covers_the_legal_basis_by_reference_to_the_letter_it_extends(checks_client, ids) -> None:  # type: ignore[no-untyped-def]
    body = checks_client.get(f"/api/letters/{ids['2024-11-22']}/check").json()
    points = {p["point"]: p for p in body["points"]}
    assert points["legal_basis"]["status"] == "reference"
    ref = points["legal_basis"]["refers_to"][0]
    assert ref["kamerstuk"] == "27925-943" and ref["letter_id"] == ids["27925-943"] and ref["status"] == "covered"
    assert points["risks_personnel"]["status"] == "covered" and points["finances"]["sections"] == ["Financiën"]


def test_diff_against_the_previous_letter_of_the_deployment(checks_client, ids) -> None:  # type: ignore[no-untyped-def]
    ext, first = ids["29521-141"], ids["29521-120"]
    body = checks_client.get(f"/api/letters/{ext}/diff").json()
    assert body["against_id"] == first and body["against_url"] == f"/brieven/{first}"
    assert body["url"] == f"/brieven/{ext}#wijzigingen"
    navy = next(d for d in body["deployments"] if d["deployment"] == "ATALANTA/marine")
    assert navy["kind"] == "extended"
    end = next(c for c in navy["changes"] if c["field"] == "end")
    assert end["before"] == "2010-07" and end["after"] == "2011-12-31" and end["changed"]
    assert end["citations"] and end["citations"][0]["url"].startswith(f"/brieven/{ext}?markeer=")
    costs = next(c for c in body["letter_changes"] if c["field"] == "costs_eur")
    assert (costs["before"], costs["after"]) == (11_500_000, 9_800_000)
    assert any(c["field"].startswith("coverage:") and c["label"] for c in body["letter_changes"])


@needs_seed
def test_the_seed_against_the_letter_it_extends(checks_client, ids) -> None:  # type: ignore[no-untyped-def]
    body = checks_client.get(f"/api/letters/{ids['2024-11-22']}/diff").json()
    assert body["against_id"] == ids["27925-943"]
    fp = next(d for d in body["deployments"] if d["deployment"] == "NMI/force protection")
    changes = {c["field"]: c for c in fp["changes"]}
    assert (changes["end"]["before"], changes["end"]["after"]) == ("2024-12-31", "2025-06-30")
    assert changes["personnel"]["after"] == 145
    assert next(c for c in body["letter_changes"] if c["field"] == "costs_eur")["after"] == 18_300_000


def test_diff_against_a_chosen_letter_and_its_errors(checks_client, ids) -> None:  # type: ignore[no-untyped-def]
    ext, first = ids["29521-141"], ids["29521-120"]
    body = checks_client.get(f"/api/letters/{first}/diff", params={"against": ext}).json()
    assert body["against_id"] == ext
    assert "itself" in _error(checks_client.get(f"/api/letters/{ext}/diff", params={"against": ext}), 422, "invalid_request")
    assert "999999" in _error(checks_client.get(f"/api/letters/{ext}/diff", params={"against": 999999}), 404, "not_found")
    _error(checks_client.get("/api/letters/999999/diff"), 404, "not_found")
    _error(checks_client.get("/api/letters/999999/check"), 404, "not_found")
    _error(checks_client.get(f"/api/letters/{ext}/diff", params={"against": "x"}), 422, "invalid_request")


def test_check_task_inside_and_outside_with_the_deciding_sentences(checks_client, ids) -> None:  # type: ignore[no-untyped-def]
    q = {"mission": "NMI", "date": "2024-06-01", "unit": "force protection", "place": "Camp Union III", "personnel": 140}
    body = checks_client.get("/api/check-task", params=q).json()
    assert body["answer"] == "inside" and body["deployment"] == "NMI/force protection"
    assert {p["point"] for p in body["points"]} == {"period", "place", "personnel"}
    for p in body["points"]:
        assert p["answer"] == "inside" and p["citations"] and p["citations"][0]["url"].startswith("/brieven/")
    assert body["url"].startswith("/missies/NMI?") and body["url"].endswith("#rode-kaart")
    assert checks_client.get(body["url"].split("#")[0]).status_code == 200
    erbil = checks_client.get("/api/check-task", params={**q, "place": None,
                                                         "task": "escort of advisers to a meeting in Erbil"}).json()
    assert erbil["answer"] == "outside"
    assert {p["point"]: p["answer"] for p in erbil["points"]}["place"] == "outside"
    late = checks_client.get("/api/check-task", params={"mission": "ATALANTA", "date": "2015-01-01", "unit": "marine"}).json()
    assert late["answer"] == "outside" and late["points"][0]["point"] == "period"
    assert late["points"][0]["framework"]["end"] == "2011-12-31"


def test_check_task_errors_have_the_one_shape(checks_client) -> None:  # type: ignore[no-untyped-def]
    assert "UNIFIL" in _error(checks_client.get("/api/check-task", params={"mission": "UNIFIL", "date": "2024-06-01"}),
                              404, "not_found")
    assert "F-35" in _error(checks_client.get("/api/check-task", params={"mission": "NMI", "date": "2024-06-01", "unit": "F-35"}),
                            422, "invalid_request")
    _error(checks_client.get("/api/check-task", params={"mission": "NMI", "date": "2024-13-01"}), 422, "invalid_request")
    _error(checks_client.get("/api/check-task", params={"mission": "NMI", "date": "gisteren"}), 422, "invalid_request")
    _error(checks_client.get("/api/check-task", params={"mission": "NMI", "date": "2024-06-01", "personnel": -1}),
           422, "invalid_request")
    _error(checks_client.get("/api/check-task", params={"date": "2024-06-01"}), 422, "invalid_request")


def test_checks_summary_per_point_mission_and_year(checks_client) -> None:  # type: ignore[no-untyped-def]
    body = checks_client.get("/api/checks").json()
    assert body["letters"] >= 7 and body["others"] >= 2  # the progress reports are left out
    assert [p["point"] for p in body["points"]][:2] == ["grounds", "political_context"]
    for p in body["points"]:
        assert p["covered"] + p["reference"] + p["missing"] == body["letters"]
    assert body["by_mission"]["ATALANTA"]["letters"] == 2
    assert body["by_mission"]["ATALANTA"]["url"] == "/missies/ATALANTA#toetsing"
    assert checks_client.get("/missies/ATALANTA").status_code == 200
    assert body["by_year"]["2010"]["url"] == "/brieven?jaar=2010"
    one = checks_client.get("/api/checks", params={"mission": "ATALANTA"}).json()
    assert one["letters"] == 2 and one["url"] == "/missies/ATALANTA#toetsing"
    assert checks_client.get("/api/checks", params={"year": 2010}).json()["letters"] == 1
    _error(checks_client.get("/api/checks", params={"mission": "NO-SUCH"}), 404, "not_found")
    _error(checks_client.get("/api/checks", params={"year": 99}), 422, "invalid_request")


def test_the_checks_are_in_the_openapi_document(checks_client) -> None:  # type: ignore[no-untyped-def]
    paths = checks_client.get("/openapi.json").json()["paths"]
    for path in ("/api/letters/{letter_id}/check", "/api/letters/{letter_id}/diff", "/api/check-task", "/api/checks"):
        assert "get" in paths[path] and "422" in paths[path]["get"]["responses"], path
