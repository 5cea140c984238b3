"""The bad-input corpus (tests/bad_inputs.py): one line naming the file and the problem,
exit status 2, nothing stored changed; a folder of such files is ingested past them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from artikel100.cli import main
from artikel100.store import ingest, open_registry
from artikel100.store import schema as s
from bad_inputs import CASES, LETTER, build
from letters_corpus import letters

HAS_TESSERACT = shutil.which("tesseract") is not None
ROOT = os.geteuid() == 0
# Root reads any file; without these two capabilities it is refused like anyone else.
NO_FILE_CAPABILITIES = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def _skip_unless_possible(case) -> None:  # noqa: ANN001
    if case.needs == "tesseract" and not HAS_TESSERACT:
        pytest.skip("the file is only known to hold no text after OCR: tesseract is not installed")
    if case.needs == "no-root" and ROOT and shutil.which("setpriv") is None:
        pytest.skip("root reads every file and setpriv is missing to drop that")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build(tmp_path_factory.mktemp("bad"))


def _cli(args: list[str], unprivileged: bool = False) -> tuple[int, str, str]:
    """Run ``artikel100 ARGS`` in this process, or as a real process without root's file rights."""
    if unprivileged:
        cmd = [sys.executable, "-m", "artikel100", *args]
        proc = subprocess.run((NO_FILE_CAPABILITIES if ROOT else []) + cmd, capture_output=True, text=True, timeout=300)
        return proc.returncode, proc.stdout, proc.stderr
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def _one_line(stderr: str, path: Path, expect: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"artikel100: {path}: "), lines[0]
    assert expect in lines[0], lines[0]
    assert "Traceback" not in stderr
    return lines[0]


def test_the_corpus_has_at_least_40_files_of_every_kind_the_issue_lists() -> None:
    names = {c.name for c in CASES}
    assert len(CASES) >= 40
    for kind in ("empty", "binary", "pdf-truncated", "pdf-encrypted", "pdf-image-only-no-text", "pdf-1000-pages",
                 "pdf-junk-text-layer", "docx-zip-bomb", "docx-zip-of-text", "xml-external-entity",
                 "xml-billion-laughs", "html-only-scripts", "100-mb-of-text", "one-20-mb-line", "nul-bytes-only",
                 "english-letter", "french-letter", "german-letter", "dutch-news-article", "dutch-law",
                 "symlink-loop", "no-read-permission", "directory-named-like-a-file"):
        assert kind in names


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_bad_file_is_refused_in_one_line_naming_it_with_exit_2(case, corpus) -> None:  # noqa: ANN001
    _skip_unless_possible(case)
    path = corpus[case.name]
    status, _, stderr = _cli(["read", str(path)], unprivileged=case.needs == "no-root")
    assert status == 2
    line = _one_line(stderr, path, case.expect)
    assert "root:" not in line  # nothing of /etc/passwd came through an entity


