"""Fixtures for the web tests: registries filled with the example letters (and the seed), apps, a live server.

The letters are read once per session (the PDF example takes seconds) and
stored into each registry from memory, so every backend gets the same letters.
"""

from __future__ import annotations

import hashlib
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from artikel100.pipeline import process
from artikel100.serve import Settings, create_app
from artikel100.store import open_registry
from artikel100.store.ingest import prepare_document, store_prepared

TOKEN = "test-token-" + "x" * 20
# The seed (NMI, November 2024) and the KFOR example's staff officers (no end given) are current on
# this day; the other examples' deployments have ended or are still to come.
TODAY = date(2025, 6, 1)
SHARED_SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed"
SCREENSHOTS = Path(__file__).parent / "screenshots"


def example_paths() -> list[Path]:
    folder = resources.files("artikel100") / "examples"
    paths = sorted(Path(str(p)) for p in folder.iterdir() if p.is_file() and not p.name.endswith((".md", ".py")))
    if SHARED_SEED.is_dir():
        paths += sorted(p for p in SHARED_SEED.glob("*.txt") if not p.name.endswith(".clean.txt"))
    return paths


@pytest.fixture(scope="session")
def processed() -> list[tuple[Path, object]]:
    return [(p, process(p)) for p in example_paths()]


def fill(url: str, processed: list[tuple[Path, object]]) -> None:
    with open_registry(url) as reg:
        for path, result in processed:
            data = path.read_bytes()
            p = prepare_document(result.document, result.extraction, reg.dialect, path=str(path),  # type: ignore[attr-defined]
                                 sha256=hashlib.sha256(data).hexdigest(), size=len(data))
            store_prepared(reg, p)


def _pg_database(server: str) -> tuple[str, str]:
    name = "a100web_" + uuid.uuid4().hex[:10]
    admin = create_engine(server.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.rsplit("/", 1)[0] + "/" + name, name


def _drop(server: str, name: str) -> None:
    admin = create_engine(server.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def filled_registry(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                    letters: list[tuple[Path, object]], folder: str) -> Iterator[str]:
    """A registry holding ``letters`` on the backend ``request.param`` names; dropped afterwards."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp(folder) / "registry.db")
        fill(url, letters)
        yield url
        return
    server = request.getfixturevalue("pg_server")
    url, name = _pg_database(server)
    fill(url, letters)
    try:
        yield url
    finally:
        _drop(server, name)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def filled_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, processed) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A registry with the example letters (and the seed), once per backend per module."""
    yield from filled_registry(request, tmp_path_factory, processed, "web")


@pytest.fixture(scope="module")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory, processed) -> str:  # type: ignore[no-untyped-def]
    url = str(tmp_path_factory.mktemp("web-sqlite") / "registry.db")
    fill(url, processed)
    return url


def make_settings(url: str, tmp: Path, **kw: object) -> Settings:
    from artikel100.store.db import resolve_url

    return Settings(db=resolve_url(url), token=kw.pop("token", TOKEN), today=TODAY, files=tmp / "files", **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def app(filled_url: str, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    application = create_app(make_settings(filled_url, tmp_path_factory.mktemp("files")))
    yield application
    application.state.jobs.close()
    application.state.registry.close()


@pytest.fixture(scope="module")
def client(app):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_live(application) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """``application`` on uvicorn in a thread, on a free loopback port; yields its base URL, then stops and closes it."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(application, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        application.state.jobs.close()
        application.state.registry.close()


@pytest.fixture(scope="module")
def live_server(sqlite_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on uvicorn in a thread, on a free loopback port; yields its base URL."""
    yield from serve_live(create_app(make_settings(sqlite_url, tmp_path_factory.mktemp("live"))))


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--lang=nl-NL"]


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing and CI=true: .ci/run must apt-get install chromium")
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.console_errors = errors  # type: ignore[attr-defined]
    yield pg
    context.close()


def screenshot(page, name: str, *, selector: str | None = None, full_page: bool = True) -> Path:  # type: ignore[no-untyped-def]
    """tests/serve/screenshots/NAME.png: the whole page, its viewport (``full_page=False``) or one part (``selector``)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if selector:
        page.locator(selector).screenshot(path=str(path))
    else:
        page.screenshot(path=str(path), full_page=full_page)
    return path


# The oversight checks (issue 9) need letters that refer to each other: the check package's own
# letters (an NMI first letter standing in for 27925-943, which the seed extends; a progress report
# answering the seed's monitoring visit; an Atalanta extension and the letter it extends; an eFP
# monitoring letter and its progress report), beside the examples and the seed.
CHECK_LETTERS = Path(__file__).resolve().parents[1] / "check" / "letters"


@pytest.fixture(scope="session")
def processed_checks(processed) -> list[tuple[Path, object]]:  # type: ignore[no-untyped-def]
    return processed + [(p, process(p)) for p in sorted(CHECK_LETTERS.glob("*.layout.txt"))]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def checks_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, processed_checks) -> Iterator[str]:  # type: ignore[no-untyped-def]
    yield from filled_registry(request, tmp_path_factory, processed_checks, "web-checks")


@pytest.fixture(scope="module")
def checks_client(checks_url: str, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    application = create_app(make_settings(checks_url, tmp_path_factory.mktemp("files-checks")))
    with TestClient(application) as c:
        yield c
    application.state.jobs.close()
    application.state.registry.close()


@pytest.fixture(scope="module")
def checks_live_server(tmp_path_factory: pytest.TempPathFactory, processed_checks) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The app over the examples, the seed and the check letters, on uvicorn in a thread."""
    url = str(tmp_path_factory.mktemp("live-checks") / "registry.db")
    fill(url, processed_checks)
    yield from serve_live(create_app(make_settings(url, tmp_path_factory.mktemp("live-checks-files"))))
