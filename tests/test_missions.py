"""The mission catalogue and the mission finder."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
import yaml

from artikel100.extract.missions import (
    CATALOGUE_PATH,
    catalogue,
    find_missions,
    key,
    lookup,
    mission_mentions,
)
from letters_corpus import SEED, SHARED


def ids(text: str) -> list[str]:
    return [m.id for m in find_missions(text)]


def mentioned(text: str) -> list[str]:
    """The words of every mention, in text order."""
    return [text[s:e] for _, s, e in mission_mentions(text)]


# --- the seed letter ----------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[str, dict]:
    text_path, gold_path = SEED.with_suffix(".clean.txt"), SEED.with_suffix(".gold.json")
    if not text_path.exists() or not gold_path.exists():
        pytest.skip(f"seed letter not found under {SHARED}")
    return text_path.read_text(encoding="utf-8"), json.loads(gold_path.read_text(encoding="utf-8"))


def test_seed_letter_finds_every_gold_mission(seed: tuple[str, dict]) -> None:
    text, gold = seed
    found = set(ids(text))
    assert set(gold["missions"]) <= found


def test_seed_letter_finds_nothing_outside_gold(seed: tuple[str, dict]) -> None:
    text, gold = seed
    allowed = set(gold["missions"]) | set(gold.get("optional_missions") or {})
    assert set(ids(text)) - allowed == set()


def test_seed_letter_spans_quote_the_mentions(seed: tuple[str, dict]) -> None:
    text, _ = seed
    for mission in find_missions(text):
        assert mission.known
        for s, e in mission.spans:
            assert text[s:e].strip() == text[s:e] and lookup(text[s:e]) == mission.id


# --- known missions in sentences of our own ------------------------------------

SENTENCES = [
    ("Nederland levert in 2026 opnieuw stafofficieren aan de NAVO-missie in Irak.", "NMI", "NAVO-missie in Irak"),
    ("De Nederlandse F-35's vliegen boven Syrië in het kader van Operation Inherent Resolve.", "OIR",
     "Operation Inherent Resolve"),
    ("Ook het mandaat van UNAMI loopt eind volgend jaar af.", "UNAMI", "UNAMI"),
    ("Het bewijsmateriaal van UNITAD blijft toegankelijk voor nationale rechters.", "UNITAD", "UNITAD"),
    ("Twee politieadviseurs worden gedetacheerd bij de EU-adviesmissie Irak.", "EUAM", "EU-adviesmissie Irak"),
    ("Het kabinet besluit een inlichtingeneenheid te leveren aan de VN-missie in Mali.", "MINUSMA",
     "VN-missie in Mali"),
    ("Een mariniersdetachement versterkt tijdelijk UNIFIL in Zuid-Libanon.", "UNIFIL", "UNIFIL"),
    ("Twee waarnemers van UNTSO zijn geplaatst bij UNDOF op de Golan.", "UNTSO", "UNTSO"),
    ("Twee waarnemers van UNTSO zijn geplaatst bij UNDOF op de Golan.", "UNDOF", "UNDOF"),
    ("Nederland draagt bij aan UNMISS met zes stafofficieren in Juba.", "UNMISS", "UNMISS"),
    ("De verbindingsofficier bij UNAMA in Kabul keert in maart terug.", "UNAMA", "UNAMA"),
    ("De Koninklijke Marechaussee blijft actief binnen EULEX in Pristina.", "EULEX", "EULEX"),
    ("Na 2006 verschoof de Nederlandse inzet naar ISAF in Uruzgan.", "ISAF", "ISAF"),
    ("De trainers van Resolute Support adviseren het Afghaanse leger.", "RSM", "Resolute Support"),
    ("Een staftaak bij EUFOR Althea in Sarajevo wordt met een jaar verlengd.", "ALTHEA", "EUFOR Althea"),
    ("Het hoofdkwartier van KFOR vraagt om extra genie-capaciteit.", "KFOR", "KFOR"),
    ("Het fregat sluit in mei aan bij EUNAVFOR Atalanta voor de kust van Somalië.", "ATALANTA",
     "EUNAVFOR Atalanta"),
    ("Eerder voer het schip mee in operatie Ocean Shield van de NAVO.", "OCEAN-SHIELD", "operatie Ocean Shield"),
    ("De F-16's namen in 2011 deel aan Operation Unified Protector boven Libië.", "UNIFIED-PROTECTOR",
     "Operation Unified Protector"),
    ("Het wapenembargo wordt gecontroleerd door EUNAVFOR MED Irini.", "IRINI", "EUNAVFOR MED Irini"),
    ("Voorganger EUNAVFOR MED Sophia richtte zich op mensensmokkel.", "SOPHIA", "EUNAVFOR MED Sophia"),
    ("Het fregat vaart mee in EMASOH onder Franse leiding.", "EMASOH", "EMASOH"),
    ("Het marineschip levert geen bijdrage aan Prosperity Guardian.", "PROSPERITY-GUARDIAN",
     "Prosperity Guardian"),
    ("De bijdrage aan EUNAVFOR Aspides in de Rode Zee eindigt in februari.", "ASPIDES", "EUNAVFOR Aspides"),
    ("De eFP-battlegroup in Litouwen staat onder Duitse leiding.", "EFP", "eFP-battlegroup in Litouwen"),
    ("Vier F-35's nemen vanaf december deel aan Baltic Air Policing.", "BAP", "Baltic Air Policing"),
    ("Een mijnenjager vaart in het voorjaar mee met SNMCMG1.", "SNMCMG", "SNMCMG1"),
    ("Nederland levert een compagnie aan de Forward Land Forces in Slowakije.", "FLF", "Forward Land Forces"),
    ("Het bevoorradingsschip is ingedeeld bij SNMG2 in de Middellandse Zee.", "SNMG", "SNMG2"),
    ("Een onderzeeboot steunde Operation Sea Guardian met inlichtingen.", "SEA-GUARDIAN",
     "Operation Sea Guardian"),
    ("Van 2001 tot 2016 patrouilleerde de NAVO met Active Endeavour.", "ACTIVE-ENDEAVOUR", "Active Endeavour"),
    ("Een Nederlandse instructeur werkt bij EUTM Mali in Koulikoro.", "EUTM-MALI", "EUTM Mali"),
    ("De trainingen van EUTM Somalia vinden plaats in Mogadishu.", "EUTM-SOMALIA", "EUTM Somalia"),
    ("Een politieadviseur vertrekt naar EUCAP Sahel Niger in Niamey.", "EUCAP-SAHEL-NIGER", "EUCAP Sahel Niger"),
    ("Een strafrechtdeskundige vertrekt naar EUCAP Sahel Mali in Bamako.", "EUCAP-SAHEL-MALI", "EUCAP Sahel Mali"),
    ("Ook EUCAP Nestor ondersteunt de kustwacht in Somalië.", "EUCAP-NESTOR", "EUCAP Nestor"),
    ("Ook EUCAP Somalia ondersteunt de kustwacht.", "EUCAP-SOMALIA", "EUCAP Somalia"),
    ("Twee bataljons stonden paraat voor de NRF in 2018.", "NRF", "NRF"),
    ("Nederland levert in 2024 een compagnie aan de VJTF.", "VJTF", "VJTF"),
    ("In de eerste helft van 2016 staat de EU Battlegroup onder Nederlandse leiding.", "EUBG", "EU Battlegroup"),
    ("Tot 2014 maakten Nederlandse schepen deel uit van Enduring Freedom.", "OEF", "Enduring Freedom"),
    ("In de provincie Al Muthanna was SFIR actief tussen 2003 en 2005.", "SFIR", "SFIR"),
    ("Nederland leverde in 2000 een bataljon mariniers aan UNMEE.", "UNMEE", "UNMEE"),
    ("Een verbindingsofficier wordt geplaatst bij MONUSCO in Goma.", "MONUSCO", "MONUSCO"),
    ("Drie stafofficieren werken voor MINUSCA in Bangui.", "MINUSCA", "MINUSCA"),
    ("Sinds 2011 beveiligen militaire Vessel Protection Detachments kwetsbare koopvaardijschepen.", "VPD",
     "Vessel Protection Detachments"),
    ("De Geïntegreerde Politietrainingsmissie in Kunduz eindigde in 2013.", "GPTM",
     "Geïntegreerde Politietrainingsmissie"),
    ("Tot 2011 leverde Nederland instructeurs aan de NAVO-trainingsmissie in Irak.", "NTM-I",
     "NAVO-trainingsmissie in Irak"),
    ("Nederland blijft een actief lid van de anti-ISIS-coalitie.", "OIR", "anti-ISIS-coalitie"),
    ("Het kabinet zet de militaire bijdrage aan de strijd tegen ISIS voort.", "OIR", "strijd tegen ISIS"),
    ("De Koninklijke Marechaussee leidt agenten op binnen UNMIK.", "UNMIK", "UNMIK"),
]


@pytest.mark.parametrize(("sentence", "mission_id", "mention"), SENTENCES, ids=[f"{i}-{s[1]}" for i, s in enumerate(SENTENCES)])
def test_sentence_names_the_mission_with_a_span_on_its_words(sentence: str, mission_id: str, mention: str) -> None:
    missions = {m.id: m for m in find_missions(sentence)}
    assert mission_id in missions
    found = missions[mission_id]
    assert found.known and found.name == catalogue()[mission_id].name
    assert [sentence[s:e] for s, e in found.spans] == [mention]
    assert found.aliases == [mention]


def test_sentences_cover_at_least_twenty_missions() -> None:
    assert len({mission_id for _, mission_id, _ in SENTENCES}) >= 20


def test_every_mention_gets_a_span_and_missions_come_in_order_of_first_mention() -> None:
    text = "UNIFIL en UNDOF blijven. Over UNIFIL volgt later meer; ook UNIFIL-waarnemers blijven."
    missions = find_missions(text)
    assert [m.id for m in missions] == ["UNIFIL", "UNDOF"]
    assert [text[s:e] for s, e in missions[0].spans] == ["UNIFIL"] * 3
    assert missions[0].aliases == ["UNIFIL"]


def test_mission_mentions_are_in_text_order_with_ids() -> None:
    text = "De helikopters zijn beschikbaar voor OIR. De commandant van NMI adviseert; OIR steunt."
    assert [(i, text[s:e]) for i, s, e in mission_mentions(text)] == [("OIR", "OIR"), ("NMI", "NMI"), ("OIR", "OIR")]


# --- how names match -----------------------------------------------------------


def test_hyphen_space_and_line_break_variants_are_one_form() -> None:
    for form in ("NAVO-missie in Irak", "NAVO missie in Irak", "NAVO-\nmissie in\nIrak", "NAVO- missie in Irak"):
        text = f"Nederland draagt bij aan de {form} tot juni."
        assert mentioned(text) == [form]
        assert ids(text) == ["NMI"]


def test_names_match_without_regard_to_case_and_accents() -> None:
    assert ids("DE GEINTEGREERDE POLITIETRAININGSMISSIE IN KUNDUZ") == ["GPTM"]
    assert ids("het verslag over operation inherent resolve") == ["OIR"]


def test_acronyms_match_only_in_their_own_case() -> None:
    assert ids("Het woord nmi of oir in kleine letters is geen missie.") == []
    assert ids("De eFP-eenheid blijft in Litouwen.") == ["EFP"]


def test_acronym_counts_before_a_hyphen_but_not_inside_a_word() -> None:
    assert mentioned("De NMI-adviseurs reizen met beveiliging.") == ["NMI"]
    assert ids("VOIRE, SNMIS en OIRA zijn geen missies.") == []
    assert ids("De ISAFMISSIE is een tikfout.") == []


def test_longest_form_wins_over_its_prefix() -> None:
    assert ids("Een adviseur vertrekt naar EUAM Oekraïne in Kyiv.") == ["EUAM-UKRAINE"]
    assert ids("Een adviseur vertrekt naar EUAM Irak in Bagdad.") == ["EUAM"]
    assert ids("De militaire coalitie tegen ISIS voert luchtaanvallen uit.") == ["OIR"]


def test_a_name_does_not_run_across_a_full_stop_or_a_blank_line() -> None:
    assert ids("Dit is de NAVO.\n\nMissie Irak is geen naam.") == []
    assert ids("Het is de Stabilisation.Force van toen.") == []


def test_a_leading_article_is_optional() -> None:
    assert mentioned("Nederland is lid van anti-ISIS-coalitie.") == ["anti-ISIS-coalitie"]
    assert mentioned("Binnen de anti-ISIS-coalitie is overleg.") == ["anti-ISIS-coalitie"]


# --- false friends -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "De adviseurs werken bij het Joint Operations Command Advisory Team (JOCAT) in Erbil.",
        "De compagnie heeft eigen Combat Service Support en logistieke steun.",
        "De VN-Veiligheidsraad nam resolutie 2732 unaniem aan.",
        "De uitgaven komen ten laste van het Budget Internationale Veiligheid.",
        "Details volgen in de Higher Military Commission van beide landen.",
        "Het Concept of Operations is door de NAVO goedgekeurd.",
        "Special Operations Forces blijven in Jordanië.",
        "Het kabinet overlegt met de coalitie over de missie.",
        "De door de VS geleide coalitie trok in 2003 Irak binnen.",
        "De antipiraterijmissie krijgt een nieuw commando.",
        "De missie werkt nauw samen met het VN-vluchtelingenagentschap (UNHCR).",
        "De missie levert gegevens aan Europol en aan de Europese Commissie (EC).",
        # names of Frontex operations are aircraft, drones and goddesses on their own
        "De P-8 Poseidon en de Hermes 900 vliegen mee; Minerva en Hera zijn godinnen.",
        # Iraq 2003 or Ukraine 2025: no form on its own
        "De coalitie van bereidwilligen vergaderde opnieuw.",
        "Het was a new dawn voor de regio.",
    ],
)
def test_units_committees_and_bare_words_are_no_missions(sentence: str) -> None:
    assert find_missions(sentence) == []


# --- missions the catalogue does not know ----------------------------------------


def test_operation_with_a_capitalised_name_is_an_unknown_mission() -> None:
    text = "In 1999 nam Nederland deel aan Operation Noble Anvil. Later volgde operatie Noble Anvil opnieuw."
    (mission,) = find_missions(text)
    assert (mission.id, mission.known, mission.name) == ("NOBLE-ANVIL", False, "Operation Noble Anvil")
    assert [text[s:e] for s, e in mission.spans] == ["Operation Noble Anvil", "operatie Noble Anvil"]


def test_operation_followed_by_a_plain_word_is_no_mission() -> None:
    assert find_missions("De operatie in het noorden en de Operation Plan zijn klaar. Operatie De Ruyter?") == []
    assert find_missions("Tijdens de operatie Nederlandse en Iraakse militairen samen.") == []


def test_un_mission_acronym_after_vn_missie_is_an_unknown_mission_with_later_mentions() -> None:
    text = "Nederland stuurt twee officieren naar de VN-missie UNXYZA. Bij UNXYZA is het rustig."
    (mission,) = find_missions(text)
    assert (mission.id, mission.known, mission.organisation) == ("UNXYZA", False, "UN")
    assert [text[s:e] for s, e in mission.spans] == ["UNXYZA", "UNXYZA"]


def test_eu_acronym_in_brackets_after_a_mission_is_an_unknown_mission() -> None:
    text = "Een adviseur gaat naar de EU-capaciteitsmissie in Nieuw Atlantis (EUCAP Atlantis). Daar is EUCAP Atlantis nieuw."
    (mission,) = find_missions(text)
    assert (mission.id, mission.known, mission.organisation) == ("EUCAP-ATLANTIS", False, "EU")
    assert [text[s:e] for s, e in mission.spans] == ["EUCAP Atlantis", "EUCAP Atlantis"]


def test_eunavfor_with_a_new_name_is_an_unknown_mission() -> None:
    (mission,) = find_missions("Het schip sluit aan bij EUNAVFOR Poseidonia voor de kust van Kreta.")
    assert (mission.id, mission.known, mission.name) == ("POSEIDONIA", False, "EUNAVFOR Poseidonia")


def test_a_named_force_with_its_year_after_a_nationality_adjective_is_an_unknown_mission() -> None:
    text = "Het fregat vaart mee met de Franse Maritime Task Group 2024 (MTG24). MTG24 bezoekt Bombay."
    (mission,) = find_missions(text)
    assert (mission.id, mission.known, mission.name) == ("MTG24", False, "Maritime Task Group 2024")
    assert [text[s:e] for s, e in mission.spans] == ["Maritime Task Group 2024", "MTG24", "MTG24"]


def test_an_operation_named_after_its_organisation_glued_to_operatie_is_an_unknown_mission() -> None:
    text = "De Raad stemde in met de NAVO-operatie Silver Lantern. Nederland draagt bij aan Silver Lantern."
    (mission,) = find_missions(text)
    assert (mission.id, mission.known) == ("SILVER-LANTERN", False)
    assert find_missions("Nederland neemt deel aan de vredesoperatie Nederland wil dat.") == []


def test_a_noun_may_start_an_operations_name_but_is_none_alone() -> None:
    assert [m.id for m in find_missions("De VS kondigden de operatie Support Harbour af.")] == ["SUPPORT-HARBOUR"]
    assert find_missions("De Operation Support van de staf is klaar.") == []


def test_a_force_named_with_its_acronym_is_a_mission_but_an_armed_service_or_a_forces_part_is_not() -> None:
    text = ("Het fregat sluit aan bij de Multinational Escort Force (MEF). De Royal Air Force (RAF) vliegt mee; "
            "de NRF heeft een Immediate Response Force (IRF).")
    assert [m.id for m in find_missions(text) if not m.known] == ["MEF"]


def test_known_missions_are_not_reported_twice_as_unknown() -> None:
    text = "Operation Atalanta, EUNAVFOR Irini en de VN-missie UNIFIL (UNIFIL) lopen door."
    assert [(m.id, m.known) for m in find_missions(text)] == [("ATALANTA", True), ("IRINI", True), ("UNIFIL", True)]


# --- the catalogue and lookup ---------------------------------------------------


def test_every_catalogue_entry_has_id_organisation_and_a_name() -> None:
    raw = yaml.safe_load(CATALOGUE_PATH.read_text(encoding="utf-8"))
    assert len(raw) >= 50
    for entry in raw:
        assert re.fullmatch(r"[A-Z0-9]+(?:-[A-Z0-9]+)*", entry["id"])
        assert entry["organisation"] in {"UN", "NATO", "EU", "coalition", "bilateral", "OSCE", "other"}
        assert entry["names"] and all(isinstance(n, str) and n for n in entry["names"])


_FIELDS = {"id", "organisation", "names", "aliases", "region", "countries", "area", "start", "end", "standing"}
_REGIONS = {"Europe", "Middle East", "Central Asia", "Asia", "Africa", "Mediterranean", "Americas", "Pacific"}
# CLDR's territory codes that are no country: groupings, the EU, the UN and private-use codes
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


def test_every_catalogue_entry_has_the_shape_the_header_defines() -> None:
    from babel import Locale

    countries = {c for c in Locale("en").territories if re.fullmatch(r"[A-Z]{2}", c)} - _NOT_COUNTRIES
    raw = yaml.safe_load(CATALOGUE_PATH.read_text(encoding="utf-8"))
    for entry in raw:
        where = entry.get("id")
        assert set(entry) <= _FIELDS, (where, set(entry) - _FIELDS)
        assert entry["organisation"] in {"UN", "NATO", "EU", "coalition", "bilateral", "OSCE", "other"}, where
        assert all(isinstance(a, str) and a.strip() == a and a for a in entry.get("aliases") or []), where
        assert entry.get("region") in _REGIONS, where
        codes = entry.get("countries") or []
        assert all(c in countries for c in codes) and len(set(codes)) == len(codes), (where, codes)
        assert entry.get("area") is None or isinstance(entry["area"], str), where
        assert isinstance(entry.get("standing", False), bool), where
        start, end = entry.get("start"), entry.get("end")
        assert all(y is None or (isinstance(y, int) and 1945 <= y <= 2030) for y in (start, end)), where
        assert start is None or end is None or start <= end, where


@pytest.mark.parametrize(
    ("form", "mission_id", "organisation", "countries", "years"),
    [
        ("AFISMA", "AFISMA", "other", {"ML"}, (2013, 2013)),
        ("ECOMIL", "ECOMIL", "other", {"LR"}, (2003, 2003)),
        ("United Nations Mission in Colombia", "UNMC", "UN", {"CO"}, (2016, 2017)),
        ("International Maritime Security Construct", "IMSC", "coalition", set(), (2019, None)),
        ("Display Deterrence", "DISPLAY-DETERRENCE", "NATO", {"TR"}, (2003, 2003)),
        ("SADC Mission in Mozambique", "SAMIM", "other", {"MZ"}, (2021, 2024)),
        ("EUPOL Kinshasa", "EUPOL-KINSHASA", "EU", {"CD"}, (2005, 2007)),
        ("UNTAES", "UNTAES", "UN", {"HR"}, (1996, 1998)),
        ("OVSE-missie in Kosovo", "OMIK", "OSCE", {"XK"}, (1999, None)),
        ("Joint Operation Poseidon", "POSEIDON", "EU", {"GR"}, (2006, None)),
        ("ATMIS", "ATMIS", "other", {"SO"}, (2022, 2024)),
        ("Bijzondere Commissie van de Verenigde Naties", "UNSCOM", "UN", {"IQ"}, (1991, 1999)),
        ("UNMOVIC", "UNMOVIC", "UN", {"IQ"}, (1999, 2007)),
    ],
)
def test_the_catalogue_knows_missions_of_every_class(
    form: str, mission_id: str, organisation: str, countries: set[str], years: tuple[int, int | None]
) -> None:
    assert lookup(form) == mission_id
    entry = catalogue()[mission_id]
    assert (entry.organisation, set(entry.countries), (entry.start, entry.end)) == (organisation, countries, years)


def test_an_id_made_up_for_a_mission_without_acronym_is_dutch() -> None:
    """Readers and annotators key such a mission by the letters' Dutch words ("WEU-DONAU",
    "MNF-BEIROET"), so a made-up id spells no country in English where Dutch writes it otherwise."""
    from babel import Locale

    def parts(name: str) -> str:
        folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()
        return "-" + re.sub(r"[^A-Z0-9]+", "-", folded).strip("-") + "-"

    en, nl = Locale("en").territories, Locale("nl").territories
    english = {parts(en[c]) for c in en if c in nl and re.fullmatch(r"[A-Z]{2}", c) and parts(en[c]) != parts(nl[c])}
    raw = yaml.safe_load(CATALOGUE_PATH.read_text(encoding="utf-8"))
    made_up = [e["id"] for e in raw if all(key(f) != key(e["id"]) for f in [*e["names"], *(e.get("aliases") or [])])]
    assert len(made_up) >= 20
    assert [i for i in made_up if any(name in parts(i) for name in english)] == []


def test_no_form_names_two_missions() -> None:
    raw = yaml.safe_load(CATALOGUE_PATH.read_text(encoding="utf-8"))
    owner: dict[str, str] = {}
    for entry in raw:
        for form in [entry["id"], *entry["names"], *(entry.get("aliases") or [])]:
            assert owner.setdefault(key(form), entry["id"]) == entry["id"], form
    assert len({e["id"] for e in raw}) == len(raw)


def test_catalogue_covers_the_missions_dutch_letters_report_on() -> None:
    required = (
        "NMI OIR UNAMI UNITAD EUAM MINUSMA UNIFIL UNDOF UNTSO UNMISS UNAMA UNMIK ISAF RSM ALTHEA KFOR "
        "ATALANTA OCEAN-SHIELD ALLIED-PROTECTOR UNIFIED-PROTECTOR SOPHIA IRINI EMASOH PROSPERITY-GUARDIAN "
        "ASPIDES EFP BAP SEA-GUARDIAN ACTIVE-ENDEAVOUR EUTM-MALI EUTM-SOMALIA EUCAP-SAHEL-MALI EUCAP-SAHEL-NIGER "
        "EUCAP-SOMALIA EULEX NRF VJTF EUBG SNMG SNMCMG OEF SFIR UNMEE MONUSCO MINUSCA VPD GPTM NTM-I FRONTEX"
    ).split()
    assert [r for r in required if r not in catalogue()] == []


def test_lookup_maps_any_name_alias_or_id_to_the_id() -> None:
    assert lookup("NATO Mission Iraq") == "NMI"
    assert lookup("navo missie irak") == "NMI"
    assert lookup("ALTHEA") == "ALTHEA"
    assert lookup("Operatie Atalanta") == "ATALANTA"
    assert lookup("de anti-ISIS-coalitie") == "OIR"  # the coalition, for the campaign the Netherlands joins
    assert lookup("Nergens-missie") is None
    assert lookup("") is None


def test_finder_keeps_up_with_fifty_letters_a_second() -> None:
    import time

    letter = (" ".join(s for s, _, _ in SENTENCES) * 10)[:25_000]  # a long letter, dense with missions
    find_missions(letter)
    started = time.perf_counter()
    for _ in range(10):
        find_missions(letter)
    # 20 ms each would leave no time for the other stages; allow for a busy CI machine
    assert (time.perf_counter() - started) / 10 < 0.03


def test_two_catalogued_names_in_apposition_are_one_mission():
    from artikel100.extract.missions import mission_mentions

    text = ("Nederland draagt bij aan de anti-ISIS-coalitie (Operation Inherent Resolve). "
            "De bijdrage aan de anti-ISIS-coalitie wordt verlengd.")
    assert {m for m, _, _ in mission_mentions(text)} == {"OIR"}


@pytest.mark.parametrize(
    ("ocr", "mission_id"),
    [("het bevel over SNMCMGI in 2013", "SNMCMG"), ("aan CTF-I5I in de Golf van Aden", "CTF-151"),
     ("het fregat voer met SNMGl", "SNMG")],
)
def test_an_acronym_whose_digit_ocr_read_as_a_letter_is_still_the_mission(ocr: str, mission_id: str) -> None:
    assert [m for m, _, _ in mission_mentions(ocr)] == [mission_id]


def test_a_mission_is_known_by_the_acronym_letters_write() -> None:
    assert [m for m, _, _ in mission_mentions("de NAVO-operatie Allied Harbour in Albanië")] == ["AFOR"]


def test_a_name_the_letter_explains_as_an_operation_is_a_mission() -> None:
    text = "Nederland neemt deel aan Northern Shield, een maritieme inzet van de JEF in de Noordzee."
    assert "NORTHERN-SHIELD" in [m for m, _, _ in mission_mentions(text)]
    assert not [m for m, _, _ in mission_mentions("Nederland levert steun aan Litouwen, een bondgenoot in de regio.")]


def test_an_exercise_the_letter_explains_is_an_operation_with_its_later_short_name() -> None:
    from artikel100 import process_text

    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 2 februari 2022\n\n"
            "Hierbij informeer ik u over de Nederlandse deelname aan Cold Response 2022, de grote winteroefening "
            "van Noorwegen en zijn bondgenoten.\n\nCold Response vindt plaats van 14 maart tot en met 1 april.\n\n"
            "Nederland neemt deel met ongeveer 800 militairen van het Korps Mariniers.\n")
    ex = process_text(text).extraction
    exercise = next(m for m in ex.missions if m.name == "Cold Response 2022")
    assert len(exercise.spans) == 2  # "Cold Response 2022" and later "Cold Response"
    assert (exercise.id, 800) in {(c.mission, c.personnel) for c in ex.contributions}


def test_an_exercise_named_in_passing_is_no_mission() -> None:
    from artikel100 import process_text

    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 2 februari 2022\n\n"
            "Rusland hield in september de oefening Zapad met 200 000 militairen. Nederland levert 270 militairen "
            "aan de eFP-battlegroup in Litouwen.\n")
    ids = {m.id for m in process_text(text).extraction.missions}
    assert not any("ZAPAD" in i for i in ids)


def test_a_centre_named_with_a_dash_before_its_last_word_and_its_acronym_is_a_mission() -> None:
    from artikel100 import process_text

    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 2 februari 2012\n\n"
            "Nederland levert sinds 2010 drie analisten aan het Joint Maritime Information Centre – Gulf (JMIC-G) "
            "in Bahrein.\n")
    missions = process_text(text).extraction.missions
    assert [(m.id, m.name) for m in missions] == [("JMIC-G", "Joint Maritime Information Centre – Gulf")]


def test_an_exercise_the_netherlands_takes_part_in_is_an_operation() -> None:
    from artikel100 import process_text

    text = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 2 mei 2019\n\n"
            "Nederland levert een fregat aan de Standing NATO Maritime Group 1. Het schip neemt in juni deel aan de "
            "jaarlijkse NAVO-oefening Dynamic Mongoose bij Noorwegen.\n")
    ids = {m.id for m in process_text(text).extraction.missions}
    assert "DYNAMIC-MONGOOSE" in ids
