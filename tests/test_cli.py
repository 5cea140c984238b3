"""The command line: help for every command, and the letter commands on real input."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from artikel100.cli import main
from letters_corpus import SEED, letters

COMMANDS = main.list_commands(click.Context(main))


def test_there_are_the_commands_the_readme_names() -> None:
    assert {"read", "extract", "demo", "ingest", "missions", "timeline", "deadlines", "commitments", "search", "show", "export"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name: str) -> None:
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert len(main.get_command(click.Context(main), name).help or "") > 20


def test_extract_loads_neither_the_registry_nor_the_web_server() -> None:
    import subprocess
    import sys

    code = ("import sys, runpy; sys.argv = ['artikel100', 'extract', '--help']\n"
            "try:\n    runpy.run_module('artikel100', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'fastapi', 'uvicorn', 'wordfreq')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


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
