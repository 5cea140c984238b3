"""Web commands: serve the registry, demo it in the browser, write one letter as an HTML report."""

from __future__ import annotations

import tempfile
from datetime import date
from importlib import resources
from pathlib import Path

import click

from .common import one_line_errors

__all__ = ["serve_cmd", "report_cmd", "run_demo_server", "SERVE_COMMANDS"]

_db_option = click.option(
    "--db", envvar="ARTIKEL100_DB", default="artikel100.db", show_default=True,
    help="Registry: a SQLite file or a postgresql:// URL (env ARTIKEL100_DB).",
)


def _parse_today(value: str | None) -> date | None:
    if not value:
        return None
    from ..store.dates import parse_day

    try:
        return parse_day(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--today") from exc


@click.command("serve")
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--today", metavar="DATE", help="Pretend today is DATE (YYYY-MM-DD).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 16),
              help="Server processes (one per core serves more users at once).")
@click.option("--forwarded-allow-ips", "trusted_proxies", envvar="ARTIKEL100_TRUSTED_PROXIES", metavar="IPS",
              help="Reverse proxies (addresses or networks, comma-separated; '*' for any) whose "
                   "X-Forwarded-For names the client (env ARTIKEL100_TRUSTED_PROXIES).")
@one_line_errors
def serve_cmd(db: str, host: str, port: int, today: str | None, workers: int, trusted_proxies: str | None) -> None:
    """Serve the web UI and JSON API (read-only unless ARTIKEL100_TOKEN is set)."""
    from ..serve import Settings, serve
    from ..serve.throttle import parse_trusted_proxies

    try:
        proxies = parse_trusted_proxies(trusted_proxies)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--forwarded-allow-ips") from exc
    settings = Settings.from_env(db, today=_parse_today(today), trusted_proxies=proxies)
    click.echo(f"artikel100: http://{host}:{port}/  ({'writes need the token' if settings.token else 'read-only'})", err=True)
    serve(settings, host, port, workers=workers)


def _example_paths() -> list[Path]:
    folder = resources.files("artikel100") / "examples"
    paths = [Path(str(p)) for p in folder.iterdir() if p.is_file() and not p.name.endswith((".md", ".py"))]
    seed = Path.cwd().parent / "shared" / "seed"
    if seed.is_dir():
        paths += [p for p in seed.iterdir() if p.is_file() and p.suffix == ".txt" and not p.name.endswith(".clean.txt")]
    return sorted(paths)


def demo_day(registry) -> date | None:  # type: ignore[no-untyped-def]
    """The day on which most of the examples' deployments are active (the latest such day)."""
    from ..store.dates import first_day
    from ..store.queries import timeline

    with registry.engine.connect() as conn:
        deps = [d for d in timeline(conn) if d.substantive]
    days = sorted({first_day(d.start) for d in deps if first_day(d.start)})  # type: ignore[type-var]
    if not days:
        return None
    return max(days, key=lambda day: (sum(d.active_on(day) for d in deps), day))  # type: ignore[arg-type]


def run_demo_server(host: str, port: int, db: str | None = None) -> None:
    """Ingest the examples (and ../shared/seed when present) into a fresh registry and serve it."""
    from ..serve import Settings, serve
    from ..store import ingest, open_registry

    folder = Path(tempfile.mkdtemp(prefix="artikel100-demo-"))
    url = db or str(folder / "demo.db")
    paths = _example_paths()
    click.echo(f"artikel100: reading {len(paths)} example letters into {url} …", err=True)
    with open_registry(url) as reg:
        report = ingest(reg, paths, jobs=1)
        for f in report.failed:
            click.echo(f"artikel100: {f.error}", err=True)
        day = demo_day(reg)
    settings = Settings.from_env(url, today=day, files=folder / "files", demo=True)
    click.echo(f"artikel100: open http://{host}:{port}/ in your browser (Ctrl+C stops)", err=True)
    serve(settings, host, port)


@click.command("report")
@click.argument("letter")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML file to write.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@_db_option
@one_line_errors
def report_cmd(letter: str, output: Path, lang: str, db: str) -> None:
    """Write LETTER (id, Kamerstuk or hash) as one self-contained HTML file."""
    from ..serve.data import build_snapshot
    from ..serve.report import render_report
    from ..store import open_registry
    from ..store.queries import resolve_letter

    with open_registry(db) as reg, reg.engine.connect() as conn:
        letter_id = resolve_letter(conn, letter)
        html = render_report(conn, build_snapshot(conn, date.today()), letter_id, lang=lang)
    output.write_text(html, encoding="utf-8")
    click.echo(f"wrote {output}")


SERVE_COMMANDS = [serve_cmd, report_cmd]
