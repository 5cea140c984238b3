"""What changed between letters: period, personnel, tasks, places, costs, coverage."""

from __future__ import annotations

from artikel100.check import diff_letters

from conftest import EXTENSION, FIRST, NO_RISKS, SEED_TXT, fill, letter, needs_seed


def _change(dep, field):  # noqa: ANN001, ANN202
    return next(c for c in dep.changes if c.field == field)


def test_an_extension_against_the_letter_it_extends(registry) -> None:  # noqa: ANN001
    ids = fill(registry, letter(NO_RISKS), letter(EXTENSION))
    with registry.engine.connect() as conn:
        d = diff_letters(conn, ids[EXTENSION])
    assert (d.against_id, d.against) == (ids[NO_RISKS], "29521-120")
    dep = next(x for x in d.deployments if x.deployment.startswith("ATALANTA"))
    assert dep.kind == "extended" and dep.before_letter == "29521-120"
    end = _change(dep, "end")
    assert (end.before, end.after) == ("2010-07", "2011-12-31")
    assert "31 december 2011" in end.citations[0].quote
    assert _change(dep, "personnel").after == 200
    costs = next(c for c in d.letter_changes if c.field == "costs_eur")
    assert (costs.before, costs.after) == (11_500_000, 9_800_000)
    coverage = {c.field: (c.before, c.after) for c in d.letter_changes if c.field.startswith("coverage:")}
    assert coverage["coverage:command"] == ("covered", "reference")
    assert coverage["coverage:reporting"] == ("missing", "covered")


def test_against_another_letter_on_request(registry) -> None:  # noqa: ANN001
    ids = fill(registry, letter(NO_RISKS), letter(EXTENSION), letter(FIRST))
    with registry.engine.connect() as conn:
        d = diff_letters(conn, ids[EXTENSION], against=ids[FIRST])
    assert d.against == "27925-943"
    assert any(x.kind == "not mentioned" and x.deployment.startswith("NMI") for x in d.deployments)


@needs_seed
def test_the_seed_against_the_letter_it_extends(registry) -> None:  # noqa: ANN001
    ids = fill(registry, letter(FIRST), SEED_TXT)
    with registry.engine.connect() as conn:
        d = diff_letters(conn, ids["000_58c76a8e68136705"])
    assert d.against == "27925-943" and d.note is None
    fp = next(x for x in d.deployments if x.deployment == "NMI/force protection")
    assert fp.kind == "extended"
    end = _change(fp, "end")
    assert (end.before, end.after) == ("2024-12-31", "2025-06-30")
    assert _change(fp, "personnel").after == 145
    costs = next(c for c in d.letter_changes if c.field == "costs_eur")
    assert (costs.before, costs.after) == (33_500_000, 18_300_000)
    coverage = {c.field: (c.before, c.after) for c in d.letter_changes if c.field.startswith("coverage:")}
    assert coverage["coverage:legal_basis"] == ("covered", "reference")
    assert coverage["coverage:civilians"] == ("covered", "missing")
    assert d.to_json()["deployments"][0]["deployment"] == "NMI/force protection"


@needs_seed
def test_the_seed_alone_compares_with_the_framework_it_cites(registry) -> None:  # noqa: ANN001
    ids = fill(registry, SEED_TXT)
    with registry.engine.connect() as conn:
        d = diff_letters(conn, ids["000_58c76a8e68136705"])
    assert d.against is None and "27925-943" in d.note
    fp = next(x for x in d.deployments if x.deployment == "NMI/force protection")
    assert fp.before_letter == "as cited by this letter"
    assert (_change(fp, "end").before, _change(fp, "end").after) == ("2024-12-31", "2025-06-30")
