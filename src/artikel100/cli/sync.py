"""``artikel100 sync``: fetch the letters of dossiers from the open data into the registry."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..store import open_registry
from .common import one_line_errors

__all__ = ["sync_cmd"]

console = Console()
err_console = Console(stderr=True)

DEFAULT_DOSSIERS = ("29521", "27925")


def _dossiers(values: tuple[str, ...]) -> list:
    from ..sync import Dossier

    try:
        return [Dossier.parse(v) for v in values or DEFAULT_DOSSIERS]
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--dossier") from exc


@click.command("sync")
@click.option("--dossier", "dossiers", multiple=True, metavar="NUMBER",
              help="A Kamerstukdossier, e.g. 29521 or 31200-VII (repeatable; default 29521 and 27925).")
@click.option("--since", metavar="DATE", help="Only letters dated on or after DATE (YYYY-MM-DD).")
@click.option("--status", "show_status", is_flag=True, help="Show what the sync knows (no network) and stop.")
@click.option("--dry-run", is_flag=True, help="List what would be fetched; fetch and store nothing.")
@click.option("--base-url", envvar="ARTIKEL100_SYNC_URL", metavar="URL",
              help="A mirror of the open data (env ARTIKEL100_SYNC_URL). "
                   "Default: https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/ and https://repository.overheid.nl/.")
@click.option("--koop-url", envvar="ARTIKEL100_SYNC_KOOP_URL", metavar="URL",
              help="The officielebekendmakingen repository root, if not the --base-url mirror.")
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for fetched files (default: beside a SQLite registry).")
@click.option("--delay", type=float, default=0.5, show_default=True, help="Seconds between requests.")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds before a request times out.")
@click.option("--retries", type=int, default=5, show_default=True, help="Retries of a failing request.")
@click.option("--contact", envvar="ARTIKEL100_SYNC_CONTACT", metavar="EMAIL",
              help="Added to the User-Agent so the publisher can reach you (env ARTIKEL100_SYNC_CONTACT).")
@click.option("--db", envvar="ARTIKEL100_DB", default="artikel100.db", show_default=True,
              help="Registry: a SQLite file or a postgresql:// URL (env ARTIKEL100_DB).")
@one_line_errors
def sync_cmd(dossiers: tuple[str, ...], since: str | None, show_status: bool, dry_run: bool, base_url: str | None,
             koop_url: str | None, cache: Path | None, delay: float, timeout: float, retries: int,
             contact: str | None, db: str) -> None:
    """Fetch the government letters of dossiers from the open data.

    Lists the Tweede Kamer's letters (Gegevensmagazijn OData) and both
    chambers' Kamerstukken (officielebekendmakingen SRU), fetches each new or
    changed letter once in its best format, and ingests it. A second run
    fetches only what changed; an interrupted run resumes.
    """
    from ..store.dates import parse_day
    from ..sync import Endpoints, Politeness, PoliteClient, SyncOptions, default_cache, sync

    if show_status:
        with open_registry(db) as reg, reg.engine.connect() as conn:
            _print_status(conn)
        return
    if since:
        try:
            since = parse_day(since).isoformat()
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--since") from exc
    endpoints = Endpoints.resolve(base_url, koop_url)
    with open_registry(db) as reg:
        opts = SyncOptions(_dossiers(dossiers), since, dry_run, cache or default_cache(reg.url))
        politeness = Politeness(delay=delay, timeout=timeout, retries=retries)
        with PoliteClient(politeness, contact=contact) as client, Progress(
            TextColumn("[bold]sync {task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err_console, transient=True,
        ) as progress:
            task = progress.add_task("listing", total=None)

            def on_event(kind: str, value: object) -> None:
                if kind == "listed":
                    progress.update(task, description="documents", total=value, completed=0)
                elif kind == "document":
                    if value.outcome in ("failed", "rejected"):  # type: ignore[attr-defined]
                        progress.console.print(f"artikel100: {escape(value.message)}", highlight=False,  # type: ignore[attr-defined]
                                               soft_wrap=True)
                    progress.advance(task)
                elif kind == "error":
                    progress.console.print(f"artikel100: {escape(str(value))}", highlight=False, soft_wrap=True)

            report = sync(reg, opts, client, endpoints, on_event)
    _print_report(report, dry_run)
    if report.failed:
        sys.exit(1)


def _print_report(report, dry_run: bool) -> None:  # type: ignore[no-untyped-def]
    if dry_run:
        for d in report.dossiers:
            table = Table("kamerstuk", title=f"dossier {d.dossier}: {len(d.documents)} to fetch (dry run)")
            table.add_column("would fetch first", overflow="fold")
            for item in d.documents:
                table.add_row(item.kamerstuk or item.key, escape(item.url or "(no file)"))
            console.print(table)
        return
    table = Table("dossier", "listed", "new", "changed", "deleted", "stored", "unchanged", "failed",
                  title="sync", title_justify="left")
    for d in report.dossiers:
        stored = sum(d.count(o) for o in ("added", "replaced", "duplicate"))
        unchanged = sum(d.count(o) for o in ("unchanged", "not modified"))
        failed = d.count("failed") + d.count("rejected") + len(d.errors)
        table.add_row(d.dossier, str(sum(d.listed.values())), str(d.listed.get("new", 0)),
                      str(d.listed.get("changed", 0)), str(d.listed.get("deleted", 0)), str(stored),
                      str(unchanged), f"[red]{failed}[/]" if failed else "0")
    console.print(table)
    console.print(f"{report.files_fetched} files fetched ({report.bytes_fetched:,} bytes) in {report.requests} requests")


def _print_status(conn) -> None:  # type: ignore[no-untyped-def]
    from ..sync import sync_status

    st = sync_status(conn)
    if not st.dossiers:
        console.print("nothing synced yet: run artikel100 sync --dossier 29521")
        return
    table = Table("dossier", "stored", "pending", "no file", "rejected", "deleted", "last change",
                  title="sync status", title_justify="left")
    for d in st.dossiers:
        s = d.states
        table.add_row(d.dossier, str(s["stored"]), str(s["pending"]), str(s["nofile"]), str(s["rejected"]),
                      str(s["deleted"]), d.last_change.strftime("%Y-%m-%d %H:%M") if d.last_change else "–")
    console.print(table)
    for d in st.dossiers:
        for source, value in sorted(d.cursors.items()):
            console.print(f"  {d.dossier} {source} listing stopped at {escape(value)}", highlight=False)
    if st.disagreements:
        table = Table("kamerstuk", "letter", "field", "metadata says", "extraction says",
                      title="metadata and extraction disagree", title_justify="left")
        for item in st.disagreements:
            for dis in item["items"]:
                table.add_row(item["label"], str(item["letter_id"]), dis["field"],
                              escape(_shown(dis["metadata"])), escape(_shown(dis["extracted"])))
        console.print(table)
    if st.deleted:
        table = Table("kamerstuk", "letter", "date", "why", title="deleted at the source (letters kept)",
                      title_justify="left")
        for item in st.deleted:
            table.add_row(item["label"], str(item["letter_id"] or "–"), item["date"] or "?",
                          escape(item["why"]))
        console.print(table)
    if st.problems:
        table = Table("kamerstuk", "state", "problem", title="not (yet) in the registry", title_justify="left")
        for item in st.problems:
            table.add_row(item["label"], item["state"], escape(item["error"][:200]))
        console.print(table)
    if st.links:
        table = Table("letter", "is one letter with", "because", title="linked letters", title_justify="left")
        for item in st.links:
            table.add_row(_letter(item["letter_id"], item["letter"]), _letter(item["same_as"], item["same_as_letter"]),
                          item["reason"])
        console.print(table)


def _shown(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "(none)"
    return str(value)


def _letter(letter_id: int, kamerstuk: str | None) -> str:
    return f"{letter_id} ({kamerstuk})" if kamerstuk else str(letter_id)
