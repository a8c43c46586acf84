"""Every setting of claimsearch with its default, once: CLI option > CLAIMSEARCH_* env > default."""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from .errors import BadParameter

ENV_PREFIX = "CLAIMSEARCH_"
MAX_DEFAULT_WORKERS = 4  # each server process holds its own caches (about 230 MB at 10x BBC)
TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off", "")


def default_workers() -> int:
    """Return one server process per CPU, at most MAX_DEFAULT_WORKERS."""
    return min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS)


@dataclass(frozen=True)
class Setting:
    """One setting: its config key, default (a value or a function giving it), help and bounds."""

    name: str
    default: object
    help: str
    minimum: int | None = None
    maximum: int | None = None
    shown: str | None = None  # how help texts show a computed default

    @property
    def env(self) -> str:
        """Return the environment variable that sets it."""
        return ENV_PREFIX + self.name

    def default_value(self):
        """Return the default, computed now when it depends on the machine."""
        return self.default() if callable(self.default) else self.default

    def parse(self, raw: str):
        """Return the environment's text as this setting's type; BadParameter when it is not one."""
        kind = type(self.default_value())
        if kind is bool:
            if raw.strip().lower() not in TRUE + FALSE:
                raise BadParameter(self.env, raw, "must be true or false")
            return raw.strip().lower() in TRUE
        return self._whole_number(raw) if kind is int else raw

    def _whole_number(self, raw: str) -> int:
        value, low, high = raw.strip(), self.minimum or 0, self.maximum
        if not (value.isascii() and value.isdigit()) or int(value) < low or (high and int(value) > high):
            bounds = f"from {low} to {high}" if high else f"of at least {low}"
            raise BadParameter(self.env, raw, f"must be a whole number {bounds}")
        return int(value)


SETTINGS = (
    Setting("INDEX", "index", "Index directory."),
    Setting("CORPUS", "seeds", "Folder of articles `claimsearch index` reads."),
    Setting("HOST", "127.0.0.1", "Address the server listens on."),
    Setting("PORT", 8000, "Port the server listens on.", 1, 65535),
    Setting("WORKERS", default_workers, "Server processes sharing the port: searching is CPU-bound "
            "Python, one core each.", 1, 64, shown=f"CPUs, at most {MAX_DEFAULT_WORKERS}"),
    Setting("THREADS", 2, "Request threads per server process.", 1, 64),
    Setting("TIMEOUT", 30, "Seconds a server worker may be stuck in one request before it is replaced.",
            1, 3600),
    Setting("APP", "web:create_app", "The WSGI app factory the server runs, as module:function."),
    Setting("PAGE_SIZE", 20, "Hits per page when a search does not say.", 1, 10_000),
    Setting("MAX_PAGE_SIZE", 100, "Most hits one page may ask for (per_page).", 1, 10_000),
    Setting("MAX_PAGE", 10_000, "Highest page number a search may ask for.", 1),
    Setting("CLI_PAGE_SIZE", 10, "Hits `claimsearch search` prints when --limit is not given.", 1, 10_000),
    Setting("MAX_QUERY_LENGTH", 500, "Longest query text accepted, in characters.", 1),
    Setting("MAX_FILTER_VALUES", 20, "Most values one filter parameter may repeat.", 1),
    Setting("MAX_VALUE_LENGTH", 200, "Longest filter value accepted, in characters.", 1),
    Setting("MAX_EXPORT", 5000, "Most records one CSV or JSON export holds.", 1),
    Setting("FEED_SIZE", 50, "Newest matches one Atom feed of a search holds.", 1, 10_000),
    Setting("BROWSE_PAGE_SIZE", 50, "Speakers per page on /speakers when the request does not say.", 1),
    Setting("MAX_BROWSE_PAGE_SIZE", 500, "Most speakers one /speakers page may ask for.", 1),
    Setting("FACET_TIME_LIMIT_MS", 200, "Milliseconds a search may spend counting facets; facets not "
            "counted by then are listed in facets_timed_out.", 0),
    Setting("WARM_UP", False, "Load the index when the app starts, before the first request."),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}


def setting(name: str) -> Setting:
    """Return the setting called ``name`` (a config key such as PAGE_SIZE)."""
    return BY_NAME[name]


def defaults() -> dict:
    """Return every setting's default."""
    return {s.name: s.default_value() for s in SETTINGS}


def from_env(environ: Mapping[str, str] | None = None) -> dict:
    """Return the settings the environment sets (CLAIMSEARCH_PAGE_SIZE=5 -> PAGE_SIZE: 5)."""
    environ = os.environ if environ is None else environ
    return {s.name: s.parse(environ[s.env]) for s in SETTINGS if s.env in environ}


def resolve(overrides: Mapping | None = None, environ: Mapping[str, str] | None = None) -> dict:
    """Return defaults, then the environment, then ``overrides`` (CLI options; None means unset)."""
    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    return {**defaults(), **from_env(environ), **given}
