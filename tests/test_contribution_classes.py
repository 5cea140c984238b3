"""Classes of phrasing seen in real letters, on sentences of our own: whose contribution,
decided or not, and which date belongs to which contribution."""

from __future__ import annotations

import pytest

from artikel100 import process_text

HEAD = "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, {date}\n\n"


def _facts(body: str, date: str = "12 maart 2016") -> set[tuple[str, str, object]]:
    ex = process_text(HEAD.format(date=date) + body + "\n").extraction
    return {(c.mission, k, getattr(c, k)) for c in ex.contributions for k in ("personnel", "start", "end", "location")
            if getattr(c, k) is not None}


def _considered(body: str, date: str = "12 maart 2016") -> set[tuple[str, str, object]]:
    ex = process_text(HEAD.format(date=date) + body + "\n").extraction
    return {(c.mission, k, getattr(c, k)) for c in ex.considered for k in ("personnel", "start", "end")
            if getattr(c, k) is not None}


def _dates(text: str) -> set[tuple[str, str]]:
    """The starts and ends of a whole letter's contributions."""
    contributions = process_text(text).extraction.contributions
    return {(k, getattr(c, k)) for c in contributions for k in ("start", "end") if getattr(c, k)}


def test_another_countrys_unit_in_its_own_clause_is_not_dutch() -> None:
    facts = _facts("Nederland levert vanaf 1 mei 2016 vier F-16's aan de strijd tegen ISIS, terwijl de Belgische "
                   "F-16's tot eind 2017 boven Irak blijven vliegen.")
    assert ("OIR", "start", "2016-05-01") in facts
    assert not any(v == "2017-12" for _, _, v in facts)


def test_a_contribution_the_cabinet_only_investigates_is_kept_apart() -> None:
    body = "Het kabinet onderzoekt de mogelijkheid om vanaf 1 januari 2018 een fregat bij te dragen aan operatie Sea Guardian."
    assert not any(k == "start" for _, k, _ in _facts(body, "5 oktober 2017"))
    assert ("SEA-GUARDIAN", "start", "2018-01-01") in _considered(body, "5 oktober 2017")


def test_a_half_year_is_its_first_and_last_month() -> None:
    facts = _facts("Nederland levert in de eerste helft van 2017 een infanteriecompagnie aan de EU Battlegroup.")
    assert {("EUBG", "start", "2017-01"), ("EUBG", "end", "2017-06")} <= facts


def test_a_whole_year_after_in_is_the_period_of_what_is_given_that_year() -> None:
    facts = _facts("Nederland zal in 2017 opnieuw met een fregat deelnemen aan Atalanta.", "1 november 2016")
    assert {("ATALANTA", "start", "2017"), ("ATALANTA", "end", "2017")} <= facts


@pytest.mark.parametrize(
    "body",
    [
        "De kosten van de bijdrage aan Atalanta in 2017 worden opgevangen binnen de begroting.",
        "Het kabinet laat de bijdrage aan Atalanta in 2017 evalueren.",
        "Over de bijdrage aan Atalanta is uw Kamer in 2015 geïnformeerd.",
    ],
)
def test_a_year_of_informing_evaluating_or_paying_is_no_period(body: str) -> None:
    assert not any(k in ("start", "end") for _, k, _ in _facts(body, "1 november 2016"))


def test_since_a_year_is_a_start() -> None:
    facts = _facts("Nederland heeft sinds de oprichting van UNMISS in 2011 stafofficieren geleverd aan de missie.", "2 februari 2019")
    assert ("UNMISS", "start", "2011") in facts
    assert ("UNMISS", "end", "2011") not in facts


def test_an_earlier_framework_that_runs_out_is_an_end_for_both_missions_it_names() -> None:
    facts = _facts("De huidige bijdrage aan Atalanta en Ocean Shield loopt eind 2014 af.", "14 november 2014")
    assert {("ATALANTA", "end", "2014-12"), ("OCEAN-SHIELD", "end", "2014-12")} <= facts


def test_a_date_goes_to_the_mission_its_clause_names() -> None:
    facts = _facts("Nederland voert in de eerste helft van 2010 het commando over CTF-151, de taakgroep die onder "
                   "de Combined Maritime Forces piraterij bestrijdt.", "1 december 2009")
    assert ("CTF-151", "start", "2010-01") in facts
    assert not any(m == "CMF" for m, _, _ in facts)


def test_a_coarse_date_beside_a_precise_one_of_the_same_mission_is_left_out() -> None:
    facts = _facts("Nederland levert in de tweede helft van 2016 een compagnie aan de EU Battlegroup. De compagnie "
                   "staat van 1 juli 2016 tot en met 31 december 2016 gereed.", "1 maart 2016")
    assert ("EUBG", "start", "2016-07-01") in facts and ("EUBG", "start", "2016-07") not in facts


def test_a_decision_date_of_the_alliance_is_no_dutch_end() -> None:
    facts = _facts("Deze rapportage gaat niet in op de beëindiging van Resolute Support, waartoe op 14 april jl. door "
                   "de NAVO-bondgenoten werd besloten.", "19 mei 2021")
    assert not any(k == "end" for _, k, _ in facts)


def test_a_table_whose_rows_name_missions_gives_each_its_own_count_and_no_total() -> None:
    body = ("Op 1 januari 2016 leverde Nederland de volgende bijdragen:\n\nEenheid en plaats aantal\n\n"
            "UNTSO, militaire waarnemers in Israël 12\n\nKFOR, stafofficieren in Pristina 4\n\n"
            "MINUSMA, inlichtingeneenheid in Gao 250\n\nTotaal 266")
    facts = _facts(body, "15 januari 2016")
    assert {("UNTSO", "personnel", 12), ("KFOR", "personnel", 4), ("MINUSMA", "personnel", 250)} <= facts
    assert not any(v == 266 for _, _, v in facts)


def test_leaving_a_dutch_port_starts_a_deployment() -> None:
    facts = _facts("Zr.Ms. Karel Doorman vertrekt op 24 oktober uit Den Helder en voegt zich bij Atalanta.", "10 oktober 2016")
    assert ("ATALANTA", "start", "2016-10-24") in facts


def test_the_netherlands_in_a_list_of_countries_the_ships_come_from_is_no_actor() -> None:
    facts = _facts("De taakgroep van Atalanta bestaat uit vijf fregatten uit Canada, Nederland, Spanje en Portugal "
                   "en telt in totaal circa 1.100 militairen.", "10 oktober 2016")
    assert not any(v == 1100 for _, _, v in facts)


def test_a_dutch_subject_keeps_its_count_in_a_sentence_that_names_a_place_that_counts() -> None:
    facts = _facts("De Nederlandse militaire aanwezigheid in Uruzgan en Kandahar telt op dit moment circa 1.400 "
                   "militairen binnen ISAF.", "1 september 2006")
    assert ("ISAF", "personnel", 1400) in facts


def test_a_list_item_serves_where_a_later_sentence_ties_its_unit_through_a_spelled_out_name() -> None:
    body = ("Het kabinet heeft besloten tot de volgende bijdragen:\n\n"
            "- verlenging van het Provincial Reconstruction Team (PRT) in de provincie Kunduz tot 1 juli 2009; en\n\n"
            "- twee mijnenjagers voor de operatie Active Endeavour in het voorjaar van 2009.\n\n"
            "Het Nederlandse team, dat in het kader van de door de NAVO geleide 'International Security "
            "Assistance Force' (ISAF) in Kunduz werkt, wordt versterkt.")
    facts = _facts(body, "3 november 2008")
    assert ("ISAF", "end", "2009-07-01") in facts
    assert not any(m == "ACTIVE-ENDEAVOUR" and v == "2009-07-01" for m, _, v in facts)


def test_a_place_is_a_fact_only_where_units_are() -> None:
    body = ("Nederland levert vanaf 1 mei 2016 een transportvliegtuig aan MINUSMA. De Nederlandse ambassade in "
            "Bamako is sindsdien gesloten. De hulp aan Timboektoe loopt via de VN.")
    facts = _facts(body)
    assert not any(k == "location" for _, k, _ in facts)
    assert ("MINUSMA", "start", "2016-05-01") in facts


def test_a_conjunct_names_the_counted_people() -> None:
    facts = _facts("Nederland levert aan MINUSMA 45 analisten en ondersteuningspersoneel voor de inlichtingencel in Gao.")
    assert ("MINUSMA", "personnel", 45) in facts


def test_people_to_be_evacuated_are_not_the_personnel_sent() -> None:
    body = ("Het kabinet heeft besloten een transportvliegtuig in te zetten voor de evacuatie uit Libië. "
            "Ongeveer 90 Nederlandse burgers hebben aangegeven te willen worden geëvacueerd. "
            "Bij de ambassade hebben zich ruim 300 Nederlanders geregistreerd.")
    assert not any(k == "personnel" for _, k, _ in _facts(body, "24 februari 2011"))


def test_a_paragraph_that_names_only_a_place_belongs_to_the_mission_working_there() -> None:
    body = ("Hierbij ontvangt u de voortgangsrapportage over de Nederlandse bijdragen aan NMI en KFOR in 2023.\n\n"
            "De Nederlandse bijdrage aan NMI bestaat uit twintig stafofficieren en adviseurs in Bagdad.\n\n"
            "In Kosovo werken drie Nederlandse stafofficieren op het hoofdkwartier in Pristina, tot en met "
            "31 december 2024.")
    facts = _facts(body, "15 mei 2024")
    assert ("KFOR", "personnel", 3) in facts and ("KFOR", "end", "2024-12-31") in facts
    assert not any(m == "NMI" and v in (3, "2024-12-31") for m, _, v in facts)


