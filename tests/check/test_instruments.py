"""Motions (with their submitters) and debates (with their date) as references of their own kind."""

from __future__ import annotations

from artikel100 import process_text
from artikel100.check import debates, motions

from conftest import FIRST, SEED_TXT, fill, letter, needs_seed

_LETTER = """BRIEF VAN DE MINISTER VAN DEFENSIE

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 3 maart 2021

Met deze brief geeft het kabinet uitvoering aan de motie van het lid Sjoerdsma over de evaluatie van missies (Kamerstuk 27 925, nr. 700) en aan de motie-Van der Staaij over de inzet van drones. Ook de gewijzigde motie van de leden Belhaj en Voordewind (Kamerstuk 29 521, nr. 412) komt hierna aan de orde.

Zoals toegezegd tijdens het notaoverleg over de inzet in Mali van 14 december 2020 ontvangt uw Kamer deze brief voor het zomerreces. Het publieke debat over drones laat het kabinet hier buiten beschouwing. In het algemeen overleg (AO) van 5 oktober 2020 is ook gesproken over de motie 27 925, nr. 697.

De minister van Defensie,

A. Th. B. Bijleveld-Schouten
"""


def test_motions_with_their_submitters_and_numbers() -> None:
    e = process_text(_LETTER).extraction
    found = [(m.kamerstuk, m.submitters, m.co_signed) for m in e.motions]
    assert found == [
        ("27925-700", ["Sjoerdsma"], False),
        (None, ["Van der Staaij"], False),
        ("29521-412", ["Belhaj", "Voordewind"], False),
        ("27925-697", [], False),
    ]
    assert e.motions[0].subject == "de evaluatie van missies"
    a, b = e.motions[0].spans[0]
    assert e.text[a:b].startswith("Sjoerdsma")


def test_debates_with_their_date_and_whether_a_commitment_was_made_there() -> None:
    e = process_text(_LETTER).extraction
    found = [(d.kind, d.date, d.commitment) for d in e.debates]
    assert found == [("notaoverleg", "2020-12-14", True), ("algemeen overleg", "2020-10-05", False)]
    assert e.debates[0].subject == "de inzet in Mali"


@needs_seed
def test_the_seed_cites_two_motions_as_their_own_kind_of_reference() -> None:
    from artikel100 import process

    e = process(SEED_TXT).extraction
    assert [(m.name, m.kamerstuk) for m in e.motions] == [("Bosman c.s.", "27925-699"), ("Kerstens/Van Ojik", "27925-697")]
    assert e.motions[0].co_signed and e.motions[1].submitters == ["Kerstens", "Van Ojik"]
    assert {"27925-699", "27925-697"} <= {r.kamerstuk for r in e.references}  # still references as well
    assert e.debates == []


def test_the_registry_lists_each_motion_with_the_letters_that_cite_it(registry) -> None:  # noqa: ANN001
    ids = fill(registry, letter(FIRST))
    with registry.engine.connect() as conn:
        ms, ds = motions(conn), debates(conn)
    assert [(m.kamerstuk, m.name) for m in ms] == [("27925-697", "Kerstens/Van Ojik"), ("27925-699", "Bosman c.s.")]
    assert ms[0].cited_by[0].letter_id == ids[FIRST] and "onafhankelijke partij" in ms[0].cited_by[0].quote
    [d] = ds
    assert (d.kind, d.date, d.commitment, d.subject) == ("commissiedebat", "2023-04-12", True, "missies en operaties")
