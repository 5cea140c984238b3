"""The Red Card Holder as a fact, and the Red Card check: inside, outside, cannot tell, point by point."""

from __future__ import annotations

from datetime import date

import pytest

from artikel100 import process
from artikel100.check import check_task
from artikel100.gazetteer import gazetteer
from artikel100.check.task import personnel_allowance
from artikel100.errors import InputError

from conftest import FIRST, SEED_TXT, fill, letter, needs_seed


def _answers(result) -> dict[str, str]:  # noqa: ANN001
    return {p.point: p.answer for p in result.points}


def test_the_red_card_holder_is_a_fact_of_its_own_with_its_duty() -> None:
    e = process(letter(FIRST, "clean")).extraction
    [rch] = e.red_card_holders
    assert rch.holder == "De Nederlandse Senior National Representative in Bagdad"
    assert rch.mission == "NMI"
    assert "binnen het Nederlandse nationale kader" in rch.duty
    a, b = rch.spans[1]
    assert e.text[a:b] == rch.holder


@needs_seed
def test_the_seed_names_its_red_card_holder_and_on_whose_behalf_it_checks() -> None:
    e = process(SEED_TXT).extraction
    [rch] = e.red_card_holders
    assert (rch.holder, rch.on_behalf_of, rch.mission) == ("De Nederlandse Senior National Representative", "CDS", "NMI")
    assert rch.duty.startswith("Deze bewaakt namens de CDS dat opdrachten in het inzetgebied passen")


def test_the_gazetteer_places_bases_in_cities_and_measures_the_rest() -> None:
    g = gazetteer()
    bagdad, camp, erbil = g.resolve("Bagdad"), g.resolve("Camp Union III"), g.resolve("Erbil")
    assert (bagdad.country, camp.within[0]) == ("IQ", "Baghdad")
    assert g.inside(camp, bagdad).answer == "inside"
    near = g.inside(erbil, bagdad, vicinity=True)
    assert near.answer == "outside" and 300 < near.distance_km < 340
    assert g.inside(g.resolve("Abu Ghraib"), bagdad, vicinity=True).answer == "inside"
    assert g.inside(g.resolve("Koeweit"), g.resolve("Irak")).answer == "outside"
    assert g.resolve("Gao").country == "ML"  # the city of Mali, not the airport code of Guantánamo
    assert g.resolve("Nergenshuizen-aan-Zee") is None


def test_circa_allows_what_a_reader_would_and_maximaal_does_not() -> None:
    assert personnel_allowance(145, "circa")[:2] == (152, 160)
    assert personnel_allowance(145, "maximaal")[:2] == (145, 145)
    assert personnel_allowance(40, "ongeveer")[:2] == (45, 50)


@pytest.fixture
def first(registry):  # noqa: ANN001, ANN201
    fill(registry, letter(FIRST))
    with registry.engine.connect() as conn:
        yield conn


def test_a_task_inside_the_framework_is_inside_on_every_point(first) -> None:  # noqa: ANN001
    r = check_task(first, "NMI", date(2024, 6, 1), unit="force protection", place="Camp Union III", personnel=140,
                   task="begeleiden van NMI-adviseurs naar het ministerie van Defensie")
    assert r.answer == "inside", [p.reason for p in r.points]
    assert _answers(r) == {"period": "inside", "place": "inside", "personnel": "inside", "task": "inside"}
    by = {p.point: p for p in r.points}
    assert by["period"].citations[0].kamerstuk == "27925-943"
    assert "31 december 2024" in by["period"].citations[0].quote
    assert "Camp Union III lies in Bagdad" == by["place"].reason
    assert "circa 145" in by["personnel"].citations[0].quote


def test_a_task_after_the_framework_ended_is_outside(first) -> None:  # noqa: ANN001
    r = check_task(first, "NAVO Missie Irak", date(2025, 3, 1), unit="force protection")
    assert r.answer == "outside"
    assert "ended on 2024-12-31" in r.points[0].reason


def test_a_task_in_the_wrong_place_is_outside(first) -> None:  # noqa: ANN001
    r = check_task(first, "NMI", date(2024, 6, 1), unit="force protection", task="escort of advisers to a meeting in Erbil")
    assert _answers(r) == {"period": "inside", "place": "outside", "task": "inside"}
    place = next(p for p in r.points if p.point == "place")
    assert "Erbil is 319 km from Bagdad" in place.reason
    assert "Bagdad en directe omgeving" in place.citations[0].quote


