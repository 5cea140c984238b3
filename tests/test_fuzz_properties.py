"""Property tests over every reader, repair, structure and every extractor.

Whatever bytes or text come in, a reader returns a well-formed RawDocument or
raises an ``InputError``; repair returns a CleanDocument whose map points into
the source; structure and every finder return facts whose spans lie in the
text. Nothing else may escape. The inputs are hypothesis's, built near the
formats (markup from tags and words of our test letters, ZIPs with Word
parts, PDFs and images with bytes changed), so they get past the first check.
"""

from __future__ import annotations

import dataclasses
import io
import os
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from artikel100.errors import InputError
from artikel100.extract.commitments import find_commitments
from artikel100.extract.contributions import find_contributions
from artikel100.extract.costs import find_costs
from artikel100.extract.dates import find_dates, find_periods, parse_letter_date
from artikel100.extract.events import find_events
from artikel100.extract.missions import find_missions, mission_mentions
from artikel100.extract.numbers import find_changes, find_quantities, parse_number
from artikel100.extract.references import find_citations, find_references
from artikel100.extract.risks import find_findings, find_risks
from artikel100.extract.sentences import block_lines, split_sentences
from artikel100.extract.units import find_places, find_units
from artikel100.model import Page, RawDocument
from artikel100.read import read_document
from artikel100.read.image import _frame_loader, _open
from artikel100.read.ocr import image_to_pgm
from artikel100.repair import repair
from artikel100.structure import structure
from bad_inputs import LETTER, _letter_pdf, document_xml, docx_bytes, _word
from letters_corpus import letters