def test_a_letter_that_names_its_operation_is_not_about_its_subject_line() -> None:
    text = ("Nederlandse luchtverdediging naar Turkije\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            "Den Haag, 26 februari 2003\n\nHierbij informeren wij u over het besluit van de regering twee "
            "luchtverdedigingseenheden naar Turkije te zenden. De maatregelen worden uitgevoerd onder de naam "
            "Display Deterrence.\n\nDe eenheden met circa 300 militairen blijven tot eind mei 2003 in Turkije.\n")
    ex = process_text(text).extraction
    assert {c.mission for c in ex.contributions} == {"DISPLAY-DETERRENCE"}


def test_a_count_that_others_share_or_own_is_not_the_dutch_personnel() -> None:
    body = ("Nederland levert vanaf 1 maart 2008 een chirurgisch team van twaalf militairen aan het hospitaal van ISAF. "
            "Het hospitaal telt ongeveer 150 medewerkers, onder wie Britse en Deense artsen. Van de ongeveer 60 "
            "medewerkers van de missie in Kabul zijn er 40 teruggekeerd. Het schip heeft 14 Nederlanders en 30 "
            "burgers van andere landen uit de haven opgehaald.")
    facts = _facts(body, "20 februari 2008")
    assert ("ISAF", "personnel", 12) in facts
    assert not any(k == "personnel" and v in (150, 60, 40, 14) for _, k, v in facts)


def test_a_mission_named_with_its_operation_word_is_later_named_bare() -> None:
    body = ("Op 1 april 2004 neemt de EU-operatie Concordia de taken over van de NAVO-operatie Allied Harmony, waaraan "
            "Nederland met vier stafofficieren bijdroeg.\n\n"
            "Het kabinet heeft besloten aan Concordia deel te nemen met twee stafofficieren en een verbindingsteam van "
            "vijf militairen.")
    facts = _facts(body, "20 maart 2004")
    assert {("CONCORDIA", "personnel", 2), ("CONCORDIA", "personnel", 5)} <= facts
    assert not any(m == "ALLIED-HARMONY" and v in (2, 5) for m, _, v in facts)


def test_a_mission_is_later_named_by_the_head_of_its_name() -> None:
    body = ("Het kabinet draagt bij aan de geïntegreerde politietrainingsmissie in de provincie Kunduz.\n\n"
            "Het kabinet heeft besloten tot een politietrainingsmissie van 1 september 2011 tot 1 september 2013, "
            "met ten hoogste 400 personen.")
    facts = _facts(body, "14 juni 2011")
    assert {("GPTM", "personnel", 400), ("GPTM", "start", "2011-09-01"), ("GPTM", "end", "2013-09-01")} <= facts


def test_a_contribution_that_begins_and_runs_to_the_end_of_a_mandate() -> None:
    body = ("Nederland neemt deel aan UNMEE met drie waarnemers. De bijdrage begint op 15 mei 2001 en loopt tot het "
            "einde van het tweede mandaat, op 15 november 2001.")
    facts = _facts(body, "2 mei 2001")
    assert {("UNMEE", "start", "2001-05-15"), ("UNMEE", "end", "2001-11-15")} <= facts


def test_a_length_of_time_is_not_people_and_runs_from_the_start_just_named() -> None:
    body = ("Het kabinet heeft besloten de bijdrage aan EUTM Somalia vanaf 1 maart 2015 uit te breiden met vier "
            "instructeurs. De instructeurs worden voor een periode van negen maanden uitgezonden.")
    facts = _facts(body, "10 februari 2015")
    assert ("EUTM-SOMALIA", "personnel", 4) in facts
    assert ("EUTM-SOMALIA", "end", "2015-11-30") in facts
    assert not any(k == "personnel" and v == 9 for _, k, v in facts)


def test_members_of_a_force_are_its_people() -> None:
    facts = _facts("Nederland levert aan EUPM acht leden van de Koninklijke Marechaussee.", "1 december 2002")
    assert ("EUPM", "personnel", 8) in facts
    assert not any(k == "personnel" for _, k, _ in _facts("Acht leden van de commissie bezochten EUPM.", "1 december 2002"))


def test_a_sentence_that_opens_with_its_year_gives_that_year_to_its_months() -> None:
    body = ("In 2023 heeft Nederland van maart tot en met mei een fregat en in september en oktober een mijnenjager "
            "aan Sea Guardian bijgedragen.")
    facts = _facts(body, "1 februari 2024")
    assert {("SEA-GUARDIAN", "start", "2023-03"), ("SEA-GUARDIAN", "end", "2023-05")} <= facts
    assert {("SEA-GUARDIAN", "start", "2023-09"), ("SEA-GUARDIAN", "end", "2023-10")} <= facts


def test_a_return_split_around_its_date_ends_the_contribution() -> None:
    facts = _facts("De zes Nederlandse stafofficieren van KFOR keren eind juni terug.", "10 mei 2016")
    assert ("KFOR", "end", "2016-06") in facts


def test_what_began_is_a_start_only_when_the_contribution_begins() -> None:
    body = ("Na het conflict, dat op 2 augustus jl. begon, stelt Nederland een fregat beschikbaar aan UNIFIL. "
            "De bijdrage begint op 1 oktober.")
    facts = _facts(body, "12 september 2016")
    assert ("UNIFIL", "start", "2016-10-01") in facts
    assert not any(v == "2016-08-02" for _, _, v in facts)


def test_the_people_just_named_who_begin_start_the_contribution_but_the_mission_beginning_does_not() -> None:
    plural = ("Nederland stelt twee transportvliegtuigen en 40 militairen beschikbaar aan MINUSCA; zij beginnen "
              "daar op 3 november met de eerste vluchten.")
    assert ("MINUSCA", "start", "2016-11-03") in _facts(plural, "12 september 2016")
    singular = ("Nederland stelt twee transportvliegtuigen en 40 militairen beschikbaar aan MINUSCA. Zij begint "
                "op 3 november aan een nieuw mandaat.")
    assert not any(v == "2016-11-03" for _, _, v in _facts(singular, "12 september 2016"))


def test_what_the_unit_just_named_consists_of_is_dutch_but_what_the_mission_counts_is_not() -> None:
    body = ("Nederland stelt een logistiek detachement beschikbaar aan UNMISS. Het telt ongeveer 120 militairen. "
            "Het bestaat uit een transportpeloton van 80 militairen en een werkplaats van veertig militairen.")
    facts = _facts(body)
    assert {("UNMISS", "personnel", n) for n in (120, 80, 40)} <= facts
    mission = ("Nederland stelt twee politieadviseurs beschikbaar aan UNMISS. Zij telt thans ongeveer 900 "
               "internationale medewerkers.")
    assert ("UNMISS", "personnel", 900) not in _facts(mission)


def test_the_governments_decision_keeps_the_chain_and_its_year_is_no_period() -> None:
    body = ("Sinds mei 2004 maakt een genie-eenheid van 45 militairen deel uit van UNMIL. De regering besloot in "
            "2003 tot deelname voor twee jaar (Kamerstuk 29 521, nr. 4). Die periode loopt tot 1 mei 2006.")
    facts = _facts(body, "12 maart 2006")
    assert ("UNMIL", "end", "2006-05-01") in facts
    assert not any(str(v).startswith("2003") for _, _, v in facts)


def test_leaving_the_country_of_the_mission_ends_the_stay_and_leaving_a_dutch_port_starts_it() -> None:
    abroad = ("Nederland levert drie adviseurs aan EUCAP Sahel Niger. De adviseurs hebben Niger op 2 augustus met "
              "een Franse vlucht verlaten.")
    assert ("EUCAP-SAHEL-NIGER", "end", "2016-08-02") in _facts(abroad, "12 september 2016")
    home = "Nederland levert een fregat aan Atalanta. Zr.Ms. Tromp heeft op 2 augustus Den Helder verlaten."
    assert ("ATALANTA", "start", "2016-08-02") in _facts(home, "12 september 2016")


def test_an_earlier_term_that_runs_out_on_a_coming_day_is_this_years() -> None:
    body = ("Nederland levert 40 militairen aan UNMIL. Op 19 oktober a.s. verstrijkt de termijn waarvoor tot "
            "voortzetting van de Nederlandse deelname aan UNMIL is besloten.")
    assert ("UNMIL", "end", "2016-10-19") in _facts(body, "7 oktober 2016")


def test_this_operation_is_the_one_the_sentence_before_named() -> None:
    body = ("Dit jaar eindigt de NAVO-operatie Sea Guardian. Nederland neemt sinds maart met een fregat en 150 "
            "militairen aan deze operatie deel.\n\nDe regering heeft besloten een mijnenjager met 40 militairen "
            "aan Irini bij te dragen. Irini handhaaft het wapenembargo; Irini werkt vanuit Rome.")
    facts = _facts(body)
    assert ("SEA-GUARDIAN", "personnel", 150) in facts and ("IRINI", "personnel", 150) not in facts


