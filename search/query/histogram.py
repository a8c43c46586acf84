"""Attention over time: how many matching documents fall in each day, week or month."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from whoosh.util.times import long_to_datetime

DATE_COLUMN = "date"  # the schema's sortable DATETIME field: one value per document
# The finest interval whose bars for the whole span stay few enough to read (about 60 to 120).
INTERVALS = (("day", 62), ("week", 7 * 105), ("month", 366 * 10), ("year", None))


@dataclass(frozen=True)
class Bucket:
    """One bar: the period from ``start`` to ``end`` (both included) and its document count."""

    start: dt.date
    end: dt.date
    count: int


@dataclass(frozen=True)
class Histogram:
    """Counts per period over the dated matches, empty periods included, oldest first."""

    interval: str
    buckets: tuple[Bucket, ...]

    @property
    def peak(self) -> int:
        """Return the largest count (the height of the tallest bar)."""
        return max(bucket.count for bucket in self.buckets)


def date_histogram(docs, date_of) -> Histogram | None:
    """Count ``docs`` per period of their ``date_of(doc)`` (a date column value, None when undated)."""
    per_day = Counter()
    for raw, count in Counter(map(date_of, docs)).items():  # counted in C; few distinct dates
        day = to_date(raw)
        if day is not None:
            per_day[day] += count
    if not per_day:
        return None  # nothing dated: the page shows no chart
    first, last = min(per_day), max(per_day)
    interval = choose_interval(first, last)
    counts = Counter()
    for day, count in per_day.items():
        counts[period_start(day, interval)] += count
    buckets, start = [], period_start(first, interval)
    while start <= last:
        following = next_start(start, interval)
        end = dt.date.max if following is None else following - dt.timedelta(days=1)
        buckets.append(Bucket(start, end, counts[start]))
        if following is None:
            break
        start = following
    return Histogram(interval, tuple(buckets))


def to_date(raw) -> dt.date | None:
    """Return the date of a date column value (a datetime, or a long in older columns); None if it has none."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if not isinstance(raw, int):
        return None
    try:
        return long_to_datetime(raw).date()
    except (OverflowError, ValueError):  # a long column's "no value" is 2**64 - 1
        return None


def choose_interval(first: dt.date, last: dt.date) -> str:
    """Return the finest interval that keeps the span from ``first`` to ``last`` to a readable number of bars."""
    span = (last - first).days
    return next(name for name, most in INTERVALS if most is None or span < most)


def period_start(day: dt.date, interval: str) -> dt.date:
    """Return the first day of the period of ``interval`` holding ``day`` (weeks start on Monday)."""
    if interval == "day":
        return day
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def next_start(start: dt.date, interval: str) -> dt.date | None:
    """Return the first day of the period after the one starting on ``start``; None past year 9999."""
    try:
        return _next_start(start, interval)
    except (OverflowError, ValueError):
        return None


def _next_start(start: dt.date, interval: str) -> dt.date:
    if interval == "day":
        return start + dt.timedelta(days=1)
    if interval == "week":
        return start + dt.timedelta(days=7)
    if interval == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start.replace(year=start.year + 1)
