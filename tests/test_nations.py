"""Countries and nationality adjectives from CLDR and the lexicon (extract/nations.py)."""

from __future__ import annotations

import pytest

from artikel100.extract.nations import NL, country_of, find_countries, nationality


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Duitse", "DE"), ("Belgische", "BE"), ("Franse", "FR"), ("Britse", "GB"), ("Amerikaanse", "US"),
        ("Iraakse", "IQ"), ("Afghaanse", "AF"), ("Malinese", "ML"), ("Libische", "LY"), ("Poolse", "PL"),
        ("Litouwse", "LT"), ("Canadese", "CA"), ("Spaanse", "ES"), ("Griekse", "GR"), ("Russische", "RU"),
        ("Oekraïense", "UA"), ("Slowaakse", "SK"), ("Roemeense", "RO"), ("Keniaanse", "KE"),
        ("Duitsers", "DE"), ("Belgen", "BE"), ("Amerikanen", "US"), ("Irakezen", "IQ"),
        ("Nederlandse", NL), ("Nederlanders", NL),
    ],
)
def test_nationality_of_adjectives_and_demonyms(word: str, code: str) -> None:
    assert nationality(word) == code


@pytest.mark.parametrize("word", ["Europese", "Koerdische", "Baltische", "Internationale", "Militaire", "Kamer", "duitse"])
def test_words_that_are_no_nationality(word: str) -> None:
    assert nationality(word) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [("Litouwen", "LT"), ("Bosnië en Herzegovina", "BA"), ("Bosnië-Herzegovina", "BA"), ("Macedonië", "MK"),
     ("Zuid-Soedan", "SS"), ("Soedan", "SD"), ("Verenigde Staten", "US"), ("Irak", "IQ")],
)
def test_country_names_from_cldr_with_the_forms_letters_use(name: str, code: str) -> None:
    assert country_of(name) == code


def test_find_countries_tells_names_from_adjectives() -> None:
    text = "De Belgische F-16's vliegen vanuit Jordanië, samen met Nederlandse toestellen."
    found = [(text[m.start:m.end], m.code, m.adjective) for m in find_countries(text)]
    assert found == [("Belgische", "BE", True), ("Jordanië", "JO", False), ("Nederlandse", NL, True)]