def test_the_mission_the_opening_gives_to_is_the_letters_however_often_its_predecessor_is_named() -> None:
    body = ("Wij delen u mede dat de regering heeft besloten een geniecompagnie ter beschikking te stellen van de "
            "VN-missie MINUSMA. MINUSMA neemt op 1 juli de taken over van AFISMA.\n\nAFISMA werkt sinds januari "
            "in het land. AFISMA telt 6 000 militairen. AFISMA gaat op in de nieuwe missie.\n\n"
            "De compagnie telt 120 militairen.")
    facts = _facts(body, "12 mei 2013")
    assert ("MINUSMA", "personnel", 120) in facts
    assert not any(m != "MINUSMA" for m, _, _ in facts)


def test_a_contribution_to_the_mission_the_sentence_before_was_about() -> None:
    body = ("Nederland levert aan KFOR zes stafofficieren.\n\nEUFOR Althea telt ongeveer 2 500 militairen uit "
            "twintig landen. Nederland levert daaraan nog circa 70 militairen.\n\nAan de EU-politiemissie EUPM "
            "draagt Nederland met drie agenten bij. Zij blijven tot 31 december 2009.")
    facts = _facts(body, "14 maart 2008")
    assert {("ALTHEA", "personnel", 70), ("EUPM", "personnel", 3), ("EUPM", "end", "2009-12-31")} <= facts
    assert not any(m == "KFOR" and v in (70, "2009-12-31") for m, _, v in facts)


def test_since_then_and_on_that_date_take_the_date_of_the_sentence_before() -> None:
    body = ("Nederland levert een genie-eenheid aan UNMIL. Op 3 maart nam Ierland het bevel over de sector over. "
            "Sindsdien levert Nederland daar ook de sectorstaf. Op 1 juni draagt Ierland het bevel over aan Zweden. "
            "De Nederlandse inzet in de sectorstaf eindigt op die datum.")
    facts = _facts(body, "12 april 2006")
    assert {("UNMIL", "start", "2006-03-03"), ("UNMIL", "end", "2006-06-01")} <= facts
    decided = ("Nederland levert een genie-eenheid aan UNMIL. Op 3 maart besloot de VN de missie uit te breiden. "
               "Sindsdien levert Nederland daar ook de sectorstaf.")
    assert ("UNMIL", "start", "2006-03-03") not in _facts(decided, "12 april 2006")


def test_civil_servants_and_judges_are_people_sent_but_the_missions_own_strength_is_not() -> None:
    body = ("Nederland levert aan EULEX vier rechters en twee douaneambtenaren. De missie mag uiteindelijk 2.000 "
            "politiemensen tellen. Die missie richt zich op de rechtsstaat en telt ongeveer 1 275 politiemensen. "
            "De Raad heeft de missie opgericht, met ten hoogste 900 politiemensen.")
    facts = _facts(body, "12 maart 2010")
    assert {("EULEX", "personnel", 4), ("EULEX", "personnel", 2)} <= facts
    assert not any(v in (2000, 1275, 900) for _, _, v in facts)


def test_an_operation_the_opening_describes_takes_the_facts_when_the_named_ones_are_others() -> None:
    body = ("Met deze brief informeren wij u over de Nederlandse hulp na de aardbeving in Nepal, die op 25 april "
            "het land trof.\n\nDe Verenigde Staten steunen de hulpverlening met de operatie Sahayogi Haat.\n\n"
            "Sinds 28 april werken zes artsen van Defensie in Kathmandu.")
    ex = process_text(HEAD.format(date="5 mei 2015") + body + "\n").extraction
    assert [(c.mission, c.personnel) for c in ex.contributions if c.personnel] == [
        ("NEDERLANDSE-HULP-NA-DE-AARDBEVING-IN-NEPAL", 6)]
    assert ex.missions[0].id == "NEDERLANDSE-HULP-NA-DE-AARDBEVING-IN-NEPAL"


def test_a_request_to_join_that_the_government_declines_leaves_that_operation_out() -> None:
    body = ("Met deze brief informeren wij u over de medische hulp aan de vluchtelingen in Goma, waartoe de "
            "regering op 25 juli heeft besloten.\n\n"
            "Frankrijk heeft Nederland gevraagd met militairen deel te nemen aan de operatie Turquoise. De regering "
            "heeft besloten niet op dat verzoek in te gaan.\n\nHet geneeskundig team telt 35 militairen.")
    ex = process_text(HEAD.format(date="29 juli 1994") + body + "\n").extraction
    assert {c.mission for c in ex.contributions} == {"MEDISCHE-HULP-AAN-DE-VLUCHTELINGEN-IN-GOMA"}


def test_one_of_the_people_just_named_goes_on_and_a_return_home_ends_the_stay() -> None:
    body = ("Nederland leverde vanaf juni 2013 vier deskundigen aan EUBAM Libya. De drie marechaussees zijn begin "
            "augustus 2014 naar Nederland teruggekeerd. De douanedeskundige heeft nog tot 31 oktober 2014 aan de "
            "plannen gewerkt. De missie zou bij volledige bezetting ongeveer 110 internationale medewerkers tellen.")
    facts = _facts(body, "12 maart 2015")
    assert {("EUBAM-LIBYA", "end", "2014-08"), ("EUBAM-LIBYA", "end", "2014-10-31")} <= facts
    assert ("EUBAM-LIBYA", "personnel", 110) not in facts


def test_from_the_missions_start_to_the_end_of_its_mandate_takes_the_dates_the_letter_gave_the_mission() -> None:
    body = ("De Raad heeft besloten tot EUCAP Sahel Niger.\n\nDe missie wordt op 1 september operationeel; haar "
            "mandaat loopt tot 17 januari 2014.\n\nNederland levert twee marechaussees. Zij zijn vanaf het begin van "
            "de missie in Niamey werkzaam en worden uitgezonden tot het einde van het mandaat.")
    facts = _facts(body, "20 juli 2012")
    assert {("EUCAP-SAHEL-NIGER", "start", "2012-09-01"), ("EUCAP-SAHEL-NIGER", "end", "2014-01-17")} <= facts


def test_people_who_moved_on_that_date_into_the_new_mission_started_there_then() -> None:
    body = ("Tot en met 31 augustus 2024 droeg Nederland bij aan EUTM Mozambique. Op 1 september is de "
            "trainingsmissie overgegaan in EUMAM Mozambique. De nieuwe missie telt ongeveer 80 militairen. De "
            "Nederlandse militairen zijn op die datum in de nieuwe missie overgegaan.")
    facts = _facts(body, "27 september 2024")
    assert ("EUMAM-MOZAMBIQUE", "start", "2024-09-01") in facts
    assert ("EUTM-MOZAMBIQUE", "start", "2024-09-01") not in facts


def test_joining_a_group_starts_and_a_return_told_in_the_present_lies_ahead() -> None:
    body = ("Nederland stelt een fregat beschikbaar aan Atalanta. Zr.Ms. Tromp sluit op 22 april bij de "
            "operatie aan. Het fregat keert naar verwachting begin december in Den Helder terug.")
    facts = _facts(body, "10 april 2025")
    assert {("ATALANTA", "start", "2025-04-22"), ("ATALANTA", "end", "2025-12")} <= facts


def test_a_deployment_is_for_the_operation_after_voor_however_far_its_noun_stands() -> None:
    body = ("Hierbij bericht ik u dat de regering heeft besloten de inzet van Nederlandse F-16's vanaf de "
            "Italiaanse vliegbasis Amendola voor de NAVO-operatie Deny Flight te beëindigen.\n\nDe toestellen "
            "steunen SFOR. SFOR telt 30 000 militairen. SFOR blijft.\n\nHet detachement telt 110 militairen.")
    assert ("DENY-FLIGHT", "personnel", 110) in _facts(body, "15 juni 1995")


def test_parts_of_the_people_just_counted_need_no_noun_of_their_own() -> None:
    body = ("Nederland levert aan UNMIS in totaal ongeveer 60 militairen, onder wie circa 25 in het hoofdkwartier. "
            "In de staf dienen Nederlandse officieren in gemengde teams; ongeveer twaalf van hen werken in Juba.")
    facts = _facts(body, "12 maart 2009")
    assert {("UNMIS", "personnel", 60), ("UNMIS", "personnel", 25), ("UNMIS", "personnel", 12)} <= facts


def test_what_the_dutch_share_consists_of_is_not_the_missions_size() -> None:
    body = ("De bijdrage aan UNMISS bestaat uit maximaal twaalf stafofficieren in Juba. De bijdrage aan EUCAP Sahel "
            "Niger bestaat uit drie civiele deskundigen. UNMISS telt ruim 13.000 militairen. De noodmacht van de EU "
            "telt ongeveer 1.800 militairen.")
    facts = _facts(body, "20 november 2020")
    assert {("UNMISS", "personnel", 12), ("EUCAP-SAHEL-NIGER", "personnel", 3)} <= facts
    assert not any(v in (13000, 1800) for _, _, v in facts)


def test_a_team_that_left_on_a_date_started_then() -> None:
    text = ("Kamerbrief over noodhulp na de aardbeving in Turkije\n\n" + HEAD.format(date="20 februari 2023") +
            "Het Nederlandse USAR-team, bestaande uit 58 reddingswerkers van brandweer en Defensie, is op 9 februari "
            "naar Antakya vertrokken en heeft daar tot 16 februari gezocht.\n")
    ex = process_text(text).extraction
    facts = {(k, getattr(c, k)) for c in ex.contributions for k in ("personnel", "start") if getattr(c, k)}
    assert {("personnel", 58), ("start", "2023-02-09")} <= facts


