"""Dutch dates and periods with offsets."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from artikel100.extract.dates import (
    add_months,
    find_dates,
    find_periods,
    parse_letter_date,
    resolve_month,
)
from letters_corpus import SEED as SEED_STEM

LETTER = date(2024, 11, 22)
MONTH_NAMES = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"]
SEED = SEED_STEM.with_suffix(".clean.txt")


def _dates(text: str, letter: date | None = LETTER) -> list[tuple[str, str, str | None]]:
    return [(d.value, text[d.start : d.end], d.qualifier) for d in find_dates(text, letter)]


def test_letter_date_from_den_haag_line() -> None:
    text = "Aan de Voorzitter\n\nDen Haag, 22 november 2024\n\nGeachte voorzitter, op 1 mei 2025 ..."
    found = parse_letter_date(text)
    assert found is not None
    d, start, end = found
    assert d == date(2024, 11, 22) and text[start:end] == "22 november 2024"


def test_letter_date_from_s_gravenhage_line() -> None:
    found = parse_letter_date("BRIEF\n’s-Gravenhage, 3 februari 2006\nTekst")
    assert found is not None and found[0] == date(2006, 2, 3)


def test_letter_date_absent() -> None:
    assert parse_letter_date("Een tekst over 3 februari 2006 zonder kop.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Het besluit van 22 november 2024 staat.", [("2024-11-22", "22 november 2024", None)]),
        ("Vanaf 1 januari 2025 en tot 30 juni 2025.",
         [("2025-01-01", "1 januari 2025", None), ("2025-06-30", "30 juni 2025", None)]),
        ("Dit gebeurt in mei 2025.", [("2025-05", "mei 2025", None)]),
        ("Dit begon in 2017.", [("2017", "2017", None)]),
        ("Het loopt tot eind 2025.", [("2025-12", "eind 2025", "eind")]),
        ("Het mandaat loopt af eind mei 2025.", [("2025-05", "eind mei 2025", "eind")]),
        ("De aanslag van 7 oktober 2023 was ernstig.", [("2023-10-07", "7 oktober 2023", None)]),
        ("Uiterlijk 31-12-2024 of 31/12/2024.",
         [("2024-12-31", "31-12-2024", None), ("2024-12-31", "31/12/2024", None)]),
        ("Het besluit van 3 sept. 2019.", [("2019-09-03", "3 sept. 2019", None)]),
        ("De Raad besloot op 31 mei jl. hiertoe.", [("2024-05-31", "31 mei jl.", None)]),
        ("In augustus jl. en september jl. gebeurde veel.",
         [("2024-08", "augustus jl.", None), ("2024-09", "september jl.", None)]),
        ("Begin november werd hij gekozen.", [("2024-11", "Begin november", "begin")]),
        ("Het overleg is medio januari.", [("2025-01", "medio januari", "medio")]),
        ("Zij komen op 3 december a.s. bijeen.", [("2024-12-03", "3 december a.s.", None)]),
        ("Sinds februari is het rustig.", [("2024-02", "februari", None)]),
    ],
)
def test_find_dates_in_sentences(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _dates(text) == expected


def test_day_range_reports_first_day_and_range_end() -> None:
    text = "De ministeriële van 17-18 oktober jl. was nuttig."
    [d] = find_dates(text, LETTER)
    assert (d.value, d.range_end, text[d.start : d.end]) == ("2024-10-17", "2024-10-18", "17-18 oktober jl.")


def test_jl_in_january_letter_resolves_to_previous_year() -> None:
    assert _dates("Op 20 december jl. sprak de minister.", date(2025, 1, 10)) == [
        ("2024-12-20", "20 december jl.", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "De zomer was onrustig.",
        "Zie Kamerstuk 27 925, nr. 943.",
        "Er gaan 2025 militairen en resolutie 2231 blijft.",
        "Jan Pronk sprak met minister Dec.",
    ],
)
def test_non_dates_are_not_reported(text: str) -> None:
    assert _dates(text) == []


def test_yearless_dates_are_skipped_without_letter_date() -> None:
    assert _dates("Op 31 mei jl. en in mei 2025.", None) == [("2025-05", "mei 2025", None)]


def test_yearless_start_borrows_year_from_range_end() -> None:
    assert _dates("Van 1 december tot en met 31 maart 2025.", None)[0][0] == "2024-12-01"


def test_resolve_month_directions() -> None:
    assert resolve_month(5, LETTER, "past") == date(2024, 5, 1)
    assert resolve_month(5, LETTER, "future") == date(2025, 5, 1)
    assert resolve_month(11, LETTER, "past") == date(2024, 11, 1)
    assert resolve_month(8, LETTER, "nearest") == date(2024, 8, 1)
    assert resolve_month(2, LETTER, "nearest") == date(2025, 2, 1)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)))
def test_every_date_written_out_in_dutch_parses_back(d: date) -> None:
    text = f"Het besluit van {d.day} {MONTH_NAMES[d.month - 1]} {d.year} geldt."
    [m] = find_dates(text, None)
    assert m.value == d.isoformat()
    assert text[m.start : m.end] == f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
       st.integers(min_value=0, max_value=400))
def test_jl_resolves_to_latest_such_day_on_or_before_letter(d: date, days_later: int) -> None:
    from datetime import timedelta

    letter = d + timedelta(days=days_later)
    [m] = find_dates(f"Op {d.day} {MONTH_NAMES[d.month - 1]} jl. gebeurde het.", letter)
    resolved = date.fromisoformat(m.value)
    assert resolved <= letter and resolved.month == d.month and resolved.day == d.day
    assert (letter - resolved).days < 366 + 365 * (d.month == 2 and d.day == 29) * 3


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [("2025-01-01", 6, "2025-06-30"), ("2025-01", 6, "2025-06"), ("2024-08-31", 6, "2025-02-27"),
     ("2025", 12, "2025"), ("2025-07-01", 12, "2026-06-30")],
)
def test_add_months_gives_inclusive_end(start: str, months: int, end: str) -> None:
    assert add_months(start, months) == end


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)), st.integers(1, 60))
def test_add_months_of_month_start_ends_the_day_before_the_next_start(d: date, months: int) -> None:
    start = d.replace(day=1)
    end = date.fromisoformat(add_months(start.isoformat(), months))
    assert add_months(start.isoformat()[:7], months) == end.isoformat()[:7]
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months - 1


def _periods(text: str) -> list[tuple[str | None, str | None, int | None, bool, str]]:
    return [(p.start, p.end, p.months, p.end_inclusive, text[p.span[0] : p.span[1]])
            for p in find_periods(text, LETTER)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Inzet van 1 januari 2025 tot en met 30 juni 2025.",
         ("2025-01-01", "2025-06-30", None, True, "van 1 januari 2025 tot en met 30 juni 2025")),
        ("Inzet van januari 2025 tot en met juni 2025.",
         ("2025-01", "2025-06", None, True, "van januari 2025 tot en met juni 2025")),
        ("Het commando loopt tot en met mei 2025.", (None, "2025-05", None, True, "tot en met mei 2025")),
        ("Het kader loopt tot en met 31 december 2024.",
         (None, "2024-12-31", None, True, "tot en met 31 december 2024")),
        ("Er wordt gevlogen tot 1 april 2025.", (None, "2025-04-01", None, False, "tot 1 april 2025")),
        ("Inzet vanaf mei 2024.", ("2024-05", None, None, True, "vanaf mei 2024")),
        ("Inzet vanaf 1 februari 2011.", ("2011-02-01", None, None, True, "vanaf 1 februari 2011")),
        ("Dit geldt met ingang van 1 juli 2020.",
         ("2020-07-01", None, None, True, "met ingang van 1 juli 2020")),
        ("De steun loopt tot eind 2025.", (None, "2025-12", None, True, "tot eind 2025")),
        ("De VS blijft tot september 2026.", (None, "2026-09", None, False, "tot september 2026")),
        ("Het kader verloopt op 31 december 2024.",
         (None, "2024-12-31", None, True, "verloopt op 31 december 2024")),
        ("De kaders verlopen in juli 2025.", (None, "2025-07", None, True, "verlopen in juli 2025")),
        ("De kaders lopen in juli 2025 af.", (None, "2025-07", None, True, "lopen in juli 2025 af")),
        ("Wij verlengen voor een periode van zes maanden.",
         (None, None, 6, True, "voor een periode van zes maanden")),
        ("De inzet is voor de duur van een jaar.", (None, None, 12, True, "voor de duur van een jaar")),
        ("De inzet geldt voor twaalf maanden.", (None, None, 12, True, "voor twaalf maanden")),
        ("De inzet wordt met een half jaar verlengd.", (None, None, 6, True, "met een half jaar")),
        ("Wij willen de inzet met zes maanden verlengen.", (None, None, 6, True, "met zes maanden")),
        ("Het kader wordt verlengd met een half jaar tot en met juni 2025.",
         (None, "2025-06", 6, True, "met een half jaar tot en met juni 2025")),
        ("In de periode januari-juni 2025 gebeurt het.",
         ("2025-01", "2025-06", None, True, "januari-juni 2025")),
        ("Nederland nam tussen 1978 en 1985 deel aan de missie.",
         ("1978", "1985", None, True, "tussen 1978 en 1985")),
        # a year the letter's date gives: "eind dit jaar", "begin volgend jaar"
        ("De huidige bijdrage loopt tot eind dit jaar.", (None, f"{LETTER.year}-12", None, True, "tot eind dit jaar")),
        ("De eenheid is inzetbaar vanaf begin volgend jaar.",
         (f"{LETTER.year + 1}-01", None, None, True, "vanaf begin volgend jaar")),
    ],
)
def test_find_periods_in_sentences(text: str, expected: tuple) -> None:
    assert _periods(text) == [expected]


def test_a_meeting_day_range_is_not_a_period() -> None:
    assert _periods("De bijeenkomst van 17-18 oktober jl. was nuttig.") == []


def test_uitzendduur_is_not_a_period() -> None:
    assert _periods("De uitzendduur van een half jaar is te kort.") == []


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed")
def test_seed_letter_dates_and_periods() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = parse_letter_date(text)
    assert found is not None and found[0] == LETTER
    values = {d.value for d in find_dates(text, found[0])}
    assert {"2023-10-07", "2024-05-31", "2024-09-17", "2024-09-27", "2024-09-30",
            "2024-10-20", "2025-12-31"} <= values
    periods = {(p.start, p.end, p.months) for p in find_periods(text, found[0])}
    assert {(None, "2025-05", None), ("2025-01", "2025-06", None), (None, "2025-06", 6),
            ("2025-01-01", "2025-06-30", None), (None, "2024-12-31", None),
            (None, "2025-07", None)} <= periods


def test_an_expiry_whose_long_subject_stands_between_the_date_and_af() -> None:
    from datetime import date

    from artikel100.extract.dates import find_periods

    text = ("Op 30 juni 2012 loopt de huidige Nederlandse bijdrage aan de politiemissie van de Europese Unie in "
            "Afghanistan (EUPOL Afghanistan) af.")
    assert [p.end for p in find_periods(text, date(2012, 3, 1))] == ["2012-06-30"]


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Het team blijft tot het einde van de wereldtentoonstelling, op 31 oktober.", "2010-10-31"),
        ("De bijdrage loopt tot het einde van het huidige mandaat van de missie, op 30 november 2010.", "2010-11-30"),
    ],
)
def test_an_end_named_by_its_event_and_then_dated(text: str, end: str) -> None:
    from datetime import date

    from artikel100.extract.dates import find_periods

    assert [p.end for p in find_periods(text, date(2010, 7, 1))] == [end]


def test_a_yearless_date_before_a_strong_past_verb_lies_behind_the_letter() -> None:
    from datetime import date

    from artikel100.extract.dates import find_dates

    letter = date(2003, 7, 25)
    assert [d.value for d in find_dates("Op 10 februari droeg Turkije het bevel over.", letter)] == ["2003-02-10"]
    assert [d.value for d in find_dates("Op 10 februari draagt Turkije het bevel over.", letter)] == ["2004-02-10"]


def test_a_length_counted_from_the_start_after_it_is_one_period() -> None:
    from artikel100.extract.dates import find_periods

    for text in ("De inzet duurt een periode van vier maanden, te rekenen vanaf 15 februari.",
                 "Het detachement blijft voor twaalf maanden, gerekend vanaf 1 juli."):
        (period,) = find_periods(text, date(2011, 1, 10))
        assert period.start and period.months and period.end is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("Vorig jaar nam Nederland met een fregat deel.", "2016"), ("De oefening vindt dit jaar plaats.", "2017"),
     ("Volgend jaar levert Nederland weer een team.", "2018"), ("Dat gebeurde in september vorig jaar.", "2016-09")],
)
def test_a_year_the_letters_date_gives_without_a_qualifier(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, date(2017, 2, 10))] == [value]


def test_a_length_in_weeks_or_days_from_a_day_gives_the_end() -> None:
    from artikel100.extract.dates import find_periods

    (period,) = find_periods("Het team werkt vanaf 14 augustus voor een periode van vier weken in het gebied.", date(2023, 8, 1))
    assert (period.start, period.end) == ("2023-08-14", "2023-09-10")
    (period,) = find_periods("Vanaf 1 juni 2020, voor tien dagen, vliegt een C-130 heen en weer.", date(2020, 5, 1))
    assert (period.start, period.end) == ("2020-06-01", "2020-06-10")
