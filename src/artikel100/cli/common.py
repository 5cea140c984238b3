"""Shared CLI plumbing: one-line errors for bad input."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from ..errors import Artikel100Error

__all__ = ["one_line_errors"]


def one_line_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn our exceptions into ``artikel100: message`` and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except Artikel100Error as exc:
            click.echo(f"artikel100: {exc}", err=True)
            sys.exit(2)

    return wrapper
