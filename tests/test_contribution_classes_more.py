"""More classes of phrasing met in letters nobody here tuned on, on sentences of our own: who is
carried rather than sent, parts and wholes, lengths counted from a start named before, reasons
for a refusal, and a clause about money beside one about people."""

from __future__ import annotations

import pytest

from artikel100 import process_text

HEAD = "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, {date}\n\n"


def _extraction(body: str, date: str):  # noqa: ANN202
    return process_text(HEAD.format(date=date) + body + "\n").extraction


def _facts(body: str, date: str = "20 oktober 2016") -> set[tuple[str, str, object]]:
    ex = _extraction(body, date)
    return {(c.mission, k, getattr(c, k)) for c in ex.contributions for k in ("personnel", "start", "end", "location")
            if getattr(c, k) is not None}


def _people(body: str, date: str = "20 oktober 2016") -> set[int]:
    return {v for _, k, v in _facts(body, date) if k == "personnel"}


@pytest.mark.parametrize(
    "second",
    [
        "Op de terugweg heeft het toestel 96 Nederlanders en 30 andere Europeanen naar Nederland gebracht.",
        "Met deze vluchten hebben 41 Nederlanders het land verlaten.",
        "Nog ongeveer vijftien Nederlanders, vooral zakenmensen, hebben ervoor gekozen te blijven.",
        "Met de vluchten zijn 52 Nederlanders en 18 onderdanen van andere landen naar Cyprus overgebracht.",
    ],
)
def test_people_carried_out_or_staying_behind_are_not_sent(second: str) -> None:
    body = "Een C-130 van de Koninklijke Luchtmacht met elf bemanningsleden is op 3 mei voor UNMISS naar Juba gevlogen. " + second
    assert _people(body, "10 mei 2016") == {11}


def test_a_list_between_commas_does_not_cut_the_clause_from_its_verb() -> None:
    facts = _facts("Een KDC-10 van de Koninklijke Luchtmacht is voor MINUSTAH op 14 oktober met 30 ton hulpgoederen, waaronder "
                   "dekens en tenten, naar Port-au-Prince gevlogen. De bemanning telde negen militairen.")
    assert any(k == "start" and v == "2016-10-14" for _, k, v in facts)


def test_the_return_flight_ends_the_contribution() -> None:
    facts = _facts("Een KDC-10 met twaalf militairen is op 14 oktober voor MINUSTAH naar Haïti gevlogen. Op de terugvlucht "
                   "op 17 oktober heeft het toestel 60 Nederlanders naar Nederland gebracht.")
    assert any(k == "end" and v == "2016-10-17" for _, k, v in facts)


def test_one_named_among_those_just_counted_is_no_person_of_their_own() -> None:
    assert _people("Nederland stuurt op 1 november een medisch team van zeven man, onder wie een arts, naar UNMISS.") == {7}


def test_a_part_of_a_whole_counts_the_part() -> None:
    people = _people("Het kabinet heeft besloten dat vijf van de zes waarnemers per 1 november overgaan naar UNMISS.")
    assert people == {5}


@pytest.mark.parametrize(
    ("body", "count"),
    [
        ("Nederland levert aan UNMIL twintig politiemonitoren, allen van de Koninklijke Marechaussee.", 20),
        ("Zr.Ms. Rotterdam is op 2 november met 150 opvarenden naar UNIFIL vertrokken.", 150),
        ("Zr.Ms. Rotterdam vertrekt op 2 november naar UNIFIL, met twee helikopters en een bemanning van circa 160, die "
         "tot december blijft.", 160),
    ],
)
def test_people_in_words_a_list_lacks(body: str, count: int) -> None:
    assert count in _people(body)


def test_a_length_in_weeks_counts_from_the_start_named_before() -> None:
    facts = _facts("Sinds 4 oktober werken acht mariniers van UNMISS in Bor. Het team blijft voor een periode van drie weken.")
    assert ("UNMISS", "end", "2016-10-24") in facts


