"""The oversight commands as a clerk runs them: 80 columns, one-line errors, JSON for tools."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from artikel100.cli import main

from conftest import EXTENSION, FIRST, MONITORING, NO_RISKS, PROGRESS_EFP, SEED_TXT, fill, letter, needs_seed


@pytest.fixture
def db(registry):  # noqa: ANN001, ANN201
    ids = fill(registry, *(letter(s) for s in (FIRST, NO_RISKS, EXTENSION, MONITORING, PROGRESS_EFP)))
    return registry.url, ids


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": "80"}, catch_exceptions=False)
    return result.exit_code, result.output


def test_every_oversight_command_has_help() -> None:
    for command in (["check"], ["check-task"], ["diff"], ["monitoring"], ["monitoring", "link"], ["motions"]):
        code, out = run(*command, "--help")
        assert code == 0 and "Usage:" in out


def test_check_a_letter_by_kamerstuk_prints_a_table_that_fits_80_columns(db) -> None:  # noqa: ANN001
    url, _ids = db
    code, out = run("check", "29521-141", "--db", url)
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "29521-141" in out and "by reference" in out and "missing" in out
    assert "29521-120: does not cover it" in out  # the risks it refers to are not in the earlier letter either
    assert "only what changed" in out


def test_check_a_file_reads_it_without_a_registry(tmp_path) -> None:  # noqa: ANN001
    code, out = run("check", str(letter(NO_RISKS, "clean")), "--db", str(tmp_path / "none.db"), "--json")
    data = json.loads(out)
    assert code == 0 and data["counts"]["missing"] >= 3
    assert {p["point"]: p["status"] for p in data["points"]}["risks_personnel"] == "missing"


def test_check_all_summarises_per_mission_and_year(db) -> None:  # noqa: ANN001
    url, _ids = db
    code, out = run("check", "--all", "--db", url)
    assert code == 0 and "over 4 letters" in out and "per mission" in out and "ATALANTA" in out and "2009" in out
    code, out = run("check", "--all", "--mission", "ATALANTA", "--db", url, "--json")
    assert json.loads(out)["letters"] == 2


def test_check_task_answers_point_by_point_with_the_sentence_that_decides(db) -> None:  # noqa: ANN001
    url, _ids = db
    code, out = run("check-task", "--mission", "NMI", "--unit", "force protection", "--date", "2024-06-01",
                    "--personnel", "150", "--task", "escort of advisers to a meeting in Erbil", "--db", url)
    assert code == 0
    assert "NMI/force protection on 2024-06-01: outside" in out
    assert "Erbil is 319 km from Bagdad" in out and "27925-943 (2023-07-07)" in out
    code, out = run("check-task", "--mission", "NMI", "--date", "2024-06-01", "--task", "aanval op een kamp",
                    "--db", url, "--json")
    assert json.loads(out)["answer"] == "outside"


def test_bad_input_is_one_line_and_exit_2(db) -> None:  # noqa: ANN001
    url, _ids = db
    code, out = run("check-task", "--mission", "UNIFIL", "--date", "2024-06-01", "--db", url)
    assert code == 2 and out.strip() == "artikel100: UNIFIL: the registry has no Dutch deployment on this mission"
    code, out = run("check", "99999-1", "--db", url)
    assert code == 2 and out.count("\n") == 1
    code, out = run("check-task", "--mission", "NMI", "--date", "morgen", "--db", url)
    assert code == 2


def test_diff_monitoring_and_motions(db) -> None:  # noqa: ANN001
    url, ids = db
    code, out = run("diff", "29521-141", "--db", url)
    assert code == 0 and "2010-07" in out and "2011-12-31" in out and "9,8 mln euro" in out
    code, out = run("monitoring", "--db", url, "--today", "2023-06-01")
    assert code == 0 and "visit" in out and "recommendation" in out and "answered:" in out and "proposed" in out
    visit = f"{ids[MONITORING]}:0"
    code, out = run("monitoring", "link", visit, "--by", "28676-425", "--db", url)
    assert code == 0 and "confirmed" in out
    code, out = run("monitoring", "--db", url, "--json")
    assert json.loads(out)["visits"][0]["proposals"][0]["status"] == "confirmed"
    code, out = run("motions", "--db", url)
    assert code == 0 and "Bosman c.s." in out and "commissiedebat" in out


def test_export_carries_the_oversight_records(db) -> None:  # noqa: ANN001
    url, _ids = db
    code, out = run("export", "--db", url)
    data = json.loads(out)
    first = next(L for L in data["letters"] if L["kamerstuk"] == "27925-943")
    assert first["red_card_holders"][0]["holder"].startswith("De Nederlandse Senior National Representative")
    assert len(first["coverage_points"]) == 18 and first["motions"][0]["kamerstuk"] == "27925-699"
    assert data["coverage_summary"]["letters"] == 4 and data["monitoring"]["visits"]
    code, out = run("export", "--format", "csv", "--db", url)
    assert ",red_card_holder," in out and ",monitoring_visit," in out


@needs_seed
def test_the_seed_from_a_fresh_registry(tmp_path) -> None:  # noqa: ANN001
    url = str(tmp_path / "seed.db")
    assert run("ingest", str(SEED_TXT), "--db", url)[0] == 0
    code, out = run("check", "1", "--db", url)
    assert code == 0 and "27925-943 (not in the" in out and "Rechtsbasis en mandaat" in out
    code, out = run("check-task", "--mission", "NMI", "--unit", "force protection", "--date", "2025-03-01",
                    "--place", "Bagdad", "--personnel", "150", "--task", "escort of advisers to a meeting in Erbil",
                    "--db", url)
    assert code == 0 and ": outside" in out
    code, out = run("diff", "1", "--db", url)
    assert code == 0 and "2024-12-31" in out and "2025-06-30" in out


def test_the_shipped_example_letters_from_a_fresh_registry(tmp_path) -> None:  # noqa: ANN001
    from importlib import resources

    url = str(tmp_path / "examples.db")
    with resources.as_file(resources.files("artikel100") / "examples") as folder:
        assert run("ingest", str(folder), "--db", url, "-j", "1")[0] == 0
    for letter_id in ("1", "2", "3"):
        code, out = run("check", letter_id, "--db", url)
        assert code == 0 and "covered" in out
    def place(name: str) -> dict:
        code, out = run("check-task", "--mission", "KFOR", "--date", "2004-06-01", "--place", name,
                        "--task", "patrouilleren", "--db", url, "--json")
        assert code == 0
        data = json.loads(out)
        assert next(p for p in data["points"] if p["point"] == "task")["answer"] == "inside"
        return next(p for p in data["points"] if p["point"] == "place")

    # "gelegerd in Camp Casablanca bij Suva Reka ... in het zuiden van Kosovo"
    assert place("Suva Reka")["answer"] == "inside"
    assert place("Skopje")["answer"] == "outside"
    prizren = place("Prizren")
    assert prizren["answer"] == "cannot tell" and "'het zuiden van Kosovo'" in prizren["reason"]
    code, out = run("diff", "2", "--db", url)
    assert code == 0 and "KFOR" in out and "160" in out
