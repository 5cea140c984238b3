"""Resource limits per file (read/limits.py): each is reported in one line when hit, a batch
goes on past the file, and the bombs of the corpus are refused in bounded memory and time."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw

from artikel100.cli import main
from artikel100.read.limits import ENV_LIMITS, Limits, limits
from artikel100.store import ingest, open_registry
from bad_inputs import CASES, LETTER, build

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")


def _scan(path: Path, pages: int = 1) -> Path:
    """A page image of the letter, as a scanner gives it."""
    frames = []
    for _ in range(pages):
        page = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(page)
        for i, line in enumerate(LETTER.splitlines()[:12]):
            draw.text((80, 80 + 40 * i), line[:80], fill=0)
        frames.append(page)
    frames[0].save(path, save_all=True, append_images=frames[1:], dpi=(150, 150))
    return path


def _read_line(path: Path) -> str:
    result = CliRunner().invoke(main, ["read", str(path)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"artikel100: {path}: "), result.stderr
    return lines[0]


def test_limits_come_from_the_environment_and_bad_values_are_ignored(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv(ENV_LIMITS, "max_pages=7, ocr_page_timeout_s=2.5,max_chars=oops,nonsense=3,max_bytes=-1")
    got = limits()
    assert got.max_pages == 7 and got.ocr_page_timeout_s == 2.5
    assert got.max_chars == Limits().max_chars and got.max_bytes == Limits().max_bytes


@needs_tesseract
def test_a_page_over_the_ocr_timeout_is_reported_in_one_line(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    monkeypatch.setenv(ENV_LIMITS, "ocr_page_timeout_s=0.01")
    line = _read_line(_scan(tmp_path / "scan.png"))
    assert "OCR failed on every page (tesseract took more than 0.01 s on the page)" in line


@needs_tesseract
def test_a_file_over_its_ocr_budget_is_reported_in_one_line(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    monkeypatch.setenv(ENV_LIMITS, "ocr_file_budget_s=0.01")
    line = _read_line(_scan(tmp_path / "scan.tif", pages=8))
    assert "OCR took more than 0.01 s for the file" in line


def test_every_limit_is_named_in_one_line_when_lowered(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    text = tmp_path / "brief.txt"
    text.write_text(LETTER, encoding="utf-8")
    for spec, words in (("max_bytes=100", "letters are at most"), ("max_text_bytes=100", "text letters are at most"),
                        ("max_chars=100", "a letter has at most 100"), ("max_line_chars=50", "lines have at most 50")):
        monkeypatch.setenv(ENV_LIMITS, spec)
        assert words in _read_line(text)


@needs_tesseract
def test_ingest_of_a_folder_with_files_over_a_limit_goes_on_with_the_rest(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    folder = tmp_path / "post"
    folder.mkdir()
    _scan(folder / "scan.png")
    (folder / "brief.txt").write_text(LETTER, encoding="utf-8")
    build(folder, [c for c in CASES if c.name in ("pdf-1000-pages", "docx-zip-bomb", "pdf-stream-bomb", "tiff-600-pages")])
    monkeypatch.setenv(ENV_LIMITS, "ocr_page_timeout_s=0.01")
    with open_registry(tmp_path / "r.db") as reg:
        report = ingest(reg, [folder], jobs=2)
    outcomes = {Path(f.path).name: f.outcome for f in report.files}
    assert outcomes.pop("brief.txt") == "added"
    assert set(outcomes.values()) == {"failed"} and len(outcomes) == 5
    assert all("\n" not in f.error and f.error.startswith(f.path + ": ") for f in report.failed)


_MEASURE = """
import resource, sys
from artikel100.errors import InputError
from artikel100.read import read_document
before = resource.getrusage(resource.RUSAGE_SELF)  # after the imports: their memory is not the file's
try:
    read_document(sys.argv[1])
except InputError as exc:
    print(exc)
after = resource.getrusage(resource.RUSAGE_SELF)
cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
print(cpu, (after.ru_maxrss - before.ru_maxrss) // 1024)
"""


@pytest.mark.parametrize("name", ["pdf-stream-bomb", "docx-zip-bomb", "docx-zip-bomb-forged-sizes", "png-pixel-bomb",
                                  "100-mb-of-text", "one-1.5-mb-line", "pdf-1000-pages", "tiff-600-pages"])
def test_a_bomb_is_refused_within_bounded_memory_and_time(name, tmp_path) -> None:  # noqa: ANN001
    path = build(tmp_path, [c for c in CASES if c.name == name])[name]
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, timeout=300).stdout
    error, measures = out.strip().splitlines()
    seconds, megabytes = float(measures.split()[0]), int(measures.split()[1])
    assert error.startswith(f"{path}: ")
    assert megabytes < 300, f"{name}: {megabytes} MB more than after the imports"
    assert seconds < 5, f"{name}: {seconds:.1f} s of CPU"  # CPU time: the wall clock moves with the machine's load
