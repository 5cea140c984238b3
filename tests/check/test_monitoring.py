"""Monitoring visits, findings, recommendations, follow-up, evaluations, and later letters that report on them."""

from __future__ import annotations

from datetime import date

from artikel100 import process
from artikel100.check import confirm_link, monitoring

from conftest import FIRST, MONITORING, PROGRESS_EFP, PROGRESS_NMI, SEED_TXT, fill, letter, needs_seed


def test_a_visit_with_findings_recommendations_and_the_follow_up_promised() -> None:
    e = process(letter(MONITORING, "clean")).extraction
    [visit] = e.monitoring_visits
    assert (visit.date, visit.place, visit.status, visit.mission) == ("2022-03", "Rukla", "done", "EFP")
    assert visit.by == "een delegatie van de ministeries van Defensie en Buitenlandse Zaken"
    kinds = [(o.kind, o.visit) for o in e.observations]
    assert kinds == [("finding", 0), ("finding", 0), ("recommendation", 0), ("recommendation", 0)]
    assert e.observations[2].text.startswith("Zij beveelt aan de aflossing")
    [follow] = e.follow_ups
    assert (follow.due, follow.answers) == ("2023-05", [2, 3])
    assert e.commitments[follow.commitment].due == "2023-05"


def test_a_planned_visit_and_an_announced_final_evaluation_with_an_independent_party() -> None:
    e = process(letter(FIRST, "clean")).extraction
    [visit] = e.monitoring_visits
    assert (visit.status, visit.place) == ("planned", "Irak")
    [evaluation] = e.evaluations
    assert (evaluation.kind, evaluation.status, evaluation.by) == ("final", "announced", "independent")


@needs_seed
def test_the_seed_visit_of_august_2024_with_its_findings_and_the_follow_up_due_in_may_2025() -> None:
    e = process(SEED_TXT).extraction
    [visit] = e.monitoring_visits
    assert (visit.date, visit.place, visit.status) == ("2024-08", "Irak", "done")
    assert visit.by == "een delegatie vanuit de ministeries van Buitenlandse Zaken en van Defensie"
    findings = [o for o in e.observations if o.kind == "finding"]
    attention = [o for o in e.observations if o.kind == "attention"]
    assert len(findings) == 4 and findings[0].text.startswith("Hierbij is onder meer vastgesteld")
    assert len(attention) == 2  # "Adviseurs ... vormen de kern van de missie." frames them, names no problem
    assert "te kort voor optimale impact" in attention[0].text
    assert "tolken" in attention[1].text and "voertuigen" in attention[1].text
    [follow] = e.follow_ups
    assert follow.due == "2025-05"
    assert follow.answers == [e.observations.index(o) for o in attention]
    assert "volgende voortgangsrapportage (mei 2025)" in follow.text


def test_the_later_progress_report_is_proposed_and_answers_each_recommendation(registry) -> None:  # noqa: ANN001
    ids = fill(registry, letter(MONITORING), letter(PROGRESS_EFP))
    with registry.engine.connect() as conn:
        m = monitoring(conn, date(2023, 6, 1))
    [visit] = m.visits
    assert visit.id == f"{ids[MONITORING]}:0" and visit.kamerstuk == "28676-410"
    [proposal] = visit.proposals
    assert (proposal.letter_id, proposal.status) == (ids[PROGRESS_EFP], "proposed")
    assert "monitoring visit of 2022-03" in proposal.why
    recs = [o for o in visit.observations if o.kind == "recommendation"]
    assert "oefenkalender" in recs[0].answered_by.quote and "afgestemd" in recs[0].answered_by.quote
    assert "winterbestendige huisvesting" in recs[1].answered_by.quote
    assert [f["status"] for f in visit.follow_ups] == ["reported"]
    with registry.write() as conn:
        confirm_link(conn, visit.id, ids[PROGRESS_EFP])
    with registry.engine.connect() as conn:
        again = monitoring(conn, date(2023, 6, 1)).visits[0]
    assert again.proposals[0].status == "confirmed"
    assert again.to_json()["proposals"][0]["status"] == "confirmed"


def test_a_follow_up_with_no_later_letter_falls_overdue(registry) -> None:  # noqa: ANN001
    fill(registry, letter(MONITORING))
    with registry.engine.connect() as conn:
        [visit] = monitoring(conn, date(2023, 9, 1)).visits
    assert visit.proposals == [] and [f["status"] for f in visit.follow_ups] == ["overdue"]


def test_an_evaluation_announced_in_a_progress_report(registry) -> None:  # noqa: ANN001
    fill(registry, letter(PROGRESS_NMI))
    with registry.engine.connect() as conn:
        m = monitoring(conn, date(2026, 9, 1))
    [evaluation] = m.evaluations
    assert (evaluation.kind, evaluation.status, evaluation.by, evaluation.mission) == ("final", "announced", "IOB", "NMI")
    assert evaluation.due == "2026-04" and evaluation.overdue


@needs_seed
def test_the_seed_visit_is_answered_by_our_progress_report_of_may_2025(registry) -> None:  # noqa: ANN001
    ids = fill(registry, SEED_TXT, letter(PROGRESS_NMI))
    with registry.engine.connect() as conn:
        [visit] = monitoring(conn, date(2025, 6, 1)).visits
    assert visit.date == "2024-08" and visit.proposals[0].letter_id == ids[PROGRESS_NMI]
    attention = [o for o in visit.observations if o.kind == "attention"]
    assert "verlengd van een half jaar naar een jaar" in attention[0].answered_by.quote
    assert "tolken" in attention[1].answered_by.quote or "voertuigen" in attention[1].answered_by.quote
