"""Extraction: the seed's score, the provenance invariant, and each kind of fact on
sentences of our own."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date

import pytest

from artikel100 import process, process_text
from artikel100.extract.commitments import find_commitments
from artikel100.extract.costs import parse_amount
from artikel100.extract.numbers import parse_number
from artikel100.extract.references import find_citations, find_references
from artikel100.extract.sentences import Sentence
from letters_corpus import LETTERS as LETTER_DIR
from letters_corpus import SEED, SHARED, letters

SCORE = SHARED / "eval" / "score.py"
NUMERALS = ("een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
            "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig", "honderd", "duizend")
needs_shared = pytest.mark.skipif(not SCORE.exists(), reason="needs ../shared")


def _score(gold_path, pred: dict, tmp_path) -> dict[str, float]:  # noqa: ANN001
    pred_path = tmp_path / "pred.json"
    pred_path.write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCORE), "--gold", str(gold_path), "--pred", str(pred_path)],
        capture_output=True, text=True, check=True,
    ).stdout
    scores = {}
    for line in out.splitlines():
        if line.startswith("overall F1:"):
            scores["overall"] = float(line.split(":")[1])
        parts = line.rsplit(None, 4)
        if len(parts) == 5 and parts[0].strip() == "provenance":
            scores["provenance"] = float(parts[3])
    return scores


@needs_shared
def test_seed_scores_at_least_095_with_full_provenance(tmp_path) -> None:  # noqa: ANN001
    result = process(SEED.with_suffix(".txt"))
    scores = _score(SEED.with_suffix(".gold.json"), result.extraction.to_json(), tmp_path)
    assert scores["overall"] >= 0.95
    assert scores["provenance"] == 1.0


@needs_shared
@pytest.mark.parametrize("form", ["clean", "ocr"])
def test_test_letters_score_well_against_hand_written_gold(form: str, tmp_path) -> None:  # noqa: ANN001
    golds, floor = [], {"clean": 0.90, "ocr": 0.85}[form]
    for letter in letters():
        if not letter.path(form).exists():
            continue
        gold = letter.gold
        gold["id"] = letter.stem
        golds.append(gold)
        pred = process(letter.path(form)).extraction.to_json()
        (tmp_path / f"{letter.stem}.json").write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(golds), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCORE), "--gold", str(tmp_path / "gold.json"), "--pred-dir", str(tmp_path)],
        capture_output=True, text=True, check=True,
    ).stdout
    overall = float(out.strip().splitlines()[-1].split(":")[1])
    assert overall >= floor, out


@pytest.mark.parametrize("letter", letters(), ids=lambda l: l.stem)
def test_every_fact_has_spans_that_quote_its_words(letter) -> None:  # noqa: ANN001
    ex = process(letter.path("clean")).extraction
    text = ex.text
    facts = ex.missions + ex.contributions + ex.costs + ex.references + ex.commitments + ex.events
    assert facts
    for fact in facts:
        assert fact.spans, fact
        for s, e in fact.spans:
            assert 0 <= s < e <= len(text)
    for c in ex.contributions:
        if c.personnel is not None:
            # as shared/eval/score.py checks it: the digits, or a Dutch number word, in the quoted words
            quoted = " ".join(text[s:e] for s, e in c.spans).casefold()
            # thousands grouped by a dot, a space or a no-break space ("1.100", "1 100")
            digits = re.sub(r"(?<=\d)[.\s\u00a0\u202f](?=\d{3}\b)", "", quoted)
            assert str(c.personnel) in digits or any(w in quoted for w in NUMERALS), c
    for cost in ex.costs:
        quoted = text[cost.spans[0][0] : cost.spans[0][1]]
        assert any(ch.isdigit() for ch in quoted) or parse_number(quoted.split()[0]) is not None, quoted


def _sentence(text: str) -> Sentence:
    return Sentence(text, 0, len(text), "paragraph")


@pytest.mark.parametrize(
    ("sentence", "due", "conditional"),
    [
        ("Het kabinet zal uw Kamer hierover informeren in de volgende voortgangsrapportage (mei 2025).", "2025-05", False),
        ("De Kamer ontvangt hierover voor de zomer een brief.", "2025-06", False),
        ("Het kabinet zal uw Kamer binnen drie maanden nader berichten over de uitkomst.", "2025-05-22", False),
        ("Zodra de VN een besluit neemt, wordt uw Kamer daarover geïnformeerd.", None, True),
        ("Het kabinet informeert uw Kamer elke twee weken over de uitgevoerde vluchten.", None, False),
        ("Na afloop van de operatie volgt een eindevaluatie.", None, False),
    ],
)
def test_commitments_are_found_with_due_dates_from_the_letter_date(sentence: str, due, conditional: bool) -> None:  # noqa: ANN001
    found = find_commitments([_sentence(sentence)], date(2025, 2, 22))
    assert len(found) == 1
    assert found[0].due == due
    assert found[0].conditional is conditional


@pytest.mark.parametrize(
    "sentence",
    [
        "Uw Kamer is op 3 maart jl. over dit besluit geïnformeerd.",
        "Wij verwijzen naar de voortgangsrapportage die uw Kamer op 4 juli jl. heeft ontvangen.",
        "Zoals toegezegd ontvangt uw Kamer hierbij het jaarlijkse overzicht van de lopende operaties.",
    ],
)
def test_a_report_of_past_informing_is_not_a_commitment(sentence: str) -> None:
    assert not find_commitments([_sentence(sentence)], date(2025, 4, 1))


@pytest.mark.parametrize(
    ("number", "scale", "euros"),
    [("18,3", "miljoen", 18_300_000), ("4,5", "mln", 4_500_000), ("450.000", None, 450_000), ("1,2", "miljard", 1.2e9)],
)
def test_amounts_in_dutch_notation_become_euros(number: str, scale, euros: float) -> None:  # noqa: ANN001
    assert parse_amount(number, scale) == euros


def test_every_printed_form_of_a_kamerstuk_reference_is_read() -> None:
    text = (
        "Zie Kamerstuk 27 925, nr. 943, (Kamerstuk 27 925, 963), Kamerstukken 27925, nrs. 723, 727 en 746, "
        "29 521, nr. 214, kst-27925-946, 29 521, BF en 36 200-X, nr. 12. In 2025, 145 militairen."
    )
    keys = [r.kamerstuk for r in find_references(text)]
    assert keys == [
        "27925-943", "27925-963", "27925-723", "27925-727", "27925-746",
        "29521-214", "27925-946", "29521-BF", "36200-X-12",
    ]


def test_handelingen_and_resolutions_are_citations_not_kamerstukken() -> None:
    text = "Zie Handelingen II 2023/24, nr. 45, item 12 en resolutie 2732 (2024) van de Veiligheidsraad."
    assert not find_references(text)
    assert [c.kind for c in find_citations(text)] == ["handelingen", "resolution"]


LETTER = """BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 14 maart 2025

