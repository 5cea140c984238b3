"""The ``artikel100`` command: thin commands over library calls.

Every command turns our own ``InputError`` into one line on stderr and exit 2.
Command groups live in their own modules and are added to ``main`` below.
"""

from __future__ import annotations

import click

from .letters import demo, extract_cmd, read_cmd
from .checks import CHECK_COMMANDS
from .registry import REGISTRY_COMMANDS
from .sync import sync_cmd
from .serve import SERVE_COMMANDS

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="artikel100")
def main() -> None:
    """Turn Dutch artikel 100-brieven into data with provenance."""


main.add_command(read_cmd)
main.add_command(extract_cmd)
main.add_command(demo)
for _command in REGISTRY_COMMANDS:
    main.add_command(_command)
main.add_command(sync_cmd)
for _command in CHECK_COMMANDS:
    main.add_command(_command)
for _command in SERVE_COMMANDS:
    main.add_command(_command)
