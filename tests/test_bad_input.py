"""Bad input through the CLI: one line on stderr naming the file, exit 2, no traceback."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from artikel100.cli import main
from artikel100.errors import NotALetter
from artikel100.read.language import check_dutch, guess_language
from letters_corpus import SEED as SEED_STEM

SEED = SEED_STEM.with_suffix(".txt")


def _letter_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for page in range(3):
        c.drawString(72, 760, f"Pagina {page + 1}: het kabinet informeert uw Kamer over de missie.")
        c.showPage()
    c.save()
    return path


def _fails_with_one_line(path: Path) -> str:
    result = CliRunner().invoke(main, ["read", str(path)])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # ours, not an escaped exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"artikel100: {path}: ")
    assert "Traceback" not in result.output
    return lines[0]


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "leeg.pdf"
    path.touch()
    assert "empty" in _fails_with_one_line(path)


def test_binary_junk_is_refused(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_bytes(random.Random(0).randbytes(20_000))
    assert "binary" in _fails_with_one_line(path)


def test_truncated_pdf_is_refused(tmp_path):
    data = _letter_pdf(tmp_path / "full.pdf").read_bytes()
    for cut in (len(data) // 2, len(data) - 30):
        path = tmp_path / f"cut-{cut}.pdf"
        path.write_bytes(data[:cut])
        assert "truncated" in _fails_with_one_line(path)


def test_corrupt_pdf_is_refused(tmp_path):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(1).randbytes(5000) + b"\n%%EOF\n")
    assert "corrupt" in _fails_with_one_line(path)


def test_password_protected_pdf_is_refused(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "geheim.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("geheim", ownerPassword="eigenaar"))
    c.drawString(72, 760, "Vertrouwelijke brief over de missie.")
    c.showPage()
    c.save()
    assert "password" in _fails_with_one_line(path)


@pytest.mark.ocr
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_image_without_text_is_refused(tmp_path):
    path = tmp_path / "leeg.png"
    Image.new("L", (1654, 2339), 255).save(path)
    assert "no text" in _fails_with_one_line(path)


def test_truncated_image_is_refused(tmp_path):
    full = tmp_path / "full.png"
    Image.effect_noise((800, 800), 60).save(full)
    path = tmp_path / "cut.png"
    path.write_bytes(full.read_bytes()[:5000])
    assert "image" in _fails_with_one_line(path)


def test_fifty_megabyte_text_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "groot.txt"
    with path.open("wb") as fh:
        fh.write("Aan de Voorzitter van de Tweede Kamer\n".encode())
        fh.truncate(50 * 1024 * 1024)  # sparse: the size is what counts
    assert "50 MB" in _fails_with_one_line(path)


def test_directory_is_refused(tmp_path):
    assert "directory" in _fails_with_one_line(tmp_path)


def test_missing_file_is_refused(tmp_path):
    assert "no such file" in _fails_with_one_line(tmp_path / "bestaat-niet.pdf")


def test_old_word_doc_is_refused_with_advice(tmp_path):
    path = tmp_path / "brief.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))
    assert "save it as .docx or PDF" in _fails_with_one_line(path)


def test_corrupt_docx_is_refused(tmp_path):
    path = tmp_path / "brief.docx"
    path.write_bytes(b"PK\x03\x04" + b"word/document.xml" + random.Random(2).randbytes(3000))
    assert "DOCX" in _fails_with_one_line(path)


def test_html_without_letter_text_is_refused(tmp_path):
    path = tmp_path / "leeg.html"
    path.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    assert "no letter text" in _fails_with_one_line(path)


def test_real_process_prints_one_line_and_exits_2(tmp_path):
    path = tmp_path / "leeg.txt"
    path.touch()
    proc = subprocess.run([sys.executable, "-m", "artikel100", "read", str(path)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"artikel100: {path}: the file is empty"


# --- Language: the pipeline must call check_dutch after reading ---------------

ENGLISH = (
    "Dear Speaker, with this letter the government informs the House about the decision to extend "
    "the Dutch contribution to the NATO Mission Iraq until the end of June 2025. The company of about "
    "145 soldiers will protect the mission in Baghdad, and the costs of this extension are estimated "
    "at 18.3 million euros, which will be paid from the budget for international security."
)


def test_english_letter_is_not_dutch():
    with pytest.raises(NotALetter) as info:
        check_dutch(ENGLISH, "letter.txt")
    assert str(info.value) == "letter.txt: the text is not Dutch (looks like English)"


def test_german_letter_is_not_dutch():
    german = (
        "Mit diesem Schreiben informiert die Bundesregierung den Bundestag über die Verlängerung des "
        "Einsatzes der Bundeswehr im Irak. Die Kosten werden auf 18 Millionen Euro geschätzt und aus dem "
        "Haushalt für internationale Sicherheit bezahlt, wie es auch im letzten Jahr der Fall war. Der "
        "Auftrag ist nicht neu, und die Soldaten sind bei der Mission in Bagdad."
    )
    with pytest.raises(NotALetter, match="looks like German"):
        check_dutch(german, "brief.txt")


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed")
def test_dutch_letter_full_of_english_terms_passes():
    check_dutch(SEED.read_text(encoding="utf-8"), SEED)
    assert guess_language(SEED.read_text(encoding="utf-8"))[0] == "Dutch"


def test_dutch_letter_quoting_english_at_length_passes():
    dutch = (
        "Het kabinet heeft besloten de bijdrage aan de missie te verlengen. De Veiligheidsraad heeft "
        "daartoe een resolutie aangenomen, waarvan de kern hieronder wordt geciteerd. Wij informeren uw "
        "Kamer hierbij over de gevolgen voor de inzet van de krijgsmacht en de kosten die daarmee gemoeid zijn."
    )
    check_dutch(dutch + " " + ENGLISH[:200])


def test_short_text_is_not_judged():
    check_dutch("Thank you for your letter.")


def test_missing_tesseract_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setenv("ARTIKEL100_TESSERACT", "tesseract-not-installed-here")
    path = tmp_path / "scan.png"
    Image.new("L", (400, 400), 255).save(path)
    line = _fails_with_one_line(path)
    assert "apt-get install tesseract-ocr tesseract-ocr-nld" in line