# ARTIKEL100_FUZZ_EXAMPLES=5000 for a long run by hand; the suite's run is short.
FUZZ = settings(max_examples=int(os.environ.get("ARTIKEL100_FUZZ_EXAMPLES", "120")), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
WORK = Path(tempfile.mkdtemp(prefix="artikel100-props-"))

WORDS = sorted({w for letter in letters()[::9] for w in letter.clean_text.split()})
NOISE = ["\n", "\n\n", "\f", " - ", "\u00ad", "-\n", "1", "2.", "€", "(cid:3)", "\ufffe", "nr.", "’", "\t", ",", "."]
word = st.one_of(st.sampled_from(WORDS), st.sampled_from(NOISE), st.text(max_size=6))
texts = st.lists(word, max_size=150).map(" ".join)


@pytest.fixture(autouse=True)
def _no_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    # Readers hand pages to tesseract; here that is a missing binary (an InputError),
    # and the image decoders are driven directly below.
    monkeypatch.setenv("ARTIKEL100_TESSERACT", "tesseract-absent-in-property-tests")


def _read(data: bytes, suffix: str) -> RawDocument | None:
    path = WORK / f"input{suffix}"
    path.write_bytes(data)
    try:
        raw = read_document(path)
    except InputError as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
        return None
    assert raw.pages and raw.path == path
    for page in raw.pages:
        assert "\f" not in page.text and "\x00" not in page.text
    return raw


# --- readers -----------------------------------------------------------------------


@FUZZ
@given(st.one_of(st.binary(max_size=3000), st.tuples(texts, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-32", "cp1252", "mac_roman"])).map(lambda t: t[0].encode(t[1], "replace"))))
def test_text_reader_reads_any_bytes_or_refuses_them(data: bytes) -> None:
    _read(data, ".txt")


TAGS = ["p", "div", "span", "table", "tr", "td", "sup", "a", "li", "ol", "script", "style", "h2", "br", "noot", "al", "brief", "kop", "ondertekening", "functie", "naam"]


def _markup(children: list, tag: str, attr: str) -> str:
    return f"<{tag}{attr}>" + "".join(children) + f"</{tag}>"


markup = st.recursive(
    st.one_of(texts, st.sampled_from(["&amp;", "&nbsp;", "<br>", "<!-- x -->", "</p>", "<p", "&#0;", "]]>"])),
    lambda inner: st.builds(_markup, st.lists(inner, max_size=4), st.sampled_from(TAGS),
                            st.sampled_from(["", ' class="broodtekst"', ' class="noot"', ' id="broodtekst"', ' class="ondertekening"', ' href="#n1"'])),
    max_leaves=30,
)


@FUZZ
@given(markup, st.sampled_from(["<!DOCTYPE html><html><body>{}</body></html>", '<?xml version="1.0"?><kamerstuk><stuk>{}</stuk></kamerstuk>', "<html>{}", "{}"]))
def test_html_and_xml_readers_read_any_markup_or_refuse_it(body: str, frame: str) -> None:
    _read(frame.format(body).encode("utf-8"), ".html")


@FUZZ
@given(st.lists(texts, max_size=8), st.dictionaries(st.sampled_from(["word/footnotes.xml", "word/styles.xml", "[Content_Types].xml", "_rels/.rels", "docProps/app.xml"]), st.binary(max_size=300), max_size=3), st.booleans())
def test_docx_reader_reads_any_word_package_or_refuses_it(paragraphs: list[str], extra: dict[str, bytes], plain: bool) -> None:
    data = _word(document_xml([p for p in paragraphs if not p.startswith("&")]))
    if extra:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = {name: zf.read(name) for name in zf.namelist()}
        parts.update(extra)
        data = docx_bytes(parts, zipfile.ZIP_STORED if plain else zipfile.ZIP_DEFLATED)
    _read(data, ".docx")


def _mutate(seed: bytes, edits: list[tuple[int, int]], cut: int | None, insert: bytes) -> bytes:
    data = bytearray(seed)
    for at, value in edits:
        data[at % len(data)] = value
    if insert:
        at = edits[0][0] % len(data) if edits else len(data) // 2
        data[at:at] = insert
    if cut is not None:
        data = data[: max(1, cut % len(data))]
    return bytes(data)


mutations = st.tuples(
    st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), max_size=12),
    st.one_of(st.none(), st.integers(0, 1 << 20)),
    st.sampled_from([b"", b"\x00" * 8, b"obj", b"endstream", b"<< /Type /Page >>", b"99999999 0 R", b"%%EOF", b"/FlateDecode"]),
)
PDF_SEED = _letter_pdf()


@FUZZ
@given(mutations)
def test_pdf_reader_reads_any_damaged_pdf_or_refuses_it(mutation) -> None:  # noqa: ANN001
    _read(_mutate(PDF_SEED, *mutation), ".pdf")


def _image_seeds() -> dict[str, bytes]:
    from PIL import Image, ImageDraw

    page = Image.new("L", (64, 48), 255)
    ImageDraw.Draw(page).text((2, 2), "Brief", fill=0)
    seeds = {}
    for fmt in ("PNG", "TIFF", "JPEG", "GIF", "BMP", "WEBP"):
        out = io.BytesIO()
        (page.convert("RGB") if fmt == "JPEG" else page).save(out, fmt)
        seeds[fmt] = out.getvalue()
    return seeds


IMAGE_SEEDS = _image_seeds()


@FUZZ
@given(st.sampled_from(sorted(IMAGE_SEEDS)), mutations)
def test_image_reader_decodes_any_damaged_image_or_refuses_it(fmt: str, mutation) -> None:  # noqa: ANN001
    data = _mutate(IMAGE_SEEDS[fmt], *mutation)
    _read(data, ".img")
    path = WORK / "frame.img"
    path.write_bytes(data)
    try:
        image = _open(path)
    except InputError:
        return
    try:
        for index in range(min(getattr(image, "n_frames", 1), 3)):
            try:
                frame = _frame_loader(image, index)()
            except RuntimeError:
                continue  # a damaged frame: the reader records it as a failed page
            assert image_to_pgm(frame).startswith(b"P5")
    finally:
        image.close()


# --- repair, structure and the extractors ------------------------------------------------


pages = st.lists(texts, min_size=1, max_size=4)


def _raw(page_texts: list[str], flowing: bool, fmt: str) -> RawDocument:
    return RawDocument(path=None, format=fmt, pages=[Page(i + 1, t.replace("\f", "\n"), "text") for i, t in enumerate(page_texts)], flowing=flowing)


def _spans_in(value: object, length: int) -> None:
    """Every (start, end) span anywhere in a fact lies within the text."""
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            _spans_in(getattr(value, f.name), length)
    elif isinstance(value, dict):
        for v in value.values():
            _spans_in(v, length)
    elif isinstance(value, (list, tuple)):
        if len(value) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in value):
            assert 0 <= value[0] <= value[1] <= length, value
        else:
            for v in value:
                _spans_in(v, length)


@FUZZ
@given(pages, st.booleans(), st.sampled_from(["text", "pdf", "html", "docx"]))
def test_repair_maps_every_clean_offset_into_the_source(page_texts: list[str], flowing: bool, fmt: str) -> None:
    raw = _raw(page_texts, flowing, fmt)
    doc = repair(raw)
    source = len(raw.source_text)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.text)
    for c0, c1, s0, s1 in doc.offsets.segments:
        assert 0 <= c0 <= c1 <= len(doc.text) and 0 <= s0 <= s1 <= source
    for offset in range(0, len(doc.text) + 1, 37):
        assert 0 <= doc.offsets.to_source(offset) <= source
        assert 1 <= doc.page_of(offset) <= len(raw.pages)
    for note in doc.footnotes:
        assert 0 <= note.start <= note.end <= len(doc.text)


