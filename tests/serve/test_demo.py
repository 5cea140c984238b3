"""The README's first command: ``artikel100 demo --serve`` leads to a filled site."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[2]


def test_demo_serve_shows_the_examples_deployments() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in ("ARTIKEL100_TOKEN", "ARTIKEL100_DB")}
    proc = subprocess.Popen([sys.executable, "-m", "artikel100", "demo", "--serve", "--port", str(port)], cwd=REPO,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        html = ""
        deadline = time.time() + 240
        while time.time() < deadline:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/", timeout=30)
                if r.status_code == 200:
                    html = r.text
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None, proc.stdout.read().decode()  # type: ignore[union-attr]
            time.sleep(0.5)
        assert "Wat Nederland vandaag heeft ingezet" in html and "Demo:" in html
        deployed = html.split('id="ingezet"')[1].split('id="termijnen"')[0]
        assert "Kosovo Force" in deployed or "Baltic Air Policing" in deployed or "NATO Mission Iraq" in deployed
        letters = httpx.get(f"http://127.0.0.1:{port}/api/letters", timeout=30).json()
        assert letters["total"] >= 3
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