def test_staying_there_counts_from_the_arrival_the_sentence_before_names() -> None:
    facts = _facts("Nederland stuurt twee mijnenjagers met 80 militairen naar Atalanta. De schepen vertrekken op 1 november uit "
                   "Den Helder en worden omstreeks 15 november in het gebied verwacht. Zij blijven daar ten hoogste zes weken.")
    assert ("ATALANTA", "end", "2016-12-26") in facts


def test_a_pair_of_days_with_flights_performed_runs_from_the_first_to_the_last() -> None:
    facts = _facts("Een C-130 van de Koninklijke Luchtmacht heeft voor UNMISS op 21 en 22 april vier vluchten uitgevoerd "
                   "tussen Entebbe en Juba, met een bemanning van zeven militairen.", "2 mei 2016")
    assert {("UNMISS", "start", "2016-04-21"), ("UNMISS", "end", "2016-04-22")} <= facts


def test_the_last_flights_are_no_start() -> None:
    facts = _facts("Het helikopterdetachement van MINUSMA met 70 militairen heeft eind april zijn laatste vluchten uitgevoerd.",
                   "2 mei 2016")
    assert not any(k == "start" for _, k, _ in facts)


def test_a_contribution_that_runs_to_the_mandates_end_expected_at_a_date() -> None:
    facts = _facts("Nederland levert dertig politiemonitoren aan UNMIL. De bijdrage geldt tot het einde van het mandaat "
                   "van UNMIL, naar verwachting maart 2017.")
    assert ("UNMIL", "end", "2017-03") in facts


def test_a_start_within_a_month() -> None:
    facts = _facts("Nederland levert twaalf stafofficieren aan UNMISS. Zij vertrekken in de tweede week van november.")
    assert ("UNMISS", "start", "2016-11") in facts


def test_an_offer_made_only_if_asked_is_considered() -> None:
    ex = _extraction("Nederland levert negen militairen aan UNMISS. Wel zal een Nederlandse officier het hoofdkwartier "
                     "in Juba ondersteunen, als de VN daarom vragen.", "20 oktober 2016")
    assert {c.personnel for c in ex.contributions if c.personnel} == {9}
    assert any(c.personnel == 1 for c in ex.considered)


@pytest.mark.parametrize(
    "reason",
    [
        "De genie-eenheden zijn tot het najaar van 2017 gebonden aan de inzet in Mali.",
        "De mariniers zijn in Irak en op Curaçao ingezet.",
        "Alle beschikbare transporthelikopters zijn tot eind 2017 in Mali nodig.",
    ],
)
def test_the_reason_for_a_refusal_gives_no_facts(reason: str) -> None:
    body = ("Nederland levert vier stafofficieren aan UNMISS. De VN hebben gevraagd om een genie-eenheid. "
            "Het kabinet heeft besloten niet op dit verzoek in te gaan. " + reason)
    facts = _facts(body)
    assert not any(k in ("end", "location") for _, k, _ in facts), facts


def test_a_clause_on_money_leaves_the_people_beside_it() -> None:
    facts = _facts("Van maart tot en met juni 2016 waren drie Nederlandse officieren werkzaam bij AMISOM, en Nederland heeft "
                   "€ 1,5 miljoen bijgedragen aan het trustfonds.")
    assert {("AMISOM", "personnel", 3), ("AMISOM", "start", "2016-03"), ("AMISOM", "end", "2016-06")} <= facts


def test_people_a_government_dismissed_are_no_contribution() -> None:
    assert _people("Nederland levert twee officieren aan UNMIT. Nadat de regering 500 soldaten had ontslagen, braken er "
                   "onlusten uit.") == {2}


def test_a_component_of_the_mission_is_the_missions_own() -> None:
    people = _people("De Veiligheidsraad heeft UNMIT ingesteld, met een politiecomponent van ten hoogste 1 500 functionarissen. "
                     "Nederland levert vier marechaussees aan UNMIT.")
    assert people == {4}


def test_a_mission_that_begins_with_its_observers_counts_its_own() -> None:
    people = _people("De verificatiemissie UNVMC begint op 1 oktober met ongeveer 100 waarnemers. Nederland levert drie "
                     "waarnemers aan UNVMC.")
    assert people == {3}


