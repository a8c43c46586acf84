"""Facet counts as plain data: each value with its count and whether it is selected."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from itertools import filterfalse

from ..index.schema import FACETS_BY_NAME

FACET_SIZE = 30


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet."""

    value: str
    count: int
    selected: bool
    excluded: bool = False


@dataclass(frozen=True)
class Without:
    """An exclusion's doc set: a doc passes when it is NOT among ``docs``."""

    docs: frozenset


@dataclass(frozen=True)
class Facet:
    """A facet's values, most frequent first; truncated when more exist than are shown."""

    name: str
    values: tuple[FacetValue, ...]
    truncated: bool = False
    timed_out: bool = False  # not counted: the search's facet time ran out first


def column_values(reader, column: str, translate: bool = True) -> list:
    """Return every document's value of a facet column as one list (None where it has none).

    translate=False gives a numeric column's raw values: a date column's "no value" (2**64 - 1) is no
    datetime, and translating it raises OverflowError (histogram.to_date reads the raw values)."""
    count = reader.doc_count_all()
    if not reader.has_column(column):
        return [None] * count
    interned: dict = {}
    # Reading a column whole is about 20x faster than one doc at a time through a MultiColumnReader.
    values = [interned.setdefault(raw, raw.decode("utf-8") if isinstance(raw, bytes) else raw) or None
              for raw in reader.column_reader(column, translate=translate)]
    return values[:count] + [None] * (count - len(values))


def count_facets(base: list[int], columns: dict, filter_sets: dict, selected: dict,
                 size: int = FACET_SIZE, time_limit: float | None = None, excluded: dict | None = None) -> list[Facet]:
    """Count each facet over the docs passing every *other* facet's filter, for ``time_limit`` s."""
    # Datasette's facet_time_limit_ms: a common word's facets on a big corpus must not hold the page
    # up; facets left when the time is up are marked timed out. A limit of 0 times out every facet.
    deadline = None if time_limit is None else time.monotonic() + time_limit
    facets, passed = [], {}
    for name, column in columns.items():
        if deadline is not None and time.monotonic() >= deadline:
            facets.append(Facet(name=name, values=(), timed_out=True))
            continue
        others = tuple(other for other in filter_sets if other != name)
        if others not in passed:  # facets not filtered themselves share one doc list
            passed[others] = passing(base, _flat(filter_sets[other] for other in others))
        counts = Counter(map(column, passed[others]))  # counted in C: a common word at 10x is 50k docs
        counts.pop(None, None)
        dropped = (excluded or {}).get(name, ())
        facets.append(facet_from_counts(name, counts, selected.get(name, ()), size, dropped))
    return facets


def passing(docs, filter_sets) -> list[int]:
    """Return the docs (in their order) that are in every one of the filter sets and in no Without."""
    for allowed in filter_sets:
        if isinstance(allowed, Without):
            docs = filterfalse(allowed.docs.__contains__, docs)
        else:
            docs = filter(allowed.__contains__, docs)  # membership tested in C, no Python loop
    return list(docs)


def _flat(groups):
    """Return the sets of several facets' filters as one sequence (a facet may both keep and exclude)."""
    return [s for group in groups for s in group]


def facet_from_counts(name: str, counts: dict[str, int], chosen, size: int, dropped=()) -> Facet:
    """Return a facet's ``size`` most frequent values, plus its ``chosen`` and ``dropped`` values anywhere."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    # A filter value matches as its facet compares it: `tony blair` selects "Tony Blair".
    facet = FACETS_BY_NAME.get(name)
    same = facet.filter_term if facet is not None else str
    keys, dropped_keys = {same(v) for v in chosen}, {same(v) for v in dropped}
    shown = ranked[:size] + [(v, c) for v, c in ranked[size:] if same(v) in keys | dropped_keys]
    found = {same(v) for v, _ in shown}
    # chosen or excluded, though nothing (left) has it now
    shown += [(v, counts.get(v, 0)) for v in dict.fromkeys((*chosen, *dropped)) if same(v) not in found]
    if name == "month":
        shown.sort(key=lambda kv: kv[0], reverse=True)
    values = tuple(FacetValue(value=v, count=c, selected=same(v) in keys, excluded=same(v) in dropped_keys)
                   for v, c in shown)
    return Facet(name=name, values=values, truncated=len(ranked) > size)