def test_a_ship_that_sails_from_a_caribbean_port_of_the_kingdom_starts_then() -> None:
    # Willemstad is in Curaçao, a country of the Kingdom: leaving it is leaving home, not
    # leaving the mission's area.
    body = ("Het patrouilleschip Zr.Ms. Groningen, met 54 bemanningsleden, vertrok op 3 september uit Willemstad "
            "naar Sint Maarten voor noodhulp na de orkaan.")
    text = "Kamerbrief over noodhulp na de orkaan Irma op Sint Maarten\n\n" + HEAD.format(date="8 september 2017") + body + "\n"
    assert _dates(text) == {("start", "2017-09-03")}


def test_where_flights_set_out_from_and_where_a_ship_returns_to_are_no_places_of_the_unit() -> None:
    text = ("Kamerbrief over noodhulp na de overstromingen in Mozambique\n\n" + HEAD.format(date="25 maart 2019") +
            "Een KDC-10 met 20 militairen vliegt vanuit Entebbe naar Beira, waar de bemanning hulpgoederen lost. "
            "Zr.Ms. Karel Doorman keert eind april naar Den Helder terug.\n")
    places = {c.location for c in process_text(text).extraction.contributions if c.location}
    assert places == {"Beira"}


def test_each_count_of_a_list_goes_to_the_mission_it_is_given_to() -> None:
    facts = _facts("Nederland levert op dit moment twaalf stafofficieren aan UNMISS en drie politieadviseurs aan "
                   "EUCAP Sahel Mali.")
    assert {(m, v) for m, k, v in facts if k == "personnel"} == {("UNMISS", 12), ("EUCAP-SAHEL-MALI", 3)}


def test_a_team_sent_on_a_date_started_then() -> None:
    text = ("Kamerbrief over hulp na de aardbeving in Marokko\n\n" + HEAD.format(date="15 september 2023") +
            "Op verzoek van de Marokkaanse regering heeft Nederland op 10 september een team van 30 militairen "
            "van de genie gestuurd.\n")
    assert _dates(text) == {("start", "2023-09-10")}


def test_that_contribution_ends_at_the_handover_to_its_successor() -> None:
    facts = _facts("Sinds maart 2003 leverde Nederland vier stafofficieren aan de EU-operatie Concordia in Macedonië. "
                   "Die bijdrage is met de overdracht aan EUPOL Proxima op 15 december 2003 beëindigd.", "20 december 2003")
    assert ("CONCORDIA", "end", "2003-12-15") in facts
    assert not any("PROXIMA" in m for m, _, _ in facts)


def test_a_date_whose_start_verb_stands_at_the_end_of_its_clause() -> None:
    text = ("Inzet Zr.Ms. Zeeland na orkaan Dorian\n\n" + HEAD.format(date="10 september 2019") +
            "Zr.Ms. Zeeland is op 4 september met 60 bemanningsleden, drinkwater, tenten en medische middelen "
            "naar de Bahama's vertrokken.\n")
    assert _dates(text) == {("start", "2019-09-04")}


def test_a_stated_end_is_not_also_computed_from_the_length() -> None:
    facts = _facts("De vier waarnemers vertrekken naar verwachting in november voor een periode van twaalf maanden, "
                   "tot november 2017, naar de VN-missie in Colombia.", "3 oktober 2016")
    assert {v for _, k, v in facts if k == "end"} == {"2017-11"}


def test_an_extension_to_a_yearless_date_weeks_away_runs_to_the_next_year() -> None:
    body = "Het kabinet heeft besloten de bijdrage aan KFOR te verlengen tot en met 31 december."
    assert ("KFOR", "end", "2026-12-31") in _facts(body, "14 november 2025")
    assert ("KFOR", "end", "2025-12-31") in _facts(body, "10 maart 2025")
    body = "Zr.Ms. Tromp nam tot eind juni deel aan Atalanta; deze inzet wordt niet verlengd."
    assert ("ATALANTA", "end", "2025-06") in _facts(body, "29 mei 2025")


def test_the_dutch_unit_of_a_named_force_is_that_forces() -> None:
    facts = _facts("Nederland levert twee politieadviseurs aan UNMIK in Pristina. De Nederlandse eenheid van de "
                   "Kosovo Force (KFOR), met ongeveer 400 militairen, wordt in juni 2016 teruggetrokken.")
    assert {("KFOR", "personnel", 400), ("KFOR", "end", "2016-06")} <= facts


def test_agent_nouns_by_their_suffix_count_people() -> None:
    facts = _facts("Nederland levert vanaf 1 mei 2016 een team van zes logistici en vijf analisten aan MINUSMA.")
    assert {("MINUSMA", "personnel", 6), ("MINUSMA", "personnel", 5)} <= facts


def test_a_count_of_the_people_just_named_as_they_are_now() -> None:
    facts = _facts("Nederland levert sinds maart 2014 stafofficieren aan het hoofdkwartier van EUFOR Althea, thans vier.")
    assert ("ALTHEA", "personnel", 4) in facts


def test_a_description_that_ends_in_the_missions_bracketed_name_is_that_mission() -> None:
    body = ("Op 31 december 2011 loopt het nationale mandaat af voor de Nederlandse deelname aan de EU-missie voor "
            "advies en bijstand bij de hervorming van de veiligheidssector in Congo (EUSEC RD Congo). Nederland "
            "levert drie adviseurs aan EUSEC RD Congo.")
    ex = process_text(HEAD.format(date="1 november 2011") + body + "\n").extraction
    assert [m.id for m in ex.missions] == ["EUSEC-RD-CONGO"]
    facts = {(c.mission, k, getattr(c, k)) for c in ex.contributions for k in ("personnel", "end") if getattr(c, k)}
    assert {("EUSEC-RD-CONGO", "end", "2011-12-31"), ("EUSEC-RD-CONGO", "personnel", 3)} <= facts


def test_a_mission_named_with_its_place_is_later_named_by_its_acronym() -> None:
    body = ("Het kabinet draagt bij aan de politiemissie van de EU in Afghanistan (EUPOL Afghanistan).\n\n"
            "Het kabinet heeft besloten twaalf politiefunctionarissen aan EUPOL te leveren, tot 1 juli 2010. "
            "Daarnaast blijft Task Force Uruzgan tot augustus 2010 in Uruzgan.")
    facts = _facts(body, "20 mei 2008")
    assert {("EUPOL-AFGHANISTAN", "personnel", 12), ("EUPOL-AFGHANISTAN", "end", "2010-07-01")} <= facts


def test_a_contribution_given_to_a_described_mission_with_its_name_in_brackets() -> None:
    body = ("Nederland draagt daarnaast bij aan de EU-adviesmissie voor de hervorming van de civiele "
            "veiligheidssector (EUAM Oekraïne) met drie politieadviseurs. Zij werken sinds april tijdelijk vanuit "
            "Polen.")
    facts = _facts("Nederland levert twee waarnemers aan de OVSE-waarnemersmissie in Oekraïne.\n\n" + body, "10 juni 2022")
    assert {("EUAM-UKRAINE", "personnel", 3), ("EUAM-UKRAINE", "location", "Polen")} <= facts
    assert not any(m != "EUAM-UKRAINE" and k == "location" for m, k, _ in facts)


def test_parts_of_a_stated_total_after_a_colon_are_people_too() -> None:
    body = "Nederland levert drie stafofficieren aan EUFOR RCA: twee op het hoofdkwartier in Bangui en één in Larissa."
    facts = _facts(body, "10 maart 2014")
    assert {("EUFOR-RCA", "personnel", 3), ("EUFOR-RCA", "personnel", 2), ("EUFOR-RCA", "personnel", 1)} <= facts


@pytest.mark.parametrize(
    "body, place",
    [
        # a reason: where the helicopters are is not where this contribution goes
        ("Nederland levert twee stafofficieren aan UNMISS. Helikopters levert Nederland niet, omdat de "
         "transporthelikopters in Mali zijn ingezet.", "Mali"),
        # an attack on others, told as a risk
        ("Nederland levert vier stafofficieren aan UNMISS. Vorig jaar kwamen bij een aanval op een kamp in "
         "Bor zes blauwhelmen om het leven.", "Bor"),
        # the origin of people the mission protects
        ("Nederland neemt met 60 mariniers deel aan EUFOR Tchad/RCA, die de vluchtelingen uit Darfur beschermt.",
         "Darfur"),
        # what the mission does, once the sentence has placed the Dutch officers
        ("Nederland levert drie stafofficieren aan operatie Prosperity Guardian in Bahrein, die de scheepvaart "
         "in de Rode Zee beschermt.", "Rode Zee"),
        # the home base the aircraft leave from
        ("Nederland stuurt voor UNFICYP een KDC-10 met 40 militairen naar Cyprus; het toestel vertrekt vanaf "
         "vliegbasis Eindhoven.", "Eindhoven"),
        # the base a detachment goes back to
        ("Het detachement van 120 militairen dat vanuit Jordanië aan de strijd tegen ISIS deelneemt, keert in "
         "juni terug naar vliegbasis Leeuwarden.", "Leeuwarden"),
    ],
)
def test_a_place_of_a_reason_an_attack_or_the_missions_own_work_is_no_location(body: str, place: str) -> None:
    facts = _facts(body)
    assert any(k == "personnel" for _, k, _ in facts)
    assert not any(k == "location" and v == place for _, k, v in facts)