@FUZZ
@given(pages, st.booleans(), st.sampled_from([None, date(2001, 1, 1), date(2024, 11, 22), date(2099, 12, 31)]))
def test_structure_and_every_finder_give_spans_inside_the_text(page_texts: list[str], flowing: bool, letter_date: date | None) -> None:
    doc = repair(_raw(page_texts, flowing, "text"))
    text, n = doc.text, len(doc.text)
    info = structure(doc)
    _spans_in(info.letter, n)
    assert 0 <= info.body_end <= n
    letter_date = info.letter_date or letter_date
    sentences = split_sentences(doc, info.body_end)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    body = [x for x in sentences if x.footnote is None]
    mentions = mission_mentions(text)
    _spans_in(find_missions(text), n)
    _spans_in(find_contributions(sentences, mentions, letter_date, info.body_end, lambda _o: None, block_lines(doc)), n)
    _spans_in(find_costs(body, text), n)
    _spans_in(find_references(text, {f.number: (f.start, f.end) for f in doc.footnotes}), n)
    _spans_in(find_citations(text), n)
    _spans_in(find_commitments(sentences, letter_date), n)
    _spans_in(find_events(sentences, letter_date), n)
    _spans_in(find_risks(body, lambda _o: None), n)
    _spans_in(find_findings(body, lambda _o: None), n)


@FUZZ
@given(texts, st.sampled_from([None, date(1999, 2, 28), date(2024, 2, 29)]))
def test_the_date_number_unit_and_place_finders_take_any_text(text: str, letter_date: date | None) -> None:
    n = len(text)
    for mention in find_dates(text, letter_date):
        assert 0 <= mention.start <= mention.end <= n
    _spans_in(find_periods(text, letter_date), n)
    _spans_in(find_quantities(text), n)
    _spans_in(find_changes(text), n)
    _spans_in(find_units(text), n)
    _spans_in(find_places(text), n)
    found = parse_letter_date(text)
    assert found is None or 0 <= found[1] <= found[2] <= n
    for token in text.split()[:20]:
        parse_number(token)


def test_property_inputs_reach_past_the_first_check() -> None:
    # The strategies are worth their time only if readers accept what they start from.
    assert _read(LETTER.encode("utf-16"), ".txt") is not None
    assert _read(_word(document_xml(LETTER.split("\n\n"))), ".docx") is not None
    assert _read(PDF_SEED, ".pdf") is not None


FOUND = Path(__file__).resolve().parent / "fixtures" / "fuzz"


def test_a_gif_whose_later_frame_is_a_pixel_bomb_is_refused_at_once() -> None:
    # Found by bench/fuzz_readers.py: a 96 x 64 GIF whose third frame claims 239 million
    # pixels; Pillow only warned and spent 37 s and 1.4 GB decoding it.
    import time

    started = time.monotonic()
    image = _open(FOUND / "gif-frame-bomb.gif")
    errors = []
    try:
        for index in range(image.n_frames):  # in order, as the reader loads them
            try:
                _frame_loader(image, index)()
            except RuntimeError as exc:
                errors.append(str(exc))
    finally:
        image.close()
    assert "decompression bomb" in errors[-1]
    assert time.monotonic() - started < 5
