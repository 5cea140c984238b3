"""Issue 7's bars on ../shared/real, the sample of real letters (the measure is other real
letters): facts as ``../shared/eval/score.py`` counts them, and a registry whose timeline
shows only Dutch units a reader would recognise. The letters' texts stay in ../shared."""

from __future__ import annotations

import importlib.util
import json

import pytest
from click.testing import CliRunner

from artikel100 import process
from artikel100.cli import main
from artikel100.store import ingest, open_registry
from artikel100.store.queries import timeline
from letters_corpus import SHARED

REAL = SHARED / "real"
# score.py's categories: score_doc adds to each of them
_EVERY_CATEGORY = ["letter", "signatories", "signatory roles", "missions", "contribution facts", "costs",
                   "references", "commitments", "commitment due dates", "event dates (recall)", "provenance"]
SCORE = SHARED / "eval" / "score.py"
pytestmark = pytest.mark.skipif(not (REAL / "gold.json").exists() or not SCORE.exists(),
                                reason="needs ../shared/real and ../shared/eval/score.py")


def _score_module():
    spec = importlib.util.spec_from_file_location("shared_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tallies() -> dict:
    score = _score_module()
    golds = json.loads((REAL / "gold.json").read_text(encoding="utf-8"))
    cats = ["letter", "contribution facts", "commitments", "provenance"]
    tally = {c: score.Tally() for c in cats}
    for gold in golds:
        pred = process(REAL / "texts" / f"{gold['id']}.txt").extraction.to_json()
        every = {c: score.Tally() for c in _EVERY_CATEGORY}
        score.score_doc(gold, pred, every, [])
        for c in cats:
            tally[c].tp += every[c].tp
            tally[c].fp += every[c].fp
            tally[c].fn += every[c].fn
    return tally


@pytest.mark.parametrize(("category", "bar"), [
    ("contribution facts", 0.90), ("commitments", 0.85), ("letter", 0.98), ("provenance", 1.0)
])
def test_the_bars_of_issue_7_on_the_real_letters(tallies: dict, category: str, bar: float) -> None:
    assert tallies[category].prf()[2] >= bar


def test_the_timeline_of_the_real_letters_shows_only_dutch_deployments_with_a_period_or_a_count(tmp_path) -> None:
    db = f"sqlite:///{tmp_path / 'real.db'}"
    registry = open_registry(db)
    ingest(registry, [REAL / "texts"])
    with registry.engine.connect() as conn:
        shown = [d for d in timeline(conn) if d.substantive]
    registry.close()
    assert len(shown) >= 15
    for dep in shown:
        assert dep.start or dep.end or any(st.personnel for st in dep.steps), dep.key
    out = CliRunner().invoke(main, ["timeline", "--db", db], env={"COLUMNS": "120"}).output
    titles = [line.split("  ")[0].strip() for line in out.splitlines() if "→" in line]
    assert sorted(titles) == sorted(d.key for d in shown)
    # what the letters say of others or of the people they evacuate is no deployment
    assert not any(w in out.casefold() for w in ("drones", "belgische", "duitse", "burgers"))
    assert not any(d.mission.startswith("VN-ONDERZOEK") for d in shown)