def test_a_unit_guards_against_attacks_where_it_sails() -> None:
    facts = _facts("Het fregat beschermt de koopvaardij in de Golf van Aden tegen aanvallen van piraten. "
                   "Nederland levert daartoe een fregat met 150 militairen aan Atalanta.")
    assert ("ATALANTA", "location", "Golf van Aden") in facts


def test_a_count_after_thans_and_the_dutch_among_a_whole() -> None:
    facts = _facts("Nederland levert sinds 2005 militaire waarnemers aan UNTSO, thans zes, van wie er twee in "
                   "Beiroet werken.")
    assert ("UNTSO", "personnel", 6) in facts
    among = _facts("Aan UNMIS nemen ruim 600 militaire waarnemers deel, onder wie twaalf Nederlanders.")
    assert ("UNMIS", "personnel", 12) in among and ("UNMIS", "personnel", 600) not in among


def test_a_unit_of_another_nations_army_is_not_ours() -> None:
    facts = _facts("Nederland levert 1.200 militairen aan ISAF in Uruzgan. In Tarin Kowt is verder een brigade "
                   "van het Afghaanse leger gelegerd, die circa 3.000 militairen telt.")
    assert ("ISAF", "personnel", 1200) in facts
    assert not any(v == 3000 for _, _, v in facts)


def test_a_contribution_under_investigation_is_considered() -> None:
    body = "Het kabinet onderzoekt een bijdrage van vier stafofficieren aan het hoofdkwartier van UNISFA in Abyei."
    assert not _facts(body)


def test_a_date_of_a_letter_sent_or_a_place_of_another_body_is_no_fact() -> None:
    facts = _facts("Nederland levert vier instructeurs aan EUTM Mali. Bij het besluit is het toetsingskader gevolgd "
                   "dat wij u in januari jl. hebben gezonden. De instructeurs reizen alleen na overleg met de "
                   "Nederlandse ambassade in Dakar.")
    assert ("EUTM-MALI", "personnel", 4) in facts
    assert not any(k == "start" for _, k, _ in facts)
    assert not any(v == "Dakar" for _, _, v in facts)


def test_an_operation_the_netherlands_did_not_join_gives_no_dates() -> None:
    facts = _facts("Nederland levert zes politieadviseurs aan MAPE. De operatie Alba maakte van april tot augustus "
                   "1997 de hulpverlening mogelijk; Nederland nam daaraan niet deel.")
    assert not any(k in ("start", "end") for _, k, _ in facts)


def test_the_first_of_those_sent_leave_at_the_start() -> None:
    facts = _facts("Nederland levert twaalf verificateurs aan de KVM. De eerste vier vertrekken op 2 april naar "
                   "Pristina; de anderen volgen later.")
    assert ("KVM", "personnel", 12) in facts and ("KVM", "start", "2016-04-02") in facts


def test_a_dutch_unit_qualified_by_a_place_counts_its_own_people() -> None:
    facts = _facts("Nederland levert F-16's aan operatie Deny Flight. Het detachement in Villafranca telt circa "
                   "250 militairen.")
    assert ("DENY-FLIGHT", "personnel", 250) in facts


def test_a_relative_clause_on_the_mission_gives_the_missions_own_start() -> None:
    facts = _facts("Nederland levert vier politiefunctionarissen aan de politiemissie van de EU in Afghanistan "
                   "(EUPOL Afghanistan), die op 15 januari jl. van start is gegaan.")
    assert ("EUPOL-AFGHANISTAN", "personnel", 4) in facts
    assert not any(k == "start" for _, k, _ in facts)
    own = _facts("De Nederlandse bijdrage aan NTM-I, die thans bestaat uit zes stafofficieren, eindigt per "
                 "31 december 2016.")
    assert ("NTM-I", "end", "2016-12-31") in own


def test_dates_of_a_reason_a_fight_or_an_open_question_are_not_the_contributions() -> None:
    facts = _facts("Nederland levert in 2015 een eenheid aan de VJTF. Omdat de definitieve VJTF pas in 2016 "
                   "beschikbaar is, vormen Duitsland en Nederland een tijdelijke VJTF. Of Nederland in 2018 opnieuw "
                   "eenheden aan de VJTF levert, wordt later besproken.", "1 februari 2015")
    assert ("VJTF", "start", "2015") in facts
    assert not any(v in ("2016", "2018") for _, _, v in facts)
    fight = _facts("Nederland levert 1.400 militairen aan ISAF. In augustus vonden in Kandahar zware gevechten "
                   "plaats, waarbij Canadese eenheden van ISAF verliezen leden.", "1 oktober 2006")
    assert not any(k in ("start", "end") for _, k, _ in fight)
    fronted = _facts("Omdat de missie haar taken niet kan uitvoeren, beëindigt het kabinet de Nederlandse bijdrage "
                     "aan EUTM Mali met ingang van 1 oktober 2016.")
    assert ("EUTM-MALI", "end", "2016-10-01") in fronted


def test_other_countries_as_subject_after_an_adverbial_or_a_demonstrative() -> None:
    facts = _facts("Nederland levert vier F-16's aan de Baltic Air Policing. Deze drie landen zijn sinds 29 maart "
                   "2004 lid van de NAVO. Tot 1 augustus 2004 blijft het huidige Duitse team, met ongeveer 90 "
                   "militairen, in Siauliai.", "1 juni 2004")
    assert not any(k in ("start", "end", "personnel") for _, k, _ in facts)


def test_a_handover_in_the_missions_relative_clause_keeps_the_dutch_start() -> None:
    facts = _facts("Nederland heeft eerder, van april 2014 tot en met maart 2015, met stafofficieren bijgedragen aan "
                   "EUFOR RCA, die de veiligheid herstelde tot MINUSCA haar taken kon overnemen.")
    assert {("EUFOR-RCA", "start", "2014-04"), ("EUFOR-RCA", "end", "2015-03")} <= facts


def test_parts_of_those_just_sent_count() -> None:
    facts = _facts("Nederland levert 300 militairen aan Eastern Sentry. Van hen werken er ongeveer 220 bij de "
                   "Patriot-eenheid en 80 bij de antidrone-eenheid.", "1 oktober 2025")
    assert {("EASTERN-SENTRY", "personnel", n) for n in (300, 220, 80)} <= facts


def test_an_extension_of_a_list_of_missions_ends_each_of_them() -> None:
    facts = _facts("Het kabinet heeft besloten de bijdragen aan de VN-missie MINUSMA, de EU-trainingsmissie EUTM "
                   "Mali en de civiele EU-missie EUCAP Sahel Mali te verlengen tot en met 31 december 2021.",
                   "20 november 2020")
    assert {(m, "end", "2021-12-31") for m in ("MINUSMA", "EUTM-MALI", "EUCAP-SAHEL-MALI")} <= facts


def test_an_operation_the_netherlands_stays_out_of_gets_none_of_the_letters_facts() -> None:
    text = ("Versterking van de luchtverdediging van Polen\n\n" + HEAD.format(date="3 februari 1991")
            + "De NAVO heeft besloten jachtvliegtuigen naar het oosten van het bondgenootschap te zenden, de operatie Ace Guard. "
            "Nederland neemt niet aan Ace Guard deel.\n\nWel heeft de regering besloten een Patriot-squadron van circa 120 "
            "militairen naar het oosten van Polen te sturen. De eerste eenheden vertrekken op 10 februari.\n")
    contributions = process_text(text).extraction.contributions
    assert {c.mission for c in contributions} and "ACE-GUARD" not in {c.mission for c in contributions}
    assert any(c.personnel == 120 for c in contributions) and any(c.start == "1991-02-10" for c in contributions)


def test_another_countrys_operation_named_beside_the_dutch_one_is_context() -> None:
    facts = _facts("Nederland levert een fregat aan operatie Atalanta. De Verenigde Staten escorteren in de operatie "
                   "Earnest Will tankers onder Amerikaanse vlag.\n\nHet fregat heeft een bemanning van circa 150 militairen.",
                   "4 maart 1988")
    assert ("ATALANTA", "personnel", 150) in facts and not any(m == "EARNEST-WILL" for m, _, _ in facts)


def test_a_mission_another_actor_runs_but_the_netherlands_supports_stays_its_own() -> None:
    facts = _facts("Nederland levert aan UNMIS vijftien stafofficieren. Het oosten van Darfur valt buiten het gebied van "
                   "UNMIS; daar is de Afrikaanse Unie actief met de missie AMIS, die Nederland met materieel ondersteunt.",
                   "4 maart 2006")
    assert ("UNMIS", "personnel", 15) in facts and ("AMIS", "location", "Darfur") in facts


def test_a_standing_force_carries_its_units_into_the_operation_the_letter_is_about() -> None:
    text = ("Nederlandse bijdrage aan de hulpoperatie van de NAVO na de overstromingen in Pakistan\n\n"
            + HEAD.format(date="4 november 2010")
            + "Nederland levert in het kader van de NRF een geniecompagnie van ongeveer 110 militairen. "
            "De geniecompagnie vertrekt op 9 november naar Sukkur.\n")
    contributions = process_text(text).extraction.contributions
    assert {c.mission for c in contributions} == {"HULPOPERATIE-VAN-DE-NAVO-NA-DE-OVERSTROMINGEN-IN-PAKISTAN"}
    assert {c.start for c in contributions if c.start} == {"2010-11-09"}


