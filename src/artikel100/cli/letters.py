"""Commands on single letters: read, extract, demo."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import click

from ..pipeline import clean_file, process
from .common import one_line_errors

__all__ = ["read_cmd", "extract_cmd", "demo"]


@click.command("read")
@click.argument("path", type=click.Path(path_type=Path, readable=False))  # the reader says why not
@one_line_errors
def read_cmd(path: Path) -> None:
    """Print the repaired text of the letter at PATH."""
    click.echo(clean_file(path).text)


@click.command("extract")
@click.argument("path", type=click.Path(path_type=Path, readable=False))  # the reader says why not
@click.option("--json", "as_json", is_flag=True, help="Print the JSON of shared/eval/CONTRACT.md.")
@one_line_errors
def extract_cmd(path: Path, as_json: bool) -> None:
    """Print the facts found in the letter at PATH."""
    result = process(path)
    assert result.extraction is not None
    data = result.extraction.to_json()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    from .render import print_extraction

    print_extraction(result.extraction)


@click.command("demo")
@click.option("--serve", "serve", is_flag=True, help="Store the examples in a fresh registry and open them in the web UI.")
@click.option("--host", default="127.0.0.1", show_default=True, help="With --serve: address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="With --serve: port to listen on.")
@one_line_errors
def demo(serve: bool, host: str, port: int) -> None:
    """Run the whole flow on the example letters shipped with artikel100."""
    from .render import print_extraction

    if serve:
        from .serve import run_demo_server

        run_demo_server(host, port)
        return

    folder = resources.files("artikel100") / "examples"
    paths = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith((".md", ".py")))
    if not paths:
        raise click.ClickException("no example letters are installed")
    for entry in paths:
        with resources.as_file(entry) as path:
            result = process(path)
        click.secho(f"\n== {entry.name} ({result.status}) ==", bold=True)
        assert result.extraction is not None
        print_extraction(result.extraction)
