"""The letter's header in every publication layout: fields read, furniture gone, nothing leaking.

The letters in ``tests/letters_layouts`` are our own writing, each in one layout
real letters are published in (the official print, tweedekamer.nl, rijksoverheid.nl,
press wires, mirrors, docplayer, old letterheads), with the OCR'd render of each
(``render_ocr.py``) beside it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from artikel100 import process, process_text
from artikel100.structure import header_blocks
from letters_corpus import SHARED

LAYOUTS = Path(__file__).resolve().parent / "letters_layouts"
GOLDS = sorted(LAYOUTS.glob("*.gold.json"))
CASES = [(g, suffix) for g in GOLDS for suffix in (".txt", ".ocr.txt")]
REAL = SHARED / "real"
needs_real = pytest.mark.skipif(not (REAL / "gold.json").exists(), reason="needs ../shared/real")
# What sites print around a letter; none of it belongs in the cleaned text.
FURNITURE = (
    "Schrijft, screent", "[overzicht]", "Publicatiedatum", "Zoek soortgelijke", "Vindplaats", "Preview document",
    "Maat: px", "Transcriptie", "Postbus", "Telefoon", "Lees ook", "Deel:", "Kerngegevens", "Voortouwcommissie",
    "U bent hier", "Datum publicatie",
)


def _norm(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def _case_id(case: tuple[Path, str]) -> str:
    gold, suffix = case
    return gold.name[: -len(".gold.json")] + suffix


@pytest.fixture(scope="module")
def extracted() -> dict[Path, object]:
    return {}


def _result(path: Path, cache: dict):  # noqa: ANN202
    if path not in cache:
        cache[path] = process(path)
    return cache[path]


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_layout_letter_fields_are_read(case: tuple[Path, str], extracted: dict) -> None:
    gold_path, suffix = case
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result = _result(LAYOUTS / f"{gold['id']}{suffix}", extracted)
    letter = result.extraction.letter
    for field in ("date", "addressee", "kamerstuk", "title", "subject"):
        if field in gold["letter"]:
            assert getattr(letter, field) == gold["letter"][field], field
    assert sorted((_norm(s.name), s.role) for s in letter.signatories) == sorted(
        (_norm(s["name"]), s["role"]) for s in gold["letter"]["signatories"]
    )


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_layout_letter_references_and_costs(case: tuple[Path, str], extracted: dict) -> None:
    gold_path, suffix = case
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    extraction = _result(LAYOUTS / f"{gold['id']}{suffix}", extracted).extraction
    assert sorted(r.kamerstuk for r in extraction.references) == sorted(gold["references"])
    assert sorted({c.amount_eur for c in extraction.costs}) == sorted(float(x) for x in gold["costs_eur"])


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_site_furniture_and_header_lines_never_become_facts(case: tuple[Path, str], extracted: dict) -> None:
    gold_path, suffix = case
    stem = gold_path.name[: -len(".gold.json")]
    result = _result(LAYOUTS / f"{stem}{suffix}", extracted)
    text, extraction = result.document.text, result.extraction
    for junk in FURNITURE:
        assert junk not in text, junk
    blocks = header_blocks(result.document)
    assert blocks, "the header was not set apart"
    for kind in ("contributions", "costs", "references", "commitments", "events", "risks", "missions"):
        for fact in getattr(extraction, kind):
            for start, _ in fact.spans:
                inside = [b for b in blocks if b.start <= start < b.end]
                # a mission the letter's subject line names is one it mentions; nothing else comes from a header
                assert not inside or (kind == "missions" and inside[0].label in ("title", "subject", "site-subject", "site-title")), (
                    kind, text[inside[0].start : inside[0].end]
                )


def test_the_publication_date_of_a_mirror_is_not_the_letter_date() -> None:
    letter = process(LAYOUTS / "307_parlementairemonitor.txt").extraction.letter
    assert letter.date == "2012-03-02"  # Documentdatum; Publicatiedatum 15-03-2012 and the site's own date differ


def test_a_letter_that_opens_with_its_body_keeps_it() -> None:
    text = "Inleiding\n\nMet deze brief informeren wij u over de verlenging van de bijdrage aan UNIFIL tot eind 2025.\n"
    result = process_text(text)
    assert not header_blocks(result.document)
    assert result.document.text.startswith("Inleiding\n\nMet deze brief")
    assert result.document.blocks[0].kind == "heading"


def test_a_letter_without_blank_lines_gets_its_date_line_apart_from_the_body() -> None:
    text = (
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 14 maart 2025\n"
        "Op 27 januari jl. ontving uw Kamer het rapport over de inzet in Irak.\n"
    )
    result = process_text(text)
    labels = [b.label for b in header_blocks(result.document)]
    assert labels == ["addressee", "date"]
    assert result.extraction.letter.date == "2025-03-14"
    body = [b for b in result.document.blocks if b.kind == "paragraph"]
    assert result.document.text[body[0].start : body[0].end].startswith("Op 27 januari")


@pytest.mark.parametrize(
    ("header", "kamerstuk"),
    [
        ("29 521 Nederlandse deelname aan vredesmissies\nNr. 224\nBRIEF VAN DE MINISTER VAN DEFENSIE", "29521-224"),
        ("29 521 Nederlandse deelname aan vredesmissies\nAA\nBRIEF VAN DE MINISTER VAN DEFENSIE", "29521-AA"),
        ("29 521 Nederlandse deelname aan vredesmissies\nBK BRIEF VAN DE MINISTER VAN DEFENSIE", "29521-BK"),
        ("27 925\nBestrijding internationaal terrorisme\nnr. 315\nBRIEF VAN DE MINISTER VAN DEFENSIE", "27925-315"),
        ("36 200 X Vaststelling van de begrotingsstaten van het Ministerie van Defensie\nNr. 12\nBRIEF VAN DE MINISTER VAN DEFENSIE", "36200-X-12"),
        ("21 501-28 Defensieraad\nNr. 168\nBRIEF VAN DE MINISTER VAN DEFENSIE", "21501-28-168"),
    ],
)
def test_the_official_print_gives_the_letters_own_number(header: str, kamerstuk: str) -> None:
    text = f"{header}\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 2 mei 2024\n\nHierbij informeer ik u over de bijdrage.\n"
    letter = process_text(text).extraction.letter
    assert letter.kamerstuk == kamerstuk
    assert letter.title == "BRIEF VAN DE MINISTER VAN DEFENSIE"


def test_a_site_metadata_line_gives_the_letters_own_number_and_lets_the_header_follow() -> None:
    text = ("Brief regering : Inzet van douanepersoneel aan de grens van Estland\n"
            "Kamerstuk 30 821, nr. 212 | Vergaderjaar 2022-2023 | Datum brief: 03-02-2023 | Ministerie: Financiën\n"
            "30 821 Nationale douane\nNr. 212 BRIEF VAN DE MINISTER VAN DEFENSIE\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 3 februari 2023\n"
            "Hierbij informeer ik u over de bijdrage.\n")
    letter = process_text(text).extraction.letter
    assert (letter.kamerstuk, letter.date, letter.title) == ("30821-212", "2023-02-03", "BRIEF VAN DE MINISTER VAN DEFENSIE")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Den Haag,-21 september 2012", "2012-09-21"),  # OCR's hyphen for the comma
        ("Datum 7 hovember 2014", "2014-11-07"),  # OCR's month, one letter off
        ("Den Haag, 8Ā november 2023", "2023-11-08"),  # a mirror's garbled no-break space
        ("Kamerbrief | 27 april 2010", "2010-04-27"),
        ("Kamerbrief [-27 april 2010", "2010-04-27"),  # OCR's reading of the bar
        ("Den Haaäg,'4 april 2019", "2019-04-04"),
        ("16-10-2001", "2001-10-16"),
        ("Uw brief Uw kenmerk Ons nummer Datum\nDVB/CV-115/02 12 april 2002", "2002-04-12"),
        # the date of the letter answered comes first, the letter's own under "Datum" last
        ("Uw brief Uw kenmerk Ons nummer Datum\n3 maart 2002 2002Z04411 DVB/CV-115/02 12 april 2002", "2002-04-12"),
        ("Uw brief Uw kenmerk Ons nummer Datum\n3 maart 2002 2002204411 DVB/CV-115/02 12 april 2002", "2002-04-12"),  # OCR: Z as 2
        ("Datum 5-september 1991\nBetreft Waarnemers", "1991-09-05"),  # OCR read the space as a hyphen
        ("Datum 14.maart 2003\nBetreft Waarnemers", "2003-03-14"),
    ],
)
def test_header_dates_in_every_form(line: str, expected: str) -> None:
    text = f"Eindevaluatie van de inzet\n\n{line}\n\nHierbij bieden wij u de evaluatie aan van de Nederlandse bijdrage.\n"
    assert process_text(text).extraction.letter.date == expected


def test_a_signature_under_a_cover_note_with_names_run_together() -> None:
    text = (
        "Onderwerp: Stand van zaken\n\nMet deze brief informeren wij u over de recente ontwikkelingen in het gebied.\n\n"
        "De minister van Buitenlandse Zaken De minister van Defensie\n\nDr B.R. VosH. G. J. Kamphuis\n\n"
        "Politieke ontwikkelingen\n\nDe situatie is sinds de vorige brief rustiger geworden, maar blijft zorgelijk.\n"
    )
    signatories = process_text(text).extraction.letter.signatories
    assert [(s.name, s.role) for s in signatories] == [
        ("B.R. Vos", "minister van Buitenlandse Zaken"), ("H. G. J. Kamphuis", "minister van Defensie")
    ]


def test_a_signature_under_a_cover_note_with_an_initial_ocr_read_in_lower_case() -> None:
    text = (
        "Den Haag, 20 juni 2008\n\nHierbij doen wij u de periodieke brief over de missie toekomen.\n\n"
        "De minister van Buitenlandse Zaken,\n\nM. j. M. Vermeer\n\nDe minister van Defensie,\n\nE. van Dalen\n\n"
        "Inleiding\n\nIn de afgelopen vier maanden is de situatie in het gebied verslechterd.\n"
    )
    assert [s.name for s in process_text(text).extraction.letter.signatories] == ["M. j. M. Vermeer", "E. van Dalen"]


def test_a_name_cut_by_the_end_of_the_excerpt_is_no_signatory() -> None:
    text = "Den Haag, 7 juli 2022\n\nHierbij deel ik u mee dat het team is teruggekeerd.\n\nDe Minister van Defensie, K.A. Br"
    assert process_text(text).extraction.letter.signatories == []


def test_a_body_sentence_about_a_minister_is_no_signature() -> None:
    text = (
        "Den Haag, 7 juli 2022\n\nDe minister van Defensie heeft de Kamer eerder geïnformeerd over de inzet van het team.\n\n"
        "De minister van Defensie,\n\nA.B. Smit\n"
    )
    assert [s.name for s in process_text(text).extraction.letter.signatories] == ["A.B. Smit"]


def test_a_mirrors_metadata_names_both_signatories_of_a_joint_letter() -> None:
    text = (
        "Brief regering\n\nGerelateerde personen:- Eerste ondertekenaar: H.G. Jansen, minister van Buitenlandse Zaken"
        "- Mede ondertekenaar: K.L. de Vries, minister van Defensie\n\n28 676 NAVO\nNr. 401 BRIEF VAN DE MINISTERS VAN "
        "BUITENLANDSE ZAKEN EN VAN DEFENSIE\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 18 maart 2022\n"
        "Hierbij informeren wij u over de inzet van een transportvliegtuig in Litouwen.\n"
    )
    signatories = process_text(text).extraction.letter.signatories
    assert [(s.name, s.role) for s in signatories] == [
        ("H.G. Jansen", "minister van Buitenlandse Zaken"), ("K.L. de Vries", "minister van Defensie")
    ]


@needs_real
def test_letter_fields_and_signatories_of_the_real_letters() -> None:
    """On ../shared/real (a sample: the measure is other real letters), as score.py counts them."""
    golds = json.loads((REAL / "gold.json").read_text(encoding="utf-8"))
    hits = total = sig_tp = sig_fp = sig_fn = 0
    for gold in golds:
        letter = process(REAL / "texts" / f"{gold['id']}.txt").extraction.letter
        for field in ("date", "addressee", "kamerstuk"):
            if gold["letter"][field] is not None:
                total += 1
                hits += _norm(getattr(letter, field) or "") == _norm(gold["letter"][field])
        want = {_norm(s["name"]) for s in gold["letter"]["signatories"]}
        got = {_norm(s.name) for s in letter.signatories}
        sig_tp, sig_fp, sig_fn = sig_tp + len(want & got), sig_fp + len(got - want), sig_fn + len(want - got)
    assert hits / total >= 0.98
    assert 2 * sig_tp / (2 * sig_tp + sig_fp + sig_fn) >= 0.9


def test_a_letterhead_table_with_a_page_column_gives_the_letters_date() -> None:
    from artikel100 import process_text

    text = ("Ministerie van Defensie\nPostbus 20701\n2500 ES Den Haag\n\nAan de Voorzitter van de Tweede Kamer der "
            "Staten-Generaal\nBinnenhof 4\nDen Haag\n\nDatum Kenmerk Blad Bijlage(n)\n4 maart 2004 D2004/118 1/2 geen\n\n"
            "Betreft: Nederlandse bijdrage aan SFOR\n\nHierbij informeer ik u over de bijdrage van Nederland aan SFOR, "
            "die tot 1 december 2004 met 120 militairen wordt voortgezet.\n")
    assert process_text(text).extraction.letter.date == "2004-03-04"


def test_a_signature_block_of_stacked_roles_in_lower_case() -> None:
    text = (
        "Den Haag, 3 juli 2007\n\nHierbij informeren wij u over het besluit bij te dragen aan EUPOL Afghanistan.\n\n"
        "de minister van Buitenlandse Zaken,\n\nA.B. de Wit\n\nde minister van Defensie,\n\nC. van Dam\n"
    )
    assert [(s.name, s.role) for s in process_text(text).extraction.letter.signatories] == [
        ("A.B. de Wit", "minister van Buitenlandse Zaken"), ("C. van Dam", "minister van Defensie")
    ]


def test_a_site_page_with_a_breadcrumb_and_a_bare_date_line_gives_the_letters_date() -> None:
    from artikel100 import process_text

    text = ("Ministerie van Defensie\n\nU bevindt zich hier: Home > Actueel > Kamerbrieven\n\n"
            "Inzet Zr.Ms. Holland na de bosbranden op Madeira\n\n4 augustus 2016\n\n"
            "Kamerbrief over de Nederlandse hulp na de bosbranden op Madeira.\n\nGeachte voorzitter,\n\n"
            "Zr.Ms. Holland is op 2 augustus met 55 bemanningsleden naar Madeira vertrokken.\n")
    ex = process_text(text).extraction
    assert ex.letter.date == "2016-08-04"
    assert "U bevindt zich hier" not in ex.text
    assert {c.start for c in ex.contributions if c.start} == {"2016-08-02"}


def test_an_ocr_print_whose_header_columns_were_read_one_after_the_other() -> None:
    # Tesseract reads the dossier's number, the letter's number, the print's identifier and the
    # dossier's title as lines of their own, and a speck before the addressee as a quote.
    text = ("33 740\n\nNr. 18\n\nkst-33740-18\n\nNoodhulp na natuurrampen\n\n"
            "BRIEF VAN DE MINISTER VAN DEFENSIE\n\n‘Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            "Den Haag, 3 oktober 2016\n\nMet deze brief informeer ik u over de Nederlandse hulp na de orkaan Matthew "
            "op Haïti, waarvoor Defensie sinds 6 oktober een bevoorradingsschip met 200 militairen inzet.\n")
    ex = process_text(text).extraction
    assert (ex.letter.kamerstuk, ex.letter.addressee, ex.letter.date) == ("33740-18", "Tweede Kamer", "2016-10-03")
    assert ex.letter.title == "BRIEF VAN DE MINISTER VAN DEFENSIE"
    assert "kst-33740-18" not in ex.text
    assert 200 in {c.personnel for c in ex.contributions}


def test_an_ocr_letterhead_with_interleaved_columns_and_a_misread_date_label() -> None:
    from artikel100 import process_text

    # Tesseract runs the two columns of a ministry letterhead into each other and reads
    # the "m" of "Datum" as "rh".
    text = ("Ministerie van Defensie\n\nDe Voorzitter van de Tweede Kamer 2511 CB Den Haag\n"
            "der Staten-Generaal 2500 ES Dn Hg)\nPostbus 20018 www.defensie.nl\n\n"
            "Onze referentie\nBS2011004471\nDaturh 9 mei 2011\n\n"
            "Betreft Inzet van Zr.Ms. Tromp bij de evacuatie uit Misrata\n\n"
            "Met deze brief informeer ik uw Kamer over de inzet van Zr.Ms. Tromp, die op 11 mei met 190 "
            "bemanningsleden uit Den Helder vertrekt.\n")
    ex = process_text(text).extraction
    assert (ex.letter.date, ex.letter.addressee, ex.letter.place) == ("2011-05-09", "Tweede Kamer", None)
    assert ex.letter.subject == "Inzet van Zr.Ms. Tromp bij de evacuatie uit Misrata"
    assert "Dn Hg" not in ex.text
    assert {(c.personnel, c.start) for c in ex.contributions} >= {(190, None), (None, "2011-05-11")}


def test_an_ocr_table_whose_rows_ran_into_one_paragraph_keeps_each_rows_count() -> None:
    from artikel100 import process_text

    text = ("Den Haag, 2 juni 2015\n\nOp 1 juni 2015 leverde Nederland de volgende bijdragen:\n\n"
            "Missie en eenheid aantal\n\n"
            "KFOR, stafofficieren in Pristina 4\nAtalanta, Zr.Ms. Johan de Witt in de Golf van Aden 320\n"
            "UNIFIL, waarnemers in Naqoura 2\n\nTotaal 326\n")
    facts = {(c.mission, c.personnel) for c in process_text(text).extraction.contributions if c.personnel}
    assert facts == {("KFOR", 4), ("ATALANTA", 320), ("UNIFIL", 2)}


def test_an_ocr_subject_with_an_accented_label_wrapped_onto_a_short_last_line() -> None:
    from artikel100 import process_text

    text = ("Ministerie van Defensie\n\nDe Voorzitter van de Tweede Kamer\nder Staten-Generaal\n\n"
            "Datum 2 februari 2019\nBétreft Inzet van een duikteam in de noordelijke\nAdriatische Zee\n\n"
            "Met deze brief informeer ik uw Kamer over de inzet van een duikteam van twaalf militairen.\n")
    assert process_text(text).extraction.letter.subject == "Inzet van een duikteam in de noordelijke Adriatische Zee"


def test_a_letterhead_table_that_opens_with_the_subject() -> None:
    text = (
        "Ministerie van Defensie\nPostbus 20701\n2500 ES 's-Gravenhage\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nBinnenhof 1a\n's-Gravenhage\n\n"
        "Onderwerp Datum Ons kenmerk\nVerlenging deelname UNFICYP 3 maart 1997 D97/004512\n\n"
        "Met deze brief informeer ik u over de verlenging van de Nederlandse bijdrage aan UNFICYP.\n"
    )
    result = process_text(text)
    blocks = {b.label: result.document.text[b.start : b.end] for b in header_blocks(result.document)}
    assert blocks["subject"] == "Verlenging deelname UNFICYP"
    assert result.extraction.letter.date == "1997-03-03"
    assert "Ons kenmerk" not in result.document.text


def test_a_rijksoverheid_page_with_the_document_type_before_its_subject() -> None:
    text = (
        "Rijksoverheid\n\nHome > Onderwerpen > Defensie > Documenten\n\n"
        "Kamerstuk: Kamerbrief over de inzet van marechaussees bij Frontex\n\nKamerstuk | 14-03-2011\n\n"
        "Geachte voorzitter,\n\nNederland levert sinds 1 maart twintig marechaussees aan Frontex.\n"
    )
    result = process_text(text)
    assert result.extraction.letter.date == "2011-03-14"
    assert "Home >" not in result.document.text


def test_an_ocr_signature_whose_initial_j_was_read_as_a_bracket() -> None:
    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 mei 2012\n\n"
            "Hierbij informeer ik u over de bijdrage van Nederland aan de missie in het gebied.\n\n"
            "De minister van Defensie,\n\nH.J). Kuipers\n")
    assert [s.name for s in process_text(text).extraction.letter.signatories] == ["H.J.J. Kuipers"]


def test_a_margin_date_after_a_wrapped_role_is_no_name() -> None:
    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 22 februari 2008\n\n"
            "Hierbij informeren wij u over de bijdrage van Nederland aan de missie in het gebied.\n\n"
            "De minister van Defensie,\n\nE. van Dam\n\nDe minister van Buitenlandse\n\nZaken, 22 februari 2008\n\n"
            "M.J. de Boer\n")
    signatories = process_text(text).extraction.letter.signatories
    assert [(s.name, s.role) for s in signatories] == [
        ("E. van Dam", "minister van Defensie"), ("M.J. de Boer", "minister van Buitenlandse Zaken")]


def test_an_archived_copy_whose_banner_ocr_wrapped_over_its_address() -> None:
    text = ("The Wayback Machine -\nhttps://web.archive.org/web/20150101000000/http://www.rijksoverheid.nl/documenten-en-p!\n\n"
            "Rijksoverheid\n\nKamerbrief over de evacuatie van Nederlanders uit Libië\nKamerbrief | 02-03-2011\n\n"
            "Geachte voorzitter,\n\nHierbij informeer ik u over de inzet van Zr.Ms. Tromp, die sinds 28 februari met "
            "ongeveer 190 militairen voor de kust van Libië ligt.\n")
    ex = process_text(text).extraction
    assert ex.letter.date == "2011-03-02"
    assert "web.archive.org" not in " ".join(c.description for c in ex.contributions)
    assert [m.name for m in ex.missions] == ["evacuatie van Nederlanders uit Libië"]