def test_an_extension_the_letter_only_holds_open_moves_no_end_into_next_year() -> None:
    facts = _facts("Nederland levert een C-130 aan operatie Inherent Resolve. De inzet duurt voorlopig tot eind april en "
                   "wordt zo nodig verlengd.", "15 maart 2016")
    assert ("OIR", "end", "2016-04") in facts


def test_an_overview_table_whose_first_row_opens_with_a_small_letter_gives_each_row_its_mission() -> None:
    facts = _facts("In de tabel staan de bijdragen van meer dan tien militairen, met het aantal op 1 juni.\n\n"
                   "Eenheid en plaats aantal\n\neFP, gevechtsgroep in Rukla, Litouwen 250\n\nUNTSO, waarnemers in Israël 12\n\n"
                   "UNMISS, stafofficieren in Juba 16", "20 juni 2025")
    assert {("EFP", "personnel", 250), ("UNTSO", "personnel", 12), ("UNMISS", "personnel", 16)} <= facts
    assert not any(v in (10, "2025-06-01") for _, _, v in facts)


def test_a_relative_clause_on_the_last_mission_of_a_list_holds_that_missions_facts() -> None:
    facts = _facts("Daarnaast leveren Nederlandse militairen kleinere bijdragen aan KFOR en UNDOF, en aan de NAVO-operatie "
                   "Baltic Sentry, waaraan Zr.Ms. Van Amstel sinds 20 januari deelneemt met ongeveer 140 bemanningsleden.",
                   "20 juni 2025")
    assert {("BALTIC-SENTRY", "personnel", 140), ("BALTIC-SENTRY", "start", "2025-01-20")} <= facts


def test_dates_given_by_the_missions_own_start_length_and_end() -> None:
    facts = _facts("EUPOL Kinshasa is op 30 april 2005 van start gegaan. Nederland heeft vanaf het begin van de missie aan "
                   "EUPOL Kinshasa bijgedragen, met drie politiefunctionarissen. Het mandaat van EUPOL Kinshasa loopt op 30 juni "
                   "af; de Nederlandse bijdrage eindigt op die datum.\n\nDe Raad heeft besloten tot een opvolger, EUPOL RD "
                   "Congo. De missie begint op 1 juli en duurt twaalf maanden. Nederland levert twee adviseurs aan EUPOL RD "
                   "Congo. Zij blijven voor de duur van de missie.", "14 mei 2007")
    assert {("EUPOL-KINSHASA", "start", "2005-04-30"), ("EUPOL-KINSHASA", "end", "2007-06-30")} <= facts
    assert {("EUPOL-RD-CONGO", "start", "2007-07-01"), ("EUPOL-RD-CONGO", "end", "2008-06-30")} <= facts


def test_a_rotation_in_its_own_clause_keeps_the_departure_and_the_period() -> None:
    facts = _facts("Nederland levert twintig geniemilitairen aan UNMIL. Het detachement vertrekt op 3 april naar "
                   "Liberia en blijft daar voor de duur van een jaar; na vier maanden wordt het afgelost door een "
                   "tweede detachement.", "12 maart 2016")
    assert ("UNMIL", "start", "2016-04-03") in facts
    assert any(m == "UNMIL" and k == "end" and v.startswith("2017-04") for m, k, v in facts)


def test_a_task_taken_over_by_another_country_starts_no_dutch_period() -> None:
    facts = _facts("De Nederlandse mijnenjager verlaat de taakgroep eind mei. Vanaf 1 juni wordt de taak "
                   "overgenomen door een Belgische mijnenjager van SNMCMG1.", "12 maart 2016")
    assert not any(k == "start" for _, k, _ in facts)


@pytest.mark.parametrize("noun", ["kwartiermakers", "teamleiders", "soldaten", "commandanten"])
def test_people_named_by_what_they_do_are_counted(noun: str) -> None:
    facts = _facts(f"Nederland levert een bataljon aan UNMIL. Een groep van twintig {noun} vertrekt op 12 april.")
    assert ("UNMIL", "personnel", 20) in facts


def test_people_saved_or_held_are_not_counted() -> None:
    facts = _facts("Het Nederlandse reddingsteam van 60 militairen zocht in Haïti naar overlevenden en haalde 17 "
                   "mensen levend onder het puin vandaan.")
    assert not any(k == "personnel" and v == 17 for _, k, v in facts)


@pytest.mark.parametrize(
    "sentence",
    [
        "Het kamp wordt bewaakt door een Oegandese bewakingseenheid van ongeveer 530 militairen.",
        "Naast hen werkt een Keniaans bataljon met circa 850 militairen in de sector.",
        "In dezelfde sector ligt een Malinese compagnie van 140 militairen.",
    ],
)
def test_the_size_of_another_countrys_unit_is_not_dutch(sentence: str) -> None:
    facts = _facts("Nederland levert vier stafofficieren aan UNMISS. " + sentence)
    assert {v for _, k, v in facts if k == "personnel"} == {4}


def test_a_request_to_the_netherlands_is_no_decision() -> None:
    body = ("Nederland levert zes stafofficieren aan EUNAVFOR Aspides. De operatiecommandant heeft om een "
            "Nederlands fregat gevraagd voor de tweede helft van 2026. Nederland kan daarin niet voorzien.")
    facts = _facts(body, "20 februari 2026")
    assert ("ASPIDES", "personnel", 6) in facts
    assert not any(k in ("start", "end") for _, k, _ in facts)


def test_a_request_the_next_sentence_grants_is_decided() -> None:
    body = ("De VN heeft Nederland gevraagd vanaf 1 maart 2016 twee stafofficieren te leveren aan het hoofdkwartier "
            "van UNMISS. Het kabinet heeft besloten aan dit verzoek te voldoen.")
    facts = _facts(body)
    assert {("UNMISS", "personnel", 2), ("UNMISS", "start", "2016-03-01")} <= facts


def test_a_request_the_next_sentence_refuses_stays_considered() -> None:
    body = ("Nederland levert twee stafofficieren aan UNMISS. De VN hebben gevraagd of Nederland vanaf 1 mei 2016 "
            "ook een geniecompagnie kan leveren. Het kabinet gaat niet op dit verzoek in.")
    assert not any(k == "start" for _, k, _ in _facts(body))


def test_an_extension_by_a_length_moves_the_end_the_letter_gives_after_it() -> None:
    body = ("Het kabinet heeft besloten de Nederlandse bijdrage aan UNTSO met een jaar te verlengen. De huidige "
            "bijdrage loopt tot en met 31 december 2022.")
    facts = _facts(body, "1 december 2022")
    assert {("UNTSO", "end", "2022-12-31"), ("UNTSO", "end", "2023-12-31")} <= facts


def test_an_end_before_which_the_contribution_stops_is_its_last_day_for_an_extension() -> None:
    body = ("De regering heeft besloten de bijdrage aan KFOR met een jaar te verlengen. De huidige bijdrage is "
            "vastgesteld tot 1 april 2005.")
    facts = _facts(body, "1 maart 2005")
    assert ("KFOR", "end", "2006-03-31") in facts


def test_a_date_inside_a_separable_verb_of_joining_is_a_start() -> None:
    facts = _facts("Nederland stuurt een fregat naar de Perzische Golf. Het fregat sloot medio februari bij de "
                   "interceptiemacht aan.", "20 maart 1998")
    assert ("MIF", "start", "1998-02") in facts


def test_a_length_in_the_next_sentence_counts_from_the_sentences_first_start() -> None:
    facts = _facts("Het fregat vertrekt op 2 april uit Den Helder en sluit eind april bij de interceptiemacht aan. "
                   "Het blijft voor een periode van drie maanden in het gebied.", "20 maart 1998")
    assert ("MIF", "start", "1998-04-02") in facts
    assert any(m == "MIF" and k == "end" and v.startswith("1998-07") for m, k, v in facts)


def test_the_mission_a_contribution_is_handed_over_to_does_not_take_its_end() -> None:
    facts = _facts("Nederland leverde 60 mariniers aan EUFOR Tchad/RCA. De bijdrage is op 15 maart 2009 met de "
                   "overdracht aan MINURCAT beëindigd.", "1 juni 2009")
    assert ("EUFOR-TCHAD-RCA", "end", "2009-03-15") in facts
    assert not any(m == "MINURCAT" for m, _, _ in facts)


def test_a_second_verb_of_sending_opens_a_clause_of_its_own() -> None:
    facts = _facts("Nederland nam van december 1995 tot december 1996 deel aan IFOR en levert sindsdien een bijdrage "
                   "aan SFOR.", "1 oktober 2003")
    assert ("IFOR", "start", "1995-12") in facts
    assert not any(m == "SFOR" and k == "start" and v == "1995-12" for m, k, v in facts)


def test_the_current_decision_ends_the_contribution_after_a_sentence_about_rotations() -> None:
    facts = _facts("Thans levert Nederland circa 1 050 militairen aan SFOR. De battlegroup wordt iedere zes maanden "
                   "afgelost. Het huidige besluit loopt tot 1 maart 2004.", "1 oktober 2003")
    assert ("SFOR", "end", "2004-03-01") in facts