def _dump(url: str) -> dict[str, list[tuple]]:
    """Every stored row, in a stable order."""
    with open_registry(url) as reg, reg.engine.connect() as conn:
        return {
            t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
            for t in (s.letters, s.source_files, s.letter_texts, s.facts, s.commitment_marks)
        }


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite registry holding two real letters."""
    url = str(tmp_path_factory.mktemp("reg") / "registry.db")
    with open_registry(url) as reg:
        report = ingest(reg, [letters()[0].path("clean"), letters()[1].path("pdf")], jobs=1)
    assert report.count("added") == 2
    return url


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_ingesting_each_bad_file_changes_nothing_stored(case, corpus, stored) -> None:  # noqa: ANN001
    _skip_unless_possible(case)
    path = corpus[case.name]
    if path.is_dir():
        pytest.skip("a folder is ingested as the letters in it: see the folder test")
    before = _dump(stored)
    status, _, stderr = _cli(["ingest", str(path), "--db", stored, "-j", "1"], unprivileged=case.needs == "no-root")
    assert status == 2
    lines = [ln for ln in stderr.splitlines() if ln.startswith("artikel100:")]
    assert len(lines) == 1 and lines[0].startswith(f"artikel100: {path}: ") and case.expect in lines[0], stderr
    assert "Traceback" not in stderr
    assert _dump(stored) == before


def test_ingest_of_a_folder_of_bad_files_goes_on_with_the_rest(db_url, tmp_path) -> None:  # noqa: ANN001
    folder = tmp_path / "post"
    paths = build(folder, [c for c in CASES if c.needs != "tesseract" or HAS_TESSERACT])
    good = [letters()[2].path("clean"), letters()[3].path("pdf")]
    for path in good:
        shutil.copy(path, folder / path.name)
    with open_registry(db_url) as reg:
        ingest(reg, [letters()[0].path("clean")], jobs=1)
    before = _dump(db_url)

    status, stdout, stderr = _cli(["ingest", str(folder), "--db", db_url, "-j", "2"], unprivileged=True)
    assert status == 2
    assert "Traceback" not in stderr + stdout
    lines = [ln for ln in stderr.splitlines() if ln.startswith("artikel100:")]
    from artikel100.store.ingest import is_letter_file

    expected = {p for p in paths.values()
                if p.parent == folder and (p.exists() or p.is_symlink()) and not p.is_dir() and is_letter_file(p)}
    expected |= {folder / "lus-b.txt"}  # the other half of the loop
    named = {Path(ln.split(": ", 2)[1]) for ln in lines}
    assert named == expected
    assert len(lines) == len(expected)  # one line each
    after = _dump(db_url)
    assert after["letters"][: len(before["letters"])] == before["letters"]  # the letter stored before is untouched
    assert len(after["letters"]) == len(before["letters"]) + 2  # and the two good letters went in
    assert {Path(r[3]).name for r in after["source_files"]} >= {p.name for p in good}


def test_a_file_that_vanishes_while_a_batch_reads_it_is_one_failed_file(tmp_path) -> None:
    folder = tmp_path / "post"
    folder.mkdir()
    for i in range(3):
        (folder / f"brief-{i}.txt").write_text(LETTER.replace("14 maart", f"{14 + i} maart"), encoding="utf-8")

    def vanish(outcome) -> None:  # noqa: ANN001
        (folder / "brief-1.txt").unlink(missing_ok=True)  # after the batch has listed and hashed it

    with open_registry(tmp_path / "r.db") as reg:
        report = ingest(reg, [folder], jobs=1, on_file=vanish)
    assert [f.outcome for f in report.files] == ["added", "failed", "added"]
    assert report.files[1].error == f"{folder / 'brief-1.txt'}: the file vanished while it was being read"


ACCENTED = LETTER.replace("Met deze brief", "Met deze brief over de beëindiging van één coördinatiecel (café-overleg, € 2 mln.)")
ENCODINGS = [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b""), ("utf-16-le", b"\xff\xfe"),
             ("utf-16-be", b""), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b""), ("utf-32-le", b"\xff\xfe\x00\x00"),
             ("utf-32-be", b"\x00\x00\xfe\xff"), ("cp1252", b""), ("iso8859_15", b""), ("mac_roman", b""), ("cp850", b"")]


@pytest.mark.parametrize(("encoding", "bom"), ENCODINGS, ids=lambda v: v if isinstance(v, str) else ("bom" if v else "no-bom"))
def test_a_letter_in_every_encoding_it_may_come_in_reads_exactly(encoding, bom, tmp_path) -> None:  # noqa: ANN001
    from artikel100.read import read_document

    text = ACCENTED if encoding != "cp850" else ACCENTED.replace("€", "EUR")  # DOS had no euro sign
    path = tmp_path / "brief.txt"
    path.write_bytes(bom + text.encode(encoding))
    assert read_document(path).source_text.strip() == text.strip()


def test_a_letter_in_html_with_scripts_is_read_without_them(tmp_path) -> None:  # noqa: ANN001
    from artikel100.read import read_document

    body = "".join(f"<p>{p}</p>" for p in LETTER.split("\n\n"))
    path = tmp_path / "brief.html"
    path.write_text(f"<!DOCTYPE html><html><head><script>var x = 'Kamerstuk 1';</script></head><body>"
                    f"<script>document.write('geheim')</script>{body}<p onclick=\"alert(1)\">Slot.</p></body></html>", encoding="utf-8")
    text = read_document(path).source_text
    assert "Geachte voorzitter" in text and "Slot." in text
    assert "geheim" not in text and "document.write" not in text and "alert" not in text and "var x" not in text
