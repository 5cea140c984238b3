"""OWASP: stored and reflected XSS, security headers, error pages without internals, 405s.

Stored: a letter whose title, heading, text, footnote, cost, commitment,
signatory and file name carry markup renders inert in every page, in the
self-contained report and in the feeds. Reflected: every query parameter and
every string path parameter of every GET route, given markup, answers with
an inert page (or JSON). Routes are taken from the app itself, so a page
added later is tried too.
"""

from __future__ import annotations

import hashlib

import pytest
from fastapi.testclient import TestClient

from artikel100.pipeline import process
from artikel100.serve import create_app
from artikel100.store import open_registry
from artikel100.store.ingest import prepare_document, store_prepared
from conftest import TOKEN, make_settings
from hostile import (FILE_NAME, PAYLOADS, all_routes, assert_inert_feed, assert_inert_html, fill_path, get_routes, path_names,
                     post_routes, query_names)

REFLECTED = '"><script>alert("reflected")</script><img src=x onerror=alert(1)>\'<svg onload=alert(2)>'


@pytest.fixture(scope="module")
def stored(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A registry with the hostile letter (stored under its hostile file name), an app and a client."""
    from hostile import hostile_xml

    folder = tmp_path_factory.mktemp("owasp-xss")
    source = folder / FILE_NAME
    source.write_bytes(hostile_xml())
    result = process(source)
    url = str(folder / "r.db")
    data = source.read_bytes()
    with open_registry(url) as reg:
        _, letter_id = store_prepared(reg, prepare_document(
            result.document, result.extraction, reg.dialect, path=str(source),
            sha256=hashlib.sha256(data).hexdigest(), size=len(data)))
    app = create_app(make_settings(url, folder))
    with TestClient(app) as c:
        yield app, c, letter_id


def _html(c: TestClient, path: str, **kw) -> str:  # type: ignore[no-untyped-def]
    r = c.get(path, **kw)
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html"), path
    return r.text


def test_the_hostile_letter_really_carries_its_payloads(stored) -> None:  # type: ignore[no-untyped-def]
    """The premise: the stored text holds the literal markup (else the page tests prove nothing)."""
    _, c, lid = stored
    body = c.get(f"/api/letters/{lid}").json()
    for key in ("text", "commitment", "signatory", "heading", "template"):
        assert PAYLOADS[key] in body["text"], key
    assert '<svg onload=alert("footnote2")>' in body["text"]  # the footnote's text is part of the letter's
    assert body["title"] and "<" in body["title"]
    assert any("<img" in s["path"] for s in body["sources"])


def test_stored_markup_is_inert_in_every_page(stored) -> None:  # type: ignore[no-untyped-def]
    app, c, lid = stored
    missions = [m["id"] for m in c.get("/api/missions").json()["items"]]
    assert missions, "the hostile letter should name a mission"
    pages = ["/", "/brieven", f"/brieven/{lid}", f"/brieven/{lid}?weergave=herstel", "/missies",
             *(f"/missies/{m}" for m in missions), "/toezeggingen", "/zoeken?q=voortgang", "/zoeken?q=Brekelmans",
             "/zoeken?q=kosten", "/?lang=en", f"/brieven/{lid}?lang=en"]
    shown = ""
    for path in pages:
        doc = assert_inert_html(_html(c, path), path)
        shown += doc.text_content()
    # The payloads were shown to the reader, as text: the test looked at them.
    for marker in ('alert("text")', 'alert("commitment")', 'alert("signatory")', 'alert("footnote2")',
                   "alert('link')", "{{ 7 * 7 }}"):  # (repair makes "javascript:alert" "javascript alert")
        assert marker in shown, marker


def test_search_snippets_show_the_markup_as_text(stored) -> None:  # type: ignore[no-untyped-def]
    _, c, lid = stored
    doc = assert_inert_html(_html(c, "/zoeken", params={"q": "voortgang"}), "search")
    assert 'alert("commitment")' in doc.text_content()
    hits = c.get("/api/search", params={"q": "voortgang"})
    assert hits.headers["content-type"] == "application/json" and hits.headers["x-content-type-options"] == "nosniff"
    assert any("<script>" in h["snippet"] for h in hits.json()["items"])


def test_the_self_contained_report_is_inert(stored) -> None:  # type: ignore[no-untyped-def]
    _, c, lid = stored
    r = c.get(f"/brieven/{lid}/rapport.html")
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment")
    doc = assert_inert_html(r.text, "report")
    assert not doc.xpath("//script"), "the report has no script at all"
    assert 'alert("text")' in doc.text_content() and 'alert("signatory")' in doc.text_content()


def test_feeds_carry_the_markup_as_plain_text(stored) -> None:  # type: ignore[no-untyped-def]
    _, c, _ = stored
    atom = c.get("/letters.atom")
    assert atom.headers["content-type"].startswith("application/atom+xml")
    root = assert_inert_feed(atom.content, "atom")
    titles = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2005/Atom}title"))
    assert "<img src=x" in titles  # decoded from the XML: the letter's heading, as text
    ics = c.get("/deadlines.ics")
    assert ics.headers["content-type"].startswith("text/calendar") and ics.headers["x-content-type-options"] == "nosniff"
    assert "alert(" in ics.text  # the commitment's words, as calendar text (never rendered as a page)


def test_a_hostile_upload_name_is_inert_in_the_upload_pages(stored) -> None:  # type: ignore[no-untyped-def]
    app, c, _ = stored
    name = "<img src=x onerror=alert(9)>.txt"
    page = b"<!DOCTYPE html><html><body><script>document.write('Geachte voorzitter')</script></body></html>"
    r = c.post("/api/letters", files={"file": (name, page, "text/html")},
               headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 202, r.text
    job = app.state.jobs.wait(r.json()["job"]["id"])
    assert job is not None and job.state == "failed"
    doc = assert_inert_html(_html(c, f"/uploaden/{job.id}"), "upload status")
    assert "<img src=x onerror=alert(9)>.txt" in doc.text_content()


def _values(app, c: TestClient, lid: int) -> dict[str, str]:  # type: ignore[no-untyped-def]
    src = c.get(f"/api/letters/{lid}").json()["sources"][0]["sha256"]
    mission = c.get("/api/missions").json()["items"][0]["id"]
    return {"letter_id": str(lid), "sha": src, "mission_id": mission, "job_id": "nosuchjob123", "commitment_id": "1"}


def test_every_query_and_path_parameter_is_reflected_inert(stored) -> None:  # type: ignore[no-untyped-def]
    app, c, lid = stored
    values = _values(app, c, lid)
    tried = 0
    for route in get_routes(app):
        targets = [(fill_path(route, values), {name: REFLECTED}) for name in [*query_names(route), "lang", "zzz"]]
        for name in path_names(route):
            targets.append((fill_path(route, values, {name: REFLECTED}), {}))
        for path, params in targets:
            r = c.get(path, params=params)
            tried += 1
            assert r.status_code < 500, (path, params, r.text[:300])
            kind = r.headers.get("content-type", "")
            assert r.headers["x-content-type-options"] == "nosniff"
            if kind.startswith("text/html"):
                assert_inert_html(r.text, f"{path} {params}")
            else:
                assert not kind.startswith(("text/xml", "image/svg", "application/xhtml")), (path, kind)
                if "<script>" in r.text:  # reflected in JSON or text: never something a browser renders
                    assert kind.startswith(("application/json", "text/plain", "text/calendar", "application/atom+xml")), kind
    assert tried > 60


def test_redirect_targets_from_a_request_stay_on_the_site(stored) -> None:  # type: ignore[no-untyped-def]
    _, c, _ = stored
    for target in ("javascript:alert(1)", "//evil.example", "/\\evil.example", "https://evil.example", "\t//evil.example",
                   "/%0d%0aSet-Cookie:x=1"):
        html = _html(c, "/aanmelden", params={"verder": target})
        doc = assert_inert_html(html, target)
        kept = doc.xpath('//input[@name="verder"]/@value')
        assert all(v == "/" or (v.startswith("/") and not v.startswith("//") and "\\" not in v and "\n" not in v)
                   for v in kept), kept
    # The language switch link is built from the request's path: a '//host' path must not become a link off the site.
    r = c.get("http://testserver//evil.example/x")
    assert r.status_code == 404
    doc = assert_inert_html(r.text, "//evil")
    for href in doc.xpath("//a/@href"):
        assert not href.startswith(("//", "/\\")), href


def _assert_headers(r, where: str) -> None:  # type: ignore[no-untyped-def]
    csp = r.headers.get("content-security-policy", "")
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, where
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "default-src 'none'" in csp, where
    assert r.headers.get("x-content-type-options") == "nosniff", where
    assert r.headers.get("x-frame-options") == "DENY", where
    assert r.headers.get("referrer-policy") in ("same-origin", "no-referrer", "strict-origin-when-cross-origin"), where


@pytest.fixture(scope="module")
def failing(stored):  # type: ignore[no-untyped-def]
    """An app on the same registry with a route that fails with a real exception, as a defect would."""
    app = create_app(stored[0].state.settings)

    def boom() -> None:
        raise RuntimeError("secret detail /home/user/registry.db line 42")

    app.add_api_route("/api/boom-for-tests", boom, methods=["GET"])
    app.add_api_route("/boom-for-tests", boom, methods=["GET"])
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def test_security_headers_on_every_kind_of_response(stored, failing) -> None:  # type: ignore[no-untyped-def]
    app, c, lid = stored
    values = _values(app, c, lid)
    responses = [(fill_path(r, values), c.get(fill_path(r, values), follow_redirects=False)) for r in get_routes(app)]
    responses += [
        ("static", c.get("/static/css/app.css")), ("404", c.get("/nope")), ("api 404", c.get("/api/nope")),
        ("405", c.put("/")), ("api 405", c.delete("/api/letters")), ("422", c.get("/api/letters?page=x")),
        ("413", c.post("/aanmelden", data={"token": "x" * 100_000})),
        ("redirect", c.get("/uploaden", follow_redirects=False)),
        ("500 page", failing.get("/boom-for-tests")), ("500 api", failing.get("/api/boom-for-tests")),
    ]
    for where, r in responses:
        _assert_headers(r, f"{where} ({r.status_code})")


def test_errors_show_no_internals(stored, failing) -> None:  # type: ignore[no-untyped-def]
    app, c, _ = stored
    page, api = failing.get("/boom-for-tests"), failing.get("/api/boom-for-tests")
    assert page.status_code == 500 and api.status_code == 500
    assert api.json() == {"error": {"status": 500, "code": "internal_error", "message": "internal error: RuntimeError"}}
    assert page.headers["content-type"].startswith("text/html")
    for r in (page, api, c.get("/nope"), c.get("/api/letters/abc"), c.put("/"), c.get("/brieven/99999999"),
              c.get("/api/deployments", params={"at": "2024-13-45"}), c.get("/api/deadlines", params={"within": "999y"})):
        for leak in ("Traceback", 'File "', ".py", "secret detail", "/home/", "sqlalchemy", "psycopg", "line 42"):
            assert leak not in r.text, (r.url, leak)


def test_methods_not_allowed_give_405(stored) -> None:  # type: ignore[no-untyped-def]
    app, c, lid = stored
    values = _values(app, c, lid)
    seen = 0
    for route in [*get_routes(app), *post_routes(app)]:
        path = fill_path(route, values)
        for method in ("PUT", "DELETE", "PATCH", "TRACE", "POST", "GET"):
            if method in route.methods or (method == "GET" and "HEAD" in route.methods):
                continue
            if any(other.path == route.path and method in other.methods for other in all_routes(app)):
                continue  # another route answers this method on the same path
            r = c.request(method, path)
            seen += 1
            assert r.status_code == 405, (method, path, r.status_code)
            assert "allow" in r.headers, (method, path)
            assert "Traceback" not in r.text
            if path.startswith("/api/"):
                assert r.json()["error"]["code"] == "method_not_allowed"
    assert seen > 40
