"""Missions a letter describes instead of naming (extract/described.py, missions.py)."""

from __future__ import annotations

from datetime import date

import pytest

from artikel100.extract.described import find_descriptions
from artikel100.extract.missions import find_missions, mission_mentions


def _ids(text: str, on: date | None = None) -> list[str]:
    return [m.id for m in find_missions(text, on)]


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("Het kabinet draagt bij aan de EU-trainingsmissie in Mali.", date(2014, 3, 1), "EUTM-MALI"),
        ("Nederland levert stafofficieren aan de door de NAVO geleide stabilisatiemissie in Bosnië-Herzegovina.",
         date(2003, 5, 1), "SFOR"),
        ("De vooruitgeschoven NAVO-aanwezigheid in Litouwen wordt voortgezet.", date(2019, 1, 10), "EFP"),
        # the same words name another mission in another year
        ("Nederland levert militairen aan de NAVO-trainingsmissie in Afghanistan.", date(2010, 1, 1), "NTM-A"),
        # one description, a different mission in each year (the catalogue's start and end)
        ("Nederland stuurt Patriots voor de NAVO-operatie in Turkije.", date(2003, 2, 1), "DISPLAY-DETERRENCE"),
        ("Nederland stuurt Patriots voor de NAVO-operatie in Turkije.", date(2013, 1, 4), "ACTIVE-FENCE"),
        ("Twee agenten gaan naar de VN-missie in Haïti.", date(2010, 3, 1), "MINUSTAH"),
        ("Twee agenten gaan naar de VN-missie in Haïti.", date(2022, 3, 1), "BINUH"),
        ("De AU-missie in Somalië vraagt om steun.", date(2012, 3, 1), "AMISOM"),
        ("De VN-missie in Colombia ziet toe op het akkoord.", date(2020, 3, 1), "UNVMC"),
        # a force by its kind: which one by the year, and whose by the organisation after it
        ("Nederland levert mariniers aan de snelle reactiemacht in Bosnië.", date(1995, 7, 1), "RRF"),
        ("Nederland levert een fregat aan de snelle reactiemacht van de NAVO.", date(2009, 3, 1), "NRF"),
    ],
)
def test_a_description_resolves_to_the_catalogue_mission_of_its_organisation_kind_place_and_year(
    text: str, on: date, expected: str
) -> None:
    assert _ids(text, on) == [expected]


def test_a_description_without_a_place_takes_the_country_of_a_mission_named_beside_it() -> None:
    text = "De EU-geleide troepenmacht die SFOR zal opvolgen, wordt in december verwacht."
    assert set(_ids(text, date(2004, 6, 1))) == {"ALTHEA", "SFOR"}


def test_a_description_before_the_name_it_describes_is_no_mention_of_its_own() -> None:
    text = "Nederland levert vijf marechaussees aan de EU-politiemissie EUPM in Sarajevo."
    assert [(i, text[s:e]) for i, s, e in mission_mentions(text, date(2006, 1, 1))] == [("EUPM", "EUPM")]


def test_an_evacuation_is_a_mission_of_its_own_with_an_id_from_its_words() -> None:
    text = "Defensie ondersteunt de evacuatie uit Jemen met twee transportvliegtuigen. De evacuatie van Nederlanders uit Jemen begon gisteren."
    missions = find_missions(text, date(2015, 4, 2))
    assert [(m.id, m.known) for m in missions] == [("EVACUATIE-UIT-JEMEN", False)]
    assert missions[0].aliases == ["evacuatie uit Jemen", "evacuatie van Nederlanders uit Jemen"] or len(missions[0].spans) == 2


@pytest.mark.parametrize(
    "text",
    [
        "De missie is een succes.",
        "De Nederlandse inzet in Irak loopt door.",
        "Tijdens de operatie werden geen schoten gelost.",
        "Het kabinet bespreekt de trainingsmissie met de partners.",
    ],
)
def test_a_bare_or_dutch_description_is_no_mission(text: str) -> None:
    assert _ids(text, date(2020, 1, 1)) == []


def test_descriptions_carry_organisation_kind_place_and_purpose() -> None:
    (d,) = find_descriptions("Zij steunen de door de VS geleide coalitie tegen ISIS in Irak.")
    assert (d.phrase, d.organisation, d.countries) == ("door de VS geleide coalitie tegen ISIS in Irak", "coalition", ("IQ",))
    assert d.purpose == "ISIS"


def test_a_description_in_a_heading_ends_at_its_line() -> None:
    from artikel100.extract.described import find_descriptions

    phrases = [d.phrase for d in find_descriptions("De VN-missie in Colombia\n\nDe Veiligheidsraad heeft de missie opgericht.")]
    assert phrases == ["VN-missie in Colombia"]