@pytest.mark.parametrize(
    "sentence",
    [
        "De Nederlanders die bij EUCAP Sahel Mali en EUTM Mali werkten, hebben het land op 2 juli met een Duitse vlucht verlaten.",
        "De laatste Nederlanders van EUCAP Sahel Mali en EUTM Mali hebben Bamako op 2 juli verlaten.",
    ],
)
def test_leaving_the_country_ends_the_stay_of_each_mission_named(sentence: str) -> None:
    facts = _facts(sentence, "20 juli 2016")
    assert {("EUCAP-SAHEL-MALI", "end", "2016-07-02"), ("EUTM-MALI", "end", "2016-07-02")} <= facts


def test_a_country_in_a_fronted_adverbial_is_not_who_acts() -> None:
    facts = _facts("In Zuid-Soedan zijn sinds januari 2014 Nederlanders werkzaam in UNMISS.")
    assert ("UNMISS", "start", "2014-01") in facts


@pytest.mark.parametrize(
    ("sentence", "foreign"),
    [
        ("Het Ethiopische leger en de Keniaanse eenheden op de basis verzorgen de bewaking.", True),
        ("Het Ethiopische leger en de Nederlandse eenheden verzorgen samen de bewaking.", False),
    ],
)
def test_others_side_by_side_as_the_subject_are_not_dutch(sentence: str, foreign: bool) -> None:
    from artikel100.extract.contributions import _is_foreign

    assert _is_foreign(sentence) is foreign


def test_sailed_to_a_coast_starts() -> None:
    facts = _facts("Het fregat Zr.Ms. Tromp is voor Atalanta op 2 oktober met 180 opvarenden naar de Somalische kust gevaren.")
    assert ("ATALANTA", "start", "2016-10-02") in facts


def test_a_quarter_starts_in_its_first_month_and_ends_in_its_last() -> None:
    facts = _facts("Vanaf het tweede kwartaal van 2017 levert Nederland twee stafofficieren aan UNMISS. De Nederlandse "
                   "stafofficier bij MONUSCO keert in de loop van het eerste kwartaal van 2017 terug.")
    assert {("UNMISS", "start", "2017-04"), ("MONUSCO", "end", "2017-03")} <= facts


def test_a_relative_clause_in_which_the_netherlands_takes_part_gives_its_start_and_where_names_the_mission() -> None:
    facts = _facts("De krijgsmacht levert twaalf waarnemers aan UNTSO, waaraan Nederland sinds 1956 deelneemt, en tachtig "
                   "militairen aan de MFO in de Sinaï, waar zij sinds april 1982 de verbindingen verzorgen.")
    assert {("UNTSO", "start", "1956"), ("MFO", "start", "1982-04")} <= facts
    assert ("UNTSO", "start", "1982-04") not in facts


@pytest.mark.parametrize(
    "home",
    ["zijn naar verwachting in de tweede week van maart 2017 terug in Nederland",
     "zijn in maart 2017 weer thuis"],
)
def test_back_home_after_a_date_ends_whatever_the_verb(home: str) -> None:
    facts = _facts("Het detachement van veertig militairen voor UNMISS vertrekt op 1 november naar Juba. De militairen " + home + ".")
    assert ("UNMISS", "end", "2017-03") in facts


@pytest.mark.parametrize(
    "strength",
    ["UNMISS heeft ongeveer 1 200 waarnemers in het land, die vanuit Juba werken.",
     "De commissie werkt samen met het IAEA, dat ruim veertig eigen inspecteurs ter plaatse heeft."],
)
def test_a_named_mission_or_a_body_with_people_of_its_own_is_no_dutch_count(strength: str) -> None:
    body = "Nederland levert vier stafofficieren aan UNMISS. " + strength
    assert _people(body) == {4}


def test_what_only_can_be_deployed_on_a_condition_is_an_offer() -> None:
    facts = _facts("Het kabinet heeft laten weten dat een Nederlands veldhospitaal met ingang van 1 december voor UNMISS kan "
                   "worden ingezet, mits de veiligheid van het personeel is gewaarborgd. Nederland levert sinds 2012 vier "
                   "stafofficieren aan UNMISS.")
    assert ("UNMISS", "start", "2016-12-01") not in facts
    assert ("UNMISS", "personnel", 4) in facts