def test_the_mission_a_relative_clause_gives_to_receives_its_count() -> None:
    facts = _facts("Nederland levert 42 politiemensen aan de IPTF. Zij zijn voor hun veiligheid afhankelijk van "
                   "SFOR, waaraan Nederland met ongeveer 1 200 militairen deelneemt.", "1 december 1998")
    assert {("IPTF", "personnel", 42), ("SFOR", "personnel", 1200)} <= facts
    assert ("IPTF", "personnel", 1200) not in facts


def test_a_mission_named_only_for_its_mandate_does_not_take_the_decision() -> None:
    facts = _facts("Nederland levert 42 politiemensen aan de IPTF. De regering heeft besloten de bijdrage met ingang "
                   "van 1 januari 1999 voor een jaar voort te zetten, ook al loopt het mandaat van UNMIBH formeel "
                   "slechts tot juni.", "1 december 1998")
    assert ("IPTF", "start", "1999-01-01") in facts
    assert not any(m == "UNMIBH" for m, _, _ in facts)


def test_an_extension_by_a_length_counts_from_the_new_start_when_no_end_is_given() -> None:
    facts = _facts("De regering heeft besloten de bijdrage aan MONUA met zes maanden te verlengen. Het team telt "
                   "vanaf 1 juli tien militairen.", "4 juli 1997")
    assert {("MONUA", "start", "1997-07-01"), ("MONUA", "end", "1997-12-31")} <= facts


def test_a_start_long_past_does_not_date_an_extension() -> None:
    facts = _facts("Nederland levert sinds 2008 officieren aan UNTSO. Het kabinet heeft besloten de bijdrage met een "
                   "jaar te verlengen.", "4 juli 2016")
    assert not any(k == "end" for _, k, _ in facts)


def test_a_letter_about_a_standing_group_keeps_its_facts_from_the_nrf_it_belongs_to() -> None:
    body = ("Met deze brief informeren wij uw Kamer over het Nederlandse bevel over de Standing NATO Maritime "
            "Group 2 (SNMG2) in 2015. Over zulke bijdragen leest u gewoonlijk in de brief over de NRF.\n\n"
            "De groep vaart vooral in de Middellandse Zee. In 2015 maakt de groep deel uit van de NRF.\n\n"
            "Nederland levert het commandoschip met 180 bemanningsleden.\n\n"
            "In het voorjaar ontvangt uw Kamer de jaarlijkse brief over de NRF.")
    facts = _facts(body, "10 december 2014")
    assert ("SNMG", "personnel", 180) in facts
    assert not any(m == "NRF" for m, _, _ in facts)


def test_a_table_belongs_to_the_mission_its_opening_sentence_names() -> None:
    body = ("Met deze brief informeer ik uw Kamer over de bijdrage aan de NRF in 2019, en in het bijzonder aan de "
            "VJTF. De NRF telt in 2019 circa 40 000 militairen; de NRF wordt jaarlijks samengesteld.\n\n"
            "Van 1 januari 2019 tot en met 31 december 2019 staan de volgende eenheden gereed voor de VJTF:\n\n"
            "Eenheid aantal\n\nBrigadestaf 150\n\nGevechtsbataljon 650\n\nTotaal 800\n\n"
            "Daarnaast staat voor de NRF een fregat gereed.")
    facts = _facts(body, "1 oktober 2018")
    assert ("VJTF", "personnel", 800) in facts


def test_a_mission_named_after_and_then_is_the_successor_not_a_list() -> None:
    facts = _facts("Nederland droeg van 2004 tot juni 2011 bij aan de voorganger UNMIS en daarna aan UNMISS.",
                   "1 mei 2015")
    assert {("UNMIS", "start", "2004"), ("UNMIS", "end", "2011-06")} <= facts
    assert not any(m == "UNMISS" and v in ("2004", "2011-06") for m, _, v in facts)


def test_a_unit_taken_into_use_starts_then() -> None:
    facts = _facts("Het Nederlandse PRT van ISAF werd op 1 september 2004 in Pol-e-Khomri in gebruik genomen.",
                   "1 maart 2007")
    assert ("ISAF", "start", "2004-09-01") in facts


def test_a_temporary_move_and_return_within_the_deployment_end_nothing() -> None:
    facts = _facts("Nederland levert twaalf waarnemers aan UNTSO. De waarnemers in Zuid-Libanon zijn in oktober "
                   "tijdelijk naar Beiroet verplaatst en in januari teruggekeerd.", "1 maart 2025")
    assert not any(k == "end" for _, k, _ in facts)


def test_a_place_of_another_mission_named_before_it_in_its_clause_is_not_the_receivers() -> None:
    facts = _facts("De waarnemers van UNTSO werken in de groepen op de Golan; twee van hen zijn sinds de zomer "
                   "tijdelijk aan UNIFIL toegevoegd.", "1 maart 2007")
    assert not any(m == "UNIFIL" and k == "location" for m, k, _ in facts)


def test_a_departure_in_the_second_half_of_a_month_starts_in_that_month() -> None:
    facts = _facts("Nederland levert twee deskundigen aan EUJUST Themis. Zij vertrekken in de tweede helft van juli "
                   "naar Tbilisi.", "1 juni 2004")
    assert ("EUJUST-THEMIS", "start", "2004-07") in facts


def test_the_task_force_a_ship_will_be_part_of_receives_it() -> None:
    facts = _facts("Met deze brief informeren wij uw Kamer over de inzet van een fregat in de maritieme component van "
                   "Operation Enduring Freedom (OEF). Het fregat gaat deel uitmaken van Combined Task Force 150 (CTF-150). "
                   "De inzet valt binnen het kader voor de Nederlandse bijdrage aan OEF.\n\n"
                   "Het fregat heeft een bemanning van ongeveer 170 militairen.", "1 september 2005")
    assert ("CTF-150", "personnel", 170) in facts


@pytest.mark.parametrize(
    ("body", "count"),
    [
        ("Nederland levert aan UNFICYP ongeveer 300 militairen: een wachtcompagnie van circa 180 militairen, "
         "een logistieke eenheid van 90 en 30 stafofficieren.", 90),
        ("De bijdrage aan UNFICYP bestaat uit een bewakingscompagnie van ruim 200 militairen en het "
         "geneeskundig detachement circa 45; samen zijn dat ongeveer 245 militairen.", 45),
    ],
)
def test_a_unit_sized_in_a_list_without_the_noun_counts_people(body: str, count: int) -> None:
    assert ("UNFICYP", "personnel", count) in _facts(body, "1 maart 1996")


def test_a_unit_without_people_counted_beside_it_is_not_sized_by_a_bare_number() -> None:
    facts = _facts("Nederland levert aan UNFICYP een helikopterdetachement van vier en een logistieke eenheid van 90.",
                   "1 maart 1996")
    assert not any(k == "personnel" for _, k, _ in facts)


def test_a_contribution_for_the_duration_of_the_mandate_ends_with_the_date_given() -> None:
    facts = _facts("Nederland levert sinds 2010 acht politiefunctionarissen aan EUPOL COPPS. De bijdrage geldt voor de duur "
                   "van het verlengde mandaat, tot 31 mei 2016.", "1 juni 2015")
    assert ("EUPOL-COPPS", "end", "2016-05-31") in facts


def test_the_mandate_running_to_a_date_stays_the_missions() -> None:
    facts = _facts("Nederland levert sinds 2010 acht politiefunctionarissen aan EUPOL COPPS. Het mandaat van de missie "
                   "loopt tot 31 mei 2016.", "1 juni 2015")
    assert not any(k == "end" for _, k, _ in facts)


def test_a_length_from_that_moment_counts_from_the_moment_last_named() -> None:
    facts = _facts("De regering heeft besloten 400 militairen aan UNFICYP te leveren. Het bataljon vertrekt begin "
                   "april en is medio mei operationeel. De bijdrage geldt voor een periode van zes maanden "
                   "vanaf dat moment.", "1 maart 1996")
    assert ("UNFICYP", "end", "1996-10") in facts
    assert ("UNFICYP", "end", "1996-09") not in facts