Met deze brief informeren wij uw Kamer over het besluit om de Nederlandse bijdrage aan UNIFIL te verlengen.

De voorziene Nederlandse bijdrage

Nederland levert maximaal vijftig militairen aan UNIFIL in Naqoura, van 1 april 2025 tot en met 31 maart 2026. Daarnaast wordt het aantal stafofficieren uitgebreid van vijf naar maximaal acht.

Financiën

De additionele uitgaven worden geraamd op € 4,5 mln en worden gefinancierd uit het Budget Internationale Veiligheid (BIV).

De minister van Buitenlandse Zaken,

Anna de Vries

De minister van Defensie,

Pieter Jansen
"""


def test_a_short_letter_gives_every_kind_of_fact() -> None:
    ex = process_text(LETTER).extraction
    assert ex.letter.date == "2025-03-14"
    assert ex.letter.addressee == "Tweede Kamer"
    assert [(s.name, s.role) for s in ex.letter.signatories] == [
        ("Anna de Vries", "minister van Buitenlandse Zaken"),
        ("Pieter Jansen", "minister van Defensie"),
    ]
    assert [m.id for m in ex.missions] == ["UNIFIL"]
    facts = {(c.mission, k, getattr(c, k)) for c in ex.contributions for k in ("personnel", "start", "end", "location") if getattr(c, k)}
    assert {("UNIFIL", "personnel", 50), ("UNIFIL", "start", "2025-04-01"), ("UNIFIL", "end", "2026-03-31"),
            ("UNIFIL", "location", "Naqoura"), ("UNIFIL", "personnel", 8)} <= facts
    assert ("UNIFIL", "personnel", 5) not in facts  # the old size of a resize is not the contribution
    assert [(c.amount_eur, c.budget) for c in ex.costs] == [(4_500_000, "Budget Internationale Veiligheid (BIV)")]


def test_letters_directory_has_gold_for_every_letter() -> None:
    for letter in letters():
        assert (LETTER_DIR / f"{letter.stem}.gold.json").exists()


EXTENSION = """BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 14 maart 2025

Het nationaal kader voor de Nederlandse bijdrage aan UNIFIL verloopt op 30 juni 2025. Het kabinet heeft besloten de bijdrage aan UNIFIL met een half jaar te verlengen.
"""


def test_an_extension_by_a_duration_moves_the_framework_it_replaces() -> None:
    ends = {(c.end, c.supersedes_end) for c in process_text(EXTENSION).extraction.contributions if c.end}
    assert ("2025-06-30", None) in ends
    assert ("2025-12-31", "2025-06-30") in ends


FACT_SHEET = """BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 10 februari 2025

Het kabinet heeft besloten een mijnenjager bij te dragen aan de NAVO-operatie Sea Guardian. De mijnenjager, met een bemanning van circa 45 militairen, neemt in november en december deel aan de operatie.