def test_too_many_people_is_outside_and_a_few_more_than_circa_cannot_be_told(first) -> None:  # noqa: ANN001
    assert _answers(check_task(first, "NMI", date(2024, 6, 1), personnel=200))["personnel"] == "outside"
    assert _answers(check_task(first, "NMI", date(2024, 6, 1), personnel=150))["personnel"] == "inside"
    r = check_task(first, "NMI", date(2024, 6, 1), personnel=156)
    assert r.answer == "cannot tell" and "depends on how the letter is read" in r.points[1].reason


def test_a_combat_task_under_a_non_combat_framework_is_outside(first) -> None:  # noqa: ANN001
    r = check_task(first, "NMI", date(2024, 6, 1), unit="force protection", task="aanval op een schuilplaats van ISIS")
    task = next(p for p in r.points if p.point == "task")
    assert task.answer == "outside" and r.answer == "outside"
    assert any("geen gevechtstaken" in c.quote for c in task.citations)


def test_a_task_the_letter_does_not_describe_cannot_be_told(first) -> None:  # noqa: ANN001
    r = check_task(first, "NMI", date(2024, 6, 1), unit="force protection", task="training of Iraqi soldiers")
    assert _answers(r)["task"] == "cannot tell"
    assert "training is not among the tasks" in r.points[-1].reason


def test_an_unknown_mission_or_unit_is_a_clear_error(first) -> None:  # noqa: ANN001
    with pytest.raises(InputError, match="no Dutch deployment"):
        check_task(first, "UNIFIL", date(2024, 6, 1))
    with pytest.raises(InputError, match="no such unit"):
        check_task(first, "NMI", date(2024, 6, 1), unit="F-35")


@needs_seed
def test_the_seed_framework_answers_the_issue_example(registry) -> None:  # noqa: ANN001
    fill(registry, letter(FIRST), SEED_TXT)
    with registry.engine.connect() as conn:
        r = check_task(conn, "NMI", date(2025, 3, 1), unit="force protection", place="Bagdad", personnel=150,
                       task="escort of advisers to a meeting in Erbil")
        before = check_task(conn, "NMI", date(2024, 6, 1), unit="force protection")
    answers = [(p.point, p.answer) for p in r.points]
    assert answers == [("period", "inside"), ("place", "inside"), ("place", "outside"), ("personnel", "inside"),
                       ("task", "inside")]
    assert r.answer == "outside"
    period = r.points[0]
    assert period.framework == {"start": "2025-01-01", "end": "2025-06-30"}
    assert period.citations[0].date == "2024-11-22"
    assert "'circa 145'" in r.points[3].reason
    assert r.to_json()["points"][2]["citations"][0]["quote"].startswith("De mobiele force protection-eenheid")
    # In June 2024 the framework in force is that of the first letter.
    assert before.answer == "inside" and before.points[0].citations[0].kamerstuk == "27925-943"


def test_the_gazetteer_index_is_kept_on_disk_and_a_damaged_copy_is_ignored(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from artikel100.gazetteer import _cache_path, _load_cache, _save_cache

    monkeypatch.setenv("ARTIKEL100_CACHE", str(tmp_path))
    path = _cache_path()
    assert path.parent.parent == tmp_path
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert _load_cache() is None
    _save_cache(({"1": ("Gao", "ML", 16.3, -0.04, 133110)}, {"gao": ("1",)}))
    assert _load_cache()[1]["gao"] == ("1",)
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind


def test_an_open_ended_decision_ends_where_a_later_letter_ends_it(registry, tmp_path) -> None:  # noqa: ANN001
    head = "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, {}\n\n"
    first_letter = tmp_path / "besluit.txt"
    first_letter.write_text(head.format("10 november 2023") + "Het kabinet heeft besloten vanaf 1 januari 2024 een "
                            "force protection-eenheid van circa 100 militairen bij te dragen aan NMI in Bagdad.\n")
    later_letter = tmp_path / "verlenging.txt"
    later_letter.write_text(head.format("1 november 2024") + "Het kabinet verlengt de inzet van de force "
                            "protection-eenheid bij NMI tot en met 30 juni 2025.\n")
    fill(registry, first_letter, later_letter)
    with registry.engine.connect() as conn:
        inside = check_task(conn, "NMI", date(2024, 6, 1), unit="force protection")
        after = check_task(conn, "NMI", date(2031, 1, 1), unit="force protection")
    assert _answers(inside)["period"] == "inside"
    assert _answers(after)["period"] == "outside"
