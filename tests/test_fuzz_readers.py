"""The coverage-guided fuzzer over the readers (bench/fuzz_readers.py), run for a bounded time:
no input it makes may escape as anything but a one-line InputError."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "fuzz_readers.py"


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed (pip install -e '.[test]')")
def test_a_minute_of_fuzzing_the_readers_finds_no_crash(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, str(SCRIPT), "--seconds", "60", "--no-write", "--keep", str(tmp_path)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    summary = proc.stdout.strip().splitlines()[-1]
    assert summary.startswith("fuzz_readers: ") and " 0 crashes" in summary, proc.stdout
    inputs = int(summary.split()[1].replace(",", ""))
    assert inputs > 500, summary  # it did fuzz, past the seeds