def test_a_description_after_the_mission_it_follows_is_not_that_mission() -> None:
    text = "Na afloop van IFOR blijft een kleinere NAVO-troepenmacht in Bosnië-Herzegovina."
    mentions = mission_mentions(text, date(1996, 12, 10))
    assert [m for m, _, _ in mentions].count("IFOR") == 1
    assert len(mentions) == 2  # the force after IFOR is a mission of its own


def test_a_description_again_without_its_place_is_the_mission_it_was() -> None:
    text = ("Na afloop van Essential Harvest blijft een NAVO-troepenmacht ter beveiliging van de waarnemers in "
            "Macedonië. Nederland levert 100 militairen aan de NAVO-troepenmacht ter beveiliging van de waarnemers.")
    assert [m for m, _, _ in mission_mentions(text, date(2001, 9, 20))] == ["ESSENTIAL-HARVEST", "AMBER-FOX", "AMBER-FOX"]


def test_a_force_of_another_body_is_no_catalogue_force() -> None:
    assert _ids("De snelle reactiemacht van de Afrikaanse Unie krijgt Nederlandse steun.", date(2009, 3, 1)) == []


def test_a_description_with_its_owner_before_the_name_after_a_comma_is_that_name() -> None:
    text = "Nederland leverde tot juni 2012 agenten aan de politiemissie van de Europese Unie, EUPM, die toen eindigde."
    assert _ids(text, date(2019, 3, 1)) == ["EUPM"]


def test_an_action_on_waters_the_catalogue_lacks_is_a_mission_of_its_own() -> None:
    text = "De regering stelt twee mijnenjagers beschikbaar voor de internationale mijnenbestrijdingsactie in de Straat van Bab-el-Mandeb."
    assert _ids(text, date(1987, 9, 1)) == ["INTERNATIONALE-MIJNENBESTRIJDINGSACTIE-IN-DE-STRAAT-VAN-BAB-EL-MANDEB"]


@pytest.mark.parametrize("text", ["De fractie stelde vragen over de transactie.", "De redactie van de krant meldt dit."])
def test_words_that_end_in_actie_are_no_action(text: str) -> None:
    assert _ids(text, date(1987, 9, 1)) == []


def test_a_named_team_is_a_mission_only_where_the_letter_names_no_other() -> None:
    alone = "Nederland levert twee specialisten aan het Cyber Rapid Response Team (CRRT) van de Europese Unie."
    assert _ids(alone, date(2022, 3, 1)) == ["CRRT"]
    beside = "Het Provincial Reconstruction Team (PRT) in Uruzgan werkt onder ISAF."
    assert _ids(beside, date(2007, 3, 1)) == ["ISAF"]


def test_an_operation_named_with_a_word_ending_like_an_adjective() -> None:
    assert _ids("De Verenigde Staten zijn op 16 augustus begonnen met de operatie Intense Look.", date(1984, 8, 24)) \
        == ["INTENSE-LOOK"]


def test_a_catalogue_name_at_the_end_of_a_longer_name_with_its_own_acronym_is_that_other_force() -> None:
    text = "De door Australië geleide International Stabilisation Force (ISF) trok zich in november terug."
    assert _ids(text, date(2013, 4, 1)) == ["ISF"]


def test_a_mission_named_later_by_the_head_of_its_dutch_name_is_that_mission() -> None:
    text = ("De Veiligheidsraad heeft de Verificatiemissie van de Verenigde Naties in Colombia (UNVMC) ingesteld. "
            "Een marechaussee ondersteunt bij de verificatiemissie de politie.")
    mentions = mission_mentions(text, date(2017, 9, 15))
    assert [m for m, _, _ in mentions] == ["UNVMC", "UNVMC"]
    assert text[mentions[1][1] : mentions[1][2]] == "verificatiemissie"


def test_a_head_two_missions_share_names_neither() -> None:
    text = ("Nederland levert officieren aan de trainingsmissie van de EU in Mali (EUTM Mali) en aan de trainingsmissie "
            "van de EU in Somalië (EUTM Somalia). De trainingsmissie krijgt ook een arts.")
    assert [m for m, _, _ in mission_mentions(text, date(2014, 3, 1))] == ["EUTM-MALI", "EUTM-SOMALIA"]


def test_a_name_explained_as_an_activity_is_a_mission() -> None:
    text = "Nederland levert een fregat aan Nordic Watch, de activiteit waarmee de NAVO de zeebodem bewaakt."
    assert _ids(text, date(2026, 2, 1)) == ["NORDIC-WATCH"]
