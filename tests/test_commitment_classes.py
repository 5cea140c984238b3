"""Commitments as real letters phrase them, and what is no promise to inform later."""

from __future__ import annotations

from datetime import date

import pytest

from artikel100.extract.commitments import find_commitments, is_commitment
from artikel100.extract.sentences import Sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "U wordt hierover separaat geïnformeerd.",
        "Wij informeren uw Kamer over de hervatting van de patrouilles zodra daarover in NAVO-verband is besloten.",
        "Over de uitkomst van het onderzoek informeert het kabinet uw Kamer nog deze maand.",
        "Over de afronding van het programma informeer ik uw Kamer voor de zomer.",
        "Daarnaast komt uw Kamer vóór het zomerreces de eindevaluatie toe.",
        "Over de opvang van de vluchtelingen informeren wij u afzonderlijk.",
        "Wij informeren uw Kamer in maart 2019 over de uitkomst van de gesprekken.",
        "Op de gevolgen voor de marine ga ik in de brief over de vlootplannen, die u in het najaar ontvangt, nader in.",
        "Na afloop van de inzet ontvangt u een evaluatie van de Nederlandse bijdrage.",
        "Het rapport van de inspectie wordt uw Kamer in 2027 aangeboden.",
        "Vraagt de VN om een langere inzet, dan houd ik uw Kamer daarvan op de hoogte.",
        "Een nieuwe uitzending van het team zal het kabinet uw Kamer vooraf melden.",
    ],
)
def test_promises_to_inform_later_in_the_present_tense(sentence: str) -> None:
    assert is_commitment(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "In deze voortgangsrapportage worden ook de ontwikkelingen in de regio toegelicht.",
        "Deze brief sluit aan bij de tussentijdse evaluatie die de Kamer op 3 mei jl. is toegegaan.",
        "Zoals gebruikelijk wordt de Kamer over de bijdragen aan de NRF geïnformeerd op het moment van toewijzing.",
        "Zoals aan de Kamer werd toegezegd, zullen wij hieronder nader ingaan op de lessen van de missie.",
        "Met deze aanvullende artikel 100-brief informeren wij u over het besluit van het kabinet.",
        "Overeenkomstig artikel 100 van de Grondwet informeren wij uw Kamer over de bijdrage voor de rest van dit jaar.",
        "Wij informeren uw Kamer over de inzet van het fregat in maart 2018.",
        "De evaluatie is uw Kamer in 2016 aangeboden.",
        "Het kabinet heeft de aanvallen van 3 mei aan de VN gemeld.",
    ],
)
def test_informing_by_this_letter_or_in_the_past_is_no_commitment(sentence: str) -> None:
    assert not is_commitment(sentence)


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Het kabinet zal uw Kamer voor de zomer informeren.", "2025-06"),
        ("Het kabinet zal uw Kamer na de zomer nader informeren.", "2025-09"),
        ("Het kabinet zal uw Kamer in het najaar informeren.", "2025-10"),
        ("Daarnaast komt uw Kamer vóór het zomerrec", "2025-06"),  # an excerpt that stops mid-word
    ],
)
def test_a_seasons_due_month_depends_on_before_in_or_after(sentence: str, due: str) -> None:
    (commitment,) = find_commitments([Sentence(sentence, 0, len(sentence), "paragraph")], date(2025, 3, 1))
    assert commitment.due == due


def test_the_due_date_is_the_promising_parts() -> None:
    text = "Het kabinet heeft gevraagd in 2025 de bijdrage te evalueren; de uitkomst wordt uw Kamer in 2026 aangeboden."
    (commitment,) = find_commitments([Sentence(text, 0, len(text), "paragraph", None, 0)], date(2024, 11, 1))
    assert commitment.due == "2026"


def test_a_promise_after_a_semicolon_takes_the_date_of_the_part_before_when_it_gives_none() -> None:
    text = "Een besluit over de verlenging volgt in het voorjaar; uw Kamer ontvangt dan een afzonderlijke brief."
    (commitment,) = find_commitments([Sentence(text, 0, len(text), "paragraph", None, 0)], date(2024, 11, 1))
    assert commitment.due == "2025-04"


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Na afloop van de missie laat ik uw Kamer weten welke lessen zijn geleerd.", None),
        ("Wij berichten beide Kamers in de zomer van 2026 over een eventuele verlenging.", "2026-07"),
        ("Het kabinet bericht uw Kamer in het najaar over de uitkomst.", "2025-10"),
        ("Uiterlijk bij de behandeling van de begroting in mei lichten wij uw Kamer in over de stand van zaken.", "2025-05"),
        ("Over de afloop van de missie brengen wij u in mei verslag uit.", "2025-05"),
        ("Ik stel uw Kamer uiterlijk 30 juni in kennis van de uitkomst.", "2025-06-30"),
        ("De lessen komen in de jaarbrief, die beide Kamers in het derde kwartaal van 2026 bereikt.", "2026-09"),
    ],
)
def test_promises_with_letting_know_and_reporting_to_both_houses(sentence: str, due: str | None) -> None:
    (commitment,) = find_commitments([Sentence(sentence, 0, len(sentence), "paragraph")], date(2025, 3, 1))
    assert commitment.due == due


@pytest.mark.parametrize(
    "sentence",
    ["Ik laat uw Kamer hierbij weten dat het besluit is genomen.", "Wij berichten u dat het kabinet heeft besloten.",
     "Ik stel uw Kamer hierbij in kennis van het besluit.", "Rusland is, zoals gebruikelijk, van de oefening in kennis gesteld."],
)
def test_letting_know_by_this_letter_is_no_commitment(sentence: str) -> None:
    assert not is_commitment(sentence)
