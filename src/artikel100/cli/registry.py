"""Registry commands: ingest, missions, timeline, deadlines, commitments, search, show, export.

Each command parses its options, calls one library function in
``artikel100.store`` and prints the answer with rich. ``--db`` (or
``$ARTIKEL100_DB``) picks the registry: a SQLite path or a PostgreSQL URL.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from ..store import open_registry
from ..store.dates import parse_day, parse_period
from .common import one_line_errors

__all__ = ["REGISTRY_COMMANDS"]

console = Console()
err_console = Console(stderr=True)

db_option = click.option(
    "--db", envvar="ARTIKEL100_DB", default="artikel100.db", show_default=True,
    help="Registry: a SQLite file or a postgresql:// URL (env ARTIKEL100_DB).",
)


def _day(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return parse_day(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


today_option = click.option("--today", metavar="DATE", help="Pretend today is DATE (YYYY-MM-DD).")


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("-j", "--jobs", type=int, default=None, help="Worker processes (default: one per core).")
@click.option("--force", is_flag=True, help="Re-extract letters already stored by this version.")
@db_option
@one_line_errors
def ingest_cmd(paths: tuple[str, ...], jobs: int | None, force: bool, db: str) -> None:
    """Read letters (files, folders, globs) into the registry."""
    from ..store import ingest

    with open_registry(db) as reg, Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err_console, transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=None)

        def on_file(outcome):  # type: ignore[no-untyped-def]
            if outcome.outcome == "failed":
                progress.console.print(f"artikel100: {escape(outcome.error or outcome.path)}", highlight=False, soft_wrap=True)
            progress.advance(task)

        report = ingest(reg, paths, jobs=jobs, force=force, on_start=lambda n: progress.update(task, total=n), on_file=on_file)
    table = Table("outcome", "files", title="ingest")
    for name in ("added", "replaced", "duplicate", "unchanged", "failed"):
        table.add_row(name, str(report.count(name)))  # type: ignore[arg-type]
    table.add_row("not letters (skipped)", str(len(report.skipped)))
    console.print(table)
    if report.failed:
        sys.exit(2)  # bad input, as for one file: each was named on its own line above


@click.command("missions")
@db_option
@today_option
@one_line_errors
def missions_cmd(db: str, today: str | None) -> None:
    """Each mission with its active Dutch deployments, personnel now and framework end."""
    from ..store.queries import missions

    day = _day(today)
    with open_registry(db) as reg, reg.engine.connect() as conn:
        views = missions(conn, day)
    table = Table("mission", "name", "active deployments", "personnel now", "framework ends", title=f"missions on {day}")
    for m in views:
        active = ", ".join(d.unit or "(mission)" for d in m.active) or "[dim]none[/dim]"
        table.add_row(m.id, escape(m.name), active, str(m.personnel_now or "–"), m.framework_end or "–")
    console.print(table)


@click.command("timeline")
@click.option("--mission", help="Only this mission id.")
@click.option("--at", "at", metavar="DATE", help="Only what was deployed on DATE.")
@db_option
@one_line_errors
def timeline_cmd(mission: str | None, at: str | None, db: str) -> None:
    """Deployments over time, with each step's letter."""
    from ..store.queries import timeline

    day = _day(at) if at else None
    with open_registry(db) as reg, reg.engine.connect() as conn:
        # A deployment the letters give only a place or a unit, without a period or a head
        # count, is no step in time.
        deps = [d for d in timeline(conn, mission, day) if d.substantive]
    if not deps:
        console.print("no deployments" + (f" on {day}" if day else ""))
    for d in deps:
        table = Table("letter", "date", "kamerstuk", "step", "start", "end", "personnel",
                      title=f"[bold]{escape(d.key)}[/bold]  {d.start or '?'} → {d.end or '?'}", title_justify="left")
        for st in d.steps:
            table.add_row(str(st.letter_id), st.letter_date or "?", st.kamerstuk or "–", st.kind,
                          st.start or "", st.end or "", "" if st.personnel is None else str(st.personnel))
        console.print(table)
        for c in d.conflicts:
            console.print(f"  [red]conflict[/red] ({c.field}): {escape(c.message)}")


@click.command("deadlines")
@click.option("--within", default="6m", show_default=True, help="Window around today: 30d, 2w, 6m, 10y.")
@click.option("--ics", "ics", type=click.Path(dir_okay=False, path_type=Path), help="Also write an iCalendar file.")
@click.option("--fail-if-due", is_flag=True, help="Exit 3 when something falls due or is overdue (for cron).")
@db_option
@today_option
@one_line_errors
def deadlines_cmd(within: str, ics: Path | None, fail_if_due: bool, db: str, today: str | None) -> None:
    """Frameworks that expire and commitments that fall due, soonest first."""
    from ..store.calendar import write_ics
    from ..store.queries import deadlines

    try:
        parse_period(within)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--within") from exc
    day = _day(today)
    with open_registry(db) as reg, reg.engine.connect() as conn:
        items = deadlines(conn, day, within)
    table = Table("date", "in", "kind", "status", "what", "letter", title=f"deadlines within {within} of {day}")
    style = {"due": "yellow", "overdue": "red", "expired": "dim"}
    for d in items:
        table.add_row(d.day.isoformat(), f"{(d.day - day).days}d", d.kind, f"[{style[d.status]}]{d.status}[/]",
                      escape(d.what[:90]), d.kamerstuk or str(d.letter_id))
    console.print(table)
    if ics:
        write_ics(items, ics)
        console.print(f"wrote {len(items)} events to {escape(str(ics))}")
    if fail_if_due and any(d.status in ("due", "overdue") for d in items):
        sys.exit(3)


