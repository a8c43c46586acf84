"""Click options read from search.settings: CLI option > CLAIMSEARCH_* env > default, in one place."""
from __future__ import annotations

import click

from .. import settings
from ..index.schema import FACETS


def setting_option(*decls, name: str, **kwargs):
    """Return a click option for the setting ``name``, its env variable, default, bounds and help."""
    s = settings.setting(name)
    default = s.default_value()
    if isinstance(default, int) and not isinstance(default, bool) and "type" not in kwargs:
        kwargs["type"] = click.IntRange(s.minimum, s.maximum)
    kwargs.setdefault("help", s.help)
    kwargs["help"] += f" (env {s.env})"
    return click.option(*decls, envvar=s.env, default=s.default, show_default=s.shown or True, **kwargs)


def setting_argument(decl: str, name: str, **kwargs):
    """Return a click argument defaulting to the setting ``name`` and its env variable."""
    s = settings.setting(name)
    return click.argument(decl, envvar=s.env, default=s.default, **kwargs)


index_option = setting_option("--index", "index_root", name="INDEX", type=click.Path(file_okay=False))
silent_option = click.option("--silent", is_flag=True, help="No progress bar.")


def facet_options(func):
    """Add one repeatable option per facet in the registry (--source, --speaker, --kind, ...)."""
    for facet in reversed(FACETS):
        what = facet.description[0].lower() + facet.description[1:]
        func = click.option(f"--{facet.name}", multiple=True, callback=_check_facet(facet),
                            type=click.Choice(facet.choices) if facet.choices else None,
                            help=f"Only this {what} (repeatable).")(func)
    return func


def _check_facet(facet):
    def check(ctx, param, values):
        for value in values:
            problem = facet.problem(value)
            if problem:
                raise click.BadParameter(f"{value!r} {problem}", ctx, param)
        return values
    return check
