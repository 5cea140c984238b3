"""OWASP: CSRF, token brute force, path traversal, oversize and disguised uploads, SQL injection.

Each attack is tried the way an attacker would, against the real app over a
real registry (SQL injection on SQLite and PostgreSQL; the upload limits also
through uvicorn, with a streamed body that states no length).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from artikel100.serve import create_app
from bad_inputs import LETTER, _zip_bomb_docx
from conftest import TOKEN, make_settings, serve_live
from hostile import all_routes, fill_path, get_routes, path_names, query_names

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def _signed_in(app, address: str = "testclient") -> TestClient:  # type: ignore[no-untyped-def]
    c = TestClient(app, client=(address, 50000))
    token = _csrf(c.get("/aanmelden").text)
    r = c.post("/aanmelden", data={"token": TOKEN, "csrf": token, "verder": "/toezeggingen"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/toezeggingen", r.text
    return c


@pytest.fixture
def fresh_app(tmp_path, sqlite_url):  # type: ignore[no-untyped-def]
    """An app of its own (its own throttle and secret) on the example letters."""
    app = create_app(make_settings(sqlite_url, tmp_path))
    yield app
    app.state.jobs.close()
    app.state.registry.close()


# --- CSRF ------------------------------------------------------------------------


def test_every_form_refuses_a_missing_or_wrong_csrf_token(fresh_app) -> None:  # type: ignore[no-untyped-def]
    c = _signed_in(fresh_app)
    cid = c.get("/api/commitments").json()["items"][0]["id"]
    forms = {"/aanmelden": {"token": TOKEN}, "/afmelden": {}, f"/toezeggingen/{cid}/vervuld": {"door": "1"},
             f"/toezeggingen/{cid}/afwijzen": {"brief": "1"}}
    page_posts = [r.path for r in all_routes(fresh_app) if "POST" in r.methods and not r.path.startswith("/api/")]
    assert len(page_posts) == len(forms) + 1, page_posts  # every form route is tried (uploaden below)
    for path, fields in forms.items():
        for csrf in (None, "", "forged", "x" * 43, _csrf(TestClient(fresh_app).get("/aanmelden").text)):
            data = dict(fields, **({"csrf": csrf} if csrf is not None else {}))
            r = c.post(path, data=data, follow_redirects=False)
            assert r.status_code == 403, (path, csrf, r.status_code)
            assert "expired or came from another site" in r.text or "verlopen" in r.text
    up = c.post("/uploaden", files={"file": ("brief.txt", LETTER.encode(), "text/plain")}, data={"csrf": "forged"})
    assert up.status_code == 403
    # With the page's own token the same form works: the refusals above were about the token.
    ok = c.post(f"/toezeggingen/{cid}/vervuld", data={"door": "1", "csrf": _csrf(c.get("/toezeggingen").text)},
                follow_redirects=False)
    assert ok.status_code == 303


def test_the_csrf_token_is_bound_to_the_session(fresh_app) -> None:  # type: ignore[no-untyped-def]
    alice, mallory = _signed_in(fresh_app), _signed_in(fresh_app)
    cid = alice.get("/api/commitments").json()["items"][0]["id"]
    alice_token, mallory_token = _csrf(alice.get("/toezeggingen").text), _csrf(mallory.get("/toezeggingen").text)
    assert alice_token != mallory_token
    # Another signed-in browser's token is refused.
    assert alice.post(f"/toezeggingen/{cid}/vervuld", data={"door": "1", "csrf": mallory_token}).status_code == 403
    # A planted double-submit cookie with a matching field is refused once signed in.
    alice.cookies.set("a100_csrf", "p" * 43)
    assert alice.post(f"/toezeggingen/{cid}/vervuld", data={"door": "1", "csrf": "p" * 43}).status_code == 403
    # A session cookie made without the server's secret does not sign in.
    forged = TestClient(fresh_app)
    forged.cookies.set("a100_session", "abc." + hmac.new(b"guess", b"session:abc:" + TOKEN.encode(), hashlib.sha256).hexdigest())
    assert forged.get("/uploaden", follow_redirects=False).status_code == 303
    # Signing out ends the session in that browser; its old token goes with it.
    assert alice.post("/afmelden", data={"csrf": alice_token}, follow_redirects=False).status_code == 303
    assert alice.post(f"/toezeggingen/{cid}/vervuld", data={"door": "1", "csrf": alice_token}).status_code in (401, 403)


# --- the token: brute force and constant time -------------------------------------


def test_token_guessing_is_rate_limited_per_client(fresh_app) -> None:  # type: ignore[no-untyped-def]
    from artikel100.serve.security import TokenThrottle

    api = TestClient(fresh_app, client=("203.0.113.7", 1000))
    for i in range(TokenThrottle.limit):
        r = api.post("/api/letters", files={"file": ("a.txt", b"x", "text/plain")}, headers={"Authorization": f"Bearer guess-{i}"})
        assert r.status_code == 401, r.text
    for headers in ({"Authorization": "Bearer guess-again"}, AUTH):  # now even the right token waits
        r = api.post("/api/letters", files={"file": ("a.txt", b"x", "text/plain")}, headers=headers)
        assert r.status_code == 429 and r.json()["error"]["code"] == "too_many_requests"
        assert 0 < int(r.headers["retry-after"]) <= TokenThrottle.window
    # The sign-in form shares the count for that address.
    form = TestClient(fresh_app, client=("203.0.113.7", 1001))
    r = form.post("/aanmelden", data={"token": TOKEN, "csrf": _csrf(form.get("/aanmelden").text)}, follow_redirects=False)
    assert r.status_code == 429 and "retry-after" in r.headers
    # Another client is not held up, and a right token does not count as a failure.
    other = TestClient(fresh_app, client=("198.51.100.1", 1000))
    for _ in range(TokenThrottle.limit + 2):
        r = other.post("/api/commitments/999999/done", json={"by": "1"}, headers=AUTH)
        assert r.status_code == 404, r.text


def test_the_sign_in_form_is_rate_limited_too(fresh_app) -> None:  # type: ignore[no-untyped-def]
    from artikel100.serve.security import TokenThrottle

    c = TestClient(fresh_app, client=("192.0.2.9", 1))
    token = _csrf(c.get("/aanmelden").text)
    codes = [c.post("/aanmelden", data={"token": f"guess-{i}", "csrf": token}, follow_redirects=False).status_code
             for i in range(TokenThrottle.limit + 3)]
    assert codes[: TokenThrottle.limit] == [303] * TokenThrottle.limit and set(codes[TokenThrottle.limit:]) == {429}


def test_token_comparison_is_constant_time(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The guess and the token are hashed first, so compare_digest always compares 32 bytes with 32 bytes."""
    from artikel100.serve import security
    from artikel100.serve.settings import Settings

    seen: list[tuple[int, int]] = []
    real = hmac.compare_digest

    def spy(a, b):  # type: ignore[no-untyped-def]
        seen.append((len(a), len(b)))
        return real(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    settings = Settings(db="sqlite:///:memory:", token=TOKEN)
    for guess in ("x", TOKEN[:-1], TOKEN, TOKEN + "x" * 500, "é" * 40):
        assert security.token_ok(settings, guess) is (guess == TOKEN)
    assert seen == [(32, 32)] * 5


# --- path traversal ---------------------------------------------------------------


def test_downloads_never_leave_the_registrys_files(client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = client.app
    lid = client.get("/api/letters").json()["items"][0]["id"]
    good = client.get(f"/api/letters/{lid}").json()["sources"][0]["sha256"]
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:secret\n")
    attempts = [f"/brieven/{lid}/origineel/{x}" for x in (
        "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%252e%252e%252fetc%252fpasswd",
        "..%5C..%5Cwindows%5Cwin.ini", "%2Fetc%2Fpasswd", str(secret).replace("/", "%2F"), "....//....//etc/passwd",
        good + "%2F..%2F..%2Fetc%2Fpasswd", good + "%00.pdf", good.upper(), "0" * 64)]
    attempts += ["/static/..%2F..%2Fpyproject.toml", "/static/%2e%2e/app.py", "/static/%2e%2e%2f%2e%2e%2fsettings.py",
                 "/static/../../../etc/passwd", "/static//etc/passwd", "/static/%2Fetc%2Fpasswd",
                 "/uploaden/..%2F..%2Fetc%2Fpasswd", "/api/jobs/..%2F..%2Fjobs%2Fx", "/api/jobs/%2e%2e",
                 "/brieven/1/rapport.html/..%2F..%2Fetc%2Fpasswd"]
    for path in attempts:
        r = client.get(path)
        assert r.status_code in (404, 422), (path, r.status_code)
        assert b"root:" not in r.content and b"[project]" not in r.content and b"import " not in r.content, path
    # A symbolic link planted in the files folder under a letter's hash is followed only to that letter's bytes.
    files = app.state.settings.files_dir()
    files.mkdir(parents=True, exist_ok=True)
    link = files / good
    if link.exists() or link.is_symlink():
        link.unlink()
    link.symlink_to(secret)
    try:
        r = client.get(f"/brieven/{lid}/origineel/{good}")
        assert b"secret" not in r.content
        assert r.status_code == 404 or hashlib.sha256(r.content).hexdigest() == good
    finally:
        link.unlink()


def test_static_files_do_not_follow_links_out_of_the_package(client) -> None:  # type: ignore[no-untyped-def]
    from artikel100.serve.app import STATIC_DIR

    link = STATIC_DIR / "owasp-test-link"
    if not os.access(STATIC_DIR, os.W_OK):
        pytest.skip("the package's static folder is not writable here")
    link.symlink_to("/etc")
    try:
        assert client.get("/static/owasp-test-link/passwd").status_code == 404
    finally:
        link.unlink()


# --- uploads: oversize and disguised --------------------------------------------


def _cli_line(path: Path) -> str:
    """The one line ``artikel100 ingest`` prints for this file, without the program's prefix and the folder."""
    from artikel100.cli import main

    result = CliRunner().invoke(main, ["ingest", "--db", str(path.parent / "cli.db"), str(path)])
    assert result.exit_code == 2, result.output
    lines = [x for x in result.stderr.splitlines() if x.startswith("artikel100: ")] if hasattr(result, "stderr") else []
    lines = lines or [x for x in result.output.splitlines() if x.startswith("artikel100: ")]
    assert len(lines) == 1, result.output
    return lines[0].removeprefix("artikel100: ").replace(str(path.parent) + "/", "")


def _disguised(folder: Path) -> dict[str, Path]:
    out = {}
    elf = folder / "brief.pdf"
    elf.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(9) + os.urandom(4000))
    out["elf"] = elf
    exe = folder / "setup.pdf"
    exe.write_bytes(b"MZ" + bytes(58) + (64).to_bytes(4, "little") + b"PE\x00\x00" + os.urandom(2000))
    out["exe"] = exe
    page = folder / "kamerbrief.pdf"
    page.write_bytes(b"<!DOCTYPE html><html><head><script>alert('x')</script></head><body><script>document.write('Geachte voorzitter')</script></body></html>")
    out["html"] = page
    bomb = _zip_bomb_docx(folder)
    out["zipbomb"] = bomb.rename(folder / "brief.docx")
    return out


def test_disguised_uploads_are_judged_by_content_with_the_clis_message(client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = client.app
    for kind, path in _disguised(tmp_path).items():
        expected = _cli_line(path)
        r = client.post("/api/letters", files={"file": (path.name, path.read_bytes(), "application/pdf")}, headers=AUTH)
        if kind in ("elf", "exe"):  # refused at once, by its first bytes
            assert r.status_code == 415, (kind, r.text)
            assert r.json()["error"]["message"] == expected, kind
        else:  # read by the same reader the CLI uses, which refuses it
            assert r.status_code == 202, (kind, r.text)
            job = app.state.jobs.wait(r.json()["job"]["id"], timeout=120)
            assert job is not None and job.state == "failed", (kind, job)
            assert job.error == expected, kind
            assert client.get(f"/api/jobs/{job.id}").json()["error"] == expected
        assert "\n" not in expected and "Traceback" not in r.text
    # The upload page says the same in its own layout.
    signed = TestClient(app)
    token = _csrf(signed.get("/aanmelden").text)
    signed.post("/aanmelden", data={"token": TOKEN, "csrf": token})
    page = signed.post("/uploaden", files={"file": ("brief.pdf", (tmp_path / "brief.pdf").read_bytes(), "application/pdf")},
                       data={"csrf": _csrf(signed.get("/uploaden").text)})
    assert page.status_code == 400 and "brief.pdf: a program (ELF), not a letter" in page.text


@pytest.fixture(scope="module")
def small_server(sqlite_url, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The app on uvicorn with a 1 MB upload limit."""
    yield from serve_live(create_app(make_settings(sqlite_url, tmp_path_factory.mktemp("small"), max_upload=1 << 20)))


def test_oversize_uploads_are_refused_with_and_without_a_length(small_server) -> None:  # type: ignore[no-untyped-def]
    big = b"Geachte voorzitter, " * (3 << 16)  # 3.75 MB

    def streamed():  # type: ignore[no-untyped-def]
        boundary = b"--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"groot.txt\"\r\n\r\n"
        yield boundary
        for i in range(0, len(big), 65536):
            yield big[i: i + 65536]
        yield b"\r\n--xyz--\r\n"

    with httpx.Client(base_url=small_server, timeout=30) as http:
        sized = http.post("/api/letters", files={"file": ("groot.txt", big, "text/plain")}, headers=AUTH)
        assert sized.status_code == 413 and sized.json()["error"]["code"] == "too_large"
        chunked = http.post("/api/letters", content=streamed(),
                            headers={**AUTH, "content-type": "multipart/form-data; boundary=xyz"})
        assert chunked.status_code == 413, chunked.text
        assert set(chunked.json()) == {"error"} and "larger than" in chunked.json()["error"]["message"]
        page = http.post("/uploaden", content=streamed(), headers={"content-type": "multipart/form-data; boundary=xyz"})
        assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")
        assert "content-security-policy" in page.headers and "Traceback" not in page.text
        # Just under the limit is read (the limit is the file's, not the form's).
        under = b"Geachte voorzitter,\n\n" + b"x" * ((1 << 20) - 100)
        r = http.post("/api/letters", files={"file": ("net-niet.txt", under, "text/plain")}, headers=AUTH)
        assert r.status_code == 202, r.text
        assert http.get("/").status_code == 200  # the server is still up


# --- SQL injection ---------------------------------------------------------------

INJECTIONS = ["' OR '1'='1", "1' OR 1=1 --", "1; DROP TABLE letters; --", "' UNION SELECT sql FROM sqlite_master --",
              "x') UNION SELECT version(), NULL --", '" OR ""="', "%' OR '%'='", "\\'; SELECT pg_sleep(5); --",
              "*/ OR /*", "NEAR(a b)", "\"unterminated", "a\x00b", "' OR 1=1#", "1e999", "-1", "٣", "9" * 30]
_NO_MATCH = "zzqqxx-no-such-thing"


def test_sql_injection_through_every_parameter_gives_a_normal_answer(client) -> None:  # type: ignore[no-untyped-def]
    app = client.app
    letters = client.get("/api/letters", params={"per_page": 200}).json()
    lid = letters["items"][0]["id"]
    sha = client.get(f"/api/letters/{lid}").json()["sources"][0]["sha256"]
    mission = client.get("/api/missions").json()["items"][0]["id"]
    values = {"letter_id": str(lid), "sha": sha, "mission_id": mission, "job_id": "nosuchjob123", "commitment_id": "1"}
    tried = 0
    for route in get_routes(app):
        base = fill_path(route, values)
        targets = [(base, name) for name in query_names(route)] + [(None, name) for name in path_names(route)]
        for path, name in targets:
            baseline = None
            if path is not None:
                baseline = client.get(path, params={name: _NO_MATCH})
            for value in INJECTIONS:
                url = path if path is not None else fill_path(route, values, {name: value})
                r = client.get(url, params={name: value} if path is not None else None)
                tried += 1
                where = (route.path, name, value, r.status_code)
                assert r.status_code < 500, (where, r.text[:300])
                for leak in ("Traceback", "sqlite3.", "psycopg", "syntax error", "OperationalError", "sqlalchemy"):
                    assert leak not in r.text, (where, leak)
                if r.headers["content-type"].startswith("application/json") and r.status_code >= 400:
                    body = r.json()
                    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}, where
                # A string filter that matches nothing answers as any other non-matching value: no other data.
                if (baseline is not None and baseline.status_code == 200 and r.status_code == 200 and name != "q"
                        and r.headers["content-type"].startswith("application/json")):
                    assert r.json().get("total") == baseline.json().get("total"), where
    assert tried > 300
    # Nothing was changed or dropped.
    after = client.get("/api/letters", params={"per_page": 200}).json()
    assert after["total"] == letters["total"] and [x["id"] for x in after["items"]] == [x["id"] for x in letters["items"]]


def test_sql_injection_through_the_write_endpoints(client) -> None:  # type: ignore[no-untyped-def]
    before = client.get("/api/commitments").json()
    cid = before["items"][0]["id"]
    for value in INJECTIONS:
        r = client.post(f"/api/commitments/{cid}/done", json={"by": value}, headers=AUTH)
        assert r.status_code in (400, 404, 422), (value, r.status_code, r.text[:200])
        assert set(r.json()) == {"error"}
        assert "Traceback" not in r.text and "psycopg" not in r.text
    after = client.get("/api/commitments").json()
    assert after["total"] == before["total"]
    assert [c["status"] for c in after["items"]] == [c["status"] for c in before["items"]]