def test_a_subject_naming_a_departure_is_the_letters_operation() -> None:
    body = ("Het kabinet heeft op 2 mei besloten vertrekvluchten te organiseren. Van 4 tot en met 7 mei heeft Defensie "
            "met een KDC-10 zes vluchten uitgevoerd. Aan de operatie werkten circa 45 militairen mee.")
    text = ("Vertrek van Nederlanders uit Soedan\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            f"Den Haag, 10 mei 2023\n\n{body}\n")
    ex = process_text(text).extraction
    assert [m.id for m in ex.missions] == ["VERTREK-VAN-NEDERLANDERS-UIT-SOEDAN"]
    assert {c.personnel for c in ex.contributions} >= {45}


def test_people_counted_with_their_families_are_civilians() -> None:
    facts = _facts("Met de vluchten van de KDC-10 voor de evacuatie uit Soedan zijn ongeveer 300 Nederlanders en hun "
                   "gezinsleden vertrokken; aan de vluchten werkten 45 militairen mee.", "10 mei 2023")
    assert {v for _, k, v in facts if k == "personnel"} == {45}


def test_last_year_is_the_whole_period_of_what_was_given_then_but_earlier_this_year_is_not() -> None:
    facts = _facts("Vorig jaar leverde Nederland ongeveer dertig militairen aan UNFICYP.", "1 februari 2023")
    assert {("UNFICYP", "start", "2022"), ("UNFICYP", "end", "2022")} <= facts
    facts = _facts("Eerder dit jaar heeft Nederland met zestig militairen aan UNFICYP deelgenomen.", "1 oktober 2023")
    assert not any(k in ("start", "end") for _, k, _ in facts)


@pytest.mark.parametrize(
    "body",
    [
        "Nederland levert twaalf waarnemers aan UNFICYP. De operatie krijgt een sterkte van ongeveer 900 militairen "
        "en 150 politiefunctionarissen.",
        "Nederland levert twaalf waarnemers aan UNFICYP. De missie kreeg nooit de voorziene omvang: eind 2015 telde zij "
        "minder dan 800 militairen en politiefunctionarissen.",
    ],
)
def test_the_missions_own_strength_in_other_words_is_not_dutch(body: str) -> None:
    assert {v for _, k, v in _facts(body, "1 maart 2016") if k == "personnel"} == {12}


def test_the_contributions_own_size_stays_dutch() -> None:
    facts = _facts("Nederland levert een Patriot-eenheid aan UNFICYP. De bijdrage heeft een omvang van circa 300 militairen.")
    assert ("UNFICYP", "personnel", 300) in facts


def test_a_total_over_the_counts_of_several_missions_is_no_missions_own() -> None:
    body = ("Nederland levert twaalf waarnemers aan UNTSO.\n\nNederland levert veertien waarnemers aan UNFICYP.\n\n"
            "In totaal gaat het om 26 personen.")
    assert 26 not in {v for _, k, v in _facts(body, "1 maart 1995") if k == "personnel"}


def test_a_total_over_the_parts_of_one_contribution_stays() -> None:
    body = ("Nederland levert aan UNFICYP een wachtcompagnie van 120 militairen en een staf van 20 militairen. "
            "In totaal gaat het om 140 militairen.")
    assert ("UNFICYP", "personnel", 140) in _facts(body, "1 maart 1995")


def test_the_days_of_an_event_are_not_the_contributions() -> None:
    facts = _facts("Nederland levert sinds mei 1993 een verbindingseenheid aan ONUMOZ. Na de verkiezingen van 27 tot en "
                   "met 29 oktober 1994 wordt de bijdrage afgebouwd.", "1 november 1994")
    assert not any(v in ("1994-10-27", "1994-10-29") for _, _, v in facts)


def test_a_task_taken_over_for_a_period_keeps_it() -> None:
    facts = _facts("Nederland neemt de taak van 1 april tot en met 30 juni 2005 over in de Baltic Air Policing.",
                   "1 maart 2005")
    assert {("BAP", "start", "2005-04-01"), ("BAP", "end", "2005-06-30")} <= facts


def test_a_noun_made_with_departure_is_no_departure() -> None:
    text = ("Vertrek van Nederlanders uit Soedan\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
            "Den Haag, 10 mei 2023\n\nHet kabinet heeft op 2 mei besloten vertrekvluchten te organiseren. De eerste "
            "militairen vertrekken op 4 mei naar Jordanië.\n")
    starts = {c.start for c in process_text(text).extraction.contributions if c.start}
    assert starts == {"2023-05-04"}


def test_a_team_flown_to_the_area_on_a_day_starts_then() -> None:
    facts = _facts("Nederland levert een team van twintig militairen aan UNDOF. Het team is op 3 maart met een C-130 van "
                   "Eindhoven naar Damascus gevlogen.", "10 maart 2012")
    assert ("UNDOF", "start", "2012-03-03") in facts


def test_contributions_no_named_mission_receives_go_to_what_the_subject_is_about() -> None:
    text = ("Onderwerp: Veiligheid van de scheepvaart in de Straat van Malakka\n\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 maart 2006\n\n"
            "Met deze brief informeren wij u over het besluit twee fregatten naar de Straat van Malakka te zenden. "
            "De Amerikaanse marine escorteert daar in de operatie Earnest Will tankers onder haar eigen vlag.\n\n"
            "Sinds 1 februari 2006 zijn twee Nederlandse fregatten met samen ongeveer 380 bemanningsleden in het gebied.\n")
    ex = process_text(text).extraction
    described = [m for m in ex.missions if not m.known]
    assert [m.name for m in described] == ["Veiligheid van de scheepvaart in de Straat van Malakka"]
    assert {(c.mission, c.personnel) for c in ex.contributions if c.personnel} == {(described[0].id, 380)}


def test_the_mission_the_opening_describes_before_naming_it_receives_the_contribution() -> None:
    body = ("Hierbij informeren wij u over de Nederlandse bijdrage aan het team dat de Europese Unie in Kosovo heeft "
            "opgericht, het EU Planning Team Kosovo (EUPT Kosovo).\n\n"
            "De Europese Unie neemt taken over van UNMIK. UNMIK werkt nauw samen met KFOR. UNMIK bouwt af.\n\n"
            "Nederland draagt bij met vier deskundigen.")
    facts = _facts(body, "19 mei 2006")
    assert ("EUPT-KOSOVO", "personnel", 4) in facts


@pytest.mark.parametrize(
    "second",
    [
        "Het nationaal kader voor de bijdragen aan de coalitie loopt tot en met 31 december 2023.",
        "\n\nHet nationaal kader loopt tot en met 31 december 2023.",
    ],
)
def test_the_national_framework_is_the_dutch_decision_wherever_it_is_named(second: str) -> None:
    facts = _facts("De Nederlandse bijdrage aan de anti-ISIS-coalitie (Operation Inherent Resolve) bestaat uit circa "
                   f"vijftien stafofficieren. {second}", "1 maart 2023")
    assert ("OIR", "end", "2023-12-31") in facts


def test_the_operation_of_a_standing_force_the_opening_names_receives_its_units() -> None:
    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 2 mei 2023\n\n"
            "Met deze brief informeer ik u over de Nederlandse deelname aan Nordic Shield, een maritieme inzet van de "
            "Joint Expeditionary Force (JEF) in de Oostzee.\n\n"
            "De JEF bestaat uit tien landen in Noord-Europa. De JEF kan snel eenheden samenstellen.\n\n"
            "Zr.Ms. Karel Doorman, met ongeveer 160 bemanningsleden, neemt van 1 tot en met 30 juni deel.\n")
    ex = process_text(text).extraction
    assert {(c.mission, c.personnel) for c in ex.contributions if c.personnel} == {("NORDIC-SHIELD", 160)}


def test_the_day_the_last_of_them_left_the_country_ends_the_contribution() -> None:
    facts = _facts("Nederland nam vanaf mei 1993 met een verbindingseenheid deel aan ONUMOZ. Na de verkiezingen is de "
                   "bijdrage afgebouwd; op 20 december hebben de laatste Nederlandse militairen het land verlaten.",
                   "15 januari 1995")
    assert ("ONUMOZ", "end", "1994-12-20") in facts


def test_what_another_force_did_until_a_date_in_a_clause_on_it_is_its_own() -> None:
    facts = _facts("Nederland levert een transportvliegtuig aan UNAMSIL. De regionale vredesmacht ECOMOG, die het land tot "
                   "het begin van dit jaar beveiligde, heeft haar laatste eenheden teruggetrokken.", "1 juni 2000")
    assert not any(k == "end" for _, k, _ in facts)


@pytest.mark.parametrize(
    "sentence",
    [
        "De missie telt circa 125 militairen uit elf lidstaten.",
        "EUTM Mali telt ongeveer vijfhonderd personen.",
        "Dat is de omvang van de missie in het noorden.",
        "Die missie richt zich op de grens en telt 1 275 politiemensen.",
        "De Veiligheidsraad heeft UNMISS opgericht, met ten hoogste 7 000 militairen.",
        "De macht zal in de eerste fase ongeveer 3 000 militairen tellen.",
        "Aan de missie nemen militairen uit 23 landen deel.",
        "Met ruim 13.000 militairen is UNMISS een van de grootste VN-missies.",
        "Eind 2025 telde zij minder dan 1 000 politiefunctionarissen.",
        "De operatie krijgt een sterkte van ongeveer 6 800 militairen.",
    ],
)
def test_the_quick_look_for_a_missions_strength_misses_none_of_its_forms(sentence: str) -> None:
    # speed: _may_be_whole skips _WHOLE on sentences without its words; every form _WHOLE knows must pass it
    from artikel100.extract.contributions import _WHOLE, _may_be_whole

    assert _WHOLE.search(sentence) and _may_be_whole(sentence)


def test_a_unit_sent_without_a_count_anchors_the_sentences_about_it() -> None:
    facts = _facts("De regering heeft besloten een bataljon aan UNFICYP te leveren. De voorhoede vertrekt begin april; "
                   "het bataljon is medio mei operationeel.", "1 maart 1996")
    assert ("UNFICYP", "start", "1996-04") in facts


def test_since_its_founding_starts_on_the_founding_day_the_sentence_before_names() -> None:
    body = ("Nederland levert analisten aan UNFICYP. Het hoofdkwartier is op 1 maart 2008 in Nicosia opgericht. "
            "Vanaf de oprichting werken twee Nederlanders op het hoofdkwartier van UNFICYP.")
    assert ("UNFICYP", "start", "2008-03-01") in _facts(body, "1 juni 2009")
