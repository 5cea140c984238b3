"""The ``artikel100`` command: thin commands over library calls.

Every command turns our own ``InputError`` into one line on stderr and exit 2.
Command groups live in their own modules; ``main`` imports a module only when
one of its commands runs (or ``--help`` lists them), so that ``artikel100
extract`` does not pay for the registry, the web server and the checks.
"""

from __future__ import annotations

import importlib

import click

__all__ = ["main"]

# command name -> (module of artikel100.cli, attribute)
_COMMANDS: dict[str, tuple[str, str]] = {
    "read": ("letters", "read_cmd"),
    "extract": ("letters", "extract_cmd"),
    "demo": ("letters", "demo"),
    "ingest": ("registry", "ingest_cmd"),
    "missions": ("registry", "missions_cmd"),
    "timeline": ("registry", "timeline_cmd"),
    "deadlines": ("registry", "deadlines_cmd"),
    "commitments": ("registry", "commitments_cmd"),
    "search": ("registry", "search_cmd"),
    "show": ("registry", "show_cmd"),
    "export": ("registry", "export_cmd"),
    "missing": ("registry", "missing_cmd"),
    "sync": ("sync", "sync_cmd"),
    "check": ("checks", "check_cmd"),
    "check-task": ("checks", "check_task_cmd"),
    "diff": ("checks", "diff_cmd"),
    "monitoring": ("checks", "monitoring_cmd"),
    "motions": ("checks", "motions_cmd"),
    "serve": ("serve", "serve_cmd"),
    "report": ("serve", "report_cmd"),
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in _COMMANDS:
            return None
        module, attribute = _COMMANDS[cmd_name]
        return getattr(importlib.import_module(f"{__name__}.{module}"), attribute)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="artikel100")
def main() -> None:
    """Turn Dutch artikel 100-brieven into data with provenance."""
