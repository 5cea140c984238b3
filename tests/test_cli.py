"""The command line: help for every command, and the letter commands on real input."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from artikel100.cli import main
from letters_corpus import SEED, letters

COMMANDS = sorted(main.commands)


def test_there_are_the_commands_the_readme_names() -> None:
    assert {"read", "extract", "demo", "ingest", "missions", "timeline", "deadlines", "commitments", "search", "show", "export"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert len(main.commands[name].help or "") > 20


def test_extract_json_follows_the_contract() -> None:
    letter = letters()[0]
    result = CliRunner().invoke(main, ["extract", str(letter.path("clean")), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"text", "letter", "missions", "contributions", "costs", "references", "commitments", "events"} <= set(data)
    assert {"date", "addressee", "kamerstuk", "signatories"} <= set(data["letter"])
    for key in ("missions", "contributions", "costs", "references", "commitments", "events"):
        for fact in data[key]:
            for s, e in fact["spans"]:
                assert data["text"][s:e]


@pytest.mark.skipif(not SEED.with_suffix(".txt").exists(), reason="needs ../shared/seed")
def test_read_prints_the_repaired_seed() -> None:
    result = CliRunner().invoke(main, ["read", str(SEED.with_suffix(".txt"))])
    assert result.exit_code == 0
    assert result.output.startswith("BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN")
    assert "Irak!" not in result.output


def test_demo_runs_the_flow_on_the_shipped_examples() -> None:
    result = CliRunner().invoke(main, ["demo"])
    assert result.exit_code == 0, result.output
    assert result.output.count("== ") >= 3
    assert "(success)" in result.output
