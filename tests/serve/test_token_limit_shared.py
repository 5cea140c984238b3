"""The write token's brute-force limit on a real ``artikel100 serve``: shared by its workers, right behind a proxy.

Each test starts the command line's server in its own process group on a
loopback port. To know which worker answers, every other worker is stopped
(SIGSTOP) while a request is sent on a fresh connection, so only that one can
accept it; the others are continued afterwards.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from artikel100.serve.throttle import TokenThrottle

TOKEN = "limit-token-" + "y" * 20
LIMIT = TokenThrottle.limit


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            cmdline = (stat.parent / "cmdline").read_bytes()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and b"multiprocessing.spawn" in cmdline:
            out.append(int(stat.parent.name))
    return sorted(out)


@contextmanager
def running_server(db: str, workers: int, *args: str) -> Iterator[tuple[str, list[int]]]:
    """``artikel100 serve --workers N`` with a token; (base URL, worker pids), stopped afterwards."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "artikel100", "serve", "--db", db, "--port", str(port), "--workers", str(workers), *args],
        env={**os.environ, "ARTIKEL100_TOKEN": TOKEN}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                if httpx.get(f"{base}/api/missions", timeout=30).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                pytest.fail("the server did not start: " + (proc.stderr.read() or b"").decode()[-800:])
            time.sleep(0.2)
        pids = _children(proc.pid) if workers > 1 else [proc.pid]
        assert len(pids) == workers, pids
        for pid in pids:  # every worker has started and answers on its own
            with only(pids, pid):
                assert httpx.get(f"{base}/api/missions", timeout=60).status_code == 200
        yield base, pids
    finally:
        os.killpg(proc.pid, signal.SIGCONT)
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@contextmanager
def only(pids: list[int], pid: int) -> Iterator[None]:
    """Every worker but ``pid`` stopped: a new connection can only be accepted by ``pid``."""
    others = [p for p in pids if p != pid]
    for p in others:
        os.kill(p, signal.SIGSTOP)
    try:
        yield
    finally:
        for p in others:
            os.kill(p, signal.SIGCONT)


def attempt(base: str, token: str, forwarded_for: str | None = None) -> httpx.Response:
    """A write with ``token`` on a fresh connection (a commitment that does not exist: 404 when the token is right)."""
    headers = {"Authorization": f"Bearer {token}", "Connection": "close"}
    if forwarded_for is not None:
        headers["X-Forwarded-For"] = forwarded_for
    with httpx.Client(timeout=60) as client:
        return client.post(f"{base}/api/commitments/999999/done", json={"by": "1"}, headers=headers)


def test_two_workers_share_one_count(db_url: str) -> None:
    with running_server(db_url, 2) as (base, pids):
        for i in range(LIMIT):  # the wrong guesses alternate between the two workers
            with only(pids, pids[i % 2]):
                assert attempt(base, f"guess-{i}").status_code == 401
        for pid in pids:  # the next guess is refused by either worker, and so is the right token
            with only(pids, pid):
                r = attempt(base, "guess-again")
                assert r.status_code == 429, r.text
                assert 0 < int(r.headers["retry-after"]) <= TokenThrottle.window
                assert attempt(base, TOKEN).status_code == 429


def test_a_right_token_does_not_count_on_either_worker(tmp_path: Path) -> None:
    with running_server(str(tmp_path / "registry.db"), 2) as (base, pids):
        for i in range(LIMIT + 2):
            with only(pids, pids[i % 2]):
                assert attempt(base, TOKEN).status_code == 404


def test_a_forged_forwarded_for_from_an_untrusted_peer_does_not_reset_the_count(tmp_path: Path) -> None:
    # Only 10.0.0.0/8 is trusted: the test's own address (127.0.0.1) is an ordinary client.
    with running_server(str(tmp_path / "registry.db"), 1, "--forwarded-allow-ips", "10.0.0.0/8") as (base, _):
        for i in range(LIMIT):
            assert attempt(base, f"guess-{i}", forwarded_for=f"203.0.113.{i + 1}").status_code == 401
        assert attempt(base, "guess-again", forwarded_for="198.51.100.77").status_code == 429
        assert attempt(base, "guess-again", forwarded_for="10.1.2.3").status_code == 429
        assert attempt(base, "guess-again").status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(tmp_path: Path) -> None:
    # The proxy is this machine (127.0.0.1); it appends the address of the client it serves.
    proxies = "127.0.0.1,10.0.0.0/8"
    with running_server(str(tmp_path / "registry.db"), 1, "--forwarded-allow-ips", proxies) as (base, _):
        for i in range(LIMIT):
            assert attempt(base, f"guess-{i}", forwarded_for="203.0.113.5").status_code == 401
        assert attempt(base, "guess-again", forwarded_for="203.0.113.5").status_code == 429
        # Addresses the client wrote itself stand left of the one the proxy appended (here through
        # a second proxy, 10.0.0.2): the client is still 203.0.113.5.
        assert attempt(base, "guess-again", forwarded_for="192.0.2.1, 203.0.113.5, 10.0.0.2").status_code == 429
        # Another client behind the same proxy is not held up, nor is the proxy's own address.
        assert attempt(base, "guess-0", forwarded_for="203.0.113.6").status_code == 401
        assert attempt(base, TOKEN, forwarded_for="203.0.113.6").status_code == 404
        assert attempt(base, TOKEN).status_code == 404


def test_an_address_that_is_not_one_is_refused_at_start(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "artikel100", "serve", "--db", str(tmp_path / "r.db"),
                        "--forwarded-allow-ips", "127.0.0.1,proxy.example"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "not an IP address or network: 'proxy.example'" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "client"),
    [
        ("198.51.100.9", ["203.0.113.5"], (), "198.51.100.9"),  # no proxy trusted: the header is ignored
        ("198.51.100.9", ["203.0.113.5"], ("10.0.0.0/8",), "198.51.100.9"),  # the peer is not a trusted proxy
        ("10.0.0.1", ["203.0.113.5"], ("10.0.0.0/8",), "203.0.113.5"),
        ("10.0.0.1", ["192.0.2.1, 203.0.113.5", "10.0.0.7"], ("10.0.0.0/8",), "203.0.113.5"),  # two headers, two proxies
        ("10.0.0.1", ["203.0.113.5:4711"], ("10.0.0.0/8",), "203.0.113.5"),
        ("::1", ["[2001:db8::7]:443"], ("::1",), "2001:db8::7"),
        ("10.0.0.1", ["192.0.2.1, not-an-address"], ("10.0.0.0/8",), "10.0.0.1"),  # garbage: the proxy itself
        ("10.0.0.1", [], ("10.0.0.0/8",), "10.0.0.1"),
        ("10.0.0.1", ["10.0.0.3, 10.0.0.2"], ("10.0.0.0/8",), "10.0.0.3"),  # all trusted: the leftmost
        ("198.51.100.9", ["203.0.113.5"], ("*",), "203.0.113.5"),
    ],
)
def test_the_client_is_the_first_address_not_of_a_trusted_proxy(peer, forwarded, trusted, client) -> None:  # type: ignore[no-untyped-def]
    from artikel100.serve.throttle import client_address

    assert client_address(peer, forwarded, trusted) == client
