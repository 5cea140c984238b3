"""The operation a letter's subject line describes (extract/topic.py)."""

from __future__ import annotations

import pytest

from artikel100 import process_text
from artikel100.extract.topic import _description

LETTER = """{subject}

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 4 oktober 2016

{opening}

Nederland zet daartoe een transportschip en circa 120 militairen in, van 6 oktober tot en met 30 november 2016.
"""


@pytest.mark.parametrize(
    ("line", "phrase"),
    [
        ("Kamerbrief over de Nederlandse hulp na de overstromingen in Mozambique", "Nederlandse hulp na de overstromingen in Mozambique"),
        ("Nederlandse deelname aan vredesmissies; Brief regering; Kennisgevingsbrief over een mogelijke Nederlandse "
         "bijdrage aan de versterking van de Jordaanse luchtverdediging", "versterking van de Jordaanse luchtverdediging"),
        ("32 977 Evacuatie van Nederlanders uit Jemen", "Evacuatie van Nederlanders uit Jemen"),
        ("Kamerbrief over de afronding van de F-16-inzet boven Syrië", "F-16-inzet boven Syrië"),
        ("Steun van Defensie aan de Caribische delen van het Koninkrijk bij het herstel na de orkaan Irma",
         "Steun van Defensie aan de Caribische delen van het Koninkrijk bij het herstel na de orkaan Irma"),
        ("Brief regering; Noodhulp na de cycloon in Mozambique - Vaststelling van de begrotingsstaten van het "
         "Ministerie van Buitenlandse Zaken (V) voor het jaar 2019 - Parlementaire monitor", "Noodhulp na de cycloon in Mozambique"),
        ("Onderwerp: Inzet van een fregat in de Golf van Guinee", "Inzet van een fregat in de Golf van Guinee"),
        ("Brief regering : Militaire bijstand na de overstromingen in Pakistan", "Militaire bijstand na de overstromingen in Pakistan"),
        ("Beveiliging van de EU-top in Praag", "Beveiliging van de EU-top in Praag"),
        ("Kamerbrief over de voortgang van de missie in Irak", "missie in Irak"),
    ],
)
def test_a_subject_line_without_its_lead_in_describes_the_operation(line: str, phrase: str) -> None:
    assert _description(line) == phrase


@pytest.mark.parametrize("line", [
    "Nederlandse deelname aan vredesmissies", "Stand van zaken Afghanistan", "Afrika-beleid",
    "36 180 Nederlandse deelname aan vredesoperaties en humanitaire hulp", "Beleid ten aanzien van noodhulp",
    "Home > Onderwerpen > Noodhulp > Documenten",
])
def test_standing_dossiers_and_reports_describe_no_operation(line: str) -> None:
    assert _description(line) is None


def test_the_described_operation_receives_the_facts_of_sentences_that_name_no_mission() -> None:
    text = LETTER.format(
        subject="Kamerbrief over de Nederlandse hulp na de orkaan op Haïti",
        opening="Met deze brief informeren wij u over de noodhulp die Nederland na de orkaan verleent.",
    )
    ex = process_text(text).extraction
    assert ex.missions[0].id == "NEDERLANDSE-HULP-NA-DE-ORKAAN-OP-HAITI"
    facts = {(c.mission, k, getattr(c, k)) for c in ex.contributions for k in ("personnel", "start", "end") if getattr(c, k)}
    assert ("NEDERLANDSE-HULP-NA-DE-ORKAAN-OP-HAITI", "personnel", 120) in facts


def test_a_letter_whose_opening_gives_to_a_named_mission_has_no_topic_of_its_own() -> None:
    text = LETTER.format(
        subject="Kamerbrief over de inzet van een transportschip",
        opening="Met deze brief informeren wij u over de bijdrage aan de EU-operatie Atalanta voor de kust van Somalië.",
    )
    assert [m.id for m in process_text(text).extraction.missions] == ["ATALANTA"]


def test_a_press_copy_heading_that_says_it_is_a_kamerbrief_gives_the_topic() -> None:
    text = ("Persberichten\n\nDefensie stuurt hulp naar Mozambique\n\nKamerbrief inzake militaire bijstand na de "
            "cycloon in Mozambique\n\nGeachte voorzitter,\n\nNa de cycloon van 14 maart jl. heeft de regering besloten "
            "een medisch team van 30 militairen naar Beira te zenden. Het team vertrekt op 22 maart.\n")
    ex = process_text(text).extraction
    assert ex.missions[0].name == "militaire bijstand na de cycloon in Mozambique"
    assert ("personnel", 30) in {(k, getattr(c, k)) for c in ex.contributions for k in ("personnel",)}


def test_a_subject_about_a_unit_at_an_operation_describes_the_operation() -> None:
    assert _description("Inzet van Zr.Ms. Rotterdam bij de noodhulp op Sint Maarten") == "noodhulp op Sint Maarten"


def test_a_described_subject_is_the_one_uncatalogued_force_the_letter_names() -> None:
    text = LETTER.format(
        subject="Onderwerp: Inzet van een fregat in de Golf van Guinee",
        opening=("Ghana, Togo en Benin hebben in 2016 de Gulf of Guinea Maritime Task Force (GGMTF) opgericht. "
                 "Deze taakgroep beschermt de scheepvaart voor hun kusten tegen piraterij."),
    )
    ex = process_text(text).extraction
    assert [m.id for m in ex.missions] == ["GGMTF"]
    assert {(c.mission, c.personnel) for c in ex.contributions if c.personnel} == {("GGMTF", 120)}


def test_a_described_subject_stays_the_operation_beside_a_catalogued_mission() -> None:
    text = LETTER.format(
        subject="Onderwerp: Inzet van een fregat in de Golf van Guinee",
        opening="De schepen van EUNAVFOR Atalanta blijven voor de kust van Somalië.",
    )
    ex = process_text(text).extraction
    assert {c.mission for c in ex.contributions if c.personnel} == {"INZET-VAN-EEN-FREGAT-IN-DE-GOLF-VAN-GUINEE"}


@pytest.mark.parametrize(
    ("line", "phrase"),
    [
        ("Antwoorden op vragen van het lid Van Dijk over de Nederlandse hulp na de overstromingen in Libië",
         "Nederlandse hulp na de overstromingen in Libië"),
        ("Beantwoording van Kamervragen van de leden Jansen en De Groot over de evacuatie uit Soedan", "evacuatie uit Soedan"),
        ("Verzoek om een bijdrage aan de VN-operatie in Tsjaad", "VN-operatie in Tsjaad"),
        # a letter of "Kamerbrief" misread by OCR
        ("Kamcrbrief over noodhulp van Defensie na de orkaan in Dominica", "noodhulp van Defensie na de orkaan in Dominica"),
        ("Kamefbrief over noodhulp van Defensie na de orkaan in Dominica", "noodhulp van Defensie na de orkaan in Dominica"),
        # a look back, after a site's "Brief regering :"; flights named after the unit's share in them
        ("Brief regering : Terugblik op de inzet van Defensie bij de evacuatievluchten uit Kabul",
         "evacuatievluchten uit Kabul"),
    ],
)
def test_lead_ins_of_answers_requests_and_misread_kamerbrieven(line: str, phrase: str) -> None:
    assert _description(line) == phrase
