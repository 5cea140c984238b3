"""Clauses: who acts and how sure it is (extract/clauses.py)."""

from __future__ import annotations

import pytest

from artikel100.extract.clauses import MISSION, clause_at, owner_of, read_clauses


def _read(text: str) -> list[tuple[str, str | None, str]]:
    return [(text[c.start : c.end].strip(" ,;"), c.actor, c.modality) for c in read_clauses(text)]


def test_each_clause_has_its_own_actor() -> None:
    text = "Nederland levert 150 militairen, terwijl Duitsland de helikopters levert."
    assert [(a, m) for _, a, m in _read(text)] == [("NL", "decided"), ("DE", "decided")]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("In 2016 leveren de Belgische F-16's luchtsteun boven Irak.", "BE"),
        ("Het Duitse fregat wordt in juni afgelost.", "DE"),
        ("Duitsland verlengt zijn bijdrage tot eind 2017.", "DE"),
        ("De missie telt 13.000 militairen uit vijftig landen.", MISSION),
        # objects and places are no actors
        ("Het team traint Koerdische en Iraakse eenheden in Erbil.", None),
        ("Voorts zijn vijf stafofficieren geplaatst in Bagdad en Koeweit.", None),
        ("Het schip doet de haven van Monrovia (Liberia) aan.", None),
        ("Nederland en België leveren elk een fregat.", "NL"),
    ],
)
def test_the_actor_is_the_subject_not_an_object_or_a_place(text: str, actor: str | None) -> None:
    assert read_clauses(text)[0].actor == actor


def test_a_fronted_clause_does_not_give_its_actor_to_the_main_clause() -> None:
    text = "Omdat de Duitse eenheden in Kunduz meer taken op zich nemen, kan de Nederlandse compagnie kleiner worden."
    clauses = read_clauses(text)
    assert clause_at(clauses, text.index("Kunduz")).actor == "DE"
    assert clause_at(clauses, text.index("compagnie")).actor == "NL"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Het kabinet onderzoekt de mogelijkheid om vanaf 1 januari 2018 een fregat te leveren.", "considered"),
        ("Nederland zou vanaf het voorjaar een transportvliegtuig kunnen leveren.", "considered"),
        ("Nederland levert in 2017 geen eenheden aan de NRF.", "negated"),
        ("De missie vond plaats tussen 2011 en 2013.", "past"),
        ("Op verzoek van de Iraakse regering levert Nederland vijftig trainers.", "decided"),
        ("De force commander heeft om twee extra Nederlandse helikopters gevraagd.", "considered"),
        ("De VN vragen of Nederland vanaf mei een veldhospitaal kan leveren.", "considered"),
    ],
)
def test_the_modality_of_a_clause(text: str, modality: str) -> None:
    assert read_clauses(text)[0].modality == modality


def test_a_considered_main_clause_makes_what_follows_considered() -> None:
    text = "Het kabinet overweegt een fregat te sturen, dat vanaf mei in de Rode Zee zou patrouilleren."
    assert [m for _, _, m in _read(text)] == ["considered", "considered"]


def test_a_decision_after_a_considered_clause_is_its_own() -> None:
    text = "Het kabinet heeft onderzocht of een fregat beschikbaar is, waarna het heeft besloten vanaf mei een fregat te sturen."
    assert [m for _, _, m in _read(text)][-1] == "decided"


def test_a_numbers_own_adjective_says_whose_people_it_counts() -> None:
    text = "De Belgische F-16's worden afgelost door vier Nederlandse toestellen en 300 Duitse militairen."
    assert owner_of(text, text.index("vier") + 4) == "NL"
    assert owner_of(text, text.index("300") + 3) == "DE"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("De Deense en Noorse eenheden tellen samen ongeveer tweehonderd militairen.", "DK"),
        ("De Amerikaanse Joint Task Force Liberia, met ruim 2.000 mariniers aan boord, heeft de kust verlaten.", "US"),
        ("Van juli 2016 tot en met december 2017 namen Belgische F-16's de taak over.", "BE"),
    ],
)
def test_coordinated_adjectives_unit_names_and_long_adverbials_before_the_subject(text: str, actor: str) -> None:
    assert read_clauses(text)[0].actor == actor


def test_a_relative_clause_that_sizes_a_multinational_whole_is_the_missions() -> None:
    text = "Nederland levert een compagnie aan de battlegroup in Rukla, die in totaal ongeveer 1.200 militairen telt."
    clauses = read_clauses(text)
    assert clause_at(clauses, text.index("compagnie")).actor == "NL"
    assert clause_at(clauses, text.index("1.200")).actor == MISSION


def test_an_organisation_that_opens_a_compound_names_a_mission_not_an_actor() -> None:
    text = "Het kabinet verlengt de bijdragen aan de VN-missie MINUSMA, de EU-trainingsmissie EUTM Mali tot eind 2021."
    assert all(c.actor in (None, "NL") for c in read_clauses(text))


def test_the_last_of_a_list_of_places_is_no_actor() -> None:
    text = "De twaalf waarnemers bij UNTSO in Israël, Libanon en Syrië blijven op hun post."
    assert read_clauses(text)[0].actor is None


def test_a_list_set_between_commas_stays_in_its_clause() -> None:
    text = "Een C-130 is op 3 mei met 20 ton goederen, waaronder tenten en dekens, naar Juba gevlogen."
    assert len(read_clauses(text)) == 1


def test_a_clause_that_holds_only_if_someone_asks_is_considered() -> None:
    text = "Wel zal een Nederlandse officier het hoofdkwartier ondersteunen, als de VN daarom vragen."
    assert read_clauses(text)[0].modality == "considered"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("In Zuid-Soedan zijn sinds 2014 Nederlanders werkzaam bij de missie.", "NL"),
        ("Op verzoek van Frankrijk levert Nederland twee helikopters.", "NL"),
        ("De verificatiemissie begint op 1 oktober met ongeveer 100 waarnemers.", MISSION),
        ("De missie zelf telde op haar hoogtepunt 1 600 politiefunctionarissen.", MISSION),
        ("De Veiligheidsraad stelde de missie in, met een politiecomponent van ten hoogste 1 600 agenten.", MISSION),
    ],
)
def test_who_acts_in_more_forms(text: str, actor: str) -> None:
    clauses = read_clauses(text)
    assert clause_at(clauses, len(text) - 5).actor == actor


def test_still_deliberating_is_considered() -> None:
    assert read_clauses("Over een bijdrage met stafofficieren aan UNAMID is het kabinet nog in beraad.")[0].modality == "considered"