Totale omvang: ten hoogste 50 militairen. Periode: 1 april 2025 tot en met 31 maart 2026.
"""


def test_a_labelled_line_and_two_months_in_a_row_are_periods() -> None:
    facts = {(k, getattr(c, k)) for c in process_text(FACT_SHEET).extraction.contributions for k in ("personnel", "start", "end") if getattr(c, k)}
    assert {("start", "2025-11"), ("end", "2025-12"), ("start", "2025-04-01"), ("end", "2026-03-31"), ("personnel", 50)} <= facts
    assert ("personnel", 1) not in facts  # "Periode: 1 april" is a date, not one person


OVERVIEW = """BRIEF VAN DE MINISTERS VAN BUITENLANDSE ZAKEN EN VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den-Haag, 9 december 2011

Hierbij ontvangt uw Kamer het jaarlijkse overzicht van de lopende operaties met een Nederlandse bijdrage.

1. UNTSO

Nederland levert twaalf militaire waarnemers aan UNTSO, die in Israël, Libanon en Syrië werkzaam zijn. De bijdrage loopt tot 31 december 2012.

2. EUFOR Althea

Nederland levert vier stafofficieren op het hoofdkwartier in Sarajevo. Zij adviseren de staf van de missie. Het nationale besluit loopt tot 1 januari 2013.

3. Atalanta en Ocean Shield

In de eerste helft van 2012 levert Nederland een transportschip aan Atalanta. De NAVO-operatie Ocean Shield loopt door tot eind 2012; Nederland draagt daar niet aan bij.
"""


def test_numbered_sections_give_their_mission_and_a_mission_we_do_not_join_gives_nothing() -> None:
    ex = process_text(OVERVIEW).extraction
    assert ex.letter.date == "2011-12-09"  # "Den-Haag": an OCR'd hyphen does not hide the date
    facts = {(c.mission, k, getattr(c, k)) for c in ex.contributions for k in ("personnel", "end", "location") if getattr(c, k)}
    assert {("ALTHEA", "personnel", 4), ("ALTHEA", "location", "Sarajevo"), ("ALTHEA", "end", "2013-01-01"),
            ("UNTSO", "personnel", 12), ("UNTSO", "end", "2012-12-31"),
            ("UNTSO", "location", "Israël"), ("UNTSO", "location", "Libanon"), ("UNTSO", "location", "Syrië")} <= facts
    assert not [c for c in ex.contributions if c.mission == "OCEAN-SHIELD"]


TABLE = """BRIEF VAN DE MINISTER VAN DEFENSIE

Aan de Voorzitter van de Eerste Kamer der Staten-Generaal

Den Haag, 3 november 2016

De Nederlandse bijdrage aan UNMISS is als volgt samengesteld:

Eenheid / functie aantal

Stafofficieren hoofdkwartier Juba 4

Militaire liaisonofficieren Bor en Malakal 4

Totaal militairen 8
"""


def test_a_personnel_table_gives_its_total_and_the_places_its_rows_name() -> None:
    facts = {(k, getattr(c, k)) for c in process_text(TABLE).extraction.contributions for k in ("personnel", "location") if getattr(c, k)}
    assert {("personnel", 8), ("location", "Juba"), ("location", "Bor"), ("location", "Malakal")} <= facts


ENDINGS = """BRIEF VAN DE MINISTER VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 juni 2025

Het kabinet heeft besloten de resterende vier stafofficieren van MONUSCO per 1 juli a.s. terug te trekken. Hun uitzendingen zijn op 31 mei jl. beëindigd. Daarom beëindigt het kabinet de Nederlandse bijdrage aan EUCAP Sahel Niger met ingang van 1 oktober a.s. De terugtrekking van de Nederlandse eenheid uit UNMEE is naar verwachting eind mei voltooid. Het fregat neemt van 1 april toten met 30 juni 2025 deel aan Atalanta. De kosten bedroegen ƒ 160 miljoen (circa € 72,6 miljoen). Het kabinet houdt uw Kamer via de geannoteerde agenda's van de Raad Buitenlandse Zaken op de hoogte.
"""


def test_ways_of_ending_a_contribution_give_end_dates_not_starts() -> None:
    ex = process_text(ENDINGS).extraction
    dates = {(c.mission, c.start, c.end) for c in ex.contributions if c.start or c.end}
    assert {("MONUSCO", None, "2025-07-01"), ("MONUSCO", None, "2025-05-31"), ("EUCAP-SAHEL-NIGER", None, "2025-10-01"),
            ("UNMEE", None, "2025-05"), ("ATALANTA", "2025-04-01", "2025-06-30")} <= dates
    assert [c.amount_eur for c in ex.costs] == [72_600_000]  # guilders are not euros
    assert len(ex.commitments) == 1


HEADQUARTERS = """BRIEF VAN DE MINISTER VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 december 2002

Nederland levert een bijdrage aan ISAF. Het Duits-Nederlandse hoofdkwartier neemt de leiding op 10 februari 2003 over van Turkije, voor een periode van zes maanden. Het detachement, dat vanaf Karachi opereert, telt circa veertig militairen.
"""


def test_taking_over_command_for_a_period_starts_and_ends_the_contribution() -> None:
    facts = {(k, getattr(c, k)) for c in process_text(HEADQUARTERS).extraction.contributions for k in ("start", "end", "location") if getattr(c, k)}
    assert {("start", "2003-02-10"), ("end", "2003-08-09"), ("location", "Karachi")} <= facts
