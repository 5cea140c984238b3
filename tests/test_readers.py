"""Every reader on real files: the right words, pages, page numbers and methods."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from artikel100.read import read_document
from artikel100.read.pdf import text_layer_is_usable
from artikel100.read.text import decode_text

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
_spec = importlib.util.spec_from_file_location("reader_fixtures", FIXTURES / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)  # type: ignore[union-attr]

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")


@pytest.fixture(scope="session")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build.build_all(tmp_path_factory.mktemp("readers"))


def _words(text: str) -> str:
    return " ".join(text.split())


# --- PDF with a text layer -------------------------------------------------


def test_pdf_text_layer_gives_one_page_per_pdf_page_with_lines_as_laid_out(files):
    doc = read_document(files["pdf"])
    assert doc.format == "pdf"
    assert [p.number for p in doc.pages] == [1, 2]
    assert [p.method for p in doc.pages] == ["pdf-text", "pdf-text"]
    lines = doc.pages[0].text.split("\n")
    assert lines[0] == build.PAGE_1[0]
    assert "met juni 2025. Het gaat om een infanteriecompagnie van circa 145" in lines
    assert "Financiën" in doc.pages[1].text and "geïntegreerde" in doc.pages[1].text
    assert not doc.flowing and not doc.warnings


def test_pdf_text_layer_keeps_empty_lines_between_paragraphs(files):
    text = read_document(files["pdf"]).pages[0].text
    assert "Den Haag, 22 november 2024\n\nMet deze brief" in text
    assert "\n\nContextanalyse\n\n" in text


def test_page_of_maps_source_offsets_to_pdf_pages(files):
    doc = read_document(files["pdf"])
    source = doc.source_text
    assert doc.page_of(source.index("Bagdad")) == 1
    assert doc.page_of(source.index("18,3")) == 2
    assert doc.page_of(source.index("Brekelmans")) == 2


def test_text_layer_check_rejects_empty_cid_symbol_and_shifted_font_junk():
    good = " ".join(build.PAGE_1 + build.PAGE_2)
    assert text_layer_is_usable(good)
    assert not text_layer_is_usable("   \n  ")
    assert not text_layer_is_usable("(cid:12)(cid:45)(cid:3) (cid:77)(cid:8)")
    assert not text_layer_is_usable("!#$%& *+,-./ :;<=>? @[]^_ {|}~ " * 5)
    shifted = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if "a" <= c <= "z" else c for c in good.lower())
    assert not text_layer_is_usable(shifted)
    # A stamp in the layer of a full-page scan is too little for a page.
    assert not text_layer_is_usable("Ingekomen 23 nov 2024", image_coverage=1.0)
    assert text_layer_is_usable(good, image_coverage=1.0)


# --- OCR: scanned PDF, mixed PDF, images ----------------------------------------


@pytest.mark.ocr
@needs_tesseract
def test_scanned_pdf_is_ocrd_page_by_page(files):
    doc = read_document(files["scan_pdf"])
    assert doc.format == "pdf"
    assert [(p.number, p.method) for p in doc.pages] == [(1, "ocr"), (2, "ocr")]
    assert "infanteriecompagnie van circa 145" in _words(doc.pages[0].text)
    assert "Budget Internationale Veiligheid" in _words(doc.pages[1].text)
    assert doc.page_of(doc.source_text.index("Brekelmans")) == 2
    assert "\f" not in doc.pages[0].text  # tesseract's page-end form feed is not ours


@pytest.mark.ocr
@needs_tesseract
def test_pdf_with_one_scanned_page_ocrs_only_that_page(files):
    doc = read_document(files["mixed_pdf"])
    assert [p.method for p in doc.pages] == ["pdf-text", "ocr"]
    assert doc.pages[0].text.startswith(build.PAGE_1[0])
    assert "geraamd op 18,3" in _words(doc.pages[1].text)


@pytest.mark.ocr
@needs_tesseract
def test_scanned_page_under_a_junk_text_layer_is_ocrd_instead(files):
    doc = read_document(files["junk_layer_pdf"])
    assert doc.pages[1].method == "ocr"
    assert "Ilqdqflsq" not in doc.pages[1].text
    assert "Financiën" in doc.pages[1].text


@pytest.mark.ocr
@needs_tesseract
@pytest.mark.parametrize("name", ["png", "jpeg"])
def test_single_page_image_is_ocrd_into_one_page(files, name):
    doc = read_document(files[name])
    assert doc.format == "image"
    assert [(p.number, p.method) for p in doc.pages] == [(1, "ocr")]
    text = _words(doc.pages[0].text)
    assert "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal" in text
    assert "NAVO Missie Irak" in text


@pytest.mark.ocr
@needs_tesseract
def test_multipage_tiff_gives_one_page_per_frame(files):
    doc = read_document(files["tiff"])
    assert [p.number for p in doc.pages] == [1, 2]
    assert "weerbarstig" in doc.pages[0].text
    assert "Brekelmans" in doc.pages[1].text
    assert doc.page_of(doc.source_text.index("Brekelmans")) == 2


@pytest.mark.ocr
@needs_tesseract
def test_image_is_read_by_content_whatever_its_extension(files, tmp_path):
    disguised = tmp_path / "brief.txt"
    disguised.write_bytes(files["png"].read_bytes())
    assert read_document(disguised).format == "image"


# --- HTML and XML from officielebekendmakingen.nl ------------------------------

EXPECTED_KAMERSTUK = [
    "27 925 Bestrijding internationaal terrorisme",
    "Nr. 946",
    "BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE",
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
    "Den Haag, 29 september 2023",
]


@pytest.mark.parametrize("name, fmt", [("kst-27925-946.html", "html"), ("kst-27925-946.xml", "xml")])
def test_kamerstuk_markup_gives_flowing_text_with_header_first(name, fmt):
    doc = read_document(FIXTURES / name)
    assert doc.format == fmt and doc.flowing
    assert len(doc.pages) == 1 and doc.pages[0].method == fmt
    blocks = doc.source_text.split("\n\n")
    assert blocks[: len(EXPECTED_KAMERSTUK)] == EXPECTED_KAMERSTUK
    assert "Politieke context" in blocks
    assert "1. Militaire aspecten" in blocks
    assert "– een detachement van vier transporthelikopters." in blocks
    assert "Staf\t12,5" in blocks
    assert all("\n" not in b for b in blocks[:-4])  # a paragraph is one line


@pytest.mark.parametrize("name", ["kst-27925-946.html", "kst-27925-946.xml"])
def test_kamerstuk_footnotes_move_to_the_end_and_markers_leave_the_body(name):
    text = read_document(FIXTURES / name).source_text
    assert "(NMI) te leveren. Nederland levert daarnaast" in text
    assert "voort te zetten.\n\n" in text
    assert text.endswith("1 Kamerstuk 27 925, nr. 943.\n\n2 Zie ook het verslag van de NAVO-top in Vilnius, juli 2023.")


@pytest.mark.parametrize("name", ["kst-27925-946.html", "kst-27925-946.xml"])
def test_kamerstuk_signatures_are_role_line_then_name_line(name):
    blocks = read_document(FIXTURES / name).source_text.split("\n\n")
    assert "De Minister van Buitenlandse Zaken,\nH.G.J. Bruins Slot" in blocks
    assert "De Minister van Defensie,\nK.H. Ollongren" in blocks


def test_html_and_xml_of_the_same_kamerstuk_read_the_same():
    html = read_document(FIXTURES / "kst-27925-946.html").source_text
    xml = read_document(FIXTURES / "kst-27925-946.xml").source_text
    assert html == xml


def test_site_navigation_and_metadata_stay_out_of_the_letter():
    text = read_document(FIXTURES / "kst-27925-946.html").source_text
    for chrome in ("Direct naar content", "Home", "Printen", "Metagegevens", "Overheid.nl", "dataLayer"):
        assert chrome not in text


# --- DOCX -------------------------------------------------------------------------


def test_docx_gives_flowing_paragraphs_table_rows_and_signature(files):
    doc = read_document(files["docx"])
    assert doc.format == "docx" and doc.flowing
    blocks = doc.source_text.split("\n\n")
    assert blocks[:2] == ["Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "Den Haag, 22 november 2024"]
    assert "Financiën" in blocks
    assert "Compagnie\t18,3 miljoen euro" in blocks
    assert "De minister van Defensie,\nRuben Brekelmans" in blocks


def test_docx_footnote_moves_to_the_end_and_its_marker_leaves_the_body(files):
    blocks = read_document(files["docx"]).source_text.split("\n\n")
    assert "Het kabinet verlengt de bijdrage aan de NAVO Missie Irak tot en met juni 2025." in blocks
    assert blocks[-1] == f"1 {build.FOOTNOTE}"


# --- Plain text in legacy encodings ---------------------------------------------


@pytest.mark.parametrize("name", ["cp1252", "utf16", "utf16le"])
def test_text_in_windows_encodings_keeps_dutch_diacritics(files, name):
    doc = read_document(files[name])
    assert doc.format == "text"
    assert "geïntegreerde inzet: € 18,3 miljoen (financiën, coördinatie, café)" in doc.source_text


def test_decode_text_prefers_cp1252_for_dutch_windows_bytes():
    data = "Coördinatie van de financiën, één café".encode("cp1252")
    assert decode_text(data) == "Coördinatie van de financiën, één café"


def test_html_footnotes_in_nested_note_boxes_are_taken_once(tmp_path):
    path = tmp_path / "kst.html"
    path.write_text(
        '<!DOCTYPE html><html><body><div id="broodtekst">'
        '<p>Het kabinet verlengt de missie.<sup><a href="#n1">1</a></sup></p>'
        '<div class="noten"><ol class="noten"><li id="n1"><span class="nootnum">1</span> Kamerstuk 27 925, nr. 943.</li></ol></div>'
        "</div></body></html>",
        encoding="utf-8",
    )
    assert read_document(path).source_text == "Het kabinet verlengt de missie.\n\n1 Kamerstuk 27 925, nr. 943."


def test_xhtml_with_xml_declaration_is_read_as_html(tmp_path):
    path = tmp_path / "kst.xhtml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>'
        "<p>Aan de Voorzitter van de Tweede Kamer</p><p>Den Haag, 1 maart 2024</p></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.format == "html"
    assert doc.source_text == "Aan de Voorzitter van de Tweede Kamer\n\nDen Haag, 1 maart 2024"


def test_pdf_without_tesseract_keeps_text_pages_and_warns_for_the_scanned_one(files, monkeypatch):
    monkeypatch.setenv("ARTIKEL100_TESSERACT", "tesseract-not-installed-here")
    doc = read_document(files["mixed_pdf"])
    assert doc.pages[0].text.startswith(build.PAGE_1[0])
    assert doc.pages[1].text == ""
    assert len(doc.warnings) == 1 and "page 2" in doc.warnings[0] and "apt-get install" in doc.warnings[0]


def test_pdf_word_hyphenated_at_a_line_end_is_whole_after_repair():
    # pdfium marks the hyphen with U+FFFE and drops the line break after it; the typeset
    # kst letters break words such as "bij-drage" at line ends.
    from artikel100 import clean_file

    letters = Path(__file__).parent / "letters"
    pdf = next(letters.glob("106_*.pdf"))
    text = clean_file(pdf).text
    assert "Nederlandse bijdrage met ingang van 1 oktober" in text
    assert "bij-drage" not in text and "\ufffe" not in text


@pytest.mark.parametrize("mode", ["1", "L", "RGB", "RGBA", "P", "I;16"])
def test_every_image_mode_goes_to_tesseract_as_8_bit_grey(mode: str) -> None:
    from PIL import Image

    from artikel100.read.ocr import image_to_pgm

    data = image_to_pgm(Image.new(mode, (40, 30)))
    assert data.startswith(b"P5\n40 30\n255\n") and len(data) == len(b"P5\n40 30\n255\n") + 40 * 30
