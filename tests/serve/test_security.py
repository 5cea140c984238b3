"""Safety: CSP, inert letter text, the token, CSRF, upload limits, no path outside the registry's files."""

from __future__ import annotations

import hashlib
import re

import pytest
from fastapi.testclient import TestClient

from artikel100.pipeline import process_text
from artikel100.serve import create_app
from artikel100.store import open_registry
from artikel100.store.ingest import prepare_document, store_prepared
from conftest import TOKEN, make_settings

HOSTILE = (
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 maart 2025\n\n"
    "Hierbij informeert het kabinet uw Kamer, conform artikel 100 van de Grondwet, over het besluit om "
    "circa 150 militairen bij te dragen aan de missie <script>alert('xss')</script> in Irak "
    "<img src=x onerror=alert(1)> tot en met 31 december 2025.\n\n"
    "De minister van Defensie,\n\nR. Brekelmans\n"
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("hostile")
    url = str(folder / "r.db")
    result = process_text(HOSTILE)
    with open_registry(url) as reg:
        _, letter_id = store_prepared(reg, prepare_document(result.document, result.extraction, reg.dialect, path="x.txt"))
    app = create_app(make_settings(url, folder))
    with TestClient(app) as c:
        yield c, letter_id


def test_csp_without_unsafe_inline_on_every_response(hostile) -> None:  # type: ignore[no-untyped-def]
    c, lid = hostile
    for path in ("/", f"/brieven/{lid}", "/api/letters", "/static/css/app.css", "/nope", "/api/docs"):
        csp = c.get(path).headers["content-security-policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp


def test_letter_text_is_inert(hostile) -> None:  # type: ignore[no-untyped-def]
    c, lid = hostile
    for path in (f"/brieven/{lid}", f"/brieven/{lid}/rapport.html", f"/brieven/{lid}?weergave=herstel"):
        html = c.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    scripts = re.findall(r"<script[^>]*>", c.get(f"/brieven/{lid}").text)
    assert scripts == ['<script src="/static/js/app.js" defer>']


def test_read_only_without_a_token(tmp_path, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    app = create_app(make_settings(sqlite_url, tmp_path, token=None))
    with TestClient(app) as c:
        r = c.post("/api/letters", files={"file": ("a.txt", b"tekst", "text/plain")}, headers={"Authorization": "Bearer "})
        assert r.status_code == 403 and "read-only" in r.json()["error"]["message"]
        assert "alleen-lezen" in c.get("/uploaden").text


def _csrf(c: TestClient) -> str:
    html = c.get("/aanmelden").text
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def test_forms_need_csrf_and_the_token(tmp_path, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    app = create_app(make_settings(sqlite_url, tmp_path))
    with TestClient(app) as c:
        assert c.get("/uploaden", follow_redirects=False).headers["location"].startswith("/aanmelden")
        token = _csrf(c)
        assert c.post("/aanmelden", data={"token": TOKEN}).status_code == 403  # no CSRF field
        assert c.post("/aanmelden", data={"token": TOKEN, "csrf": "forged"}).status_code == 403
        wrong = c.post("/aanmelden", data={"token": "nope", "csrf": token}, follow_redirects=False)
        assert "fout=1" in wrong.headers["location"]
        cid = c.get("/api/commitments").json()["items"][0]["id"]
        assert c.post(f"/toezeggingen/{cid}/vervuld", data={"door": "1", "csrf": token}).status_code == 401
        ok = c.post("/aanmelden", data={"token": TOKEN, "csrf": token, "verder": "/toezeggingen"}, follow_redirects=False)
        assert ok.status_code == 303 and ok.headers["location"] == "/toezeggingen"
        cookie = ok.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict") and TOKEN not in cookie
        assert c.post(f"/toezeggingen/{cid}/vervuld", data={"door": "1"}).status_code == 403  # signed in, no CSRF
        # Signed in, the form's token is bound to the new session: the one from before is no longer good.
        assert c.post(f"/toezeggingen/{cid}/vervuld", data={"door": "1", "csrf": token}).status_code == 403
        token = re.search(r'name="csrf" value="([^"]+)"', c.get("/toezeggingen").text).group(1)  # type: ignore[union-attr]
        done = c.post(f"/toezeggingen/{cid}/vervuld", data={"door": "1", "csrf": token}, follow_redirects=False)
        assert done.status_code == 303
        # The API never takes the session cookie as the token.
        assert c.post("/api/letters", files={"file": ("a.txt", b"x", "text/plain")}).status_code == 401


def test_open_redirect_is_refused(tmp_path, sqlite_url) -> None:  # type: ignore[no-untyped-def]
    app = create_app(make_settings(sqlite_url, tmp_path))
    with TestClient(app) as c:
        for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
            token = _csrf(c)  # once signed in, the form's token is the session's
            r = c.post("/aanmelden", data={"token": TOKEN, "csrf": token, "verder": target}, follow_redirects=False)
            assert r.headers["location"] == "/"


def test_small_bodies_only_except_uploads(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/aanmelden", data={"token": "x" * 100_000, "csrf": "y"})
    assert r.status_code == 413


def test_no_path_from_a_request_reaches_the_file_system(client) -> None:  # type: ignore[no-untyped-def]
    lid = client.get("/api/letters").json()["items"][0]["id"]
    for path in (f"/brieven/{lid}/origineel/..%2F..%2F..%2Fetc%2Fpasswd", f"/brieven/{lid}/origineel/" + "0" * 64,
                 "/static/..%2F..%2Fpyproject.toml", "/static/../../../etc/passwd", "/static/%2e%2e/app.py"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert b"root:" not in r.content and b"[project]" not in r.content


def test_the_original_file_downloads_as_an_attachment_with_its_hash(client) -> None:  # type: ignore[no-untyped-def]
    letter = client.get("/api/letters", params={"year": 2025}).json()["items"][0]
    src = client.get(f"/api/letters/{letter['id']}").json()["sources"][0]
    r = client.get(src["url"])
    assert r.status_code == 200 and hashlib.sha256(r.content).hexdigest() == src["sha256"]
    assert r.headers["content-disposition"].startswith("attachment")
    assert r.headers["content-type"] == "application/pdf"
