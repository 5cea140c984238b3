"""``artikel100 sync`` as a user runs it, against the fake (the issue's "done means")."""

from __future__ import annotations

from click.testing import CliRunner

from artikel100.cli import main
from artikel100.sync import KOOP_ROOT, TK_ODATA, Endpoints


def run(*args, ok=(0,), env=None):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False, env={"COLUMNS": "80", **(env or {})})
    assert result.exit_code in ok, result.output
    return result


def test_sync_fills_a_registry_whose_missions_timeline_and_deadlines_show_the_letters(db_url, fake, tmp_path):
    cache = str(tmp_path / "files")
    out = run("sync", "--base-url", fake.base, "--dossier", "29521", "--db", db_url, "--cache", cache,
              "--delay", "0").output
    assert "5 files fetched" in out
    missions = run("missions", "--db", db_url, "--today", "2026-12-01").output
    assert "UNIFIL" in missions and "ALTHEA" in missions and "2027-03-31" in missions
    timeline = run("timeline", "--db", db_url).output
    assert "29521-501 +" in timeline and "29521-K" in timeline and "29521-503" in timeline
    deadlines = run("deadlines", "--db", db_url, "--today", "2026-12-01").output
    assert "2026-12-31" in deadlines and "29521-502" in deadlines
    again = run("sync", "--base-url", fake.base, "--dossier", "29521", "--db", db_url, "--cache", cache).output
    assert "0 files fetched" in again


def test_status_shows_disagreements_deletions_and_links(db_url, fake, tmp_path):
    run("sync", "--dossier", "29521", "--db", db_url, "--cache", str(tmp_path / "f"), "--delay", "0",
        env={"ARTIKEL100_SYNC_URL": fake.base})
    out = run("sync", "--status", "--db", db_url).output
    assert "metadata and extraction disagree" in out and "K. Bakker" in out and "2026-10-02" in out
    assert "deleted at the source" in out and "2026D19006" in out
    assert "other chamber" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_a_dry_run_prints_the_urls_it_would_fetch(db_url, fake, tmp_path):
    out = run("sync", "--dry-run", "--base-url", fake.base, "--dossier", "29521", "--db", db_url,
              "--cache", str(tmp_path / "f"), "--delay", "0").output
    assert "5 to fetch (dry run)" in out and "kst-29521-501.xml" in out.replace("\n", "").replace("│", "").replace(" ", "")
    assert fake.files_served() == []


def test_a_failing_listing_is_one_line_and_exit_1(db_url, fake, tmp_path):
    fake.fault("/sru", "500", times=20)
    result = run("sync", "--base-url", fake.base, "--dossier", "29521", "--db", db_url, "--cache", str(tmp_path),
                 "--delay", "0", "--retries", "1", ok=(1,))
    lines = [ln for ln in result.output.splitlines() if ln.startswith("artikel100:")]
    assert len(lines) == 1 and "HTTP 500" in lines[0] and "/sru" in lines[0]


def test_bad_options_are_refused_with_exit_2(db_url):
    assert "not a dossier number" in run("sync", "--dossier", "vredesmissies", "--db", db_url, ok=(2,)).output
    assert "not an http(s) URL" in run("sync", "--base-url", "ftp://x", "--db", db_url, ok=(2,)).output


def test_the_real_services_are_the_default(monkeypatch):
    monkeypatch.delenv("ARTIKEL100_SYNC_URL", raising=False)
    monkeypatch.delenv("ARTIKEL100_SYNC_KOOP_URL", raising=False)
    ep = Endpoints.resolve()
    assert ep.odata == TK_ODATA == "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"
    assert ep.koop == KOOP_ROOT == "https://repository.overheid.nl/" and ep.sru == "https://repository.overheid.nl/sru"
    assert "--base-url" in run("sync", "--help").output and "gegevensmagazijn" in run("sync", "--help").output