@click.group("commitments", invoke_without_command=True)
@click.option("--open", "open_only", is_flag=True, help="Only commitments not yet fulfilled.")
@db_option
@today_option
@click.pass_context
@one_line_errors
def commitments_cmd(ctx: click.Context, open_only: bool, db: str, today: str | None) -> None:
    """Commitments to parliament with their status and proposed fulfilling letters."""
    if ctx.invoked_subcommand is not None:
        return
    from ..store.queries import commitments

    with open_registry(db) as reg, reg.engine.connect() as conn:
        items = commitments(conn, _day(today), open_only=open_only)
    table = Table("id", "letter", "due", "status", "commitment", "proposed fulfilment")
    style = {"open": "yellow", "overdue": "red", "done": "green"}
    for c in items:
        done = f"letter {c.done_by}" if c.done_by else ", ".join(f"letter {i}?" for i in c.proposed)
        table.add_row(str(c.id), c.kamerstuk or str(c.letter_id), c.due or "–",
                      f"[{style[c.status]}]{c.status}[/]", escape(c.text[:100]), done)
    console.print(table)


@commitments_cmd.command("done")
@click.argument("commitment_id", type=int)
@click.option("--by", "by", required=True, metavar="LETTER", help="The fulfilling letter: id, Kamerstuk or hash.")
@db_option
@one_line_errors
def commitments_done_cmd(commitment_id: int, by: str, db: str) -> None:
    """Mark commitment ID as fulfilled by LETTER."""
    from ..store.queries import mark_done

    with open_registry(db) as reg, reg.write() as conn:
        view = mark_done(conn, commitment_id, by)
    console.print(f"commitment {view.id} done, fulfilled by letter {view.done_by}")


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("-n", "--limit", default=20, show_default=True)
@db_option
@one_line_errors
def search_cmd(query: tuple[str, ...], limit: int, db: str) -> None:
    """Full-text search (Dutch stemming, diacritics folded), ranked, with snippets."""
    from ..store.search import search

    with open_registry(db) as reg, reg.engine.connect() as conn:
        hits = search(conn, " ".join(query), limit)
    if not hits:
        console.print("no letters found")
    for h in hits:
        console.print(f"[bold]{h.letter_id}[/bold] {h.date or '?'} {h.kamerstuk or ''} {escape(h.title or '')}")
        console.print(_highlight(h.snippet))


def _highlight(snippet: str) -> Text:
    """Turn the ``[word]`` match markers of ``search.snippet`` into a highlight."""
    out = Text("   ")
    for i, part in enumerate(re.split(r"\[([^\]]*)\]", snippet)):
        out.append(part, style="bold yellow" if i % 2 else None)
    return out


@click.command("show")
@click.argument("letter")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@one_line_errors
def show_cmd(letter: str, as_json: bool, db: str) -> None:
    """One letter's facts, by id, Kamerstuk (27925-946) or hash prefix."""
    from ..store.queries import letter_facts, resolve_letter

    with open_registry(db) as reg, reg.engine.connect() as conn:
        data = letter_facts(conn, resolve_letter(conn, letter))
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    console.print(f"[bold]{escape(data['title'] or '(no title)')}[/bold]  letter {data['id']} · {data['date'] or '?'} "
                  f"· {data['kamerstuk'] or '–'} · {data['addressee'] or '?'} · extracted by {data['extractor_version']}")
    table = Table("id", "kind", "fact", "words")
    for kind, items in data["facts"].items():
        for f in items:
            table.add_row("" if kind == "mission" else str(f["id"]), kind, escape(_summary(kind, f)),
                          escape(" … ".join(f["quotes"])[:120]))
    console.print(table)


def _summary(kind: str, fact: dict) -> str:
    """The fields worth a glance, in a fixed order."""
    keys = ("id", "name") if kind == "mission" else (
        "mission", "unit", "personnel", "start", "end", "due", "kamerstuk", "date", "amount_eur")
    return " ".join(str(fact[k]) for k in keys if fact.get(k) not in (None, ""))


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File (default: stdout).")
@db_option
@one_line_errors
def export_cmd(fmt: str, output: Path | None, db: str) -> None:
    """Everything in the registry, as JSON or as CSV (one row per fact)."""
    from ..store.export import export_csv, export_json

    with open_registry(db) as reg, reg.engine.connect() as conn:
        out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            (export_json if fmt == "json" else export_csv)(conn, out)
        finally:
            if output:
                out.close()


@click.command("missing")
@db_option
@one_line_errors
def missing_cmd(db: str) -> None:
    """Kamerstukken that letters cite but the registry lacks."""
    from ..store.queries import missing_kamerstukken

    with open_registry(db) as reg, reg.engine.connect() as conn:
        items = missing_kamerstukken(conn)
    table = Table("kamerstuk", "cited by letters", title=f"{len(items)} cited Kamerstukken missing")
    for k, ids in items:
        table.add_row(k, ", ".join(map(str, ids)))
    console.print(table)


REGISTRY_COMMANDS = [ingest_cmd, missions_cmd, timeline_cmd, deadlines_cmd, commitments_cmd, search_cmd,
                     show_cmd, export_cmd, missing_cmd]
