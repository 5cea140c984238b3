"""Oversight commands: check, check-task, diff, monitoring, motions.

Each parses its options, calls one function of ``artikel100.check`` and prints
the typed result with rich (or its ``to_json()`` with ``--json``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..store import open_registry
from ..store.db import DEFAULT_DB
from .common import one_line_errors
from .registry import _day, db_option, today_option

__all__ = ["CHECK_COMMANDS"]

console = Console()
_STATUS = {"covered": "[green]covered[/]", "reference": "[yellow]by reference[/]", "missing": "[red]missing[/]",
           "inside": "[green]inside[/]", "outside": "[red]outside[/]", "cannot tell": "[yellow]cannot tell[/]"}


def _print_json(value: object) -> None:
    click.echo(json.dumps(value.to_json(), ensure_ascii=False, indent=1))  # type: ignore[attr-defined]


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _registry_given(db: str) -> bool:
    """A registry to look references up in: one named, or the default file when it exists."""
    return "://" in db or db != DEFAULT_DB or Path(db).exists() or bool(os.environ.get("ARTIKEL100_DB"))


def _render_coverage(cov, verbose: bool = False) -> None:  # noqa: ANN001 (check.LetterCoverage)
    who = cov.kamerstuk or (f"letter {cov.letter_id}" if cov.letter_id else "this letter")
    console.print(f"[bold]{escape(who)}[/bold] · {cov.date or '?'} · {escape(', '.join(cov.missions) or 'no mission')}"
                  f" · {cov.count('covered')} covered, {cov.count('reference')} by reference, {cov.count('missing')} missing")
    table = Table("point", "status", "where", show_lines=False, expand=False)
    for p in cov.points:
        if p.status == "covered":
            where = escape(p.sections[0] if p.sections else "by content (no heading)")
            for c in p.citations[: 2 if verbose else 0]:
                where += f"\n[dim]“{escape(_short(c.quote, 90))}”[/dim]"
        elif p.status == "reference":
            where = escape(", ".join(_referred(r) for r in p.refers_to) or "an earlier letter")
            for c in p.citations[: 1 if verbose else 0]:
                where += f"\n[dim]“{escape(_short(c.quote, 90))}”[/dim]"
        else:
            where = ""
        if p.status == "covered" and p.refers_to:
            where += "\n[dim]also refers to " + escape(", ".join(r.label for r in p.refers_to)) + "[/dim]"
        table.add_row(escape(p.label), _STATUS[p.status], where)
    console.print(table)
    if cov.note:
        console.print(f"[dim]{escape(cov.note)}[/dim]")


def _referred(r) -> str:  # noqa: ANN001 (check.ReferredLetter)
    if r.letter_id is None:
        return f"{r.label} (not in the registry)"
    state = {"covered": "covers it", "reference": "refers on", "missing": "does not cover it", None: "no record"}[r.status]
    via = f" via {', '.join(r.via)}" if r.via else ""
    return f"{r.label}{via}: {state}"


@click.command("check")
@click.argument("letter", required=False)
@click.option("--all", "all_letters", is_flag=True, help="A summary over every letter in the registry.")
@click.option("--mission", help="With --all: only this mission's letters.")
@click.option("-v", "--verbose", is_flag=True, help="Quote the sentences that cover each point.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@one_line_errors
def check_cmd(letter: str | None, all_letters: bool, mission: str | None, verbose: bool, as_json: bool, db: str) -> None:
    """Toetsingskader coverage of LETTER (a file, or a registry id / Kamerstuk), or --all."""
    from ..check import coverage_of_extraction, coverage_summary, letter_coverage
    from ..pipeline import process
    from ..store.queries import resolve_letter

    if all_letters:
        with open_registry(db) as reg, reg.engine.connect() as conn:
            summary = coverage_summary(conn, mission)
        if as_json:
            _print_json(summary)
            return
        _render_summary(summary)
        return
    if not letter:
        raise click.UsageError("give a LETTER, or --all")
    if Path(letter).exists():
        result = process(Path(letter))
        assert result.extraction is not None
        if _registry_given(db):
            with open_registry(db) as reg, reg.engine.connect() as conn:
                cov = coverage_of_extraction(result.extraction, conn)
        else:
            cov = coverage_of_extraction(result.extraction)
    else:
        with open_registry(db) as reg, reg.engine.connect() as conn:
            cov = letter_coverage(conn, resolve_letter(conn, letter))
    if as_json:
        _print_json(cov)
        return
    _render_coverage(cov, verbose)


def _render_summary(summary) -> None:  # noqa: ANN001 (check.CoverageSummary)
    from ..check.coverage import POINT_LABELS

    console.print(f"[bold]toetsingskader coverage over {summary.letters} letters[/bold]")
    table = Table("point", "covered", "by reference", "missing")
    for point, counts in summary.by_point.items():
        table.add_row(escape(POINT_LABELS[point][0]), str(counts.get("covered", 0)), str(counts.get("reference", 0)),
                      str(counts.get("missing", 0)))
    console.print(table)
    for title, groups in (("mission", summary.by_mission), ("year", summary.by_year)):
        t = Table(title, "letters", "skipped most (letters)", title=f"per {title}", title_justify="left")
        for key, g in groups.items():
            worst = ", ".join(f"{POINT_LABELS[p][0]} ({n})" for p, n in summary.most_skipped(g))
            t.add_row(escape(key), str(g["letters"]), escape(worst) or "–")
        console.print(t)


@click.command("check-task")
@click.option("--mission", required=True, help="Mission id or name (NMI, 'NAVO Missie Irak').")
@click.option("--date", "day", required=True, metavar="DATE", help="The day of the task (YYYY-MM-DD).")
@click.option("--unit", help="The deployment: 'force protection', 'helikopters', ...")
@click.option("--place", help="Where the task takes place.")
@click.option("--personnel", type=int, help="How many people it takes.")
@click.option("--task", "task", help="What is asked, in words ('escort of advisers to a meeting in Erbil').")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@one_line_errors
def check_task_cmd(mission: str, day: str, unit: str | None, place: str | None, personnel: int | None,
                   task: str | None, as_json: bool, db: str) -> None:
    """The Red Card check: is a task inside the nationaal kader in force on DATE?"""
    from ..check import check_task

    when = _day(day)
    with open_registry(db) as reg, reg.engine.connect() as conn:
        result = check_task(conn, mission, when, unit=unit, place=place, personnel=personnel, task=task)
    if as_json:
        _print_json(result)
        return
    console.print(f"[bold]{escape(result.deployment or result.mission)}[/bold] on {result.day}: {_STATUS[result.answer]}")
    for p in result.points:
        console.print(f"  {p.point:<10} {_STATUS[p.answer]}  {escape(p.reason)}")
        for c in p.citations[:2]:
            console.print(f"  {'':<10} [dim]{escape(c.label)}: “{escape(_short(c.quote, 150))}”[/dim]")
    if result.alternatives:
        console.print(f"[dim]also in force that day: {escape(', '.join(result.alternatives))} (choose with --unit)[/dim]")


@click.command("diff")
@click.argument("letter")
@click.option("--against", metavar="OTHER", help="Compare with this letter instead of the previous one.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@one_line_errors
def diff_cmd(letter: str, against: str | None, as_json: bool, db: str) -> None:
    """What changed between LETTER and the previous letter of its deployments."""
    from ..check import diff_letters
    from ..store.queries import resolve_letter

    with open_registry(db) as reg, reg.engine.connect() as conn:
        other = resolve_letter(conn, against) if against else None
        d = diff_letters(conn, resolve_letter(conn, letter), other)
    if as_json:
        _print_json(d)
        return
    console.print(f"[bold]{escape(d.kamerstuk or f'letter {d.letter_id}')}[/bold] ({d.date or '?'}) against "
                  f"{escape(d.against or 'no earlier letter in the registry')}")
    if d.note:
        console.print(f"[dim]{escape(d.note)}[/dim]")
    table = Table("deployment", "step", "what", "before", "after")
    for dep in d.deployments:
        changed = [c for c in dep.changes if c.changed] or dep.changes[:0]
        if not changed:
            table.add_row(escape(dep.deployment), dep.kind, "", "", "")
        for i, c in enumerate(changed):
            table.add_row(escape(dep.deployment) if i == 0 else "", dep.kind if i == 0 else "", c.field,
                          escape(_value(c.before)), escape(_value(c.after)))
    console.print(table)
    for c in d.letter_changes:
        if c.changed:
            console.print(f"  {escape(c.field)}: {escape(_value(c.before))} → {escape(_value(c.after))}")


def _value(v: object) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v / 1e6:,.1f} mln euro".replace(",", " ").replace(".", ",") if v >= 1e6 else f"{v:,.0f} euro"
    if isinstance(v, list):
        return ", ".join(map(str, v))
    return str(v)


@click.group("monitoring", invoke_without_command=True)
@click.option("--mission", help="Only this mission id.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@today_option
@click.pass_context
@one_line_errors
def monitoring_cmd(ctx: click.Context, mission: str | None, as_json: bool, db: str, today: str | None) -> None:
    """Monitoring visits, their findings and follow-up, and evaluations, with later letters proposed as reports."""
    if ctx.invoked_subcommand is not None:
        return
    from ..check import monitoring

    with open_registry(db) as reg, reg.engine.connect() as conn:
        m = monitoring(conn, _day(today), mission)
    if as_json:
        _print_json(m)
        return
    if not m.visits and not m.evaluations:
        console.print("no monitoring visits or evaluations in the registry")
    for v in m.visits:
        console.print(f"[bold]visit {v.id}[/bold] {escape(v.mission or '?')} · {v.date or '?'} · {escape(v.by or 'by ?')}"
                      f" · {escape(v.place or '')} · in {escape(v.kamerstuk or f'letter {v.letter_id}')} ({v.letter_date})")
        for o in v.observations:
            console.print(f"  {o.kind:<14} {escape(_short(o.citation.quote, 100))}")
            if o.answered_by:
                console.print(f"  {'':<14} [green]answered:[/] [dim]{escape(_short(o.answered_by.quote, 100))}[/dim]")
        for f in v.follow_ups:
            console.print(f"  follow-up due {f['due'] or '?'} ({f['status']}): {escape(_short(f['citation'].quote, 90))}")
        for p in v.proposals:
            console.print(f"  [yellow]{p.status}[/]: letter {p.letter_id} {escape(p.kamerstuk or '')} ({p.date}) {escape(p.why)}")
    for e in m.evaluations:
        late = " [red]overdue[/]" if e.overdue else ""
        console.print(f"[bold]evaluation {e.id}[/bold] {escape(e.mission or '?')} · {e.kind} · {e.status}{late} · "
                      f"by {escape(e.by or '?')} · due {e.due or '?'}: {escape(_short(e.citation.quote, 90))}")
        for p in e.proposals:
            console.print(f"  [yellow]{p.status}[/]: letter {p.letter_id} ({p.date}) {escape(p.why)}")


@monitoring_cmd.command("link")
@click.argument("record")
@click.option("--by", "by", required=True, metavar="LETTER", help="The later letter: id, Kamerstuk or hash.")
@click.option("--evaluation", is_flag=True, help="RECORD is an evaluation (default: a monitoring visit).")
@click.option("--reject", is_flag=True, help="Reject the proposal instead of confirming it.")
@db_option
@one_line_errors
def monitoring_link_cmd(record: str, by: str, evaluation: bool, reject: bool, db: str) -> None:
    """Confirm (or --reject) that LETTER reports on visit or evaluation RECORD (LETTER:INDEX)."""
    from ..check import confirm_link
    from ..store.queries import resolve_letter

    with open_registry(db) as reg, reg.write() as conn:
        by_id = resolve_letter(conn, by)
        confirm_link(conn, record, by_id, kind="evaluation" if evaluation else "monitoring_visit", reject=reject)
    console.print(f"{record}: {'rejected' if reject else 'confirmed'} as reported on by letter {by_id}")


@click.command("motions")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
@one_line_errors
def motions_cmd(as_json: bool, db: str) -> None:
    """Motions and debates the letters cite, with the letters that cite them."""
    from ..check import debates, motions

    with open_registry(db) as reg, reg.engine.connect() as conn:
        ms, ds = motions(conn), debates(conn)
    if as_json:
        click.echo(json.dumps({"motions": [m.to_json() for m in ms], "debates": [d.to_json() for d in ds]},
                              ensure_ascii=False, indent=1))
        return
    table = Table("motion", "submitters", "cited by", title=f"{len(ms)} motions")
    for m in ms:
        table.add_row(escape(m.kamerstuk or "–"), escape(m.name), escape(", ".join(c.label for c in m.cited_by)))
    console.print(table)
    table = Table("date", "debate", "toezegging", "cited by", title=f"{len(ds)} debates")
    for d in ds:
        table.add_row(d.date or "?", escape(d.kind + (f" over {d.subject}" if d.subject else "")),
                      "yes" if d.commitment else "", escape(d.citation.label))
    console.print(table)


CHECK_COMMANDS = [check_cmd, check_task_cmd, diff_cmd, monitoring_cmd, motions_cmd]
