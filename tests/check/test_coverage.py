"""Toetsingskader coverage: each class of letter, OCR'd forms, references resolved in the registry."""

from __future__ import annotations

import pytest

from artikel100 import process
from artikel100.check import coverage_of_extraction, coverage_summary, letter_coverage

from conftest import EXTENSION, FIRST, MONITORING, NO_RISKS, PROGRESS_EFP, PROGRESS_NMI, SEED_TXT, fill, letter, needs_seed


def _statuses(path) -> dict[str, str]:  # noqa: ANN001
    cov = coverage_of_extraction(process(path).extraction)
    return {p.point: p.status for p in cov.points}


def test_a_full_first_letter_covers_every_point_under_its_own_heading() -> None:
    cov = coverage_of_extraction(process(letter(FIRST, "clean")).extraction)
    assert {p.point: p.status for p in cov.points} == {p.point: "covered" for p in cov.points}
    by_point = {p.point: p for p in cov.points}
    assert by_point["finances"].sections == ["Financiën"]
    assert "33,5 miljoen euro" in by_point["finances"].citations[0].quote
    assert by_point["civilian_casualties"].sections == ["Risico's"]
    assert "burgerslachtoffers" in " ".join(c.quote for c in by_point["civilian_casualties"].citations)
    assert not cov.extension and cov.note is None


def test_an_extension_covers_little_and_names_the_letter_it_refers_back_to() -> None:
    cov = coverage_of_extraction(process(letter(EXTENSION)).extraction)
    by_point = {p.point: p for p in cov.points}
    for point in ("grounds", "legal_basis", "command", "roe", "risks_personnel"):
        assert by_point[point].status == "reference", point
        assert [r.ref for r in by_point[point].refers_to] == ["29521-120"], point
    assert "ongewijzigd" in by_point["command"].citations[0].quote
    for point in ("duration", "finances", "feasibility", "reporting"):
        assert by_point[point].status == "covered", point
    for point in ("gender", "civilians", "climate", "suitability"):
        assert by_point[point].status == "missing", point
    assert cov.extension and "only what changed" in cov.note


def test_a_letter_that_skips_risks_has_the_three_risk_points_missing() -> None:
    statuses = _statuses(letter(NO_RISKS, "clean"))
    assert [statuses[p] for p in ("risks_personnel", "risks_mission", "civilian_casualties")] == ["missing"] * 3
    # ... while what it does treat, under the headings of 2009, is covered
    assert [statuses[p] for p in ("political_context", "legal_basis", "command", "finances", "duration")] == ["covered"] * 5


@pytest.mark.parametrize("stem", [FIRST, EXTENSION])
def test_the_scanned_letter_read_by_ocr_gets_nearly_the_same_coverage(stem: str) -> None:
    clean, ocr = _statuses(letter(stem, "clean")), _statuses(letter(stem, "ocr"))
    same = sum(clean[p] == ocr[p] for p in clean)
    assert same >= len(clean) - 1, {p: (clean[p], ocr[p]) for p in clean if clean[p] != ocr[p]}


def test_content_decides_when_the_headings_are_gone() -> None:
    text = letter(FIRST, "clean").read_text(encoding="utf-8")
    # The same letter with every heading dropped, as OCR sometimes leaves it.
    kept = [p for p in text.split("\n\n") if not (len(p) < 60 and not p.endswith(".") and not p.startswith(("BRIEF", "Aan", "Den")))]
    from artikel100 import process_text

    cov = coverage_of_extraction(process_text("\n\n".join(kept)).extraction)
    by_point = {p.point: p for p in cov.points}
    for point in ("finances", "duration", "risks_personnel", "civilian_casualties", "command", "roe", "gender", "climate"):
        assert by_point[point].status == "covered", point
        assert by_point[point].by == "content", point


def test_the_registry_says_whether_the_letter_referred_to_covers_the_point(registry) -> None:  # noqa: ANN001
    ids = fill(registry, letter(NO_RISKS), letter(EXTENSION))
    with registry.engine.connect() as conn:
        cov = letter_coverage(conn, ids[EXTENSION])
    by_point = {p.point: p for p in cov.points}
    risks = by_point["risks_personnel"].refers_to[0]
    assert (risks.letter_id, risks.kamerstuk, risks.status) == (ids[NO_RISKS], "29521-120", "missing")
    command = by_point["command"].refers_to[0]
    assert command.status == "covered" and "operationele commando" in command.citations[0].quote
    assert cov.to_json()["points"][10]["refers_to"][0]["status"] == "covered"


def test_summary_counts_points_per_mission_and_year_and_leaves_reports_out(registry) -> None:  # noqa: ANN001
    fill(registry, *(letter(s) for s in (FIRST, PROGRESS_NMI, EXTENSION, NO_RISKS, MONITORING, PROGRESS_EFP)))
    with registry.engine.connect() as conn:
        summary = coverage_summary(conn)
    assert summary.letters == 4 and summary.others == 2
    assert set(summary.by_mission) == {"NMI", "ATALANTA", "EFP"}
    assert summary.by_mission["ATALANTA"]["letters"] == 2
    assert summary.by_mission["ATALANTA"]["missing"]["gender"] == 2
    assert summary.by_point["finances"]["covered"] == 4
    assert summary.by_point["risks_personnel"] == {"covered": 2, "reference": 1, "missing": 1}
    assert list(summary.by_year) == ["2009", "2010", "2022", "2023"]
    assert summary.most_skipped(summary.by_year["2009"])[0][1] == 1
    assert summary.to_json()["by_mission"]["EFP"]["letters"] == 1


SEED_TABLE = {
    "grounds": "covered", "political_context": "covered", "legal_basis": "reference", "aims": "covered",
    "international": "covered", "feasibility": "covered", "suitability": "covered", "risks_personnel": "covered",
    "risks_mission": "covered", "civilian_casualties": "covered", "command": "covered", "roe": "covered",
    "duration": "covered", "finances": "covered", "reporting": "covered", "gender": "reference",
    "civilians": "missing", "climate": "reference",
}


@needs_seed
def test_the_seed_covers_risks_and_finances_under_their_headings_and_legal_basis_by_reference() -> None:
    cov = coverage_of_extraction(process(SEED_TXT).extraction)
    by_point = {p.point: p for p in cov.points}
    assert {p: x.status for p, x in by_point.items()} == SEED_TABLE
    assert by_point["risks_personnel"].sections == ["Veiligheidsrisico’s"]
    assert by_point["finances"].sections == ["Financiën"]
    assert [r.ref for r in by_point["legal_basis"].refers_to] == ["27925-943"]
    assert any("ongewijzigd ten opzichte van" in c.quote for c in by_point["legal_basis"].citations)
    assert [r.ref for r in by_point["gender"].refers_to] == ["27925-943"]
    assert cov.extension


@needs_seed
def test_the_seed_in_the_registry_finds_the_letter_it_extends(registry) -> None:  # noqa: ANN001
    ids = fill(registry, letter(FIRST), SEED_TXT)
    with registry.engine.connect() as conn:
        cov = letter_coverage(conn, ids["000_58c76a8e68136705"])
    legal = next(p for p in cov.points if p.point == "legal_basis").refers_to[0]
    assert (legal.letter_id, legal.kamerstuk, legal.status) == (ids[FIRST], "27925-943", "covered")
    assert "instemming van de Iraakse regering" in legal.citations[0].quote
