"""Exit codes of the CLI, mapped from exception classes at this edge: 0 ok, 1 failed run, 2 bad usage."""
from __future__ import annotations

import click

from ..errors import BadUsage, ClaimsearchError

OK, FAILED, USAGE = 0, 1, 2
# The first class an error is an instance of decides; click's own usage errors exit 2 as well.
EXIT_CODES = ((BadUsage, USAGE), (ClaimsearchError, FAILED))


def exit_code(error: ClaimsearchError) -> int:
    """Return the exit code for an error raised by the library."""
    return next(code for cls, code in EXIT_CODES if isinstance(error, cls))


class CLIError(click.ClickException):
    """A ClaimsearchError shown as one line, with the exit code of its class."""

    def __init__(self, error: ClaimsearchError):
        super().__init__(error.message)
        self.exit_code = exit_code(error)


def run(func, *args, **kwargs):
    """Call ``func``; a ClaimsearchError becomes a one-line message and its exit code."""
    try:
        return func(*args, **kwargs)
    except ClaimsearchError as exc:
        raise CLIError(exc) from None
